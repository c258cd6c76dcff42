"""Journeys 1 and 2 of PERSONAS.md, end to end through the main window with every page.

Sam (key worker) and Dee sit at one screen: Dee is registered, says her hopes, writes three goals
with Sam, works out her budget, chooses services and says "I don't agree" to Sam's group work.
Both sign, Priya approves, and later a new version is started and the History page tells what
changed. Then Marek: his dissent about counselling, and his driving lessons from request to
allocation. Assertions look at what a person sees on screen and at what was stored.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import (
    AuthorKind,
    ProposalStatus,
    Role,
    ServiceUnit,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.dialogs.register_person import RegisterPersonDialog
from careplan.gui.dialogs.service_picker import ServicePickerDialog
from careplan.gui.dialogs.step_editor import StepEditorDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.budget_page import BudgetPage
from careplan.gui.workspace.history_page import FIRST_VERSION, HistoryPage
from careplan.gui.workspace.page import WorkspacePage
from careplan.gui.workspace.plan_page import SIGNED_NOTE, DisagreementDialog, GoalCard, PlanPage
from careplan.services import budget, catalogue, people, plans, signing, staff
from careplan.services.plans import GoalInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import (
    VersionView,
    current_version_id,
    load_person,
    load_version,
    proposals_for,
)
from careplan.storage.database import Database
from tests import deciding

# 3 + 5 + 3 + 6 + 2 + 2 + 4 + 0 = 25 points x £50.00 = £1,250.00 with the standard questionnaire.
ANSWERS = {
    "daily_living": "some",
    "substance_use": "some",
    "health": "mixed",
    "housing": "temporary",
    "support": "some",
    "time": "some",
    "children": "care",
    "legal": "no",
}
SAM = "Sam Okafor (key worker)"
DEE = "Dee's words"

P = TypeVar("P", bound=WorkspacePage)


@dataclass(frozen=True)
class Team:
    db: Database
    priya: Actor
    sam: Actor
    services: dict[str, int]


@pytest.fixture
def team(sqlite_db: Database) -> Team:
    """Priya (manager) and Sam (key worker); Priya has put three services in the catalogue."""
    db = sqlite_db
    admin = staff.create_first_administrator(db, "ada", "Ada Admin")
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    northside = catalogue.add_provider(db, priya, "Northside Recovery Network")
    family_centre = catalogue.add_provider(db, priya, "Riverside Family Centre")
    transport = catalogue.add_provider(db, priya, "City Transport")
    offered = [
        (northside, "Peer mentoring", "peer support", "One-to-one time with someone who has been there.",
         ServiceUnit.SESSION, "25.00", True),
        (family_centre, "Family contact support course", "family",
         "Eight weeks of help to get ready for contact with your children.", ServiceUnit.COURSE, "180.00",
         False),
        (transport, "Travel pass", "travel", "A weekly bus pass for the city.", ServiceUnit.WEEK, "12.50",
         False),
    ]  # fmt: skip
    services = {
        name: catalogue.add_service(
            db,
            priya,
            catalogue.ServiceInput(
                provider_id=provider,
                name=name,
                category=category,
                description=description,
                unit=unit,
                unit_price=Decimal(price),
                peer_led=peer_led,
            ),
        )
        for provider, name, category, description, unit, price, peer_led in offered
    }
    return Team(db, priya, sam, services)


# --- driving the window -------------------------------------------------------------------------


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Windows open active on a desktop; the offscreen test platform needs asking."""
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_window(qtbot: QtBot, team: Team, settings: Path) -> MainWindow:
    """Sam signs in: the main window with every page, at a common laptop size."""
    context = SignedInStaff(team.db, team.sam, "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(str(settings), QSettings.Format.IniFormat))
    window.workspace.build_pages()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    activate(qtbot, window)
    return window


def click(qtbot: QtBot, widget: QAbstractButton) -> None:
    assert widget.isVisible(), widget.text()
    assert widget.isEnabled(), widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def page_of(window: MainWindow, kind: type[P]) -> P:
    return next(page for page in window.workspace.pages if isinstance(page, kind))


def go_to(qtbot: QtBot, window: MainWindow, title: str) -> None:
    """Click the workspace tab with this title."""
    tabs = window.workspace.tabs
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert title in titles, titles
    index = titles.index(title)
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def said(window: MainWindow) -> str:
    """The status bar's "saved" label, without the time."""
    return window.saved_label.text().split(" at ")[0]


def stored_version(team: Team, person_id: int) -> VersionView:
    version_id = current_version_id(team.db, team.sam, person_id)
    assert version_id is not None
    return load_version(team.db, team.sam, version_id)


def register_through_dialog(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    preferred: str,
    full: str,
    born: str,
) -> int:
    """Ctrl+N, then the New person form typed in and saved."""
    seen: list[RegisterPersonDialog] = []

    def drive(dialog: RegisterPersonDialog) -> int:
        seen.append(dialog)
        dialog.show()
        activate(qtbot, dialog)
        qtbot.keyClicks(dialog.ui.preferredName, preferred)
        qtbot.keyClicks(dialog.ui.fullName, full)
        qtbot.keyClicks(dialog.ui.dateOfBirth, born)
        click(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
        return int(dialog.result())

    monkeypatch.setattr(RegisterPersonDialog, "exec", drive)
    qtbot.keyClick(window.people.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(seen) == 1
    assert seen[0].ui.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Add this person"
    person_id = seen[0].person_id
    assert person_id is not None
    activate(qtbot, window)  # back to the window, as when a dialog closes on a desktop
    return person_id


def find_person(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Ctrl+F, a few letters, Enter: the first match opens."""
    qtbot.keyClick(window.people.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.people.search.hasFocus()
    qtbot.keyClicks(window.people.search, text)
    qtbot.keyClick(window.people.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)


def click_person(qtbot: QtBot, window: MainWindow, person_id: int) -> None:
    """Double-click a person's row in the people list (a single click only chooses the row)."""
    row = window.people.model.row_of(person_id)
    assert row is not None
    table = window.people.table
    rect = table.visualRect(window.people.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def goal_dialog(plan: PlanPage) -> GoalEditorDialog:
    assert isinstance(plan.editors.dialog, GoalEditorDialog)
    return plan.editors.dialog


def step_dialog(plan: PlanPage) -> StepEditorDialog:
    assert isinstance(plan.editors.dialog, StepEditorDialog)
    return plan.editors.dialog


def save_dialog(qtbot: QtBot, plan: PlanPage, buttons: QDialogButtonBox) -> None:
    click(qtbot, buttons.button(QDialogButtonBox.StandardButton.Save))
    qtbot.waitUntil(lambda: plan.editors.dialog is None)
    activate(qtbot, plan.window())  # back to the window, as when a dialog closes on a desktop


def write_goal(
    qtbot: QtBot, plan: PlanPage, wording: str, area: str, *, why: str = "", by: str = ""
) -> GoalEditorDialog:
    """ "+ Add a goal", typed in (not yet saved)."""
    click(qtbot, plan.view.add_goal_button)
    dialog = goal_dialog(plan)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.wording, wording)
    qtbot.keyClicks(dialog.ui.why, why)
    dialog.ui.lifeArea.setCurrentIndex(dialog.ui.lifeArea.findData(area))
    assert dialog.ui.lifeArea.currentData() == area
    qtbot.keyClicks(dialog.ui.targetDate, by)
    return dialog


def write_step(qtbot: QtBot, plan: PlanPage, goal: int, what: str, owner: StepOwner) -> StepEditorDialog:
    """ "Add a step" on goal number ``goal`` (from 1), typed in (not yet saved)."""
    click(qtbot, plan.cards[goal - 1].add_step)
    dialog = step_dialog(plan)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.what, what)
    click(qtbot, dialog.owners[owner])
    return dialog


def open_picker(qtbot: QtBot, page: BudgetPage) -> ServicePickerDialog:
    click(qtbot, page.view.choose_button)
    picker = page.changes.picker
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    return picker


def pick(qtbot: QtBot, picker: ServicePickerDialog, search: str, quantity: str, goals: list[int]) -> None:
    """Search, arrow down to the one match, type how many and tick the goals it helps with."""
    qtbot.keyClicks(picker.ui.search, search)
    assert picker.browser.filter.rowCount() == 1, search
    qtbot.keyClick(picker.ui.search, Qt.Key.Key_Down)
    assert picker.browser.current_choice() is not None
    picker.ui.quantity.selectAll()
    qtbot.keyClicks(picker.ui.quantity, quantity)
    for goal_id in goals:
        qtbot.mouseClick(picker.goal_boxes[goal_id], Qt.MouseButton.LeftButton)
        assert picker.goal_boxes[goal_id].isChecked()


def totals(page: BudgetPage) -> tuple[str, str, str]:
    """The three large amounts over the bar: I can spend, set aside, left to spend."""
    return (
        page.view.limit_total.value.text(),
        page.view.allocated_total.value.text(),
        page.view.remaining_total.value.text(),
    )


def table_rows(page: BudgetPage) -> list[list[str]]:
    model = page.view.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def screenshot(qtbot: QtBot, window: MainWindow, folder: Path, name: str, tab: str) -> Path:
    go_to(qtbot, window, tab)
    QApplication.processEvents()  # let the layouts settle before the picture (no waiting)
    path = folder / f"{name}.png"
    assert window.grab().save(str(path))
    return path


def screenshot_folder(tmp_path: Path) -> Path:
    """pytest's tmp_path, or CAREPLAN_SCREENSHOTS=dir to keep the pictures."""
    folder = Path(os.environ.get("CAREPLAN_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def choose_version(qtbot: QtBot, history: HistoryPage, row: int) -> None:
    """Click a version in the History page's list."""
    view = history.view.version_list
    rect = view.visualRect(history.model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == row


def sign_approve_activate(team: Team, version_id: int) -> None:
    """Both sign (typed, as the signing screen will do), Priya approves, Sam puts it into action."""
    sha = load_version(team.db, team.sam, version_id).sha256
    for signer, name in ((SignerKind.PERSON, "Dee Walsh"), (SignerKind.KEY_WORKER, "Sam Okafor")):
        signing.sign_plan(
            team.db,
            team.sam,
            version_id,
            signing.SignatureInput(signer, SignatureMethod.TYPED, sha, typed_name=name, confirmed=True),
        )
    signing.approve_plan(team.db, team.priya, version_id)
    plans.activate_plan(team.db, team.sam, version_id)


# --- journey 1 ----------------------------------------------------------------------------------

KIDS = "I want my kids to see me well"
FLAT = "A flat of my own"
FLAT_BY_SUMMER = "A flat of my own by the summer"
CASE = "To stop being a case"
GROUP = "Go to the Tuesday recovery group"
NO_GROUPS = "I don't agree. Groups are not for me. I will talk to one person, not a room."
HOPES = "To see my two kids every week. A flat with my own door. To stop being a case."
SUPPORT = "Her sister Jo rings most weeks; the hostel staff."


def test_journey_1_dee_and_sam_write_her_first_plan_and_later_a_second_version(
    qtbot: QtBot, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, sam = team.db, team.sam
    settings = tmp_path / "settings.ini"
    window = open_window(qtbot, team, settings)
    assert window.stack.currentWidget() is window.empty
    assert window.people.count.text() == "0 people"

    # Sam registers Dee through the New person form (Ctrl+N).
    dee = register_through_dialog(qtbot, window, monkeypatch, "Dee", "Dee Walsh", "17/05/1990")
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.heading.text() == "Dee"
    assert said(window) == "✓ New person added"
    assert window.people.count.text() == "1 person"
    assert window.people.model.index(0, 0).data() == "Dee Walsh"
    assert window.people.model.index(0, 2).data() == "No plan yet"
    about = window.workspace.page(AboutMePage)
    assert about.worker_label.text() == "Sam Okafor"
    assert about.reference_label.text() == load_person(db, sam, dee).reference
    assert load_person(db, sam, dee).key_worker == "Sam Okafor"

    # Who is writing: Sam first (F4), then Dee (the switch).
    voice = window.voice
    assert voice.person_button.text() == "Dee is speaking"
    assert voice.staff_button.text() == SAM
    support = about.boxes["support"]
    qtbot.keyClick(support.editor, Qt.Key.Key_F4)
    assert voice.voice == STAFF
    assert voice.staff_button.isChecked()
    with qtbot.waitSignal(window.workspace.saved, timeout=5000):
        qtbot.keyClicks(support.editor, SUPPORT)
    assert support.badge.text() == SAM

    click(qtbot, voice.person_button)
    assert voice.voice == PERSON
    hopes = about.boxes["hopes"]
    assert not hopes.badge.isVisible()
    with qtbot.waitSignal(window.workspace.saved, timeout=5000):
        qtbot.keyClicks(hopes.editor, HOPES)  # saved by itself, within a second of the last key
    assert said(window) == "✓ About me saved"
    assert hopes.badge.isVisible()
    assert hopes.badge.text() == DEE
    answers = load_person(db, sam, dee).about_me
    assert (answers["hopes"].body, answers["hopes"].author.kind) == (HOPES, AuthorKind.PERSON)
    assert (answers["support"].body, answers["support"].author.label) == (SUPPORT, SAM)

    # My plan: start it.
    go_to(qtbot, window, "My plan")
    plan = page_of(window, PlanPage)
    assert plan.view.empty.isVisible()
    click(qtbot, plan.view.start_button)
    assert plan.view.version_label.text() == "Version 1 – being written"
    assert said(window) == "✓ Plan started"
    assert plan.findChild(QLabel, "noGoals") is not None

    # Three goals in Dee's words.
    dialog = write_goal(qtbot, plan, KIDS, "family", why="They are why I keep going", by="01/06/2030")
    assert dialog.writing_as.badge.text() == DEE
    save_dialog(qtbot, plan, dialog.ui.buttons)
    assert said(window) == "✓ Goal added"
    save_dialog(qtbot, plan, write_goal(qtbot, plan, FLAT, "housing").ui.buttons)
    # The third from the keyboard: Ctrl+G from anywhere in the window, Ctrl+Enter to save.
    qtbot.keyClick(plan.cards[0].wording, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(plan.editors.dialog, GoalEditorDialog))
    dialog = goal_dialog(plan)
    activate(qtbot, dialog)
    qtbot.keyClicks(dialog.ui.wording, CASE)
    dialog.ui.lifeArea.setCurrentIndex(dialog.ui.lifeArea.findData("mental_health"))
    qtbot.keyClick(dialog.ui.wording, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: plan.editors.dialog is None)
    activate(qtbot, window)

    # Sam suggests group work, in his own words (switched inside the dialog).
    dialog = write_goal(qtbot, plan, GROUP, "drugs")
    click(qtbot, dialog.ui.switchVoice)
    assert dialog.writing_as.badge.text() == SAM
    assert voice.voice == STAFF  # the switch in the dialog is the window's switch
    save_dialog(qtbot, plan, dialog.ui.buttons)

    # Steps for each of Dee's goals, some Sam's, some Dee's (F4 inside the step dialog).
    step_editor = write_step(qtbot, plan, 1, "Ring the family centre about contact", StepOwner.WORKER)
    assert step_editor.writing_as.badge.text() == SAM
    save_dialog(qtbot, plan, step_editor.ui.buttons)
    assert said(window) == "✓ Step added"
    step_editor = write_step(qtbot, plan, 1, "Do the family contact course", StepOwner.PERSON)
    qtbot.keyClick(step_editor.ui.what, Qt.Key.Key_F4)
    assert step_editor.writing_as.badge.text() == DEE
    save_dialog(qtbot, plan, step_editor.ui.buttons)
    for goal, what in ((2, "Fill in the housing form with Sam"), (3, "Keep going to my script")):
        step_editor = write_step(qtbot, plan, goal, what, StepOwner.PERSON)
        assert step_editor.writing_as.badge.text() == DEE
        save_dialog(qtbot, plan, step_editor.ui.buttons)
    step_editor = write_step(qtbot, plan, 2, "Chase the council every Friday", StepOwner.WORKER)
    click(qtbot, step_editor.ui.switchVoice)
    assert step_editor.writing_as.badge.text() == SAM
    save_dialog(qtbot, plan, step_editor.ui.buttons)

    # On screen: each goal and step with whose words it is.
    assert [card.wording.text() for card in plan.cards] == [KIDS, FLAT, CASE, GROUP]
    assert [card.wording_badge.text() for card in plan.cards] == [DEE, DEE, DEE, SAM]
    kids_card = plan.cards[0]
    assert kids_card.why is not None
    assert kids_card.why_badge is not None
    assert (kids_card.why.text(), kids_card.why_badge.text()) == ("They are why I keep going", DEE)
    assert kids_card.facts.text() == "Goal 1   ·   Family and relationships   ·   By 1 June 2030"
    shown_steps = [
        [(row.what.text(), row.badge.text(), row.meta.text()) for row in card.step_rows]
        for card in plan.cards
    ]
    assert shown_steps == [
        [
            ("Ring the family centre about contact", SAM, "Who: my worker"),
            ("Do the family contact course", DEE, "Who: me"),
        ],
        [
            ("Fill in the housing form with Sam", DEE, "Who: me"),
            ("Chase the council every Friday", SAM, "Who: my worker"),
        ],
        [("Keep going to my script", DEE, "Who: me")],
        [],
    ]
    # ... and stored just so.
    version = stored_version(team, dee)
    assert [(g.wording.body, g.wording.author.kind, g.life_area_code) for g in version.goals] == [
        (KIDS, AuthorKind.PERSON, "family"),
        (FLAT, AuthorKind.PERSON, "housing"),
        (CASE, AuthorKind.PERSON, "mental_health"),
        (GROUP, AuthorKind.STAFF, "drugs"),
    ]
    assert [[(s.what.author.label, s.owner) for s in g.steps] for g in version.goals] == [
        [(SAM, "worker"), (DEE, "person")],
        [(DEE, "person"), (SAM, "worker")],
        [(DEE, "person")],
        [],
    ]
    kids, flat, case, group = (g.id for g in version.goals)

    # Services and budget: work it out together through the questions.
    go_to(qtbot, window, "Services and budget")
    money = page_of(window, BudgetPage)
    assert money.view.indicative_amount.text() == "Not worked out yet"
    assert totals(money) == ("Not set yet", "£0.00", "—")
    click(qtbot, money.view.work_out_button)
    questions = money.changes.questionnaire_dialog
    assert questions is not None
    qtbot.waitUntil(questions.isActiveWindow)
    assert questions.progress.text() == "0 of 8 questions answered."
    for box in questions.questions:
        qtbot.mouseClick(box.buttons[ANSWERS[box.key]], Qt.MouseButton.LeftButton)
    assert "25 points × £50.00 = £1,250.00" in questions.progress.text()
    with qtbot.waitSignal(money.changed):
        click(qtbot, questions.save_button)
    assert said(window) == "✓ Budget worked out: £1,250.00"
    assert money.view.indicative_amount.text() == "£1,250.00"
    assert money.view.working_summary.text() == "Your answers came to 25 points × £50.00 = £1,250.00"
    click(qtbot, money.view.working_toggle)
    assert money.view.working_details.isVisible()
    assert "Hostel, sofa or temporary" in money.view.working_details.text()
    assert totals(money) == ("£1,250.00", "£0.00", "£1,250.00")

    # Choosing services together: the totals change with each.
    picker = open_picker(qtbot, money)
    pick(qtbot, picker, "mentor", "6", [case])
    assert picker.ui.serviceName.text() == "Peer mentoring"
    assert picker.ui.peerLed.isVisible()
    assert "6 sessions × £25.00 = <b>£150.00</b>" in picker.ui.cost.text()
    assert "<b>£1,100.00</b> would be left" in picker.ui.left.text()
    with qtbot.waitSignal(money.changed):
        click(qtbot, picker.ok_button)
    assert said(window) == "✓ Peer mentoring added to the plan"
    assert totals(money) == ("£1,250.00", "£150.00", "£1,100.00")

    picker = open_picker(qtbot, money)
    pick(qtbot, picker, "family contact", "1", [kids])
    with qtbot.waitSignal(money.changed):
        click(qtbot, picker.ok_button)
    assert totals(money) == ("£1,250.00", "£330.00", "£920.00")

    picker = open_picker(qtbot, money)
    pick(qtbot, picker, "bus", "8", [kids, flat])
    with qtbot.waitSignal(money.changed):
        click(qtbot, picker.ok_button)
    assert totals(money) == ("£1,250.00", "£430.00", "£820.00")
    assert money.view.allocated_total.note.text() == "3 chosen"
    assert money.view.bar.caption() == "£430.00 set aside of £1,250.00, £820.00 left"
    assert table_rows(money) == [
        ["Peer mentoring", CASE, "6 sessions × £25.00", "£150.00"],
        ["Family contact support course", KIDS, "1 course × £180.00", "£180.00"],
        ["Travel pass", f"{KIDS}; {FLAT}", "8 weeks × £12.50", "£100.00"],
    ]

    # Too much: refused inside the picker, the typed number kept, nothing stored.
    picker = open_picker(qtbot, money)
    pick(qtbot, picker, "family contact", "5", [kids])  # 5 x £180.00 = £900.00, £820.00 left
    assert "Not enough left" in picker.ui.left.text()
    assert "£80.00 more than the £820.00 left" in picker.ui.left.text()
    click(qtbot, picker.ok_button)
    assert picker.isVisible()
    assert picker.ui.problem.isVisible()
    assert picker.ui.problem.text() == (
        "This would go £80.00 over the budget of £1,250.00: £820.00 is left. Try fewer, or ask a manager."
    )
    assert picker.ui.quantity.text() == "5"
    assert picker.goal_boxes[kids].isChecked()
    assert len(stored_version(team, dee).allocations) == 3
    click(qtbot, picker.cancel_button)
    assert not picker.isVisible()
    assert totals(money) == ("£1,250.00", "£430.00", "£820.00")

    # Sam suggested group work; Dee says no, in her own words, beside that goal.
    go_to(qtbot, window, "My plan")
    click(qtbot, voice.person_button)
    click(qtbot, plan.cards[3].disagree)
    note_dialog = plan.editors.dialog
    assert isinstance(note_dialog, DisagreementDialog)
    activate(qtbot, note_dialog)
    assert note_dialog.writing_as.badge.text() == DEE
    qtbot.keyClicks(note_dialog.note, NO_GROUPS)
    save_dialog(qtbot, plan, note_dialog.buttons)
    assert said(window) == "✓ Written down: I don't agree"
    group_card = plan.cards[3]
    assert [(n.text.text(), n.badge.text()) for n in group_card.notes] == [(NO_GROUPS, DEE)]
    assert all(card.notes == [] for card in plan.cards[:3])
    [note] = stored_version(team, dee).disagreements
    assert (note.goal_id, note.note.body, note.note.author.kind) == (group, NO_GROUPS, AuthorKind.PERSON)

    # Both sign, Priya approves, Sam puts it into action (the signing screens come later).
    version_1 = stored_version(team, dee)
    sign_approve_activate(team, version_1.id)
    assert window.close()

    # The next day: Sam opens Careplan again and finds Dee.
    window = open_window(qtbot, team, settings)
    find_person(qtbot, window, "dee")
    assert window.workspace.heading.text() == "Dee"
    assert window.people.model.index(0, 2).data() == "In action"
    go_to(qtbot, window, "My plan")
    plan = page_of(window, PlanPage)
    assert plan.view.version_label.text() == "Version 1 – in action"
    assert plan.view.frozen_note.isVisible()
    assert plan.view.frozen_note.text() == SIGNED_NOTE
    assert not plan.view.add_goal_button.isVisible()
    assert not plan.cards[1].edit.isVisible()
    assert [(n.text.text(), n.badge.text()) for n in plan.cards[3].notes] == [(NO_GROUPS, DEE)]
    go_to(qtbot, window, "Services and budget")
    money = page_of(window, BudgetPage)
    assert money.view.notice.isVisible()
    assert "approved and put into action" in money.view.notice.text()
    assert totals(money) == ("£1,250.00", "£430.00", "£820.00")

    # A new version, and Dee rewords her flat goal.
    go_to(qtbot, window, "My plan")
    click(qtbot, plan.view.revise_button)
    assert plan.view.version_label.text() == "Version 2 – being written"
    assert said(window) == "✓ New version started"
    assert plan.view.add_goal_button.isVisible()
    click(qtbot, window.voice.person_button)
    click(qtbot, plan.cards[1].edit)
    dialog = goal_dialog(plan)
    activate(qtbot, dialog)
    assert dialog.ui.wording.toPlainText() == FLAT
    qtbot.keyClicks(dialog.ui.wording, " by the summer")  # the cursor starts at the end
    save_dialog(qtbot, plan, dialog.ui.buttons)
    assert said(window) == "✓ Goal saved"
    assert [card.wording.text() for card in plan.cards] == [KIDS, FLAT_BY_SUMMER, CASE, GROUP]
    assert plan.cards[1].wording_badge.text() == DEE

    version_2 = stored_version(team, dee)
    assert (version_2.number, version_2.status) == (2, "draft")
    assert version_2.goals[1].wording.body == FLAT_BY_SUMMER
    assert version_2.goals[1].wording.author.kind is AuthorKind.PERSON
    assert [g.wording.body for g in load_version(db, sam, version_1.id).goals] == [KIDS, FLAT, CASE, GROUP]
    assert load_version(db, sam, version_1.id).status == "active"
    assert len(version_2.allocations) == 3
    assert [n.note.body for n in version_2.disagreements] == [NO_GROUPS]

    # History: two versions, and what changed in plain words.
    go_to(qtbot, window, "History")
    history = page_of(window, HistoryPage)
    rows = [history.model.index(r, 0).data().split("\n")[:2] for r in range(history.model.rowCount())]
    assert rows == [["Version 2  (open now)", "Being written"], ["Version 1", "In action"]]
    # (It should show version 2 by itself: see the test of that below. Dee points at it.)
    choose_version(qtbot, history, 0)
    assert history.view.version_title.text().startswith("Version 2 – being written")
    reworded = f"Goal reworded: “{FLAT}” became “{FLAT_BY_SUMMER}”"
    assert history.view.since_box.title() == "What changed since version 1"
    assert history.view.since_changes.lines() == [reworded]
    assert history.view.comparison.lines() == [reworded]
    # The old version stays readable as it was.
    choose_version(qtbot, history, 1)
    assert history.view.version_title.text().startswith("Version 1 – in action")
    assert history.view.kept_note.text() == "This version is kept just as it was. It cannot be changed."
    assert history.view.since_changes.lines() == [FIRST_VERSION]
    old_words = [label.text() for label in history.view.content.findChildren(QLabel)]
    assert f"2. {FLAT}" in old_words
    assert f"2. {FLAT_BY_SUMMER}" not in old_words
    assert NO_GROUPS in old_words
    choose_version(qtbot, history, 0)

    # A picture of each page, to look at.
    folder = screenshot_folder(tmp_path)
    for number, tab in enumerate(("About me", "My plan", "Services and budget", "History"), start=1):
        assert screenshot(qtbot, window, folder, f"journey1-{number}", tab).stat().st_size > 0


# --- journey 2 ----------------------------------------------------------------------------------

DETOX = "Get a detox"
LICENCE = "Get my driving licence so I can get steady work"
COUNSELLING = "Go to group counselling on Thursdays"
DISSENT = "I do not need group counselling. Write down that I said no."


def test_journey_2_marek_disagrees_and_his_driving_lessons_become_an_allocation(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    db, sam = team.db, team.sam
    dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    marek = people.register_person(db, sam, people.PersonDetails("Marek", "Marek Nowak"))
    started = plans.start_plan(db, sam, marek)
    for wording, whose, area in (
        (DETOX, PERSON, "alcohol"),
        (LICENCE, PERSON, "time"),
        (COUNSELLING, STAFF, "mental_health"),
    ):
        plans.add_goal(db, sam, started.version_id, GoalInput(wording, whose, area))
    budget.assess_budget(db, sam, started.version_id, ANSWERS)
    window = open_window(qtbot, team, tmp_path / "settings.ini")
    find_person(qtbot, window, "mar")
    assert window.workspace.heading.text() == "Marek"
    voice = window.voice
    assert voice.voice == PERSON
    assert voice.person_button.text() == "Marek is speaking"

    # His dissent about counselling, in his words, beside Sam's goal.
    go_to(qtbot, window, "My plan")
    plan = page_of(window, PlanPage)
    counselling: GoalCard = plan.cards[2]
    assert counselling.wording_badge.text() == SAM
    click(qtbot, counselling.disagree)
    dialog = plan.editors.dialog
    assert isinstance(dialog, DisagreementDialog)
    activate(qtbot, dialog)
    assert dialog.writing_as.badge.text() == "Marek's words"
    qtbot.keyClicks(dialog.note, DISSENT)
    save_dialog(qtbot, plan, dialog.buttons)
    assert [(n.text.text(), n.badge.text()) for n in plan.cards[2].notes] == [(DISSENT, "Marek's words")]
    assert plan.cards[2].notes[0].accessibleName() == f"I don't agree, Marek's words: {DISSENT}"
    [note] = stored_version(team, marek).disagreements
    counselling_id = stored_version(team, marek).goals[2].id
    assert (note.goal_id, note.note.body, note.note.author.kind) == (
        counselling_id,
        DISSENT,
        AuthorKind.PERSON,
    )

    # His proposal, through the budget page's "Ask for something not in the list".
    go_to(qtbot, window, "Services and budget")
    money = page_of(window, BudgetPage)
    assert money.view.proposals_empty.isVisible()
    click(qtbot, money.view.propose_button)
    propose = money.changes.propose_dialog
    assert propose is not None
    qtbot.waitUntil(propose.isActiveWindow)
    ui = propose.ui
    assert ui.personVoice.isChecked()
    assert ui.personVoice.text() == "Marek's words"
    qtbot.keyClicks(ui.what, "Driving lessons")
    qtbot.keyClicks(ui.provider, "City Driving School")
    qtbot.keyClicks(ui.category, "training")
    ui.unit.setCurrentIndex(ui.unit.findData(ServiceUnit.SESSION))
    assert ui.costLabel.text().replace("&", "") == "About how much for one session?"
    qtbot.keyClicks(ui.cost, "35")
    qtbot.keyClicks(ui.why, "A licence means steady work, not cash in hand.")
    with qtbot.waitSignal(money.changed):
        click(qtbot, ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert said(window) == "✓ Request sent to a manager: Driving lessons"
    [row] = money.proposal_rows
    assert row.status.text() == "Waiting for a manager to decide."
    assert row.add_button is None
    [proposal] = proposals_for(db, sam, marek)
    assert (proposal.what, proposal.status, proposal.estimated_cost_pence) == (
        "Driving lessons",
        ProposalStatus.PENDING,
        3500,
    )
    assert proposal.why.author.kind is AuthorKind.PERSON

    # Priya approves it at £32.00 a session, at her own desk.
    deciding.decide_proposal(db, team.priya, proposal.id, approve=True, unit_price=Decimal("32.00"))
    # Sam's screen catches up when Marek is opened again (clear the search, click Dee, then Marek).
    window.people.search.clear()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 2)
    click_person(qtbot, window, dee)
    assert window.workspace.heading.text() == "Dee"
    click_person(qtbot, window, marek)
    assert window.workspace.heading.text() == "Marek"
    [row] = money.proposal_rows
    assert row.status.text() == "Priya Shah said yes, at £32.00 a session."
    assert row.add_button is not None

    # "Add to my plan" on the approved request: an allocation at the approved price.
    click(qtbot, row.add_button)
    picker = money.changes.picker
    assert picker is not None
    qtbot.waitUntil(picker.isActiveWindow)
    choice = picker.browser.current_choice()
    assert choice is not None
    assert (choice.proposal_id, choice.unit_price_pence) == (proposal.id, 3200)
    assert picker.ui.quantity.hasFocus()
    licence_id = stored_version(team, marek).goals[1].id
    qtbot.keyClicks(picker.ui.quantity, "10")
    qtbot.mouseClick(picker.goal_boxes[licence_id], Qt.MouseButton.LeftButton)
    assert "10 sessions × £32.00 = <b>£320.00</b>" in picker.ui.cost.text()
    with qtbot.waitSignal(money.changed):
        click(qtbot, picker.ok_button)
    assert said(window) == "✓ Driving lessons added to the plan"
    [allocation] = stored_version(team, marek).allocations
    assert (allocation.proposal_id, allocation.unit_price_pence, allocation.quantity) == (
        proposal.id,
        3200,
        Decimal("10"),
    )
    assert (allocation.total_pence, allocation.goal_ids) == (32000, [licence_id])
    assert table_rows(money) == [
        ["Driving lessons (asked for specially)", LICENCE, "10 sessions × £32.00", "£320.00"],
    ]
    assert totals(money) == ("£1,250.00", "£320.00", "£930.00")
    [row] = money.proposal_rows
    assert row.status.text() == "Priya Shah said yes, at £32.00 a session. It is in this plan."
    assert row.add_button is None

    # The History page reads the version with his note, in his words.
    go_to(qtbot, window, "History")
    history = page_of(window, HistoryPage)
    words = [label.text() for label in history.view.content.findChildren(QLabel)]
    assert "“I don't agree” notes" in words
    assert DISSENT in words
    assert "Marek's words" in [badge.text() for badge in history.view.content.badges]
    assert any(w.startswith("Driving lessons: 10 sessions at £32.00 = £320.00") for w in words)

    folder = screenshot_folder(tmp_path)
    screenshot(qtbot, window, folder, "journey2-budget", "Services and budget")
    screenshot(qtbot, window, folder, "journey2-plan", "My plan")


# --- bugs found on the way ----------------------------------------------------------------------


def test_words_typed_just_before_the_voice_is_switched_keep_the_voice_they_were_typed_in(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    """Sam types in About me as himself and hands over to Dee (F4) before the autosave: his words
    must not be saved as Dee's."""
    dee = people.register_person(team.db, team.sam, people.PersonDetails("Dee", "Dee Walsh"))
    window = open_window(qtbot, team, tmp_path / "settings.ini")
    window.open_person(dee)
    support = window.workspace.page(AboutMePage).boxes["support"]
    qtbot.keyClick(support.editor, Qt.Key.Key_F4)
    assert window.voice.voice == STAFF
    qtbot.keyClicks(support.editor, SUPPORT)
    qtbot.keyClick(support.editor, Qt.Key.Key_F4)  # now Dee speaks
    assert window.voice.voice == PERSON
    qtbot.waitUntil(lambda: "support" in load_person(team.db, team.sam, dee).about_me, timeout=5000)
    stored = load_person(team.db, team.sam, dee).about_me["support"]
    assert stored.body == SUPPORT
    assert stored.author.label == SAM, f"Sam's words were saved as {stored.author.label!r}"


def test_after_a_new_version_is_started_history_shows_that_version(
    qtbot: QtBot, team: Team, tmp_path: Path
) -> None:
    """Version 1 is open and shown on History; Sam starts version 2 from My plan. History must then
    show version 2 and what changed since version 1, not keep showing version 1."""
    db, sam = team.db, team.sam
    dee = people.register_person(db, sam, people.PersonDetails("Dee", "Dee Walsh"))
    version_1 = plans.start_plan(db, sam, dee).version_id
    plans.add_goal(db, sam, version_1, GoalInput(FLAT, PERSON, "housing"))
    sign_approve_activate(team, version_1)
    window = open_window(qtbot, team, tmp_path / "settings.ini")
    window.open_person(dee)
    go_to(qtbot, window, "History")
    history = page_of(window, HistoryPage)
    assert history.view.version_title.text().startswith("Version 1 – in action")

    go_to(qtbot, window, "My plan")
    click(qtbot, page_of(window, PlanPage).view.revise_button)
    go_to(qtbot, window, "History")
    assert history.model.index(0, 0).data().startswith("Version 2  (open now)")
    assert history.view.version_title.text().startswith("Version 2 – being written"), (
        history.view.version_title.text()
    )
    assert history.view.since_box.title() == "What changed since version 1"
