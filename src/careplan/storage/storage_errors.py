"""A database failure in plain words: what the driver said, as one sentence for a person."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError, OperationalError

from careplan.domain.errors import StorageError


@contextlib.contextmanager
def translate_storage_errors() -> Iterator[None]:
    try:
        yield
    except (OperationalError, DBAPIError) as exc:
        raise StorageError(describe_storage_error(exc)) from exc


def describe_storage_error(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc)).lower()
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
