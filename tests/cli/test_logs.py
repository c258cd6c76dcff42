"""The log (:mod:`careplan.logs`): what a command writes there, that no personal text ever does, and
the one sentence a person gets for a failure nobody expected.

The journey runs ``python -m careplan`` as a person would (its own process, its own data folder):
every personal text in the database carries :data:`worlds.CANARY` (the agreement signed on the
way renders it), and so do a new member of staff's name and a username typed at sign-in. The log
must name the events and hold none of it, nor the person's reference or any password.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from careplan import logs
from careplan.domain.enums import PlanStatus
from careplan.services import signing_certificate as certs
from careplan.storage import encryption, open_database
from tests import sqlite_files, worlds
from tests.cli.sign_in import AS_PRIYA, TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.keyring_memory import FileKeyring, installed, subprocess_env
from tests.storage.test_canary import files_holding

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "certificate passphrase for the log test"
NEW_PASSWORD = "a new colleague's first password"
SECRETS = (TEAM_PASSWORD, PASSPHRASE, NEW_PASSWORD, TEST_RECOVERY_PASSPHRASE)


def careplan(
    *args: str, data: Path, keyring_file: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING")) and k != "PYTHONPATH"
    }
    full_env.update(AS_PRIYA)
    full_env["CAREPLAN_DATA_DIR"] = str(data)
    full_env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))
    full_env[encryption.ENV_RECOVERY_PASSPHRASE] = TEST_RECOVERY_PASSPHRASE
    full_env.update(subprocess_env(keyring_file))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=180,
        check=False,
    )


def made_site(folder: Path) -> tuple[Path, Path, int]:
    """A database with Dee's active plan and the service's certificate (its passphrase in the
    keyring file beside it): the database, the keyring file and the plan's id."""
    database = folder / "careplan.db"
    keyring_file = folder / "keyring.json"
    db = open_database(database)
    try:
        world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
        give_everyone_a_password(db)
        key = sqlite_files.key_of(database)
        with installed(FileKeyring(keyring_file)):
            certs.create_self_signed(db, world.team.manager, "Harbour Recovery Service", PASSPHRASE)
            encryption.remember_key(key.database_id, key.key)
    finally:
        db.dispose()
    return database, keyring_file, world.plan_id


@pytest.mark.slow
def test_a_command_line_journey_logs_its_events_and_no_personal_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database, keyring_file, plan_id = made_site(tmp_path)

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return careplan("--database", str(database), *args, data=data, keyring_file=keyring_file, env=env)

    listed = run("plans", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    (row,) = json.loads(listed.stdout)
    reference = row["person_reference"]  # a reference: never in the log either
    pdf = tmp_path / "agreement.pdf"
    assert run("agreement", str(plan_id), "--out", str(pdf)).returncode == 0
    assert run("verify", str(pdf)).returncode == 0
    assert run("backup").returncode == 0
    assert run("audit", "verify").returncode == 0
    added = run(
        "staff",
        "add",
        "robin",
        f"Robin {worlds.CANARY}",
        "--role",
        "key_worker",
        env={"CAREPLAN_USER": "ada", "CAREPLAN_NEW_PASSWORD": NEW_PASSWORD},
    )
    assert added.returncode == 0, added.stderr
    wrong = run("plans", env={"CAREPLAN_PASSWORD": "not the password"})
    assert wrong.returncode == 13
    unknown = run("plans", env={"CAREPLAN_USER": worlds.CANARY.lower()})
    assert unknown.returncode == 13

    log_file = data / "logs" / "careplan.log"
    text = log_file.read_text("utf-8")
    for event in (
        "opened an encrypted SQLite database (key from the keyring)",
        "signed and checked an agreement (full, no timestamp server)",
        "saved a signed agreement to a file, and recorded it",
        "made and checked an automatic backup",
        "careplan plans did not work: SignInRefused (exit 13)",
    ):
        assert event in text
    assert files_holding(data / "logs", worlds.CANARY) == []
    for secret in SECRETS:
        assert secret not in text
    assert "robin" not in text.lower()
    assert reference not in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_help_writes_no_log(tmp_path: Path) -> None:
    result = careplan("--help", data=tmp_path, keyring_file=tmp_path / "keyring.json")
    assert result.returncode == 0
    assert not (tmp_path / "logs").exists()


# --- a failure nobody expected --------------------------------------------------------------------

UNEXPECTED = textwrap.dedent(
    """
    import sys
    from careplan.cli import commands
    from careplan.cli.main import console

    def broken(*args, **kwargs):
        try:
            {}["who"]
        except KeyError:
            raise RuntimeError("the list of " + sys.argv[1] + " could not be made")

    commands.list_plans = broken
    sys.argv = ["careplan", "--database", sys.argv[2], "plans"]
    raise SystemExit(console())
    """
)


def test_an_unexpected_failure_is_one_sentence_exit_1_and_a_traceback_in_the_log(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database, keyring_file, _ = made_site(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING"))}
    env.update(AS_PRIYA, CAREPLAN_DATA_DIR=str(data), **subprocess_env(keyring_file))
    env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))
    env[encryption.ENV_RECOVERY_PASSPHRASE] = TEST_RECOVERY_PASSPHRASE
    result = subprocess.run(
        [sys.executable, "-c", UNEXPECTED, worlds.CANARY, str(database)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )

    log_file = data / "logs" / "careplan.log"
    assert result.returncode == 1
    assert result.stderr == f"careplan: {logs.UNEXPECTED.format(path=log_file)}\n"
    text = log_file.read_text("utf-8")
    assert "CRITICAL careplan.logs: unexpected failure: RuntimeError" in text
    assert "Traceback (most recent call last):" in text
    assert text.index("in broken") < text.index("builtins.KeyError")  # where it happened, the cause first
    assert "builtins.KeyError (its message is not logged)" in text
    assert "While the exception above was being handled, the one below happened:" in text
    assert "builtins.RuntimeError (its message is not logged)" in text
    assert worlds.CANARY not in text
    assert "could not be made" not in text


# --- the pieces, in this process --------------------------------------------------------------------


@pytest.fixture
def own_logging(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """set_up and install_excepthook here, undone afterwards: the run's logging and hooks as they were."""
    monkeypatch.setenv("CAREPLAN_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    careplan_level = logging.getLogger("careplan").level
    hooks = sys.excepthook, threading.excepthook
    yield tmp_path / "logs" / "careplan.log"
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("careplan").setLevel(careplan_level)
    sys.excepthook, threading.excepthook = hooks
    logs.tell_unexpected_with(lambda _sentence: None)
    logs._say.clear()


def test_a_traceback_is_logged_without_any_message(own_logging: Path) -> None:
    logs.set_up(on_stderr=False)
    try:
        try:
            raise ValueError(f"typed by someone: {worlds.CANARY}")
        except ValueError as exc:
            raise LookupError(f"{worlds.CANARY} again") from exc
    except LookupError:
        logging.getLogger("careplan.test").exception("it failed")
    text = own_logging.read_text("utf-8")
    assert "ERROR careplan.test: it failed" in text
    assert "builtins.ValueError (its message is not logged)" in text
    assert "The exception above was the direct cause of the one below:" in text
    assert "builtins.LookupError (its message is not logged)" in text
    assert worlds.CANARY not in text


def test_set_up_twice_writes_each_line_once(own_logging: Path) -> None:
    logs.set_up(on_stderr=True)
    logs.set_up(on_stderr=True)
    logging.getLogger("careplan.test").info("one line")
    assert own_logging.read_text("utf-8").count("one line") == 1


def test_the_hook_logs_and_tells_the_person_once(own_logging: Path) -> None:
    logs.set_up(on_stderr=False)
    told: list[str] = []
    logs.install_excepthook(told.append)
    try:
        raise OSError(f"{worlds.CANARY}.txt could not be read")
    except OSError:
        sys.excepthook(*sys.exc_info())
    assert told == [logs.UNEXPECTED.format(path=own_logging)]
    text = own_logging.read_text("utf-8")
    assert "unexpected failure: OSError" in text
    assert worlds.CANARY not in text


def test_a_log_file_made_by_anyone_else_is_made_private(own_logging: Path) -> None:
    own_logging.parent.mkdir(mode=0o755)
    own_logging.write_text("")
    own_logging.chmod(0o644)
    logs.set_up(on_stderr=False)
    logging.getLogger("careplan.test").info("a line")
    assert stat.S_IMODE(own_logging.stat().st_mode) == 0o600
    assert stat.S_IMODE(own_logging.parent.stat().st_mode) == 0o700
