"""``careplan measures``: every member of staff lists the outcome measures; a manager or an
administrator loads them from a file, every problem printed and nothing kept when there is one."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.measures import LIFE_AREAS
from careplan.domain.records import Setting
from careplan.services.measures import MEASURES_SETTING
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.worlds import make_team

EXAMPLE = resources.files("careplan") / "resources/reference/outcome_measures.toml"

SHORT = """
[[measure]]
code = "short"
name = "A short one"
asked = ["start", "exit"]

  [[measure.item]]
  code = "days"
  question = "On how many days?"
  kind = "count"
  high = 28
"""

# Three problems: an unknown kind, "asked" never, a low above its high.
BAD = (
    SHORT.replace('"count"', '"number"').replace('["start", "exit"]', '["sometimes"]')
    + """
  [[measure.item]]
  code = "sleep"
  question = "How well do you sleep?"
  kind = "scale"
  low = 5
  high = 1
"""
)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "careplan.db"
    db = open_database(path)
    try:
        make_team(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    return path


def kept(path: Path) -> object:
    """The loaded measures as stored (None: none loaded)."""
    db = open_database(path)
    try:
        with db.session() as session:
            setting = session.get(Setting, MEASURES_SETTING)
            return None if setting is None else setting.value
    finally:
        db.dispose()


def run(path: Path, user: str, *argv: str) -> int:
    return main(["--database", str(path), "--user", user, *argv])


def test_every_member_of_staff_lists_the_measures_the_life_area_scale_first(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for user in ("chris", "sam", "priya", "ada"):
        assert run(database, user, "measures") == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].split() == ["Code", "Name", "Items", "Asked"]
        assert lines[1].startswith(LIFE_AREAS)
        assert "How things are in my life" in lines[1]
        assert lines[1].rstrip().endswith("at every review")
    assert run(database, "sam", "measures", "--format", "json") == 0
    (built_in,) = json.loads(capsys.readouterr().out)
    assert built_in["code"] == LIFE_AREAS
    assert built_in["built_in"] is True
    assert built_in["asked"] == ["every_review"]
    assert built_in["item_count"] == len(built_in["items"]) > 0
    assert {item["low"] for item in built_in["items"]} == {1}
    assert {item["high"] for item in built_in["items"]} == {10}


def test_a_manager_loads_the_example_and_it_is_listed_after_the_life_area_scale(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database, "priya", "measures", "load", str(EXAMPLE)) == 0
    assert "Loaded 1 measure: “My use, my home and my health”." in capsys.readouterr().out
    assert kept(database) is not None
    assert run(database, "chris", "measures", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [m["code"] for m in listed] == [LIFE_AREAS, "use_and_health"]
    loaded = listed[1]
    assert loaded["asked"] == ["start", "every_3_months", "exit"]
    assert loaded["asked_words"] == "at the start, every 3 months and at the end"
    assert loaded["built_in"] is False
    assert loaded["items"][0]["kind"] == "count"
    assert loaded["items"][0]["high"] == 28
    assert run(database, "sam", "measures") == 0
    table = capsys.readouterr().out.splitlines()
    assert table[2].startswith("use_and_health")
    assert f"  {loaded['item_count']}  " in table[2]


def test_loading_again_replaces_what_was_loaded(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.toml"
    short.write_text(SHORT, encoding="utf-8")
    assert run(database, "ada", "measures", "load", str(EXAMPLE)) == 0
    assert run(database, "ada", "measures", "load", str(short)) == 0
    capsys.readouterr()
    assert run(database, "ada", "measures", "--format", "json") == 0
    assert [m["code"] for m in json.loads(capsys.readouterr().out)] == [LIFE_AREAS, "short"]


def test_a_file_with_problems_prints_every_one_and_keeps_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database, "priya", "measures", "load", str(EXAMPLE)) == 0
    before = kept(database)
    bad = tmp_path / "bad.toml"
    bad.write_text(BAD, encoding="utf-8")
    capsys.readouterr()
    assert run(database, "priya", "measures", "load", str(bad)) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "careplan: The measures were not loaded: 3 things need changing first."
    assert len(err) == 4
    assert all(line.startswith("  Measure 1 (“short”)") for line in err[1:])
    assert "sometimes" in err[1]
    assert "item 1 (“days”): the kind must be one of" in err[2]
    assert "“low” (5) must be less than “high” (1)" in "\n".join(err)
    assert kept(database) == before


@pytest.mark.parametrize(
    ("user", "content", "code", "words"),
    [
        ("sam", SHORT, 4, "cannot load outcome measures"),
        ("chris", SHORT, 4, "cannot load outcome measures"),
        ("priya", "[[measure]\n", 2, "The measures were not loaded: The file is not TOML"),
        ("priya", "", 2, "no measures"),
        ("priya", b"\xff\xfe", 2, "not UTF-8"),
    ],
)
def test_a_refused_load_says_why_in_one_sentence_and_keeps_nothing(
    database: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    user: str,
    content: str | bytes,
    code: int,
    words: str,
) -> None:
    given = tmp_path / "measures.toml"
    if isinstance(content, bytes):
        given.write_bytes(content)
    else:
        given.write_text(content, encoding="utf-8")
    assert run(database, user, "measures", "load", str(given)) == code
    err = capsys.readouterr().err
    assert words in err
    assert err.count("\n") == 1
    assert kept(database) is None


def test_a_missing_or_unreadable_file_is_one_sentence(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database, "priya", "measures", "load", str(tmp_path / "nowhere.toml")) == 2
    assert capsys.readouterr().err == f"careplan: There is no file at {tmp_path / 'nowhere.toml'}.\n"
    assert run(database, "priya", "measures", "load", str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"careplan: {tmp_path} is a folder")
    assert err.count("\n") == 1
    assert kept(database) is None


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["measures", "load"], "the following arguments are required: FILE.toml"),
        (["measures", "--format", "csv"], "invalid choice"),
        (["measures", "unload", "x"], "invalid choice"),
    ],
)
def test_usage_mistakes(
    database: Path, capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    assert run(database, "priya", *argv) == 2
    assert words in capsys.readouterr().err
