"""The manager's desk: its data, and its window opened with every table filled.

Timed with ``time.perf_counter`` around exactly the named work, as Priya (a manager):

- "Desk data at N people": :func:`careplan.services.desk.desk_view` (every queue, the money,
  the caseloads, the services near or over what is set aside: eight statements in one read
  transaction, and the frozen views built from them).
  Baseline: the very same eight SQL statements (compiled from the desk's own, with today's date
  written in) run through sqlite3 on the same file, rows fetched: the same database work without
  Careplan's session, permission check or views.
- "Desk window opened": :class:`careplan.gui.desk.window.DeskWindow` made and shown, until the
  desk read off the GUI thread is in every table (the charts are drawn when the Money tab is
  first shown, not at opening: not counted). Baseline:
  the same SQL through sqlite3, its rows put as plain text into as many plain Qt tables (a
  ``QStandardItemModel`` each) in a tab widget, shown: the same data on screen, without the
  desk's words, form or views.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from bench.keyed import connect, open_bench_database

MANAGER = "priya"


def statements(today: date) -> list[str]:
    """The desk's eight statements as SQLite runs them, today's date written in."""
    from sqlalchemy.dialects import sqlite

    from careplan.services import desk_money, desk_near_limit, desk_queues
    from careplan.services.desk import ENDING_WITHIN_DAYS

    dialect = sqlite.dialect()
    built = [
        desk_queues.to_approve_statement(),
        desk_queues.to_decide_statement(),
        desk_queues.ending_statement(today, ENDING_WITHIN_DAYS),
        desk_queues.reviews_statement(today),
        desk_money.by_month_statement(),
        desk_money.by_category_statement(),
        desk_money.caseloads_statement(),
        desk_near_limit.near_limit_statement(),
    ]
    return [str(s.compile(dialect=dialect, compile_kwargs={"literal_binds": True})) for s in built]


def _same_sql(connection: Any, sql: list[str]) -> list[list[Any]]:
    return [connection.execute(one).fetchall() for one in sql]


def desk_data(database: Path, count: int) -> tuple[list[float], list[float]]:
    """``desk_view`` ``count`` times (ms); and the same SQL through sqlite3 as often (ms)."""
    from careplan.services.clock import now
    from careplan.services.desk import desk_view
    from careplan.services.unit_of_work import staff_by_username

    db = open_bench_database(database)
    try:
        actor = staff_by_username(db, MANAGER)
        desk_view(db, actor)  # warm: the first query of a process
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            desk_view(db, actor)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        db.dispose()
    sql = statements(now().date())
    connection = connect(database)
    baseline = []
    try:
        _same_sql(connection, sql)
        for _ in range(count):
            started = time.perf_counter()
            _same_sql(connection, sql)
            baseline.append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return samples, baseline


def _plain_window(rows: list[list[Any]]) -> Any:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView, QTabWidget

    tabs = QTabWidget()
    for found in rows:
        model = QStandardItemModel(tabs)
        for row in found:
            model.appendRow([QStandardItem(str(cell)) for cell in row])
        view = QTableView()
        view.setModel(model)
        tabs.addTab(view, str(len(found)))
    tabs.resize(1100, 700)
    tabs.show()
    return tabs


def desk_window(database: Path, count: int) -> tuple[list[float], list[float]]:
    """The desk's window made, filled and shown ``count`` times (ms); the plain baseline (ms)."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from careplan.domain.enums import Role
    from careplan.gui.desk.window import DeskWindow
    from careplan.services.clock import now
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username

    app = QApplication.instance() or QApplication(["careplan-bench"])
    db = open_bench_database(database)
    samples: list[float] = []
    try:
        context = SignedInStaff(db, staff_by_username(db, MANAGER), "Priya", Role.MANAGER, MANAGER)
        for round_ in range(count + 1):  # the first is not counted: imports, the form's first build
            started = time.perf_counter()
            window = DeskWindow(context)
            until_filled = QEventLoop()
            window.filled.connect(until_filled.quit)
            window.show()
            if window.view is None:  # read off the GUI thread: wait for it in every table
                until_filled.exec()
            app.processEvents()
            if round_:
                samples.append((time.perf_counter() - started) * 1000)
            window.close()
            window.deleteLater()
            app.processEvents()
    finally:
        db.dispose()
    sql = statements(now().date())
    connection = connect(database)
    baseline: list[float] = []
    try:
        for round_ in range(count + 1):
            started = time.perf_counter()
            plain = _plain_window(_same_sql(connection, sql))
            app.processEvents()
            if round_:
                baseline.append((time.perf_counter() - started) * 1000)
            plain.close()
            plain.deleteLater()
            app.processEvents()
    finally:
        connection.close()
    return samples, baseline
