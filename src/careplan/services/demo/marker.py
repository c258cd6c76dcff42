"""Whether a database holds demo data: a small module, so that start-up can ask without
importing the demo builder."""

from __future__ import annotations

from typing import Any

from careplan.domain.records import Setting
from careplan.storage.database import Database

DEMO_SETTING = "demo"


def demo_marker(db: Database) -> dict[str, Any] | None:
    """What ``generate`` made this database with (seed, people, day), or None for real data."""
    with db.session() as session:
        setting = session.get(Setting, DEMO_SETTING)
        return dict(setting.value) if setting is not None else None
