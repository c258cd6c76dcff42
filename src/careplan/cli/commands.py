"""``careplan demo``, ``plans``, ``db`` and ``audit``; and the signing in and prompts every command shares."""

from __future__ import annotations

import argparse
import getpass
import os
import shlex
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from careplan import demo as demo_data
from careplan.cli.output import print_json, print_table
from careplan.documents.checking import agreement_anchor_sources
from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.errors import InvalidInput, SignInRefused, StorageError
from careplan.domain.wording.dates import long_date
from careplan.services import authentication, chosen_files, opening
from careplan.services import database_upkeep as upkeep
from careplan.services.audit_anchors import AnchorState, backup_sources, check_trail
from careplan.services.authentication import SignedIn
from careplan.services.demo_facts import DEMO_ACCOUNTS, DEMO_CERTIFICATE_PASSPHRASE, DEMO_PASSWORD
from careplan.services.opening import Database
from careplan.services.queries import list_plans
from careplan.services.signing_certificate import NEEDS_PASSPHRASE

if TYPE_CHECKING:
    from careplan.services.demo_marker import ExistingDatabase

ENV_USER = "CAREPLAN_USER"
ENV_DATABASE_PASSWORD = "CAREPLAN_DATABASE_PASSWORD"
DEMO_RECOVERY_PASSPHRASE = "demo data only, never real records"
"""The recovery passphrase ``careplan demo`` gives a new database when none is set (the README says so)."""
UNLOCK_ATTEMPTS = 3
KEY_FILE_LIMIT = 64 * 1024  # an exported key file is under 1 KB
ENV_PASSWORD = "CAREPLAN_PASSWORD"
ENV_NEW_PASSWORD = "CAREPLAN_NEW_PASSWORD"


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_for_cli(args.database, create=create)


# --- the database's key: recovery passphrase, prompts -------------------------------------------


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _ask_secret(prompt: str) -> str:
    return getpass.getpass(prompt)


def _ask_yes(question: str) -> bool:
    print(question + " [y/N] ", end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _hint(message: str) -> str:
    return (
        f"{message} Set {opening.ENV_RECOVERY_PASSPHRASE} (or run the command in a terminal, where it asks)."
    )


def ask_new_passphrase() -> str:
    """A new recovery passphrase, typed twice at the terminal."""
    print(
        "Choose a recovery passphrase for the database. It opens the database if this computer's "
        "keyring ever loses its key: write it down and keep it somewhere safe.",
        file=sys.stderr,
    )
    for _ in range(UNLOCK_ATTEMPTS):
        first = _ask_secret("Recovery passphrase: ")
        try:
            opening.check_new_passphrase(first)
        except InvalidInput as exc:
            print(exc.message, file=sys.stderr)
            continue
        if _ask_secret("The same again: ") == first:
            return first
        print("The two were not the same. Please try again.", file=sys.stderr)
    raise InvalidInput("No recovery passphrase was set, so nothing was created.", field="recovery_passphrase")


def offer_to_remember_key(db: Database) -> None:
    """After opening with the recovery passphrase: offer to put the key back into the keyring (not
    on a computer that has no keyring: there is nowhere to put it)."""
    if not _interactive() or not opening.may_keep_key(db):
        return
    if not _ask_yes("Put the database key back into this computer's keyring (no passphrase next time)?"):
        return
    kept = opening.keep_key(db)
    if isinstance(kept, opening.KeyStaysOut):
        print(f"{kept.message} The database stays open for now.", file=sys.stderr)
    else:
        print("The key is back in this computer's keyring.", file=sys.stderr)


def open_for_cli(
    target: str | None,
    *,
    create: bool = False,
    migrate: bool = True,
    require_schema: bool = True,
    new_passphrase: str | None = None,
) -> Database:
    """The opening service's database, asking at the terminal for a recovery passphrase when one
    is needed (``$CAREPLAN_RECOVERY_PASSPHRASE`` is used first, by the service itself)."""

    def attempt(passphrase: str | None) -> opening.Opening:
        return opening.open_record(
            target,
            create=create,
            migrate=migrate,
            require_schema=require_schema,
            recovery_passphrase=passphrase,
        )

    state = attempt(new_passphrase)
    if isinstance(state, opening.NeedsNewPassphrase):
        if not _interactive():
            raise state.refusal(_hint(state.message))
        return opening.opened(attempt(ask_new_passphrase()))
    if isinstance(state, opening.WrongPassphrase):
        raise state.refusal()
    if isinstance(state, opening.NeedsRecoveryPassphrase):
        if not _interactive():
            raise state.refusal(_hint(state.message))
        print(state.message, file=sys.stderr)
        for _ in range(UNLOCK_ATTEMPTS):
            state = attempt(_ask_secret("Recovery passphrase: "))
            if not isinstance(state, opening.WrongPassphrase):
                break
            print(state.message, file=sys.stderr)
        else:
            raise opening.WrongRecoveryPassphrase(opening.WRONG_PASSPHRASE, reason="passphrase")
    db = opening.opened(state)
    offer_to_remember_key(db)
    return db


def _ask(prompt: str, env: str, what: str) -> str:
    """A secret from the environment variable ``env``, else typed at the terminal (not echoed)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise SignInRefused(
            f"No {what} was given. Type it at a terminal, or give it in the {env} environment variable."
        )

    return getpass.getpass(prompt)


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """Who is signing in, and their password (from the environment, else typed at the terminal)."""
    name = (args.user or os.environ.get(ENV_USER) or "").strip()
    if not name:
        raise SignInRefused(f"Say who you are with --user NAME (or the {ENV_USER} environment variable).")
    return name, _ask(f"Password for {name}: ", ENV_PASSWORD, "password")


def sign_in(db: Database, args: argparse.Namespace, *, changing_password: bool = False) -> SignedIn:
    """Sign in the member of staff a command acts as: ``--user`` (or ``CAREPLAN_USER``), and the
    password from ``CAREPLAN_PASSWORD`` or typed at the terminal. Someone who must choose a new
    password may do only that (``careplan password``)."""
    try:
        signed = authentication.sign_in(db, *credentials(args))
    except SignInRefused as exc:
        if authentication.needs_first_password(db):  # a database from before sign-in
            raise SignInRefused(
                f"{exc.message} Nobody here has a password yet: an administrator chooses theirs first "
                "with “careplan --user NAME password --first”."
            ) from exc
        raise
    if signed.must_change_password and not changing_password:
        raise SignInRefused(
            "Please choose your own password first: run “careplan password” "
            f"(the new one is typed at the terminal, or given in {ENV_NEW_PASSWORD})."
        )
    return signed


def acting_staff(db: Database, args: argparse.Namespace) -> Actor:
    """The member of staff a command acts as, once signed in."""
    return sign_in(db, args).actor


def new_password(what: str = "The new password") -> str:
    """A new password from ``CAREPLAN_NEW_PASSWORD``, else typed twice at the terminal."""
    given = os.environ.get(ENV_NEW_PASSWORD)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise InvalidInput(
            f"No new password was given. Type it at a terminal, or give it in the {ENV_NEW_PASSWORD} "
            "environment variable.",
            "password",
        )

    first = getpass.getpass(f"{what}: ")
    if getpass.getpass("The same again: ") != first:
        raise InvalidInput("The two passwords were not the same. Nothing was changed.", "password")
    return first


def demo(args: argparse.Namespace) -> int:
    """``careplan demo``: synthetic data in a new database, and only ever in a new one (never
    added to a database that exists, whatever it holds). Asked again for the same demo it already
    holds, it says so and how to start the app (exit 0); anything else is refused (exit 2)."""
    existing = demo_data.existing_database(args.database)
    if existing is not None:
        return _demo_exists(args, existing)
    given = opening.environment_passphrase()
    new_file = opening.backend_of(args.database) == "sqlite"
    db = open_for_cli(args.database, create=True, new_passphrase=given or DEMO_RECOVERY_PASSPHRASE)
    if new_file and not db.key_in_keyring:
        print(
            "This computer's keyring could not keep the database key, so it is kept only wrapped by "
            "the recovery passphrase: give it (CAREPLAN_RECOVERY_PASSPHRASE, or when asked) to open "
            "the database."
        )
    if given is None and new_file:
        print(
            f"The recovery passphrase of this demo database is “{DEMO_RECOVERY_PASSPHRASE}” "
            "(demo data only: set CAREPLAN_RECOVERY_PASSPHRASE for a database with real records)."
        )
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if sys.stderr.isatty() and (now - last[0] > 0.2 or done == total):
            last[0] = now
            print(f"\rMaking demo data: {done} of {total} people", end="", file=sys.stderr)

    summary = demo_data.generate(db, people=args.people, seed=args.seed, progress=progress)
    db.dispose()  # the filling connection (and its big page cache) is not kept in the pool
    if sys.stderr.isatty():
        print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"Demo data ready in {elapsed:.1f} s: {summary.describe()}")
    print(f"Database: {db.info().url}")
    print_demo_accounts()
    if summary.signing_passphrase_in_keyring:
        print("It is in this computer's keyring, so the demo signs agreements without asking for it.")
    else:
        print(NEEDS_PASSPHRASE)
    return 0


def _demo_exists(args: argparse.Namespace, existing: ExistingDatabase) -> int:
    start = "careplan" if args.database is None else f"careplan --database {shlex.quote(existing.where)}"
    made = existing.demo
    if made is not None and (made.get("people"), made.get("seed")) == (args.people, args.seed):
        print(
            f"The demo database at {existing.where} is already there ({made['people']} people, seed "
            f"{made['seed']}{_made_on(made)}), so nothing was added: start the app on it with “{start}”."
        )
        print_demo_accounts()
        return 0
    if made is not None:
        raise InvalidInput(
            f"The demo database at {existing.where} already holds other demo data ({made['people']} "
            f"people, seed {made['seed']}), so nothing was added: start the app on it with “{start}”, "
            "or choose a new file with --database for another demo."
        )
    if existing.is_file:
        what = f"There is already a file at {existing.where}"
    else:
        what = f"The database {existing.where} is not empty"
    raise InvalidInput(
        f"{what}, so no demo data was made: demo data goes only into a new database "
        "(choose a new file with --database)."
    )


def _made_on(made: dict[str, object]) -> str:
    try:
        return f", made on {long_date(date.fromisoformat(str(made.get('made_on'))))}"
    except ValueError:
        return ""


def print_demo_accounts(*, demo_certificate: bool = True) -> None:
    print(f"Demo accounts (the password for each is “{DEMO_PASSWORD}”):")
    for account in DEMO_ACCOUNTS:
        print(f"  {account.username:<6} {account.display_name} ({account.role.label})")
    print(f"For example: {ENV_USER}=priya {ENV_PASSWORD}={DEMO_PASSWORD} careplan plans")
    if demo_certificate:
        print(
            f"The demo signing certificate's passphrase is “{DEMO_CERTIFICATE_PASSPHRASE}” (demo data only)."
        )


def plans(args: argparse.Namespace) -> int:
    db = _open(args)
    actor = acting_staff(db, args)
    rows = list_plans(db, actor, PlanStatus(args.status) if args.status else None)
    if args.format == "json":
        print_json([row.as_json() for row in rows])
        return 0
    header = ["Plan", "Person", "Version", "Status", "Agreed budget", "Allocated"]
    print_table(header, [row.as_cells() for row in rows], right={0, 2, 4, 5})
    print(f"\n{len(rows)} plan version{'s' if len(rows) != 1 else ''}")
    return 0


def db(args: argparse.Namespace) -> int:
    if args.db_command == "upgrade":
        database = open_for_cli(args.database, create=True, migrate=False, require_schema=False)
        try:
            ran = upkeep.upgrade(database)
        finally:
            database.dispose()
        print("The database was brought up to date." if ran else "The database is already up to date.")
        return 0
    if args.db_command == "key":
        return db_key(args)
    if args.db_command == "set-password":
        return db_set_password(args)
    database = open_for_cli(args.database, create=False, migrate=False, require_schema=False)
    try:
        info = database.info()
        current = upkeep.schema_revision(database)
    finally:
        database.dispose()
    print(f"Database: {info.url}")
    print(f"Engine:   {info.backend}")
    print(f"Schema:   {current or 'not set up'} (newest: {upkeep.newest_revision()})")
    if database.path is not None:
        print(f"Encrypted: yes (key file {upkeep.key_file_name(database.path)})")
    return 0


def _sqlite_path(args: argparse.Namespace) -> Path:
    path = chosen_files.database_file(args.database)
    if path is None:
        raise InvalidInput(
            "Only an SQLite database has a key to export or import: on PostgreSQL, encryption at rest "
            "is the server's job."
        )
    if not path.is_file():
        raise StorageError(f"There is no Careplan database at {path}.")
    return path


def db_key(args: argparse.Namespace) -> int:
    """``careplan db key export FILE`` and ``careplan db key import FILE`` (moving to a new computer)."""
    path = _sqlite_path(args)
    if args.key_command == "export":
        file = chosen_files.output_path(
            args.file, chosen_files.ProtectedFiles(path), what="the key file", replace=False
        )
        text = upkeep.export_key(path)
        try:
            # Created private (0600), and only if nothing is there yet (a file that appeared since).
            fd = os.open(file, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        except OSError as exc:
            raise InvalidInput(
                f"Careplan could not write {file} ({exc.strerror}). Nothing was written."
            ) from exc
        print(
            f"The database key, wrapped by the recovery passphrase, is in {file}. It is useless without "
            "the recovery passphrase. On the new computer: careplan db key import FILE"
        )
        return 0
    file = Path(os.path.expanduser(args.file))
    data = chosen_files.read_chosen(file, kind="a key file", limit=KEY_FILE_LIMIT)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{file} is not a Careplan key file.") from exc
    passphrase = opening.environment_passphrase()
    if passphrase is None:
        if not _interactive():
            raise InvalidInput(
                f"The recovery passphrase is needed: set {opening.ENV_RECOVERY_PASSPHRASE} or run the "
                "command in a terminal."
            )
        passphrase = _ask_secret("Recovery passphrase: ")
    upkeep.import_key(path, text, passphrase, source=file.name)
    print(f"The key opens {path.name}, and it is now in this computer's keyring.")
    return 0


def db_set_password(args: argparse.Namespace) -> int:
    """``careplan --database URL db set-password``: keep a PostgreSQL password in the keyring."""
    password = os.environ.get(ENV_DATABASE_PASSWORD)
    if not password:
        if not _interactive():
            raise InvalidInput(
                f"Give the password in {ENV_DATABASE_PASSWORD} or run the command in a terminal."
            )
        password = _ask_secret("Database password: ")
    if not args.database and not os.environ.get("CAREPLAN_DATABASE"):
        raise InvalidInput("Say which PostgreSQL database with --database URL.")
    account = upkeep.set_postgres_password(args.database, password)
    print(f"The password for {account} is in this computer's keyring.")
    return 0


def audit(args: argparse.Namespace) -> int:
    """``careplan audit verify``: the chain, then every anchor found outside the database.

    Exit codes: 0 intact (and every anchor found is still in the trail); 7 the chain does not hold
    together, or an anchor's event is gone or changed. A backup or agreement without an anchor
    (made before this version), or one that cannot be read, is named but does not fail the check.
    """
    db = _open(args)
    actor = acting_staff(db, args)
    sources = [
        *backup_sources(db, [Path(os.path.expanduser(p)) for p in args.backup]),
        *agreement_anchor_sources(db, [Path(os.path.expanduser(p)) for p in args.agreement]),
    ]
    check = check_trail(db, actor, sources)
    report = check.chain
    events = f"{report.events:,} event{'' if report.events == 1 else 's'}"
    if check.intact:
        print(f"The audit trail is intact: {events}, each following from the one before.")
    elif report.intact:
        print(
            f"The audit trail holds together ({events}, each following from the one before), but "
            "it is not the trail recorded outside the database:"
        )
    else:
        print(f"careplan: The audit trail has been tampered with: {report.problem}.", file=sys.stderr)
    marks = {AnchorState.HELD: "\u2713", AnchorState.REMOVED: "\u2717", AnchorState.CHANGED: "\u2717"}
    other = "\u2013"
    if check.findings and (check.intact or not report.intact):
        print("Anchors kept outside the database:")
    for finding in check.findings:
        print(f"  {marks.get(finding.state, other)} {finding.sentence}")
    if db.path is None and not args.backup:
        print(
            "This database is on a PostgreSQL server, where backups are pg_dump's job: only the "
            "agreements named with --agreement can anchor its trail."
        )
    if not any(f.source.anchor is not None for f in check.findings if f.source.unusable is None):
        print(
            "No backup or agreement with an anchor was found, so only the trail's own consistency "
            "was checked: events cut from its end, or a trail emptied or rewritten from the start, "
            "would not show."
        )
    if check.intact:
        return 0
    if report.intact:
        print(
            "careplan: Events have been removed or changed behind Careplan's back: the trail no "
            "longer has what the backups or agreements above recorded.",
            file=sys.stderr,
        )
    return 7
