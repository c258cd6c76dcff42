"""The Reviews page's layout: the next review and whether it is due (in words), the review being
held (notes in both voices, goals, scores side by side), how things have changed, and every
review held or booked; any review held before, chosen from a list, is shown in full the same
way. Layout only: what the buttons do is the controller's (gui/workspace/reviews_controller.py).
The parts that depend on the record are rebuilt on each fill.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.enums import ReviewTopic
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.review_timing import ReviewState
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.reviews import TOPIC_WORDS
from careplan.gui.review_marks import review_role
from careplan.gui.theme import set_style_property
from careplan.gui.widgets.voice import AuthorBadge
from careplan.gui.workspace.plan_controls import button, words
from careplan.services.review_view import ComingReview, HeldReview, Said

NOT_SAID = "Nothing written yet."


def scores_button_name(code: str) -> str:
    """The object name of the button giving scores for the measure ``code``."""
    return "giveScores" if code == LIFE_AREAS else f"giveScores_{code}"


def bigger(widget: QWidget, scale: float) -> None:
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    widget.setFont(font)


class SaidBlock(QWidget):
    """Somebody's words and whose they are, or a quiet "Nothing written yet"."""

    def __init__(self, parent: QWidget, name: str, said: Said | None, empty: str = NOT_SAID) -> None:
        super().__init__(parent)
        self.words = words(said.body if said else empty, self, name=name, scale=1.05)
        set_style_property(self.words, "role", "" if said else "quiet")
        self.badge = AuthorBadge(self)
        if said is not None:
            self.badge.set_whose(said.voice, said.whose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.badge)


class Card(QFrame):
    """A card with a heading and a body."""

    def __init__(self, parent: QWidget, heading: str, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCard")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(heading)
        self.heading = QLabel(heading, self)
        self.heading.setObjectName(f"{name}Heading")
        bigger(self.heading, 1.2)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 12)
        self.body.addWidget(self.heading)


class NextReviewCard(Card):
    """When the next review is, in words ("Overdue by 3 days"), and why it is then."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, "Next review", "next")
        self.when = words("", self, name="nextWhen", scale=1.3, bold=True)
        self.sentence = words("", self, name="nextSentence")
        set_style_property(self.sentence, "role", "quiet")
        self.why = QVBoxLayout()
        self.hold = button("Hold this review now", self, name="holdReview", accessible="Hold this review now")
        self.ask = button("Ask for a review", self, name="askReview", accessible="Ask for a review")
        self.forward = button(
            "Bring it forward", self, name="bringForward", accessible="Bring the next review forward"
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.hold)
        buttons.addWidget(self.forward)
        buttons.addWidget(self.ask)
        buttons.addStretch(1)
        for widget in (self.when, self.sentence):
            self.body.addWidget(widget)
        self.body.addLayout(self.why)
        self.body.addLayout(buttons)
        self._why: list[QWidget] = []

    def show_review(self, coming: ComingReview | None) -> None:
        for widget in self._why:
            widget.deleteLater()
        self._why = []
        if coming is None:
            self.when.setText("No review is booked.")
            set_style_property(self.when, "role", "quiet")
            self.sentence.clear()
            self.hold.hide()
            self.forward.hide()
            return
        self.when.setText(coming.words)
        self.when.setAccessibleName(coming.sentence)
        set_style_property(self.when, "role", review_role(coming.timing) or "")
        self.sentence.setText(coming.sentence)
        self.sentence.setVisible(coming.state is not ReviewState.BOOKED)  # else it says the same again
        if coming.asked is not None:
            self._add_why(QLabel("Asked for:", self), SaidBlock(self, "nextAsked", coming.asked))
        if coming.forward_reason is not None and coming.forward_from is not None:
            self._add_why(
                QLabel(f"Brought forward from {long_date(coming.forward_from)}:", self),
                SaidBlock(self, "nextForward", coming.forward_reason),
            )
        self.hold.show()

    def _add_why(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.why.addWidget(widget)
            self._why.append(widget)


class HeldCard(Card):
    """A held review in full: who held it and why it was asked for, a note on each topic in each
    voice, how each goal is going, the scores of each measure side by side, how it ended and the
    person's confirmation. While it is open (being held, or not confirmed yet), the buttons that
    write in it, end it and confirm it; an older review is only read."""

    def __init__(self, parent: QWidget, review: HeldReview, person: str, *, is_open: bool = True) -> None:
        super().__init__(parent, f"The review held on {long_date(review.held_on)}", "held")
        self.review = review
        self.note_buttons: dict[ReviewTopic, QPushButton] = {}
        self.goal_buttons: dict[str, QPushButton] = {}
        self.score_buttons: dict[str, QPushButton] = {}
        if review.held_by:
            held_by = words(f"Held by {review.held_by}.", self, name="heldBy")
            set_style_property(held_by, "role", "quiet")
            self.body.addWidget(held_by)
        if review.asked is not None:
            self.body.addWidget(QLabel("Asked for:", self))
            self.body.addWidget(SaidBlock(self, "heldAsked", review.asked))
        notes = {n.topic: n for n in review.notes}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        for place, title in ((1, f"{person} said"), (2, "The worker said")):
            label = QLabel(title, self)
            set_style_property(label, "role", "quiet")
            grid.addWidget(label, 0, place)
        for row, topic in enumerate(ReviewTopic, start=1):
            said = notes.get(topic)
            heading = QLabel(TOPIC_WORDS[topic].capitalize(), self)
            bigger(heading, 1.0)
            grid.addWidget(heading, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(SaidBlock(self, f"{topic.value}Person", said.person if said else None), row, 1)
            grid.addWidget(SaidBlock(self, f"{topic.value}Staff", said.staff if said else None), row, 2)
            write = button(
                "Write", self, name=f"note_{topic.value}", accessible=f"Write: {TOPIC_WORDS[topic]}"
            )
            grid.addWidget(write, row, 3, Qt.AlignmentFlag.AlignTop)
            self.note_buttons[topic] = write
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.body.addLayout(grid)

        self.body.addWidget(self._subheading("How the goals are going"))
        going = {g.goal_key: g for g in review.goals}
        for key, goal_words in review.plan_goals:
            said_goal = going.get(key)
            row_layout = QHBoxLayout()
            column = QVBoxLayout()
            column.addWidget(words(goal_words, self, name=f"goal_{key}", bold=True))
            state = words(said_goal.going_words.capitalize() if said_goal else "Not talked about yet", self)
            state.setObjectName(f"going_{key}")
            set_style_property(state, "role", "" if said_goal else "quiet")
            column.addWidget(state)
            if said_goal is not None and said_goal.note is not None:
                column.addWidget(SaidBlock(self, f"goalNote_{key}", said_goal.note))
            row_layout.addLayout(column, 1)
            change = button(
                "How is it going?", self, name=f"goalGoing_{key}", accessible=f"How is it going: {goal_words}"
            )
            row_layout.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
            self.goal_buttons[key] = change
            self.body.addLayout(row_layout)

        self.body.addWidget(self._subheading("Scores"))
        self.scores = QGridLayout()
        self.scores.setHorizontalSpacing(16)
        for place, title in enumerate(("", f"{person}'s score", "Worker's score", "")):
            label = QLabel(title, self)
            bigger(label, 1.0)
            self.scores.addWidget(label, 0, place)
        row = 1
        for measure in review.scores:
            if len(review.scores) > 1 or measure.measure != LIFE_AREAS:
                self.scores.addWidget(
                    words(measure.name, self, name=f"measure_{measure.measure}", bold=True), row, 0
                )
                row += 1
            for score in measure.rows:
                self.scores.addWidget(words(score.question, self), row, 0)
                for place, value, name in (
                    (1, score.person_words, "person"),
                    (2, score.worker_words, "worker"),
                ):
                    cell = words(value or "not scored", self, name=f"{name}Score_{score.item}")
                    set_style_property(cell, "role", "" if value else "quiet")
                    self.scores.addWidget(cell, row, place)
                differ = words(score.not_the_same or "", self, name=f"differ_{score.item}")
                self.scores.addWidget(differ, row, 3)
                row += 1
        if row == 1:
            none = words("No scores yet.", self, name="noScores")
            set_style_property(none, "role", "quiet")
            self.scores.addWidget(none, 1, 0, 1, 4)
        self.scores.setColumnStretch(0, 1)
        self.body.addLayout(self.scores)

        score_row = QHBoxLayout()
        for code, name in review.measures:
            text = f"Scores: {name}"
            self._score_button(score_row, code, text)
        for code, name in review.at_the_end:
            self._score_button(score_row, code, f"Scores: {name} (if the plan closes)")
        score_row.addStretch(1)
        self.body.addLayout(score_row)
        self.end = button("End the review", self, name="endReview", accessible="End the review")
        self.confirm = button(
            f"{person} confirms the review", self, name="confirmReview", accessible=f"{person} confirms"
        )
        self.ended = words("", self, name="reviewEnded")
        if review.outcome_words:
            self.ended.setText(f"This review ended: {review.outcome_words}.")
        if review.outcome_reason is not None:
            self.body.addWidget(SaidBlock(self, "endedReason", review.outcome_reason))
        self.body.addWidget(self.ended)
        if review.confirmed_by is not None and review.confirmed_at is not None:
            confirmed = words(
                f"{review.confirmed_by} confirmed this review on {long_date(review.confirmed_at)}.",
                self,
                name="reviewConfirmed",
            )
            set_style_property(confirmed, "role", "done")
            self.body.addWidget(confirmed)
        buttons = QHBoxLayout()
        for widget in (self.end, self.confirm):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        writing = is_open and review.outcome is None
        for each in (*self.note_buttons.values(), *self.goal_buttons.values(), *self.score_buttons.values()):
            each.setVisible(writing)
        self.end.setVisible(writing)
        self.confirm.setVisible(is_open and review.outcome is not None and review.confirmed_by is None)

    def _score_button(self, row: QHBoxLayout, code: str, text: str) -> None:
        scores = button(text, self, name=scores_button_name(code), accessible=text)
        row.addWidget(scores)
        self.score_buttons[code] = scores

    def _subheading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        bigger(label, 1.1)
        return label


class ReviewsLayout:
    """Builds the page's fixed widgets into ``page`` (as a Designer form's ``setupUi`` would)."""

    def __init__(self, page: QWidget) -> None:
        page.setObjectName("reviewsPage")
        self.title = QLabel("Reviews", page)
        bigger(self.title, 1.25)
        self.intro = QLabel(page)
        self.intro.setWordWrap(True)
        self.no_plan = QLabel("Reviews are booked once the plan has been approved.", page)
        self.no_plan.setObjectName("reviewsNoPlan")
        self.no_plan.setWordWrap(True)
        self.scroll = QScrollArea(page)
        self.scroll.setObjectName("reviewsScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its controls take Tab; it is no stop itself
        self.inner = QWidget()
        self.inner.setObjectName("reviewsCards")
        self.cards = QVBoxLayout(self.inner)
        self.cards.setContentsMargins(0, 0, 8, 0)
        self.cards.setSpacing(12)
        self.next = NextReviewCard(self.inner)
        self.cards.addWidget(self.next)
        self.held_choice_row = QWidget(self.inner)
        self.held_choice = QComboBox(self.held_choice_row)
        self.held_choice.setObjectName("heldChoice")
        self.held_choice.setAccessibleName("The review to read")
        choose = QLabel("&Read the review:", self.held_choice_row)
        choose.setBuddy(self.held_choice)
        row = QHBoxLayout(self.held_choice_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(choose)
        row.addWidget(self.held_choice)
        row.addStretch(1)
        self.cards.addWidget(self.held_choice_row)
        self.held_place = QVBoxLayout()  # the review being held, else the one chosen to read
        self.cards.addLayout(self.held_place)
        self.progress = Card(self.inner, "How things have changed", "progress")
        self.cards.addWidget(self.progress)
        self.all_reviews = Card(self.inner, "Every review", "allReviews")
        self.dates = words("", self.all_reviews, name="reviewDates")
        self.all_reviews.body.addWidget(self.dates)
        self.cards.addWidget(self.all_reviews)
        self.cards.addStretch(1)
        self.scroll.setWidget(self.inner)
        layout = QVBoxLayout(page)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.no_plan)
        layout.addWidget(self.scroll, 1)
