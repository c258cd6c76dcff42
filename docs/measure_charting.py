"""Measure what a charting library costs the app: its import, and its first chart on screen.

Each figure is the median of RUNS fresh processes (wall time, and CPU time, which a machine
shared with other work inflates less) (the first import in a process, with the
operating system's file cache warm, as when the app is started a second time). Run it with the
Python of a clean venv made from requirements.lock plus the candidate (docs/charting.md says how):

    python docs/measure_charting.py /tmp/chart-qtcharts/bin/python qtcharts
    python docs/measure_charting.py /tmp/chart-pyqtgraph/bin/python pyqtgraph
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap

RUNS = 11

# The app has QtWidgets loaded before any page opens, so the candidate's cost is what it adds.
BASE = "import time, PySide6.QtWidgets as W\n"

IMPORTS = {
    "qtwidgets": "import time; t, c = time.perf_counter(), time.process_time(); import PySide6.QtWidgets\n",
    "qtcharts": BASE + "t, c = time.perf_counter(), time.process_time(); from PySide6 import QtCharts\n",
    "pyqtgraph": BASE + "t, c = time.perf_counter(), time.process_time(); import pyqtgraph\n",
}

# The first chart: two series of twelve points each, a legend, drawn once into an image.
FIRST_CHART = {
    "qtcharts": textwrap.dedent(
        """
        from PySide6.QtCharts import QChart, QChartView, QLineSeries, QPolarChart
        lines = QChart()
        for name in ("Me", "My worker"):
            series = QLineSeries(); series.setName(name)
            for x in range(12):
                series.append(x, (x * 7) % 10 + 1)
            lines.addSeries(series)
        lines.createDefaultAxes()
        wheel = QPolarChart()
        wheel.addSeries(QLineSeries())
        for chart in (lines, wheel):
            view = QChartView(chart); view.resize(600, 400); view.grab()
        """
    ),
    "pyqtgraph": textwrap.dedent(
        """
        import pyqtgraph as pg
        plot = pg.PlotWidget(background="w")
        plot.addLegend()
        for name in ("Me", "My worker"):
            plot.plot(list(range(12)), [(x * 7) % 10 + 1 for x in range(12)], name=name, symbol="o")
        plot.resize(600, 400); plot.grab()
        """
    ),
}


def _once(python: str, code: str) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=120
    )
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def _median(python: str, code: str) -> str:
    runs = [_once(python, code) for _ in range(RUNS)]
    wall, cpu = [w for w, _ in runs], [c for _, c in runs]
    return (
        f"median {statistics.median(wall):.0f} ms (min {min(wall):.0f}, max {max(wall):.0f}); "
        f"CPU time median {statistics.median(cpu):.0f} ms"
    )


def main(python: str, candidate: str) -> None:
    report = "print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)\n"
    print("import PySide6.QtWidgets alone:", _median(python, IMPORTS["qtwidgets"] + report))
    print(f"{candidate}, import after QtWidgets:", _median(python, IMPORTS[candidate] + report))
    chart = (
        BASE
        + "from PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
        + "t, c = time.perf_counter(), time.process_time()\n"
        + FIRST_CHART[candidate]
        + report
    )
    print(f"{candidate}, import and first chart drawn:", _median(python, chart))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
