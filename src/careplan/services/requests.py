"""Requests for services the catalogue lacks, decided: a manager says yes (a one-off for this person,
or added to the catalogue with a price), no with a reason the person will read, or "tell us more";
the key worker (or the person, through them) answers; the person may say they do not agree.

Every step is audited by field name only: the words themselves stay in the record, never the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from careplan.domain.actor import PERSON, Actor, Voice
from careplan.domain.enums import PlanStatus, ProposalStatus, ServiceUnit
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.money import check_money, from_pence, to_pence
from careplan.domain.permissions import Action
from careplan.domain.records import Person, Plan, Proposal, Provider, Service
from careplan.domain.text import check_text, one_line
from careplan.domain.wording.requests import decision_words
from careplan.services.catalogue import clean_name
from careplan.services.text_views import TextView, text_view
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

# How many decided requests ``list_requests`` shows after the ones still waiting.
RECENT_DECISIONS = 50


class Choice(StrEnum):
    """The four answers a manager can give to a request."""

    YES = "yes"  # a one-off for this person
    YES_TO_CATALOGUE = "yes_to_catalogue"  # and added to the catalogue, with a price and unit
    NO = "no"  # with a reason the person will read
    ASK = "ask"  # tell us more: a question back to the person and key worker


@dataclass(frozen=True)
class Decision:
    """What a manager decides. ``words``: the reason (required for no), or the question (for ask).
    ``price``: per unit (yes: the estimate if not given; to the catalogue: required)."""

    choice: Choice
    words: str = ""
    price: Decimal | None = None
    unit: ServiceUnit | None = None
    provider: str | None = None


@dataclass(frozen=True)
class DecisionView:
    """Where a request has got to, and what was said about it, for everyone on the plan."""

    status: ProposalStatus
    decided_by: str | None
    decided_at: datetime | None
    reason: str | None
    approved_unit_price_pence: int | None
    service_id: int | None
    question: str | None
    asked_by: str | None
    asked_at: datetime | None
    answer: TextView | None
    disagreement: TextView | None

    def words(self, unit: str) -> str:
        """Where the request has got to, in plain words ("Priya Shah said no: ..."); ``unit``:
        what the price is for."""
        asked = self.status == ProposalStatus.ASKED
        return decision_words(
            self.status,
            by=self.asked_by if asked else self.decided_by,
            reason=self.reason,
            question=self.question,
            price_pence=self.approved_unit_price_pence,
            unit=unit,
            added_to_catalogue=self.service_id is not None,
        )


@dataclass(frozen=True)
class RequestListing:
    """One request as the manager's list shows it."""

    id: int
    person_id: int
    person_reference: str
    what: str
    unit: ServiceUnit
    price_asked_pence: int
    asked_at: datetime
    # Since when it has waited for a manager: the answer to "tell us more", else the asking (as
    # the manager's desk counts it).
    waiting_since: datetime
    decision: DecisionView


def decision_view(proposal: Proposal, person_name: str) -> DecisionView:
    return DecisionView(
        status=ProposalStatus(proposal.status),
        decided_by=proposal.decided_by.display_name if proposal.decided_by else None,
        decided_at=proposal.decided_at,
        reason=proposal.decision_note,
        approved_unit_price_pence=proposal.approved_unit_price_pence,
        service_id=proposal.service_id,
        question=proposal.question,
        asked_by=proposal.asked_by.display_name if proposal.asked_by else None,
        asked_at=proposal.asked_at,
        answer=text_view(proposal.answer, person_name),
        disagreement=text_view(proposal.disagreement, person_name),
    )


def _request(work: Work, proposal_id: int) -> Proposal:
    """The request, if the member of staff may open the person's record and its plan is still open."""
    proposal = work.get(Proposal, proposal_id, "request")
    work.require_record(proposal.person_id)
    if proposal.plan_id is not None:
        plan = work.get(Plan, proposal.plan_id, "plan")
        if plan.versions and plan.versions[-1].status == PlanStatus.CLOSED:
            raise InvalidTransition("This plan was closed, so its requests can no longer change.")
    return proposal


def _words(value: str, field: str, label: str) -> str | None:
    return check_text(value or "", label, field, lines=True).strip() or None


_ALREADY = {
    ProposalStatus.APPROVED: "This request was already decided: the answer was yes.",
    ProposalStatus.DECLINED: "This request was already decided: the answer was no.",
    ProposalStatus.ASKED: "This request is waiting for an answer to the question a manager asked.",
}


def decide_request(db: Database, actor: Actor, proposal_id: int, decision: Decision) -> None:
    """A manager decides a request that is waiting for a manager (see :class:`Choice`)."""
    with unit_of_work(db, actor, Action.DECIDE_PROPOSAL) as work:
        proposal = _request(work, proposal_id)
        if proposal.status != ProposalStatus.PENDING:
            raise InvalidTransition(_ALREADY[ProposalStatus(proposal.status)])
        choice = Choice(decision.choice)
        if choice is Choice.ASK:
            _ask(work, proposal, decision)
            return
        reason = _words(decision.words, "reason", "the reason")
        fields: tuple[str, ...] = ("status", "decision_note")
        if choice is Choice.NO:
            if reason is None:
                raise InvalidInput("Please say why the answer is no: the person will read it.", "reason")
            proposal.status = ProposalStatus.DECLINED
        else:
            if choice is Choice.YES_TO_CATALOGUE:
                if decision.price is None:
                    raise InvalidInput("Please give the price per unit for the catalogue.", "price")
                proposal.service = _catalogue_service(work, proposal, decision)
                fields += ("service",)
            price = (
                decision.price if decision.price is not None else from_pence(proposal.estimated_cost_pence)
            )
            proposal.approved_unit_price_pence = to_pence(check_money(price, field="price", allow_zero=False))
            proposal.status = ProposalStatus.APPROVED
            fields += ("approved_unit_price",)
        proposal.decision_note = reason
        proposal.decided_by_id = work.staff.id
        proposal.decided_at = work.now
        work.audit("decide", "proposal", proposal, fields)


def _ask(work: Work, proposal: Proposal, decision: Decision) -> None:
    question = _words(decision.words, "reason", "the question")
    if question is None:
        raise InvalidInput("Please write the question: the person and key worker will read it.", "reason")
    proposal.question = question
    proposal.asked_by_id = work.staff.id
    proposal.asked_at = work.now
    proposal.answer = None
    proposal.status = ProposalStatus.ASKED
    work.audit("ask", "proposal", proposal, ("status", "question"))


def _catalogue_service(work: Work, proposal: Proposal, decision: Decision) -> Service:
    """The new catalogue service a "yes, and add it to the catalogue" makes (and its provider)."""
    provider_name = one_line(
        decision.provider or proposal.who_might_provide or "", "the provider", "provider"
    )
    if not provider_name:
        raise InvalidInput("Please say who provides it, for the catalogue.", "provider")
    provider_name = clean_name(provider_name, "provider", "the provider's name", 120)
    name = clean_name(proposal.what, "what", "the service's name", 120)
    provider = work.session.scalar(select(Provider).where(Provider.name == provider_name))
    if provider is None:
        provider = Provider(name=provider_name)
        work.session.add(provider)
        work.session.flush()
        work.audit("create", "provider", provider, ("name",))
    elif work.session.scalar(
        select(Service.id).where(Service.provider_id == provider.id, Service.name == name)
    ):
        raise InvalidInput(
            f"{provider.name} already offers a service with that name in the catalogue.", "what"
        )
    price = check_money(decision.price or Decimal(0), field="price", allow_zero=False)
    service = Service(
        provider=provider,
        name=name,
        category=proposal.category,
        description="",
        unit=ServiceUnit(decision.unit or proposal.unit),
        unit_price_pence=to_pence(price),
        peer_led=False,
    )
    work.session.add(service)
    work.session.flush()
    work.audit("create", "service", service, ("name", "category", "unit", "unit_price_pence"))
    return service


def answer_request(db: Database, actor: Actor, proposal_id: int, body: str, voice: Voice) -> None:
    """The answer to a manager's "tell us more", in the person's or the key worker's words: the
    request waits for a manager again."""
    with unit_of_work(db, actor, Action.PROPOSE_SERVICE) as work:
        proposal = _request(work, proposal_id)
        if proposal.status != ProposalStatus.ASKED:
            raise InvalidTransition(
                "Nobody has asked a question about this request, so there is nothing to answer."
            )
        proposal.answer = work.text(
            body, voice, person_id=proposal.person_id, field_name="answer", what="the answer"
        )
        proposal.status = ProposalStatus.PENDING
        work.audit("answer", "proposal", proposal, ("status", "answer"))


def disagree_with_decision(
    db: Database, actor: Actor, proposal_id: int, body: str, voice: Voice = PERSON
) -> None:
    """The person says "I don't agree" with a manager's decision, kept beside it: in their own
    words, or as their key worker wrote it down for them (``voice``), as other disagreements."""
    with unit_of_work(db, actor, Action.RECORD_DISAGREEMENT) as work:
        proposal = _request(work, proposal_id)
        if proposal.status not in (ProposalStatus.APPROVED, ProposalStatus.DECLINED):
            raise InvalidTransition(
                "A manager has not decided this request yet, so there is nothing to disagree with."
            )
        if proposal.disagreement_id is not None:
            raise InvalidTransition("The person's disagreement with this decision is already written down.")
        proposal.disagreement = work.text(
            body,
            voice,
            person_id=proposal.person_id,
            field_name="disagreement",
            what="what you don't agree with",
        )
        work.audit("disagree", "proposal", proposal, ("disagreement",))


def list_requests(db: Database, actor: Actor) -> list[RequestListing]:
    """Requests still waiting (for a manager, or for an answer), oldest first, then the most recent
    decisions, newest first."""
    with read_only(db, actor, Action.DECIDE_PROPOSAL) as work:
        loads = (
            selectinload(Proposal.person),
            selectinload(Proposal.decided_by),
            selectinload(Proposal.asked_by),
            selectinload(Proposal.answer),
            selectinload(Proposal.disagreement),
        )
        waiting = work.session.scalars(
            select(Proposal)
            .where(Proposal.status.in_((ProposalStatus.PENDING, ProposalStatus.ASKED)))
            .options(*loads)
            .order_by(Proposal.created_at, Proposal.id)
        ).all()
        decided = work.session.scalars(
            select(Proposal)
            .where(
                or_(Proposal.status == ProposalStatus.APPROVED, Proposal.status == ProposalStatus.DECLINED)
            )
            .options(*loads)
            .order_by(Proposal.decided_at.desc(), Proposal.id.desc())
            .limit(RECENT_DECISIONS)
        ).all()
        waiting_first = sorted((_listing(p) for p in waiting), key=lambda row: (row.waiting_since, row.id))
        return [*waiting_first, *(_listing(p) for p in decided)]


def _listing(proposal: Proposal) -> RequestListing:
    person: Person = proposal.person
    return RequestListing(
        id=proposal.id,
        person_id=person.id,
        person_reference=person.reference,
        what=proposal.what,
        unit=ServiceUnit(proposal.unit),
        price_asked_pence=proposal.estimated_cost_pence,
        asked_at=proposal.created_at,
        waiting_since=(
            proposal.answer.written_at
            if proposal.answer is not None and proposal.status == ProposalStatus.PENDING
            else proposal.created_at
        ),
        decision=decision_view(proposal, person.preferred_name),
    )
