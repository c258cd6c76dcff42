"""The people list: a plan in action while a new version is being written shows, and filters, as
both; a review due or overdue says so in words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import PlanStatus, Role
from careplan.gui import theme
from careplan.gui.people.panel import PeoplePanel
from careplan.services import people, plans, signing, staff
from careplan.services.people_search import ReviewFilter
from careplan.services.plans import GoalInput
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.review_dates import TODAY, on, review_world
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

    panel = PeoplePanel(SignedInStaff(db, sam, "Sam Okafor", Role.KEY_WORKER))
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


def test_due_and_overdue_reviews_say_so_in_words(qtbot: QtBot, sqlite_db: Database, tmp_path: Path) -> None:
    """The next review column: the date, and under it "Overdue by 22 days" or "Due in 12 days" in
    the theme's review colours; the whole sentence for a screen reader; a review further off is
    its date alone. (Dates from tests.review_dates, under a fixed clock.)"""
    site = review_world(sqlite_db)
    team = site.world.team
    with on(TODAY):
        panel = PeoplePanel(SignedInStaff(sqlite_db, team.manager, "Priya Manager", Role.MANAGER))
        qtbot.addWidget(panel)
        panel.resize(900, 300)
        panel.show()
        QAbstractItemModelTester(panel.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        model = panel.model

        def cell(person_id: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> object:
            row = model.row_of(person_id)
            assert row is not None
            return model.index(row, 3).data(role)

        dee, marek, jo = site.world.person_id, site.marek, site.jo
        assert cell(marek) == "19 Jan 2027\nOverdue by 22 days"
        assert cell(dee) == "22 Feb 2027\nDue in 12 days"
        assert cell(jo) == ""
        assert cell(marek, Qt.ItemDataRole.AccessibleTextRole) == (
            "Overdue by 22 days: it was due on Tuesday 19 January 2027"
        )
        assert cell(dee, Qt.ItemDataRole.ToolTipRole) == "Due in 12 days, on Monday 22 February 2027"
        overdue, due = cell(marek, Qt.ItemDataRole.ForegroundRole), cell(dee, Qt.ItemDataRole.ForegroundRole)
        assert isinstance(overdue, QColor)
        assert overdue.name() == theme.ROLE_COLOURS["reviewOverdue"]
        assert isinstance(due, QColor)
        assert due.name() == theme.ROLE_COLOURS["reviewDue"]
        assert cell(jo, Qt.ItemDataRole.ForegroundRole) is None

        panel.reviews.setCurrentIndex(panel.reviews.findData(ReviewFilter.OVERDUE))
        assert [model.person_id(n) for n in range(model.rowCount())] == [marek]
        panel.grab().save(str(tmp_path / "people-reviews.png"))

    with on(date(2027, 1, 5)):  # weeks before either is due: the dates alone, in the ordinary colour
        panel.refresh()
        panel.reviews.setCurrentIndex(panel.reviews.findData(ReviewFilter.ANY))
        assert cell(dee) == "22 Feb 2027"
        assert cell(dee, Qt.ItemDataRole.AccessibleTextRole) == "Next review Monday 22 February 2027"
        assert cell(dee, Qt.ItemDataRole.ForegroundRole) is None
        assert cell(marek) == "19 Jan 2027\nDue in 14 days"  # the edge of the due window


def test_a_review_not_ones_to_see_is_left_out_and_the_plan_column_is_quieter(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    """Kim (a key worker) sees Dee (Sam's) in the list, but not her plan or her overdue review."""
    site = review_world(sqlite_db)
    kim = site.world.colleagues["kim"]
    with on(TODAY):
        panel = PeoplePanel(SignedInStaff(sqlite_db, kim, "Kim Extra", Role.KEY_WORKER))
        qtbot.addWidget(panel)
        model = panel.model
        row = model.row_of(site.world.person_id)
        assert row is not None
        assert model.index(row, 2).data() == "Not on your caseload"
        assert model.index(row, 2).data(Qt.ItemDataRole.ForegroundRole) == QColor(theme.EDGE)
        assert model.index(row, 3).data() == ""
        assert model.index(row, 3).data(Qt.ItemDataRole.ForegroundRole) is None
        mine = model.row_of(site.marek)
        assert mine is not None
        assert model.index(mine, 3).data() == "19 Jan 2027\nOverdue by 22 days"
