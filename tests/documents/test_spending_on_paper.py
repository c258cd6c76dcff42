"""Spending to date on a printed agreement (full and easy-read), a dated part after what was
signed that never changes the plan's fingerprint, and on "My progress" once the plan is approved;
read back with poppler's pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from careplan.documents.render import render_agreement
from careplan.documents.render_progress import render_progress
from careplan.domain.enums import PlanStatus
from careplan.domain.records import Allocation
from careplan.domain.wording.dates import uk_date
from careplan.services.agreement import load_agreement
from careplan.services.progress import progress_of
from careplan.services.spending import SpendingInput, record_spending
from careplan.storage import Database, open_database
from tests.documents import build_print_world
from tests.worlds import utc_today


def pdf_words(data: bytes, tmp_path: Path, name: str) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler-utils is not installed (pdftotext missing)")
    path = tmp_path / name
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    opened = open_database(tmp_path / "careplan.db")
    yield opened
    opened.dispose()


def test_spending_to_date_is_printed_and_the_fingerprint_stays_the_signed_one(
    db: Database, tmp_path: Path
) -> None:
    world = build_print_world(db)
    before = load_agreement(db, world.team.manager, world.version_id)
    assert before.spending is not None
    assert before.spending.used_pence == 0
    with db.session() as session:
        chosen = session.query(Allocation).filter_by(version_id=world.version_id)
        first = chosen.order_by(Allocation.id).first()
        assert first is not None
        first_id, first_name, first_total = first.id, first.description, first.total_pence
    record_spending(
        db,
        world.team.key_worker,
        world.plan_id,
        SpendingInput(first_id, Decimal("7.25"), utc_today(), "Northside Gym"),
    )
    after = load_agreement(db, world.team.manager, world.version_id)
    assert (after.sha256, after.document_id) == (before.sha256, before.document_id)
    assert after.spending is not None
    assert after.spending.used_pence == 725

    full = pdf_words(render_agreement(after, invariant=True), tmp_path, "full.pdf")
    assert f"Spending to date (printed on {uk_date(utc_today())})" in full
    assert "not part of what was signed" in full
    assert "£7.25" in full
    assert full.index("Spending to date") > full.index("Approval")

    easy = pdf_words(render_agreement(after, easy_read=True, invariant=True), tmp_path, "easy.pdf")
    assert "What I have used so far" in easy
    assert "It is not part of what we signed." in easy
    left = (first_total - 725) / 100
    assert f"{first_name}: I have used £7.25 of £{first_total / 100:,.2f}." in easy
    assert f"£{left:,.2f} is left." in easy


def test_my_progress_shows_spending_once_approved_and_not_for_a_draft(db: Database, tmp_path: Path) -> None:
    world = build_print_world(db)
    facts = progress_of(db, world.team.key_worker, world.plan_id)
    assert facts.spending is not None
    sheet = pdf_words(render_progress(facts, invariant=True), tmp_path, "progress.pdf")
    assert "What I have used so far" in sheet
    assert f"Printed on {uk_date(utc_today())}." in sheet
    assert "Altogether I have used £0.00 of" in sheet
    assert "not part of what we signed" not in sheet  # nothing is signed on this sheet

    other = open_database(tmp_path / "other.db")
    try:
        draft = build_print_world(other, stage=PlanStatus.DRAFT)
        early = progress_of(other, draft.team.key_worker, draft.plan_id)
    finally:
        other.dispose()
    assert early.spending is None
    sheet = pdf_words(render_progress(early, invariant=True), tmp_path, "draft.pdf")
    assert "What I have used so far" not in sheet
