"""Undo and redo on the plan: every step saves again, and removed goals come back whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, Role, StepOwner
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.plan_page import PlanPage
from careplan.services import people, plans, staff
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.unit_of_work import staff_by_username
from careplan.services.workspace import VersionView, current_version_id, load_version
from careplan.storage.database import Database


@pytest.fixture
def setup(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> tuple[MainWindow, PlanPage, Actor, int]:
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    dee = people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    started = plans.start_plan(sqlite_db, sam, dee)
    goal = plans.add_goal(
        sqlite_db,
        sam,
        started.version_id,
        GoalInput("I want my kids to see me well", PERSON, "family", "They matter", PERSON),
    )
    step = plans.add_step(sqlite_db, sam, goal, StepInput("Ring the social worker", STAFF, StepOwner.WORKER))
    plans.record_disagreement(sqlite_db, sam, started.version_id, "Not group work", PERSON, step_id=step)
    plans.add_goal(sqlite_db, sam, started.version_id, GoalInput("A flat of my own", PERSON, "housing"))
    context = SignedInStaff(sqlite_db, sam, "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.workspace.build_pages()
    window.show()
    window.open_person(dee)
    page = next(p for p in window.workspace.pages if isinstance(p, PlanPage))
    window.workspace.tabs.setCurrentWidget(page)
    return window, page, sam, dee


def version(db: Database, actor: Actor, person_id: int) -> VersionView:
    version_id = current_version_id(db, actor, person_id)
    assert version_id is not None
    return load_version(db, actor, version_id)


def test_removing_a_goal_can_be_undone_with_its_steps_and_notes(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page, sam, dee = setup
    before = version(sqlite_db, sam, dee)
    kids = before.goals[0]
    monkeypatch.setattr("careplan.gui.workspace.plan_changes.confirm", lambda *a: True)
    page.changes.remove_goal(kids)
    after_removal = version(sqlite_db, sam, dee)
    if [g.key for g in after_removal.goals] == [g.key for g in before.goals]:
        pytest.fail("the goal was not removed: the confirmation was not answered")
    assert [g.wording.body for g in after_removal.goals] == ["A flat of my own"]
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo remove a goal"

    window.undo_action.trigger()
    restored = version(sqlite_db, sam, dee)
    assert [g.key for g in restored.goals] == [g.key for g in before.goals]  # same place, same key
    goal = restored.goals[0]
    assert goal.wording.body == kids.wording.body
    assert goal.wording.author.kind is AuthorKind.PERSON
    assert goal.why is not None
    assert goal.why.author.kind is AuthorKind.PERSON
    assert [(s.key, s.what.body, s.what.author.kind) for s in goal.steps] == [
        (kids.steps[0].key, "Ring the social worker", AuthorKind.STAFF)
    ]
    notes = [n for n in restored.disagreements if n.step_id == goal.steps[0].id]
    assert [(n.note.body, n.note.author.kind) for n in notes] == [("Not group work", AuthorKind.PERSON)]

    window.redo_action.trigger()
    assert [g.wording.body for g in version(sqlite_db, sam, dee).goals] == ["A flat of my own"]


def test_undo_follows_the_page_in_front_and_edits_go_back_and_forth(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database
) -> None:
    window, page, sam, dee = setup
    flat = version(sqlite_db, sam, dee).goals[1]
    row = page.card_for(flat.id)
    assert row is not None
    page.changes.move_goal(flat, 0, "up")
    assert next(g.wording.body for g in version(sqlite_db, sam, dee).goals) == "A flat of my own"
    kids = version(sqlite_db, sam, dee).goals[1]
    card = page.card_for(kids.id)
    assert card is not None
    index = card.status.findData("under_way")
    card.status.setCurrentIndex(index)
    card.status.activated.emit(index)  # what choosing it from the list does
    assert version(sqlite_db, sam, dee).goals[1].status == "under_way"

    window.workspace.tabs.setCurrentIndex(0)  # About me: its own (empty) history
    assert not window.undo_action.isEnabled()
    window.workspace.tabs.setCurrentWidget(page)
    assert window.undo_action.isEnabled()

    window.undo_action.trigger()
    assert version(sqlite_db, sam, dee).goals[1].status == "not_started"
    window.undo_action.trigger()
    assert next(g.wording.body for g in version(sqlite_db, sam, dee).goals) == "I want my kids to see me well"
    window.redo_action.trigger()
    window.redo_action.trigger()
    now = version(sqlite_db, sam, dee)
    assert next(g.wording.body for g in now.goals) == "A flat of my own"
    assert now.goals[1].status == "under_way"


def test_an_undo_that_can_no_longer_be_done_says_so_and_drops_out(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page, sam, dee = setup
    flat = version(sqlite_db, sam, dee).goals[1]
    page.changes.move_goal(flat, 0, "up")
    # Another workstation removes that goal meanwhile.
    current = version(sqlite_db, sam, dee)
    plans.remove_goal(sqlite_db, sam, current.goals[0].id, expected_revision=current.plan_revision)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.undo_action.trigger()
    assert told
    assert "no longer in the plan" in told[0]
    assert not window.undo_action.isEnabled()


def test_undo_puts_a_removed_step_back_in_its_place_with_the_same_words(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page, sam, dee = setup
    kids = version(sqlite_db, sam, dee).goals[0]
    for what in ("Book the family room", "Bring photos"):
        plans.add_step(sqlite_db, sam, kids.id, StepInput(what, PERSON, StepOwner.PERSON))
    window.open_person(dee)
    before = version(sqlite_db, sam, dee).goals[0]
    middle = before.steps[1]
    monkeypatch.setattr("careplan.gui.workspace.plan_changes.confirm", lambda *a: True)
    page.changes.remove_step(before, middle)
    assert [s.what.body for s in version(sqlite_db, sam, dee).goals[0].steps] == [
        "Ring the social worker",
        "Bring photos",
    ]

    window.undo_action.trigger()
    after = version(sqlite_db, sam, dee).goals[0]
    assert [s.key for s in after.steps] == [s.key for s in before.steps]  # back in the middle
    back = after.steps[1]
    # The very same words: same text, so the same author, and when and by whom they were typed.
    assert back.what.id == middle.what.id
    assert back.what.written_at == middle.what.written_at

    # A step moved with the keyboard moves back with undo.
    card = page.card_for(after.id)
    assert card is not None
    page.changes.move_step(after, after.steps[2], 0, "up")
    assert version(sqlite_db, sam, dee).goals[0].steps[0].what.body == "Bring photos"
    assert window.undo_action.text() == "&Undo move a step up"
    window.undo_action.trigger()
    assert [s.key for s in version(sqlite_db, sam, dee).goals[0].steps] == [s.key for s in before.steps]
    window.redo_action.trigger()
    assert version(sqlite_db, sam, dee).goals[0].steps[0].what.body == "Bring photos"


def test_undo_never_puts_a_colleagues_words_back_in_their_name(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sam removes a goal Priya wrote; undo cannot show that those words were ever in this plan,
    so it says so plainly and changes nothing, rather than put them back in Sam's name or (for
    anyone with the means to ask for it) in Priya's."""
    window, page, sam, dee = setup
    admin = staff_by_username(sqlite_db, "admin")
    priya = Actor(staff.add_staff(sqlite_db, admin, "priya", "Priya Shah", Role.MANAGER))
    version_id = version(sqlite_db, sam, dee).id
    plans.add_goal(sqlite_db, priya, version_id, GoalInput("Try the Tuesday group", STAFF, "mental_health"))
    window.open_person(dee)
    priyas = version(sqlite_db, sam, dee).goals[2]
    assert priyas.wording.author.name == "Priya Shah"
    monkeypatch.setattr("careplan.gui.workspace.plan_changes.confirm", lambda *a: True)
    page.changes.remove_goal(priyas)
    removed = version(sqlite_db, sam, dee)
    assert len(removed.goals) == 2

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.undo_action.trigger()
    assert told == [plans.WORDS_OF_SOMEONE_ELSE]
    now = version(sqlite_db, sam, dee)
    assert [g.key for g in now.goals] == [g.key for g in removed.goals]  # nothing half put back
    assert now.plan_revision == removed.plan_revision

    # Sam's own words, and Dee's, do come back as they were.
    mine = plans.add_goal(sqlite_db, sam, version_id, GoalInput("Fill in the form", STAFF, "housing"))
    window.open_person(dee)
    sams = next(g for g in version(sqlite_db, sam, dee).goals if g.id == mine)
    page.changes.remove_goal(sams)
    window.undo_action.trigger()
    back = version(sqlite_db, sam, dee).goals[-1]
    assert (back.key, back.wording.id) == (sams.key, sams.wording.id)


def test_a_goal_changed_in_its_dialog_goes_back_and_forth(
    setup: tuple[MainWindow, PlanPage, Actor, int], sqlite_db: Database
) -> None:
    window, page, sam, dee = setup
    kids = version(sqlite_db, sam, dee).goals[0]
    page.editors.edit_goal(kids)
    dialog = page.editors.dialog
    assert isinstance(dialog, GoalEditorDialog)
    dialog.ui.wording.setPlainText("I want my kids to be proud of me")
    dialog.save()
    assert version(sqlite_db, sam, dee).goals[0].wording.body == "I want my kids to be proud of me"
    window.undo_action.trigger()
    assert version(sqlite_db, sam, dee).goals[0].wording.body == "I want my kids to see me well"
    window.redo_action.trigger()  # the redo puts back what was saved, read after the page reloaded
    assert version(sqlite_db, sam, dee).goals[0].wording.body == "I want my kids to be proud of me"
