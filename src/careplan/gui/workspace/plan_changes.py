"""The changes made on the My plan page, each through ``careplan.services.plans`` and undoable.

The page reads a VersionView and changes the record only through the use cases.
Every change carries the plan revision it was made from, so a change made meanwhile on another
workstation is reported (with an offer to reload), never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QUndoStack

from careplan.domain.enums import GoalStatus
from careplan.domain.permissions import Action
from careplan.domain.wording.statuses import goal_status_words
from careplan.gui.workspace import plan_undo
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.goal_card import GoalCard
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_controls import confirm
from careplan.gui.workspace.plan_words import short
from careplan.gui.workspace.step_row import StepRow
from careplan.services import plans
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    GoalView,
    PersonView,
    StepView,
    VersionView,
)

FocusKey = tuple[str, int, str]


class PlanChanges:
    """What the plan page does when something is pressed (what opens a dialog first is
    :class:`~careplan.gui.workspace.plan_editors.PlanEditors`, which saves through here too).

    Each change runs one use case with the plan revision it was made from, says so in the status
    bar (through the page's ``saved``), asks the workspace to reload (``changed``), and goes on
    the undo stack. The page (``PlanPage``) shows the plan and connects its widgets here; it
    tells this what is shown (``person``, ``version``) and reads back where the keyboard should
    go after the reload (``want_focus``).
    """

    def __init__(self, context: SignedInStaff, page: WorkspacePage) -> None:
        self.context = context
        self._page = page
        self.person: PersonView | None = None
        self.version: VersionView | None = None
        self.want_focus: FocusKey | None = None
        self.feedback = Feedback(page, page.saved.emit, page.conflict.emit)
        self.undo_stack = QUndoStack(page)

    # what may be done here ----------------------------------------------------------------------

    @property
    def can_edit(self) -> bool:
        return self.version is not None and not self.version.frozen and self.context.may(Action.EDIT_PLAN)

    @property
    def can_disagree(self) -> bool:
        return (
            self.version is not None
            and not self.version.frozen
            and self.context.may(Action.RECORD_DISAGREEMENT)
        )

    @property
    def can_record_progress(self) -> bool:
        return (
            self.version is not None
            and self.version.status not in ("superseded", "closed")
            and self.context.may(Action.RECORD_PROGRESS)
        )

    def newer_draft(self) -> tuple[int, int] | None:
        """The (id, number) of a newer version being written, when this one is frozen."""
        version = self.version
        if version is None or not version.frozen:
            return None
        for summary in version.versions:
            if summary.status == "draft" and summary.number > version.number:
                return summary.id, summary.number
        return None

    # changing -----------------------------------------------------------------------------------

    def _run(self, action: Callable[[], object], saved: str, focus: FocusKey | None = None) -> bool:
        """Run a use case; on success say so and ask the workspace to reload."""
        ok = self.feedback.run(action, saved=saved)
        if ok:
            self.want_focus = focus
            self._page.changed.emit()
        return ok

    def revision(self) -> int:
        assert self.version is not None
        return self.version.plan_revision

    # undo and redo ---------------------------------------------------------------------------

    def _replay(self, action: plan_undo.Action) -> bool:
        """Save one undo or redo step again; False (and a plain message) if it cannot be."""
        if self.version is None:
            return False
        replay = plan_undo.Replay(self.context, self.version.id)
        ok = self.feedback.run(lambda: action(replay), saved="Done")
        if ok:
            self._page.changed.emit()
        return ok

    def push(self, text: str, undo: plan_undo.Action, redo: plan_undo.Action) -> None:
        self.undo_stack.push(plan_undo.PlanChange(text, undo, redo, self._replay))

    def _change(
        self,
        use_case: Callable[..., object],
        *args: object,
        saved: str,
        focus: FocusKey | None,
        undo_text: str,
        undo: plan_undo.Action,
        redo: plan_undo.Action,
    ) -> bool:
        """Run ``use_case(db, actor, *args)`` from the plan as shown; once saved, it can be undone."""
        context = self.context
        done = self._run(
            partial(use_case, context.db, context.actor, *args, expected_revision=self.revision()),
            saved=saved,
            focus=focus,
        )
        if done:
            self.push(undo_text, undo=undo, redo=redo)
        return done

    def goal_now(self, goal_id: int) -> GoalView | None:
        if self.version is None:
            return None
        return next((g for g in self.version.goals if g.id == goal_id), None)

    def step_now(self, step_id: int) -> StepView | None:
        if self.version is None:
            return None
        return next((s for g in self.version.goals for s in g.steps if s.id == step_id), None)

    def start_plan(self) -> None:
        if self.person is None:
            return
        person_id = self.person.id
        self._run(
            lambda: plans.start_plan(self.context.db, self.context.actor, person_id),
            saved="Plan started",
        )

    def revise(self) -> None:
        if self.version is None:
            return
        version_id = self.version.id
        created: list[int] = []

        def action() -> None:
            created.append(
                plans.revise_plan(
                    self.context.db, self.context.actor, version_id, expected_revision=self.revision()
                )
            )

        if self.feedback.run(action, saved="New version started"):
            self._page.version_requested.emit(created[0])
            self._page.changed.emit()

    def open_newer(self) -> None:
        newer = self.newer_draft()
        if newer is not None:
            self._page.version_requested.emit(newer[0])

    def remove_goal(self, goal: GoalView) -> None:
        if not self.can_edit:
            return
        steps = len(goal.steps)
        also = f" Its {steps} step{'s' if steps != 1 else ''} will go too." if steps else ""
        goals = self.version.goals if self.version else []
        index = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        neighbours = goals[index + 1 : index + 2] or goals[max(0, index - 1) : index]
        focus: FocusKey | None = ("goal", neighbours[0].id, "edit") if neighbours else None
        if not confirm(
            self._page,
            "Remove this goal?",
            f"Remove the goal “{short(goal.wording.body, 120)}”?{also}",
            "Remove the goal",
            "Keep it",
        ):
            return
        if self.version is None:
            return
        snapshot = plan_undo.GoalSnapshot.of(self.version, goal.id)
        self._change(
            plans.remove_goal,
            goal.id,
            saved="Goal removed",
            focus=focus,
            undo_text="remove a goal",
            undo=lambda r: plan_undo.restore_goal(r, snapshot),
            redo=lambda r: plan_undo.remove_goal(r, goal.key),
        )

    def move_goal(self, goal: GoalView, position: int, direction: str, focus_on: str | None = None) -> None:
        goals = self.version.goals if self.version else []
        if not self.can_edit or not 0 <= position < len(goals):
            return
        before = next((i for i, g in enumerate(goals) if g.id == goal.id), 0)
        self._change(
            plans.move_goal,
            goal.id,
            position,
            saved=f"Goal moved {direction}",
            focus=("goal", goal.id, focus_on or direction),
            undo_text=f"move a goal {direction}",
            undo=lambda r: plan_undo.move_goal(r, goal.key, before),
            redo=lambda r: plan_undo.move_goal(r, goal.key, position),
        )

    def move_step(
        self, goal: GoalView, step: StepView, position: int, direction: str, focus_on: str = "more"
    ) -> None:
        """Move a step up or down among its goal's steps (Alt+Up, Alt+Down, or its "⋯" menu)."""
        if not self.can_edit or not 0 <= position < len(goal.steps):
            return
        before = next((i for i, s in enumerate(goal.steps) if s.id == step.id), 0)
        self._change(
            plans.move_step,
            step.id,
            position,
            saved=f"Step moved {direction}",
            focus=("step", step.id, focus_on),
            undo_text=f"move a step {direction}",
            undo=lambda r: plan_undo.move_step(r, step.key, before),
            redo=lambda r: plan_undo.move_step(r, step.key, position),
        )

    def remove_step(self, goal: GoalView, step: StepView) -> None:
        if not self.can_edit:
            return
        if not confirm(
            self._page,
            "Remove this step?",
            f"Remove the step “{short(step.what.body, 120)}”?",
            "Remove the step",
            "Keep it",
        ):
            return
        if self.version is None:
            return
        snapshot = plan_undo.StepSnapshot.of(self.version, step.id)
        self._change(
            plans.remove_step,
            step.id,
            saved="Step removed",
            focus=("goal", goal.id, "add_step"),
            undo_text="remove a step",
            undo=lambda r: plan_undo.restore_step(r, snapshot),
            redo=lambda r: plan_undo.remove_step(r, step.key),
        )

    def done_toggled(self, row: StepRow, checked: bool) -> None:
        key, was = row.step.key, row.step.done
        ticked = self._change(
            plans.set_step_done,
            row.step.id,
            checked,
            saved="Step ticked off" if checked else "Step marked as not done yet",
            focus=("step", row.step.id, "done"),
            undo_text="tick off a step" if checked else "untick a step",
            undo=lambda r: plan_undo.set_step_done(r, key, was),
            redo=lambda r: plan_undo.set_step_done(r, key, checked),
        )
        if not ticked:  # refused: the tick shows what is stored
            row.done.blockSignals(True)
            row.done.setChecked(row.step.done)
            row.done.blockSignals(False)

    def status_chosen(self, card: GoalCard, index: int) -> None:
        status = GoalStatus(card.status.itemData(index))
        if status == card.goal.status:
            return
        key, was = card.goal.key, card.goal.status
        chosen = self._change(
            plans.set_goal_status,
            card.goal.id,
            status,
            saved=f"Goal marked: {goal_status_words(status)}",
            focus=("goal", card.goal.id, "status"),
            undo_text="say how a goal is going",
            undo=lambda r: plan_undo.set_goal_status(r, key, was),
            redo=lambda r: plan_undo.set_goal_status(r, key, status),
        )
        if not chosen:  # refused: the list shows what is stored
            card.status.setCurrentIndex(max(0, card.status.findData(card.goal.status)))
