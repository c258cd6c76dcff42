"""The workspace pages after About me, in tab order."""

from __future__ import annotations

from careplan.gui.workspace.access_page import AccessPage
from careplan.gui.workspace.agreement_page import AgreementPage
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.gui.workspace.history_page import HistoryPage
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_page import PlanPage
from careplan.gui.workspace.sharing_page import SharingPage

PAGES: list[tuple[str, type[WorkspacePage]]] = [
    ("My plan", PlanPage),
    ("Services and budget", BudgetPage),
    ("Agreement", AgreementPage),
    ("History", HistoryPage),
    ("Sharing", SharingPage),
    ("Who has seen this", AccessPage),  # only for roles that may see the audit (AccessPage.needs)
]
