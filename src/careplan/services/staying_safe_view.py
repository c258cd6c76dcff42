"""A plan version's staying-safe plan as the workspace, the history and the review show it:
plain data, each text with whose words it is. (Printed agreements read it from what was signed:
careplan.services.agreement_reading.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import joinedload, selectinload

from careplan.domain.actor import Actor
from careplan.domain.enums import SafetyPart
from careplan.domain.errors import NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import AuthoredText, PlanVersion, SafetyContact, StayingSafe
from careplan.services.text_views import TextView, text_view
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database

if TYPE_CHECKING:  # the type SQLAlchemy gives its loader options
    from sqlalchemy.orm.strategy_options import _AbstractLoad


@dataclass(frozen=True)
class ContactView:
    id: int
    key: str
    name: TextView  # who they are, in someone's words ("Jo, my sister")
    phone: str


@dataclass(frozen=True)
class StayingSafeView:
    """Every part may be empty (None, no contacts) until it is written."""

    warning_signs: TextView | None = None
    what_helps: TextView | None = None
    if_unreachable: TextView | None = None
    contacts: tuple[ContactView, ...] = ()
    overdose_risk: str | None = None  # an OverdoseRisk value, chosen by the person
    overdose_words: TextView | None = None
    naloxone: str | None = None  # a Naloxone value
    naloxone_where: TextView | None = None

    def part(self, part: SafetyPart | str) -> TextView | None:
        """One of the free-text parts (warning signs, what helps, if the service can't be reached)."""
        found: TextView | None = getattr(self, SafetyPart(part).value)
        return found

    @property
    def empty(self) -> bool:
        return self == StayingSafeView()


NOTHING_YET = StayingSafeView()


def _text_loads(relation: Any) -> _AbstractLoad:
    return joinedload(relation).joinedload(AuthoredText.staff)


# What a version's staying-safe plan needs, loaded with it: two statements however many contacts.
STAYING_SAFE_LOADS: tuple[_AbstractLoad, ...] = (
    selectinload(PlanVersion.staying_safe).options(
        _text_loads(StayingSafe.warning_signs),
        _text_loads(StayingSafe.what_helps),
        _text_loads(StayingSafe.if_unreachable),
        _text_loads(StayingSafe.overdose_words),
        _text_loads(StayingSafe.naloxone_where),
    ),
    selectinload(PlanVersion.safety_contacts).options(_text_loads(SafetyContact.name)),
)


def staying_safe_view(version: PlanVersion, person_name: str) -> StayingSafeView:
    """The version's staying-safe plan (an empty one when nothing is written yet)."""
    row = version.staying_safe
    contacts = tuple(
        ContactView(c.id, c.key, _must(text_view(c.name, person_name)), c.phone)
        for c in version.safety_contacts
    )
    if row is None:
        return StayingSafeView(contacts=contacts)
    return StayingSafeView(
        warning_signs=text_view(row.warning_signs, person_name),
        what_helps=text_view(row.what_helps, person_name),
        if_unreachable=text_view(row.if_unreachable, person_name),
        contacts=contacts,
        overdose_risk=row.overdose_risk,
        overdose_words=text_view(row.overdose_words, person_name),
        naloxone=row.naloxone,
        naloxone_where=text_view(row.naloxone_where, person_name),
    )


def _must(view: TextView | None) -> TextView:
    assert view is not None  # a contact always has who they are
    return view


def load_staying_safe(db: Database, actor: Actor, version_id: int) -> StayingSafeView:
    """One plan version's staying-safe plan, for whoever may open the person's record."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        version = work.session.get(PlanVersion, version_id, options=STAYING_SAFE_LOADS)
        if version is None:
            raise NotFound("That plan version could not be found.")
        person = version.plan.person
        work.require_person(person)
        return staying_safe_view(version, person.preferred_name)
