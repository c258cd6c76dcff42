"""Flushing: the stand-ins made for a chunk of people turned into rows, counted, and written."""

from __future__ import annotations

from careplan.services.demo.builder_base import BuilderBase
from careplan.services.demo.writer import TABLES_IN_ORDER
from careplan.services.search_words import name_key, rows_for


class Flushing(BuilderBase):
    """Turns the stand-ins of the people made so far into rows, counts them, and writes them."""

    def _flush(self) -> None:
        rows = self.rows
        words = [  # the words search as you type finds them by (written after the people)
            row
            for person in self.o_people
            for row in rows_for(person.id, person.preferred_name, person.full_name, person.reference)
        ]
        keys = [{"person_id": p.id, "name_key": name_key(p.preferred_name)} for p in self.o_people]
        for person in self.o_people:
            rows["people"].append(
                {
                    "id": person.id,
                    "reference": person.reference,
                    "preferred_name": person.preferred_name,
                    "full_name": person.full_name,
                    "date_of_birth": person.date_of_birth,
                    "pronouns": person.pronouns,
                    "contact_how": person.contact_how,
                    "contact_details": person.contact_details,
                    "key_worker_id": person.key_worker.id,
                    "created_at": person.created_at,
                    "updated_at": person.created_at,
                    "revision": 1,
                }
            )
            # The peer mentor paired with the key worker works with their people (Chris with
            # Sam's): the peer mentor's caseload, so they open these records without covering.
            mentor = person.key_worker.mentor
            if mentor is None:
                continue
            rows["peer_mentor_assignments"].append(
                {
                    "person_id": person.id,
                    "staff_id": mentor.id,
                    "assigned_at": person.created_at,
                    "assigned_by_id": person.key_worker.id,
                }
            )
        for plan in self.o_plans:
            rows["plans"].append(
                {
                    "id": plan.id,
                    "key": plan.key,
                    "person_id": plan.person.id,
                    "key_worker_id": plan.key_worker.id,
                    "created_at": plan.created_at,
                    "updated_at": plan.updated_at,
                    "revision": plan.revision,
                }
            )
        for proposal in self.o_proposals:
            rows["proposals"].append(
                {
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
                }
            )
            self.proposal_count[proposal.status] += 1
        for version in self.o_versions:
            self.status_count[version.status] += 1
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
            self._bump("allocations", len(version.allocations))
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
        for review in self.o_reviews:
            rows["reviews"].append(
                {
                    "id": review.id,
                    "plan_id": review.plan_id,
                    "version_id": review.version_id,
                    "kind": review.kind,
                    "due_date": review.due_date,
                    "completed_on": review.completed_on,
                    "completed_by_id": review.completed_by_id,
                    "person_notes_id": review.person_notes.id if review.person_notes else None,
                    "worker_notes_id": review.worker_notes.id if review.worker_notes else None,
                }
            )
            for area_id, rating in review.ratings.items():
                rows["review_ratings"].append(
                    {"review_id": review.id, "life_area_id": area_id, "rating": rating}
                )
            self._bump("reviews")
            if review.completed_on is not None:
                self._bump("reviews_completed")
            elif review.due_date < self.today:
                self._bump("reviews_overdue")
        self.o_people, self.o_plans, self.o_versions = [], [], []
        self.o_reviews, self.o_proposals = [], []
        for name in TABLES_IN_ORDER:
            batch = rows[name]
            if batch:
                self.writer.insert(name, batch)
                rows[name] = []
        if words:
            self.writer.insert("person_words", words)
        if keys:
            self.writer.insert("person_name_keys", keys)
