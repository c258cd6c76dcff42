"""What each ``careplan`` command does. Heavy imports happen here, only when a command needs them."""

from __future__ import annotations

import argparse
import os
import sys
import time

from careplan.domain.errors import InvalidInput, SignInRefused
from careplan.services.authentication import SignedIn
from careplan.services.unit_of_work import Actor
from careplan.storage.database import Database, open_database

ENV_USER = "CAREPLAN_USER"
ENV_PASSWORD = "CAREPLAN_PASSWORD"
ENV_NEW_PASSWORD = "CAREPLAN_NEW_PASSWORD"


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(args.database, create=create)


def _ask(prompt: str, env: str, what: str) -> str:
    """A secret from the environment variable ``env``, else typed at the terminal (not echoed)."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise SignInRefused(
            f"No {what} was given. Type it at a terminal, or give it in the {env} environment variable."
        )
    import getpass

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
    from careplan.services import authentication

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
    import getpass

    first = getpass.getpass(f"{what}: ")
    if getpass.getpass("The same again: ") != first:
        raise InvalidInput("The two passwords were not the same. Nothing was changed.", "password")
    return first


def start_app(args: argparse.Namespace) -> int:
    from careplan.gui.app import run

    return run(args.database, args.user)


def demo(args: argparse.Namespace) -> int:
    from careplan.services import demo as demo_data

    db = _open(args, create=True)
    made = demo_data.demo_marker(db)
    if made is not None:
        print(
            f"This database already has demo data ({made['people']} people, seed {made['seed']}, "
            f"made on {made['made_on']}). Nothing was added."
        )
        print_demo_accounts()
        return 0
    started = time.perf_counter()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.perf_counter()
        if sys.stderr.isatty() and (now - last[0] > 0.2 or done == total):
            last[0] = now
            print(f"\rMaking demo data: {done} of {total} people", end="", file=sys.stderr)

    summary = demo_data.generate(db, people=args.people, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(f"Demo data ready in {elapsed:.1f} s: {summary.describe()}")
    print(f"Database: {db.info().url}")
    print_demo_accounts()
    return 0


def print_demo_accounts() -> None:
    from careplan.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD

    print(f"Demo accounts (the password for each is “{DEMO_PASSWORD}”):")
    for account in DEMO_ACCOUNTS:
        print(f"  {account.username:<6} {account.display_name} ({account.role.label})")
    print(f"For example: {ENV_USER}=priya {ENV_PASSWORD}={DEMO_PASSWORD} careplan plans")


def plans(args: argparse.Namespace) -> int:
    from careplan.cli.main import print_json
    from careplan.domain.enums import PlanStatus
    from careplan.services.queries import list_plans

    db = _open(args)
    actor = acting_staff(db, args)
    rows = list_plans(db, actor, PlanStatus(args.status) if args.status else None)
    if args.format == "json":
        print_json([row.as_json() for row in rows])
        return 0
    header = ["Plan", "Person", "Version", "Status", "Agreed budget", "Allocated"]
    table = [header] + [row.as_cells() for row in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    right = {0, 2, 4, 5}
    for line in table:
        cells = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    print(f"\n{len(rows)} plan version{'s' if len(rows) != 1 else ''}")
    return 0


def db(args: argparse.Namespace) -> int:
    from careplan.storage.migrate import current_revision, head_revision, upgrade_if_needed

    if args.db_command == "upgrade":
        database = open_database(args.database, create=True, migrate=False, require_schema=False)
        ran = upgrade_if_needed(database)
        print("The database was brought up to date." if ran else "The database is already up to date.")
        return 0
    database = open_database(args.database, create=False, migrate=False, require_schema=False)
    info = database.info()
    current = current_revision(database)
    print(f"Database: {info.url}")
    print(f"Engine:   {info.backend}")
    print(f"Schema:   {current or 'not set up'} (newest: {head_revision()})")
    return 0


def audit(args: argparse.Namespace) -> int:
    from careplan.services.audit import verify_audit_trail

    db = _open(args)
    actor = acting_staff(db, args)
    report = verify_audit_trail(db, actor)
    if report.intact:
        print(f"The audit trail is intact: {report.events} events, each following from the one before.")
        return 0
    print(f"The audit trail has been tampered with: {report.problem}.", file=sys.stderr)
    return 7
