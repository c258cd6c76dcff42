"""Requests decided every way a manager can, as ``services.requests`` records them: yes and added
to the catalogue (a new service from a provider already in it), no with a reason the person does
not agree with, "tell us more" still waiting for an answer, and one asked, answered and waiting for
a manager again.

Jordan's story tells them (:mod:`.personas`), on fixed days after the second version, so every
demo database has each of them (the generic people's requests are approved or declined one-offs,
or waiting: :mod:`.generic_plans`)."""

from __future__ import annotations

from datetime import date, timedelta

from careplan.demo.content.catalogue import RIVERSIDE
from careplan.demo.days import weekday
from careplan.demo.plans import Plans
from careplan.demo.stand_ins import Person, Plan, Proposal, Staff
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind, ProposalStatus, ServiceUnit

# what, who might provide, category, unit, estimate (pence), why (the person's words), (unused)
BOXING = (
    "Boxing fitness classes",
    RIVERSIDE,
    "sport and fitness",
    ServiceUnit.WEEK,
    800,
    "Training three nights a week fills the evenings I used to use in.",
    None,
)
HOLIDAY = (
    "A weekend away at the coast",
    "Seaside caravan park",
    "leisure",
    ServiceUnit.ITEM,
    32000,
    "I want a break somewhere nobody knows me, away from the estate.",
    None,
)
YOGA = (
    "Yoga course",
    "Open Door Arts",
    "sport and fitness",
    ServiceUnit.COURSE,
    9000,
    "My back hurts and I sleep badly. Yoga helped my mum.",
    None,
)
TATTOO_COVER = (
    "Tattoo cover-up",
    "Ink Studio",
    "wellbeing",
    ServiceUnit.ITEM,
    25000,
    "The tattoo on my hand is from when I was using. People judge me at interviews.",
    None,
)


class RequestStories:
    """Writes decisions on requests, and what was said about them since."""

    def __init__(self, bench: Workbench, plans: Plans, texts: Texts, provider_ids: dict[str, int]) -> None:
        self.clock, self.trail, self.batch = bench.clock, bench.trail, bench.batch
        self.provider_ids = provider_ids
        self.plans = plans
        self.texts = texts

    def tell(
        self, person: Person, plan: Plan, since: date, today: date, worker: Staff, manager: Staff
    ) -> None:
        """Four requests, each decided a different way, between ``since`` and ``today``."""
        plans = self.plans

        def day(before: int) -> date:
            return max(since, weekday(today - timedelta(days=before)))

        boxing = plans.propose(person, plan, BOXING, day(40), worker)
        note = "Riverside gives our service a discount."
        about = "Boxing-based fitness classes, three evenings a week. Added from a request."
        self.to_catalogue(boxing, day(38), manager, price=750, note=note, description=about)
        holiday = plans.propose(person, plan, HOLIDAY, day(30), worker)
        plans.decide(
            holiday,
            False,
            day(28),
            manager,
            note="The budget pays for things that help with the goals in your plan, not holidays. "
            "A day trip with the walking group could give you that break: ask Sam.",
        )
        self.disagree(
            holiday,
            person,
            "A day trip is not the same. I need to be away from here for a few days to think straight.",
            day(27),
            worker,
        )
        yoga = plans.propose(person, plan, YOGA, day(12), worker)
        self.ask(yoga, day(10), manager, "Is the course for beginners, and how many weeks is it?")
        cover = plans.propose(person, plan, TATTOO_COVER, day(20), worker)
        self.ask(cover, day(18), manager, "Has the GP said whether laser removal could be done instead?")
        self.answer(
            cover,
            person,
            "The GP said laser removal is not offered for tattoos. "
            "The studio quote is the cheapest we found.",
            AuthorKind.STAFF,
            day(15),
            worker,
        )

    def to_catalogue(
        self, proposal: Proposal, day: date, manager: Staff, *, price: int, note: str, description: str
    ) -> None:
        """Yes, and added to the catalogue: a service from the provider the request names, at ``price``."""
        at = self.clock.moment(day)
        batch = self.batch
        provider_id = self.provider_ids[proposal.who_might_provide or ""]
        service_id = batch.new_id("services")
        batch.rows["services"].append(
            {
                "id": service_id,
                "provider_id": provider_id,
                "name": proposal.what,
                "category": proposal.category,
                "description": description,
                "unit": proposal.unit,
                "unit_price_pence": price,
                "peer_led": False,
                "available_from": None,
                "available_to": None,
            }
        )
        self.trail.event(
            at, manager, "create", "service", service_id, ("category", "name", "unit", "unit_price_pence")
        )
        batch.bump("services")
        proposal.status = ProposalStatus.APPROVED.value
        proposal.approved_unit_price_pence = price
        proposal.service_id = service_id
        proposal.decision_note = note
        proposal.decided_by_id, proposal.decided_at = manager.id, at
        decided = ("approved_unit_price", "decision_note", "service", "status")
        self.trail.event(at, manager, "decide", "proposal", proposal.id, decided)

    def ask(self, proposal: Proposal, day: date, manager: Staff, question: str) -> None:
        at = self.clock.moment(day)
        proposal.status = ProposalStatus.ASKED.value
        proposal.question = question
        proposal.asked_by_id, proposal.asked_at = manager.id, at
        self.trail.event(at, manager, "ask", "proposal", proposal.id, ("question", "status"))

    def answer(
        self, proposal: Proposal, person: Person, body: str, voice: AuthorKind, day: date, by: Staff
    ) -> None:
        proposal.answer = self.texts.text(body, voice, person, by, day)
        proposal.status = ProposalStatus.PENDING.value
        self.trail.event(
            proposal.answer.written_at, by, "answer", "proposal", proposal.id, ("answer", "status")
        )

    def disagree(self, proposal: Proposal, person: Person, body: str, day: date, by: Staff) -> None:
        proposal.disagreement = self.texts.text(body, AuthorKind.PERSON, person, by, day)
        self.trail.event(
            proposal.disagreement.written_at, by, "disagree", "proposal", proposal.id, ("disagreement",)
        )
