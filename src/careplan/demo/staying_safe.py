"""Staying-safe plans written in a draft, in the person's words, as the staying-safe use cases
write them (careplan.services.staying_safe): before the version is signed, so its fingerprint
holds them; a revision carries them over (careplan.demo.revisions)."""

from __future__ import annotations

from datetime import date

from careplan.demo.content.staying_safe import (
    CONTACTS,
    IF_UNREACHABLE,
    NALOXONE_WHERE,
    OVERDOSE_WORDS,
    WARNING_SIGNS,
    WHAT_HELPS,
    SafetyWords,
)
from careplan.demo.stand_ins import SafetyContact, Staff, StayingSafe, Version
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind

PERSON = AuthorKind.PERSON
FIELDS = (
    "warning_signs",
    "what_helps",
    "if_unreachable",
    "overdose_risk",
    "overdose_words",
    "naloxone",
    "naloxone_where",
)


class StayingSafePlans:
    """Writes a version's staying-safe plan and its contacts, with their audit events."""

    def __init__(self, bench: Workbench, texts: Texts) -> None:
        self.dice = bench.dice
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch
        self.texts = texts

    def write(self, version: Version, words: SafetyWords, day: date, by: Staff) -> None:
        person, batch = version.plan.person, self.batch
        text = self.texts.text

        version.staying_safe = StayingSafe(
            batch.new_id("staying_safe"),
            warning_signs=text(words.warning_signs, PERSON, person, by, day),
            what_helps=text(words.what_helps, PERSON, person, by, day),
            if_unreachable=text(words.if_unreachable, PERSON, person, by, day),
            overdose_risk=words.overdose_risk,
            overdose_words=text(words.overdose_words, PERSON, person, by, day),
            naloxone=words.naloxone,
            naloxone_where=text(words.naloxone_where, PERSON, person, by, day)
            if words.naloxone_where
            else None,
        )
        at = self.clock.moment(day)
        self.trail.event(at, by, "create", "staying_safe", version.staying_safe.id, FIELDS)
        for position, (who, phone) in enumerate(words.contacts):
            contact = SafetyContact(
                batch.new_id("safety_contacts"),
                self.dice.key(),
                position,
                text(who, PERSON, person, by, day),
                phone,
            )
            version.safety_contacts.append(contact)
            self.trail.event(at, by, "create", "safety_contact", contact.id, ("name", "phone"))

    def maybe(self, version: Version, day: date, by: Staff, opioids: bool) -> None:
        """A staying-safe plan for a share of people: most who use opioids, some others."""
        dice = self.dice
        if not dice.chance(0.75 if opioids else 0.35):
            return
        naloxone = "held" if opioids and dice.chance(0.7) else "not_held"
        risk = (
            dice.pick(("high", "some", "some", "not_sure")) if opioids else dice.pick(("low", "low", "some"))
        )
        contacts = tuple(
            (dice.pick(CONTACTS), f"07700 900{dice.whole(0, 999):03d}") for _ in range(dice.whole(1, 3))
        )
        words = SafetyWords(
            dice.pick(WARNING_SIGNS),
            dice.pick(WHAT_HELPS),
            dice.pick(IF_UNREACHABLE),
            risk,
            dice.pick(OVERDOSE_WORDS),
            naloxone,
            dice.pick(NALOXONE_WHERE) if naloxone == "held" else None,
            contacts,
        )
        self.write(version, words, day, by)
