"""The progress view: charts of the person's and the worker's scores, apart, and the same in words.

Built from facts made by hand (tests/progress_examples.py): no database.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCharts import QChartView, QLineSeries, QScatterSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from careplan.domain.life_areas import DEFAULT_LIFE_AREAS
from careplan.gui.widgets.progress_view import ProgressView
from tests.progress_examples import DAYS, SCORES, area, dee_progress


def _series(view: QChartView) -> dict[str, tuple[QLineSeries, QScatterSeries]]:
    """Each named line with its dots, by name."""
    lines = {s.name(): s for s in view.chart().series() if type(s) is QLineSeries}
    dots = {s.name(): s for s in view.chart().series() if type(s) is QScatterSeries}
    assert lines.keys() == dots.keys()
    return {name: (lines[name], dots[name]) for name in lines}


def _ys(series: QLineSeries | QScatterSeries) -> list[float]:
    return [point.y() for point in series.points()]


def _shown(qtbot: QtBot, **changes: object) -> ProgressView:
    view = ProgressView(dee_progress(**changes), "Dee", "Sam")
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_words_are_there_before_any_chart_is_made(qtbot: QtBot) -> None:
    view = ProgressView(dee_progress(), "Dee", "Sam")
    qtbot.addWidget(view)
    lines = [view.words.item(row).text() for row in range(view.words.count())]
    assert (
        lines[0]
        == "Scores go from 1 to 10. They were given at 4 reviews, from 6 January 2026 to 24 November 2026."
    )
    assert "Where I live: Dee 3 at the start, 7 now; Sam 4 at the start, 6 now." in lines
    assert "Money: Dee 5 at the start, 4 now; Sam 4 at the start, 4 now." in lines
    assert view.words.accessibleName() == "Dee's progress in words"
    assert not view.charts_made
    view.show()
    qtbot.waitExposed(view)
    assert view.charts_made


def test_importing_the_view_does_not_load_qt_charts() -> None:
    code = (
        "import sys, careplan.gui.widgets.progress_view\n"
        "print('PySide6.QtCharts' in sys.modules, 'careplan.gui.widgets.progress_charts' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def test_the_lines_keep_the_person_and_the_worker_apart_by_more_than_colour(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    assert view.lines is not None
    assert view.lines.chart().title() == "Drug use"
    series = _series(view.lines)
    assert set(series) == {"Dee (solid line)", "Sam (dashed line)"}
    person_line, person_dots = series["Dee (solid line)"]
    worker_line, worker_dots = series["Sam (dashed line)"]
    assert _ys(person_line) == [3, 4, 6, 7] == _ys(person_dots)
    assert _ys(worker_line) == [2, 4, 5, 6] == _ys(worker_dots)
    assert person_line.pen().style() == Qt.PenStyle.SolidLine
    assert worker_line.pen().style() == Qt.PenStyle.DashLine
    assert person_dots.markerShape() == QScatterSeries.MarkerShape.MarkerShapeCircle
    assert worker_dots.markerShape() == QScatterSeries.MarkerShape.MarkerShapeRectangle
    legend = view.lines.chart().legend()
    shown = [m.label() for m in legend.markers() if m.isVisible()]
    assert shown == ["Dee (solid line)", "Sam (dashed line)"]


def test_choosing_a_life_area_shows_its_scores_with_a_gap_where_none_was_given(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    qtbot.keyClick(view.area, Qt.Key.Key_End)  # the keyboard chooses: the last area, legal matters
    assert view.lines is not None
    assert view.lines.chart().title() == "Legal matters"
    person_line, _ = _series(view.lines)["Dee (solid line)"]
    worker_line, _ = _series(view.lines)["Sam (dashed line)"]
    assert _ys(person_line) == [8, 9, 9]  # no score from Dee at the second review
    assert _ys(worker_line) == [7, 8, 8, 9]
    assert view.lines.accessibleName() == "Legal matters: scores over time"


def test_the_wheel_sets_a_chosen_review_against_the_first(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    assert view.review.currentText() == "24 November 2026"  # the latest first
    assert view.wheel is not None
    series = _series(view.wheel)
    assert set(series) == {"The first review, 6 Jan 2026 (dashed line)", "24 Nov 2026 (solid line)"}
    first, _ = series["The first review, 6 Jan 2026 (dashed line)"]
    latest, _ = series["24 Nov 2026 (solid line)"]
    assert first.pen().style() == Qt.PenStyle.DashLine
    expected = [(person[-1] - 1) / 9 for person, _ in SCORES.values() if person[-1] is not None]
    assert _ys(latest) == [*expected, expected[0]]  # round the wheel and back to the start
    view.review.setCurrentIndex(view.review.findData(DAYS[1]))
    assert view.wheel.chart().title().startswith("Dee's scores: the first review and 24 Feb 2026")
    latest, _ = _series(view.wheel)["24 Feb 2026 (solid line)"]
    assert len(latest.points()) == 10  # nine areas scored that day (no legal matters), and round


def test_the_first_review_is_what_the_others_are_compared_with(qtbot: QtBot) -> None:
    view = _shown(qtbot)
    offered = [view.review.itemText(i) for i in range(view.review.count())]
    assert offered == ["24 November 2026", "26 May 2026", "24 February 2026"]
    one_review = tuple(area(code, name, days=DAYS[:1]) for code, name in DEFAULT_LIFE_AREAS[:3])
    alone = _shown(qtbot, areas=one_review)
    assert [alone.review.itemText(i) for i in range(alone.review.count())] == ["6 January 2026"]
    assert alone.wheel is not None
    assert set(_series(alone.wheel)) == {"6 Jan 2026 (solid line)"}  # nothing to compare with yet
    assert alone.wheel.chart().title().startswith("Dee's scores: the first review, 6 Jan 2026<br>")


def test_the_charts_take_the_desktops_colours(qtbot: QtBot) -> None:
    """A dark or high-contrast desktop theme carries over to the charts' background and words."""
    view = ProgressView(dee_progress(), "Dee", "Sam")
    qtbot.addWidget(view)
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#000000"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#ffff00"))
    view.setPalette(dark)
    view.show()
    qtbot.waitExposed(view)
    assert view.lines is not None
    chart = view.lines.chart()
    assert chart.backgroundBrush().color() == QColor("#000000")
    assert chart.legend().labelColor() == QColor("#ffff00")
    assert all(axis.labelsBrush().color() == QColor("#ffff00") for axis in chart.axes())


def test_with_no_review_yet_it_says_so_and_draws_nothing(qtbot: QtBot) -> None:
    view = _shown(qtbot, areas=())
    assert view.words.item(0).text() == "No scores have been given yet."
    assert not view.charts_made
    assert not view.review.isEnabled()


def test_the_view_is_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    view = _shown(qtbot)
    picture = view.grab()
    path = tmp_path / "progress.png"
    assert picture.save(str(path))
    assert picture.width() == 1200
    image = picture.toImage()
    person = image.pixelColor(0, 0)  # the window's background, where nothing is drawn
    colours = {image.pixelColor(x, y).name() for x in range(0, 1200, 7) for y in range(40, 580, 7)}
    assert "#6a1b9a" in colours  # the person's line is drawn, in the theme's colour
    assert person.name() not in {"#6a1b9a", "#1f5f7a"}
