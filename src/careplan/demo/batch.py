"""The rows of the records made since the last flush, the ids chosen so far, and the counts.

Records whose rows are final when they are made (texts, people, consents, the staff and the
catalogue) are rows at once, made by the same functions the use cases use
(:mod:`careplan.services.record_rows`, :mod:`careplan.services.search_words`). Plans and what is in
them change as their story goes on (signed, approved, revised), so they are kept as stand-ins
(:mod:`careplan.demo.stand_ins`) and turned into rows at the flush, as they then stand.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from careplan.demo.stand_ins import PERSON_VOICE, STAFF_VOICE, Plan, Proposal, Review, Text, Version
from careplan.domain.enums import PlanStatus, ProposalStatus
from careplan.domain.measures import LIFE_AREAS
from careplan.services.record_rows import plan_row
from careplan.storage.bulk_rows import BulkRows

# The tables the demo fills, in an order that keeps foreign keys satisfied.
TABLES_IN_ORDER = (
    "staff",
    "providers",
    "services",
    "people",
    "peer_mentor_assignments",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "allocation_goals",
    "disagreements",
    "staying_safe",
    "safety_contacts",
    "reviews",
    "review_scores",
    "review_notes",
    "review_goals",
    "review_confirmations",
    "signatures",
)
# The tables whose ids the demo chooses.
TABLES_WITH_IDS = (
    "staff",
    "providers",
    "services",
    "people",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "disagreements",
    "staying_safe",
    "safety_contacts",
    "reviews",
    "review_scores",
    "review_notes",
    "review_goals",
    "signatures",
)


class Batch:
    """Rows waiting to be written, a chunk of people at a time; ids; what was made, in numbers."""

    def __init__(self, bulk: BulkRows, next_id: dict[str, int], today: date) -> None:
        self.bulk = bulk
        self.today = today
        self.next_id = next_id
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES_IN_ORDER}
        # the words search as you type finds people by, and their place in the list by name
        self.words: list[dict[str, object]] = []
        self.name_keys: list[dict[str, object]] = []
        # stand-ins of the current chunk's plans, turned into rows at the next flush
        self.plans: list[Plan] = []
        self.versions: list[Version] = []
        self.reviews: list[Review] = []
        self.proposals: list[Proposal] = []
        # counts for the summary
        self.count: dict[str, int] = {}
        self.status_count: dict[str, int] = {s.value: 0 for s in PlanStatus}
        self.proposal_count: dict[str, int] = {s.value: 0 for s in ProposalStatus}

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def bump(self, name: str, by: int = 1) -> None:
        self.count[name] = self.count.get(name, 0) + by

    def _review_rows(self, review: Review) -> None:
        """A held review's scores (the person's and the worker's, on the life-area scale), its
        notes, how each goal is going, and the person's confirmation."""
        rows = self.rows
        rows["reviews"].append(
            {
                "id": review.id,
                "plan_id": review.plan_id,
                "version_id": review.version_id,
                "kind": review.kind,
                "due_date": review.due_date,
                "asked_at": review.asked_at,
                "asked_words_id": _id(review.asked_words),
                "forward_from": review.forward_from,
                "forward_reason_id": _id(review.forward_reason),
                "completed_on": review.completed_on,
                "completed_by_id": review.completed_by_id,
                "outcome": review.outcome,
                "outcome_reason_id": _id(review.outcome_reason),
                "ended_at": review.ended_at,
                "ended_by_id": review.ended_by_id,
                "new_version_id": review.new_version_id,
            }
        )
        if review.completed_on is None or review.completed_by_id is None:
            return
        given_at = datetime.combine(review.completed_on, time(), UTC)
        by = review.completed_by_id
        scores = rows["review_scores"]
        for voice, ratings in ((PERSON_VOICE, review.ratings), (STAFF_VOICE, review.worker_ratings)):
            for code, value in ratings.items():
                scores.append(
                    {
                        "id": self.new_id("review_scores"),
                        "review_id": review.id,
                        "measure": LIFE_AREAS,
                        "item": code,
                        "voice": voice,
                        "value": value,
                        "given_at": given_at,
                        "recorded_by_id": by,
                    }
                )
        for topic, text in review.notes:
            rows["review_notes"].append(
                {
                    "id": self.new_id("review_notes"),
                    "review_id": review.id,
                    "topic": topic,
                    "text_id": text.id,
                }
            )
        for key, going, note in review.goals:
            rows["review_goals"].append(
                {
                    "id": self.new_id("review_goals"),
                    "review_id": review.id,
                    "goal_key": key,
                    "going": going,
                    "note_id": _id(note),
                }
            )
        if review.confirmed is not None:
            name, method, strokes, at, recorded_by = review.confirmed
            rows["review_confirmations"].append(
                {
                    "review_id": review.id,
                    "signer_name": name,
                    "method": method,
                    "strokes": strokes,
                    "confirmed_at": at,
                    "recorded_by_id": recorded_by,
                }
            )

    def flush(self) -> None:
        """Turn the stand-ins into rows, count them, and write every waiting row."""
        rows = self.rows
        for plan in self.plans:
            row = plan_row(person_id=plan.person.id, key_worker_id=plan.key_worker.id, at=plan.created_at)
            # as it stands now: changed each time one of its versions moved on
            row.update(id=plan.id, key=plan.key, updated_at=plan.updated_at, revision=plan.revision)
            rows["plans"].append(row)
        for proposal in self.proposals:
            rows["proposals"].append(_proposal_row(proposal))
            self.proposal_count[proposal.status] += 1
        for version in self.versions:
            self.status_count[version.status] += 1
            self._version_rows(version)
        for review in self.reviews:
            self._review_rows(review)
            self.bump("reviews")
            if review.completed_on is not None:
                self.bump("reviews_completed")
            elif review.due_date < self.today:
                self.bump("reviews_overdue")
        self.plans, self.versions, self.reviews, self.proposals = [], [], [], []
        for name in TABLES_IN_ORDER:
            batch = rows[name]
            if batch:
                self.bulk.insert(name, batch)
                rows[name] = []
        if self.words:
            self.bulk.insert("person_words", self.words)
            self.words = []
        if self.name_keys:
            self.bulk.insert("person_name_keys", self.name_keys)
            self.name_keys = []

    def _version_rows(self, version: Version) -> None:
        rows = self.rows
        rows["plan_versions"].append(
            {
                "id": version.id,
                "plan_id": version.plan.id,
                "number": version.number,
                "status": version.status,
                "based_on_id": version.based_on_id,
                "created_at": version.created_at,
                "created_by_id": version.created_by_id,
                "period_start": version.period_start,
                "period_end": version.period_end,
                "indicative_pence": version.indicative_pence,
                "indicative_working": version.indicative_working,
                "agreed_budget_pence": version.agreed_budget_pence,
                "frozen_sha256": version.frozen_sha256,
                "frozen_canonical": version.frozen_canonical,
                "agreed_at": version.agreed_at,
                "approved_at": version.approved_at,
                "approved_by_id": version.approved_by_id,
                "activated_at": version.activated_at,
                "ended_at": version.ended_at,
            }
        )
        for goal in version.goals:
            rows["goals"].append(
                {
                    "id": goal.id,
                    "version_id": version.id,
                    "key": goal.key,
                    "position": goal.position,
                    "wording_id": goal.wording.id,
                    "why_id": goal.why.id if goal.why else None,
                    "life_area_id": goal.life_area.id,
                    "target_date": goal.target_date,
                    "status": goal.status,
                }
            )
            for step in goal.steps:
                rows["steps"].append(
                    {
                        "id": step.id,
                        "goal_id": goal.id,
                        "key": step.key,
                        "position": step.position,
                        "what_id": step.what.id,
                        "owner": step.owner,
                        "owner_detail": step.owner_detail,
                        "due_date": step.due_date,
                        "done": step.done,
                    }
                )
        for allocation in version.allocations:
            rows["allocations"].append(
                {
                    "id": allocation.id,
                    "version_id": version.id,
                    "key": allocation.key,
                    "service_id": allocation.service_id,
                    "proposal_id": allocation.proposal_id,
                    "description": allocation.description,
                    "category": allocation.category,
                    "unit": allocation.unit,
                    "quantity": allocation.quantity,
                    "unit_price_pence": allocation.unit_price_pence,
                    "total_pence": allocation.total_pence,
                    "period_start": allocation.period_start,
                    "period_end": allocation.period_end,
                    "override_reason": allocation.override_reason,
                    "override_by_id": allocation.override_by_id,
                }
            )
            for goal in allocation.goals:
                rows["allocation_goals"].append({"allocation_id": allocation.id, "goal_id": goal.id})
        self.bump("allocations", len(version.allocations))
        safe = version.staying_safe
        if safe is not None:
            rows["staying_safe"].append(
                {
                    "id": safe.id,
                    "version_id": version.id,
                    "warning_signs_id": _id(safe.warning_signs),
                    "what_helps_id": _id(safe.what_helps),
                    "if_unreachable_id": _id(safe.if_unreachable),
                    "overdose_risk": safe.overdose_risk,
                    "overdose_words_id": _id(safe.overdose_words),
                    "naloxone": safe.naloxone,
                    "naloxone_where_id": _id(safe.naloxone_where),
                }
            )
        for contact in version.safety_contacts:
            rows["safety_contacts"].append(
                {
                    "id": contact.id,
                    "version_id": version.id,
                    "key": contact.key,
                    "position": contact.position,
                    "name_id": contact.name.id,
                    "phone": contact.phone,
                }
            )
        for note in version.disagreements:
            rows["disagreements"].append(
                {
                    "id": note.id,
                    "version_id": version.id,
                    "key": note.key,
                    "goal_id": note.goal_id,
                    "step_id": note.step_id,
                    "allocation_id": note.allocation_id,
                    "text_id": note.text.id,
                }
            )


def _id(text: Text | None) -> int | None:
    return text.id if text is not None else None


def _proposal_row(proposal: Proposal) -> dict[str, Any]:
    return {
        "id": proposal.id,
        "person_id": proposal.person_id,
        "plan_id": proposal.plan_id,
        "what": proposal.what,
        "who_might_provide": proposal.who_might_provide,
        "category": proposal.category,
        "unit": proposal.unit,
        "estimated_cost_pence": proposal.estimated_cost_pence,
        "why_id": proposal.why.id,
        "status": proposal.status,
        "created_by_id": proposal.created_by_id,
        "created_at": proposal.created_at,
        "decided_by_id": proposal.decided_by_id,
        "decided_at": proposal.decided_at,
        "decision_note": proposal.decision_note,
        "approved_unit_price_pence": proposal.approved_unit_price_pence,
        "service_id": proposal.service_id,
        "question": proposal.question,
        "asked_by_id": proposal.asked_by_id,
        "asked_at": proposal.asked_at,
        "answer_id": _id(proposal.answer),
        "disagreement_id": _id(proposal.disagreement),
    }
