"""Running the Alembic migrations that live inside the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from careplan.domain.errors import StorageError
from careplan.storage.database import Database, translate_storage_errors

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = db.engine
    return config


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def is_known_revision(revision: str) -> bool:
    try:
        return ScriptDirectory(str(MIGRATIONS)).get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(db: Database) -> str | None:
    with translate_storage_errors(), db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    with translate_storage_errors():
        command.upgrade(alembic_config(db), "head")
    return True
