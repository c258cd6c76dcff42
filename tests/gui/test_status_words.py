"""One word for one thing: a plan's status reads the same in the people list, on the plan page, in
the history, in `careplan plans` and in what checking a printed agreement says."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from careplan.documents import SUBJECT, keywords
from careplan.documents.verify import _plan_answer
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.wording.statuses import PLAN_STATUS_WORDS, plan_status_words, sentence
from careplan.gui.people.model import PeopleModel
from careplan.gui.widgets.voice import VoiceSwitch
from careplan.gui.workspace.plan_page import PlanPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import workspace
from careplan.services.history import describe_version
from careplan.services.queries import list_plans
from careplan.services.signed_in import SignedInStaff
from careplan.services.verification import find_plan_version_by_sha256
from careplan.storage.database import Database
from tests.worlds import build_world, version_sha256


def test_every_status_has_its_own_words() -> None:
    assert set(PLAN_STATUS_WORDS) == set(PlanStatus)
    assert len(set(PLAN_STATUS_WORDS.values())) == len(PlanStatus)


@pytest.mark.parametrize("stage", [PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE])
def test_a_status_reads_the_same_everywhere(qtbot: QtBot, sqlite_db: Database, stage: PlanStatus) -> None:
    world = build_world(sqlite_db, stage=stage)
    sam = world.team.key_worker
    words = plan_status_words(stage)
    context = SignedInStaff(sqlite_db, sam, "Sam Keyworker", Role.KEY_WORKER)

    people = PeopleModel(context)
    (row,) = [n for n in range(people.rowCount()) if people.person_id(n) == world.person_id]
    in_list = people.index(row, 2).data()

    voice = VoiceSwitch("Sam Keyworker", Role.KEY_WORKER.label)
    place = PersonWorkspace(context, voice, (ABOUT_ME,))
    qtbot.addWidget(place)
    qtbot.addWidget(voice)
    page = PlanPage(context, voice, place)
    place.add_page(page)
    place.tabs.setCurrentWidget(page)
    place.open_person(world.person_id)
    on_plan_page = page.view.version_label.text()

    in_history = describe_version(workspace.load_version(sqlite_db, sam, world.version_id))
    (listed,) = [row for row in list_plans(sqlite_db, sam) if row.version_id == world.version_id]
    in_cli_table = listed.as_cells()[3]  # `careplan plans`

    sha256 = version_sha256(sqlite_db, world.version_id)
    match = find_plan_version_by_sha256(sqlite_db, sha256)
    assert match is not None
    # The line `careplan agreement verify` and the app's check print for the plan (the PDF's
    # signature is checked elsewhere: this is the part that names the status).
    found, checked, _, _ = _plan_answer(
        SUBJECT,
        keywords("doc-1", match.plan_key, match.version_number, sha256),
        lambda wanted: find_plan_version_by_sha256(sqlite_db, wanted),
    )

    assert in_list == sentence(words)
    assert on_plan_page == f"Version 1 – {words}"
    assert in_history.startswith(f"Version 1 – {words}, started ")
    assert in_cli_table == words
    assert found
    assert f"Matches version 1 of plan {world.plan_id} in the record ({words};" in checked
