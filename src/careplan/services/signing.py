"""Signing a plan version (the person and the key worker), and a manager's approval."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any

from careplan.domain.actor import Actor
from careplan.domain.enums import PlanStatus, ReviewKind, SignatureMethod, SignerKind
from careplan.domain.errors import ConflictError, InvalidInput, InvalidTransition
from careplan.domain.permissions import Action
from careplan.domain.records import PlanVersion, Signature
from careplan.domain.text import one_line
from careplan.services.canonical import live_canonical, matches_what_was_signed, plan_sha256
from careplan.services.plan_access import any_version, draft_version
from careplan.services.review_booking import book_year_of_reviews
from careplan.services.review_schedule import ReviewSchedule
from careplan.services.unit_of_work import Work, unit_of_work
from careplan.storage.database import Database

MAX_POINTS = 20_000


@dataclass(frozen=True)
class SignatureInput:
    """A drawn signature (strokes: lists of (x, y) points) or a typed name with a tick."""

    signer: SignerKind
    method: SignatureMethod
    plan_sha256: str
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()
    typed_name: str | None = None
    confirmed: bool = False


def _check_strokes(strokes: tuple[tuple[tuple[float, float], ...], ...]) -> list[Any]:
    points = [p for stroke in strokes for p in stroke]
    if len(points) < 2:
        raise InvalidInput("Please sign in the box, or type your name and tick the box instead.", "signature")
    if len(points) > MAX_POINTS:
        raise InvalidInput("That signature has too many points. Please clear it and sign again.", "signature")
    cleaned = []
    for stroke in strokes:
        line = []
        for point in stroke:
            try:
                x, y = point
                fx, fy = float(x), float(y)
            except (TypeError, ValueError) as exc:
                raise InvalidInput(
                    "The signature could not be read. Please clear it and sign again.", "signature"
                ) from exc
            if not (math.isfinite(fx) and math.isfinite(fy)):
                raise InvalidInput(
                    "The signature could not be read. Please clear it and sign again.", "signature"
                )
            line.append([round(fx, 2), round(fy, 2)])
        if line:
            cleaned.append(line)
    return cleaned


def signature_marks(
    method: SignatureMethod,
    strokes: tuple[tuple[tuple[float, float], ...], ...],
    typed_name: str | None,
    confirmed: bool,
) -> tuple[str | None, list[Any] | None]:
    """What a signature leaves, checked: the typed name (typed, with the box ticked) or the
    strokes (drawn). Signing a plan and confirming a review record both take a signature so."""
    if method is SignatureMethod.DRAWN:
        return None, _check_strokes(strokes)
    typed = one_line(typed_name or "", "the typed name", "typed_name")
    if not typed:
        raise InvalidInput("Please type your name.", "typed_name")
    if not confirmed:
        raise InvalidInput("Please tick the box to say this is your signature.", "confirmed")
    return typed, None


def valid_signatures(version: PlanVersion, sha256: str) -> dict[SignerKind, Signature]:
    """The latest signature from each side that covers exactly this content."""
    found: dict[SignerKind, Signature] = {}
    for signature in version.signatures:
        if signature.plan_sha256 == sha256:
            found[SignerKind(signature.signer_kind)] = signature
    return found


def sign_plan(
    db: Database, actor: Actor, version_id: int, item: SignatureInput, *, expected_revision: int | None = None
) -> PlanStatus:
    """Record one signature on the exact version shown. When both sides have signed, it is agreed.

    ``plan_sha256`` is the fingerprint of what the signer was shown; if the plan changed since,
    the signature is refused rather than attached to words the signer never saw.
    """
    action = (
        Action.WITNESS_PERSON_SIGNATURE if item.signer is SignerKind.PERSON else Action.SIGN_AS_KEY_WORKER
    )
    with unit_of_work(db, actor, action) as work:
        version = draft_version(work, version_id, expected_revision)
        if not version.goals:
            raise InvalidTransition("Add at least one goal before the plan is signed.")
        current = plan_sha256(version)
        if item.plan_sha256 != current:
            raise ConflictError(
                "The plan changed after it was shown for signing. Please read it again, then sign."
            )
        person = version.plan.person
        typed, strokes = signature_marks(item.method, item.strokes, item.typed_name, item.confirmed)
        signature = Signature(
            signer_kind=item.signer,
            signer_name=(typed or person.preferred_name)
            if item.signer is SignerKind.PERSON
            else work.staff.display_name,
            role="person" if item.signer is SignerKind.PERSON else work.staff.role,
            person_id=person.id if item.signer is SignerKind.PERSON else None,
            staff_id=None if item.signer is SignerKind.PERSON else work.staff.id,
            recorded_by_id=work.staff.id,
            signed_at=work.now,
            method=item.method,
            strokes=strokes,
            plan_sha256=current,
        )
        version.signatures.append(signature)
        work.session.flush()
        work.audit("sign", "signature", signature, ("signer_kind", "method", "plan_sha256"))
        if set(valid_signatures(version, current)) == {SignerKind.PERSON, SignerKind.KEY_WORKER}:
            _freeze(work, version, current)
        return PlanStatus(version.status)


def _freeze(work: Work, version: PlanVersion, sha256: str) -> None:
    version.frozen_canonical = live_canonical(version)
    version.frozen_sha256 = sha256
    version.status = PlanStatus.AGREED
    version.agreed_at = work.now
    work.audit("agree", "plan_version", version, ("status", "frozen_sha256"))


def standard_reviews(approved_on: date) -> list[tuple[ReviewKind, date]]:
    """The reviews the default schedule books (an early review at 7 weeks, regular reviews at 3, 6
    and 9 months, a full review at a year): the demo and the bench book these."""
    return ReviewSchedule().year_of_reviews(approved_on)


def approve_plan(
    db: Database, actor: Actor, version_id: int, *, expected_revision: int | None = None
) -> None:
    """A manager approves a fully signed version; its first year's reviews are booked from the
    service's schedule."""
    with unit_of_work(db, actor, Action.APPROVE_PLAN) as work:
        version = any_version(work, version_id, expected_revision)
        if version.status == PlanStatus.DRAFT:
            raise InvalidTransition("Both the person and the key worker must sign before approval.")
        if version.status != PlanStatus.AGREED:
            raise InvalidTransition(f"This version is already {version.status}.")
        if not matches_what_was_signed(version) or len(valid_signatures(version, plan_sha256(version))) != 2:
            raise InvalidTransition(
                "This version no longer matches what was signed. It cannot be approved; "
                "ask your administrator to check the record."
            )
        version.status = PlanStatus.APPROVED
        version.approved_at = work.now
        version.approved_by_id = work.staff.id
        work.audit("approve", "plan_version", version, ("status",))
        book_year_of_reviews(work, version, work.now.date())
