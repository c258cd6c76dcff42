"""What each ``careplan`` command does. Heavy imports happen here, only when a command needs them."""

from __future__ import annotations

import argparse
import os
import sys
import time

from careplan.domain.errors import NotFound, PermissionDenied
from careplan.services.unit_of_work import Actor
from careplan.storage.database import Database, open_database

ENV_USER = "CAREPLAN_USER"


def _open(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(args.database, create=create)


def acting_staff(db: Database, username: str | None) -> Actor:
    """The member of staff a command acts as.

    Until staff sign-in exists (the security issue), a command names the user with ``--user`` or
    ``CAREPLAN_USER``; with neither, it acts as the first active manager, so that a demo database
    can be explored straight away.
    """
    from sqlalchemy import select

    from careplan.domain.enums import Role
    from careplan.domain.records import StaffMember

    name = username or os.environ.get(ENV_USER)
    with db.session() as session:
        if name:
            staff = session.scalar(select(StaffMember).where(StaffMember.username == name.strip().lower()))
            if staff is None:
                raise NotFound(f"There is no member of staff called “{name}”.")
        else:
            staff = session.scalar(
                select(StaffMember)
                .where(StaffMember.role == Role.MANAGER, StaffMember.active.is_(True))
                .order_by(StaffMember.id)
                .limit(1)
            )
            if staff is None:
                raise PermissionDenied("Say who you are with --user (this database has no manager yet).")
        if not staff.active:
            raise PermissionDenied(f"{staff.display_name}'s account has been deactivated.")
        return Actor(staff.id)


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
    return 0


def plans(args: argparse.Namespace) -> int:
    from careplan.cli.main import print_json
    from careplan.domain.enums import PlanStatus
    from careplan.services.queries import list_plans

    db = _open(args)
    actor = acting_staff(db, args.user)
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
    actor = acting_staff(db, args.user)
    report = verify_audit_trail(db, actor)
    if report.intact:
        print(f"The audit trail is intact: {report.events} events, each following from the one before.")
        return 0
    print(f"The audit trail has been tampered with: {report.problem}.", file=sys.stderr)
    return 7
