"""Signing in from the command line: passwords, the delay and the lock, and the staff commands."""

from __future__ import annotations

import io
import subprocess
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from careplan import demo
from careplan.cli.main import main
from careplan.services.demo_facts import DEMO_PASSWORD
from careplan.storage import open_database
from tests import sqlite_files
from tests.cli.test_cli import assert_plain_failure, run

PW = {"CAREPLAN_PASSWORD": DEMO_PASSWORD}
ADMIN = {"CAREPLAN_USER": "admin", "CAREPLAN_PASSWORD": DEMO_PASSWORD}
PRIYA = {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": DEMO_PASSWORD}


@pytest.fixture(scope="module")
def team_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database with the team and the catalogue but nobody's record (quick to make)."""
    path = tmp_path_factory.mktemp("team") / "team.db"
    db = open_database(path)
    try:
        demo.generate(db, people=0)
    finally:
        db.dispose()
    return path


@pytest.fixture
def office(team_only: Path, tmp_path: Path) -> Path:
    """A private copy, for a test that writes."""
    copy = tmp_path / "office.db"
    sqlite_files.copy(team_only, copy)
    return copy


def careplan(
    database: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run("--database", str(database), *args, data_dir=database.parent, env=env)


def sql(database: Path, statement: str) -> None:
    with closing(sqlite_files.connect(database)) as conn:
        conn.execute(statement)
        conn.commit()


# --- signing in --------------------------------------------------------------------------------


def test_the_right_password_signs_in_and_a_wrong_one_does_not(office: Path) -> None:
    right = run("--database", str(office), "--user", "priya", "plans", data_dir=office.parent, env=PW)
    assert right.returncode == 0, right.stderr
    assert "0 plan versions" in right.stdout
    wrong = run(
        "--database",
        str(office),
        "--user",
        "priya",
        "plans",
        data_dir=office.parent,
        env={"CAREPLAN_PASSWORD": "not the password"},
    )
    assert_plain_failure(wrong, 13, "That username and password do not match.")
    assert "not the password" not in wrong.stdout + wrong.stderr
    unknown = run("--database", str(office), "--user", "zed", "plans", data_dir=office.parent, env=PW)
    assert_plain_failure(unknown, 13, "That username and password do not match.")
    assert unknown.stderr == wrong.stderr


def test_no_password_is_a_clear_message_not_a_hang(office: Path) -> None:
    result = run("--database", str(office), "--user", "priya", "plans", data_dir=office.parent)
    assert_plain_failure(result, 13, "No password was given")
    assert "CAREPLAN_PASSWORD" in result.stderr


def test_a_growing_delay_then_a_lock_that_an_administrator_lifts(office: Path) -> None:
    wrong = {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": "guess guess guess"}
    for _ in range(2):
        assert_plain_failure(careplan(office, "plans", env=wrong), 13, "do not match.")
    assert_plain_failure(careplan(office, "plans", env=wrong), 13, "Please wait 2 seconds")
    # While a delay runs (made long here, so that no test depends on how fast a process starts),
    # not even the right password is checked.
    later = (datetime.now(UTC) + timedelta(hours=1)).replace(tzinfo=None).isoformat(sep=" ")
    sql(office, f"UPDATE staff SET locked_until = '{later}' WHERE username = 'priya'")
    waiting = careplan(office, "plans", env=PRIYA)
    assert_plain_failure(waiting, 13, "Too many wrong passwords. Please wait 60 minutes and try again.")
    # Nine wrong in a row so far (as if the waits had passed); the tenth locks the account.
    sql(office, "UPDATE staff SET failed_sign_ins = 9, locked_until = NULL WHERE username = 'priya'")
    locked = careplan(office, "plans", env=wrong)
    assert_plain_failure(locked, 13, "locked")
    assert_plain_failure(
        careplan(office, "plans", env=PRIYA),
        13,
        "Try again in 15 minutes, or ask an administrator to unlock it",
    )
    assert_plain_failure(careplan(office, "staff", "unlock", "priya", env=PRIYA), 13, "locked")

    unlocked = careplan(office, "staff", "unlock", "priya", env=ADMIN)
    assert unlocked.returncode == 0, unlocked.stderr
    assert "Priya Shah can sign in again." in unlocked.stdout
    assert careplan(office, "plans", env=PRIYA).returncode == 0


def test_a_password_typed_at_the_terminal(
    team_only: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("CAREPLAN_USER", "CAREPLAN_PASSWORD", "CAREPLAN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    asked: list[str] = []

    def typed(prompt: str = "") -> str:
        asked.append(prompt)
        return DEMO_PASSWORD

    monkeypatch.setattr("getpass.getpass", typed)
    monkeypatch.setattr("sys.stdin", _Terminal())
    assert main(["--database", str(team_only), "--user", "sam", "plans"]) == 0
    assert asked == ["Password for sam: "]
    assert "0 plan versions" in capsys.readouterr().out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# --- careplan password ---------------------------------------------------------------------------


def test_change_your_own_password(office: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    changed = careplan(office, "password", env={**PRIYA, "CAREPLAN_NEW_PASSWORD": "priya's own one"})
    assert changed.returncode == 0, changed.stderr
    assert "Your password has been changed." in changed.stdout
    assert_plain_failure(careplan(office, "plans", env=PRIYA), 13, "do not match")
    mine = {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": "priya's own one"}
    assert careplan(office, "plans", env=mine).returncode == 0
    short = careplan(office, "password", env={**mine, "CAREPLAN_NEW_PASSWORD": "short"})
    assert_plain_failure(short, 2, "at least 10 characters")


def test_the_new_password_typed_twice_must_match(
    office: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("CAREPLAN_NEW_PASSWORD", "CAREPLAN_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CAREPLAN_PASSWORD", DEMO_PASSWORD)
    answers = iter(["green teapot evening", "green teapot evenin"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin", _Terminal())
    assert main(["--database", str(office), "--user", "sam", "password"]) == 2
    assert "The two passwords were not the same. Nothing was changed." in capsys.readouterr().err
    # Sam's password is what it was.
    assert careplan(office, "--user", "sam", "plans", env=PW).returncode == 0


# --- careplan staff ----------------------------------------------------------------------------


def test_an_administrator_lists_the_staff(team_only: Path) -> None:
    listed = careplan(team_only, "staff", "list", env=ADMIN)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split() == ["Username", "Name", "Role", "Can", "sign", "in"]
    assert any(
        line.split()[:4] == ["priya", "Priya", "Shah", "manager"] and line.endswith("yes") for line in lines
    )
    assert any("needs a password" in line for line in lines)  # the generated team has none yet
    assert any(line.endswith("no: has left") for line in lines)
    assert "argon2" not in listed.stdout


def test_only_administrators_manage_staff(team_only: Path) -> None:
    for command in (["staff", "list"], ["staff", "unlock", "sam"], ["staff", "role", "sam", "manager"]):
        assert_plain_failure(careplan(team_only, *command, env=PRIYA), 4, "cannot manage staff")


def test_a_new_starter_chooses_their_own_password_then_leaves(office: Path) -> None:
    assert_plain_failure(
        careplan(office, "staff", "add", "newbie", "New Starter", "--role", "key_worker", env=ADMIN),
        2,
        "No new password was given",
    )
    added = careplan(
        office,
        "staff",
        "add",
        "newbie",
        "New Starter",
        "--role",
        "key_worker",
        env={**ADMIN, "CAREPLAN_NEW_PASSWORD": "first password"},
    )
    assert added.returncode == 0, added.stderr
    newbie = {"CAREPLAN_USER": "newbie", "CAREPLAN_PASSWORD": "first password"}
    assert_plain_failure(careplan(office, "plans", env=newbie), 13, "careplan password")
    chose = careplan(office, "password", env={**newbie, "CAREPLAN_NEW_PASSWORD": "my very own"})
    assert chose.returncode == 0, chose.stderr
    newbie["CAREPLAN_PASSWORD"] = "my very own"
    assert careplan(office, "plans", env=newbie).returncode == 0

    promoted = careplan(office, "staff", "role", "newbie", "administrator", env=ADMIN)
    assert "New Starter is now an administrator." in promoted.stdout
    promoted = careplan(office, "staff", "role", "newbie", "manager", env=ADMIN)
    assert "New Starter is now a manager." in promoted.stdout
    reset = careplan(
        office, "staff", "set-password", "newbie", env={**ADMIN, "CAREPLAN_NEW_PASSWORD": "reset by admin"}
    )
    assert reset.returncode == 0, reset.stderr
    newbie["CAREPLAN_PASSWORD"] = "reset by admin"
    assert_plain_failure(careplan(office, "plans", env=newbie), 13, "choose your own password first")

    left = careplan(office, "staff", "deactivate", "newbie", env=ADMIN)
    assert "can no longer sign in" in left.stdout
    assert_plain_failure(careplan(office, "plans", env=newbie), 13, "account has been closed")
    assert_plain_failure(careplan(office, "staff", "unlock", "nobody", env=ADMIN), 5, "no member of staff")


@pytest.fixture(autouse=True)
def _no_inherited_sign_in(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CAREPLAN_USER", "CAREPLAN_PASSWORD", "CAREPLAN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def test_an_unknown_username_is_answered_like_a_wrong_password_try_after_try(office: Path) -> None:
    """Trying names from the command line tells nobody who works here: the same words, the same
    wait and the same exit code, try after try, for a real name and for one nobody has."""
    wrong = {"CAREPLAN_PASSWORD": "not the password"}
    for attempt in range(3):
        real = careplan(office, "--user", "priya", "plans", env=wrong)
        unknown = careplan(office, "--user", "zed", "plans", env=wrong)
        assert_plain_failure(real, 13, "That username and password do not match.")
        assert (unknown.returncode, unknown.stdout, unknown.stderr) == (
            real.returncode,
            real.stdout,
            real.stderr,
        )
        if attempt == 2:
            assert "Please wait 2 seconds before trying again." in real.stderr
