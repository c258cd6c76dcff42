"""Who works with a person: hand them on to another key worker, assign a peer mentor, end one's work.

The form is ui/who_works_with.ui. Each button is one use case of
:mod:`careplan.services.assignments`, saved at once; the dialog then shows the record as it now
is. Only a manager or the person's own key worker may change anything (the service decides; the
dialog shows the same answer by leaving the controls out). A key worker who hands the person on
no longer opens their record: the dialog then closes, with ``left`` set, and the workspace lets
the record go.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QListWidgetItem, QPushButton, QWidget

from careplan.domain.errors import CareplanError
from careplan.gui.forms.ui_who_works_with import Ui_WhoWorksWithDialog
from careplan.gui.theme import set_role
from careplan.services import assignments
from careplan.services.assignments import StaffName, WhoWorksWith
from careplan.services.covering import record_standing
from careplan.services.signed_in import SignedInStaff

StaffRole = Qt.ItemDataRole.UserRole + 1


class WhoWorksWithDialog(QDialog):
    """The person's key worker and peer mentors, and (for those who may) the ways to change them."""

    def __init__(
        self, context: SignedInStaff, person_id: int, person_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._person_id = person_id
        self._name = person_name
        self.changed = False  # something was saved: the workspace reads the record again
        self.left = False  # handed on by their own key worker, who no longer opens the record
        self.view: WhoWorksWith | None = None
        self.ui = Ui_WhoWorksWithDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(f"Who works with {person_name}")
        set_role(ui.problem, "problem")
        ui.problem.hide()
        ui.done.hide()
        close = ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setMinimumHeight(40)
        close.setDefault(True)  # not "Hand on", which Qt would choose (see keyPressEvent)
        ui.buttons.rejected.connect(self.reject)
        ui.handOnButton.clicked.connect(self.hand_on)
        ui.endButton.clicked.connect(self.end_chosen)
        ui.assignButton.clicked.connect(self.assign)
        ui.handOnTo.currentIndexChanged.connect(lambda _index: self._explain_hand_on())
        ui.peerMentors.currentItemChanged.connect(lambda *_: self._update_end())
        self.refresh()
        # The first control there is to use: who to hand on to, else the peer mentors.
        if self.view is not None and self.view.may_change:
            ui.handOnTo.setFocus()
        else:
            ui.peerMentors.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter presses the button that has the focus, and nothing else: in a list or a choice it
        neither hands the person on (Qt's default button) nor closes the dialog by surprise."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not isinstance(self.focusWidget(), QPushButton):
            event.accept()
            return
        super().keyPressEvent(event)

    # showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read who works with the person now, and show it."""
        try:
            view = assignments.who_works_with(self._context.db, self._context.actor, self._person_id)
        except CareplanError as exc:
            self._say_problem(exc.message)
            return
        self.view = view
        ui = self.ui
        ui.intro.setText(
            f"{self._name}'s key worker and peer mentors open {self._name}'s record. "
            + (
                "Each change is saved at once, and managers see it in “Who has seen this”."
                if view.may_change
                else "Only their key worker or a manager can change who works with them."
            )
        )
        ui.keyWorkerNow.setText(view.key_worker.label if view.key_worker else "None yet")
        _fill_choices(ui.handOnTo, view.key_worker_choices, "Nobody else can be their key worker yet.")
        ui.peerMentors.clear()
        for mentor in view.peer_mentors:
            item = QListWidgetItem(mentor.label)
            item.setData(StaffRole, mentor)
            ui.peerMentors.addItem(item)
        ui.peerMentors.setVisible(bool(view.peer_mentors))
        ui.noPeerMentor.setVisible(not view.peer_mentors)
        if view.peer_mentors:
            ui.peerMentors.setCurrentRow(0)
        _fill_choices(
            ui.newPeerMentor, view.peer_mentor_choices, "Every peer mentor works with them already."
        )
        for widget in (
            ui.handOnToLabel,
            ui.handOnTo,
            ui.handOnButton,
            ui.handOnNote,
            ui.endButton,
            ui.newPeerMentorLabel,
            ui.newPeerMentor,
            ui.assignButton,
        ):
            widget.setVisible(view.may_change)
        ui.handOnButton.setEnabled(bool(view.key_worker_choices))
        ui.assignButton.setEnabled(bool(view.peer_mentor_choices))
        self._explain_hand_on()
        self._update_end()

    def _explain_hand_on(self) -> None:
        chosen = self._chosen(self.ui.handOnTo)
        view = self.view
        if chosen is None or view is None:
            self.ui.handOnNote.setText("")
            return
        mine = view.key_worker is not None and view.key_worker.staff_id == self._context.actor.staff_id
        note = f"{self._name} will be on {chosen.name}'s caseload"
        if mine:
            note += f", not yours: you will no longer open {self._name}'s record."
        elif view.key_worker is not None:
            note += f", not {view.key_worker.name}'s."
        else:
            note += "."
        self.ui.handOnNote.setText(note)

    def _update_end(self) -> None:
        item = self.ui.peerMentors.currentItem()
        self.ui.endButton.setEnabled(item is not None)
        hint = (
            f"End {item.text()}'s work with {self._name}."
            if item is not None
            else "Choose a peer mentor first."
        )
        self.ui.endButton.setToolTip(hint)
        self.ui.endButton.setAccessibleDescription(hint)

    @staticmethod
    def _chosen(box: QComboBox) -> StaffName | None:
        data = box.currentData()
        return data if isinstance(data, StaffName) else None

    # changing ------------------------------------------------------------------------------------

    def hand_on(self) -> None:
        chosen = self._chosen(self.ui.handOnTo)
        if chosen is None:
            return
        db, actor = self._context.db, self._context.actor
        if not self._run(lambda: assignments.change_key_worker(db, actor, self._person_id, chosen.staff_id)):
            return
        if not record_standing(db, actor, self._person_id).may_open:
            self.left = True
            self.accept()
            return
        self._saved(f"{chosen.name} is now {self._name}'s key worker.")

    def end_chosen(self) -> None:
        item = self.ui.peerMentors.currentItem()
        mentor = item.data(StaffRole) if item is not None else None
        if not isinstance(mentor, StaffName):
            return
        db, actor = self._context.db, self._context.actor
        if self._run(lambda: assignments.end_peer_mentor(db, actor, self._person_id, mentor.staff_id)):
            self._saved(f"{mentor.name} no longer works with {self._name} as peer mentor.")

    def assign(self) -> None:
        chosen = self._chosen(self.ui.newPeerMentor)
        if chosen is None:
            return
        db, actor = self._context.db, self._context.actor
        if self._run(lambda: assignments.assign_peer_mentor(db, actor, self._person_id, chosen.staff_id)):
            self._saved(f"{chosen.name} is now a peer mentor of {self._name}.")

    def _run(self, change: Callable[[], None]) -> bool:
        self.ui.problem.hide()
        self.ui.done.hide()
        try:
            change()
        except CareplanError as exc:
            self._say_problem(exc.message)
            self.refresh()  # someone at another computer may have changed it meanwhile
            return False
        self.changed = True
        return True

    def _saved(self, words: str) -> None:
        focus = self.focusWidget()
        self.refresh()
        self.ui.done.setText(f"Saved: {words}")
        self.ui.done.show()
        if focus is not None and not focus.isEnabled():
            self.ui.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        self.adjustSize()

    def _say_problem(self, words: str) -> None:
        self.ui.problem.setText(words)
        self.ui.problem.show()
        self.adjustSize()


def _fill_choices(box: QComboBox, choices: tuple[StaffName, ...], none_left: str) -> None:
    box.blockSignals(True)
    box.clear()
    for choice in choices:
        box.addItem(choice.label, choice)
    if not choices:
        box.addItem(none_left, None)
    box.setEnabled(bool(choices))
    box.blockSignals(False)
