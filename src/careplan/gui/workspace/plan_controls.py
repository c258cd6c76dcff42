"""Building blocks of the plan page: labels for somebody's words, big buttons, asking before removing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QEnterEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QPushButton, QToolButton, QWidget

from careplan.gui.assets import icon
from careplan.gui.theme import BUTTON_HEIGHT


class Words(QLabel):
    """Somebody's words, selectable with the mouse (to copy them) from the moment the mouse is over them.

    Made selectable then, not when made: a selectable label carries a text editor of its own, and
    a plan shows hundreds of labels that are mostly only read.
    """

    def enterEvent(self, event: QEnterEvent) -> None:
        if not self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse:
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().enterEvent(event)


def words(
    text: str, parent: QWidget, *, name: str | None = None, scale: float = 1.0, bold: bool = False
) -> QLabel:
    """A label for somebody's words: plain text (never read as markup), wrapped, selectable."""
    label = Words(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
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


class MoreButton(QToolButton):
    """The one small "⋯" button that opens an item's menu (``None`` is a line between groups).

    The same actions are the item's right-click menu (and the keyboard's menu key). Its look
    (no arrow, roomy menu items) comes from the application's style sheet (gui/theme.py).

    The menu is made the first time it is wanted (pressed by mouse, keys or a screen reader,
    right-click, or :meth:`menu`), not with the button: a plan has one on every goal and step,
    and most are never opened. The actions, and so their keys, exist from the start.
    """

    def __init__(self, parent: QWidget, actions: list[QAction | None], *, name: str, accessible: str) -> None:
        super().__init__(parent)
        self._actions = actions
        self._menu: QMenu | None = None
        self._name = name
        self.setObjectName(name)
        self.setText("⋯")
        self.setAccessibleName(accessible)
        self.setToolTip(f"{accessible} (or right-click)")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumSize(BUTTON_HEIGHT + 8, BUTTON_HEIGHT)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Runs after QToolButton's own handler, which shows the menu once it exists.
        self.pressed.connect(self._pressed)
        parent.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        parent.customContextMenuRequested.connect(self._context_menu)

    def menu(self) -> QMenu:
        """The item's menu, made now if it was not wanted before."""
        if self._menu is None:
            menu = QMenu(self)
            menu.setObjectName(f"{self._name}Menu")
            for action in self._actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
            self._menu = menu
            self.setMenu(menu)
        return self._menu

    @property
    def menu_made(self) -> bool:
        """Whether the menu has been made yet (it is, the first time it is wanted)."""
        return self._menu is not None

    def _pressed(self) -> None:
        if self._menu is None:
            self.menu()
            self.showMenu()  # the first press: QToolButton found no menu to show yet

    def _context_menu(self, pos: QPoint) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.menu().exec(parent.mapToGlobal(pos))


def more_button(parent: QWidget, actions: list[QAction | None], *, name: str, accessible: str) -> MoreButton:
    """The "⋯" button of a goal or step (see :class:`MoreButton`)."""
    return MoreButton(parent, actions, name=name, accessible=accessible)


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
