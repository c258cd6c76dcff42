"""The app's log, started as a person starts it (``careplan``: :func:`careplan.cli.main.console`, in
a process of its own): signing in, today's automatic backup, opening a person and every page of
their plan write events and none of their words; a failure nobody expected is logged and shown
in one plain sentence.

Every personal text in the database carries :data:`worlds.CANARY`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careplan import logs
from careplan.domain.enums import PlanStatus
from careplan.gui.unexpected import TITLE
from careplan.storage import encryption, open_database
from tests import sqlite_files, worlds
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.keyring_memory import FileKeyring, installed, subprocess_env
from tests.storage.test_canary import files_holding

REPO = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 60

DRIVER = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from careplan.cli.main import console

    database, password, person, log_file, mode, canary, wait = sys.argv[1:8]
    app = QApplication(sys.argv[:1])
    started = time.monotonic()

    def visible(name):
        return [w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()]

    def later(seconds, then):
        QTimer.singleShot(int(seconds * 1000), then)

    def sign_in():
        (dialog,) = visible("signInDialog")
        dialog.ui.password.setText(password)
        dialog.ui.signInButton.click()
        later(0, backed_up)

    def backed_up():  # today's automatic backup runs in the background after signing in
        with open(log_file, encoding="utf-8") as f:
            done = "today's automatic backup" in f.read()
        if not done and time.monotonic() - started < WAIT:
            later(0.2, backed_up)
            return
        print("backup logged:", done, flush=True)
        (window,) = visible("mainWindow")
        if mode == "journey":
            window.open_person(int(person))
            for index in range(window.workspace.tabs.count()):
                window.workspace.tabs.setCurrentIndex(index)
                app.processEvents()
            print("pages:", window.workspace.tabs.count(), flush=True)
            window.close()
        else:
            later(0, boom)
            later(0.5, read_the_box)

    def boom():
        raise RuntimeError("nobody expected " + canary)

    def read_the_box():
        boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes and time.monotonic() - started < WAIT:
            later(0.2, read_the_box)
            return
        for box in boxes:
            print("box:", box.windowTitle(), "|", box.text(), flush=True)
            box.accept()
        later(0, visible("mainWindow")[0].close)

    WAIT = float(wait)
    later(0, sign_in)
    sys.argv = ["careplan", "--database", database, "--user", "sam"]
    raise SystemExit(console())
    """
)


def run_app(tmp_path: Path, mode: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    database = tmp_path / "careplan.db"
    keyring_file = tmp_path / "keyring.json"
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(database)
    try:
        world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
        give_everyone_a_password(db)
        key = sqlite_files.key_of(database)
        with installed(FileKeyring(keyring_file)):
            encryption.remember_key(key.database_id, key.key)
    finally:
        db.dispose()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING"))}
    env.update(subprocess_env(keyring_file))
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CAREPLAN_DATA_DIR=str(data),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # QSettings: not the real user's
        PYTHONPATH=os.pathsep.join([str(REPO / "src"), str(REPO)]),
    )
    env[encryption.ENV_RECOVERY_PASSPHRASE] = TEST_RECOVERY_PASSPHRASE
    log_file = data / "logs" / "careplan.log"
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            DRIVER,
            str(database),
            TEAM_PASSWORD,
            str(world.person_id),
            str(log_file),
            mode,
            worlds.CANARY,
            str(WAIT_SECONDS),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=WAIT_SECONDS * 3,
        check=False,
    )
    return result, log_file


@pytest.mark.slow
def test_the_app_logs_its_events_and_no_personal_text(tmp_path: Path) -> None:
    result, log_file = run_app(tmp_path, "journey")

    assert result.returncode == 0, result.stderr
    assert "backup logged: True" in result.stdout
    assert "pages: " in result.stdout
    assert "pages: 0" not in result.stdout
    text = log_file.read_text("utf-8")
    assert "opened an encrypted SQLite database (key from the keyring)" in text
    assert "made and checked today's automatic backup" in text
    assert files_holding(log_file.parent, worlds.CANARY) == []
    assert TEAM_PASSWORD not in text


@pytest.mark.slow
def test_an_unexpected_failure_in_the_app_is_logged_and_shown_in_one_sentence(tmp_path: Path) -> None:
    result, log_file = run_app(tmp_path, "failure")

    sentence = logs.UNEXPECTED.format(path=log_file)
    assert result.returncode == 0, result.stderr
    assert f"box: {TITLE} | {sentence}" in result.stdout
    assert f"careplan: {sentence}" in result.stderr
    assert "Traceback" not in result.stderr
    assert worlds.CANARY not in result.stderr
    text = log_file.read_text("utf-8")
    assert "CRITICAL careplan.logs: unexpected failure: RuntimeError" in text
    assert "in boom" in text
    assert files_holding(log_file.parent, worlds.CANARY) == []
