"""``careplan requests [--format table|json]`` and ``careplan requests decide ID --yes|--no|--ask``
through the real entry point: Dee's draft plan with three requests (climbing, a bike, a course)."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.actor import PERSON
from careplan.domain.enums import ServiceUnit
from careplan.services import catalogue
from careplan.storage.database import Database
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.stored import rows_as_text
from tests.worlds import build_world


@dataclass(frozen=True)
class Site:
    path: Path
    ids: tuple[int, ...]

    def open(self) -> Database:
        return open_database(self.path)


def _ask(what: str, pounds: str) -> catalogue.ProposalInput:
    return catalogue.ProposalInput(
        what=what,
        category="leisure",
        unit=ServiceUnit.WEEK,
        estimated_cost=Decimal(pounds),
        why="It keeps me busy",
        why_voice=PERSON,
        who_might_provide="The Climbing Hut",
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Site:
    path = tmp_path_factory.mktemp("requests") / "careplan.db"
    db = open_database(path)
    try:
        world = build_world(db)
        ids = tuple(
            catalogue.propose_service(
                db, world.team.key_worker, world.person_id, _ask(what, pounds), plan_id=world.plan_id
            )
            for what, pounds in (("Climbing wall", "9.50"), ("A bike", "120.00"), ("Cookery course", "40.00"))
        )
        give_everyone_a_password(db)
    finally:
        db.dispose()
    return Site(path, ids)


@pytest.fixture
def here(template: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Site:
    target = tmp_path / "careplan.db"
    shutil.copyfile(template.path, target)
    shutil.copyfile(f"{template.path}.key", f"{target}.key")
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    return Site(target, template.ids)


def careplan(here: Site, user: str, *args: str) -> int:
    return main(["--database", str(here.path), "--user", user, "requests", *args])


def listed(here: Site, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert careplan(here, "priya", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list)
    return rows


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line and not line.startswith(("usage:", " "))]
    assert len(lines) == 1, err
    assert lines[0].startswith("careplan: ")
    return lines[0]


def stored(here: Site) -> dict[str, list[str]]:
    db = here.open()
    try:
        return rows_as_text(db)
    finally:
        db.dispose()


def test_the_list_shows_what_waits_with_its_price_and_since_when(
    here: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(here, capsys)
    assert [(r["id"], r["what"], r["price_asked_pence"], r["status"]) for r in rows] == [
        (here.ids[0], "Climbing wall", 950, "pending"),
        (here.ids[1], "A bike", 12000, "pending"),
        (here.ids[2], "Cookery course", 4000, "pending"),
    ]
    assert careplan(here, "priya") == 0
    table = capsys.readouterr().out
    assert "Climbing wall" in table
    assert "£9.50 a week" in table
    assert "Waiting since" in table
    assert "3 requests" in table


def test_a_manager_decides_each_way_and_the_list_says_so(
    here: Site, capsys: pytest.CaptureFixture[str]
) -> None:
    climbing, bike, course = here.ids
    assert (
        careplan(here, "priya", "decide", str(climbing), "--yes", "--add-to-catalogue", "--price", "£9") == 0
    )
    assert careplan(here, "priya", "decide", str(bike), "--no", "--reason", "A bike is not in the plan") == 0
    assert careplan(here, "priya", "decide", str(course), "--ask", "--reason", "Which evenings?") == 0
    capsys.readouterr()
    rows = {r["id"]: r for r in listed(here, capsys)}
    assert rows[course]["status"] == "asked"
    assert rows[course]["question"] == "Which evenings?"
    assert rows[bike]["status"] == "declined"
    assert rows[bike]["words"] == "Priya Manager said no: A bike is not in the plan"
    assert rows[climbing]["status"] == "approved"
    assert rows[climbing]["approved_unit_price_pence"] == 900
    assert rows[climbing]["service_id"] is not None
    assert "added it to the catalogue" in str(rows[climbing]["words"])
    assert list(rows) == [course, bike, climbing]  # waiting first, then the newest decision


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("--no",), "please give --reason"),
        (("--ask", "--reason", "   "), "please give --reason"),
        (("--yes", "--add-to-catalogue"), "needs --price"),
        (("--yes", "--price", "nine pounds"), "not an amount of money"),
        (("--yes", "--price", "-1"), "less than zero"),
        (("--no", "--reason", "No", "--price", "3"), "go with --yes only"),
        (("--yes", "--unit", "week"), "go with --add-to-catalogue only"),
    ],
)
def test_bad_input_is_one_sentence_exit_2_and_nothing_written(
    here: Site, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], phrase: str
) -> None:
    before = stored(here)
    assert careplan(here, "priya", "decide", str(here.ids[0]), *args) == 2
    assert phrase in one_sentence(capsys.readouterr().err).lower()
    assert stored(here) == before


def test_the_parser_refuses_two_answers_or_no_number(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    before = stored(here)
    assert careplan(here, "priya", "decide", "1", "--yes", "--no") == 2
    assert "not allowed with argument --yes" in one_sentence(capsys.readouterr().err)
    assert careplan(here, "priya", "decide", "one", "--yes") == 2
    assert "is not a request's number" in one_sentence(capsys.readouterr().err)
    assert stored(here) == before


def test_refusals_have_their_exit_codes(here: Site, capsys: pytest.CaptureFixture[str]) -> None:
    assert careplan(here, "sam", "decide", str(here.ids[0]), "--yes") == 4
    assert "cannot" in one_sentence(capsys.readouterr().err)
    assert careplan(here, "sam") == 4
    capsys.readouterr()
    assert careplan(here, "priya", "decide", "4040", "--yes") == 5
    assert "could not be found" in one_sentence(capsys.readouterr().err)
    assert careplan(here, "priya", "decide", str(here.ids[0]), "--yes") == 0
    capsys.readouterr()
    before = stored(here)
    assert careplan(here, "priya", "decide", str(here.ids[0]), "--no", "--reason", "Changed my mind") == 2
    assert "already decided" in one_sentence(capsys.readouterr().err)
    assert stored(here)["proposals"] == before["proposals"]  # signing in is audited; nothing else
