"""Reviews: the plan's reviews, held with the person at the screen.

The page reads ``careplan.services.review_view`` (who may hold reviews) or
``careplan.services.plan_reviews`` (the dates alone, for anyone else who may open the record), and
``careplan.services.progress`` for how things have changed. It shows the review being held (else
the latest), and any review held before it, chosen from a list, in full. What its buttons do is
the controller's (gui/workspace/reviews_controller.py): each change through its use case, in the
voice of whoever is speaking (F4 switches), every text showing whose words it is.
"""

from __future__ import annotations

import contextlib
from functools import partial

from PySide6.QtCore import QSignalBlocker, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from careplan.domain.permissions import Action
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.dates import day_and_date, long_date
from careplan.domain.wording.reviews import review_kind_words
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.theme import set_style_property
from careplan.gui.widgets.progress_view import ProgressView
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_controls import words
from careplan.gui.workspace.reviews_controller import ReviewsController
from careplan.gui.workspace.reviews_view import HeldCard, ReviewsLayout
from careplan.services import plan_reviews, progress, review_view
from careplan.services.plan_reviews import BookedReview
from careplan.services.review_view import HeldReview, ReviewsInFull
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView


def _date_line(review: BookedReview) -> str:
    """ "Review, Thursday 4 March 2027", then "due in 5 days", "overdue by 3 days", "held on ..."."""
    line = f"{review_kind_words(review.kind)}, {day_and_date(review.due_date)}"
    if review.state is ReviewState.BOOKED:
        return line
    said = review.words
    return f"{line}: {said[0].lower()}{said[1:]}"


def held_choice_words(review: HeldReview, open_review: HeldReview | None, latest: bool) -> str:
    """How a held review is named in the list to choose from."""
    line = f"Held on {long_date(review.held_on)}"
    if review is open_review:
        return f"{line} (being held now)"
    return f"{line} (the latest)" if latest else line


class ReviewsPage(WorkspacePage):
    """The next review (due or overdue, in words), the review being held or any held before, how
    things have changed, and every review of the plan."""

    title = "Reviews"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.view = ReviewsLayout(self)
        self.person: PersonView | None = None
        self.plan_id: int | None = None
        self.full: ReviewsInFull | None = None
        self.held: HeldCard | None = None
        self.progress_view: QWidget | None = None
        self.feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        self.controller = ReviewsController(self)
        self.view.next.hold.clicked.connect(self.controller.hold)
        self.view.next.ask.clicked.connect(self.controller.ask)
        self.view.next.forward.clicked.connect(self.controller.bring_forward)
        self.view.held_choice.currentIndexChanged.connect(self._held_chosen)

    @property
    def may_hold(self) -> bool:
        return self.context.may(Action.RECORD_REVIEW)

    @property
    def dialog(self) -> FormDialog | None:
        """The dialog open on this page, if any (one at a time)."""
        return self.controller.dialog

    def has_unsaved(self) -> bool:
        return self.dialog is not None and self.dialog.has_unsaved_words()

    @property
    def open_review(self) -> HeldReview | None:
        """The review being held: not ended yet, or ended and not confirmed yet."""
        if self.full is None:
            return None
        return next((h for h in self.full.held if h.outcome is None or h.confirmed_by is None), None)

    # showing ------------------------------------------------------------------------------------

    def show_version(self, person: PersonView, version: VersionView | None) -> None:
        self.person = person
        self.plan_id = version.plan_id if version is not None else None
        name = person.preferred_name
        view = self.view
        view.intro.setText(
            f"Looking at the plan together: what is working for {name}, what is not, and what has changed."
        )
        self.full = None
        if version is not None and self.may_hold:
            self.full = review_view.reviews_in_full(self.context.db, self.context.actor, version.plan_id)
        booked = (
            plan_reviews.plan_reviews(self.context.db, self.context.actor, version.plan_id)
            if version is not None
            else None
        )
        has_reviews = booked is not None and bool(booked.in_order)
        view.no_plan.setVisible(not has_reviews)
        view.scroll.setVisible(has_reviews)
        if booked is None or not has_reviews:
            return
        view.dates.setText("\n".join(_date_line(r) for r in booked.in_order))
        coming = self.full.next_review if self.full is not None else None
        view.next.show_review(coming)
        if self.full is None and booked.next is not None:
            view.next.when.setText(booked.next.words)
            view.next.sentence.setText(booked.next.sentence)
        view.next.ask.setText(f"{name} asks for a review")
        view.next.ask.setAccessibleName(f"{name} asks for a review")
        view.next.ask.setVisible(self.context.may(Action.ASK_FOR_REVIEW))
        current = self.open_review
        view.next.hold.setVisible(self.may_hold and coming is not None and current is None)
        view.next.forward.setVisible(coming is not None and self.context.may(Action.BRING_REVIEW_FORWARD))
        self._fill_held_choice(current)
        self._show_progress(name)
        self._restore_focus()

    def _fill_held_choice(self, current: HeldReview | None) -> None:
        """The held reviews to choose from: the one being held first chosen, else the latest."""
        choice = self.view.held_choice
        held = self.full.held if self.full is not None else ()
        quiet = QSignalBlocker(choice)
        choice.clear()
        for number, review in enumerate(held):
            choice.addItem(held_choice_words(review, current, number == 0), review.review_id)
        shown = current or (held[0] if held else None)
        if shown is not None:
            choice.setCurrentIndex(choice.findData(shown.review_id))
        quiet.unblock()
        self.view.held_choice_row.setVisible(len(held) > 1)
        self._show_held(shown)

    def _held_chosen(self, index: int) -> None:
        if self.full is None or index < 0:
            return
        wanted = self.view.held_choice.itemData(index)
        self._show_held(next((h for h in self.full.held if h.review_id == wanted), None))

    def show_held(self, review_id: int) -> None:
        """Choose a held review to read, as the list on the page does."""
        choice = self.view.held_choice
        choice.setCurrentIndex(choice.findData(review_id))

    def _show_held(self, review: HeldReview | None) -> None:
        if self.held is not None:
            self.held.hide()
            self.held.deleteLater()
            self.held = None
        if review is None or self.person is None:
            return
        is_open = review is self.open_review
        card = HeldCard(self.view.inner, review, self.person.preferred_name, is_open=is_open)
        controller = self.controller
        for topic, write in card.note_buttons.items():
            write.clicked.connect(partial(controller.write_note, topic))
        for key, change in card.goal_buttons.items():
            change.clicked.connect(partial(controller.goal_going, key))
        for code, scores in card.score_buttons.items():
            scores.clicked.connect(partial(controller.give_scores, code))
        card.end.clicked.connect(controller.end)
        card.confirm.clicked.connect(controller.confirm)
        if not self.context.may(Action.END_REVIEW):  # peer mentors hold reviews; a key worker ends them
            card.end.hide()
        self.view.held_place.addWidget(card)
        card.show()  # added to a page already shown
        self.held = card

    def _show_progress(self, name: str) -> None:
        card = self.view.progress
        if self.progress_view is not None:
            self.progress_view.hide()
            self.progress_view.deleteLater()
            self.progress_view = None
        if not self.may_hold or self.plan_id is None:
            card.hide()
            return
        card.show()
        facts = progress.progress_of(self.context.db, self.context.actor, self.plan_id)
        shown: QWidget
        if facts.review_days:
            shown = ProgressView(facts, name, "Worker", card)
            shown.setMinimumHeight(520)
        else:
            shown = words("The scores show here once a review has some.", card, name="noProgress")
            set_style_property(shown, "role", "quiet")
        card.body.addWidget(shown)
        if card.isVisible():  # else it shows with the card (hiding it now would keep it hidden)
            shown.show()
        self.progress_view = shown

    def _restore_focus(self) -> None:
        name, self.controller.want_focus = self.controller.want_focus, None
        target = self.findChild(QPushButton, name) if name else None
        if target is not None and target.isVisible():
            target.setFocus()
            QTimer.singleShot(0, lambda: self._reveal(target))

    def _reveal(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # already rebuilt again
            self.view.scroll.ensureWidgetVisible(widget, 20, 40)
