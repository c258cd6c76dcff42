"""Reviews: a review held end to end from the keyboard, with Dee and her key worker at one screen,
switching who is speaking; the person's score never changed by the worker; refusals beside the
field."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewOutcome, ReviewTopic, Role
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.wording.reviews import NOT_THE_SAME
from careplan.gui.dialogs.review_dialogs import BringForwardDialog, ConfirmReviewDialog, ScoresDialog
from careplan.gui.dialogs.staying_safe_dialogs import StayingSafeWordsDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.reviews_page import ReviewsPage
from careplan.gui.workspace.reviews_view import SaidBlock
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services.review_view import HeldReview, reviews_in_full
from careplan.services.reviews_holding import PERSON_SCORE_KEPT
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.gui.test_plan_page import activate
from tests.gui.test_staying_safe_page import focus, key, keys
from tests.services.review_worlds import approved_world
from tests.worlds import World


@dataclass
class Screen:
    workspace: PersonWorkspace
    page: ReviewsPage
    voice: VoiceSwitch
    saved: list[str]


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """The team; Dee with her plan approved, so five reviews are booked."""
    return approved_world(sqlite_db)


def open_screen(qtbot: QtBot, world: World) -> Screen:
    context = SignedInStaff(world.db, world.team.key_worker, "Sam Keyworker", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Keyworker", Role.KEY_WORKER.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    page = ReviewsPage(context, voice, workspace)
    workspace.add_page(page)
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    workspace.resize(1300, 760)
    workspace.open_person(world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    workspace.tabs.setCurrentWidget(page)
    workspace.show()
    qtbot.waitExposed(workspace)
    saved: list[str] = []
    page.saved.connect(saved.append)
    return Screen(workspace, page, voice, saved)


def held_review(world: World) -> HeldReview:
    return reviews_in_full(world.db, world.team.key_worker, world.plan_id).held[0]


def press(qtbot: QtBot, page: ReviewsPage, name: str) -> QWidget:
    """Space on the page's button called ``name``; the dialog it opens, active."""
    assert page.held is not None
    button = page.held.findChild(QPushButton, name) or page.findChild(QPushButton, name)
    assert button is not None
    assert button.isVisible()
    focus(qtbot, button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert page.dialog is not None
    activate(qtbot, page.dialog)
    return page.dialog


def save_by_keys(qtbot: QtBot, page: ReviewsPage) -> None:
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is None)


def speaking(screen: Screen, staff: bool) -> None:
    """Who is speaking (the main window's F4; a dialog's F4 is pressed where the test is about it)."""
    screen.voice.set_voice(STAFF if staff else PERSON)


def write_note(qtbot: QtBot, page: ReviewsPage, topic: ReviewTopic, text: str) -> None:
    dialog = press(qtbot, page, f"note_{topic.value}")
    assert isinstance(dialog, StayingSafeWordsDialog)
    keys(qtbot, text)
    save_by_keys(qtbot, page)


def give_scores(qtbot: QtBot, page: ReviewsPage, values: list[str]) -> ScoresDialog:
    """Type a score into each of the first boxes (Tab between them); the dialog, not saved yet."""
    dialog = press(qtbot, page, "giveScores")
    assert isinstance(dialog, ScoresDialog)
    for value in values:
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        keys(qtbot, value)
        key(qtbot, Qt.Key.Key_Tab)
    return dialog


def test_holding_a_review_end_to_end_by_keyboard(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    assert page.view.next.when.text().startswith(("Due", "Overdue", "Next review"))
    assert page.held is None

    focus(qtbot, page.view.next.hold)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.held is not None)
    assert page.held is not None
    assert not page.view.next.hold.isVisible()

    # Notes in both voices on one topic.
    speaking(screen, staff=False)
    write_note(qtbot, page, ReviewTopic.WORKING, "Seeing the kids on Saturdays")
    # Sam's note on the same topic: F4 in the dialog, and Dee's words make way for Sam's (none yet).
    dialog = press(qtbot, page, f"note_{ReviewTopic.WORKING.value}")
    assert isinstance(dialog, StayingSafeWordsDialog)
    assert dialog.ui.words.toPlainText() == "Seeing the kids on Saturdays"
    key(qtbot, Qt.Key.Key_F4)
    assert screen.voice.voice == STAFF
    assert dialog.ui.words.toPlainText() == ""
    keys(qtbot, "Dee has kept every appointment")
    save_by_keys(qtbot, page)
    held = held_review(world)
    working = next(n for n in held.notes if n.topic is ReviewTopic.WORKING)
    assert working.person is not None
    assert working.staff is not None
    assert working.person.body == "Seeing the kids on Saturdays"
    assert working.person.whose == "Dee's words"
    assert working.staff.body == "Dee has kept every appointment"
    card = page.held
    assert card is not None
    for name, body, whose in (
        ("workingPerson", "Seeing the kids on Saturdays", "Dee's words"),
        ("workingStaff", "Dee has kept every appointment", "Sam Keyworker (key worker)"),
    ):
        label = card.findChild(QLabel, name)
        assert label is not None
        block = label.parent()
        assert isinstance(block, SaidBlock)
        assert (label.text(), block.badge.text()) == (body, whose)

    # A goal's progress, with a note in Dee's words.
    speaking(screen, staff=False)
    goal_key, _words = held.plan_goals[0]
    dialog = press(qtbot, page, f"goalGoing_{goal_key}")
    assert isinstance(dialog, StayingSafeWordsDialog)
    key(qtbot, Qt.Key.Key_Space)  # the first choice ("done")
    key(qtbot, Qt.Key.Key_Down)  # then "going well"
    assert dialog.choice() == GoalGoing.GOING_WELL.value
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Two weeks without a drink")
    save_by_keys(qtbot, page)
    goal = held_review(world).goals[0]
    assert goal.going is GoalGoing.GOING_WELL
    assert goal.note is not None
    assert goal.note.voice is AuthorKind.PERSON

    # Scores: Dee's first, then Sam's beside them.
    give_scores(qtbot, page, ["7", "4"])
    save_by_keys(qtbot, page)
    speaking(screen, staff=True)
    give_scores(qtbot, page, ["5", "4"])
    save_by_keys(qtbot, page)
    rows = held_review(world).scores[0].rows
    assert [(r.person, r.worker) for r in rows[:2]] == [(7, 5), (4, 4)]
    assert rows[0].not_the_same == NOT_THE_SAME
    assert rows[1].not_the_same is None
    card = page.held
    assert card is not None
    differ = card.findChild(QLabel, f"differ_{rows[0].item}")
    assert differ is not None
    assert differ.text() == NOT_THE_SAME

    # End by carrying on.
    dialog = press(qtbot, page, "endReview")
    assert isinstance(dialog, StayingSafeWordsDialog)
    assert dialog.checked_button() is None
    key(qtbot, Qt.Key.Key_Space)  # the first choice: carry on
    assert dialog.choice() == ReviewOutcome.CARRY_ON.value
    save_by_keys(qtbot, page)
    assert held_review(world).outcome is ReviewOutcome.CARRY_ON

    # Dee confirms by typing her name; without the tick, the refusal is beside the box.
    dialog = press(qtbot, page, "confirmReview")
    assert isinstance(dialog, ConfirmReviewDialog)
    assert dialog.ui.typedName.hasFocus()
    keys(qtbot, "Dee")
    dialog.ui.confirmButton.setFocus()
    qtbot.waitUntil(dialog.ui.confirmButton.hasFocus)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(dialog.ui.confirmedProblem.isVisible)
    assert "tick" in dialog.ui.confirmedProblem.text()
    assert dialog.ui.confirmed.hasFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert dialog.ui.confirmed.isChecked()
    dialog.ui.confirmButton.setFocus()
    qtbot.waitUntil(dialog.ui.confirmButton.hasFocus)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert held_review(world).confirmed_by == "Dee"
    # Nothing left to hold: the next review can be held, and the last one is there to read.
    assert page.view.next.hold.isVisible()
    card = page.held
    assert card is not None
    assert not any(b.isVisible() for b in card.findChildren(QPushButton))
    confirmed = card.findChild(QLabel, "reviewConfirmed")
    assert confirmed is not None
    assert confirmed.text().startswith("Dee confirmed this review on ")
    assert "The review is confirmed" in screen.saved


def test_the_worker_never_changes_the_person_s_score(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    focus(qtbot, page.view.next.hold)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.held is not None)
    speaking(screen, staff=False)
    give_scores(qtbot, page, ["7"])
    save_by_keys(qtbot, page)

    # Sam, typing in Dee's voice again, tries to change her 7: refused beside the scores.
    dialog = give_scores(qtbot, page, ["3"])
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.ui.scoresProblem.isVisible)
    assert dialog.ui.scoresProblem.text() == PERSON_SCORE_KEPT
    assert page.dialog is dialog  # still open, as typed

    # Switching to Sam's voice in the dialog starts from Sam's own (none) scores: his go beside hers.
    key(qtbot, Qt.Key.Key_F4)
    assert screen.voice.voice == STAFF
    first = next(iter(dialog.boxes.values()))
    assert first.value() == first.minimum()  # "not scored"
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, "3")
    save_by_keys(qtbot, page)
    row = held_review(world).scores[0].rows[0]
    assert (row.person, row.worker) == (7, 3)
    assert held_review(world).scores[0].measure == LIFE_AREAS


def test_closing_the_plan_without_a_reason_is_refused_beside_the_reason(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    focus(qtbot, page.view.next.hold)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.held is not None)
    dialog = press(qtbot, page, "endReview")
    assert isinstance(dialog, StayingSafeWordsDialog)
    key(qtbot, Qt.Key.Key_Space)  # carry on
    key(qtbot, Qt.Key.Key_Down)  # change the plan
    key(qtbot, Qt.Key.Key_Down)  # close the plan
    assert dialog.choice() == ReviewOutcome.CLOSE_PLAN.value
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.ui.wordsProblem.isVisible)
    assert dialog.ui.wordsProblem.text() == "Please say why the plan is closing."
    assert dialog.ui.words.hasFocus()
    assert page.dialog is dialog
    assert held_review(world).outcome is None

    # Without a choice at all, the refusal is beside the choices.
    dialog.choice_group.setExclusive(False)
    for radio in dialog.choice_buttons.values():
        radio.setChecked(False)
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.ui.choicesProblem.isVisible)
    assert dialog.ui.choicesProblem.text() == "Please choose how the review ends."


def test_bringing_the_next_review_forward_by_keyboard(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    before = page.view.next.when.text()
    forward = page.view.next.forward
    focus(qtbot, forward)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is not None)
    dialog = page.dialog
    assert isinstance(dialog, BringForwardDialog)
    activate(qtbot, dialog)
    assert dialog.ui.newDue.hasFocus()
    # No reason yet: refused beside the reason, nothing changed.
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.ui.reasonProblem.isVisible)
    assert dialog.ui.reason.hasFocus()
    keys(qtbot, "Dee has lost her place at the hostel")
    save_by_keys(qtbot, page)
    coming = reviews_in_full(world.db, world.team.key_worker, world.plan_id).next_review
    assert coming is not None
    assert coming.forward_reason is not None
    assert coming.forward_reason.voice is AuthorKind.STAFF
    assert coming.due_date == coming.timing.today
    assert page.view.next.when.text() == "Due today" != before
    label = page.findChild(QLabel, "nextForward")
    assert label is not None
    assert label.text() == "Dee has lost her place at the hostel"


def test_a_peer_mentor_holds_a_review_but_does_not_end_it(qtbot: QtBot, world: World) -> None:
    context = SignedInStaff(world.db, world.team.peer_mentor, "Chris Peer", Role.PEER_MENTOR)
    voice = VoiceSwitch("Chris Peer", Role.PEER_MENTOR.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    page = ReviewsPage(context, voice, workspace)
    workspace.add_page(page)
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    workspace.open_person(world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    workspace.tabs.setCurrentWidget(page)
    workspace.show()
    qtbot.waitExposed(workspace)
    assert not page.view.next.forward.isVisible()
    focus(qtbot, page.view.next.hold)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.held is not None)
    card = page.held
    assert card is not None
    assert card.score_buttons[LIFE_AREAS].isVisible()
    assert card.note_buttons[ReviewTopic.WORKING].isVisible()
    assert not card.end.isVisible()
