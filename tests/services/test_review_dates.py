"""Who is due a review (``reviews_due``) and one plan's booked reviews (``plan_reviews``), with
the state of each in words, for each role; dates from :mod:`tests.review_dates` (a fixed clock)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from careplan.domain.errors import NotFound, OutsideCaseload, PermissionDenied
from careplan.domain.records import Review
from careplan.domain.review_timing import ReviewState
from careplan.services import covering, workspace
from careplan.services.people_search import PeopleQuery, ReviewFilter, count_people, first_page
from careplan.services.plan_reviews import plan_reviews
from careplan.services.reviews_due import DueFilter, reviews_due
from careplan.storage.database import Database
from tests.review_dates import DEE_NEXT, MAREK_NEXT, TODAY, ReviewWorld, on, review_world


@pytest.fixture
def site(db: Database) -> ReviewWorld:
    return review_world(db)


def listed(
    db: Database, site: ReviewWorld, who: str, only: DueFilter = DueFilter.ANY, **kw: str
) -> list[int]:
    team = site.world.team
    actor = {
        "priya": team.manager,
        "sam": team.key_worker,
        "chris": team.peer_mentor,
        **site.world.colleagues,
    }[who]
    with on(TODAY):
        return [row.plan_id for row in reviews_due(db, actor, only, **kw)]


def test_a_manager_sees_every_plans_next_review_most_overdue_first(db: Database, site: ReviewWorld) -> None:
    with on(TODAY):
        rows = reviews_due(db, site.world.team.manager)
    dee = workspace.load_person(db, site.world.team.manager, site.world.person_id).reference
    assert [(r.person_reference, r.plan_id, r.due_date) for r in rows] == [
        ("CP-MAREK", site.marek_plan, MAREK_NEXT),
        (dee, site.dee_plan, DEE_NEXT),
    ]
    marek, dee_row = rows
    assert (marek.state, marek.timing.days_overdue, marek.words) == (
        ReviewState.OVERDUE,
        22,
        "Overdue by 22 days",
    )
    assert (dee_row.state, dee_row.timing.days_overdue, dee_row.words) == (
        ReviewState.DUE,
        0,
        "Due in 12 days",
    )
    assert (marek.key_worker_username, marek.key_worker_name) == ("kim", "Kim Extra")
    assert dee_row.key_worker_username == "sam"
    assert marek.as_json() == {
        "person_reference": "CP-MAREK",
        "plan_id": site.marek_plan,
        "due_date": "2027-01-19",
        "days_overdue": 22,
        "state": "overdue",
        "words": "Overdue by 22 days",
        "key_worker_username": "kim",
        "key_worker_name": "Kim Extra",
    }


def test_due_and_overdue_filters(db: Database, site: ReviewWorld) -> None:
    assert listed(db, site, "priya", DueFilter.OVERDUE) == [site.marek_plan]
    assert listed(db, site, "priya", DueFilter.DUE) == [site.marek_plan, site.dee_plan]
    with on(date(2027, 2, 7)):  # Dee's review is 15 days off: not due yet
        due = reviews_due(db, site.world.team.manager, DueFilter.DUE)
    assert [r.plan_id for r in due] == [site.marek_plan]
    with on(date(2027, 2, 8)):  # 14 days off: due
        due = reviews_due(db, site.world.team.manager, DueFilter.DUE)
    assert [r.plan_id for r in due] == [site.marek_plan, site.dee_plan]
    with on(DEE_NEXT):  # on the day: due, not overdue
        overdue = reviews_due(db, site.world.team.manager, DueFilter.OVERDUE)
    assert [r.plan_id for r in overdue] == [site.marek_plan]


def test_a_held_review_is_not_due_and_the_next_one_is(db: Database, site: ReviewWorld) -> None:
    with db.session() as session, session.begin():
        session.execute(
            update(Review)
            .where(Review.plan_id == site.marek_plan, Review.due_date == MAREK_NEXT)
            .values(completed_on=MAREK_NEXT)
        )
    assert listed(db, site, "priya", DueFilter.OVERDUE) == []
    with on(TODAY):
        (marek,) = [r for r in reviews_due(db, site.world.team.manager) if r.plan_id == site.marek_plan]
    assert marek.due_date == date(2027, 3, 1)  # three months after approval
    assert marek.state is ReviewState.BOOKED
    assert marek.words == "Next review 1 March 2027"


def test_key_workers_and_peer_mentors_see_only_their_caseload(db: Database, site: ReviewWorld) -> None:
    assert listed(db, site, "sam") == [site.dee_plan]
    assert listed(db, site, "kim") == [site.marek_plan]
    assert listed(db, site, "chris") == [site.dee_plan]  # Dee's peer mentor
    assert listed(db, site, "robin") == []  # a peer mentor with nobody yet


def test_covering_for_a_colleague_shows_whom_they_cover_for(db: Database, site: ReviewWorld) -> None:
    sam = site.world.team.key_worker
    with on(TODAY):
        covering.cover_for_colleague(db, sam, site.marek, "Kim is on leave today")
    assert listed(db, site, "sam") == [site.marek_plan, site.dee_plan]
    with on(date(2027, 2, 11)):  # the cover ended with the day
        assert [r.plan_id for r in reviews_due(db, sam)] == [site.dee_plan]


def test_by_key_worker(db: Database, site: ReviewWorld) -> None:
    assert listed(db, site, "priya", key_worker="kim") == [site.marek_plan]
    assert listed(db, site, "priya", DueFilter.DUE, key_worker="sam") == [site.dee_plan]
    assert listed(db, site, "sam", key_worker="kim") == []  # not Sam's to see
    with pytest.raises(NotFound, match="no member of staff called “nobody”"):
        listed(db, site, "priya", key_worker="nobody")


def test_an_administrator_reads_nobodys_reviews(db: Database, site: ReviewWorld) -> None:
    admin = site.world.team.administrator
    with pytest.raises(PermissionDenied):
        reviews_due(db, admin)
    with pytest.raises(PermissionDenied):  # before saying whether a username exists
        reviews_due(db, admin, key_worker="nobody")
    with pytest.raises(PermissionDenied):
        plan_reviews(db, admin, site.dee_plan)


def test_one_plans_reviews_the_next_then_the_rest_in_order(db: Database, site: ReviewWorld) -> None:
    with on(TODAY):
        view = plan_reviews(db, site.world.team.key_worker, site.dee_plan)
    assert view.today == TODAY
    assert view.next is not None
    assert (view.next.due_date, view.next.kind_words, view.next.words) == (
        DEE_NEXT,
        "Early review",
        "Due in 12 days",
    )
    assert view.next.sentence == "Due in 12 days, on Monday 22 February 2027"
    assert [(r.due_date, r.kind_words, r.words) for r in view.rest] == [
        (date(2027, 4, 4), "Review", "Next review 4 April 2027"),
        (date(2027, 7, 4), "Review", "Next review 4 July 2027"),
        (date(2027, 10, 4), "Review", "Next review 4 October 2027"),
        (date(2028, 1, 4), "Full review", "Next review 4 January 2028"),
    ]
    assert view.in_order == (view.next, *view.rest)


def test_once_a_review_is_held_the_next_is_the_one_after(db: Database, site: ReviewWorld) -> None:
    with db.session() as session, session.begin():
        session.execute(
            update(Review)
            .where(Review.plan_id == site.dee_plan, Review.due_date == DEE_NEXT)
            .values(completed_on=date(2027, 2, 20))
        )
    with on(date(2027, 4, 10)):
        view = plan_reviews(db, site.world.team.peer_mentor, site.dee_plan)
    assert view.next is not None
    assert (view.next.due_date, view.next.state, view.next.words) == (
        date(2027, 4, 4),
        ReviewState.OVERDUE,
        "Overdue by 6 days",
    )
    held = view.rest[0]
    assert (held.due_date, held.state, held.words) == (DEE_NEXT, ReviewState.HELD, "Held on 20 February 2027")
    assert [r.due_date for r in view.in_order] == sorted(r.due_date for r in view.in_order)


def test_one_plans_reviews_are_refused_outside_the_caseload(db: Database, site: ReviewWorld) -> None:
    with pytest.raises(OutsideCaseload):
        plan_reviews(db, site.world.colleagues["kim"], site.dee_plan)
    with pytest.raises(NotFound):
        plan_reviews(db, site.world.team.manager, 999_999)
    with on(TODAY):
        view = plan_reviews(db, site.world.team.manager, site.marek_plan)
    assert view.next is not None
    assert view.next.words == "Overdue by 22 days"


def test_the_people_lists_review_filters_keep_to_whom_one_may_open(db: Database, site: ReviewWorld) -> None:
    """Filtering by review date must not tell, by who it keeps, what the list would not show:
    Kim's overdue filter finds Marek only, not Dee (Sam's), whose review is overdue too."""
    kim = site.world.colleagues["kim"]
    with on(date(2027, 3, 1)):  # both overdue
        assert count_people(db, kim, PeopleQuery(reviews=ReviewFilter.OVERDUE)) == 1
        (row,) = first_page(db, kim, PeopleQuery(reviews=ReviewFilter.OVERDUE)).rows
        assert row.person_id == site.marek
        assert row.review is not None
        assert row.review.state is ReviewState.OVERDUE
        assert count_people(db, site.world.team.manager, PeopleQuery(reviews=ReviewFilter.OVERDUE)) == 2


def test_the_people_list_rows_carry_the_next_reviews_state(db: Database, site: ReviewWorld) -> None:
    with on(TODAY):
        rows = {r.person_id: r for r in first_page(db, site.world.team.manager, PeopleQuery()).rows}
        kims = {r.person_id: r for r in first_page(db, site.world.colleagues["kim"], PeopleQuery()).rows}
    marek, dee, jo = rows[site.marek], rows[site.world.person_id], rows[site.jo]
    assert marek.review is not None
    assert marek.review.state is ReviewState.OVERDUE
    assert dee.review is not None
    assert dee.review.state is ReviewState.DUE
    assert jo.review is None  # no plan approved, no review booked
    assert kims[site.world.person_id].review is None  # not Kim's to see
