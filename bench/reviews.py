"""The plan's year: what the Reviews page reads, and the person's "My progress" sheet.

Timed with ``time.perf_counter`` around exactly the named work, for plans chosen at random among
those with reviews held, as the plan's key worker (who opens them):

- the Reviews page's data: :func:`careplan.services.review_view.reviews_in_full` and
  :func:`careplan.services.progress.progress_of` for one plan (the page's widgets are not built
  yet, so this is what the page will wait for from the database);
- "My progress" rendered warm: ``progress_of`` and
  :func:`careplan.documents.render_progress.render_progress` (one sheet first, not counted, so
  imports and fonts are loaded, as in an app that has printed once).

The baseline reads only the plan's reviews and scores through sqlite3: a floor, not the same
work (it reads no notes, texts, goals or steps and draws nothing). An equal-work baseline is
still to come.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from bench.keyed import connect, open_bench_database
from careplan.domain.actor import Actor
from careplan.services.unit_of_work import staff_by_username
from careplan.storage.database import Database

_BASELINE_SQL = (
    "SELECT r.*, s.* FROM reviews r LEFT JOIN review_scores s ON s.review_id = r.id "
    "WHERE r.plan_id = ? ORDER BY r.due_date, r.id"
)


def _plans(database: Path, rng: random.Random, count: int) -> list[tuple[int, str]]:
    """``count`` plans with reviews held (chosen with ``rng``, repeats allowed), with the
    username of each plan's key worker (one still on the team)."""
    connection = connect(database)
    try:
        rows = connection.execute(
            "SELECT DISTINCT r.plan_id, s.username FROM reviews r JOIN plans p ON p.id = r.plan_id "
            "JOIN staff s ON s.id = p.key_worker_id "
            "WHERE r.completed_on IS NOT NULL AND s.active ORDER BY r.plan_id"
        ).fetchall()
    finally:
        connection.close()
    return [(int(plan_id), str(username)) for plan_id, username in (rng.choice(rows) for _ in range(count))]


def _actors(db: Database, plans: list[tuple[int, str]]) -> dict[str, Actor]:
    return {name: staff_by_username(db, name) for name in {username for _, username in plans}}


def _baseline(database: Path, plans: list[tuple[int, str]]) -> list[float]:
    connection = connect(database)
    samples: list[float] = []
    try:
        for plan_id, _ in plans:
            started = time.perf_counter()
            connection.execute(_BASELINE_SQL, (plan_id,)).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        connection.close()
    return samples


def reviews_page_data(database: Path, rng: random.Random, count: int) -> tuple[list[float], list[float]]:
    """``reviews_in_full`` + ``progress_of`` for each of ``count`` plans (ms); and the baseline (ms)."""
    from careplan.services.progress import progress_of
    from careplan.services.review_view import reviews_in_full

    plans = _plans(database, rng, count)
    db = open_bench_database(database)
    try:
        actors = _actors(db, plans)
        plan_id, username = plans[0]
        reviews_in_full(db, actors[username], plan_id)  # warm: the first query of a process
        samples: list[float] = []
        for plan_id, username in plans:
            started = time.perf_counter()
            reviews_in_full(db, actors[username], plan_id)
            progress_of(db, actors[username], plan_id)
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        db.dispose()
    return samples, _baseline(database, plans)


def progress_rendered(
    database: Path, rng: random.Random, count: int
) -> tuple[list[float], list[float], float]:
    """``progress_of`` + ``render_progress`` for each of ``count`` plans, warm (ms); the baseline
    (ms); and the first sheet in the process, imports included (ms)."""
    started = time.perf_counter()
    from careplan.documents.render_progress import render_progress
    from careplan.services.progress import progress_of

    plans = _plans(database, rng, count)
    db = open_bench_database(database)
    try:
        actors = _actors(db, plans)
        plan_id, username = plans[0]
        render_progress(progress_of(db, actors[username], plan_id))
        first = (time.perf_counter() - started) * 1000
        samples: list[float] = []
        for plan_id, username in plans:
            started = time.perf_counter()
            render_progress(progress_of(db, actors[username], plan_id))
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        db.dispose()
    return samples, _baseline(database, plans), first
