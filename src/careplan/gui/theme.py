"""Careplan's one look: a palette, and one application style sheet applied once, by the app.

No widget carries a style sheet of its own and no Designer form holds a colour. A widget is
styled by its object name, or by a dynamic property that says what it is for::

    label.setProperty("role", "problem")      # in code; or in the .ui, a dynamic property

Roles: ``problem`` (what is wrong, on a line of its own), ``problemBox`` (the same, boxed),
``done`` (it worked), ``quiet`` (a note in grey), ``notice`` (the demo data note), ``info`` (a
boxed note), ``overBudget`` (the amount left, when a choice would spend more than that),
``reviewDue`` and ``reviewOverdue`` (a review's state: see ``careplan.gui.review_marks``; a list's
cells take the same roles' colours from :data:`ROLE_COLOURS`).
When a property changes on a widget already shown, :func:`set_role` (or
:func:`set_style_property`) makes the style sheet look at the widget again.

Colour is never the only sign: every problem also says so in words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QWidget

from careplan.gui.focus_ring import follow_focus

# --- the palette -----------------------------------------------------------------------------

PROBLEM = "#8a1f11"  # dark red: what is wrong
PROBLEM_TINT = "#fff4f2"
DONE = "#1b5e20"  # dark green: it worked
DUE = "#7a4a00"  # dark amber: a review due soon (the words say so too)
QUIET = "#555555"  # a note beside the main words
DIMMED = "#666666"  # a row that is switched off (a retired service, a closed account)
EDGE = "#5f6368"  # a neutral box's edge, a budget bar's outline, text of little weight
INFO_TINT = "#f6f6f4"
NOTICE_TINT = "#fff4d6"  # demo data: everyone in it is invented
NOTICE_EDGE = "#d9b44a"

PERSON_TINT = "#f3e8fa"  # the person's own words
STAFF_TINT = "#e3f1f6"  # a member of staff's words
PERSON_LINE = "#6a1b9a"  # the person's scores in a chart (a solid line with dots)
STAFF_LINE = "#1f5f7a"  # the worker's scores in a chart (a dashed line with squares)
NOTE_TINT = "#fbeee6"  # "I don't agree"
NOTE_EDGE = "#b5541b"
SIGNED_TINT = "#e6f2e0"  # signed, and still covering the words shown
SIGNED_EDGE = "#5b8c3a"
NOT_YET_TINT = "#f2f2f2"  # not signed yet
NOT_YET_EDGE = "#9a9a9a"
FROZEN_TINT = "#eef3e6"  # a signed version's words stay as they are
FROZEN_EDGE = "#9bb37a"

BUDGET_FILL = "#2f6f8f"  # the budget bar: set aside
BUDGET_OVER = "#a4262c"  # ... and over the budget (a pattern and words say so too)
BUDGET_TRACK = "#eef0f2"
INK = "#14213d"  # a drawn signature
PAD_EDGE = "#6b6b6b"  # the signature pad's edge and hint
FOCUS = "#0b57d0"  # the ring round what has the keyboard (6:1 on white, 5:1 on the window)

ROLE_COLOURS = {"reviewDue": DUE, "reviewOverdue": PROBLEM}
"""The text colour of a role, for a list's cell (a model gives a cell a colour, not a property)."""

# --- sizes -----------------------------------------------------------------------------------

BUTTON_HEIGHT = 40  # the plan's buttons and those beside them: big enough for a finger or an unsteady hand
FOCUS_RING = 3  # px: the focus ring's width, drawn outside the widget (careplan.gui.focus_ring)

# --- the style sheet -------------------------------------------------------------------------


def style_sheet(tick: int) -> str:
    """The application's one style sheet. ``tick``: the size of a large tick box, from the font."""
    return f"""
QFocusFrame#focusRing {{ border: {FOCUS_RING}px solid {FOCUS}; border-radius: 4px; }}
QLabel[role="problem"] {{ color: {PROBLEM}; font-weight: bold; }}
QToolButton#automaticBackupWarning {{ color: {PROBLEM}; font-weight: bold; padding: 0 6px; }}
QLabel[role="problemBox"] {{
    color: {PROBLEM}; font-weight: bold; border: 2px solid {PROBLEM}; border-radius: 4px;
    padding: 6px; background: {PROBLEM_TINT};
}}
QLabel[role="done"] {{ color: {DONE}; font-weight: bold; }}
QLabel[role="reviewDue"] {{ color: {DUE}; font-weight: bold; }}
QLabel[role="reviewOverdue"] {{ color: {PROBLEM}; font-weight: bold; }}
QLabel[role="quiet"] {{ color: {QUIET}; }}
QLabel[role="notice"] {{
    background: {NOTICE_TINT}; border: 1px solid {NOTICE_EDGE}; border-radius: 6px; padding: 8px;
}}
QLabel#demoLabel {{ background: {NOTICE_TINT}; border: 1px solid {NOTICE_EDGE}; padding: 1px 8px; }}
QLabel[role="info"] {{
    border: 2px solid {EDGE}; border-radius: 4px; padding: 8px; background: {INFO_TINT};
}}
QLabel[role="overBudget"] {{ border: 2px dashed {PROBLEM}; padding: 4px; }}
QCheckBox[role="largeTick"]::indicator {{ width: 24px; height: 24px; }}

QToolButton#voicePerson, QToolButton#voiceStaff {{
    padding: 4px 10px; border: 1px solid #888; border-radius: 6px;
}}
QToolButton#voicePerson:checked, QToolButton#voiceStaff:checked {{
    font-weight: bold; border: 3px solid #333;
}}
#authorBadge {{ border-radius: 4px; }}
#authorBadge[voice="person"] {{ background: {PERSON_TINT}; }}
#authorBadge[voice="staff"] {{ background: {STAFF_TINT}; }}
#disagreementNote {{ background: {NOTE_TINT}; border-left: 4px solid {NOTE_EDGE}; border-radius: 4px; }}

#goalCard, #safetyCard, #reviewCard {{
    background: palette(base); border: 1px solid palette(mid); border-radius: 8px;
}}
QCheckBox#stepDone::indicator {{ width: {tick}px; height: {tick}px; }}
QToolButton#goalMore::menu-indicator, QToolButton#stepMore::menu-indicator {{ image: none; width: 0px; }}
QMenu#goalMoreMenu::item, QMenu#stepMoreMenu::item {{ padding: 10px 28px 10px 36px; }}
QMenu#goalMoreMenu::icon, QMenu#stepMoreMenu::icon {{ padding-left: 10px; }}
#frozenNote {{
    background: {FROZEN_TINT}; border: 1px solid {FROZEN_EDGE}; border-radius: 6px; padding: 8px;
}}

QLabel[signing="signed"] {{ background: {SIGNED_TINT}; border-left: 4px solid {SIGNED_EDGE}; padding: 8px; }}
QLabel[signing="again"] {{ background: {NOTE_TINT}; border-left: 4px solid {NOTE_EDGE}; padding: 8px; }}
QLabel[signing="not_yet"] {{
    background: {NOT_YET_TINT}; border-left: 4px solid {NOT_YET_EDGE}; padding: 8px;
}}
"""
    # The "⋯" buttons on goals and steps show no arrow, and their menus are big enough to hit
    # with a finger or an unsteady hand, like the buttons around them.


def apply_theme(app: QApplication) -> None:
    """Give the whole application its look (once, as it starts; again is harmless)."""
    tick = max(22, QFontMetrics(app.font()).height() + 6)  # the "Done" box on a step, from the font
    sheet = style_sheet(tick)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    follow_focus(app)


def set_style_property(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet selects on ("role", "voice", "signing"), and have the
    widget drawn again by it. (Qt reads dynamic properties only when it polishes a widget.)"""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # shown already: polish again
        style = widget.style()
        style.unpolish(widget)
        style.polish(widget)
        # A frame (a label) keeps the width of its border and padding until told its style
        # changed: without this, a rule's padding would be drawn only from the next start.
        QApplication.sendEvent(widget, QEvent(QEvent.Type.StyleChange))
        widget.update()


def set_role(widget: QWidget, role: str | None) -> None:
    """Say what a widget is for (see the roles above); ``None`` for an ordinary widget."""
    set_style_property(widget, "role", role or "")
