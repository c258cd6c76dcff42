"""0008: staying-safe plans. A database from before it (0007) is brought up to date with its plans
as they were: what was signed still matches, and a new version can have a staying-safe plan."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus, SafetyPart
from careplan.domain.records import PlanVersion
from careplan.services import plans, staying_safe
from careplan.services.canonical import matches_what_was_signed
from careplan.services.staying_safe_view import load_staying_safe
from careplan.storage.database import Database
from careplan.storage.migrate import alembic_config, current_revision, head_revision
from tests.storage.test_database import schema_diff
from tests.worlds import build_world


def test_a_database_from_before_staying_safe_plans_is_brought_up_to_date(db: Database) -> None:
    world = build_world(db, stage=PlanStatus.ACTIVE)
    config = alembic_config(db)
    command.downgrade(config, "0007")
    db.engine.dispose()
    tables = set(inspect(db.engine).get_table_names())
    assert not tables & {"staying_safe", "safety_contacts"}

    command.upgrade(config, "head")
    db.engine.dispose()
    assert current_revision(db) == head_revision() == "0008"
    assert schema_diff(db) == []
    with db.session() as session:
        version = session.get(PlanVersion, world.version_id)
        assert version is not None
        assert version.staying_safe is None
        assert version.safety_contacts == []
        assert matches_what_was_signed(version)  # signed before 0008: still the same plan
    assert load_staying_safe(db, world.team.key_worker, world.version_id).empty

    new_id = plans.revise_plan(db, world.team.key_worker, world.version_id)
    staying_safe.write_part(db, world.team.key_worker, new_id, SafetyPart.WHAT_HELPS, "My dog", PERSON)
    found = load_staying_safe(db, world.team.key_worker, new_id).what_helps
    assert found is not None
    assert found.body == "My dog"
