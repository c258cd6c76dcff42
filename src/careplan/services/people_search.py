"""Finding people: search as you type, filters, sorting, one page at a time.

Built for a list of tens of thousands: a page is found by a few statements whatever its size
(never a query per row), the plan status and next review worked out for that page's people only.

A typed word is found through ``person_words`` (each word of a person's names and reference,
folded: see :mod:`careplan.services.search_words`) by an index range, never by reading every
person; the order by name is ``person_name_keys`` (the preferred name, folded), walked by its
index when a typed word is broad. While words are typed, the count stops at
:data:`COUNT_UP_TO` ("more than 1,000"): counting everyone whose reference starts with "c" at
each keystroke would cost more than the page itself.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ScalarSelect, Select, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import Session

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.permissions import Action
from careplan.domain.records import Person, PersonNameKey, PersonWord, Plan, PlanVersion, Review, StaffMember
from careplan.domain.review_timing import ReviewTiming, due_by
from careplan.services import caseload, clock
from careplan.services.search_words import after_prefix, typed_words
from careplan.services.unit_of_work import Work, read_only
from careplan.storage.database import Database


class SortKey(StrEnum):
    NAME = "name"
    REFERENCE = "reference"
    STATUS = "status"
    NEXT_REVIEW = "next_review"
    KEY_WORKER = "key_worker"


class ReviewFilter(StrEnum):
    ANY = "any"
    DUE_SOON = "due_soon"  # within DUE_WITHIN_DAYS (careplan.domain.review_timing), or overdue
    OVERDUE = "overdue"


@dataclass(frozen=True)
class PeopleQuery:
    text: str = ""
    my_caseload: bool = False
    plan_status: PlanStatus | None = None
    reviews: ReviewFilter = ReviewFilter.ANY
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class PersonRow:
    person_id: int
    reference: str
    preferred_name: str
    full_name: str
    key_worker: str | None
    plan_status: str | None
    next_review: date | None
    # While a newer version is on its way (plan_status is then "draft" or "agreed"...), the
    # status of the signed version still in force, if there is one.
    in_force_status: str | None = None
    # Whether the member of staff may open the record now: if not, the plan status and next
    # review are left out (None), which must not read as "no plan yet".
    may_open: bool = True
    # The next review against the day the page was read (due, overdue...): worked out from
    # next_review alone, with no statement of its own.
    review: ReviewTiming | None = None


SIGNED = (PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE)
OPEN = (PlanStatus.DRAFT, *SIGNED)


def _newest_plan() -> ScalarSelect[Any]:
    return (
        select(Plan.id)
        .where(Plan.person_id == Person.id)
        .order_by(Plan.id.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _plan_status() -> ScalarSelect[Any]:
    """A person's current plan status: the newest version of their newest plan.

    Correlated to the person, so it is worked out only for the people a query touches, through
    the indexes on plans.person_id and plan_versions (plan_id, number).
    """
    return (
        select(PlanVersion.status)
        .where(PlanVersion.plan_id == _newest_plan())
        .order_by(PlanVersion.number.desc())
        .limit(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _in_force_status() -> ScalarSelect[Any]:
    """While a newer version is on its way (being written, or signed and waiting), the status of
    the signed version still in force: the open version just before the newest one, if any.

    Open versions are drafts and signed ones (agreed, approved, active); a plan has at most one
    being written and one in force, so "the second newest open version" is the one in force.
    """
    return (
        select(PlanVersion.status)
        .where(PlanVersion.plan_id == _newest_plan(), PlanVersion.status.in_(OPEN))
        .order_by(PlanVersion.number.desc())
        .limit(1)
        .offset(1)
        .correlate(Person)
        .scalar_subquery()
    )


def _next_review() -> ScalarSelect[Any]:
    """The earliest review not yet held, of any of the person's plans."""
    return (
        select(func.min(Review.due_date))
        .join(Plan, Plan.id == Review.plan_id)
        .where(Plan.person_id == Person.id, Review.completed_on.is_(None))
        .correlate(Person)
        .scalar_subquery()
    )


def _word_range(prefix: str) -> list[Any]:
    """Conditions on ``person_words.word``: every folded word starting with ``prefix``, as an
    index range (``LIKE`` would read them all, and mind case on one engine and not the other)."""
    end = after_prefix(prefix)
    starts = [PersonWord.word >= prefix]
    return starts if end is None else [*starts, PersonWord.word < end]


def _typed_word(prefix: str, broad: bool, person_id: Any = Person.id) -> Any:
    """The person has a word (of their names or reference) starting with ``prefix``.

    A narrow word (few people have it) is the list of people found by its index range, which the
    database starts from; a broad one (a fifth of everyone, say: "c" starts every "CP-" reference)
    is checked person by person (an index probe each) as the people are read in the list's order,
    so finding the first page stops after a page of them instead of sorting all who match.
    """
    if broad:
        found = select(PersonWord.person_id).where(PersonWord.person_id == person_id, *_word_range(prefix))
        return exists(found)
    return person_id.in_(select(PersonWord.person_id).where(*_word_range(prefix)))


def _filtered(
    stmt: Select[Any],
    query: PeopleQuery,
    actor: Actor,
    today: date,
    *,
    broad: frozenset[str] = frozenset(),
    person_id: Any = Person.id,
) -> Select[Any]:
    # Every typed word must start a word of the person's preferred name, full name or reference
    # (case and accents aside: see careplan.services.search_words). ``broad``: the typed words
    # (folded) that many people have (see _typed_word). ``person_id``: the column the words are
    # matched to (people.id, or person_name_keys.person_id when people is not read at all).
    for word in typed_words(query.text):
        stmt = stmt.where(_typed_word(word, word in broad, person_id))
    if query.my_caseload:
        stmt = stmt.where(Person.key_worker_id == actor.staff_id)
    if query.plan_status is not None or query.reviews != ReviewFilter.ANY:
        # Plan status and review dates show only for records the member of staff may open; a
        # filter on them must not tell, by who it keeps, what it would not show.
        stmt = stmt.where(caseload.openable_clause(actor.staff_id, clock.now(), person_id))
    if query.plan_status is not None:
        wanted = PlanStatus(query.plan_status)
        if wanted in SIGNED:  # someone in action with a new version being written is both
            stmt = stmt.where(or_(_plan_status() == wanted, _in_force_status() == wanted))
        else:
            stmt = stmt.where(_plan_status() == wanted)
    if query.reviews == ReviewFilter.OVERDUE:
        stmt = stmt.where(_next_review() < today)
    elif query.reviews == ReviewFilter.DUE_SOON:
        stmt = stmt.where(_next_review() <= due_by(today))
    return stmt


def _columns() -> Select[Any]:
    return select(
        Person.id,
        Person.reference,
        Person.preferred_name,
        Person.full_name,
        StaffMember.display_name,
        _plan_status().label("status"),
        _next_review().label("due"),
        _in_force_status().label("in_force"),
    )


def _name_key() -> Any:
    """Where a person comes by name (their preferred name, folded): from ``person_name_keys``."""
    return (
        select(PersonNameKey.name_key)
        .where(PersonNameKey.person_id == Person.id)
        .correlate(Person)
        .scalar_subquery()
    )


def _order(query: PeopleQuery, status: Any, due: Any, name: Any, person_id: Any = Person.id) -> list[Any]:
    """ORDER BY terms. Only the columns that may be empty say where empties go (last): the others
    keep plain ASC/DESC, which SQLite can read straight from an index in that order."""
    orders: dict[SortKey, list[tuple[Any, bool]]] = {
        SortKey.NAME: [(name, False), (person_id, False)],
        SortKey.REFERENCE: [(Person.reference, False)],
        SortKey.STATUS: [(status, True), (name, False), (person_id, False)],
        SortKey.NEXT_REVIEW: [(due, True), (person_id, False)],
        SortKey.KEY_WORKER: [(StaffMember.display_name, True), (name, False), (person_id, False)],
    }
    terms = []
    for column, may_be_empty in orders[query.sort]:
        term = column.desc() if query.descending else column.asc()
        terms.append(term.nulls_last() if may_be_empty else term)
    return terms


def _base(query: PeopleQuery, actor: Actor, today: date) -> Select[Any]:
    stmt = _columns().outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
    stmt = _filtered(stmt, query, actor, today)
    status: Any = _plan_status()
    due: Any = _next_review()
    if query.sort in (SortKey.STATUS, SortKey.NEXT_REVIEW):  # sorted as if empty where not shown
        shown = caseload.openable_clause(actor.staff_id, clock.now())
        status, due = case((shown, status), else_=None), case((shown, due), else_=None)
    return stmt.order_by(*_order(query, status, due, _name_key()))


# Sorted by these, a page is chosen before its status and review dates are worked out.
_PAGE_FIRST = (SortKey.NAME, SortKey.REFERENCE, SortKey.KEY_WORKER)
# Sorted by these, the people are read in the list's order through an index (person_name_keys,
# the unique reference), so broad typed words are checked person by person (see _typed_word).
_WALKED = (SortKey.NAME, SortKey.REFERENCE)


def _page(
    query: PeopleQuery,
    actor: Actor,
    today: date,
    offset: int,
    limit: int,
    *,
    broad: frozenset[str] = frozenset(),
) -> Select[Any]:
    """One page: its rows, or (sorted by name, reference or key worker) its people's ids, in order.

    Sorted by name, reference or key worker, the page's people are chosen first (filters, order,
    offset and limit over the people table alone), and their rows (plan status, next review...)
    are read by :func:`_details` for those people only: otherwise the database works them out
    for every person who matches (all 40,000 before the first letter is typed) and then keeps
    200. (Two statements: in one, with the page as a subquery, SQLite took 50 ms more over
    40,000 people to work out the same 200 rows.)
    """
    if query.sort not in _PAGE_FIRST:
        return _base(query, actor, today).offset(offset).limit(limit)
    walked = broad if query.sort in _WALKED else frozenset()
    order = _order(query, None, None, PersonNameKey.name_key, PersonNameKey.person_id)
    if _words_only(query) and query.sort == SortKey.NAME:
        # Nothing but the words and the name order: the people table is not read at all.
        keys = PersonNameKey.person_id
        chosen: Select[Any] = _filtered(select(keys), query, actor, today, broad=walked, person_id=keys)
        return chosen.order_by(*order).offset(offset).limit(limit)
    chosen = select(Person.id).join(PersonNameKey, PersonNameKey.person_id == Person.id)
    if query.sort == SortKey.KEY_WORKER:  # only then: the join makes SQLite read people out of order
        chosen = chosen.outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
    chosen = _filtered(chosen, query, actor, today, broad=walked)
    return chosen.order_by(*order).offset(offset).limit(limit)


def _words_only(query: PeopleQuery) -> bool:
    """No filter but the typed words (none from the menus)."""
    return not query.my_caseload and query.plan_status is None and query.reviews == ReviewFilter.ANY


def _details(ids: list[int]) -> Select[Any]:
    """The rows of the people chosen for a page (in no particular order): for the benchmark,
    which runs it alone; the list runs the same statement, built once (:data:`_DETAILS`)."""
    return _DETAILS.params(ids=ids)


# Built once: building the statement (three correlated subqueries) took longer than running it.
_DETAILS = (
    _columns()
    .outerjoin(StaffMember, StaffMember.id == Person.key_worker_id)
    .where(Person.id.in_(bindparam("ids", expanding=True)))
)


def _rows(session: Session, query: PeopleQuery, page: Select[Any]) -> list[PersonRow]:
    """Run a page from :func:`_page`: its rows, in the page's order."""
    if query.sort not in _PAGE_FIRST:
        return [PersonRow(*row) for row in session.execute(page)]
    ids = list(session.scalars(page))
    if not ids:
        return []
    found = {row[0]: PersonRow(*row) for row in session.execute(_DETAILS, {"ids": ids})}
    return [found[i] for i in ids]


def _only_theirs(work: Work, rows: list[PersonRow], today: date) -> list[PersonRow]:
    """Every row keeps its name, reference and key worker (the list is not an opening of anyone's
    record); the plan status and next review show only for people the member of staff may open
    (see careplan.domain.permissions). The next review is told against ``today``."""
    allowed = caseload.openable(work.session, work.staff, (r.person_id for r in rows), work.now)
    return [
        _timed(r, today)
        if r.person_id in allowed
        else replace(r, plan_status=None, next_review=None, in_force_status=None, may_open=False)
        for r in rows
    ]


def _timed(row: PersonRow, today: date) -> PersonRow:
    if row.next_review is None:
        return row
    return replace(row, review=ReviewTiming(row.next_review, today))


def search_people(
    db: Database,
    actor: Actor,
    query: PeopleQuery,
    *,
    offset: int = 0,
    limit: int = 200,
    today: date | None = None,
) -> list[PersonRow]:
    """One page of people matching the query, in the asked order."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        day = today or work.now.date()
        page = _page(query, actor, day, offset, limit, broad=_breadth(work.session, query).page)
        return _only_theirs(work, _rows(work.session, query, page), day)


def count_people(db: Database, actor: Actor, query: PeopleQuery, *, today: date | None = None) -> int:
    """How many people match: the filters only, without working out what each row shows."""
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        day = today or work.now.date()
        return int(work.session.scalar(_filtered(select(func.count(Person.id)), query, actor, day)) or 0)


# A typed word is broad when at least this share of everyone (and this many) has a word
# starting with it ("c" starts every "CP-" reference): then reading people in the list's order,
# checking each, finds a page sooner than listing all who have it. (Over 40,000 people, each
# keystroke's cache cold: "r", 12% of everyone, listed in 4 ms, checked one by one in 7; "m",
# 23%, listed in 6.5 ms, checked one by one in 4.)
BROAD_SHARE = 0.2
BROAD_AT_LEAST = 2000
# ... and counting (up to COUNT_UP_TO) by checking people one by one, from this share.
COUNT_BROAD_SHARE = 0.3
COUNT_BROAD_AT_LEAST = 2000
# While typing, the list counts who matches up to this many; past it, it says "more than".
COUNT_UP_TO = 1000


@dataclass(frozen=True)
class _Breadth:
    """The typed words (folded) many people have: for finding a page, and for counting."""

    page: frozenset[str] = frozenset()
    count: frozenset[str] = frozenset()


def _breadth(session: Session, query: PeopleQuery, ran: list[Any] | None = None) -> _Breadth:
    """Which typed words are broad: each counted on the words' index, only as far as the larger
    threshold, so this costs little even when everybody matches. ``ran`` collects the
    statements run (for the benchmark)."""
    words = typed_words(query.text)
    if not words:
        return _Breadth()
    everyone = select(func.count()).select_from(Person)
    people = int(session.scalar(everyone) or 0)
    for_page = max(BROAD_AT_LEAST, int(people * BROAD_SHARE))
    for_count = max(COUNT_BROAD_AT_LEAST, int(people * COUNT_BROAD_SHARE))
    page, count = set(), set()
    probes = []
    for word in sorted(set(words)):
        found = select(PersonWord.person_id).where(*_word_range(word)).limit(max(for_page, for_count))
        probes.append(probe := select(func.count()).select_from(found.subquery()))
        have = int(session.scalar(probe) or 0)
        if have >= for_page:
            page.add(word)
        if have >= for_count:
            count.add(word)
    if ran is not None:
        ran += [everyone, *probes]
    return _Breadth(frozenset(page), frozenset(count))


@dataclass(frozen=True)
class FirstPage:
    """What the list needs at each keystroke: the first page, and how many match.

    ``exact`` is False while typing when more than ``total`` match (the list says "more than");
    counting everyone who starts with "c" at each keystroke would cost more than the page itself.
    """

    total: int
    rows: list[PersonRow]
    exact: bool = True


def _counting(query: PeopleQuery, actor: Actor, today: date, broad: frozenset[str], up_to: int | None) -> Any:
    if up_to is None:
        return _filtered(select(func.count(Person.id)), query, actor, today, broad=broad)
    if _words_only(query):  # the words alone: the small person_name_keys table, not people
        keys = PersonNameKey.person_id
        chosen = _filtered(select(keys), query, actor, today, broad=broad, person_id=keys)
    else:
        chosen = _filtered(select(Person.id), query, actor, today, broad=broad)
    return select(func.count()).select_from(chosen.limit(up_to + 1).subquery())


def _first_page_statements(
    session: Session, query: PeopleQuery, actor: Actor, today: date, limit: int, ran: list[Any] | None = None
) -> tuple[Any, Any, int | None]:
    """The two statements :func:`first_page` runs (how many, and the first page, see
    :func:`_page`), and how far it counts (None: all). ``ran`` collects the small statements run
    to choose them (see :func:`_breadth`): the benchmark times all of that SQL alone."""
    broad = _breadth(session, query, ran)
    up_to = COUNT_UP_TO if typed_words(query.text) else None
    page = _page(query, actor, today, 0, limit, broad=broad.page)
    return _counting(query, actor, today, broad.count, up_to), page, up_to


def first_page(
    db: Database, actor: Actor, query: PeopleQuery, *, limit: int = 200, today: date | None = None
) -> FirstPage:
    """How many people match, and the first page of them: what the list needs at each keystroke.

    In one read transaction (one connection, one check of who is asking). With words typed, the
    count goes up to :data:`COUNT_UP_TO` and says "more than" past it (``exact`` False); with
    none (the whole list, or filters chosen from the menus) it is exact.
    """
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        day = today or work.now.date()
        counting, page, up_to = _first_page_statements(work.session, query, actor, day, limit)
        total = int(work.session.scalar(counting) or 0)
        rows = _only_theirs(work, _rows(work.session, query, page), day) if limit > 0 else []
        if up_to is not None and total > up_to:
            if len(rows) < limit:  # the whole list fits on the page after all
                return FirstPage(len(rows), rows)
            return FirstPage(up_to, rows, exact=False)
        return FirstPage(total, rows)
