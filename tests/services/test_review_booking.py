"""Approving a plan books its first year of reviews from the service's schedule."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sqlalchemy import select

from careplan.domain.enums import PlanStatus, ReviewKind
from careplan.domain.records import PlanVersion, Review
from careplan.services.review_schedule import ReviewSchedule, set_review_schedule
from careplan.services.signing import approve_plan
from careplan.storage import Database
from tests import worlds
from tests.database_copies import world_fixtures
from tests.worlds import World


def agreed_world(db: Database) -> World:
    return worlds.build_world(db, stage=PlanStatus.AGREED)


template, sqlite_template, world, quick = world_fixtures(agreed_world)


def months_on(start: date, months: int) -> date:
    """Independent oracle: the same day so many months on, or the last day of a shorter month."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def approved_and_booked(w: World) -> tuple[date, list[tuple[ReviewKind, date]]]:
    approve_plan(w.db, w.team.manager, w.version_id)
    with w.db.session() as session:
        version = session.get(PlanVersion, w.version_id)
        assert version is not None
        assert version.approved_at is not None
        rows = session.scalars(
            select(Review).where(Review.plan_id == w.plan_id).order_by(Review.due_date, Review.id)
        )
        return version.approved_at.date(), [(ReviewKind(r.kind), r.due_date) for r in rows]


def test_the_default_schedule_books_what_the_agreement_printed_before(quick: World) -> None:
    approved, reviews = approved_and_booked(quick)
    assert reviews == [
        (ReviewKind.EARLY, approved + timedelta(weeks=7)),
        (ReviewKind.REGULAR, months_on(approved, 3)),
        (ReviewKind.REGULAR, months_on(approved, 6)),
        (ReviewKind.REGULAR, months_on(approved, 9)),
        (ReviewKind.FULL, months_on(approved, 12)),
    ]


def test_a_changed_schedule_changes_the_booked_dates(quick: World) -> None:
    set_review_schedule(quick.db, quick.team.administrator, 8, 5)
    approved, reviews = approved_and_booked(quick)
    assert reviews == [
        (ReviewKind.EARLY, approved + timedelta(weeks=8)),
        (ReviewKind.REGULAR, months_on(approved, 5)),
        (ReviewKind.REGULAR, months_on(approved, 10)),
        (ReviewKind.FULL, months_on(approved, 12)),
    ]


def test_reviews_once_a_year_still_have_the_early_one(quick: World) -> None:
    set_review_schedule(quick.db, quick.team.administrator, 6, 12)
    approved, reviews = approved_and_booked(quick)
    assert reviews == [
        (ReviewKind.EARLY, approved + timedelta(weeks=6)),
        (ReviewKind.FULL, months_on(approved, 12)),
    ]


@pytest.mark.parametrize(
    ("approved", "schedule", "expected"),
    [
        # every month: the review a month on comes before the early one at 7 weeks, so it is left out
        (
            date(2025, 1, 10),
            ReviewSchedule(7, 1),
            [(ReviewKind.EARLY, date(2025, 2, 28))]
            + [(ReviewKind.REGULAR, date(2025, m, 10)) for m in range(3, 13)]
            + [(ReviewKind.FULL, date(2026, 1, 10))],
        ),
        (
            date(2025, 1, 31),
            ReviewSchedule(6, 4),
            [
                (ReviewKind.EARLY, date(2025, 3, 14)),
                (ReviewKind.REGULAR, date(2025, 5, 31)),
                (ReviewKind.REGULAR, date(2025, 9, 30)),
                (ReviewKind.FULL, date(2026, 1, 31)),
            ],
        ),
        (
            date(2024, 2, 29),
            ReviewSchedule(7, 7),
            [
                (ReviewKind.EARLY, date(2024, 4, 18)),
                (ReviewKind.REGULAR, date(2024, 9, 29)),
                (ReviewKind.FULL, date(2025, 2, 28)),
            ],
        ),
    ],
)
def test_a_year_of_reviews(
    approved: date, schedule: ReviewSchedule, expected: list[tuple[ReviewKind, date]]
) -> None:
    assert schedule.year_of_reviews(approved) == expected


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(6, 8),
    st.integers(1, 12),
)
@example(date(2025, 12, 31), 8, 1)
@example(date(2024, 2, 29), 6, 11)
def test_every_schedule_gives_a_year_in_order_with_no_gap_longer_than_it_says(
    approved: date, first_weeks: int, every_months: int
) -> None:
    reviews = ReviewSchedule(first_weeks, every_months).year_of_reviews(approved)
    kinds = [kind for kind, _ in reviews]
    days = [due for _, due in reviews]
    assert kinds[0] is ReviewKind.EARLY
    assert kinds[-1] is ReviewKind.FULL
    assert set(kinds[1:-1]) <= {ReviewKind.REGULAR}
    assert days[0] == approved + timedelta(weeks=first_weeks)
    assert days[-1] == months_on(approved, 12)
    assert days == sorted(set(days))
    regular = [months_on(approved, m) for m in range(every_months, 12, every_months)]
    assert days[1:-1] == [due for due in regular if due > days[0]]
    # never longer between reviews than the schedule says (a month is at most 31 days)
    assert all((later - earlier).days <= 31 * every_months for earlier, later in pairwise(days))
