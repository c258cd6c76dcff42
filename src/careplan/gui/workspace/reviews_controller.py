"""What the Reviews page's buttons do: ask for a review, bring one forward, hold it, write in it
(notes, goals, scores for each measure asked), end it, and the person confirming it.

Each change goes through its use case (``reviews_requests``, ``reviews_holding``,
``reviews_ending``) carrying the plan revision the page was read at, in one dialog at a time.
The page (gui/workspace/reviews_page.py) shows the record; this controller changes it and tells
the page what was saved and which button gets the focus back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget

from careplan.domain.actor import PERSON, Voice
from careplan.domain.enums import AuthorKind, GoalGoing, ReviewOutcome, ReviewTopic
from careplan.domain.errors import ConflictError, InvalidInput
from careplan.domain.wording.reviews import GOING_WORDS, OUTCOME_WORDS, TOPIC_WORDS
from careplan.gui.dialogs.form_dialog import FormDialog
from careplan.gui.dialogs.review_dialogs import (
    BringForwardDialog,
    ConfirmReviewDialog,
    Given,
    ScoresDialog,
)
from careplan.gui.dialogs.staying_safe_dialogs import PartForm, StayingSafeWordsDialog
from careplan.gui.dialogs.writing_dialog import Writers
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.feedback import Feedback
from careplan.gui.workspace.one_dialog import OneDialog
from careplan.services import measures, reviews_ending, reviews_holding, reviews_requests
from careplan.services.review_view import ComingReview, HeldReview, ReviewsInFull, Said
from careplan.services.reviews_ending import Confirmation, EndedReview
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import PersonView


class ReviewsShown(Protocol):
    """What the controller reads of the page and tells it (the page: ReviewsPage)."""

    context: SignedInStaff
    voice: VoiceSwitch
    feedback: Feedback
    person: PersonView | None
    plan_id: int | None
    full: ReviewsInFull | None

    @property
    def open_review(self) -> HeldReview | None: ...

    @property
    def saved(self) -> SignalInstance: ...

    @property
    def changed(self) -> SignalInstance: ...

    @property
    def version_requested(self) -> SignalInstance: ...

    @property
    def page_requested(self) -> SignalInstance: ...

    def as_widget(self) -> QWidget:
        """The page, the dialogs' parent."""


def new_draft_words(name: str) -> str:
    """What the status bar says on the My plan page after a review changed the plan."""
    return (
        "The review has ended and a new draft of the plan has started from it: change it here "
        f"together. {name} confirms the review on the Reviews page."
    )


class ReviewsController:
    """The Reviews page's actions, each in one dialog at a time (``dialog``)."""

    def __init__(self, page: ReviewsShown) -> None:
        self.page = page
        self.dialogs = OneDialog(self._dialog_saved)
        self.want_focus: str | None = None
        self._ended: list[EndedReview] = []  # what the last "End the review" did

    @property
    def dialog(self) -> FormDialog | None:
        """The dialog open on the page, if any (one at a time)."""
        return self.dialogs.current

    # what every action needs -------------------------------------------------------------------

    def _revision(self) -> int | None:
        full = self.page.full
        return full.revision if full is not None else None

    def _coming(self) -> ComingReview | None:
        full = self.page.full
        return full.next_review if full is not None else None

    def _writers(self) -> Writers:
        page = self.page
        name = page.person.preferred_name if page.person else "the person"
        return Writers(name, page.context.staff_name, page.context.role.value)

    def _offer_reload(self, exc: ConflictError) -> None:
        def again() -> None:
            raise exc

        self.page.feedback.run(again)

    def _open(self, dialog: FormDialog, saved: str, focus: str) -> None:
        self.dialogs.open(dialog, saved, focus)

    def _dialog_saved(self, saved: str, focus: str) -> None:
        page = self.page
        ended, self._ended = self._ended, []
        if ended and ended[0].new_version_id is not None:
            # Changing the plan: go to the new draft, on the My plan page, and say so.
            page.version_requested.emit(ended[0].new_version_id)
            page.page_requested.emit("My plan")
            page.saved.emit(new_draft_words(page.person.preferred_name if page.person else "The person"))
            return
        page.saved.emit(saved)
        self.want_focus = focus
        page.changed.emit()

    def _words(
        self, form: PartForm, save: Callable[[str | None, str, Voice], object], saved: str, focus: str
    ) -> None:
        if self.dialog is not None:
            return
        dialog = StayingSafeWordsDialog(
            voice=self.page.voice,
            writers=self._writers(),
            form=form,
            save=save,
            on_conflict=self._offer_reload,
            parent=self.page.as_widget(),
        )
        self._open(dialog, saved, focus)

    # the next review ---------------------------------------------------------------------------

    def hold(self) -> None:
        coming = self._coming()
        if coming is None:
            return
        context = self.page.context

        def hold() -> None:
            reviews_holding.hold_review(
                context.db, context.actor, coming.review_id, expected_revision=self._revision()
            )

        if self.page.feedback.run(hold, saved="The review is being held"):
            self.want_focus = f"note_{ReviewTopic.WORKING.value}"
            self.page.changed.emit()

    def ask(self) -> None:
        page = self.page
        if page.plan_id is None or page.person is None:
            return
        plan_id, name, context = page.plan_id, page.person.preferred_name, page.context
        page.voice.set_voice(PERSON)  # the person is asking: their words

        def save(_choice: str | None, said: str, _voice: Voice) -> None:
            reviews_requests.ask_for_review(
                context.db, context.actor, plan_id, said, expected_revision=self._revision()
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
        coming = self._coming()
        if coming is None or self.dialog is not None:
            return
        context = self.page.context

        def save(new_due: date, reason: str) -> None:
            reviews_requests.bring_review_forward(
                context.db,
                context.actor,
                coming.review_id,
                new_due,
                reason,
                expected_revision=self._revision(),
            )

        dialog = BringForwardDialog(
            due=coming.due_date,
            today=coming.timing.today,
            staff_name=context.staff_name,
            save=save,
            parent=self.page.as_widget(),
        )
        self._open(dialog, "The review is brought forward", "bringForward")

    # the review being held ---------------------------------------------------------------------

    def write_note(self, topic: ReviewTopic) -> None:
        review = self.page.open_review
        if review is None:
            return
        context = self.page.context
        said = next((n for n in review.notes if n.topic == topic), None)
        kind = self.page.voice.voice.kind
        current = (said.person if kind is AuthorKind.PERSON else said.staff) if said else None

        def save(_choice: str | None, typed: str, voice: Voice) -> None:
            reviews_holding.write_review_note(
                context.db,
                context.actor,
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
        voice_switch = self.page.voice
        shown = [dialog.ui.words.toPlainText()]

        def switched(voice: Voice) -> None:
            if dialog.ui.words.toPlainText() != shown[0]:
                return  # typed words stay
            said = person if voice.kind is AuthorKind.PERSON else staff
            shown[0] = said.body if said else ""
            dialog.ui.words.setPlainText(shown[0])

        voice_switch.voice_changed.connect(switched)
        dialog.finished.connect(lambda _result: voice_switch.voice_changed.disconnect(switched))

    def goal_going(self, key: str) -> None:
        review = self.page.open_review
        if review is None:
            return
        context = self.page.context
        said = next((g for g in review.goals if g.goal_key == key), None)
        goal_words = dict(review.plan_goals).get(key, "")

        def save(choice: str | None, typed: str, voice: Voice) -> None:
            if choice is None:
                raise InvalidInput("Please choose how it is going.", "going")
            reviews_holding.set_goal_going(
                context.db,
                context.actor,
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

    def give_scores(self, code: str) -> None:
        """Scores for the measure ``code`` (the life areas, or a measure the service loaded)."""
        review = self.page.open_review
        if review is None or self.dialog is not None:
            return
        context = self.page.context
        known = measures.outcome_measures(context.db, context.actor)
        measure = next((m for m in known if m.code == code), None)
        if measure is None:
            return

        def save(values: dict[str, int], voice: Voice) -> None:
            reviews_holding.give_scores(
                context.db,
                context.actor,
                review.review_id,
                code,
                values,
                voice,
                expected_revision=self._revision(),
            )

        dialog = ScoresDialog(
            voice=self.page.voice,
            writers=self._writers(),
            measure=measure,
            given=given_scores(review, code),
            save=save,
            on_conflict=self._offer_reload,
            parent=self.page.as_widget(),
        )
        self._open(dialog, f"Saved: the scores, {measure.name}", f"giveScores_{code}")

    def end(self) -> None:
        review = self.page.open_review
        if review is None:
            return
        context = self.page.context
        self._ended = []

        def save(choice: str | None, typed: str, voice: Voice) -> None:
            if choice is None:
                raise InvalidInput("Please choose how the review ends.", "outcome")
            ended = reviews_ending.end_review(
                context.db,
                context.actor,
                review.review_id,
                ReviewOutcome(choice),
                reason=typed or None,
                reason_voice=voice,
                expected_revision=self._revision(),
            )
            self._ended = [ended]

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
        page = self.page
        review = page.open_review
        if review is None or page.person is None or self.dialog is not None:
            return
        context = page.context

        def save(confirmation: Confirmation) -> None:
            reviews_ending.confirm_review(
                context.db, context.actor, review.review_id, confirmation, expected_revision=self._revision()
            )

        dialog = ConfirmReviewDialog(
            person_name=page.person.preferred_name,
            staff_name=context.staff_name,
            save=save,
            parent=page.as_widget(),
        )
        self._open(dialog, "The review is confirmed", "askReview")


def given_scores(review: HeldReview, code: str) -> Given:
    """The scores given so far at ``review`` for the measure ``code``: item -> voice -> score."""
    given: dict[str, dict[AuthorKind, int]] = {}
    for scored in review.scores:
        if scored.measure == code:
            for row in scored.rows:
                if row.person is not None:
                    given.setdefault(row.item, {})[AuthorKind.PERSON] = row.person
                if row.worker is not None:
                    given.setdefault(row.item, {})[AuthorKind.STAFF] = row.worker
    return given
