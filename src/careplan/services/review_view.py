"""What the Reviews page shows for one plan: reviews to come, and each held review in full.

Reviews to come say in words whether they are due or overdue (careplan.domain.review_timing).
A held review shows its notes by topic in both voices (each marked whose words it is), both
scores side by side for each item of each measure (saying "We don't see this the same way" where
they differ), how each goal is going, how the review ended, and whether the person has confirmed
it. Frozen views, never rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from careplan.domain.actor import Actor
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewKind, ReviewOutcome, ReviewTopic
from careplan.domain.measures import AskedWhen, Measure, MeasureItem
from careplan.domain.permissions import Action
from careplan.domain.records import AuthoredText, Plan, Review, StaffMember
from careplan.domain.review_timing import ReviewState, ReviewTiming
from careplan.domain.wording.reviews import (
    GOING_WORDS,
    NOT_THE_SAME,
    OUTCOME_WORDS,
    TOPIC_WORDS,
    review_sentence,
    review_words,
)
from careplan.domain.wording.voices import staff_member, words_of
from careplan.services.measures import measures_in
from careplan.services.review_schedule import ReviewSchedule, schedule_in
from careplan.services.unit_of_work import Work, read_only
from careplan.storage.database import Database


@dataclass(frozen=True)
class Said:
    """Words, and whose they are ("Dee's words", "Sam Keyworker (key worker)")."""

    body: str
    voice: AuthorKind
    whose: str
    written_at: datetime


@dataclass(frozen=True)
class ComingReview:
    """A review not yet held, with why it is when it is (asked for, brought forward) and what it asks."""

    review_id: int
    kind: ReviewKind
    due_date: date
    timing: ReviewTiming
    asked: Said | None  # the person asked for it, in their words
    forward_from: date | None  # brought forward from this day
    forward_reason: Said | None
    measures: tuple[str, ...]  # the codes of the outcome measures asked at it (Measure.asked_at)

    @property
    def state(self) -> ReviewState:
        return self.timing.state

    @property
    def words(self) -> str:
        """ "Due in 5 days", "Overdue by 12 days", "Next review 3 March 2027"."""
        return review_words(self.timing)

    @property
    def sentence(self) -> str:
        """The words with the day in full (a screen reader, a tooltip)."""
        return review_sentence(self.timing)


@dataclass(frozen=True)
class TopicNotes:
    topic: ReviewTopic
    topic_words: str
    person: Said | None
    staff: Said | None


@dataclass(frozen=True)
class ScoreRow:
    item: str
    question: str
    person: int | None
    worker: int | None
    person_words: str | None  # "7", "yes"
    worker_words: str | None
    not_the_same: str | None  # "We don't see this the same way", where the two differ


@dataclass(frozen=True)
class MeasureScores:
    measure: str
    name: str
    rows: tuple[ScoreRow, ...]


@dataclass(frozen=True)
class GoalAtReview:
    """How one goal of the reviewed version was going, said at a review."""

    goal_key: str
    goal: str  # the goal's words in the reviewed version
    going: GoalGoing
    going_words: str
    note: Said | None


@dataclass(frozen=True)
class HeldReview:
    review_id: int
    kind: ReviewKind
    due_date: date
    held_on: date
    held_by: str
    asked: Said | None
    notes: tuple[TopicNotes, ...]
    scores: tuple[MeasureScores, ...]
    goals: tuple[GoalAtReview, ...]
    outcome: ReviewOutcome | None
    outcome_words: str | None
    outcome_reason: Said | None
    new_version_id: int | None
    confirmed_by: str | None  # the name the person signed or typed
    confirmed_at: datetime | None
    plan_goals: tuple[tuple[str, str], ...] = ()  # (key, words) of every goal of the reviewed version
    measures: tuple[tuple[str, str], ...] = ()  # (code, name) of each measure asked or scored at it
    at_the_end: tuple[tuple[str, str], ...] = ()  # asked only at the end: scored if the plan closes


Asked = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
"""The measures asked at a held review, and those asked only at the end: (code, name) each."""


@dataclass(frozen=True)
class ReviewsInFull:
    plan_id: int
    revision: int  # the plan's revision, for expected_revision on the next change
    coming: tuple[ComingReview, ...]  # soonest first
    held: tuple[HeldReview, ...]  # latest first
    schedule: ReviewSchedule

    @property
    def next_review(self) -> ComingReview | None:
        return self.coming[0] if self.coming else None


def reviews_in_full(db: Database, actor: Actor, plan_id: int) -> ReviewsInFull:
    """One plan's reviews, in full, for whoever may hold them with the person (the list of dates
    alone, for anyone who may open the record: careplan.services.plan_reviews)."""
    with read_only(db, actor, Action.RECORD_REVIEW) as work:
        plan = work.get(Plan, plan_id, "plan")
        work.require_person(plan.person)
        rows = work.session.scalars(
            select(Review)
            .where(Review.plan_id == plan_id)
            .options(
                selectinload(Review.notes),
                selectinload(Review.scores),
                selectinload(Review.goals),
                selectinload(Review.confirmation),
            )
            .order_by(Review.due_date, Review.id)
        ).all()
        today = work.now.date()
        measures = measures_in(work.session)
        asked_held = _asked_at_held(rows, measures)
        held = [_held(work, r, measures, asked_held[r.id]) for r in rows if r.completed_on is not None]
        held.sort(key=lambda h: (h.held_on, h.review_id), reverse=True)
        asked = _asked_at_booked(rows, measures)
        return ReviewsInFull(
            plan_id=plan.id,
            revision=plan.revision,
            coming=tuple(_coming(work, r, today, asked[r.id]) for r in rows if r.completed_on is None),
            held=tuple(held),
            schedule=schedule_in(work.session),
        )


def _said(work: Work, text: AuthoredText | None) -> Said | None:
    if text is None:
        return None
    if text.author_kind == AuthorKind.PERSON:
        whose = words_of(text.person.preferred_name if text.person else "The person")
    else:
        staff = work.session.get(StaffMember, text.staff_id) if text.staff_id else None
        whose = staff_member(staff.display_name if staff else "A member of staff", text.author_role)
    return Said(text.body, AuthorKind(text.author_kind), whose, text.written_at)


def _asked_at_booked(rows: Sequence[Review], measures: tuple[Measure, ...]) -> dict[int, tuple[str, ...]]:
    """For each booked review, the measures asked at it, as if the ones before it were held."""
    last: dict[str, date] = {}
    held_any = False
    for review in rows:
        if review.completed_on is not None:
            held_any = True
            for score in review.scores:
                last[score.measure] = max(last.get(score.measure, review.completed_on), review.completed_on)
    found: dict[int, tuple[str, ...]] = {}
    for review in rows:
        if review.completed_on is not None:
            continue
        on = review.due_date
        codes = tuple(
            m.code for m in measures if m.asked_at(on, first=not held_any, last_asked=last.get(m.code))
        )
        found[review.id] = codes
        last.update(dict.fromkeys(codes, on))
        held_any = True
    return found


def _asked_at_held(rows: Sequence[Review], measures: tuple[Measure, ...]) -> dict[int, Asked]:
    """For each held review, in the order held: the measures asked at it (as for a booked one,
    from the reviews held before it), with any scored at it anyway; and the measures asked only at
    the end (exit), offered in case the plan closes at it."""
    last: dict[str, date] = {}
    found: dict[int, Asked] = {}
    held = sorted((r for r in rows if r.completed_on is not None), key=lambda r: (r.completed_on, r.id))
    for number, review in enumerate(held):
        on = review.completed_on
        assert on is not None
        scored = {score.measure for score in review.scores}
        asked = tuple(
            m
            for m in measures
            if m.code in scored or m.asked_at(on, first=number == 0, last_asked=last.get(m.code))
        )
        exit_only = tuple(m for m in measures if AskedWhen.EXIT in m.asked and m not in asked)
        found[review.id] = (
            tuple((m.code, m.name) for m in asked),
            tuple((m.code, m.name) for m in exit_only),
        )
        last.update(dict.fromkeys(scored, on))
    return found


def _coming(work: Work, review: Review, today: date, measures: tuple[str, ...]) -> ComingReview:
    return ComingReview(
        review_id=review.id,
        kind=ReviewKind(review.kind),
        due_date=review.due_date,
        timing=ReviewTiming(review.due_date, today),
        asked=_said(work, review.asked_words),
        forward_from=review.forward_from,
        forward_reason=_said(work, review.forward_reason),
        measures=measures,
    )


def _held(
    work: Work,
    review: Review,
    measures: tuple[Measure, ...],
    asked: Asked = ((), ()),
) -> HeldReview:
    assert review.completed_on is not None
    holder = work.session.get(StaffMember, review.completed_by_id) if review.completed_by_id else None
    confirmation = review.confirmation
    return HeldReview(
        review_id=review.id,
        kind=ReviewKind(review.kind),
        due_date=review.due_date,
        held_on=review.completed_on,
        held_by=staff_member(holder.display_name, holder.role) if holder else "",
        asked=_said(work, review.asked_words),
        notes=_notes(work, review),
        scores=_scores(review, measures),
        goals=_goals(work, review),
        outcome=ReviewOutcome(review.outcome) if review.outcome else None,
        outcome_words=OUTCOME_WORDS[ReviewOutcome(review.outcome)] if review.outcome else None,
        outcome_reason=_said(work, review.outcome_reason),
        new_version_id=review.new_version_id,
        confirmed_by=confirmation.signer_name if confirmation else None,
        confirmed_at=confirmation.confirmed_at if confirmation else None,
        plan_goals=tuple(
            (g.key, g.wording.body) for g in sorted(review.version.goals, key=lambda g: g.position)
        ),
        measures=asked[0],
        at_the_end=asked[1],
    )


def _notes(work: Work, review: Review) -> tuple[TopicNotes, ...]:
    found = []
    for topic in ReviewTopic:
        said = {n.text.author_kind: n.text for n in review.notes if n.topic == topic}
        if said:
            found.append(
                TopicNotes(
                    topic,
                    TOPIC_WORDS[topic],
                    _said(work, said.get(AuthorKind.PERSON)),
                    _said(work, said.get(AuthorKind.STAFF)),
                )
            )
    return tuple(found)


def _scores(review: Review, measures: tuple[Measure, ...]) -> tuple[MeasureScores, ...]:
    given: dict[tuple[str, str], dict[str, int]] = {}
    for score in review.scores:
        given.setdefault((score.measure, score.item), {})[score.voice] = score.value
    found = []
    known = {m.code for m in measures}
    unknown = sorted({code for code, _item in given} - known)
    for measure in (*measures, *(Measure(code, code.replace("_", " "), (), ()) for code in unknown)):
        rows = []
        items: list[tuple[str, MeasureItem | None]] = [(i.code, i) for i in measure.items]
        items += [
            (code, None) for m, code in sorted(given) if m == measure.code and measure.item(code) is None
        ]
        for code, item in items:
            values = given.get((measure.code, code))
            if not values:
                continue
            person, worker = values.get(AuthorKind.PERSON.value), values.get(AuthorKind.STAFF.value)
            rows.append(
                ScoreRow(
                    item=code,
                    question=item.question if item else code.replace("_", " "),
                    person=person,
                    worker=worker,
                    person_words=_answer(item, person),
                    worker_words=_answer(item, worker),
                    not_the_same=NOT_THE_SAME if None not in (person, worker) and person != worker else None,
                )
            )
        if rows:
            found.append(MeasureScores(measure.code, measure.name, tuple(rows)))
    return tuple(found)


def _answer(item: MeasureItem | None, value: int | None) -> str | None:
    if value is None:
        return None
    return item.words(value) if item else str(value)


def _goals(work: Work, review: Review) -> tuple[GoalAtReview, ...]:
    wording = {g.key: g.wording.body for g in review.version.goals}
    order = {g.key: g.position for g in review.version.goals}
    found = sorted(review.goals, key=lambda g: order.get(g.goal_key, 0))
    return tuple(
        GoalAtReview(
            g.goal_key,
            wording.get(g.goal_key, ""),
            GoalGoing(g.going),
            GOING_WORDS[GoalGoing(g.going)],
            _said(work, g.note),
        )
        for g in found
    )


def review_behind(db: Database, actor: Actor, version_id: int) -> HeldReview | None:
    """The review that started this plan version (ended by changing the plan), with its words,
    for writing the new version from; None if the version did not start from a review."""
    with read_only(db, actor, Action.RECORD_REVIEW) as work:
        work.require_version_record(version_id)
        review = work.session.scalar(select(Review).where(Review.new_version_id == version_id))
        if review is None:
            return None
        return _held(work, review, measures_in(work.session))
