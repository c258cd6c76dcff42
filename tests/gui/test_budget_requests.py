"""Requests decided on the Services and budget page, driven with real widgets: a manager decides
(no, with a reason; tell us more; yes and added to the catalogue), the key worker answers, the
person says "I don't agree"; everyone sees the decision in plain words."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON
from careplan.domain.enums import AuthorKind, ProposalStatus, Role, ServiceUnit
from careplan.gui.dialogs.decide_request import DecideRequestDialog
from careplan.gui.dialogs.disagreement_dialog import DisagreementDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.gui.workspace.budget_requests import ProposalRow
from careplan.services import catalogue
from careplan.services.catalogue import list_services
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import load_person, load_version, proposals_for
from careplan.storage.database import Database
from tests import worlds
from tests.worlds import World

CLIMBING = catalogue.ProposalInput(
    "Climbing wall membership",
    "sport",
    ServiceUnit.WEEK,
    Decimal("9.50"),
    "Climbing gets me out of my head",
    PERSON,
    who_might_provide="The Climbing Hut",
)


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """Dee (Chris is her peer mentor) with a draft plan, and one request waiting for a manager."""
    world = worlds.staffed(sqlite_db).with_person("Dee", peer_mentor=True).with_plan("Dee", period=None)
    catalogue.propose_service(
        world.db, world.team.key_worker, world.person_id, CLIMBING, plan_id=world.plan_id
    )
    return world


def open_page(qtbot: QtBot, world: World, role: Role) -> BudgetPage:
    actor, name = world.team.as_role(role), worlds.STAFF_NAMES[role]
    voice = VoiceSwitch(name, role.label)
    qtbot.addWidget(voice)
    page = BudgetPage(SignedInStaff(world.db, actor, name, role), voice)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitActive(page):
        page.show()
    person = load_person(world.db, actor, world.person_id)
    page.show_version(person, load_version(world.db, actor, world.version_id))
    return page


def only_row(page: BudgetPage) -> ProposalRow:
    [row] = page.proposal_rows
    return row


def press(qtbot: QtBot, widget: QWidget) -> None:
    """The keyboard's way: the focus on it, then Space."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def pick(qtbot: QtBot, choice: QRadioButton) -> None:
    """A click on the round button itself (a radio button takes clicks on its button and words)."""
    qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
    assert choice.isChecked()


def decide_dialog(qtbot: QtBot, page: BudgetPage) -> DecideRequestDialog:
    button = only_row(page).decide_button
    assert button is not None
    press(qtbot, button)
    dialog = page.requests.current
    assert isinstance(dialog, DecideRequestDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def writing_dialog(qtbot: QtBot, page: BudgetPage, button: QWidget | None) -> DisagreementDialog:
    assert button is not None
    press(qtbot, button)
    dialog = page.requests.current
    assert isinstance(dialog, DisagreementDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def save(qtbot: QtBot, page: BudgetPage, dialog: QWidget) -> None:
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_only_a_manager_sees_decide(qtbot: QtBot, world: World) -> None:
    for role in (Role.KEY_WORKER, Role.PEER_MENTOR):
        row = only_row(open_page(qtbot, world, role))
        assert row.decide_button is None
        assert row.status.text() == "Waiting for a manager to decide."
    row = only_row(open_page(qtbot, world, Role.MANAGER))
    assert row.decide_button is not None
    assert row.decide_button.accessibleName() == "Decide: Climbing wall membership"


def test_a_manager_says_no_and_the_person_does_not_agree(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world, Role.MANAGER)
    dialog = decide_dialog(qtbot, page)
    assert "Dee asks for: Climbing wall membership, at about £9.50 a week." in dialog.ui.intro.text()
    pick(qtbot, dialog.ui.noChoice)
    assert dialog.ui.priceBox.isHidden()
    save_button = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save_button.text() == "Say no"
    qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)  # no reason yet: refused beside the box
    assert dialog.isVisible()
    assert "say why the answer is no" in dialog.ui.wordsProblem.text()
    assert dialog.ui.words.hasFocus()
    qtbot.keyClicks(dialog.ui.words, "The leisure centre pass already covers climbing.")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)
    row = only_row(page)
    assert row.status.text() == "Priya Manager said no: The leisure centre pass already covers climbing."
    assert row.decide_button is None

    page = open_page(qtbot, world, Role.KEY_WORKER)
    row = only_row(page)
    assert row.status.text().startswith("Priya Manager said no:")
    writing = writing_dialog(qtbot, page, row.disagree_button)
    assert writing.windowTitle() == "I don't agree"
    if writing._voice.voice.kind is not AuthorKind.PERSON:
        writing._voice.toggle()
    qtbot.keyClicks(writing.note, "The pass is not the same as the wall")
    save(qtbot, page, writing.note)
    row = only_row(page)
    assert row.since.isVisible()
    assert row.since.text() == "I don't agree: The pass is not the same as the wall (Dee's words)"
    assert row.disagree_button is None


def test_tell_us_more_then_the_answer_then_yes_to_the_catalogue(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world, Role.MANAGER)
    dialog = decide_dialog(qtbot, page)
    pick(qtbot, dialog.ui.askChoice)
    qtbot.keyClicks(dialog.ui.words, "Which days would you go?")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(
            dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert only_row(page).status.text() == (
        "Priya Manager asked to be told more: Which days would you go? Waiting for an answer."
    )
    assert only_row(page).decide_button is None

    worker = open_page(qtbot, world, Role.KEY_WORKER)
    writing = writing_dialog(qtbot, worker, only_row(worker).answer_button)
    assert writing.windowTitle() == "Answer a manager's question"
    qtbot.keyClicks(writing.note, "Saturday mornings")
    save(qtbot, worker, writing.note)
    assert only_row(worker).status.text() == "Waiting for a manager to decide."

    page = open_page(qtbot, world, Role.MANAGER)
    dialog = decide_dialog(qtbot, page)
    assert "The answer: Saturday mornings" in dialog.ui.exchange.text()
    pick(qtbot, dialog.ui.catalogueChoice)
    assert dialog.ui.unit.isVisible()
    assert dialog.ui.provider.text() == "The Climbing Hut"
    dialog.ui.price.clear()
    qtbot.keyClicks(dialog.ui.price, "8.50")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(
            dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    row = only_row(page)
    assert row.status.text() == "Priya Manager said yes, at £8.50 a week, and added it to the catalogue."
    assert "Asked: Which days would you go? Answer: Saturday mornings" in row.since.text()
    [proposal] = proposals_for(world.db, world.team.manager, world.person_id)
    assert proposal.status == ProposalStatus.APPROVED
    names = [s.name for s in list_services(world.db, world.team.manager)]
    assert "Climbing wall membership" in names


def test_one_dialog_at_a_time_and_cancel_writes_nothing(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world, Role.MANAGER)
    dialog = decide_dialog(qtbot, page)
    page.requests.open("decide", only_row(page).proposal)
    assert page.requests.current is dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.requests.current is None)
    [proposal] = proposals_for(world.db, world.team.manager, world.person_id)
    assert proposal.status == ProposalStatus.PENDING
    assert QApplication.activeModalWidget() is None
