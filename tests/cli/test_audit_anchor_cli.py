"""``careplan audit verify`` against anchors kept outside the database (issue 14, item 5).

Somebody with the database key (any user of the workstation has it, through the keyring) can cut
the trail's tail and move ``audit_head`` back, empty the trail, or change an event and work out
every hash after it again: the chain alone then checks out. Each attack here is done that way,
straight in the database, and must be caught through a backup's anchor and through a signed
agreement's anchor. Synthetic data only (the shared builders).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import delete, select, update

from careplan.domain.actor import STAFF, Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.records import AuditEvent, AuditHead
from careplan.services import backup, people
from careplan.services import signing_certificate as certs
from careplan.services.audit import GENESIS, event_hash
from careplan.storage import backup_keys, encryption, open_database
from careplan.storage.database import Database
from tests import refusals, sqlite_files, worlds
from tests.cli.sign_in import give_everyone_a_password
from tests.cli.test_agreement_cli import ORGANISATION, PASSPHRASE, assert_plain_failure, run
from tests.keyring_memory import FileKeyring, installed

AUDIT_BROKEN = 7
LATER_EVENTS = 6  # written after both anchors, so every attack reaches back past them


@dataclass(frozen=True)
class Site:
    folder: Path
    database: Path
    keyring_file: Path
    agreement: Path
    backup_anchor: int  # the event the backup recorded
    agreement_anchor: int  # the event the agreement recorded

    def copy(self, into: Path, *, with_backups: bool) -> Site:
        """A private copy (database, keyring, agreement; the backups folder only if asked)."""
        into.mkdir(parents=True, exist_ok=True)
        database = into / "careplan.db"
        sqlite_files.copy(self.database, database)
        shutil.copy(self.keyring_file, into / "keyring.json")
        shutil.copy(self.agreement, into / self.agreement.name)
        if with_backups:
            shutil.copytree(backup.backups_folder(self.database), backup.backups_folder(database))
        return Site(
            into,
            database,
            into / "keyring.json",
            into / self.agreement.name,
            self.backup_anchor,
            self.agreement_anchor,
        )

    def verify(self, *extra: str) -> subprocess.CompletedProcess[str]:
        return run(
            "--database",
            str(self.database),
            "audit",
            "verify",
            *extra,
            data_dir=self.folder,
            keyring_file=self.keyring_file,
        )


def newest_event(db: Database) -> int:
    with db.session() as session:
        head = session.get(AuditHead, 1)
        assert head is not None
        return head.last_seq


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """Dee's active plan; an automatic backup; a signed agreement saved to a file; then more work."""
    from careplan.documents.issue import issue_signed_agreement, save_agreement

    folder = tmp_path_factory.mktemp("anchored")
    database = folder / "careplan.db"
    keyring_file = folder / "keyring.json"
    db = open_database(database)
    try:
        world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
        give_everyone_a_password(db)
        key = sqlite_files.key_of(database)
        with installed(FileKeyring(keyring_file)):
            encryption.remember_key(key.database_id, key.key)
            certs.create_self_signed(db, world.team.manager, ORGANISATION, PASSPHRASE, key_kind="ec-p256")
            made = backup.automatic_backup(db, world.team.manager)
            assert made is not None
            backup_anchor = newest_event(db)
            issued = issue_signed_agreement(
                db,
                world.team.manager,
                world.version_id,
                easy_read=False,
                identity=certs.signing_identity(db),
            )
            agreement_anchor = newest_event(db)
            agreement = folder / issued.file_name
            save_agreement(db, world.team.manager, issued, agreement)
        for week in range(LATER_EVENTS):
            people.write_about_me(
                db, world.team.key_worker, world.person_id, "going_well", f"Week {week}", STAFF
            )
    finally:
        db.dispose()
    return Site(folder, database, keyring_file, agreement, backup_anchor, agreement_anchor)


# --- the attacks: done with the database key, behind Careplan's back --------------------------------


def cut_the_tail(db: Database, site: Site) -> None:
    """Remove the newest events (back past both anchors) and move the head to match."""
    keep = min(site.backup_anchor, site.agreement_anchor) - 2
    with db.session() as session, session.begin():
        last = session.scalar(select(AuditEvent.hash).where(AuditEvent.id == keep))
        assert last is not None
        session.execute(delete(AuditEvent).where(AuditEvent.id > keep))
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=keep, last_hash=last))


def wipe_every_event(db: Database, site: Site) -> None:
    del site
    with db.session() as session, session.begin():
        session.execute(delete(AuditEvent))
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=0, last_hash=GENESIS))


def edit_and_rehash(db: Database, site: Site) -> None:
    """Change an old event, then work out every hash after it again and move the head."""
    del site
    with db.session() as session, session.begin():
        prev = GENESIS
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            if event.id == 3:
                event.action = "read"
            event.prev_hash = prev
            event.hash = event_hash(
                event.id,
                event.at,
                event.staff_id,
                event.action,
                event.entity,
                event.entity_id,
                list(event.fields),
                prev,
                person_id=event.person_id,
            )
            prev = event.hash
        head = session.get(AuditHead, 1)
        assert head is not None
        head.last_hash = prev


ATTACKS: dict[str, Callable[[Database, Site], None]] = {
    "tail_cut_and_head_fixed": cut_the_tail,
    "every_event_wiped": wipe_every_event,
    "event_edited_and_chain_rehashed": edit_and_rehash,
}


def attacked(site: Site, into: Path, how: str, *, with_backups: bool) -> Site:
    copy = site.copy(into, with_backups=with_backups)
    db = open_database(copy.database)
    try:
        ATTACKS[how](db, copy)
    finally:
        db.dispose()
    return copy


def assert_caught(result: subprocess.CompletedProcess[str], what: str) -> None:
    assert result.returncode == AUDIT_BROKEN, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    output = result.stdout + result.stderr
    assert what in output
    assert "the live trail no longer has" in output


@pytest.mark.parametrize("how", list(ATTACKS))
def test_an_attack_is_caught_through_a_backup(site: Site, tmp_path: Path, how: str) -> None:
    copy = attacked(site, tmp_path, how, with_backups=True)
    assert_caught(copy.verify(), "The backup made on")


@pytest.mark.parametrize("how", list(ATTACKS))
def test_an_attack_is_caught_through_an_agreement(site: Site, tmp_path: Path, how: str) -> None:
    copy = attacked(site, tmp_path, how, with_backups=False)
    assert_caught(copy.verify("--agreement", str(copy.agreement)), "The agreement")


def test_a_clean_trail_with_anchors_passes(site: Site, tmp_path: Path) -> None:
    copy = site.copy(tmp_path, with_backups=True)
    result = copy.verify("--agreement", str(copy.folder))  # a folder: every PDF in it
    assert result.returncode == 0, result.stdout + result.stderr
    assert "The audit trail is intact" in result.stdout
    assert f"recorded event {site.backup_anchor:,}" in result.stdout
    assert f"recorded event {site.agreement_anchor:,}" in result.stdout
    assert "still has it" in result.stdout


def test_a_backup_without_an_anchor_is_reported_not_an_error(site: Site, tmp_path: Path) -> None:
    copy = site.copy(tmp_path, with_backups=True)
    old = backup.backups_folder(copy.database) / "careplan-20240101T000000000000Z.careplan-backup"
    made = next(backup.backups_folder(copy.database).glob("*.careplan-backup"))
    key = backup_keys.backup_key(made).key
    shutil.copy(made, old)
    shutil.copy(encryption.key_file_for(made), encryption.key_file_for(old))
    connection = encryption.connect(old, key)
    try:
        connection.execute("UPDATE careplan_backup SET manifest = json_remove(manifest, '$.audit_anchor')")
        connection.commit()
    finally:
        connection.close()
    result = copy.verify()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "has no anchor (made before this version)" in result.stdout


def test_a_deleted_audit_head_gives_a_plain_message(site: Site, tmp_path: Path) -> None:
    copy = site.copy(tmp_path, with_backups=False)
    connection = sqlite_files.connect(copy.database)
    try:
        connection.execute("DELETE FROM audit_head")
        connection.commit()
    finally:
        connection.close()
    assert_plain_failure(copy.verify(), AUDIT_BROKEN, "audit trail")
    plans = run(
        "--database", str(copy.database), "plans", data_dir=copy.folder, keyring_file=copy.keyring_file
    )
    assert_plain_failure(plans, AUDIT_BROKEN, "audit trail")


def test_signing_in_without_the_audit_head_is_refused_plainly(sqlite_db: Database) -> None:
    from careplan.domain.errors import AuditTrailBroken
    from careplan.services import authentication

    world = worlds.build_world(sqlite_db)
    give_everyone_a_password(sqlite_db)
    with sqlite_db.session() as session, session.begin():
        session.execute(delete(AuditHead))
    with pytest.raises(AuditTrailBroken) as refused:
        authentication.sign_in(sqlite_db, "priya", "team password 1")
    refusals.assert_plain(refused.value.message)
    assert "sign in" in refused.value.message
    assert isinstance(world.team.manager, Actor)
