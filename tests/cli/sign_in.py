"""Signing in from the command line in tests: give a test team a known password."""

from __future__ import annotations

from functools import cache

from sqlalchemy import update

from careplan.domain.records import StaffMember
from careplan.storage.database import Database

TEAM_PASSWORD = "team password 1"
# Signed in as Priya (the builders' manager), the way scripts sign in.
AS_PRIYA = {"CAREPLAN_USER": "priya", "CAREPLAN_PASSWORD": TEAM_PASSWORD}


@cache
def _team_hash() -> str:
    from careplan.services.authentication import hash_password

    return hash_password(TEAM_PASSWORD)


def give_everyone_a_password(db: Database) -> None:
    """Every member of staff gets TEAM_PASSWORD (one hash, written straight in)."""
    with db.session() as session, session.begin():
        session.execute(update(StaffMember).values(password_hash=_team_hash(), must_change_password=False))
