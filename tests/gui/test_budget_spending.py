"""The spending part of the Services and budget page, with real widgets: the person's figures and
bars; staff record spending and put an entry right through the dialogs; a peer mentor sees the
figures but not the staff box."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from careplan.domain.enums import BudgetHeld, PlanStatus, Role
from careplan.domain.wording.money import format_money
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.gui.workspace.budget_spending_dialogs import PutRightDialog, RecordSpendingDialog
from careplan.services.signed_in import SignedInStaff
from careplan.services.spending import SpendingInput, record_spending, set_budget_holding
from careplan.services.spending_view import spending_of
from careplan.services.workspace import load_person, load_version
from careplan.storage.database import Database
from tests import worlds
from tests.worlds import World, utc_today


def spent_world(db: Database) -> World:
    world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
    start = utc_today() - timedelta(days=120)
    set_budget_holding(db, world.team.manager, world.plan_id, BudgetHeld.SERVICE, period_start=start)
    record_spending(
        db,
        world.team.key_worker,
        world.plan_id,
        SpendingInput(
            world.allocations[0], Decimal("10.00"), utc_today() - timedelta(days=3), "Northside Gym"
        ),
    )
    return world


def open_page(qtbot: QtBot, world: World, role: Role = Role.KEY_WORKER) -> BudgetPage:
    actor, name = world.team.as_role(role), worlds.STAFF_NAMES[role]
    context = SignedInStaff(world.db, actor, name, role)
    voice = VoiceSwitch(name, role.label)
    qtbot.addWidget(voice)
    page = BudgetPage(context, voice)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitActive(page):
        page.show()
    person = load_person(world.db, actor, world.person_id)
    page.show_version(person, load_version(world.db, actor, world.version_id))
    return page


def save(dialog: RecordSpendingDialog | PutRightDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_person_sees_set_aside_used_and_left_in_large_figures(qtbot: QtBot, sqlite_db: Database) -> None:
    world = spent_world(sqlite_db)
    page = open_page(qtbot, world)
    section = page.spending
    view = spending_of(world.db, world.team.key_worker, world.plan_id)
    assert section.isVisible()
    assert section.used_total.value.text() == "£10.00"
    assert section.left_total.value.text() == format_money(view.left_pence)
    assert "The service holds the money for me" in section.period.text()
    assert section.total_bar.caption().startswith("£10.00 used of")
    assert len(section.service_rows) == len(view.services)
    assert section.staff_box.isVisible()
    assert section.entries.rowCount() == 1


def test_staff_record_spending_and_put_it_right(qtbot: QtBot, sqlite_db: Database) -> None:
    world = spent_world(sqlite_db)
    page = open_page(qtbot, world)
    section = page.spending
    section.record_button.click()
    dialog = section.dialogs.current
    assert isinstance(dialog, RecordSpendingDialog)
    assert not dialog.ui.agreement.isVisibleTo(dialog)  # a key worker cannot agree an overspend
    dialog.ui.amount.setText("£12.x")
    dialog.ui.supplier.setText("Northside Gym")
    save(dialog)
    assert "not an amount of money" in dialog.problems.text()
    assert section.dialogs.current is dialog
    dialog.ui.amount.setText("£12.50")
    save(dialog)
    qtbot.waitUntil(lambda: section.dialogs.current is None)
    assert section.used_total.value.text() == "£22.50"
    assert section.entries.rowCount() == 2

    section.entries.selectRow(0)
    assert section.put_right_button.isEnabled()
    section.put_right_button.click()
    undo = section.dialogs.current
    assert isinstance(undo, PutRightDialog)
    save(undo)
    assert "write something" in undo.problems.text().lower()
    undo.ui.reason.setPlainText("Entered twice by mistake")
    save(undo)
    qtbot.waitUntil(lambda: section.dialogs.current is None)
    assert section.used_total.value.text() == "£10.00"
    assert section.entries.rowCount() == 3
    section.entries.selectRow(0)  # the reversal itself cannot be put right
    assert not section.put_right_button.isEnabled()


def test_a_manager_may_write_an_agreement_and_a_peer_mentor_sees_no_staff_box(
    qtbot: QtBot, sqlite_db: Database
) -> None:
    world = spent_world(sqlite_db)
    manager = open_page(qtbot, world, Role.MANAGER)
    manager.spending.record_button.click()
    dialog = manager.spending.dialogs.current
    assert isinstance(dialog, RecordSpendingDialog)
    assert dialog.ui.agreement.isVisibleTo(dialog)
    dialog.reject()
    mentor = open_page(qtbot, world, Role.PEER_MENTOR)
    assert mentor.spending.isVisible()
    assert not mentor.spending.staff_box.isVisible()
    assert mentor.spending.used_total.value.text() == "£10.00"


def test_a_draft_plan_shows_no_spending(qtbot: QtBot, sqlite_db: Database) -> None:
    world = worlds.build_world(sqlite_db, stage=PlanStatus.DRAFT)
    page = open_page(qtbot, world)
    assert not page.spending.isVisible()
