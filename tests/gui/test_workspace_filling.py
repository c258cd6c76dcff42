"""Opening a workspace fills only the page in front; the others are filled when their tab is chosen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import Role
from careplan.domain.records import AuditEvent
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace import history_page, workspace
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.gui.workspace.history_page import HistoryPage
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_page import PlanPage
from careplan.services import covering, people, plans
from careplan.services.plans import GoalInput
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests import worlds
from tests.worlds import World

FLAT: worlds.Goals = (
    (worlds.goal("A flat of my own", life_area="housing"), (worlds.step("Ring the council"),)),
)


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """Sam's team and Kim (another key worker); Dee, with a plan of one goal, and Ray, with none."""
    return (
        worlds.staffed(sqlite_db)
        .with_colleague("kim")
        .with_person("Dee")
        .with_person("Ray")
        .with_plan("Dee", FLAT, period=None)
    )


@pytest.fixture
def window(qtbot: QtBot, world: World, tmp_path: Path) -> MainWindow:
    context = SignedInStaff(
        world.db, world.team.key_worker, worlds.STAFF_NAMES[Role.KEY_WORKER], Role.KEY_WORKER
    )
    win = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.workspace.build_pages()
    win.resize(1366, 768)
    win.show()
    return win


def page_of(window: MainWindow, kind: type[WorkspacePage]) -> Any:
    return next(p for p in window.workspace.pages if isinstance(p, kind))


def counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the calls a module makes to one of the services it imported."""
    calls: list[int] = []
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def openings(world: World, person_id: int) -> int:
    """How many times the person's record was opened, by the audit trail."""
    with world.db.session() as session:
        count = session.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "open", AuditEvent.entity == "person")
            .where(AuditEvent.entity_id == person_id)
        )
    return int(count or 0)


def test_opening_fills_only_the_page_in_front(
    window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = counting(monkeypatch, workspace, "load_version")
    history_loads = counting(monkeypatch, history_page, "load_version")
    window.open_person(world.people["Dee"])
    about_me = window.workspace.page(AboutMePage)
    plan = page_of(window, PlanPage)
    assert window.workspace.tabs.currentWidget() is about_me
    assert about_me.name_label.text() == "Dee"
    assert not window.workspace.is_stale(about_me)
    assert all(window.workspace.is_stale(page) for page in window.workspace.pages if page is not about_me)
    assert plan.cards == []  # nothing built behind the tab
    assert loads == []  # About me needs no plan: none is read
    assert openings(world, world.people["Dee"]) == 1  # the opening is still audited

    window.workspace.tabs.setCurrentWidget(plan)  # as a person would: choose the tab
    assert not window.workspace.is_stale(plan)
    assert [card.goal.wording.body for card in plan.cards] == ["A flat of my own"]
    assert len(loads) == 1

    window.workspace.tabs.setCurrentWidget(page_of(window, BudgetPage))
    history = page_of(window, HistoryPage)
    window.workspace.tabs.setCurrentWidget(history)
    assert history.shown is not None
    assert history.shown.id == world.version_id
    assert len(loads) == 1  # read once for the opening, handed to every page
    assert history_loads == []  # the History page shows the open version without reading it again


def test_a_page_behind_a_tab_shows_the_person_open_now(window: MainWindow, world: World) -> None:
    plan = page_of(window, PlanPage)
    window.open_person(world.people["Dee"])
    window.workspace.tabs.setCurrentWidget(plan)
    assert len(plan.cards) == 1
    window.workspace.tabs.setCurrentIndex(0)
    window.open_person(world.people["Ray"])  # Ray has no plan yet
    assert window.workspace.page(AboutMePage).name_label.text() == "Ray"
    assert window.workspace.is_stale(plan)
    window.workspace.tabs.setCurrentWidget(plan)
    assert plan.view.empty.isVisible()
    assert plan.cards == []
    assert plan.person is not None
    assert plan.person.id == world.people["Ray"]
    assert openings(world, world.people["Ray"]) == 1


def test_f5_refreshes_the_page_in_front_and_marks_the_others(window: MainWindow, world: World) -> None:
    plan = page_of(window, PlanPage)
    window.open_person(world.people["Dee"])
    window.workspace.tabs.setCurrentWidget(plan)
    # Kim, at the other desk, covers for Sam.
    covering.cover_for_colleague(
        world.db, world.colleagues["kim"], world.people["Dee"], "Dee came to the other desk", hours=2
    )
    plans.add_goal(
        world.db, world.colleagues["kim"], world.version_id, GoalInput("Back to work", PERSON, "family")
    )
    people.write_about_me(
        world.db, world.colleagues["kim"], world.people["Dee"], "hopes", "Written at the other desk", STAFF
    )
    window.reload_action.trigger()
    assert [card.goal.wording.body for card in plan.cards] == ["A flat of my own", "Back to work"]
    about_me = window.workspace.page(AboutMePage)
    assert window.workspace.is_stale(about_me)
    assert window.workspace.is_stale(page_of(window, BudgetPage))
    assert about_me.boxes["hopes"].editor.toPlainText() == ""  # not yet: it is behind its tab
    window.workspace.tabs.setCurrentWidget(about_me)
    assert about_me.boxes["hopes"].editor.toPlainText() == "Written at the other desk"
    assert openings(world, world.people["Dee"]) == 1  # F5 reads again; it is not another opening


def test_a_change_on_the_plan_reaches_the_other_pages_when_they_are_shown(
    window: MainWindow, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = page_of(window, PlanPage)
    budget = page_of(window, BudgetPage)
    window.open_person(world.people["Dee"])
    window.workspace.tabs.setCurrentWidget(plan)
    monkeypatch.setattr("careplan.gui.workspace.plan_changes.confirm", lambda *a: True)
    plan.changes.remove_goal(plan.cards[0].goal)
    assert plan.cards == []
    assert window.workspace.is_stale(budget)
    window.workspace.tabs.setCurrentWidget(budget)
    assert budget.version is not None
    assert budget.version.goals == []
    window.workspace.tabs.setCurrentWidget(plan)
    window.undo_action.trigger()  # the plan's undo stack still works after the tab changes
    assert [card.goal.wording.body for card in plan.cards] == ["A flat of my own"]
