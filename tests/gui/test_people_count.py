"""The count under the people list while typing: past a limit it says "More than", honestly,
and becomes exact once the list has been scrolled to its end."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.gui.people import model as model_module
from careplan.gui.people.panel import PeoplePanel
from careplan.services import people, people_search, staff
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database

NAMES = ["Cara", "Chloe", "Ciarán", "Colm", "Conor", "Cathal", "Cian", "Dee"]


def test_more_than_while_typing_then_exact_at_the_end(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = sqlite_db
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    for number, name in enumerate(NAMES):
        people.register_person(db, sam, people.PersonDetails(name, f"{name} Byrne", reference=f"R-{number}"))
    monkeypatch.setattr(people_search, "COUNT_UP_TO", 3)
    monkeypatch.setattr(model_module, "PAGE", 2)
    panel = PeoplePanel(SignedInStaff(db, sam, "Sam Okafor", Role.KEY_WORKER))
    qtbot.addWidget(panel)
    panel.show()
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert panel.count.text() == "8 people"  # nothing typed: counted in full

    panel.search.setText("c")
    panel.apply_filters()
    assert panel.model.rowCount() == 2
    assert panel.count.text() == "More than 3 people"
    assert panel.count.toolTip() == "Type more of the name or reference to find fewer people."
    while panel.model.canFetchMore():
        panel.model.fetchMore()
    assert panel.model.rowCount() == 7
    assert panel.count.text() == "7 people"  # scrolled to the end: now it is known
    assert panel.count.toolTip() == ""

    panel.search.setText("ci")  # two people: fewer than the limit, exact at once
    panel.apply_filters()
    assert panel.count.text() == "2 people"
    panel.search.setText("cian")
    panel.apply_filters()
    assert panel.count.text() == "1 person"
    assert not panel.model.canFetchMore()
