"""The name of the service printed on agreements: set by an administrator, checked, read back."""

from __future__ import annotations

import pytest

from careplan.domain.errors import InvalidInput, PermissionDenied
from careplan.services import configuration
from careplan.services.agreement import DEFAULT_SERVICE_NAME
from careplan.storage.database import Database
from tests.refusals import refused
from tests.worlds import make_team


def test_an_administrator_names_the_service_and_it_is_read_back(db: Database) -> None:
    team = make_team(db)
    assert configuration.service_name(db) == DEFAULT_SERVICE_NAME
    kept = configuration.set_service_name(db, team.administrator, "  Riverside   recovery service ")
    assert kept == "Riverside recovery service"
    assert configuration.service_name(db) == "Riverside recovery service"
    configuration.set_service_name(db, team.administrator, "Hillside drug and alcohol service")
    assert configuration.service_name(db) == "Hillside drug and alcohol service"


@pytest.mark.parametrize(
    ("name", "phrase"),
    [("", "Please type the name"), ("   ", "Please type the name"), ("x" * 121, "too long")],
)
def test_an_empty_or_overlong_name_is_refused_and_nothing_changes(
    db: Database, name: str, phrase: str
) -> None:
    team = make_team(db)
    configuration.set_service_name(db, team.administrator, "Riverside recovery service")
    with refused(db, InvalidInput, phrase):
        configuration.set_service_name(db, team.administrator, name)
    assert configuration.service_name(db) == "Riverside recovery service"


def test_a_name_of_120_characters_is_kept(db: Database) -> None:
    team = make_team(db)
    configuration.set_service_name(db, team.administrator, "y" * 120)
    assert configuration.service_name(db) == "y" * 120


def test_a_key_worker_cannot_rename_the_service(db: Database) -> None:
    team = make_team(db)
    with pytest.raises(PermissionDenied):
        configuration.set_service_name(db, team.key_worker, "Somewhere else")
    assert configuration.service_name(db) == DEFAULT_SERVICE_NAME
