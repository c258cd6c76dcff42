"""``careplan desk [--ending-within DAYS] [--format table|json]`` through the real entry point, on
the desk's world (tests/services/desk_world.py): managers only, the JSON typed and agreeing with
the table, bad input refused in one sentence."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.services import desk
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.services.desk_world import REQUEST_COST, desk_world
from tests.worlds import SERVICE_PRICE, World


@dataclass(frozen=True)
class Site:
    path: Path
    world: World


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Site:
    path = tmp_path_factory.mktemp("desk") / "careplan.db"
    db = open_database(path)
    try:
        world = desk_world(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    return Site(path, world)


@pytest.fixture
def here(template: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    """A fresh copy of the built database for each test, and the team's password."""
    target = tmp_path / "careplan.db"
    shutil.copyfile(template.path, target)
    shutil.copyfile(f"{template.path}.key", f"{target}.key")
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    return Site(target, template.world)


def careplan(here: Site, user: str, *args: str) -> int:
    return main(["--database", str(here.path), "--user", user, "desk", *args])


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("careplan: ")]
    assert len(lines) == 1, err
    return lines[0]


def test_the_json_holds_every_queue_and_the_money(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    dee, eve = here.world.plans["Dee"], here.world.plans["Eve"]
    (approve,) = data["to_approve"]
    assert (approve["plan_id"], approve["version_id"], approve["days_waiting"], approve["waiting"]) == (
        dee.plan_id,
        dee.version_id,
        0,
        "today",
    )
    (request,) = data["requests_to_decide"]
    assert (request["what"], request["estimated_cost_pence"]) == ("Driving lessons", int(REQUEST_COST * 100))
    assert [r["plan_id"] for r in data["plans_ending"]] == [eve.plan_id]
    assert data["ending_within_days"] == desk.ENDING_WITHIN_DAYS
    assert [r["plan_id"] for r in data["reviews_due"] if r["state"] == "overdue"] == [eve.plan_id]
    eve_money = 6 * int(SERVICE_PRICE * 100)
    total = data["money"]["total"]
    assert (total["set_aside_pence"], total["spent_pence"]) == (eve_money, 0)
    assert sum(line["set_aside_pence"] for line in data["money"]["by_category"]) == eve_money
    assert {c["username"]: c["people"] for c in data["caseloads"]} == {"sam": 2, "kim": 0, "priya": 0}
    assert data["near_or_over_set_aside"] == []


def test_the_table_says_each_queue_in_words(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya") == 0
    out = capsys.readouterr().out
    for heading in (
        "Waiting for approval (1)",
        "Requests to decide (1)",
        "Reviews by key worker (1)",
        "Plans ending within 30 days or past their year (1)",
        "No service is near what is set aside.",
        "Money by category (1)",
        "Caseloads (3)",
    ):
        assert heading in out
    assert "Driving lessons" in out
    assert "£80.00" in out
    assert "Ended " in out


def test_a_longer_look_ahead(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya", "--ending-within", "366", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["ending_within_days"] == 366


@pytest.mark.parametrize("user", ["sam", "chris", "ada"])
def test_only_managers(here: Site, capsys: pytest.CaptureFixture[str], user: str) -> None:
    assert careplan(here, user) == 4
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "cannot open the manager's desk" in one_sentence(captured.err)


@pytest.mark.parametrize("days", ["-1", "367", "soon", "1.5"])
def test_a_look_ahead_that_is_not_a_number_of_days(
    here: Site, capsys: pytest.CaptureFixture[str], days: str
) -> None:
    assert careplan(here, "priya", "--ending-within", days) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    one_sentence(captured.err)
