"""What generate hands back: the numbers of what was made, and the progress callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from careplan.domain.enums import PlanStatus, ProposalStatus

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    """What was made, in numbers."""

    staff: int
    providers: int
    services: int
    people: int
    plans: int
    versions_by_status: dict[str, int]
    proposals_by_status: dict[str, int]
    allocations: int
    reviews: int
    reviews_completed: int
    reviews_overdue: int
    consents: int
    audit_events: int
    signing_passphrase_in_keyring: bool = False
    """Whether this computer's keyring now has the demo certificate's passphrase (else it is asked
    for when signing)."""

    @property
    def versions(self) -> int:
        return sum(self.versions_by_status.values())

    def describe(self) -> str:
        """One plain line, for the command line."""
        statuses = ", ".join(f"{self.versions_by_status.get(s.value, 0):,} {s.value}" for s in PlanStatus)
        proposals = ", ".join(
            f"{self.proposals_by_status.get(s.value, 0):,} {s.value}" for s in ProposalStatus
        )
        return (
            f"{self.staff:,} staff, {self.services:,} services from {self.providers:,} providers, "
            f"{self.people:,} people, {self.plans:,} plans with {self.versions:,} versions ({statuses}), "
            f"{self.allocations:,} allocations, {sum(self.proposals_by_status.values()):,} proposals "
            f"({proposals}), {self.reviews:,} reviews ({self.reviews_completed:,} done, "
            f"{self.reviews_overdue:,} overdue), {self.consents:,} consents, "
            f"{self.audit_events:,} audit events"
        )
