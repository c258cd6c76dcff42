"""Shared by the sign-in, staff and lock tests: quick password hashing, a team with passwords,
and everything a person could read on the screen right now."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.services import authentication, staff
from careplan.storage.database import Database

PASSWORDS = {
    "ada": "ada secret passphrase",
    "sam": "sam secret passphrase",
    "priya": "priya secret passphrase",
    "chris": "chris secret passphrase",
}


@dataclass(frozen=True)
class Team:
    admin: Actor
    sam: Actor
    priya: Actor
    chris: Actor


@pytest.fixture
def quick_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with tiny settings: the same code path, a fraction of the time."""
    monkeypatch.setattr(authentication, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def make_team(db: Database) -> Team:
    admin = authentication.create_first_administrator(db, "ada", "Ada Admin", PASSWORDS["ada"]).actor
    ids = {
        name: staff.add_staff(db, admin, name, display, role, PASSWORDS[name])
        for name, display, role in (
            ("sam", "Sam Okafor", Role.KEY_WORKER),
            ("priya", "Priya Shah", Role.MANAGER),
            ("chris", "Chris Doyle", Role.PEER_MENTOR),
        )
    }
    for name, staff_id in ids.items():  # ready to sign in: no "choose your own" step
        authentication.set_password(db, admin, staff_id, PASSWORDS[name], must_change=False)
    return Team(admin, Actor(ids["sam"]), Actor(ids["priya"]), Actor(ids["chris"]))


def _item_view_text(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            value = model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            if value is not None:
                texts.append(str(value))
    return texts


def visible_text() -> str:
    """Every piece of text a person could read in any visible window of the application."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel):
                texts.append(widget.text())
            elif isinstance(widget, QLineEdit):
                texts += [widget.text(), widget.placeholderText()]
            elif isinstance(widget, QTextEdit | QPlainTextEdit):
                texts.append(widget.toPlainText())
            elif isinstance(widget, QAbstractButton):
                texts.append(widget.text())
            elif isinstance(widget, QComboBox):
                texts += [widget.itemText(i) for i in range(widget.count())]
            elif isinstance(widget, QAbstractItemView):
                texts += _item_view_text(widget)
            elif isinstance(widget, QTabBar):
                texts += [widget.tabText(i) for i in range(widget.count())]
            elif isinstance(widget, QGroupBox):
                texts.append(widget.title())
            elif isinstance(widget, QStatusBar):
                texts.append(widget.currentMessage())  # painted by the bar itself, not a label
    return "\n".join(texts)


def find_window(object_name: str) -> QWidget | None:
    """A visible top-level window (a dialog) by its object name."""
    for top in QApplication.topLevelWidgets():
        if top.objectName() == object_name and top.isVisible():
            return top
    return None
