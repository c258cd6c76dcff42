"""The Services and budget page, driven with real widgets as Sam and Dee would at one screen."""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QMessageLogContext,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON
from careplan.domain.enums import AuthorKind, ProposalStatus, Role, ServiceUnit, SignatureMethod, SignerKind
from careplan.gui.dialogs.service_picker import ServicePickerDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.budget_bar import BudgetBar
from careplan.gui.workspace.budget_page import AllocationsModel, BudgetPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import budget, catalogue, signing
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    VersionView,
    catalogue_entries,
    load_person,
    load_version,
    proposals_for,
)
from careplan.storage.database import Database
from tests import deciding, worlds
from tests.worlds import World

KIDS = (worlds.goal("I want my kids to see me well"), ())
FLAT = (worlds.goal("A flat of my own", life_area="housing"), ())

NORTHSIDE, FAMILY_CENTRE, TRANSPORT = (
    "Northside Recovery Network",
    "Riverside Family Centre",
    "City Transport",
)
OFFERED = [
    (NORTHSIDE, "Peer mentoring", "peer support", "One-to-one time with someone who has been there.",
     ServiceUnit.SESSION, "25.00", True),
    (FAMILY_CENTRE, "Family contact support course", "family",
     "Eight weeks of help to get ready for contact with your children.", ServiceUnit.COURSE, "180.00",
     False),
    (TRANSPORT, "Travel pass", "travel", "A weekly bus pass for the city.", ServiceUnit.WEEK, "12.50",
     False),
    (NORTHSIDE, "Recovery café", "peer support", "A Saturday café run by people in recovery.",
     ServiceUnit.SESSION, "8.00", True),
]  # fmt: skip


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """Dee (Chris is her peer mentor) with a draft plan of two goals; four services from three providers."""
    world = (
        worlds.staffed(sqlite_db)
        .with_person("Dee", peer_mentor=True)
        .with_plan("Dee", (KIDS, FLAT), period=None)
    )
    for provider in (NORTHSIDE, FAMILY_CENTRE, TRANSPORT):
        world = world.with_provider(provider)
    for provider, name, category, description, unit, price, peer_led in OFFERED:
        world = world.with_service(
            name,
            provider=provider,
            category=category,
            description=description,
            unit=unit,
            price=Decimal(price),
            peer_led=peer_led,
        )
    return world


def version_now(world: World) -> VersionView:
    return load_version(world.db, world.team.key_worker, world.version_id)


def open_page(qtbot: QtBot, world: World, role: Role = Role.KEY_WORKER) -> BudgetPage:
    actor, name = world.team.as_role(role), worlds.STAFF_NAMES[role]
    context = SignedInStaff(world.db, actor, name, role)
    voice = VoiceSwitch(name, role.label)
    qtbot.addWidget(voice)
    page = BudgetPage(context, voice)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    with qtbot.waitActive(page):
        page.show()
    show(page, world)
    return page


def show(page: BudgetPage, world: World) -> None:
    person = load_person(world.db, page.context.actor, world.person_id)
    page.show_version(person, load_version(world.db, page.context.actor, world.version_id))


def record(page: BudgetPage) -> list[str]:
    """What the page tells the status bar."""
    said: list[str] = []
    page.saved.connect(said.append)
    return said


def open_picker(qtbot: QtBot, page: BudgetPage) -> ServicePickerDialog:
    qtbot.mouseClick(page.view.choose_button, Qt.MouseButton.LeftButton)
    picker = page.changes.picker
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    return picker


def choose_by_search(qtbot: QtBot, picker: ServicePickerDialog, words: str) -> None:
    qtbot.keyClicks(picker.ui.search, words)
    assert picker.browser.filter.rowCount() == 1
    qtbot.keyClick(picker.ui.search, Qt.Key.Key_Down)
    assert picker.browser.current_choice() is not None


def type_quantity(qtbot: QtBot, picker: ServicePickerDialog, text: str) -> None:
    picker.ui.quantity.selectAll()
    qtbot.keyClicks(picker.ui.quantity, text)


# -- the indicative budget ---------------------------------------------------------------------


def test_working_shows_exactly_the_stored_summary_and_each_answer(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    working = version_now(world).working
    assert working is not None
    assert page.view.working_summary.text() == working["summary"]
    assert page.view.working_summary.text() == "Your answers came to 25 points × £50.00 = £1,250.00"
    assert page.view.indicative_amount.text() == "£1,250.00"

    assert page.view.working_details.isHidden()
    qtbot.mouseClick(page.view.working_toggle, Qt.MouseButton.LeftButton)
    assert page.view.working_details.isVisible()
    details = page.view.working_details.text()
    for line in working["lines"]:
        assert line["answer"] in details
        assert f"{line['points']} points" in details
    assert "Hostel, sofa or temporary" in details
    assert "25 points" in details


def test_work_out_the_budget_through_the_questionnaire(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world)
    assert page.view.indicative_amount.text() == "Not worked out yet"
    qtbot.mouseClick(page.view.work_out_button, Qt.MouseButton.LeftButton)
    dialog = page.changes.questionnaire_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)

    # Saving before every question is answered is refused gently, and nothing is stored.
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert "answer every question" in dialog.problem.text()
    assert version_now(world).indicative_pence is None

    for box in dialog.questions:
        button = box.buttons[worlds.STANDARD_ANSWERS[box.key]]
        assert button.minimumHeight() >= 40
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "25 points × £50.00 = £1,250.00" in dialog.progress.text()

    said = record(page)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert said == ["Budget worked out: £1,250.00"]
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = version_now(world)
    assert stored.indicative_pence == 125000
    assert stored.working is not None
    assert page.view.working_summary.text() == stored.working["summary"]
    assert page.view.indicative_amount.text() == "£1,250.00"
    assert page.view.remaining_total.value.text() == "£1,250.00"
    assert page.view.work_out_button.text() == "Work it out again"

    # Working it out again starts from the answers already given.
    qtbot.mouseClick(page.view.work_out_button, Qt.MouseButton.LeftButton)
    again = page.changes.questionnaire_dialog
    assert again is not None
    assert again is not dialog
    assert again.answers() == worlds.STANDARD_ANSWERS


# -- the agreed amount -------------------------------------------------------------------------


def test_agreed_amount_bad_input_is_explained_inline_and_kept(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    assert page.view.agreed_now.text() == "Not agreed yet"
    qtbot.keyClicks(page.view.agreed_edit, "twelve pounds")
    assert page.has_unsaved()
    qtbot.mouseClick(page.view.agreed_save, Qt.MouseButton.LeftButton)
    assert page.view.agreed_problem.isVisible()
    assert "is not an amount of money" in page.view.agreed_problem.text()
    assert page.view.agreed_edit.text() == "twelve pounds"
    assert version_now(world).agreed_pence is None

    # More than the worked-out amount needs a manager: said plainly, still nothing stored.
    page.view.agreed_edit.clear()
    qtbot.keyClicks(page.view.agreed_edit, "2000")
    qtbot.keyClick(page.view.agreed_edit, Qt.Key.Key_Return)
    assert "Only a manager" in page.view.agreed_problem.text()
    assert version_now(world).agreed_pence is None

    page.view.agreed_edit.clear()
    qtbot.keyClicks(page.view.agreed_edit, "£1,000.00")
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(page.view.agreed_edit, Qt.Key.Key_Return)
    assert version_now(world).agreed_pence == 100000
    assert page.view.agreed_problem.isHidden()
    assert page.view.agreed_now.text() == "£1,000.00"
    assert page.view.limit_total.value.text() == "£1,000.00"
    assert page.view.remaining_total.value.text() == "£1,000.00"
    assert not page.has_unsaved()


def test_the_agreed_amount_hint_says_who_is_speaking(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    mine, staff_line = page.view.agreed_hint.text().split("\n")
    # The page speaks as the person; what staff do is said to staff, on its own line.
    assert mine == "Until an amount is agreed, I can spend the amount worked out from my answers."
    assert staff_line.startswith("For staff: you can agree up to £1,250.00")
    assert "Dee's answers" in staff_line
    assert "Only a manager can agree more." in staff_line

    manager = open_page(qtbot, world, Role.MANAGER)
    assert manager.view.agreed_hint.text().split("\n")[1] == (
        "For staff: type the amount agreed with Dee, then press Save agreed amount."
    )

    budget.set_agreed_budget(world.db, world.team.key_worker, world.version_id, Decimal("1000"))
    show(page, world)
    assert "Until an amount is agreed" not in page.view.agreed_hint.text()
    assert page.view.agreed_hint.text().startswith("For staff:")

    mentor = open_page(qtbot, world, Role.PEER_MENTOR)
    assert "For staff" not in mentor.view.agreed_hint.text()


def test_a_typed_agreed_amount_is_saved_before_leaving(
    qtbot: QtBot, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    qtbot.keyClicks(page.view.agreed_edit, "900")
    page.save_pending()
    assert version_now(world).agreed_pence == 90000
    assert not page.has_unsaved()

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    page.view.agreed_edit.clear()
    qtbot.keyClicks(page.view.agreed_edit, "nine hundred")
    page.save_pending()
    assert len(told) == 1
    assert "not saved" in told[0]
    assert "is not an amount of money" in told[0]
    assert version_now(world).agreed_pence == 90000


# -- choosing services -------------------------------------------------------------------------


def test_pick_a_service_by_search_quantity_and_goal(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    assert page.view.empty_table.isVisible()
    picker = open_picker(qtbot, page)
    assert picker.ok_button.isEnabled() is False  # nothing chosen yet

    choose_by_search(qtbot, picker, "mentor")
    assert picker.ui.serviceName.text() == "Peer mentoring"
    assert "£25.00 a session" in picker.ui.price.text()
    assert picker.ui.peerLed.isVisible()
    type_quantity(qtbot, picker, "6")
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[0]], Qt.MouseButton.LeftButton)
    # The cost and what would be left are shown before anything is added.
    assert "6 sessions × £25.00 = <b>£150.00</b>" in picker.ui.cost.text()
    assert "<b>£1,100.00</b> would be left" in picker.ui.left.text()
    assert version_now(world).allocations == []

    said = record(page)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert said == ["Peer mentoring added to the plan"]
    assert not picker.isVisible()
    stored = version_now(world).allocations
    assert len(stored) == 1
    price = next(
        e.unit_price_pence
        for e in catalogue_entries(world.db, world.team.key_worker)
        if e.name == "Peer mentoring"
    )
    assert stored[0].unit_price_pence == price == 2500
    assert stored[0].quantity == Decimal("6")
    assert stored[0].total_pence == 15000
    assert stored[0].goal_ids == [world.plan.goal_ids[0]]

    assert page.view.allocated_total.value.text() == "£150.00"
    assert page.view.remaining_total.value.text() == "£1,100.00"
    assert (page.view.bar.allocated_pence, page.view.bar.limit_pence) == (15000, 125000)
    assert page.view.bar.caption() == "£150.00 set aside of £1,250.00, £1,100.00 left"
    assert page.view.model.rowCount() == 1
    row = [page.view.model.index(0, c).data() for c in range(4)]
    assert row == ["Peer mentoring", "I want my kids to see me well", "6 sessions × £25.00", "£150.00"]
    assert page.view.table.isVisible()


def test_pick_a_service_with_the_keyboard_only(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    picker = open_picker(qtbot, page)
    assert picker.ui.search.hasFocus()
    qtbot.keyClicks(picker.ui.search, "bus")
    qtbot.keyClick(picker.ui.search, Qt.Key.Key_Return)
    assert picker.ui.services.hasFocus()
    qtbot.keyClick(picker.ui.services, Qt.Key.Key_Return)  # on to "how many", not added yet
    assert picker.ui.quantity.hasFocus()
    assert picker.isVisible()
    qtbot.keyClicks(picker.ui.quantity, "4")
    qtbot.keyClick(picker.ui.quantity, Qt.Key.Key_Tab)
    first_goal = picker.goal_boxes[world.plan.goal_ids[0]]
    assert first_goal.hasFocus()
    qtbot.keyClick(first_goal, Qt.Key.Key_Space)
    assert first_goal.isChecked()
    with qtbot.waitSignal(page.changed):
        qtbot.keyClick(first_goal, Qt.Key.Key_Return)
    [allocation] = version_now(world).allocations
    assert (allocation.description, allocation.quantity, allocation.total_pence) == (
        "Travel pass",
        Decimal("4"),
        5000,
    )


def test_categories_narrow_the_list(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    picker = open_picker(qtbot, page)
    labels = [picker.ui.categories.item(r).text() for r in range(picker.ui.categories.count())]
    assert labels == ["Everything (4)", "Family (1)", "Peer support (2)", "Travel (1)"]
    picker.ui.categories.setCurrentRow(2)
    names = [picker.browser.filter.index(r, 0).data(Qt.ItemDataRole.AccessibleTextRole) for r in range(2)]
    assert picker.browser.filter.rowCount() == 2
    assert all("peer-led" in name for name in names)
    qtbot.keyClicks(picker.ui.search, "zebra")
    assert picker.browser.filter.rowCount() == 0
    assert "Nothing found" in picker.ui.resultCount.text()


def test_over_budget_is_refused_in_the_dialog_with_nothing_lost(qtbot: QtBot, world: World) -> None:
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="10")  # £250.00 of £1,250.00
    page = open_page(qtbot, world)
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "family contact")
    type_quantity(qtbot, picker, "6")  # 6 x £180.00 = £1,080.00, only £1,000.00 left
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[0]], Qt.MouseButton.LeftButton)
    assert "Not enough left" in picker.ui.left.text()
    assert "£80.00 more than the £1,000.00 left" in picker.ui.left.text()
    assert picker.ui.overrideReason.isHidden()  # a key worker cannot go over

    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert picker.isVisible()
    assert picker.ui.problem.isVisible()
    message = picker.ui.problem.text()
    assert "£80.00 over" in message
    assert "£1,000.00 is left" in message
    assert picker.ui.quantity.text() == "6"
    assert picker.goal_boxes[world.plan.goal_ids[0]].isChecked()
    assert picker.browser.current_choice() is not None
    assert [a.description for a in version_now(world).allocations] == ["Peer mentoring"]
    assert picker.ui.overrideReason.isHidden()

    # Fewer fits: the same dialog, the same choice, one number changed.
    type_quantity(qtbot, picker, "5")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert page.view.remaining_total.value.text() == "£100.00"


def test_a_manager_can_go_over_with_a_written_reason(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world, Role.MANAGER)
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "family contact")
    type_quantity(qtbot, picker, "8")  # £1,440.00: £190.00 over
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[1]], Qt.MouseButton.LeftButton)
    assert picker.ui.overrideReason.isVisible()

    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)  # no reason yet
    assert "£190.00 over" in picker.ui.problem.text()
    assert version_now(world).allocations == []
    assert picker.ui.overrideReason.hasFocus()

    qtbot.keyClicks(picker.ui.overrideReason, "Court-ordered contact needs the full course")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    [allocation] = version_now(world).allocations
    assert allocation.override_reason == "Court-ordered contact needs the full course"
    assert allocation.total_pence == 144000
    assert page.view.remaining_total.value.text() == "Over by £190.00"
    assert page.view.bar.over
    assert page.view.bar.caption().startswith("Over the budget by £190.00")
    assert "agreed by a manager" in page.view.model.index(0, 0).data()


def test_release_gives_the_money_back_after_asking(qtbot: QtBot, world: World) -> None:
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="6")
    world.with_allocation(service="Travel pass", quantity="8", goal=1)
    page = open_page(qtbot, world)
    assert page.view.remaining_total.value.text() == "£1,000.00"
    assert not page.view.release_button.isEnabled()
    page.view.table.selectRow(1)
    assert page.view.release_button.isEnabled()

    qtbot.mouseClick(page.view.release_button, Qt.MouseButton.LeftButton)
    box = page.changes.release_box
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow)
    assert "£100.00 goes back to the budget" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep it")
    qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    assert len(version_now(world).allocations) == 2

    page.view.table.selectRow(1)
    qtbot.keyClick(page.view.table, Qt.Key.Key_Delete)
    box = page.changes.release_box
    assert box is not None
    qtbot.waitUntil(box.isActiveWindow)
    take = next(b for b in box.buttons() if b.text() == "Take it out")
    said = record(page)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
    assert said == ["Travel pass taken out: £100.00 is back in the budget"]
    assert [a.description for a in version_now(world).allocations] == ["Peer mentoring"]
    assert page.view.remaining_total.value.text() == "£1,100.00"
    assert page.view.bar.allocated_pence == 15000
    assert page.view.model.rowCount() == 1


def test_change_how_many(qtbot: QtBot, world: World) -> None:
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="6")
    page = open_page(qtbot, world)
    page.view.table.selectRow(0)
    qtbot.mouseClick(page.view.change_button, Qt.MouseButton.LeftButton)
    picker = page.changes.picker
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    assert picker.ui.servicesPane.isHidden()
    assert picker.ui.quantity.text() == "6"
    assert picker.goal_boxes[world.plan.goal_ids[0]].isChecked()
    type_quantity(qtbot, picker, "10")
    assert "<b>£1,000.00</b> would be left" in picker.ui.left.text()
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    [allocation] = version_now(world).allocations
    assert allocation.quantity == Decimal("10")
    assert page.view.model.index(0, 3).data() == "£250.00"


def test_a_change_from_another_workstation_is_never_overwritten(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world)
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "mentor")
    type_quantity(qtbot, picker, "4")
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[0]], Qt.MouseButton.LeftButton)
    # Meanwhile, at the other desk:
    world.with_allocation(service="Travel pass", quantity="2")
    with qtbot.waitSignal(page.conflict):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert picker.isVisible()
    assert "Someone else changed this plan" in picker.ui.problem.text()
    assert picker.ui.quantity.text() == "4"
    assert [a.description for a in version_now(world).allocations] == ["Travel pass"]
    assert page.view.model.rowCount() == 1  # the page shows the other desk's change already
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert sorted(a.description for a in version_now(world).allocations) == ["Peer mentoring", "Travel pass"]


# -- asking for something not in the list ------------------------------------------------------


def test_propose_a_service_and_see_it_waiting(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world)
    assert page.view.proposals_empty.isVisible()
    qtbot.mouseClick(page.view.propose_button, Qt.MouseButton.LeftButton)
    dialog = page.changes.propose_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    ui = dialog.ui
    assert ui.personVoice.isChecked()  # the voice switch said Dee is speaking
    qtbot.keyClicks(ui.what, "Climbing wall membership")
    qtbot.keyClicks(ui.provider, "The Boulder Shed")
    qtbot.keyClicks(ui.category, "sport")
    ui.unit.setCurrentIndex(ui.unit.findData(ServiceUnit.WEEK))
    assert "one week" in ui.costLabel.text()
    qtbot.keyClicks(ui.cost, "nine pounds")
    qtbot.keyClicks(ui.why, "Climbing clears my head")
    save = (
        ui.buttons.buttons()[0]
        if ui.buttons.buttons()[0].text() == "Send to a manager"
        else ui.buttons.buttons()[1]
    )
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "is not an amount of money" in ui.problem.text()
    assert ui.cost.hasFocus()
    assert proposals_for(world.db, world.team.key_worker, world.person_id) == []

    ui.cost.clear()
    qtbot.keyClicks(ui.cost, "9.50")
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    [proposal] = proposals_for(world.db, world.team.key_worker, world.person_id)
    assert (proposal.what, proposal.category, proposal.unit) == ("Climbing wall membership", "sport", "week")
    assert proposal.estimated_cost_pence == 950
    assert proposal.status == ProposalStatus.PENDING
    assert proposal.why.author.kind is AuthorKind.PERSON
    [row] = page.proposal_rows
    assert row.status.text() == "Waiting for a manager to decide."
    assert row.add_button is None
    assert page.view.proposals_empty.isHidden()


def test_an_approved_proposal_can_be_added_like_a_service(qtbot: QtBot, world: World) -> None:
    world.assessed()
    proposal_id = catalogue.propose_service(
        world.db,
        world.team.key_worker,
        world.person_id,
        catalogue.ProposalInput(
            "Driving lessons", "training", ServiceUnit.SESSION, Decimal("35"), "To get steady work", PERSON
        ),
    )
    declined_id = catalogue.propose_service(
        world.db,
        world.team.key_worker,
        world.person_id,
        catalogue.ProposalInput("Quad bike", "transport", ServiceUnit.ITEM, Decimal("900"), "Fun", PERSON),
    )
    deciding.decide_proposal(
        world.db, world.team.manager, proposal_id, approve=True, unit_price=Decimal("30")
    )
    deciding.decide_proposal(
        world.db, world.team.manager, declined_id, approve=False, note="A bus pass does this"
    )
    page = open_page(qtbot, world)
    approved_row, declined_row = page.proposal_rows
    assert approved_row.status.text() == "Priya Manager said yes, at £30.00 a session."
    assert declined_row.status.text() == "Priya Manager said no: A bus pass does this"
    assert declined_row.add_button is None
    assert approved_row.add_button is not None
    assert approved_row.add_button.minimumHeight() >= 40

    qtbot.mouseClick(approved_row.add_button, Qt.MouseButton.LeftButton)
    picker = page.changes.picker
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    choice = picker.browser.current_choice()
    assert choice is not None
    assert choice.proposal_id == proposal_id
    type_quantity(qtbot, picker, "10")
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[1]], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    [allocation] = version_now(world).allocations
    assert (allocation.from_proposal, allocation.unit_price_pence, allocation.total_pence) == (
        True,
        3000,
        30000,
    )
    approved_row = page.proposal_rows[0]
    assert approved_row.status.text() == "Priya Manager said yes, at £30.00 a session. It is in this plan."
    assert approved_row.add_button is None


# -- who may do what, and frozen versions ------------------------------------------------------


def test_a_signed_version_is_read_only_with_a_plain_explanation(qtbot: QtBot, world: World) -> None:
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="6")
    sha = version_now(world).sha256
    for signer, name in ((SignerKind.PERSON, "Dee"), (SignerKind.KEY_WORKER, "Sam")):
        signing.sign_plan(
            world.db,
            world.team.key_worker,
            world.version_id,
            signing.SignatureInput(signer, SignatureMethod.TYPED, sha, typed_name=name, confirmed=True),
        )
    page = open_page(qtbot, world)
    assert page.view.notice.isVisible()
    assert "can no longer be changed" in page.view.notice.text()
    assert "start a new version" in page.view.notice.text()
    for hidden in (
        page.view.work_out_button,
        page.view.agreed_edit,
        page.view.agreed_save,
        page.view.change_button,
        page.view.release_button,
    ):
        assert hidden.isHidden()
    assert page.view.choose_button.text() == "Look at the services on offer"
    picker = open_picker(qtbot, page)
    assert picker.ok_button.isHidden()
    assert "can no longer be changed" in picker.ui.intro.text()
    assert page.view.propose_button.isVisible()  # asking for something is about the person, not this version


def test_a_peer_mentor_can_look_and_ask_but_not_spend(qtbot: QtBot, world: World) -> None:
    world.assessed()
    page = open_page(qtbot, world, Role.PEER_MENTOR)
    assert page.view.work_out_button.isHidden()
    assert page.view.agreed_edit.isHidden()
    assert page.view.choose_button.text() == "Look at the services on offer"
    assert page.view.propose_button.isVisible()
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "mentor")
    assert picker.ui.choice.isHidden()
    assert picker.ok_button.isHidden()


def test_no_plan_yet(qtbot: QtBot, world: World) -> None:
    page = open_page(qtbot, world)
    page.show_version(load_person(world.db, world.team.key_worker, world.person_id), None)
    assert "There is no plan yet" in page.view.notice.text()
    assert page.view.budget_box.isHidden()
    assert page.view.money_box.isHidden()
    assert page.view.propose_button.isVisible()


def test_the_page_in_a_workspace_reloads_after_a_change(qtbot: QtBot, world: World) -> None:
    world.assessed()
    context = SignedInStaff(
        world.db, world.team.key_worker, worlds.STAFF_NAMES[Role.KEY_WORKER], Role.KEY_WORKER
    )
    voice = VoiceSwitch(worlds.STAFF_NAMES[Role.KEY_WORKER], "key worker")
    qtbot.addWidget(voice)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    qtbot.addWidget(workspace)
    page = BudgetPage(context, voice)
    workspace.add_page(page)
    workspace.resize(1000, 700)
    with qtbot.waitActive(workspace):
        workspace.show()
    workspace.open_person(world.person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    workspace.tabs.setCurrentWidget(page)
    assert page.view.indicative_amount.text() == "£1,250.00"
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "saturday")
    type_quantity(qtbot, picker, "3")
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[1]], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(workspace.saved) as said:
        qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert said.args == ["Recovery café added to the plan"]
    assert workspace.version is not None
    assert workspace.version.allocated_pence == 2400
    assert page.version == workspace.version
    assert page.view.remaining_total.value.text() == "£1,226.00"


# -- the model -----------------------------------------------------------------------------------


def model_tester_failures(model: AllocationsModel, changes: Callable[[], None]) -> list[str]:
    """Run Qt's model tester over ``model`` while ``changes`` happen; return what it complained of."""
    complaints: list[str] = []

    def handler(_kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if context.category == "qt.modeltest":
            complaints.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
        changes()
        del tester
    finally:
        qInstallMessageHandler(previous)
    return complaints


class TreeShapedByMistake(AllocationsModel):
    """A broken model (rows under rows), to show the tester's complaints do reach the test."""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1


def test_allocations_model_passes_the_model_tester(qtbot: QtBot, world: World) -> None:
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="6")
    world.with_allocation(service="Travel pass", quantity="1.5", goal=1)
    version = version_now(world)
    goals = {g.id: g.wording.body for g in version.goals}
    model = AllocationsModel()

    def changes() -> None:
        model.set_allocations(version.allocations, goals)
        model.set_allocations([], goals)
        model.set_allocations(version.allocations, goals)

    assert model_tester_failures(model, changes) == []
    assert model.rowCount() == 2
    assert model.columnCount() == 4
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.index(1, 2).data() == "1.5 weeks × £12.50"
    assert model.index(1, 3).data() == "£18.75"
    assert model.index(1, 3).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.index(0, 0).data(AllocationsModel.AllocationIdRole) == version.allocations[0].id
    assert model.data(QModelIndex()) is None
    assert model_tester_failures(TreeShapedByMistake(), lambda: None) != []


# -- what it looks like ------------------------------------------------------------------------


def test_screenshots(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    """Pictures of the page and of an over-budget refusal, to look at (CAREPLAN_SCREENSHOTS=dir)."""
    world.assessed()
    world.with_allocation(service="Peer mentoring", quantity="12")
    world.with_allocation(service="Family contact support course", quantity="1")
    world.with_allocation(service="Travel pass", quantity="20", goal=1)
    catalogue.propose_service(
        world.db,
        world.team.key_worker,
        world.person_id,
        catalogue.ProposalInput(
            "Climbing wall membership",
            "sport",
            ServiceUnit.WEEK,
            Decimal("9.50"),
            "It clears my head",
            PERSON,
        ),
    )
    page = open_page(qtbot, world)
    folder = Path(os.environ.get("CAREPLAN_SCREENSHOTS", tmp_path))
    QApplication.processEvents()  # let the layouts settle before the picture (no waiting)
    assert page.grab().save(str(folder / "budget_page.png"))
    qtbot.mouseClick(page.view.working_toggle, Qt.MouseButton.LeftButton)
    details = page.view.working_details
    qtbot.waitUntil(lambda: details.height() >= details.heightForWidth(details.width()))
    assert page.grab().save(str(folder / "budget_page_working.png"))
    bar = page.view.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert page.grab().save(str(folder / "budget_page_bottom.png"))
    picker = open_picker(qtbot, page)
    choose_by_search(qtbot, picker, "family contact")
    type_quantity(qtbot, picker, "4")
    qtbot.mouseClick(picker.goal_boxes[world.plan.goal_ids[0]], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)
    assert picker.ui.problem.isVisible()
    picker.resize(1000, 700)
    assert picker.grab().save(str(folder / "service_picker_over_budget.png"))
    picker.reject()

    qtbot.mouseClick(page.view.work_out_button, Qt.MouseButton.LeftButton)
    questions = page.changes.questionnaire_dialog
    assert questions is not None
    qtbot.waitUntil(questions.isActiveWindow)
    assert questions.grab().save(str(folder / "budget_questionnaire.png"))
    questions.reject()

    qtbot.mouseClick(page.view.propose_button, Qt.MouseButton.LeftButton)
    propose = page.changes.propose_dialog
    assert propose is not None
    qtbot.waitUntil(propose.isActiveWindow)
    qtbot.keyClicks(propose.ui.what, "Driving lessons")
    qtbot.keyClicks(propose.ui.cost, "lots")
    propose.save()
    assert propose.grab().save(str(folder / "propose_service.png"))
    propose.reject()

    over = BudgetBar()
    qtbot.addWidget(over)
    over.resize(600, over.sizeHint().height())
    over.set_amounts(144000, 125000)
    assert over.grab().save(str(folder / "budget_bar_over.png"))
