"""Registering people, their details, About me in their own words, and the substances they use."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from careplan.domain.actor import PERSON, STAFF, Actor
from careplan.domain.enums import AuthorKind, Role
from careplan.domain.errors import CareplanError, ConflictError, InvalidInput, NotFound, PermissionDenied
from careplan.domain.records import AboutMeEntry, AuditEvent, AuthoredText, Base, Person, SubstanceUse
from careplan.services.assignments import assign_peer_mentor
from careplan.services.covering import cover_for_colleague
from careplan.services.people import (
    ABOUT_ME_TOPICS,
    PersonDetails,
    SubstanceEntry,
    register_person,
    set_substances,
    update_person,
    write_about_me,
)
from careplan.services.staff import add_staff, create_first_administrator
from careplan.storage import Database
from tests.database_copies import Template, private_copy, template_fixtures
from tests.refusals import refused

# --- a small world, and how refusals are checked --------------------------------------------


@dataclass(frozen=True)
class Staff:
    admin: Actor
    worker: Actor
    other_worker: Actor
    manager: Actor
    mentor: Actor


def make_staff(db: Database) -> Staff:
    admin = create_first_administrator(db, "ada", "Ada Admin")
    return Staff(
        admin=admin,
        worker=Actor(add_staff(db, admin, "sam", "Sam Keyworker", Role.KEY_WORKER)),
        other_worker=Actor(add_staff(db, admin, "kim", "Kim Keyworker", Role.KEY_WORKER)),
        manager=Actor(add_staff(db, admin, "priya", "Priya Manager", Role.MANAGER)),
        mentor=Actor(add_staff(db, admin, "chris", "Chris Mentor", Role.PEER_MENTOR)),
    )


template, sqlite_template = template_fixtures(make_staff)


@pytest.fixture
def db(template: Template[Staff], tmp_path: Path) -> Iterator[Database]:
    """Overrides conftest's ``db``: the same two engines, but with the staff already in place."""
    with private_copy(template[0], tmp_path) as database:
        yield database


@pytest.fixture
def staff(template: Template[Staff], db: Database) -> Staff:
    return template[1]


@pytest.fixture
def quick_db(sqlite_template: Template[Staff], tmp_path: Path) -> Iterator[Database]:
    """SQLite only, for rules that do not depend on the engine: a private copy with the staff."""
    with private_copy(sqlite_template[0], tmp_path) as database:
        yield database


@pytest.fixture
def quick_staff(sqlite_template: Template[Staff], quick_db: Database) -> Staff:
    return sqlite_template[1]


def today() -> date:
    return datetime.now(UTC).date()


DEE = PersonDetails(preferred_name="Dee", full_name="Dee Example", date_of_birth=date(1990, 5, 17))


def audit_events(db: Database) -> list[AuditEvent]:
    with db.session() as session:
        return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def load_person(db: Database, person_id: int) -> Person:
    with db.session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        for entry in person.about_me:
            _ = entry.text.body
        _ = list(person.substances)
        return person


def about_me_text(db: Database, person_id: int, topic: str) -> AuthoredText | None:
    with db.session() as session:
        entry = session.scalar(
            select(AboutMeEntry).where(AboutMeEntry.person_id == person_id, AboutMeEntry.topic == topic)
        )
        return None if entry is None else entry.text


def register_dee(db: Database, staff: Staff) -> int:
    """Dee, on Sam's caseload (he registers her) and on Chris's (Sam assigns him as her peer mentor)."""
    person_id = register_person(db, staff.worker, DEE)
    assign_peer_mentor(db, staff.worker, person_id, staff.mentor.staff_id)
    return person_id


def kim_covers(db: Database, staff: Staff, person_id: int) -> None:
    """Kim, another key worker, covers for Sam to work on someone of his."""
    cover_for_colleague(db, staff.other_worker, person_id, "Sam is off sick today", hours=2)


def count(db: Database, model: type[Base]) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


# --- register_person ------------------------------------------------------------------------


def test_register_person_keeps_the_details_and_audits_field_names_only(db: Database, staff: Staff) -> None:
    details = PersonDetails(
        preferred_name="  Dee  ",
        full_name="Dee   Example",
        date_of_birth=date(1990, 5, 17),
        pronouns="she/her",
        contact_how="text message",
        contact_details="07700 900123",
        reference="LOCAL-1",
    )
    person_id = register_person(db, staff.worker, details)
    person = load_person(db, person_id)
    assert (person.preferred_name, person.full_name) == ("Dee", "Dee Example")
    assert person.date_of_birth == date(1990, 5, 17)
    assert person.reference == "LOCAL-1"
    assert person.contact_how == "text message"
    event = audit_events(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("create", "person", person_id)
    assert "07700" not in repr(event.fields)
    assert "Dee" not in repr(event.fields)
    assert set(event.fields) >= {"preferred_name", "full_name", "date_of_birth", "contact_details"}


@pytest.mark.parametrize(
    ("preferred", "full", "field"),
    [
        ("", "Dee Example", "preferred_name"),
        ("   ", "Dee Example", "preferred_name"),
        ("Dee", "", "full_name"),
        ("Dee", " \t ", "full_name"),
    ],
)
def test_register_person_needs_both_names(
    quick_db: Database, quick_staff: Staff, preferred: str, full: str, field: str
) -> None:
    with refused(quick_db, InvalidInput, "please fill in") as info:
        register_person(quick_db, quick_staff.worker, PersonDetails(preferred, full))
    assert info.value.field == field


@pytest.mark.parametrize(
    ("details", "field", "phrase"),
    [
        (replace(DEE, preferred_name="D" * 121), "preferred_name", "too long"),
        (replace(DEE, full_name="F" * 201), "full_name", "too long"),
        (replace(DEE, pronouns="p" * 41), "pronouns", "too long"),
        (replace(DEE, contact_details="0" * 201), "contact_details", "too long"),
        (replace(DEE, reference="R" * 33), "reference", "too long"),
        (replace(DEE, contact_how="carrier pigeon"), "contact_how", "ways of getting in touch"),
    ],
)
def test_register_person_refuses_bad_details(
    quick_db: Database, quick_staff: Staff, details: PersonDetails, field: str, phrase: str
) -> None:
    with refused(quick_db, InvalidInput, phrase) as info:
        register_person(quick_db, quick_staff.worker, details)
    assert info.value.field == field


def test_register_person_refuses_a_date_of_birth_in_the_future(
    quick_db: Database, quick_staff: Staff
) -> None:
    with refused(quick_db, InvalidInput, "in the future") as info:
        register_person(quick_db, quick_staff.worker, replace(DEE, date_of_birth=today() + timedelta(days=2)))
    assert info.value.field == "date_of_birth"


def test_register_person_refuses_a_date_of_birth_more_than_120_years_ago(
    quick_db: Database, quick_staff: Staff
) -> None:
    too_old = date(today().year - 121, 12, 31)
    with refused(quick_db, InvalidInput, "more than 120 years ago") as info:
        register_person(quick_db, quick_staff.worker, replace(DEE, date_of_birth=too_old))
    assert info.value.field == "date_of_birth"


def test_register_person_accepts_the_edges_of_possible_dates_of_birth(
    quick_db: Database, quick_staff: Staff
) -> None:
    born_today = register_person(quick_db, quick_staff.worker, replace(DEE, date_of_birth=today()))
    oldest = register_person(
        quick_db, quick_staff.worker, replace(DEE, date_of_birth=date(today().year - 120, 1, 1))
    )
    assert load_person(quick_db, born_today).date_of_birth == today()
    assert load_person(quick_db, oldest).date_of_birth == date(today().year - 120, 1, 1)


def test_register_person_refuses_a_reference_somebody_already_has(db: Database, staff: Staff) -> None:
    register_person(db, staff.worker, replace(DEE, reference="CP-LOCAL1"))
    with refused(db, InvalidInput, "already has the reference CP-LOCAL1") as info:
        register_person(db, staff.worker, PersonDetails("Marek", "Marek Example", reference="  CP-LOCAL1 "))
    assert info.value.field == "reference"


def test_register_person_makes_a_unique_reference_when_none_is_given(db: Database, staff: Staff) -> None:
    references = {
        load_person(db, register_person(db, staff.worker, PersonDetails(f"P{i}", f"Person {i}"))).reference
        for i in range(5)
    }
    assert len(references) == 5
    for reference in references:
        # No letters or digits that are easily mistaken for one another (0/O, 1/I, 5/S, 8/B ...).
        assert re.fullmatch(r"CP-[ACDEFGHJKLMNPQRTUVWXY3469]{6}", reference), reference


def test_a_key_worker_who_registers_someone_becomes_their_key_worker(db: Database, staff: Staff) -> None:
    by_worker = register_person(db, staff.worker, DEE)
    by_manager = register_person(db, staff.manager, PersonDetails("Marek", "Marek Example"))
    chosen = register_person(
        db, staff.worker, PersonDetails("Jordan", "Jordan Example", key_worker_id=staff.other_worker.staff_id)
    )
    assert load_person(db, by_worker).key_worker_id == staff.worker.staff_id
    assert load_person(db, by_manager).key_worker_id is None
    assert load_person(db, chosen).key_worker_id == staff.other_worker.staff_id


def test_register_person_refuses_an_unknown_key_worker(quick_db: Database, quick_staff: Staff) -> None:
    with refused(quick_db, NotFound, "key worker could not be found"):
        register_person(quick_db, quick_staff.manager, replace(DEE, key_worker_id=9999))


@pytest.mark.parametrize("who", ["mentor", "admin"])
def test_only_key_workers_and_managers_register_people(
    quick_db: Database, quick_staff: Staff, who: str
) -> None:
    with refused(quick_db, PermissionDenied, "cannot register person"):
        register_person(quick_db, getattr(quick_staff, who), DEE)


# --- update_person --------------------------------------------------------------------------


def test_update_person_changes_only_what_changed(db: Database, staff: Staff) -> None:
    person_id = register_person(db, staff.worker, DEE)
    before = load_person(db, person_id)
    update_person(
        db,
        staff.worker,
        person_id,
        replace(DEE, preferred_name="Deedee", pronouns="she/her", key_worker_id=staff.other_worker.staff_id),
        expected_revision=before.revision,
    )
    after = load_person(db, person_id)
    assert after.preferred_name == "Deedee"
    assert after.pronouns == "she/her"
    assert after.full_name == "Dee Example"
    assert after.reference == before.reference
    assert after.key_worker_id == staff.other_worker.staff_id
    assert after.revision > before.revision
    event = audit_events(db)[-1]
    assert (event.action, event.entity, event.entity_id) == ("update", "person", person_id)
    assert sorted(event.fields) == ["key_worker_id", "preferred_name", "pronouns"]


def test_a_key_worker_who_hands_someone_over_no_longer_opens_them(
    quick_db: Database, quick_staff: Staff
) -> None:
    """Sam may give Dee to Kim (she is his until he does); afterwards she is Kim's, not his."""
    from careplan.services.workspace import load_person as open_again

    person_id = register_person(quick_db, quick_staff.worker, DEE)
    handed_over = replace(DEE, key_worker_id=quick_staff.other_worker.staff_id)
    update_person(quick_db, quick_staff.worker, person_id, handed_over)
    open_again(quick_db, quick_staff.other_worker, person_id)
    with pytest.raises(PermissionDenied, match="not on your caseload"):
        open_again(quick_db, quick_staff.worker, person_id)


def test_a_key_worker_cannot_make_themselves_key_worker_of_someone_not_theirs(
    quick_db: Database, quick_staff: Staff
) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    taken = replace(DEE, key_worker_id=quick_staff.other_worker.staff_id)
    with refused(quick_db, PermissionDenied, "not on your caseload"):
        update_person(quick_db, quick_staff.other_worker, person_id, taken)
    assert load_person(quick_db, person_id).key_worker_id == quick_staff.worker.staff_id


def test_update_person_from_an_old_reading_is_refused(db: Database, staff: Staff) -> None:
    person_id = register_person(db, staff.worker, DEE)
    revision = load_person(db, person_id).revision
    kim_covers(db, staff, person_id)
    update_person(db, staff.worker, person_id, replace(DEE, pronouns="she/her"), expected_revision=revision)
    with refused(db, ConflictError, "someone else changed this person's details"):
        update_person(
            db, staff.other_worker, person_id, replace(DEE, pronouns="they"), expected_revision=revision
        )
    assert load_person(db, person_id).pronouns == "she/her"


@pytest.mark.parametrize(
    ("details", "kind", "phrase"),
    [
        (replace(DEE, date_of_birth=date(2999, 1, 1)), InvalidInput, "in the future"),
        (replace(DEE, full_name=""), InvalidInput, "please fill in"),
        (replace(DEE, contact_how="fax"), InvalidInput, "ways of getting in touch"),
        (replace(DEE, key_worker_id=9999), NotFound, "key worker could not be found"),
    ],
)
def test_update_person_refuses_bad_details(
    quick_db: Database, quick_staff: Staff, details: PersonDetails, kind: type[CareplanError], phrase: str
) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    with refused(quick_db, kind, phrase):
        update_person(quick_db, quick_staff.worker, person_id, details)


def test_update_person_refuses_someone_who_is_not_there(quick_db: Database, quick_staff: Staff) -> None:
    with refused(quick_db, NotFound, "person could not be found"):
        update_person(quick_db, quick_staff.worker, 4242, DEE)


def test_a_peer_mentor_cannot_edit_a_persons_details(quick_db: Database, quick_staff: Staff) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    with refused(quick_db, PermissionDenied, "cannot edit person"):
        update_person(quick_db, quick_staff.mentor, person_id, replace(DEE, pronouns="she/her"))


# --- About me -------------------------------------------------------------------------------


def test_about_me_in_the_persons_voice_is_theirs_though_staff_typed_it(db: Database, staff: Staff) -> None:
    person_id = register_person(db, staff.worker, DEE)
    write_about_me(db, staff.worker, person_id, "hopes", "  I want my kids to see me well  ", PERSON)
    text = about_me_text(db, person_id, "hopes")
    assert text is not None
    assert text.body == "I want my kids to see me well"
    assert text.author_kind == AuthorKind.PERSON
    assert text.person_id == person_id
    assert text.staff_id is None
    assert text.author_role is None
    assert text.recorded_by_id == staff.worker.staff_id
    event = audit_events(db)[-1]
    assert (event.action, event.entity, event.fields) == ("write", "about_me", ["hopes"])
    assert "kids" not in repr([e.fields for e in audit_events(db)])


@pytest.mark.parametrize(("who", "role"), [("worker", "key_worker"), ("mentor", "peer_mentor")])
def test_about_me_in_a_staff_voice_carries_their_name_and_role(
    db: Database, staff: Staff, who: str, role: str
) -> None:
    actor: Actor = getattr(staff, who)
    person_id = register_dee(db, staff)
    write_about_me(db, actor, person_id, "support", "Her sister visits on Sundays.", STAFF)
    text = about_me_text(db, person_id, "support")
    assert text is not None
    assert text.author_kind == AuthorKind.STAFF
    assert text.staff_id == actor.staff_id
    assert text.author_role == role
    assert text.recorded_by_id == actor.staff_id


def test_rewriting_the_same_words_keeps_the_same_text(db: Database, staff: Staff) -> None:
    person_id = register_dee(db, staff)
    write_about_me(db, staff.worker, person_id, "hopes", "A flat of my own", PERSON)
    first = about_me_text(db, person_id, "hopes")
    texts = count(db, AuthoredText)
    write_about_me(db, staff.mentor, person_id, "hopes", " A flat of my own\n", PERSON)
    same = about_me_text(db, person_id, "hopes")
    assert first is not None
    assert same is not None
    assert same.id == first.id
    assert count(db, AuthoredText) == texts


def test_the_same_words_keep_their_author_whoever_saves_them_again(db: Database, staff: Staff) -> None:
    """Words nobody changed keep the author who said them, even when saved again in another voice."""
    person_id = register_person(db, staff.worker, DEE)
    first = write_about_me(db, staff.worker, person_id, "hopes", "A flat of my own", PERSON)
    kim_covers(db, staff, person_id)
    again = write_about_me(db, staff.other_worker, person_id, "hopes", " A flat of my own ", STAFF)
    assert again == first
    text = about_me_text(db, person_id, "hopes")
    assert text is not None
    assert text.id == first
    assert (text.author_kind, text.person_id, text.staff_id) == (AuthorKind.PERSON, person_id, None)


def test_changed_words_are_a_new_text_in_the_chosen_voice_and_the_old_text_is_kept(
    db: Database, staff: Staff
) -> None:
    person_id = register_person(db, staff.worker, DEE)
    first = write_about_me(db, staff.worker, person_id, "hopes", "A flat of my own", PERSON)
    kim_covers(db, staff, person_id)
    reworded = write_about_me(db, staff.other_worker, person_id, "hopes", "She wants a flat", STAFF)
    assert first is not None
    assert reworded is not None
    assert reworded != first
    text = about_me_text(db, person_id, "hopes")
    assert text is not None
    assert text.id == reworded
    assert (text.author_kind, text.staff_id, text.author_role) == (
        AuthorKind.STAFF,
        staff.other_worker.staff_id,
        "key_worker",
    )
    with db.session() as session:  # texts are never edited in place
        old = session.get(AuthoredText, first)
        assert old is not None
        assert (old.body, old.author_kind) == ("A flat of my own", AuthorKind.PERSON)


def test_an_answer_changed_by_someone_else_meanwhile_is_not_overwritten(db: Database, staff: Staff) -> None:
    person_id = register_dee(db, staff)
    seen = write_about_me(db, staff.worker, person_id, "hopes", "A flat", PERSON, replacing=None)
    write_about_me(db, staff.mentor, person_id, "hopes", "A flat near my kids", PERSON, replacing=seen)
    with refused(db, ConflictError, "someone else changed “my hopes”"):
        write_about_me(db, staff.worker, person_id, "hopes", "A flat by the sea", PERSON, replacing=seen)
    with refused(db, ConflictError, "nothing was overwritten"):
        write_about_me(db, staff.worker, person_id, "hopes", "", PERSON, replacing=seen)
    with refused(db, ConflictError, "someone else changed"):
        write_about_me(db, staff.worker, person_id, "going_well", "Appointments", PERSON, replacing=seen)
    text = about_me_text(db, person_id, "hopes")
    assert text is not None
    assert text.body == "A flat near my kids"


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_an_empty_answer_removes_it(db: Database, staff: Staff, empty: str) -> None:
    person_id = register_person(db, staff.worker, DEE)
    write_about_me(db, staff.worker, person_id, "going_well", "I kept my appointments", PERSON)
    write_about_me(db, staff.worker, person_id, "hopes", "A flat", PERSON)
    write_about_me(db, staff.worker, person_id, "going_well", empty, PERSON)
    assert about_me_text(db, person_id, "going_well") is None
    assert about_me_text(db, person_id, "hopes") is not None
    event = audit_events(db)[-1]
    assert (event.action, event.entity, event.fields) == ("remove", "about_me", ["going_well"])


def test_removing_an_answer_that_was_never_given_changes_nothing_that_matters(
    quick_db: Database, quick_staff: Staff
) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    events = len(audit_events(quick_db))
    write_about_me(quick_db, quick_staff.worker, person_id, "hopes", "", PERSON)
    assert len(audit_events(quick_db)) == events
    assert count(quick_db, AboutMeEntry) == 0


@pytest.mark.parametrize("topic", ["diary", "", "Hopes", "hopes "])
def test_about_me_refuses_an_unknown_topic(quick_db: Database, quick_staff: Staff, topic: str) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    with refused(quick_db, InvalidInput, "is not part of about me") as info:
        write_about_me(quick_db, quick_staff.worker, person_id, topic, "Something", PERSON)
    assert info.value.field == "topic"


def test_about_me_has_the_topics_the_screens_show() -> None:
    assert {"what_matters", "going_well", "want_to_change", "hopes", "support"} <= set(ABOUT_ME_TOPICS)
    assert all(label[0].isupper() for label in ABOUT_ME_TOPICS.values())


def test_about_me_refuses_an_answer_that_is_far_too_long(quick_db: Database, quick_staff: Staff) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    write_about_me(quick_db, quick_staff.worker, person_id, "hopes", "x" * 5000, PERSON)
    with refused(quick_db, InvalidInput, "longer than 5000 characters") as info:
        write_about_me(quick_db, quick_staff.worker, person_id, "hopes", "y" * 5001, PERSON)
    assert info.value.field == "hopes"


def test_about_me_for_someone_who_is_not_there(quick_db: Database, quick_staff: Staff) -> None:
    with refused(quick_db, NotFound, "person could not be found"):
        write_about_me(quick_db, quick_staff.worker, 777, "hopes", "A flat", PERSON)


def test_about_me_from_an_old_reading_is_refused(db: Database, staff: Staff) -> None:
    person_id = register_dee(db, staff)
    revision = load_person(db, person_id).revision
    write_about_me(db, staff.worker, person_id, "hopes", "A flat", PERSON, expected_revision=revision)
    with refused(db, ConflictError, "someone else changed"):
        write_about_me(db, staff.mentor, person_id, "hopes", "A car", PERSON, expected_revision=revision)
    text = about_me_text(db, person_id, "hopes")
    assert text is not None
    assert text.body == "A flat"


def test_an_administrator_cannot_write_about_me(quick_db: Database, quick_staff: Staff) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    with refused(quick_db, PermissionDenied, "cannot edit about me"):
        write_about_me(quick_db, quick_staff.admin, person_id, "hopes", "A flat", STAFF)


# --- substances -----------------------------------------------------------------------------


def test_set_substances_replaces_the_whole_list_in_order(db: Database, staff: Staff) -> None:
    person_id = register_dee(db, staff)
    set_substances(
        db,
        staff.worker,
        person_id,
        [
            SubstanceEntry("Heroin", "smoked", "daily", "£20 bag"),
            SubstanceEntry("Crack", how_often="weekends"),
        ],
    )
    set_substances(
        db,
        staff.mentor,
        person_id,
        [
            SubstanceEntry("  Methadone ", "oral", "daily", "60ml"),
            SubstanceEntry("Crack", how_often="sometimes"),
        ],
    )
    person = load_person(db, person_id)
    assert [(s.position, s.substance, s.how, s.how_often, s.amount) for s in person.substances] == [
        (0, "Methadone", "oral", "daily", "60ml"),
        (1, "Crack", None, "sometimes", None),
    ]
    assert {s.recorded_by_id for s in person.substances} == {staff.mentor.staff_id}
    assert count(db, SubstanceUse) == 2
    set_substances(db, staff.worker, person_id, [])
    assert count(db, SubstanceUse) == 0


@pytest.mark.parametrize(
    ("entry", "field", "phrase"),
    [
        (SubstanceEntry(""), "substance", "please fill in the substance"),
        (SubstanceEntry("   "), "substance", "please fill in the substance"),
        (SubstanceEntry("s" * 81), "substance", "too long"),
        (SubstanceEntry("Alcohol", how="h" * 81), "how", "too long"),
        (SubstanceEntry("Alcohol", how_often="o" * 81), "how_often", "too long"),
        (SubstanceEntry("Alcohol", amount="a" * 81), "amount", "too long"),
    ],
)
def test_set_substances_refuses_bad_entries_and_keeps_the_old_list(
    quick_db: Database, quick_staff: Staff, entry: SubstanceEntry, field: str, phrase: str
) -> None:
    person_id = register_person(quick_db, quick_staff.worker, DEE)
    set_substances(quick_db, quick_staff.worker, person_id, [SubstanceEntry("Alcohol", "drinks", "daily")])
    with refused(quick_db, InvalidInput, phrase) as info:
        set_substances(quick_db, quick_staff.worker, person_id, [SubstanceEntry("Cannabis"), entry])
    assert info.value.field == field
    assert [s.substance for s in load_person(quick_db, person_id).substances] == ["Alcohol"]
