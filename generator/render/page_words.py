"""The texts of one page in one language, as templates use them: ``w("key")``, ``w.items("key")``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.words.text_markup import md_text, plain_text
from generator.words.texts import Texts

__all__ = ["Words"]


@dataclass(frozen=True)
class Words:
    """Texts of ``page`` in one language (resolved through its fallback chain), filled with ``values``."""

    texts: Texts
    """The language's texts."""
    page: str
    """Page key in generator/texts/pages/<lang>.yaml."""
    values: Mapping[str, object] = field(default_factory=dict)
    """Placeholder values every text of the page may use."""
    plain: bool = False
    """True for plain text without markup (the workbook), False for Markdown."""

    def _render(self, text: str, more: Mapping[str, object]) -> str:
        values = {**self.values, **more}
        return plain_text(text, values) if self.plain else md_text(text, values)

    def __call__(self, key: str, **more: object) -> str:
        """The text ``key``, rendered; a list's items joined by spaces."""
        value = self.texts.page(self.page)[key]
        return self._render(value if isinstance(value, str) else " ".join(value), more)

    def items(self, key: str, **more: object) -> list[str]:
        """The items of list ``key`` (a single text counts as one item), rendered."""
        value = self.texts.page(self.page)[key]
        return [self._render(item, more) for item in ((value,) if isinstance(value, str) else value)]

    def code(self, key: str) -> str:
        """The text ``key`` as the one line of a code block: as written, minus backticks (which
        could close the block) and line breaks."""
        value = self.texts.page(self.page)[key]
        return " ".join(str(value).replace("`", "").split())

    def rows(self, key: str, **more: object) -> list[list[str]]:
        """The items of list ``key`` as table rows, cells separated by `` | `` in the text."""
        value = self.texts.page(self.page)[key]
        items = (value,) if isinstance(value, str) else value
        return [[self._render(cell.strip(), more) for cell in item.split(" | ")]
                for item in items]
