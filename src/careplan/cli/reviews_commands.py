"""``careplan reviews``: who is due a review, each plan's next review not yet held.

``careplan reviews [--due|--overdue] [--key-worker USERNAME] [--format table|json]`` lists the
person's reference, the plan, the review's date, the days it is overdue, the person's key worker,
and the state in the app's words ("Overdue by 12 days"), soonest first. Only plans the one signed
in may open are listed (a manager: everyone's; a key worker or peer mentor: their caseload's and
whom they cover for), as ``careplan plans`` does. ``--due``: due within
:data:`careplan.domain.review_timing.DUE_WITHIN_DAYS` days, or overdue (as the people list's
"Review due or overdue"); ``--overdue``: past its date.

JSON (a list, one object per plan): ``person_reference`` (text), ``plan_id`` (number),
``due_date`` (ISO date text), ``days_overdue`` (number, 0 unless overdue), ``state`` ("overdue",
"due" or "booked"), ``words`` (text), ``key_worker_username`` and ``key_worker_name`` (text, or
null when the person has no key worker).

Exit codes are :mod:`careplan.cli.main`'s: 2 ``--due`` and ``--overdue`` together, 4 not allowed
(an administrator, who reads nobody's record), 5 no member of staff with the ``--key-worker``
username, 13 not signed in.
"""

from __future__ import annotations

import argparse
from typing import Any

from careplan.domain.review_timing import DUE_WITHIN_DAYS


def add_commands(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    del parser_class  # one command, no actions under it
    reviews = commands.add_parser("reviews", help="who is due a review: each plan's next review not yet held")
    which = reviews.add_mutually_exclusive_group()
    which.add_argument(
        "--due", action="store_true", help=f"only reviews due within {DUE_WITHIN_DAYS} days, or overdue"
    )
    which.add_argument("--overdue", action="store_true", help="only reviews past their date")
    reviews.add_argument(
        "--key-worker", metavar="USERNAME", help="only the people whose key worker this member of staff is"
    )
    reviews.add_argument("--format", choices=["table", "json"], default="table")


HEADER = ["Person", "Plan", "Due", "Days overdue", "Key worker", "Review"]
RIGHT = {1, 3}  # the numbers


def reviews(args: argparse.Namespace) -> int:
    from careplan.cli.commands import acting_staff, open_for_cli
    from careplan.cli.main import print_json
    from careplan.services.reviews_due import DueFilter, reviews_due

    only = DueFilter.OVERDUE if args.overdue else DueFilter.DUE if args.due else DueFilter.ANY
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    rows = reviews_due(db, actor, only, key_worker=args.key_worker)
    if args.format == "json":
        print_json([row.as_json() for row in rows])
        return 0
    table = [HEADER] + [row.as_cells() for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    for line in table:
        cells = [
            cell.rjust(width) if i in RIGHT else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
    print(f"\n{len(rows)} {'plan' if len(rows) == 1 else 'plans'}")
    return 0
