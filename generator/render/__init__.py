"""Pure renderers: each turns one language's ``Context`` into ``{path: content}``; the render table is
``pages.py``, each kind's renderer ``language.py``."""

__all__: list[str] = []
