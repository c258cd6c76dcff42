"""``careplan reviews``: who is due a review, each plan's next review not yet held.

``careplan reviews [--due|--overdue] [--key-worker USERNAME] [--format table|json]`` lists the
person's reference, the plan, the review's date, the days it is overdue, the person's key worker,
and the state in the app's words ("Overdue by 12 days"), soonest first. Only plans the one signed
in may open are listed (a manager: everyone's; a key worker or peer mentor: their caseload's and
whom they cover for), as ``careplan plans`` does. ``--due``: due within
:data:`careplan.domain.review_timing.DUE_WITHIN_DAYS` days, or overdue (as the people list's
"Review due or overdue"); ``--overdue``: past its date. (Its arguments: :mod:`careplan.cli.parser`.)

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

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.cli.output import print_json, print_table
from careplan.services.reviews_due import DueFilter, reviews_due

HEADER = ["Person", "Plan", "Due", "Days overdue", "Key worker", "Review"]
RIGHT = {1, 3}  # the numbers


def reviews(args: argparse.Namespace) -> int:
    only = DueFilter.OVERDUE if args.overdue else DueFilter.DUE if args.due else DueFilter.ANY
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    rows = reviews_due(db, actor, only, key_worker=args.key_worker)
    if args.format == "json":
        print_json([row.as_json() for row in rows])
        return 0
    print_table(HEADER, [row.as_cells() for row in rows], right=RIGHT)
    print(f"\n{len(rows)} {'plan' if len(rows) == 1 else 'plans'}")
    return 0
