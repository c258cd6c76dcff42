"""Plans and their versions: starting, goals and steps, disagreements, revising, closing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from careplan.domain.actor import Actor, Voice
from careplan.domain.enums import AuthorKind, GoalStatus, PlanStatus, StepOwner
from careplan.domain.errors import InvalidInput, InvalidTransition, PermissionDenied
from careplan.domain.permissions import Action
from careplan.domain.records import (
    Allocation,
    AuthoredText,
    Disagreement,
    Goal,
    LifeArea,
    Person,
    Plan,
    PlanVersion,
    Review,
    Step,
)
from careplan.domain.text import check_text, one_line
from careplan.services.people import check_key_worker
from careplan.services.plan_access import any_version, draft_version, free_key, touch_plan
from careplan.services.record_rows import first_version_row, goal_row, plan_row, step_row
from careplan.services.unit_of_work import Work, clean_text, read_only, unit_of_work
from careplan.services.version_copy import copy_version
from careplan.storage.database import Database

OPEN_STATUSES = (PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE)


@dataclass(frozen=True)
class StartedPlan:
    plan_id: int
    version_id: int


@dataclass(frozen=True)
class GoalInput:
    wording: str
    wording_voice: Voice
    life_area: str
    why: str | None = None
    why_voice: Voice | None = None
    target_date: date | None = None
    key: str | None = None  # only to put back a goal that was removed (undo); else a new key
    # Only to put back words that were removed (undo): the texts they were (see put_back_words).
    wording_text_id: int | None = None
    why_text_id: int | None = None


@dataclass(frozen=True)
class StepInput:
    what: str
    voice: Voice
    owner: StepOwner
    owner_detail: str | None = None
    due_date: date | None = None
    key: str | None = None  # only to put back a step that was removed (undo); else a new key
    what_text_id: int | None = None  # only to put back words that were removed (undo)


def _check_period(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end <= start:
        raise InvalidInput("The plan must end after it starts.", "period_end")


def start_plan(
    db: Database,
    actor: Actor,
    person_id: int,
    *,
    period_start: date | None = None,
    period_end: date | None = None,
    key_worker_id: int | None = None,
) -> StartedPlan:
    """A new plan for a person, as a first draft version."""
    _check_period(period_start, period_end)
    with unit_of_work(db, actor, Action.START_PLAN) as work:
        person = work.get(Person, person_id, "person")
        open_plan = work.session.scalar(
            select(Plan.id)
            .join(PlanVersion, PlanVersion.plan_id == Plan.id)
            .where(Plan.person_id == person.id, PlanVersion.status.in_(OPEN_STATUSES))
            .limit(1)
        )
        if open_plan is not None:
            raise InvalidTransition(
                f"{person.preferred_name} already has a plan. Open it, or close it before starting another."
            )
        worker_id = key_worker_id or person.key_worker_id
        if worker_id is None and work.staff.role == "key_worker":
            worker_id = work.staff.id
        if worker_id is not None:
            check_key_worker(work, worker_id)
        plan = Plan(**plan_row(person_id=person.id, key_worker_id=worker_id, at=work.now))
        version = PlanVersion(
            plan=plan,
            **first_version_row(
                created_by_id=work.staff.id, at=work.now, period_start=period_start, period_end=period_end
            ),
        )
        work.session.add_all([plan, version])
        work.session.flush()
        work.audit("create", "plan", plan, ("person_id", "key_worker_id"))
        work.audit("create", "plan_version", version, ("number", "period_start", "period_end"))
        return StartedPlan(plan.id, version.id)


def set_period(
    db: Database,
    actor: Actor,
    version_id: int,
    start: date | None,
    end: date | None,
    *,
    expected_revision: int | None = None,
) -> None:
    _check_period(start, end)
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = draft_version(work, version_id, expected_revision)
        version.period_start, version.period_end = start, end
        work.audit("update", "plan_version", version, ("period_start", "period_end"))


def _life_area(work: Work, code: str) -> LifeArea:
    check_text(code, "the life area", "life_area")
    area = work.session.scalar(select(LifeArea).where(LifeArea.code == code))
    if area is None or not area.active:
        raise InvalidInput("Please choose one of the life areas.", "life_area")
    return area


def _person_id(version: PlanVersion) -> int:
    return version.plan.person_id


WORDS_OF_SOMEONE_ELSE = (
    "These words were written by another member of staff, so only they can put them back. "
    "Nothing was changed. You can write it again in your own words."
)


def _may_put_back(work: Work, version: PlanVersion, text: AuthoredText) -> bool:
    """Whether undo may put these words back in the name they were written in.

    The person's own words may come back in their plan. A member of staff may put back their own
    words anywhere, and another member of staff's words only where they were already part of this
    plan (an earlier version kept them). Otherwise nobody could tell that a member of staff did
    not just make words up in a colleague's name.
    """
    if text.author_kind == AuthorKind.PERSON:
        return text.person_id == version.plan.person_id
    if text.staff_id == work.staff.id:
        return True
    versions = select(PlanVersion.id).where(PlanVersion.plan_id == version.plan_id)
    in_goals = select(Goal.id).where(
        Goal.version_id.in_(versions), or_(Goal.wording_id == text.id, Goal.why_id == text.id)
    )
    in_steps = select(Step.id).join(Goal).where(Goal.version_id.in_(versions), Step.what_id == text.id)
    in_notes = select(Disagreement.id).where(
        Disagreement.version_id.in_(versions), Disagreement.text_id == text.id
    )
    return any(
        work.session.execute(query.limit(1)).first() is not None for query in (in_goals, in_steps, in_notes)
    )


def _words(
    work: Work,
    version: PlanVersion,
    body: str,
    voice: Voice,
    text_id: int | None,
    field_name: str,
) -> AuthoredText:
    """New words in ``voice``; or, when undo puts words back, the very text they were (same author,
    same time written, same person who typed them), if ``_may_put_back`` allows it."""
    if text_id is None:
        return work.text(body, voice, person_id=_person_id(version), field_name=field_name)
    text = work.get(AuthoredText, text_id, "text")
    if text.body != clean_text(body, field_name) or text.author_kind != voice.kind:
        raise InvalidInput("Those are not the words that were there before.", field_name)
    if not _may_put_back(work, version, text):
        raise PermissionDenied(WORDS_OF_SOMEONE_ELSE)
    return text


def _reworded(
    work: Work,
    version: PlanVersion,
    current: AuthoredText | None,
    body: str,
    voice: Voice,
    text_id: int | None,
    field_name: str,
) -> AuthoredText:
    """After an edit: the same text if the words did not change; else as ``_words``."""
    if current is not None and current.body == clean_text(body, field_name):
        return current
    return _words(work, version, body, voice, text_id, field_name)


def may_put_back_words(db: Database, actor: Actor, version_id: int, text_ids: Sequence[int]) -> bool:
    """Whether undo may put all these words back in the names they were written in.

    Asked before putting back a goal with its steps, so that nothing is half put back.
    """
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        version = work.get(PlanVersion, version_id, "plan version")
        work.require_record(version.plan.person_id)
        texts = [work.get(AuthoredText, text_id, "text") for text_id in text_ids]
        return all(_may_put_back(work, version, text) for text in texts)


def add_goal(
    db: Database, actor: Actor, version_id: int, goal: GoalInput, *, expected_revision: int | None = None
) -> int:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = draft_version(work, version_id, expected_revision)
        row = Goal(
            **goal_row(
                key=free_key(goal.key, [g.key for g in version.goals]),
                position=len(version.goals),
                target_date=goal.target_date,
            ),
            wording=_words(work, version, goal.wording, goal.wording_voice, goal.wording_text_id, "wording"),
            why=(
                _words(work, version, goal.why, goal.why_voice or goal.wording_voice, goal.why_text_id, "why")
                if goal.why and goal.why.strip()
                else None
            ),
            life_area=_life_area(work, goal.life_area),
        )
        version.goals.append(row)
        work.session.flush()
        work.audit("create", "goal", row, ("wording", "why", "life_area", "target_date"))
        return row.id


def edit_goal(
    db: Database, actor: Actor, goal_id: int, goal: GoalInput, *, expected_revision: int | None = None
) -> None:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Goal, goal_id, "goal")
        version = draft_version(work, row.version_id, expected_revision)
        before = (row.wording_id, row.why_id, row.life_area_id, row.target_date)
        row.wording = _reworded(
            work, version, row.wording, goal.wording, goal.wording_voice, goal.wording_text_id, "wording"
        )
        if goal.why and goal.why.strip():
            row.why = _reworded(
                work,
                version,
                row.why,
                goal.why,
                goal.why_voice or goal.wording_voice,
                goal.why_text_id,
                "why",
            )
        else:
            row.why = None
        if goal.life_area != row.life_area.code:  # a retired area may stay on goals written in it
            row.life_area = _life_area(work, goal.life_area)
        row.target_date = goal.target_date
        work.session.flush()
        after = (row.wording_id, row.why_id, row.life_area_id, row.target_date)
        names = ("wording", "why", "life_area", "target_date")
        work.audit(
            "update", "goal", row, tuple(n for n, a, b in zip(names, before, after, strict=True) if a != b)
        )


def remove_goal(db: Database, actor: Actor, goal_id: int, *, expected_revision: int | None = None) -> None:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Goal, goal_id, "goal")
        version = draft_version(work, row.version_id, expected_revision)
        for allocation in version.allocations:
            if row in allocation.goals:
                allocation.goals.remove(row)
        for note in list(version.disagreements):
            if note.goal_id == row.id or (note.step is not None and note.step.goal_id == row.id):
                version.disagreements.remove(note)
        version.goals.remove(row)
        for position, goal in enumerate(version.goals):
            goal.position = position
        work.audit("delete", "goal", goal_id)


def move_goal(
    db: Database, actor: Actor, goal_id: int, new_position: int, *, expected_revision: int | None = None
) -> None:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Goal, goal_id, "goal")
        version = draft_version(work, row.version_id, expected_revision)
        goals = [g for g in version.goals if g.id != row.id]
        goals.insert(max(0, min(new_position, len(goals))), row)
        for position, goal in enumerate(goals):
            goal.position = position
        work.audit("update", "goal", row, ("position",))


def _check_step(step: StepInput) -> str | None:
    detail = one_line(step.owner_detail or "", "who will do this", "owner_detail") or None
    if StepOwner(step.owner) in (StepOwner.SERVICE, StepOwner.SOMEONE_ELSE) and detail is None:
        raise InvalidInput("Please say which service or who will do this.", "owner_detail")
    if detail is not None and len(detail) > 120:
        raise InvalidInput("That is too long (120 characters at most).", "owner_detail")
    return detail


def add_step(
    db: Database, actor: Actor, goal_id: int, step: StepInput, *, expected_revision: int | None = None
) -> int:
    detail = _check_step(step)
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        goal = work.get(Goal, goal_id, "goal")
        version = draft_version(work, goal.version_id, expected_revision)
        row = Step(
            **step_row(
                key=free_key(step.key, [s.key for g in version.goals for s in g.steps]),
                position=len(goal.steps),
                owner=StepOwner(step.owner),
                owner_detail=detail,
                due_date=step.due_date,
            ),
            what=_words(work, version, step.what, step.voice, step.what_text_id, "what"),
        )
        goal.steps.append(row)
        work.session.flush()
        work.audit("create", "step", row, ("what", "owner", "due_date"))
        return row.id


def edit_step(
    db: Database, actor: Actor, step_id: int, step: StepInput, *, expected_revision: int | None = None
) -> None:
    detail = _check_step(step)
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Step, step_id, "step")
        version = draft_version(work, row.goal.version_id, expected_revision)
        row.what = _reworded(work, version, row.what, step.what, step.voice, step.what_text_id, "what")
        row.owner, row.owner_detail, row.due_date = StepOwner(step.owner), detail, step.due_date
        work.audit("update", "step", row, ("what", "owner", "owner_detail", "due_date"))


def remove_step(db: Database, actor: Actor, step_id: int, *, expected_revision: int | None = None) -> None:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Step, step_id, "step")
        goal = row.goal
        version = draft_version(work, goal.version_id, expected_revision)
        for note in list(version.disagreements):
            if note.step_id == row.id:
                version.disagreements.remove(note)
        goal.steps.remove(row)
        for position, step in enumerate(goal.steps):
            step.position = position
        work.audit("delete", "step", step_id)


def move_step(
    db: Database, actor: Actor, step_id: int, new_position: int, *, expected_revision: int | None = None
) -> None:
    """Put a step at ``new_position`` among its goal's steps (0 is first; past the end is last)."""
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(Step, step_id, "step")
        goal = row.goal
        draft_version(work, goal.version_id, expected_revision)
        steps = [s for s in goal.steps if s.id != row.id]
        steps.insert(max(0, min(new_position, len(steps))), row)
        for position, step in enumerate(steps):
            step.position = position
        work.audit("update", "step", row, ("position",))


def _progress_version(work: Work, version_id: int, expected_revision: int | None) -> PlanVersion:
    version = any_version(work, version_id, expected_revision)
    if version.status in (PlanStatus.SUPERSEDED, PlanStatus.CLOSED):
        raise InvalidTransition(
            "This version of the plan is no longer current, so progress goes on the newer one."
        )
    return version


def set_goal_status(
    db: Database, actor: Actor, goal_id: int, status: GoalStatus, *, expected_revision: int | None = None
) -> None:
    """Progress on a goal. Progress is not part of what was signed, so it can be recorded any time."""
    with unit_of_work(db, actor, Action.RECORD_PROGRESS) as work:
        goal = work.get(Goal, goal_id, "goal")
        _progress_version(work, goal.version_id, expected_revision)
        goal.status = GoalStatus(status)
        work.audit("progress", "goal", goal, ("status",))


def set_step_done(
    db: Database, actor: Actor, step_id: int, done: bool, *, expected_revision: int | None = None
) -> None:
    with unit_of_work(db, actor, Action.RECORD_PROGRESS) as work:
        step = work.get(Step, step_id, "step")
        _progress_version(work, step.goal.version_id, expected_revision)
        step.done = done
        work.audit("progress", "step", step, ("done",))


def record_disagreement(
    db: Database,
    actor: Actor,
    version_id: int,
    body: str,
    voice: Voice,
    *,
    goal_id: int | None = None,
    step_id: int | None = None,
    allocation_id: int | None = None,
    expected_revision: int | None = None,
    text_id: int | None = None,
) -> int:
    """An "I don't agree" note beside the plan or one of its items, from either side.

    ``text_id`` only to put back a note that was removed (undo): the text it was.
    """
    if sum(x is not None for x in (goal_id, step_id, allocation_id)) > 1:
        raise InvalidInput("A note of disagreement goes beside one item at a time.")
    with unit_of_work(db, actor, Action.RECORD_DISAGREEMENT) as work:
        version = draft_version(work, version_id, expected_revision)
        if goal_id is not None and work.get(Goal, goal_id, "goal").version_id != version.id:
            raise InvalidInput("That goal is not part of this version of the plan.")
        if step_id is not None and work.get(Step, step_id, "step").goal.version_id != version.id:
            raise InvalidInput("That step is not part of this version of the plan.")
        if (
            allocation_id is not None
            and work.get(Allocation, allocation_id, "allocation").version_id != version.id
        ):
            raise InvalidInput("That service is not part of this version of the plan.")
        note = Disagreement(
            goal_id=goal_id,
            step_id=step_id,
            allocation_id=allocation_id,
            text=_words(work, version, body, voice, text_id, "disagreement"),
        )
        version.disagreements.append(note)
        work.session.flush()
        work.audit("create", "disagreement", note, ("text",))
        return note.id


def withdraw_disagreement(
    db: Database, actor: Actor, disagreement_id: int, *, expected_revision: int | None = None
) -> None:
    with unit_of_work(db, actor, Action.RECORD_DISAGREEMENT) as work:
        note = work.get(Disagreement, disagreement_id, "note")
        version = draft_version(work, note.version_id, expected_revision)
        version.disagreements.remove(note)
        work.audit("delete", "disagreement", disagreement_id)


def revise_plan(db: Database, actor: Actor, version_id: int, *, expected_revision: int | None = None) -> int:
    """A new draft from a frozen version, carrying everything over. The old version stays as it was."""
    with unit_of_work(db, actor, Action.REVISE_PLAN) as work:
        source = work.get(PlanVersion, version_id, "plan version")
        plan = source.plan
        touch_plan(work, plan, expected_revision)
        if source.status == PlanStatus.DRAFT:
            raise InvalidTransition("This version is still a draft: change it directly.")
        if source.status == PlanStatus.CLOSED:
            raise InvalidTransition("This plan was closed. Start a new plan instead.")
        if any(v.status == PlanStatus.DRAFT for v in plan.versions):
            raise InvalidTransition("This plan already has a new draft version. Carry on with that one.")
        version = copy_version(work, source, number=max(v.number for v in plan.versions) + 1)
        work.session.flush()
        work.audit("revise", "plan_version", version, ("based_on_id",))
        return version.id


def activate_plan(
    db: Database, actor: Actor, version_id: int, *, expected_revision: int | None = None
) -> None:
    """An approved version comes into effect; the version it replaces is superseded."""
    with unit_of_work(db, actor, Action.ACTIVATE_PLAN) as work:
        version = any_version(work, version_id, expected_revision)
        if version.status != PlanStatus.APPROVED:
            raise InvalidTransition("Only an approved plan can be put into action.")
        for other in version.plan.versions:
            if other.id != version.id and other.status in (
                PlanStatus.ACTIVE,
                PlanStatus.APPROVED,
                PlanStatus.AGREED,
            ):
                other.status = PlanStatus.SUPERSEDED
                other.ended_at = work.now
                work.audit("supersede", "plan_version", other, ("status",))
                _cancel_pending_reviews(work, other)
        version.status = PlanStatus.ACTIVE
        version.activated_at = work.now
        work.audit("activate", "plan_version", version, ("status",))


def close_plan(db: Database, actor: Actor, plan_id: int, *, expected_revision: int | None = None) -> None:
    """The plan has come to an end. Every version stays readable."""
    with unit_of_work(db, actor, Action.CLOSE_PLAN) as work:
        plan = work.get(Plan, plan_id, "plan")
        touch_plan(work, plan, expected_revision)
        open_versions = [v for v in plan.versions if v.status in OPEN_STATUSES]
        if not open_versions:
            raise InvalidTransition("This plan is already closed.")
        for version in open_versions:
            version.status = PlanStatus.CLOSED
            version.ended_at = work.now
            work.audit("close", "plan_version", version, ("status",))
            _cancel_pending_reviews(work, version)


def _cancel_pending_reviews(work: Work, version: PlanVersion) -> None:
    """Reviews not yet held for a version that is no longer current are called off."""
    pending = work.session.scalars(
        select(Review).where(Review.version_id == version.id, Review.completed_on.is_(None))
    )
    for review in pending:
        work.audit("cancel", "review", review, ("due_date",))
        work.session.delete(review)
