"""Choosing a service (or an approved request) and setting money aside for it.

The form is ui/service_picker.ui; finding the service in its lists is gui/dialogs/service_browser.py;
the rest of the behaviour is here. The cost and what would be left are shown before anything is
added; a refusal is shown inside the dialog and nothing typed is cleared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox, QDialogButtonBox, QWidget

from careplan.domain.budget import never_allowed_reason
from careplan.domain.errors import CareplanError, ConflictError, InvalidInput, OverBudget
from careplan.domain.money import line_total_pence, parse_quantity
from careplan.domain.permissions import Action
from careplan.domain.wording.money import format_money
from careplan.domain.wording.units import number_words, price_words, quantity_words, unit_plural
from careplan.gui.dialogs.form_dialog import FieldProblems, FormDialog
from careplan.gui.dialogs.service_browser import ServiceBrowser
from careplan.gui.dialogs.service_choices import Choice
from careplan.gui.forms.ui_service_picker import Ui_ServicePickerDialog
from careplan.gui.theme import set_role
from careplan.services import budget
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import AllocationView, VersionView

__all__ = ["Choice", "ServicePickerDialog"]


def how_many_words(unit: str) -> str:
    return "How &many?" if unit == "item" else f"How &many {unit_plural(unit)}?"


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open at a comfortable size, but never larger than the screen (at 200% scale it is small)."""
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9)))


def short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class GoalCheckBox(QCheckBox):
    """A goal to tick: a click anywhere on its row counts, not just on the box or the words."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


class ServicePickerDialog(FormDialog):
    """Browse and search, then say how many and which goals; the running cost is shown as you type.

    With ``allocation`` the dialog changes that allocation instead (how many, which goals).
    ``reload_version`` fetches the plan again after another workstation changed it.
    """

    def __init__(
        self,
        context: SignedInStaff,
        version: VersionView | None,
        choices: list[Choice],
        *,
        reload_version: Callable[[], VersionView | None],
        allocation: AllocationView | None = None,
        preselect: Choice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._version = version
        self._reload_version = reload_version
        self._allocation = allocation
        self.saved_text = ""
        self.ui = Ui_ServicePickerDialog()
        self.ui.setupUi(self)
        ui = self.ui
        fit_to_screen(self, 980, 640)
        self.goal_boxes: dict[int, QCheckBox] = {}
        self._over_refused = False
        self._never_allowed = False
        self.browser = ServiceBrowser(ui, choices, self)
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.splitter.setStretchFactor(2, 4)
        ui.splitter.setSizes([200, 300, 440])

        self.ok_button = ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setText("Add to my plan" if allocation is None else "Save the change")
        self.cancel_button.setText("Close")
        for button in (self.ok_button, self.cancel_button):
            button.setMinimumHeight(40)
        self.ok_button.setAccessibleDescription("Set the money aside for this service")
        self.set_up_form(ui.buttons, FieldProblems(ui.problem))

        ui.overrideLabel.hide()
        ui.overrideReason.hide()
        ui.overrideReason.setMaximumHeight(self.fontMetrics().height() * 4)
        ui.quantity.setMinimumHeight(36)
        ui.quantity.setText("1")
        ui.quantity.textChanged.connect(self._typed)
        self.browser.chosen.connect(self._show_choice)
        self.browser.nothing_chosen.connect(self._nothing_chosen)
        self.browser.go_on.connect(self._to_quantity)
        self.browser.start()
        self._fill_goals()
        if allocation is not None:
            self._change_mode(allocation)
        else:
            self._show_choice(None)
            if preselect is not None:
                self.browser.select(preselect)
        self._apply_permissions()
        self.update_cost()

    def _nothing_chosen(self) -> None:
        if self._allocation is None:
            self._show_choice(None)

    def _to_quantity(self) -> None:
        if not self.ui.choice.isHidden():
            self.ui.quantity.setFocus()
            self.ui.quantity.selectAll()

    # one service -------------------------------------------------------------------------------

    def _show_choice(self, choice: Choice | None) -> None:
        ui = self.ui
        self.problems.clear()
        self._over_refused = False
        self._never_allowed = False
        if choice is None:
            ui.serviceName.setText("Choose a service from the list to see what it is and what it costs.")
            for label in (ui.provider, ui.description, ui.price, ui.peerLed):
                label.hide()
            ui.choice.hide()
            self.ok_button.setEnabled(False)
            return
        ui.serviceName.setText(choice.name)
        ui.provider.setText(f"From: {choice.provider}")
        ui.description.setText(choice.description or "No description yet.")
        ui.price.setText(f"<b>Price:</b> {price_words(choice.unit_price_pence, choice.unit)}")
        ui.peerLed.setText("Peer-led: run by people who have been there themselves.")
        for label in (ui.provider, ui.description, ui.price):
            label.show()
        ui.peerLed.setVisible(choice.peer_led)
        ui.quantityLabel.setText(how_many_words(choice.unit))
        ui.choice.setVisible(self.can_add)
        self.ok_button.setEnabled(self.can_add)
        refused = never_allowed_reason(choice.category)
        self._never_allowed = refused is not None
        if refused is not None:
            self.show_problem(f"A personal budget can never pay for {refused}. Choose something else.")
            self.ok_button.setEnabled(False)
        self.update_cost()

    def _change_mode(self, allocation: AllocationView) -> None:
        ui = self.ui
        self.setWindowTitle(f"Change {allocation.description}")
        ui.intro.setText("Change how many, or which goals it helps with. The price stays as it was agreed.")
        for widget in (ui.searchLabel, ui.search, ui.categoriesPane, ui.servicesPane):
            widget.hide()
        ui.serviceName.setText(allocation.description)
        ui.provider.hide()
        ui.description.setText(
            f"Now: {quantity_words(allocation.quantity, allocation.unit)} "
            f"= {format_money(allocation.total_pence)}"
        )
        ui.price.setText(f"<b>Price:</b> {price_words(allocation.unit_price_pence, allocation.unit)}")
        ui.peerLed.hide()
        ui.quantityLabel.setText(how_many_words(allocation.unit))
        ui.quantity.setText(number_words(allocation.quantity))
        for goal_id, box in self.goal_boxes.items():
            box.setChecked(goal_id in allocation.goal_ids)
        ui.choice.show()
        self.ok_button.setEnabled(True)

    def _fill_goals(self) -> None:
        layout = self.ui.goalsLayout
        goals = self._version.goals if self._version else []
        previous: QWidget = self.ui.quantity
        for goal in goals:
            box = GoalCheckBox(short(goal.wording.body), self.ui.goalsBox)
            box.setObjectName(f"goal_{goal.id}")
            box.setToolTip(goal.wording.body)
            box.setAccessibleName(goal.wording.body)
            box.setAccessibleDescription(f"A goal about {goal.life_area.lower()}")
            box.setMinimumHeight(40)
            box.toggled.connect(self._goals_changed)
            layout.addWidget(box)
            self.goal_boxes[goal.id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.ui.overrideReason)
        if len(goals) == 1:
            next(iter(self.goal_boxes.values())).setChecked(True)
        if goals:
            self.ui.goalsLabel.setText("Which of my &goals does it help with?")
            self.ui.goalsLabel.setBuddy(next(iter(self.goal_boxes.values())))
        else:
            self.ui.goalsLabel.setText(
                "There are no goals in the plan yet. Add a goal first: every service helps with a goal."
            )

    def _goals_changed(self, _checked: bool) -> None:
        self._typed()

    def _typed(self, *_args: object) -> None:
        """Something was changed after a refusal: the live preview takes over from the message."""
        if self._never_allowed:
            self.update_cost()
            return
        if self._over_refused or not self.ui.problem.isHidden():
            self._over_refused = False
            self.problems.clear()
        self.update_cost()

    def checked_goals(self) -> tuple[int, ...]:
        return tuple(goal_id for goal_id, box in self.goal_boxes.items() if box.isChecked())

    # the running cost --------------------------------------------------------------------------

    @property
    def can_add(self) -> bool:
        version = self._version
        return version is not None and not version.frozen and self._context.may(Action.ALLOCATE_BUDGET)

    @property
    def may_override(self) -> bool:
        return self._context.may(Action.OVERRIDE_BUDGET)

    def _apply_permissions(self) -> None:
        if self.can_add:
            return
        self.ok_button.hide()
        self.ui.choice.hide()
        if self._version is not None and self._version.frozen:
            self.ui.intro.setText(
                "You can look through the list. This version of the plan can no longer be changed."
            )
        else:
            self.ui.intro.setText(
                "You can look through the list. Only a key worker or a manager can set money aside."
            )

    def _price(self) -> tuple[int, str] | None:
        if self._allocation is not None:
            return self._allocation.unit_price_pence, self._allocation.unit
        choice = self.browser.current_choice()
        return None if choice is None else (choice.unit_price_pence, choice.unit)

    def left_before(self) -> int | None:
        """What is left to spend, not counting the allocation being changed."""
        version = self._version
        if version is None or version.limit_pence is None:
            return None
        others = sum(
            a.total_pence
            for a in version.allocations
            if a is not self._allocation and (self._allocation is None or a.id != self._allocation.id)
        )
        return version.limit_pence - others

    def update_cost(self) -> None:
        """The cost of what is typed, and what would be left: shown before anything is added."""
        ui = self.ui
        price = self._price()
        if price is None:
            ui.cost.clear()
            ui.left.clear()
            self._show_override(False)
            return
        unit_price, unit = price
        try:
            quantity = parse_quantity(ui.quantity.text())
        except CareplanError as exc:
            ui.cost.setText(exc.message)
            ui.left.clear()
            return
        total = line_total_pence(quantity, unit_price)
        ui.cost.setText(
            f"<b>Cost:</b> {quantity_words(quantity, unit)} × {format_money(unit_price)} "
            f"= <b>{format_money(total)}</b>"
        )
        left = self.left_before()
        over = False
        if left is None:
            ui.left.setText("There is no budget yet. Work out the budget first, then services can be added.")
        elif total <= left:
            after = "After this change" if self._allocation is not None else "After this"
            ui.left.setText(f"{after}, <b>{format_money(left - total)}</b> would be left to spend.")
        else:
            over = True
            advice = (
                "A manager can agree to go over, with a reason."
                if self.may_override
                else "Try fewer, or ask a manager."
            )
            ui.left.setText(
                f"<b>Not enough left:</b> this is {format_money(total - left)} more than the "
                f"{format_money(max(left, 0))} left. {advice}"
            )
        set_role(ui.left, "overBudget" if over else None)
        # After a refusal the message below says the same thing: do not say it twice.
        ui.left.setVisible(not (over and self._over_refused))
        self._show_override(over or self._over_refused)

    def _show_override(self, show: bool) -> None:
        show = show and self.may_override and self.can_add
        self.ui.overrideLabel.setVisible(show)
        self.ui.overrideReason.setVisible(show)

    # adding ------------------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        self.problems.show(text)
        self.ui.detailsScroll.ensureWidgetVisible(self.ui.problem)

    def save(self) -> None:
        """Set the money aside. On a refusal the dialog stays open with everything as typed."""
        if self._version is None or not self.can_add:
            return
        super().save()

    def _reason(self) -> str:
        ui = self.ui
        return ui.overrideReason.toPlainText().strip() if not ui.overrideReason.isHidden() else ""

    def save_typed(self) -> object:
        version = self._version
        assert version is not None
        reason = self._reason()
        quantity = parse_quantity(self.ui.quantity.text())
        if self._allocation is not None:
            budget.change_allocation(
                self._context.db,
                self._context.actor,
                self._allocation.id,
                quantity,
                self.checked_goals(),
                override_reason=reason or None,
                expected_revision=version.plan_revision,
            )
            self.saved_text = f"{self._allocation.description} changed"
            return None
        choice = self.browser.current_choice()
        if choice is None:
            raise InvalidInput("Choose a service from the list first.", "service")
        budget.allocate(
            self._context.db,
            self._context.actor,
            version.id,
            budget.AllocationInput(
                quantity=quantity,
                goal_ids=self.checked_goals(),
                service_id=choice.service_id,
                proposal_id=choice.proposal_id,
                override_reason=reason or None,
            ),
            expected_revision=version.plan_revision,
        )
        self.saved_text = f"{choice.name} added to the plan"
        return None

    def refused(self, exc: CareplanError) -> None:
        ui = self.ui
        if isinstance(exc, ConflictError):
            self._after_conflict(exc)
        elif isinstance(exc, OverBudget):
            self._over_refused = True
            self.show_problem(exc.message)
            self.update_cost()
            if self.may_override and not ui.overrideReason.isHidden() and not self._reason():
                ui.overrideReason.setFocus()
            else:
                ui.quantity.setFocus()
        else:
            self.show_problem(exc.message)
            self._focus_field(exc.field if isinstance(exc, InvalidInput) else None)

    def _focus_field(self, field: str | None) -> None:
        if field == "goals" and self.goal_boxes:
            next(iter(self.goal_boxes.values())).setFocus()
        elif field == "service":
            self.ui.services.setFocus()
        else:
            self.ui.quantity.setFocus()

    def _after_conflict(self, exc: ConflictError) -> None:
        """Another workstation changed the plan: fetch it again, keep what was typed, say so."""
        fresh = self._reload_version()
        self._version = fresh
        if fresh is None or fresh.frozen:
            self.show_problem(f"{exc.message} This plan can no longer be changed here.")
            self.ok_button.setEnabled(False)
            return
        if self._allocation is not None:
            same = next((a for a in fresh.allocations if a.id == self._allocation.id), None)
            if same is None:
                self.show_problem("Someone else has taken this service out of the plan in the meantime.")
                self.ok_button.setEnabled(False)
                return
            self._allocation = same
        self.update_cost()
        self.show_problem(
            "Someone else changed this plan just now, so nothing was added yet. The numbers here are up "
            "to date again: check them, then press the button again."
        )
