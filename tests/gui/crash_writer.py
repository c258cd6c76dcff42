"""Careplan in its own process, typing until it is killed (run by tests/gui/test_crash_safety.py).

    python crash_writer.py DATABASE SETTINGS STAFF_ID PERSON_ID MODE

``about_me``: types an About me answer ("My hopes"), waits until the status bar says it was saved,
prints ``SAVED <json words>``, then keeps typing more (never waiting for a save) until killed.

``goal``: adds a goal through the goal dialog; once the dialog's save succeeded and the status bar
says so, prints ``SAVED <json words>``, then types the next goal into a new dialog until killed.

After the first key typed past what was saved it prints ``TYPING``. Every line is flushed at
once, so the test reads each as soon as it is printed.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.gui.dialogs.goal_editor import GoalEditorDialog
from careplan.gui.main_window import MainWindow
from careplan.gui.workspace.about_me_page import AboutMePage
from careplan.gui.workspace.plan_page import PlanPage
from careplan.services.signed_in import SignedInStaff
from careplan.storage.opener import open_database

ANSWER = "I want my kids to see me well, and a flat with my own door"
MORE = " and to stop being a case, and to see my sister Jo on Sundays" * 200
GOAL = "A flat of my own with my own front door"
NEXT_GOAL = "See my kids every week at the family centre, then at the park" * 20
TYPE_EVERY_MS = 5  # far quicker than the autosave's pause, so nothing after SAVED is saved by it
KEYS_AT_A_TIME = 3


def say(line: str) -> None:
    print(line, flush=True)


class Typist:
    """Types ``text`` into ``editor`` a few keys at a time, on a timer, for ever (until killed)."""

    def __init__(self, editor: QPlainTextEdit, text: str) -> None:
        self._editor = editor
        self._text = text
        self._at = 0
        self._timer = QTimer()
        self._timer.setInterval(TYPE_EVERY_MS)
        self._timer.timeout.connect(self._type)

    def start(self) -> None:
        self._timer.start()

    def _type(self) -> None:
        if self._at >= len(self._text):
            self._timer.stop()
            return
        chunk = self._text[self._at : self._at + KEYS_AT_A_TIME]
        QTest.keyClicks(self._editor, chunk)
        if self._at == 0:
            say("TYPING")
        self._at += len(chunk)


class Writer:
    def __init__(self, window: MainWindow, mode: str) -> None:
        self.window = window
        self.mode = mode
        self.reported = False
        self.typist: Typist | None = None
        window.workspace.saved.connect(self.saved)

    def start(self) -> None:
        if self.mode == "about_me":
            hopes = self.window.workspace.page(AboutMePage).boxes["hopes"]
            QTest.keyClicks(hopes.editor, ANSWER)  # the autosave saves it after a short pause
        else:
            plan = self.plan_page()
            self.window.workspace.tabs.setCurrentWidget(plan)
            plan.view.add_goal_button.click()
            dialog = plan.editors.dialog
            assert isinstance(dialog, GoalEditorDialog)
            QTest.keyClicks(dialog.ui.wording, GOAL)
            dialog.ui.lifeArea.setCurrentIndex(dialog.ui.lifeArea.findData("housing"))
            dialog.save()

    def plan_page(self) -> PlanPage:
        return next(p for p in self.window.workspace.pages if isinstance(p, PlanPage))

    def saved(self, text: str) -> None:
        # The window's own handler ran first (it was connected first): the label says it now.
        label = self.window.saved_label.text()
        if self.reported:
            say(f"ALSO-SAVED {json.dumps(label)}")
            return
        if self.mode == "about_me" and "About me saved" in label:
            hopes = self.window.workspace.page(AboutMePage).boxes["hopes"]
            self.report(hopes.saved_text, label)
            self.typist = Typist(hopes.editor, MORE)
            self.typist.start()
        elif self.mode == "goal" and "Goal added" in label:
            self.report(GOAL, label)
            QTimer.singleShot(0, self.next_goal)  # after the page has shown the new goal

    def report(self, words: str, label: str) -> None:
        self.reported = True
        say(f"SAVED {json.dumps({'words': words, 'label': label})}")

    def next_goal(self) -> None:
        plan = self.plan_page()
        plan.add_goal()
        dialog = plan.editors.dialog
        assert isinstance(dialog, GoalEditorDialog)
        self.typist = Typist(dialog.ui.wording, NEXT_GOAL)
        self.typist.start()


def main(argv: list[str]) -> int:
    database, settings, staff_id, person_id, mode = argv
    app = QApplication([])
    db = open_database(database)
    context = SignedInStaff(db, Actor(int(staff_id)), "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(settings, QSettings.Format.IniFormat))
    window.workspace.build_pages()
    window.resize(1366, 768)
    window.show()
    window.open_person(int(person_id))
    window.workspace.who_is_here.together_button.click()  # the person is at the screen with Sam
    writer = Writer(window, mode)
    QTimer.singleShot(0, writer.start)
    say("STARTED")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
