"""Checking a copy of the database, as backing up and restoring do: before a copy becomes a
backup it must pass SQLite's integrity check and have a whole audit trail, and then it is labelled
with its manifest; before a backup is restored, a private copy of it passes the same checks, its
fingerprint must match its manifest, and an older schema is brought up to date on the copy."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from careplan import __version__
from careplan.domain.errors import StorageError, UnusableBackup
from careplan.domain.records import AuditEvent, Goal, Person, Plan, PlanVersion, StaffMember
from careplan.domain.wording.failures import backup_problem
from careplan.services.audit import head_anchor, verify_chain
from careplan.services.backup_manifest import BackupManifest, take_from_copy
from careplan.storage.database import Database
from careplan.storage.encryption import DatabaseKey
from careplan.storage.manifest_table import write_manifest
from careplan.storage.migrate import alembic_config, head_revision, is_known_revision
from careplan.storage.restore_files import cannot_restore
from careplan.storage.sqlite_check import content_digest, require_integrity, require_utf8, schema_revision
from careplan.storage.sqlite_files import file_database, sqlite_errors


def chain_ok(db: Database, problem: str, *, unusable: bool = False) -> None:
    """The whole audit trail of the copy follows link by link, or ``problem``."""
    kind = UnusableBackup if unusable else StorageError
    try:
        with Session(db.engine) as session:
            report = verify_chain(session)
    except (SQLAlchemyError, ValueError, TypeError, KeyError) as exc:
        raise kind(f"{problem} (it cannot be read). Nothing was changed.") from exc
    if not report.intact:
        raise kind(f"{problem}: {report.problem}. Nothing was changed.")


def label_copy(partial: Path, key: DatabaseKey | None) -> BackupManifest:
    """Check the copy as restore would, then write the manifest into it."""
    require_integrity(partial, key, "The copy of the database failed SQLite's integrity check")
    copy = file_database(partial, key)
    try:
        revision = schema_revision(copy)
        if revision is None:
            raise StorageError("The database has not been set up, so there is nothing to back up.")
        chain_ok(copy, "The database's audit trail is broken")
        with Session(copy.engine) as session:
            anchor = head_anchor(session)  # the copy's own head: the trail as this backup holds it
        manifest = BackupManifest(
            schema_revision=revision,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            careplan_version=__version__,
            counts=_counts(copy),
            content_sha256=content_digest(partial, key),
            audit_anchor=anchor,
        )
    finally:
        copy.dispose()
    try:
        write_manifest(partial, key, manifest.to_json())
    except sqlite_errors() as exc:
        raise StorageError(backup_problem(exc)) from exc
    return manifest


def _counts(db: Database) -> dict[str, int]:
    tables = {
        "staff": StaffMember,
        "people": Person,
        "plans": Plan,
        "plan_versions": PlanVersion,
        "goals": Goal,
        "audit_events": AuditEvent,
    }
    with Session(db.engine) as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in tables.items()
        }


def check_copy(copy: Path, backup: Path, key: DatabaseKey) -> tuple[BackupManifest | None, bool]:
    """The private copy of ``backup`` checked (and brought up to date): its manifest, and whether
    it was upgraded. Any damage the checks do not name (text that is not text any more, a header
    that makes SQLite open the file read-only...) is called damaged all the same."""
    try:
        return _check_backup_copy(copy, key)
    except (UnicodeError, SQLAlchemyError, *sqlite_errors()) as exc:  # type: ignore[misc]
        raise UnusableBackup(cannot_restore(backup, "it is damaged")) from exc


def _check_backup_copy(copy: Path, key: DatabaseKey) -> tuple[BackupManifest | None, bool]:
    """Integrity, schema revision (upgrading an older one), audit chain. Drops the manifest."""
    name = "The backup"
    require_integrity(copy, key, f"{name} is damaged (it failed SQLite's integrity check)", unusable=True)
    require_utf8(copy, key)
    db = file_database(copy, key)
    try:
        try:
            revision = schema_revision(db)
        except StorageError as exc:
            raise UnusableBackup(
                f"{name} is not a Careplan backup, or it is damaged. Nothing was changed."
            ) from exc
        if revision is None:
            raise UnusableBackup(f"{name} is not a Careplan backup. Nothing was changed.")
        if not is_known_revision(revision):
            raise UnusableBackup(
                f"{name} was made by a newer version of Careplan. Nothing was changed. "
                "Install the newer version of Careplan to restore it."
            )
        manifest = take_from_copy(db)
        if (
            manifest is not None
            and manifest.content_sha256
            and content_digest(copy, key) != manifest.content_sha256
        ):
            raise UnusableBackup(
                f"{name} has been changed or damaged since it was made (its contents no longer "
                "match the fingerprint taken then). Nothing was changed."
            )
        upgraded = revision != head_revision()
        if upgraded:
            from alembic import command  # Alembic only when migrating (tests/gui/test_startup_imports.py)

            try:
                command.upgrade(alembic_config(db), "head")
            except SQLAlchemyError as exc:
                raise UnusableBackup(
                    f"{name} could not be brought up to date with this version of Careplan. "
                    "Nothing was changed."
                ) from exc
        chain_ok(db, f"{name}'s audit trail is broken", unusable=True)
    finally:
        db.dispose()
    return manifest, upgraded
