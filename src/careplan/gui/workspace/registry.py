"""The workspace's pages, in tab order: the one list the workspace builds its tabs from.

Listing a page does not import it. About me is built with the window; importing and building the
others is a good part of start-up, so each page's module is imported when the first person is
opened (measured: tests/gui/test_startup_imports.py). A page may bring a window-wide action that
shows it and starts something on it (Ctrl+G: a new goal on the plan).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtWidgets import QWidget

from careplan.domain.permissions import Action
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.page import Page
from careplan.services.signed_in import SignedInStaff

if TYPE_CHECKING:
    from careplan.gui.workspace.plan_page import PlanPage

P = TypeVar("P", bound=Page)
PageClass = Callable[[SignedInStaff, VoiceSwitch, QWidget | None], P]


@dataclass(frozen=True)
class PageAction(Generic[P]):
    """A window-wide action: it shows the page and starts something on it."""

    name: str  # its object name
    text: str
    shortcut: str
    tip: str
    start: Callable[[P], None]


@dataclass(frozen=True)
class PageEntry(Generic[P]):
    """One page: how to load its class, whether it is built with the window, who may see it (a
    role without all of ``needs`` never has the page), and its window-wide action."""

    load: Callable[[], PageClass[P]]
    at_start: bool = False
    needs: tuple[Action, ...] = ()
    action: PageAction[P] | None = None


# The lazy imports below are the measured seam named in the module's docstring.


def _plan() -> type[PlanPage]:
    from careplan.gui.workspace.plan_page import PlanPage

    return PlanPage


def _new_goal(page: PlanPage) -> None:
    page.add_goal()


def _staying_safe() -> PageClass[Page]:
    from careplan.gui.workspace.staying_safe_page import StayingSafePage

    return StayingSafePage


def _reviews() -> PageClass[Page]:
    from careplan.gui.workspace.reviews_page import ReviewsPage

    return ReviewsPage


def _budget() -> PageClass[Page]:
    from careplan.gui.workspace.budget_page import BudgetPage

    return BudgetPage


def _agreement() -> PageClass[Page]:
    from careplan.gui.workspace.agreement_page import AgreementPage

    return AgreementPage


def _history() -> PageClass[Page]:
    from careplan.gui.workspace.history_page import HistoryPage

    return HistoryPage


def _sharing() -> PageClass[Page]:
    from careplan.gui.workspace.sharing_page import SharingPage

    return SharingPage


def _access() -> PageClass[Page]:
    from careplan.gui.workspace.access_page import AccessPage

    return AccessPage


ABOUT_ME: PageEntry[Any] = PageEntry(load=lambda: AboutMePage, at_start=True)
NEW_GOAL = PageAction(
    name="newGoalAction", text="New &goal…", shortcut="Ctrl+G", tip="Add a goal to the plan", start=_new_goal
)

PAGES: tuple[PageEntry[Any], ...] = (
    ABOUT_ME,
    PageEntry(load=_plan, action=NEW_GOAL),
    PageEntry(load=_staying_safe),
    PageEntry(load=_reviews),
    PageEntry(load=_budget),
    PageEntry(load=_agreement),
    PageEntry(load=_history),
    PageEntry(load=_sharing),
    PageEntry(load=_access, needs=(Action.VIEW_AUDIT, Action.VIEW_PEOPLE)),  # who opened the record
)
