"""``careplan progress PERSON_REF --out FILE.pdf`` through the real entry point: Dee's sheet with
her words and scores; refusals in one sentence with their exit codes, writing nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import ReviewTopic
from careplan.domain.measures import LIFE_AREAS
from careplan.services import workspace
from careplan.services.reviews_holding import give_scores, hold_review, write_review_note
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.documents.test_render import _poppler, flat, pdf_text
from tests.services.review_worlds import approved_world, booked

WORDS = "Having my own key to the flat"

__all__ = ["_poppler"]  # poppler-utils present, as for the agreements


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Dee's approved plan with one review held: her scores and Sam's, and her words."""
    path = tmp_path_factory.mktemp("progress") / "careplan.db"
    db = open_database(path)
    try:
        world = approved_world(db)
        kw = world.team.key_worker
        first = booked(world)[0]
        hold_review(db, kw, first)
        give_scores(db, kw, first, LIFE_AREAS, {"housing": 7}, PERSON)
        give_scores(db, kw, first, LIFE_AREAS, {"housing": 5}, STAFF)
        write_review_note(db, kw, first, ReviewTopic.WORKING, PERSON, WORDS)
        give_everyone_a_password(db)
        reference = workspace.load_person(db, world.team.manager, world.person_id).reference
    finally:
        db.dispose()
    return path, reference


@pytest.fixture
def here(built: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    monkeypatch.delenv("CAREPLAN_USER", raising=False)
    path, reference = built
    target = tmp_path / "careplan.db"
    shutil.copyfile(path, target)
    shutil.copyfile(f"{path}.key", f"{target}.key")
    return target, reference


def progress(database: Path, user: str, *args: str) -> int:
    return main(["--database", str(database), "--user", user, "progress", *args])


def one_sentence(err: str) -> str:
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    return lines[0]


def test_dee_s_sheet_is_written(
    here: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, reference = here
    out = tmp_path / "my-progress.pdf"
    assert progress(database, "sam", reference, "--out", str(out)) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"My progress for {reference} (plan ")
    assert "scores from 1 review" in said
    assert out.stat().st_mode & 0o077 == 0  # readable by its owner only
    text = flat(pdf_text(out))
    assert "This is my copy." in text
    assert WORDS in text


@pytest.mark.parametrize(
    ("user", "reference", "code", "phrase"),
    [
        ("priya", "CP-NOBODY", 5, "Nobody has the reference"),
        ("ada", None, 4, ""),
    ],
)
def test_refusals_write_nothing(
    here: tuple[Path, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    user: str,
    reference: str | None,
    code: int,
    phrase: str,
) -> None:
    database, dee = here
    out = tmp_path / "sheet.pdf"
    assert progress(database, user, reference or dee, "--out", str(out)) == code
    assert phrase in one_sentence(capsys.readouterr().err)
    assert not out.exists()


def test_never_over_the_database(here: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    database, reference = here
    before = database.read_bytes()
    assert progress(database, "sam", reference, "--out", str(database)) == 2
    assert "is the Careplan database" in one_sentence(capsys.readouterr().err)
    assert database.read_bytes() == before
