"""Cancelling a goal or step dialog with words typed in it asks first; keeping them is the default."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from careplan.gui.dialogs import guard
from careplan.gui.dialogs.goal_editor import GoalEditorDialog, Writers
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.services.workspace import LifeAreaView


def make_dialog(qtbot: QtBot) -> GoalEditorDialog:
    voice = VoiceSwitch("Sam Okafor", "key worker")
    qtbot.addWidget(voice)
    voice.set_person_name("Dee")
    dialog = GoalEditorDialog(
        voice=voice,
        writers=Writers(person_name="Dee", staff_name="Sam Okafor", staff_role="key worker"),
        life_areas=[LifeAreaView("family", "Family and relationships")],
        save=lambda goal: 1,
        on_conflict=lambda exc: None,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_cancelling_an_untouched_dialog_just_closes(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []

    def may_throw_away(parent: object) -> bool:
        asked.append(True)
        return True

    monkeypatch.setattr(guard, "may_throw_away", may_throw_away)
    dialog = make_dialog(qtbot)
    dialog.reject()
    assert asked == []
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_cancelling_with_words_typed_asks_and_keeps_them_by_default(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = [False, True]
    asked: list[bool] = []

    def answer(parent: object) -> bool:
        asked.append(True)
        return answers.pop(0)

    monkeypatch.setattr(guard, "may_throw_away", answer)
    dialog = make_dialog(qtbot)
    qtbot.keyClicks(dialog.ui.wording, "I want my kids to see me well")
    dialog.reject()  # Esc, Cancel or the window's close button all end here
    assert asked == [True]
    assert dialog.isVisible()
    assert dialog.ui.wording.toPlainText() == "I want my kids to see me well"
    dialog.reject()
    assert asked == [True, True]
    assert not dialog.isVisible()
