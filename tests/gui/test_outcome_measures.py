"""Settings > Outcome measures…: everyone reads the measures (the life-area scale first, with its
questions); a manager or an administrator loads a file: a good one shows the new list, a bad one
shows every problem in plain words and keeps nothing."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from careplan.domain.enums import Role
from careplan.domain.measures import LIFE_AREAS
from careplan.gui.dialogs.outcome_measures import OutcomeMeasuresDialog
from careplan.services.measures import outcome_measures
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests.gui.signing import Team, quick_hashing

__all__ = ["quick_hashing"]
pytestmark = pytest.mark.usefixtures("quick_hashing")

EXAMPLE = Path(str(resources.files("careplan") / "resources/reference/outcome_measures.toml"))

# Three problems: an unknown kind, "asked" never, a low above its high.
BAD = """
[[measure]]
code = "short"
name = "A short one"
asked = ["sometimes"]

  [[measure.item]]
  code = "days"
  question = "On how many days?"
  kind = "number"
  high = 28

  [[measure.item]]
  code = "sleep"
  question = "How well do you sleep?"
  kind = "scale"
  low = 5
  high = 1
"""

ROLES = {
    "sam": Role.KEY_WORKER,
    "chris": Role.PEER_MENTOR,
    "priya": Role.MANAGER,
    "admin": Role.ADMINISTRATOR,
}


def signed_in(db: Database, team: Team, who: str) -> SignedInStaff:
    return SignedInStaff(db, getattr(team, who), who.title(), ROLES[who], username=who)


def open_measures(qtbot: QtBot, db: Database, team: Team, who: str) -> OutcomeMeasuresDialog:
    dialog = OutcomeMeasuresDialog(signed_in(db, team, who))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def codes(db: Database, team: Team) -> list[str]:
    return [measure.code for measure in outcome_measures(db, team.sam)]


@pytest.mark.parametrize("who", ["sam", "chris"])
def test_everyone_reads_the_life_area_scale_with_its_questions_and_only_some_load(
    qtbot: QtBot, sqlite_db: Database, team: Team, who: str
) -> None:
    dialog = open_measures(qtbot, sqlite_db, team, who)
    assert dialog.shown == ["How things are in my life"]
    tree = dialog.ui.measuresTree
    top = tree.topLevelItem(0)
    assert top is not None
    assert top.isExpanded()
    assert top.childCount() > 0
    first = top.child(0)
    assert first is not None
    assert first.text(1) == "1 (really hard right now) to 10 (going really well)"
    assert top.text(1) == f"{top.childCount()} questions, asked at every review"
    assert QApplication.focusWidget() is tree
    assert not dialog.ui.loadButton.isVisible()
    assert not dialog.ui.problem.isVisible()
    assert not dialog.ui.problemList.isVisible()
    # Down the questions by keyboard, and away with Escape.
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is first
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(tree, Qt.Key.Key_Escape)


@pytest.mark.parametrize("who", ["priya", "admin"])
def test_a_good_file_loads_and_the_new_list_is_shown(
    qtbot: QtBot, sqlite_db: Database, team: Team, who: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_measures(qtbot, sqlite_db, team, who)
    assert dialog.ui.loadButton.isVisible()
    asked: list[str] = []

    def chosen(*args: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(EXAMPLE), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", chosen)
    assert QApplication.focusWidget() is dialog.ui.measuresTree
    qtbot.keyClick(dialog.ui.measuresTree, Qt.Key.Key_Tab)  # Tab leaves the list for the button
    assert QApplication.focusWidget() is dialog.ui.loadButton
    qtbot.keyClick(dialog.ui.loadButton, Qt.Key.Key_Space)
    assert asked == ["Load outcome measures from a file"]
    assert dialog.shown == ["How things are in my life", "My use, my home and my health"]
    assert dialog.ui.message.isVisible()
    assert dialog.ui.message.text() == (
        "Loaded 1 measure from outcome_measures.toml: “My use, my home and my health”."
    )
    assert not dialog.ui.problem.isVisible()
    loaded = dialog.ui.measuresTree.topLevelItem(1)
    assert loaded is not None
    assert loaded.text(1) == "12 questions, asked at the start, every 3 months and at the end"
    answers = {loaded.child(i).text(1) for i in range(loaded.childCount())}  # type: ignore[union-attr]
    assert "how many, 0 to 28" in answers
    assert "yes or no" in answers
    assert codes(sqlite_db, team) == [LIFE_AREAS, "use_and_health"]


def test_a_bad_file_shows_every_problem_and_keeps_nothing(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path
) -> None:
    dialog = open_measures(qtbot, sqlite_db, team, "priya")
    dialog.load_from(EXAMPLE)
    bad = tmp_path / "our measures.toml"
    bad.write_text(BAD, encoding="utf-8")
    dialog.load_from(bad)
    ui = dialog.ui
    assert ui.problem.isVisible()
    assert ui.problem.text() == (
        "Nothing was loaded from our measures.toml. Change what is listed below in the file, "
        "then load it again."
    )
    assert ui.problemList.isVisible()
    assert len(dialog.problems) == 3
    assert all(line.startswith("Measure 1 (“short”)") for line in dialog.problems)
    assert "“sometimes”" in dialog.problems[0]
    assert "the kind must be one of" in dialog.problems[1]
    assert "“low” (5) must be less than “high” (1)" in dialog.problems[2]
    assert QApplication.focusWidget() is ui.problemList  # read them one by one with the arrows
    assert not ui.message.isVisible()
    # Nothing kept: the measures loaded before stay, in the list and in the database.
    assert dialog.shown == ["How things are in my life", "My use, my home and my health"]
    assert codes(sqlite_db, team) == [LIFE_AREAS, "use_and_health"]
    # Put right and loaded again, the problems go.
    bad.write_text(
        BAD.replace('"sometimes"', '"start"').replace('"number"', '"count"').replace("low = 5", "low = 0")
    )
    dialog.load_from(bad)
    assert not ui.problem.isVisible()
    assert not ui.problemList.isVisible()
    assert dialog.shown == ["How things are in my life", "A short one"]


@pytest.mark.parametrize(
    ("name", "words"),
    [("nowhere.toml", "There is no file at"), ("folder", "is a folder")],
)
def test_a_missing_or_unreadable_file_is_one_sentence(
    qtbot: QtBot, sqlite_db: Database, team: Team, tmp_path: Path, name: str, words: str
) -> None:
    (tmp_path / "folder").mkdir()
    dialog = open_measures(qtbot, sqlite_db, team, "admin")
    dialog.load_from(tmp_path / name)
    assert dialog.ui.problem.isVisible()
    assert words in dialog.ui.problem.text()
    assert not dialog.ui.problemList.isVisible()
    assert QApplication.focusWidget() is dialog.ui.loadButton
    assert codes(sqlite_db, team) == [LIFE_AREAS]
