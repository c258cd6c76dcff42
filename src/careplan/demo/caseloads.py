"""Caseloads: a key worker for each person, 40 to 60 people each when there are enough people."""

from __future__ import annotations

from careplan.demo.dice import Dice
from careplan.demo.stand_ins import Staff
from careplan.demo.team import Team


def assign_caseloads(dice: Dice, team: Team, total: int, personas: int) -> list[Staff]:
    """The key worker of each of ``total`` people, in the order they are made: Sam has the first
    ``personas`` (and 52 people in all, when there are enough)."""
    workers = team.key_workers
    sam = team.sam
    persona = min(personas, total)
    if total >= 40 * len(workers):
        sizes = [min(52, total)] + [dice.whole(40, 60) for _ in workers[1:]]
        difference = total - sum(sizes)
        for _ in range(abs(difference) * 4 + 100):
            if difference == 0:
                break
            index = dice.whole(1, len(workers) - 1) if len(workers) > 1 else 0
            if difference > 0 and sizes[index] < 60:
                sizes[index] += 1
                difference -= 1
            elif difference < 0 and sizes[index] > 40:
                sizes[index] -= 1
                difference += 1
        if difference:
            sizes[-1] += difference
        pool = [w for w, n in zip(workers, sizes, strict=True) for _ in range(n)]
        for _ in range(persona):
            pool.remove(sam)
    else:
        pool = [workers[(i + 1) % len(workers)] for i in range(total - persona)]
    dice.r.shuffle(pool)
    return [sam] * persona + pool
