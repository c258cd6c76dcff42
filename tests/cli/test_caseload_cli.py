"""``careplan caseload show|assign|end|key-worker`` and ``--covering "REASON"``, through the real
entry point (``careplan.cli.main.main``, and once as a subprocess).

Dee is Sam's (key worker) and Chris's (peer mentor); Kim is another key worker, Robin another
peer mentor, Priya a manager. A refusal is one plain sentence with a documented exit code, and
nothing of the record is written (signing in is recorded, and is left out of the comparison).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from careplan.cli.main import main
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.records import AuditEvent
from careplan.services import covering, record_access, workspace
from careplan.services.covering import Standing
from careplan.storage import encryption
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.stored import snapshot
from tests.worlds import World, add_member, build_world

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Site:
    path: Path
    world: World
    reference: str
    kim: int
    robin: int

    def open(self) -> Database:
        return open_database(self.path)


def built(path: Path, stage: PlanStatus) -> Site:
    db = open_database(path)
    try:
        world = build_world(db, stage=stage)
        kim = add_member(db, world.team, "kim", Role.KEY_WORKER).staff_id
        robin = add_member(db, world.team, "robin", Role.PEER_MENTOR).staff_id
        give_everyone_a_password(db)
        reference = workspace.load_person(db, world.team.manager, world.person_id).reference
    finally:
        db.dispose()
    return Site(path, world, reference, kim, robin)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return built(tmp_path_factory.mktemp("caseload") / "careplan.db", PlanStatus.APPROVED)


@pytest.fixture
def site(template: Site, tmp_path: Path) -> Site:
    """A fresh copy of the built database for each test."""
    import shutil

    target = tmp_path / "careplan.db"
    shutil.copyfile(template.path, target)
    shutil.copyfile(f"{template.path}.key", f"{target}.key")
    return Site(target, template.world, template.reference, template.kim, template.robin)


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)


def careplan(site: Site, user: str, *args: str) -> int:
    return main(["--database", str(site.path), "--user", user, *args])


def record(site: Site) -> dict[str, Any]:
    """Everything of the record: every table but the staff's own (signing in is recorded there),
    and every audit event but signing in."""
    db = site.open()
    try:
        rows = snapshot(db)
        with db.session() as session:
            events = [
                (e.action, e.entity, e.entity_id, e.person_id)
                for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))
                if e.entity != "staff"
            ]
    finally:
        db.dispose()
    return {k: v for k, v in rows.items() if k not in ("staff", "audit_events", "audit_head")} | {
        "events": events
    }


def standing(site: Site, staff_id: int) -> Standing:
    from careplan.domain.actor import Actor

    db = site.open()
    try:
        return covering.record_standing(db, Actor(staff_id), site.world.person_id).standing
    finally:
        db.dispose()


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith("careplan: ")
    return lines[0]


# --- caseload show, and covering ----------------------------------------------------------------


def test_show_prints_who_works_with_the_person(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(site, "sam", "caseload", "show", site.reference) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"Person:        {site.reference}",
        "Key worker:    Sam Keyworker (sam)",
        "Peer mentors:  Chris Mentor (chris)",
        "You can change who works with them.",
    ]
    assert careplan(site, "chris", "caseload", "show", site.reference) == 0
    assert "Only their key worker or a manager" in capsys.readouterr().out


def test_outside_the_caseload_the_refusal_names_covering_and_writes_nothing(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    before = record(site)
    assert careplan(site, "kim", "caseload", "show", site.reference) == 4
    line = one_sentence(capsys.readouterr().err)
    assert "This person is not on your caseload." in line
    assert '--covering "REASON"' in line
    assert record(site) == before


def test_covering_on_the_command_line_is_recorded_as_the_app_records_it(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        careplan(site, "kim", "caseload", "show", site.reference, "--covering", "Sam is off sick today") == 0
    )
    captured = capsys.readouterr()
    assert "Key worker:    Sam Keyworker (sam)" in captured.out
    assert captured.err.startswith("Covering for a colleague until ")
    assert standing(site, site.kim) is Standing.COVERING
    db = site.open()
    try:
        seen = record_access.record_access(db, site.world.team.manager, site.world.person_id)
    finally:
        db.dispose()
    cover = next(e for e in seen if e.reason is not None)
    assert cover.staff_name == "Kim Extra"
    assert cover.reason == "Sam is off sick today"
    assert cover.until is not None
    assert cover.until == covering.end_of_day(
        cover.at
    )  # until the end of today, as the dialog's first choice
    # Covering now: no second cover is needed, or recorded.
    assert careplan(site, "kim", "caseload", "show", site.reference, "--covering", "Still Sam's day off") == 0
    assert "no cover was recorded" in capsys.readouterr().err
    assert sum(1 for e in record(site)["events"] if e[0] == "cover") == 1


def test_cover_hours_as_in_the_dialog(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    given = ("--covering", "Dee came to my desk", "--cover-hours", "4")
    assert careplan(site, "kim", "caseload", "show", site.reference, *given) == 0
    capsys.readouterr()
    db = site.open()
    try:
        seen = record_access.record_access(db, site.world.team.manager, site.world.person_id)
    finally:
        db.dispose()
    cover = next(e for e in seen if e.reason is not None)
    assert cover.until is not None
    assert (cover.until - cover.at).total_seconds() == 4 * 3600


def test_a_manager_needs_no_cover(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    before = record(site)
    assert careplan(site, "priya", "caseload", "show", site.reference, "--covering", "Just in case") == 0
    assert "no cover was recorded" in capsys.readouterr().err
    assert record(site) == before


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        (("--covering", "   "), 2, "Please say why you are covering"),
        (("--covering", "Sam is off\x07"), 2, "The reason has a control character"),
        (("--covering", "x" * 501), 2, "under 500 characters"),
        (("--covering", "Sam is off", "--cover-hours", "73"), 2, "between 1 and 72 hours"),
        (("--covering", "Sam is off", "--cover-hours", "0"), 2, "between 1 and 72 hours"),
        (
            (
                "--cover-hours",
                "3",
            ),
            2,
            '--cover-hours goes with --covering "REASON"',
        ),
        (("--covering", "Sam is off", "--cover-hours", "three"), 2, "not a whole number"),
    ],
)
def test_a_cover_that_could_not_be_made_is_refused_first(
    site: Site, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], code: int, phrase: str
) -> None:
    before = record(site)
    assert careplan(site, "kim", "caseload", "show", site.reference, *args) == code
    err = capsys.readouterr().err
    assert phrase in err
    assert "Traceback" not in err
    assert record(site) == before
    assert standing(site, site.kim) is Standing.OUTSIDE


# --- assign, end, key-worker --------------------------------------------------------------------


def test_the_key_worker_assigns_and_ends_a_peer_mentor(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert standing(site, site.robin) is Standing.OUTSIDE
    assert careplan(site, "sam", "caseload", "assign", site.reference, "--peer-mentor", "robin") == 0
    assert capsys.readouterr().out == f"robin is now a peer mentor of {site.reference}.\n"
    assert standing(site, site.robin) is Standing.CASELOAD
    assert careplan(site, "sam", "caseload", "end", site.reference, "--peer-mentor", "chris") == 0
    assert capsys.readouterr().out == f"chris no longer works with {site.reference} as peer mentor.\n"
    assert standing(site, site.world.team.peer_mentor.staff_id) is Standing.OUTSIDE
    events = record(site)["events"]
    assert events[-2:] == [
        ("assign", "peer_mentor", site.robin, site.world.person_id),
        ("end", "peer_mentor", site.world.team.peer_mentor.staff_id, site.world.person_id),
    ]


def test_the_key_worker_hands_the_person_on(site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(site, "sam", "caseload", "key-worker", site.reference, "kim") == 0
    assert capsys.readouterr().out.splitlines() == [
        f"kim is now the key worker of {site.reference}.",
        "They are no longer on your caseload: you no longer open their record.",
    ]
    assert standing(site, site.kim) is Standing.CASELOAD
    assert careplan(site, "sam", "caseload", "show", site.reference) == 4
    assert '--covering "REASON"' in capsys.readouterr().err
    # A manager hands them back, and goes on opening the record.
    assert careplan(site, "priya", "caseload", "key-worker", site.reference, "sam") == 0
    assert capsys.readouterr().out == f"sam is now the key worker of {site.reference}.\n"


@pytest.mark.parametrize(
    ("user", "args", "code", "phrase"),
    [
        ("sam", ("assign", "REF", "--peer-mentor", "chris"), 2, "is this person's peer mentor already"),
        ("sam", ("assign", "REF", "--peer-mentor", "kim"), 2, "is not an active peer mentor"),
        ("sam", ("assign", "REF", "--peer-mentor", "nobody"), 5, "There is no member of staff called"),
        ("sam", ("assign", "CP-NOBODY", "--peer-mentor", "robin"), 5, "Nobody has the reference"),
        ("sam", ("assign", "REF"), 2, "--peer-mentor"),
        ("sam", ("end", "REF", "--peer-mentor", "robin"), 2, "is not this person's peer mentor"),
        ("sam", ("key-worker", "REF", "sam"), 2, "is this person's key worker already"),
        ("sam", ("key-worker", "REF", "robin"), 2, "cannot be a key worker"),
        ("sam", ("key-worker", "REF", "ada"), 2, "cannot be a key worker"),
        ("kim", ("assign", "REF", "--peer-mentor", "robin"), 4, "Only this person's key worker or a manager"),
        ("kim", ("key-worker", "REF", "kim"), 4, "Only this person's key worker or a manager"),
        ("chris", ("end", "REF", "--peer-mentor", "chris"), 4, "A peer mentor cannot end"),
        ("ada", ("show", "REF"), 4, "cannot"),
        ("sam", ("show", "REF\udcff"), 2, "not text"),
    ],
)
def test_bad_input_and_refusals_are_one_sentence_and_write_nothing(
    site: Site,
    capsys: pytest.CaptureFixture[str],
    user: str,
    args: tuple[str, ...],
    code: int,
    phrase: str,
) -> None:
    before = record(site)
    given = [site.reference if a == "REF" else a.replace("REF", site.reference) for a in args]
    assert careplan(site, user, "caseload", *given) == code
    err = capsys.readouterr().err
    assert phrase in err
    assert "Traceback" not in err
    assert err.count("\n") <= 3
    assert record(site) == before


def test_a_colleague_covering_may_not_change_who_works_with_the_person(
    site: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert careplan(site, "kim", "caseload", "show", site.reference, "--covering", "Sam is off") == 0
    capsys.readouterr()
    before = record(site)
    assert careplan(site, "kim", "caseload", "key-worker", site.reference, "kim") == 4
    line = one_sentence(capsys.readouterr().err)
    assert "covering for a colleague does not allow it" in line
    assert "--covering" not in line  # it would not help
    assert record(site) == before


# --- agreement --covering -----------------------------------------------------------------------


def test_agreement_checks_the_cover_first_and_records_none_when_refused(
    site: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = str(site.world.plan_id)
    out = tmp_path / "agreement.pdf"
    before = record(site)
    assert careplan(site, "priya", "agreement", plan, "--out", str(out), "--covering", " ") == 2
    assert "Please say why you are covering" in one_sentence(capsys.readouterr().err)
    # Only managers print agreements: a key worker is refused for that, and no cover is recorded.
    assert careplan(site, "kim", "agreement", plan, "--out", str(out), "--covering", "Sam is off") == 4
    assert "A key worker cannot print agreement" in one_sentence(capsys.readouterr().err)
    assert record(site) == before
    assert not out.exists()


def test_agreement_takes_covering_and_the_help_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["agreement", "--help"]) == 0
    assert '--covering "REASON"' in capsys.readouterr().out


# --- as a person runs it --------------------------------------------------------------------------


def test_the_installed_command_names_covering_when_refused(site: Site) -> None:
    from tests import keyring_memory

    kept = (keyring_memory.ENV_FILE,)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREPLAN_") or k in kept}
    env.update(
        {
            "CAREPLAN_USER": "kim",
            "CAREPLAN_PASSWORD": TEAM_PASSWORD,
            encryption.ENV_RECOVERY_PASSPHRASE: TEST_RECOVERY_PASSPHRASE,
            "PYTHONPATH": os.pathsep.join((str(REPO / "src"), str(REPO))),
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "careplan", "--database", str(site.path), "caseload", "show", site.reference],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert result.returncode == 4, result.stderr
    line = one_sentence(result.stderr)
    assert '--covering "REASON"' in line
    assert result.stdout == ""
