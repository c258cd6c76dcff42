"""What is at a path when it is not an ordinary file, in plain words.

Careplan reads and writes ordinary files only. Opening a named pipe waits for someone at its
other end (for ever), opening some devices does something, and renaming a finished file over a
device, a pipe or a socket replaces it with a file: so what is there is looked at first, with
``stat``, which opens nothing.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def kind_of(mode: int) -> str | None:
    """None for an ordinary file; otherwise what it is: "a folder", "a device", "a named pipe"..."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def not_a_file(path: str | os.PathLike[str]) -> str | None:
    """What is at ``path`` (following symbolic links) when it is not an ordinary file, else None
    (an ordinary file, nothing at all, or a path that cannot be looked at: opening it says why)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    return kind_of(mode)


def database_file_problem(path: Path) -> str | None:
    """The sentence for a database path that names something other than an ordinary file, or None."""
    kind = not_a_file(path)
    if kind is None:
        return None
    if kind == "not an ordinary file":
        return f"{path} is not an ordinary file, so it cannot be a Careplan database."
    return f"{path} is {kind}, not a Careplan database file."
