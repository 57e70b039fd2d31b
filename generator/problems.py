"""Located problems in an input file, and the one exception the CLI catches.

A problem names its message by id (see ``generator.words.messages``) with the values
to fill in, so the command line can show it in the editor's language."""

from __future__ import annotations

from dataclasses import dataclass

from generator.words.messages import Msg

__all__ = ["InputError", "Problem", "problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with the place it was found."""

    file: str
    """Path of the file, as the user named it."""
    line: int
    """1-based line number."""
    col: int
    """1-based column number."""
    what: Msg
    """What is wrong, and how to fix it."""

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.what.text("en")

    def text(self, lang: str | None = None) -> str:
        """``file:line:col: message`` in ``lang``."""
        return f"{self.file}:{self.line}:{self.col}: {self.what.text(lang)}"

    def __str__(self) -> str:
        return self.text("en")


def problem(file: str, line: int, col: int, key: str, /, **values: object) -> Problem:
    """A problem at ``file:line:col`` with the message ``key``."""
    return Problem(file, line, col, Msg.of(key, **values))


class InputError(Exception):
    """The input cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))

    def text(self, lang: str | None = None) -> str:
        """Every problem, one a line, in ``lang``."""
        return "\n".join(p.text(lang) for p in self.problems)
