"""``careplan spending`` and ``careplan spend``: what has been spent from an approved plan's
budget, and recording or putting right an entry.

- ``careplan spending PLAN_ID [--format table|json]``: per chosen service (its SERVICE_ID, which
  ``spend add --service`` takes) what is set aside, used and left, the totals, the budget's period
  and how it is held, then the entries, newest first.
- ``careplan --user U spend add PLAN_ID --service SERVICE_ID --amount £ --date YYYY-MM-DD
  --supplier S [--reference R] [--for "what"] [--receipt FILE] [--manager-agrees "words"]``.
  Amounts as ``12.50`` or ``£12.50``. A receipt is a PDF, PNG or JPEG file of 2 MB at most, kept
  inside the database. Beyond what is set aside (or on a service not in the approved plan) only a
  manager may record it, with ``--manager-agrees`` and their words.
- ``careplan --user U spend reverse ENTRY_ID --reason "…"``: puts an entry right (once).
- ``careplan --user U spend receipt ENTRY_ID --out FILE``: saves the receipt kept with an entry,
  whole or not at all, readable by its owner only, never over the database, its key or its
  backups; recorded in the audit trail.

JSON of ``spending`` (one object): ``plan_id``, ``version_id``, ``period_start``, ``period_end``
(ISO dates), ``held`` (``service``, ``third_party``, ``direct_payment`` or null), ``days_gone``,
``days_total``, ``set_aside_pence``, ``used_pence``, ``left_pence``, ``services`` (each:
``service_id``, ``description``, ``category``, ``set_aside_pence``, ``used_pence``, ``left_pence``,
``in_plan``, ``near_limit``, ``underspent``, ``over``) and ``entries`` (each: ``entry_id``,
``service_id``, ``date``, ``amount_pence``, ``signed_pence``, ``supplier``, ``what_for``,
``reference``, ``reverses``, ``reversed_by``, ``agreed``, ``receipt``).

Exit codes are :mod:`careplan.cli.main`'s: 2 a bad amount, date, file or other input (nothing is
written), 4 not allowed, 5 no such plan, service or entry, 6 beyond what is set aside without a
manager's agreement.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from typing import Any

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.cli.output import print_json, print_table
from careplan.documents.files import why_not_written, write_atomically
from careplan.domain.errors import InvalidInput, OverBudget
from careplan.domain.money import parse_money, to_pence
from careplan.domain.records import MAX_RECEIPT_BYTES
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.services import chosen_files
from careplan.services.chosen_files import read_chosen
from careplan.services.receipts import save_receipt
from careplan.services.spending import SpendingInput, record_spending, reverse_spending
from careplan.services.spending_view import PlanSpending, ServiceSpending, SpendingEntry, spending_of

RECEIPT = "the receipt"
EXIT_CONFLICT = 6  # careplan.cli.main's, not imported from there (it imports this module lazily)
HELD_WORDS = {
    "service": "held by the service (a notional budget)",
    "third_party": "managed by a third party",
    "direct_payment": "a direct payment to the person",
}
SERVICE_HEADER = ["Service ID", "Service", "Set aside", "Used", "Left", "Note"]
ENTRY_HEADER = ["Entry", "Date", "Service ID", "Amount", "Supplier", "Reference", "Note"]


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(
            f"“{text[:20]}” is not a date. Type it as year-month-day, for example 2027-03-14."
        ) from None


def _save_receipt(args: argparse.Namespace) -> int:
    # Refused before anyone signs in; looked at again just before writing.
    chosen_files.output_path(args.out, chosen_files.protected_files_at(args.database), what=RECEIPT)
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    out = chosen_files.output_path(args.out, chosen_files.protected_files(db), what=RECEIPT)

    def remove() -> None:
        with contextlib.suppress(OSError):
            out.unlink()

    try:
        kind = save_receipt(db, actor, args.entry_id, lambda data: write_atomically(out, data), undo=remove)
    except OSError as exc:
        raise InvalidInput(
            f"The receipt could not be written to {out} ({why_not_written(exc)}). Nothing was written.",
            "out",
        ) from None
    print(f"The {kind.value.upper()} receipt of entry {args.entry_id} was written to {out}.")
    return 0


def spend(args: argparse.Namespace) -> int:
    if args.spend_command == "receipt":
        return _save_receipt(args)
    if args.spend_command == "reverse":
        db = open_for_cli(args.database, create=False)
        ident = reverse_spending(db, acting_staff(db, args), args.entry_id, args.reason)
        print(f"Entry {args.entry_id} was put right by entry {ident}.")
        return 0
    # Everything typed is checked before the database is opened: a bad one writes nothing.
    amount = parse_money(args.amount, field="amount", allow_zero=False)
    spent_on = parse_day(args.date)
    receipt = read_chosen(args.receipt, kind="a receipt", limit=MAX_RECEIPT_BYTES) if args.receipt else None
    entry = SpendingInput(
        allocation_id=args.service,
        amount=amount,
        spent_on=spent_on,
        supplier=args.supplier,
        reference=args.reference,
        what_for=args.what_for,
        receipt=receipt,
        agreement=args.manager_agrees,
    )
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    try:
        ident = record_spending(db, actor, args.plan_id, entry)
    except OverBudget as exc:
        print(
            f"careplan: {exc.message} (A manager records it with --manager-agrees and their words.)",
            file=sys.stderr,
        )
        return EXIT_CONFLICT
    print(f"Recorded entry {ident}: {format_money(to_pence(amount))} on {long_date(spent_on)}.")
    return 0


def _service_note(service: ServiceSpending) -> str:
    if not service.in_plan:
        return "not in the approved plan (agreed by a manager)"
    if service.over:
        return "over what is set aside (agreed by a manager)"
    if service.set_aside_pence and service.left_pence == 0:
        return "all used"
    if service.near_limit:
        return "near its limit"
    if service.underspent:
        return "under-used so far"
    return ""


def _entry_note(entry: SpendingEntry) -> str:
    notes = []
    if entry.reverses_id is not None:
        notes.append(f"puts entry {entry.reverses_id} right: {entry.reason}")
    if entry.reversed_by_id is not None:
        notes.append(f"put right by entry {entry.reversed_by_id}")
    if entry.agreement is not None:
        notes.append(f"agreed by {entry.agreed_by}")
    if entry.receipt_kind is not None:
        notes.append(f"{entry.receipt_kind.value.upper()} receipt")
    return "; ".join(notes)


def _as_json(view: PlanSpending) -> dict[str, Any]:
    return {
        "plan_id": view.plan_id,
        "version_id": view.version_id,
        "period_start": view.period_start.isoformat(),
        "period_end": view.period_end.isoformat(),
        "held": view.held.value if view.held is not None else None,
        "days_gone": view.days_gone,
        "days_total": view.days_total,
        "set_aside_pence": view.set_aside_pence,
        "used_pence": view.used_pence,
        "left_pence": view.left_pence,
        "services": [
            {
                "service_id": s.allocation_id,
                "description": s.description,
                "category": s.category,
                "set_aside_pence": s.set_aside_pence,
                "used_pence": s.used_pence,
                "left_pence": s.left_pence,
                "in_plan": s.in_plan,
                "near_limit": s.near_limit,
                "underspent": s.underspent,
                "over": s.over,
            }
            for s in view.services
        ],
        "entries": [
            {
                "entry_id": e.id,
                "service_id": e.allocation_id,
                "date": e.spent_on.isoformat(),
                "amount_pence": e.amount_pence,
                "signed_pence": e.signed_pence,
                "supplier": e.supplier,
                "what_for": e.what_for,
                "reference": e.reference,
                "reverses": e.reverses_id,
                "reversed_by": e.reversed_by_id,
                "agreed": e.agreement is not None,
                "receipt": e.receipt_kind.value if e.receipt_kind is not None else None,
            }
            for e in view.entries
        ],
    }


def spending(args: argparse.Namespace) -> int:
    db = open_for_cli(args.database, create=False)
    view = spending_of(db, acting_staff(db, args), args.plan_id)
    if args.format == "json":
        print_json(_as_json(view))
        return 0
    held = HELD_WORDS[view.held.value] if view.held is not None else "not recorded yet"
    print(f"Budget from {long_date(view.period_start)} to {long_date(view.period_end)}; {held}.")
    print(f"Day {view.days_gone} of {view.days_total}.\n")
    rows = [
        [
            str(s.allocation_id),
            s.description,
            format_money(s.set_aside_pence),
            format_money(s.used_pence),
            format_money(s.left_pence),
            _service_note(s),
        ]
        for s in view.services
    ]
    rows.append(
        [
            "",
            "Total",
            format_money(view.set_aside_pence),
            format_money(view.used_pence),
            format_money(view.left_pence),
            "",
        ]
    )
    print_table(SERVICE_HEADER, rows, right={0, 2, 3, 4})
    if not view.entries:
        print("\nNothing has been spent yet.")
        return 0
    print()
    print_table(
        ENTRY_HEADER,
        [
            [
                str(e.id),
                e.spent_on.isoformat(),
                str(e.allocation_id),
                format_money(e.signed_pence),
                e.supplier,
                e.reference or "",
                _entry_note(e),
            ]
            for e in view.entries
        ],
        right={0, 2, 3},
    )
    return 0
