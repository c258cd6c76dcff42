"""Every way out of a goal, step or "I don't agree" dialog with unsaved words asks first.

The dialogs save explicitly (nothing personal goes to an unencrypted draft on disk), so the guard
must be on every way out: Esc, Cancel, the window's close button, quitting the app, and F5.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import Role
from careplan.gui.dialogs import guard
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.dialogs.writing_dialog import WritingDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.plan_page import PlanPage
from careplan.services import people, plans, staff
from careplan.services.plans import GoalInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import current_version_id, load_version
from careplan.storage.database import Database

WORDS = "I want my kids to see me well"


@pytest.fixture
def window(qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    # When the test ends the window closes with the dialog's words unsaved: let it (a test that
    # is about that question answers it itself).
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Close)
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    dee = people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    started = plans.start_plan(sqlite_db, sam, dee)
    plans.add_goal(sqlite_db, sam, started.version_id, GoalInput("A flat of my own", PERSON, "housing"))
    context = SignedInStaff(sqlite_db, sam, "Sam Okafor", Role.KEY_WORKER)
    main = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.workspace.build_pages()
    main.show()
    qtbot.waitExposed(main)
    main.open_person(dee)
    main.workspace.tabs.setCurrentWidget(plan_page(main))
    return main


def plan_page(window: MainWindow) -> PlanPage:
    return next(p for p in window.workspace.pages if isinstance(p, PlanPage))


def goals(window: MainWindow) -> list[str]:
    context = window.workspace._context
    person = window.workspace.person
    assert person is not None
    version_id = current_version_id(context.db, context.actor, person.id)
    assert version_id is not None
    return [g.wording.body for g in load_version(context.db, context.actor, version_id).goals]


def typed_goal(qtbot: QtBot, window: MainWindow) -> GoalEditorDialog:
    page = plan_page(window)
    page.add_goal()
    dialog = page.editors.dialog
    assert isinstance(dialog, GoalEditorDialog)
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.ui.wording, WORDS)
    return dialog


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """What the "Throw away what was typed?" question is answered (False: keep writing)."""
    given: list[bool] = []
    asked: list[bool] = []

    def answer(parent: object) -> bool:
        asked.append(True)
        return given.pop(0)

    monkeypatch.setattr(guard, "may_throw_away", answer)
    given.append(False)
    return asked


@pytest.mark.parametrize("way_out", ["Esc", "Cancel", "close button"])
def test_each_way_out_of_the_dialog_asks_and_keeps_the_words(
    qtbot: QtBot, window: MainWindow, answers: list[bool], way_out: str
) -> None:
    dialog = typed_goal(qtbot, window)
    if way_out == "Esc":
        qtbot.keyClick(dialog.ui.wording, Qt.Key.Key_Escape)
    elif way_out == "Cancel":
        dialog.ui.buttons.rejected.emit()
    else:
        dialog.close()  # what the window's close button does
    assert answers == [True]
    assert dialog.isVisible()
    assert dialog.ui.wording.toPlainText() == WORDS
    assert plan_page(window).editors.dialog is dialog


def test_an_i_dont_agree_note_is_guarded_too(qtbot: QtBot, window: MainWindow, answers: list[bool]) -> None:
    page = plan_page(window)
    page.editors.disagree_with_plan()
    dialog = page.editors.dialog
    assert isinstance(dialog, DisagreementDialog)
    assert isinstance(dialog, WritingDialog)
    qtbot.keyClicks(dialog.note, "Not group work")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Escape)
    assert answers == [True]
    assert dialog.isVisible()
    assert dialog.note.toPlainText() == "Not group work"


def test_quitting_with_a_dialog_open_asks_and_stays(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = typed_goal(qtbot, window)
    assert window.workspace.has_unsaved()
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    window.quit_action.trigger()  # File > Quit, Ctrl+Q, or the session ending
    assert len(asked) == 1
    assert window.isVisible()
    assert dialog.isVisible()
    assert dialog.ui.wording.toPlainText() == WORDS

    # Saving then quitting: nothing to ask, and the goal is kept.
    dialog.ui.lifeArea.setCurrentIndex(0)
    dialog.save()
    qtbot.waitUntil(lambda: plan_page(window).editors.dialog is None)
    assert goals(window) == ["A flat of my own", WORDS]
    assert not window.workspace.has_unsaved()
    window.quit_action.trigger()
    assert len(asked) == 1
    assert not window.isVisible()


def test_f5_with_a_dialog_open_keeps_it_and_its_words(qtbot: QtBot, window: MainWindow) -> None:
    dialog = typed_goal(qtbot, window)
    window.reload_action.trigger()  # F5: reads everything again, behind the dialog
    assert dialog.isVisible()
    assert plan_page(window).editors.dialog is dialog
    assert dialog.ui.wording.toPlainText() == WORDS
    dialog.ui.lifeArea.setCurrentIndex(0)
    dialog.save()
    qtbot.waitUntil(lambda: plan_page(window).editors.dialog is None)
    assert goals(window)[-1] == WORDS
