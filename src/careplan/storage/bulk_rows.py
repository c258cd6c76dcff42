"""Rows inserted in bulk, in one session's transaction: for filling a new database fast.

What goes in the rows (and every rule about it) is the caller's; this is only how they get into
the tables quickly: on SQLite straight to the driver's ``executemany``, elsewhere SQLAlchemy Core's
executemany, and PostgreSQL's id sequences moved past ids the caller chose.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Date, insert, text
from sqlalchemy.orm import Session

from careplan.domain.records import Base, UtcDateTime

LARGE_PAGE_CACHE_KIB = 65536


def _utc_text(value: datetime) -> str:
    if value.tzinfo is not UTC:
        raise ValueError("bulk timestamps are made in UTC")
    return value.isoformat(" ", "microseconds")[:26]


def _date_text(value: date) -> str:
    return value.isoformat()


_SAMPLE_MOMENTS = (
    datetime(2024, 2, 29, 9, 5, 7, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),
)
_SAMPLE_DAYS = (date(2024, 2, 29), date(1950, 1, 2))


def _quicker(kind: Any, processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A faster equivalent of SQLAlchemy's SQLite processor for timestamps and dates, if it is one.

    Checked against SQLAlchemy's own processor on sample values; anything else keeps SQLAlchemy's.
    """
    if isinstance(kind, UtcDateTime):
        candidate: Callable[[Any], Any] = _utc_text
        samples: tuple[Any, ...] = _SAMPLE_MOMENTS
    elif isinstance(kind, Date):
        candidate, samples = _date_text, _SAMPLE_DAYS
    else:
        return processor
    if all(candidate(v) == processor(v) for v in samples):
        return candidate
    return processor  # pragma: no cover - SQLAlchemy changed how SQLite stores these


def use_large_page_cache(session: Session) -> None:
    """A bigger page cache for this session's connection, on SQLite: far fewer page writes while a
    large database is filled in one transaction (dispose of the database after, so that the
    connection is not kept in the pool)."""
    if session.get_bind().dialect.name == "sqlite":
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{LARGE_PAGE_CACHE_KIB}")


class BulkRows:
    """Inserts rows, many at a time, all in its session's one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        bind = session.get_bind()
        self._fast_dialect = bind.dialect
        self._fast: dict[str, tuple[str, list[str], list[tuple[int, Callable[[Any], Any]]]]] | None = (
            {} if bind.dialect.name == "sqlite" and bind.dialect.paramstyle == "qmark" else None
        )

    def insert(self, name: str, batch: list[dict[str, Any]]) -> None:
        """Insert many rows of the table ``name`` at once (each row names every column).

        On SQLite the rows go straight to the driver's ``executemany``, each value passed through
        the column type's own bind processor (so the stored values are exactly what SQLAlchemy
        would store); that skips SQLAlchemy's per-row statement work, which costs more than the
        insert itself. Elsewhere, SQLAlchemy Core's executemany.

        A ``None`` in a JSON column is stored as SQL NULL (not JSON ``null``), as the ORM does
        when the attribute was never set.
        """
        table = Base.metadata.tables[name]
        if self._fast is None:
            # Runs of rows with the same JSON columns empty, in the order given: a row may refer
            # to one before it (a revised version to the one it is based on).
            json_columns = [c.name for c in table.columns if isinstance(c.type, JSON)]
            run: list[dict[str, Any]] = []
            run_absent: tuple[str, ...] | None = None
            for row in batch:
                absent = tuple(c for c in json_columns if row.get(c) is None)
                if absent != run_absent and run:
                    self.session.execute(insert(table), run)
                    run = []
                run_absent = absent
                run.append({k: v for k, v in row.items() if k not in absent} if absent else row)
            if run:
                self.session.execute(insert(table), run)
            return
        prepared = self._fast.get(name)
        if prepared is None:
            dialect = self._fast_dialect
            quote = dialect.identifier_preparer.quote
            columns = [c.name for c in table.columns]
            statement = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            processors: list[tuple[int, Callable[[Any], Any]]] = []
            for index, column in enumerate(table.columns):
                found = column.type.dialect_impl(dialect).bind_processor(dialect)
                if found is not None:
                    processors.append((index, _quicker(column.type, found)))
            prepared = (statement, columns, processors)
            self._fast[name] = prepared
        statement, columns, processors = prepared
        values_of = itemgetter(*columns)
        data = [list(values_of(row)) for row in batch]
        for position, convert in processors:
            # The same object (a list of audit field names, a signature shape) is converted once.
            done: dict[int, Any] = {}
            for values in data:
                value = values[position]
                if value is not None:
                    key = id(value)
                    converted = done.get(key)
                    if converted is None:
                        converted = done[key] = convert(value)
                    values[position] = converted
        driver = self.session.connection().connection.dbapi_connection
        assert driver is not None
        driver.executemany(statement, data)

    def advance_sequences(self, tables: Iterable[str]) -> None:
        """Ids were chosen by the caller, so PostgreSQL's id sequences must be moved past them."""
        if self.session.get_bind().dialect.name != "postgresql":
            return
        for name in tables:
            self.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))")
            )
