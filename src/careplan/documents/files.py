"""Writing a finished document to disk: whole, or not at all. No Qt, no database."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it (same folder,
    so the rename cannot cross file systems), flushed to disk, then renamed over ``path``. On any
    failure the temporary file is removed and an existing ``path`` is left as it was."""
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            directory = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)


def why_not_written(exc: OSError) -> str:
    """A plain reason for a failed write: "the disk is full", "you may not write in that folder"."""
    import errno

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "you are not allowed to save in that folder",
        errno.EPERM: "you are not allowed to save in that folder",
        errno.EROFS: "that disk can only be read, not written to",
        errno.ENOENT: "that folder does not exist (any more)",
        errno.ENAMETOOLONG: "the file name is too long",
        errno.EISDIR: "there is a folder with that name",
    }
    return reasons.get(exc.errno or 0, exc.strerror or "the disk refused it")
