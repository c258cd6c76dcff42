"""Staff sign-in: passwords, the growing delay, the lock, unlocking, leavers, rehashing, audit."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition, PermissionDenied, SignInRefused
from careplan.domain.records import AuditEvent, Setting, SignInFailure, StaffMember, utcnow
from careplan.services import authentication as auth
from careplan.services import staff
from careplan.services.audit_anchors import verify_audit_trail
from careplan.services.authentication import (
    LOCK_AFTER,
    MISMATCH,
    SignedIn,
    change_password,
    confirm_identity,
    create_first_administrator,
    needs_first_administrator,
    set_password,
    sign_in,
    unlock_staff,
)
from careplan.storage.database import Database
from tests.refusals import refused

ADMIN_PASSWORD = "admin password 123"
SAM_PASSWORD = "purple kettle morning"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


@pytest.fixture(autouse=True)
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2 settings, so many sign-ins stay quick (the real ones are tested once below)."""
    monkeypatch.setattr(auth, "HASHER", FAST)


@dataclass
class Office:
    admin: SignedIn
    sam: Actor


def make_office(db: Database) -> Office:
    admin = create_first_administrator(db, "ada", "Ada Admin", ADMIN_PASSWORD)
    sam = Actor(staff.add_staff(db, admin.actor, "sam", "Sam Okafor", Role.KEY_WORKER, SAM_PASSWORD))
    return Office(admin, sam)


@pytest.fixture
def office(db: Database) -> Office:
    """Ada (administrator) and Sam (key worker, first password), on both engines."""
    return make_office(db)


@pytest.fixture
def sq_office(sqlite_db: Database) -> Office:
    """The same office, on SQLite only."""
    return make_office(sqlite_db)


def sam_row(db: Database) -> StaffMember:
    with db.session() as session:
        row = session.scalar(select(StaffMember).where(StaffMember.username == "sam"))
        assert row is not None
        session.expunge(row)
        return row


def pass_time(db: Database) -> None:
    """As if the delay had run out (the service compares with the clock; no test sleeps)."""
    with db.session() as session, session.begin():
        session.execute(update(StaffMember).values(locked_until=utcnow() - timedelta(seconds=1)))


def all_audit_text(db: Database) -> str:
    with db.engine.connect() as conn:
        return repr(conn.execute(select(AuditEvent.__table__)).all())


def fail(db: Database, password: str = "wrong password!") -> SignInRefused:
    with pytest.raises(SignInRefused) as info:
        sign_in(db, "sam", password)
    return info.value


# --- the first administrator -----------------------------------------------------------------


def test_a_new_database_sets_up_its_first_administrator_once(db: Database) -> None:
    assert needs_first_administrator(db)
    ada = create_first_administrator(db, " Ada ", "Ada  Admin", ADMIN_PASSWORD)
    assert (ada.username, ada.display_name, ada.role, ada.must_change_password) == (
        "ada",
        "Ada Admin",
        Role.ADMINISTRATOR,
        False,
    )
    assert not needs_first_administrator(db)
    assert sign_in(db, "ada", ADMIN_PASSWORD).actor == ada.actor
    with refused(db, InvalidTransition, "already has staff"):
        create_first_administrator(db, "mallory", "Mallory", "mallory password")


def test_the_first_administrator_needs_a_good_password(sqlite_db: Database) -> None:
    with refused(sqlite_db, InvalidInput, "at least 10 characters"):
        create_first_administrator(sqlite_db, "ada", "Ada", "short")
    assert needs_first_administrator(sqlite_db)


# --- signing in ------------------------------------------------------------------------------


def test_the_right_password_signs_in_and_says_a_first_password_must_change(
    db: Database, office: Office
) -> None:
    signed = sign_in(db, "SAM ", SAM_PASSWORD)
    assert signed == SignedIn(office.sam, "sam", "Sam Okafor", Role.KEY_WORKER, True)


def test_unknown_name_and_wrong_password_get_the_same_words(db: Database, office: Office) -> None:
    with pytest.raises(SignInRefused) as unknown:
        sign_in(db, "nobody", SAM_PASSWORD)
    wrong = fail(db)
    assert unknown.value.message == wrong.message == MISMATCH
    assert unknown.value.retry_after_seconds is None
    with pytest.raises(SignInRefused, match="do not match"):
        sign_in(db, "", "")


LOCKED_15_MINUTES = f"{auth.LOCKED} Try again in 15 minutes, or ask an administrator to unlock it."


def test_a_growing_delay_then_a_lock_that_ends_or_an_administrator_lifts(
    db: Database, office: Office
) -> None:
    waits = []
    for attempt in range(1, LOCK_AFTER + 1):
        refusal = fail(db)
        waits.append(refusal.retry_after_seconds)
        if attempt < LOCK_AFTER:
            assert sam_row(db).failed_sign_ins == attempt
            if refusal.retry_after_seconds:
                wait = refusal.retry_after_seconds
                assert (f"wait {wait} seconds" if wait < 120 else "wait 3 minutes") in refusal.message
                # While the delay runs, not even the right password is checked.
                with pytest.raises(SignInRefused, match="Please wait") as early:
                    sign_in(db, "sam", SAM_PASSWORD)
                assert 0 < (early.value.retry_after_seconds or 0) <= refusal.retry_after_seconds
                assert sam_row(db).failed_sign_ins == attempt  # waiting is not a failure
                pass_time(db)
    assert waits == [None, None, 2, 4, 8, 16, 32, 64, 128, None]  # a lock is said in words
    assert refusal.message == f"{MISMATCH} {LOCKED_15_MINUTES}"
    assert sam_row(db).locked
    with pytest.raises(SignInRefused) as locked:
        sign_in(db, "sam", SAM_PASSWORD)  # not even the right password, while it lasts
    assert (locked.value.message, locked.value.retry_after_seconds) == (LOCKED_15_MINUTES, None)
    # A locked account cannot act either, even with an Actor in hand.
    with pytest.raises(PermissionDenied, match="locked"):
        staff.staff_list(db, office.sam)

    # No lock lasts for ever: once it ends, the right password signs in (and the count starts again).
    pass_time(db)
    assert sign_in(db, "sam", SAM_PASSWORD).actor == office.sam
    assert (sam_row(db).failed_sign_ins, sam_row(db).locked) == (0, False)

    # An administrator need not wait.
    for _ in range(LOCK_AFTER):
        fail(db)
        pass_time(db)
    fail(db)  # the lock from the tenth had ended: the eleventh locks again
    assert sam_row(db).locked
    unlock_staff(db, office.admin.actor, office.sam.staff_id)
    row = sam_row(db)
    assert (row.locked, row.failed_sign_ins, row.locked_until) == (False, 0, None)
    assert sign_in(db, "sam", SAM_PASSWORD).actor == office.sam


def test_each_wrong_password_after_a_lock_locks_again_for_twice_as_long_up_to_a_day(
    sqlite_db: Database, sq_office: Office
) -> None:
    db = sqlite_db
    for _ in range(LOCK_AFTER - 1):
        fail(db)
        pass_time(db)
    said = []
    for _ in range(9):
        refusal = fail(db)
        said.append(refusal.message.removeprefix(f"{MISMATCH} {auth.LOCKED} Try again in "))
        row = sam_row(db)
        assert row.locked
        assert row.locked_until is not None
        said_lock = row.locked_until - utcnow()
        assert said_lock <= auth.LONGEST_LOCK
        pass_time(db)
    assert said == [
        f"{length}, or ask an administrator to unlock it."
        for length in (
            "15 minutes",
            "30 minutes",
            "60 minutes",
            "2 hours",
            "4 hours",
            "8 hours",
            "16 hours",
            "24 hours",
            "24 hours",
        )
    ]
    assert [auth.lock_for(n) for n in (10, 11, 17, 18, 10_000)] == [
        timedelta(minutes=15),
        timedelta(minutes=30),
        timedelta(days=1),
        timedelta(days=1),
        timedelta(days=1),
    ]


def test_a_lock_from_an_earlier_version_has_ended(sqlite_db: Database, sq_office: Office) -> None:
    """Locks used to last until an administrator lifted them, with no end recorded."""
    with sqlite_db.session() as session, session.begin():
        session.execute(
            update(StaffMember).values(locked=True, failed_sign_ins=LOCK_AFTER, locked_until=None)
        )
    assert not staff.staff_list(sqlite_db, sq_office.admin.actor)[1].locked
    assert sign_in(sqlite_db, "sam", SAM_PASSWORD).actor == sq_office.sam
    assert not sam_row(sqlite_db).locked


def test_a_right_password_resets_the_count(sqlite_db: Database, sq_office: Office) -> None:
    db = sqlite_db
    fail(db)
    fail(db)
    sign_in(db, "sam", SAM_PASSWORD)
    assert sam_row(db).failed_sign_ins == 0
    assert fail(db).retry_after_seconds is None


def test_a_leaver_is_told_plainly_but_only_with_the_right_password(db: Database, office: Office) -> None:
    staff.deactivate_staff(db, office.admin.actor, office.sam.staff_id)
    with pytest.raises(SignInRefused) as wrong:
        sign_in(db, "sam", "not it at all")
    assert wrong.value.message == MISMATCH
    with pytest.raises(SignInRefused, match="account has been closed"):
        sign_in(db, "sam", SAM_PASSWORD)


def test_staff_without_a_password_cannot_sign_in_until_one_is_set(
    sqlite_db: Database, sq_office: Office
) -> None:
    db = sqlite_db
    kim = staff.add_staff(db, sq_office.admin.actor, "kim", "Kim Lee", Role.MANAGER)
    with pytest.raises(SignInRefused, match="do not match"):
        sign_in(db, "kim", "not anybody's password")
    set_password(db, sq_office.admin.actor, kim, "kim first password")
    assert sign_in(db, "kim", "kim first password").must_change_password


def test_old_argon2_settings_are_upgraded_at_sign_in(
    sqlite_db: Database, sq_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = sqlite_db
    before = sam_row(db).password_hash
    assert before is not None
    assert "m=8," in before
    stronger = PasswordHasher(time_cost=2, memory_cost=16, parallelism=1)
    monkeypatch.setattr(auth, "HASHER", stronger)
    sign_in(db, "sam", SAM_PASSWORD)
    after = sam_row(db).password_hash
    assert after is not None
    assert "m=16," in after
    assert "t=2," in after
    assert not stronger.check_needs_rehash(after)
    sign_in(db, "sam", SAM_PASSWORD)  # still the same password
    # A wrong password never rehashes anything.
    monkeypatch.setattr(auth, "HASHER", FAST)
    fail(db)
    assert sam_row(db).password_hash == after


def test_the_real_settings_are_argon2id_with_a_random_salt(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "HASHER", PasswordHasher())
    create_first_administrator(sqlite_db, "ada", "Ada", ADMIN_PASSWORD)
    with sqlite_db.session() as session:
        stored = session.scalar(select(StaffMember.password_hash))
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert ADMIN_PASSWORD not in stored
    assert auth.hash_password(ADMIN_PASSWORD) != auth.hash_password(ADMIN_PASSWORD)


# --- the audit trail -------------------------------------------------------------------------


def test_sign_ins_failures_and_locks_are_audited_without_any_password(db: Database, office: Office) -> None:
    sign_in(db, "sam", SAM_PASSWORD)
    with pytest.raises(SignInRefused):
        sign_in(db, "mallory", "mallory's guess 1")
    for _ in range(LOCK_AFTER):
        fail(db, "sams guess 999")
        pass_time(db)
    change_password(db, office.admin.actor, ADMIN_PASSWORD, "admin password 456")
    with db.session() as session:
        events = [
            (e.staff_id, e.action, e.entity_id)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "staff").order_by(AuditEvent.id)
            )
        ]
    sam_id, ada_id = office.sam.staff_id, office.admin.actor.staff_id
    assert (sam_id, "sign_in", sam_id) in events  # a sign-in is the member's own act
    assert (None, "sign_in_failed", None) in events  # an unknown name: no account to name
    assert events.count((None, "sign_in_failed", sam_id)) == LOCK_AFTER
    assert (None, "lock", sam_id) in events
    assert (ada_id, "change_password", ada_id) in events
    text = all_audit_text(db)
    for secret in (SAM_PASSWORD, "mallory", "sams guess", ADMIN_PASSWORD, "admin password 456", "$argon2"):
        assert secret not in text
    assert verify_audit_trail(db, office.admin.actor).intact


# --- confirming who you are (the auto-locked window) -----------------------------------------


def test_confirm_identity_counts_failures_like_sign_in(db: Database, office: Office) -> None:
    confirm_identity(db, office.sam, SAM_PASSWORD)
    for _ in range(3):
        with pytest.raises(SignInRefused, match="do not match"):
            confirm_identity(db, office.sam, "guess guess guess")
    assert sam_row(db).failed_sign_ins == 3
    with pytest.raises(SignInRefused, match="Please wait") as info:
        confirm_identity(db, office.sam, SAM_PASSWORD)
    assert info.value.retry_after_seconds
    pass_time(db)
    confirm_identity(db, office.sam, SAM_PASSWORD)
    assert sam_row(db).failed_sign_ins == 0


def test_confirm_identity_refuses_a_leaver(sqlite_db: Database, sq_office: Office) -> None:
    staff.deactivate_staff(sqlite_db, sq_office.admin.actor, sq_office.sam.staff_id)
    with pytest.raises(PermissionDenied, match="Only active members"):
        confirm_identity(sqlite_db, sq_office.sam, SAM_PASSWORD)


# --- passwords -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "phrase"),
    [
        ("short", "at least 10 characters"),
        ("abc def g", "at least 10 characters"),
        ("", "at least 10 characters"),
        ("samsamsam", "at least 10 characters"),
        ("x" * 1001, "too long"),
    ],
)
def test_password_rules(sqlite_db: Database, sq_office: Office, password: str, phrase: str) -> None:
    with refused(sqlite_db, InvalidInput, phrase):
        change_password(sqlite_db, sq_office.sam, SAM_PASSWORD, password)


def test_the_username_is_not_a_password(sqlite_db: Database, sq_office: Office) -> None:
    kim = staff.add_staff(
        sqlite_db, sq_office.admin.actor, "kimberley.l", "Kim", Role.KEY_WORKER, "first password"
    )
    with refused(sqlite_db, InvalidInput, "not your username"):
        set_password(sqlite_db, sq_office.admin.actor, kim, "KIMBERLEY.L")


def test_passphrases_and_long_passwords_are_fine(sqlite_db: Database) -> None:
    auth.check_password_rules("cat dog sun", "sam")
    auth.check_password_rules("0123456789", "sam")
    auth.check_password_rules("Ünïcödé pässwörd", "sam")


def test_change_your_own_password(db: Database, office: Office) -> None:
    change_password(db, office.sam, SAM_PASSWORD, "green teapot evening")
    assert not sign_in(db, "sam", "green teapot evening").must_change_password
    with pytest.raises(SignInRefused, match="do not match"):
        sign_in(db, "sam", SAM_PASSWORD)


def test_changing_needs_the_current_password_and_counts_a_wrong_one(
    sqlite_db: Database, sq_office: Office
) -> None:
    db = sqlite_db
    with pytest.raises(SignInRefused, match="do not match"):
        change_password(db, sq_office.sam, "not my password", "green teapot evening")
    assert sam_row(db).failed_sign_ins == 1
    with refused(db, InvalidInput, "different"):
        change_password(db, sq_office.sam, SAM_PASSWORD, SAM_PASSWORD)
    assert sign_in(db, "sam", SAM_PASSWORD)


def test_an_administrator_sets_a_password_which_also_unlocks(sqlite_db: Database, sq_office: Office) -> None:
    db = sqlite_db
    for _ in range(LOCK_AFTER):
        fail(db)
        pass_time(db)
    assert sam_row(db).locked
    set_password(db, sq_office.admin.actor, sq_office.sam.staff_id, "brand new password", must_change=True)
    signed = sign_in(db, "sam", "brand new password")
    assert signed.must_change_password
    set_password(db, sq_office.admin.actor, sq_office.sam.staff_id, "another new password", must_change=False)
    assert not sign_in(db, "sam", "another new password").must_change_password


def test_only_administrators_set_passwords_or_unlock(sqlite_db: Database, sq_office: Office) -> None:
    db = sqlite_db
    with refused(db, PermissionDenied, "cannot manage staff"):
        set_password(db, sq_office.sam, sq_office.admin.actor.staff_id, "i am the admin now")
    with refused(db, PermissionDenied, "cannot manage staff"):
        unlock_staff(db, sq_office.sam, sq_office.sam.staff_id)
    with refused(db, PermissionDenied, "cannot manage staff"):
        staff.staff_list(db, sq_office.sam)


def test_staff_list_shows_accounts_but_never_a_hash(sqlite_db: Database, sq_office: Office) -> None:
    db = sqlite_db
    staff.add_staff(db, sq_office.admin.actor, "kim", "Kim Lee", Role.MANAGER)
    staff.deactivate_staff(db, sq_office.admin.actor, sq_office.sam.staff_id)
    listed = staff.staff_list(db, sq_office.admin.actor)
    assert [(s.username, s.role, s.active, s.locked, s.has_password) for s in listed] == [
        ("ada", Role.ADMINISTRATOR, True, False, True),
        ("kim", Role.MANAGER, True, False, False),
        ("sam", Role.KEY_WORKER, False, False, True),
    ]
    assert "argon2" not in repr(listed)


def test_a_huge_password_is_just_a_wrong_one(sqlite_db: Database, sq_office: Office) -> None:
    with pytest.raises(SignInRefused, match="do not match"):
        sign_in(sqlite_db, "sam", SAM_PASSWORD + "x" * 1_000_000)
    assert sam_row(sqlite_db).failed_sign_ins == 1


# --- a name nobody has is answered exactly like a real account ---------------------------------


def pass_time_for_everyone(db: Database) -> None:
    """As :func:`pass_time`, for the real accounts and the names nobody has."""
    pass_time(db)
    with db.session() as session, session.begin():
        session.execute(update(SignInFailure).values(locked_until=utcnow() - timedelta(seconds=1)))


def outward(db: Database, username: str, password: str) -> tuple[str, int | None]:
    """What the person at the keyboard sees: the words, and how long they are told to wait."""
    with pytest.raises(SignInRefused) as info:
        sign_in(db, username, password)
    return info.value.message, info.value.retry_after_seconds


def test_an_unknown_name_gets_the_same_words_waits_and_lock_as_a_real_one(
    db: Database, office: Office
) -> None:
    seen: list[tuple[str, int | None]] = []
    for attempt in range(1, LOCK_AFTER + 3):
        real = outward(db, "sam", "wrong password!")
        unknown = outward(db, " NoBody " if attempt % 2 else "nobody", "wrong password!")
        assert unknown == real, attempt
        seen.append(real)
        if real[1]:
            # While the wait runs, even the right password is not checked, for either name.
            early_real = outward(db, "sam", SAM_PASSWORD)
            early_unknown = outward(db, "nobody", SAM_PASSWORD)
            assert early_real[0].startswith("Too many wrong passwords. Please wait ")
            assert re.sub(r"\d+", "N", early_unknown[0]) == re.sub(r"\d+", "N", early_real[0])
            assert 0 < (early_unknown[1] or 0) <= real[1]
            pass_time_for_everyone(db)
    assert [wait for _, wait in seen] == [None, None, 2, 4, 8, 16, 32, 64, 128, None, None, None]
    assert seen[LOCK_AFTER - 1][0] == f"{MISMATCH} {LOCKED_15_MINUTES}"
    assert seen[-1] == (LOCKED_15_MINUTES, None)
    assert verify_audit_trail(db, office.admin.actor).intact


def test_an_unknown_name_costs_the_same_password_check(
    sqlite_db: Database, sq_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same work, so the time taken tells nothing either: one argon2 check a try, none while
    waiting or locked (counted, not timed)."""
    checks: list[str] = []

    class Counting(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            checks.append(str(hash))
            return super().verify(hash, password)

    monkeypatch.setattr(auth, "HASHER", Counting(time_cost=1, memory_cost=8, parallelism=1))
    for name in ("sam", "nobody"):
        checks.clear()
        for _ in range(3):
            outward(sqlite_db, name, "wrong password!")
        outward(sqlite_db, name, "wrong password!")  # waiting: not checked
        assert len(checks) == 3, name
        assert all(c.startswith("$argon2id$") for c in checks)


def test_unknown_names_are_kept_only_as_keyed_hashes(sqlite_db: Database, sq_office: Office) -> None:
    typed = "mallory's secret passphrase"
    outward(sqlite_db, typed, "wrong password!")
    outward(sqlite_db, typed.upper(), "wrong password!")  # the same name, counted together
    with sqlite_db.engine.connect() as conn:
        rows = conn.execute(select(SignInFailure.__table__)).all()
        everything = repr(rows) + repr(conn.execute(select(Setting.__table__)).all())
    assert len(rows) == 1
    assert rows[0].failed_sign_ins == 2
    assert typed.lower() not in everything.lower()
    assert "mallory" not in everything.lower()
    assert re.fullmatch(r"[0-9a-f]{64}", rows[0].name_key)
    assert rows[0].name_key != hashlib.sha256(typed.casefold().encode()).hexdigest()  # keyed
    with sqlite_db.session() as session:
        key = session.get(Setting, auth.NAME_KEY_SETTING)
        assert key is not None
        assert len(bytes.fromhex(key.value["hmac_sha256"])) == 32


def test_unknown_names_are_forgotten_after_a_day_and_never_fill_the_disk(
    sqlite_db: Database, sq_office: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "MAX_UNKNOWN_NAMES", 5)

    def kept() -> int:
        with sqlite_db.session() as session:
            return len(session.scalars(select(SignInFailure.name_key)).all())

    for _ in range(3):
        outward(sqlite_db, "persistent", "wrong password!")
        pass_time_for_everyone(sqlite_db)
    for index in range(12):
        outward(sqlite_db, f"name {index}", "wrong password!")
        assert kept() <= 5
    # The names with the most wrong tries are the last to go: "persistent" still has its count.
    assert outward(sqlite_db, "persistent", "wrong password!") == (
        f"{MISMATCH} Please wait 4 seconds before trying again.",
        4,
    )
    with sqlite_db.session() as session, session.begin():
        session.execute(update(SignInFailure).values(last_failed_at=utcnow() - timedelta(days=1, seconds=1)))
    outward(sqlite_db, "someone new", "wrong password!")
    assert kept() == 1
    assert outward(sqlite_db, "persistent", "wrong password!") == (MISMATCH, None)  # forgotten


def test_someone_later_given_a_name_that_had_wrong_tries_starts_afresh(db: Database, office: Office) -> None:
    """Tries at a name nobody had were not guesses at the new member's password: they start with
    a clean count, and the old count is never carried over."""
    for _ in range(LOCK_AFTER - 1):
        outward(db, "newbie", "wrong password!")
        pass_time_for_everyone(db)
    outward(db, "newbie", "wrong password!")
    assert outward(db, "newbie", "anything at all") == (LOCKED_15_MINUTES, None)
    new = staff.add_staff(db, office.admin.actor, "newbie", "New Bee", Role.KEY_WORKER, "newbie password 1")
    assert sign_in(db, "Newbie", "newbie password 1").actor == Actor(new)
    assert outward(db, "newbie", "wrong password!") == (MISMATCH, None)
    with db.session() as session:
        row = session.get(StaffMember, new)
        assert row is not None
        assert (row.failed_sign_ins, row.locked) == (1, False)
