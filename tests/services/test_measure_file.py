"""Outcome measures as data: the example file loads; a file with problems names every one of them."""

from __future__ import annotations

import textwrap
from importlib import resources

import pytest

from careplan.domain.errors import PermissionDenied
from careplan.domain.measures import LIFE_AREAS, AskedWhen, ItemKind
from careplan.services.measure_file import (
    MeasureFileProblems,
    measure_data,
    measures_from_data,
    read_measures,
)
from careplan.services.measures import load_measures, outcome_measures
from careplan.storage import Database
from tests.refusals import assert_plain, refused
from tests.worlds import World, staffed

EXAMPLE = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()

GOOD_ITEM = """
  [[measure.item]]
  code = "days"
  question = "On how many days?"
  kind = "count"
  high = 28
"""


def measure_file(body: str, *, items: str = GOOD_ITEM) -> bytes:
    head = '[[measure]]\ncode = "short"\nname = "A short one"\nasked = ["start", "exit"]\n'
    return textwrap.dedent(head + body + items).encode()


def problems_of(data: bytes) -> tuple[str, ...]:
    with pytest.raises(MeasureFileProblems) as info:
        read_measures(data)
    for problem in info.value.problems:
        assert_plain(problem)
    return info.value.problems


def test_the_example_file_is_a_top_style_set_asked_at_start_every_3_months_and_exit() -> None:
    (measure,) = read_measures(EXAMPLE)
    assert measure.code == "use_and_health"
    assert measure.asked == (AskedWhen.START, AskedWhen.EVERY_3_MONTHS, AskedWhen.EXIT)
    assert measure.asked_words() == "at the start, every 3 months and at the end"
    kinds = {item.code: (item.kind, item.low, item.high) for item in measure.items}
    assert kinds["opiate_days"] == (ItemKind.COUNT, 0, 28)
    assert kinds["injected"] == (ItemKind.YES_NO, 0, 1)
    assert kinds["physical_health"] == (ItemKind.SCALE, 0, 20)
    # Kept in the settings in the file's shape, and read back the same.
    assert measures_from_data(measure_data((measure,))) == (measure,)


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"\xff\xfe not text", "not UTF-8"),
        (b"[[measure]\ncode = 1", "not TOML"),
        (b"title = 'x'\n", "no measures"),
        (b"title = 'x'\n[[measure]]\n", "“title” at the top"),
        (measure_file("extra = 1\n"), "Measure 1 (“short”): “extra” is not something Careplan knows"),
        (measure_file("", items=""), "Measure 1 (“short”) has no items"),
        (
            b'[[measure]]\nname = "x"\nasked = ["start"]\n' + GOOD_ITEM.encode(),
            "Measure 1: the code is missing",
        ),
        (measure_file("").replace(b'"short"', b'"Short one"'), "Measure 1: the code must be lower-case"),
        (measure_file("").replace(b'"short"', f'"{LIFE_AREAS}"'.encode()), "own life-area scale"),
        (measure_file("").replace(b'name = "A short one"\n', b""), "the name is missing"),
        (measure_file("").replace(b'["start", "exit"]', b'["sometimes"]'), "“asked” has “sometimes”"),
        (measure_file("").replace(b'["start", "exit"]', b'["start", "start"]'), "has “start” twice"),
        (measure_file("").replace(b'asked = ["start", "exit"]\n', b""), "“asked” must list when"),
        (
            measure_file("", items=GOOD_ITEM.replace('"count"', '"number"')),
            "item 1 (“days”): the kind must be",
        ),
        (measure_file("", items=GOOD_ITEM.replace("high = 28", "")), "item 1 (“days”): a count needs “high”"),
        (measure_file("", items=GOOD_ITEM.replace("high = 28", "high = 28\nlow = -1")), "cannot go below 0"),
        (
            measure_file("", items=GOOD_ITEM.replace("high = 28", "high = 0")),
            "“low” (0) must be less than “high” (0)",
        ),
        (measure_file("", items=GOOD_ITEM.replace("high = 28", 'high = "28"')), "as whole numbers"),
        (
            measure_file("", items=GOOD_ITEM.replace('"count"', '"yes_no"')),
            "a yes/no item has no “low” or “high”",
        ),
        (measure_file("", items=GOOD_ITEM.replace('"count"', '"scale"')), "a scale needs “low” and “high”"),
        (measure_file("", items=GOOD_ITEM + 'low_words = "none"\n'), "only a scale has “low_words”"),
        (
            measure_file("", items=GOOD_ITEM.replace('question = "On how many days?"\n', "")),
            "question is missing",
        ),
        (measure_file("", items=GOOD_ITEM * 2), "item 2: the code “days” is used by another item"),
        (measure_file("") + measure_file(""), "Measure 2: the code “short” is used by another measure"),
    ],
)
def test_each_problem_is_named_with_where_it_is(data: bytes, phrase: str) -> None:
    found = problems_of(data)
    assert any(phrase in problem for problem in found), found


def test_every_problem_in_a_file_is_named_not_only_the_first() -> None:
    items = GOOD_ITEM.replace('"count"', '"number"') + GOOD_ITEM.replace("high = 28", "high = 0")
    data = measure_file("extra = 1\n", items=items).replace(b'["start", "exit"]', b'["sometimes"]')
    found = problems_of(data)
    assert len(found) == 4, found
    assert [p.split(":")[0] for p in found] == [
        "Measure 1 (“short”)",
        "Measure 1 (“short”)",
        "Measure 1 (“short”), item 1 (“days”)",
        "Measure 1 (“short”), item 2 (“days”)",
    ]
    with pytest.raises(MeasureFileProblems) as info:
        read_measures(data)
    assert "4 things need changing" in info.value.message


def load_world(db: Database) -> World:
    return staffed(db)


def test_a_manager_loads_measures_and_every_member_of_staff_sees_them(db: Database) -> None:
    w = load_world(db)
    assert [m.code for m in outcome_measures(db, w.team.peer_mentor)] == [LIFE_AREAS]
    load_measures(db, w.team.manager, EXAMPLE)
    shown = outcome_measures(db, w.team.administrator)
    assert [m.code for m in shown] == [LIFE_AREAS, "use_and_health"]
    life = shown[0]
    assert life.built_in
    assert len(life.items) == 10
    assert (life.items[0].low, life.items[0].high) == (1, 10)


def test_a_file_with_problems_keeps_nothing_and_earlier_measures_stay(db: Database) -> None:
    w = load_world(db)
    load_measures(db, w.team.manager, EXAMPLE)
    with refused(db, MeasureFileProblems, "were not loaded"):
        load_measures(db, w.team.manager, measure_file("extra = 1\n"))
    assert [m.code for m in outcome_measures(db, w.team.key_worker)] == [LIFE_AREAS, "use_and_health"]
    # A good file takes the place of the measures loaded before.
    load_measures(db, w.team.administrator, measure_file(""))
    assert [m.code for m in outcome_measures(db, w.team.key_worker)] == [LIFE_AREAS, "short"]


@pytest.mark.parametrize("role", ["key_worker", "peer_mentor"])
def test_key_workers_and_peer_mentors_do_not_load_measures(db: Database, role: str) -> None:
    w = load_world(db)
    with refused(db, PermissionDenied, "cannot load outcome measures"):
        load_measures(db, getattr(w.team, role), EXAMPLE)
