"""Writing: rows inserted in bulk, the audit chain, and PostgreSQL's id sequences moved on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Date, insert, text, update
from sqlalchemy.orm import Session

from careplan.domain.records import AuditEvent, AuditHead, Base, UtcDateTime
from careplan.services.audit import event_hash

# The tables the builder fills, in an order that keeps foreign keys satisfied.
TABLES_IN_ORDER = (
    "staff",
    "providers",
    "services",
    "people",
    "peer_mentor_assignments",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "allocation_goals",
    "disagreements",
    "reviews",
    "review_ratings",
    "signatures",
)
# The tables whose ids the builder chooses.
TABLES_WITH_IDS = (
    "staff",
    "providers",
    "services",
    "people",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "disagreements",
    "reviews",
    "signatures",
)
_AUDIT_BATCH = 20_000


# at, order, staff, action, entity, entity id, fields, the person the event is about
Event = tuple[datetime, int, int | None, str, str, int | None, tuple[str, ...], int | None]


def _utc_text(value: datetime) -> str:
    if value.tzinfo is not UTC:
        raise ValueError("demo timestamps are made in UTC")
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


class BulkWriter:
    """Writes rows for the builder, all in its session's one transaction."""

    def __init__(self, session: Session) -> None:
        self.session = session
        bind = session.get_bind()
        self._fast_dialect = bind.dialect
        self._fast: dict[str, tuple[str, list[str], list[tuple[int, Callable[[Any], Any]]]]] | None = (
            {} if bind.dialect.name == "sqlite" and bind.dialect.paramstyle == "qmark" else None
        )

    def insert(self, name: str, batch: list[dict[str, Any]]) -> None:
        """Insert many rows at once.

        On SQLite the rows go straight to the driver's ``executemany``, each value passed through
        the column type's own bind processor (so the stored values are exactly what SQLAlchemy
        would store); that skips SQLAlchemy's per-row statement work, which costs more than the
        insert itself. Elsewhere, SQLAlchemy Core's executemany.

        A ``None`` in a JSON column is stored as SQL NULL (not JSON ``null``), as the ORM does
        when the attribute was never set.
        """
        table = Base.metadata.tables[name]
        if self._fast is None:
            json_columns = [c.name for c in table.columns if isinstance(c.type, JSON)]
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in batch:
                absent = tuple(c for c in json_columns if row.get(c) is None)
                groups.setdefault(absent, []).append(
                    {k: v for k, v in row.items() if k not in absent} if absent else row
                )
            for group in groups.values():
                self.session.execute(insert(table), group)
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

    def write_audit(self, events: list[Event], seq: int, prev: str) -> int:
        """The events as the next links of the audit chain, after ``seq`` and ``prev``; how many."""
        events.sort(key=itemgetter(0))  # stable: same-moment events keep the order they happened in
        table = Base.metadata.tables[AuditEvent.__tablename__]
        batch: list[dict[str, Any]] = []
        shared: dict[tuple[str, ...], list[str]] = {}
        for at, _, staff_id, action, entity, entity_id, fields, person_id in events:
            seq += 1
            names = shared.get(fields)
            if names is None:
                names = shared[fields] = list(fields)
            digest = event_hash(
                seq, at, staff_id, action, entity, entity_id, names, prev, person_id=person_id
            )
            batch.append(
                {
                    "id": seq,
                    "at": at,
                    "staff_id": staff_id,
                    "action": action,
                    "entity": entity,
                    "entity_id": entity_id,
                    "fields": names,
                    "prev_hash": prev,
                    "hash": digest,
                    "person_id": person_id,
                }
            )
            prev = digest
            if len(batch) >= _AUDIT_BATCH:
                self.insert(table.name, batch)
                batch = []
        if batch:
            self.insert(table.name, batch)
        self.session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=seq, last_hash=prev))
        return len(events)

    def advance_sequences(self) -> None:
        """Ids were chosen here, so PostgreSQL's id sequences must be moved past them."""
        bind = self.session.get_bind()
        if bind.dialect.name != "postgresql":
            return
        for name in TABLES_WITH_IDS:
            self.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))")
            )
