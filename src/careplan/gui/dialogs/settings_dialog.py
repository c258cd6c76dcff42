"""File > Settings… (Ctrl+,): the form is ui/settings_dialog.ui.

- On this computer, for everyone: how long without use before the screen locks (kept in the
  computer's settings, ``security/lock_after_seconds``), applied to the running lock on Save.
- For the whole service, administrators only: the name of the service printed on agreements
  (:func:`careplan.services.configuration.set_service_name`, which is the gate), and when reviews
  fall: the first after 6 to 8 weeks, then every 1 to 12 months
  (:func:`careplan.services.review_schedule.set_review_schedule`). Everyone else reads the schedule
  in words.
- For everyone: Outcome measures… (:mod:`careplan.gui.dialogs.outcome_measures`), the questions
  asked at reviews; managers and administrators load more there.

Save keeps everything or, when something is refused, nothing: the dialog stays open with what was
typed and says what is wrong.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from careplan.domain.errors import CareplanError
from careplan.domain.permissions import Action
from careplan.gui.forms.ui_settings_dialog import Ui_SettingsDialog
from careplan.gui.lock.screen_lock import DEFAULT_IDLE_SECONDS, LOCK_AFTER_SETTING, ScreenLock
from careplan.gui.widgets.password_forms import make_heading, roomy_buttons
from careplan.services import configuration, review_schedule
from careplan.services.signed_in import SignedInStaff

LOCK_CHOICES_MINUTES = (1, 2, 5, 10, 15, 30)


def minutes_text(minutes: float) -> str:
    if minutes <= 0:
        return "never (set on this computer)"
    whole = int(minutes) if float(minutes).is_integer() else round(minutes, 1)
    return f"{whole} minute" if whole == 1 else f"{whole} minutes"


class SettingsDialog(QDialog):
    def __init__(
        self,
        context: SignedInStaff,
        settings: QSettings,
        screen_lock: ScreenLock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self._context = context
        self._settings = settings
        self._lock = screen_lock
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        make_heading(ui.heading)
        ui.problem.hide()
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Save")
        save.setAccessibleName("Save")
        save.setDefault(True)
        cancel = ui.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        roomy_buttons(ui.buttons)
        ui.buttons.accepted.connect(self.save)
        ui.buttons.rejected.connect(self.reject)

        self._fill_lock_choices(screen_lock.idle_seconds)
        self.may_name_service = context.may(Action.CONFIGURE)
        self._service_name = ""
        if self.may_name_service:
            self._service_name = configuration.service_name(context.db)
            ui.serviceName.setText(self._service_name)
        else:
            ui.serviceGroup.hide()
        self._schedule = review_schedule.review_schedule(context.db, context.actor)
        self.may_set_schedule = context.may(Action.CONFIGURE)
        if self.may_set_schedule:
            ui.firstWeeks.setValue(self._schedule.first_weeks)
            ui.everyMonths.setValue(self._schedule.every_months)
            ui.scheduleWords.hide()
        else:
            for widget in (
                ui.firstWeeksLabel,
                ui.firstWeeks,
                ui.firstWeeksEnd,
                ui.everyMonthsLabel,
                ui.everyMonths,
                ui.everyMonthsEnd,
                ui.scheduleHint,
            ):
                widget.hide()
            ui.scheduleWords.setText(f"{self._schedule.words()} Your administrator sets this.")
            ui.measuresRow.setAlignment(ui.measuresButton, Qt.AlignmentFlag.AlignLeft)
        ui.measuresButton.clicked.connect(self.open_measures)
        ui.lockAfter.setFocus(Qt.FocusReason.OtherFocusReason)
        self.adjustSize()

    def _fill_lock_choices(self, idle_seconds: float) -> None:
        box = self.ui.lockAfter
        current = idle_seconds / 60
        choices: list[float] = list(LOCK_CHOICES_MINUTES)
        if not any(abs(current - c) < 1e-9 for c in choices):
            # A time set another way (by hand, or "never" by an administrator) stays on offer, so
            # that saving something else never changes it by accident.
            choices.append(current)
            choices.sort(key=lambda m: float("inf") if m <= 0 else m)
        for minutes in choices:
            box.addItem(minutes_text(minutes), minutes * 60)
            if abs(minutes - current) < 1e-9:
                box.setCurrentIndex(box.count() - 1)

    @property
    def chosen_seconds(self) -> float:
        value = self.ui.lockAfter.currentData()
        return float(value) if value is not None else float(DEFAULT_IDLE_SECONDS)

    def _show_problem(self, message: str) -> None:
        self.ui.problem.setText(message)
        self.ui.problem.show()
        self.adjustSize()
        self.ui.serviceName.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_measures(self) -> None:
        from careplan.gui.dialogs.outcome_measures import (
            OutcomeMeasuresDialog,
        )  # when opened: see main_window

        dialog = OutcomeMeasuresDialog(self._context, self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def save(self) -> None:
        """Keep the choices, then close. Everything that can be refused (the service's name, the
        schedule) is checked before anything is kept, so a refusal keeps nothing."""
        db, actor, ui = self._context.db, self._context.actor, self.ui
        try:
            name = configuration.check_service_name(ui.serviceName.text()) if self.may_name_service else None
            schedule = review_schedule.check_schedule(ui.firstWeeks.value(), ui.everyMonths.value())
            if self.may_set_schedule and schedule != self._schedule:
                self._schedule = review_schedule.set_review_schedule(
                    db, actor, schedule.first_weeks, schedule.every_months
                )
            if name is not None and name != self._service_name:
                self._service_name = configuration.set_service_name(db, actor, name)
                ui.serviceName.setText(self._service_name)
        except CareplanError as exc:
            self._show_problem(exc.message)
            return
        seconds = self.chosen_seconds
        self._settings.setValue(LOCK_AFTER_SETTING, int(seconds) if seconds.is_integer() else seconds)
        self._settings.sync()
        self._lock.set_idle_seconds(seconds)
        self.accept()
