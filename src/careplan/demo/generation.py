"""Filling a new database with demo data."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from careplan.demo.builder import Builder
from careplan.demo.certificate import keep_demo_passphrase
from careplan.demo.summary import DemoSummary, ProgressCallback
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.records import AuditHead, Person, Setting, StaffMember
from careplan.services.demo_marker import DEMO_SETTING
from careplan.storage.bulk_rows import use_large_page_cache
from careplan.storage.database import Database

NOT_A_NEW_DATABASE = (
    "This database is already in use, so no demo data was added: demo data goes only into a new "
    "database (choose a new file with --database)."
)


def _never_used(session: Session) -> bool:
    """Nothing in it but what setting up the schema puts there: no staff, no people, no events."""
    return not (
        session.scalar(select(AuditHead.last_seq).where(AuditHead.id == 1))
        or session.scalar(select(func.count()).select_from(StaffMember))
        or session.scalar(select(func.count()).select_from(Person))
    )


def generate(
    db: Database,
    *,
    people: int = 200,
    seed: int = 1,
    progress: ProgressCallback | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Fill a new, empty database with synthetic demo data, and a demo signing certificate.

    The same ``seed`` and ``today`` always give exactly the same data (the certificate's key is new
    each time). ``progress(done, total)`` is called as people are made. A database anybody has used
    is refused (nothing is added to it): one with staff, people or any audit event, whether it holds
    real records or demo data. The demo's known accounts must never appear in a database with real
    records. The certificate's public passphrase goes into this computer's keyring when it has one
    (``signing_passphrase_in_keyring``), so that the demo signs without asking.
    """
    if people < 0:
        raise InvalidInput("The number of people cannot be less than zero.", "people")
    day = today or date.today()
    with db.session() as session, session.begin():
        # Take the audit chain's lock first, like every write, so nobody else writes meanwhile.
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq))
        if not _never_used(session):
            raise InvalidTransition(NOT_A_NEW_DATABASE)
        use_large_page_cache(session)  # the caller disposes of the database after
        builder = Builder(session, random.Random(seed), day, people)
        summary = builder.run(progress)
        session.add(
            Setting(key=DEMO_SETTING, value={"seed": seed, "people": people, "made_on": day.isoformat()})
        )
    if builder.signing_fingerprint is None:
        return summary
    kept = keep_demo_passphrase(builder.signing_fingerprint)  # after the commit: the key is stored
    return dataclasses.replace(summary, signing_passphrase_in_keyring=kept)
