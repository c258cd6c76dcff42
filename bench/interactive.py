"""Measurements inside one process, through the real code: search, workspace, saving an edit.

Each is timed with ``time.perf_counter`` around exactly the work a key worker waits for, and
compared with a baseline doing the least the database must do for the same thing (plain
``sqlite3``, the same file, the same PRAGMAs as Careplan's connections).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from bench.keyed import connect, open_bench_database
from careplan.services.signed_in import SignedInStaff


@dataclass
class Session:
    """The app's window on the benchmark database, offscreen, as a key worker sees it."""

    context: SignedInStaff
    window: Any
    app: Any


def open_window(database: Path, username: str = "sam") -> Session:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careplan.domain.enums import Role
    from careplan.domain.records import StaffMember
    from careplan.gui.main_window import MainWindow
    from careplan.services.unit_of_work import staff_by_username

    app = QApplication.instance() or QApplication(["careplan-bench"])
    db = open_bench_database(database)
    actor = staff_by_username(db, username)
    with db.session() as session:
        staff = session.get(StaffMember, actor.staff_id)
        assert staff is not None
        context = SignedInStaff(db=db, actor=actor, staff_name=staff.display_name, role=Role(staff.role))
    settings = QSettings(str(database.parent / "bench-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    window.workspace.build_pages()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    return Session(context, window, app)


def _raw(database: Path) -> Any:
    """A keyed SQLCipher connection (sqlite3's API) with Careplan's PRAGMAs (WAL,
    synchronous=FULL, foreign keys)."""
    connection = connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("PRAGMA foreign_keys=ON")
    return connection


def _sql(statement: Any, dialect: Any) -> str:
    return str(statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))


def _names(database: Path, rng: random.Random, count: int) -> list[str]:
    connection = connect(database)
    try:
        total = connection.execute("SELECT max(id) FROM people").fetchone()[0]
        words: list[str] = []
        while len(words) < count:
            row = connection.execute(
                "SELECT preferred_name, full_name, reference FROM people WHERE id = ?",
                (rng.randint(1, total),),
            ).fetchone()
            if row is None:
                continue
            preferred, full, reference = row
            pick = rng.random()
            if pick < 0.5:
                words.append(preferred)
            elif pick < 0.85:
                words.append(full.split()[-1])  # a family name
            else:
                words.append(reference)
        return words
    finally:
        connection.close()


def search(
    session: Session, database: Path, rng: random.Random, words: int
) -> tuple[list[float], list[float]]:
    """Each keystroke typing a name: the list's refresh through the real panel and model (ms);
    and the same SQL (how many, the first page and its rows) run alone through sqlite3 (ms)."""
    from sqlalchemy.dialects import sqlite

    from careplan.gui.people.model import PAGE
    from careplan.services import people_search

    panel = session.window.people
    app = session.app
    typed = [w[:i] for w in _names(database, rng, words) for i in range(1, len(w) + 1)]
    samples: list[float] = []
    for text in typed:
        panel.search.blockSignals(True)  # the 120 ms typing pause is not part of the refresh
        panel.search.setText(text)
        panel.search.blockSignals(False)
        started = time.perf_counter()
        panel.apply_filters()
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
    panel.search.setText("")
    panel.apply_filters()

    connection = _raw(database)
    today = date.today()
    actor = session.context.actor
    dialect = sqlite.dialect()
    baseline: list[float] = []
    for text in typed:
        # Exactly the SQL the list runs for this keystroke (people_search.first_page): the small
        # counts that choose how to search, how many match, and the first page.
        query = replace(panel.model.query, text=text)
        ran: list[Any] = []
        with session.context.db.session() as orm:
            counting, page, _ = people_search._first_page_statements(orm, query, actor, today, PAGE, ran)
        sql = [_sql(s, dialect) for s in (*ran, counting, page)]
        started = time.perf_counter()
        for one in sql:
            found = connection.execute(one).fetchall()
        seconds = time.perf_counter() - started
        if query.sort in people_search._PAGE_FIRST and found:  # then the chosen people's rows
            details = _sql(people_search._details([row[0] for row in found]), dialect)
            started = time.perf_counter()
            connection.execute(details).fetchall()
            seconds += time.perf_counter() - started
        baseline.append(seconds * 1000)
    connection.close()
    return samples, baseline


def _people_with_plans(database: Path, rng: random.Random, count: int, key_worker_id: int) -> list[int]:
    """People with a plan on the key worker's caseload: the records they open without covering."""
    connection = connect(database)
    try:
        ids = [
            r[0]
            for r in connection.execute(
                "SELECT DISTINCT plans.person_id FROM plans JOIN people ON people.id = plans.person_id "
                "WHERE people.key_worker_id = ? ORDER BY plans.person_id",
                (key_worker_id,),
            )
        ]
    finally:
        connection.close()
    return rng.sample(ids, min(count, len(ids)))


def workspace(
    session: Session, database: Path, rng: random.Random, people: int, *, front: str = "About me"
) -> tuple[list[float], list[float]]:
    """Opening a person's workspace with the page titled ``front`` in front: loading their record
    (and their plan, for a page that shows it) and filling that page, the only one filled on
    opening (ms); against reading the person's row alone (ms)."""
    chosen = _people_with_plans(database, rng, people, session.context.actor.staff_id)
    window, app = session.window, session.app
    tabs = window.workspace.tabs
    titles = [tabs.tabText(index).replace("&", "") for index in range(tabs.count())]
    tabs.setCurrentIndex(titles.index(front))
    window.open_person(chosen[-1])  # once first, so one-off work (fonts, first layouts) is not counted
    app.processEvents()
    samples: list[float] = []
    for person_id in chosen:
        started = time.perf_counter()
        window.open_person(person_id)
        app.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
    connection = _raw(database)
    baseline: list[float] = []
    for person_id in chosen:
        started = time.perf_counter()
        connection.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchall()
        baseline.append((time.perf_counter() - started) * 1000)
    connection.close()
    return samples, baseline


def save_edit(
    session: Session, database: Path, rng: random.Random, edits: int
) -> tuple[list[float], list[float]]:
    """Saving one edit (an About me answer) through the use case: permission, one transaction,
    a new authored text, the audit event, commit with fsync (ms); against a single-row UPDATE and
    commit through sqlite3 with the same PRAGMAs (ms)."""
    from careplan.domain.actor import Voice
    from careplan.services.people import write_about_me

    chosen = _people_with_plans(database, rng, edits, session.context.actor.staff_id)
    db, actor = session.context.db, session.context.actor
    write_about_me(db, actor, chosen[0], "hopes", "Warming up.", Voice.person())
    samples: list[float] = []
    for number, person_id in enumerate(chosen):
        words = f"I hope to be settled in my own flat by the spring ({number})."
        started = time.perf_counter()
        write_about_me(db, actor, person_id, "hopes", words, Voice.person())
        samples.append((time.perf_counter() - started) * 1000)
    connection = _raw(database)
    baseline: list[float] = []
    for number, person_id in enumerate(chosen):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "UPDATE people SET updated_at = ? WHERE id = ?",
            (f"2026-11-02 10:00:{number % 60:02d}", person_id),
        )
        connection.execute("COMMIT")
        baseline.append((time.perf_counter() - started) * 1000)
    connection.close()
    return samples, baseline
