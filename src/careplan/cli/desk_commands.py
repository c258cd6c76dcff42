"""``careplan desk``: the manager's desk on the command line, its queues and the service's money.

``careplan --user USERNAME desk [--ending-within DAYS] [--format table|json]`` prints what waits
for a manager, each queue oldest first with how long it has waited: plans signed by both and
waiting for approval, requests for a service not in the catalogue to decide, reviews due and
overdue (and how many of each by key worker), and plans whose year ends within DAYS days or has
ended, and services near or over what is set aside; then the money of the live plans (agreed, set
aside and spent) by service category and by month (a plan's year starts; money spent), with the
total, and each key worker's caseload size. As the Manager's desk window
(:mod:`careplan.gui.desk`) shows them, from the same use case
(:func:`careplan.services.desk.desk_view`).

JSON (one object): ``today`` (ISO date), ``to_approve``, ``requests_to_decide``, ``reviews_due``,
``reviews_by_key_worker``, ``ending_within_days``, ``plans_ending``, ``near_or_over_set_aside``
(services of plans in force at least 90 % used, or over: ``set_aside_pence``, ``used_pence``,
``over``, ``since`` the day it crossed the line), ``money`` (``by_category``,
``by_month``, ``total``: each line ``key``, ``label``, ``agreed_pence``, ``set_aside_pence``,
``spent_pence``, whole pence) and ``caseloads``. Waits are ``days_waiting`` (a number) and
``waiting`` (words: "3 days", "5 weeks").

Managers only: anyone else is refused with 4 (:mod:`careplan.cli.main`'s exit codes; 2 a
``--ending-within`` out of range, 13 not signed in).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from careplan.cli.output import print_json, print_table

if TYPE_CHECKING:
    from careplan.services.desk import Desk


def add_parsers(commands: Any) -> None:
    """Add ``desk`` to ``careplan``'s sub-command parsers."""
    desk = commands.add_parser(
        "desk", help="the manager's desk: what waits for approval or a decision, reviews, the money"
    )
    desk.add_argument(
        "--ending-within",
        type=int,
        default=None,
        metavar="DAYS",
        help="list plans whose year ends within DAYS days (default: as the desk window, 30)",
    )
    desk.add_argument("--format", choices=["table", "json"], default="table")


def desk(args: argparse.Namespace) -> int:
    # The services and storage behind the command, only once it runs: ``careplan --help`` imports
    # none of them (about 180 ms of CPU, measured with ``python -X importtime -m careplan --help``).
    from careplan.cli.commands import acting_staff, open_for_cli
    from careplan.services.desk import ENDING_WITHIN_DAYS, desk_view

    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    within = ENDING_WITHIN_DAYS if args.ending_within is None else args.ending_within
    view = desk_view(db, actor, ending_within_days=within)
    if args.format == "json":
        print_json(view.as_json())
        return 0
    print_desk(view)
    return 0


def _section(
    title: str, header: list[str], rows: list[list[str]], right: set[int], empty: str, *, count: bool = True
) -> None:
    print(f"{title} ({len(rows)})" if count else title)
    if rows:
        print_table(header, rows, right=right)
    else:
        print(f"  {empty}")
    print()


def print_desk(view: Desk) -> None:
    """Each queue and table under its heading, as a person reads them."""
    _section(
        "Waiting for approval",
        ["Person", "Plan", "Signed", "Waiting", "Agreed budget", "Key worker"],
        [row.as_cells() for row in view.to_approve],
        {4},
        "Nothing waits for approval.",
    )
    _section(
        "Requests to decide",
        ["Person", "What", "Category", "Estimated cost", "Asked", "Waiting"],
        [row.as_cells() for row in view.to_decide],
        {3},
        "No requests wait for a decision.",
    )
    _section(
        "Reviews due and overdue",
        ["Person", "Plan", "Due", "Days overdue", "Key worker", "Review"],
        [row.review.as_cells() for row in view.reviews],
        {1, 3},
        "No reviews are due.",
    )
    _section(
        "Reviews by key worker",
        ["Key worker", "Overdue", "Due"],
        [row.as_cells() for row in view.reviews_by_key_worker],
        {1, 2},
        "No reviews are due.",
    )
    _section(
        f"Plans ending within {view.ending_within_days} days or past their year",
        ["Person", "Plan", "Ends", "When", "Key worker"],
        [row.as_cells() for row in view.ending],
        {1},
        "No plans are ending.",
    )
    _section(
        "Services near or over what is set aside",
        ["Person", "Plan", "Service", "Set aside", "Used", "Since", "Waiting"],
        [row.as_cells() for row in view.near_limit],
        {1, 3, 4},
        "No service is near what is set aside.",
    )
    _section(
        "Money by category",
        ["Category", "Set aside", "Spent"],
        [line.as_cells()[:1] + line.as_cells()[2:] for line in view.money_by_category],
        {1, 2},
        "Nothing is set aside yet.",
    )
    _section(
        "Money by month (agreed and set aside as a plan's year starts, spent as spent)",
        ["Month", "Agreed", "Set aside", "Spent"],
        [line.as_cells() for line in (*view.money_by_month, view.money_total)],
        {1, 2, 3},
        "",
        count=False,
    )
    _section(
        "Caseloads",
        ["Key worker", "People"],
        [row.as_cells() for row in view.caseloads],
        {1},
        "No key workers.",
    )
