"""Writing a finished document to disk: whole, or not at all, readable by its owner only. No Qt,
no database. Which files a person may choose is :mod:`careplan.services.chosen_files`' business;
this module only refuses to rename a file over something that is not an ordinary file."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from careplan.domain.wording.failures import os_reason

PRIVATE = 0o600


class NotAFile(OSError):
    """The target exists and is not an ordinary file (a folder, a device, a named pipe, a socket)."""


def write_atomically(path: Path, data: bytes, *, mode: int = PRIVATE) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file beside it (same folder,
    so the rename cannot cross file systems), private (``mode``, 0600) from the start, flushed to
    disk, then renamed over ``path``. On any failure the temporary file is removed and an existing
    ``path`` is left as it was. :class:`NotAFile` when ``path`` (or what a link there leads to) is
    not an ordinary file: the rename would replace a device, a pipe or a socket with a file."""
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise NotAFile(f"{path} is not an ordinary file")
    folder = path.parent
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), mode)  # mkstemp makes it 0600; say so, not rely on it
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
    if isinstance(exc, NotAFile):
        return "that is not an ordinary file (a folder, a device or a pipe has that name)"
    return os_reason(exc, saving=True)
