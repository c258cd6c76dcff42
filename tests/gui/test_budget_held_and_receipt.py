"""On the Services and budget page, with real widgets: a manager records how the money is held
and its period ("How the money is held…"), and the person's part says it in plain words; staff
save the receipt kept with an entry ("Save the receipt…"), never over the database."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.enums import BudgetHeld, PlanStatus, Role
from careplan.domain.records import AuditEvent
from careplan.gui.workspace.budget_held_dialog import BudgetHeldDialog
from careplan.services.spending import SpendingInput, record_spending, set_budget_holding
from careplan.services.spending_view import spending_of
from careplan.storage.database import Database
from tests import worlds
from tests.gui.test_budget_spending import open_page
from tests.worlds import World, utc_today

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(30))


def receipt_world(db: Database) -> World:
    world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
    start = utc_today() - timedelta(days=60)
    set_budget_holding(db, world.team.manager, world.plan_id, BudgetHeld.SERVICE, period_start=start)
    for receipt in (PNG, None):
        record_spending(
            db,
            world.team.key_worker,
            world.plan_id,
            SpendingInput(
                world.allocations[0],
                Decimal("4.00"),
                utc_today() - timedelta(days=2),
                "Northside Gym",
                receipt=receipt,
            ),
        )
    return world


def test_a_manager_records_how_the_money_is_held(qtbot: QtBot, sqlite_db: Database) -> None:
    world = receipt_world(sqlite_db)
    key_worker = open_page(qtbot, world)
    assert not key_worker.spending.held_button.isVisibleTo(key_worker)
    page = open_page(qtbot, world, Role.MANAGER)
    section = page.spending
    assert section.held_button.isVisible()
    section.held_button.click()
    dialog = section.dialogs.current
    assert isinstance(dialog, BudgetHeldDialog)
    assert dialog.ui.service.isChecked()
    start = utc_today() - timedelta(days=30)
    dialog.ui.directPayment.setChecked(True)
    dialog.ui.periodStart.setDate(QDate(start.year, start.month, start.day))
    dialog.ui.periodEnd.setDate(QDate(start.year, start.month, start.day).addDays(-1))
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "must end after it starts" in dialog.problems.text()
    end = start + timedelta(days=200)
    dialog.ui.periodEnd.setDate(QDate(end.year, end.month, end.day))
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: section.dialogs.current is None)
    view = spending_of(world.db, world.team.manager, world.plan_id)
    assert (view.held, view.period_start, view.period_end) == (BudgetHeld.DIRECT_PAYMENT, start, end)
    assert "The money is paid to me" in section.period.text()


def test_staff_save_a_receipt_and_it_is_audited(
    qtbot: QtBot, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = receipt_world(sqlite_db)
    section = open_page(qtbot, world).spending
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    target = tmp_path / "gym.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    section.entries.selectRow(0)  # newest first: the entry without a receipt
    assert not section.receipt_button.isEnabled()
    section.entries.selectRow(1)
    assert section.receipt_button.isEnabled()
    section.receipt_button.click()
    assert target.read_bytes() == PNG
    assert warnings == []
    with world.db.session() as session:
        saved = session.query(AuditEvent).filter_by(action="save_receipt").count()
    assert saved == 1


def test_a_receipt_is_never_saved_over_the_database(
    qtbot: QtBot, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = receipt_world(sqlite_db)
    if sqlite_db.path is None:
        pytest.fail("the test database is a file")
    before = sqlite_db.path.read_bytes()
    section = open_page(qtbot, world).spending
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(sqlite_db.path), ""))
    section.entries.selectRow(1)
    section.receipt_button.click()
    assert len(warnings) == 1
    assert "Careplan database" in warnings[0]
    assert sqlite_db.path.read_bytes()[:100] == before[:100]
