"""The workspace pages after About me, in tab order."""

from __future__ import annotations

from careplan.gui.workspace.page import WorkspacePage

PAGES: list[tuple[str, type[WorkspacePage]]] = []
