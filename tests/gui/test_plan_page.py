"""My plan: goals and steps written together, driven as a key worker and a person would at one screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, GoalStatus, Role, SignatureMethod, SignerKind, StepOwner
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.plan_page import DisagreementDialog, NoteView, PlanPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import plans, signing
from careplan.services.plans import GoalInput, StepInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import VersionView, current_version_id, load_version
from careplan.storage.database import Database
from tests import worlds
from tests.worlds import World


@dataclass
class Screen:
    workspace: PersonWorkspace
    page: PlanPage
    voice: VoiceSwitch


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """The team, and Dee (Chris is her peer mentor) with no plan yet."""
    return worlds.staffed(sqlite_db).with_person("Dee", peer_mentor=True)


class Screens:
    """Opens a person's workspace with the plan page, and keeps it alive for the whole test."""

    def __init__(self, qtbot: QtBot, world: World) -> None:
        self._qtbot = qtbot
        self._world = world
        self.opened: list[Screen] = []

    def open(
        self, *, actor: Actor | None = None, name: str = "Sam Keyworker", role: Role = Role.KEY_WORKER
    ) -> Screen:
        world, qtbot = self._world, self._qtbot
        context = SignedInStaff(world.db, actor or world.team.key_worker, name, role)
        voice = VoiceSwitch(name, role.label)
        workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
        page = PlanPage(context, voice, workspace)
        workspace.add_page(page)
        page.version_requested.connect(workspace.open_version)
        qtbot.addWidget(workspace)
        qtbot.addWidget(voice)
        workspace.resize(1000, 700)
        workspace.open_person(world.person_id)
        workspace.who_is_here.together_button.click()  # the person is at the screen too
        workspace.tabs.setCurrentWidget(page)
        workspace.show()
        qtbot.waitExposed(workspace)
        screen = Screen(workspace, page, voice)
        self.opened.append(screen)
        return screen


@pytest.fixture
def screens(qtbot: QtBot, world: World) -> Screens:
    return Screens(qtbot, world)


DRAFT: worlds.Goals = (
    (
        worlds.goal("See my kids", why="They matter most", why_voice=PERSON),
        (worlds.step("Ring the family centre"),),
    ),
    (worlds.goal("A flat of my own", life_area="housing"), ()),
)


def draft(world: World) -> tuple[int, tuple[int, ...]]:
    """A plan for Dee with two goals (one step on the first), written through the use cases."""
    plan = worlds.draft_plan(world.db, world.team.key_worker, world.person_id, DRAFT, period=None)
    return plan.version_id, plan.goal_ids


def stored(world: World) -> VersionView:
    version_id = current_version_id(world.db, world.team.key_worker, world.person_id)
    assert version_id is not None
    return load_version(world.db, world.team.key_worker, version_id)


def choose(more: QToolButton, action: QAction) -> None:
    """Pick ``action`` from an item's "⋯" menu, as after clicking the "⋯" button."""
    assert more.isVisible(), more.accessibleName()
    assert more.isEnabled(), more.accessibleName()
    menu = more.menu()
    assert menu is not None
    assert action in menu.actions(), action.text()
    assert action.isVisible(), action.text()
    assert action.isEnabled(), action.text()
    action.trigger()


def click(qtbot: QtBot, widget: QAbstractButton) -> None:
    assert widget.isVisible(), widget.text()
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def save_button(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def goal_dialog(page: PlanPage) -> GoalEditorDialog:
    assert isinstance(page.editors.dialog, GoalEditorDialog)
    return page.editors.dialog


def step_dialog(page: PlanPage) -> StepEditorDialog:
    assert isinstance(page.editors.dialog, StepEditorDialog)
    return page.editors.dialog


def write_goal(
    qtbot: QtBot, page: PlanPage, wording: str, *, why: str = "", area: str = "Where I live", by: str = ""
) -> GoalEditorDialog:
    """Open the goal editor from the page and type into it (without saving)."""
    click(qtbot, page.view.add_goal_button)
    dialog = goal_dialog(page)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.wording, wording)
    qtbot.keyClicks(dialog.ui.why, why)
    if area:
        dialog.ui.lifeArea.setCurrentIndex(dialog.ui.lifeArea.findText(area))
    qtbot.keyClicks(dialog.ui.targetDate, by)
    return dialog


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Dialogs open active on a desktop; the offscreen test platform needs asking."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def save_and_close(qtbot: QtBot, page: PlanPage, buttons: QDialogButtonBox) -> None:
    click(qtbot, save_button(buttons))
    qtbot.waitUntil(lambda: page.editors.dialog is None)


def answer_next_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Answer the next modal question box by clicking the button with this text."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        for candidate in box.buttons():
            if candidate.text() == button_text:
                candidate.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, answer)


def sign_both(world: World, version_id: int) -> None:
    sha = load_version(world.db, world.team.key_worker, version_id).sha256
    for signer, name in ((SignerKind.PERSON, "Dee"), (SignerKind.KEY_WORKER, "Sam")):
        signing.sign_plan(
            world.db,
            world.team.key_worker,
            version_id,
            signing.SignatureInput(signer, SignatureMethod.TYPED, sha, typed_name=name, confirmed=True),
        )


# --- starting -------------------------------------------------------------------------------------


def test_start_my_plan_from_the_empty_state(qtbot: QtBot, world: World, screens: Screens) -> None:
    screen = screens.open()
    page = screen.page
    assert page.view.empty.isVisible()
    assert not page.view.plan.isVisible()
    assert not page.view.add_goal_action.isEnabled()
    saved: list[str] = []
    page.saved.connect(saved.append)

    click(qtbot, page.view.start_button)

    assert page.version is not None
    assert page.view.plan.isVisible()
    assert not page.view.empty.isVisible()
    assert page.view.version_label.text() == "Version 1 – being written"
    assert page.view.add_goal_button.isVisible()
    assert page.view.add_goal_action.isEnabled()
    assert saved == ["Plan started"]
    assert stored(world).status == "draft"


def test_a_peer_mentor_cannot_start_a_plan_and_is_told_who_can(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    screen = screens.open(actor=world.team.peer_mentor, name="Chris Mentor", role=Role.PEER_MENTOR)
    assert not screen.page.view.start_button.isVisible()
    assert screen.page.view.start_refused.isVisible()


# --- goals ----------------------------------------------------------------------------------------


def test_three_goals_in_both_voices_keep_whose_words_they_are(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    plans.start_plan(world.db, world.team.key_worker, world.person_id)
    screen = screens.open()
    page = screen.page

    screen.voice.set_voice(PERSON)
    dialog = write_goal(qtbot, page, "I want my kids to see me well", why="They matter most", area="")
    assert dialog.writing_as.badge.text() == "Dee's words"
    dialog.ui.lifeArea.setFocus()
    qtbot.keyClicks(dialog.ui.lifeArea, "Fam")  # choosing from the keyboard
    assert dialog.ui.lifeArea.currentData() == "family"
    qtbot.keyClicks(dialog.ui.targetDate, "01/06/2027")
    save_and_close(qtbot, page, dialog.ui.buttons)

    dialog = write_goal(qtbot, page, "A flat of my own")
    save_and_close(qtbot, page, dialog.ui.buttons)

    screen.voice.set_voice(STAFF)
    # The third goal from the keyboard alone: Ctrl+G on the page, Ctrl+Enter to save.
    screen.workspace.activateWindow()
    page.view.add_goal_button.setFocus()
    qtbot.waitUntil(page.view.add_goal_button.hasFocus)
    qtbot.keyClick(page.view.add_goal_button, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(page.editors.dialog, GoalEditorDialog))
    dialog = goal_dialog(page)
    assert dialog.writing_as.badge.text() == "Sam Keyworker (key worker)"
    qtbot.keyClicks(dialog.ui.wording, "Try a peer support group")
    dialog.ui.lifeArea.setCurrentIndex(dialog.ui.lifeArea.findData("mental_health"))
    activate(qtbot, dialog)
    qtbot.keyClick(dialog.ui.wording, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.editors.dialog is None)

    version = stored(world)
    assert [g.wording.body for g in version.goals] == [
        "I want my kids to see me well",
        "A flat of my own",
        "Try a peer support group",
    ]
    kinds = [g.wording.author.kind for g in version.goals]
    assert kinds == [AuthorKind.PERSON, AuthorKind.PERSON, AuthorKind.STAFF]
    first = version.goals[0]
    assert first.why is not None
    assert first.why.author.kind is AuthorKind.PERSON
    assert first.target_date == date(2027, 6, 1)
    assert version.goals[2].wording.author.name == "Sam Keyworker"

    # On screen: each text with whose words it is.
    assert [card.wording.text() for card in page.cards] == [g.wording.body for g in version.goals]
    assert [card.wording_badge.text() for card in page.cards] == [
        "Dee's words",
        "Dee's words",
        "Sam Keyworker (key worker)",
    ]
    why_badge = page.cards[0].why_badge
    assert why_badge is not None
    assert why_badge.text() == "Dee's words"
    assert "By 1 June 2027" in page.cards[0].facts.text()
    assert "Family and relationships" in page.cards[0].facts.text()


def test_the_voice_can_be_switched_inside_the_dialog(qtbot: QtBot, world: World, screens: Screens) -> None:
    plans.start_plan(world.db, world.team.key_worker, world.person_id)
    screen = screens.open()
    screen.voice.set_voice(PERSON)
    dialog = write_goal(qtbot, screen.page, "Get my driving licence")
    assert dialog.writing_as.badge.text() == "Dee's words"
    click(qtbot, dialog.ui.switchVoice)
    assert dialog.writing_as.badge.text() == "Sam Keyworker (key worker)"
    save_and_close(qtbot, screen.page, dialog.ui.buttons)
    assert stored(world).goals[0].wording.author.kind is AuthorKind.STAFF


def test_an_empty_goal_is_refused_beside_the_field_and_nothing_typed_is_lost(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    plans.start_plan(world.db, world.team.key_worker, world.person_id)
    screen = screens.open()
    page = screen.page
    dialog = write_goal(qtbot, page, "", why="So I feel safe", by="12/12/2027")

    click(qtbot, save_button(dialog.ui.buttons))

    assert page.editors.dialog is dialog
    assert dialog.isVisible()
    assert dialog.ui.wordingProblem.isVisible()
    assert dialog.ui.wordingProblem.text() == "Please write something here first."
    assert dialog.ui.wording.hasFocus()
    assert dialog.ui.why.toPlainText() == "So I feel safe"
    assert dialog.ui.targetDate.text() == "12/12/2027"
    assert dialog.ui.lifeArea.currentData() == "housing"
    assert stored(world).goals == []

    # A date it cannot read is refused beside the date, keeping the words.
    qtbot.keyClicks(dialog.ui.wording, "Somewhere safe to live")
    dialog.ui.targetDate.clear()
    qtbot.keyClicks(dialog.ui.targetDate, "next spring")
    click(qtbot, save_button(dialog.ui.buttons))
    assert not dialog.ui.wordingProblem.isVisible()
    assert dialog.ui.targetDateProblem.isVisible()
    assert "not a date" in dialog.ui.targetDateProblem.text()
    assert dialog.ui.wording.toPlainText() == "Somewhere safe to live"

    dialog.ui.targetDate.clear()
    save_and_close(qtbot, page, dialog.ui.buttons)
    assert [g.wording.body for g in stored(world).goals] == ["Somewhere safe to live"]


def test_editing_a_goal_keeps_the_author_of_words_left_unchanged(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    draft(world)
    screen = screens.open()
    page = screen.page
    screen.voice.set_voice(STAFF)
    click(qtbot, page.cards[0].edit)
    dialog = goal_dialog(page)
    assert dialog.ui.wording.toPlainText() == "See my kids"
    assert dialog.ui.lifeArea.currentData() == "family"
    dialog.ui.targetDate.clear()
    qtbot.keyClicks(dialog.ui.targetDate, "01/09/2027")
    qtbot.keyClicks(dialog.ui.wording, " every week")
    save_and_close(qtbot, page, dialog.ui.buttons)

    goal = stored(world).goals[0]
    assert goal.wording.body == "See my kids every week"
    assert goal.wording.author.kind is AuthorKind.STAFF  # rewritten now, in Sam's voice
    assert goal.why is not None
    assert goal.why.author.kind is AuthorKind.PERSON
    assert goal.target_date == date(2027, 9, 1)
    assert page.cards[0].wording.text() == "See my kids every week"
    assert screens.opened[0].workspace.focusWidget() is page.cards[0].edit  # the keyboard stays put


def test_removing_a_goal_asks_first_naming_the_goal(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    screen = screens.open()
    page = screen.page
    asked: list[str] = []

    answer_next_box(qtbot, "Keep it", asked)
    choose(page.cards[0].more, page.cards[0].remove)
    assert len(stored(world).goals) == 2
    assert asked == ["Remove the goal “See my kids”? Its 1 step will go too."]

    answer_next_box(qtbot, "Remove the goal", asked)
    choose(page.cards[0].more, page.cards[0].remove)
    assert [g.wording.body for g in stored(world).goals] == ["A flat of my own"]
    assert [card.wording.text() for card in page.cards] == ["A flat of my own"]


def test_moving_goals_up_and_down(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    page = screens.open().page
    assert not page.cards[0].move_up.isEnabled()
    assert not page.cards[1].move_down.isEnabled()
    choose(page.cards[1].more, page.cards[1].move_up)
    assert [g.wording.body for g in stored(world).goals] == ["A flat of my own", "See my kids"]
    assert [card.wording.text() for card in page.cards] == ["A flat of my own", "See my kids"]


def test_steps_and_goals_move_with_alt_arrows_and_keys_do_the_rest(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    _version_id, (kids, _flat) = draft(world)
    for what in ("Book the room", "Bring photos"):
        plans.add_step(world.db, world.team.key_worker, kids, StepInput(what, PERSON, StepOwner.PERSON))
    page = screens.open().page
    activate(qtbot, page.window())

    def steps() -> list[str]:
        goal = next(g for g in stored(world).goals if g.id == kids)
        return [s.what.body for s in goal.steps]

    def goals() -> list[str]:
        return [g.wording.body for g in stored(world).goals]

    row = page.cards[0].step_rows[2]
    row.done.setFocus()
    qtbot.keyClick(row.done, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert steps() == ["Ring the family centre", "Bring photos", "Book the room"]
    moved = page.cards[0].step_rows[1]
    assert moved.step.what.body == "Bring photos"
    assert moved.done.hasFocus()  # the keyboard goes with the step
    qtbot.keyClick(moved.done, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    first = page.cards[0].step_rows[0]
    assert steps() == ["Bring photos", "Ring the family centre", "Book the room"]
    assert first.done.hasFocus()
    # Alt+Up on the first step does nothing, and never moves the goal around it.
    qtbot.keyClick(first.done, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert steps() == ["Bring photos", "Ring the family centre", "Book the room"]
    assert goals() == ["See my kids", "A flat of my own"]
    assert first.done.hasFocus()

    # On the goal's own buttons, Alt+Down moves the goal; the keyboard stays on the same button.
    page.cards[0].add_step.setFocus()
    qtbot.keyClick(page.cards[0].add_step, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert goals() == ["A flat of my own", "See my kids"]
    assert page.cards[1].add_step.hasFocus()
    qtbot.keyClick(page.cards[1].add_step, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # last: stays
    assert goals() == ["A flat of my own", "See my kids"]

    # F2 changes the step the keyboard is on; Delete asks before removing it.
    row = page.cards[1].step_rows[0]
    row.done.setFocus()
    qtbot.keyClick(row.done, Qt.Key.Key_F2)
    dialog = step_dialog(page)
    assert dialog.ui.what.toPlainText() == "Bring photos"
    dialog.reject()
    qtbot.waitUntil(lambda: page.editors.dialog is None)
    asked: list[str] = []
    answer_next_box(qtbot, "Keep it", asked)
    activate(qtbot, page.window())
    row.done.setFocus()
    qtbot.keyClick(row.done, Qt.Key.Key_Delete)
    assert asked == ["Remove the step “Bring photos”?"]
    assert len(steps()) == 3


def test_each_step_has_one_menu_with_its_keys_also_on_right_click(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    draft(world)
    page = screens.open().page
    row = page.cards[0].step_rows[0]
    menu = row.more.menu()
    assert menu is not None
    listed = [(a.text(), a.shortcut().toString()) for a in menu.actions() if not a.isSeparator()]
    assert listed == [
        ("Change the step…", "F2"),
        ("Move up", "Alt+Up"),
        ("Move down", "Alt+Down"),
        ("I don't agree with this step…", ""),
        ("Remove the step…", "Del"),
    ]
    assert not row.move_up.isEnabled()  # the only step
    assert not row.move_down.isEnabled()
    goal_menu = page.cards[0].more.menu()
    assert goal_menu is not None
    assert [a.text() for a in goal_menu.actions() if not a.isSeparator()] == [
        "Move the goal up\tAlt+Up",
        "Move the goal down\tAlt+Down",
        "Remove the goal…",
    ]

    shown: list[list[str]] = []

    def read_and_close() -> None:
        popup = QApplication.activePopupWidget()
        if popup is None:
            QTimer.singleShot(10, read_and_close)
            return
        shown.append([a.text() for a in popup.actions() if not a.isSeparator()])
        popup.close()

    QTimer.singleShot(0, read_and_close)
    row.customContextMenuRequested.emit(QPoint(5, 5))  # what a right-click (or the menu key) does
    assert shown == [[text for text, _keys in listed]]


# --- steps ----------------------------------------------------------------------------------------


def test_steps_with_different_owners(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    screen = screens.open()
    page = screen.page

    def add(owner: StepOwner, what: str, detail: str = "", by: str = "") -> StepEditorDialog:
        click(qtbot, page.cards[1].add_step)
        dialog = step_dialog(page)
        qtbot.keyClicks(dialog.ui.what, what)
        dialog.owners[owner].click()
        qtbot.keyClicks(dialog.ui.ownerDetail, detail)
        qtbot.keyClicks(dialog.ui.dueDate, by)
        return dialog

    screen.voice.set_voice(PERSON)
    save_and_close(qtbot, page, add(StepOwner.PERSON, "Fill in the housing form", by="03/03/2027").ui.buttons)
    screen.voice.set_voice(STAFF)
    save_and_close(qtbot, page, add(StepOwner.WORKER, "Ask about a deposit").ui.buttons)
    save_and_close(qtbot, page, add(StepOwner.SERVICE, "Tenancy course", "Northside Housing").ui.buttons)

    # Someone else, but not who: refused beside that field, the words kept.
    dialog = add(StepOwner.SOMEONE_ELSE, "Be a reference")
    click(qtbot, save_button(dialog.ui.buttons))
    assert dialog.ui.ownerDetailProblem.isVisible()
    assert dialog.ui.what.toPlainText() == "Be a reference"
    qtbot.keyClicks(dialog.ui.ownerDetail, "My sister Jo")
    save_and_close(qtbot, page, dialog.ui.buttons)

    steps = stored(world).goals[1].steps
    assert [(s.what.body, s.owner, s.owner_detail) for s in steps] == [
        ("Fill in the housing form", "person", None),
        ("Ask about a deposit", "worker", None),
        ("Tenancy course", "service", "Northside Housing"),
        ("Be a reference", "someone_else", "My sister Jo"),
    ]
    assert [s.what.author.kind for s in steps] == [AuthorKind.PERSON] + [AuthorKind.STAFF] * 3
    assert steps[0].due_date == date(2027, 3, 3)
    rows = page.cards[1].step_rows
    assert [row.meta.text() for row in rows] == [
        "Who: me   ·   By 3 March 2027",
        "Who: my worker",
        "Who: a service (Northside Housing)",
        "Who: someone else (My sister Jo)",
    ]
    assert [row.badge.text() for row in rows] == ["Dee's words"] + ["Sam Keyworker (key worker)"] * 3


def test_editing_and_removing_a_step(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    page = screens.open().page
    choose(page.cards[0].step_rows[0].more, page.cards[0].step_rows[0].edit)
    dialog = step_dialog(page)
    assert dialog.owner is StepOwner.WORKER
    dialog.ui.what.clear()
    qtbot.keyClicks(dialog.ui.what, "Ring the family centre on Monday")
    save_and_close(qtbot, page, dialog.ui.buttons)
    assert stored(world).goals[0].steps[0].what.body == "Ring the family centre on Monday"

    asked: list[str] = []
    answer_next_box(qtbot, "Remove the step", asked)
    choose(page.cards[0].step_rows[0].more, page.cards[0].step_rows[0].remove)
    assert asked == ["Remove the step “Ring the family centre on Monday”?"]
    assert stored(world).goals[0].steps == []
    assert page.cards[0].step_rows == []


def test_ticking_a_step_done_and_saying_how_a_goal_is_going(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    draft(world)
    page = screens.open().page
    saved: list[str] = []
    page.saved.connect(saved.append)
    click(qtbot, page.cards[0].step_rows[0].done)
    assert stored(world).goals[0].steps[0].done is True
    assert page.cards[0].step_rows[0].done.isChecked()
    combo = page.cards[0].status
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("under_way"))
    combo.activated.emit(combo.currentIndex())
    assert stored(world).goals[0].status == GoalStatus.UNDER_WAY
    assert saved == ["Step ticked off", "Goal marked: working on it"]


# --- "I don't agree" ------------------------------------------------------------------------------


def test_a_disagreement_is_shown_beside_its_goal_with_its_author(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    draft(world)
    screen = screens.open()
    page = screen.page
    screen.voice.set_voice(PERSON)
    click(qtbot, page.cards[1].disagree)
    dialog = page.editors.dialog
    assert isinstance(dialog, DisagreementDialog)
    assert dialog.writing_as.badge.text() == "Dee's words"
    qtbot.keyClicks(dialog.note, "Not a hostel. <b>A flat</b>.")
    save_and_close(qtbot, page, dialog.buttons)

    notes = stored(world).disagreements
    assert len(notes) == 1
    assert notes[0].goal_id == page.cards[1].goal.id
    assert notes[0].note.author.kind is AuthorKind.PERSON
    assert page.cards[0].notes == []
    [shown] = page.cards[1].notes
    assert isinstance(shown, NoteView)
    assert shown.text.text() == "Not a hostel. <b>A flat</b>."  # plain words, never markup
    assert shown.text.textFormat() == Qt.TextFormat.PlainText
    assert shown.badge.text() == "Dee's words"


def test_disagreements_on_a_step_and_on_the_whole_plan(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    screen = screens.open()
    page = screen.page
    screen.voice.set_voice(STAFF)
    choose(page.cards[0].step_rows[0].more, page.cards[0].step_rows[0].disagree)
    dialog = page.editors.dialog
    assert isinstance(dialog, DisagreementDialog)
    click(qtbot, save_button(dialog.buttons))  # nothing written yet: refused beside the box
    assert dialog.note_problem.isVisible()
    qtbot.keyClicks(dialog.note, "I think Dee should ring, not me")
    save_and_close(qtbot, page, dialog.buttons)
    [row_note] = page.cards[0].step_rows[0].notes
    assert row_note.badge.text() == "Sam Keyworker (key worker)"

    screen.voice.set_voice(PERSON)
    click(qtbot, page.view.disagree_plan_button)
    dialog = page.editors.dialog
    assert isinstance(dialog, DisagreementDialog)
    qtbot.keyClicks(dialog.note, "It is too much at once")
    save_and_close(qtbot, page, dialog.buttons)
    plan_notes = page.view.goals_widget.findChildren(NoteView)
    assert any(n.note.goal_id is None and n.note.step_id is None for n in plan_notes)
    kinds = {(d.step_id is not None, d.note.author.kind) for d in stored(world).disagreements}
    assert kinds == {(True, AuthorKind.STAFF), (False, AuthorKind.PERSON)}


# --- a signed version -----------------------------------------------------------------------------


def test_a_signed_version_hides_editing_but_progress_still_works(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    version_id, _goals = draft(world)
    sign_both(world, version_id)
    page = screens.open().page

    assert page.view.version_label.text() == "Version 1 – signed, waiting for approval"
    assert page.view.frozen_note.isVisible()
    assert "start a new version" in page.view.frozen_note.text()
    assert not page.view.add_goal_action.isEnabled()
    assert not page.view.add_goal_button.isVisible()
    assert not page.view.disagree_plan_button.isVisible()
    card = page.cards[0]
    for widget in (card.add_step, card.edit, card.remove, card.move_down, card.disagree, card.more):
        assert not widget.isVisible()
    row = card.step_rows[0]
    assert not row.more.isVisible()
    for action in row.actions_in_menu:
        assert not action.isEnabled()

    # Ctrl+G does nothing here.
    page.view.add_goal_action.trigger()
    assert page.editors.dialog is None

    click(qtbot, row.done)
    assert stored(world).goals[0].steps[0].done is True
    assert page.cards[0].step_rows[0].done.isChecked()
    assert card.status.isEnabled()


def test_start_a_new_version_from_a_signed_one(qtbot: QtBot, world: World, screens: Screens) -> None:
    version_id, _goals = draft(world)
    sign_both(world, version_id)
    signing.approve_plan(world.db, world.team.manager, version_id)
    plans.activate_plan(world.db, world.team.key_worker, version_id)
    page = screens.open().page
    assert page.view.version_label.text() == "Version 1 – in action"
    click(qtbot, page.view.revise_button)
    assert page.version is not None
    assert page.version.number == 2
    assert page.view.version_label.text() == "Version 2 – being written"
    assert page.view.add_goal_button.isVisible()
    assert [card.wording.text() for card in page.cards] == ["See my kids", "A flat of my own"]


def test_a_peer_mentor_writes_goals_but_does_not_record_progress(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    draft(world)
    page = screens.open(actor=world.team.peer_mentor, name="Chris Mentor", role=Role.PEER_MENTOR).page
    assert page.view.add_goal_button.isVisible()
    assert page.cards[0].edit.isVisible()
    assert not page.cards[0].step_rows[0].done.isEnabled()
    assert not page.cards[0].status.isEnabled()


# --- two workstations -----------------------------------------------------------------------------


def test_a_change_from_another_workstation_offers_a_reload_and_keeps_what_was_typed(
    qtbot: QtBot, world: World, screens: Screens, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_id, _goals = draft(world)
    page = screens.open().page
    asked: list[str] = []

    def warning(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    dialog = write_goal(qtbot, page, "Get back to work")
    # Meanwhile Priya, at another desk, adds a goal to the same plan.
    plans.add_goal(
        world.db, world.team.manager, version_id, GoalInput("Keep my methadone steady", STAFF, "drugs")
    )

    click(qtbot, save_button(dialog.ui.buttons))

    assert len(asked) == 1
    assert "Someone else saved changes" in asked[0]
    # Reloaded: Priya's goal is on screen; the dialog is still open with what was typed.
    assert [card.wording.text() for card in page.cards] == [
        "See my kids",
        "A flat of my own",
        "Keep my methadone steady",
    ]
    assert page.editors.dialog is dialog
    assert dialog.ui.wording.toPlainText() == "Get back to work"
    assert "Someone else saved changes" in dialog.problems.text()

    save_and_close(qtbot, page, dialog.ui.buttons)
    assert [g.wording.body for g in stored(world).goals][-2:] == [
        "Keep my methadone steady",
        "Get back to work",
    ]


def test_a_conflict_on_a_tick_puts_the_tick_back(
    qtbot: QtBot, world: World, screens: Screens, monkeypatch: pytest.MonkeyPatch
) -> None:
    version_id, _goals = draft(world)
    page = screens.open().page
    answers: list[QMessageBox.StandardButton] = []

    def warning(*_args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        answers.append(QMessageBox.StandardButton.No)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", warning)
    plans.add_goal(world.db, world.team.manager, version_id, GoalInput("Something else", STAFF, "drugs"))
    row = page.cards[0].step_rows[0]
    click(qtbot, row.done)
    assert answers == [QMessageBox.StandardButton.No]
    assert not row.done.isChecked()
    assert stored(world).goals[0].steps[0].done is False


def test_screenshot_of_three_goals_with_a_disagreement(
    qtbot: QtBot, world: World, screens: Screens, tmp_path: Path
) -> None:
    version_id, _goals = draft(world)
    g3 = plans.add_goal(
        world.db,
        world.team.key_worker,
        version_id,
        GoalInput("Try group work", STAFF, "mental_health", "It helps", STAFF),
    )
    plans.record_disagreement(
        world.db, world.team.key_worker, version_id, "I don't want group work", PERSON, goal_id=g3
    )
    screen = screens.open()
    screen.workspace.resize(1000, 700)
    image = screen.workspace.grab()
    assert not image.isNull()
    assert image.width() >= 1000
    assert image.save(str(tmp_path / "plan_page.png"))
    assert len(screen.page.cards) == 3
    assert len(screen.page.cards[2].notes) == 1


def test_tab_goes_through_a_goal_from_top_to_bottom(qtbot: QtBot, world: World, screens: Screens) -> None:
    draft(world)
    page = screens.open().page
    card = page.cards[0]
    row = card.step_rows[0]
    chain: list[QWidget] = []
    widget: QWidget | None = card.status
    while widget is not None and widget is not card.more and len(chain) < 50:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
        widget = widget.nextInFocusChain()
    expected = [card.status, row.done, row.more, card.add_step, card.edit, card.disagree]
    assert [w for w in chain if w in expected] == expected
    # Every control says what it is about, for a screen reader.
    assert row.done.accessibleName() == "Done: Ring the family centre"
    assert card.disagree.accessibleName() == "I don't agree with the goal: See my kids"
    assert row.more.accessibleName() == "More for the step: Ring the family centre"
    assert card.more.accessibleName() == "More for the goal: See my kids"
