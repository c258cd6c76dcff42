"""The service catalogue dialog, driven as a manager would: opened from the File menu, filled from a
spreadsheet (checked and saved off the GUI thread), searched, sorted and saved as a spreadsheet.

The file dialogs and plain message boxes are answered by monkeypatching their static methods;
the confirmation is a real box, answered by clicking its buttons. Jobs are waited for.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.domain.errors import StorageError
from careplan.gui.dialogs import catalogue_dialog
from careplan.gui.dialogs.catalogue_dialog import NOTHING_LOADED, CatalogueDialog, CatalogueTableModel
from careplan.gui.main_window import MainWindow
from careplan.services import catalogue, catalogue_file
from careplan.services.catalogue_file import read_catalogue
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.gui.menus import file_menu
from tests.gui.signing import Team, find_window, quick_hashing
from tests.stored import snapshot

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")
WAIT = 60_000  # ms: an upper bound for a job that should end, never a timing assertion

SHEET = (
    "Provider,Service,Category,Description,Unit,Price,Peer led,Available from,Available to\r\n"
    "Harbour Gym,Gym pass,sport,Any time before 4pm,week,£6.50,no,,\r\n"
    "Harbour Gym,Swimming,sport,Lane swimming,session,3.20,no,,\r\n"
    'Open Door Arts,"Pottery, evenings",creative,Six weeks,course,120.00,yes,01/04/2026,31/03/2099\r\n'
    "Open Door Arts,Drop-in studio,creative,,session,12,yes,,\r\n"
    "Riverside Climbing Wall,Beginners' climbing,sport,Shoes included,session,14.00,no,,\r\n"
    "Family Matters,Family contact support,family,A six-week course,course,180.00,no,,\r\n"
    "Second Step,Peer mentoring,peer support,One to one,hour,25.00,yes,,\r\n"
    "Second Step,Recovery cafe,peer support,Saturday mornings,session,0,yes,,\r\n"
    "City College,Maths for adults,learning,Entry level,course,95.00,no,01/09/2098,\r\n"
    "City College,Computer skills,learning,,course,60.00,no,,31/07/2099\r\n"
    "Green Hands,Allotment group,outdoors,Tools provided,week,2.00,yes,,\r\n"
    "Green Hands,Walking group,outdoors,,session,0,yes,,01/01/2025\r\n"
)
BROKEN = (
    "Provider,Service,Category,Unit,Price,Peer led\r\n"
    "Harbour Gym,Gym pass,sport,week,6.50,no\r\n"
    "Harbour Gym,Swim,sport,fortnight,3.00,no\r\n"
    ",Yoga,sport,session,5.00,no\r\n"
    "Harbour Gym,Climb,sport,session,8,perhaps\r\n"
)


def context_for(db: Database, team: Team, role: Role) -> SignedInStaff:
    actor, name = {
        Role.MANAGER: (team.priya, "Priya Shah"),
        Role.ADMINISTRATOR: (team.admin, "Ada Admin"),
        Role.KEY_WORKER: (team.sam, "Sam Okafor"),
        Role.PEER_MENTOR: (team.chris, "Chris Doyle"),
    }[role]
    return SignedInStaff(db, actor, name, role)


def main_window(qtbot: QtBot, context: SignedInStaff, tmp_path: Path) -> MainWindow:
    window = MainWindow(context, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def dialog(qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path) -> CatalogueDialog:
    """The catalogue opened from a manager's File menu, as a person would."""
    window = main_window(qtbot, context_for(sqlite_db, team, Role.MANAGER), tmp_path)
    assert window.catalogue_action.isVisible()
    assert window.catalogue_action in file_menu(window).actions()
    window.catalogue_action.trigger()
    found = find_window("catalogueDialog")
    assert isinstance(found, CatalogueDialog)
    return found


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Plain messages shown (title, text): answered at once, as if OK were pressed."""
    shown: list[tuple[str, str]] = []

    def warning(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV files (*.csv)")
    )


def sheet_file(tmp_path: Path, text: str = SHEET, name: str = "services.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def rows(dialog: CatalogueDialog) -> list[list[str]]:
    """What the table shows, top to bottom, as the person sees it (filtered and sorted)."""
    model = dialog.ui.servicesTable.model()
    return [
        [model.data(model.index(row, column)) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def button(box: QMessageBox, text: str) -> QPushButton:
    (found,) = [b for b in box.buttons() if b.text() == text]
    assert isinstance(found, QPushButton)
    return found


def start_loading(qtbot: QtBot, dialog: CatalogueDialog) -> None:
    qtbot.mouseClick(dialog.ui.loadButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)


def confirmation(qtbot: QtBot, dialog: CatalogueDialog) -> QMessageBox:
    start_loading(qtbot, dialog)
    box = dialog.confirmation
    assert box is not None
    assert box.isVisible()
    return box


def load_sheet(qtbot: QtBot, dialog: CatalogueDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    choose_file(monkeypatch, path)
    box = confirmation(qtbot, dialog)
    qtbot.mouseClick(button(box, "Load"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)


# --- the model -------------------------------------------------------------------------------


def test_the_model_and_its_filter_pass_the_model_tester(
    qtbot: QtBot, sqlite_db: Database, team: Team
) -> None:
    catalogue_file.import_catalogue(sqlite_db, team.priya, read_catalogue(SHEET.encode()))
    context = context_for(sqlite_db, team, Role.MANAGER)
    model = CatalogueTableModel(context)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 0  # read when asked, so that the dialog can say why it could not
    model.refresh()
    proxy = catalogue_dialog.CatalogueFilter()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(proxy, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.rowCount() == 12
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Provider",
        "Service",
        "Category",
        "Unit",
        "Price",
        "Peer led",
        "Available",
    ]
    proxy.set_words("gym")
    proxy.set_words("")
    model.refresh()
    assert model.rowCount() == 12


def test_when_a_service_is_on_offer_is_said_in_words() -> None:
    from datetime import date
    from decimal import Decimal

    from careplan.domain.enums import ServiceUnit

    def entry(start: date | None, end: date | None) -> catalogue.CatalogueEntry:
        return catalogue.CatalogueEntry(
            1, 1, "P", "S", "c", "", ServiceUnit.WEEK, Decimal(1), False, start, end
        )

    today = date(2026, 6, 1)
    words = catalogue_dialog.available_words
    assert words(entry(None, None), today) == "Always"
    assert words(entry(date(2026, 9, 1), None), today) == "From 1 Sep 2026"
    assert words(entry(None, date(2026, 7, 31)), today) == "Until 31 Jul 2026"
    assert words(entry(date(2026, 4, 1), date(2027, 3, 31)), today) == "1 Apr 2026 to 31 Mar 2027"
    assert words(entry(None, date(2025, 1, 1)), today) == "Ended 1 Jan 2025"


# --- loading ---------------------------------------------------------------------------------


def test_a_catalogue_that_cannot_be_read_is_said_plainly(
    qtbot: QtBot, sqlite_db: Database, team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*args: Any) -> Any:
        raise StorageError("The database is busy: another computer is saving. Try again in a moment.")

    monkeypatch.setattr(catalogue, "list_services", busy)
    dialog = CatalogueDialog(context_for(sqlite_db, team, Role.MANAGER))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.message.isVisible()
    assert dialog.ui.message.text().startswith("The database is busy")
    assert not dialog.ui.emptyLabel.isVisible()  # not said to be empty: it could not be read
    assert rows(dialog) == []


def test_a_manager_loads_a_spreadsheet_and_sees_its_services(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    team: Team,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    assert rows(dialog) == []
    assert dialog.ui.emptyLabel.isVisible()
    assert dialog.ui.countLabel.text() == "No services yet"
    assert not dialog.ui.saveButton.isEnabled()  # nothing to save yet

    choose_file(monkeypatch, sheet_file(tmp_path))
    box = confirmation(qtbot, dialog)
    assert box.text() == "This will add 12 services (7 new providers). Nothing is removed."
    assert "services.csv" in box.informativeText()
    assert catalogue.list_services(sqlite_db, team.priya) == []  # asked first: nothing saved yet
    qtbot.mouseClick(button(box, "Load"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)

    assert warnings == []
    assert dialog.ui.message.text() == (
        "The catalogue was loaded: 12 services added (7 new providers). Nothing was removed."
    )
    assert dialog.ui.progress.maximum() == 12  # the bar followed the saving to its end
    assert dialog._counts == (12, 12)
    shown = rows(dialog)
    assert len(shown) == 12
    assert shown[0] == [
        "City College",
        "Computer skills",
        "learning",
        "Course",
        "£60.00",
        "No",
        "Until 31 Jul 2099",
    ]
    assert ["Harbour Gym", "Gym pass", "sport", "Week", "£6.50", "No", "Always"] in shown
    assert dialog.ui.countLabel.text() == "12 services from 7 providers; 2 not on offer today (grey)"
    assert not dialog.ui.emptyLabel.isVisible()
    assert dialog.ui.saveButton.isEnabled()
    assert len(catalogue.list_services(sqlite_db, team.priya)) == 12

    # The same file again: nothing to change, so nothing to ask.
    start_loading(qtbot, dialog)
    assert dialog.confirmation is None
    assert "changes nothing" in dialog.ui.message.text()


def test_a_changed_spreadsheet_says_what_will_change(
    qtbot: QtBot, dialog: CatalogueDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    changed = SHEET.replace("£6.50", "£7.00") + "New Leaf,Art therapy,creative,,session,30,no,,\r\n"
    choose_file(monkeypatch, sheet_file(tmp_path, changed, "changed.csv"))
    box = confirmation(qtbot, dialog)
    assert box.text() == (
        "This will add 1 service and change 1 (1 new provider). "
        "11 other services in the file are already up to date. Nothing is removed."
    )
    qtbot.mouseClick(button(box, "Load"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert ["Harbour Gym", "Gym pass", "sport", "Week", "£7.00", "No", "Always"] in rows(dialog)
    assert len(rows(dialog)) == 13


def test_the_progress_bar_follows_a_long_load(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    team: Team,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long = "Provider,Service,Category,Unit,Price\r\n" + "".join(
        f"Provider {n % 9},Service {n},sport,session,{n % 40}.50\r\n" for n in range(450)
    )
    seen: list[tuple[str, int, int]] = []
    show = dialog._progress

    def watch(words: str) -> None:
        show(words)
        seen.append((words, dialog.ui.progress.value(), dialog.ui.progress.maximum()))

    monkeypatch.setattr(dialog, "_progress", watch)  # the slot the jobs' progress signal reaches
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path, long, "long.csv"))
    saving = [entry for entry in seen if entry[0].startswith("Saving")]
    assert [entry[0] for entry in saving] == [
        "Saving: 200 of 450 services done…",
        "Saving: 400 of 450 services done…",
        "Saving: 450 of 450 services done…",
    ]
    assert all(maximum == 450 for _words, _value, maximum in saving)
    assert saving[-1][1] == 450
    assert [value for _words, value, _maximum in saving] == sorted(value for _w, value, _m in saving)
    assert seen[0][0] == "Reading long.csv…"  # the reading job reports too
    assert len(rows(dialog)) == 450
    assert len(catalogue.list_services(sqlite_db, team.priya)) == 450


def test_a_broken_spreadsheet_lists_every_problem_and_saves_nothing(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    before = snapshot(sqlite_db)
    choose_file(monkeypatch, sheet_file(tmp_path, BROKEN, "broken.csv"))
    start_loading(qtbot, dialog)
    problems = dialog.problems_dialog
    assert problems is not None
    assert problems.isVisible()
    assert dialog.confirmation is None
    assert problems.heading.text() == NOTHING_LOADED
    listed = [problems.list.item(row).text() for row in range(problems.list.count())]
    assert [line.split(":")[0] for line in listed] == ["Line 3", "Line 4", "Line 5"]
    assert "fortnight" in listed[0]
    assert "provider" in listed[1]
    assert "yes or no" in listed[2]
    assert "broken.csv has 3 lines to change" in problems.about.text()

    qtbot.mouseClick(problems.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(NOTHING_LOADED)
    assert all(line in copied for line in listed)

    assert snapshot(sqlite_db) == before
    assert rows(dialog) == []
    assert warnings == []
    problems.reject()


def test_a_file_that_is_no_catalogue_at_all_gets_one_plain_message(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    before = snapshot(sqlite_db)
    for path, phrase in (
        (sheet_file(tmp_path, "", "empty.csv"), "The file is empty."),
        (tmp_path / "gone.csv", "gone.csv is not there any more"),
        (tmp_path, "is a folder"),
    ):
        choose_file(monkeypatch, path)
        start_loading(qtbot, dialog)
        title, text = warnings.pop()
        assert title == "The spreadsheet was not loaded"
        assert phrase in text
        assert text.endswith("Nothing was loaded.")
        assert dialog.problems_dialog is None
        assert dialog.confirmation is None
        assert dialog.ui.loadButton.isEnabled()
    assert snapshot(sqlite_db) == before


def test_cancelling_at_the_question_saves_nothing(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = snapshot(sqlite_db)
    choose_file(monkeypatch, sheet_file(tmp_path))
    box = confirmation(qtbot, dialog)
    qtbot.mouseClick(button(box, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert dialog.job is None
    assert dialog.ui.message.text() == "Nothing was loaded."
    assert snapshot(sqlite_db) == before
    assert rows(dialog) == []


def test_choosing_no_file_does_nothing(
    qtbot: QtBot, dialog: CatalogueDialog, sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(sqlite_db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    qtbot.mouseClick(dialog.ui.loadButton, Qt.MouseButton.LeftButton)
    assert dialog.job is None
    assert dialog.confirmation is None
    assert not dialog.ui.message.isVisible()
    assert snapshot(sqlite_db) == before


def test_a_busy_database_while_saving_gets_a_plain_message_and_saves_nothing(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    sqlite_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    real = catalogue_file.import_catalogue

    def busy(*args: Any, **kwargs: Any) -> Any:
        def fail(done: int, total: int) -> None:
            raise StorageError("The database is busy: another computer is saving. Try again in a moment.")

        return real(*args, **{**kwargs, "progress": fail})  # fails inside the unit of work

    monkeypatch.setattr(catalogue_file, "import_catalogue", busy)
    before = snapshot(sqlite_db)
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    ((title, text),) = warnings
    assert title == "The catalogue was not loaded"
    assert text.startswith("The database is busy")
    assert "Nothing was saved" in text
    assert snapshot(sqlite_db) == before
    assert rows(dialog) == []
    assert dialog.ui.loadButton.isEnabled()
    assert dialog.ui.buttons.isEnabled()


def test_the_dialog_stays_open_while_it_saves(
    qtbot: QtBot, dialog: CatalogueDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_file(monkeypatch, sheet_file(tmp_path))
    box = confirmation(qtbot, dialog)
    qtbot.mouseClick(button(box, "Load"), Qt.MouseButton.LeftButton)
    if dialog.job is not None:  # still saving: Escape and Close wait for it
        dialog.reject()
        assert dialog.isVisible()
        assert not dialog.ui.buttons.isEnabled()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert dialog.isVisible()
    assert len(rows(dialog)) == 12
    dialog.reject()
    assert not dialog.isVisible()


# --- who sees it -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.MANAGER, True), (Role.ADMINISTRATOR, True), (Role.KEY_WORKER, False), (Role.PEER_MENTOR, False)],
)
def test_only_those_who_may_manage_the_catalogue_see_it_in_the_menu(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, role: Role, sees: bool
) -> None:
    window = main_window(qtbot, context_for(sqlite_db, team, role), tmp_path)
    action = window.catalogue_action
    assert action.isVisible() is sees
    assert action.isEnabled() is sees
    assert action.text() == "Service ca&talogue…"
    menu = file_menu(window)
    assert action in menu.actions()
    shortcuts = [
        a.text().split("&")[1][:1].lower() for a in menu.actions() if a.isVisible() and "&" in a.text()
    ]
    assert len(shortcuts) == len(set(shortcuts)), shortcuts  # Alt+letter reaches one entry only


# --- finding and sorting ---------------------------------------------------------------------


def test_typing_in_the_find_box_filters_the_rows(
    qtbot: QtBot, dialog: CatalogueDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    qtbot.keyClicks(dialog.ui.filterBox, "GYM")
    assert [row[:2] for row in rows(dialog)] == [["Harbour Gym", "Gym pass"], ["Harbour Gym", "Swimming"]]
    assert dialog.ui.countLabel.text() == "Showing 2 of 12 services"
    qtbot.keyClick(dialog.ui.filterBox, Qt.Key.Key_Return)  # Enter goes to the first row found
    assert dialog.ui.servicesTable.currentIndex().row() == 0
    assert dialog.isVisible()  # and does not close the dialog
    dialog.ui.filterBox.clear()
    qtbot.keyClicks(dialog.ui.filterBox, "peer  support mentoring")  # words in any column, any order
    assert [row[1] for row in rows(dialog)] == ["Peer mentoring"]
    dialog.ui.filterBox.clear()
    qtbot.keyClicks(dialog.ui.filterBox, "outdoors")
    assert [row[1] for row in rows(dialog)] == ["Allotment group", "Walking group"]
    dialog.ui.filterBox.clear()
    qtbot.keyClicks(dialog.ui.filterBox, "nothing like this")
    assert rows(dialog) == []
    assert dialog.ui.countLabel.text() == "Showing 0 of 12 services"
    dialog.ui.filterBox.clear()
    assert len(rows(dialog)) == 12


def test_columns_sort_by_their_real_values(
    qtbot: QtBot, dialog: CatalogueDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    table = dialog.ui.servicesTable
    table.sortByColumn(CatalogueTableModel.PRICE, Qt.SortOrder.DescendingOrder)
    prices = [row[4] for row in rows(dialog)]
    assert prices[:4] == ["£180.00", "£120.00", "£95.00", "£60.00"]  # not "£95" before "£180"
    assert prices[-2:] == ["£0.00", "£0.00"]
    index = table.model().index(0, CatalogueTableModel.PRICE)
    alignment = table.model().data(index, Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    names = [row[1] for row in rows(dialog)]
    assert names == sorted(names, key=str.casefold)
    table.sortByColumn(6, Qt.SortOrder.AscendingOrder)
    assert rows(dialog)[0][6] == "Ended 1 Jan 2025"


# --- saving as a spreadsheet -----------------------------------------------------------------


def test_saving_writes_a_spreadsheet_that_loads_back(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "catalogue"  # no ending typed: .csv is added
    asked: list[tuple[Any, ...]] = []

    def save_as(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args)
        return str(target), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert warnings == []
    assert asked
    assert "csv" in asked[0][-1].lower()
    written = folder / "catalogue.csv"
    assert sorted(p.name for p in folder.iterdir()) == ["catalogue.csv"]  # no temporary file left
    lines = read_catalogue(written.read_bytes())
    assert len(lines) == 12
    assert {(line.provider, line.item.name) for line in lines} == {(r[0], r[1]) for r in rows(dialog)}
    assert dialog.ui.message.text().startswith("Saved 12 services to catalogue.csv.")

    # Saving over an existing file replaces it whole.
    written.write_text("old", encoding="utf-8")
    target = written
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    assert len(read_catalogue(written.read_bytes())) == 12


def test_a_spreadsheet_that_cannot_be_written_gets_a_plain_message(
    qtbot: QtBot,
    dialog: CatalogueDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[tuple[str, str]],
) -> None:
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    missing = tmp_path / "no such folder" / "catalogue.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    qtbot.mouseClick(dialog.ui.saveButton, Qt.MouseButton.LeftButton)
    ((title, text),) = warnings
    assert title == "The catalogue was not saved"
    assert text == f"There is no folder {missing.parent}, so the catalogue was not written."
    assert not missing.parent.exists()


def test_the_screen_reads_well(
    qtbot: QtBot, dialog: CatalogueDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every input is named for a screen reader, and the buttons are big enough to hit."""
    ui = dialog.ui
    for widget in (ui.filterBox, ui.servicesTable, ui.progress):
        assert widget.accessibleName()
    for push in (ui.loadButton, ui.saveButton, *ui.buttons.buttons()):
        assert push.minimumHeight() >= 40
    assert ui.filterLabel.buddy() is ui.filterBox
    load_sheet(qtbot, dialog, monkeypatch, sheet_file(tmp_path))
    shot = dialog.grab()
    assert not shot.isNull()
    assert shot.save(str(tmp_path / "catalogue.png"))
