"""The people list reads its first page once when it is set up (it was read four times: each
sort order the view asked for was a new read), and again only when the query changes or on F5."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.gui.people import model as model_module
from careplan.gui.people.panel import PeoplePanel
from careplan.services import people, people_search, staff
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database


def test_the_list_is_read_once_at_start_and_when_asked(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Byrne"))
    reads: list[Any] = []
    real = people_search.first_page  # the function the model calls

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(model_module, "first_page", counted)
    panel = PeoplePanel(SignedInStaff(sqlite_db, sam, "Sam Okafor", Role.KEY_WORKER))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.wait(10)
    assert len(reads) == 1
    assert panel.model.rowCount() == 1

    panel.model.sort(0)  # the order it already has: nothing to read
    assert len(reads) == 1
    panel.model.sort(1)  # by reference: read again
    assert len(reads) == 2
    panel.refresh()  # F5: read again even though nothing changed here
    assert len(reads) == 3
