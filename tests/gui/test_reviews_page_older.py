"""Reviews: any review held before is chosen from a list and read in full, with nothing to change
in it; and ending a review by changing the plan goes to the new draft on the My plan page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import GoalGoing, ReviewOutcome, ReviewTopic, Role, SignatureMethod
from careplan.domain.measures import LIFE_AREAS
from careplan.gui.dialogs.staying_safe_dialogs import StayingSafeWordsDialog
from careplan.gui.widgets.progress_view import ProgressView
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.plan_page import PlanPage
from careplan.gui.workspace.registry import PAGES
from careplan.gui.workspace.reviews_controller import new_draft_words
from careplan.gui.workspace.reviews_page import ReviewsPage
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import reviews_ending, reviews_holding
from careplan.services.reviews_ending import Confirmation
from careplan.services.signed_in import SignedInStaff
from tests.gui.test_reviews_page import held_review, open_screen, press, save_by_keys, world
from tests.gui.test_staying_safe_page import focus, key
from tests.services.review_worlds import booked, goal_keys, held
from tests.worlds import World

__all__ = ["world"]  # the fixture, shared with tests/gui/test_reviews_page.py


def a_review_held_ended_and_confirmed(w: World) -> int:
    """Dee's first review: both voices on what is working, a goal done, scores apart, carried on
    and confirmed by her typed name."""
    kw = w.team.key_worker
    review_id = held(w)
    reviews_holding.write_review_note(
        w.db, kw, review_id, ReviewTopic.WORKING, STAFF, "Every appointment kept"
    )
    reviews_holding.set_goal_going(w.db, kw, review_id, goal_keys(w)[0], GoalGoing.DONE, "Did it", PERSON)
    reviews_holding.give_scores(w.db, kw, review_id, LIFE_AREAS, {"family": 8}, PERSON)
    reviews_holding.give_scores(w.db, kw, review_id, LIFE_AREAS, {"family": 6}, STAFF)
    reviews_ending.end_review(w.db, kw, review_id, ReviewOutcome.CARRY_ON)
    confirmation = Confirmation(SignatureMethod.TYPED, typed_name="Dee", confirmed=True)
    reviews_ending.confirm_review(w.db, kw, review_id, confirmation)
    return review_id


def test_an_older_review_is_chosen_and_read_in_full(qtbot: QtBot, world: World) -> None:
    first = a_review_held_ended_and_confirmed(world)
    second = booked(world)[0]
    reviews_holding.write_review_note(
        world.db, world.team.key_worker, second, ReviewTopic.WORKING, PERSON, "Back at the allotment"
    )
    screen = open_screen(qtbot, world)
    page = screen.page
    choice = page.view.held_choice
    assert page.view.held_choice_row.isVisible()
    assert choice.count() == 2
    assert choice.itemText(0).startswith("Held on ")
    assert choice.itemText(0).endswith(" (being held now)")
    assert choice.itemText(1).startswith("Held on ")
    assert page.held is not None
    assert page.held.review.review_id == second
    assert page.held.note_buttons[ReviewTopic.WORKING].isVisible()
    # The page was filled before the window showed: how things have changed shows with it.
    assert isinstance(page.progress_view, ProgressView)
    assert page.progress_view.isVisible()

    # The older one, from the keyboard: every part of it there to read, nothing to press.
    focus(qtbot, choice)
    key(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: page.held is not None and page.held.review.review_id == first)
    card = page.held
    assert card is not None
    texts = {
        name: label.text()
        for name in (
            "workingPerson",
            "workingStaff",
            "going_" + goal_keys(world)[0],
            "goalNote_" + goal_keys(world)[0],
            "personScore_family",
            "workerScore_family",
            "differ_family",
            "reviewEnded",
            "reviewConfirmed",
            "heldBy",
        )
        if (label := card.findChild(QLabel, name)) is not None
    }
    assert texts["workingPerson"] == "Seeing the kids on Saturdays"
    assert texts["workingStaff"] == "Every appointment kept"
    assert texts["going_" + goal_keys(world)[0]] == "Done"
    assert (texts["personScore_family"], texts["workerScore_family"]) == ("8", "6")
    assert texts["differ_family"] == "We don't see this the same way"
    assert texts["reviewEnded"] == "This review ended: carry on with the plan as it is."
    assert texts["reviewConfirmed"].startswith("Dee confirmed this review on ")
    assert texts["heldBy"] == "Held by Sam Keyworker (key worker)."
    assert not any(b.isVisible() for b in card.findChildren(QPushButton))

    # Back to the one being held: its buttons again.
    key(qtbot, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: page.held is not None and page.held.review.review_id == second)
    assert page.held is not None
    assert page.held.note_buttons[ReviewTopic.WORKING].isVisible()


def test_with_one_review_held_there_is_no_list_to_choose_from(qtbot: QtBot, world: World) -> None:
    held(world)
    page = open_screen(qtbot, world).page
    assert page.held is not None
    assert not page.view.held_choice_row.isVisible()


def test_changing_the_plan_at_the_end_of_a_review_goes_to_the_new_draft(qtbot: QtBot, world: World) -> None:
    review_id = held(world)
    context = SignedInStaff(world.db, world.team.key_worker, "Sam Keyworker", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Keyworker", Role.KEY_WORKER.label)
    workspace = PersonWorkspace(context, voice, PAGES)
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    workspace.resize(1300, 760)
    workspace.open_person(world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    page = workspace.page(ReviewsPage)
    plan = workspace.page(PlanPage)
    workspace.show_page(page)
    workspace.show()
    qtbot.waitExposed(workspace)
    said: list[str] = []
    workspace.saved.connect(said.append)
    assert workspace.version is not None
    assert workspace.version.id == world.version_id

    dialog = press(qtbot, page, "endReview")
    assert isinstance(dialog, StayingSafeWordsDialog)
    key(qtbot, Qt.Key.Key_Space)  # carry on
    key(qtbot, Qt.Key.Key_Down)  # change the plan
    assert dialog.choice() == ReviewOutcome.CHANGE_PLAN.value
    save_by_keys(qtbot, page)

    new_version = held_review(world).new_version_id
    assert new_version is not None
    qtbot.waitUntil(lambda: workspace.tabs.currentWidget() is plan)
    assert workspace.version is not None
    assert workspace.version.id == new_version
    assert said[-1] == new_draft_words("Dee")
    assert said[-1].startswith("The review has ended and a new draft of the plan has started from it")
    assert held_review(world).review_id == review_id
