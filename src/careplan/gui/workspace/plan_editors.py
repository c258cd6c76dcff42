"""The dialogs that write on the My plan page: a goal or a step added or changed, and "I don't
agree" written down. Each saves through ``careplan.services.plans`` with the plan revision it was
opened from; what was saved goes on the plan's undo stack (kept by :class:`PlanChanges`). One
dialog is open at a time (``dialog``), and words typed in it are not lost unknowingly.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from careplan.domain.actor import Voice
from careplan.domain.errors import ConflictError
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.goal_editor import GoalEditorDialog, Writers
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace import plan_undo
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_changes import FocusKey, PlanChanges
from careplan.gui.workspace.plan_words import short
from careplan.services import plans
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import GoalView, StepView, life_areas


class PlanEditors:
    """Opens the goal, step and "I don't agree" dialogs for the plan shown by ``changes``."""

    def __init__(
        self, context: SignedInStaff, voice: VoiceSwitch, page: WorkspacePage, changes: PlanChanges
    ) -> None:
        self.context = context
        self.voice = voice
        self._page = page
        self._changes = changes
        self.dialog: FormDialog | None = None

    def _writers(self) -> Writers:
        name = self._changes.person.preferred_name if self._changes.person else "the person"
        return Writers(name, self.context.staff_name, self.context.role.value)

    def _offer_reload(self, exc: ConflictError) -> None:
        """The standard "changed somewhere else, reload?" question; the dialog stays open."""

        def again() -> None:
            raise exc

        self._changes.feedback.run(again)

    def has_unsaved(self) -> bool:
        """Words typed in an open goal or step dialog that are not saved yet."""
        return self.dialog is not None and self.dialog.has_unsaved_words()

    def _open(self, dialog: FormDialog, on_accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(on_accepted)
        dialog.finished.connect(partial(self._closed, dialog))
        dialog.open()

    def _closed(self, dialog: FormDialog, _result: int) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def add_goal(self) -> None:
        if not self._changes.can_edit or self.dialog is not None or self._changes.version is None:
            return
        version_id = self._changes.version.id

        def save(goal: GoalInput) -> int:
            return plans.add_goal(
                self.context.db,
                self.context.actor,
                version_id,
                goal,
                expected_revision=self._changes.revision(),
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            parent=self._page,
        )

        def added() -> None:
            new_id = dialog.result_value
            self._after_dialog(
                "Goal added", ("goal", new_id, "add_step") if isinstance(new_id, int) else None
            )
            if (
                isinstance(new_id, int)
                and self._changes.version is not None
                and self._changes.goal_now(new_id)
            ):
                snapshot = plan_undo.GoalSnapshot.of(self._changes.version, new_id)
                key = snapshot.goal.key
                self._changes.push(
                    "add a goal",
                    undo=lambda r: plan_undo.remove_goal(r, key),
                    redo=lambda r: plan_undo.restore_goal(r, snapshot),
                )

        self._open(dialog, added)

    def edit_goal(self, goal: GoalView) -> None:
        if not self._changes.can_edit or self.dialog is not None:
            return

        def save(edited: GoalInput) -> None:
            plans.edit_goal(
                self.context.db,
                self.context.actor,
                goal.id,
                edited,
                expected_revision=self._changes.revision(),
            )

        dialog = GoalEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            life_areas=life_areas(self.context.db, self.context.actor),
            save=save,
            on_conflict=self._offer_reload,
            goal=goal,
            parent=self._page,
        )

        def edited() -> None:
            focus: FocusKey = ("goal", goal.id, "edit")
            self._edited(
                "goal", focus, lambda: self._changes.goal_now(goal.id), plan_undo.edit_goal, goal.key, goal
            )

        self._open(dialog, edited)

    def _edited(
        self,
        what: str,
        focus: FocusKey,
        read_back: Callable[[], object],
        restore: Callable[..., None],
        key: str,
        before: object,
    ) -> None:
        """A goal or step was changed in its dialog: say so, and make the change undoable.

        ``read_back`` gives the item as saved (after the page has reloaded);
        ``restore(replay, key, item)`` puts ``item`` back."""
        self._after_dialog(f"{what.capitalize()} saved", focus)
        after = read_back()
        if after is not None:
            self._changes.push(
                f"change a {what}",
                undo=lambda r: restore(r, key, before),
                redo=lambda r: restore(r, key, after),
            )

    def _after_dialog(self, saved: str, focus: FocusKey | None) -> None:
        self._page.saved.emit(saved)
        self._changes.want_focus = focus
        self._page.changed.emit()

    def add_step(self, goal: GoalView) -> None:
        if not self._changes.can_edit or self.dialog is not None:
            return

        def save(step: StepInput) -> int:
            return plans.add_step(
                self.context.db, self.context.actor, goal.id, step, expected_revision=self._changes.revision()
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            parent=self._page,
        )

        def added() -> None:
            self._after_dialog("Step added", ("goal", goal.id, "add_step"))
            new_id = getattr(dialog, "result_value", None)
            if (
                isinstance(new_id, int)
                and self._changes.version is not None
                and self._changes.step_now(new_id)
            ):
                snapshot = plan_undo.StepSnapshot.of(self._changes.version, new_id)
                key = snapshot.step.key
                self._changes.push(
                    "add a step",
                    undo=lambda r: plan_undo.remove_step(r, key),
                    redo=lambda r: plan_undo.restore_step(r, snapshot),
                )

        self._open(dialog, added)

    def edit_step(self, goal: GoalView, step: StepView) -> None:
        if not self._changes.can_edit or self.dialog is not None:
            return

        def save(edited: StepInput) -> None:
            plans.edit_step(
                self.context.db,
                self.context.actor,
                step.id,
                edited,
                expected_revision=self._changes.revision(),
            )

        dialog = StepEditorDialog(
            voice=self.voice,
            writers=self._writers(),
            goal_wording=goal.wording.body,
            save=save,
            on_conflict=self._offer_reload,
            step=step,
            parent=self._page,
        )

        def edited() -> None:
            focus: FocusKey = ("step", step.id, "edit")
            self._edited(
                "step", focus, lambda: self._changes.step_now(step.id), plan_undo.edit_step, step.key, step
            )

        self._open(dialog, edited)

    def _disagree(self, about: str, focus: FocusKey | None, **target: int) -> None:
        if not self._changes.can_disagree or self.dialog is not None or self._changes.version is None:
            return
        version_id = self._changes.version.id

        def save(body: str, voice: Voice) -> None:
            plans.record_disagreement(
                self.context.db,
                self.context.actor,
                version_id,
                body,
                voice,
                expected_revision=self._changes.revision(),
                **target,
            )

        dialog = DisagreementDialog(
            voice=self.voice,
            writers=self._writers(),
            about=about,
            save=save,
            on_conflict=self._offer_reload,
            parent=self._page,
        )
        self._open(dialog, lambda: self._after_dialog("Written down: I don't agree", focus))

    def disagree_with_goal(self, goal: GoalView) -> None:
        self._disagree(
            f"About the goal: “{short(goal.wording.body, 120)}”",
            ("goal", goal.id, "disagree"),
            goal_id=goal.id,
        )

    def disagree_with_step(self, step: StepView) -> None:
        self._disagree(
            f"About the step: “{short(step.what.body, 120)}”", ("step", step.id, "disagree"), step_id=step.id
        )

    def disagree_with_plan(self) -> None:
        self._disagree("About the whole plan.", None)
