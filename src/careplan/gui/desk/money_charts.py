"""The desk's money as bar charts, drawn by Qt Charts: set aside and spent by service category,
and by month: agreed and set aside in the month each plan's year starts, spent in the month it
was spent.

Only :mod:`careplan.gui.desk.window` imports this module, when the Money tab is first shown: the
seam measured for the Reviews page's charts (docs/charting.md: Qt Charts costs about 20 ms the
first time a chart is drawn). Colour is never the only sign: every bar set has its name in the
legend, each has its own fill pattern, and the same figures are in the tables below the charts.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

from careplan.domain.money import from_pence
from careplan.domain.wording.dates import MONTHS
from careplan.gui import theme
from careplan.services.desk_money import MoneyLine

AGREED = ("Agreed", QColor(theme.STAFF_LINE), Qt.BrushStyle.SolidPattern)
SET_ASIDE = ("Set aside", QColor(theme.BUDGET_FILL), Qt.BrushStyle.Dense3Pattern)
SPENT = ("Spent", QColor(theme.DONE), Qt.BrushStyle.DiagCrossPattern)
CATEGORIES_SHOWN = 8


def _pounds(pence: int) -> float:
    """For drawing only: the figures people read are the tables' exact pence."""
    return float(from_pence(pence))


def _short_month(key: str) -> str:
    """ "Mar 26" for "2026-03": short enough to stand under a month's bars."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1][:3]} {year[-2:]}"


def _bar_set(kind: tuple[str, QColor, Qt.BrushStyle], values: Sequence[int]) -> QBarSet:
    name, colour, pattern = kind
    bars = QBarSet(name)
    bars.setBrush(QBrush(colour, pattern))
    bars.setPen(QPen(colour, 1))
    bars.append([_pounds(v) for v in values])
    return bars


def _look(chart: QChart, palette: QPalette, axes: Sequence[QAbstractAxis]) -> None:
    chart.setBackgroundBrush(palette.brush(QPalette.ColorRole.Base))
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setTitleBrush(palette.brush(QPalette.ColorRole.Text))
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setLabelColor(palette.color(QPalette.ColorRole.Text))
    text = palette.color(QPalette.ColorRole.Text)
    for axis in axes:
        axis.setTitleBrush(QBrush(text))
        axis.setLabelsBrush(QBrush(text))
        axis.setLinePen(QPen(text, 1))
        axis.setGridLinePen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))


def _chart(
    title: str, series: QAbstractBarSeries, labels: Sequence[str], palette: QPalette, *, across: bool
) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append(list(labels))
    names.setTruncateLabels(False)  # a category's whole name, never "Resid…"
    money = QValueAxis()
    money.setLabelFormat("%.0f")  # printf's: a "£" here would be drawn as a broken character
    money.setTitleText("Pounds (£)")
    money.setMin(0)
    if not across:
        names.setLabelsAngle(-60)  # a month's name under each group of bars, not cut short
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if across else Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(money, Qt.AlignmentFlag.AlignBottom if across else Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    series.attachAxis(money)
    money.applyNiceNumbers()
    _look(chart, palette, (names, money))
    return chart


def _view(chart: QChart, name: str, parent: QWidget | None) -> QChartView:
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setAccessibleDescription("The same figures are in the table below the chart.")
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do in it with the keyboard
    return view


def largest(lines: Sequence[MoneyLine], keep: int = CATEGORIES_SHOWN) -> list[MoneyLine]:
    """The ``keep`` largest categories (``lines`` come largest first), and the rest added up as
    one, so that each bar keeps room for its name."""
    if len(lines) <= keep + 1:
        return list(lines)
    rest = lines[keep:]
    return [
        *lines[:keep],
        MoneyLine(
            "rest",
            f"The other {len(rest)}",
            sum(line.agreed_pence for line in rest),
            sum(line.set_aside_pence for line in rest),
            sum(line.spent_pence for line in rest),
        ),
    ]


def by_category(lines: Sequence[MoneyLine], palette: QPalette, parent: QWidget | None = None) -> QChartView:
    """Set aside and spent for the largest categories (the rest as one), a bar across for each
    (their names stay readable), the largest at the top; every category is in the table."""
    shown = list(reversed(largest(lines)))  # a horizontal chart draws its first category at the bottom
    series = QHorizontalBarSeries()
    series.append(_bar_set(SET_ASIDE, [line.set_aside_pence for line in shown]))
    series.append(_bar_set(SPENT, [line.spent_pence for line in shown]))
    chart = _chart("By service category", series, [line.label for line in shown], palette, across=True)
    return _view(chart, "Money by service category", parent)


def by_month(lines: Sequence[MoneyLine], palette: QPalette, parent: QWidget | None = None) -> QChartView:
    """Agreed and set aside in the month each plan's year starts, spent in the month it was spent,
    oldest first."""
    series = QBarSeries()
    series.append(_bar_set(AGREED, [line.agreed_pence for line in lines]))
    series.append(_bar_set(SET_ASIDE, [line.set_aside_pence for line in lines]))
    series.append(_bar_set(SPENT, [line.spent_pence for line in lines]))
    labels = [_short_month(line.key) for line in lines]
    chart = _chart("By month (a plan's year starts, money spent)", series, labels, palette, across=False)
    return _view(chart, "Money by month", parent)
