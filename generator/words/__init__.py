"""Words: interface labels, page texts, tool messages and their markup, per language.

The texts themselves are data in ``generator/texts/``; these modules read them, resolve a
language's gaps through its fallback chain, and help an editor translate them. Every
stage may use them; they use nothing of the generator but the model and its root folder."""
