"""The manager's desk: what waits for a manager, the service's money, and caseload sizes.

One use case, :func:`desk_view`, for managers (``VIEW_REPORTS``): every queue oldest first with
how long it has waited, reviews due and overdue (:mod:`careplan.services.desk_queues`) with a
count by key worker, services near or over what is set aside
(:mod:`careplan.services.desk_near_limit`), the money by category and by month
and the caseloads (:mod:`careplan.services.desk_money`). Each part is one statement, whatever the
number of people, so the desk opens as fast at 40,000 people as at 40 (``python -m bench desk``).
Approving from the desk: :mod:`careplan.services.desk_approval`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.review_timing import ReviewState
from careplan.services import desk_money, desk_near_limit, desk_queues
from careplan.services.desk_money import Caseload, MoneyLine
from careplan.services.desk_near_limit import NearLimit
from careplan.services.desk_queues import Ending, ReviewWaiting, ToApprove, ToDecide
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database

ENDING_WITHIN_DAYS = 30
"""Plans whose year ends within this many days are on the desk (and those already past it)."""

MAX_ENDING_WITHIN_DAYS = 366


@dataclass(frozen=True)
class ReviewsOf:
    """How many reviews of a key worker's people are overdue and due."""

    username: str | None  # None: people with no key worker
    name: str
    overdue: int
    due: int

    def as_json(self) -> dict[str, Any]:
        return {"username": self.username, "name": self.name, "overdue": self.overdue, "due": self.due}

    def as_cells(self) -> list[str]:
        who = "No key worker" if self.username is None else f"{self.name} ({self.username})"
        return [who, str(self.overdue), str(self.due)]


@dataclass(frozen=True)
class Desk:
    """Everything the manager's desk shows, as of ``today``."""

    today: date
    ending_within_days: int
    to_approve: tuple[ToApprove, ...]
    to_decide: tuple[ToDecide, ...]
    reviews: tuple[ReviewWaiting, ...]  # due or overdue, most overdue first
    reviews_by_key_worker: tuple[ReviewsOf, ...]
    ending: tuple[Ending, ...]
    near_limit: tuple[NearLimit, ...]  # services near or over what is set aside, oldest first
    money_by_category: tuple[MoneyLine, ...]
    money_by_month: tuple[MoneyLine, ...]
    money_total: MoneyLine
    caseloads: tuple[Caseload, ...]

    def as_json(self) -> dict[str, Any]:
        """Typed and stable: money in whole pence, dates as ISO text (see ``careplan desk``)."""
        return {
            "today": self.today.isoformat(),
            "to_approve": [row.as_json() for row in self.to_approve],
            "requests_to_decide": [row.as_json() for row in self.to_decide],
            "reviews_due": [row.review.as_json() for row in self.reviews],
            "reviews_by_key_worker": [row.as_json() for row in self.reviews_by_key_worker],
            "ending_within_days": self.ending_within_days,
            "plans_ending": [row.as_json() for row in self.ending],
            "near_or_over_set_aside": [row.as_json() for row in self.near_limit],
            "money": {
                "by_category": [line.as_json() for line in self.money_by_category],
                "by_month": [line.as_json() for line in self.money_by_month],
                "total": self.money_total.as_json(),
            },
            "caseloads": [row.as_json() for row in self.caseloads],
        }


def count_by_key_worker(waiting: list[ReviewWaiting]) -> list[ReviewsOf]:
    """Overdue and due reviews counted for each key worker, most overdue first."""
    counts: dict[str | None, list[Any]] = {}
    for row in (one.review for one in waiting):
        entry = counts.setdefault(row.key_worker_username, [row.key_worker_name or "", 0, 0])
        entry[1 if row.state is ReviewState.OVERDUE else 2] += 1
    found = [ReviewsOf(user, name, overdue, due) for user, (name, overdue, due) in counts.items()]
    return sorted(found, key=lambda r: (-r.overdue, -r.due, r.name))


def desk_view(db: Database, actor: Actor, *, ending_within_days: int = ENDING_WITHIN_DAYS) -> Desk:
    """The manager's desk as of today (managers only: ``VIEW_REPORTS``)."""
    with read_only(db, actor, Action.VIEW_REPORTS) as work:
        if not 0 <= ending_within_days <= MAX_ENDING_WITHIN_DAYS:
            raise InvalidInput(
                f"Say how many days ahead to look for plans ending: 0 to {MAX_ENDING_WITHIN_DAYS}.",
                "ending_within_days",
            )
        approve = desk_queues.to_approve(work)
        decide = desk_queues.to_decide(work)
        ending = desk_queues.ending(work, ending_within_days)
        near = desk_near_limit.near_limit(work)
        months = desk_money.by_month(work)
        categories = desk_money.by_category(work)
        reviews = desk_queues.reviews_waiting(work)
        people = desk_money.caseloads(work)
        today = work.now.date()
    return Desk(
        today=today,
        ending_within_days=ending_within_days,
        to_approve=tuple(approve),
        to_decide=tuple(decide),
        reviews=tuple(reviews),
        reviews_by_key_worker=tuple(count_by_key_worker(reviews)),
        ending=tuple(ending),
        near_limit=tuple(near),
        money_by_category=tuple(categories),
        money_by_month=tuple(months),
        money_total=desk_money.total(months),
        caseloads=tuple(people),
    )
