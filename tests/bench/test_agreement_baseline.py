"""The agreement benchmark compares like with like: its ReportLab-only baseline makes the same
document as Careplan (same pages, same words), so the ratio measures Careplan's code only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from bench.agreements import FONTS, page_count

from bench import agreement_baseline
from careplan.documents.render import render_agreement
from careplan.domain.enums import PlanStatus
from careplan.services.agreement import load_agreement
from careplan.services.agreement_contents import Agreement
from careplan.storage.database import Database
from tests.worlds import build_world


def _words(pdf: bytes) -> str:
    import subprocess

    out = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(out.stdout.decode().split())


@pytest.fixture
def agreement(sqlite_db: Database) -> Agreement:
    world = build_world(sqlite_db, stage=PlanStatus.APPROVED)
    found = load_agreement(sqlite_db, world.team.manager, world.version_id)
    goals = [replace(found.goals[n % len(found.goals)], number=n + 1) for n in range(10)]
    return replace(found, goals=tuple(goals), period_start=date(2026, 1, 5), period_end=date(2027, 1, 4))


def test_the_baseline_is_the_same_document(agreement: Agreement, tmp_path: Path) -> None:
    ours = render_agreement(agreement)
    theirs = agreement_baseline.render(agreement, FONTS)
    assert page_count(ours) >= 2
    assert abs(page_count(ours) - page_count(theirs)) <= 1
    ours_words, their_words = _words(ours), _words(theirs)
    for goal in agreement.goals:
        assert goal.wording.text in ours_words
        assert goal.wording.text in their_words
        for step in goal.steps:
            assert step.what.text[:40] in their_words
    for line in agreement.budget.lines:
        assert line.description[:30] in their_words
    for heading in ("Who this plan is for", "About me", "Services and budget", "Signatures", "Checking"):
        assert heading in ours_words
        assert heading in their_words
    assert len(theirs) > len(ours) * 0.5
