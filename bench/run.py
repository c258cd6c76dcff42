"""Careplan's benchmarks: one command, every figure, each against a baseline from the same run.

    .venv/bin/python -m bench            # the full run: 40,000 people (the county dataset)
    .venv/bin/python -m bench --quick    # about 2,000 people, fewer repetitions (CI smoke)
    .venv/bin/python -m bench --json out.json

Prints a table and (with ``--json``) writes every figure with its median and spread (p5, p95,
min, max, n), its baseline, the ratio and its targets (pass or miss). Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FULL_PEOPLE = 40_000
QUICK_PEOPLE = 2_000


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_PEOPLE:,} people, fewer repetitions")
    parser.add_argument("--people", type=int, help="how many people (overrides --quick's size)")
    parser.add_argument("--repeat", type=int, help="repetitions of each measurement (default 5; quick 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON here")
    parser.add_argument("--cache-dir", metavar="DIR", help="where generated datasets are kept")
    parser.add_argument("--no-cache", action="store_true", help="generate the dataset even if cached")
    parser.add_argument(
        "--only",
        metavar="FIGURES",
        type=_figure_list,
        help="measure only these, comma-separated: " + ", ".join(GROUPS) + " (default: all)",
    )
    return parser


# What --only can choose: each measures one or more figures of the table.
GROUPS = (
    "generation",
    "startup",
    "memory",
    "search",
    "workspace",
    "saving",
    "reviews",
    "desk",
    "agreements",
)


def _figure_list(text: str) -> frozenset[str]:
    chosen = frozenset(part.strip() for part in text.split(",") if part.strip())
    unknown = sorted(chosen - set(GROUPS))
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown figure {', '.join(unknown) or '(none given)'}; choose from {', '.join(GROUPS)}"
        )
    return chosen


def _ms(seconds: float) -> float:
    return seconds * 1000


def machine() -> dict[str, Any]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gb": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": load,
    }


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    people = args.people or (QUICK_PEOPLE if args.quick else FULL_PEOPLE)
    repeat = max(1, args.repeat or (3 if args.quick else 5))
    info = machine()
    print(f"Careplan benchmarks: {people:,} people, {repeat} repetitions, seed {args.seed}", flush=True)
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; "
        f"load average {info['load_average_at_start']}"
    )

    from bench import stats
    from bench.dataset import dataset, working_copy

    figures: list[stats.Figure] = []
    only: frozenset[str] = args.only or frozenset(GROUPS)
    folder = Path(args.cache_dir) if args.cache_dir else None
    data = dataset(people, args.seed, folder=folder, use_cache=not args.no_cache, progress=True)
    print(
        f"Dataset: {data.path} ({'made now' if data.generated else 'from the cache'}): "
        + ", ".join(f"{v:,} {k}" for k, v in data.counts.items()),
        flush=True,
    )

    with tempfile.TemporaryDirectory(prefix="careplan-bench-") as scratch:
        work = Path(scratch)
        database = working_copy(data.path, work / "db")
        if "generation" in only:
            print("Measuring: generation baseline", flush=True)
            figures.append(_generation(data, work))
        if only & {"startup", "memory"}:
            print("Measuring: start-up and memory (the app in its own process)", flush=True)
            figures += _startup_and_memory(database, work, repeat, only)
        if only & {"search", "workspace", "saving"}:
            print("Measuring: search, workspace, saving (offscreen window)", flush=True)
            figures += _in_process(database, repeat, args.seed, only, quick=args.quick or people < 10_000)
        if "reviews" in only:
            print("Measuring: the Reviews page's data and My progress", flush=True)
            figures += _reviews(database, repeat, args.seed)
        if "desk" in only:
            print("Measuring: the manager's desk", flush=True)
            figures += _desk(database, repeat, people)
        if "agreements" in only:
            print("Measuring: agreements", flush=True)
            figures += _agreements(database, work, repeat)

    print()
    print(stats.table(figures))
    missed = [f"{f.title}: {t.what}" for f in figures for t in f.targets if not t.met]
    print()
    print("Targets missed: " + ("; ".join(missed) if missed else "none"))
    if args.json:
        report = {
            "people": people,
            "repeat": repeat,
            "seed": args.seed,
            "dataset": {"path": str(data.path), "generated_now": data.generated, "counts": data.counts},
            "machine": info,
            "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "figures": {f.key: f.to_json() for f in figures},
        }
        Path(args.json).write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        print(f"Written: {args.json}")
    return 0


# --- generation ---------------------------------------------------------------------------------


def _generation(data: Any, work: Path) -> Any:
    """Making the dataset, against inserting as many plain rows through sqlite3 alone."""
    import secrets

    from bench import stats
    from bench.dataset import generation_seconds
    from careplan.storage import encryption

    seconds = data.seconds if data.seconds is not None else generation_seconds(data.path)
    rows = sum(data.counts.values())
    path = work / "floor.db"
    # SQLCipher, keyed like Careplan's files, so the floor pays for the encryption too.
    floor_key = encryption.DatabaseKey(secrets.token_bytes(32), "floor", from_keyring=False)
    connection = encryption.connect(path, floor_key, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, c TEXT, d TEXT)")
    started = time.perf_counter()
    connection.execute("BEGIN")
    batch = 50_000
    for first in range(0, rows, batch):
        connection.executemany(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            (
                (i, i % 97, "2026-11-02 10:00:00.000000", "a few words of text", "f" * 32)
                for i in range(first, min(rows, first + batch))
            ),
        )
    connection.execute("COMMIT")
    floor = time.perf_counter() - started
    connection.close()
    path.unlink()
    figure = stats.Figure(
        "generation",
        "generating the dataset",
        "s",
        [seconds] if seconds is not None else [float("nan")],
        f"inserting the same number of rows ({rows:,}) of 5 columns through sqlite3 alone",
        [floor],
    )
    if not data.generated:
        figure.notes.append("taken from the cache: the time is from when it was made")
    return figure


# --- start-up and memory ------------------------------------------------------------------------


def _startup_and_memory(database: Path, work: Path, repeat: int, only: frozenset[str]) -> list[Any]:
    from bench import stats
    from bench.processes import SIGN_IN_MS, app_run, bare_run

    app_runs, bare_runs = [], []
    app_run(database, work, "startup")  # once to warm the file cache: later starts are what people see
    bare_run(work)
    SIGN_IN_MS.clear()
    for _ in range(repeat if "startup" in only else 1):
        app_runs.append(app_run(database, work, "startup"))
        bare_runs.append(bare_run(work))
    startup = stats.Figure(
        "startup",
        "start-up to a usable main window (signing in included)",
        "ms",
        [_ms(t) for t, _, _ in app_runs],
        "a bare PySide6 process showing a window with a 10,000-row QTableView",
        [_ms(t) for t, _, _ in bare_runs],
        notes=[
            f"people list rows on first paint: {app_runs[0][1]}",
            "of which signing in (password check and building the window), median: "
            f"{statistics.median(SIGN_IN_MS):.0f} ms"
            if SIGN_IN_MS
            else "no sign-in dialog was shown",
            "the database key from a keyring, as on a desktop; bytecode compiled on the warm-up run",
        ],
    )
    startup.targets.append(stats.ratio_at_most(startup, 3.0))
    if "memory" not in only:
        return [startup]
    memory_runs = [app_run(database, work, "memory") for _ in range(min(repeat, 3))]
    memory = stats.Figure(
        "peak_memory",
        "peak memory (max RSS), app in use",
        "MB",
        [kb / 1024 for _, _, kb in memory_runs],
        "the bare PySide6 window process",
        [kb / 1024 for _, _, kb in bare_runs],
        notes=["after start-up, scrolling five pages, opening three workspaces and a search"],
    )
    memory.targets.append(stats.at_most(memory, "max", 300, "max <= 300 MB"))
    return [startup, memory] if "startup" in only else [memory]


# --- search, workspace, saving ------------------------------------------------------------------


def _in_process(database: Path, repeat: int, seed: int, only: frozenset[str], *, quick: bool) -> list[Any]:
    from bench import interactive, stats

    rng = random.Random(seed)
    session = interactive.open_window(database)
    figures: list[stats.Figure] = []
    if "search" in only:
        words = 4 * repeat if quick else 8 * repeat
        typed, raw = interactive.search(session, database, rng, words)
        search = stats.Figure(
            "search",
            "search as you type: one keystroke's refresh",
            "ms",
            typed,
            "the same SQL (count and first page) run alone through sqlite3",
            raw,
        )
        search.targets.append(stats.at_most(search, "p95", 30))
        figures.append(search)
    if "workspace" in only:
        opened, row = interactive.workspace(session, database, rng, 10 * repeat)
        workspace = stats.Figure(
            "workspace",
            "opening a person's workspace (About me in front)",
            "ms",
            opened,
            "reading the person's row alone through sqlite3",
            row,
        )
        workspace.targets.append(stats.at_most(workspace, "median", 50))
        opened, row = interactive.workspace(session, database, rng, 10 * repeat, front="My plan")
        workspace_plan = stats.Figure(
            "workspace_plan",
            "opening a person's workspace (My plan in front)",
            "ms",
            opened,
            "reading the person's row alone through sqlite3",
            row,
            notes=["the plan version is read and its goal and step cards built"],
        )
        workspace_plan.targets.append(stats.at_most(workspace_plan, "median", 50))
        figures += [workspace, workspace_plan]
    if "saving" in only:
        saved, update = interactive.save_edit(session, database, rng, 10 * repeat)
        save = stats.Figure(
            "save_edit",
            "saving one edit (audit and fsync included)",
            "ms",
            saved,
            "a single-row UPDATE and commit through sqlite3, same PRAGMAs",
            update,
        )
        save.targets.append(stats.at_most(save, "median", 20))
        figures.append(save)
    session.window.close()
    session.context.db.dispose()
    return figures


# --- reviews and progress -----------------------------------------------------------------------


def _reviews(database: Path, repeat: int, seed: int) -> list[Any]:
    from bench import reviews, stats

    rng = random.Random(seed)
    baseline_title = "reading the plan's reviews and their scores alone through sqlite3"
    read, raw = reviews.reviews_page_data(database, rng, 10 * repeat)
    page = stats.Figure(
        "reviews_page_data",
        "Reviews page data (reviews_in_full + progress_of, one plan)",
        "ms",
        read,
        baseline_title,
        raw,
        notes=["the page's widgets are not built yet: this is what it will wait for from the database"],
    )
    page.targets.append(stats.at_most(page, "median", 50))
    rendered, raw, first = reviews.progress_rendered(database, rng, 10 * repeat)
    sheet = stats.Figure(
        "progress_rendered",
        "My progress rendered warm (progress_of + render_progress)",
        "ms",
        rendered,
        baseline_title,
        raw,
        notes=[f"the first sheet in a process (imports and fonts included) took {first:.0f} ms"],
    )
    sheet.targets.append(stats.at_most(sheet, "median", 150))
    return [page, sheet]


# --- the manager's desk ---------------------------------------------------------------------------


def _desk(database: Path, repeat: int, people: int) -> list[Any]:
    from bench import desk, stats

    read, raw = desk.desk_data(database, 4 * repeat)
    data = stats.Figure(
        "desk_data",
        f"Desk data at {people:,} people (desk_view: queues, money, caseloads)",
        "ms",
        read,
        "the desk's own eight SQL statements run alone through sqlite3",
        raw,
    )
    data.targets.append(stats.at_most(data, "median", 200))
    shown, plain = desk.desk_window(database, 2 * repeat)
    window = stats.Figure(
        "desk_window",
        "Desk window opened (made, every table filled, shown)",
        "ms",
        shown,
        "the same SQL through sqlite3 into plain Qt tables in a tab widget, shown",
        plain,
        notes=["the charts are drawn when the Money tab is first shown: not counted here"],
    )
    window.targets.append(stats.at_most(window, "median", 200))
    return [data, window]


# --- agreements ---------------------------------------------------------------------------------


def _agreements(database: Path, work: Path, repeat: int) -> list[Any]:
    from bench import agreements, stats
    from bench.keyed import open_bench_database
    from careplan.services.unit_of_work import staff_by_username

    db = open_bench_database(database)
    actor = staff_by_username(db, "priya")
    agreement = agreements.ten_goal_agreement(db, actor, database)
    signing = agreements.identity()
    started = time.perf_counter()
    ours = agreements.careplan_render_and_sign(agreement, signing)
    first = time.perf_counter() - started
    theirs = agreements.plain_render_and_sign(agreement, signing)
    pages = f"pages: Careplan {agreements.page_count(ours)}, baseline {agreements.page_count(theirs)}"
    careplan_runs, plain_runs = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        agreements.careplan_render_and_sign(agreement, signing)
        careplan_runs.append(_ms(time.perf_counter() - started))
        started = time.perf_counter()
        agreements.plain_render_and_sign(agreement, signing)
        plain_runs.append(_ms(time.perf_counter() - started))
    db.engine.dispose()
    figure = stats.Figure(
        "agreement",
        "rendering and signing a 10-goal agreement",
        "ms",
        careplan_runs,
        "ReportLab and pyHanko called directly: the same document, fonts, stamp and key",
        plain_runs,
        notes=[f"the first one in a process (imports included) took {_ms(first):.0f} ms", pages],
    )
    figure.targets += [stats.at_most(figure, "median", 500), stats.ratio_at_most(figure, 1.5)]
    office = stats.Figure(
        "agreement_vs_libreoffice",
        "agreement vs LibreOffice .docx to PDF",
        "ms",
        careplan_runs,
        "LibreOffice converting an equivalent .docx (python-docx) to PDF, one soffice process each",
        None,
    )
    program = agreements.soffice()
    try:
        import docx  # noqa: F401 - python-docx, the optional "bench" extra
    except ImportError:
        office.notes.append("not available: python-docx is not installed (pip install -e '.[bench]')")
        program = None
    if program is None:
        if not office.notes:
            office.notes.append("not available: LibreOffice (soffice) is not installed")
        return [figure, office]
    docx_path = work / "agreement.docx"
    agreements.docx_of(agreement, docx_path)
    profile = work / "lo-profile"
    agreements.libreoffice_convert(docx_path, work, program, profile)  # first start sets up the profile
    office.baseline_samples = [
        _ms(agreements.libreoffice_convert(docx_path, work, program, profile)) for _ in range(repeat)
    ]
    office.notes.append("LibreOffice does not sign; Careplan's time includes signing")
    return [figure, office]


if __name__ == "__main__":
    sys.exit(main())
