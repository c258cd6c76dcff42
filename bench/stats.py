"""Figures: samples, a baseline measured in the same run, the ratio, and the targets."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any


def summary(samples: list[float]) -> dict[str, float | int]:
    """Median and spread (5th and 95th percentiles, min, max) of some samples."""
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    if len(ordered) == 1:
        p5 = p95 = ordered[0]
    else:
        cuts = statistics.quantiles(ordered, n=20, method="inclusive")
        p5, p95 = cuts[0], cuts[18]
    return {
        "median": statistics.median(ordered),
        "p5": p5,
        "p95": p95,
        "min": ordered[0],
        "max": ordered[-1],
        "n": len(ordered),
    }


@dataclass
class Target:
    what: str  # "p95 <= 30 ms", "ratio <= 3x"
    met: bool

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "met": self.met}


@dataclass
class Figure:
    key: str
    title: str
    unit: str
    samples: list[float]
    baseline_title: str
    baseline_samples: list[float] | None  # None: the baseline could not be measured here
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def value(self) -> dict[str, float | int]:
        return summary(self.samples)

    @property
    def baseline(self) -> dict[str, float | int] | None:
        return summary(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline
        if base is None or not base["median"]:
            return None
        return float(self.value["median"]) / float(base["median"])

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "title": self.title,
            "unit": self.unit,
            "value": self.value,
            "baseline": {
                "what": self.baseline_title,
                "available": self.baseline is not None,
                **(self.baseline or {}),
            },
            "ratio": self.ratio,
            "targets": [t.to_json() for t in self.targets],
            "notes": self.notes,
        }


def at_most(figure: Figure, statistic: str, limit: float, label: str | None = None) -> Target:
    value = float(figure.value[statistic])
    return Target(label or f"{statistic} <= {limit:g} {figure.unit}", value <= limit)


def ratio_at_most(figure: Figure, limit: float) -> Target:
    ratio = figure.ratio
    return Target(f"ratio <= {limit:g}x", ratio is not None and ratio <= limit)


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table."""
    head = ("figure", "median", "p5..p95", "min..max", "n", "baseline median", "ratio", "target")
    rows: list[tuple[str, ...]] = []
    for f in figures:
        v = f.value
        b = f.baseline
        rows.append(
            (
                f.title,
                f"{_num(v['median'])} {f.unit}",
                f"{_num(v['p5'])}..{_num(v['p95'])}",
                f"{_num(v['min'])}..{_num(v['max'])}",
                str(v["n"]),
                f"{_num(b['median'])} {f.unit}" if b else "not available",
                f"{f.ratio:.2f}x" if f.ratio is not None else "-",
                "; ".join(f"{t.what}: {'pass' if t.met else 'MISS'}" for t in f.targets) or "-",
            )
        )
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    baselines = [f"  {f.title}: baseline = {f.baseline_title}" for f in figures]
    notes = [f"  {f.title}: {n}" for f in figures for n in f.notes]
    return "\n".join([*lines, "", "Baselines:", *baselines, *(["", "Notes:", *notes] if notes else [])])


def _num(x: float | int) -> str:
    if isinstance(x, int) or (float(x).is_integer() and abs(x) >= 100):
        return f"{int(x):,}"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"
