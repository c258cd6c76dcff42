"""What verifying and printing an agreement need from the record, and nothing personal.

- :func:`find_plan_version_by_sha256`: which agreed plan version a fingerprint belongs to (plan
  key, version number, status), for checking a PDF someone brings in. No names, no text.
- :func:`agreement_version`: which version ``careplan agreement PLAN_ID [--version N]`` prints.
- :func:`trusted_certificates`: the service's signing certificates a signature is checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cryptography import x509
from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import Plan, PlanVersion
from careplan.services.certificate_record import certificate_from, stored_record
from careplan.services.unit_of_work import read_only
from careplan.storage.database import Database

_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class VersionMatch:
    """A stored plan version whose signed fingerprint is the one asked about."""

    plan_key: str
    plan_id: int
    version_id: int
    version_number: int
    status: PlanStatus
    approved: bool


def find_plan_version_by_sha256(db: Database, sha256: str) -> VersionMatch | None:
    """The agreed (signed) plan version with this fingerprint, or None."""
    wanted = sha256.strip().lower()
    if not _SHA256.fullmatch(wanted):
        return None
    with db.session() as session:
        row = session.execute(
            select(
                Plan.key,
                Plan.id,
                PlanVersion.id,
                PlanVersion.number,
                PlanVersion.status,
                PlanVersion.approved_at,
            )
            .join(Plan, Plan.id == PlanVersion.plan_id)
            .where(PlanVersion.frozen_sha256 == wanted)
            .order_by(PlanVersion.id)
            .limit(1)
        ).first()
    if row is None:
        return None
    plan_key, plan_id, version_id, number, status, approved_at = row
    return VersionMatch(
        plan_key=plan_key,
        plan_id=plan_id,
        version_id=version_id,
        version_number=number,
        status=PlanStatus(status),
        approved=approved_at is not None,
    )


def agreement_version(db: Database, actor: Actor, plan_id: int, number: int | None = None) -> VersionMatch:
    """The plan version to print as a signed agreement.

    With ``number``, that version, which must have been approved. Without, the active version,
    else the newest approved one. Only managers print agreements.
    """
    if number is not None and number < 1:
        raise InvalidInput("Version numbers start at 1.", "version")
    with read_only(db, actor, Action.PRINT_AGREEMENT) as work:
        plan = work.session.get(Plan, plan_id)
        if plan is None:
            raise NotFound(f"There is no plan {plan_id}. The plans command lists them.")
        versions = list(plan.versions)
        if number is not None:
            chosen = next((v for v in versions if v.number == number), None)
            if chosen is None:
                raise NotFound(f"Plan {plan_id} has no version {number}.")
            if chosen.approved_at is None or chosen.frozen_sha256 is None:
                raise InvalidTransition(
                    f"Version {number} of plan {plan_id} is {PlanStatus(chosen.status)}, not approved: only "
                    "an approved version can be printed as a signed agreement. A manager approves it "
                    "first."
                )
            return _match(plan, chosen)
        active = [v for v in versions if v.status == PlanStatus.ACTIVE and v.frozen_sha256 is not None]
        approved = [v for v in versions if v.approved_at is not None and v.frozen_sha256 is not None]
        pick = active or approved
        if not pick:
            raise InvalidTransition(
                f"Plan {plan_id} has no approved version yet, so there is no agreement to print. A "
                "manager approves a signed version first."
            )
        return _match(plan, max(pick, key=lambda v: v.number))


def _match(plan: Plan, version: PlanVersion) -> VersionMatch:
    return VersionMatch(
        plan_key=plan.key,
        plan_id=plan.id,
        version_id=version.id,
        version_number=version.number,
        status=PlanStatus(version.status),
        approved=version.approved_at is not None,
    )


@dataclass(frozen=True)
class Trust:
    """The certificates verification trusts: the current one and the ones it replaced."""

    current: tuple[x509.Certificate, ...]
    earlier: tuple[x509.Certificate, ...]


def trusted_certificate(db: Database) -> x509.Certificate | None:
    """The current certificate (public part only: no keyring needed), or None."""
    stored = stored_record(db)
    return certificate_from(stored["certificate"]) if stored is not None else None


def trusted_certificates(db: Database) -> Trust:
    """The current certificate and the ones it replaced, for verification."""
    stored = stored_record(db)
    if stored is None:
        return Trust(current=(), earlier=())
    return Trust(
        current=(certificate_from(stored["certificate"]),),
        earlier=tuple(certificate_from(e["certificate"]) for e in stored.get("earlier", [])),
    )
