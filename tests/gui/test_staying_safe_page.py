"""Staying safe: the page driven from the keyboard alone, as a person and their key worker would at
one screen, switching who is writing; refusals beside the field; a signed version only read."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, Naloxone, OverdoseRisk, PlanStatus, Role, SafetyPart
from careplan.gui.dialogs.staying_safe_dialogs import SafetyContactDialog, StayingSafeWordsDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.staying_safe_page import StayingSafePage
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import staying_safe
from careplan.services.signed_in import SignedInStaff
from careplan.services.staying_safe_view import StayingSafeView, load_staying_safe
from careplan.storage.database import Database
from tests import worlds
from tests.gui.test_plan_page import activate, answer_next_box
from tests.worlds import World


@dataclass
class Screen:
    workspace: PersonWorkspace
    page: StayingSafePage
    voice: VoiceSwitch
    saved: list[str]


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """The team, and Dee (Chris is her peer mentor) with a plan being written."""
    return worlds.staffed(sqlite_db).with_person("Dee", peer_mentor=True).with_plan("Dee")


def open_screen(
    qtbot: QtBot,
    world: World,
    *,
    actor: Actor | None = None,
    name: str = "Sam Keyworker",
    role: Role = Role.KEY_WORKER,
) -> Screen:
    context = SignedInStaff(world.db, actor or world.team.key_worker, name, role)
    voice = VoiceSwitch(name, role.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    page = StayingSafePage(context, voice, workspace)
    workspace.add_page(page)
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    workspace.resize(1200, 760)
    workspace.open_person(world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    workspace.tabs.setCurrentWidget(page)
    workspace.show()
    qtbot.waitExposed(workspace)
    saved: list[str] = []
    page.saved.connect(saved.append)
    return Screen(workspace, page, voice, saved)


def stored(world: World) -> StayingSafeView:
    return load_staying_safe(world.db, world.team.key_worker, world.version_id)


def focus(qtbot: QtBot, widget: QWidget) -> None:
    """Put the keyboard on ``widget`` (as Tab would), in its active window."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def keys(qtbot: QtBot, text: str) -> None:
    """Type into whatever has the keyboard."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def key(qtbot: QtBot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, which, modifier)


def press(qtbot: QtBot, page: StayingSafePage, button: QWidget) -> QWidget:
    """Space on a button with the keyboard on it; the dialog it opens, active."""
    assert button.isVisible()
    focus(qtbot, button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is not None)
    assert page.dialog is not None
    activate(qtbot, page.dialog)
    return page.dialog


def save_by_keys(qtbot: QtBot, page: StayingSafePage) -> None:
    """Ctrl+Enter in the dialog; it closes once saved."""
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is None)


SIGNS = "I stop answering the door"


def test_writing_a_part_in_the_person_s_words_by_keyboard(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    section, block = page.view.parts[SafetyPart.WARNING_SIGNS]
    assert block.words.text() == "Not written yet."
    assert section.change.text() == "Write"

    dialog = press(qtbot, page, section.change)
    assert isinstance(dialog, StayingSafeWordsDialog)
    assert dialog.ui.words.hasFocus()
    assert not dialog.ui.choices.isVisible()
    assert dialog.writing_as.badge.text() == "Dee's words"
    keys(qtbot, SIGNS)
    save_by_keys(qtbot, page)

    assert stored(world).warning_signs is not None
    assert stored(world).warning_signs.body == SIGNS  # type: ignore[union-attr]
    assert block.words.text() == SIGNS
    assert block.badge.text() == "Dee's words"
    assert section.change.text() == "Change"
    assert screen.saved[-1] == "Saved: signs that things are getting harder"
    assert screen.workspace.focusWidget() is section.change  # the keyboard is back where it was


def test_someone_to_call_with_a_number_put_right_beside_the_field(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    dialog = press(qtbot, page, page.view.contacts.change)
    assert isinstance(dialog, SafetyContactDialog)
    assert dialog.ui.name.hasFocus()
    keys(qtbot, "Jo, my sister")
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.phone.hasFocus()
    keys(qtbot, "O7700 900462")  # a letter O for the nought
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert page.dialog is dialog  # still open, nothing lost
    assert "is not a phone number" in dialog.ui.phoneProblem.text()
    assert dialog.ui.phoneProblem.isVisible()
    assert dialog.ui.phone.hasFocus()
    assert dialog.ui.phone.selectedText() == "O7700 900462"  # to type it again
    assert stored(world).contacts == ()
    keys(qtbot, "07700 900462")
    save_by_keys(qtbot, page)

    (row,) = page.contact_rows
    assert row.phone.text() == "07700 900462"
    assert row.name.words.text() == "Jo, my sister"
    assert row.name.badge.text() == "Dee's words"
    assert [(c.name.body, c.phone) for c in stored(world).contacts] == [("Jo, my sister", "07700 900462")]
    assert not page.view.no_contacts.isVisible()


def test_only_the_person_chooses_the_overdose_risk_then_f4_switches(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    screen.voice.set_voice(STAFF)
    dialog = press(qtbot, page, page.view.overdose.change)
    assert isinstance(dialog, StayingSafeWordsDialog)
    assert dialog.ui.choices.isVisible()
    key(qtbot, Qt.Key.Key_Space)  # the first choice
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    assert dialog.choice() == OverdoseRisk.HIGH
    key(qtbot, Qt.Key.Key_Tab)
    assert dialog.ui.words.hasFocus()
    keys(qtbot, "Since I came out of prison")
    key(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert page.dialog is dialog
    assert "Only the person can choose" in dialog.ui.choicesProblem.text()
    assert stored(world).overdose_risk is None
    key(qtbot, Qt.Key.Key_F4)  # Dee is speaking now
    assert dialog.writing_as.badge.text() == "Dee's words"
    save_by_keys(qtbot, page)

    found = stored(world)
    assert found.overdose_risk == OverdoseRisk.HIGH
    assert found.overdose_words is not None
    assert found.overdose_words.author.kind is AuthorKind.PERSON
    assert page.view.overdose_choice.text() == "I think I am at high risk of overdose"
    assert page.view.overdose_words.badge.text() == "Dee's words"


def test_naloxone_and_where_it_is_kept_in_the_key_worker_s_words(qtbot: QtBot, world: World) -> None:
    screen = open_screen(qtbot, world)
    page = screen.page
    screen.voice.set_voice(STAFF)
    dialog = press(qtbot, page, page.view.naloxone.change)
    assert isinstance(dialog, StayingSafeWordsDialog)
    key(qtbot, Qt.Key.Key_Space)  # "I have naloxone"
    assert dialog.choice() == Naloxone.HELD
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Kitchen drawer")
    save_by_keys(qtbot, page)
    assert page.view.naloxone_choice.text() == "I have naloxone"
    assert page.view.naloxone_where.words.text() == "Kitchen drawer"
    assert page.view.naloxone_where.badge.text() == "Sam Keyworker (key worker)"
    assert stored(world).naloxone == Naloxone.HELD


def test_taking_someone_out_asks_first(qtbot: QtBot, world: World) -> None:
    kw = world.team.key_worker
    staying_safe.add_contact(world.db, kw, world.version_id, staying_safe.ContactInput("Jo", "999", PERSON))
    screen = open_screen(qtbot, world)
    page = screen.page
    (row,) = page.contact_rows
    seen: list[str] = []
    answer_next_box(qtbot, "Keep them", seen)
    focus(qtbot, row.remove)
    key(qtbot, Qt.Key.Key_Space)
    assert seen == ["Take Jo (999) out of who to call?"]
    assert len(stored(world).contacts) == 1
    answer_next_box(qtbot, "Take them out", seen)
    focus(qtbot, page.contact_rows[0].remove)
    key(qtbot, Qt.Key.Key_Space)
    assert stored(world).contacts == ()
    assert page.contact_rows == []
    assert page.view.no_contacts.isVisible()
    assert screen.saved[-1] == "Taken out of who to call"


def test_a_peer_mentor_writes_it_too(qtbot: QtBot, world: World) -> None:
    screen = open_screen(
        qtbot, world, actor=world.team.peer_mentor, name="Chris Mentor", role=Role.PEER_MENTOR
    )
    page = screen.page
    dialog = press(qtbot, page, page.view.parts[SafetyPart.WHAT_HELPS][0].change)
    assert isinstance(dialog, StayingSafeWordsDialog)
    keys(qtbot, "My dog")
    save_by_keys(qtbot, page)
    assert stored(world).what_helps is not None


def test_a_signed_version_is_shown_but_not_changed(qtbot: QtBot, world: World) -> None:
    kw = world.team.key_worker
    staying_safe.write_part(world.db, kw, world.version_id, SafetyPart.WHAT_HELPS, "My dog", PERSON)
    staying_safe.add_contact(world.db, kw, world.version_id, staying_safe.ContactInput("Jo", "999", PERSON))
    worlds.take_to(world.db, world.team, world.version_id, PlanStatus.AGREED)
    screen = open_screen(qtbot, world)
    view = screen.page.view
    assert view.frozen_note.isVisible()
    assert "start a new version" in view.frozen_note.text()
    assert view.parts[SafetyPart.WHAT_HELPS][1].words.text() == "My dog"
    assert not any(section.change.isVisible() for section in view.sections)
    assert not any(row.change.isVisible() or row.remove.isVisible() for row in screen.page.contact_rows)


def test_the_history_page_shows_what_changed_in_it(qtbot: QtBot, world: World) -> None:
    from careplan.gui.workspace.history_page import HistoryPage
    from careplan.services import plans
    from careplan.services.workspace import load_person, load_version

    kw = world.team.key_worker
    staying_safe.write_part(world.db, kw, world.version_id, SafetyPart.WHAT_HELPS, "My dog", PERSON)
    worlds.take_to(world.db, world.team, world.version_id, PlanStatus.ACTIVE)
    v2 = plans.revise_plan(world.db, kw, world.version_id)
    staying_safe.write_part(world.db, kw, v2, SafetyPart.WHAT_HELPS, "My dog and my sister", STAFF)
    staying_safe.add_contact(world.db, kw, v2, staying_safe.ContactInput("Jo", "07700 900462", PERSON))
    context = SignedInStaff(world.db, kw, "Sam Keyworker", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Keyworker", "key worker")
    qtbot.addWidget(voice)
    page = HistoryPage(context, voice)
    qtbot.addWidget(page)
    page.show()
    page.show_version(load_person(world.db, kw, world.person_id), load_version(world.db, kw, v2))
    assert page.view.since_changes.lines() == [
        "Staying safe, what helps me: “My dog” became “My dog and my sister”",
        "Staying safe, what helps me: now written by Sam Keyworker instead of Dee",
        "Staying safe, someone new to call: “Jo” (07700 900462)",
    ]
    shown = [label.text() for label in page.view.content.findChildren(type(page.view.version_title))]
    assert "Staying safe" in shown
    assert "Who I can call: 07700 900462, Jo" in " ".join(shown)
    assert "Sam Keyworker (key worker)" in [b.text() for b in page.view.content.badges]
