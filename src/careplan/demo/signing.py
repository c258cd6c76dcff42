"""A version signed, agreed, approved, put into action or closed, as the signing use cases do it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from careplan.demo.stand_ins import Staff, Version
from careplan.demo.workbench import Workbench
from careplan.domain.enums import PlanStatus, ReviewKind, SignatureMethod, SignerKind
from careplan.domain.records import PlanVersion
from careplan.services.canonical import live_canonical, plan_sha256
from careplan.services.signing import standard_reviews


class Signing:
    """Signatures (drawn or typed), and each step of a version's life with its audit event."""

    def __init__(self, bench: Workbench) -> None:
        self.dice = bench.dice
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch
        self._stroke_pool: list[list[Any]] = []

    def _make_strokes(self) -> list[Any]:
        strokes: list[Any] = []
        dice = self.dice
        r = dice.r
        x = r.uniform(20, 60)
        for _ in range(dice.whole(1, 3)):
            y = r.uniform(40, 80)
            line = []
            for _ in range(dice.whole(8, 18)):
                x += r.uniform(2, 9)
                y = min(110.0, max(10.0, y + r.uniform(-12, 12)))
                line.append([round(x, 2), round(y, 2)])
            strokes.append(line)
            x += r.uniform(5, 15)
        return strokes

    def _strokes(self) -> list[Any]:
        """A drawn signature. Shapes come from a pool made at the start: nobody compares squiggles."""
        if not self._stroke_pool:
            self._stroke_pool = [self._make_strokes() for _ in range(64)]
        return self.dice.pick(self._stroke_pool)

    def _signature(
        self,
        version: Version,
        kind: SignerKind,
        sha: str,
        day: date,
        worker: Staff,
        method: SignatureMethod,
    ) -> None:
        at = self.clock.moment(day)
        person = version.plan.person
        if kind is SignerKind.PERSON:
            name = person.full_name if method is SignatureMethod.TYPED else person.preferred_name
            role, person_id, staff_id = "person", person.id, None
        else:
            name, role, person_id, staff_id = worker.display_name, worker.role.value, None, worker.id
        sid = self.batch.new_id("signatures")
        self.batch.rows["signatures"].append(
            {
                "id": sid,
                "version_id": version.id,
                "signer_kind": kind.value,
                "signer_name": name,
                "role": role,
                "person_id": person_id,
                "staff_id": staff_id,
                "recorded_by_id": worker.id,
                "signed_at": at,
                "method": method.value,
                "strokes": self._strokes() if method is SignatureMethod.DRAWN else None,
                "plan_sha256": sha,
            }
        )
        self.trail.event(at, worker, "sign", "signature", sid, ("signer_kind", "method", "plan_sha256"))

    def sign_worker_only(self, version: Version, day: date, worker: Staff) -> None:
        sha = plan_sha256(cast(PlanVersion, version))
        self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)

    def sign_both(
        self, version: Version, day: date, worker: Staff, person_method: SignatureMethod | None = None
    ) -> None:
        """Both sign what they were shown; the version is agreed and frozen, as signing does it.

        signing._freeze stores ``live_canonical(version)`` after both signed the SHA-256 of that same
        form; here it is worked out once, stored, and hashed with plan_sha256 (which then reads it).
        """
        dice = self.dice
        version.frozen_canonical = live_canonical(cast(PlanVersion, version))
        sha = plan_sha256(cast(PlanVersion, version))
        method = person_method or (SignatureMethod.TYPED if dice.chance(0.3) else SignatureMethod.DRAWN)
        first_worker = dice.chance(0.5)
        if first_worker:
            self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)
        self._signature(version, SignerKind.PERSON, sha, day, worker, method)
        if not first_worker:
            self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)
        version.frozen_sha256 = sha
        version.status = PlanStatus.AGREED.value
        version.agreed_at = self.clock.moment(day)
        self.trail.event(
            version.agreed_at, worker, "agree", "plan_version", version.id, ("status", "frozen_sha256")
        )

    def approve(self, version: Version, day: date, manager: Staff) -> list[tuple[ReviewKind, date]]:
        at = self.clock.moment(day)
        version.status = PlanStatus.APPROVED.value
        version.approved_at, version.approved_by_id = at, manager.id
        self.trail.event(at, manager, "approve", "plan_version", version.id, ("status",))
        return standard_reviews(day)

    def activate(self, version: Version, others: Sequence[Version], day: date, by: Staff) -> None:
        at = self.clock.moment(day)
        for other in others:
            if other is not version and other.status in ("active", "approved", "agreed"):
                other.status, other.ended_at = PlanStatus.SUPERSEDED.value, at
                self.trail.event(at, by, "supersede", "plan_version", other.id, ("status",))
        version.status, version.activated_at = PlanStatus.ACTIVE.value, at
        self.trail.event(at, by, "activate", "plan_version", version.id, ("status",))

    def close(self, versions: Sequence[Version], day: date, manager: Staff) -> None:
        at = self.clock.moment(day)
        for version in versions:
            if version.status in ("draft", "agreed", "approved", "active"):
                version.status, version.ended_at = PlanStatus.CLOSED.value, at
                self.trail.event(at, manager, "close", "plan_version", version.id, ("status",))
