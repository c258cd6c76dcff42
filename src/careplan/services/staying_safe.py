"""Writing a plan version's staying-safe plan: each part changed on its own, in the voice of whoever
is speaking, while the version is a draft (as for its goals). One unit of work each: permission
(editing the plan), the person's record, the plan's revision (a change made meanwhile at another
computer is refused, never overwritten), and an audit event naming the parts changed.

Words left as they were keep whose words they are; empty words take a part out. How at risk of
overdose someone is, only they can choose (in their own voice).
"""

from __future__ import annotations

from dataclasses import dataclass

from careplan.domain.actor import Actor, Voice
from careplan.domain.enums import AuthorKind, Naloxone, OverdoseRisk, SafetyPart
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.phone import check_phone
from careplan.domain.records import AuthoredText, PlanVersion, SafetyContact, StayingSafe
from careplan.domain.text import check_text, one_line
from careplan.services.plan_access import draft_version
from careplan.services.unit_of_work import Work, unit_of_work
from careplan.storage.database import Database

# What each field is, in a refusal ("What helps has only invisible characters in it").
FIELD_WORDS: dict[str, str] = {
    SafetyPart.WARNING_SIGNS: "the warning signs",
    SafetyPart.WHAT_HELPS: "what helps",
    SafetyPart.IF_UNREACHABLE: "what to do if the service can't be reached",
    "overdose_words": "the words about overdose risk",
    "naloxone_where": "where the naloxone is kept",
    "contact_name": "who to call",
}
MAX_CONTACT_NAME = 120

ONLY_THE_PERSON_CHOOSES = (
    "Only the person can choose how at risk of overdose they feel. Choose it in their words."
)
WHERE_WITHOUT_NALOXONE = "Where the naloxone is kept goes with “I have naloxone”."


@dataclass(frozen=True)
class ContactInput:
    """Someone to call: who they are (in ``voice``, unless left as they were) and their number."""

    name: str
    phone: str
    voice: Voice


def _draft(work: Work, version_id: int, expected_revision: int | None) -> PlanVersion:
    version = draft_version(work, version_id, expected_revision)
    work.require_record(version.plan.person_id)
    return version


def _plan_of(version: PlanVersion) -> tuple[StayingSafe, bool]:
    """The version's staying-safe row, and whether it is new."""
    if version.staying_safe is not None:
        return version.staying_safe, False
    row = StayingSafe()
    version.staying_safe = row
    return row, True


def _words(
    work: Work, version: PlanVersion, current: AuthoredText | None, body: str, voice: Voice, field: str
) -> AuthoredText | None:
    """The text a part holds after this change: None for empty words; the same text (and author)
    for unchanged words; else new words in ``voice``."""
    what = FIELD_WORDS[field]
    if not check_text(body, what, field, lines=True).strip():
        return None
    return work.retext(current, body, voice, person_id=version.plan.person_id, field_name=field, what=what)


def _names(**differs: bool) -> tuple[str, ...]:
    """The names of the fields that differ."""
    return tuple(name for name, differ in differs.items() if differ)


def _saved(work: Work, version: PlanVersion, new: bool, fields: tuple[str, ...]) -> None:
    """Audit what changed; a staying-safe plan started with nothing in it is not kept."""
    row = version.staying_safe
    if not fields:
        if new:
            version.staying_safe = None
        return
    work.session.flush()
    work.audit("create" if new else "update", "staying_safe", row, fields)


def write_part(
    db: Database,
    actor: Actor,
    version_id: int,
    part: SafetyPart,
    body: str,
    voice: Voice,
    *,
    expected_revision: int | None = None,
) -> None:
    """Write or change one of the free-text parts (empty words take it out)."""
    part = SafetyPart(part)
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = _draft(work, version_id, expected_revision)
        row, new = _plan_of(version)
        before: AuthoredText | None = getattr(row, part.value)
        after = _words(work, version, before, body, voice, part.value)
        setattr(row, part.value, after)
        _saved(work, version, new, (part.value,) if after is not before else ())


def set_overdose_risk(
    db: Database,
    actor: Actor,
    version_id: int,
    risk: OverdoseRisk | None,
    words: str,
    voice: Voice,
    *,
    expected_revision: int | None = None,
) -> None:
    """How at risk of overdose the person feels (chosen by them: None, not said) and their words."""
    chosen = OverdoseRisk(risk) if risk is not None else None
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = _draft(work, version_id, expected_revision)
        row, new = _plan_of(version)
        if chosen != row.overdose_risk and voice.kind is not AuthorKind.PERSON:
            raise InvalidInput(ONLY_THE_PERSON_CHOOSES, "overdose_risk")
        before = row.overdose_words
        after = _words(work, version, before, words, voice, "overdose_words")
        changed = _names(overdose_risk=chosen != row.overdose_risk, overdose_words=after is not before)
        row.overdose_risk = chosen
        row.overdose_words = after
        _saved(work, version, new, changed)


def set_naloxone(
    db: Database,
    actor: Actor,
    version_id: int,
    naloxone: Naloxone | None,
    where: str,
    voice: Voice,
    *,
    expected_revision: int | None = None,
) -> None:
    """Whether the person has naloxone (None: not said) and, if they do, where it is kept."""
    held = Naloxone(naloxone) if naloxone is not None else None
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = _draft(work, version_id, expected_revision)
        row, new = _plan_of(version)
        before = row.naloxone_where
        after = _words(work, version, before, where, voice, "naloxone_where")
        if after is not None and held is not Naloxone.HELD:
            raise InvalidInput(WHERE_WITHOUT_NALOXONE, "naloxone_where")
        changed = _names(naloxone=held != row.naloxone, naloxone_where=after is not before)
        row.naloxone = held
        row.naloxone_where = after
        _saved(work, version, new, changed)


def _contact_name(
    work: Work, version: PlanVersion, current: AuthoredText | None, contact: ContactInput
) -> AuthoredText:
    what = FIELD_WORDS["contact_name"]
    name = one_line(contact.name, what, "contact_name")
    if not name:
        raise InvalidInput("Please write who to call.", "contact_name")
    if len(name) > MAX_CONTACT_NAME:
        raise InvalidInput(f"That is too long ({MAX_CONTACT_NAME} characters at most).", "contact_name")
    return work.retext(
        current, name, contact.voice, person_id=version.plan.person_id, field_name="contact_name", what=what
    )


def add_contact(
    db: Database,
    actor: Actor,
    version_id: int,
    contact: ContactInput,
    *,
    expected_revision: int | None = None,
) -> int:
    """Someone the person can call, after the others. Returns the contact's id."""
    phone = check_phone(contact.phone, "contact_phone")
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        version = _draft(work, version_id, expected_revision)
        row = SafetyContact(
            position=len(version.safety_contacts),
            name=_contact_name(work, version, None, contact),
            phone=phone,
        )
        version.safety_contacts.append(row)
        work.session.flush()
        work.audit("create", "safety_contact", row, ("name", "phone"))
        return row.id


def edit_contact(
    db: Database,
    actor: Actor,
    contact_id: int,
    contact: ContactInput,
    *,
    expected_revision: int | None = None,
) -> None:
    phone = check_phone(contact.phone, "contact_phone")
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(SafetyContact, contact_id, "contact")
        version = _draft(work, row.version_id, expected_revision)
        before = (row.name_id, row.phone)
        row.name = _contact_name(work, version, row.name, contact)
        row.phone = phone
        work.session.flush()
        changed = tuple(
            name
            for name, old, new in zip(("name", "phone"), before, (row.name_id, row.phone), strict=True)
            if old != new
        )
        if changed:
            work.audit("update", "safety_contact", row, changed)


def remove_contact(
    db: Database, actor: Actor, contact_id: int, *, expected_revision: int | None = None
) -> None:
    with unit_of_work(db, actor, Action.EDIT_PLAN) as work:
        row = work.get(SafetyContact, contact_id, "contact")
        version = _draft(work, row.version_id, expected_revision)
        version.safety_contacts.remove(row)
        for position, other in enumerate(version.safety_contacts):
            other.position = position
        work.audit("delete", "safety_contact", contact_id, person_id=version.plan.person_id)
