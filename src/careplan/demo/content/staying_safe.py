"""Staying-safe plans in people's own (invented) words: the personas', and a pool for everyone else.

Phone numbers are from the ranges Ofcom keeps for drama (07700 900xxx, 01632 960xxx): they
reach nobody."""

from __future__ import annotations

from typing import NamedTuple


class SafetyWords(NamedTuple):
    warning_signs: str
    what_helps: str
    if_unreachable: str
    overdose_risk: str  # OverdoseRisk's value
    overdose_words: str
    naloxone: str  # Naloxone's value
    naloxone_where: str | None
    contacts: tuple[tuple[str, str], ...]  # (who, number)


DEE = SafetyWords(
    "I stop answering my phone. I stay in my room. I start thinking about the kids and going out at night.",
    "Talking to Chris. Going to the pharmacy early. Ringing my sister.",
    "I ring the night line or go to A&E. I don't use on my own.",
    "high",
    "I'm on methadone but if I use on top I could go over. Worst after a bad day.",
    "held",
    "In my bag, front pocket. The hostel staff know.",
    (
        ("Chris, peer mentor", "07700 900123"),
        ("My sister Jo", "07700 900456"),
        ("Hostel night staff", "01632 960111"),
    ),
)
MAREK = SafetyWords(
    "I go to the shop at ten in the morning. I don't go to work. I stop eating.",
    "Work. Being tired from work. Phoning Tomasz.",
    "I go to my GP. If it's bad, A&E. I don't stop drinking all at once on my own.",
    "low",
    "Drinking, not drugs. Stopping suddenly is the danger for me, the doctor said.",
    "not_held",
    None,
    (("Tomasz, friend from work", "07700 900789"), ("Sam at the service", "01632 960222")),
)
JORDAN = SafetyWords(
    "I stop going out. I stop replying. I smoke from when I wake up.",
    "Climbing, or the gym. Gaming with people I know. Texting Chris.",
    "I'd text the crisis text line. Or tell my mum.",
    "some",
    "Ketamine at weekends with other stuff. I don't really know what's in it.",
    "held",
    "In my room, top drawer. My mum knows where.",
    (("Chris, peer mentor", "07700 900123"), ("Mum", "07700 900321")),
)

# fmt: off
WARNING_SIGNS: tuple[str, ...] = (
    "I stop sleeping. I stop answering the door.", "I start seeing my old mates again.",
    "Payday. I get anxious when I have cash.", "I miss my script.",
    "I go quiet and stay in bed.", "I start drinking in the morning.",
)
WHAT_HELPS: tuple[str, ...] = (
    "Going for a walk. Ringing my mum.", "Going to the drop-in.", "Keeping busy. The allotment.",
    "Having someone to talk to at night.", "Music and a long bath.", "Going to my meeting.",
)
IF_UNREACHABLE: tuple[str, ...] = (
    "Ring the night line.", "Go to my GP or the walk-in centre.", "Ring 111, or 999 if it's bad.",
    "Go to my sister's.",
)
OVERDOSE_WORDS: tuple[str, ...] = (
    "I've been clean a while so my tolerance is low.", "I use on my own sometimes.",
    "I don't use opiates.", "Mixing with tablets is the risk for me.",
)
NALOXONE_WHERE: tuple[str, ...] = (
    "In my coat pocket.", "Kitchen drawer. My partner knows.", "In my bag.",
)
CONTACTS: tuple[str, ...] = (
    "My mum", "My sister", "My brother", "My partner", "A friend from the group", "My sponsor",
    "Peer mentor", "My dad", "Neighbour",
)
# fmt: on
