"""Arguments and environment variables that are not text (issue 14, finding 4).

The system hands Python the bytes it was given; bytes that are not UTF-8 arrive as lone
surrogates ("\\xff" becomes "\\udcff"). Before, ``--user``, ``CAREPLAN_USER`` or
``CAREPLAN_PASSWORD`` holding the byte 0xFF, or ``staff add bob $'Bad\\xff'``, ended in a
UnicodeEncodeError traceback, and ``settings service-name $'Svc\\xff'`` was kept, so that every
``careplan agreement`` then failed in ReportLab. Now: one plain sentence and exit 2, nothing
changed. Run as a person runs it, in a subprocess, with real bytes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from careplan import demo
from careplan.services import configuration
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.services.demo_facts import DEMO_PASSWORD
from careplan.storage import open_database
from tests import sqlite_files
from tests.cli.test_cli import REPO, assert_plain_failure
from tests.keyring_memory import ENV_FILE

ADMIN = {"CAREPLAN_USER": "admin", "CAREPLAN_PASSWORD": DEMO_PASSWORD}
FF = os.fsdecode(b"\xff")  # the byte 0xFF as the environment gives it to Python


@pytest.fixture(scope="module")
def team_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("team") / "team.db"
    db = open_database(path)
    try:
        demo.generate(db, people=0)
    finally:
        db.dispose()
    return path


@pytest.fixture
def office(team_only: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "office.db"
    sqlite_files.copy(team_only, copy)
    return copy


def careplan(
    database: Path, *args: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``careplan --database DATABASE ARGS``, the arguments given as bytes where they are bytes."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPLAN_") or k == ENV_FILE}
    full_env["CAREPLAN_DATA_DIR"] = str(database.parent)
    full_env["CAREPLAN_RECOVERY_PASSPHRASE"] = os.environ["CAREPLAN_RECOVERY_PASSPHRASE"]
    full_env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "careplan", "--database", str(database), *args],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env=full_env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def service_name(database: Path) -> str:
    db = open_database(database)
    try:
        return configuration.service_name(db)
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("args", "env", "phrase"),
    [
        (
            (b"--user", b"\xff", b"plans"),
            {"CAREPLAN_PASSWORD": DEMO_PASSWORD},
            "The argument “\\xff” has bytes",
        ),
        (("plans",), {"CAREPLAN_USER": FF, "CAREPLAN_PASSWORD": DEMO_PASSWORD}, "CAREPLAN_USER has bytes"),
        (("plans",), {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": FF}, "CAREPLAN_PASSWORD has bytes"),
        (
            (b"staff", b"add", b"bob", b"Bad\xff", b"--role", b"key_worker"),
            {**ADMIN, "CAREPLAN_NEW_PASSWORD": "a first password"},
            "The argument “Bad\\xff” has bytes",
        ),
        (
            ("staff", "add", "bob", "Bob", "--role", "key_worker"),
            {**ADMIN, "CAREPLAN_NEW_PASSWORD": "first password " + FF},
            "CAREPLAN_NEW_PASSWORD has bytes",
        ),
        ((b"settings", b"service-name", b"Svc\xff"), ADMIN, "The argument “Svc\\xff” has bytes"),
    ],
    ids=[
        "--user",
        "CAREPLAN_USER",
        "CAREPLAN_PASSWORD",
        "staff add",
        "CAREPLAN_NEW_PASSWORD",
        "service-name",
    ],
)
def test_bytes_that_are_not_text_get_one_sentence_and_exit_2(
    office: Path, args: tuple[str | bytes, ...], env: dict[str, str], phrase: str
) -> None:
    before = office.read_bytes()
    result = careplan(office, *args, env=env)
    assert_plain_failure(result, 2, phrase)
    assert result.stderr.count("\n") == 1
    assert DEMO_PASSWORD not in result.stderr  # a variable's value is never shown: it may be a secret
    assert office.read_bytes() == before
    assert service_name(office) == DEFAULT_SERVICE_NAME


def test_a_service_name_of_control_characters_is_refused_naming_the_field(office: Path) -> None:
    result = careplan(office, "settings", "service-name", "Svc\x1b[2J", env=ADMIN)
    assert_plain_failure(result, 2, "The service's name has a control character")
    result = careplan(office, "settings", "service-name", "\u200b\u200b", env=ADMIN)
    assert_plain_failure(result, 2, "The service's name has only invisible characters")
    assert service_name(office) == DEFAULT_SERVICE_NAME


def test_a_terminal_without_curly_quotes_gets_them_escaped_not_a_traceback(office: Path) -> None:
    result = careplan(office, "demo", "--people", "0", "--seed", "1", env={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "start the app on it with \\u201ccareplan --database" in result.stdout
