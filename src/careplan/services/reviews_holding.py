"""Holding a review with the person: notes in both voices, how each goal is going, scores.

Every text is kept in the voice of whoever said it (the person's words, or the member of staff's),
and each topic may have a note in each voice. Scores are given per item of an outcome measure and
per voice: the person's score, once given, is never changed by anyone (staff type it in, so a
change would be staff changing the person's words); the worker gives their own score beside it.
Peer mentors may hold a review and write in it (careplan.domain.permissions).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from careplan.domain.actor import Actor, Voice
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewTopic
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import Review, ReviewGoal, ReviewNote, ReviewScore
from careplan.domain.text import check_text
from careplan.services.measures import measures_in
from careplan.services.review_access import review_to_write
from careplan.services.unit_of_work import FIELD_WORDS, Work, unit_of_work
from careplan.storage.database import Database

PERSON_SCORE_KEPT = (
    "The person's score is kept as they gave it and cannot be changed. If you see it differently, "
    "give your own score beside it."
)


def hold_review(
    db: Database,
    actor: Actor,
    review_id: int,
    *,
    held_on: date | None = None,
    expected_revision: int | None = None,
) -> None:
    """Start holding a booked review (on ``held_on``, today unless said). Writing anything in a
    review holds it too; this is for the page's "Hold this review" before anything is written."""
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review_to_write(work, review_id, expected_revision, held_on=held_on)


def write_review_note(
    db: Database,
    actor: Actor,
    review_id: int,
    topic: ReviewTopic,
    voice: Voice,
    body: str,
    *,
    expected_revision: int | None = None,
) -> None:
    """The note on ``topic`` in ``voice``: written, changed, or (empty ``body``) taken out."""
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = review_to_write(work, review_id, expected_revision)
        put_note(work, review, ReviewTopic(topic), voice, body)


def put_note(
    work: Work, review: Review, topic: ReviewTopic, voice: Voice, body: str, *, field_name: str = "body"
) -> None:
    """:func:`write_review_note` inside a unit of work, on a review to write in (``field_name``
    names the field in a refusal)."""
    what = FIELD_WORDS.get(field_name, "the note")
    current = next((n for n in review.notes if n.topic == topic and n.text.author_kind == voice.kind), None)
    if not check_text(body, what, field_name, lines=True).strip():
        if current is not None:
            review.notes.remove(current)
            work.audit("write", "review", review, ("notes",))
        return
    text = work.retext(
        current.text if current else None,
        body,
        voice,
        person_id=review.plan.person_id,
        field_name=field_name,
        what=what,
    )
    if current is None:
        review.notes.append(ReviewNote(topic=topic, text=text))
    elif current.text is not text:
        current.text = text
    work.audit("write", "review", review, ("notes",))


def set_goal_going(
    db: Database,
    actor: Actor,
    review_id: int,
    goal_key: str,
    going: GoalGoing,
    note: str | None = None,
    voice: Voice | None = None,
    *,
    expected_revision: int | None = None,
) -> None:
    """How one goal of the reviewed version is going, and a note (in ``voice``; no note: none)."""
    going = GoalGoing(going)
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = review_to_write(work, review_id, expected_revision)
        if goal_key not in {g.key for g in review.version.goals}:
            raise InvalidInput("That goal is not part of the plan being reviewed.", "goal_key")
        found = next((g for g in review.goals if g.goal_key == goal_key), None)
        if found is None:
            found = ReviewGoal(goal_key=goal_key, going=going)
            review.goals.append(found)
        found.going = going
        if note is None or not check_text(note, "the note", "note", lines=True).strip():
            found.note = None
        else:
            if voice is None:
                raise InvalidInput("Please say whose words the note is.", "voice")
            found.note = work.retext(
                found.note, note, voice, person_id=review.plan.person_id, field_name="note", what="the note"
            )
        work.audit("write", "review", review, ("goals",))


def give_scores(
    db: Database,
    actor: Actor,
    review_id: int,
    measure: str,
    values: Mapping[str, int],
    voice: Voice,
    *,
    expected_revision: int | None = None,
) -> None:
    """Scores for items of ``measure`` (item code -> value) in ``voice``: the person's or the
    worker's, each kept apart. The person's score for an item cannot be changed once given; the
    worker may change their own."""
    if not values:
        raise InvalidInput("Please give at least one score.", "values")
    with unit_of_work(db, actor, Action.RECORD_REVIEW) as work:
        review = review_to_write(work, review_id, expected_revision)
        put_scores(work, review, measure, values, voice)


def put_scores(work: Work, review: Review, measure: str, values: Mapping[str, int], voice: Voice) -> None:
    """:func:`give_scores` inside a unit of work, on a review to write in."""
    found = next((m for m in measures_in(work.session) if m.code == measure), None)
    if found is None:
        raise InvalidInput("That outcome measure is not one this service uses.", "values")
    kept = {(s.measure, s.item, s.voice): s for s in review.scores}
    for code, value in values.items():
        item = found.item(code)
        if item is None:
            raise InvalidInput(
                f"“{code}” is not a life area."
                if found.built_in
                else f"“{code}” is not part of {found.name}.",
                "values",
            )
        problem = item.problem(value)
        if problem is not None:
            raise InvalidInput(problem, "values")
        score = kept.get((measure, code, voice.kind.value))
        if score is not None and voice.kind is AuthorKind.PERSON:
            if score.value == value:
                continue
            raise InvalidInput(PERSON_SCORE_KEPT, "values")
        if score is None:
            review.scores.append(
                ReviewScore(
                    measure=measure,
                    item=code,
                    voice=voice.kind.value,
                    value=value,
                    given_at=work.now,
                    recorded_by_id=work.staff.id,
                )
            )
        elif score.value != value:
            score.value, score.given_at, score.recorded_by_id = value, work.now, work.staff.id
    work.audit("score", "review", review, ("scores",))
