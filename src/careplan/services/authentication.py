"""Staff sign-in: passwords (argon2id), the growing delay, the lock, and the first administrator.

- An unknown username is treated exactly like a real account with a wrong password: the same
  messages, the same growing delay, the same lock at the same count, and the same work (its
  password is checked against a stand-in hash), so trying names tells nobody who works here.
  Its wrong tries are counted in ``sign_in_failures`` under a keyed hash of the name (HMAC-SHA256
  with a random key kept in the settings table), never the name itself: what somebody typed as a
  username may be a password typed in the wrong box. Unlike an account's, these counts are
  forgotten a day after the last wrong try, and at most ``MAX_UNKNOWN_NAMES`` are kept (the ones
  with the fewest failures go first), so nobody can fill the disk by trying names. What is left to
  see: a real account's count outlives a quiet day (or many hours of trying other names), an
  unknown name's does not. A member of staff later created with a name that had wrong tries starts
  from nothing: tries at a name nobody had were not guesses at their password.
- After ``FREE_TRIES`` wrong passwords in a row, the next try is not even checked for a while, and
  the while doubles each time (2, 4, 8 ... seconds). The service never sleeps: it records the
  moment in ``locked_until`` and says how long to wait.
- After ``LOCK_AFTER`` wrong passwords in a row the account is locked for ``FIRST_LOCK`` (15
  minutes); each wrong password after a lock ends locks it again for twice as long, up to
  ``LONGEST_LOCK`` (a day). An administrator can unlock it sooner (or set a new password). No lock
  lasts for ever: anyone can type ten wrong passwords, and a lock that only an administrator could
  lift would let anyone shut every administrator out for good. An administrator locked out (or
  who forgot their password) has the database's recovery passphrase as the way back
  (:mod:`careplan.services.administrator_recovery`). A lock from an earlier version, with no end
  recorded, has ended: the next try is checked.
- A right password resets the count; a hash made with older argon2 settings is made again.
- Audit events say who signed in, who failed and which account was locked; never a password,
  never a username typed in.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type, hash_secret
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition, SignInRefused
from careplan.domain.permissions import Action
from careplan.domain.records import Setting, SignInFailure, StaffMember
from careplan.domain.staff_names import check_display_name, check_username
from careplan.domain.text import check_secret, check_text
from careplan.services.unit_of_work import Work, unit_of_work
from careplan.storage.database import Database

log = logging.getLogger(__name__)

FREE_TRIES = 3  # wrong passwords in a row before any delay
FIRST_DELAY_SECONDS = 2  # then 2, 4, 8 ... seconds
LOCK_AFTER = 10  # wrong passwords in a row that lock the account
FIRST_LOCK = timedelta(minutes=15)  # then 30 minutes, an hour ... after each wrong try once it ends
LONGEST_LOCK = timedelta(days=1)
MIN_LENGTH = 10
MIN_WORDS = 3  # or a passphrase of this many words (each of at least MIN_WORD_LENGTH letters)
MIN_WORD_LENGTH = 3
MAX_LENGTH = 1000
FORGET_UNKNOWN_AFTER = timedelta(days=1)  # wrong tries at an unknown name, after the last one
MAX_UNKNOWN_NAMES = 100_000  # unknown names whose wrong tries are kept (a few megabytes)
NAME_KEY_SETTING = "sign_in_name_key"

PASSWORD_RULES = (
    f"At least {MIN_LENGTH} characters, or {MIN_WORDS} or more words (like “purple kettle morning”). "
    "Not your username."
)
MISMATCH = "That username and password do not match."
LOCKED = "This account is locked after too many wrong passwords."
ASK_TO_UNLOCK = "or ask an administrator to unlock it."
DEACTIVATED = "This account has been closed. If you still work here, ask an administrator."

# Module level so that tests (and a future settings screen) can use other argon2 settings; hashes
# made with different settings are made again at the next successful sign-in.
HASHER = PasswordHasher()
_dummy_hashes: dict[tuple[int, int, int, int, int], str] = {}


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    username: str
    display_name: str
    role: Role
    must_change_password: bool


# --- passwords ------------------------------------------------------------------------------


def check_password_rules(password: str, username: str, field: str = "password") -> None:
    """A password is 10 characters or more, or a passphrase of three or more words; never the
    username. Raises InvalidInput with a plain message, naming ``field``."""
    check_secret(password, "the password", field)
    if len(password) > MAX_LENGTH:
        raise InvalidInput(f"That password is too long ({MAX_LENGTH} characters at most).", field)
    words = password.split()
    passphrase = len(words) >= MIN_WORDS and all(len(w) >= MIN_WORD_LENGTH for w in words)
    if len(password) < MIN_LENGTH and not passphrase:
        raise InvalidInput(
            f"A password needs at least {MIN_LENGTH} characters, or {MIN_WORDS} or more words "
            "(for example “purple kettle morning”).",
            field,
        )
    if "".join(words).lower() == username.strip().lower():
        raise InvalidInput("Please choose a password that is not your username.", field)


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def _settings_key() -> tuple[int, int, int, int, int]:
    return (HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism, HASHER.hash_len, HASHER.salt_len)


def _dummy_hash() -> str:
    key = _settings_key()
    if key not in _dummy_hashes:
        _dummy_hashes[key] = HASHER.hash("not anybody's password")
    return _dummy_hashes[key]


def password_matches(stored: str | None, password: str) -> bool:
    """Check a password in (roughly) the same time whether or not there is a hash to check."""
    if len(password) > MAX_LENGTH:
        password = password[: MAX_LENGTH + 1]  # never a match, and never megabytes to hash
    try:
        return HASHER.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _set_hash(staff: StaffMember, password: str, now: datetime, *, must_change: bool) -> None:
    staff.password_hash = hash_password(password)
    staff.password_changed_at = now
    staff.must_change_password = must_change
    _clear_failures(staff)


def _clear_failures(staff: StaffMember) -> None:
    staff.failed_sign_ins = 0
    staff.locked_until = None
    staff.locked = False


def _wait_message(seconds: int) -> str:
    return f"Too many wrong passwords. Please wait {_duration(seconds)} and try again."


def _locked_message(seconds: int) -> str:
    return f"{LOCKED} Try again in {_duration(seconds)}, {ASK_TO_UNLOCK}"


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    if seconds < 2 * 3600:
        minutes = math.ceil(seconds / 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{math.ceil(seconds / 3600)} hours"


def delay_after(failures: int) -> int:
    """Seconds before the next try is checked, after ``failures`` wrong passwords in a row (fewer
    than ``LOCK_AFTER``)."""
    if failures < FREE_TRIES:
        return 0
    return int(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_TRIES))


def lock_for(failures: int) -> timedelta:
    """How long an account stays locked after ``failures`` (``LOCK_AFTER`` or more) wrong passwords
    in a row: ``FIRST_LOCK``, doubled for each one after the ``LOCK_AFTER``-th, at most ``LONGEST_LOCK``."""
    doublings = min(failures - LOCK_AFTER, 32)  # 2**32 lock lengths is far beyond the longest
    lock: timedelta = FIRST_LOCK * (1 << doublings)
    return min(lock, LONGEST_LOCK)


# --- checking a password against one account --------------------------------------------------


class _Tries(Protocol):
    """Wrong tries in a row at one name: a member of staff, or a name nobody has."""

    failed_sign_ins: int
    locked_until: datetime | None
    locked: bool


def _check(
    work: Work, staff: StaffMember | None, tries: _Tries, password: str, action: str
) -> SignInRefused | None:
    """Check ``password`` for ``staff`` (None: a name nobody has, which never matches) and record
    the outcome in ``tries``. Returns the refusal, to raise once the transaction (with the count
    and its audit events) is committed. Both kinds of name go through every line here."""
    now = work.now
    if tries.locked_until is not None and tries.locked_until > now:
        wait = math.ceil((tries.locked_until - now).total_seconds())
        if tries.locked:  # a long wait: said in words, with no countdown holding the form
            work.audit(f"{action}_refused", "staff", staff, ("locked",))
            return SignInRefused(_locked_message(wait))
        work.audit(f"{action}_refused", "staff", staff, ("locked_until",))
        return SignInRefused(_wait_message(wait), retry_after_seconds=wait)
    # Past here any wait or lock has ended: this try is checked.
    if not password_matches(staff.password_hash if staff else None, password) or staff is None:
        tries.failed_sign_ins += 1
        work.audit(f"{action}_failed", "staff", staff, ("failed_sign_ins",))
        if tries.failed_sign_ins >= LOCK_AFTER:
            lock = lock_for(tries.failed_sign_ins)
            tries.locked = True
            tries.locked_until = now + lock
            work.audit("lock", "staff", staff, ("locked", "locked_until"))
            log.info("an account was locked after %d wrong passwords in a row", tries.failed_sign_ins)
            return SignInRefused(f"{MISMATCH} {_locked_message(int(lock.total_seconds()))}")
        wait = delay_after(tries.failed_sign_ins)
        if wait:
            tries.locked_until = now + timedelta(seconds=wait)
            return SignInRefused(
                f"{MISMATCH} Please wait {_duration(wait)} before trying again.", retry_after_seconds=wait
            )
        return SignInRefused(MISMATCH)
    if not staff.active:
        work.audit(f"{action}_refused", "staff", staff, ("active",))
        return SignInRefused(DEACTIVATED)
    assert staff.password_hash is not None
    if HASHER.check_needs_rehash(staff.password_hash):
        staff.password_hash = hash_password(password)
    _clear_failures(staff)
    return None


# --- wrong tries at names nobody has ------------------------------------------------------------


def _normalised(username: str) -> str:
    return username.strip().casefold()


def name_key(work: Work, username: str) -> str:
    """The keyed hash under which wrong tries at ``username`` are counted (the key is made, at
    random, the first time it is needed)."""
    setting = work.session.get(Setting, NAME_KEY_SETTING)
    if setting is None:
        setting = Setting(key=NAME_KEY_SETTING, value={"hmac_sha256": secrets.token_hex(32)})
        work.session.add(setting)
    key = bytes.fromhex(str(setting.value["hmac_sha256"]))
    return hmac.new(key, _normalised(username).encode("utf-8"), hashlib.sha256).hexdigest()


def _unknown_name_tries(work: Work, username: str) -> SignInFailure:
    """The count for a name nobody has, after forgetting what is too old or too many."""
    session = work.session
    session.execute(
        delete(SignInFailure).where(SignInFailure.last_failed_at < work.now - FORGET_UNKNOWN_AFTER)
    )
    key = name_key(work, username)
    found = session.get(SignInFailure, key)
    if found is not None:
        return found
    kept = session.scalar(select(func.count()).select_from(SignInFailure)) or 0
    if kept >= MAX_UNKNOWN_NAMES:
        fewest = (
            select(SignInFailure.name_key)
            .order_by(SignInFailure.failed_sign_ins, SignInFailure.last_failed_at)
            .limit(kept - MAX_UNKNOWN_NAMES + 1)
        )
        session.execute(delete(SignInFailure).where(SignInFailure.name_key.in_(fewest.scalar_subquery())))
    row = SignInFailure(
        name_key=key, failed_sign_ins=0, locked_until=None, locked=False, last_failed_at=work.now
    )
    session.add(row)
    return row


def _find(work: Work, username: str) -> StaffMember | None:
    name = username.strip().lower()
    if not name:
        return None
    return work.session.scalar(select(StaffMember).where(StaffMember.username == name))


def _signed_in(staff: StaffMember) -> SignedIn:
    return SignedIn(
        actor=Actor(staff.id),
        username=staff.username,
        display_name=staff.display_name,
        role=Role(staff.role),
        must_change_password=staff.must_change_password,
    )


# --- the use cases ----------------------------------------------------------------------------


def sign_in(db: Database, username: str, password: str) -> SignedIn:
    """Sign a member of staff in. Raises SignInRefused with a message to show as it is
    (InvalidInput when the username or password is not text at all)."""
    check_text(username, "the username", "username")
    check_secret(password, "the password", "password")
    refusal: SignInRefused | None = None
    result: SignedIn | None = None
    with unit_of_work(db, None, None) as work:
        staff = _find(work, username)
        if staff is None:
            tries = _unknown_name_tries(work, username)
            refusal = _check(work, None, tries, password, "sign_in")
            tries.last_failed_at = work.now
        else:
            refusal = _check(work, staff, staff, password, "sign_in")
            if refusal is None:
                work.staff = staff  # the event is theirs
                work.audit("sign_in", "staff", staff)
                result = _signed_in(staff)
    if refusal is not None or result is None:
        raise refusal or SignInRefused(MISMATCH)
    return result


def confirm_identity(db: Database, actor: Actor, password: str) -> None:
    """The member of staff at a locked window types their password again. Wrong passwords count
    towards the delay and the lock exactly as at sign-in."""
    check_secret(password, "the password", "password")
    with unit_of_work(db, actor, Action.SIGN_IN) as work:
        refusal = _check(work, work.staff, work.staff, password, "confirm_identity")
        if refusal is None:
            work.audit("confirm_identity", "staff", work.staff)
    if refusal is not None:
        raise refusal


def change_password(db: Database, actor: Actor, current_password: str, new_password: str) -> None:
    """A member of staff changes their own password (the current one is checked like a sign-in)."""
    check_secret(current_password, "the password", "current")
    with unit_of_work(db, actor, Action.SIGN_IN) as work:
        staff = work.staff
        check_password_rules(new_password, staff.username, "new")
        if new_password == current_password:
            raise InvalidInput("The new password must be different from the one you have now.", "new")
        refusal = _check(work, staff, staff, current_password, "change_password")
        if refusal is None:
            _set_hash(staff, new_password, work.now, must_change=False)
            work.audit("change_password", "staff", staff, ("password_hash",))
    if refusal is not None:
        raise refusal


def set_password(
    db: Database, actor: Actor, staff_id: int, new_password: str, *, must_change: bool = True
) -> None:
    """An administrator gives a member of staff a new password (which also unlocks the account).
    By default they must choose their own at their next sign-in."""
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        staff = work.get(StaffMember, staff_id, "member of staff")
        check_password_rules(new_password, staff.username)
        _set_hash(staff, new_password, work.now, must_change=must_change)
        work.audit("set_password", "staff", staff, ("must_change_password", "password_hash"))


def unlock_staff(db: Database, actor: Actor, staff_id: int) -> None:
    """An administrator unlocks an account locked by wrong passwords (the count starts again)."""
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        staff = work.get(StaffMember, staff_id, "member of staff")
        _clear_failures(staff)
        work.audit("unlock", "staff", staff, ("failed_sign_ins", "locked"))


def needs_first_administrator(db: Database) -> bool:
    """True for a new database: nobody is on the staff yet, so the first run sets up an administrator."""
    with db.session() as session:
        return not session.scalar(select(func.count()).select_from(StaffMember))


def create_first_administrator(db: Database, username: str, display_name: str, password: str) -> SignedIn:
    """Set up the first administrator of a new database, with their password, and sign them in.
    Refused once anybody is on the staff."""
    name = check_username(username)
    check_password_rules(password, name)
    with unit_of_work(db, None, None) as work:
        if work.session.scalar(select(func.count()).select_from(StaffMember)):
            raise InvalidTransition("This database already has staff. Ask an administrator to add you.")
        staff = StaffMember(
            username=name,
            display_name=check_display_name(display_name),
            role=Role.ADMINISTRATOR,
            active=True,
            failed_sign_ins=0,
            locked=False,
        )
        _set_hash(staff, password, work.now, must_change=False)
        work.session.add(staff)
        work.session.flush()
        work.audit("create", "staff", staff, ("display_name", "password_hash", "role", "username"))
        result = _signed_in(staff)
    return result


# --- a database from before sign-in: nobody has a password yet --------------------------------

FIRST_PASSWORD_REFUSED = (
    "Someone here already has a password, so this is not needed. Sign in, or ask an administrator "
    "to set your password."
)


@dataclass(frozen=True)
class Administrator:
    staff_id: int
    username: str
    display_name: str


def _nobody_has_a_password(session: Session) -> bool:
    with_password = (
        select(func.count())
        .select_from(StaffMember)
        .where(StaffMember.active.is_(True), StaffMember.password_hash.is_not(None))
    )
    staff = select(func.count()).select_from(StaffMember)
    return bool(session.scalar(staff)) and not session.scalar(with_password)


def needs_first_password(db: Database) -> bool:
    """True for a database made before sign-in existed (or upgraded from a backup of one): there
    is staff, but no active member of staff has a password, so nobody could sign in. An active
    administrator then chooses their own password (:func:`set_first_password`)."""
    with db.session() as session:
        return _nobody_has_a_password(session)


def administrators_without_password(db: Database) -> list[Administrator]:
    """The active administrators who may choose the first password; empty unless
    :func:`needs_first_password` (only then does anyone see who the administrators are)."""
    with db.session() as session:
        if not _nobody_has_a_password(session):
            return []
        rows = session.scalars(
            select(StaffMember)
            .where(StaffMember.active.is_(True), StaffMember.role == Role.ADMINISTRATOR)
            .order_by(StaffMember.display_name, StaffMember.id)
        )
        return [Administrator(s.id, s.username, s.display_name) for s in rows]


def set_first_password(db: Database, actor: Actor, password: str) -> SignedIn:
    """An active administrator of a database where nobody has a password yet chooses their own,
    and is signed in. Refused once any active member of staff has a password (then they sign in,
    and an administrator sets everyone else's)."""
    with unit_of_work(db, actor, Action.MANAGE_STAFF) as work:
        staff = work.staff
        check_password_rules(password, staff.username)
        if not _nobody_has_a_password(work.session):
            raise InvalidTransition(FIRST_PASSWORD_REFUSED)
        _set_hash(staff, password, work.now, must_change=False)
        work.audit("set_first_password", "staff", staff, ("password_hash",))
        result = _signed_in(staff)
    return result


def demo_password_hash(password: str, salt: bytes) -> str:
    """A hash with a chosen salt, for synthetic demo accounts only (so that the same seed gives
    exactly the same demo database). Real passwords always get a random salt."""
    return hash_secret(
        password.encode(),
        salt,
        time_cost=HASHER.time_cost,
        memory_cost=HASHER.memory_cost,
        parallelism=HASHER.parallelism,
        hash_len=HASHER.hash_len,
        type=Type.ID,
    ).decode("ascii")
