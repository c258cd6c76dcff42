"""Registering people and keeping their About me, in their own words."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from careplan.domain.actor import Actor, Voice
from careplan.domain.errors import ConflictError, InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import AboutMeEntry, Person, StaffMember, SubstanceUse
from careplan.domain.text import one_line
from careplan.services import caseload
from careplan.services.record_rows import person_row
from careplan.services.search_words import index_person
from careplan.services.unit_of_work import Work, unit_of_work
from careplan.storage.database import Database

ABOUT_ME_TOPICS: dict[str, str] = {
    "what_matters": "What matters to me",
    "going_well": "What is going well",
    "want_to_change": "What I want to change",
    "hopes": "My hopes",
    "substances": "The substances I use and how",
    "treatment": "My treatment now",
    "support": "Who supports me",
}


class Unchecked:
    """Marks an argument that was not given (as opposed to given as None)."""


UNCHECKED = Unchecked()

CONTACT_WAYS = ("phone", "text message", "email", "letter", "in person", "through my key worker")


@dataclass(frozen=True)
class PersonDetails:
    preferred_name: str
    full_name: str
    date_of_birth: date | None = None
    pronouns: str | None = None
    contact_how: str | None = None
    contact_details: str | None = None
    reference: str | None = None
    key_worker_id: int | None = None


@dataclass(frozen=True)
class SubstanceEntry:
    substance: str
    how: str | None = None
    how_often: str | None = None
    amount: str | None = None


def _short(value: str | None, field: str, label: str, limit: int, *, required: bool = False) -> str | None:
    cleaned = one_line(value or "", label, field)
    if not cleaned:
        if required:
            raise InvalidInput(f"Please fill in {label}.", field)
        return None
    if len(cleaned) > limit:
        raise InvalidInput(f"{label.capitalize()} is too long ({limit} characters at most).", field)
    return cleaned


def _check_details(details: PersonDetails, today: date) -> dict[str, object]:
    if details.date_of_birth is not None:
        if details.date_of_birth > today:
            raise InvalidInput("The date of birth is in the future. Please check it.", "date_of_birth")
        if details.date_of_birth.year < today.year - 120:
            raise InvalidInput(
                "That date of birth is more than 120 years ago. Please check it.", "date_of_birth"
            )
    if details.contact_how is not None and details.contact_how not in CONTACT_WAYS:
        raise InvalidInput("Please choose one of the ways of getting in touch.", "contact_how")
    return {
        "preferred_name": _short(
            details.preferred_name, "preferred_name", "the name they like to be called", 120, required=True
        ),
        "full_name": _short(details.full_name, "full_name", "the full name", 200, required=True),
        "date_of_birth": details.date_of_birth,
        "pronouns": _short(details.pronouns, "pronouns", "pronouns", 40),
        "contact_how": details.contact_how,
        "contact_details": _short(details.contact_details, "contact_details", "contact details", 200),
    }


def check_key_worker(work: Work, staff_id: int) -> StaffMember:
    """A key worker must be an active key worker or manager."""
    staff = work.get(StaffMember, staff_id, "key worker")
    if not staff.active or staff.role not in ("key_worker", "manager"):
        raise InvalidInput(
            f"{staff.display_name} cannot be a key worker (only active key workers and managers can).",
            "key_worker_id",
        )
    return staff


def _new_reference(work: Work) -> str:
    while True:
        candidate = "CP-" + "".join(secrets.choice("ACDEFGHJKLMNPQRTUVWXY3469") for _ in range(6))
        if work.session.scalar(select(Person.id).where(Person.reference == candidate)) is None:
            return candidate


def register_person(db: Database, actor: Actor, details: PersonDetails) -> int:
    with unit_of_work(db, actor, Action.REGISTER_PERSON) as work:
        values = _check_details(details, work.now.date())
        reference = _short(details.reference, "reference", "the local reference", 32)
        if reference is None:
            reference = _new_reference(work)
        elif work.session.scalar(select(Person.id).where(Person.reference == reference)):
            raise InvalidInput(f"Somebody already has the reference {reference}.", "reference")
        key_worker_id = details.key_worker_id
        if key_worker_id is None and work.staff.role == "key_worker":
            key_worker_id = work.staff.id
        if key_worker_id is not None:
            check_key_worker(work, key_worker_id)
        person = Person(**person_row(values, reference=reference, key_worker_id=key_worker_id, at=work.now))
        work.session.add(person)
        work.session.flush()
        index_person(
            work.session, person.id, person.preferred_name, person.full_name, person.reference, new=True
        )
        work.audit("create", "person", person, tuple(k for k, v in values.items() if v is not None))
        return person.id


def _person_at(work: Work, person_id: int, expected_revision: int | None) -> Person:
    person = work.get(Person, person_id, "person")
    # Checked before anything changes: handing someone over to another key worker takes them
    # off one's caseload, and making oneself their key worker must not put them on it.
    work.require_record(person_id)
    if expected_revision is not None and person.revision != expected_revision:
        raise ConflictError(
            "Someone else changed this person's details since you opened them. Nothing was "
            "overwritten. Reload to see their changes, then make yours again."
        )
    person.updated_at = work.now
    return person


def update_person(
    db: Database,
    actor: Actor,
    person_id: int,
    details: PersonDetails,
    *,
    expected_revision: int | None = None,
) -> None:
    with unit_of_work(db, actor, Action.EDIT_PERSON) as work:
        person = _person_at(work, person_id, expected_revision)
        values = _check_details(details, work.now.date())
        changed = [k for k, v in values.items() if getattr(person, k) != v]
        for key in changed:
            setattr(person, key, values[key])
        if {"preferred_name", "full_name"} & set(changed):  # found by the new names, not the old
            index_person(
                work.session, person.id, person.preferred_name, person.full_name, person.reference, new=False
            )
        if details.key_worker_id is not None and details.key_worker_id != person.key_worker_id:
            # Handing someone on decides who opens their record: the rule of change_key_worker.
            caseload.require_team_change(work.staff, person, Action.CHANGE_KEY_WORKER)
            check_key_worker(work, details.key_worker_id)
            person.key_worker_id = details.key_worker_id
            changed.append("key_worker_id")
        work.audit("update", "person", person, tuple(changed))


def write_about_me(
    db: Database,
    actor: Actor,
    person_id: int,
    topic: str,
    body: str,
    voice: Voice,
    *,
    expected_revision: int | None = None,
    replacing: int | Unchecked | None = UNCHECKED,
) -> int | None:
    """Write (or rewrite) one About me answer; an empty answer removes it. Returns the text's id.

    ``replacing`` is the id of the text the writer started from (None: there was no answer). If
    somebody else changed this answer meanwhile, the write is refused with a ConflictError, so
    nobody's words are overwritten without them knowing.
    """
    if topic not in ABOUT_ME_TOPICS:
        raise InvalidInput(f"“{topic}” is not part of About me.", "topic")
    with unit_of_work(db, actor, Action.EDIT_ABOUT_ME) as work:
        person = _person_at(work, person_id, expected_revision)
        entry = next((e for e in person.about_me if e.topic == topic), None)
        if not isinstance(replacing, Unchecked) and replacing != (entry.text_id if entry else None):
            raise ConflictError(
                f"Someone else changed “{ABOUT_ME_TOPICS[topic]}” at the same time. Nothing was overwritten."
            )
        if not body.strip():
            if entry is not None:
                person.about_me.remove(entry)
                work.audit("remove", "about_me", person, (topic,))
            return None
        text = work.retext(
            entry.text if entry else None,
            body,
            voice,
            person_id=person.id,
            field_name=topic,
            what=f"the answer to “{ABOUT_ME_TOPICS[topic]}”",
        )
        if entry is None:
            person.about_me.append(AboutMeEntry(topic=topic, text=text))
        else:
            entry.text = text
        work.session.flush()
        work.audit("write", "about_me", person, (topic,))
        return text.id


def set_substances(
    db: Database,
    actor: Actor,
    person_id: int,
    entries: list[SubstanceEntry],
    *,
    expected_revision: int | None = None,
) -> None:
    """Replace the structured list of substances a person uses."""
    with unit_of_work(db, actor, Action.EDIT_ABOUT_ME) as work:
        person = _person_at(work, person_id, expected_revision)
        rows = []
        for position, entry in enumerate(entries):
            substance = _short(entry.substance, "substance", "the substance", 80, required=True)
            assert substance is not None
            rows.append(
                SubstanceUse(
                    position=position,
                    substance=substance,
                    how=_short(entry.how, "how", "how it is used", 80),
                    how_often=_short(entry.how_often, "how_often", "how often", 80),
                    amount=_short(entry.amount, "amount", "how much", 80),
                    recorded_by_id=work.staff.id,
                )
            )
        person.substances.clear()
        work.session.flush()
        person.substances.extend(rows)
        work.audit("write", "substances", person, ("substances",))
