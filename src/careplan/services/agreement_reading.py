"""Reading a printed agreement from the record: the words from what was signed (the version's
frozen canonical form), so the document shows exactly what both signatures cover and what its
SHA-256 fingerprint is worked out from. Only the labels that may rightly change after signing are
read from the record as it is now: the name the person uses today, and the life area's code (which
picks the easy-read picture)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from careplan.domain.enums import PlanStatus, Role, SignatureMethod, SignerKind, StepOwner
from careplan.domain.errors import InvalidTransition
from careplan.domain.records import Consent, Goal, LifeArea, PlanVersion, Review
from careplan.domain.wording.reviews import review_kind_words
from careplan.services.agreement_contents import (
    AboutMeAnswer,
    Agreement,
    AgreementGoal,
    AgreementStep,
    Approval,
    Budget,
    BudgetLine,
    ConsentStatement,
    ReviewDate,
    SafetyContactLine,
    SignatureMark,
    StayingSafePlan,
    Substance,
    Words,
    WorkingLine,
)
from careplan.services.audit import head_anchor
from careplan.services.canonical import document_id, plan_sha256
from careplan.services.people import ABOUT_ME_TOPICS
from careplan.services.signing import valid_signatures
from careplan.services.spending_view import plan_spending
from careplan.services.unit_of_work import Work


def role_label(role: str | None) -> str | None:
    if not role:
        return None
    try:
        return Role(role).label
    except ValueError:
        return role.replace("_", " ")


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


def read_agreement(work: Work, version: PlanVersion, service_name: str) -> Agreement:
    """The agreement of an approved version, from its frozen canonical form (see the module)."""
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
        service_name=service_name,
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
        spending=plan_spending(work.session, version.plan_id, today),
        reviews=tuple(
            ReviewDate(r.kind, review_kind_words(r.kind), r.due_date, r.completed_on) for r in reviews
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
        staying_safe=_staying_safe(reader, signed.get("staying_safe")),
    )


def _staying_safe(reader: _Reader, signed: dict[str, Any] | None) -> StayingSafePlan:
    """The staying-safe plan as signed (versions signed without one have none)."""
    if not signed:
        return StayingSafePlan()
    return StayingSafePlan(
        warning_signs=reader.words(signed.get("warning_signs")),
        what_helps=reader.words(signed.get("what_helps")),
        if_unreachable=reader.words(signed.get("if_unreachable")),
        contacts=tuple(
            SafetyContactLine(reader.must(contact["name"]), str(contact["phone"]))
            for contact in signed.get("contacts", [])
        ),
        overdose_risk=signed.get("overdose_risk"),
        overdose_words=reader.words(signed.get("overdose_words")),
        naloxone=signed.get("naloxone"),
        naloxone_where=reader.words(signed.get("naloxone_where")),
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
