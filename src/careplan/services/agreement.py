"""What a printed care plan agreement shows, read in one short session: plain frozen data.

The words come from what was signed (the version's frozen canonical form), so the document shows
exactly what both signatures cover and what its SHA-256 fingerprint is worked out from. Only the
labels that may rightly change after signing are read from the record as it is now: the name the
person uses today, and the life area's code (which picks the easy-read picture).

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
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus, Role, SignatureMethod, SignerKind, StepOwner
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import Consent, Goal, LifeArea, PlanVersion, Review, Setting
from careplan.domain.text import one_line
from careplan.domain.wording.units import quantity_words
from careplan.services.audit import ChainAnchor, head_anchor
from careplan.services.canonical import document_id, matches_what_was_signed, plan_sha256
from careplan.services.people import ABOUT_ME_TOPICS
from careplan.services.signing import valid_signatures
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

SERVICE_NAME_SETTING = "service.name"
DEFAULT_SERVICE_NAME = "Careplan drug and alcohol service"

PRINTABLE = (PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.SUPERSEDED, PlanStatus.CLOSED)

_REVIEW_LABELS = {"early": "Early review", "regular": "Review", "full": "Full review"}


@dataclass(frozen=True)
class Words:
    """A piece of text and whose words it is."""

    text: str
    by_person: bool
    author_name: str
    author_role: str | None = None  # "key worker", "peer mentor", ... for staff

    @property
    def label(self) -> str:
        """ "Dee's words" or "Sam Okafor, key worker"."""
        if self.by_person:
            return f"{self.author_name}'s words"
        return f"{self.author_name}, {self.author_role}" if self.author_role else self.author_name


@dataclass(frozen=True)
class AboutMeAnswer:
    topic: str
    heading: str
    words: Words


@dataclass(frozen=True)
class Substance:
    substance: str
    how: str | None
    how_often: str | None
    amount: str | None

    @property
    def summary(self) -> str:
        details = [d for d in (self.how, self.how_often, self.amount) if d]
        return f"{self.substance}: {', '.join(details)}" if details else self.substance


@dataclass(frozen=True)
class AgreementStep:
    what: Words
    who: StepOwner
    who_label: str  # "Dee", "Sam Okafor (key worker)", "Local family centre"
    by: date | None
    disagreements: tuple[Words, ...] = ()


@dataclass(frozen=True)
class AgreementGoal:
    number: int
    life_area_code: str
    life_area: str
    wording: Words
    why: Words | None
    target_date: date | None
    steps: tuple[AgreementStep, ...]
    disagreements: tuple[Words, ...] = ()


@dataclass(frozen=True)
class BudgetLine:
    description: str
    category: str
    unit: str
    quantity: Decimal
    unit_price_pence: int
    total_pence: int
    goal_numbers: tuple[int, ...]
    override_reason: str | None
    disagreements: tuple[Words, ...] = ()

    @property
    def quantity_label(self) -> str:
        """ "4 sessions", "1.5 hours", "1 course"."""
        return quantity_words(self.quantity, self.unit)


@dataclass(frozen=True)
class WorkingLine:
    question: str
    answer: str
    points: int


@dataclass(frozen=True)
class Budget:
    indicative_pence: int | None
    working_summary: str | None
    working_lines: tuple[WorkingLine, ...]
    agreed_pence: int | None
    lines: tuple[BudgetLine, ...]

    @property
    def allocated_pence(self) -> int:
        return sum(line.total_pence for line in self.lines)

    @property
    def limit_pence(self) -> int | None:
        """The agreed amount, or the indicative amount when none was agreed separately."""
        return self.agreed_pence if self.agreed_pence is not None else self.indicative_pence

    @property
    def left_pence(self) -> int | None:
        limit = self.limit_pence
        return None if limit is None else limit - self.allocated_pence


@dataclass(frozen=True)
class ReviewDate:
    kind: str
    label: str  # "Early review", "Review", "Full review"
    due: date
    held_on: date | None


@dataclass(frozen=True)
class ConsentStatement:
    what: str
    with_whom: str
    given_on: date


@dataclass(frozen=True)
class SignatureMark:
    signer: SignerKind
    name: str
    role_label: str  # "the person this plan is for", "key worker", ...
    signed_at: datetime
    method: SignatureMethod
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()
    typed_name: str | None = None


@dataclass(frozen=True)
class Approval:
    name: str
    role_label: str
    approved_at: datetime


@dataclass(frozen=True)
class Agreement:
    """Everything a printed agreement shows. No ORM objects, no database ids but the version's."""

    version_id: int
    plan_key: str
    version_number: int
    status: PlanStatus
    person_name: str
    person_reference: str
    key_worker: str | None
    service_name: str
    period_start: date | None
    period_end: date | None
    about_me: tuple[AboutMeAnswer, ...]
    substances: tuple[Substance, ...]
    goals: tuple[AgreementGoal, ...]
    plan_disagreements: tuple[Words, ...]
    budget: Budget
    reviews: tuple[ReviewDate, ...]
    consents: tuple[ConsentStatement, ...]
    signatures: tuple[SignatureMark, ...]
    approval: Approval
    ended_at: datetime | None  # when a superseded or closed version stopped being the plan
    document_id: str
    sha256: str
    audit_anchor: ChainAnchor | None = None  # the audit trail's head when it was made


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


def role_label(role: str | None) -> str | None:
    if not role:
        return None
    try:
        return Role(role).label
    except ValueError:
        return role.replace("_", " ")


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
    return _agreement(work, version)


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


class _Reader:
    """Turns the signed canonical form into the agreement's plain data."""

    def __init__(self, person_name: str, key_worker: str | None) -> None:
        self.person_name = person_name
        self.key_worker = key_worker

    def words(self, data: dict[str, Any] | None) -> Words | None:
        if not data:
            return None
        author = data.get("author") or {}
        if author.get("kind") == "person":
            return Words(str(data["text"]), True, self.person_name)
        name = author.get("name") or "A member of staff"
        return Words(str(data["text"]), False, str(name), role_label(author.get("role")))

    def must(self, data: dict[str, Any] | None) -> Words:
        found = self.words(data)
        if found is None:  # pragma: no cover - canonical goals and steps always have words
            raise InvalidTransition("This version is missing some of its words and cannot be printed.")
        return found

    def who(self, owner: str, detail: str | None) -> str:
        if owner == StepOwner.PERSON:
            return self.person_name
        if owner == StepOwner.WORKER:
            return f"{self.key_worker} (key worker)" if self.key_worker else "The key worker"
        if owner == StepOwner.SERVICE:
            return detail or "The service"
        return detail or "Someone else"


def _agreement(work: Work, version: PlanVersion) -> Agreement:
    signed = version.frozen_canonical
    assert signed is not None
    sha = plan_sha256(version)
    person = version.plan.person
    key_worker = signed.get("key_worker")
    reader = _Reader(person.preferred_name, key_worker)

    notes: dict[tuple[str, str], list[Words]] = {}
    for note in signed.get("disagreements", []):
        ((kind, key),) = note["about"].items()
        notes.setdefault((kind, key), []).append(reader.must(note["note"]))

    def notes_on(kind: str, key: str) -> tuple[Words, ...]:
        return tuple(notes.get((kind, key), ()))

    areas = {
        key: (code, name)
        for key, code, name in work.session.execute(
            select(Goal.key, LifeArea.code, LifeArea.name)
            .join(LifeArea, LifeArea.id == Goal.life_area_id)
            .where(Goal.version_id == version.id)
        )
    }
    goals: list[AgreementGoal] = []
    goal_numbers: dict[str, int] = {}
    for number, goal in enumerate(signed.get("goals", []), start=1):
        goal_numbers[goal["key"]] = number
        code, area_name = areas.get(goal["key"], ("", ""))
        goals.append(
            AgreementGoal(
                number=number,
                life_area_code=code,
                life_area=str(goal.get("life_area") or area_name),
                wording=reader.must(goal["wording"]),
                why=reader.words(goal.get("why")),
                target_date=_day(goal.get("target_date")),
                steps=tuple(
                    AgreementStep(
                        what=reader.must(step["what"]),
                        who=StepOwner(step["who"]),
                        who_label=reader.who(step["who"], step.get("who_detail")),
                        by=_day(step.get("by")),
                        disagreements=notes_on("step", step["key"]),
                    )
                    for step in goal.get("steps", [])
                ),
                disagreements=notes_on("goal", goal["key"]),
            )
        )

    budget_data = signed.get("budget", {})
    working = budget_data.get("working") or {}
    budget = Budget(
        indicative_pence=budget_data.get("indicative_pence"),
        working_summary=working.get("summary"),
        working_lines=tuple(
            WorkingLine(str(line["question"]), str(line["answer"]), int(line["points"]))
            for line in working.get("lines", [])
        ),
        agreed_pence=budget_data.get("agreed_pence"),
        lines=tuple(
            BudgetLine(
                description=str(a["description"]),
                category=str(a["category"]),
                unit=str(a["unit"]),
                quantity=Decimal(str(a["quantity"])),
                unit_price_pence=int(a["unit_price_pence"]),
                total_pence=int(a["total_pence"]),
                goal_numbers=tuple(sorted(goal_numbers[k] for k in a.get("goals", []) if k in goal_numbers)),
                override_reason=a.get("override_reason"),
                disagreements=notes_on("allocation", a["key"]),
            )
            for a in budget_data.get("allocations", [])
        ),
    )

    about = signed.get("about_me") or {}
    answers = about.get("answers") or {}
    order = [t for t in ABOUT_ME_TOPICS if t in answers] + sorted(
        t for t in answers if t not in ABOUT_ME_TOPICS
    )
    about_me = []
    for topic in order:
        words = reader.words(answers[topic])
        if words is not None and words.text.strip():
            heading = ABOUT_ME_TOPICS.get(topic, topic.replace("_", " ").capitalize())
            about_me.append(AboutMeAnswer(topic, heading, words))

    reviews = work.session.scalars(
        select(Review).where(Review.version_id == version.id).order_by(Review.due_date, Review.id)
    )
    today = work.now.date()
    consents = work.session.scalars(
        select(Consent)
        .where(Consent.person_id == person.id, Consent.given_on <= today)
        .where((Consent.withdrawn_on.is_(None)) | (Consent.withdrawn_on > today))
        .order_by(Consent.given_on, Consent.id)
    )
    signatures = valid_signatures(version, sha)
    approver = version.approved_by
    assert version.approved_at is not None
    return Agreement(
        version_id=version.id,
        plan_key=str(signed.get("plan", version.plan.key)),
        version_number=version.number,
        status=PlanStatus(version.status),
        person_name=person.preferred_name,
        person_reference=person.reference,
        key_worker=key_worker,
        service_name=_service_name(work),
        period_start=_day(signed.get("period", {}).get("start")),
        period_end=_day(signed.get("period", {}).get("end")),
        about_me=tuple(about_me),
        substances=tuple(
            Substance(str(s["substance"]), s.get("how"), s.get("how_often"), s.get("amount"))
            for s in about.get("substances", [])
        ),
        goals=tuple(goals),
        plan_disagreements=notes_on("plan", str(signed.get("plan"))),
        budget=budget,
        reviews=tuple(
            ReviewDate(r.kind, _REVIEW_LABELS.get(r.kind, "Review"), r.due_date, r.completed_on)
            for r in reviews
        ),
        consents=tuple(ConsentStatement(c.what, c.with_whom, c.given_on) for c in consents),
        signatures=tuple(
            _signature_mark(signatures[kind], person.preferred_name)
            for kind in (SignerKind.PERSON, SignerKind.KEY_WORKER)
            if kind in signatures
        ),
        approval=Approval(
            name=approver.display_name if approver is not None else "A manager",
            role_label=role_label(approver.role if approver is not None else None) or "manager",
            approved_at=version.approved_at,
        ),
        ended_at=version.ended_at if version.status in (PlanStatus.SUPERSEDED, PlanStatus.CLOSED) else None,
        document_id=document_id(version.id, sha),
        sha256=sha,
        audit_anchor=head_anchor(work.session),
    )


def _signature_mark(signature: Any, person_name: str) -> SignatureMark:
    method = SignatureMethod(signature.method)
    if signature.signer_kind == SignerKind.PERSON:
        role = "the person this plan is for"
    else:
        role = role_label(signature.role) or "key worker"
    strokes = tuple(
        tuple((float(x), float(y)) for x, y in stroke) for stroke in (signature.strokes or []) if stroke
    )
    name = signature.signer_name
    if signature.signer_kind == SignerKind.PERSON and method is SignatureMethod.DRAWN:
        name = person_name  # a label only: the name the person uses now
    return SignatureMark(
        signer=SignerKind(signature.signer_kind),
        name=name,
        role_label=role,
        signed_at=signature.signed_at,
        method=method,
        strokes=strokes if method is SignatureMethod.DRAWN else (),
        typed_name=signature.signer_name if method is SignatureMethod.TYPED else None,
    )


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None
