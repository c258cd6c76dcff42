"""Substance use: the kinds of use people describe, in their words, and what treatment they have."""

from __future__ import annotations

# fmt: off
# profile -> weight, goal area, substance entries (substance, how, how often, amount, chance)
_Use = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], float]
PROFILES: dict[str, tuple[int, str, tuple[_Use, ...]]] = {
    "opiates": (28, "drugs", (
        ("Heroin", ("smoked", "injected"), ("daily", "most days", "three or four times a week"),
         ("£20 a day", "£30 a day", "half a gram a day", "a £10 bag, twice a day"), 1.0),
        ("Crack cocaine", ("smoked",), ("at weekends", "a few times a week", "when I get paid"),
         ("£20 a time", "£40 at weekends", "a couple of rocks"), 0.5),
        ("Methadone (prescribed)", ("oral, supervised",), ("daily",),
         ("40 ml", "60 ml", "75 ml", "90 ml"), 0.65),
    )),
    "alcohol": (30, "alcohol", (
        ("Alcohol", ("drinks",), ("every day", "most days", "every evening"),
         ("3 litres of strong cider", "a litre of vodka", "8 cans of strong lager",
          "two bottles of wine", "half a bottle of vodka"), 1.0),
        ("Diazepam (not prescribed)", ("tablets",), ("when I try to stop drinking",), ("a few a day",), 0.15),
    )),
    "crack": (8, "drugs", (
        ("Crack cocaine", ("smoked",), ("most days", "daily"), ("£50 a day", "£30 to £60 a day"), 1.0),
        ("Heroin", ("smoked",), ("to come down",), ("a £10 bag",), 0.5),
    )),
    "cannabis": (12, "drugs", (
        ("Cannabis", ("smoked", "in joints with tobacco"), ("every day", "from when I wake up"),
         ("an eighth every few days", "a quarter a week", "about £60 a week"), 1.0),
        ("Ketamine", ("snorted",), ("at weekends",), ("half a gram", "a gram"), 0.3),
    )),
    "cocaine": (11, "drugs", (
        ("Cocaine", ("snorted",), ("at weekends", "from Thursday to Sunday"),
         ("a gram or two", "£80 a weekend"), 1.0),
        ("Alcohol", ("drinks",), ("at weekends",), ("10 pints of lager", "most of a night out"), 0.6),
    )),
    "club": (4, "drugs", (
        ("Ketamine", ("snorted",), ("at weekends", "most weekends"), ("a gram", "a couple of grams"), 1.0),
        ("MDMA", ("pills",), ("some weekends",), ("one or two",), 0.5),
    )),
    "benzos": (5, "drugs", (
        ("Pregabalin (not prescribed)", ("tablets",), ("every day",), ("600 mg", "up to 900 mg"), 1.0),
        ("Diazepam (not prescribed)", ("tablets",), ("every day",), ("20 mg", "30 mg"), 0.6),
    )),
    "spice": (2, "drugs", (
        ("Synthetic cannabinoids (spice)", ("smoked",), ("every day",), ("a few bags", "£10 a day"), 1.0),
    )),
}
PROFILE_NAMES = tuple(PROFILES)
PROFILE_WEIGHTS = tuple(p[0] for p in PROFILES.values())

# How people say what they use, so the words match the structured list.
SAYING: dict[str, str] = {
    "Heroin": "Heroin {how_often}, {how}.",
    "Crack cocaine": "Crack {how_often}.",
    "Alcohol": "I drink {amount}, {how_often}.",
    "Diazepam (not prescribed)": "Street diazepam {how_often}.",
    "Cannabis": "Weed {how_often}.",
    "Ketamine": "Ket {how_often}.",
    "Cocaine": "Coke {how_often}.",
    "MDMA": "Pills {how_often}.",
    "Pregabalin (not prescribed)": "Pregabalin {how_often}, not from the doctor.",
    "Synthetic cannabinoids (spice)": "Spice {how_often}. It's cheap and it knocks me out.",
}
SAYING_AFTER: tuple[str, ...] = (
    " I'm not proud of it, but I want it written down straight.",
    " I want to cut down, not be told off.",
    " It's got worse this year.",
    " Some weeks are better than others.",
)
ON_A_SCRIPT: tuple[str, ...] = (
    "Methadone, picked up every day at the chemist.",
    "Methadone. I want the dose looked at.",
    "Methadone, supervised. I'd like to take it home one day.",
)
TREATMENT_WORDS: dict[str, tuple[str, ...]] = {
    "opiates": ("Nothing right now. I want to get on a script.",
                "I came off my script last year. I want to go back on it."),
    "alcohol": ("Seeing the alcohol nurse every fortnight.", "Nothing yet. I want a detox.",
                "I tried Antabuse once. It didn't stick."),
    "crack": ("Nothing for the crack. Just coming here.",),
    "cannabis": ("Nothing really. Coming to the drop-in.",),
    "cocaine": ("Nothing yet. This is the first time I've asked for help.",),
    "club": ("Nothing at the moment.",),
    "benzos": ("The GP is doing a slow reduction with me.",),
    "spice": ("Nothing yet. I've been on the waiting list.",),
}
# fmt: on
