"""The main window, the people list and About me, driven as a person would."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, Role
from careplan.gui.main_window import MainWindow
from careplan.gui.people.model import PAGE, PeopleModel
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.services import covering, people, staff
from careplan.services.people_search import PeopleQuery, ReviewFilter
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import load_person
from careplan.storage.database import Database


@pytest.fixture
def team(sqlite_db: Database) -> dict[str, Actor]:
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    return {
        "admin": admin,
        "sam": Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER)),
        "kim": Actor(staff.add_staff(sqlite_db, admin, "kim", "Kim Lee", Role.KEY_WORKER)),
    }


def make_people(db: Database, worker: Actor, names: list[tuple[str, str]]) -> list[int]:
    return [people.register_person(db, worker, people.PersonDetails(p, f)) for p, f in names]


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, team: dict[str, Actor], tmp_path: Path) -> MainWindow:
    context = SignedInStaff(sqlite_db, team["sam"], "Sam Okafor", Role.KEY_WORKER)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(context, settings)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    return win


def test_people_model_passes_the_model_tester(
    qtbot: QtBot, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    make_people(sqlite_db, team["sam"], [(f"Person {i:03}", f"Person {i:03} Test") for i in range(PAGE + 30)])
    context = SignedInStaff(sqlite_db, team["sam"], "Sam", Role.KEY_WORKER)
    model = PeopleModel(context)
    assert model.rowCount() == PAGE  # one page at a time, not the whole database
    assert model.total == PAGE + 30
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 30
    assert not model.canFetchMore()
    model.refresh()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_query(PeopleQuery(text="person 01"))
    assert model.total == 10
    model.sort(1, Qt.SortOrder.DescendingOrder)
    refs = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert refs == sorted(refs, reverse=True)


def test_search_as_you_type_and_caseload_filter(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh"), ("Marek", "Marek Nowak")])
    make_people(sqlite_db, team["kim"], [("Jordan", "Jordan Reid"), ("Deepa", "Deepa Shah")])
    window.people.refresh()
    assert window.people.model.rowCount() == 4
    qtbot.keyClicks(window.people.search, "dee")
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 2)
    names = {window.people.model.data(window.people.model.index(r, 0)) for r in range(2)}
    assert names == {"Dee Walsh", "Deepa Shah"}
    window.people.caseload.setChecked(True)
    assert window.people.model.rowCount() == 1
    assert window.people.count.text() == "1 person"
    window.people.search.clear()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 2)
    window.people.caseload.setChecked(False)
    window.people.reviews.setCurrentIndex(window.people.reviews.findData(ReviewFilter.OVERDUE))
    assert window.people.model.rowCount() == 0


def test_find_shortcut_then_enter_opens_the_one_match(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh"), ("Marek", "Marek Nowak")])
    window.people.refresh()
    window.activateWindow()
    window.find_action.trigger()
    assert window.people.search.hasFocus()
    qtbot.keyClicks(window.people.search, "mar")
    qtbot.keyClick(window.people.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.person is not None)
    assert window.workspace.person is not None
    assert window.workspace.person.preferred_name == "Marek"
    assert window.workspace.heading.text() == "Marek"
    assert window.voice.person_button.text() == "Marek is speaking"


FOLK = [
    ("Alex", "Alex Stone"),
    ("Billie", "Billie Hart"),
    ("Casey", "Casey Moor"),
    ("Dee", "Dee Walsh"),
    ("Eli", "Eli Park"),
    ("Frankie", "Frankie Ness"),
]


def opened_records(db: Database) -> list[int | None]:
    """Whose records were opened, in order (the audited "record opened" events)."""
    from sqlalchemy import select

    from careplan.domain.records import AuditEvent

    with db.session() as session:
        rows = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "open", AuditEvent.entity == "person")
            .order_by(AuditEvent.id)
        )
        return [event.entity_id for event in rows]


def press(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    """Keys as a person presses them: each goes to whichever widget has the keyboard focus."""
    from PySide6.QtWidgets import QApplication

    for _ in range(times):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, key)


def test_moving_through_the_list_opens_nobody_enter_opens_one(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor], tmp_path: Path
) -> None:
    """Arrow keys, Page Down, Home, End, a click and Tab (200 presses) only move; Enter opens."""
    ids = make_people(sqlite_db, team["sam"], FOLK)
    window.people.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.people.table
    table.setFocus()
    assert table.hasFocus()
    before = opened_records(sqlite_db)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End):
        press(qtbot, key)
    press(qtbot, Qt.Key.Key_Up, 2)
    rect = table.visualRect(window.people.model.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [index.row() for index in table.selectionModel().selectedRows()] == [1]
    for _ in range(100):  # round and round the window: into the list and out again
        press(qtbot, Qt.Key.Key_Tab)
        if table.hasFocus():
            press(qtbot, Qt.Key.Key_Down)
    assert opened_records(sqlite_db) == before
    assert window.workspace.person is None
    assert window.stack.currentWidget() is window.empty
    assert window.people.open_button.isEnabled()  # someone is chosen, ready to open

    table.setFocus()
    row = window.people.chosen_row()
    assert row is not None
    chosen = window.people.model.person_id(row)
    press(qtbot, Qt.Key.Key_Return)
    assert window.workspace.person is not None
    assert window.workspace.person.id == chosen
    assert chosen in ids
    assert opened_records(sqlite_db) == [*before, chosen]
    window.grab().save(str(tmp_path / "opened-with-enter.png"))


def test_enter_on_a_search_with_several_matches_opens_none(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor], tmp_path: Path
) -> None:
    make_people(sqlite_db, team["sam"], [*FOLK, ("Deepa", "Deepa Shah")])
    window.people.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    before = opened_records(sqlite_db)
    window.find_action.trigger()
    qtbot.keyClicks(window.people.search, "dee")
    qtbot.keyClick(window.people.search, Qt.Key.Key_Return)
    assert window.people.model.rowCount() == 2
    assert window.workspace.person is None  # two found: the first is only chosen
    assert opened_records(sqlite_db) == before
    assert window.people.table.hasFocus()  # the list has the keyboard now
    assert window.people.chosen_row() == 0
    window.grab().save(str(tmp_path / "several-found.png"))
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Enter)  # the keypad's Enter, as well as Return
    second = window.people.model.person_id(1)
    assert window.workspace.person is not None
    assert window.workspace.person.id == second
    assert opened_records(sqlite_db) == [*before, second]


def test_double_click_or_the_open_button_opens(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    alex, billie, *_ = make_people(sqlite_db, team["sam"], FOLK)
    window.people.refresh()
    people_list = window.people
    assert not people_list.open_button.isEnabled()  # nobody chosen yet
    rect = people_list.table.visualRect(people_list.model.index(people_list.model.row_of(billie) or 0, 0))
    qtbot.mouseClick(people_list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.person is None
    qtbot.mouseDClick(people_list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.workspace.person is not None
    assert window.workspace.person.id == billie
    people_list.select_person(alex)
    assert window.workspace.person.id == billie  # choosing is not opening
    qtbot.mouseClick(people_list.open_button, Qt.MouseButton.LeftButton)
    assert window.workspace.person.id == alex
    assert opened_records(sqlite_db) == [billie, alex]


def test_staff_alone_at_the_screen_never_write_in_the_persons_voice(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    """Opening a record asks who is at the screen; until someone says the person is, and after
    "Just me", what is typed is the staff member's and F4 cannot make it the person's."""
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.people.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_person(dee)
    banner = window.workspace.who_is_here
    assert banner.isVisible()
    assert "Who is at the screen?" in banner.question.text()
    assert banner.together_button.text() == "Dee is here with me"
    assert banner.alone_button.text() == "Just me (Sam Okafor)"
    assert banner.together_button.hasFocus()
    assert window.voice.voice == STAFF  # not asked yet: staff's words
    assert not window.voice.person_button.isEnabled()
    qtbot.keyClick(banner.together_button, Qt.Key.Key_Tab)
    qtbot.keyClick(banner.alone_button, Qt.Key.Key_Space)  # "Just me", by keyboard
    assert not banner.isVisible()
    about_me = window.workspace.page(AboutMePage)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert about_me.isAncestorOf(focused)  # the keyboard goes on to the page
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    hopes.editor.setFocus()
    qtbot.keyClick(hopes.editor, Qt.Key.Key_F4)  # Switch voice: refused while Dee is not here
    assert window.voice.voice == STAFF
    qtbot.keyClicks(hopes.editor, "Wants to see her kids")
    window.workspace.save_pending()
    stored = load_person(sqlite_db, team["sam"], dee).about_me["hopes"]
    assert stored.author.kind is AuthorKind.STAFF

    qtbot.keyClick(hopes.editor, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)  # Who is at the screen…
    assert banner.isVisible()
    qtbot.mouseClick(banner.together_button, Qt.MouseButton.LeftButton)
    assert window.voice.person_button.isEnabled()
    assert window.voice.voice == PERSON  # Dee is here now: her words first
    hopes.editor.setFocus()
    qtbot.keyClick(hopes.editor, Qt.Key.Key_F4)
    assert window.voice.voice == STAFF  # and F4 switches as before

    window.open_person(dee)  # the same record again (F5, the list choosing her again): not asked again
    assert not banner.isVisible()
    assert window.voice.person_present


def test_the_voice_switch_stays_in_one_place_as_undo_grows(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.open_person(dee)
    window.workspace.who_is_here.together_button.click()
    where = window.voice.mapTo(window, window.voice.rect().topLeft())
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    qtbot.keyClicks(hopes.editor, "I want my kids to see me well")
    window.workspace.save_pending()
    qtbot.waitUntil(lambda: window.undo_action.isEnabled(), timeout=3000)
    assert len(window.undo_action.text()) > len("Undo")
    qtbot.wait(10)
    assert window.voice.mapTo(window, window.voice.rect().topLeft()) == where


def test_about_me_saves_in_the_voice_chosen(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.people.refresh()
    window.open_person(dee)
    window.workspace.who_is_here.together_button.click()  # Dee is at the screen with Sam
    assert window.voice.voice == PERSON  # together: her words first
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    qtbot.keyClicks(hopes.editor, "I want my kids to see me well")
    qtbot.waitUntil(lambda: "hopes" in load_person(sqlite_db, team["sam"], dee).about_me, timeout=3000)
    stored = load_person(sqlite_db, team["sam"], dee).about_me["hopes"]
    assert stored.body == "I want my kids to see me well"
    assert stored.author.kind is AuthorKind.PERSON
    assert hopes.badge.isVisible()
    assert hopes.badge.text() == "Dee's words"
    assert "About me saved" in window.saved_label.text()

    window.switch_voice_action.trigger()
    assert window.voice.voice == STAFF
    support = window.workspace.page(AboutMePage).boxes["support"]
    qtbot.keyClicks(support.editor, "Her sister Jo, most weeks")
    window.workspace.save_pending()  # what leaving the page or closing the window does
    stored = load_person(sqlite_db, team["sam"], dee).about_me["support"]
    assert stored.author.kind is AuthorKind.STAFF
    assert stored.author.label == "Sam Okafor (key worker)"
    assert support.badge.text() == "Sam Okafor (key worker)"


def test_closing_the_window_saves_what_was_typed(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.people.refresh()
    window.open_person(dee)
    qtbot.keyClicks(window.workspace.page(AboutMePage).boxes["going_well"].editor, "Two weeks on my script")
    assert window.close()
    assert load_person(sqlite_db, team["sam"], dee).about_me["going_well"].body == "Two weeks on my script"


def test_register_a_person_through_the_dialog(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_db: Database,
    team: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from careplan.gui.dialogs.register_person import RegisterPersonDialog

    seen: list[RegisterPersonDialog] = []

    def drive(dialog: RegisterPersonDialog) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.ui.preferredName, "Jordan")
        qtbot.keyClicks(dialog.ui.dateOfBirth, "31/02/2004")
        dialog.save()
        assert dialog.ui.problem.isVisible()
        assert "not a date" in dialog.ui.problem.text()
        assert dialog.ui.preferredName.text() == "Jordan"  # nothing typed is lost
        dialog.ui.dateOfBirth.clear()
        qtbot.keyClicks(dialog.ui.dateOfBirth, "14/06/2004")
        qtbot.keyClicks(dialog.ui.fullName, "Jordan Reid")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(RegisterPersonDialog, "exec", drive)
    window.new_person_action.trigger()
    assert seen
    person_id = seen[0].person_id
    assert person_id is not None
    person = load_person(sqlite_db, team["sam"], person_id)
    assert (person.preferred_name, person.full_name, person.date_of_birth) == (
        "Jordan",
        "Jordan Reid",
        date(2004, 6, 14),
    )
    assert person.key_worker == "Sam Okafor"
    assert window.workspace.person is not None
    assert window.workspace.person.id == person_id


def test_window_remembers_its_size(
    qtbot: QtBot, sqlite_db: Database, team: dict[str, Actor], tmp_path: Path
) -> None:
    context = SignedInStaff(sqlite_db, team["sam"], "Sam Okafor", Role.KEY_WORKER)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    first = MainWindow(context, settings)
    qtbot.addWidget(first)
    first.resize(760, 560)
    first.show()
    first.close()
    second = MainWindow(context, settings)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)


def test_every_input_has_an_accessible_name(
    window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.open_person(dee)
    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox) for w in window.findChildren(kind)]
    unnamed = [w.objectName() or type(w).__name__ for w in inputs if not w.accessibleName() and w.isVisible()]
    assert inputs
    assert unnamed == []


def test_careplan_without_a_display_says_so(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CAREPLAN_DATA_DIR"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "careplan"], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 2
    assert "needs a screen" in result.stderr
    assert "Traceback" not in result.stderr


def test_undo_and_redo_an_about_me_answer(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.open_person(dee)
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    qtbot.keyClicks(hopes.editor, "A flat of my own")
    window.workspace.save_pending()
    hopes.editor.selectAll()
    qtbot.keyClicks(hopes.editor, "A flat of my own by the summer")
    window.workspace.save_pending()
    assert load_person(sqlite_db, team["sam"], dee).about_me["hopes"].body == "A flat of my own by the summer"
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert hopes.editor.toPlainText() == "A flat of my own"
    assert load_person(sqlite_db, team["sam"], dee).about_me["hopes"].body == "A flat of my own"
    window.undo_action.trigger()
    assert hopes.editor.toPlainText() == ""
    assert "hopes" not in load_person(sqlite_db, team["sam"], dee).about_me
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert load_person(sqlite_db, team["sam"], dee).about_me["hopes"].body == "A flat of my own by the summer"


def test_an_answer_changed_at_another_computer_is_never_overwritten_silently(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_db: Database,
    team: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.open_person(dee)
    # Another workstation writes the same answer after this one opened the person: Kim, covering.
    covering.cover_for_colleague(sqlite_db, team["kim"], dee, "Dee came to the other desk", hours=2)
    people.write_about_me(sqlite_db, team["kim"], dee, "hopes", "Their words", STAFF)
    questions: list[str] = []

    def answer(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.No  # use theirs

    monkeypatch.setattr(QMessageBox, "question", answer)
    hopes = window.workspace.page(AboutMePage).boxes["hopes"]
    qtbot.keyClicks(hopes.editor, "My words")
    window.workspace.save_pending()
    assert questions
    assert "“Their words” (Kim Lee (key worker))" in questions[0]
    assert "My words" in questions[0] or "still on screen" in questions[0]
    assert load_person(sqlite_db, team["sam"], dee).about_me["hopes"].body == "Their words"
    assert hopes.editor.toPlainText() == "Their words"

    # Now keep mine: the answer is replaced knowingly.
    people.write_about_me(sqlite_db, team["kim"], dee, "hopes", "Changed again", STAFF)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    hopes.editor.selectAll()
    qtbot.keyClicks(hopes.editor, "Mine after all")
    window.workspace.save_pending()
    assert load_person(sqlite_db, team["sam"], dee).about_me["hopes"].body == "Mine after all"


def test_ctrl_g_from_anywhere_opens_the_goal_editor_on_the_plan(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_db: Database,
    team: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from careplan.gui.dialogs.goal_editor import GoalEditorDialog
    from careplan.gui.workspace.plan_page import PlanPage
    from careplan.services import plans

    window.workspace.build_pages()
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    plans.start_plan(sqlite_db, team["sam"], dee)
    opened: list[GoalEditorDialog] = []

    def exec_(dialog: GoalEditorDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(GoalEditorDialog, "exec", exec_)
    monkeypatch.setattr(GoalEditorDialog, "open", lambda dialog: opened.append(dialog))
    (new_goal_action,) = window.page_actions  # Ctrl+G: a new goal on the plan
    new_goal_action.trigger()  # no person yet: nothing opens
    assert opened == []
    window.open_person(dee)
    window.workspace.page(AboutMePage).boxes["hopes"].editor.setFocus()
    new_goal_action.trigger()
    assert opened
    assert isinstance(window.workspace.tabs.currentWidget(), PlanPage)
    assert new_goal_action.shortcut().toString() == "Ctrl+G"
    assert new_goal_action in window.person_menu.actions()


def test_f5_shows_what_another_computer_changed(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor]
) -> None:
    (dee,) = make_people(sqlite_db, team["sam"], [("Dee", "Dee Walsh")])
    window.people.refresh()
    window.open_person(dee)
    covering.cover_for_colleague(sqlite_db, team["kim"], dee, "Dee came to the other desk", hours=2)
    people.write_about_me(sqlite_db, team["kim"], dee, "hopes", "Written at the other desk", STAFF)
    assert window.workspace.page(AboutMePage).boxes["hopes"].editor.toPlainText() == ""
    assert window.reload_action.shortcut().toString() == "F5"
    window.reload_action.trigger()
    assert (
        window.workspace.page(AboutMePage).boxes["hopes"].editor.toPlainText() == "Written at the other desk"
    )


def test_choosing_someone_outside_the_caseload_asks_to_cover_naming_them(
    qtbot: QtBot,
    window: MainWindow,
    sqlite_db: Database,
    team: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jordan is Kim's: Sam is asked to cover for a colleague, by Jordan's name; Cancel opens nothing."""
    from PySide6.QtWidgets import QLabel

    from careplan.gui.dialogs.cover_dialog import CoverDialog

    (jordan,) = make_people(sqlite_db, team["kim"], [("Jordan", "Jordan Reid")])
    window.people.refresh()
    asked: list[str] = []

    def cancelled(dialog: CoverDialog) -> int:
        asked.extend(label.text() for label in dialog.findChildren(QLabel))
        return 0

    monkeypatch.setattr(CoverDialog, "exec", cancelled)
    before = opened_records(sqlite_db)
    window.open_person(jordan)
    assert any(text.startswith("Jordan is not on your caseload") for text in asked), asked
    assert window.workspace.person is None
    assert opened_records(sqlite_db) == before


def test_the_tabs_are_the_registry_s_pages_in_its_order_and_only_those_the_role_may_see(
    qtbot: QtBot, window: MainWindow, sqlite_db: Database, team: dict[str, Actor], tmp_path: Path
) -> None:
    tabs = window.workspace.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["About me"]  # the rest when a person opens
    window.workspace.build_pages()
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    # A key worker does not see "Who has seen this": its registry entry needs the audit.
    assert titles == [
        "About me",
        "My plan",
        "Staying safe",
        "Reviews",
        "Services and budget",
        "Agreement",
        "History",
        "Sharing",
    ]
    assert [page.title for page in window.workspace.pages] == titles

    # A window given only About me has that tab, and no window-wide action for a page it lacks.
    context = SignedInStaff(sqlite_db, team["sam"], "Sam Okafor", Role.KEY_WORKER)
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    bare = MainWindow(context, settings, pages=(ABOUT_ME,))
    qtbot.addWidget(bare)
    bare.workspace.build_pages()
    assert bare.workspace.tabs.count() == 1
    assert bare.page_actions == []
