"""``careplan catalogue import`` and ``export``, run as a manager would: in a subprocess."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from careplan.storage.opener import open_database
from tests.cli.sign_in import AS_PRIYA, give_everyone_a_password
from tests.cli.test_cli import assert_plain_failure, run
from tests.worlds import make_team

SHEET = (
    "Provider,Service,Category,Unit,Price\r\n"
    "Harbour Gym,Gym pass,sport,week,£6.50\r\n"
    "Open Door Arts,Pottery,creative,course,120\r\n"
)


def catalogue(
    database: Path, tmp_path: Path, *args: str, env: dict[str, str] | None = AS_PRIYA
) -> subprocess.CompletedProcess[str]:
    return run("--database", str(database), "catalogue", *args, data_dir=tmp_path, env=env)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "careplan.db"
    db = open_database(path)
    try:
        make_team(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    return path


def test_a_catalogue_goes_in_and_comes_out_again(tmp_path: Path, database: Path) -> None:
    sheet = tmp_path / "services.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    checked = catalogue(database, tmp_path, "import", str(sheet), "--check", env=None)
    assert checked.returncode == 0, checked.stderr
    assert "ready to load: 2 services from 2 providers" in checked.stdout

    loaded = catalogue(database, tmp_path, "import", str(sheet))
    assert loaded.returncode == 0, loaded.stderr
    assert "2 services added, 0 changed" in loaded.stdout

    out = tmp_path / "out.csv"
    exported = catalogue(database, tmp_path, "export", str(out))
    assert exported.returncode == 0, exported.stderr
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1:] == [
        "Harbour Gym,Gym pass,sport,,week,6.50,no,,,",
        "Open Door Arts,Pottery,creative,,course,120.00,no,,,",
    ]
    again = catalogue(database, tmp_path, "import", str(out))
    assert "0 services added, 0 changed, 2 already up to date" in again.stdout

    to_stdout = catalogue(database, tmp_path, "export", "-")
    assert to_stdout.stdout.lstrip("\ufeff") == text


def test_a_broken_sheet_lists_its_problems_and_saves_nothing(tmp_path: Path, database: Path) -> None:
    sheet = tmp_path / "services.csv"
    sheet.write_text(SHEET + "Harbour Gym,Swim,sport,fortnight,3\r\nHarbour Gym,Sauna,sport,hour,lots\r\n")
    result = catalogue(database, tmp_path, "import", str(sheet))
    assert result.returncode == 2
    assert "2 lines need changing first. Nothing was saved." in result.stderr
    assert "Line 4: “fortnight” is not a unit" in result.stderr
    assert "Line 5: “lots” is not an amount of money" in result.stderr
    assert "Traceback" not in result.stderr
    out = tmp_path / "out.csv"
    catalogue(database, tmp_path, "export", str(out))
    assert out.read_text(encoding="utf-8-sig").count("\n") == 1  # the headings only


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda folder: folder / "missing.csv", "There is no file"),
        (lambda folder: folder, "is a folder"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_plain_error(
    tmp_path: Path, database: Path, make: Callable[[Path], Path], phrase: str
) -> None:
    target = make(tmp_path)
    result = catalogue(database, tmp_path, "import", str(target))
    assert_plain_failure(result, 2, phrase)


def test_a_key_worker_may_not_load_the_catalogue(tmp_path: Path, database: Path) -> None:
    sheet = tmp_path / "services.csv"
    sheet.write_text(SHEET)
    as_sam = {**AS_PRIYA, "CAREPLAN_USER": "sam"}
    result = run(
        "--database", str(database), "catalogue", "import", str(sheet), data_dir=tmp_path, env=as_sam
    )
    assert_plain_failure(result, 4, "")


def test_export_into_a_missing_folder_is_a_plain_error(tmp_path: Path, database: Path) -> None:
    target = tmp_path / "no such folder" / "out.csv"
    result = catalogue(database, tmp_path, "export", str(target))
    assert_plain_failure(result, 2, "There is no folder")
