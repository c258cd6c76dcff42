"""The careplan command, run as a person would run it: in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from careplan.domain.enums import PlanStatus, Role
from careplan.services.demo_facts import DEMO_PASSWORD
from careplan.storage import encryption
from careplan.storage.migrate import head_revision
from tests import keyring_memory, sqlite_files

REPO = Path(__file__).resolve().parents[2]

# Signing in as a demo account: the name, and the password the way scripts give it.
PRIYA = {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": DEMO_PASSWORD}
DEMO_PASSWORD_ENV = {"CAREPLAN_PASSWORD": DEMO_PASSWORD}


def run(*args: str, data_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``careplan ARGS`` with the run's test keyring and recovery passphrase (``env`` may blank it)."""
    kept = (keyring_memory.ENV_FILE, encryption.ENV_RECOVERY_PASSPHRASE)
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPLAN_") or k in kept}
    full_env["CAREPLAN_DATA_DIR"] = str(data_dir)
    full_env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))  # the test keyring is in tests/
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args],
        capture_output=True,
        text=True,
        env=full_env,
        stdin=subprocess.DEVNULL,  # never a terminal: a missing password is an error, not a prompt
        timeout=120,
        check=False,
    )


def assert_plain_failure(result: subprocess.CompletedProcess[str], code: int, phrase: str) -> None:
    assert result.returncode == code, result.stderr
    assert phrase in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 4


def test_version(tmp_path: Path) -> None:
    result = run("--version", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("careplan 0.")


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert_plain_failure(run("plans", "--status", "pending", data_dir=tmp_path), 2, "invalid choice")
    assert_plain_failure(run("demo", "--people", "lots", data_dir=tmp_path), 2, "not a whole number")
    assert_plain_failure(run("frobnicate", data_dir=tmp_path), 2, "invalid choice")


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "careplan.db"
    result = run("--database", str(missing), "plans", data_dir=tmp_path)
    assert_plain_failure(result, 3, "There is no Careplan database")
    assert not missing.exists()


def test_corrupt_database_is_a_clear_error_and_left_alone(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database at all" * 100)
    before = broken.read_bytes()
    for command in (["plans"], ["db", "upgrade"], ["db", "info"], ["audit", "verify"]):
        result = run("--database", str(broken), *command, data_dir=tmp_path)
        assert_plain_failure(result, 3, "not a Careplan database")
    assert broken.read_bytes() == before


def test_truncated_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "careplan.db"
    assert run("--database", str(path), "db", "upgrade", data_dir=tmp_path).returncode == 0
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    result = run("--database", str(path), "plans", data_dir=tmp_path)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr


def test_db_upgrade_then_info(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    first = run("--database", str(path), "db", "upgrade", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "brought up to date" in first.stdout
    again = run("--database", str(path), "db", "upgrade", data_dir=tmp_path)
    assert "already up to date" in again.stdout
    info = run("--database", str(path), "db", "info", data_dir=tmp_path)
    assert info.returncode == 0
    assert f"Schema:   {head_revision()} (newest: {head_revision()})" in info.stdout


def test_default_database_lives_in_the_data_dir(tmp_path: Path) -> None:
    result = run("db", "upgrade", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "careplan.db").exists()


def test_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "from-env.db"
    result = run("db", "upgrade", data_dir=tmp_path, env={"CAREPLAN_DATABASE": str(path)})
    assert result.returncode == 0, result.stderr
    assert path.exists()
    assert not (tmp_path / "careplan.db").exists()


def test_plans_needs_someone_to_sign_in(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    run("--database", str(path), "db", "upgrade", data_dir=tmp_path)
    assert_plain_failure(run("--database", str(path), "plans", data_dir=tmp_path), 13, "--user")
    assert_plain_failure(
        run("--database", str(path), "--user", "nobody", "plans", data_dir=tmp_path),
        13,
        "No password was given",
    )
    assert_plain_failure(
        run("--database", str(path), "--user", "nobody", "plans", data_dir=tmp_path, env=DEMO_PASSWORD_ENV),
        13,
        "username and password do not match",
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    result = run("--database", str(path), "demo", "--people", "200", "--seed", "7", data_dir=folder)
    assert result.returncode == 0, result.stderr
    assert "Demo data ready" in result.stdout
    assert f"the password for each is “{DEMO_PASSWORD}”" in result.stdout
    return path


def test_demo_then_plans_json_lists_every_status(demo_db: Path, tmp_path: Path) -> None:
    result = run("--database", str(demo_db), "plans", "--format", "json", data_dir=tmp_path, env=PRIYA)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["status"] for row in rows} == {s.value for s in PlanStatus}
    for row in rows:
        assert set(row) >= {"plan_id", "person_reference", "version", "status", "agreed_budget", "allocated"}
        if row["agreed_budget"] is not None:
            assert row["agreed_budget"].count(".") == 1


def test_plans_status_filter_and_table(demo_db: Path, tmp_path: Path) -> None:
    table = run("--database", str(demo_db), "plans", data_dir=tmp_path, env=PRIYA)
    assert table.returncode == 0
    assert table.stdout.splitlines()[0].split() == [
        "Plan",
        "Person",
        "Version",
        "Status",
        "Agreed",
        "budget",
        "Allocated",
    ]
    active = run(
        "--database",
        str(demo_db),
        "--user",
        "sam",
        "plans",
        "--status",
        "active",
        "--format",
        "json",
        data_dir=tmp_path,
        env=DEMO_PASSWORD_ENV,
    )
    assert active.returncode == 0, active.stderr
    rows = json.loads(active.stdout)
    assert rows
    assert {row["status"] for row in rows} == {"active"}


def test_administrator_may_not_list_care_records(demo_db: Path, tmp_path: Path) -> None:
    result = run(
        "--database", str(demo_db), "--user", "admin", "plans", data_dir=tmp_path, env=DEMO_PASSWORD_ENV
    )
    assert_plain_failure(result, 4, "administrator cannot")


def test_demo_twice_leaves_the_demo_database_as_it_is(demo_db: Path, tmp_path: Path) -> None:
    before = run("--database", str(demo_db), "plans", "--format", "json", data_dir=tmp_path, env=PRIYA).stdout
    assert before.startswith("[")
    same = run("--database", str(demo_db), "demo", "--people", "200", "--seed", "7", data_dir=tmp_path)
    assert same.returncode == 0, same.stderr
    assert "is already there (200 people, seed 7" in same.stdout
    assert f"start the app on it with “careplan --database {demo_db}”" in same.stdout
    other = run("--database", str(demo_db), "demo", "--people", "5", "--seed", "8", data_dir=tmp_path)
    assert_plain_failure(other, 2, "already holds other demo data (200 people, seed 7)")
    after = run("--database", str(demo_db), "plans", "--format", "json", data_dir=tmp_path, env=PRIYA)
    assert after.stdout == before


def test_demo_refuses_a_database_with_real_people(tmp_path: Path) -> None:
    from careplan.services import people, staff
    from careplan.storage import open_database

    path = tmp_path / "real.db"
    db = open_database(path)
    admin = staff.create_first_administrator(db, "boss", "Real Admin")
    worker = staff.add_staff(db, admin, "worker", "Real Worker", Role.KEY_WORKER)
    from careplan.domain.actor import Actor

    people.register_person(db, Actor(worker), people.PersonDetails("Someone", "Someone Real"))
    db.dispose()
    result = run("--database", str(path), "demo", "--people", "5", data_dir=tmp_path)
    assert_plain_failure(result, 2, "demo data goes only into a new database")


def test_audit_verify_detects_tampering(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    sqlite_files.copy(demo_db, copy)
    dst = sqlite_files.connect(copy)
    intact = run(
        "--database",
        str(copy),
        "--user",
        "priya",
        "audit",
        "verify",
        data_dir=tmp_path,
        env=DEMO_PASSWORD_ENV,
    )
    assert intact.returncode == 0, intact.stderr
    assert "intact" in intact.stdout
    dst.execute("UPDATE audit_events SET action = 'delete' WHERE id = 3")
    dst.commit()
    dst.close()
    broken = run(
        "--database",
        str(copy),
        "--user",
        "priya",
        "audit",
        "verify",
        data_dir=tmp_path,
        env=DEMO_PASSWORD_ENV,
    )
    assert broken.returncode == 7
    assert "event 3" in broken.stderr


@pytest.mark.postgres
def test_commands_work_against_postgresql(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    from tests import pg_server

    url = pg_server.fresh_database_url(request)
    demo = run("--database", url, "demo", "--people", "40", data_dir=tmp_path)
    assert demo.returncode == 0, demo.stderr
    upgrade = run("--database", url, "db", "upgrade", data_dir=tmp_path)
    assert upgrade.returncode == 0, upgrade.stderr
    assert "already up to date" in upgrade.stdout
    listed = run("--database", url, "plans", "--format", "json", data_dir=tmp_path, env=PRIYA)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) >= 40
    info = run("--database", url, "db", "info", data_dir=tmp_path)
    assert "postgresql" in info.stdout
    assert "password" not in info.stdout.lower()


def test_unreachable_postgresql_is_a_clear_error(tmp_path: Path) -> None:
    result = run(
        "--database", "postgresql+psycopg://careplan:secret@127.0.0.1:1/careplan", "plans", data_dir=tmp_path
    )
    assert_plain_failure(result, 3, "cannot reach the database server")
    assert "secret" not in result.stderr


def test_a_locked_database_is_a_clear_error_and_nothing_is_half_written(tmp_path: Path) -> None:
    from careplan.services import authentication
    from careplan.storage import open_database

    path = tmp_path / "busy.db"
    db = open_database(path)
    authentication.create_first_administrator(db, "boss", "Boss", "boss's own passphrase")
    db.dispose()
    other = sqlite_files.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another workstation in the middle of a save
        result = run(
            "--database",
            str(path),
            "staff",
            "add",
            "newcomer",
            "New Comer",
            "--role",
            "key_worker",
            data_dir=tmp_path,
            env={
                "CAREPLAN_USER": "boss",
                "CAREPLAN_PASSWORD": "boss's own passphrase",
                "CAREPLAN_NEW_PASSWORD": "a first password for them",
            },
        )
        other.execute("ROLLBACK")
    finally:
        other.close()
    assert_plain_failure(result, 3, "busy")
    check = sqlite_files.connect(path)
    try:
        assert check.execute("SELECT username FROM staff").fetchall() == [("boss",)]
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        check.close()
