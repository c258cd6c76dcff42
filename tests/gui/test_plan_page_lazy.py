"""My plan builds what is seen first, and the rest when it is wanted.

The goal cards below the fold are built after the first paint (all of them, in order, in the
same place for the keyboard), and each "⋯" menu is made the first time it is opened: by mouse,
by keys, by right-click. The keys of a step (F2, Alt+Up, Alt+Down, Delete) work before that.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import Role, StepOwner
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.goal_card import GoalCard
from careplan.gui.workspace.plan_page import PlanPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.step_row import StepRow
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import plans
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import current_version_id, load_version
from careplan.storage.database import Database
from tests import worlds

GOALS = 9


def _person_with_a_long_plan(db: Database) -> tuple[worlds.Team, int, list[int]]:
    """Nine goals of three steps each: far more than one screen."""
    team = worlds.make_team(db)
    person_id = worlds.register(db, team.key_worker)
    version_id = plans.start_plan(db, team.key_worker, person_id).version_id
    goal_ids = []
    for number in range(1, GOALS + 1):
        goal_id = plans.add_goal(
            db,
            team.key_worker,
            version_id,
            GoalInput(f"Goal number {number}", PERSON, "housing", f"Reason {number}", PERSON),
        )
        goal_ids.append(goal_id)
        for step in range(1, 4):
            plans.add_step(
                db, team.key_worker, goal_id, StepInput(f"Step {step} of {number}", STAFF, StepOwner.WORKER)
            )
    return team, person_id, goal_ids


class Opened:
    def __init__(self, workspace: PersonWorkspace, page: PlanPage) -> None:
        self.workspace = workspace
        self.page = page


@pytest.fixture
def long_plan(qtbot: QtBot, sqlite_db: Database) -> tuple[Opened, list[int], Callable[[], None]]:
    team, person_id, goal_ids = _person_with_a_long_plan(sqlite_db)
    context = SignedInStaff(sqlite_db, team.key_worker, "Sam Keyworker", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Keyworker", Role.KEY_WORKER.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    page = PlanPage(context, voice, workspace)
    workspace.add_page(page)
    page.version_requested.connect(workspace.open_version)
    workspace.tabs.setCurrentWidget(page)
    workspace.resize(1000, 700)
    workspace.show()  # on screen before the person is opened, as in the app
    qtbot.waitExposed(workspace)

    def open_person() -> None:
        workspace.open_person(person_id)
        workspace.who_is_here.together_button.click()  # the person is at the screen too

    return Opened(workspace, page), goal_ids, open_person


def _in_layout(page: PlanPage) -> list[GoalCard]:
    layout = page.view.goals_layout
    cards: list[GoalCard] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if isinstance(widget, GoalCard):
            cards.append(widget)
    return cards


def test_cards_below_the_fold_are_built_after_the_first_paint_all_of_them_in_order(
    qtbot: QtBot, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, goal_ids, open_person = long_plan
    page = opened.page
    open_person()
    first = len(page.cards_built)
    assert 1 <= first < GOALS  # the first screen's cards only, so far
    assert _in_layout(page) == page.cards_built
    assert not page.all_cards_built
    qtbot.waitUntil(lambda: page.all_cards_built)
    assert len(page.cards_built) == GOALS
    assert [card.goal.id for card in page.cards] == goal_ids
    assert _in_layout(page) == page.cards
    assert all(card.isVisible() for card in page.cards)
    numbers = [card.accessibleName().split(":")[0] for card in page.cards]
    assert numbers == [f"Goal {n}" for n in range(1, GOALS + 1)]
    # Only the last card's "Move the goal down" is off, wherever the fold was.
    assert [card.move_down.isEnabled() for card in page.cards] == [True] * (GOALS - 1) + [False]
    assert [card.move_up.isEnabled() for card in page.cards] == [False] + [True] * (GOALS - 1)
    # Tab goes from the last card built at once straight on to the first card built later.
    last_early, first_late = page.cards[first - 1], page.cards[first]
    widget: QWidget | None = last_early.more
    seen: list[QWidget] = []
    while widget is not None and widget is not first_late.status and len(seen) < 20:
        widget = widget.nextInFocusChain()
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            seen.append(widget)
    assert seen == [first_late.status]


def test_showing_something_else_before_the_rest_is_built_leaves_no_old_card_behind(
    qtbot: QtBot, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, _goal_ids, open_person = long_plan
    page = opened.page
    open_person()
    assert not page.all_cards_built
    assert page.person is not None
    page.show_version(page.person, None)  # as for someone with no plan yet
    assert page.all_cards_built
    assert page.cards_built == []
    for _ in range(5):
        QApplication.processEvents()
    assert page.cards == []
    assert _in_layout(page) == []


def test_a_card_below_the_fold_is_there_when_asked_for(
    qtbot: QtBot, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, goal_ids, open_person = long_plan
    page = opened.page
    open_person()
    assert not page.all_cards_built
    card = page.card_for(goal_ids[-1])
    assert card is not None
    assert card.goal.id == goal_ids[-1]
    assert page.all_cards_built
    assert _in_layout(page) == page.cards


def test_after_a_change_far_down_the_keyboard_stays_on_it(
    qtbot: QtBot, sqlite_db: Database, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, goal_ids, open_person = long_plan
    page = opened.page
    open_person()
    qtbot.waitUntil(lambda: page.all_cards_built)
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    seventh = page.cards[6]
    seventh.status.setFocus()
    seventh.status.setCurrentIndex(1)
    seventh.status.activated.emit(1)  # as when chosen from the list: saved, and the page reloads
    # Built at once, though far below the fold: the keyboard goes back to it.
    assert not page.all_cards_built  # the eighth and ninth come later
    reloaded = next(card for card in page.cards_built if card.goal.id == goal_ids[6])
    assert reloaded is not seventh
    assert reloaded.status.currentIndex() == 1
    assert reloaded.status.hasFocus()


def _popup_texts(trigger: Callable[[], None]) -> list[str]:
    """Open a menu with ``trigger``; read what it lists, then close it."""
    shown: list[list[str]] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(10, read_and_close)
            return
        shown.append([a.text() for a in popup.actions() if not a.isSeparator()])
        popup.close()

    QTimer.singleShot(0, read_and_close)
    trigger()
    assert len(shown) == 1
    return shown[0]


STEP_MENU = [
    "Change the step…",
    "Move up",
    "Move down",
    "I don't agree with this step…",
    "Remove the step…",
]


def _first_row(qtbot: QtBot, page: PlanPage) -> StepRow:
    row = page.cards[0].step_rows[0]
    assert not row.more.menu_made  # not made until wanted
    return row


def test_a_step_menu_made_on_right_click(
    qtbot: QtBot, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, _goal_ids, open_person = long_plan
    open_person()
    row = _first_row(qtbot, opened.page)
    texts = _popup_texts(lambda: row.customContextMenuRequested.emit(QPoint(5, 5)))
    assert texts == STEP_MENU
    assert row.more.menu().objectName() == "stepMoreMenu"
    # Opened again: the same menu, not a second one.
    assert _popup_texts(lambda: row.customContextMenuRequested.emit(QPoint(5, 5))) == STEP_MENU
    assert len(row.more.findChildren(QMenu)) == 1


def test_a_step_menu_made_on_a_click_and_by_keys(
    qtbot: QtBot, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, _goal_ids, open_person = long_plan
    open_person()
    page = opened.page
    row = _first_row(qtbot, page)
    assert _popup_texts(lambda: qtbot.mouseClick(row.more, Qt.MouseButton.LeftButton)) == STEP_MENU
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    second = page.cards[0].step_rows[1]
    assert not second.more.menu_made
    second.more.setFocus()
    assert _popup_texts(lambda: qtbot.keyClick(second.more, Qt.Key.Key_Space)) == STEP_MENU
    goal_more = page.cards[1].more
    assert not goal_more.menu_made
    assert _popup_texts(goal_more.click) == [  # what a screen reader's "press" does
        "Move the goal up\tAlt+Up",
        "Move the goal down\tAlt+Down",
        "Remove the goal…",
    ]


def test_step_keys_work_before_its_menu_was_ever_made(
    qtbot: QtBot, sqlite_db: Database, long_plan: tuple[Opened, list[int], Callable[[], None]]
) -> None:
    opened, goal_ids, open_person = long_plan
    open_person()
    page = opened.page
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)

    assert page.person is not None
    version_id = current_version_id(sqlite_db, page.context.actor, page.person.id)
    assert version_id is not None

    def steps() -> list[str]:
        goals = load_version(sqlite_db, page.context.actor, version_id).goals
        return [s.what.body for s in next(g for g in goals if g.id == goal_ids[0]).steps]

    row = page.cards[0].step_rows[1]
    assert not row.more.menu_made
    row.done.setFocus()
    qtbot.keyClick(row.done, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert steps() == ["Step 2 of 1", "Step 1 of 1", "Step 3 of 1"]
    moved = page.cards[0].step_rows[0]
    assert not moved.more.menu_made
    assert moved.done.hasFocus()
    qtbot.keyClick(moved.done, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert steps() == ["Step 1 of 1", "Step 2 of 1", "Step 3 of 1"]

    row = page.cards[0].step_rows[2]
    row.done.setFocus()
    qtbot.keyClick(row.done, Qt.Key.Key_F2)
    assert isinstance(page.editors.dialog, StepEditorDialog)
    assert page.editors.dialog.ui.what.toPlainText() == "Step 3 of 1"
    page.editors.dialog.reject()
    qtbot.waitUntil(lambda: page.editors.dialog is None)

    asked: list[str] = []

    def keep_it() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, keep_it)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep it").click()

    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    row = page.cards[0].step_rows[2]
    assert not row.more.menu_made
    row.done.setFocus()
    QTimer.singleShot(0, keep_it)
    qtbot.keyClick(row.done, Qt.Key.Key_Delete)
    assert asked == ["Remove the step “Step 3 of 1”?"]
    assert steps() == ["Step 1 of 1", "Step 2 of 1", "Step 3 of 1"]
