"""Where a request for a service not in the catalogue has got to, in plain words: the same on the
Services and budget page and on the command line ("Priya Shah said no: ...")."""

from __future__ import annotations

from careplan.domain.enums import ProposalStatus
from careplan.domain.wording.units import price_words


def decision_words(
    status: str,
    *,
    by: str | None,
    reason: str | None,
    question: str | None,
    price_pence: int | None,
    unit: str,
    added_to_catalogue: bool = False,
) -> str:
    """One or two sentences: who decided what, and why, or what is still awaited."""
    who = by or "A manager"
    if status == ProposalStatus.PENDING:
        return "Waiting for a manager to decide."
    if status == ProposalStatus.ASKED:
        return f"{who} asked to be told more: {question or ''}".rstrip()
    if status == ProposalStatus.DECLINED:
        return f"{who} said no: {reason or 'no reason was given.'}"
    if status == ProposalStatus.APPROVED:
        price = f", at {price_words(price_pence, unit)}" if price_pence is not None else ""
        words = f"{who} said yes{price}"
        words += ", and added it to the catalogue." if added_to_catalogue else "."
        return f"{words} {reason}" if reason else words
    return status
