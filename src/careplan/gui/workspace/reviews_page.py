"""Reviews: the plan's reviews, held with the person at the screen.

The page reads ``careplan.services.review_view`` (who may hold reviews) or
``careplan.services.plan_reviews`` (the dates alone, for anyone else who may open the record), and
``careplan.services.progress`` for how things have changed. It changes reviews only through
their use cases (``reviews_requests``, ``reviews_holding``, ``reviews_ending``), each change
carrying the plan revision it was read at. What is typed goes in the voice of whoever is speaking
(F4 switches), and every text shows whose words it is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from careplan.domain.actor import PERSON, Voice
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewOutcome, ReviewTopic
from careplan.domain.errors import ConflictError, InvalidInput
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.permissions import Action
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.dates import day_and_date
from careplan.domain.wording.reviews import GOING_WORDS, OUTCOME_WORDS, TOPIC_WORDS, review_kind_words
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.review_dialogs import BringForwardDialog, ConfirmReviewDialog, ScoresDialog
from careplan.gui.dialogs.staying_safe_dialogs import PartForm, StayingSafeWordsDialog
from careplan.gui.dialogs.writing_dialog import Writers
from careplan.gui.theme import set_style_property
from careplan.gui.widgets.progress_view import ProgressView
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.one_dialog import OneDialog
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_controls import words
from careplan.gui.workspace.reviews_view import HeldCard, ReviewsLayout
from careplan.services import (
    measures,
    plan_reviews,
    progress,
    review_view,
    reviews_ending,
    reviews_holding,
    reviews_requests,
)
from careplan.services.plan_reviews import BookedReview
from careplan.services.review_view import HeldReview, ReviewsInFull, Said
from careplan.services.reviews_ending import Confirmation
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView, VersionView


def _date_line(review: BookedReview) -> str:
    """ "Review, Thursday 4 March 2027", then "due in 5 days", "overdue by 3 days", "held on ..."."""
    line = f"{review_kind_words(review.kind)}, {day_and_date(review.due_date)}"
    if review.state is ReviewState.BOOKED:
        return line
    said = review.words
    return f"{line}: {said[0].lower()}{said[1:]}"


class ReviewsPage(WorkspacePage):
    """The next review (due or overdue, in words), the review being held, how things have
    changed, and every review of the plan."""

    title = "Reviews"

    def __init__(self, context: SignedInStaff, voice: VoiceSwitch, parent: QWidget | None = None) -> None:
        super().__init__(context, voice, parent)
        self.view = ReviewsLayout(self)
        self.person: PersonView | None = None
        self.plan_id: int | None = None
        self.full: ReviewsInFull | None = None
        self.held: HeldCard | None = None
        self.progress_view: QWidget | None = None
        self.dialogs = OneDialog(self._dialog_saved)
        self._want_focus: str | None = None
        self.feedback = Feedback(self, self.saved.emit, self.conflict.emit)
        self.view.next.hold.clicked.connect(self.hold)
        self.view.next.ask.clicked.connect(self.ask)
        self.view.next.forward.clicked.connect(self.bring_forward)

    @property
    def may_hold(self) -> bool:
        return self.context.may(Action.RECORD_REVIEW)

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
        # The review being held; else the last one held, to read (its buttons are gone once it ended).
        last = self.full.held[0] if self.full is not None and self.full.held else None
        self._show_held(current or last, name)
        self._show_progress(name)
        self._restore_focus()

    def _show_held(self, review: HeldReview | None, name: str) -> None:
        if self.held is not None:
            self.held.hide()
            self.held.deleteLater()
            self.held = None
        if review is None:
            return
        card = HeldCard(self.view.inner, review, name)
        for topic, write in card.note_buttons.items():
            write.clicked.connect(partial(self.write_note, topic))
        for key, change in card.goal_buttons.items():
            change.clicked.connect(partial(self.goal_going, key))
        card.give_scores.clicked.connect(self.give_scores)
        card.end.clicked.connect(self.end)
        card.confirm.clicked.connect(self.confirm)
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
        shown.setVisible(card.isVisible())
        self.progress_view = shown

    def _restore_focus(self) -> None:
        name, self._want_focus = self._want_focus, None
        target = self.findChild(QPushButton, name) if name else None
        if target is not None and target.isVisible():
            target.setFocus()
            QTimer.singleShot(0, lambda: self._reveal(target))

    def _reveal(self, widget: QWidget) -> None:
        with contextlib.suppress(RuntimeError):  # already rebuilt again
            self.view.scroll.ensureWidgetVisible(widget, 20, 40)

    # changing -----------------------------------------------------------------------------------

    def _revision(self) -> int | None:
        return self.full.revision if self.full is not None else None

    def _writers(self) -> Writers:
        name = self.person.preferred_name if self.person else "the person"
        return Writers(name, self.context.staff_name, self.context.role.value)

    def _offer_reload(self, exc: ConflictError) -> None:
        def again() -> None:
            raise exc

        self.feedback.run(again)

    @property
    def dialog(self) -> FormDialog | None:
        """The dialog open on this page, if any (one at a time)."""
        return self.dialogs.current

    def _open(self, dialog: FormDialog, saved: str, focus: str) -> None:
        self.dialogs.open(dialog, saved, focus)

    def _dialog_saved(self, saved: str, focus: str) -> None:
        self.saved.emit(saved)
        self._want_focus = focus
        self.changed.emit()

    def _words(
        self, form: PartForm, save: Callable[[str | None, str, Voice], object], saved: str, focus: str
    ) -> None:
        if self.dialog is not None:
            return
        dialog = StayingSafeWordsDialog(
            voice=self.voice,
            writers=self._writers(),
            form=form,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )
        self._open(dialog, saved, focus)

    def hold(self) -> None:
        coming = self.full.next_review if self.full is not None else None
        if coming is None:
            return

        def hold() -> None:
            reviews_holding.hold_review(
                self.context.db, self.context.actor, coming.review_id, expected_revision=self._revision()
            )

        if self.feedback.run(hold, saved="The review is being held"):
            self._want_focus = f"note_{ReviewTopic.WORKING.value}"
            self.changed.emit()

    def ask(self) -> None:
        if self.plan_id is None or self.person is None:
            return
        plan_id, name = self.plan_id, self.person.preferred_name
        self.voice.set_voice(PERSON)  # the person is asking: their words

        def save(_choice: str | None, said: str, _voice: Voice) -> None:
            reviews_requests.ask_for_review(
                self.context.db, self.context.actor, plan_id, said, expected_revision=self._revision()
            )

        form = PartForm(
            f"{name} asks for a review",
            f"What would {name} like to look at again? Write it in their words.",
            "&What they asked",
            "words",
            None,
        )
        self._words(form, save, "A review is booked", "askReview")

    def bring_forward(self) -> None:
        coming = self.full.next_review if self.full is not None else None
        if coming is None or self.dialog is not None:
            return

        def save(new_due: date, reason: str) -> None:
            reviews_requests.bring_review_forward(
                self.context.db,
                self.context.actor,
                coming.review_id,
                new_due,
                reason,
                expected_revision=self._revision(),
            )

        dialog = BringForwardDialog(
            due=coming.due_date,
            today=coming.timing.today,
            staff_name=self.context.staff_name,
            save=save,
            parent=self,
        )
        self._open(dialog, "The review is brought forward", "bringForward")

    def write_note(self, topic: ReviewTopic) -> None:
        review = self.open_review
        if review is None:
            return
        said = next((n for n in review.notes if n.topic == topic), None)
        kind = self.voice.voice.kind
        current = (said.person if kind is AuthorKind.PERSON else said.staff) if said else None

        def save(_choice: str | None, typed: str, voice: Voice) -> None:
            reviews_holding.write_review_note(
                self.context.db,
                self.context.actor,
                review.review_id,
                topic,
                voice,
                typed,
                expected_revision=self._revision(),
            )

        heading = TOPIC_WORDS[topic].capitalize()
        intro = f"{heading}: in the words of whoever is speaking. Each of you may write your own."
        form = PartForm(heading, intro, "&Words", "body", current)
        self._words(form, save, f"Saved: {TOPIC_WORDS[topic]}", f"note_{topic.value}")
        if isinstance(self.dialog, StayingSafeWordsDialog) and said is not None:
            self._follow_voice(self.dialog, said.person, said.staff)

    def _follow_voice(self, dialog: StayingSafeWordsDialog, person: Said | None, staff: Said | None) -> None:
        """Switching who is speaking shows their own note, while nothing has been typed over."""
        shown = [dialog.ui.words.toPlainText()]

        def switched(voice: Voice) -> None:
            if dialog.ui.words.toPlainText() != shown[0]:
                return  # typed words stay
            said = person if voice.kind is AuthorKind.PERSON else staff
            shown[0] = said.body if said else ""
            dialog.ui.words.setPlainText(shown[0])

        self.voice.voice_changed.connect(switched)
        dialog.finished.connect(lambda _result: self.voice.voice_changed.disconnect(switched))

    def goal_going(self, key: str) -> None:
        review = self.open_review
        if review is None:
            return
        said = next((g for g in review.goals if g.goal_key == key), None)
        goal_words = dict(review.plan_goals).get(key, "")

        def save(choice: str | None, typed: str, voice: Voice) -> None:
            if choice is None:
                raise InvalidInput("Please choose how it is going.", "going")
            reviews_holding.set_goal_going(
                self.context.db,
                self.context.actor,
                review.review_id,
                key,
                GoalGoing(choice),
                typed,
                voice,
                expected_revision=self._revision(),
            )

        form = PartForm(
            "How is it going?",
            goal_words,
            "&A note (can be left empty)",
            "note",
            said.note if said else None,
            {going.value: words.capitalize() for going, words in GOING_WORDS.items()},
            said.going.value if said else None,
            "going",
        )
        self._words(form, save, "Saved: how the goal is going", f"goalGoing_{key}")

    def give_scores(self) -> None:
        review = self.open_review
        if review is None or self.dialog is not None:
            return
        known = measures.outcome_measures(self.context.db, self.context.actor)
        measure = next(m for m in known if m.code == LIFE_AREAS)
        given: dict[str, dict[AuthorKind, int]] = {}
        for scored in review.scores:
            if scored.measure == LIFE_AREAS:
                for row in scored.rows:
                    if row.person is not None:
                        given.setdefault(row.item, {})[AuthorKind.PERSON] = row.person
                    if row.worker is not None:
                        given.setdefault(row.item, {})[AuthorKind.STAFF] = row.worker

        def save(values: dict[str, int], voice: Voice) -> None:
            reviews_holding.give_scores(
                self.context.db,
                self.context.actor,
                review.review_id,
                LIFE_AREAS,
                values,
                voice,
                expected_revision=self._revision(),
            )

        dialog = ScoresDialog(
            voice=self.voice,
            writers=self._writers(),
            measure=measure,
            given=given,
            save=save,
            on_conflict=self._offer_reload,
            parent=self,
        )
        self._open(dialog, "Saved: the scores", "giveScores")

    def end(self) -> None:
        review = self.open_review
        if review is None:
            return

        def save(choice: str | None, typed: str, voice: Voice) -> None:
            if choice is None:
                raise InvalidInput("Please choose how the review ends.", "outcome")
            reviews_ending.end_review(
                self.context.db,
                self.context.actor,
                review.review_id,
                ReviewOutcome(choice),
                reason=typed or None,
                reason_voice=voice,
                expected_revision=self._revision(),
            )

        form = PartForm(
            "End the review",
            "How does the review end? The next review is booked from the service's schedule.",
            "&Why (needed to close the plan)",
            "reason",
            None,
            {outcome.value: words.capitalize() for outcome, words in OUTCOME_WORDS.items()},
            None,
            "outcome",
        )
        self._words(form, save, "The review has ended", "confirmReview")

    def confirm(self) -> None:
        review = self.open_review
        if review is None or self.person is None or self.dialog is not None:
            return

        def save(confirmation: Confirmation) -> None:
            reviews_ending.confirm_review(
                self.context.db,
                self.context.actor,
                review.review_id,
                confirmation,
                expected_revision=self._revision(),
            )

        dialog = ConfirmReviewDialog(
            person_name=self.person.preferred_name,
            staff_name=self.context.staff_name,
            save=save,
            parent=self,
        )
        self._open(dialog, "The review is confirmed", "askReview")
