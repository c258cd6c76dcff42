"""Approving from the manager's desk: first a summary of exactly what is approved, then approval.

The desk never approves on one click: it reads :func:`approval_summary` (the person's reference,
the goals, the services and their amounts, the total, who signed and when), asks once to
confirm, and then calls :func:`careplan.services.signing.approve_plan` with the plan's revision
the summary was read at (``plan_revision``), so a plan changed in between is refused (a
conflict) rather than approved unseen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus, SignerKind
from careplan.domain.errors import InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import PlanVersion
from careplan.domain.wording.dates import date_and_time
from careplan.domain.wording.money import format_money
from careplan.domain.wording.units import quantity_words
from careplan.services import signing
from careplan.services.canonical import plan_sha256
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database


@dataclass(frozen=True)
class ServiceLine:
    description: str
    category: str
    quantity: Decimal
    unit: str
    total_pence: int

    @property
    def words(self) -> str:
        """ "Peer mentoring (peer support): 4 sessions, £120.00"."""
        how_much = quantity_words(self.quantity, self.unit)
        return f"{self.description} ({self.category}): {how_much}, {format_money(self.total_pence)}"


@dataclass(frozen=True)
class Signed:
    who: str  # the name signed with
    as_whom: str  # "the person", "key worker"
    at: datetime

    @property
    def words(self) -> str:
        return f"{self.who} ({self.as_whom}), {date_and_time(self.at)}"


@dataclass(frozen=True)
class ApprovalSummary:
    """What a manager approves: the version both signed, as it stands."""

    version_id: int
    plan_id: int
    plan_revision: int  # approval is refused if the plan changes after this was read
    person_reference: str
    version: int
    goals: tuple[str, ...]
    services: tuple[ServiceLine, ...]
    agreed_budget_pence: int | None
    signatures: tuple[Signed, ...]

    @property
    def total_pence(self) -> int:
        return sum(line.total_pence for line in self.services)

    def as_text(self) -> str:
        """The summary in plain lines, as the confirmation shows it."""
        lines = [f"Plan {self.plan_id}, version {self.version}, for {self.person_reference}", "", "Goals:"]
        lines += [f"  {number}. {goal}" for number, goal in enumerate(self.goals, start=1)]
        lines += ["", "Services and amounts:"]
        lines += [f"  {line.words}" for line in self.services] or ["  none"]
        lines += ["", f"Total set aside: {format_money(self.total_pence)}"]
        if self.agreed_budget_pence is not None:
            lines.append(f"Agreed budget: {format_money(self.agreed_budget_pence)}")
        lines += ["", "Signed by:"]
        lines += [f"  {signed.words}" for signed in self.signatures]
        return "\n".join(lines)


def approval_summary(db: Database, actor: Actor, version_id: int) -> ApprovalSummary:
    """The summary of a version waiting for approval (managers: ``APPROVE_PLAN``); refused if it
    is not waiting (not yet signed by both, or already approved)."""
    with read_only(db, actor, Action.APPROVE_PLAN) as work:
        version = work.get(PlanVersion, version_id, "plan version")
        work.require_person(version.plan.person)
        if version.status != PlanStatus.AGREED:
            raise InvalidTransition(
                "This plan is not waiting for approval: "
                + (
                    "both the person and the key worker must sign first."
                    if version.status == PlanStatus.DRAFT
                    else f"it is already {version.status}."
                )
            )
        signatures = signing.valid_signatures(version, plan_sha256(version))
        return ApprovalSummary(
            version_id=version.id,
            plan_id=version.plan_id,
            plan_revision=version.plan.revision,
            person_reference=version.plan.person.reference,
            version=version.number,
            goals=tuple(goal.wording.body for goal in version.goals),
            services=tuple(
                ServiceLine(a.description, a.category, a.quantity, a.unit, a.total_pence)
                for a in version.allocations
            ),
            agreed_budget_pence=version.agreed_budget_pence,
            signatures=tuple(
                Signed(
                    signatures[kind].signer_name,
                    "the person" if kind is SignerKind.PERSON else "key worker",
                    signatures[kind].signed_at,
                )
                for kind in (SignerKind.PERSON, SignerKind.KEY_WORKER)
                if kind in signatures
            ),
        )
