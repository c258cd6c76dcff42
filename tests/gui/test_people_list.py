"""The people list: a plan in action while a new version is being written shows, and filters, as both."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import PlanStatus, Role
from careplan.gui.context import AppContext
from careplan.gui.people.panel import PeoplePanel
from careplan.services import people, plans, signing, staff
from careplan.services.plans import GoalInput
from careplan.storage.database import Database
from tests.worlds import sign_both


def test_in_action_with_a_new_version_being_written(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path
) -> None:
    db = sqlite_db
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    marek = people.register_person(db, sam, people.PersonDetails("Marek", "Marek Nowak"))
    plans.start_plan(db, sam, dee)
    started = plans.start_plan(db, sam, marek)
    plans.add_goal(db, sam, started.version_id, GoalInput("A job", PERSON, "time"))
    sign_both(db, sam, started.version_id)
    signing.approve_plan(db, priya, started.version_id)
    plans.activate_plan(db, sam, started.version_id)
    plans.revise_plan(db, sam, started.version_id)

    panel = PeoplePanel(AppContext(db, sam, "Sam Okafor", Role.KEY_WORKER))
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)

    def shown() -> dict[str, str]:
        model = panel.model
        return {
            str(model.index(row, 0).data()): str(model.index(row, 2).data())
            for row in range(model.rowCount())
        }

    assert shown() == {
        "Dee Walsh": "Being written",
        "Marek Nowak": "In action\n+ new version",
    }
    said = panel.model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert said == "In action · new version being written"  # one line for a screen reader
    tooltip = panel.model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "In action · new version being written"

    def choose(status: PlanStatus) -> dict[str, str]:
        panel.status.setCurrentIndex(panel.status.findData(status))
        return shown()

    assert list(choose(PlanStatus.ACTIVE)) == ["Marek Nowak"]
    assert list(choose(PlanStatus.DRAFT)) == ["Dee Walsh", "Marek Nowak"]
    assert panel.status.findData(PlanStatus.SUPERSEDED) == -1  # never where someone's plan is
    panel.grab().save(str(tmp_path / "people.png"))
