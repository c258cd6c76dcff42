"""Building blocks of the plan page: labels for somebody's words, big buttons, asking before removing."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton, QToolButton, QWidget

from careplan.gui.assets import icon

BUTTON_HEIGHT = 40


def words(
    text: str, parent: QWidget, *, name: str | None = None, scale: float = 1.0, bold: bool = False
) -> QLabel:
    """A label for somebody's words: plain text (never read as markup), wrapped, selectable."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    if scale != 1.0 or bold:
        font = label.font()
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


def button(
    text: str, parent: QWidget, *, name: str, accessible: str, icon_name: str | None = None
) -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setObjectName(name)
    widget.setAccessibleName(accessible)
    widget.setMinimumHeight(BUTTON_HEIGHT)
    widget.setAutoDefault(False)
    if icon_name:
        widget.setIcon(icon(icon_name))
        size = max(20, widget.fontMetrics().height() + 2)
        widget.setIconSize(QSize(size, size))
    return widget


def item_action(
    text: str,
    parent: QWidget,
    *,
    name: str,
    accessible: str,
    keys: str | None = None,
    icon_name: str | None = None,
) -> QAction:
    """One thing that can be done with a goal or step, offered in its "⋯" menu and on right-click.

    ``keys`` are shown in the menu, so the keyboard way is learnt by using the mouse one. They work
    while the keyboard is anywhere in the widget that adds the action (a step row adds its own);
    a goal card catches its keys itself, so they never clash with its steps'.
    """
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setToolTip(accessible)
    action.setStatusTip(accessible)
    if icon_name:
        action.setIcon(icon(icon_name))
    if keys:
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def is_alt_arrow(event: QKeyEvent) -> bool:
    """Alt+Up or Alt+Down: the keys that move a goal or a step."""
    return event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
    )


def more_button(parent: QWidget, actions: list[QAction | None], *, name: str, accessible: str) -> QToolButton:
    """The one small "⋯" button that opens an item's menu (``None`` is a line between groups).

    The same actions are the item's right-click menu (and the keyboard's menu key).
    """
    more = QToolButton(parent)
    more.setObjectName(name)
    more.setText("⋯")
    more.setAccessibleName(accessible)
    more.setToolTip(f"{accessible} (or right-click)")
    more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    more.setMinimumSize(BUTTON_HEIGHT + 8, BUTTON_HEIGHT)
    font = more.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    more.setFont(font)
    more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    more.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    menu = QMenu(more)
    menu.setObjectName(f"{name}Menu")
    # Big enough to hit with a finger or an unsteady hand, like the buttons around it.
    menu.setStyleSheet("QMenu::item { padding: 10px 28px 10px 36px; } QMenu::icon { padding-left: 10px; }")
    for action in actions:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    more.setMenu(menu)
    parent.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    parent.customContextMenuRequested.connect(lambda pos: menu.exec(parent.mapToGlobal(pos)))
    return more


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """Ask before removing something (Edit > Undo can put it back); the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button
