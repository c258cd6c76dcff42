"""Outcome measures read from a file, checked before anything is kept, every problem named.

The file is TOML (``tomllib`` is in Python's standard library, so it costs no dependency; unlike
JSON it allows comments, which a service needs to say where a set of questions came from and
when it changed, and it is easy to write by hand; a syntax error names its line and column).
Each measure is a ``[[measure]]`` table with its ``[[measure.item]]`` tables; see
``careplan/resources/reference/outcome_measures.toml`` for a whole example.

:func:`read_measures` returns the measures, or raises :class:`MeasureFileProblems` listing every
problem, each one plain sentence saying where it is ("Measure 1 (“use_and_health”), item 3: ...").
The same check reads the measures back from the settings (:func:`measures_from_data`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from typing import Any

from careplan.domain.errors import InvalidInput
from careplan.domain.measures import LIFE_AREAS, AskedWhen, ItemKind, Measure, MeasureItem
from careplan.domain.text import not_text

MAX_BYTES = 1024 * 1024
MAX_NAME = 120
MAX_QUESTION = 300
MAX_END_WORDS = 60
SHOWN_PROBLEMS = 30
_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
_MEASURE_KEYS = frozenset({"code", "name", "asked", "item"})
_ITEM_KEYS = frozenset({"code", "question", "kind", "low", "high", "low_words", "high_words"})
_KINDS = ", ".join(f"“{kind.value}”" for kind in ItemKind)
_ASKED = ", ".join(f"“{when.value}”" for when in AskedWhen)


class MeasureFileProblems(InvalidInput):
    """The measures cannot be loaded as they are; ``problems`` says where and why. Nothing was kept."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            summary = f"The measures were not loaded: {self.problems[0]}"
        else:
            summary = f"The measures were not loaded: {len(self.problems)} things need changing first."
        super().__init__(summary, "file")

    def lines(self, limit: int = SHOWN_PROBLEMS) -> list[str]:
        shown = list(self.problems[:limit])
        if len(self.problems) > limit:
            shown.append(f"… and {len(self.problems) - limit} more.")
        return shown


def read_measures(data: bytes) -> tuple[Measure, ...]:
    """The measures in a TOML file's bytes, checked (see the module)."""
    if len(data) > MAX_BYTES:
        raise MeasureFileProblems(
            [f"The file is larger than {MAX_BYTES // 1024} KB; a measures file is small."]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MeasureFileProblems(
            ["The file is not UTF-8 text. Save it as UTF-8 and load it again."]
        ) from None
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MeasureFileProblems([f"The file is not TOML as Careplan reads it ({exc})."]) from None
    return measures_from_data(parsed)


def measures_from_data(data: dict[str, Any]) -> tuple[Measure, ...]:
    """The measures in ``data`` (a parsed file, or the stored setting), checked."""
    problems: list[str] = []
    for key in sorted(set(data) - {"measure"}):
        problems.append(
            f"The file has “{key}” at the top, which Careplan does not know; measures go under [[measure]]."
        )
    tables = data.get("measure")
    if not isinstance(tables, list) or not tables:
        problems.append("The file has no measures: each one starts with a [[measure]] heading.")
        raise MeasureFileProblems(problems)
    measures: list[Measure] = []
    codes: set[str] = set()
    for number, table in enumerate(tables, start=1):
        measure = _measure(number, table, problems)
        if measure is None:
            continue
        if measure.code in codes:
            problems.append(
                f"Measure {number}: the code “{measure.code}” is used by another measure in the file."
            )
        codes.add(measure.code)
        measures.append(measure)
    if problems:
        raise MeasureFileProblems(problems)
    return tuple(measures)


def measure_data(measures: Sequence[Measure]) -> dict[str, Any]:
    """Measures as kept in the settings: the shape of the file, so :func:`measures_from_data` reads it."""
    return {
        "measure": [
            {
                "code": m.code,
                "name": m.name,
                "asked": [when.value for when in m.asked],
                "item": [_item_data(item) for item in m.items],
            }
            for m in measures
        ]
    }


def _item_data(item: MeasureItem) -> dict[str, Any]:
    found: dict[str, Any] = {"code": item.code, "question": item.question, "kind": item.kind.value}
    if item.kind is not ItemKind.YES_NO:
        found.update(low=item.low, high=item.high)
    for key in ("low_words", "high_words"):
        if getattr(item, key) is not None:
            found[key] = getattr(item, key)
    return found


def _words(value: object, most: int) -> str | None:
    """``value`` as one line of words, or None if it is not (the caller names the problem)."""
    if not isinstance(value, str) or not_text(value) or any(ord(c) < 32 for c in value):
        return None
    cleaned = " ".join(value.split())
    return cleaned if 0 < len(cleaned) <= most else None


def _code(value: object, where: str, problems: list[str]) -> str | None:
    if value is None:
        problems.append(f"{where}: the code is missing (a short name such as “use_and_health”).")
        return None
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        problems.append(
            f"{where}: the code must be lower-case letters, digits and underscores, starting with a "
            "letter, at most 40 of them."
        )
        return None
    return value


def _unknown(table: dict[str, Any], known: frozenset[str], where: str, problems: list[str]) -> None:
    for key in sorted(set(table) - known):
        problems.append(
            f"{where}: “{key}” is not something Careplan knows; take it out or check its spelling."
        )


def _measure(number: int, table: object, problems: list[str]) -> Measure | None:
    where = f"Measure {number}"
    if not isinstance(table, dict):
        problems.append(f"{where} is not a table: write it under a [[measure]] heading.")
        return None
    code = _code(table.get("code"), where, problems)
    if code is not None:
        where = f"Measure {number} (“{code}”)"
        if code == LIFE_AREAS:
            problems.append(
                f"{where}: “{LIFE_AREAS}” is Careplan's own life-area scale; choose another code."
            )
    _unknown(table, _MEASURE_KEYS, where, problems)
    name = _words(table.get("name"), MAX_NAME)
    if name is None:
        problems.append(f"{where}: the name is missing, or longer than {MAX_NAME} characters.")
    asked = _asked(table.get("asked"), where, problems)
    items = _items(table.get("item"), where, problems)
    if code is None or name is None or asked is None or items is None:
        return None
    return Measure(code=code, name=name, asked=asked, items=items)


def _asked(value: object, where: str, problems: list[str]) -> tuple[AskedWhen, ...] | None:
    if not isinstance(value, list) or not value:
        problems.append(f"{where}: “asked” must list when it is asked, from {_ASKED}.")
        return None
    found: list[AskedWhen] = []
    for entry in value:
        try:
            when = AskedWhen(entry)
        except ValueError:
            problems.append(f"{where}: “asked” has “{entry}”, which is not one of {_ASKED}.")
            continue
        if when in found:
            problems.append(f"{where}: “asked” has “{when.value}” twice.")
        else:
            found.append(when)
    return tuple(found) if len(found) == len(value) else None


def _items(value: object, where: str, problems: list[str]) -> tuple[MeasureItem, ...] | None:
    if not isinstance(value, list) or not value:
        problems.append(f"{where} has no items: each question starts with a [[measure.item]] heading.")
        return None
    items: list[MeasureItem] = []
    codes: set[str] = set()
    before = len(problems)
    for number, table in enumerate(value, start=1):
        item = _item(f"{where}, item {number}", table, problems)
        if item is None:
            continue
        if item.code in codes:
            problems.append(
                f"{where}, item {number}: the code “{item.code}” is used by another item of this measure."
            )
        codes.add(item.code)
        items.append(item)
    return tuple(items) if len(problems) == before else None


def _item(where: str, table: object, problems: list[str]) -> MeasureItem | None:
    if not isinstance(table, dict):
        problems.append(f"{where} is not a table: write it under a [[measure.item]] heading.")
        return None
    before = len(problems)
    code = _code(table.get("code"), where, problems)
    if code is not None:
        where = f"{where} (“{code}”)"
    _unknown(table, _ITEM_KEYS, where, problems)
    question = _words(table.get("question"), MAX_QUESTION)
    if question is None:
        problems.append(f"{where}: the question is missing, or longer than {MAX_QUESTION} characters.")
    try:
        kind = ItemKind(str(table.get("kind")))
    except ValueError:
        problems.append(f"{where}: the kind must be one of {_KINDS}.")
        return None
    low, high = _range(kind, table, where, problems)
    ends: dict[str, str | None] = {}
    for key in ("low_words", "high_words"):
        if key not in table:
            ends[key] = None
        elif kind is not ItemKind.SCALE:
            problems.append(f"{where}: only a scale has “{key}”.")
        elif (words := _words(table[key], MAX_END_WORDS)) is None:
            problems.append(f"{where}: “{key}” must be a few words ({MAX_END_WORDS} characters at most).")
        else:
            ends[key] = words
    if len(problems) != before or code is None or question is None:
        return None
    return MeasureItem(code, question, kind, low, high, ends["low_words"], ends["high_words"])


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _range(kind: ItemKind, table: dict[str, Any], where: str, problems: list[str]) -> tuple[int, int]:
    """The item's lowest and highest answer (yes/no: 0 and 1)."""
    if kind is ItemKind.YES_NO:
        if "low" in table or "high" in table:
            problems.append(f"{where}: a yes/no item has no “low” or “high”; take them out.")
        return 0, 1
    low = table.get("low", 0 if kind is ItemKind.COUNT else None)
    high = table.get("high")
    if not _whole(low) or not _whole(high):
        needed = "“high”" if kind is ItemKind.COUNT else "“low” and “high”"
        problems.append(f"{where}: a {kind.value} needs {needed} as whole numbers.")
        return 0, 1
    assert isinstance(low, int)
    assert isinstance(high, int)
    if kind is ItemKind.COUNT and low < 0:
        problems.append(f"{where}: a count cannot go below 0.")
    if low >= high:
        problems.append(f"{where}: “low” ({low}) must be less than “high” ({high}).")
    return low, high
