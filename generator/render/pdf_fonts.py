"""The fonts of one language's PDFs: the system's Noto CJK faces cut down to the characters its forms use.

WeasyPrint embeds a subset of every font it uses in each PDF, and it keeps every glyph number of the
original font (so that the text it laid out stays valid): with the Noto CJK collection (65,535 glyphs)
each PDF carried a glyph table of the whole font's length, and cutting it down and compressing it was
half the time of writing a one-page form and most of its bytes. A face holding only the characters of
the language's forms (about a thousand) has glyph numbers in that range: each PDF's subset is then made
and compressed in a fraction of the time and is half the size, with the same outlines and metrics, so
the pages look the same.

The faces are cut with HarfBuzz's subsetter (uharfbuzz) once per language and build, from the font
files fontconfig names for the family (``fc-match``, which Pango's Debian package brings); their
bytes depend only on the font files and the characters, so two builds give the same PDFs. A
character the faces lack (none when the text is taken from the documents themselves) falls back to
the system family named after them in ``pdf.css``.
"""

from __future__ import annotations

import hashlib
import html
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

__all__ = ["SUFFIX", "FontFace", "font_face_rules", "font_faces", "system_font"]

WEIGHTS = (400, 700)
"""The weights the forms use: normal and bold (fontconfig maps lighter and heavier ones to these)."""
SUFFIX = " Subset"
"""Added to the family's name for the faces cut down to the forms' characters."""
_ALWAYS = frozenset(range(0x20, 0x7F))
"""Printable ASCII, always kept (digits of the page numbers, punctuation of the running header)."""


@dataclass(frozen=True)
class FontFace:
    """One face of a family, cut down to some characters."""

    family: str
    """The name the stylesheets use for it: the system family's name and SUFFIX."""
    weight: int
    """Its CSS weight."""
    data: bytes
    """The OpenType font."""

    @property
    def url(self) -> str:
        """Its address in the stylesheets, which only the PDF renderer's fetcher answers (by content)."""
        return f"kit-font:{hashlib.sha256(self.data).hexdigest()[:32]}.otf"


def font_faces(family: str, texts: Iterable[str]) -> tuple[FontFace, ...]:
    """The faces of the system family ``family`` (normal and bold) holding every character of ``texts``;
    none when the system lacks that family."""
    files = [system_font(family, weight) for weight in WEIGHTS]
    characters = _ALWAYS.union(*(_characters(text) for text in texts))
    return tuple(FontFace(family + SUFFIX, weight, _subset(*file, characters))
                 for weight, file in zip(WEIGHTS, files, strict=True) if file is not None) if all(files) else ()


def font_face_rules(faces: Iterable[FontFace]) -> str:
    """The ``@font-face`` rules that name ``faces`` for the PDF's stylesheets."""
    return "".join(f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
                   f'src: url("{face.url}"); }}\n' for face in faces)


@cache
def system_font(family: str, weight: int) -> tuple[str, int] | None:
    """The file and face index of ``family`` at CSS ``weight`` that fontconfig chooses; None when the
    system lacks the family (fontconfig would name another one: the PDFs then use what it gives)."""
    # fontconfig weights: 80 regular, 200 bold (FC_WEIGHT_*).
    pattern = f"{family}:weight={200 if weight >= 600 else 80}"
    try:
        found = subprocess.run(["fc-match", "--format=%{family}\n%{file}\n%{index}", pattern], capture_output=True,
                               text=True, check=True, timeout=60).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) != 3 or family not in found[0].split(","):
        return None
    return found[1], int(found[2] or 0)


_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})")


def _characters(text: str) -> set[int]:
    """The code points of ``text``, with those its HTML character references and CSS escapes stand for."""
    plain = html.unescape(text)
    return set(map(ord, plain)) | {int(code, 16) for code in _CSS_ESCAPE.findall(plain) if int(code, 16) <= 0x10FFFF}


def _subset(path: str, index: int, characters: frozenset[int] | set[int]) -> bytes:
    import uharfbuzz as hb  # only builds that make PDFs load it

    face = hb.Face(hb.Blob.from_file_path(path), index)
    request = hb.SubsetInput()
    request.unicode_set.update(sorted(characters))
    request.flags = hb.SubsetFlags.NO_HINTING
    return bytes(hb.subset(face, request).blob.data)
