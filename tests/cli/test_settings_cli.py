"""``careplan settings service-name``: shows the name printed on agreements; an administrator
changes it (a key worker is refused, an empty name is refused, and neither changes it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careplan.cli.main import main
from careplan.services import configuration
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.storage.opener import open_database
from tests.cli.sign_in import TEAM_PASSWORD, give_everyone_a_password
from tests.worlds import make_team


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


def _name(path: Path) -> str:
    db = open_database(path)
    try:
        return configuration.service_name(db)
    finally:
        db.dispose()


def test_the_service_name_is_shown_and_an_administrator_changes_it(
    database: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CAREPLAN_PASSWORD", TEAM_PASSWORD)
    assert main(["--database", str(database), "settings", "service-name"]) == 0
    assert capsys.readouterr().out.strip() == DEFAULT_SERVICE_NAME

    assert main(["--database", str(database), "--user", "sam", "settings", "service-name", "Elsewhere"]) == 4
    assert "cannot" in capsys.readouterr().err
    assert main(["--database", str(database), "--user", "ada", "settings", "service-name", "  "]) == 2
    assert "Please type the name of the service" in capsys.readouterr().err
    assert _name(database) == DEFAULT_SERVICE_NAME

    given = ["--database", str(database), "--user", "ada", "settings", "service-name", "Riverside  service"]
    assert main(given) == 0
    assert "Riverside service" in capsys.readouterr().out
    assert _name(database) == "Riverside service"
    assert main(["--database", str(database), "settings", "service-name"]) == 0
    assert capsys.readouterr().out.strip() == "Riverside service"
