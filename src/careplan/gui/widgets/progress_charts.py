"""The progress charts, drawn by Qt Charts: a wheel of one review against the first, and the
person's and the worker's scores over time for one life area.

Only :mod:`careplan.gui.widgets.progress_view` imports this module, when the charts are first
shown (why: docs/charting.md). Colour is never the only sign: the person's scores are a solid line
with dots, the worker's a dashed line with squares; the first review on the wheel is dashed with
hollow dots; every series has a name in words in the legend.
"""

from __future__ import annotations

import html
import textwrap
from datetime import date
from typing import TypeVar

from PySide6.QtCharts import (
    QAbstractAxis,
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QPolarChart,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from careplan.domain.wording.dates import short_date
from careplan.gui import theme
from careplan.services.progress_facts import AreaProgress, ProgressFacts, Scale

PERSON = QColor(theme.PERSON_LINE)
WORKER = QColor(theme.STAFF_LINE)
LINE_WIDTH = 3
MARKER = 11.0


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setAccessibleDescription("The same scores are written out in words below the charts.")
    view.setMinimumSize(360, 300)
    return view


ChartKind = TypeVar("ChartKind", bound=QChart)


def _themed(chart: ChartKind, palette: QPalette) -> ChartKind:
    """The app's look: its palette (so a dark or high-contrast desktop theme carries over), its
    font, and no animation or drop shadow."""
    chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitleBrush(palette.brush(QPalette.ColorRole.Text))
    chart.setMargins(QMargins(6, 6, 6, 6))
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setLabelColor(palette.color(QPalette.ColorRole.Text))
    legend.setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)  # round or square, as drawn
    return chart


def _axis_look(axis: QAbstractAxis, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    axis.setLabelsBrush(QBrush(text))
    axis.setLinePen(QPen(text, 1))
    axis.setGridLinePen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
    axis.setTitleBrush(QBrush(text))


def _line(name: str, colour: QColor, *, dashed: bool) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    pen = QPen(colour, LINE_WIDTH, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    line.setPen(pen)
    return line


def _dots(colour: QColor, shape: QScatterSeries.MarkerShape, *, hollow: bool) -> QScatterSeries:
    dots = QScatterSeries()
    dots.setMarkerShape(shape)
    dots.setMarkerSize(MARKER)
    dots.setPen(QPen(colour, 2))
    dots.setBrush(QBrush(QColor("white") if hollow else colour))
    return dots


def _add(chart: QChart, line: QLineSeries, dots: QScatterSeries, axes: list[QAbstractAxis]) -> None:
    """A line and its dots, under one name. The legend shows the dots' shape (round or square,
    filled or hollow) and the name, which says the line's style in words."""
    for one in (line, dots):
        chart.addSeries(one)
        for axis in axes:
            one.attachAxis(axis)
    dots.setName(line.name())
    for marker in chart.legend().markers(line):
        marker.setVisible(False)


def _wrapped(name: str) -> str:
    """A spoke's label in short lines (axis labels take rich text), so that a long life area's
    name does not squeeze the wheel to nothing."""
    return "<br>".join(html.escape(line) for line in textwrap.wrap(name, 16))


def common_scale(facts: ProgressFacts) -> Scale | None:
    scales = {a.scale for a in facts.areas}
    return next(iter(scales)) if len(scales) == 1 else None


def wheel(
    facts: ProgressFacts, day: date, person: str, palette: QPalette, parent: QWidget | None = None
) -> QChartView:
    """The person's scores on ``day`` against their first scores, one spoke per life area."""
    chart = _themed(QPolarChart(), palette)
    scale = common_scale(facts)
    ends = f"<br>{scale.low} in the middle, {scale.high} at the edge" if scale is not None else ""
    first = min((p.on for a in facts.areas for p in a.points), default=day)
    against = (
        f"the first review and {short_date(day)}" if first != day else f"the first review, {short_date(day)}"
    )
    chart.setTitle(f"{html.escape(person)}'s scores: {against}{ends}")
    spokes = len(facts.areas)
    around = QCategoryAxis()
    around.setRange(0, spokes)
    around.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for number, area in enumerate(facts.areas):
        around.append(_wrapped(area.name), number)
    _axis_look(around, palette)
    chart.addAxis(around, QPolarChart.PolarOrientation.PolarOrientationAngular)

    out = QValueAxis()
    out.setRange(0.0, 1.0)  # each area's share of its own scale: measures may differ
    out.setTickCount(4)
    out.setLabelsVisible(False)
    _axis_look(out, palette)
    chart.addAxis(out, QPolarChart.PolarOrientation.PolarOrientationRadial)

    strands = [(day, f"{short_date(day)} (solid line)", False)]
    if first != day:  # with one review so far, there is nothing to set it against
        strands.insert(0, (first, f"The first review, {short_date(first)} (dashed line)", True))
    for on, label, dashed in strands:
        line = _line(label, PERSON, dashed=dashed)
        dots = _dots(PERSON, QScatterSeries.MarkerShape.MarkerShapeCircle, hollow=dashed)
        points = []
        for number, area in enumerate(facts.areas):
            score = next((p.person for p in area.points if p.on == on), None)
            if score is not None:
                points.append(QPointF(number, area.scale.share(score)))
        if points and points[0].x() == 0:
            points.append(QPointF(spokes, points[0].y()))  # round the wheel back to the start
        line.append(points)
        dots.append(points)
        _add(chart, line, dots, [around, out])
    return _view(chart, f"Wheel of {person}'s scores", parent)


def _day_axis(days: list[date], palette: QPalette) -> QCategoryAxis:
    axis = QCategoryAxis()
    start = days[0].toordinal()
    span = max(days[-1].toordinal() - start, 1)
    axis.setRange(-span * 0.04, span * 1.04)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setLabelsAngle(-40)
    for day in days:
        axis.append(short_date(day), day.toordinal() - start)
    _axis_look(axis, palette)
    return axis


def area_lines(
    area: AreaProgress, person: str, worker: str, palette: QPalette, parent: QWidget | None = None
) -> QChartView:
    """One life area over time: the person's scores and, apart, the worker's."""
    chart = _themed(QChart(), palette)
    chart.setTitle(area.name)
    days = [p.on for p in area.points] or [date.today()]
    across = _day_axis(days, palette)
    up = QValueAxis()
    up.setRange(area.scale.low, area.scale.high)
    up.setTickCount(min(area.scale.high - area.scale.low + 1, 11))
    up.setLabelFormat("%d")
    up.setTitleText("Score")
    _axis_look(up, palette)
    chart.addAxis(across, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(up, Qt.AlignmentFlag.AlignLeft)
    start = days[0].toordinal()
    for name, colour, dashed, shape, scores in (
        (person, PERSON, False, QScatterSeries.MarkerShape.MarkerShapeCircle, area.person_scores()),
        (worker, WORKER, True, QScatterSeries.MarkerShape.MarkerShapeRectangle, area.worker_scores()),
    ):
        points = [QPointF(on.toordinal() - start, score) for on, score in scores]
        line = _line(f"{name} ({'dashed' if dashed else 'solid'} line)", colour, dashed=dashed)
        dots = _dots(colour, shape, hollow=False)
        line.append(points)
        dots.append(points)
        _add(chart, line, dots, [across, up])
    return _view(chart, f"{area.name}: scores over time", parent)
