"""Make the sitemap MkDocs writes independent of the day of the build.

MkDocs stamps every ``<lastmod>`` of ``sitemap.xml`` with the build date and
writes that date into the gzip header of ``sitemap.xml.gz``, so the same input
built on two days gives two different sites. (MkDocs would take the date from
``SOURCE_DATE_EPOCH`` instead, but nobody sets that variable by hand.) After
each build the kit rewrites both: ``<lastmod>`` becomes the edition's release
date (the newest changelog entry), or is left out when the file has no
changelog; the gzip copy carries no time at all.
"""

from __future__ import annotations

import gzip
import re

__all__ = ["gzipped", "stable_sitemap"]

_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
_LASTMOD_LINE = re.compile(r"\n[ \t]*<lastmod>[^<]*</lastmod>[ \t]*(?=\n)")


def stable_sitemap(xml: str, date: str | None) -> str:
    """``xml`` with every ``<lastmod>`` set to ``date`` (YYYY-MM-DD), or removed if ``date`` is None."""
    if date is None:
        return _LASTMOD.sub("", _LASTMOD_LINE.sub("", xml))
    return _LASTMOD.sub(f"<lastmod>{date}</lastmod>", xml)


def gzipped(data: bytes) -> bytes:
    """``data`` gzip-compressed with no time and no file name in the header."""
    return gzip.compress(data, compresslevel=9, mtime=0)
