"""Running the Alembic migrations that live inside the package.

Opening a database that is up to date reads its ``alembic_version`` with plain SQL and compares
it with :data:`~careplan.storage.schema_head.HEAD_REVISION`; Alembic is imported only when
something has to be migrated (it takes longer to import than the rest of opening): each import of
it below is inside the function that needs it, for that reason (measured by
tests/storage/test_schema_head.py and tests/gui/test_startup_imports.py).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from careplan.domain.errors import StorageError
from careplan.storage.database import Database
from careplan.storage.schema_head import HEAD_REVISION
from careplan.storage.storage_errors import translate_storage_errors

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


def alembic_config(db: Database) -> Config:
    from alembic.config import Config  # Alembic only when migrating: see the module's docstring

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = db.engine
    return config


def head_revision() -> str:
    """The newest migration's revision."""
    return HEAD_REVISION


def alembic_head() -> str:
    """The newest migration's revision as Alembic finds it in the migration scripts."""
    from alembic.script import ScriptDirectory  # Alembic only when migrating: see the module's docstring

    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    # Alembic only when migrating: see the module's docstring.
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(db: Database) -> str | None:
    """The revision the database's schema is at (None: not set up)."""
    with translate_storage_errors(), db.engine.connect() as conn:
        if not inspect(conn).has_table(VERSION_TABLE):
            return None
        versions = list(conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars())
    if len(versions) > 1:  # never made by Careplan's single line of migrations
        raise StorageError("This database's schema version cannot be read. Nothing has been changed.")
    return str(versions[0]) if versions else None


def upgrade_if_needed(db: Database) -> bool:
    """Bring the schema up to the newest migration. Returns True if anything ran.

    An existing SQLite file is copied aside first, so a failed upgrade loses nothing.
    """
    current = current_revision(db)
    if current == head_revision():
        return False
    if current is not None and not is_known_revision(current):
        raise StorageError(
            "This database was made by a newer version of Careplan. Nothing has been changed. "
            "Install the newer version of Careplan to open it."
        )
    path = db.path
    if current is not None and path is not None and path.exists() and path.stat().st_size > 0:
        db.copy_aside(f"before-upgrade-from-{current}")
        log.info("copied the database aside before upgrading it")
    log.info("upgrading the schema from %s to %s", current or "nothing", head_revision())
    from alembic import command  # only now: importing Alembic is most of an up-to-date open

    try:
        with translate_storage_errors():
            command.upgrade(alembic_config(db), "head")
    except BaseException:
        # A migration that failed may leave its connection with foreign keys off (migrations/env.py):
        # never hand it to the next use case.
        db.dispose()
        log.info("the schema upgrade from %s failed", current or "nothing", exc_info=True)
        raise
    log.info("the schema is up to date (%s)", head_revision())
    return True
