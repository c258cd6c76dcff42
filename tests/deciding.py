"""The short way for tests to decide a request: yes as a one-off (at ``unit_price``, or the
estimate), or no with a reason (``services.requests.decide_request`` does the deciding)."""

from __future__ import annotations

from decimal import Decimal

from careplan.domain.actor import Actor
from careplan.services.requests import Choice, Decision, decide_request
from careplan.storage.database import Database


def decide_proposal(
    db: Database,
    actor: Actor,
    proposal_id: int,
    *,
    approve: bool,
    unit_price: Decimal | None = None,
    note: str | None = None,
) -> None:
    choice = Choice.YES if approve else Choice.NO
    decide_request(db, actor, proposal_id, Decision(choice, words=note or "", price=unit_price))
