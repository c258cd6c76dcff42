"""Whether a database holds demo data, asked by the app and the command line without importing
the demo generator (``careplan.demo``). Also what is already at an address ``careplan demo`` is
given: demo data is only ever made in a new database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from careplan.domain.errors import CareplanError
from careplan.domain.records import Setting
from careplan.storage.database import Database, resolve_target
from careplan.storage.opener import is_new_database, open_as_it_is

DEMO_SETTING = "demo"
"""The setting the demo generator leaves in a database it filled: what it was made with."""


def demo_marker(db: Database) -> dict[str, Any] | None:
    """What the demo generator made this database with (seed, people, day), or None for real data."""
    with db.session() as session:
        setting = session.get(Setting, DEMO_SETTING)
        return dict(setting.value) if setting is not None else None


def is_demo(db: Database) -> bool:
    """Whether this database holds demo data (everyone in it is invented)."""
    return demo_marker(db) is not None


@dataclass(frozen=True)
class ExistingDatabase:
    """A database that is already there, where demo data must not be made."""

    where: str  # the file, or the server's address without its password
    is_file: bool  # an SQLite file (else a PostgreSQL database)
    demo: dict[str, Any] | None  # its demo marker, when it is a demo database that opened as it is


def existing_database(target: str | os.PathLike[str] | None) -> ExistingDatabase | None:
    """None when ``target`` names a new database (the only kind demo data may be made in); else
    where it is and, for a demo database that opens without asking anything, what it was made
    with. Nothing is created or changed."""
    if is_new_database(target):
        return None
    url = resolve_target(target)
    sqlite = url.get_backend_name() == "sqlite"
    # A server's address without its password (the keyring keeps it: careplan db set-password).
    where = (url.database or "") if sqlite else url.set(password=None).render_as_string(hide_password=False)
    try:
        db = open_as_it_is(target)
    except CareplanError:
        return ExistingDatabase(where, sqlite, None)
    try:
        return ExistingDatabase(where, sqlite, demo_marker(db))
    except CareplanError:
        return ExistingDatabase(where, sqlite, None)
    finally:
        db.dispose()
