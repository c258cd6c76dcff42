"""What went wrong, in plain sentences: a file or folder the system refused, a database that failed.

The one place that turns operating system errors (by ``errno``) and SQLite and PostgreSQL
failures (by what their drivers say: their exception types live below ``domain``, so the words
are matched instead) into words. Nothing here blames the person; each says what to do next.
"""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EACCES: "you are not allowed to use it",
    errno.EPERM: "you are not allowed to use it",
    errno.EROFS: "that disk can only be read, not written to",
    errno.ENOENT: "there is no such file or folder",
    errno.ENOTDIR: "a part of it is a file, not a folder",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.ELOOP: "it links to itself",
}

_SAVING_REASONS = _REASONS | {
    errno.EACCES: "you are not allowed to save in that folder",
    errno.EPERM: "you are not allowed to save in that folder",
    errno.ENOENT: "that folder does not exist (any more)",
    errno.EISDIR: "there is a folder with that name",
    errno.ENAMETOOLONG: "the file name is too long",
}


def os_reason(exc: OSError, *, saving: bool = False) -> str:
    """Why the system refused, as the end of a sentence: "the disk is full".

    ``saving``: the words for a file being saved into a folder the person chose.
    """
    reasons = _SAVING_REASONS if saving else _REASONS
    if exc.errno in reasons:
        return reasons[exc.errno]
    if exc.strerror:
        return exc.strerror if saving else exc.strerror.lower()
    return "the disk refused it" if saving else "the system refused it"


def write_problem(exc: OSError, what: str) -> str:
    """A whole sentence for ``what`` ("the backup") not written, when nothing was changed."""
    if exc.errno == errno.ENOSPC:
        return (
            f"The disk is full, so {what} could not be written. Nothing was changed. "
            "Free some space and try again."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"{_first_upper(what)} could not be written: the folder is read-only. Nothing was changed."
    if exc.errno == errno.EIO:
        return f"The disk reported an error while {what} was written. Nothing was changed. Check the disk."
    return f"{_first_upper(what)} could not be written ({exc.strerror or exc}). Nothing was changed."


def _said(exc: BaseException) -> str:
    """What the database driver said (SQLAlchemy wraps it: the driver's own error is ``orig``)."""
    return str(getattr(exc, "orig", exc)).lower()


def database_problem(exc: BaseException) -> str:
    """A whole sentence for a SQLite or PostgreSQL failure while the record was read or saved."""
    text = _said(exc)
    if "locked" in text or "busy" in text:
        return (
            "The database is busy: another Careplan window or workstation is saving. "
            "Please try again in a moment. Nothing has been lost."
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            "The database file is damaged and cannot be read. Nothing has been changed. "
            "Restore the latest backup or ask your administrator."
        )
    if "readonly" in text or "read-only" in text or "read only" in text:
        return "The database cannot be written to (the file or folder is read-only)."
    if "disk is full" in text or "no space" in text:
        return "The disk is full, so nothing could be saved. Free some space and try again."
    if "unable to open" in text:
        return "The database file cannot be opened. Check that the folder exists and can be written to."
    if "connection" in text or "could not connect" in text or "password authentication" in text:
        return "Careplan cannot reach the database server. Check the address and that the server is running."
    return "The database reported a problem, so nothing was saved. Please try again."


def backup_problem(exc: BaseException) -> str:
    """A whole sentence for a SQLite failure while the database was copied into a backup."""
    text = _said(exc)
    if "full" in text:
        return (
            "The disk is full, so the backup could not be written. Nothing was changed. "
            "Free some space and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return "The backup could not be written: the folder is read-only. Nothing was changed."
    if "i/o" in text:
        return "The disk reported an error while the backup was written. Nothing was changed. Check the disk."
    if "locked" in text or "busy" in text:
        return "The database was too busy to copy. Nothing was changed. Please try again in a moment."
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return (
            "The database file is damaged, so it cannot be backed up. Nothing was changed. "
            "Restore the latest backup or ask your administrator."
        )
    return "The backup could not be made. Nothing was changed. Please try again."


def _first_upper(words: str) -> str:
    return words[:1].upper() + words[1:]
