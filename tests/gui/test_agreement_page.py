"""Agreement: Dee and Sam sign the plan on one screen, Priya approves it, it goes into action.

Driven as people would: the buttons on the page, the pad and the typed-name tick in the sign
dialog. The world is built through the use cases (tests/worlds.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import GoalStatus, PlanStatus, Role, SignerKind
from careplan.domain.records import Review
from careplan.gui.dialogs.sign_dialog import PLAN_CHANGED, SAVED_MEANWHILE, SignDialog
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.agreement_page import NOT_APPROVED, AgreementPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import plans, signing
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import VersionView, load_version
from careplan.storage.database import Database
from tests import worlds
from tests.stored import snapshot
from tests.worlds import (
    World,
    goal,
    register,
    step,
    typed_signature,
)

GOALS = (
    (
        goal("I want my kids to see me well", why="They matter most"),
        (step("Ring the family centre about contact"), step("Go to the contact session", voice=PERSON)),
    ),
    (goal("A flat of my own", life_area="housing"), (step("Fill in the housing form", voice=PERSON),)),
    (goal("Try group work", voice=STAFF, life_area="mental_health"), ()),
)


@pytest.fixture
def world(sqlite_db: Database) -> World:
    """Dee (on Chris's caseload too) with a draft plan of three goals, money allocated to the first,
    and her disagreement with the third."""
    world = (
        worlds.staffed(sqlite_db)
        .with_person("Dee", peer_mentor=True)
        .with_plan("Dee", GOALS)
        .with_provider("Northside Recovery Network", contact="01632 960000")
        .with_service()
        .assessed()
        .with_allocation()
    )
    plans.record_disagreement(
        sqlite_db,
        world.team.key_worker,
        world.version_id,
        "I don't want group work",
        PERSON,
        goal_id=world.plan.goal_ids[2],
    )
    return world


@dataclass
class Screen:
    workspace: PersonWorkspace
    page: AgreementPage


class Screens:
    """Opens Dee's workspace with the agreement page, as one member of staff or another."""

    STAFF = {
        Role.KEY_WORKER: "Sam Keyworker",
        Role.MANAGER: "Priya Manager",
        Role.PEER_MENTOR: "Chris Mentor",
    }

    def __init__(self, qtbot: QtBot, world: World) -> None:
        self._qtbot = qtbot
        self._world = world
        self.opened: list[Screen] = []  # kept alive for the whole test

    def open(self, role: Role = Role.KEY_WORKER, *, person_id: int | None = None) -> Screen:
        world, qtbot = self._world, self._qtbot
        name = self.STAFF[role]
        context = SignedInStaff(world.db, world.team.as_role(role), name, role)
        voice = VoiceSwitch(name, role.label)
        workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
        page = AgreementPage(context, voice, workspace)
        workspace.add_page(page)
        qtbot.addWidget(workspace)
        qtbot.addWidget(voice)
        workspace.resize(1000, 760)
        workspace.open_person(person_id or world.person_id)
        workspace.who_is_here.together_button.click()  # the person is at the screen too
        workspace.tabs.setCurrentWidget(page)
        workspace.show()
        qtbot.waitExposed(workspace)
        screen = Screen(workspace, page)
        self.opened.append(screen)
        return screen


@pytest.fixture
def screens(qtbot: QtBot, world: World) -> Screens:
    return Screens(qtbot, world)


def stored(world: World) -> VersionView:
    return load_version(world.db, world.team.key_worker, world.version_id)


def click(qtbot: QtBot, widget: QAbstractButton) -> None:
    assert widget.isVisible(), widget.text()
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Dialogs open active on a desktop; the offscreen test platform needs asking."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_sign_dialog(qtbot: QtBot, page: AgreementPage, button: QAbstractButton) -> SignDialog:
    click(qtbot, button)
    dialog = page.dialog
    assert isinstance(dialog, SignDialog)
    activate(qtbot, dialog)
    return dialog


def draw_signature(qtbot: QtBot, dialog: SignDialog) -> None:
    """Two strokes with the mouse: a wave of four points, then a short line of two."""
    pad = dialog.pad
    for points in (((40, 100), (80, 50), (120, 110), (160, 60)), ((200, 60), (210, 110))):
        qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
        for point in points[1:]:
            qtbot.mouseMove(pad, QPoint(*point))
        qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def sign_and_close(qtbot: QtBot, page: AgreementPage, dialog: SignDialog) -> None:
    click(qtbot, dialog.ui.signButton)
    qtbot.waitUntil(lambda: page.dialog is None)


def settle(qtbot: QtBot, page: AgreementPage) -> None:
    """Wait for the page's layout to settle (word-wrapped labels take a pass to find their height)."""
    bar = page.view.scroll_area.verticalScrollBar()
    box = page.view.signing_box
    qtbot.waitUntil(
        lambda: (not bar.isVisible() or bar.maximum() > 0) and box.height() == box.heightForWidth(box.width())
    )


def reviews(world: World) -> list[Review]:
    with world.db.session() as session:
        return list(session.scalars(select(Review).where(Review.plan_id == world.plan_id)))


# --- the whole journey ------------------------------------------------------------------------------


def test_dee_draws_sam_types_priya_approves_and_it_goes_into_action(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    page = screens.open().page
    assert page.view.headline.text() == "Version 1: being written"
    assert page.view.person_row.text() == "Dee: not signed yet"
    assert page.view.person_sign_button.text() == "Dee signs"
    assert page.view.staff_sign_button.text() == "Sam signs"
    assert not page.view.approve_button.isVisible()  # a key worker does not approve

    # Dee signs by drawing with the mouse.
    dialog = open_sign_dialog(qtbot, page, page.view.person_sign_button)
    assert dialog.windowTitle() == "Dee signs the plan"
    assert dialog.shown_sha256 == stored(world).sha256
    assert dialog.ui.fingerprint.text() == f"Plan fingerprint: {stored(world).sha256[:12]}"
    draw_signature(qtbot, dialog)
    assert dialog.pad.point_count() == 6
    sign_and_close(qtbot, page, dialog)

    version = stored(world)
    assert version.status == PlanStatus.DRAFT
    (dee,) = version.signatures
    assert (dee.signer_kind, dee.signer_name, dee.method, dee.current) == ("person", "Dee", "drawn", True)
    assert page.view.person_row.text().startswith("Dee: signed on ")
    assert page.view.person_row.text().endswith("(drew a signature)")
    assert not page.view.person_sign_button.isEnabled()
    assert page.view.next_step.text() == "Dee has signed. The key worker signs next."

    # Sam signs by typing his name and ticking the box.
    dialog = open_sign_dialog(qtbot, page, page.view.staff_sign_button)
    assert dialog.windowTitle() == "Sam signs the plan"
    click(qtbot, dialog.ui.typeInstead)
    assert dialog.typing
    assert dialog.ui.how.text() == "Type your name and tick the box. Or draw your signature instead."
    assert dialog.ui.typedName.text() == "Sam Keyworker"
    click(qtbot, dialog.ui.confirmed)
    sign_and_close(qtbot, page, dialog)

    version = stored(world)
    assert version.status == PlanStatus.AGREED
    assert version.frozen
    assert [(s.signer_kind, s.method, s.current) for s in version.signatures] == [
        ("person", "drawn", True),
        ("key_worker", "typed", True),
    ]
    assert page.view.headline.text() == "Version 1: signed, waiting for approval"
    assert page.view.staff_row.text().startswith("Sam Keyworker (key worker): signed on ")
    assert not page.view.person_sign_button.isEnabled()
    assert not page.view.staff_sign_button.isEnabled()
    assert not page.view.activate_button.isEnabled()
    assert reviews(world) == []

    # The next day Priya approves it: the reviews are booked.
    page = screens.open(Role.MANAGER).page
    assert page.view.approve_button.isEnabled()
    assert page.view.next_step.text().endswith("You can approve it now.")
    saved: list[str] = []
    page.saved.connect(saved.append)
    click(qtbot, page.view.approve_button)
    assert saved == ["Plan approved. Its reviews are booked."]
    assert stored(world).status == PlanStatus.APPROVED
    assert len(reviews(world)) == 5
    assert page.view.headline.text() == "Version 1: approved"
    assert not page.view.approve_button.isEnabled()

    click(qtbot, page.view.activate_button)
    assert stored(world).status == PlanStatus.ACTIVE
    assert page.view.headline.text() == "Version 1: in action"
    assert not page.view.activate_button.isEnabled()


def test_signing_with_the_keyboard_only(qtbot: QtBot, world: World, screens: Screens) -> None:
    page = screens.open().page
    page.view.person_sign_button.setFocus()
    qtbot.keyClick(page.view.person_sign_button, Qt.Key.Key_Space)
    dialog = page.dialog
    assert isinstance(dialog, SignDialog)
    activate(qtbot, dialog)
    # The plan has the focus first (the arrow keys scroll it); Tab goes on to "Type my name
    # instead" (Clear, Undo and Redo are switched off while the box is empty).
    assert dialog.focusWidget() is dialog.ui.summaryArea
    qtbot.keyClick(dialog.ui.summaryArea, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.typeInstead
    qtbot.keyClick(dialog.ui.typeInstead, Qt.Key.Key_Space)
    assert dialog.focusWidget() is dialog.ui.typedName
    qtbot.keyClick(dialog.ui.typedName, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.ui.typedName, "Dee Walsh")
    qtbot.keyClick(dialog.ui.typedName, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.confirmed
    qtbot.keyClick(dialog.ui.confirmed, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.ui.confirmed, Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.signButton
    qtbot.keyClick(dialog.ui.signButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is None)

    (dee,) = stored(world).signatures
    assert (dee.signer_name, dee.method) == ("Dee Walsh", "typed")


# --- the plan changed meanwhile -----------------------------------------------------------------------


def test_a_change_between_showing_and_signing_is_refused_in_plain_words_and_nothing_is_stored(
    qtbot: QtBot, world: World, screens: Screens, tmp_path: Path
) -> None:
    page = screens.open().page
    dialog = open_sign_dialog(qtbot, page, page.view.person_sign_button)
    draw_signature(qtbot, dialog)
    shown = dialog.shown_sha256
    # Meanwhile Priya, at another desk, adds a goal to the plan Dee is reading.
    plans.add_goal(world.db, world.team.manager, world.version_id, goal("Keep my methadone steady"))
    before = snapshot(world.db)

    click(qtbot, dialog.ui.signButton)

    assert snapshot(world.db) == before  # nothing signed, nothing written
    assert page.dialog is dialog
    assert dialog.isVisible()
    assert dialog.ui.problem.text() == PLAN_CHANGED
    assert dialog.ui.problem.isVisible()
    # The plan is shown again as it is now, and what Dee drew is still there.
    assert dialog.shown_sha256 == stored(world).sha256 != shown
    assert dialog.ui.fingerprint.text() == f"Plan fingerprint: {stored(world).sha256[:12]}"
    shown_text = [label.text() for label in dialog.ui.summary.findChildren(type(dialog.ui.title))]
    assert any("Keep my methadone steady" in text for text in shown_text)
    assert dialog.pad.point_count() == 6
    summary = dialog.ui.summary  # laid out again after the reload before the picture is taken
    qtbot.waitUntil(lambda: summary.height() >= summary.minimumSizeHint().height() > 0)
    assert dialog.grab().save(str(tmp_path / "sign_dialog_conflict.png"))

    # Having read it again, Dee signs what she now sees.
    sign_and_close(qtbot, page, dialog)
    (dee,) = stored(world).signatures
    assert dee.current


def test_something_saved_meanwhile_that_leaves_the_words_alone_is_said_gently(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    page = screens.open().page
    dialog = open_sign_dialog(qtbot, page, page.view.person_sign_button)
    draw_signature(qtbot, dialog)
    # A step ticked done on another computer: the plan was saved, but its words did not change.
    plans.set_step_done(world.db, world.team.manager, world.plan.step_ids[0], True)
    click(qtbot, dialog.ui.signButton)
    assert dialog.ui.problem.text() == SAVED_MEANWHILE
    sign_and_close(qtbot, page, dialog)
    assert len(stored(world).signatures) == 1


def test_other_refusals_are_shown_beside_the_field_and_nothing_is_lost(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    page = screens.open().page
    dialog = open_sign_dialog(qtbot, page, page.view.staff_sign_button)
    click(qtbot, dialog.ui.signButton)  # nothing drawn
    assert (
        dialog.ui.padProblem.text() == "Please sign in the box, or type your name and tick the box instead."
    )
    assert page.dialog is dialog

    click(qtbot, dialog.ui.typeInstead)
    dialog.ui.typedName.clear()
    qtbot.keyClicks(dialog.ui.typedName, "Sam K")
    click(qtbot, dialog.ui.signButton)  # not ticked
    assert dialog.ui.confirmedProblem.text() == "Please tick the box to say this is your signature."
    assert dialog.ui.typedName.text() == "Sam K"
    assert not dialog.ui.padProblem.isVisible()

    # Back to drawing: the box is as it was left; then draw, and sign.
    click(qtbot, dialog.ui.drawInstead)
    draw_signature(qtbot, dialog)
    sign_and_close(qtbot, page, dialog)
    (sam,) = stored(world).signatures
    assert (sam.signer_kind, sam.method) == ("key_worker", "drawn")


def test_not_now_signs_nothing(qtbot: QtBot, world: World, screens: Screens) -> None:
    page = screens.open().page
    dialog = open_sign_dialog(qtbot, page, page.view.person_sign_button)
    draw_signature(qtbot, dialog)
    click(qtbot, dialog.ui.notNow)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert stored(world).signatures == []


def test_a_signature_on_an_earlier_wording_needs_signing_again(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    sha = stored(world).sha256
    signing.sign_plan(
        world.db, world.team.key_worker, world.version_id, typed_signature(SignerKind.PERSON, sha)
    )
    plans.add_goal(world.db, world.team.key_worker, world.version_id, goal("Get back to work"))
    page = screens.open().page
    assert page.view.person_row.text() == "Dee: signed an earlier wording: needs to sign again"
    assert page.view.person_row.state == "again"
    assert page.view.person_sign_button.isEnabled()
    assert page.view.staff_row.text() == "Sam Keyworker (key worker): not signed yet"


def test_a_conflict_on_approval_goes_through_the_usual_question(
    qtbot: QtBot, world: World, screens: Screens, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = stored(world).sha256
    for signer in (SignerKind.PERSON, SignerKind.KEY_WORKER):
        signing.sign_plan(world.db, world.team.key_worker, world.version_id, typed_signature(signer, sha))
    page = screens.open(Role.MANAGER).page
    asked: list[str] = []

    def warning(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "warning", warning)
    plans.set_goal_status(world.db, world.team.key_worker, world.plan.goal_ids[0], GoalStatus.UNDER_WAY)
    click(qtbot, page.view.approve_button)
    assert len(asked) == 1
    assert "Someone else saved changes" in asked[0]
    assert stored(world).status == PlanStatus.AGREED
    click(qtbot, page.view.approve_button)  # reloaded, so this time it goes through
    assert stored(world).status == PlanStatus.APPROVED


# --- who sees what -------------------------------------------------------------------------------------


def test_a_peer_mentor_sees_who_signed_but_no_buttons_to_sign_or_approve(
    qtbot: QtBot, world: World, screens: Screens
) -> None:
    page = screens.open(Role.PEER_MENTOR).page
    assert page.view.person_row.isVisible()
    for button in (
        page.view.person_sign_button,
        page.view.staff_sign_button,
        page.view.approve_button,
        page.view.activate_button,
    ):
        assert not button.isVisible()
    assert page.view.cannot_sign.isVisible()


def test_a_plan_without_goals_cannot_be_signed_yet(qtbot: QtBot, world: World, screens: Screens) -> None:
    marek = register(world.db, world.team.key_worker, "Marek")
    plans.start_plan(world.db, world.team.key_worker, marek)
    page = screens.open(person_id=marek).page
    assert not page.view.person_sign_button.isEnabled()
    assert page.view.person_sign_button.toolTip() == "Add at least one goal before the plan is signed."
    assert "Add at least one goal" in page.view.next_step.text()


def test_no_plan_yet(qtbot: QtBot, world: World, screens: Screens) -> None:
    jordan = register(world.db, world.team.key_worker, "Jordan")
    page = screens.open(person_id=jordan).page
    assert page.view.empty.isVisible()
    assert not page.view.scroll_area.isVisible()


# --- the printed agreement -----------------------------------------------------------------------------


def test_printing_waits_for_approval(qtbot: QtBot, world: World, screens: Screens) -> None:
    """A draft cannot be printed yet; the whole journey is in test_agreement_printing.py."""
    page = screens.open(Role.MANAGER).page
    assert page.view.printed_box.title() == "Printed agreement"
    for button in (page.view.preview_button, page.view.save_pdf_button):
        assert button.isVisible()
        assert not button.isEnabled()
        assert button.toolTip() == NOT_APPROVED
    assert page.view.printed_note.isVisible()


# --- how it looks ----------------------------------------------------------------------------------------


def test_screenshots_of_the_page_and_the_sign_dialog(
    qtbot: QtBot, world: World, screens: Screens, tmp_path: Path
) -> None:
    screen = screens.open()
    page = screen.page
    settle(qtbot, page)
    assert screen.workspace.grab().save(str(tmp_path / "agreement_before.png"))
    dialog = open_sign_dialog(qtbot, page, page.view.person_sign_button)
    draw_signature(qtbot, dialog)
    assert dialog.grab().save(str(tmp_path / "sign_dialog.png"))
    # Every button in the dialog is a large target for a finger.
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and button is not dialog.ui.confirmed:
            assert button.height() >= 48, button.text()
    sign_and_close(qtbot, page, dialog)
    settle(qtbot, page)
    assert screen.workspace.grab().save(str(tmp_path / "agreement_one_signed.png"))

    dialog = open_sign_dialog(qtbot, page, page.view.staff_sign_button)
    click(qtbot, dialog.ui.typeInstead)
    click(qtbot, dialog.ui.signButton)  # not ticked yet: said beside the tick box
    assert dialog.grab().save(str(tmp_path / "sign_dialog_typed.png"))
    click(qtbot, dialog.ui.confirmed)
    sign_and_close(qtbot, page, dialog)
    assert stored(world).status == PlanStatus.AGREED
    settle(qtbot, page)
    assert screen.workspace.grab().save(str(tmp_path / "agreement_signed.png"))

    manager = screens.open(Role.MANAGER)
    click(qtbot, manager.page.view.approve_button)
    settle(qtbot, manager.page)
    assert manager.workspace.grab().save(str(tmp_path / "agreement_approved.png"))
