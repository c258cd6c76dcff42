"""The large dataset: "a county service over ten years", made fast and kept in a cache.

The generator is the demo's builder (``careplan.demo``), which already writes rows in
bulk (SQLAlchemy Core / the driver's ``executemany``, one transaction, a big page cache) and
keeps the application's rules by construction: voices on every text, statuses that follow the
plan's life, money in pence within the budget, signed versions fingerprinted by the real
``plan_sha256``, reviews from ``standard_reviews`` and an audit trail hashed with
``careplan.services.audit.event_hash`` (so ``careplan audit verify`` passes on it).

What changes here is the shape of the service: it has run for ten years instead of five, and a
plan goes through many more versions (a revision at a review, again and again), so that 40,000
people give about 250,000 plan versions and about 2.5 million goals, steps and allocations.

A finished database is kept under ``~/.cache/careplan-bench/`` (or ``$CAREPLAN_BENCH_CACHE``),
named by people, seed, schema revision and generator version, so later runs skip generation.
It is written to a temporary name first and renamed, so a cache file is always complete. After a
new migration, the newest cached file of an older revision is copied and brought up to date by
Careplan's own migrations (as a person's database would be) instead of being made again.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, update
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from bench.keyed import open_bench_database
from careplan.demo.builder import Builder
from careplan.demo.summary import DemoSummary
from careplan.domain.records import AuditHead, Setting
from careplan.services.demo_marker import DEMO_SETTING
from careplan.storage import encryption

# Bump when the generator's output changes, so stale cache files are not reused.
GENERATOR_VERSION = 2
# A fixed "today", so the same seed always gives the same database (whatever day it is made).
TODAY = date(2026, 11, 2)
YEARS = 10
MOST_VERSIONS = 12


@dataclass(frozen=True)
class Dataset:
    path: Path
    people: int
    seed: int
    generated: bool  # made in this run (False: taken from the cache)
    seconds: float | None  # how long making it took (None when taken from the cache)
    counts: dict[str, int]


def cache_dir() -> Path:
    found = os.environ.get("CAREPLAN_BENCH_CACHE")
    return Path(found) if found else Path.home() / ".cache" / "careplan-bench"


def cache_path(people: int, seed: int, folder: Path | None = None, revision: str | None = None) -> Path:
    from careplan.storage.migrate import head_revision

    name = f"county-p{people}-s{seed}-r{revision or head_revision()}-g{GENERATOR_VERSION}.db"
    return (folder or cache_dir()) / name


def older_cached(people: int, seed: int, folder: Path | None = None) -> Path | None:
    """The cached dataset of the newest schema revision older than this version's, if any."""
    from careplan.storage.migrate import head_revision, is_known_revision

    head = cache_path(people, seed, folder)
    prefix, suffix = f"county-p{people}-s{seed}-r", f"-g{GENERATOR_VERSION}.db"
    found: list[tuple[int, Path]] = []
    for path in head.parent.glob(f"{prefix}*{suffix}"):
        revision = path.name[len(prefix) : -len(suffix)]
        # Known to this version's migrations and not its head: older (the history is one line).
        if revision.isdigit() and revision != head_revision() and is_known_revision(revision):
            found.append((int(revision), path))
    return max(found)[1] if found else None


def upgraded_copy(source: Path, target: Path) -> None:
    """Copy the cached dataset ``source`` (of an older schema) to ``target`` and bring it up to
    date through Careplan's migrations, as opening it in the app would."""
    import shutil

    partial = target.with_name(target.name + f".partial-{os.getpid()}")
    _remove_database(partial)
    try:
        shutil.copyfile(source, partial)
        if encryption.key_file_for(source).exists():  # a dataset from before encryption has none
            shutil.copyfile(encryption.key_file_for(source), encryption.key_file_for(partial))
        # Migrates (and encrypts a dataset from before encryption); closing checkpoints.
        upgraded = open_bench_database(partial)
        try:
            _give_demo_passwords(upgraded)
        finally:
            upgraded.dispose()
        for kept in partial.parent.glob(f"{partial.name}.before-*.bak"):
            kept.unlink()  # the copies the upgrade keeps aside: the cached source is still there
        _remove_database(target)
        encryption.key_file_for(partial).replace(encryption.key_file_for(target))
        partial.replace(target)
    finally:
        _remove_database(partial)
    seconds = generation_seconds(source)
    note = (
        {"seconds": seconds, "upgraded_from": source.name}
        if seconds is not None
        else {"upgraded_from": source.name}
    )
    _sidecar(target).write_text(json.dumps(note) + "\n", encoding="utf-8")


def _give_demo_passwords(db: Any) -> None:
    """A dataset made before staff signed in has demo accounts without passwords: give them the
    demo password, as a dataset made now has (the start-up probe signs in with it)."""
    from sqlalchemy import update

    from careplan.demo.accounts import demo_password_hash
    from careplan.domain.records import StaffMember
    from careplan.services.demo_facts import DEMO_ACCOUNTS

    with db.session() as session, session.begin():
        for account in DEMO_ACCOUNTS:
            session.execute(
                update(StaffMember)
                .where(StaffMember.username == account.username, StaffMember.password_hash.is_(None))
                .values(password_hash=demo_password_hash(account.username), must_change_password=False)
            )


def _remove_database(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), encryption.key_file_for(path)):
        leftover.unlink(missing_ok=True)


def _bulk_engine(path: Path) -> Engine:
    """An engine for filling a brand-new file as fast as SQLite allows.

    No rollback journal and no fsync while filling: the file is new, has a temporary name, and is
    thrown away if anything fails; only a finished file is renamed into the cache. (In WAL mode a
    transaction bigger than the page cache writes every page to the log again and again: for the
    full dataset that was gigabytes of log.) Foreign keys stay on, so every row is checked.
    """
    from bench.keyed import key_of

    key = key_of(path)
    engine = create_engine(
        f"sqlite:///{path}",
        poolclass=NullPool,
        module=encryption.dbapi(),
        creator=lambda: encryption.connect(path, key, check_same_thread=False),
    )

    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode = OFF",
            "synchronous = OFF",
            "cache_size = -1048576",
            "temp_store = MEMORY",
            "foreign_keys = ON",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    event.listen(engine, "connect", pragmas)
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql("BEGIN"))
    return engine


def generate(path: Path, people: int, seed: int, *, progress: bool = False) -> DemoSummary:
    """Make the dataset in a new SQLite file at ``path``."""
    open_bench_database(path).engine.dispose()  # the schema (and the key), by Careplan's own code
    engine = _bulk_engine(path)
    try:
        with Session(engine) as session, session.begin():
            session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq))
            # The demo builder with ten years of history, where any plan may have been revised at a
            # review many times before it got where it is now.
            builder = Builder(
                session, random.Random(seed), TODAY, people, years=YEARS, most_versions=MOST_VERSIONS
            )

            def report(done: int, total: int) -> None:
                if progress and (done % 2000 == 0 or done == total):
                    print(f"  generated {done:,} of {total:,} people", flush=True)

            summary = builder.run(report)
            session.add(
                Setting(
                    key=DEMO_SETTING,
                    value={"seed": seed, "people": people, "made_on": TODAY.isoformat(), "bench": True},
                )
            )
        return summary
    finally:
        engine.dispose()


def table_counts(path: Path) -> dict[str, int]:
    from bench.keyed import connect

    tables = ("people", "plans", "plan_versions", "goals", "steps", "allocations", "texts", "audit_events")
    with contextlib.closing(connect(path, immutable=True)) as connection:
        return {t: int(connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}


def dataset(
    people: int, seed: int = 1, *, folder: Path | None = None, use_cache: bool = True, progress: bool = False
) -> Dataset:
    """The dataset for ``people`` and ``seed``: from the cache, or made now (and cached)."""
    path = cache_path(people, seed, folder)
    if use_cache and path.exists():
        return Dataset(path, people, seed, False, None, table_counts(path))
    older = older_cached(people, seed, folder) if use_cache else None
    if older is not None:
        if progress:
            print(f"  bringing {older.name} up to date (a newer schema)", flush=True)
        upgraded_copy(older, path)
        return Dataset(path, people, seed, False, None, table_counts(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".partial-{os.getpid()}")
    sides = (Path(f"{partial}-wal"), Path(f"{partial}-shm"), encryption.key_file_for(partial))
    for leftover in (partial, *sides):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    generate(partial, people, seed, progress=progress)
    seconds = time.perf_counter() - started
    from bench.keyed import connect

    # Back to WAL, as Careplan keeps its files; closing the only connection leaves one whole file.
    connection = connect(partial, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    for side in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        side.unlink(missing_ok=True)
    encryption.key_file_for(partial).replace(encryption.key_file_for(path))
    partial.replace(path)
    Path(f"{partial}-wal").unlink(missing_ok=True)
    Path(f"{partial}-shm").unlink(missing_ok=True)
    _sidecar(path).write_text(json.dumps({"seconds": seconds}) + "\n", encoding="utf-8")
    return Dataset(path, people, seed, True, seconds, table_counts(path))


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def generation_seconds(path: Path) -> float | None:
    """How long making a cached dataset took, as noted when it was made."""
    try:
        return float(json.loads(_sidecar(path).read_text(encoding="utf-8"))["seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def working_copy(source: Path, folder: Path) -> Path:
    """A copy to run the benchmarks on, so saving edits never changes the cached file."""
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "bench.db"
    for side in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        side.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    encryption.key_file_for(target).unlink(missing_ok=True)
    if encryption.key_file_for(
        source
    ).exists():  # same key (a plain dataset cached by an earlier version has none)
        shutil.copyfile(encryption.key_file_for(source), encryption.key_file_for(target))
    return target


__all__ = ["TODAY", "Dataset", "cache_path", "dataset", "generate", "generation_seconds", "working_copy"]
