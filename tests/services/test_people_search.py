"""Finding people: text, caseload, plan status, review dates and sorting, on both engines."""

from __future__ import annotations

from datetime import date, timedelta

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus, Role
from careplan.services import people, plans, staff
from careplan.services.people_search import (
    PeopleQuery,
    ReviewFilter,
    SortKey,
    count_people,
    first_page,
    search_people,
)
from careplan.storage.database import Database


def _world(db: Database) -> tuple[Actor, Actor, dict[str, int]]:
    admin = staff.create_first_administrator(db, "admin", "Ada Admin")
    sam = Actor(staff.add_staff(db, admin, "sam", "Sam Okafor", Role.KEY_WORKER))
    kim = Actor(staff.add_staff(db, admin, "kim", "Kim Lee", Role.KEY_WORKER))
    ids = {}
    for worker, preferred, full, ref in (
        (sam, "Dee", "Dee Walsh", "CP-A1"),
        (sam, "Marek", "Marek Nowak", "CP-B2"),
        (kim, "Jordan", "Jordan Reid", "CP-C3"),
        (kim, "Zoë", "Zoë O'Brien", "CP-D4"),
        (kim, "50% Sure", "Percent_Underscore", "CP-E5"),
    ):
        ids[preferred] = people.register_person(
            db, worker, people.PersonDetails(preferred, full, reference=ref)
        )
    plans.start_plan(db, sam, ids["Dee"])
    return sam, kim, ids


def names(rows: list) -> list[str]:  # type: ignore[type-arg]
    return [r.preferred_name for r in rows]


def test_text_matches_start_of_names_and_references(db: Database) -> None:
    sam, _kim, _ids = _world(db)
    assert names(search_people(db, sam, PeopleQuery(text="ma"))) == ["Marek"]
    assert names(search_people(db, sam, PeopleQuery(text="NOWAK"))) == ["Marek"]  # surname
    assert names(search_people(db, sam, PeopleQuery(text="cp-c"))) == ["Jordan"]
    assert names(search_people(db, sam, PeopleQuery(text="zoë"))) == ["Zoë"]
    assert names(search_people(db, sam, PeopleQuery(text="dee walsh"))) == ["Dee"]  # every word must match
    assert names(search_people(db, sam, PeopleQuery(text="a"))) == []  # no name starts with "a"


def test_like_wildcards_in_the_search_text_are_literal(db: Database) -> None:
    sam, _kim, _ids = _world(db)
    assert names(search_people(db, sam, PeopleQuery(text="50%"))) == ["50% Sure"]
    assert names(search_people(db, sam, PeopleQuery(text="%"))) == []
    assert names(search_people(db, sam, PeopleQuery(text="percent_"))) == ["50% Sure"]
    assert names(search_people(db, sam, PeopleQuery(text="_"))) == []


def test_caseload_and_status_filters(db: Database) -> None:
    sam, kim, _ids = _world(db)
    assert sorted(names(search_people(db, sam, PeopleQuery(my_caseload=True)))) == ["Dee", "Marek"]
    assert count_people(db, kim, PeopleQuery(my_caseload=True)) == 3
    drafts = search_people(db, sam, PeopleQuery(plan_status=PlanStatus.DRAFT))
    assert names(drafts) == ["Dee"]
    assert drafts[0].plan_status == "draft"
    assert search_people(db, sam, PeopleQuery(plan_status=PlanStatus.ACTIVE)) == []


def test_sorting_and_paging(db: Database) -> None:
    sam, _kim, _ids = _world(db)
    by_name = names(search_people(db, sam, PeopleQuery(sort=SortKey.NAME)))
    assert by_name == sorted(by_name, key=str.lower)
    reverse = names(search_people(db, sam, PeopleQuery(sort=SortKey.REFERENCE, descending=True)))
    assert reverse == ["50% Sure", "Zoë", "Jordan", "Marek", "Dee"]
    page1 = search_people(db, sam, PeopleQuery(), offset=0, limit=2)
    page2 = search_people(db, sam, PeopleQuery(), offset=2, limit=2)
    page3 = search_people(db, sam, PeopleQuery(), offset=4, limit=2)
    assert names(page1 + page2 + page3) == by_name
    assert count_people(db, sam, PeopleQuery()) == 5


def test_review_filters(db: Database) -> None:
    from careplan.domain.enums import ReviewKind
    from careplan.domain.records import Plan, PlanVersion, Review

    sam, _kim, ids = _world(db)
    today = date(2027, 3, 1)
    with db.session() as session, session.begin():
        plan = session.query(Plan).filter_by(person_id=ids["Dee"]).one()
        version = session.query(PlanVersion).filter_by(plan_id=plan.id).one()
        session.add(
            Review(
                plan_id=plan.id,
                version_id=version.id,
                kind=ReviewKind.EARLY,
                due_date=today - timedelta(days=3),
            )
        )
    overdue = search_people(db, sam, PeopleQuery(reviews=ReviewFilter.OVERDUE), today=today)
    assert names(overdue) == ["Dee"]
    assert overdue[0].next_review == today - timedelta(days=3)
    assert names(search_people(db, sam, PeopleQuery(reviews=ReviewFilter.DUE_SOON), today=today)) == ["Dee"]
    later = today - timedelta(days=30)
    assert search_people(db, sam, PeopleQuery(reviews=ReviewFilter.OVERDUE), today=later) == []
    assert names(search_people(db, sam, PeopleQuery(reviews=ReviewFilter.DUE_SOON), today=later)) == []


def test_a_person_with_a_closed_plan_and_a_new_one_is_listed_once(db: Database) -> None:
    sam, _kim, ids = _world(db)
    from careplan.domain.actor import Actor as _Actor
    from careplan.domain.enums import Role as _Role

    admin = _Actor(1)
    manager = _Actor(staff.add_staff(db, admin, "priya", "Priya Shah", _Role.MANAGER))
    first = search_people(db, sam, PeopleQuery(text="Dee"))
    assert [r.plan_status for r in first] == ["draft"]
    from careplan.domain.records import Plan

    with db.session() as session:
        plan_id = session.query(Plan.id).filter_by(person_id=ids["Dee"]).scalar()
    plans.close_plan(db, manager, plan_id)
    plans.start_plan(db, sam, ids["Dee"])
    rows = search_people(db, sam, PeopleQuery(text="Dee"))
    assert [(r.preferred_name, r.plan_status) for r in rows] == [("Dee", "draft")]
    assert count_people(db, sam, PeopleQuery()) == 5
    closed = search_people(db, sam, PeopleQuery(plan_status=PlanStatus.CLOSED))
    assert closed == []


def test_first_page_is_the_count_and_the_first_page_together(db: Database) -> None:
    sam, _kim, _ids = _world(db)
    for query in (
        PeopleQuery(),
        PeopleQuery(text="ma"),
        PeopleQuery(my_caseload=True, sort=SortKey.REFERENCE, descending=True),
        PeopleQuery(plan_status=PlanStatus.DRAFT),
    ):
        page = first_page(db, sam, query, limit=2)
        assert page.exact
        assert page.total == count_people(db, sam, query)
        assert page.rows == search_people(db, sam, query, offset=0, limit=2)
    assert first_page(db, sam, PeopleQuery(text="nobody")).total == 0


def test_a_plan_in_action_with_a_new_version_being_written_shows_and_filters_as_both(db: Database) -> None:
    from careplan.domain.actor import PERSON
    from careplan.services import signing
    from careplan.services.plans import GoalInput
    from careplan.services.unit_of_work import staff_by_username
    from tests.worlds import sign_both

    sam, _kim, ids = _world(db)
    admin = staff_by_username(db, "admin")
    priya = Actor(staff.add_staff(db, admin, "priya", "Priya Shah", Role.MANAGER))
    started = plans.start_plan(db, sam, ids["Marek"])
    plans.add_goal(db, sam, started.version_id, GoalInput("A job", PERSON, "time"))
    sign_both(db, sam, started.version_id)
    signing.approve_plan(db, priya, started.version_id)
    plans.activate_plan(db, sam, started.version_id)

    def marek() -> list[tuple[str | None, str | None]]:
        rows = search_people(db, sam, PeopleQuery(text="marek"))
        return [(r.plan_status, r.in_force_status) for r in rows]

    def found(status: PlanStatus) -> list[str]:
        return sorted(names(search_people(db, sam, PeopleQuery(plan_status=status))))

    assert marek() == [("active", None)]
    assert found(PlanStatus.ACTIVE) == ["Marek"]

    draft = plans.revise_plan(db, sam, started.version_id)
    assert marek() == [("draft", "active")]
    assert found(PlanStatus.ACTIVE) == ["Marek"]  # still in action
    assert found(PlanStatus.DRAFT) == ["Dee", "Marek"]  # and being written
    assert count_people(db, sam, PeopleQuery(plan_status=PlanStatus.ACTIVE)) == 1
    assert count_people(db, sam, PeopleQuery(plan_status=PlanStatus.DRAFT)) == 2
    assert found(PlanStatus.AGREED) == []

    sign_both(db, sam, draft)  # the new version signed, waiting for a manager
    assert marek() == [("agreed", "active")]
    assert found(PlanStatus.ACTIVE) == ["Marek"]
    assert found(PlanStatus.AGREED) == ["Marek"]
    assert found(PlanStatus.DRAFT) == ["Dee"]

    signing.approve_plan(db, priya, draft)
    plans.activate_plan(db, sam, draft)  # the old version is replaced: one status again
    assert marek() == [("active", None)]
    assert found(PlanStatus.SUPERSEDED) == []  # a replaced version is history, not a status
