"""Outcome measures as data: what is asked at a review, of what kind, and when.

A measure is a named set of items. Each item has a kind: a *scale* (whole numbers from ``low`` to
``high``, with words for each end), a *count* (how many, from ``low`` to ``high``: "days in the
last 28") or *yes/no* (kept as 1 for yes, 0 for no). A measure says when it is asked: at the
start, at every review, every 3 months, at the end (exit).

Careplan's own measure, always there, is the life-area scale (:func:`life_area_measure`): each of
the service's life areas, 1 to 10, in the person's eyes. A service can load more from a file
(:mod:`careplan.services.measure_file`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ItemKind(StrEnum):
    SCALE = "scale"
    COUNT = "count"
    YES_NO = "yes_no"


class AskedWhen(StrEnum):
    START = "start"
    EVERY_REVIEW = "every_review"
    EVERY_3_MONTHS = "every_3_months"
    EXIT = "exit"


ASKED_WORDS: dict[AskedWhen, str] = {
    AskedWhen.START: "at the start",
    AskedWhen.EVERY_REVIEW: "at every review",
    AskedWhen.EVERY_3_MONTHS: "every 3 months",
    AskedWhen.EXIT: "at the end",
}

LIFE_AREAS = "life_areas"
"""The code of Careplan's own life-area measure (its items are the life areas' codes)."""


@dataclass(frozen=True)
class MeasureItem:
    code: str
    question: str
    kind: ItemKind
    low: int = 0
    high: int = 1
    low_words: str | None = None
    high_words: str | None = None

    def problem(self, value: object) -> str | None:
        """Why ``value`` cannot be this item's answer, in a sentence (None: it can)."""
        if isinstance(value, bool) or not isinstance(value, int):
            return f"The answer to “{self.question}” must be a whole number."
        if self.kind is ItemKind.YES_NO and value not in (0, 1):
            return f"The answer to “{self.question}” is yes or no."
        if not self.low <= value <= self.high:
            return f"The answer to “{self.question}” goes from {self.low} to {self.high}."
        return None

    def words(self, value: int) -> str:
        """The answer as it is shown: "yes", "no", or the number."""
        if self.kind is ItemKind.YES_NO:
            return "yes" if value == 1 else "no"
        return str(value)


@dataclass(frozen=True)
class Measure:
    code: str
    name: str
    asked: tuple[AskedWhen, ...]
    items: tuple[MeasureItem, ...]
    built_in: bool = False

    def item(self, code: str) -> MeasureItem | None:
        return next((item for item in self.items if item.code == code), None)

    def asked_at(self, on: date, *, first: bool, last_asked: date | None) -> bool:
        """Whether a review on ``on`` asks this measure: at every review; at the plan's first
        (``first``) if asked at the start; if asked every 3 months, when it has not been asked
        for 3 months (``last_asked``: the last review that scored it). At the end (exit) is for
        the review that closes the plan, which nobody books."""
        if AskedWhen.EVERY_REVIEW in self.asked or (first and AskedWhen.START in self.asked):
            return True
        if AskedWhen.EVERY_3_MONTHS not in self.asked:
            return False
        return last_asked is None or (on.year - last_asked.year) * 12 + on.month - last_asked.month >= 3

    def asked_words(self) -> str:
        """ "at the start, every 3 months and at the end"."""
        words = [ASKED_WORDS[when] for when in self.asked]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def life_area_measure(areas: Iterable[tuple[str, str]]) -> Measure:
    """Careplan's own scale: for each life area (code, name), how things are, 1 to 10."""
    return Measure(
        code=LIFE_AREAS,
        name="How things are in my life",
        asked=(AskedWhen.EVERY_REVIEW,),
        items=tuple(
            MeasureItem(
                code=code,
                question=name,
                kind=ItemKind.SCALE,
                low=1,
                high=10,
                low_words="really hard right now",
                high_words="going really well",
            )
            for code, name in areas
        ),
        built_in=True,
    )
