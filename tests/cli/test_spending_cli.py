"""``careplan spending`` and ``careplan spend add|reverse`` through the real entry point, on an
approved plan whose budget year began 30 days ago."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from careplan.cli.main import main
from careplan.domain.enums import BudgetHeld, PlanStatus
from careplan.domain.records import AuditEvent
from careplan.services.spending import set_budget_holding
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.stored import snapshot
from tests.worlds import build_world, utc_today


@dataclass(frozen=True)
class Site:
    path: Path
    plan_id: int
    service_id: int


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Site:
    path = tmp_path_factory.mktemp("spending") / "careplan.db"
    db = open_database(path)
    try:
        world = build_world(db, stage=PlanStatus.ACTIVE)
        start = utc_today() - timedelta(days=30)
        set_budget_holding(db, world.team.manager, world.plan_id, BudgetHeld.THIRD_PARTY, period_start=start)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    return Site(path, world.plan_id, world.allocations[0])


@pytest.fixture
def here(template: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    target = tmp_path / "careplan.db"
    shutil.copyfile(template.path, target)
    shutil.copyfile(f"{template.path}.key", f"{target}.key")
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    monkeypatch.chdir(tmp_path)
    return Site(target, template.plan_id, template.service_id)


def careplan(here: Site, user: str, *args: str) -> int:
    return main(["--database", str(here.path), "--user", user, *args])


def view(here: Site, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert careplan(here, "sam", "spending", str(here.plan_id), "--format", "json") == 0
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return found


def add(here: Site, user: str, amount: str, *more: str) -> int:
    yesterday = (utc_today() - timedelta(days=1)).isoformat()
    return careplan(
        here,
        user,
        "spend",
        "add",
        str(here.plan_id),
        "--service",
        str(here.service_id),
        "--amount",
        amount,
        "--date",
        yesterday,
        "--supplier",
        "Northside Gym",
        *more,
    )


def test_spending_lists_the_service_ids_that_spend_add_takes(
    here: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    assert careplan(here, "sam", "spending", str(here.plan_id)) == 0
    out = capsys.readouterr().out
    assert "managed by a third party" in out
    assert "Nothing has been spent yet." in out
    shown = view(here, capsys)
    assert [s["service_id"] for s in shown["services"]] == [here.service_id]
    assert shown["held"] == "third_party"
    assert shown["days_gone"] == 31


def test_add_then_reverse_nets_to_zero(
    here: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    receipt = tmp_path / "receipt.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    assert (
        add(
            here, "sam", "£12.50", "--reference", "INV-9", "--for", "A week's pass", "--receipt", str(receipt)
        )
        == 0
    )
    assert "Recorded entry 1: £12.50" in capsys.readouterr().out
    shown = view(here, capsys)
    assert shown["used_pence"] == 1250
    assert shown["entries"][0]["receipt"] == "png"
    assert shown["entries"][0]["what_for"] == "A week's pass"
    assert careplan(here, "sam", "spend", "reverse", "1", "--reason", "Paid twice") == 0
    shown = view(here, capsys)
    assert shown["used_pence"] == 0
    assert [(e["entry_id"], e["reverses"], e["reversed_by"]) for e in shown["entries"]] == [
        (2, 1, None),
        (1, None, 2),
    ]
    assert careplan(here, "sam", "spend", "reverse", "1", "--reason", "Again") == 2
    assert "already been put right" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("12.5.0",), "not an amount of money"),
        (("-3",), "less than zero"),
        (("0",), "more than £0.00"),
        (("5", "--receipt", "missing.pdf"), "There is no file"),
        (("5", "--receipt", "."), "a folder"),
        (("5", "--receipt", "words.txt"), "PDF, PNG or JPEG"),
    ],
)
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(
    here: Site, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], phrase: str
) -> None:
    Path("words.txt").write_text("not a receipt", encoding="utf-8")
    with_db = open_database(here.path)
    try:
        before = snapshot(with_db)
    finally:
        with_db.dispose()
    assert add(here, "sam", *args) == 2
    err = capsys.readouterr().err
    assert phrase in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    with_db = open_database(here.path)
    try:
        assert snapshot(with_db)["spending"] == before["spending"]
    finally:
        with_db.dispose()


def test_a_bad_date_is_refused(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    base = [
        "spend",
        "add",
        str(here.plan_id),
        "--service",
        str(here.service_id),
        "--amount",
        "5",
        "--supplier",
        "G",
    ]
    assert careplan(here, "sam", *base, "--date", "14/03/2027") == 2
    assert "is not a date" in capsys.readouterr().err
    assert careplan(here, "sam", *base, "--date", (utc_today() + timedelta(days=3)).isoformat()) == 2
    assert "to come" in capsys.readouterr().err


def test_beyond_what_is_set_aside_needs_a_manager(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert add(here, "sam", "100000") == 6
    assert "--manager-agrees" in capsys.readouterr().err
    assert add(here, "sam", "100000", "--manager-agrees", "Fine") == 4
    assert "Only a manager" in capsys.readouterr().err
    assert add(here, "priya", "100000", "--manager-agrees", "Agreed: a one-off for the course") == 0
    shown = view(here, capsys)
    assert shown["services"][0]["over"] is True
    assert shown["entries"][0]["agreed"] is True


def test_not_found_and_not_allowed(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "sam", "spending", "999") == 5
    assert careplan(here, "sam", "spend", "reverse", "999", "--reason", "x") == 5
    assert add(here, "chris", "5") == 4
    assert careplan(here, "ada", "spending", str(here.plan_id)) == 4
    capsys.readouterr()


def test_a_receipt_is_saved_whole_and_audited(
    here: Site, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    receipt = tmp_path / "receipt.png"
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
    receipt.write_bytes(content)
    assert add(here, "sam", "5", "--receipt", str(receipt)) == 0
    assert add(here, "sam", "6") == 0
    out = tmp_path / "saved.png"
    capsys.readouterr()
    assert careplan(here, "sam", "spend", "receipt", "1", "--out", str(out)) == 0
    assert "PNG receipt of entry 1 was written" in capsys.readouterr().out
    assert out.read_bytes() == content
    assert out.stat().st_mode & 0o077 == 0
    with_db = open_database(here.path)
    try:
        with with_db.session() as session:
            events = [tuple(r) for r in session.execute(select(AuditEvent.action, AuditEvent.entity))]
    finally:
        with_db.dispose()
    assert events.count(("save_receipt", "spending")) == 1
    assert careplan(here, "sam", "spend", "receipt", "2", "--out", str(tmp_path / "none.png")) == 5
    assert "No receipt was kept" in capsys.readouterr().err
    assert not (tmp_path / "none.png").exists()
    assert careplan(here, "ada", "spend", "receipt", "1", "--out", str(tmp_path / "ada.png")) == 4
    assert not (tmp_path / "ada.png").exists()
    assert careplan(here, "sam", "spend", "receipt", "1", "--out", str(here.path)) == 2
    assert "Careplan database" in capsys.readouterr().err


def test_a_manager_records_how_the_budget_is_held(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    start = utc_today() - timedelta(days=10)
    end = start + timedelta(days=99)
    held = ["budget", "held", str(here.plan_id), "--way", "direct-payment"]
    assert careplan(here, "sam", *held) == 4
    assert careplan(here, "priya", *held, "--from", start.isoformat(), "--to", end.isoformat()) == 0
    assert "a direct payment to the person" in capsys.readouterr().out
    shown = view(here, capsys)
    assert (shown["held"], shown["period_start"], shown["period_end"]) == (
        "direct_payment",
        start.isoformat(),
        end.isoformat(),
    )
    assert careplan(here, "priya", *held, "--from", end.isoformat(), "--to", start.isoformat()) == 2
    assert "must end after it starts" in capsys.readouterr().err
    assert careplan(here, "priya", *held, "--from", "tomorrow") == 2
    assert careplan(here, "priya", "budget", "held", "999", "--way", "service") == 5
    assert view(here, capsys)["held"] == "direct_payment"
