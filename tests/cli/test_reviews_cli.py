"""``careplan reviews [--due|--overdue] [--key-worker USERNAME] [--format table|json]`` through the
real entry point, on the world of :mod:`tests.review_dates` (a fixed clock: on 10 February 2027
Marek's review is overdue by 22 days and Dee's due in 12)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.services import covering, workspace
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.review_dates import TODAY, ReviewWorld, on, review_world


@dataclass(frozen=True)
class Site:
    path: Path
    site: ReviewWorld
    dee: str  # Dee's reference

    def open(self) -> Database:
        return open_database(self.path)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Site:
    path = tmp_path_factory.mktemp("reviews") / "careplan.db"
    db = open_database(path)
    try:
        site = review_world(db)
        give_everyone_a_password(db)
        dee = workspace.load_person(db, site.world.team.manager, site.world.person_id).reference
    finally:
        db.dispose()
    return Site(path, site, dee)


@pytest.fixture
def here(template: Site, tmp_path: Path) -> Site:
    """A fresh copy of the built database for each test."""
    target = tmp_path / "careplan.db"
    shutil.copyfile(template.path, target)
    shutil.copyfile(f"{template.path}.key", f"{target}.key")
    return Site(target, template.site, template.dee)


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    with on(TODAY):
        yield


def careplan(here: Site, user: str, *args: str) -> int:
    return main(["--database", str(here.path), "--user", user, "reviews", *args])


def listed(here: Site, capsys: pytest.CaptureFixture[str], user: str, *args: str) -> list[tuple[str, int]]:
    assert careplan(here, user, "--format", "json", *args) == 0
    return [(row["person_reference"], row["plan_id"]) for row in json.loads(capsys.readouterr().out)]


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith("careplan: ")
    return lines[0]


def test_the_table(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya") == 0
    out = capsys.readouterr().out.splitlines()
    marek, dee = here.site.marek_plan, here.site.dee_plan
    width = max(len("CP-MAREK"), len(here.dee))
    assert out == [
        f"{'Person':<{width}}  Plan  Due          Days overdue  Key worker           Review",
        f"{'CP-MAREK':<{width}}  {marek:>4}  19 Jan 2027            22  Kim Extra (kim)      "
        "Overdue by 22 days",
        f"{here.dee:<{width}}  {dee:>4}  22 Feb 2027             -  Sam Keyworker (sam)  Due in 12 days",
        "",
        "2 plans",
    ]


def test_the_json_is_typed_and_stable(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya", "--overdue", "--format", "json") == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "person_reference": "CP-MAREK",
            "plan_id": here.site.marek_plan,
            "due_date": "2027-01-19",
            "days_overdue": 22,
            "state": "overdue",
            "words": "Overdue by 22 days",
            "key_worker_username": "kim",
            "key_worker_name": "Kim Extra",
        }
    ]
    assert careplan(here, "priya", "--due", "--format", "json") == 0
    dee = json.loads(capsys.readouterr().out)[1]
    assert dee["due_date"] == "2027-02-22"
    assert (dee["days_overdue"], dee["state"], dee["words"]) == (0, "due", "Due in 12 days")


def test_filters(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    marek, dee = ("CP-MAREK", here.site.marek_plan), (here.dee, here.site.dee_plan)
    assert listed(here, capsys, "priya", "--overdue") == [marek]
    assert listed(here, capsys, "priya", "--due") == [marek, dee]
    assert listed(here, capsys, "priya", "--key-worker", "sam") == [dee]
    assert listed(here, capsys, "priya", "--overdue", "--key-worker", "sam") == []
    with on(date(2027, 2, 7)):  # Dee's review is 15 days off: not due yet
        assert listed(here, capsys, "priya", "--due") == [marek]


def test_each_sees_only_the_plans_they_may_open(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    marek, dee = ("CP-MAREK", here.site.marek_plan), (here.dee, here.site.dee_plan)
    assert listed(here, capsys, "sam") == [dee]
    assert listed(here, capsys, "kim") == [marek]
    assert listed(here, capsys, "chris") == [dee]  # Dee's peer mentor
    assert listed(here, capsys, "robin") == []  # a peer mentor with nobody yet
    assert listed(here, capsys, "kim", "--key-worker", "sam") == []  # not Kim's to see


def test_a_colleague_covering_sees_whom_they_cover_for(
    here: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    db = here.open()
    try:
        covering.cover_for_colleague(
            db, here.site.world.team.peer_mentor, here.site.marek, "Kim is away today"
        )
    finally:
        db.dispose()
    assert listed(here, capsys, "chris") == [
        ("CP-MAREK", here.site.marek_plan),
        (here.dee, here.site.dee_plan),
    ]


def test_an_administrator_is_refused(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "ada") == 4
    assert "Traceback" not in one_sentence(capsys.readouterr().err)
    assert careplan(here, "ada", "--key-worker", "nobody") == 4  # nothing said of who exists
    one_sentence(capsys.readouterr().err)


def test_an_unknown_key_worker(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya", "--key-worker", "nobody") == 5
    captured = capsys.readouterr()
    assert one_sentence(captured.err) == "careplan: There is no member of staff called “nobody”."
    assert captured.out == ""


def test_due_and_overdue_together_is_a_usage_error(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "priya", "--due", "--overdue") == 2
    captured = capsys.readouterr()
    usage, said = captured.err.split("\ncareplan: ")  # argparse's usage lines, then one sentence
    assert usage.startswith("usage: careplan reviews [-h] [--due | --overdue]")
    assert said == "argument --overdue: not allowed with argument --due\n"
    assert captured.out == ""


def test_not_signed_in(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", str(here.path), "reviews"]) == 13
    one_sentence(capsys.readouterr().err)
