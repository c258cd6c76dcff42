"""The person's progress on screen: a wheel of one review against the first, the scores of one
life area over time (the person's and the worker's, apart), and the same in plain words.

The words are there from the start: screen readers read them, and anyone who prefers words can.
The charts are made the first time the view is shown, and only then is Qt Charts imported
(measured in docs/charting.md: the first chart costs 20 to 35 ms, against the Reviews page's
50 ms to open).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from careplan.domain.wording.dates import long_date
from careplan.services.progress_facts import ProgressFacts
from careplan.services.progress_words import area_sentence, scale_sentence

if TYPE_CHECKING:
    from PySide6.QtCharts import QChartView


class ProgressView(QWidget):
    """Progress from :class:`ProgressFacts`. ``person`` and ``worker`` name the two voices in the
    legends and sentences ("Dee", "Worker")."""

    def __init__(self, facts: ProgressFacts, person: str, worker: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressView")
        self.facts = facts
        self.person = person
        self.worker = worker
        self.wheel: QChartView | None = None
        self.lines: QChartView | None = None

        self.review = QComboBox()
        self.review.setObjectName("progressReview")
        self.review.setAccessibleName("Compare the first review with")
        days = facts.review_days
        for day in reversed(days[1:] or days):  # the first review is the one compared with
            self.review.addItem(long_date(day), day)
        self.area = QComboBox()
        self.area.setObjectName("progressArea")
        self.area.setAccessibleName("Life area")
        for area in facts.areas:
            self.area.addItem(area.name, area.code)
        review_label = QLabel("&Compare the first review with:")
        review_label.setBuddy(self.review)
        area_label = QLabel("&Life area:")
        area_label.setBuddy(self.area)
        controls = QHBoxLayout()
        for widget in (review_label, self.review, area_label, self.area):
            controls.addWidget(widget)
        controls.addStretch(1)

        self.charts = QHBoxLayout()
        self.words = QListWidget()
        self.words.setObjectName("progressInWords")
        self.words.setAccessibleName(f"{person}'s progress in words")
        self.words.setWordWrap(True)
        self.words.addItem(scale_sentence(facts))
        for area in facts.areas:
            self.words.addItem(area_sentence(area, person, worker))
        words_label = QLabel("In &words:")
        words_label.setBuddy(self.words)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(self.charts, 3)
        layout.addWidget(words_label)
        layout.addWidget(self.words, 1)
        self.review.currentIndexChanged.connect(self._show_wheel)
        self.area.currentIndexChanged.connect(self._show_lines)
        has_scores = bool(facts.review_days)
        self.review.setEnabled(has_scores)
        self.area.setEnabled(has_scores)

    @property
    def charts_made(self) -> bool:
        return self.wheel is not None or self.lines is not None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.charts_made and self.facts.review_days:
            self._show_wheel()
            self._show_lines()

    def _show_wheel(self) -> None:
        # The measured seam (module docstring): Qt Charts loads with the first chart shown.
        from careplan.gui.widgets.progress_charts import wheel

        day: date | None = self.review.currentData()
        if day is None:
            return
        self.wheel = self._replace(self.wheel, wheel(self.facts, day, self.person, self.palette()), 0)

    def _show_lines(self) -> None:
        from careplan.gui.widgets.progress_charts import area_lines  # the measured seam, as above

        index = self.area.currentIndex()
        if index < 0:
            return
        chart = area_lines(self.facts.areas[index], self.person, self.worker, self.palette())
        self.lines = self._replace(self.lines, chart, 1)

    def _replace(self, old: QChartView | None, new: QChartView, place: int) -> QChartView:
        if old is not None:
            self.charts.replaceWidget(old, new)
            old.deleteLater()
        else:
            self.charts.insertWidget(min(place, self.charts.count()), new, 1)
        new.setVisible(self.isVisible())  # a widget added to one already shown starts hidden
        return new
