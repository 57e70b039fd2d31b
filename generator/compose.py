"""Compose a YAML text into ruamel's node tree, turning every way that can fail into a located problem.

Hostile files are expected: nesting is bounded (ruamel's composer recurses,
so ten thousand ``[`` would otherwise end in RecursionError), characters YAML
forbids are reported where they are, and a ``%YAML 1.1`` directive, which would
switch the parser to YAML 1.1 rules, is refused.
"""

from __future__ import annotations

import re
import warnings

from ruamel.yaml import YAML
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, ReusedAnchorWarning, YAMLError
from ruamel.yaml.nodes import Node
from ruamel.yaml.reader import ReaderError

from generator.characters import forbidden_character
from generator.problems import InputError, Problem

__all__ = ["MAX_DEPTH", "compose", "line_col"]

MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted (a criteria file needs 8); keeps the
recursive composer and builder far from Python's recursion limit."""
_OLD_YAML = re.compile(r"^%YAML[ \t]+1\.[01]\b", re.M)


def compose(text: str, file: str) -> Node | None:
    """The YAML node tree of ``text``; InputError with the place of any syntax error."""
    old = _OLD_YAML.search(text)
    if old:
        raise InputError([Problem(file, *line_col(text, old.start()), f"the file declares {old.group()}; the kit "
                                  "reads YAML 1.2 only: remove this line")])
    yaml = YAML(typ="rt")
    yaml.max_depth = MAX_DEPTH
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ReusedAnchorWarning)  # legal YAML: the later anchor wins
            root: Node | None = yaml.compose(text)
            return root
    except MaxDepthExceededError as exc:
        mark = exc.problem_mark
        raise InputError([Problem(file, mark.line + 1, mark.column + 1, f"lists and mappings are nested more "
                                  f"than {MAX_DEPTH} deep here; a criteria file needs at most 8")]) from None
    except ReaderError as exc:
        char = chr(exc.character) if isinstance(exc.character, int) else str(exc.character)
        what = forbidden_character(char) or f"the character {char!r}"
        raise InputError([Problem(file, *line_col(text, exc.position),
                                  f"the file contains {what}, which YAML does not allow; remove it")]) from None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(filter(None, [exc.context, exc.problem]))
        raise InputError([Problem(file, line, col, f"YAML syntax error: {what}")]) from None
    except YAMLError as exc:
        raise InputError([Problem(file, 1, 1, f"YAML error: {exc}")]) from None


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
