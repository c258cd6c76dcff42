"""The History page: every version of Dee's plan, what changed in plain words, used with the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import Role, ServiceUnit, StepOwner
from careplan.domain.wording.dates import long_date
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.history_page import FIRST_VERSION, SAME_VERSION, HistoryPage
from careplan.services import budget, people, plans, signing, staff
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import load_person, load_version
from careplan.storage.database import Database
from tests.worlds import catalogue_service, sign_both, utc_today

OLD_GOAL = "Get a flat"
NEW_GOAL = "Get my own flat by summer"
NEW_STEP = "Ring the housing officer"
THREE_CHANGES = [
    f"Goal reworded: “{OLD_GOAL}” became “{NEW_GOAL}”",
    f"New step for “{NEW_GOAL}”: “{NEW_STEP}” (my worker)",
    "Service added: Travel pass, 1 item at £30.00 (£30.00)",
]


@dataclass(frozen=True)
class DeesPlan:
    sam: Actor
    person_id: int
    v1: int
    v2: int


@pytest.fixture
def plan(sqlite_db: Database) -> DeesPlan:
    """Version 1 signed, approved and in action; version 2 a draft with three changes."""
    db = sqlite_db
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    person_id = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    v1 = plans.start_plan(db, sam, person_id).version_id
    goal = plans.add_goal(db, sam, v1, GoalInput(OLD_GOAL, PERSON, "housing"))
    plans.add_step(db, sam, goal, StepInput("Fill in the housing form", PERSON, StepOwner.PERSON))
    mentoring = catalogue_service(db, priya, price=Decimal("15.00"), unit=ServiceUnit.HOUR)
    travel = catalogue_service(
        db, priya, provider="City Buses", name="Travel pass", price=Decimal("30.00"), unit=ServiceUnit.ITEM
    )
    budget.set_agreed_budget(db, priya, v1, Decimal("1200.00"))
    budget.allocate(db, sam, v1, budget.AllocationInput(Decimal("10"), (goal,), service_id=mentoring))
    sign_both(db, sam, v1)
    signing.approve_plan(db, priya, v1)
    plans.activate_plan(db, sam, v1)

    v2 = plans.revise_plan(db, sam, v1)
    goal2 = load_version(db, sam, v2).goals[0].id
    plans.edit_goal(db, sam, goal2, GoalInput(NEW_GOAL, PERSON, "housing"))
    plans.add_step(db, sam, goal2, StepInput(NEW_STEP, STAFF, StepOwner.WORKER))
    budget.allocate(db, sam, v2, budget.AllocationInput(Decimal("1"), (goal2,), service_id=travel))
    return DeesPlan(sam, person_id, v1, v2)


@pytest.fixture
def page(qtbot: QtBot, sqlite_db: Database, plan: DeesPlan) -> HistoryPage:
    context = SignedInStaff(sqlite_db, plan.sam, "Sam Okafor", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Okafor", "key worker")
    qtbot.addWidget(voice)
    widget = HistoryPage(context, voice)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    widget.show_version(
        load_person(sqlite_db, plan.sam, plan.person_id), load_version(sqlite_db, plan.sam, plan.v2)
    )
    return widget


def rows(page: HistoryPage) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def test_lists_every_version_newest_first_with_its_status_in_plain_words(page: HistoryPage) -> None:
    today = long_date(utc_today())
    assert rows(page) == [
        f"Version 2  (open now)\nBeing written\nStarted {today}",
        f"Version 1\nIn action\nStarted {today}",
    ]
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)


def test_version_2_shows_the_three_changes_in_plain_words(page: HistoryPage, plan: DeesPlan) -> None:
    assert page.chosen_id == plan.v2
    assert page.view.version_title.text() == f"Version 2 – being written, started {long_date(utc_today())}"
    assert page.view.since_box.title() == "What changed since version 1"
    assert page.view.since_changes.lines() == THREE_CHANGES
    assert not page.view.open_button.isEnabled()  # it is already the version open


def test_an_older_version_is_read_only_and_can_be_opened(
    qtbot: QtBot, page: HistoryPage, plan: DeesPlan
) -> None:
    page.choose_row(1)
    assert page.chosen_id == plan.v1
    assert page.view.version_title.text().startswith("Version 1 – in action, started ")
    assert page.view.kept_note.text() == "This version is kept just as it was. It cannot be changed."
    assert page.view.since_changes.lines() == [FIRST_VERSION]
    shown = [label.text() for label in page.view.content.findChildren(type(page.view.version_title))]
    assert f"1. {OLD_GOAL}" in shown
    assert "Peer mentoring: 10 hours at £15.00 = £150.00, for “Get a flat”" in shown
    assert NEW_STEP not in " ".join(shown)
    assert [b.text() for b in page.view.content.badges] == ["Dee's words", "Dee's words"]
    for editor in (QLineEdit, QPlainTextEdit, QTextEdit):
        assert page.view.content.findChildren(editor) == []
    with qtbot.waitSignal(page.version_requested, timeout=1000) as opened:
        qtbot.mouseClick(page.view.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [plan.v1]


def test_the_version_being_written_shows_whose_words_each_line_is(page: HistoryPage) -> None:
    assert [b.text() for b in page.view.content.badges] == [
        "Dee's words",
        "Dee's words",
        "Sam Okafor (key worker)",
    ]


def test_comparing_a_version_with_itself_says_no_differences(page: HistoryPage) -> None:
    assert page.view.comparison.lines() == THREE_CHANGES  # first and newest, to start with
    page.compare(1, 1)
    assert page.view.comparison.lines() == [SAME_VERSION]
    assert SAME_VERSION.startswith("No differences")
    page.compare(2, 1)
    assert page.view.comparison.lines() == [
        f"Goal reworded: “{NEW_GOAL}” became “{OLD_GOAL}”",
        f"Step no longer in the plan: “{NEW_STEP}” (for “{OLD_GOAL}”)",
        "Service removed: Travel pass, 1 item at £30.00 (£30.00)",
    ]


def test_the_version_list_works_with_the_keyboard(qtbot: QtBot, page: HistoryPage, plan: DeesPlan) -> None:
    page.view.version_list.setFocus()
    qtbot.keyClick(page.view.version_list, Qt.Key.Key_Down)
    assert page.chosen_id == plan.v1
    assert page.view.since_changes.lines() == [FIRST_VERSION]
    qtbot.keyClick(page.view.version_list, Qt.Key.Key_Up)
    assert page.chosen_id == plan.v2
    assert page.view.since_changes.lines() == THREE_CHANGES
    qtbot.keyClick(page.view.version_list, Qt.Key.Key_End)
    assert page.chosen_id == plan.v1
    with qtbot.waitSignal(page.version_requested, timeout=1000) as opened:
        qtbot.keyClick(page.view.version_list, Qt.Key.Key_Return)
    assert opened.args == [plan.v1]


def test_the_chosen_version_stays_chosen_when_the_workspace_reloads(
    page: HistoryPage, sqlite_db: Database, plan: DeesPlan
) -> None:
    page.choose_row(1)
    person = load_person(sqlite_db, plan.sam, plan.person_id)
    page.show_version(person, load_version(sqlite_db, plan.sam, plan.v2))
    assert page.chosen_id == plan.v1


def test_words_are_shown_as_typed_never_as_markup(
    page: HistoryPage, sqlite_db: Database, plan: DeesPlan
) -> None:
    words = "<b>me</b> & my dog"
    plans.add_goal(sqlite_db, plan.sam, plan.v2, GoalInput(words, PERSON, "family"))
    person = load_person(sqlite_db, plan.sam, plan.person_id)
    page.show_version(person, load_version(sqlite_db, plan.sam, plan.v2))
    assert f"New goal: “{words}”" in page.view.since_changes.lines()
    labels = page.view.since_changes.findChildren(type(page.view.version_title))
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_no_plan_yet(page: HistoryPage, sqlite_db: Database, plan: DeesPlan) -> None:
    page.show_version(load_person(sqlite_db, plan.sam, plan.person_id), None)
    assert page.model.rowCount() == 0
    assert not page.view.empty.isHidden()
    assert page.view.detail_area.isHidden()
    assert not page.view.open_button.isEnabled()
