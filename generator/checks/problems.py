"""Located problems in an input file, and the one exception the CLI catches."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["InputError", "Problem"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, with the place it was found."""

    file: str
    """Path of the file, as the user named it."""
    line: int
    """1-based line number."""
    col: int
    """1-based column number."""
    message: str
    """What is wrong, and how to fix it."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class InputError(Exception):
    """The input cannot be used; ``problems`` lists every reason found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
