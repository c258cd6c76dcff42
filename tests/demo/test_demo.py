"""Demo data (careplan.demo): complete, repeatable, and true to the rules of the record.

Every check here reads the demo database back through the real models and use cases, on SQLite
and PostgreSQL, so a demo that breaks a rule the app relies on fails here.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, aliased, selectinload

from careplan import demo
from careplan.cli.main import main as careplan_main
from careplan.domain.budget import never_allowed_reason
from careplan.domain.enums import (
    AuthorKind,
    PlanStatus,
    ProposalStatus,
    ReviewKind,
    ReviewOutcome,
    Role,
    SignerKind,
)
from careplan.domain.errors import InvalidTransition
from careplan.domain.money import line_total_pence
from careplan.domain.records import (
    AboutMeEntry,
    Allocation,
    AuditEvent,
    AuditHead,
    AuthoredText,
    Consent,
    Disagreement,
    Goal,
    Person,
    Plan,
    PlanVersion,
    Proposal,
    Review,
    ReviewConfirmation,
    ReviewNote,
    ReviewScore,
    Service,
    Signature,
    StaffMember,
    StayingSafe,
    Step,
)
from careplan.services import people, plans, signing
from careplan.services.audit import verify_chain
from careplan.services.authentication import sign_in
from careplan.services.canonical import matches_what_was_signed, plan_sha256
from careplan.services.people import PersonDetails
from careplan.services.queries import list_plans
from careplan.services.review_schedule import ReviewSchedule
from careplan.services.review_view import reviews_in_full
from careplan.services.signing import standard_reviews, valid_signatures
from careplan.services.staying_safe_view import load_staying_safe
from careplan.services.unit_of_work import staff_by_username
from careplan.storage import Database, open_database
from tests import pg_server

TODAY = date(2025, 3, 12)  # a Wednesday
PEOPLE = 40
SIGNED = {PlanStatus.AGREED, PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.SUPERSEDED}


@pytest.fixture
def another_db(database_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A second brand-new database on the same engine as ``db``."""
    if database_url.startswith("postgresql"):
        url = pg_server.fresh_database_url(request)
    else:
        url = str(tmp_path / "second.db")
    database = open_database(url)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    demo.generate(db, people=PEOPLE, seed=7, today=TODAY)
    return db


def load_versions(session: Session) -> list[PlanVersion]:
    return list(
        session.scalars(
            select(PlanVersion)
            .options(
                selectinload(PlanVersion.plan).selectinload(Plan.person).selectinload(Person.about_me),
                selectinload(PlanVersion.plan).selectinload(Plan.person).selectinload(Person.substances),
                selectinload(PlanVersion.plan).selectinload(Plan.key_worker),
                selectinload(PlanVersion.goals).selectinload(Goal.steps).selectinload(Step.what),
                selectinload(PlanVersion.goals).selectinload(Goal.wording),
                selectinload(PlanVersion.goals).selectinload(Goal.why),
                selectinload(PlanVersion.goals).selectinload(Goal.life_area),
                selectinload(PlanVersion.allocations).selectinload(Allocation.goals),
                selectinload(PlanVersion.disagreements).selectinload(Disagreement.text),
                selectinload(PlanVersion.signatures),
            )
            .order_by(PlanVersion.id)
        )
    )


def person_named(session: Session, preferred: str) -> Person:
    person = session.scalar(select(Person).where(Person.preferred_name == preferred).order_by(Person.id))
    assert person is not None, preferred
    return person


def dump(db: Database) -> dict[str, Any]:
    """Enough of a database to tell two demo databases apart (or not)."""
    actor = staff_by_username(db, "priya")
    with db.session() as session:
        head = session.get(AuditHead, 1)
        assert head is not None
        return {
            "plans": [row.as_json() for row in list_plans(db, actor)],
            "people": session.execute(
                select(
                    Person.id, Person.reference, Person.preferred_name, Person.full_name, Person.date_of_birth
                ).order_by(Person.id)
            ).all(),
            "allocations": session.execute(
                select(Allocation.version_id, Allocation.key, Allocation.total_pence).order_by(Allocation.id)
            ).all(),
            "signatures": session.execute(
                select(
                    Signature.version_id, Signature.signer_kind, Signature.plan_sha256, Signature.signed_at
                ).order_by(Signature.id)
            ).all(),
            "texts": session.execute(
                select(AuthoredText.id, AuthoredText.body).order_by(AuthoredText.id)
            ).all(),
            "reviews": session.execute(
                select(
                    Review.id,
                    Review.plan_id,
                    Review.due_date,
                    Review.completed_on,
                    Review.outcome,
                    Review.asked_words_id,
                    Review.forward_from,
                ).order_by(Review.id)
            ).all(),
            "scores": session.execute(
                select(
                    ReviewScore.review_id, ReviewScore.item, ReviewScore.voice, ReviewScore.value
                ).order_by(ReviewScore.id)
            ).all(),
            "staying_safe": session.execute(
                select(StayingSafe.version_id, StayingSafe.overdose_risk, StayingSafe.naloxone).order_by(
                    StayingSafe.id
                )
            ).all(),
            "audit": (head.last_seq, head.last_hash),
        }


# --- what is made --------------------------------------------------------------------------------


def test_every_plan_status_appears_and_the_summary_says_so(db: Database) -> None:
    summary = demo.generate(db, people=PEOPLE, seed=7, today=TODAY)

    rows = list_plans(db, staff_by_username(db, "priya"))
    statuses = Counter(row.status for row in rows)
    assert set(statuses) == {s.value for s in PlanStatus}
    assert summary.versions_by_status == {s.value: statuses.get(s.value, 0) for s in PlanStatus}
    assert summary.people == PEOPLE
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == PEOPLE
        assert summary.plans == session.scalar(select(func.count()).select_from(Plan))
        assert summary.staff == session.scalar(select(func.count()).select_from(StaffMember))
        assert summary.audit_events == session.scalar(select(func.count()).select_from(AuditEvent))
        revised = session.scalar(select(func.count()).select_from(PlanVersion).where(PlanVersion.number > 1))
        assert revised
        assert revised >= 3
    line = summary.describe()
    assert "\n" not in line
    assert f"{PEOPLE} people" in line
    for status in PlanStatus:
        assert status.value in line


def test_the_same_seed_and_day_give_the_same_data_and_another_seed_does_not(
    db: Database, another_db: Database, tmp_path: Path
) -> None:
    demo.generate(db, people=30, seed=11, today=TODAY)
    demo.generate(another_db, people=30, seed=11, today=TODAY)
    first, second = dump(db), dump(another_db)
    assert first == second

    third = open_database(tmp_path / "third.db")
    try:
        demo.generate(third, people=30, seed=12, today=TODAY)
        other = dump(third)
    finally:
        third.dispose()
    assert other["people"] != first["people"]
    assert other["audit"] != first["audit"]
    # the first three people are always Dee, Marek and Jordan, whatever the seed
    assert (
        [p[2] for p in other["people"][:3]]
        == ["Dee", "Marek", "Jordan"]
        == [p[2] for p in first["people"][:3]]
    )


def test_progress_is_reported_as_people_are_made(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    demo.generate(
        db, people=25, seed=3, today=TODAY, progress=lambda done, total: calls.append((done, total))
    )
    assert calls, "progress was never reported"
    assert calls[-1] == (25, 25)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert all(total == 25 for _, total in calls)


def test_names_come_from_many_backgrounds_with_details_people_choose(db: Database) -> None:
    demo.generate(db, people=150, seed=5, today=TODAY)
    with db.session() as session:
        rows = session.execute(
            select(Person.full_name, Person.pronouns, Person.contact_how, Person.date_of_birth)
        ).all()
        about = session.execute(
            select(AuthoredText.author_kind, func.count())
            .join(AboutMeEntry, AboutMeEntry.text_id == AuthoredText.id)
            .group_by(AuthoredText.author_kind)
        ).all()
    names = [r[0] for r in rows]
    assert len(set(names)) > 120
    assert any(not n.isascii() for n in names), "no names with accents"
    assert {r[1] for r in rows} >= {None, "she/her", "he/him", "they/them"}
    assert {r[2] for r in rows if r[2]} <= set(people.CONTACT_WAYS)
    assert len({r[2] for r in rows}) >= 4
    for born in (r[3] for r in rows):
        assert born is not None
        age = (TODAY - born).days / 365.25
        assert 18 <= age < 76
    voices = {str(kind): count for kind, count in about}
    assert voices[AuthorKind.PERSON.value] > 4 * voices[AuthorKind.STAFF.value] > 0


# --- the rules of the record ------------------------------------------------------------------


def test_signed_versions_carry_the_real_fingerprint_and_can_be_approved(demo_db: Database) -> None:
    with demo_db.session() as session:
        versions = load_versions(session)
        agreed: list[int] = []
        for version in versions:
            status = PlanStatus(version.status)
            if status in SIGNED or (status is PlanStatus.CLOSED and version.frozen_sha256 is not None):
                sha = plan_sha256(version)
                assert version.frozen_sha256 == sha
                assert matches_what_was_signed(version)
                assert set(valid_signatures(version, sha)) == {SignerKind.PERSON, SignerKind.KEY_WORKER}
                assert all(s.plan_sha256 == sha for s in version.signatures)
                assert version.agreed_at is not None
                if status is PlanStatus.AGREED:
                    agreed.append(version.id)
            elif status is PlanStatus.DRAFT:
                assert version.frozen_sha256 is None
                assert version.frozen_canonical is None
                for signature in version.signatures:  # the key worker signed; the person has not yet
                    assert signature.signer_kind == SignerKind.KEY_WORKER
                    assert signature.plan_sha256 == plan_sha256(version)
    assert agreed, "no agreed version to approve"
    # The manager's approval runs every integrity check on what was signed.
    priya = staff_by_username(demo_db, "priya")
    signing.approve_plan(demo_db, priya, agreed[0])
    with demo_db.session() as session:
        approved = session.get(PlanVersion, agreed[0])
        assert approved is not None
        assert approved.status == PlanStatus.APPROVED


def test_statuses_and_dates_tell_a_consistent_story(demo_db: Database) -> None:
    end_of_today = datetime.combine(TODAY, time.max, tzinfo=UTC)
    with demo_db.session() as session:
        versions = load_versions(session)
        by_plan: dict[int, list[PlanVersion]] = defaultdict(list)
        for version in versions:
            by_plan[version.plan_id].append(version)
            assert version.created_at <= end_of_today
            moments = [version.created_at, version.agreed_at, version.approved_at, version.activated_at]
            present = [m for m in moments if m is not None]
            assert present == sorted(present)
            status = PlanStatus(version.status)
            if status in (PlanStatus.APPROVED, PlanStatus.ACTIVE):
                assert version.approved_by_id is not None
            if status is PlanStatus.SUPERSEDED:
                assert version.ended_at is not None
                assert version.activated_at is not None
            if version.goals:
                assert 1 <= len(version.goals) <= 5
            assert [g.position for g in version.goals] == list(range(len(version.goals)))
        for plan_versions in by_plan.values():
            statuses = [PlanStatus(v.status) for v in plan_versions]
            assert statuses.count(PlanStatus.ACTIVE) <= 1
            assert statuses.count(PlanStatus.DRAFT) <= 1
            assert [v.number for v in plan_versions] == list(range(1, len(plan_versions) + 1))
            for earlier, later in itertools.pairwise(plan_versions):
                assert later.based_on_id == earlier.id
                # a revision carries goals over with the same keys
                assert {g.key for g in later.goals} & {g.key for g in earlier.goals}
        for column in (Signature.signed_at, AuthoredText.written_at, AuditEvent.at):
            latest = session.scalar(select(func.max(column)))
            assert latest is not None
            assert latest <= end_of_today
        for day_column in (Review.completed_on, Consent.given_on, Consent.withdrawn_on):
            latest_day = session.scalar(select(func.max(day_column)))
            assert latest_day is None or latest_day <= TODAY
        withdrawn = session.scalar(
            select(func.count()).select_from(Consent).where(Consent.withdrawn_on.is_not(None))
        )
        assert withdrawn


def test_allocations_follow_the_budget_rules(demo_db: Database) -> None:
    with demo_db.session() as session:
        services = {s.id: s for s in session.scalars(select(Service))}
        proposals = {p.id: p for p in session.scalars(select(Proposal))}
        versions = load_versions(session)
        assert sum(len(v.allocations) for v in versions) > 30
        for version in versions:
            if version.indicative_pence is not None:
                working = version.indicative_working
                assert working is not None
                assert working["amount_pence"] == version.indicative_pence
                assert sum(line["points"] for line in working["lines"]) == working["points"]
            if version.agreed_budget_pence is not None:
                assert 25_000 <= version.agreed_budget_pence <= 300_000
            limit = version.agreed_budget_pence or version.indicative_pence
            if version.allocations:
                assert limit is not None
                total = sum(a.total_pence for a in version.allocations)
                overridden = [a for a in version.allocations if a.override_reason]
                assert total <= limit or overridden, f"version {version.id} is over budget with no reason"
                for allocation in overridden:
                    assert allocation.override_by_id is not None
            for allocation in version.allocations:
                assert never_allowed_reason(allocation.category) is None
                assert allocation.goals
                assert all(g.version_id == version.id for g in allocation.goals)
                assert allocation.total_pence == line_total_pence(
                    allocation.quantity, allocation.unit_price_pence
                )
                if allocation.service_id is not None:
                    service = services[allocation.service_id]
                    assert (allocation.unit_price_pence, allocation.category, allocation.description) == (
                        service.unit_price_pence,
                        service.category,
                        service.name,
                    )
                else:
                    assert allocation.proposal_id is not None
                    proposal = proposals[allocation.proposal_id]
                    assert proposal.status == ProposalStatus.APPROVED
                    assert allocation.unit_price_pence == proposal.approved_unit_price_pence
        for proposal in proposals.values():
            if proposal.status == ProposalStatus.DECLINED:
                assert proposal.decision_note
            assert never_allowed_reason(proposal.category) is None


def test_reviews_follow_the_standard_schedule_with_ratings_that_move(db: Database) -> None:
    demo.generate(db, people=80, seed=2, today=TODAY)
    with db.session() as session:
        reviews = list(
            session.scalars(
                select(Review)
                .options(
                    selectinload(Review.scores),
                    selectinload(Review.asked_words),
                    selectinload(Review.forward_reason),
                )
                .order_by(Review.id)
            )
        )
        versions = {v.id: v for v in session.scalars(select(PlanVersion))}
        voices = dict(
            session.execute(
                select(AuthoredText.author_kind, func.count())
                .select_from(ReviewNote)
                .join(AuthoredText, AuthoredText.id == ReviewNote.text_id)
                .group_by(AuthoredText.author_kind)
            ).all()
        )
    assert voices.get(AuthorKind.PERSON)
    assert voices.get(AuthorKind.STAFF)
    by_version: dict[int, list[Review]] = defaultdict(list)
    for review in reviews:
        by_version[review.version_id].append(review)
    overdue = 0
    kinds: Counter[str] = Counter()
    for version_id, scheduled in by_version.items():
        version = versions[version_id]
        assert version.approved_at is not None
        standard = dict((due, kind) for kind, due in standard_reviews(version.approved_at.date()))
        held = {r.completed_on for r in scheduled if r.completed_on is not None}
        following = {ReviewSchedule().next_due(day) for day in held}
        for review in scheduled:
            if review.asked_at is not None:
                kinds["asked"] += 1
                assert review.asked_words is not None
                assert review.asked_words.author_kind == AuthorKind.PERSON
            elif review.forward_from is not None:
                kinds["forward"] += 1
                assert standard.get(review.forward_from) == review.kind
                assert review.due_date < review.forward_from
                assert review.forward_reason is not None
                assert review.forward_reason.author_kind == AuthorKind.STAFF
            elif review.due_date in standard:
                kinds["standard"] += 1
                assert standard[review.due_date] == review.kind
            else:  # booked from the schedule when the one before it ended
                kinds["following"] += 1
                assert review.kind == ReviewKind.REGULAR
                assert review.due_date in following
            if review.completed_on is None:
                assert PlanStatus(version.status) in (PlanStatus.APPROVED, PlanStatus.ACTIVE)
                overdue += review.due_date < TODAY
            else:
                assert review.completed_on <= TODAY
                assert {s.voice for s in review.scores} == {"person", "staff"}
                assert all(s.measure == "life_areas" for s in review.scores)
                assert all(1 <= s.value <= 10 for s in review.scores)
    assert overdue, "no overdue reviews"
    assert all(kinds[kind] for kind in ("asked", "forward", "standard", "following")), kinds
    # ratings change over time: for people reviewed more than once, most improve
    firsts: dict[int, dict[str, int]] = {}
    lasts: dict[int, dict[str, int]] = {}
    for review in sorted((r for r in reviews if r.completed_on), key=lambda r: (r.completed_on, r.id)):
        ratings = {s.item: s.value for s in review.scores if s.voice == "person"}
        firsts.setdefault(review.plan_id, ratings)
        lasts[review.plan_id] = ratings
    moved = [(firsts[p], lasts[p]) for p in firsts if lasts[p] is not firsts[p]]
    assert len(moved) >= 5
    better = sum(sum(last.values()) > sum(first.values()) for first, last in moved)
    worse = sum(sum(last.values()) < sum(first.values()) for first, last in moved)
    assert better > worse
    assert better < len(moved), "everybody improved: real life is not like that"


def test_the_audit_trail_is_an_intact_chain_without_personal_text(demo_db: Database) -> None:
    with demo_db.session() as session:
        report = verify_chain(session)
        assert report.intact, report.problem
        assert report.events > PEOPLE * 5
        events = session.execute(select(AuditEvent.action, AuditEvent.entity, AuditEvent.fields)).all()
        names = {p.preferred_name for p in session.scalars(select(Person))}
    for action, entity, fields in events:
        for word in (action, entity, *fields):
            assert re.fullmatch(r"[a-z][a-z0-9_]*", word), word
            assert word not in names
    assert {"create", "sign", "agree", "approve", "activate", "supersede", "close", "allocate"} <= {
        e[0] for e in events
    }


def test_use_cases_carry_on_working_on_a_demo_database(demo_db: Database) -> None:
    sam = staff_by_username(demo_db, "sam")
    # new ids come after the demo's (on PostgreSQL the id sequences were moved on)
    person_id = people.register_person(demo_db, sam, PersonDetails("Test", "Test Person"))
    with demo_db.session() as session:
        assert person_id == session.scalar(select(func.max(Person.id)))
        active = session.scalar(
            select(PlanVersion.id)
            .where(PlanVersion.status == PlanStatus.ACTIVE)
            .where(
                ~PlanVersion.plan_id.in_(
                    select(PlanVersion.plan_id).where(PlanVersion.status == PlanStatus.DRAFT)
                )
            )
            .order_by(PlanVersion.id)
            .limit(1)
        )
    assert active is not None
    new_version = plans.revise_plan(demo_db, sam, active)
    with demo_db.session() as session:
        verified = verify_chain(session)
    assert verified.intact
    assert new_version > active


# --- Dee, Marek and Jordan, and the team -----------------------------------------------------------


def test_the_three_personas_are_first_with_their_stories(demo_db: Database) -> None:
    with demo_db.session() as session:
        first_three = list(session.scalars(select(Person).order_by(Person.id).limit(3)))
        assert [p.preferred_name for p in first_three] == ["Dee", "Marek", "Jordan"]
        dee, marek, jordan = first_three
        assert {p.key_worker.username for p in first_three if p.key_worker} == {"sam"}
        assert round((TODAY - (dee.date_of_birth or TODAY)).days / 365.25) in (34, 35)

        hopes = next(e for e in dee.about_me if e.topic == "hopes")
        assert "kids" in hopes.text.body
        assert hopes.text.author_kind == AuthorKind.PERSON
        dee_version = session.scalar(
            select(PlanVersion).join(Plan).where(Plan.person_id == dee.id).order_by(PlanVersion.number.desc())
        )
        assert dee_version is not None
        assert dee_version.status == PlanStatus.APPROVED
        assert any("kids" in g.wording.body for g in dee_version.goals)
        assert {a.description for a in dee_version.allocations} == {
            "Peer mentoring",
            "Family contact support course",
            "Weekly bus pass",
        }
        assert any(
            n.text.author_kind == AuthorKind.PERSON and "don't agree" in n.text.body
            for n in dee_version.disagreements
        )

        marek_version = session.scalar(
            select(PlanVersion)
            .join(Plan)
            .where(Plan.person_id == marek.id)
            .order_by(PlanVersion.number.desc())
        )
        assert marek_version is not None
        assert marek_version.status == PlanStatus.ACTIVE
        dissent = [n for n in marek_version.disagreements if n.text.author_kind == AuthorKind.PERSON]
        assert any("counselling" in n.text.body for n in dissent)
        lessons = session.scalar(select(Proposal).where(Proposal.person_id == marek.id))
        assert lessons is not None
        assert lessons.what == "Driving lessons"
        assert lessons.status == ProposalStatus.APPROVED
        assert lessons.decided_by_id == staff_by_username(demo_db, "priya").staff_id
        assert any(a.proposal_id == lessons.id for a in marek_version.allocations)

        jordan_versions = list(
            session.scalars(
                select(PlanVersion).join(Plan).where(Plan.person_id == jordan.id).order_by(PlanVersion.number)
            )
        )
        assert [v.status for v in jordan_versions] == [PlanStatus.SUPERSEDED, PlanStatus.ACTIVE]
        climbing = session.scalar(select(Proposal).where(Proposal.person_id == jordan.id))
        assert climbing is not None
        assert "climbing" in climbing.what.lower()
        assert climbing.status == ProposalStatus.PENDING
        done = session.scalar(
            select(func.count())
            .select_from(Review)
            .where(Review.version_id == jordan_versions[0].id, Review.completed_on.is_not(None))
        )
        assert done == 2


def test_the_personas_have_staying_safe_plans_and_reviews_held_in_both_voices(demo_db: Database) -> None:
    actor = staff_by_username(demo_db, "sam")
    with demo_db.session() as session:
        first_three = list(session.scalars(select(Person).order_by(Person.id).limit(3)))
        plan_ids = [session.scalar(select(Plan.id).where(Plan.person_id == p.id)) for p in first_three]
    for person, plan_id in zip(first_three, plan_ids, strict=True):
        assert plan_id is not None
        with demo_db.session() as session:
            latest = session.scalar(
                select(PlanVersion).where(PlanVersion.plan_id == plan_id).order_by(PlanVersion.number.desc())
            )
            assert latest is not None
            version_id = latest.id
        safe = load_staying_safe(demo_db, actor, version_id)
        assert safe.warning_signs is not None, person.preferred_name
        assert safe.what_helps is not None, person.preferred_name
        assert safe.contacts, person.preferred_name
        full = reviews_in_full(demo_db, actor, plan_id)
        if person.preferred_name == "Dee":
            continue  # her plan was approved days ago: her first review is still to come
        assert full.held, person.preferred_name
        for held in full.held:
            voices = {said.voice for topic in held.notes for said in (topic.person, topic.staff) if said}
            assert voices == {AuthorKind.PERSON, AuthorKind.STAFF}, person.preferred_name
            assert held.confirmed_by == person.preferred_name
        # Marek and his worker do not see his drinking the same way
        if person.preferred_name == "Marek":
            rows = [row for measure in full.held[0].scores for row in measure.rows]
            assert any(row.not_the_same for row in rows)


def test_no_review_is_left_booked_before_one_already_held(sqlite_db: Database) -> None:
    demo.generate(sqlite_db, people=400, seed=3, today=TODAY)
    held = aliased(Review)
    with sqlite_db.session() as session:
        behind = session.execute(
            select(Review.plan_id, Review.due_date, func.max(held.completed_on))
            .join(held, and_(held.plan_id == Review.plan_id, held.completed_on > Review.due_date))
            .where(Review.completed_on.is_(None))
            .group_by(Review.id)
        ).all()
        next_due = session.execute(
            select(Review.plan_id, func.min(Review.due_date))
            .where(Review.completed_on.is_(None))
            .group_by(Review.plan_id)
        ).all()
        confirmed = session.scalar(select(func.count()).select_from(ReviewConfirmation))
        outcomes = dict(session.execute(select(Review.outcome, func.count()).group_by(Review.outcome)).all())
    assert behind == []
    # a realistic share of plans have their next review overdue: some, not most
    overdue = sum(due < TODAY for _, due in next_due)
    assert next_due
    assert 0.05 < overdue / len(next_due) < 0.4
    assert outcomes[ReviewOutcome.CARRY_ON] > outcomes[ReviewOutcome.CHANGE_PLAN] > 0
    assert confirmed


def test_the_team_has_the_usernames_the_readme_lists(demo_db: Database) -> None:
    with demo_db.session() as session:
        team = {s.username: s for s in session.scalars(select(StaffMember))}
    expected = {
        "admin": ("Administrator", Role.ADMINISTRATOR),
        "priya": ("Priya Shah", Role.MANAGER),
        "sam": ("Sam Okafor", Role.KEY_WORKER),
        "chris": ("Chris Doyle", Role.PEER_MENTOR),
    }
    for username, (name, role) in expected.items():
        assert (team[username].display_name, team[username].role, team[username].active) == (name, role, True)
    roles = Counter(s.role for s in team.values() if s.active)
    assert roles[Role.KEY_WORKER] >= 3
    assert roles[Role.MANAGER] >= 2
    assert roles[Role.PEER_MENTOR] >= 2
    # The demo accounts, and only they, sign in with the demo password.
    for account in demo.DEMO_ACCOUNTS:
        signed = sign_in(demo_db, account.username, demo.DEMO_PASSWORD)
        assert (signed.display_name, signed.role) == (account.display_name, account.role)
    others = [s for s in team.values() if s.username not in {a.username for a in demo.DEMO_ACCOUNTS}]
    assert others
    assert all(s.password_hash is None for s in others)


def test_key_workers_carry_caseloads_of_forty_to_sixty(sqlite_db: Database) -> None:
    demo.generate(sqlite_db, people=200, seed=1, today=TODAY)
    with sqlite_db.session() as session:
        loads = dict(
            session.execute(
                select(StaffMember.username, func.count(Person.id))
                .join(Person, Person.key_worker_id == StaffMember.id)
                .group_by(StaffMember.username)
            ).all()
        )
    assert loads["sam"] == 52
    assert all(40 <= n <= 60 for n in loads.values()), loads
    assert sum(loads.values()) == 200


def test_the_catalogue_has_plausible_services_and_prices(demo_db: Database) -> None:
    with demo_db.session() as session:
        services = list(session.scalars(select(Service).options(selectinload(Service.provider))))
    assert 25 <= len(services) <= 40
    assert 6 <= len({s.provider_id for s in services}) <= 10
    ranges = {  # category: (lowest, highest) in pence
        "counselling": (3500, 6000),
        "peer mentoring": (1200, 2000),
        "college course": (10000, 50000),
        "residential detox": (55000, 65000),
    }
    for category, (low, high) in ranges.items():
        prices = [s.unit_price_pence for s in services if s.category == category]
        assert prices, category
        assert all(low <= p <= high for p in prices), (category, prices)
    for service in services:
        assert never_allowed_reason(service.category) is None
        assert service.description
        assert service.unit_price_pence > 0
    names = {s.name for s in services}
    assert {"Family contact support course", "Driving theory course and test", "Mutual aid travel"} <= names


# --- refusing --------------------------------------------------------------------------------


def test_a_database_with_people_in_it_is_refused_and_left_alone(demo_db: Database) -> None:
    before = dump(demo_db)
    with pytest.raises(InvalidTransition, match="--database"):
        demo.generate(demo_db, people=5, seed=1, today=TODAY)
    assert dump(demo_db) == before


def test_zero_people_makes_just_the_team_and_the_catalogue(db: Database) -> None:
    summary = demo.generate(db, people=0, seed=1, today=TODAY)
    assert summary.people == 0
    assert summary.plans == 0
    assert summary.services >= 25
    with db.session() as session:
        assert verify_chain(session).intact


# --- the demo signing certificate ------------------------------------------------------------------


def test_a_demo_comes_with_a_demo_certificate_that_signs_with_its_public_passphrase(
    db: Database, another_db: Database
) -> None:
    from keyring.backends import fail

    from careplan.services import signing_certificate as certs
    from tests.keyring_memory import MemoryKeyring, installed

    noon = datetime.combine(TODAY, time(12), UTC)
    with installed(MemoryKeyring()) as here:
        summary = demo.generate(db, people=3, seed=7, today=TODAY)
    info = certs.certificate_info(db)
    assert info is not None
    assert info.is_demo
    assert info.organisation == demo.DEMO_CERTIFICATE_NAME
    assert "demo certificate" in info.organisation
    assert info.installed_at.date() < TODAY  # made the working day before, like the rest of the demo
    assert info.not_before.date() < TODAY < (info.not_after - timedelta(days=4 * 365)).date()
    # This computer's keyring got the (public) passphrase, so the demo signs without asking here.
    assert summary.signing_passphrase_in_keyring
    assert isinstance(here, MemoryKeyring)
    assert here.secrets == {("careplan", info.keyring_name): demo.DEMO_CERTIFICATE_PASSPHRASE}
    with installed(here):
        assert certs.signing_identity(db, now=noon).fingerprint == info.fingerprint
    with db.session() as session:
        made = session.scalars(select(AuditEvent).where(AuditEvent.entity == "signing_certificate")).all()
        assert [(e.action, e.staff_id, e.entity_id) for e in made] == [
            ("create", staff_by_username(db, "priya").staff_id, None)
        ]
        assert verify_chain(session).intact

    # No keyring: nothing is kept anywhere, and the passphrase opens it when typed.
    with installed(fail.Keyring()):
        other = demo.generate(another_db, people=3, seed=7, today=TODAY)
        assert not other.signing_passphrase_in_keyring
        with pytest.raises(certs.SigningPassphraseNeeded):
            certs.signing_identity(another_db)
        opened = certs.signing_identity(another_db, passphrase=demo.DEMO_CERTIFICATE_PASSPHRASE, now=noon)
    # A new key for each demo database: what one signed never verifies against another.
    assert opened.fingerprint != info.fingerprint
    assert dump(db) == dump(another_db), "the certificate leaves the seeded data as it was"


# --- the command line --------------------------------------------------------------------------


def test_the_command_line_makes_a_demo_with_every_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = str(tmp_path / "demo-check.db")
    assert careplan_main(["--database", target, "demo", "--people", "200"]) == 0
    made = capsys.readouterr().out
    assert "200 people" in made
    assert f"The demo signing certificate's passphrase is “{demo.DEMO_CERTIFICATE_PASSPHRASE}”" in made
    assert "It is in this computer's keyring" in made
    assert careplan_main(["--database", target, "demo"]) == 0
    again = capsys.readouterr().out
    assert "is already there" in again
    assert "nothing was added" in again
    assert f"passphrase is “{demo.DEMO_CERTIFICATE_PASSPHRASE}”" in again
    monkeypatch.setenv("CAREPLAN_USER", "priya")
    monkeypatch.setenv("CAREPLAN_PASSWORD", demo.DEMO_PASSWORD)
    assert careplan_main(["--database", target, "plans", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {row["status"] for row in listed} == {s.value for s in PlanStatus}
    assert all(Decimal(row["allocated"]) >= 0 for row in listed)
    assert careplan_main(["--database", target, "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.parametrize("today", [date(2025, 3, 10), date(2025, 3, 16), date(2024, 2, 29)])
def test_any_day_of_the_week_gives_a_complete_demo(sqlite_db: Database, today: date) -> None:
    """Mondays, Sundays and leap days: the timeline rules (weekdays, months) hold on any day."""
    demo.generate(sqlite_db, people=PEOPLE, seed=4, today=today)
    rows = list_plans(sqlite_db, staff_by_username(sqlite_db, "priya"))
    assert {row.status for row in rows} == {s.value for s in PlanStatus}
    with sqlite_db.session() as session:
        latest = session.scalar(select(func.max(AuditEvent.at)))
        assert latest is not None
        assert latest.date() < today
        assert verify_chain(session).intact
        earliest = session.scalar(select(func.min(PlanVersion.created_at)))
        assert earliest is not None
        assert earliest.date() > today - timedelta(days=5 * 366)


def test_requests_are_decided_every_way(demo_db: Database) -> None:
    """Yes (one-off, and added to the catalogue), no with a reason the person does not agree with,
    "tell us more" waiting for an answer, one answered and waiting again, and some undecided."""
    with demo_db.session() as session:
        rows = list(session.scalars(select(Proposal)))
        statuses = {p.status for p in rows}
        added = [p for p in rows if p.service_id is not None]
        assert added
        assert all(p.status == ProposalStatus.APPROVED for p in added)
        assert any(p.status == ProposalStatus.APPROVED and p.service_id is None for p in rows)
        disagreed = [p for p in rows if p.disagreement_id is not None]
        assert disagreed
        assert all(p.status == ProposalStatus.DECLINED and p.decision_note for p in disagreed)
        assert all(p.disagreement is not None and p.disagreement.author_kind == "person" for p in disagreed)
        asked = [p for p in rows if p.status == ProposalStatus.ASKED]
        assert asked
        assert all(p.question and p.answer_id is None for p in asked)
        assert any(p.status == ProposalStatus.PENDING and p.answer_id is not None for p in rows)
        assert {"pending", "approved", "declined", "asked"} <= statuses
