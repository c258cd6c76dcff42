"""The GUI is driven on SQLite only: its shared fixtures build there."""

from __future__ import annotations

import pytest

from careplan.storage import Database
from tests.worlds import Team, make_team


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    """One member of staff in each role (:func:`tests.worlds.make_team`), on SQLite."""
    return make_team(sqlite_db)
