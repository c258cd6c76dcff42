"""The staying-safe plan in the printed agreement, full and easy-read: every part as signed, with
whose words each is; a version signed without one says so."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from careplan.documents.render import render_agreement
from careplan.services.agreement import load_agreement
from careplan.services.agreement_contents import Agreement
from careplan.storage import open_database
from tests.documents import (
    SAFE_CONTACTS,
    SAFE_HELPS,
    SAFE_OVERDOSE,
    SAFE_SIGNS,
    SAFE_UNREACHABLE,
    SAFE_WHERE,
    build_print_world,
)


def pdf_words(data: bytes, folder: Path) -> str:
    """The PDF's text, its words joined by single spaces (as the other document tests read it)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("poppler-utils is not installed (pdftotext missing)")
    path = folder / "agreement.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    return " ".join(done.stdout.decode("utf-8").split())


@pytest.fixture(scope="module")
def safe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Agreement]:
    db = open_database(tmp_path_factory.mktemp("safe") / "careplan.db")
    try:
        world = build_print_world(db, goal_count=1, staying_safe_plan=True)
        yield load_agreement(db, world.team.manager, world.version_id)
    finally:
        db.dispose()


def test_the_agreement_carries_it_as_signed(safe: Agreement) -> None:
    plan = safe.staying_safe
    assert plan.warning_signs is not None
    assert plan.warning_signs.label == "Dee's words"
    assert plan.if_unreachable is not None
    assert plan.if_unreachable.label == "Sam Keyworker, key worker"
    assert [(c.name.text, c.phone) for c in plan.contacts] == list(SAFE_CONTACTS)
    assert (plan.overdose_risk, plan.naloxone) == ("some", "held")


def test_the_full_agreement_has_every_part_with_whose_words(safe: Agreement, tmp_path: Path) -> None:
    words = pdf_words(render_agreement(safe, invariant=True), tmp_path)
    assert "Staying safe Dee's plan for staying safe, each part marked with whose words it is." in words
    assert f"Signs that things are getting harder {SAFE_SIGNS} — Dee's words" in words
    assert f"What helps me {SAFE_HELPS} — Dee's words" in words
    assert "Who I can call • 07700 900462 · Jo, my sister — Dee's words" in words
    assert "• 0808 157 0000 · The night helpline — Dee's words" in words
    assert f"If I can't reach the service {SAFE_UNREACHABLE} — Sam Keyworker, key worker" in words
    assert "Overdose risk “I could be at risk of overdose at times” — chosen by Dee" in words
    assert f"{SAFE_OVERDOSE} — Sam Keyworker, key worker" in words
    assert f"Naloxone I have naloxone Kept: {SAFE_WHERE} — Dee's words" in words


def test_the_easy_read_agreement_says_it_in_short_lines(safe: Agreement, tmp_path: Path) -> None:
    words = pdf_words(render_agreement(safe, easy_read=True, invariant=True), tmp_path)
    assert f"Signs that things are getting harder for me: {SAFE_SIGNS} — my words" in words
    assert f"What helps me: {SAFE_HELPS} — my words" in words
    assert "Who I can call: • Jo, my sister: 07700 900462 • The night helpline: 0808 157 0000" in words
    assert f"If I can't reach the service: {SAFE_UNREACHABLE} — Sam Keyworker's words" in words
    assert "Overdose: I could be at risk of overdose at times." in words
    assert f"Naloxone: I have naloxone. I keep it: {SAFE_WHERE} — my words" in words


def test_a_version_signed_without_one_says_so(tmp_path: Path) -> None:
    db = open_database(tmp_path / "careplan.db")
    try:
        world = build_print_world(db, goal_count=1)
        agreement = load_agreement(db, world.team.manager, world.version_id)
    finally:
        db.dispose()
    assert agreement.staying_safe.empty
    full = pdf_words(render_agreement(agreement, invariant=True), tmp_path)
    assert "Staying safe No staying-safe plan was written in this version of the plan." in full
    easy = pdf_words(render_agreement(agreement, easy_read=True, invariant=True), tmp_path)
    assert "Staying safe My plan for staying safe is not written yet." in easy
