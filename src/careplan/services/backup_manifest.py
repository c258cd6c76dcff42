"""What a backup says it holds: its manifest (schema revision, when, which Careplan, row counts,
a fingerprint of every row, the head of its audit trail), never a name or a word anyone wrote.

Written into the backup when it is made (:mod:`careplan.services.backup_checks`), kept in its
own table (:mod:`careplan.storage.manifest_table`), and read back: to restore the backup, to list
it, and to check the live audit trail against it (``careplan audit verify``).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careplan.domain.errors import StorageError, UnusableBackup
from careplan.services.audit import ChainAnchor
from careplan.storage.backup_keys import backup_key
from careplan.storage.database import Database
from careplan.storage.encryption import DatabaseKey
from careplan.storage.manifest_table import read_manifest as read_manifest_text
from careplan.storage.manifest_table import take_manifest
from careplan.storage.sqlite_files import sqlite_errors

MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class BackupManifest:
    """What a backup holds, in numbers only (never a name or a word anyone wrote)."""

    schema_revision: str
    created_at: str
    careplan_version: str
    counts: dict[str, int] = field(default_factory=dict)
    content_sha256: str = ""  # every table's rows and the schema, as made: a changed byte shows
    format: int = MANIFEST_FORMAT
    audit_anchor: ChainAnchor | None = None  # the copy's newest audit event (None: an older backup)

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "format": self.format,
            "schema_revision": self.schema_revision,
            "created_at": self.created_at,
            "careplan_version": self.careplan_version,
            "counts": self.counts,
            "content_sha256": self.content_sha256,
        }
        if self.audit_anchor is not None:
            data["audit_anchor"] = {"event": self.audit_anchor.seq, "hash": self.audit_anchor.hash}
        return json.dumps(data, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BackupManifest:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("counts"), dict):
            raise ValueError("not a manifest")
        return cls(
            schema_revision=str(data["schema_revision"]),
            created_at=str(data["created_at"]),
            careplan_version=str(data["careplan_version"]),
            counts={str(k): int(v) for k, v in data["counts"].items()},
            content_sha256=str(data.get("content_sha256", "")),
            format=int(data.get("format", MANIFEST_FORMAT)),
            audit_anchor=_anchor_of(data.get("audit_anchor")),
        )


def _anchor_of(data: Any) -> ChainAnchor | None:
    """The manifest's audit anchor; None for a backup made before anchors (or a malformed one)."""
    if not isinstance(data, dict):
        return None
    event, digest = data.get("event"), data.get("hash")
    if not isinstance(event, int) or not isinstance(digest, str):
        return None
    return ChainAnchor.from_text(f"{event}-{digest}")


def take_from_copy(db: Database) -> BackupManifest | None:
    """The manifest inside a copy of a backup, taken out of the copy (it is not part of the
    database); None for a backup made without one."""
    had, text = take_manifest(db)
    if not had:
        return None
    try:
        if text is None:
            raise ValueError("an empty manifest")
        return BackupManifest.from_json(text)
    except (ValueError, KeyError, TypeError) as exc:
        raise UnusableBackup(
            "The backup is damaged (its list of contents cannot be read). Nothing was changed."
        ) from exc


def manifest_for_anchor(backup: Path, database: Path | None) -> BackupManifest | None:
    """The manifest of the backup at ``backup`` (None: it has none), read without changing the
    file, for ``careplan audit verify``. Unlike :func:`read_manifest` it says why it cannot read
    one: :class:`UnusableBackup` or :class:`DatabaseLocked` (a :class:`StorageError`)."""
    key = backup_key(backup, database).key
    errors = sqlite_errors()
    try:
        text = read_manifest_text(backup, key, only_if_there=True)
        return None if text is None else BackupManifest.from_json(text)
    except (*errors, ValueError, KeyError, TypeError) as exc:  # type: ignore[misc]
        raise UnusableBackup(f"{backup.name} cannot be read: it is damaged.") from exc


def read_manifest(
    backup_path: str | os.PathLike[str], key: DatabaseKey | None = None
) -> BackupManifest | None:
    """The manifest of a backup file, read without changing the file (None if it has none, or
    if it cannot be read). ``key``: the backup's (default: found through its key file)."""
    path = Path(backup_path)
    errors = sqlite_errors()
    if key is None:
        try:
            key = backup_key(path).key
        except StorageError:
            return None
    try:
        text = read_manifest_text(path, key)
        return None if text is None else BackupManifest.from_json(text)
    except (*errors, ValueError, KeyError, TypeError):  # type: ignore[misc]
        return None
