"""``careplan --user U budget held PLAN_ID --way service|third-party|direct-payment [--from D]
[--to D]``: how an approved plan's budget is held (a notional budget held by the service, managed
by a third party, or a direct payment to the person) and its period (from the plan's first approval
and a year on, unless given). Managers only; audited.

Exit codes are :mod:`careplan.cli.main`'s: 2 a bad date or a period that ends before it starts
(nothing is written), 4 not allowed, 5 no such plan, 6 a plan not approved yet.
"""

from __future__ import annotations

import argparse

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.cli.spending_commands import HELD_WORDS, parse_day
from careplan.domain.enums import BudgetHeld
from careplan.domain.errors import InvalidInput
from careplan.domain.wording.dates import long_date
from careplan.services.spending import set_budget_holding
from careplan.services.spending_view import spending_of


def budget(args: argparse.Namespace) -> int:
    # Everything typed is checked before the database is opened: a bad one writes nothing.
    held = BudgetHeld(args.way.replace("-", "_"))
    start = parse_day(args.period_from) if args.period_from else None
    end = parse_day(args.period_to) if args.period_to else None
    if start is not None and end is not None and end < start:
        raise InvalidInput("The budget's period must end after it starts.", "period_end")
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    set_budget_holding(db, actor, args.plan_id, held, period_start=start, period_end=end)
    view = spending_of(db, actor, args.plan_id)
    print(
        f"The budget of plan {args.plan_id} is {HELD_WORDS[held.value]}, "
        f"from {long_date(view.period_start)} to {long_date(view.period_end)}."
    )
    return 0
