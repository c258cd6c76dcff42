"""The "My progress" sheet, rendered from facts built by hand and read back with poppler's tools
(as the agreement's tests read theirs): the person's words, their scores, what they have done,
the next review; marked as their copy; no personal data in its file name or metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from careplan.documents.progress_charts import wheel_areas
from careplan.documents.render_progress import TITLE, render_progress, suggested_file_name
from careplan.services.progress_facts import AreaProgress, ScorePoint
from tests.documents.test_render import _poppler, flat, pdf_info, pdf_text, run
from tests.progress_examples import GOAL_COURSE, GOAL_FLAT, GOAL_GP, LIFE_SCALE, WHAT_IS_WORKING, dee_progress

__all__ = ["_poppler"]  # poppler-utils present (or skipped outside CI), as for the agreements


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / suggested_file_name(dee_progress())
    path.write_bytes(render_progress(dee_progress(), invariant=True))
    return path


def test_it_is_marked_as_the_persons_copy_with_their_words(sheet: Path) -> None:
    words = flat(pdf_text(sheet))
    assert words.startswith("My progress · my copy Dee My progress Dee This is my copy. It is mine to keep.")
    assert f"{WHAT_IS_WORKING} — my words" in words
    assert "My next review is on 23 February 2027." in words
    for page in range(1, int(pdf_info(sheet)["Pages"]) + 1):
        assert "My progress · my copy" in pdf_text(sheet, page)  # every page says whose copy it is


def test_what_they_have_done_is_said_kindly_with_whose_words(sheet: Path) -> None:
    words = flat(pdf_text(sheet))
    assert f"Goals I have done ✓ {GOAL_GP} — Sam Okafor's words Done on 3 March 2026." in words
    assert f"{GOAL_FLAT} — my words Working on it: 2 of 4 steps done." in words
    assert f"{GOAL_COURSE} — my words Working on it." in words
    for unkind in ("not done", "failed", "worse", "only ", "behind", "missed"):
        assert unkind not in words.lower()


def test_their_scores_over_time_are_charted_and_said_in_words(sheet: Path) -> None:
    words = flat(pdf_text(sheet))
    assert (
        "Scores go from 1 to 10. They were given at 4 reviews, from 6 January 2026 to 24 November 2026."
        in words
    )
    assert "Where I live 3 at the start, 7 now." in words
    assert "Money 5 at the start, 4 now." in words  # a score that went down is said just the same
    assert "Dashed line, open dots: at the start (6 Jan 2026)" in words  # the wheel's legend
    assert "Solid line, filled dots: now (24 Nov 2026)" in words
    areas = pdf_text(sheet, 3) + pdf_text(sheet, 4)
    assert areas.count("6 Jan 2026") == areas.count("24 Nov 2026") == 10  # each area's chart, both ends


def test_only_their_scores_are_on_their_copy(sheet: Path) -> None:
    # The worker's scores are on the Reviews page; the sheet shows the person's own.
    words = flat(pdf_text(sheet))
    assert "Drug use 3 at the start, 7 now." in words
    assert "2 at the start, 6 now" not in words.split("Drug use")[-1].split("Alcohol use")[0]


def test_no_personal_data_in_the_file_name_or_the_metadata(sheet: Path) -> None:
    assert sheet.name == "my-progress-2026-12-07.pdf"
    info = pdf_info(sheet)
    assert info["Title"] == TITLE
    assert info["Subject"] == "Careplan progress sheet"
    metadata = " ".join(info.values())
    for personal in ("Dee", "P-000001"):
        assert personal not in metadata


def test_the_fonts_are_embedded(sheet: Path) -> None:
    rows = run("pdffonts", sheet).splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[0].split("+")[-1].startswith("DejaVuSans"), row
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_the_pages_draw(sheet: Path, tmp_path: Path) -> None:
    run("pdftoppm", "-png", "-r", "70", sheet, tmp_path / "page")
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == int(pdf_info(sheet)["Pages"]) == 4
    assert all(page.stat().st_size > 10_000 for page in pages)


def test_with_no_scores_goals_or_review_booked_it_still_says_something_plain(tmp_path: Path) -> None:
    facts = dee_progress(areas=(), goals=(), what_is_working=None, next_review=None)
    path = tmp_path / "empty.pdf"
    path.write_bytes(render_progress(facts, invariant=True))
    words = flat(pdf_text(path))
    assert "I have not given any scores yet." in words
    assert "My plan has no goals written down yet." in words
    assert "My worker will tell me when my next review is." in words
    assert "What is working for me" not in words


def test_an_area_missing_its_first_or_latest_score_stays_off_the_wheel() -> None:
    days = (date(2026, 1, 6), date(2026, 11, 24))
    scored = AreaProgress("housing", "Where I live", LIFE_SCALE, tuple(ScorePoint(d, 5, 5) for d in days))
    once = AreaProgress(
        "money", "Money", LIFE_SCALE, (ScorePoint(days[0], 5, 5), ScorePoint(days[1], None, 6))
    )
    facts = dee_progress(areas=(scored, once))
    assert [area.code for area, _, _ in wheel_areas(facts)] == ["housing"]


def test_the_same_facts_give_the_same_file() -> None:
    assert render_progress(dee_progress(), invariant=True) == render_progress(dee_progress(), invariant=True)
