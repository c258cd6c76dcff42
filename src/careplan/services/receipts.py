"""Saving a receipt kept with a spending entry to a file a person chose (``careplan spend receipt``
and the app's "Save the receipt…"). As for a saved agreement (:mod:`careplan.services.agreement`),
the file is written inside the same unit of work as its audit event: a write that fails records
nothing, and a record that fails takes the file back. Which files may be written is
:mod:`careplan.services.chosen_files`' business; the writing itself is handed in (services never
import the documents package)."""

from __future__ import annotations

from collections.abc import Callable

from careplan.domain.actor import Actor
from careplan.domain.enums import ReceiptKind
from careplan.domain.errors import NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import Plan, Spending
from careplan.services.unit_of_work import unit_of_work
from careplan.storage.database import Database

SUFFIXES = {ReceiptKind.PDF: ".pdf", ReceiptKind.PNG: ".png", ReceiptKind.JPEG: ".jpg"}


def save_receipt(
    db: Database,
    actor: Actor,
    entry_id: int,
    write: Callable[[bytes], object],
    *,
    undo: Callable[[], None] | None = None,
) -> ReceiptKind:
    """Hand the receipt kept with spending entry ``entry_id`` to ``write`` and record that it left
    Careplan. Returns its kind. For whoever may see the person's record."""
    written = False
    try:
        with unit_of_work(db, actor, Action.VIEW_PEOPLE) as work:
            entry = work.get(Spending, entry_id, "spending entry")
            plan = work.get(Plan, entry.plan_id, "plan")
            work.require_person(plan.person)
            if entry.receipt is None or entry.receipt_kind is None:
                raise NotFound("No receipt was kept with this entry.")
            kind = ReceiptKind(entry.receipt_kind)
            write(entry.receipt)
            written = True
            work.audit("save_receipt", "spending", entry, ("receipt",), person_id=plan.person_id)
            return kind
    except BaseException:
        if written and undo is not None:
            undo()
        raise
