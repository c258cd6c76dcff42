"""``careplan settings service-name``: shows the name printed on agreements; an administrator
changes it (a key worker is refused, an empty name is refused, and neither changes it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.services import configuration
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.services.review_schedule import schedule_in
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.worlds import make_team


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "careplan.db"
    db = open_database(path)
    try:
        make_team(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    return path


def _name(path: Path) -> str:
    db = open_database(path)
    try:
        return configuration.service_name(db)
    finally:
        db.dispose()


def test_the_service_name_is_shown_and_an_administrator_changes_it(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    assert main(["--database", str(database), "settings", "service-name"]) == 0
    assert capsys.readouterr().out.strip() == DEFAULT_SERVICE_NAME

    assert main(["--database", str(database), "--user", "sam", "settings", "service-name", "Elsewhere"]) == 4
    assert "cannot" in capsys.readouterr().err
    assert main(["--database", str(database), "--user", "ada", "settings", "service-name", "  "]) == 2
    assert "Please type the name of the service" in capsys.readouterr().err
    assert _name(database) == DEFAULT_SERVICE_NAME

    given = ["--database", str(database), "--user", "ada", "settings", "service-name", "Riverside  service"]
    assert main(given) == 0
    assert "Riverside service" in capsys.readouterr().out
    assert _name(database) == "Riverside service"
    assert main(["--database", str(database), "settings", "service-name"]) == 0
    assert capsys.readouterr().out.strip() == "Riverside service"


# --- the review schedule --------------------------------------------------------------------------


def _schedule(path: Path) -> tuple[int, int]:
    db = open_database(path)
    try:
        with db.session() as session:
            found = schedule_in(session)
        return found.first_weeks, found.every_months
    finally:
        db.dispose()


def test_the_review_schedule_is_shown_and_an_administrator_changes_it(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    base = ["--database", str(database)]
    assert main([*base, "--user", "sam", "settings", "review-schedule"]) == 0
    assert capsys.readouterr().out.strip() == (
        "The first review 7 weeks after a plan is approved, then one every 3 months, "
        "and a full review at a year."
    )
    change = ["settings", "review-schedule", "--first-weeks", "8", "--every-months", "2"]
    assert main([*base, "--user", "ada", *change]) == 0
    assert "Saved. The first review 8 weeks after a plan is approved, then one every 2 months" in (
        capsys.readouterr().out
    )
    assert _schedule(database) == (8, 2)
    # one of the two left out keeps what it is
    assert main([*base, "--user", "ada", "settings", "review-schedule", "--every-months", "12"]) == 0
    assert "8 weeks after a plan is approved, then a full review at a year and once a year" in (
        capsys.readouterr().out
    )
    assert _schedule(database) == (8, 12)
    assert main([*base, "--user", "ada", "settings", "review-schedule", "--first-weeks", "6"]) == 0
    assert _schedule(database) == (6, 12)
    assert main([*base, "--user", "ada", "settings", "review-schedule", "--every-months", "1"]) == 0
    assert "then one every month, and a full review at a year." in capsys.readouterr().out


@pytest.mark.parametrize(
    ("user", "given", "code", "words"),
    [
        ("sam", ["--first-weeks", "7"], 4, "cannot"),
        ("priya", ["--every-months", "3"], 4, "cannot"),
        ("chris", ["--every-months", "3"], 4, "cannot"),
        ("ada", ["--first-weeks", "5"], 2, "6, 7 or 8 weeks"),
        ("ada", ["--first-weeks", "9", "--every-months", "3"], 2, "6, 7 or 8 weeks"),
        ("ada", ["--every-months", "0"], 2, "every 1 to 12 months"),
        ("ada", ["--every-months", "13"], 2, "every 1 to 12 months"),
        ("ada", ["--every-months", "-1"], 2, "every 1 to 12 months"),
        ("ada", ["--every-months", "three"], 2, "not a whole number"),
        ("ada", ["--first-weeks", "7.5"], 2, "not a whole number"),
        ("ada", ["--first-weeks"], 2, "expected one argument"),
        ("ada", ["--weeks", "7"], 2, "unrecognized arguments"),
    ],
)
def test_a_review_schedule_refused_changes_nothing(
    database: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    user: str,
    given: list[str],
    code: int,
    words: str,
) -> None:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    assert main(["--database", str(database), "--user", user, "settings", "review-schedule", *given]) == code
    err = capsys.readouterr().err
    assert words in err
    assert "Traceback" not in err
    assert _schedule(database) == (7, 3)
