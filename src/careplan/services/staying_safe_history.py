"""What changed in the staying-safe plan from one version to another, in plain words that quote
the person: each part, whose words it is, and the people to call (matched by their key)."""

from __future__ import annotations

from careplan.domain.enums import SafetyPart
from careplan.domain.wording.staying_safe import (
    NALOXONE_HEADING,
    OVERDOSE_HEADING,
    STAYING_SAFE,
    naloxone_words,
    overdose_risk_words,
    part_heading,
)
from careplan.services.changes import Change, ChangeKind, quote
from careplan.services.staying_safe_view import ContactView, StayingSafeView
from careplan.services.text_views import TextView


def staying_safe_changes(older: StayingSafeView, newer: StayingSafeView) -> list[Change]:
    changes: list[Change] = []
    for part in SafetyPart:
        changes += _words_changes(part_heading(part), older.part(part), newer.part(part))
    changes += _contact_changes(older.contacts, newer.contacts)
    if older.overdose_risk != newer.overdose_risk:
        changes.append(
            _choice(
                OVERDOSE_HEADING,
                overdose_risk_words(older.overdose_risk),
                overdose_risk_words(newer.overdose_risk),
            )
        )
    changes += _words_changes(f"{OVERDOSE_HEADING}, in my words", older.overdose_words, newer.overdose_words)
    if older.naloxone != newer.naloxone:
        changes.append(
            _choice(NALOXONE_HEADING, naloxone_words(older.naloxone), naloxone_words(newer.naloxone))
        )
    changes += _words_changes("Where I keep naloxone", older.naloxone_where, newer.naloxone_where)
    return changes


def _change(kind: ChangeKind, sentence: str, old: str | None = None, new: str | None = None) -> Change:
    return Change(kind, "staying_safe", f"{STAYING_SAFE}, {sentence}", old, new)


def _choice(heading: str, was: str, now: str) -> Change:
    return _change("changed", f"{heading.lower()}: {quote(was)} became {quote(now)}", was, now)


def _words_changes(heading: str, old: TextView | None, new: TextView | None) -> list[Change]:
    what = heading[:1].lower() + heading[1:]
    if old is None and new is None:
        return []
    if old is None:
        assert new is not None
        return [_change("added", f"{what}: {quote(new.body)}", None, new.body)]
    if new is None:
        return [_change("removed", f"{what}: taken out (it was {quote(old.body)})", old.body)]
    changes: list[Change] = []
    if old.body != new.body:
        changes.append(
            _change("changed", f"{what}: {quote(old.body)} became {quote(new.body)}", old.body, new.body)
        )
    if (old.author.kind, old.author.name) != (new.author.kind, new.author.name):
        changes.append(
            _change(
                "changed",
                f"{what}: now written by {new.author.name} instead of {old.author.name}",
                old.author.name,
                new.author.name,
            )
        )
    return changes


def _contact_line(contact: ContactView) -> str:
    return f"{quote(contact.name.body)} ({contact.phone})"


def _contact_changes(older: tuple[ContactView, ...], newer: tuple[ContactView, ...]) -> list[Change]:
    before = {contact.key: contact for contact in older}
    changes: list[Change] = []
    for contact in newer:
        old = before.get(contact.key)
        line = _contact_line(contact)
        if old is None:
            changes.append(_change("added", f"someone new to call: {line}", None, line))
            continue
        if old.name.body != contact.name.body:
            changes.append(
                _change(
                    "changed",
                    f"someone to call: {quote(old.name.body)} became {quote(contact.name.body)}",
                    old.name.body,
                    contact.name.body,
                )
            )
        if old.phone != contact.phone:
            changes.append(
                _change(
                    "changed",
                    f"the number for {quote(contact.name.body)} changed from {old.phone} to {contact.phone}",
                    old.phone,
                    contact.phone,
                )
            )
    now = {contact.key for contact in newer}
    for old in older:
        if old.key not in now:
            line = _contact_line(old)
            changes.append(_change("removed", f"no longer someone to call: {line}", line))
    return changes
