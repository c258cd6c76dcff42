"""The GUI is driven on SQLite only, by staff who sign in: its shared fixtures build there."""

from __future__ import annotations

import pytest

from careplan.storage import Database
from tests.gui.signing import Team, make_team


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    """Ada, Sam, Priya and Chris with passwords, ready to sign in (:func:`tests.gui.signing.make_team`)."""
    return make_team(sqlite_db)
