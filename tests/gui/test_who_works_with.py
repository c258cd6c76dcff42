"""Who works with a person, from About me: a key worker assigns a peer mentor, ends one's work and
hands the person on, by keyboard; a manager does the same for anyone; a colleague covering sees
who works with the person and changes nothing; a peer mentor has no button. Each change is seen
in "Who has seen this", by name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.gui.dialogs.who_works_with import WhoWorksWithDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.services import assignments, covering, people, record_access, staff
from careplan.services.covering import Standing
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database

SHOTS = Path("/tmp/careplan-shots")


@dataclass(frozen=True)
class Team:
    db: Database
    priya: Actor
    sam: Actor
    kim: Actor
    chris: Actor
    robin: Actor
    dee: int


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    db = sqlite_db
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    kim = Actor(staff.add_staff(db, admin, "kim", "Kim Lee", Role.KEY_WORKER))
    chris = Actor(staff.add_staff(db, admin, "chris", "Chris Doyle", Role.PEER_MENTOR))
    robin = Actor(staff.add_staff(db, admin, "robin", "Robin Hart", Role.PEER_MENTOR))
    dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    assignments.assign_peer_mentor(db, sam, dee, chris.staff_id)  # Chris is Dee's peer mentor
    return Team(db, priya, sam, kim, chris, robin, dee)


def open_window(qtbot: QtBot, team: Team, actor: Actor, name: str, role: Role, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(team.db, actor, name, role)
    settings = QSettings(str(tmp_path / f"{role}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def open_dee_by_keyboard(qtbot: QtBot, window: MainWindow, team: Team) -> None:
    window.people.select_person(team.dee)
    window.people.table.setFocus()
    qtbot.keyClick(window.people.table, Qt.Key.Key_Return)
    assert window.workspace.person is not None
    assert window.workspace.person.id == team.dee


def press_team_button(qtbot: QtBot, window: MainWindow) -> WhoWorksWithDialog:
    about = window.workspace.page(AboutMePage)
    button = about.team_button
    assert button.isVisible()
    assert button.text() == "Who &works with Dee…"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = about.team_dialog
    assert isinstance(dialog, WhoWorksWithDialog)
    qtbot.waitExposed(dialog)
    return dialog


def tab_to(qtbot: QtBot, dialog: QWidget, target: QWidget) -> None:
    """Tab from wherever the focus is until it reaches ``target`` (as a person would)."""
    for _ in range(12):
        if dialog.focusWidget() is target:
            return
        focus = dialog.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def choose(qtbot: QtBot, box: QWidget, text: str) -> None:
    """Arrow keys through a choice until it shows ``text``."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(box, QComboBox)
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentText().startswith(text):
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    raise AssertionError(f"{text} is not offered: {[box.itemText(i) for i in range(box.count())]}")


def mentors(dialog: WhoWorksWithDialog) -> list[str]:
    return [dialog.ui.peerMentors.item(i).text() for i in range(dialog.ui.peerMentors.count())]


def seen(team: Team) -> list[tuple[str, str]]:
    return [(e.who, e.what) for e in record_access.record_access(team.db, team.priya, team.dee)]


def test_the_key_worker_assigns_ends_and_hands_on_by_keyboard(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    window = open_window(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    about = window.workspace.page(AboutMePage)
    assert about.mentors_label.text() == "Chris Doyle"
    dialog = press_team_button(qtbot, window)
    ui = dialog.ui
    assert dialog.windowTitle() == "Who works with Dee"
    assert ui.keyWorkerNow.text() == "Sam Okafor (sam)"
    assert mentors(dialog) == ["Chris Doyle (chris)"]
    assert dialog.focusWidget() is ui.handOnTo

    # Enter in a choice neither closes the dialog nor changes anything.
    tab_to(qtbot, dialog, ui.newPeerMentor)
    choose(qtbot, ui.newPeerMentor, "Robin Hart")
    qtbot.keyClick(ui.newPeerMentor, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert mentors(dialog) == ["Chris Doyle (chris)"]

    # Assign Robin: Tab to "Assign", Enter.
    tab_to(qtbot, dialog, ui.assignButton)
    qtbot.keyClick(ui.assignButton, Qt.Key.Key_Return)
    assert mentors(dialog) == ["Chris Doyle (chris)", "Robin Hart (robin)"]
    assert ui.done.isVisible()
    assert "Robin Hart is now a peer mentor of Dee" in ui.done.text()
    assert not ui.problem.isVisible()
    assert covering.record_standing(team.db, team.robin, team.dee).standing is Standing.CASELOAD
    assert ui.newPeerMentor.itemText(0) == "Every peer mentor works with them already."
    assert not ui.assignButton.isEnabled()

    # End Chris's work: choose him in the list, Tab to the button, Space.
    ui.peerMentors.setFocus()
    qtbot.keyClick(ui.peerMentors, Qt.Key.Key_Home)
    assert ui.peerMentors.currentItem().text() == "Chris Doyle (chris)"
    tab_to(qtbot, dialog, ui.endButton)
    qtbot.keyClick(ui.endButton, Qt.Key.Key_Space)
    assert mentors(dialog) == ["Robin Hart (robin)"]
    assert covering.record_standing(team.db, team.chris, team.dee).standing is Standing.OUTSIDE
    SHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "who-works-with.png"))

    # Hand Dee on to Kim: the note says what it means for Sam; then the record closes here.
    ui.handOnTo.setFocus()
    choose(qtbot, ui.handOnTo, "Kim Lee")
    assert (
        ui.handOnNote.text()
        == "Dee will be on Kim Lee's caseload, not yours: you will no longer open Dee's record."
    )
    tab_to(qtbot, dialog, ui.handOnButton)
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(ui.handOnButton, Qt.Key.Key_Return)
    assert dialog.left
    assert window.workspace.person is None
    assert window.stack.currentWidget() is window.empty
    assert "Dee is not on your caseload now" in window.statusBar().currentMessage()
    assert covering.record_standing(team.db, team.sam, team.dee).standing is Standing.OUTSIDE
    assert covering.record_standing(team.db, team.kim, team.dee).standing is Standing.CASELOAD
    # The list still names Dee, but no longer shows Sam her plan (nor says she has none).
    row = window.people.model.row_of(team.dee)
    assert row is not None
    assert window.people.model.index(row, 2).data() == "Not on your caseload"
    # The manager sees each change, with whom it named.
    assert seen(team)[:3] == [
        ("Sam Okafor (key worker)", "Handed the person on to Kim Lee as key worker"),
        ("Sam Okafor (key worker)", "Ended Chris Doyle's work with the person as peer mentor"),
        ("Sam Okafor (key worker)", "Made Robin Hart a peer mentor of the person"),
    ]


def test_a_manager_hands_on_and_the_record_stays_open(qtbot: QtBot, team: Team, tmp_path: Path) -> None:
    window = open_window(qtbot, team, team.priya, "Priya Shah", Role.MANAGER, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    dialog = press_team_button(qtbot, window)
    ui = dialog.ui
    choose(qtbot, ui.handOnTo, "Kim Lee")
    assert ui.handOnNote.text() == "Dee will be on Kim Lee's caseload, not Sam Okafor's."
    tab_to(qtbot, dialog, ui.handOnButton)
    qtbot.keyClick(ui.handOnButton, Qt.Key.Key_Return)
    assert dialog.isVisible()  # a manager still opens Dee's record
    assert ui.keyWorkerNow.text() == "Kim Lee (kim)"
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.workspace.person is not None
    assert window.workspace.page(AboutMePage).worker_label.text() == "Kim Lee"  # read again
    assert window.stack.currentWidget() is window.workspace


def test_a_colleague_covering_sees_who_works_with_dee_but_changes_nothing(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    covering.cover_for_colleague(team.db, team.kim, team.dee, "Sam is off today", hours=2)
    window = open_window(qtbot, team, team.kim, "Kim Lee", Role.KEY_WORKER, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    dialog = press_team_button(qtbot, window)
    ui = dialog.ui
    assert ui.keyWorkerNow.text() == "Sam Okafor (sam)"
    assert mentors(dialog) == ["Chris Doyle (chris)"]
    assert "Only their key worker or a manager can change who works with them." in ui.intro.text()
    for control in (ui.handOnTo, ui.handOnButton, ui.endButton, ui.newPeerMentor, ui.assignButton):
        assert control.isHidden()
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.changed
    assert window.workspace.person is not None


def test_a_peer_mentor_sees_who_works_with_dee_and_has_no_button(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    window = open_window(qtbot, team, team.chris, "Chris Doyle", Role.PEER_MENTOR, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    about = window.workspace.page(AboutMePage)
    assert about.worker_label.text() == "Sam Okafor"
    assert about.mentors_label.text() == "Chris Doyle"
    assert about.team_button.isHidden()


def test_a_change_made_at_another_computer_meanwhile_is_said_plainly(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    window = open_window(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    dialog = press_team_button(qtbot, window)
    ui = dialog.ui
    choose(qtbot, ui.newPeerMentor, "Robin Hart")
    # Meanwhile, at another computer, the manager assigns Robin.
    assignments.assign_peer_mentor(team.db, team.priya, team.dee, team.robin.staff_id)
    tab_to(qtbot, dialog, ui.assignButton)
    qtbot.keyClick(ui.assignButton, Qt.Key.Key_Return)
    assert ui.problem.isVisible()
    assert ui.problem.text() == "Robin Hart is this person's peer mentor already."
    assert not ui.done.isVisible()
    assert mentors(dialog) == ["Chris Doyle (chris)", "Robin Hart (robin)"]  # shown as it now is


def test_handed_on_at_another_computer_the_record_closes_at_the_next_reload(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    window = open_window(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER, tmp_path)
    open_dee_by_keyboard(qtbot, window, team)
    assignments.change_key_worker(team.db, team.priya, team.dee, team.kim.staff_id)  # Priya, elsewhere
    qtbot.keyClick(window, Qt.Key.Key_F5)  # Sam reloads
    assert window.workspace.person is None
    assert window.stack.currentWidget() is window.empty
    assert window.statusBar().currentMessage() == "Dee is not on your caseload now: their record is closed."
