"""The arguments of ``careplan spending``, ``careplan spend`` (what they do:
:mod:`careplan.cli.spending_commands`) and ``careplan budget`` (:mod:`careplan.cli.budget_commands`).
Kept apart from the commands, as :mod:`careplan.cli.parser` is, so that ``careplan --help`` imports
none of the services behind them."""

from __future__ import annotations

from typing import Any


def add_parsers(commands: Any, whole_number: Any, parser_class: Any) -> None:
    """Add ``spending``, ``spend`` and ``budget`` to ``careplan``'s sub-command parsers (``whole_number``: the
    type of an id; ``parser_class``: the parser of ``careplan``'s own sub-commands)."""
    spending = commands.add_parser("spending", help="what has been spent from an approved plan's budget")
    spending.add_argument(
        "plan_id", metavar="PLAN_ID", type=whole_number, help="the plan (see: careplan plans)"
    )
    spending.add_argument("--format", choices=["table", "json"], default="table")

    spend = commands.add_parser("spend", help="record spending from a plan's budget, or put an entry right")
    actions = spend.add_subparsers(
        dest="spend_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    add = actions.add_parser("add", help="record a purchase or payment against one chosen service")
    add.add_argument("plan_id", metavar="PLAN_ID", type=whole_number, help="the plan (see: careplan plans)")
    add.add_argument(
        "--service",
        required=True,
        type=whole_number,
        metavar="SERVICE_ID",
        help="the chosen service (see: careplan spending PLAN_ID)",
    )
    add.add_argument("--amount", required=True, metavar="£", help="pounds and pence, e.g. 12.50 or £12.50")
    add.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="the day it was bought or paid")
    add.add_argument("--supplier", required=True, metavar="S", help="who was paid")
    add.add_argument("--reference", metavar="R", help="an invoice or receipt number")
    add.add_argument("--for", dest="what_for", metavar="WHAT", help="what it was for")
    add.add_argument("--receipt", metavar="FILE", help="a PDF, PNG or JPEG receipt (2 MB at most)")
    add.add_argument(
        "--manager-agrees",
        metavar="WORDS",
        help="a manager's written agreement to spend beyond what is set aside (managers only)",
    )
    reverse = actions.add_parser("reverse", help="put a mistaken entry right (once), with a reason")
    reverse.add_argument(
        "entry_id", metavar="ENTRY_ID", type=whole_number, help="the entry (see: careplan spending)"
    )
    reverse.add_argument("--reason", required=True, help="why it is put right")
    receipt = actions.add_parser("receipt", help="save the receipt kept with an entry to a file")
    receipt.add_argument(
        "entry_id", metavar="ENTRY_ID", type=whole_number, help="the entry (see: careplan spending)"
    )
    receipt.add_argument("--out", required=True, metavar="FILE", help="where to save it")

    budget = commands.add_parser("budget", help="how an approved plan's budget is held, and its period")
    budget_actions = budget.add_subparsers(
        dest="budget_command", metavar="ACTION", required=True, parser_class=parser_class
    )
    held = budget_actions.add_parser("held", help="record how the budget is held, and its period (managers)")
    held.add_argument("plan_id", metavar="PLAN_ID", type=whole_number, help="the plan (see: careplan plans)")
    held.add_argument(
        "--way",
        required=True,
        choices=["service", "third-party", "direct-payment"],
        help="held by the service (a notional budget), managed by a third party, or a direct payment",
    )
    held.add_argument(
        "--from", dest="period_from", metavar="YYYY-MM-DD", help="the period's first day (first approval)"
    )
    held.add_argument("--to", dest="period_to", metavar="YYYY-MM-DD", help="its last day (a year on)")
