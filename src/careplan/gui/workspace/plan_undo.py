"""Undo and redo for the plan's goals and steps.

Every change was already saved when it was made; undoing or redoing it saves again through the
use cases. Goals and steps are found by their ``key`` (which stays the same when an item is put
back), so a chain of undos and redos keeps working even though database ids change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand

from careplan.domain.actor import Voice
from careplan.domain.enums import AuthorKind, GoalStatus, StepOwner
from careplan.domain.errors import NotFound, PermissionDenied
from careplan.services import plans
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    DisagreementView,
    GoalView,
    StepView,
    TextView,
    VersionView,
    load_version,
)


@dataclass
class Replay:
    """What an undo or redo step needs: the plan as it is now, found afresh."""

    context: SignedInStaff
    version_id: int

    def version(self) -> VersionView:
        return load_version(self.context.db, self.context.actor, self.version_id)

    def goal(self, key: str) -> GoalView:
        found = next((g for g in self.version().goals if g.key == key), None)
        if found is None:
            raise NotFound("That goal is no longer in the plan, so this cannot be undone.")
        return found

    def step(self, key: str) -> tuple[GoalView, StepView]:
        for goal in self.version().goals:
            for step in goal.steps:
                if step.key == key:
                    return goal, step
        raise NotFound("That step is no longer in the plan, so this cannot be undone.")

    def revision(self) -> int:
        return self.version().plan_revision


Action = Callable[[Replay], object]


class PlanChange(QUndoCommand):
    """One saved change to the plan. ``run`` saves a step again and reports whether it worked."""

    def __init__(self, text: str, undo: Action, redo: Action, run: Callable[[Action], bool]) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._run = run
        self._first = True

    def redo(self) -> None:
        if self._first:  # it was saved when it was made
            self._first = False
            return
        if not self._run(self._redo):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._run(self._undo):
            self.setObsolete(True)


def voice_of(kind: AuthorKind) -> Voice:
    return Voice(kind)


def goal_input(goal: GoalView, *, key: str | None = None) -> GoalInput:
    """The goal as it was, with the very texts it had (so their authors stay as they were)."""
    return GoalInput(
        wording=goal.wording.body,
        wording_voice=voice_of(goal.wording.author.kind),
        life_area=goal.life_area_code,
        why=goal.why.body if goal.why else None,
        why_voice=voice_of(goal.why.author.kind) if goal.why else None,
        target_date=goal.target_date,
        key=key,
        wording_text_id=goal.wording.id,
        why_text_id=goal.why.id if goal.why else None,
    )


def step_input(step: StepView, *, key: str | None = None) -> StepInput:
    return StepInput(
        what=step.what.body,
        voice=voice_of(step.what.author.kind),
        owner=StepOwner(step.owner),
        owner_detail=step.owner_detail,
        due_date=step.due_date,
        key=key,
        what_text_id=step.what.id,
    )


@dataclass(frozen=True)
class GoalSnapshot:
    """Everything needed to put a removed goal back as it was."""

    goal: GoalView
    position: int
    notes: list[DisagreementView] = field(default_factory=list)

    @classmethod
    def of(cls, version: VersionView, goal_id: int) -> GoalSnapshot:
        position, goal = next((i, g) for i, g in enumerate(version.goals) if g.id == goal_id)
        step_ids = {s.id for s in goal.steps}
        notes = [n for n in version.disagreements if n.goal_id == goal.id or n.step_id in step_ids]
        return cls(goal, position, notes)


def check_words(replay: Replay, texts: list[TextView]) -> None:
    """Refuse, before anything is saved, to put back words that may not come back in their
    author's name (a colleague's words that were never part of this plan: see
    ``plans.may_put_back_words``). Nothing is half put back, and nobody's words change hands."""
    db, actor = replay.context.db, replay.context.actor
    if not plans.may_put_back_words(db, actor, replay.version_id, [t.id for t in texts]):
        raise PermissionDenied(plans.WORDS_OF_SOMEONE_ELSE)


def goal_texts(goal: GoalView) -> list[TextView]:
    texts = [goal.wording, *([goal.why] if goal.why else [])]
    return texts + [step.what for step in goal.steps]


def restore_goal(replay: Replay, snapshot: GoalSnapshot) -> None:
    db, actor = replay.context.db, replay.context.actor
    version_id = replay.version_id
    goal = snapshot.goal
    check_words(replay, goal_texts(goal) + [note.note for note in snapshot.notes])
    goal_id = plans.add_goal(
        db, actor, version_id, goal_input(goal, key=goal.key), expected_revision=replay.revision()
    )
    if snapshot.position < len(replay.version().goals) - 1:
        plans.move_goal(db, actor, goal_id, snapshot.position, expected_revision=replay.revision())
    if goal.status != GoalStatus.NOT_STARTED:
        plans.set_goal_status(
            db, actor, goal_id, GoalStatus(goal.status), expected_revision=replay.revision()
        )
    step_ids: dict[int, int] = {}
    for step in goal.steps:
        step_ids[step.id] = _restore_step(replay, goal_id, step)
    for note in snapshot.notes:
        plans.record_disagreement(
            db,
            actor,
            version_id,
            note.note.body,
            voice_of(note.note.author.kind),
            goal_id=goal_id if note.goal_id is not None else None,
            step_id=step_ids.get(note.step_id) if note.step_id is not None else None,
            expected_revision=replay.revision(),
            text_id=note.note.id,
        )


def _restore_step(replay: Replay, goal_id: int, step: StepView) -> int:
    db, actor = replay.context.db, replay.context.actor
    step_id = plans.add_step(
        db, actor, goal_id, step_input(step, key=step.key), expected_revision=replay.revision()
    )
    if step.done:
        plans.set_step_done(db, actor, step_id, True, expected_revision=replay.revision())
    return step_id


def remove_goal(replay: Replay, key: str) -> None:
    goal = replay.goal(key)
    plans.remove_goal(replay.context.db, replay.context.actor, goal.id, expected_revision=replay.revision())


def edit_goal(replay: Replay, key: str, wanted: GoalView) -> None:
    goal = replay.goal(key)
    plans.edit_goal(
        replay.context.db,
        replay.context.actor,
        goal.id,
        goal_input(wanted),
        expected_revision=replay.revision(),
    )


def move_step(replay: Replay, key: str, position: int) -> None:
    _goal, step = replay.step(key)
    plans.move_step(
        replay.context.db, replay.context.actor, step.id, position, expected_revision=replay.revision()
    )


def move_goal(replay: Replay, key: str, position: int) -> None:
    goal = replay.goal(key)
    plans.move_goal(
        replay.context.db, replay.context.actor, goal.id, position, expected_revision=replay.revision()
    )


def set_goal_status(replay: Replay, key: str, status: str) -> None:
    goal = replay.goal(key)
    plans.set_goal_status(
        replay.context.db,
        replay.context.actor,
        goal.id,
        GoalStatus(status),
        expected_revision=replay.revision(),
    )


@dataclass(frozen=True)
class StepSnapshot:
    goal_key: str
    step: StepView
    position: int
    notes: list[DisagreementView] = field(default_factory=list)

    @classmethod
    def of(cls, version: VersionView, step_id: int) -> StepSnapshot:
        for goal in version.goals:
            for position, step in enumerate(goal.steps):
                if step.id == step_id:
                    notes = [n for n in version.disagreements if n.step_id == step_id]
                    return cls(goal.key, step, position, notes)
        raise NotFound("That step could not be found.")


def restore_step(replay: Replay, snapshot: StepSnapshot) -> None:
    """Put a removed step back where it was among its goal's steps, with its notes."""
    goal = replay.goal(snapshot.goal_key)
    check_words(replay, [snapshot.step.what] + [note.note for note in snapshot.notes])
    step_id = _restore_step(replay, goal.id, snapshot.step)
    if snapshot.position < len(goal.steps):
        plans.move_step(
            replay.context.db,
            replay.context.actor,
            step_id,
            snapshot.position,
            expected_revision=replay.revision(),
        )
    for note in snapshot.notes:
        plans.record_disagreement(
            replay.context.db,
            replay.context.actor,
            replay.version_id,
            note.note.body,
            voice_of(note.note.author.kind),
            step_id=step_id,
            expected_revision=replay.revision(),
            text_id=note.note.id,
        )


def remove_step(replay: Replay, key: str) -> None:
    _goal, step = replay.step(key)
    plans.remove_step(replay.context.db, replay.context.actor, step.id, expected_revision=replay.revision())


def edit_step(replay: Replay, key: str, wanted: StepView) -> None:
    _goal, step = replay.step(key)
    plans.edit_step(
        replay.context.db,
        replay.context.actor,
        step.id,
        step_input(wanted),
        expected_revision=replay.revision(),
    )


def set_step_done(replay: Replay, key: str, done: bool) -> None:
    _goal, step = replay.step(key)
    plans.set_step_done(
        replay.context.db, replay.context.actor, step.id, done, expected_revision=replay.revision()
    )
