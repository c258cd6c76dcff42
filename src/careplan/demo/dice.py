"""The dice: every random choice the demo makes, from one seeded ``random.Random``.

Drawn in a fixed order, so the same seed and the same ``today`` always give the same database.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import TypeVar

T = TypeVar("T")


class Dice:
    """Choices from one seeded random number generator (``r``, for what the helpers do not cover)."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def key(self) -> str:
        """A new record key (32 hex digits), as the use cases' keys look."""
        return f"{self.r.getrandbits(128):032x}"

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def pick(self, items: Sequence[T]) -> T:
        return items[int(self.r.random() * len(items))]

    def whole(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        return low + int(self.r.random() * (high - low + 1))

    def weighted(self, items: Sequence[T], weights: Sequence[int]) -> T:
        x = self.r.random() * sum(weights)
        for item, weight in zip(items, weights, strict=True):
            x -= weight
            if x < 0:
                return item
        return items[-1]

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.whole(low, high))
