"""The "My progress" sheet's charts, drawn with ReportLab's own chart graphics: a wheel of the
person's first scores against their latest, and each life area's scores over time.

Made to be read in black and white: the first scores are a dashed line with hollow dots, the
latest a solid line with filled dots, and a legend says so in words.
"""

from __future__ import annotations

import textwrap
from datetime import date
from typing import Any

from reportlab.graphics.charts.legends import Legend, LineSwatch
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from careplan.documents.layout_styles import INK, MUTED, RULE, SANS
from careplan.domain.wording.dates import short_date
from careplan.services.progress_facts import AreaProgress, ProgressFacts

NOW = INK
START = colors.HexColor("#4a5560")  # dark enough to print, a little lighter than the latest
WHITE = colors.white
DASH = (5, 3)


def wheel_areas(facts: ProgressFacts) -> list[tuple[AreaProgress, int, int]]:
    """The areas the person scored both at the start and at their latest score: (area, first,
    latest). An area missing either end stays off the wheel (its words still say it)."""
    out = []
    for area in facts.areas:
        scores = area.person_scores()
        if len(scores) >= 2:
            out.append((area, scores[0][1], scores[-1][1]))
    return out


def wheel_drawing(facts: ProgressFacts, width: float, height: float, label_size: float) -> Drawing | None:
    """The wheel (``width`` by ``height`` points, and its legend below), or ``None`` when fewer
    than three areas have a first and a latest score."""
    spokes = wheel_areas(facts)
    if len(spokes) < 3:
        return None
    legend_height = 2.6 * label_size * 2
    drawing = Drawing(width, height + legend_height, initialFontName=SANS)
    chart = SpiderChart()
    chart.height = chart.width = height - 6 * label_size  # room for the spokes' names, top and bottom
    chart.x, chart.y = (width - chart.width) / 2, legend_height + 3 * label_size
    # Each score as its share of its own scale; a third, invisible strand of 1s holds the edge at
    # the top of every scale (the chart otherwise stretches to the highest score given).
    first = [area.scale.share(start) for area, start, _ in spokes]
    latest = [area.scale.share(now) for area, _, now in spokes]
    chart.data = [first, latest, [1.0] * len(spokes)]
    chart.labels = ["\n".join(textwrap.wrap(area.name, 18)) for area, _, _ in spokes]
    chart.startAngle = 90
    chart.direction = "clockwise"
    chart.spokes.strokeColor = RULE
    chart.spokes.strokeWidth = 0.8
    chart.spokeLabels.fontName = SANS
    chart.spokeLabels.fontSize = label_size
    chart.spokeLabels.fillColor = INK
    chart.spokeLabels.boxAnchor = "autox"  # each name on the far side of its spoke's end
    chart.spokeLabels.leading = label_size * 1.15
    chart.spokes.labelRadius = 1.06
    for row, (colour, dashed, name) in enumerate(
        (
            (START, True, f"Dashed line, open dots: at the start ({short_date(first_day(facts))})"),
            (NOW, False, f"Solid line, filled dots: now ({short_date(latest_day(facts))})"),
        )
    ):
        strand = chart.strands[row]
        strand.strokeColor = colour
        strand.strokeWidth = 2.2 if dashed else 3
        strand.strokeDashArray = DASH if dashed else None
        strand.fillColor = None
        strand.name = name
        strand.symbol = "Circle"
        strand.symbolSize = 7
        for spoke in range(len(spokes)):
            chart.strands[(row, spoke)].fillColor = WHITE if dashed else colour
    chart.strands[2].strokeColor = RULE  # the edge: the top of every scale
    chart.strands[2].strokeWidth = 1
    drawing.add(chart)

    legend = Legend()
    legend.x, legend.y = label_size, legend_height - label_size
    legend.alignment = "right"
    legend.fontName = SANS
    legend.fontSize = label_size
    legend.dx, legend.dy = 34, label_size
    legend.deltay = label_size * 2.2
    legend.columnMaximum = 2
    # A sample of each line, dashed or solid. (Not the chart's own samples: ReportLab 5.1's
    # SpiderChart.makeSwatchSample fails on strands with dots.)
    legend.colorNamePairs = [(_sample(chart.strands[row]), chart.strands[row].name) for row in (0, 1)]
    drawing.add(legend)
    return drawing


def _sample(strand: Any) -> LineSwatch:
    sample = LineSwatch()
    sample.strokeColor = strand.strokeColor
    sample.strokeWidth = strand.strokeWidth
    sample.strokeDashArray = strand.strokeDashArray
    return sample


def first_day(facts: ProgressFacts) -> date:
    return min(d for area, _, _ in wheel_areas(facts) for d, _ in area.person_scores()[:1])


def latest_day(facts: ProgressFacts) -> date:
    return max(area.person_scores()[-1][0] for area, _, _ in wheel_areas(facts))


def area_drawing(area: AreaProgress, width: float, height: float, label_size: float) -> Drawing | None:
    """The person's scores for one area over time, or ``None`` with fewer than two scores."""
    scores = area.person_scores()
    if len(scores) < 2:
        return None
    drawing = Drawing(width, height, initialFontName=SANS)
    plot = LinePlot()
    plot.x, plot.y = label_size * 2.2, label_size * 2.2
    plot.width, plot.height = width - plot.x - label_size * 3, height - plot.y - label_size * 0.8
    plot.data = [[(day.toordinal(), score) for day, score in scores]]
    line = plot.lines[0]
    line.strokeColor = NOW
    line.strokeWidth = 2.5
    line.symbol = _marker("FilledCircle", 6)
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = SANS
        axis.labels.fontSize = label_size
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
    plot.xValueAxis.tickDown = 0
    plot.yValueAxis.tickLeft = 0
    first, last = scores[0][0].toordinal(), scores[-1][0].toordinal()
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = first, last
    plot.xValueAxis.valueSteps = [first, last]
    plot.xValueAxis.labelTextFormat = lambda value: short_date(date.fromordinal(int(value)))
    plot.xValueAxis.labels.boxAnchor = "n"
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = area.scale.low, area.scale.high
    plot.yValueAxis.valueSteps = [area.scale.low, area.scale.high]
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = RULE
    plot.yValueAxis.gridStrokeDashArray = (1, 2)
    drawing.add(plot)
    return drawing


def _marker(kind: str, size: float) -> object:
    from reportlab.graphics.widgets.markers import makeMarker

    marker = makeMarker(kind)
    marker.size = size
    marker.fillColor = NOW
    marker.strokeColor = NOW
    return marker
