"""Alembic environment: runs against the engine Careplan hands over (never a file in alembic.ini)."""

from __future__ import annotations

from alembic import context

from careplan.domain.records import Base

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    is_sqlite = connection.dialect.name == "sqlite"
    if is_sqlite:
        # Batch mode rebuilds tables; foreign keys must be off while it does (and the pragma has
        # no effect inside a transaction, so it is set before one starts).
        connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=is_sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if is_sqlite:
        connection.connection.driver_connection.execute("PRAGMA foreign_keys = ON")
