"""The staying-safe plan's words: its headings, and the plain choices the person picks from for
their overdose risk and for naloxone. The page, the agreement (full and easy-read) and the history
all say these, so they read the same everywhere."""

from __future__ import annotations

from careplan.domain.enums import Naloxone, OverdoseRisk, SafetyPart

STAYING_SAFE = "Staying safe"

# The headings, in the order the plan shows them (first person, as the person says them).
PART_HEADINGS: dict[SafetyPart, str] = {
    SafetyPart.WARNING_SIGNS: "Signs that things are getting harder",
    SafetyPart.WHAT_HELPS: "What helps me",
    SafetyPart.IF_UNREACHABLE: "If I can't reach the service",
}
CONTACTS_HEADING = "Who I can call"
OVERDOSE_HEADING = "Overdose risk"
NALOXONE_HEADING = "Naloxone"

OVERDOSE_RISK_WORDS: dict[OverdoseRisk, str] = {
    OverdoseRisk.LOW: "I don't think I am at risk of overdose now",
    OverdoseRisk.SOME: "I could be at risk of overdose at times",
    OverdoseRisk.HIGH: "I think I am at high risk of overdose",
    OverdoseRisk.NOT_SURE: "I'm not sure",
}

NALOXONE_WORDS: dict[Naloxone, str] = {
    Naloxone.HELD: "I have naloxone",
    Naloxone.NOT_HELD: "I don't have naloxone",
}


def part_heading(part: str) -> str:
    return PART_HEADINGS[SafetyPart(part)]


def overdose_risk_words(risk: str | None) -> str:
    """The words the person chose ("not said yet" when they have not chosen)."""
    return OVERDOSE_RISK_WORDS[OverdoseRisk(risk)] if risk else "Not said yet"


def naloxone_words(naloxone: str | None) -> str:
    return NALOXONE_WORDS[Naloxone(naloxone)] if naloxone else "Not said yet"
