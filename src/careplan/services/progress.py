"""The person's progress, read from the record: the facts the Reviews page's charts and the
"My progress" sheet are drawn from (:mod:`careplan.services.progress_facts`).

Scores are Careplan's life-area scale at every held review, the person's and the worker's apart
(a day one of them gave none stays empty, never filled from the other). Goals are those of the
plan version in force (the newest one not being written, else the one being written), each with
when a review first said it was done. The person's own words are what they said was working at
the latest review where they said anything about it. Who may hold reviews with the person may read
this (the key worker, a peer mentor, a manager, a colleague covering).

Three statements whatever the number of reviews: the plan with its versions, goals and steps; the
held reviews with their scores, goals and notes; the next review not yet held.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from careplan.domain.actor import Actor, Voice
from careplan.domain.enums import AuthorKind, GoalGoing, GoalStatus, PlanStatus, ReviewTopic
from careplan.domain.errors import NotFound
from careplan.domain.measures import LIFE_AREAS, Measure
from careplan.domain.permissions import Action
from careplan.domain.records import Goal, Person, Plan, PlanVersion, Review, StaffMember
from careplan.domain.records.reviews import ReviewNote
from careplan.services.assignments import person_with_reference
from careplan.services.measures import measures_in
from careplan.services.progress_facts import AreaProgress, GoalProgress, ProgressFacts, Scale, ScorePoint
from careplan.services.spending_view import plan_spending
from careplan.services.unit_of_work import Work, read_only
from careplan.storage.database import Database


def progress_of_person(db: Database, actor: Actor, reference: str) -> ProgressFacts:
    """The progress facts of the person with this reference, for their newest plan."""
    person_id = person_with_reference(db, actor, reference)
    with read_only(db, actor, Action.RECORD_REVIEW) as work:
        work.require_person(work.get(Person, person_id, "person"))
        plan_id = work.session.scalar(
            select(Plan.id).where(Plan.person_id == person_id).order_by(Plan.id.desc()).limit(1)
        )
    if plan_id is None:
        raise NotFound(f"{reference.strip()} has no plan yet, so there is no progress to show.")
    return progress_of(db, actor, plan_id)


def progress_of(db: Database, actor: Actor, plan_id: int) -> ProgressFacts:
    """One plan's progress facts, as of today."""
    with read_only(db, actor, Action.RECORD_REVIEW) as work:
        plan = work.session.scalar(
            select(Plan)
            .where(Plan.id == plan_id)
            .options(selectinload(Plan.versions).selectinload(PlanVersion.goals).selectinload(Goal.steps))
        )
        if plan is None:
            plan = work.get(Plan, plan_id, "plan")  # says "no such plan" the way every use case does
        work.require_person(plan.person)
        held = work.session.scalars(
            select(Review)
            .where(Review.plan_id == plan_id, Review.completed_on.is_not(None))
            .options(selectinload(Review.scores), selectinload(Review.goals), selectinload(Review.notes))
            .order_by(Review.completed_on, Review.id)
        ).all()
        next_review = work.session.scalar(
            select(Review.due_date)
            .where(Review.plan_id == plan_id, Review.completed_on.is_(None))
            .order_by(Review.due_date)
            .limit(1)
        )
        version = _in_force(plan)
        life_areas = next(m for m in measures_in(work.session) if m.code == LIFE_AREAS)
        return ProgressFacts(
            preferred_name=plan.person.preferred_name,
            person_reference=plan.person.reference,
            plan_id=plan.id,
            version_number=version.number,
            printed_on=work.now.date(),
            areas=_areas(life_areas, held),
            goals=_goals(work, version, held),
            what_is_working=_what_is_working(held),
            next_review=next_review,
            spending=plan_spending(work.session, plan.id, work.now.date()),
        )


def _in_force(plan: Plan) -> PlanVersion:
    versions = sorted(plan.versions, key=lambda v: v.number)
    settled = [v for v in versions if v.status != PlanStatus.DRAFT]
    return settled[-1] if settled else versions[-1]


def _areas(measure: Measure, held: Sequence[Review]) -> tuple[AreaProgress, ...]:
    """Each life area someone scored, in the service's order, oldest review first."""
    by_item: dict[str, list[ScorePoint]] = {}
    for review in held:
        assert review.completed_on is not None
        given: dict[str, dict[str, int]] = {}
        for score in review.scores:
            if score.measure == LIFE_AREAS:
                given.setdefault(score.item, {})[score.voice] = score.value
        for item, voices in given.items():
            by_item.setdefault(item, []).append(
                ScorePoint(
                    review.completed_on,
                    voices.get(AuthorKind.PERSON.value),
                    voices.get(AuthorKind.STAFF.value),
                )
            )
    return tuple(
        AreaProgress(item.code, item.question, Scale(item.low, item.high), tuple(by_item[item.code]))
        for item in measure.items
        if item.code in by_item
    )


def _goals(work: Work, version: PlanVersion, held: Sequence[Review]) -> tuple[GoalProgress, ...]:
    first_done: dict[str, date] = {}
    for review in held:
        assert review.completed_on is not None
        for said in review.goals:
            if said.going == GoalGoing.DONE:
                first_done.setdefault(said.goal_key, review.completed_on)
    found = []
    for goal in sorted(version.goals, key=lambda g: g.position):
        wording = goal.wording
        if wording.author_kind == AuthorKind.PERSON:
            voice, author = Voice.person(), version.plan.person.preferred_name
        else:
            staff = work.session.get(StaffMember, wording.staff_id) if wording.staff_id else None
            voice, author = Voice.staff(), staff.display_name if staff else "A member of staff"
        found.append(
            GoalProgress(
                words=wording.body,
                voice=voice,
                author_name=author,
                life_area=goal.life_area.name,
                done_on=first_done.get(goal.key),
                steps_done=sum(1 for step in goal.steps if step.done),
                steps_total=len(goal.steps),
                achieved=goal.status == GoalStatus.ACHIEVED,
            )
        )
    return tuple(found)


def _what_is_working(held: Sequence[Review]) -> str | None:
    for review in reversed(held):
        said: list[ReviewNote] = [
            n
            for n in review.notes
            if n.topic == ReviewTopic.WORKING and n.text.author_kind == AuthorKind.PERSON
        ]
        if said:
            return said[0].text.body
    return None
