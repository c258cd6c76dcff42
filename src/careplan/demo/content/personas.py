"""What Dee, Marek and Jordan (PERSONAS.md) tell us about themselves when they first come, and
their answers to the budget questionnaire. Their stories are :mod:`careplan.demo.personas`.

About me answers are (topic, words, whose words, who typed them: "sam", their key worker, or
"chris", the peer mentor).
"""

from __future__ import annotations

from careplan.domain.enums import AuthorKind

PERSON, STAFF = AuthorKind.PERSON, AuthorKind.STAFF

DEE_ABOUT_ME = (
    ("what_matters", "My two kids. Getting well so they can be proud of me.", PERSON, "sam"),
    ("going_well", "I've kept my methadone steady for two years. I don't miss pickups.", PERSON, "sam"),
    (
        "want_to_change",
        "I don't want to be a case any more. I want to know what is going on with my money.",
        PERSON,
        "sam",
    ),
    (
        "hopes",
        "I want my kids to see me well. I want a flat of my own, with my own front door.",
        PERSON,
        "sam",
    ),
    ("substances", "Heroin most days, smoked. Crack sometimes, when things get bad.", PERSON, "sam"),
    (
        "treatment",
        "Methadone 60 ml a day, supervised at the pharmacy on Market Street. Dee prefers "
        "letters to be read through with her rather than posted.",
        STAFF,
        "sam",
    ),
    ("support", "My sister Karen. The night staff at the hostel are alright.", PERSON, "sam"),
)
DEE_BUDGET_ANSWERS = {
    "daily_living": "some",
    "substance_use": "most",
    "health": "mixed",
    "housing": "temporary",
    "support": "some",
    "time": "nothing",
    "children": "see",
    "legal": "no",
}

MAREK_ABOUT_ME = (
    ("what_matters", "Work. To be useful. My daughter in Gdańsk, I call her on Sundays.", PERSON, "sam"),
    ("want_to_change", "The drinking. It takes everything, the money, the work, my health.", PERSON, "sam"),
    (
        "hopes",
        "Stop drinking, then a driving licence. With a licence I get steady work on the sites, "
        "not cash in hand.",
        PERSON,
        "sam",
    ),
    ("substances", "Vodka or strong beer, every day. More when there is no work.", PERSON, "sam"),
    (
        "going_well",
        "Marek is a skilled plasterer and is offered work most weeks. He has kept every appointment so far.",
        STAFF,
        "sam",
    ),
    ("support", "My friend Tomasz from work. Nobody else here.", PERSON, "sam"),
)
MAREK_BUDGET_ANSWERS = {
    "daily_living": "none",
    "substance_use": "all",
    "health": "mixed",
    "housing": "at_risk",
    "support": "none",
    "time": "some",
    "children": "no",
    "legal": "no",
}

JORDAN_ABOUT_ME = (
    (
        "what_matters",
        "Being left alone to get on with things. My cat. Gaming with my mates online.",
        PERSON,
        "sam",
    ),
    (
        "want_to_change",
        "I smoke weed from when I wake up. I want to not need it to get through the day.",
        PERSON,
        "sam",
    ),
    (
        "hopes",
        "A college course in September. Getting fit. "
        "Talking to someone who's actually been there, not another assessment.",
        PERSON,
        "chris",
    ),
    ("substances", "Weed every day. Ket at weekends with friends.", PERSON, "sam"),
    ("going_well", "Going to the gym twice a week since I got the pass.", PERSON, "chris"),
    ("support", "My nan. Chris at the drop-in.", PERSON, "chris"),
)
JORDAN_BUDGET_ANSWERS = {
    "daily_living": "none",
    "substance_use": "some",
    "health": "mixed",
    "housing": "settled",
    "support": "some",
    "time": "nothing",
    "children": "no",
    "legal": "no",
}
