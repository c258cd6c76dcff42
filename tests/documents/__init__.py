"""Tests of the agreement documents, and a world to print: Dee's approved plan, built through the
real use cases (three goals in both voices, disagreements, three services, drawn signatures)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import (
    Naloxone,
    OverdoseRisk,
    PlanStatus,
    SafetyPart,
    ServiceUnit,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.services import budget, consent, people, plans, signing, staying_safe
from careplan.storage.database import Database
from tests.worlds import (
    Team,
    catalogue_service,
    draft_plan,
    goal,
    make_team,
    register,
    step,
    utc_today,
    version_sha256,
)

GOAL_FAMILY = "I want my kids to see me well"
GOAL_FLAT = "A flat of my own"
GOAL_HEALTH = "Get my health checked and keep my methadone steady"
STEP_GROUP = "Go to the Tuesday group work sessions"
NOTE_GROUP = "I don't want group work. I've done groups before and they don't help me."
NOTE_FLAT = "A flat should come after six months of stable treatment."
NOTE_BUS = "I'd rather have a bike than a bus pass."
CONSENT_WHAT = "My treatment information"
CONSENT_WHO = "my GP"
OVERRIDE_REASON = "Four extra mentoring sessions while the children's review is on."
TOTAL = "£961.00"  # 20 x £25.00 + 1 x £285.00 + 16 x £11.00
AGREED = Decimal("1000.00")


@dataclass(frozen=True)
class PrintWorld:
    team: Team
    person_id: int
    plan_id: int
    version_id: int
    goal_ids: tuple[int, ...]


def signature_strokes(seed: float = 0.0) -> tuple[tuple[tuple[float, float], ...], ...]:
    """A synthetic drawn signature in the signature pad's space (1000 x 300, y downwards)."""
    first = tuple((80 + t * 9.0, 170 - 60 * math.sin(t / 3.0 + seed) - t * 1.5) for t in range(0, 40))
    loop = tuple((520 + 60 * math.cos(t / 5.0) + t * 4, 160 + 50 * math.sin(t / 5.0)) for t in range(0, 32))
    tail = ((700.0, 210.0), (780.0, 200.0), (900.0, 215.0))
    return (first, loop, tail)


def extra_goals(count: int) -> list[tuple[object, tuple[object, ...]]]:
    areas = ["drugs", "alcohol", "physical_health", "mental_health", "money", "time", "community", "legal"]
    return [
        (
            goal(f"Goal number {n}: a thing I want to change in my life", life_area=areas[n % len(areas)]),
            (
                step(f"My own step towards goal {n}", voice=PERSON, owner=StepOwner.PERSON),
                step(f"The key worker's step towards goal {n}"),
            ),
        )
        for n in range(4, count + 1)
    ]


def build_print_world(
    db: Database,
    *,
    preferred_name: str = "Dee",
    goal_count: int = 3,
    worker_method: SignatureMethod = SignatureMethod.DRAWN,
    person_method: SignatureMethod = SignatureMethod.DRAWN,
    stage: PlanStatus = PlanStatus.APPROVED,
    over_budget: bool = False,
    staying_safe_plan: bool = False,
) -> PrintWorld:
    """Dee's plan at ``stage`` (draft, agreed or approved), through the real use cases (with
    ``staying_safe_plan``, a staying-safe plan in both voices: :func:`write_staying_safe`)."""
    team = make_team(db)
    kw = team.key_worker
    person_id = register(db, kw, preferred_name, about_me="To stop being a case. To be me again.")
    people.write_about_me(db, kw, person_id, "what_matters", "My kids. Staying well.", PERSON)
    people.write_about_me(
        db, kw, person_id, "support", "Her sister visits most weeks and helps with forms.", STAFF
    )
    people.set_substances(db, kw, person_id, [people.SubstanceEntry("Methadone", "oral", "daily", "60 ml")])
    consent.record_consent(db, kw, person_id, CONSENT_WHAT, CONSENT_WHO, utc_today() - timedelta(days=30))
    withdrawn = consent.record_consent(
        db, kw, person_id, "My housing history", "the council", utc_today() - timedelta(days=40)
    )
    consent.withdraw_consent(db, kw, withdrawn, utc_today() - timedelta(days=2))

    goals = [
        (
            goal(GOAL_FAMILY, why="They matter most. I want them to be proud of me."),
            (
                step("Ring the family centre to book contact", voice=STAFF),
                step(STEP_GROUP, voice=STAFF),
            ),
        ),
        (
            goal(GOAL_FLAT, life_area="housing"),
            (step("Fill in the housing form with my sister", voice=PERSON, owner=StepOwner.PERSON),),
        ),
        (
            goal(GOAL_HEALTH, voice=STAFF, life_area="physical_health"),
            (
                step("Book a health check at the surgery", voice=PERSON, owner=StepOwner.PERSON),
                step("Check in every week about how things are", owner=StepOwner.SERVICE),
            ),
        ),
        *extra_goals(goal_count),
    ][:goal_count]
    plan = draft_plan(db, kw, person_id, goals)  # type: ignore[arg-type]

    mentoring = catalogue_service(db, team.manager, provider="Northside Recovery Network")
    course = catalogue_service(
        db,
        team.manager,
        provider="Riverside Family Centre",
        name="Family contact support course",
        category="family support",
        price=Decimal("285.00"),
        unit=ServiceUnit.COURSE,
    )
    bus = catalogue_service(
        db,
        team.manager,
        provider="City Transport",
        name="Weekly bus pass",
        category="travel",
        price=Decimal("11.00"),
        unit=ServiceUnit.WEEK,
    )
    budget.assess_budget(db, kw, plan.version_id, _answers())
    budget.set_agreed_budget(db, kw, plan.version_id, AGREED)
    for service_id, quantity, goal_ids in (
        (mentoring, "20", plan.goal_ids[:1]),
        (course, "1", plan.goal_ids[:1]),
        (bus, "16", plan.goal_ids[:2]),
    ):
        allocation = budget.allocate(
            db,
            kw,
            plan.version_id,
            budget.AllocationInput(
                quantity=Decimal(quantity), goal_ids=tuple(goal_ids), service_id=service_id
            ),
        )
    if over_budget:  # a manager agrees to go £61.00 over the agreed £1,000.00
        budget.allocate(
            db,
            team.manager,
            plan.version_id,
            budget.AllocationInput(
                quantity=Decimal(4),
                goal_ids=plan.goal_ids[:1],
                service_id=mentoring,
                override_reason=OVERRIDE_REASON,
            ),
        )
    plans.record_disagreement(db, kw, plan.version_id, NOTE_GROUP, PERSON, step_id=plan.step_ids[1])
    if goal_count >= 2:
        plans.record_disagreement(db, kw, plan.version_id, NOTE_FLAT, STAFF, goal_id=plan.goal_ids[1])
    plans.record_disagreement(db, kw, plan.version_id, NOTE_BUS, PERSON, allocation_id=allocation)
    if staying_safe_plan:
        write_staying_safe(db, kw, plan.version_id)

    if stage is not PlanStatus.DRAFT:
        sha = version_sha256(db, plan.version_id)
        for signer, method, seed in (
            (SignerKind.PERSON, person_method, 0.0),
            (SignerKind.KEY_WORKER, worker_method, 1.3),
        ):
            signing.sign_plan(
                db,
                kw,
                plan.version_id,
                signing.SignatureInput(
                    signer=signer,
                    method=method,
                    plan_sha256=sha,
                    strokes=signature_strokes(seed) if method is SignatureMethod.DRAWN else (),
                    typed_name=f"{preferred_name} Typed" if method is SignatureMethod.TYPED else None,
                    confirmed=method is SignatureMethod.TYPED,
                ),
            )
    if stage in (PlanStatus.APPROVED, PlanStatus.ACTIVE):
        signing.approve_plan(db, team.manager, plan.version_id)
    if stage is PlanStatus.ACTIVE:
        plans.activate_plan(db, kw, plan.version_id)
    return PrintWorld(team, person_id, plan.plan_id, plan.version_id, plan.goal_ids)


SAFE_SIGNS = "I stop eating and stay in bed. I stop answering the door."
SAFE_HELPS = "Walking the dog by the canal. Ringing my sister."
SAFE_UNREACHABLE = "Ring the 24-hour helpline. If I have used, I don't use alone."
SAFE_CONTACTS = (("Jo, my sister", "07700 900462"), ("The night helpline", "0808 157 0000"))
SAFE_OVERDOSE = "My tolerance is low after the detox."
SAFE_WHERE = "In the kitchen drawer, and one in my bag"


def write_staying_safe(db: Database, actor: Actor, version_id: int) -> None:
    """Dee's staying-safe plan: her words, and the key worker's about overdose risk."""
    staying_safe.write_part(db, actor, version_id, SafetyPart.WARNING_SIGNS, SAFE_SIGNS, PERSON)
    staying_safe.write_part(db, actor, version_id, SafetyPart.WHAT_HELPS, SAFE_HELPS, PERSON)
    staying_safe.write_part(db, actor, version_id, SafetyPart.IF_UNREACHABLE, SAFE_UNREACHABLE, STAFF)
    for name, phone in SAFE_CONTACTS:
        staying_safe.add_contact(db, actor, version_id, staying_safe.ContactInput(name, phone, PERSON))
    staying_safe.set_overdose_risk(db, actor, version_id, OverdoseRisk.SOME, "", PERSON)
    staying_safe.set_overdose_risk(db, actor, version_id, OverdoseRisk.SOME, SAFE_OVERDOSE, STAFF)
    staying_safe.set_naloxone(db, actor, version_id, Naloxone.HELD, SAFE_WHERE, PERSON)


def _answers() -> dict[str, str]:
    from tests.worlds import STANDARD_ANSWERS

    return dict(STANDARD_ANSWERS)
