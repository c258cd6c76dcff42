"""The Sharing page: what Dee agrees to share, recorded and stopped by her key worker, read by others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.wording.dates import long_date
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.sharing_page import (
    NOTHING_YET,
    STILL_AGREED,
    ConsentTableModel,
    RecordConsentDialog,
    SharingPage,
    WithdrawConsentDialog,
)
from careplan.services import assignments, consent, people, staff
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import load_person
from careplan.storage.database import Database
from tests.stored import snapshot
from tests.worlds import utc_today

SHOTS = Path("/tmp/careplan-shots")


@dataclass(frozen=True)
class Team:
    db: Database
    sam: Actor
    chris: Actor
    dee: int


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    admin = staff.create_first_administrator(sqlite_db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(sqlite_db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    chris = Actor(staff.add_staff(sqlite_db, admin, "chris", "Chris Doyle", Role.PEER_MENTOR))
    dee = people.register_person(sqlite_db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    assignments.assign_peer_mentor(sqlite_db, sam, dee, chris.staff_id)  # Chris is Dee's peer mentor
    today = utc_today()
    consent.record_consent(sqlite_db, sam, dee, "My care plan", "My GP, Dr Patel", today - timedelta(days=40))
    stopped = consent.record_consent(
        sqlite_db, sam, dee, "How my treatment is going", "My mum", today - timedelta(days=60)
    )
    consent.withdraw_consent(sqlite_db, sam, stopped, today - timedelta(days=5))
    return Team(sqlite_db, sam, chris, dee)


def make_page(qtbot: QtBot, team: Team, actor: Actor, name: str, role: Role) -> SharingPage:
    context = SignedInStaff(team.db, actor, name, role)
    voice = VoiceSwitch(name, role.label)
    qtbot.addWidget(voice)
    page = SharingPage(context, voice)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.show_version(load_person(team.db, actor, team.dee), None)
    return page


def cells(page: SharingPage) -> list[list[str]]:
    model = page.model
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())
    ]


def shot(widget: QDialog | SharingPage, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / name))


def test_lists_what_is_shared_still_agreed_first(qtbot: QtBot, team: Team) -> None:
    page = make_page(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER)
    today = utc_today()
    assert cells(page) == [
        ["My care plan", "My GP, Dr Patel", long_date(today - timedelta(days=40)), STILL_AGREED],
        [
            "How my treatment is going",
            "My mum",
            long_date(today - timedelta(days=60)),
            long_date(today - timedelta(days=5)),
        ],
    ]
    assert page.heading.text() == "What I agree to share, and with whom"
    assert "Dee" in page.explanation.text()
    assert page.add_button.isVisible()
    assert page.stop_button.isVisible()
    assert not page.stop_button.isEnabled()  # nothing chosen yet
    assert not page.read_only_note.isVisible()
    tip = page.model.data(page.model.index(1, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert "stopped on" in tip
    assert "Sam Okafor" in tip
    QAbstractItemModelTester(page.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    shot(page, "sharing-key-worker.png")


def test_a_peer_mentor_reads_but_cannot_change(qtbot: QtBot, team: Team) -> None:
    page = make_page(qtbot, team, team.chris, "Chris Doyle", Role.PEER_MENTOR)
    assert len(cells(page)) == 2
    assert not page.add_button.isVisible()
    assert not page.stop_button.isVisible()
    assert page.read_only_note.isVisible()
    shot(page, "sharing-peer-mentor.png")


def test_nothing_agreed_yet_says_so(qtbot: QtBot, team: Team) -> None:
    other = people.register_person(team.db, team.sam, people.PersonDetails("Marek", "Marek Nowak"))
    page = make_page(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER)
    page.show_version(load_person(team.db, team.sam, other), None)
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    assert page.empty.text() == NOTHING_YET
    assert not page.table.isVisible()


def test_recording_a_new_agreement_with_the_keyboard(
    qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER)
    seen: list[RecordConsentDialog] = []

    def fill_in(dialog: RecordConsentDialog) -> int:
        seen.append(dialog)
        dialog.show()
        assert dialog.ui.givenOn.text() == utc_today().strftime("%d/%m/%Y")
        assert dialog.focusWidget() in (dialog.ui.what, None)
        qtbot.keyClicks(dialog.ui.what, "My drug use")
        qtbot.keyClick(dialog.ui.what, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.focusWidget(), "Probation")
        shot(dialog, "sharing-record-dialog.png")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(RecordConsentDialog, "exec", fill_in)
    with qtbot.waitSignal(page.saved) as saved:
        page.add_button.click()
    assert saved.args == ["Agreement to share saved"]
    assert seen[0].ui.intro.text().startswith("Write down what Dee agrees")
    assert cells(page)[0] == ["My drug use", "Probation", long_date(utc_today()), STILL_AGREED]
    chosen = page.chosen()
    assert chosen is not None
    assert chosen.what == "My drug use"
    assert page.stop_button.isEnabled()


@pytest.mark.parametrize(
    ("what", "whom", "day", "where", "words"),
    [
        ("", "My GP", None, "whatProblem", "what the person agrees to share"),
        ("My plan", "  ", None, "withWhomProblem", "who it may be shared with"),
        ("My plan", "My GP", "next week", "givenOnProblem", "not a date"),
        ("My plan", "My GP", "", "givenOnProblem", "Please give a date"),
        ("My plan", "My GP", "+3", "givenOnProblem", "not come yet"),
    ],
)
def test_the_dialog_explains_bad_input_beside_the_field_and_keeps_what_was_typed(
    qtbot: QtBot, team: Team, what: str, whom: str, day: str | None, where: str, words: str
) -> None:
    context = SignedInStaff(team.db, team.sam, "Sam Okafor", Role.KEY_WORKER)
    dialog = RecordConsentDialog(context, team.dee, "Dee")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.what.setText(what)
    dialog.ui.withWhom.setText(whom)
    if day == "+3":
        day = (utc_today() + timedelta(days=3)).strftime("%d/%m/%Y")
    if day is not None:
        dialog.ui.givenOn.setText(day)
    before = snapshot(team.db)
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    problem = getattr(dialog.ui, where)
    assert problem.isVisible()
    assert words.lower() in problem.text().lower()
    assert (dialog.ui.what.text(), dialog.ui.withWhom.text()) == (what, whom)
    assert snapshot(team.db) == before
    if where == "givenOnProblem":
        shot(dialog, "sharing-record-dialog-problem.png")


def test_stopping_sharing_from_a_chosen_day(
    qtbot: QtBot, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot, team, team.sam, "Sam Okafor", Role.KEY_WORKER)
    assert page.stop_button.toolTip() == "Choose a line in the list first."
    page.table.selectRow(1)  # already stopped: nothing to stop
    assert not page.stop_button.isEnabled()
    assert page.stop_button.toolTip() == "Sharing this has already stopped."
    page.table.selectRow(0)
    assert page.stop_button.isEnabled()
    yesterday = utc_today() - timedelta(days=1)

    def stop(dialog: WithdrawConsentDialog) -> int:
        dialog.show()
        assert "Stop sharing “My care plan” with My GP, Dr Patel?" in dialog.ui.intro.text()
        dialog.ui.withdrawnOn.setText("31/12/1999")  # before it was given: refused, kept
        dialog.save()
        assert dialog.ui.problem.isVisible()
        assert "before it was given" in dialog.ui.problem.text()
        shot(dialog, "sharing-withdraw-dialog.png")
        dialog.ui.withdrawnOn.setText(yesterday.strftime("%d/%m/%Y"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(WithdrawConsentDialog, "exec", stop)
    with qtbot.waitSignal(page.saved) as saved:
        page.stop_button.click()
    assert saved.args == ["Sharing stopped"]
    rows = cells(page)
    assert [r[3] for r in rows] == [long_date(yesterday), long_date(utc_today() - timedelta(days=5))]
    assert not page.stop_button.isEnabled()
    assert all(not c.current for c in consent.consents_for(team.db, team.sam, team.dee))


def test_the_model_row_ids_follow_the_service(qtbot: QtBot, team: Team) -> None:
    model = ConsentTableModel()
    rows = consent.consents_for(team.db, team.sam, team.dee)
    model.set_rows(rows)
    assert [model.data(model.index(r, 0), ConsentTableModel.ConsentIdRole) for r in range(2)] == [
        r.id for r in rows
    ]
    assert model.data(model.index(5, 0)) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "What can be shared"
