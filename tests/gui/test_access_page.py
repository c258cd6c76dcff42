"""Who has seen this: managers see who opened or changed a record; other roles never get the tab.
Opening a person in the window is one audit event; F5 and choosing them again are not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from careplan.domain.actor import PERSON, Actor
from careplan.domain.enums import Role
from careplan.domain.records import AuditEvent
from careplan.domain.wording.dates import date_and_time
from careplan.gui.main_window import MainWindow
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.access_page import EVERYONE, AccessPage, AccessTableModel
from careplan.gui.workspace.sharing_page import SharingPage
from careplan.services import assignments, people, plans, staff, workspace
from careplan.services.plans import GoalInput
from careplan.services.record_access import OPENED, record_access
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database

SHOTS = Path("/tmp/careplan-shots")


@dataclass(frozen=True)
class Team:
    db: Database
    priya: Actor
    sam: Actor
    chris: Actor
    dee: int


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    db = sqlite_db
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    chris = Actor(staff.add_staff(db, admin, "chris", "Chris Doyle", Role.PEER_MENTOR))
    dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    assignments.assign_peer_mentor(db, sam, dee, chris.staff_id)  # Chris is Dee's peer mentor
    workspace.open_person(db, sam, dee)
    people.write_about_me(db, sam, dee, "hopes", "A flat of my own", PERSON)
    version = plans.start_plan(db, sam, dee).version_id
    plans.add_goal(db, sam, version, GoalInput("See my kids every week", PERSON, "family"))
    workspace.open_person(db, chris, dee)
    return Team(db, priya, sam, chris, dee)


def opens(db: Database, person_id: int) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "open", AuditEvent.entity == "person")
                .where(AuditEvent.entity_id == person_id)
            )
            or 0
        )


def make_window(qtbot: QtBot, team: Team, actor: Actor, name: str, role: Role, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(team.db, actor, name, role)
    settings = QSettings(str(tmp_path / f"{role}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    qtbot.addWidget(window)
    window.workspace.build_pages()
    window.resize(1280, 760)
    window.show()
    return window


def tab_titles(window: MainWindow) -> list[str]:
    tabs = window.workspace.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


@pytest.mark.parametrize(
    ("who", "role", "sees_access"),
    [("priya", Role.MANAGER, True), ("sam", Role.KEY_WORKER, False), ("chris", Role.PEER_MENTOR, False)],
)
def test_only_managers_get_the_who_has_seen_this_tab_everyone_gets_sharing(
    qtbot: QtBot, team: Team, tmp_path: Path, who: str, role: Role, sees_access: bool
) -> None:
    window = make_window(qtbot, team, getattr(team, who), who.title(), role, tmp_path)
    titles = tab_titles(window)
    assert "Sharing" in titles
    assert ("Who has seen this" in titles) is sees_access
    assert any(isinstance(p, SharingPage) for p in window.workspace.pages)
    assert any(isinstance(p, AccessPage) for p in window.workspace.pages) is sees_access


def test_opening_a_person_is_one_event_and_f5_or_choosing_again_adds_none(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    window = make_window(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER, tmp_path)
    before = opens(team.db, team.dee)
    window.people.refresh()
    window.people.select_person(team.dee)  # choosing Dee in the list does not open her record
    assert window.workspace.person is None
    assert opens(team.db, team.dee) == before
    qtbot.keyClick(window.people.table, Qt.Key.Key_Return)  # Enter does
    assert window.workspace.person is not None
    assert window.workspace.person.id == team.dee
    assert opens(team.db, team.dee) == before + 1
    window.reload_action.trigger()  # F5: the list chooses her again, the workspace reads again
    window.open_person(team.dee)
    assert opens(team.db, team.dee) == before + 1
    marek = people.register_person(team.db, team.sam, people.PersonDetails("Marek", "Marek Nowak"))
    window.open_person(marek)
    window.open_person(team.dee)  # back to Dee: a new opening
    assert opens(team.db, team.dee) == before + 2
    assert opens(team.db, marek) == 1


@pytest.fixture
def page(qtbot: QtBot, team: Team) -> AccessPage:
    context = SignedInStaff(team.db, team.priya, "Priya Shah", Role.MANAGER)
    voice = VoiceSwitch("Priya Shah", "manager")
    qtbot.addWidget(voice)
    widget = AccessPage(context, voice)
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    widget.show_version(workspace.open_person(team.db, team.priya, team.dee), None)
    return widget


def shown(page: AccessPage) -> list[tuple[str, str]]:
    model = page.table.model()
    return [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(model.rowCount())]


def test_lists_every_opening_and_change_newest_first(qtbot: QtBot, page: AccessPage, team: Team) -> None:
    assert shown(page)[:5] == [
        ("Priya Shah (manager)", OPENED),
        ("Chris Doyle (peer mentor)", OPENED),
        ("Sam Okafor (key worker)", "Added a goal"),
        ("Sam Okafor (key worker)", "Started a version of the plan"),
        ("Sam Okafor (key worker)", "Started a plan"),
    ]
    assert shown(page)[-1] == ("Sam Okafor (key worker)", "Added the person to Careplan")
    events = record_access(team.db, team.priya, team.dee)
    assert page.table.model().index(0, 0).data() == date_and_time(events[0].at)
    assert page.count.text() == f"Showing all {len(events)}, newest first."
    assert page.table.model().headerData(2, Qt.Orientation.Horizontal) == "What they did"
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    QAbstractItemModelTester(page.filtered, QAbstractItemModelTester.FailureReportingMode.Fatal)
    SHOTS.mkdir(exist_ok=True)
    assert page.grab().save(str(SHOTS / "access-everyone.png"))


def test_filter_by_staff_member_and_by_openings(qtbot: QtBot, page: AccessPage, team: Team) -> None:
    names = [page.who.itemText(i) for i in range(page.who.count())]
    assert names == [EVERYONE, "Chris Doyle (peer mentor)", "Priya Shah (manager)", "Sam Okafor (key worker)"]
    page.who.setCurrentIndex(names.index("Sam Okafor (key worker)"))
    assert {who for who, _ in shown(page)} == {"Sam Okafor (key worker)"}
    assert ("Sam Okafor (key worker)", OPENED) in shown(page)
    total = page.model.rowCount()
    assert page.count.text() == f"Showing {len(shown(page))} of {total}, newest first."
    page.only_openings.setChecked(True)
    assert shown(page) == [("Sam Okafor (key worker)", OPENED)]
    SHOTS.mkdir(exist_ok=True)
    assert page.grab().save(str(SHOTS / "access-filtered.png"))
    page.who.setCurrentIndex(0)
    assert [what for _, what in shown(page)] == [OPENED, OPENED, OPENED]
    # a new opening shows after the workspace reads again, and the chosen filter stays
    page.only_openings.setChecked(False)
    page.who.setCurrentIndex(names.index("Chris Doyle (peer mentor)"))
    workspace.open_person(team.db, team.chris, team.dee)
    page.show_version(workspace.load_person(team.db, team.priya, team.dee), None)
    assert page.who.currentText() == "Chris Doyle (peer mentor)"
    assert shown(page) == [("Chris Doyle (peer mentor)", OPENED)] * 2


def test_reads_the_trail_only_when_shown(qtbot: QtBot, team: Team) -> None:
    context = SignedInStaff(team.db, team.priya, "Priya Shah", Role.MANAGER)
    voice = VoiceSwitch("Priya Shah", "manager")
    qtbot.addWidget(voice)
    widget = AccessPage(context, voice)
    qtbot.addWidget(widget)
    widget.show_version(workspace.load_person(team.db, team.priya, team.dee), None)
    assert widget.model.rowCount() == 0  # hidden: nothing read yet
    widget.show()
    assert widget.model.rowCount() > 0


def test_a_refusal_shows_as_a_plain_sentence(qtbot: QtBot, team: Team) -> None:
    """Should the tab ever reach a role that may not see the trail, it says so and shows nothing."""
    context = SignedInStaff(team.db, team.sam, "Sam Okafor", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Okafor", "key worker")
    qtbot.addWidget(voice)
    widget = AccessPage(context, voice)
    qtbot.addWidget(widget)
    widget.show()
    widget.show_version(workspace.load_person(team.db, team.sam, team.dee), None)
    assert widget.model.rowCount() == 0
    assert "cannot view audit" in widget.count.text()


def test_the_model_gives_staff_once_each(team: Team) -> None:
    model = AccessTableModel()
    model.set_rows(record_access(team.db, team.priya, team.dee))
    assert [who for _, who in model.staff()] == ["Chris Doyle (peer mentor)", "Sam Okafor (key worker)"]
    assert model.data(model.index(0, 2), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(99, 0)) is None
