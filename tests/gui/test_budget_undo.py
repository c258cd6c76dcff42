"""Undo and redo on the budget page: a service taken out comes back; the agreed amount goes back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import Role, ServiceUnit
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.services import budget, catalogue, people, plans, staff
from careplan.services.budget import AllocationInput
from careplan.services.plans import GoalInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import VersionView, load_version
from careplan.storage.database import Database


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> tuple[MainWindow, BudgetPage, Actor, int]:
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    priya = Actor(staff.add_staff(sqlite_db, admin, "priya", "Priya Shah", Role.MANAGER))
    provider = catalogue.add_provider(sqlite_db, priya, "Harbour Peer Support")
    service = catalogue.add_service(
        sqlite_db,
        priya,
        catalogue.ServiceInput(
            provider,
            "Peer mentoring",
            "peer support",
            "Someone who has been there",
            ServiceUnit.HOUR,
            Decimal("15.00"),
            True,
        ),
    )
    dee = people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    started = plans.start_plan(sqlite_db, sam, dee)
    goal = plans.add_goal(sqlite_db, sam, started.version_id, GoalInput("See my kids", PERSON, "family"))
    answers = {q.key: q.answers[1].key for q in budget.default_questionnaire().questions}
    budget.assess_budget(sqlite_db, sam, started.version_id, answers)
    budget.allocate(
        sqlite_db, sam, started.version_id, AllocationInput(Decimal("10"), (goal,), service_id=service)
    )
    context = SignedInStaff(sqlite_db, sam, "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.workspace.build_pages()
    window.show()
    window.open_person(dee)
    budget_page = next(p for p in window.workspace.pages if isinstance(p, BudgetPage))
    window.workspace.tabs.setCurrentWidget(budget_page)
    return window, budget_page, sam, started.version_id


def now(db: Database, actor: Actor, version_id: int) -> VersionView:
    return load_version(db, actor, version_id)


def test_a_service_taken_out_comes_back_with_undo(
    page: tuple[MainWindow, BudgetPage, Actor, int], sqlite_db: Database
) -> None:
    window, budget_page, sam, version_id = page
    before = now(sqlite_db, sam, version_id).allocations
    assert len(before) == 1
    budget_page.view.table.selectRow(0)
    budget_page.changes.release_selected()
    assert budget_page.changes.release_button is not None, "the page did not ask"
    budget_page.changes.release_answered(before[0], budget_page.changes.release_button)
    assert now(sqlite_db, sam, version_id).allocations == []
    assert window.undo_action.text() == "&Undo take a service out"

    window.undo_action.trigger()
    back = now(sqlite_db, sam, version_id).allocations
    assert [(a.key, a.quantity, a.total_pence) for a in back] == [
        (before[0].key, before[0].quantity, before[0].total_pence)
    ]
    assert budget_page.view.table.model().rowCount() == 1  # the page shows it again
    window.redo_action.trigger()
    assert now(sqlite_db, sam, version_id).allocations == []


def test_a_service_taken_out_comes_back_with_its_i_dont_agree_note(
    page: tuple[MainWindow, BudgetPage, Actor, int], sqlite_db: Database
) -> None:
    window, budget_page, sam, version_id = page
    [allocation] = now(sqlite_db, sam, version_id).allocations
    plans.record_disagreement(
        sqlite_db, sam, version_id, "Not a mentor from my estate", PERSON, allocation_id=allocation.id
    )
    person = window.workspace.person
    assert person is not None
    window.open_person(person.id)
    [note] = now(sqlite_db, sam, version_id).disagreements
    budget_page.view.table.selectRow(0)
    budget_page.changes.release_selected()
    assert budget_page.changes.release_button is not None, "the page did not ask"
    budget_page.changes.release_answered(allocation, budget_page.changes.release_button)
    assert now(sqlite_db, sam, version_id).disagreements == []  # the note goes with the service

    window.undo_action.trigger()
    restored = now(sqlite_db, sam, version_id)
    [back] = restored.allocations
    [note_back] = restored.disagreements
    assert note_back.allocation_id == back.id
    assert note_back.note.id == note.note.id  # the very same words: still Dee's, typed when they were
    window.redo_action.trigger()
    assert now(sqlite_db, sam, version_id).disagreements == []
    window.undo_action.trigger()
    assert [n.note.body for n in now(sqlite_db, sam, version_id).disagreements] == [
        "Not a mentor from my estate"
    ]


def test_the_agreed_amount_goes_back_with_undo(
    qtbot: QtBot, page: tuple[MainWindow, BudgetPage, Actor, int], sqlite_db: Database
) -> None:
    window, budget_page, sam, version_id = page
    budget_page.view.agreed_edit.clear()
    qtbot.keyClicks(budget_page.view.agreed_edit, "900")
    assert budget_page.changes.save_agreed()
    assert now(sqlite_db, sam, version_id).agreed_pence == 90000
    budget_page.view.agreed_edit.clear()
    qtbot.keyClicks(budget_page.view.agreed_edit, "800")
    assert budget_page.changes.save_agreed()
    window.undo_action.trigger()
    assert now(sqlite_db, sam, version_id).agreed_pence == 90000
    assert budget_page.view.agreed_edit.text() == "900.00"
    window.redo_action.trigger()
    assert now(sqlite_db, sam, version_id).agreed_pence == 80000
