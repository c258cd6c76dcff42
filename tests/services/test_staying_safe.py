"""The staying-safe plan: each part written in the voice of whoever is speaking, refused by role
and once the version is frozen, carried over to a new version, part of what is signed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, Naloxone, OverdoseRisk, PlanStatus, Role, SafetyPart
from careplan.domain.errors import ConflictError, FrozenVersion, InvalidInput, NotFound, PermissionDenied
from careplan.domain.records import AuditEvent, AuthoredText, SafetyContact
from careplan.services import plans, staying_safe
from careplan.services.canonical import canonical_plan, matches_what_was_signed
from careplan.services.staying_safe import ContactInput
from careplan.services.staying_safe_view import StayingSafeView, load_staying_safe
from careplan.services.workspace import load_version
from careplan.storage.database import Database
from tests.database_copies import world_fixtures
from tests.refusals import refused
from tests.stored import plan_revision
from tests.worlds import CANARY, World, build_world, take_to

template, sqlite_template, world, quick = world_fixtures(build_world)

SIGNS = f"I stop answering the phone and sleep all day {CANARY}"
HELPS = "A walk with the dog, and ringing my sister"
UNREACHABLE = "Ring the 24-hour helpline, or go to A&E"
JO = ContactInput("Jo, my sister", "07700 900462", PERSON)
HELPLINE = ContactInput("The night helpline", "+44 (0)1632 960 111", STAFF)


def view(world: World, reader: Actor | None = None) -> StayingSafeView:
    return load_staying_safe(world.db, reader or world.team.key_worker, world.version_id)


def fill(world: World) -> None:
    """Every part written: the person's words, Sam's words, both."""
    kw, db, version_id = world.team.key_worker, world.db, world.version_id
    staying_safe.write_part(db, kw, version_id, SafetyPart.WARNING_SIGNS, SIGNS, PERSON)
    staying_safe.write_part(db, kw, version_id, SafetyPart.WHAT_HELPS, HELPS, PERSON)
    staying_safe.write_part(db, kw, version_id, SafetyPart.IF_UNREACHABLE, UNREACHABLE, STAFF)
    staying_safe.add_contact(db, kw, version_id, JO)
    staying_safe.add_contact(db, kw, version_id, HELPLINE)
    staying_safe.set_overdose_risk(
        db, kw, version_id, OverdoseRisk.HIGH, "Since I came out of prison", PERSON
    )
    staying_safe.set_naloxone(db, kw, version_id, Naloxone.HELD, "In my coat pocket", PERSON)


# --- writing each part ----------------------------------------------------------------------------


def test_a_new_plan_has_nothing_written_yet(quick: World) -> None:
    found = view(quick)
    assert found.empty
    assert load_version(quick.db, quick.team.key_worker, quick.version_id).staying_safe.empty


def test_every_part_is_kept_with_whose_words_it_is(world: World) -> None:
    fill(world)
    found = view(world)
    assert found.part(SafetyPart.WARNING_SIGNS) is not None
    assert found.part(SafetyPart.WARNING_SIGNS).body == SIGNS  # type: ignore[union-attr]
    assert found.what_helps is not None
    assert found.what_helps.author.kind is AuthorKind.PERSON
    assert found.if_unreachable is not None
    assert found.if_unreachable.author.label == "Sam Keyworker (key worker)"
    assert [(c.name.body, c.phone, c.name.author.kind) for c in found.contacts] == [
        ("Jo, my sister", "07700 900462", AuthorKind.PERSON),
        ("The night helpline", "+44 (0)1632 960 111", AuthorKind.STAFF),
    ]
    assert found.overdose_risk == OverdoseRisk.HIGH
    assert found.overdose_words is not None
    assert found.overdose_words.body == "Since I came out of prison"
    assert found.naloxone == Naloxone.HELD
    assert found.naloxone_where is not None
    assert found.naloxone_where.body == "In my coat pocket"
    # The workspace's version carries the same.
    assert load_version(world.db, world.team.key_worker, world.version_id).staying_safe == found
    # Who typed it is kept too: Sam, typing Dee's words.
    with world.db.session() as session:
        text = session.scalars(select(AuthoredText).where(AuthoredText.body == SIGNS)).one()
        assert (text.author_kind, text.person_id) == (AuthorKind.PERSON, world.person_id)
        assert text.recorded_by_id == world.team.key_worker.staff_id


def test_words_left_as_they_were_keep_their_author_and_new_words_are_new(quick: World) -> None:
    kw, db, version_id = quick.team.key_worker, quick.db, quick.version_id
    staying_safe.write_part(db, kw, version_id, SafetyPart.WHAT_HELPS, HELPS, PERSON)
    before = view(quick).what_helps
    staying_safe.write_part(db, kw, version_id, SafetyPart.WHAT_HELPS, f"  {HELPS}\n", STAFF)
    assert view(quick).what_helps == before  # same text, still Dee's words
    staying_safe.write_part(db, kw, version_id, SafetyPart.WHAT_HELPS, "Music, loud", STAFF)
    after = view(quick).what_helps
    assert after is not None
    assert before is not None
    assert (after.body, after.author.kind) == ("Music, loud", AuthorKind.STAFF)
    assert after.id != before.id
    with db.session() as session:  # never edited in place: the old words are still there
        assert session.get(AuthoredText, before.id) is not None
    staying_safe.write_part(db, kw, version_id, SafetyPart.WHAT_HELPS, "   ", PERSON)
    assert view(quick).what_helps is None


def test_contacts_are_changed_and_taken_out(quick: World) -> None:
    kw, db, version_id = quick.team.key_worker, quick.db, quick.version_id
    jo = staying_safe.add_contact(db, kw, version_id, JO)
    line = staying_safe.add_contact(db, kw, version_id, HELPLINE)
    staying_safe.edit_contact(db, kw, jo, ContactInput("Jo, my sister", "07700  900463", STAFF))
    first = view(quick).contacts[0]
    assert (first.phone, first.name.author.kind) == ("07700 900463", AuthorKind.PERSON)  # her words stay hers
    staying_safe.remove_contact(db, kw, jo)
    assert [c.id for c in view(quick).contacts] == [line]
    with db.session() as session:
        assert session.scalars(select(SafetyContact.position)).all() == [0]


@pytest.mark.parametrize(
    "phone",
    ["O7700 900462", "07700 900462 ext 4", "0770+0900462", "12", "1234567890123456", "ring me"],
)
def test_what_is_not_a_phone_number_is_refused_in_one_sentence(quick: World, phone: str) -> None:
    with refused(quick.db, InvalidInput, "is not a phone number") as info:
        staying_safe.add_contact(
            quick.db, quick.team.key_worker, quick.version_id, ContactInput("Jo", phone, PERSON)
        )
    assert info.value.field == "contact_phone"
    assert info.value.message.count(".") == 1
    assert info.value.message.endswith(".")


def test_a_contact_needs_who_they_are_and_a_number(quick: World) -> None:
    kw = quick.team.key_worker
    with refused(quick.db, InvalidInput, "who to call"):
        staying_safe.add_contact(quick.db, kw, quick.version_id, ContactInput("  ", "999", PERSON))
    with refused(quick.db, InvalidInput, "phone number") as info:
        staying_safe.add_contact(quick.db, kw, quick.version_id, ContactInput("Jo", " ", PERSON))
    assert info.value.field == "contact_phone"
    with refused(quick.db, InvalidInput, "too long"):
        staying_safe.add_contact(quick.db, kw, quick.version_id, ContactInput("J" * 121, "999", PERSON))


def test_only_the_person_chooses_their_overdose_risk(quick: World) -> None:
    kw, db, version_id = quick.team.key_worker, quick.db, quick.version_id
    with refused(db, InvalidInput, "only the person can choose") as info:
        staying_safe.set_overdose_risk(db, kw, version_id, OverdoseRisk.LOW, "", STAFF)
    assert info.value.field == "overdose_risk"
    staying_safe.set_overdose_risk(db, kw, version_id, OverdoseRisk.SOME, "After a lapse", PERSON)
    # Sam may add his own words beside her choice, without changing it.
    staying_safe.set_overdose_risk(db, kw, version_id, OverdoseRisk.SOME, "Tolerance is low now", STAFF)
    found = view(quick)
    assert found.overdose_risk == OverdoseRisk.SOME
    assert found.overdose_words is not None
    assert found.overdose_words.author.kind is AuthorKind.STAFF
    with refused(db, InvalidInput, "only the person can choose"):
        staying_safe.set_overdose_risk(db, kw, version_id, None, "Tolerance is low now", STAFF)


def test_where_naloxone_is_kept_goes_with_having_it(quick: World) -> None:
    kw, db, version_id = quick.team.key_worker, quick.db, quick.version_id
    with refused(db, InvalidInput, "goes with “I have naloxone”") as info:
        staying_safe.set_naloxone(db, kw, version_id, Naloxone.NOT_HELD, "Kitchen drawer", PERSON)
    assert info.value.field == "naloxone_where"
    staying_safe.set_naloxone(db, kw, version_id, Naloxone.NOT_HELD, "", PERSON)
    assert (view(quick).naloxone, view(quick).naloxone_where) == (Naloxone.NOT_HELD, None)
    staying_safe.set_naloxone(db, kw, version_id, Naloxone.HELD, "Kitchen drawer", STAFF)
    assert view(quick).naloxone_where is not None


def test_text_that_is_not_text_is_refused_naming_the_part(quick: World) -> None:
    with refused(quick.db, InvalidInput, "what helps has a control character"):
        staying_safe.write_part(
            quick.db, quick.team.key_worker, quick.version_id, SafetyPart.WHAT_HELPS, "a\x1bb", PERSON
        )


def test_each_change_is_audited_with_field_names_never_words(world: World) -> None:
    fill(world)
    with world.db.session() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity.in_(("staying_safe", "safety_contact")))
            .order_by(AuditEvent.id)
        ).all()
        assert [(e.action, e.entity, e.fields) for e in events] == [
            ("create", "staying_safe", ["warning_signs"]),
            ("update", "staying_safe", ["what_helps"]),
            ("update", "staying_safe", ["if_unreachable"]),
            ("create", "safety_contact", ["name", "phone"]),
            ("create", "safety_contact", ["name", "phone"]),
            ("update", "staying_safe", ["overdose_risk", "overdose_words"]),
            ("update", "staying_safe", ["naloxone", "naloxone_where"]),
        ]
        assert {e.person_id for e in events} == {world.person_id}
        assert all(e.staff_id == world.team.key_worker.staff_id for e in events)


def test_nothing_to_write_writes_nothing(quick: World) -> None:
    staying_safe.write_part(
        quick.db, quick.team.key_worker, quick.version_id, SafetyPart.WHAT_HELPS, "", PERSON
    )
    assert view(quick).empty
    with quick.db.session() as session:
        assert session.scalars(select(AuditEvent).where(AuditEvent.entity == "staying_safe")).all() == []


# --- who may --------------------------------------------------------------------------------------


def test_a_peer_mentor_and_a_manager_may_write_it_as_for_the_plan(quick: World) -> None:
    staying_safe.write_part(
        quick.db, quick.team.peer_mentor, quick.version_id, SafetyPart.WHAT_HELPS, HELPS, PERSON
    )
    staying_safe.add_contact(quick.db, quick.team.manager, quick.version_id, JO)
    assert view(quick, quick.team.peer_mentor).what_helps is not None
    assert len(view(quick, quick.team.manager).contacts) == 1


def test_an_administrator_cannot_write_it(quick: World) -> None:
    with refused(quick.db, PermissionDenied, "cannot edit plan"):
        staying_safe.write_part(
            quick.db, quick.team.administrator, quick.version_id, SafetyPart.WHAT_HELPS, HELPS, PERSON
        )
    with refused(quick.db, PermissionDenied, "cannot edit plan"):
        staying_safe.add_contact(quick.db, quick.team.administrator, quick.version_id, JO)
    with pytest.raises(PermissionDenied):
        view(quick, quick.team.administrator)


def test_someone_not_on_the_caseload_cannot_write_or_read_it(quick: World) -> None:
    other = quick.with_colleague("kim", Role.KEY_WORKER).colleagues["kim"]
    with refused(quick.db, PermissionDenied, "not on your caseload"):
        staying_safe.set_naloxone(quick.db, other, quick.version_id, Naloxone.HELD, "", PERSON)
    with refused(quick.db, PermissionDenied, "not on your caseload"):
        staying_safe.add_contact(quick.db, other, quick.version_id, JO)
    with pytest.raises(PermissionDenied, match="not on your caseload"):
        view(quick, other)


def test_a_contact_that_is_not_there(quick: World) -> None:
    with refused(quick.db, NotFound, "contact could not be found"):
        staying_safe.edit_contact(quick.db, quick.team.key_worker, 999, JO)
    with refused(quick.db, NotFound, "plan version could not be found"):
        staying_safe.add_contact(quick.db, quick.team.key_worker, 999, JO)


def test_a_change_from_an_older_reading_is_refused(quick: World) -> None:
    revision = plan_revision(quick.db, quick.plan_id)
    staying_safe.add_contact(
        quick.db, quick.team.key_worker, quick.version_id, JO, expected_revision=revision
    )
    with refused(quick.db, ConflictError, "someone else saved changes"):
        staying_safe.write_part(
            quick.db,
            quick.team.peer_mentor,
            quick.version_id,
            SafetyPart.WHAT_HELPS,
            HELPS,
            PERSON,
            expected_revision=revision,
        )


# --- versions ---------------------------------------------------------------------------------


def test_an_agreed_version_is_not_changed(world: World) -> None:
    fill(world)
    take_to(world.db, world.team, world.version_id, PlanStatus.AGREED)
    contact = view(world).contacts[0].id
    with refused(world.db, FrozenVersion, "start a new version"):
        staying_safe.write_part(
            world.db, world.team.key_worker, world.version_id, SafetyPart.WHAT_HELPS, "No", PERSON
        )
    with refused(world.db, FrozenVersion, "start a new version"):
        staying_safe.remove_contact(world.db, world.team.key_worker, contact)
    with refused(world.db, FrozenVersion, "start a new version"):
        staying_safe.set_overdose_risk(world.db, world.team.key_worker, world.version_id, None, "", PERSON)


def test_a_new_version_carries_it_over_and_the_old_one_stays_as_it_was(world: World) -> None:
    fill(world)
    take_to(world.db, world.team, world.version_id, PlanStatus.ACTIVE)
    kw = world.team.key_worker
    new_id = plans.revise_plan(world.db, kw, world.version_id)
    old, new = view(world), load_staying_safe(world.db, kw, new_id)
    # The same words (the same texts, whose words they are kept), the same contacts by key.
    assert new.what_helps == old.what_helps
    assert new.naloxone_where == old.naloxone_where
    assert (new.overdose_risk, new.naloxone) == (old.overdose_risk, old.naloxone)
    assert [(c.key, c.name, c.phone) for c in new.contacts] == [
        (c.key, c.name, c.phone) for c in old.contacts
    ]
    assert [c.id for c in new.contacts] != [c.id for c in old.contacts]
    # Changing the new version leaves the old one (what was signed) alone.
    staying_safe.write_part(world.db, kw, new_id, SafetyPart.WHAT_HELPS, "Going to the gym", PERSON)
    staying_safe.remove_contact(world.db, kw, new.contacts[0].id)
    assert view(world) == old
    assert load_staying_safe(world.db, kw, new_id).what_helps != old.what_helps


# --- what is signed ---------------------------------------------------------------------------


def _canonical(db: Database, version_id: int) -> dict[str, object]:
    from careplan.domain.records import PlanVersion

    with db.session() as session:
        version = session.get(PlanVersion, version_id)
        assert version is not None
        return canonical_plan(version)


def test_it_is_part_of_what_is_signed(world: World) -> None:
    assert "staying_safe" not in _canonical(world.db, world.version_id)  # as before: nothing written
    fill(world)
    signed = _canonical(world.db, world.version_id)["staying_safe"]
    assert isinstance(signed, dict)
    assert signed["overdose_risk"] == "high"
    assert signed["naloxone"] == "held"
    assert signed["warning_signs"] == {"text": SIGNS, "author": {"kind": "person"}}
    assert [c["phone"] for c in signed["contacts"]] == ["07700 900462", "+44 (0)1632 960 111"]
    take_to(world.db, world.team, world.version_id, PlanStatus.APPROVED)
    from careplan.domain.records import PlanVersion

    with world.db.session() as session:
        version = session.get(PlanVersion, world.version_id)
        assert version is not None
        assert version.frozen_canonical is not None
        assert version.frozen_canonical["staying_safe"] == signed
        assert matches_what_was_signed(version)
        # A phone number changed behind Careplan's back is caught.
        version.safety_contacts[0].phone = "07700 900000"
        session.flush()
        assert not matches_what_was_signed(version)
        session.rollback()


# --- the history ------------------------------------------------------------------------------


def test_the_history_says_what_changed_in_it(world: World) -> None:
    from careplan.services.history import compare_versions

    fill(world)
    take_to(world.db, world.team, world.version_id, PlanStatus.ACTIVE)
    kw, db = world.team.key_worker, world.db
    new_id = plans.revise_plan(db, kw, world.version_id)
    assert compare_versions(db, kw, world.version_id, new_id) == []  # carried over as it was
    contacts = load_staying_safe(db, kw, new_id).contacts
    staying_safe.write_part(db, kw, new_id, SafetyPart.WHAT_HELPS, "Going to the gym", PERSON)
    staying_safe.write_part(db, kw, new_id, SafetyPart.WARNING_SIGNS, SIGNS, STAFF)  # same words: kept
    staying_safe.write_part(db, kw, new_id, SafetyPart.IF_UNREACHABLE, "", STAFF)
    staying_safe.edit_contact(db, kw, contacts[0].id, ContactInput("Jo, my sister", "07700 900999", PERSON))
    staying_safe.remove_contact(db, kw, contacts[1].id)
    staying_safe.add_contact(db, kw, new_id, ContactInput("Mum", "01632 960 222", PERSON))
    staying_safe.set_overdose_risk(db, kw, new_id, OverdoseRisk.SOME, "Since I came out of prison", PERSON)
    staying_safe.set_naloxone(db, kw, new_id, Naloxone.NOT_HELD, "", PERSON)
    changes = compare_versions(db, kw, world.version_id, new_id)
    assert {c.area for c in changes} == {"staying_safe"}
    assert [c.sentence for c in changes] == [
        f"Staying safe, what helps me: “{HELPS}” became “Going to the gym”",
        f"Staying safe, if I can't reach the service: taken out (it was “{UNREACHABLE}”)",
        "Staying safe, the number for “Jo, my sister” changed from 07700 900462 to 07700 900999",
        "Staying safe, someone new to call: “Mum” (01632 960 222)",
        "Staying safe, no longer someone to call: “The night helpline” (+44 (0)1632 960 111)",
        "Staying safe, overdose risk: “I think I am at high risk of overdose” became "
        "“I could be at risk of overdose at times”",
        "Staying safe, naloxone: “I have naloxone” became “I don't have naloxone”",
        "Staying safe, where I keep naloxone: taken out (it was “In my coat pocket”)",
    ]
    assert [c.kind for c in changes] == [
        "changed",
        "removed",
        "changed",
        "added",
        "removed",
        "changed",
        "changed",
        "removed",
    ]
