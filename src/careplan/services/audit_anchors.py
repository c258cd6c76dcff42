"""Anchors: the audit chain's head, written down outside the live database.

The chain shows that each event follows from the one before, but not that the chain is whole:
somebody with the database key (every user of the workstation has it, through the keyring) can
cut the newest events and move ``audit_head`` back, empty the trail, or change an event and work
out every hash after it again, and the chain checks out. So the head is written down where the
database cannot reach it:

- every backup's manifest records the head of the copy (:mod:`careplan.services.backup`);
- every signed agreement records the head when it was made, in its ``Keywords``, inside the
  signed bytes (:mod:`careplan.documents`).

:func:`check_trail` walks the chain (:func:`verify_audit_trail` does only that) and then asks,
for each anchor found, whether the live trail still has that event with that hash. Since every
hash covers the one before, one anchor held vouches for every event up to it.

What this catches: cutting the tail, wiping the trail, and changing (and re-hashing) any event
up to the newest anchor. What it does not: events after the newest anchor (a backup a day, so
up to a day's events, or events since the last agreement handed over); someone who also deletes
or rewrites every backup and never hands over an agreement (the anchors are only as safe as the
places they are kept); and on PostgreSQL, where Careplan makes no backups (pg_dump's job), only
agreements anchor the trail, and a server administrator can change anything in it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.errors import StorageError
from careplan.domain.permissions import Action
from careplan.domain.records import AuditEvent
from careplan.domain.wording.dates import long_date
from careplan.services.audit import GENESIS, ChainAnchor, ChainReport, verify_chain
from careplan.services.backup_manifest import manifest_for_anchor
from careplan.services.unit_of_work import read_only
from careplan.storage.backup_folder import BACKUP_SUFFIX, backups_folder
from careplan.storage.database import Database


class AnchorKind(StrEnum):
    BACKUP = "backup"
    AGREEMENT = "agreement"


@dataclass(frozen=True)
class AnchorSource:
    """A file that may hold an anchor: what it is, when it was made, the anchor it holds (None:
    made before anchors), or why nothing could be read from it."""

    kind: AnchorKind
    file_name: str
    made_at: datetime | None = None
    anchor: ChainAnchor | None = None
    unusable: str | None = None  # a whole sentence
    document_id: str | None = None  # agreements only

    def describe(self) -> str:
        """ "The backup made on 3 December 2026 (careplan-….careplan-backup)"."""
        when = f" made on {long_date(self.made_at)}" if self.made_at is not None else ""
        if self.kind is AnchorKind.BACKUP:
            return f"The backup{when} ({self.file_name})"
        what = f"The agreement {self.document_id}" if self.document_id else "The agreement"
        when = f" signed on {long_date(self.made_at)}" if self.made_at is not None else ""
        return f"{what}{when} ({self.file_name})"


class AnchorState(StrEnum):
    HELD = "held"  # the live trail still has the event, with the same hash
    REMOVED = "removed"  # the live trail has no such event any more
    CHANGED = "changed"  # it has the event number, with another hash
    NO_ANCHOR = "no_anchor"  # made before this version
    UNUSABLE = "unusable"  # the file could not be read, or is not genuine


@dataclass(frozen=True)
class AnchorFinding:
    source: AnchorSource
    state: AnchorState
    sentence: str

    @property
    def broken(self) -> bool:
        return self.state in (AnchorState.REMOVED, AnchorState.CHANGED)


@dataclass(frozen=True)
class TrailCheck:
    """The chain's own walk and what each anchor says about it."""

    chain: ChainReport
    findings: tuple[AnchorFinding, ...]

    @property
    def anchors_held(self) -> int:
        return sum(1 for f in self.findings if f.state is AnchorState.HELD)

    @property
    def intact(self) -> bool:
        return self.chain.intact and not any(f.broken for f in self.findings)


def verify_audit_trail(db: Database, actor: Actor) -> ChainReport:
    """Walk the whole trail, without its anchors (staff who may see the audit)."""
    with read_only(db, actor, Action.VIEW_AUDIT) as work:
        return verify_chain(work.session)


def check_trail(db: Database, actor: Actor, sources: Iterable[AnchorSource]) -> TrailCheck:
    """Walk the whole trail, then check every anchor against it (staff who may see the audit)."""
    with read_only(db, actor, Action.VIEW_AUDIT) as work:
        chain = verify_chain(work.session)
        findings = tuple(_finding(work.session, source) for source in sources)
    return TrailCheck(chain, findings)


def _finding(session: Session, source: AnchorSource) -> AnchorFinding:
    what = source.describe()
    if source.unusable is not None:
        return AnchorFinding(source, AnchorState.UNUSABLE, f"{what} was not used: {source.unusable}")
    anchor = source.anchor
    if anchor is None:
        return AnchorFinding(
            source, AnchorState.NO_ANCHOR, f"{what} has no anchor (made before this version)."
        )
    if anchor.seq == 0:
        live: str | None = GENESIS
    else:
        live = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == anchor.seq))
    event = f"event {anchor.seq:,}"
    if live == anchor.hash:
        return AnchorFinding(
            source, AnchorState.HELD, f"{what} recorded {event}; the live trail still has it, unchanged."
        )
    if live is None:
        return AnchorFinding(
            source,
            AnchorState.REMOVED,
            f"{what} recorded {event}, which the live trail no longer has: events have been removed since.",
        )
    return AnchorFinding(
        source,
        AnchorState.CHANGED,
        f"{what} recorded {event} with a hash the live trail no longer has: events have been "
        "removed or changed since.",
    )


# --- backups --------------------------------------------------------------------------------------


def backup_sources(db: Database, given: Sequence[Path] = ()) -> list[AnchorSource]:
    """Every backup that may hold an anchor: those in ``backups/`` beside an SQLite database
    (automatic and named ones), and the files or folders ``given``. None on PostgreSQL unless
    given (Careplan does not back a server up)."""
    found: dict[Path, None] = {}
    places = list(given)
    if db.path is not None:
        places.insert(0, backups_folder(db.path))
    for place in places:
        if place.is_dir():
            with contextlib.suppress(OSError):
                for path in sorted(place.glob(f"*{BACKUP_SUFFIX}")):
                    found.setdefault(path.absolute(), None)
        elif place in given:
            found.setdefault(place.absolute(), None)  # a file named on purpose: say if it is not there
    return [_backup_source(path, db.path) for path in found]


def _backup_source(path: Path, database: Path | None) -> AnchorSource:
    name = path.name
    if not path.is_file():
        return AnchorSource(AnchorKind.BACKUP, name, unusable="there is no such file.")
    try:
        manifest = manifest_for_anchor(path, database)
    except StorageError as exc:
        return AnchorSource(AnchorKind.BACKUP, name, unusable=exc.message)
    if manifest is None:
        return AnchorSource(AnchorKind.BACKUP, name)
    made: datetime | None = None
    with contextlib.suppress(ValueError):
        made = datetime.fromisoformat(manifest.created_at)
    return AnchorSource(AnchorKind.BACKUP, name, made, manifest.audit_anchor)
