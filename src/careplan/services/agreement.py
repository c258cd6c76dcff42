"""Printing a care plan agreement: which versions may be printed, and the use cases that load,
make and issue one. What an agreement shows is :mod:`careplan.services.agreement_contents`, read
in one short session by :mod:`careplan.services.agreement_reading`.

Two use cases are behind every printed or saved agreement (the ``careplan agreement`` command and
the app's "Preview and print" and "Save as PDF"):

- :func:`make_agreement` loads the agreement and has it made into a signed PDF, in memory, by the
  function it is given (``careplan.documents.issue`` renders, signs and checks; services never
  import the documents package for that). Nothing is recorded: a PDF in memory, or on screen in
  the preview, has not left Careplan. It is made outside any transaction, so a slow signature
  never holds the database's write lock.
- :func:`deliver_agreement` records in the audit trail that the agreement was issued, and how
  (saved as a file, or printed), only once it was: a file is written inside the same unit of work
  as its audit event, so a write that fails records nothing, and a record that fails takes the
  file back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import PlanVersion, Setting
from careplan.domain.text import one_line
from careplan.services.agreement_contents import Agreement
from careplan.services.agreement_reading import read_agreement
from careplan.services.canonical import matches_what_was_signed
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

SERVICE_NAME_SETTING = "service.name"
DEFAULT_SERVICE_NAME = "Careplan drug and alcohol service"

PRINTABLE = (PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.SUPERSEDED, PlanStatus.CLOSED)


class MakeSignedPdf(Protocol):
    """Turns an agreement into the signed PDF's bytes (``careplan.documents.issue`` makes one)."""

    def __call__(self, agreement: Agreement, *, easy_read: bool) -> bytes: ...


@dataclass(frozen=True)
class IssuedAgreement:
    """A signed agreement PDF, and what it is (no personal text but what the PDF itself holds)."""

    pdf: bytes = field(repr=False)
    document_id: str
    version_id: int
    plan_key: str
    version_number: int
    easy_read: bool

    @property
    def file_name(self) -> str:
        """``agreement-CP-12-1A2B3C4D.pdf`` (``easy-read-agreement-…`` for the easy-read one).

        No name in it: a file name shows in folder listings, recent-file lists and print queues,
        where a person's name does not belong. The document id is printed on every page, and
        checking the file ("Verify an agreement…") finds its plan and version from it."""
        kind = "easy-read-agreement" if self.easy_read else "agreement"
        return f"{kind}-{self.document_id}.pdf"


class Delivery(StrEnum):
    """How an agreement left Careplan: the audit event's second field name."""

    SAVED = "saved"  # written to a file (signed), by the app's "Save as PDF" or ``careplan agreement``
    PRINTED = "printed"  # sent to a printer from the preview


def make_agreement(
    db: Database,
    actor: Actor,
    version_id: int,
    easy_read: bool = False,
    *,
    make_pdf: MakeSignedPdf,
) -> IssuedAgreement:
    """Make the signed agreement PDF of an approved version, in memory.

    Only managers print agreements. Nothing is recorded here: the agreement is issued when it is
    saved or printed (:func:`deliver_agreement`). If ``make_pdf`` fails (no certificate, keyring
    locked, a check that fails), that error passes on and nothing is returned.
    """
    with read_only(db, actor, Action.PRINT_AGREEMENT) as work:
        agreement = _printable_agreement(work, version_id)
    pdf = make_pdf(agreement, easy_read=easy_read)
    return IssuedAgreement(
        pdf=pdf,
        document_id=agreement.document_id,
        version_id=agreement.version_id,
        plan_key=agreement.plan_key,
        version_number=agreement.version_number,
        easy_read=easy_read,
    )


def deliver_agreement(
    db: Database,
    actor: Actor,
    issued: IssuedAgreement,
    how: Delivery,
    deliver: Callable[[bytes], object] | None = None,
    *,
    undo: Callable[[], None] | None = None,
) -> None:
    """Record in the audit trail that an agreement was issued (who, when, which version, full or
    easy-read, saved or printed), in one unit of work with the act itself where it can be.

    ``deliver`` (writing the file) runs inside the unit of work, after the permission check and
    before the event is written: if it fails, its error passes on and nothing is recorded. If the
    event then cannot be written, ``undo`` (removing the file) takes the delivery back before the
    error passes on, so no copy exists that the trail does not show.

    Printing is not handed in: rendering pages for a printer takes seconds, too long to hold the
    database's write lock while other staff wait to save. The preview prints first and calls this
    (without ``deliver``) once the pages went to the printer; paper cannot be taken back, so if
    this fails the person is told the agreement was printed but not recorded.
    """
    fields = ("easy_read" if issued.easy_read else "full", how.value)
    delivered = False
    try:
        with unit_of_work(db, actor, Action.PRINT_AGREEMENT) as work:
            version = work.get(PlanVersion, issued.version_id, "plan version")
            if deliver is not None:
                deliver(issued.pdf)
                delivered = True
            work.audit("issue_agreement", "plan_version", version, fields)
    except BaseException:
        if delivered and undo is not None:
            undo()
        raise


def agreement_person_reference(db: Database, actor: Actor, version_id: int) -> str:
    """The reference (never the name) of the person whose plan version this is: what "Verify an
    agreement" shows beside a match, for staff who may see the people list."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        version = work.get(PlanVersion, version_id, "plan version")
        work.require_record(version.plan.person_id)
        return version.plan.person.reference


def load_agreement(db: Database, actor: Actor, version_id: int) -> Agreement:
    """The agreement for an approved (or active, or since replaced) plan version, for printing.

    Only managers may print agreements. Drafts and versions not yet approved are refused.
    """
    with read_only(db, actor, Action.PRINT_AGREEMENT) as work:
        return _printable_agreement(work, version_id)


def _printable_agreement(work: Work, version_id: int) -> Agreement:
    version = work.session.get(PlanVersion, version_id)
    if version is None:
        raise NotFound("That plan version could not be found. It may have been removed.")
    work.require_record(version.plan.person_id)
    _check_printable(version)
    return read_agreement(work, version, _service_name(work))


def _check_printable(version: PlanVersion) -> None:
    status = PlanStatus(version.status)
    if status is PlanStatus.DRAFT:
        raise InvalidTransition(
            f"Version {version.number} of this plan is still a draft: the person and the key worker "
            "have not both signed it yet. "
            "An agreement can be printed once the plan has been signed and approved."
        )
    if status is PlanStatus.AGREED:
        raise InvalidTransition(
            f"Version {version.number} of this plan has been signed but not approved yet. "
            "A manager needs to approve it before the agreement can be printed."
        )
    if status not in PRINTABLE or version.approved_at is None or version.frozen_canonical is None:
        raise InvalidTransition(
            f"Version {version.number} of this plan was never approved, so there is no agreement to print."
        )
    if not matches_what_was_signed(version):
        raise InvalidTransition(
            "This version no longer matches what was signed, so it cannot be printed as an "
            "agreement. Ask your administrator to check the record."
        )


def _service_name(work: Work) -> str:
    setting = work.session.get(Setting, SERVICE_NAME_SETTING)
    return stored_service_name(setting.value if setting is not None else None)


def stored_service_name(value: Any) -> str:
    """The service's name as kept in its setting, tidied; the default when none is set, or when
    the one kept is not text (set before names were checked: it could not be printed)."""
    if isinstance(value, dict):
        value = value.get("name", value.get("value"))
    if isinstance(value, str):
        try:
            name = one_line(value, "the service's name", "name")
        except InvalidInput:
            return DEFAULT_SERVICE_NAME
        if name:
            return name
    return DEFAULT_SERVICE_NAME
