"""Read a criteria file without trusting what its path names.

A path may name a device that never ends (``/dev/zero``), a named pipe that blocks until some
other program writes to it, or a folder. So the file is opened without blocking, refused unless
it is an ordinary file, and read only up to the size limit (a file may grow while it is read).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotAFileError", "read_at_most"]

_CHUNK = 1 << 20


class NotAFileError(OSError):
    """The path names a folder, device, pipe or socket, not an ordinary file."""


def read_at_most(path: str | Path, limit: int) -> tuple[bytes, int]:
    """The first ``limit + 1`` bytes at most of the ordinary file at ``path`` (so that a longer file
    shows as one), with the file's size when opened. Raise NotAFileError for anything else, and
    OSError if it cannot be opened."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise NotAFileError(str(path))
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(handle, min(left, _CHUNK))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks), status.st_size
    finally:
        os.close(handle)
