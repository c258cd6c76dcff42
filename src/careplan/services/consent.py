"""What a person has agreed to share, with whom, and when it was given or withdrawn."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import Consent, Person, StaffMember
from careplan.domain.text import one_line
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database


def record_consent(
    db: Database, actor: Actor, person_id: int, what: str, with_whom: str, given_on: date
) -> int:
    what_clean = one_line(what, "what the person agrees to share", "what")
    whom_clean = one_line(with_whom, "who it may be shared with", "with_whom")
    if not what_clean:
        raise InvalidInput("Please say what the person agrees to share.", "what")
    if not whom_clean:
        raise InvalidInput("Please say who it may be shared with.", "with_whom")
    with unit_of_work(db, actor, Action.RECORD_CONSENT) as work:
        if given_on > work.now.date():
            raise InvalidInput(
                "The person cannot agree on a day that has not come yet. Please check the date.", "given_on"
            )
        person = work.get(Person, person_id, "person")
        consent = Consent(
            person=person,
            what=what_clean[:200],
            with_whom=whom_clean[:200],
            given_on=given_on,
            recorded_by_id=work.staff.id,
        )
        work.session.add(consent)
        work.session.flush()
        work.audit("give", "consent", consent, ("what", "with_whom", "given_on"))
        return consent.id


def withdraw_consent(db: Database, actor: Actor, consent_id: int, withdrawn_on: date) -> None:
    with unit_of_work(db, actor, Action.RECORD_CONSENT) as work:
        consent = work.get(Consent, consent_id, "consent")
        if consent.withdrawn_on is not None:
            raise InvalidTransition("This consent was already withdrawn.")
        if withdrawn_on > work.now.date():
            raise InvalidInput(
                "Sharing cannot stop on a day that has not come yet. Please check the date.", "withdrawn_on"
            )
        if withdrawn_on < consent.given_on:
            raise InvalidInput("Consent cannot be withdrawn before it was given.", "withdrawn_on")
        consent.withdrawn_on = withdrawn_on
        work.audit("withdraw", "consent", consent, ("withdrawn_on",))


@dataclass(frozen=True)
class ConsentView:
    """One thing the person agreed to share, with whom, from when, and (if so) until when."""

    id: int
    what: str
    with_whom: str
    given_on: date
    withdrawn_on: date | None
    recorded_by: str

    @property
    def current(self) -> bool:
        return self.withdrawn_on is None


def consents_for(db: Database, actor: Actor, person_id: int) -> list[ConsentView]:
    """Everything the person agreed to share: consents still given first, newest first in each."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        work.get(Person, person_id, "person")
        work.require_record(person_id)
        rows = work.session.execute(
            select(Consent, StaffMember.display_name)
            .outerjoin(StaffMember, StaffMember.id == Consent.recorded_by_id)
            .where(Consent.person_id == person_id)
        ).all()
        views = [
            ConsentView(c.id, c.what, c.with_whom, c.given_on, c.withdrawn_on, name or "") for c, name in rows
        ]
    return sorted(views, key=lambda v: (not v.current, -v.given_on.toordinal(), -v.id))
