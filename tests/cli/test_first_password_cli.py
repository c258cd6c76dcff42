"""``careplan password --first``: a database from before sign-in (nobody has a password) gets its
first one from an administrator; refused once anyone has one."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from careplan import demo
from careplan.cli.main import main
from careplan.services import authentication
from careplan.storage import open_database
from tests import sqlite_files

FIRST = "kettle morning purple"


@pytest.fixture
def old_office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo team, as a database from before sign-in would be: nobody has a password."""
    monkeypatch.setattr(authentication, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    for name in ("CAREPLAN_USER", "CAREPLAN_PASSWORD", "CAREPLAN_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "old.db"
    db = open_database(path)
    try:
        demo.generate(db, people=0)
    finally:
        db.dispose()
    with closing(sqlite_files.connect(path)) as connection:
        connection.execute("UPDATE staff SET password_hash = NULL, password_changed_at = NULL")
        connection.commit()
    return path


def test_an_administrator_sets_the_first_password_then_signs_in(
    old_office: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = ["--database", str(old_office)]
    monkeypatch.setenv("CAREPLAN_PASSWORD", "anything at all")
    assert main([*database, "--user", "admin", "staff", "list"]) == 13
    err = capsys.readouterr().err
    assert "Nobody here has a password yet" in err
    assert "careplan --user NAME password --first" in err
    monkeypatch.setenv("CAREPLAN_NEW_PASSWORD", FIRST)
    assert main([*database, "--user", "priya", "password", "--first"]) == 4  # a manager may not
    assert "Traceback" not in capsys.readouterr().err
    assert main([*database, "password", "--first"]) == 13  # nobody named
    assert "--user" in capsys.readouterr().err
    assert main([*database, "--user", "admin", "password", "--first"]) == 0
    assert "Your password has been set" in capsys.readouterr().out
    monkeypatch.setenv("CAREPLAN_PASSWORD", FIRST)
    assert main([*database, "--user", "admin", "staff", "list"]) == 0
    capsys.readouterr()
    # Now somebody has a password: --first is refused, even for an administrator, and changes nothing.
    monkeypatch.setenv("CAREPLAN_NEW_PASSWORD", "another first password")
    assert main([*database, "--user", "admin", "password", "--first"]) == 2
    assert "already has a password" in capsys.readouterr().err
    assert main([*database, "--user", "admin", "staff", "list"]) == 0


def test_refused_in_a_database_where_people_sign_in(
    old_office: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with closing(sqlite_files.connect(old_office)) as connection:  # one key worker has a password
        connection.execute(
            "UPDATE staff SET password_hash = ? WHERE username = 'sam'",
            (authentication.hash_password("sam's own password"),),
        )
        connection.commit()
    monkeypatch.setenv("CAREPLAN_NEW_PASSWORD", FIRST)
    assert main(["--database", str(old_office), "--user", "admin", "password", "--first"]) == 2
    assert "already has a password" in capsys.readouterr().err
    monkeypatch.setenv("CAREPLAN_PASSWORD", FIRST)
    assert main(["--database", str(old_office), "--user", "admin", "staff", "list"]) == 13
    err = capsys.readouterr().err
    assert "do not match" in err
    assert "Nobody here has a password yet" not in err
