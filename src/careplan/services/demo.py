"""Synthetic demo data: a whole service, believable and respectful, made in seconds.

Everything here is invented. The first three people are always Dee, Marek and Jordan from
PERSONAS.md, with their stories; everyone else is generated from a seeded random number
generator, so the same seed and the same ``today`` always give exactly the same database.

How it is fast: nothing goes through the use cases one transaction at a time. Rows are built in
memory with their ids chosen up front and inserted in bulk (SQLAlchemy Core), in one transaction.
The rules the use cases enforce are kept by construction instead:

- allocations copy the catalogue price and stay within the budget unless a manager's override
  reason is recorded; never-allowed categories are never used;
- signed versions carry the fingerprint that :func:`careplan.services.canonical.plan_sha256`
  gives for them, and ``frozen_sha256``/``frozen_canonical`` exactly as signing freezes them. The
  fingerprint is computed by the real function, over light stand-in objects that have the same
  attributes as the records (building real ORM objects for every version would be far slower);
- reviews are scheduled with :func:`careplan.services.signing.standard_reviews`;
- the audit trail is a valid hash chain made with :func:`careplan.services.audit.event_hash`, and
  it never holds personal text: only actions, record ids and field names.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import Any, TypeVar, cast

from sqlalchemy import JSON, Date, func, insert, select, text, update
from sqlalchemy.orm import Session

from careplan.domain.budget import Questionnaire, never_allowed_reason
from careplan.domain.enums import (
    AuthorKind,
    GoalStatus,
    PlanStatus,
    ProposalStatus,
    ReviewKind,
    Role,
    ServiceUnit,
    SignatureMethod,
    SignerKind,
    StepOwner,
)
from careplan.domain.errors import InvalidInput, InvalidTransition
from careplan.domain.money import line_total_pence
from careplan.domain.records import (
    AuditEvent,
    AuditHead,
    Base,
    LifeArea,
    Person,
    PlanVersion,
    Provider,
    Setting,
    StaffMember,
    UtcDateTime,
)
from careplan.services.audit import event_hash
from careplan.services.budget import QUESTIONNAIRE_SETTING, default_questionnaire
from careplan.services.canonical import live_canonical, plan_sha256
from careplan.services.people import ABOUT_ME_TOPICS, CONTACT_WAYS
from careplan.services.signing import standard_reviews
from careplan.storage.database import Database

ProgressCallback = Callable[[int, int], None]
T = TypeVar("T")

# --------------------------------------------------------------------------------------------
# The summary handed back to the command line
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    """What was made, in numbers."""

    staff: int
    providers: int
    services: int
    people: int
    plans: int
    versions_by_status: dict[str, int]
    proposals_by_status: dict[str, int]
    allocations: int
    reviews: int
    reviews_completed: int
    reviews_overdue: int
    consents: int
    audit_events: int

    @property
    def versions(self) -> int:
        return sum(self.versions_by_status.values())

    def describe(self) -> str:
        """One plain line, for the command line."""
        statuses = ", ".join(f"{self.versions_by_status.get(s.value, 0):,} {s.value}" for s in PlanStatus)
        proposals = ", ".join(
            f"{self.proposals_by_status.get(s.value, 0):,} {s.value}" for s in ProposalStatus
        )
        return (
            f"{self.staff:,} staff, {self.services:,} services from {self.providers:,} providers, "
            f"{self.people:,} people, {self.plans:,} plans with {self.versions:,} versions ({statuses}), "
            f"{self.allocations:,} allocations, {sum(self.proposals_by_status.values()):,} proposals "
            f"({proposals}), {self.reviews:,} reviews ({self.reviews_completed:,} done, "
            f"{self.reviews_overdue:,} overdue), {self.consents:,} consents, "
            f"{self.audit_events:,} audit events"
        )


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------

# fmt: off
# (weight, women's names, men's names, family names): names from many UK backgrounds.
_BACKGROUNDS: tuple[tuple[int, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        34,
        ("Sarah", "Emma", "Claire", "Lisa", "Kelly", "Gemma", "Nicola", "Joanne", "Donna", "Tracey",
         "Michelle", "Stacey", "Leanne", "Chloë", "Zoë", "Jade", "Jodie", "Amy", "Hayley", "Laura",
         "Rachel", "Hannah", "Sophie", "Charlotte", "Beverley", "Sandra", "Pauline", "Maureen",
         "Janet", "Deborah", "Rebecca", "Samantha", "Elizabeth", "Renée", "Kerry", "Toni"),
        ("Darren", "Lee", "Craig", "Wayne", "Gary", "Paul", "Mark", "Dean", "Jason", "Ryan", "Liam",
         "Connor", "Jamie", "Kyle", "Callum", "Stuart", "Kenneth", "Terry", "Keith", "Derek", "Alan",
         "Brian", "Ian", "Michael", "Anthony", "Christopher", "Daniel", "Nicholas", "William",
         "Francis", "Shaun", "Carl", "Steven", "Neil", "Ricky"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Walker", "Robinson", "Wood",
         "Thompson", "White", "Watson", "Jackson", "Wright", "Green", "Harris", "Cooper", "King",
         "Martin", "Clarke", "James", "Hill", "Moore", "Harrison", "Young", "Morris", "Hall", "Ward",
         "Turner", "Carter", "Mitchell", "Barker", "Shaw", "Holmes", "Fletcher", "Atkinson", "Marsh",
         "Booth", "Kershaw", "Pickering"),
    ),
    (
        7,
        ("Kirsty", "Morag", "Eilidh", "Mhairi", "Fiona", "Isla", "Shona", "Catriona"),
        ("Callum", "Fraser", "Hamish", "Euan", "Ruaridh", "Alasdair", "Graham", "Murray"),
        ("Campbell", "Stewart", "MacDonald", "Fraser", "Murray", "McLeod", "Robertson", "Paterson",
         "Sinclair", "Cameron", "MacKenzie", "Ross"),
    ),
    (
        7,
        ("Siân", "Cerys", "Ffion", "Bethan", "Rhiannon", "Megan", "Catrin", "Nia", "Gwen", "Eleri"),
        ("Rhys", "Dafydd", "Owain", "Iwan", "Gareth", "Dylan", "Geraint", "Huw", "Aled", "Gethin"),
        ("Davies", "Evans", "Williams", "Roberts", "Lewis", "Hughes", "Morgan", "Price", "Rees",
         "Llewellyn", "Pritchard", "Bevan", "Jenkins", "Powell"),
    ),
    (
        8,
        ("Aoife", "Niamh", "Siobhán", "Caoimhe", "Róisín", "Mairéad", "Orla", "Sinéad", "Bríd",
         "Gráinne"),
        ("Ciarán", "Seán", "Pádraig", "Eoin", "Cian", "Declan", "Colm", "Dónal", "Fergal", "Tadhg"),
        ("O'Brien", "O'Neill", "Murphy", "Kelly", "Byrne", "Walsh", "Doherty", "Gallagher", "Quinn",
         "McCarthy", "Ó Súilleabháin", "Brennan", "Keane", "Nolan"),
    ),
    (
        8,
        ("Agnieszka", "Małgorzata", "Katarzyna", "Joanna", "Ewa", "Magdalena", "Zofia", "Marta"),
        ("Łukasz", "Tomasz", "Paweł", "Wojciech", "Krzysztof", "Piotr", "Grzegorz", "Jakub"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
         "Szymański", "Woźniak", "Dąbrowski"),
    ),
    (
        10,
        ("Aisha", "Fatima", "Nadia", "Shabana", "Sunita", "Harpreet", "Anjali", "Parveen", "Sana",
         "Rubina", "Jasmin", "Meera"),
        ("Imran", "Tariq", "Mohammed", "Bilal", "Farhan", "Rajesh", "Sanjay", "Gurpreet", "Jaspal",
         "Arjun", "Zubair", "Hamza", "Amrit"),
        ("Patel", "Khan", "Ahmed", "Ali", "Hussain", "Shah", "Sharma", "Chaudhry", "Iqbal", "Rahman",
         "Uddin", "Miah", "Mistry", "Gill", "Sandhu", "Bains"),
    ),
    (
        5,
        ("Shanice", "Tanisha", "Keisha", "Marcia", "Jasmine", "Simone", "Paulette", "Yvonne"),
        ("Delroy", "Marcus", "Tyrone", "Winston", "Leon", "Errol", "Devon", "Jermaine"),
        ("Campbell", "Brown", "Grant", "Reid", "Thomas", "Francis", "Samuels", "Gordon", "Clarke",
         "Henry", "Spencer", "Bailey"),
    ),
    (
        5,
        ("Folake", "Adaeze", "Chiamaka", "Abena", "Ngozi", "Yetunde", "Efua", "Ama"),
        ("Kwame", "Chidi", "Tunde", "Emeka", "Kofi", "Femi", "Obinna", "Yaw"),
        ("Adeyemi", "Mensah", "Boateng", "Osei", "Nwosu", "Okonkwo", "Adebayo", "Asante", "Eze",
         "Oyelaran"),
    ),
    (
        2,
        ("Hodan", "Ayaan", "Amina", "Faduma", "Sahra", "Ifrah"),
        ("Abdi", "Mohamed", "Abdirahman", "Yusuf", "Hassan", "Liban"),
        ("Abdi", "Farah", "Hassan", "Mohamud", "Warsame", "Jama", "Osman", "Hirsi"),
    ),
    (
        3,
        ("Ioana", "Elena", "Andreea", "Rūta", "Ieva", "Gabija"),
        ("Andrei", "Mihai", "Florin", "Jonas", "Mantas", "Tomas"),
        ("Popescu", "Ionescu", "Stan", "Dumitru", "Rusu", "Munteanu"),
    ),
    (
        2,
        ("Zeynep", "Elif", "Ayşe", "Derya"),
        ("Emre", "Mehmet", "Kemal", "Serkan"),
        ("Yılmaz", "Demir", "Kaya", "Şahin", "Aydın", "Çelik"),
    ),
    (
        2,
        ("Mei", "Xiu", "Ling", "Hui"),
        ("Wei", "Jun", "Hao", "Ming"),
        ("Chen", "Wong", "Li", "Zhang", "Lam", "Cheung"),
    ),
    (
        2,
        ("Inês", "Joana", "Mariana", "Beatriz"),
        ("João", "José", "Tiago", "Rui"),
        ("Silva", "Santos", "Pereira", "Ferreira", "Costa", "Gonçalves"),
    ),
)
_BACKGROUND_WEIGHTS = tuple(b[0] for b in _BACKGROUNDS)
_NEUTRAL_NAMES = ("Alex", "Charlie", "Robin", "Jesse", "Ashley", "Kai", "Morgan", "Rowan", "Sky", "Remy")
_NICKNAMES = {
    "Deborah": "Debs", "Rebecca": "Becky", "Samantha": "Sam", "Elizabeth": "Liz", "Kenneth": "Kenny",
    "Michael": "Mick", "Anthony": "Tony", "Christopher": "Chris", "Daniel": "Danny",
    "Nicholas": "Nick", "William": "Billy", "Francis": "Frankie", "Tomasz": "Tomek",
    "Katarzyna": "Kasia", "Małgorzata": "Gosia", "Wojciech": "Wojtek", "Mohammed": "Mo",
    "Abdirahman": "Abdi", "Magdalena": "Magda", "Jakub": "Kuba", "Catriona": "Cat",
    "Alasdair": "Ali", "Steven": "Steve", "Richard": "Rick",
}
_STREETS = ("Albion Street", "Canal Road", "Victoria Terrace", "Chapel Walk", "Orchard Close",
            "Station Approach", "Mill Lane", "Cemetery Road", "Beech Grove", "Nelson Street",
            "Park View", "Quarry Hill")
_HOSTELS = ("Riverside Hostel", "St Anne's House", "Foundry Lodge", "Beacon House")
_SURGERIES = ("Parkside Surgery", "Market Street Medical Centre", "Hollins Health Centre",
              "Abbey Lane Practice")
_PHARMACIES = ("the pharmacy on Market Street", "Northside Pharmacy", "the chemist on Canal Road")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# --------------------------------------------------------------------------------------------
# The catalogue
# --------------------------------------------------------------------------------------------

NORTHGATE = "Northgate Counselling Cooperative"
SECOND_STEP = "Second Step Peer Network"
RIVERSIDE = "Riverside Leisure Trust"
METRO = "Metro Travel Desk"
EASTFIELD = "Eastfield College"
HOLLYBANK = "Hollybank House"
FAMILY_TIES = "Family Ties Project"
OPEN_DOOR = "Open Door Arts"
START_RIGHT = "Start Right Driving School"
HOMEWISE = "Homewise Tenancy Support"

PROVIDERS: tuple[tuple[str, str], ...] = (
    (NORTHGATE, "01632 960114, referrals@northgate-counselling.example.org"),
    (SECOND_STEP, "01632 960237, hello@secondstep.example.org"),
    (RIVERSIDE, "01632 960355, passes@riverside-leisure.example.org"),
    (METRO, "01632 960480, travel.desk@metro.example.org"),
    (EASTFIELD, "01632 960512, adult.learning@eastfield.example.ac.uk"),
    (HOLLYBANK, "01632 960641, admissions@hollybank.example.org"),
    (FAMILY_TIES, "01632 960777, team@familyties.example.org"),
    (OPEN_DOOR, "01632 960808, studio@opendoorarts.example.org"),
    (START_RIGHT, "01632 960919, bookings@startright.example.co.uk"),
    (HOMEWISE, "01632 960950, info@homewise.example.org"),
)

# provider, name, category, description, unit, price in pence, peer led
SERVICES: tuple[tuple[str, str, str, str, ServiceUnit, int, bool], ...] = (
    (NORTHGATE, "One-to-one counselling", "counselling",
     "A private hour with a counsellor, every week at the same time. You choose what to talk about.",
     ServiceUnit.HOUR, 4500, False),
    (NORTHGATE, "Trauma-informed counselling", "counselling",
     "Counselling with someone trained to work with what happened to you, at your pace. "
     "Nothing is forced.", ServiceUnit.HOUR, 5800, False),
    (NORTHGATE, "Group counselling", "counselling",
     "A small group of up to eight people with two counsellors, once a week for eight weeks.",
     ServiceUnit.SESSION, 3600, False),
    (NORTHGATE, "Counselling in Polish", "counselling",
     "One-to-one counselling with a counsellor who speaks Polish.", ServiceUnit.HOUR, 4800, False),
    (NORTHGATE, "Family and couples counselling", "counselling",
     "A counsellor meets you with someone close to you, so you can talk things through safely.",
     ServiceUnit.HOUR, 5500, False),
    (NORTHGATE, "Mindfulness course", "wellbeing",
     "Six evening sessions learning ways to handle stress and cravings.", ServiceUnit.COURSE, 6000, False),
    (NORTHGATE, "Ear acupuncture", "wellbeing",
     "A calm half hour of ear acupuncture. Many people find it helps with cravings and sleep.",
     ServiceUnit.SESSION, 1000, False),
    (SECOND_STEP, "Peer mentoring", "peer mentoring",
     "An hour a week with a mentor who has been through treatment themselves.",
     ServiceUnit.HOUR, 1500, True),
    (SECOND_STEP, "Recovery coaching", "peer mentoring",
     "A peer coach helps you plan your week and sticks with you after detox.",
     ServiceUnit.HOUR, 1800, True),
    (SECOND_STEP, "Peer-led recovery group", "peer mentoring",
     "A friendly weekly group run by people in recovery. Tea, biscuits and no lectures.",
     ServiceUnit.SESSION, 1200, True),
    (RIVERSIDE, "Gym pass", "gym and swimming",
     "Use of the gym at Riverside Leisure Centre, any time it is open.", ServiceUnit.WEEK, 850, False),
    (RIVERSIDE, "Swimming pass (ten swims)", "gym and swimming",
     "Ten swims at any Riverside pool, to use within three months.", ServiceUnit.ITEM, 3200, False),
    (RIVERSIDE, "Gym and swim pass", "gym and swimming",
     "The gym, the pool and classes at any Riverside centre.", ServiceUnit.WEEK, 1100, False),
    (RIVERSIDE, "Yoga for recovery", "gym and swimming",
     "A gentle weekly yoga class for people in recovery. No experience needed.",
     ServiceUnit.SESSION, 600, False),
    (RIVERSIDE, "Women-only swim sessions", "gym and swimming",
     "Swimming sessions for women only, with female lifeguards.", ServiceUnit.SESSION, 350, False),
    (METRO, "Weekly bus pass", "travel",
     "Unlimited bus travel across the city for seven days.", ServiceUnit.WEEK, 1850, False),
    (METRO, "Monthly bus and rail pass", "travel",
     "A month of buses and local trains, for getting to work, college or family.",
     ServiceUnit.ITEM, 7200, False),
    (METRO, "Mutual aid travel", "travel",
     "Return bus fares to recovery meetings such as AA, NA or SMART.", ServiceUnit.ITEM, 480, False),
    (METRO, "Travel to detox admission", "travel",
     "A taxi on the day you go into detox, with your bags.", ServiceUnit.ITEM, 3500, False),
    (EASTFIELD, "Functional skills English", "college course",
     "Reading and writing at your own pace, in a small class. Ends with a certificate.",
     ServiceUnit.COURSE, 12000, False),
    (EASTFIELD, "Introduction to IT", "college course",
     "Using a computer for email, forms and job searches. Twelve weeks, one morning a week.",
     ServiceUnit.COURSE, 15000, False),
    (EASTFIELD, "Construction skills and CSCS card", "college course",
     "Health and safety on building sites, and the test for the card you need to work on one.",
     ServiceUnit.COURSE, 24000, False),
    (EASTFIELD, "Food hygiene and barista skills", "college course",
     "Level 2 food hygiene and barista training, for jobs in cafés.", ServiceUnit.COURSE, 18000, False),
    (EASTFIELD, "Access to Higher Education", "college course",
     "A one-year course that gets you ready for university.", ServiceUnit.COURSE, 48000, False),
    (HOLLYBANK, "Residential alcohol detox", "residential detox",
     "A safe medical detox from alcohol with care day and night, usually one or two weeks.",
     ServiceUnit.WEEK, 62000, False),
    (HOLLYBANK, "Residential opiate detox", "residential detox",
     "A medically supported detox from heroin, methadone or buprenorphine, with care day and night.",
     ServiceUnit.WEEK, 59500, False),
    (FAMILY_TIES, "Family contact support course", "family support",
     "Six weekly sessions to get ready for contact with your children and make the most of it.",
     ServiceUnit.COURSE, 18000, False),
    (FAMILY_TIES, "Supervised contact session", "family support",
     "A safe, friendly room and a worker, for time with your children.", ServiceUnit.SESSION, 4000, False),
    (FAMILY_TIES, "Parenting in recovery", "family support",
     "A ten-week group for parents in recovery, with a crèche.", ServiceUnit.COURSE, 15000, False),
    (OPEN_DOOR, "Open art group", "arts and creativity",
     "Drop in on Fridays to draw, paint or make things. Materials included.",
     ServiceUnit.SESSION, 500, False),
    (OPEN_DOOR, "Music and songwriting group", "arts and creativity",
     "Play, write and record music with others. Instruments provided.", ServiceUnit.SESSION, 700, False),
    (OPEN_DOOR, "Photography course", "arts and creativity",
     "Eight weeks learning to take photographs with a phone or a borrowed camera.",
     ServiceUnit.COURSE, 9000, False),
    (START_RIGHT, "Driving theory course and test", "driving",
     "Classes for the driving theory test, and the test fee.", ServiceUnit.COURSE, 7500, False),
    (HOMEWISE, "Tenancy ready course", "housing",
     "What landlords expect, paying bills and keeping a home: four short sessions and a "
     "certificate housing offices accept.", ServiceUnit.COURSE, 6000, False),
    (HOMEWISE, "Starter furniture pack", "housing",
     "A bed, a table and chairs, pans and bedding for a new home.", ServiceUnit.ITEM, 25000, False),
    (HOMEWISE, "Removal van and driver", "housing",
     "Half a day with a van and a driver to move your things.", ServiceUnit.ITEM, 8500, False),
    (HOMEWISE, "Budgeting and benefits workshop", "money and work",
     "A two-hour session on benefits, bills and a weekly budget that works.",
     ServiceUnit.SESSION, 2500, False),
    (HOMEWISE, "Interview clothes", "money and work",
     "A voucher for clothes and shoes for interviews or a new job.", ServiceUnit.ITEM, 6000, False),
)

# How much of a service people usually choose, by unit.
_QUANTITIES: dict[ServiceUnit, tuple[int, ...]] = {
    ServiceUnit.HOUR: (6, 8, 10, 12, 12, 16, 20),
    ServiceUnit.SESSION: (4, 6, 8, 8, 10, 12),
    ServiceUnit.WEEK: (4, 8, 12, 12, 26),
    ServiceUnit.ITEM: (1, 1, 2, 3),
    ServiceUnit.COURSE: (1,),
}

# --------------------------------------------------------------------------------------------
# What people say: substance use, About me, goals, notes
# --------------------------------------------------------------------------------------------

# profile -> weight, goal area, substance entries (substance, how, how often, amount, chance)
_Use = tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...], float]
_PROFILES: dict[str, tuple[int, str, tuple[_Use, ...]]] = {
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
_PROFILE_NAMES = tuple(_PROFILES)
_PROFILE_WEIGHTS = tuple(p[0] for p in _PROFILES.values())

# How people say what they use, so the words match the structured list.
_SAYING: dict[str, str] = {
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
_SAYING_AFTER: tuple[str, ...] = (
    " I'm not proud of it, but I want it written down straight.",
    " I want to cut down, not be told off.",
    " It's got worse this year.",
    " Some weeks are better than others.",
)
_ON_A_SCRIPT: tuple[str, ...] = (
    "Methadone, picked up every day at the chemist.",
    "Methadone. I want the dose looked at.",
    "Methadone, supervised. I'd like to take it home one day.",
)
_TREATMENT_WORDS: dict[str, tuple[str, ...]] = {
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
_ABOUT_ME_WORDS: dict[str, tuple[str, ...]] = {
    "what_matters": (
        "My kids. Everything I do is for them.", "My dog, Bella. She's the reason I get up.",
        "Staying out of prison.", "My mum. She's not well and I want to be there for her.",
        "Keeping my flat.", "Being well enough to work again.",
        "My faith. I want to go back to the mosque on Fridays.",
        "Going back to church. The people there never gave up on me.", "My grandkids.",
        "Music. I used to play in a band.", "Football. I want to play again, not just watch it.",
        "My partner. We've been through a lot together.",
        "Being treated like a person, not a problem.", "Getting my health back.",
        "Being honest with people.", "Having a routine. Knowing what my day looks like.",
    ),
    "going_well": (
        "I've got my own place now.", "I've not missed a script pickup in months.",
        "I've been going to meetings.", "I'm eating properly again.",
        "I walk the dog every morning now.", "Me and my sister are talking again.",
        "I've kept every appointment this month.", "I've been dry for three weeks.",
        "I've cut down a lot since the summer.", "I'm sleeping better.",
        "Honestly, not much right now. But I'm here.",
    ),
    "want_to_change": (
        "The drinking. It takes everything.", "I want to stop using in the day.",
        "I want my mornings back.", "I want to stop borrowing money off people.",
        "The people I hang about with.", "I want to stop feeling on edge all the time.",
        "I want to get out of the hostel.", "I want to stop ending up in A&E.",
        "Being on my own all day.",
    ),
    "hopes": (
        "A job, a proper one, with payslips.", "To see my grandkids grow up.",
        "To get my kids back.", "A place of my own with a garden for the dog.",
        "To go to college.", "To be well. Just well.", "To go and see my family back home.",
        "To stop being scared all the time.", "To be someone my kids can rely on.",
        "To drive again.", "To help other people like me one day.",
    ),
    "support": (
        "My sister.", "My partner, mostly.", "Nobody really. My key worker.",
        "People at the Thursday meeting.", "My mum and my nan.",
        "My dog. And my neighbour, who's been good to me.",
        "My probation officer, believe it or not.", "Friends from church.",
        "The lads at the boxing club.",
    ),
}
# A few answers typed by staff in their own words (with the person's agreement).
_ABOUT_ME_STAFF_WORDS: dict[str, tuple[str, ...]] = {
    "support": ("Has a supportive sister who comes to some appointments and is happy to be contacted.",
                "Says there is nobody at the moment; we talked about the peer-led group."),
    "going_well": ("Comes to the drop-in most weeks and gets on well with the peer mentors.",
                   "Has kept every appointment since the first assessment."),
    "what_matters": ("Prefers appointments after 11am. Reading and writing are hard, so we read "
                     "letters through together.",
                     "Asked us not to phone at work. Text messages are fine."),
}

_ABOUT_ME_ORDER = tuple(ABOUT_ME_TOPICS)
# Plain strings for the values written most often (an enum's .value is slow in a hot loop).
_PERSON_VOICE, _STAFF_VOICE = AuthorKind.PERSON.value, AuthorKind.STAFF.value
_NOT_STARTED, _UNDER_WAY, _ACHIEVED = (
    GoalStatus.NOT_STARTED.value, GoalStatus.UNDER_WAY.value, GoalStatus.ACHIEVED.value
)
_DRAFT = PlanStatus.DRAFT.value


@dataclass(frozen=True, eq=False)
class _Idea:
    """A goal people often have, in their own words, with reasons and steps to choose from."""

    area: str
    wording: str
    whys: tuple[str, ...]
    # (owner, what, who: provider or person for service/someone-else steps)
    steps: tuple[tuple[StepOwner, str, str | None], ...]
    services: tuple[str, ...]  # names of catalogue services that fit this goal
    profiles: tuple[str, ...] = ()


P, W, S, E = StepOwner.PERSON, StepOwner.WORKER, StepOwner.SERVICE, StepOwner.SOMEONE_ELSE
VOICE_PERSON, VOICE_STAFF = AuthorKind.PERSON, AuthorKind.STAFF

_IDEAS: tuple[_Idea, ...] = (
    # drugs
    _Idea("drugs", "I want to stop using heroin.",
          ("I'm tired of my whole day being about scoring.",
           "I want to be there for my kids in the mornings.",
           "I've lost too many friends to it."),
          ((P, "Pick up my script every day. No missed days.", None),
           (W, "Book a prescriber review to look at the dose.", None),
           (S, "Meet a peer mentor once a week.", SECOND_STEP),
           (E, "Come with me to the first appointment.", "my sister"),
           (P, "Keep naloxone on me and show my mate how to use it.", None)),
          ("Peer mentoring", "Recovery coaching", "Ear acupuncture"), ("opiates",)),
    _Idea("drugs", "I want to stop using on top of my script.",
          ("Every time I use I lose a week.", "I want my script to be enough."),
          ((P, "Tell my worker when I've used, so we can look at why.", None),
           (W, "Ask the prescriber about a dose review.", None),
           (S, "Ear acupuncture on Wednesdays.", NORTHGATE)),
          ("Ear acupuncture", "Peer mentoring"), ("opiates",)),
    _Idea("drugs", "I want to cut down on crack.",
          ("When I use, the money's gone in a night.", "It makes me paranoid and I push people away."),
          ((E, "Look after my bank card on payday.", "my sister"),
           (W, "Go through what sets it off, week by week.", None),
           (S, "Ear acupuncture on Wednesdays.", NORTHGATE),
           (P, "Stay away from the flats on Tuesdays.", None)),
          ("Ear acupuncture", "One-to-one counselling"), ("crack", "opiates")),
    _Idea("drugs", "I want to stop smoking weed in the day.",
          ("I want to remember what I did all day.", "I get nothing done and I hate that."),
          ((P, "No smoking before six.", None), (S, "Mindfulness course on Thursday evenings.", NORTHGATE),
           (P, "Keep a note of the days I manage it.", None)),
          ("Mindfulness course", "Gym pass"), ("cannabis", "spice")),
    _Idea("drugs", "I want to stop using cocaine at weekends.",
          ("Mondays are a write-off and I'm going to lose my job.", "My partner has had enough."),
          ((P, "Plan something for Saturday nights that isn't the pub.", None),
           (S, "One-to-one counselling.", NORTHGATE), (W, "Check in by text on Mondays.", None)),
          ("One-to-one counselling", "Music and songwriting group"), ("cocaine",)),
    _Idea("drugs", "I want to stop using ket.",
          ("My bladder's in a bad way and the doctor says it's the ket.",
           "I lose whole weekends and I'm wrecked till Wednesday."),
          ((P, "Stay in on two Saturdays a month.", None),
           (S, "Meet a peer mentor once a week.", SECOND_STEP),
           (W, "Book a bladder check with the GP.", None)),
          ("Peer mentoring", "Music and songwriting group"), ("club", "cannabis")),
    _Idea("drugs", "I want to come off the tablets safely.",
          ("I had a fit last year and it scared me.", "I want to be clear-headed again."),
          ((W, "Refer to the GP for a safe reduction plan.", None),
           (P, "Don't buy off the street, even on bad days.", None),
           (E, "Agree the reduction plan.", "my GP")),
          ("One-to-one counselling", "Peer mentoring"), ("benzos",)),
    _Idea("drugs", "I want to be off everything by next summer.",
          ("I want one summer where I'm well.", "I want to feel like me again."),
          ((W, "Look at a detox place together.", None), (S, "Recovery coaching after detox.", SECOND_STEP),
           (P, "Go to two meetings a week.", None)),
          ("Residential opiate detox", "Recovery coaching"), ("opiates", "crack", "club", "benzos", "spice")),
    # alcohol
    _Idea("alcohol", "I want to do a detox and stay off the drink.",
          ("My liver results scared me.", "I've tried on my own and I end up shaking and back at the shop."),
          ((W, "Refer for a residential detox place.", None), (S, "Residential detox.", HOLLYBANK),
           (P, "Get the blood test done before the detox.", None),
           (E, "Look after my dog while I'm away.", "my neighbour")),
          ("Residential alcohol detox", "Travel to detox admission"), ("alcohol",)),
    _Idea("alcohol", "I want to drink less, not every day.",
          ("I want some mornings where I'm not sick.", "I want my grandkids to want to visit."),
          ((P, "Keep two days a week with no drink at all.", None),
           (P, "Write down what I drink each day.", None),
           (W, "Go through the drink diary every fortnight.", None)),
          ("One-to-one counselling", "Peer mentoring"), ("alcohol", "cocaine")),
    _Idea("alcohol", "I want to stay sober after my detox.",
          ("I worked too hard for this to lose it.", "The first month after is when I always go back."),
          ((P, "Go to a mutual aid meeting twice a week.", None),
           (S, "Meet a recovery coach every week.", SECOND_STEP),
           (E, "Ring me on Friday nights.", "my brother")),
          ("Mutual aid travel", "Recovery coaching", "Peer-led recovery group"), ("alcohol",)),
    _Idea("alcohol", "I want to stop drinking in the mornings.",
          ("I can't hold a job if I start at eight.", "My hands shake until I've had one."),
          ((W, "Talk to the GP about a home detox.", None),
           (P, "Don't keep drink in the flat overnight.", None)),
          ("One-to-one counselling", "Ear acupuncture"), ("alcohol",)),
    # physical health
    _Idea("physical_health", "I want to get fit again.",
          ("I used to play football. I want that feeling back.", "When I'm stuck indoors I use more."),
          ((P, "Go to the gym twice a week.", None), (S, "Gym pass.", RIVERSIDE),
           (E, "Come to the gym with me the first time.", "my friend")),
          ("Gym pass", "Gym and swim pass")),
    _Idea("physical_health", "I want to get my teeth sorted.",
          ("I don't smile in photos any more.", "The pain keeps me up at night."),
          ((W, "Find an NHS dentist taking new patients.", None),
           (P, "Go to the appointment, even if I'm nervous.", None)),
          ("Weekly bus pass",)),
    _Idea("physical_health", "I want to learn to swim.",
          ("My kids can swim and I can't. I want to go with them.",),
          ((P, "Go to the adult beginners class.", None), (S, "Swimming pass.", RIVERSIDE)),
          ("Swimming pass (ten swims)",)),
    _Idea("physical_health", "I want to sleep better.",
          ("I'm awake half the night and wrecked all day.", "When I don't sleep I use."),
          ((P, "No screens after eleven.", None), (S, "Yoga for recovery.", RIVERSIDE)),
          ("Yoga for recovery", "Mindfulness course")),
    _Idea("physical_health", "I want my liver checked.",
          ("My dad died of liver disease at 52.", "I want to know where I stand."),
          ((W, "Book a liver scan with the hepatitis nurse.", None), (P, "Go to the appointment.", None)),
          ("Weekly bus pass",)),
    _Idea("physical_health", "I want to eat proper meals.",
          ("Some days I only have a can of pop.", "I've lost too much weight."),
          ((P, "Cook one hot meal a day.", None), (W, "Sort out a food bank voucher for now.", None)),
          ()),
    # mental health
    _Idea("mental_health", "I want to feel less anxious.",
          ("I can't get on a bus without panicking.", "Anxiety is why I started using."),
          ((S, "One-to-one counselling.", NORTHGATE), (P, "Try the breathing when it starts.", None),
           (W, "Ask the GP about a mental health referral.", None)),
          ("One-to-one counselling", "Mindfulness course")),
    _Idea("mental_health", "I want someone to talk to who has been there.",
          ("Workers ask the same questions every time.",
           "I don't want another assessment. I want someone who gets it."),
          ((S, "Meet a peer mentor every week.", SECOND_STEP), (P, "Go to the peer-led group once.", None)),
          ("Peer mentoring", "Peer-led recovery group")),
    _Idea("mental_health", "I want to deal with what happened to me.",
          ("I've never told anyone the whole story.", "It's behind everything."),
          ((S, "Trauma-informed counselling.", NORTHGATE), (W, "Check in after each session.", None)),
          ("Trauma-informed counselling",)),
    _Idea("mental_health", "I want to do something creative again.",
          ("I used to draw all the time. It calms me down.", "It's the only time my head goes quiet."),
          ((S, "Open art group on Fridays.", OPEN_DOOR),
           (P, "Bring something I made to show my worker.", None)),
          ("Open art group", "Photography course")),
    # housing
    _Idea("housing", "I want a flat of my own.",
          ("In the hostel I can't lock my door.", "I want somewhere my kids can visit."),
          ((W, "Help with the housing register form.", None), (S, "Tenancy ready course.", HOMEWISE),
           (E, "Write a support letter for the housing application.", "hostel staff")),
          ("Tenancy ready course",)),
    _Idea("housing", "I want to keep my tenancy.",
          ("I nearly lost it last year over the rent.", "It's the first place that's felt like home."),
          ((P, "Pay the rent first, the day my money comes in.", None),
           (W, "Talk to the housing officer together.", None),
           (S, "Budgeting and benefits workshop.", HOMEWISE)),
          ("Budgeting and benefits workshop", "Tenancy ready course")),
    _Idea("housing", "I want to make my flat feel like home.",
          ("It's just a mattress on the floor at the moment.",
           "I don't want people round because of how it looks."),
          ((S, "Starter furniture pack.", HOMEWISE), (E, "Help me move the furniture in.", "my brother")),
          ("Starter furniture pack",)),
    _Idea("housing", "I want to move away from the area where I used.",
          ("Everyone I used with lives on my street.",),
          ((W, "Apply for a management transfer.", None), (S, "Removal van on the day.", HOMEWISE)),
          ("Removal van and driver",)),
    # money
    _Idea("money", "I want to sort my benefits out.",
          ("My money got stopped and I don't understand why.", "I'm scared of the brown envelopes."),
          ((W, "Go to the Jobcentre appointment together.", None),
           (S, "Budgeting and benefits workshop.", HOMEWISE), (P, "Open my post with my worker.", None)),
          ("Budgeting and benefits workshop",)),
    _Idea("money", "I want to stop running out of money by the weekend.",
          ("I end up borrowing and then I owe people.",),
          ((P, "Do a weekly budget with my worker.", None),
           (S, "Budgeting and benefits workshop.", HOMEWISE)),
          ("Budgeting and benefits workshop",)),
    _Idea("money", "I want to open a bank account.",
          ("Everything's cash and it just goes.",),
          ((W, "Help get my ID together for the bank.", None),
           (P, "Go to the bank with my documents.", None)),
          ()),
    # time
    _Idea("time", "I want to go to college.",
          ("I left school at fifteen. I want to prove I can do it.",
           "I want a qualification with my name on it."),
          ((P, "Pick a course from the college website.", None),
           (W, "Help with the application and the fee form.", None),
           (S, "College course.", EASTFIELD)),
          ("Introduction to IT", "Access to Higher Education", "Food hygiene and barista skills")),
    _Idea("time", "I want steady work.",
          ("Cash-in-hand work is no life.", "I want to pay my own way."),
          ((S, "Construction skills course for the CSCS card.", EASTFIELD),
           (P, "Sign up with two agencies.", None),
           (W, "Help with a CV.", None)),
          ("Construction skills and CSCS card", "Interview clothes")),
    _Idea("time", "I want to volunteer.",
          ("I want to give something back.", "It would get me out of the flat."),
          ((W, "Find a volunteering place that suits me.", None),
           (S, "Weekly bus pass to get there.", METRO)),
          ("Weekly bus pass",)),
    _Idea("time", "I want to learn to drive.",
          ("Most jobs round here want a licence.", "I want to take my kids to the seaside."),
          ((S, "Driving theory course and test.", START_RIGHT),
           (P, "Practise the theory app every night.", None)),
          ("Driving theory course and test",)),
    _Idea("time", "I want to read and write better.",
          ("I hate filling in forms.", "I want to read to my grandkids."),
          ((S, "Functional skills English at the college.", EASTFIELD), (P, "Read a bit every day.", None)),
          ("Functional skills English",)),
    # family
    _Idea("family", "I want to see my kids regularly.",
          ("They're growing up without me.", "I want them to know I'm trying."),
          ((S, "Family contact support course.", FAMILY_TIES),
           (W, "Ask children's services about contact.", None),
           (P, "Ring the social worker every Monday.", None)),
          ("Family contact support course", "Supervised contact session", "Weekly bus pass")),
    _Idea("family", "I want to make things right with my mum.",
          ("We haven't spoken in two years.", "She's getting older and I don't want to leave it too late."),
          ((S, "Family counselling, if she'll come.", NORTHGATE), (P, "Write her a letter first.", None)),
          ("Family and couples counselling",)),
    _Idea("family", "I want to be the parent my kids need.",
          ("They've had enough of me letting them down.",),
          ((S, "Parenting in recovery course.", FAMILY_TIES),
           (E, "Have the kids on Saturdays.", "my ex-partner")),
          ("Parenting in recovery",)),
    _Idea("family", "I want us to stop arguing about my using.",
          ("Every row at home is about it.",),
          ((S, "Couples counselling.", NORTHGATE), (P, "Tell my partner when I've had a bad day.", None)),
          ("Family and couples counselling",)),
    # community
    _Idea("community", "I want some friends who don't use.",
          ("Everyone I know uses.", "I'm lonely since I stopped."),
          ((S, "Music and songwriting group.", OPEN_DOOR), (P, "Try one new group a month.", None)),
          ("Music and songwriting group", "Open art group")),
    _Idea("community", "I want to go to meetings.",
          ("Meetings helped me last time I was clean.",),
          ((P, "Go to two meetings a week.", None), (S, "Bus fares to meetings.", METRO)),
          ("Mutual aid travel", "Peer-led recovery group")),
    _Idea("community", "I want to get back to my faith community.",
          ("They were family to me before all this.",),
          ((P, "Go along on Friday.", None), (E, "Meet me at the door.", "a friend from there")),
          ("Weekly bus pass",)),
    _Idea("community", "I want to play football again.",
          ("It's the one thing I was ever good at.",),
          ((P, "Go to the Sunday kickabout.", None), (S, "Gym and swim pass to get fit first.", RIVERSIDE)),
          ("Gym and swim pass",)),
    # legal
    _Idea("legal", "I want to finish my probation without a breach.",
          ("If I breach I go back inside.", "I'm nearly there. Six months to go."),
          ((P, "Make every probation appointment.", None),
           (E, "Hear how I'm getting on.", "my probation officer")),
          ("Weekly bus pass",)),
    _Idea("legal", "I want to get my court case over with.",
          ("It's hanging over everything.",),
          ((W, "Write a letter about my treatment for the court.", None),
           (E, "Talk me through what happens on the day.", "my solicitor")),
          ()),
)

_IDEAS_BY_PROFILE: dict[str, tuple[_Idea, ...]] = {
    name: tuple(i for i in _IDEAS if not i.profiles or name in i.profiles) for name in _PROFILES
}

# A few goals a member of staff wrote in their own words, with the person's agreement.
_STAFF_GOALS: tuple[tuple[str, str], ...] = (
    ("physical_health", "Register with a GP and have a health check."),
    ("alcohol", "Look into a detox place together, without any pressure to decide."),
    ("time", "Find a course that fits around the script pickup times."),
    ("money", "Get ID sorted: a birth certificate and a bank account."),
    ("housing", "Get onto the housing register before the hostel stay ends."),
)

_PERSON_DISAGREEMENTS: tuple[str, ...] = (
    "I don't agree with this. I've done groups before and they don't work for me.",
    "I don't agree. I'm not ready to cut my script yet.",
    "I don't want my mum involved. Leave her out of it.",
    "That's too fast for me. I said so at the time.",
    "I don't agree. I want it written down that I asked for one-to-one.",
)
_PERSON_PLAN_DISAGREEMENTS: tuple[str, ...] = (
    "I don't agree with the amount. I was told it would be more.",
    "I don't agree that I need to check in every week. Every fortnight is enough.",
)
_STAFF_DISAGREEMENTS: tuple[str, ...] = (
    "I'm worried this is too much at once. We agreed to look again at the first review.",
    "I think a detox without aftercare is risky. I've written this so we can come back to it.",
    "I'm not sure this fits with the script pickup times. We'll see how it goes.",
    "I'd rather we waited until things are steadier, but it's their choice and I respect it.",
)
_PERSON_REVIEW_GOOD: tuple[str, ...] = (
    "Things are better. I've not used for three weeks.", "I'm sleeping again.",
    "The gym helps more than I thought it would.", "I went to see my kids twice this month.",
    "College is hard but I'm still going.", "I feel more like me.",
    "I'm proud of myself, to be honest.",
)
_PERSON_REVIEW_HARD: tuple[str, ...] = (
    "Bad few weeks. I used again after my mum went into hospital.", "I'm struggling with the money.",
    "Nothing's really changed. I'm still stuck in the same place.",
    "I missed a lot of sessions. I want to try again.", "It's been hard. I don't want to give up though.",
)
_STAFF_REVIEW_GOOD: tuple[str, ...] = (
    "Came to most sessions. Reports using less and feeling more settled.",
    "Goals on track. The housing application is in.",
    "Good progress: finished the course and wants to do the next level.",
    "Much more settled than at the start. Plan mostly working as written.",
)
_STAFF_REVIEW_HARD: tuple[str, ...] = (
    "A difficult period: missed two appointments and lost the room at the hostel. "
    "Agreed to meet weekly for now.",
    "Use has gone up since the court date. We talked about a detox referral.",
    "Little change this time. We agreed to keep the plan as it is and look again next review.",
)

_CONSENTS: tuple[tuple[str, str], ...] = (
    ("Share my care plan with my GP", "{doctor}, {surgery}"),
    ("Talk to my probation officer about how I'm getting on", "Probation service"),
    ("Share my plan with my children's social worker", "Children's services"),
    ("Talk to the hostel staff about my plan", "{hostel}"),
    ("Share my prescription details with the pharmacy", "{pharmacy}"),
    ("Share my plan with the housing officer", "Housing options team"),
)

# what, who might provide, category, unit, estimate (pence), why (person's words), decline note
_PROPOSALS: tuple[tuple[str, str, str, ServiceUnit, int, str, str | None], ...] = (
    ("Guitar lessons", "A music teacher at the community centre",
     "arts and creativity", ServiceUnit.HOUR, 2500,
     "I played before everything went wrong. Playing keeps my hands and my head busy.", None),
    ("Boxing club membership", "Eastside Amateur Boxing Club", "sport and fitness", ServiceUnit.WEEK, 700,
     "The boxing club is strict about drink and drugs. That's what I need.", None),
    ("Allotment plot for a year", "Town allotment society", "community", ServiceUnit.ITEM, 4500,
     "I want to grow things. My grandad had an allotment and it was the calmest place I knew.", None),
    ("Refurbished laptop for college", "ReBoot IT charity", "education", ServiceUnit.ITEM, 18000,
     "I can't do the college work on my phone.", None),
    ("Second-hand bike and lock", "Recycle Cycles", "travel", ServiceUnit.ITEM, 12000,
     "A bike gets me to work and to meetings and it's exercise too.", None),
    ("Forklift licence course", "Northside Training Centre", "education", ServiceUnit.COURSE, 45000,
     "Warehouses are always after forklift drivers. It's a way back into work.", None),
    ("Fishing licence and basic kit", "Canal angling club", "community", ServiceUnit.ITEM, 6000,
     "Fishing is the only time I'm not thinking about using.", None),
    ("Dance classes", "Community dance studio", "arts and creativity", ServiceUnit.SESSION, 600,
     "I used to dance all the time. I want my body back.", None),
    ("A week's caravan holiday", "Seaside caravan park", "leisure", ServiceUnit.ITEM, 40000,
     "I've never had a holiday with my kids.",
     "We can't pay for a holiday from the budget. Day trips with the family contact course could "
     "work: let's look at them together."),
    ("Private gym membership", "FitCo", "sport and fitness", ServiceUnit.ITEM, 4000,
     "The Riverside gym is where people I used with go.",
     "We understand why. Riverside has another centre across town: the same pass covers it, so "
     "let's try that first."),
)
_APPROVAL_NOTES: tuple[str | None, ...] = (
    None, "Approved. Please keep receipts.", "Approved at the price the provider quoted.",
    "Approved: a good fit with the goals in the plan.",
)
_OVERRIDE_REASONS: tuple[str, ...] = (
    "A detox place came up at short notice. The extra is worth it; agreed at the team meeting.",
    "The course fee went up after the budget was set. Agreed to cover the difference.",
    "Agreed to go over for a few weeks while the housing move happens.",
)

_STAFF_TEAM_NAMES: tuple[tuple[str, str], ...] = (
    ("Helen", "Brooks"), ("Gareth", "Pryce"), ("Aisha", "Rahman"), ("Tom", "Whitfield"),
    ("Niamh", "Gallagher"), ("Dev", "Mistry"), ("Kerry", "Lomas"), ("Joe", "Akinola"),
    ("Ruth", "Kaminska"), ("Lewis", "Armitage"), ("Fiona", "McIntyre"), ("Hannah", "Begg"),
    ("Omar", "Farouk"), ("Beth", "Howarth"), ("Marcus", "Lindo"), ("Carys", "Vaughan"),
)


# fmt: on

# --------------------------------------------------------------------------------------------
# Stand-ins for the records, with exactly the attributes canonical.py reads
# --------------------------------------------------------------------------------------------


@dataclass(eq=False, slots=True)
class _Staff:
    id: int
    username: str
    display_name: str
    role: Role
    created_at: datetime
    active: bool = True
    manager: _Staff | None = None
    mentor: _Staff | None = None


@dataclass(eq=False, slots=True)
class _Area:
    id: int
    code: str
    name: str


@dataclass(eq=False, slots=True)
class _Text:
    id: int
    body: str
    author_kind: str
    person_id: int | None
    staff: _Staff | None
    author_role: str | None
    recorded_by_id: int
    written_at: datetime


@dataclass(eq=False, slots=True)
class _AboutMe:
    topic: str
    text: _Text


@dataclass(eq=False, slots=True)
class _Substance:
    substance: str
    how: str | None
    how_often: str | None
    amount: str | None


@dataclass(eq=False, slots=True)
class _Person:
    id: int
    reference: str
    preferred_name: str
    full_name: str
    date_of_birth: date | None
    pronouns: str | None
    contact_how: str | None
    contact_details: str | None
    key_worker: _Staff
    created_at: datetime
    about_me: list[_AboutMe] = field(default_factory=list)
    substances: list[_Substance] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class _Plan:
    id: int
    key: str
    person: _Person
    key_worker: _Staff
    created_at: datetime
    updated_at: datetime
    revision: int = 1


@dataclass(eq=False, slots=True)
class _Step:
    id: int
    key: str
    position: int
    what: _Text
    owner: str
    owner_detail: str | None
    due_date: date | None
    done: bool = False


@dataclass(eq=False, slots=True)
class _Goal:
    id: int
    key: str
    position: int
    wording: _Text
    why: _Text | None
    life_area: _Area
    target_date: date | None
    status: str = _NOT_STARTED
    steps: list[_Step] = field(default_factory=list)
    idea: _Idea | None = None


@dataclass(eq=False, slots=True)
class _Allocation:
    id: int
    key: str
    service_id: int | None
    proposal_id: int | None
    description: str
    category: str
    unit: str
    quantity: Decimal
    unit_price_pence: int
    total_pence: int
    goals: list[_Goal]
    period_start: date | None
    period_end: date | None
    override_reason: str | None = None
    override_by_id: int | None = None


@dataclass(eq=False, slots=True)
class _Note:
    id: int
    key: str
    text: _Text
    goal_id: int | None = None
    step: _Step | None = None
    allocation: _Allocation | None = None

    @property
    def step_id(self) -> int | None:
        return self.step.id if self.step is not None else None

    @property
    def allocation_id(self) -> int | None:
        return self.allocation.id if self.allocation is not None else None


@dataclass(eq=False, slots=True)
class _Version:
    id: int
    plan: _Plan
    number: int
    created_at: datetime
    created_by_id: int
    period_start: date | None
    period_end: date | None
    based_on_id: int | None = None
    status: str = _DRAFT
    indicative_pence: int | None = None
    indicative_working: dict[str, Any] | None = None
    agreed_budget_pence: int | None = None
    frozen_sha256: str | None = None
    frozen_canonical: dict[str, Any] | None = None
    agreed_at: datetime | None = None
    approved_at: datetime | None = None
    approved_by_id: int | None = None
    activated_at: datetime | None = None
    ended_at: datetime | None = None
    goals: list[_Goal] = field(default_factory=list)
    allocations: list[_Allocation] = field(default_factory=list)
    disagreements: list[_Note] = field(default_factory=list)

    def limit(self) -> int | None:
        if self.agreed_budget_pence is not None:
            return self.agreed_budget_pence
        return self.indicative_pence

    def allocated(self) -> int:
        return sum(a.total_pence for a in self.allocations)


@dataclass(eq=False, slots=True)
class _Review:
    id: int
    plan_id: int
    version_id: int
    kind: str
    due_date: date
    completed_on: date | None = None
    completed_by_id: int | None = None
    person_notes: _Text | None = None
    worker_notes: _Text | None = None
    ratings: dict[int, int] = field(default_factory=dict)


@dataclass(eq=False, slots=True)
class _Proposal:
    id: int
    person_id: int
    plan_id: int | None
    what: str
    who_might_provide: str | None
    category: str
    unit: str
    estimated_cost_pence: int
    why: _Text
    created_by_id: int
    created_at: datetime
    status: str = ProposalStatus.PENDING.value
    decided_by_id: int | None = None
    decided_at: datetime | None = None
    decision_note: str | None = None
    approved_unit_price_pence: int | None = None


@dataclass(frozen=True, slots=True)
class _ServiceRow:
    id: int
    provider: str
    name: str
    category: str
    unit: ServiceUnit
    price: int


# --------------------------------------------------------------------------------------------
# Timelines: when each version of a plan was started, signed, approved, put into action
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """The shape of a plan's life: how many versions, how far the last one got, closed or not."""

    versions: int
    final: str  # "draft", "signed_one", "agreed", "approved" or "active"
    close: bool = False


@dataclass
class _Stage:
    created: date
    signed_one: date | None = None
    agreed: date | None = None
    approved: date | None = None
    activated: date | None = None
    revised_at: int | None = None  # the review at which the next version was started
    reviews_done: list[date | None] = field(default_factory=list)


@dataclass
class _Timeline:
    stages: list[_Stage]
    closed: date | None
    last: date

    @property
    def start(self) -> date:
        return self.stages[0].created


def _weekday(day: date) -> date:
    """The same day, or the Friday before if it falls at a weekend (the drop-in is weekdays)."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


_REVIEW_WEIGHTS = (25, 35, 20, 12, 8)


# --------------------------------------------------------------------------------------------
# The builder
# --------------------------------------------------------------------------------------------

_TABLES_IN_ORDER = (
    "staff",
    "providers",
    "services",
    "people",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "allocation_goals",
    "disagreements",
    "reviews",
    "review_ratings",
    "signatures",
)
_TABLES_WITH_IDS = (
    "staff",
    "providers",
    "services",
    "people",
    "texts",
    "about_me",
    "substance_use",
    "consents",
    "plans",
    "plan_versions",
    "goals",
    "steps",
    "proposals",
    "allocations",
    "disagreements",
    "reviews",
    "signatures",
)
_REFERENCE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3469"
_FIXED_USERNAMES = ("admin", "priya", "sam", "chris")
_PERSONA_COUNT = 3
_GUARANTEED = (
    "draft",
    "agreed",
    "closed",
    "revised",
    "signed_one",
    "approved",
    "revising",
    "active",
    "closed_then_new",
    "none",
)
_SCENARIOS: tuple[tuple[str, int], ...] = (
    ("draft", 11),
    ("signed_one", 4),
    ("agreed", 6),
    ("approved", 5),
    ("active", 28),
    ("revised", 14),
    ("revising", 9),
    ("closed", 10),
    ("closed_then_new", 5),
    ("none", 4),
)
_SCENARIO_NAMES = tuple(s for s, _ in _SCENARIOS)
_SCENARIO_WEIGHTS = tuple(w for _, w in _SCENARIOS)
_SLACK_DAYS = {"draft": 20, "signed_one": 10, "agreed": 12, "approved": 8, "active": 420}
_AUDIT_BATCH = 20_000


Event = tuple[datetime, int, int | None, str, str, int | None, tuple[str, ...]]


def _utc_text(value: datetime) -> str:
    if value.tzinfo is not UTC:
        raise ValueError("demo timestamps are made in UTC")
    return value.isoformat(" ", "microseconds")[:26]


def _date_text(value: date) -> str:
    return value.isoformat()


_SAMPLE_MOMENTS = (
    datetime(2024, 2, 29, 9, 5, 7, tzinfo=UTC),
    datetime(1999, 12, 31, 23, 59, 59, 123456, tzinfo=UTC),
)
_SAMPLE_DAYS = (date(2024, 2, 29), date(1950, 1, 2))


def _quicker(kind: Any, processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A faster equivalent of SQLAlchemy's SQLite processor for timestamps and dates, if it is one.

    Checked against SQLAlchemy's own processor on sample values; anything else keeps SQLAlchemy's.
    """
    if isinstance(kind, UtcDateTime):
        candidate: Callable[[Any], Any] = _utc_text
        samples: tuple[Any, ...] = _SAMPLE_MOMENTS
    elif isinstance(kind, Date):
        candidate, samples = _date_text, _SAMPLE_DAYS
    else:
        return processor
    if all(candidate(v) == processor(v) for v in samples):
        return candidate
    return processor  # pragma: no cover - SQLAlchemy changed how SQLite stores these


class _Builder:
    def __init__(self, session: Session, rng: random.Random, today: date, people: int) -> None:
        self.session = session
        self.r = rng
        self.today = today
        self.yesterday = _weekday(today - timedelta(days=1))
        self.total = people
        self.setup_day = _weekday(_years_before(today, 5))
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in _TABLES_IN_ORDER}
        self.events: list[Event] = []
        self._clock: dict[date, datetime] = {}
        self._references: set[str] = set()
        self._stroke_pool: list[list[Any]] = []
        self._assessments: dict[tuple[str, ...], tuple[int, dict[str, Any]]] = {}
        bind = session.get_bind()
        self._fast_dialect = bind.dialect
        self._fast: dict[str, tuple[str, list[str], list[tuple[int, Callable[[Any], Any]]]]] | None = (
            {} if bind.dialect.name == "sqlite" and bind.dialect.paramstyle == "qmark" else None
        )
        self.next_id: dict[str, int] = {}
        # objects of the people in the current chunk, written at the next flush
        self.o_people: list[_Person] = []
        self.o_plans: list[_Plan] = []
        self.o_versions: list[_Version] = []
        self.o_reviews: list[_Review] = []
        self.o_proposals: list[_Proposal] = []
        self.o_allocation_links: list[tuple[int, int]] = []
        # counts for the summary
        self.count: dict[str, int] = {}
        self.status_count: dict[str, int] = {s.value: 0 for s in PlanStatus}
        self.proposal_count: dict[str, int] = {s.value: 0 for s in ProposalStatus}

    # --- small helpers -------------------------------------------------------------------

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _key(self) -> str:
        return f"{self.r.getrandbits(128):032x}"

    def _chance(self, p: float) -> bool:
        return self.r.random() < p

    def _pick(self, items: Sequence[T]) -> T:
        return items[int(self.r.random() * len(items))]

    def _int(self, low: int, high: int) -> int:
        """A whole number from low to high, both included."""
        return low + int(self.r.random() * (high - low + 1))

    def _weighted(self, items: Sequence[T], weights: Sequence[int]) -> T:
        x = self.r.random() * sum(weights)
        for item, weight in zip(items, weights, strict=True):
            x -= weight
            if x < 0:
                return item
        return items[-1]

    def _days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self._int(low, high))

    def _moment(self, day: date) -> datetime:
        """A time on ``day``, later than anything this person already did that day."""
        last = self._clock.get(day)
        if last is None:
            start = datetime.combine(day, time(9, 0), tzinfo=UTC)
            last = start + timedelta(seconds=int(self.r.random() * 25_200))
        else:
            last = last + timedelta(seconds=30 + int(self.r.random() * 390))
        self._clock[day] = last
        return last

    def _event(
        self,
        at: datetime,
        staff: _Staff | None,
        action: str,
        entity: str,
        entity_id: int | None,
        fields: Sequence[str] = (),
    ) -> None:
        self.events.append(
            (
                at,
                len(self.events),
                staff.id if staff else None,
                action,
                entity,
                entity_id,
                tuple(sorted(fields)),
            )
        )

    def _bump(self, name: str, by: int = 1) -> None:
        self.count[name] = self.count.get(name, 0) + by

    # --- reference data --------------------------------------------------------------------

    def load(self) -> None:
        session = self.session
        for name in _TABLES_WITH_IDS:
            table = Base.metadata.tables[name]
            current = session.scalar(select(func.max(table.c.id)))
            self.next_id[name] = int(current or 0) + 1
        taken = set(session.scalars(select(StaffMember.username)))
        clash = [u for u in _FIXED_USERNAMES if u in taken]
        if clash:
            raise InvalidTransition(
                f"This database already has a member of staff called “{clash[0]}”. Demo data goes "
                "into a new database: choose a new file with --database."
            )
        self.taken_usernames = taken
        providers = set(session.scalars(select(Provider.name)))
        if any(name in providers for name, _ in PROVIDERS):
            raise InvalidTransition(
                "This database already has a catalogue. Demo data goes into a new database: "
                "choose a new file with --database."
            )
        self.areas: dict[str, _Area] = {}
        self.active_area_codes: list[str] = []
        for area in session.scalars(select(LifeArea).order_by(LifeArea.position, LifeArea.id)):
            self.areas[area.code] = _Area(area.id, area.code, area.name)
            if area.active:
                self.active_area_codes.append(area.code)
        if not self.active_area_codes:
            raise InvalidTransition("This database has no life areas, so no goals can be written.")
        setting = session.get(Setting, QUESTIONNAIRE_SETTING)
        self.questionnaire = (
            default_questionnaire() if setting is None else Questionnaire.from_dict(setting.value)
        )
        head = session.get(AuditHead, 1, populate_existing=True)
        if head is None:
            raise InvalidTransition(
                "This database was not set up by Careplan (the audit trail has no start)."
            )
        self.head_seq, self.head_hash = head.last_seq, head.last_hash

    def _area(self, code: str) -> _Area:
        """The life area with this code, or another active one if the service has retired it."""
        if code in self.areas and code in self.active_area_codes:
            return self.areas[code]
        return self.areas[self._pick(self.active_area_codes)]

    # --- staff -----------------------------------------------------------------------------

    def _username(self, first: str, last: str) -> str:
        plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode().lower()
        base = re.sub(r"[^a-z0-9.]+", "", plain)[:60] or "staff"
        name, n = base, 2
        while name in self.taken_usernames or name in _FIXED_USERNAMES:
            name, n = f"{base}{n}", n + 1
        self.taken_usernames.add(name)
        return name

    def _add_staff(self, username: str, display: str, role: Role, created: date, by: _Staff | None) -> _Staff:
        at = self._moment(created)
        staff = _Staff(self._id("staff"), username, display, role, at)
        self.rows["staff"].append(
            {
                "id": staff.id,
                "username": username,
                "display_name": display,
                "role": role.value,
                "active": True,
                "created_at": at,
            }
        )
        self._event(at, by, "create", "staff", staff.id, ("username", "display_name", "role"))
        return staff

    def make_staff(self) -> None:
        day = self.setup_day
        self.admin = self._add_staff("admin", "Administrator", Role.ADMINISTRATOR, day, None)
        self.priya = self._add_staff("priya", "Priya Shah", Role.MANAGER, day, self.admin)
        self.sam = self._add_staff("sam", "Sam Okafor", Role.KEY_WORKER, day, self.admin)
        self.chris = self._add_staff("chris", "Chris Doyle", Role.PEER_MENTOR, day, self.admin)
        key_worker_count = max(3, round(self.total / 50))
        manager_count = max(1, key_worker_count // 8)
        mentor_count = max(1, self.total // 400)
        names = self._staff_names(key_worker_count - 1 + manager_count + mentor_count + 1)
        self.managers = [self.priya]
        self.mentors = [self.chris]
        self.key_workers = [self.sam]
        hired_until = 10
        for _ in range(manager_count):
            first, last = names.pop()
            hired = _weekday(self.setup_day + self._days(0, hired_until))
            self.managers.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.MANAGER, hired, self.admin
                )
            )
        for _ in range(key_worker_count - 1):
            first, last = names.pop()
            hired = _weekday(self.setup_day + self._days(0, hired_until))
            self.key_workers.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.KEY_WORKER, hired, self.admin
                )
            )
        for _ in range(mentor_count):
            first, last = names.pop()
            hired = _weekday(self.setup_day + self._days(0, hired_until))
            self.mentors.append(
                self._add_staff(
                    self._username(first, last), f"{first} {last}", Role.PEER_MENTOR, hired, self.admin
                )
            )
        # Somebody who has left: their name stays on what they wrote, on older, closed plans.
        first, last = names.pop()
        self.leaver = self._add_staff(
            self._username(first, last), f"{first} {last}", Role.KEY_WORKER, self.setup_day, self.admin
        )
        self.leaver_left = _weekday(self.today - self._days(300, 500))
        self.leaver.active = False
        self.rows["staff"][-1]["active"] = False
        self._event(
            self._moment(self.leaver_left), self.admin, "deactivate", "staff", self.leaver.id, ("active",)
        )
        for index, worker in enumerate(self.key_workers):
            worker.manager = self.managers[index % len(self.managers)] if index else self.priya
            worker.mentor = self.mentors[index % len(self.mentors)] if index else self.chris
        self.sam.manager, self.sam.mentor = self.priya, self.chris
        self.leaver.manager, self.leaver.mentor = self.priya, self.chris
        self._bump("staff", len(self.rows["staff"]))

    def _staff_names(self, count: int) -> list[tuple[str, str]]:
        names: list[tuple[str, str]] = list(_STAFF_TEAM_NAMES)
        self.r.shuffle(names)
        seen = {f"{a} {b}" for a, b in names} | {"Priya Shah", "Sam Okafor", "Chris Doyle"}
        while len(names) < count:
            given, last, _ = self._name()
            first = given.split(" ")[0]
            if f"{first} {last}" not in seen:
                seen.add(f"{first} {last}")
                names.insert(0, (first, last))
        return names

    # --- catalogue -------------------------------------------------------------------------

    def make_catalogue(self) -> None:
        day = self.setup_day + timedelta(days=3)
        provider_ids: dict[str, int] = {}
        for name, contact in PROVIDERS:
            at = self._moment(_weekday(day))
            pid = self._id("providers")
            provider_ids[name] = pid
            self.rows["providers"].append({"id": pid, "name": name, "contact": contact})
            self._event(at, self.priya, "create", "provider", pid, ("name", "contact"))
        self.services: list[_ServiceRow] = []
        for provider, name, category, description, unit, price, peer_led in SERVICES:
            assert never_allowed_reason(category) is None
            at = self._moment(_weekday(day))
            sid = self._id("services")
            self.services.append(_ServiceRow(sid, provider, name, category, unit, price))
            self.rows["services"].append(
                {
                    "id": sid,
                    "provider_id": provider_ids[provider],
                    "name": name,
                    "category": category,
                    "description": description,
                    "unit": unit.value,
                    "unit_price_pence": price,
                    "peer_led": peer_led,
                    "available_from": None,
                    "available_to": None,
                }
            )
            self._event(
                at,
                self.priya,
                "create",
                "service",
                sid,
                (
                    "name",
                    "category",
                    "description",
                    "unit",
                    "unit_price_pence",
                    "peer_led",
                    "available_from",
                    "available_to",
                ),
            )
        self.service_named = {s.name: s for s in self.services}
        self.everyday_travel = [
            self.service_named[n]
            for n in ("Weekly bus pass", "Monthly bus and rail pass", "Mutual aid travel")
        ]
        self._bump("providers", len(PROVIDERS))
        self._bump("services", len(self.services))

    # --- people ----------------------------------------------------------------------------

    def _name(self) -> tuple[str, str, str]:
        """First name (with a middle name now and then), family name, and "f", "m" or "n"."""
        r = self.r
        if r.random() < 0.04:
            first, kind = self._pick(_NEUTRAL_NAMES), "n"
            family = self._pick(_BACKGROUNDS[0][3])
            return first, family, kind
        background = self._weighted(_BACKGROUNDS, _BACKGROUND_WEIGHTS)
        kind = "f" if r.random() < 0.38 else "m"
        names = background[1] if kind == "f" else background[2]
        first = self._pick(names)
        if r.random() < 0.25:
            middle = self._pick(names)
            if middle != first:
                first = f"{first} {middle}"
        family_from = background if r.random() > 0.1 else self._weighted(_BACKGROUNDS, _BACKGROUND_WEIGHTS)
        family = self._pick(family_from[3])
        if kind == "f" and family.endswith(("ski", "cki", "dzki")):
            family = family[:-1] + "a"  # Polish family names take a feminine form
        return first, family, kind

    def _reference(self) -> str:
        while True:
            candidate = "CP-" + "".join(self._pick(_REFERENCE_LETTERS) for _ in range(6))
            if candidate not in self._references:
                self._references.add(candidate)
                return candidate

    def _contact(self, first: str, family: str) -> tuple[str | None, str | None]:
        how = self._pick(CONTACT_WAYS)
        if how in ("phone", "text message"):
            return how, f"07700 900{self._int(0, 999):03d}"
        if how == "email":
            plain = unicodedata.normalize("NFKD", f"{first}.{family}").encode("ascii", "ignore").decode()
            local = re.sub(r"[^a-z0-9.]+", "", plain.lower()) or "me"
            return how, f"{local}{self._int(10, 98)}@example.org"
        if how == "letter":
            if self.r.random() < 0.4:
                return how, f"c/o {self._pick(_HOSTELS)}, {self._pick(_STREETS)}"
            return how, f"Flat {self._int(1, 24)}, {self._int(2, 140)} {self._pick(_STREETS)}"
        if how == "in person":
            return how, f"At the drop-in on {self._pick(_WEEKDAYS)}s"
        return how, None

    def _person(
        self,
        *,
        preferred: str,
        full: str,
        born: date,
        pronouns: str | None,
        contact: tuple[str | None, str | None],
        worker: _Staff,
        registered: date,
        by: _Staff,
    ) -> _Person:
        at = self._moment(registered)
        person = _Person(
            self._id("people"),
            self._reference(),
            preferred,
            full,
            born,
            pronouns,
            contact[0],
            contact[1],
            worker,
            at,
        )
        self.o_people.append(person)
        fields = ["preferred_name", "full_name", "date_of_birth"]
        fields += [
            n
            for n, v in (("pronouns", pronouns), ("contact_how", contact[0]), ("contact_details", contact[1]))
            if v is not None
        ]
        self._event(at, by, "create", "person", person.id, fields)
        self._bump("people")
        return person

    def _text(self, body: str, voice: AuthorKind, person: _Person, by: _Staff, day: date) -> _Text:
        at = self._moment(day)
        if voice is AuthorKind.PERSON:
            written = _Text(self._id("texts"), body, _PERSON_VOICE, person.id, None, None, by.id, at)
        else:
            written = _Text(self._id("texts"), body, _STAFF_VOICE, None, by, by.role.value, by.id, at)
        self.rows["texts"].append(
            {
                "id": written.id,
                "body": body,
                "author_kind": written.author_kind,
                "person_id": written.person_id,
                "staff_id": by.id if voice is AuthorKind.STAFF else None,
                "author_role": written.author_role,
                "recorded_by_id": by.id,
                "written_at": at,
            }
        )
        return written

    def _about_me(
        self, person: _Person, answers: Sequence[tuple[str, str, AuthorKind, _Staff]], day: date
    ) -> None:
        for topic, body, voice, by in answers:
            written = self._text(body, voice, person, by, day)
            person.about_me.append(_AboutMe(topic, written))
            self.rows["about_me"].append(
                {"id": self._id("about_me"), "person_id": person.id, "topic": topic, "text_id": written.id}
            )
        if answers:
            # One event for the whole About me, to keep the demo trail a readable size.
            by = answers[0][3]
            self._event(self._moment(day), by, "write", "about_me", person.id, [a[0] for a in answers])

    def _substances(self, person: _Person, entries: Sequence[_Substance], day: date, by: _Staff) -> None:
        for position, entry in enumerate(entries):
            person.substances.append(entry)
            self.rows["substance_use"].append(
                {
                    "id": self._id("substance_use"),
                    "person_id": person.id,
                    "position": position,
                    "substance": entry.substance,
                    "how": entry.how,
                    "how_often": entry.how_often,
                    "amount": entry.amount,
                    "recorded_by_id": by.id,
                }
            )
        self._event(self._moment(day), by, "write", "substances", person.id, ("substances",))

    def _consent(
        self, person: _Person, what: str, whom: str, given: date, by: _Staff, withdrawn: date | None = None
    ) -> None:
        cid = self._id("consents")
        self.rows["consents"].append(
            {
                "id": cid,
                "person_id": person.id,
                "what": what,
                "with_whom": whom,
                "given_on": given,
                "withdrawn_on": withdrawn,
                "recorded_by_id": by.id,
            }
        )
        self._event(self._moment(given), by, "give", "consent", cid, ("what", "with_whom", "given_on"))
        if withdrawn is not None:
            self._event(self._moment(withdrawn), by, "withdraw", "consent", cid, ("withdrawn_on",))
        self._bump("consents")

    # --- plans and their contents --------------------------------------------------------------

    def _start_plan(self, person: _Person, worker: _Staff, day: date, by: _Staff) -> tuple[_Plan, _Version]:
        at = self._moment(day)
        plan = _Plan(self._id("plans"), self._key(), person, worker, at, at)
        self.o_plans.append(plan)
        version = _Version(self._id("plan_versions"), plan, 1, at, by.id, day, day + timedelta(days=364))
        self.o_versions.append(version)
        self._event(at, by, "create", "plan", plan.id, ("person_id", "key_worker_id"))
        self._event(at, by, "create", "plan_version", version.id, ("number", "period_start", "period_end"))
        self._bump("plans")
        return plan, version

    def _goal(
        self,
        version: _Version,
        area: str,
        wording: str,
        wording_voice: AuthorKind,
        why: str | None,
        day: date,
        by: _Staff,
        *,
        target: date | None = None,
        idea: _Idea | None = None,
    ) -> _Goal:
        person = version.plan.person
        worded = self._text(wording, wording_voice, person, by, day)
        because = self._text(why, wording_voice, person, by, day) if why else None
        goal = _Goal(
            self._id("goals"),
            self._key(),
            len(version.goals),
            worded,
            because,
            self._area(area),
            target,
            idea=idea,
        )
        version.goals.append(goal)
        self._event(
            worded.written_at,
            by,
            "create",
            "goal",
            goal.id,
            ("wording", "why", "life_area", "target_date", "steps"),
        )
        return goal

    def _step(
        self,
        version: _Version,
        goal: _Goal,
        what: str,
        voice: AuthorKind,
        owner: StepOwner,
        detail: str | None,
        day: date,
        by: _Staff,
        due: date | None = None,
    ) -> _Step:
        written = self._text(what, voice, version.plan.person, by, day)
        step = _Step(self._id("steps"), self._key(), len(goal.steps), written, owner.value, detail, due)
        goal.steps.append(step)
        return step  # steps are audited with their goal (the "create goal" event), not one by one

    def _assess(self, version: _Version, answers: dict[str, str], day: date, by: _Staff) -> None:
        chosen = []
        for q in self.questionnaire.questions:
            key = answers.get(q.key)
            if key is None or all(a.key != key for a in q.answers):
                key = self._pick(q.answers).key
            chosen.append(key)
        signature = tuple(chosen)
        known = self._assessments.get(signature)
        if known is None:
            # The same answers give the same working: worked out once, stored for each version.
            assessment = self.questionnaire.assess(
                {q.key: k for q, k in zip(self.questionnaire.questions, chosen, strict=True)}
            )
            known = self._assessments[signature] = (assessment.amount_pence, assessment.working())
        version.indicative_pence, version.indicative_working = known
        self._event(self._moment(day), by, "assess", "budget", version.id, ("indicative", "working"))

    def _agree_budget(self, version: _Version, pence: int, day: date, by: _Staff) -> None:
        version.agreed_budget_pence = pence
        self._event(self._moment(day), by, "update", "budget", version.id, ("agreed_budget",))

    def _allocate(
        self,
        version: _Version,
        goals: Sequence[_Goal],
        quantity: int | Decimal,
        day: date,
        by: _Staff,
        *,
        service: _ServiceRow | None = None,
        proposal: _Proposal | None = None,
        override: tuple[str, _Staff] | None = None,
    ) -> _Allocation | None:
        """Set money aside, within the budget (or over it, with a manager's reason)."""
        qty = Decimal(quantity).quantize(Decimal("0.01"))
        if service is not None:
            source: tuple[int | None, int | None, str, str, str, int] = (
                service.id,
                None,
                service.name,
                service.category,
                service.unit.value,
                service.price,
            )
        else:
            assert proposal is not None
            assert proposal.approved_unit_price_pence is not None
            source = (
                None,
                proposal.id,
                proposal.what,
                proposal.category,
                proposal.unit,
                proposal.approved_unit_price_pence,
            )
        if never_allowed_reason(source[3]) is not None:  # pragma: no cover - the catalogue has none
            return None
        total = line_total_pence(qty, source[5])
        limit = version.limit()
        if limit is None:
            return None
        reason: str | None = None
        if version.allocated() + total > limit:
            if override is None:
                return None
            reason = override[0]
        allocation = _Allocation(
            self._id("allocations"),
            self._key(),
            source[0],
            source[1],
            source[2],
            source[3],
            source[4],
            qty,
            source[5],
            total,
            sorted(dict.fromkeys(goals), key=lambda g: g.position),
            version.period_start,
            version.period_end,
            reason,
            override[1].id if reason and override else None,
        )
        version.allocations.append(allocation)
        fields = ["quantity", "unit_price", "goals"] + (["override_reason"] if reason else [])
        actor = override[1] if reason and override else by
        self._event(self._moment(day), actor, "allocate", "allocation", allocation.id, fields)
        return allocation

    def _disagree(
        self,
        version: _Version,
        body: str,
        voice: AuthorKind,
        day: date,
        by: _Staff,
        *,
        goal: _Goal | None = None,
        step: _Step | None = None,
        allocation: _Allocation | None = None,
    ) -> _Note:
        written = self._text(body, voice, version.plan.person, by, day)
        note = _Note(
            self._id("disagreements"), self._key(), written, goal.id if goal else None, step, allocation
        )
        version.disagreements.append(note)
        self._event(written.written_at, by, "create", "disagreement", note.id, ("text",))
        return note

    def _propose(
        self,
        person: _Person,
        plan: _Plan | None,
        item: tuple[str, str, str, ServiceUnit, int, str, str | None],
        day: date,
        by: _Staff,
        why_by: AuthorKind = AuthorKind.PERSON,
    ) -> _Proposal:
        what, who, category, unit, estimate, why, _ = item
        written = self._text(why, why_by, person, by, day)
        proposal = _Proposal(
            self._id("proposals"),
            person.id,
            plan.id if plan else None,
            what,
            who,
            category,
            unit.value,
            estimate,
            written,
            by.id,
            written.written_at,
        )
        self.o_proposals.append(proposal)
        self._event(
            written.written_at,
            by,
            "create",
            "proposal",
            proposal.id,
            ("what", "category", "estimated_cost", "why"),
        )
        return proposal

    def _decide(
        self,
        proposal: _Proposal,
        approve: bool,
        day: date,
        manager: _Staff,
        price: int | None = None,
        note: str | None = None,
    ) -> None:
        at = self._moment(day)
        proposal.status = (ProposalStatus.APPROVED if approve else ProposalStatus.DECLINED).value
        proposal.approved_unit_price_pence = (price or proposal.estimated_cost_pence) if approve else None
        proposal.decision_note = note
        proposal.decided_by_id, proposal.decided_at = manager.id, at
        self._event(
            at, manager, "decide", "proposal", proposal.id, ("status", "approved_unit_price", "decision_note")
        )

    # --- signing, approval, activation, closing --------------------------------------------

    def _make_strokes(self) -> list[Any]:
        strokes: list[Any] = []
        r = self.r
        x = r.uniform(20, 60)
        for _ in range(self._int(1, 3)):
            y = r.uniform(40, 80)
            line = []
            for _ in range(self._int(8, 18)):
                x += r.uniform(2, 9)
                y = min(110.0, max(10.0, y + r.uniform(-12, 12)))
                line.append([round(x, 2), round(y, 2)])
            strokes.append(line)
            x += r.uniform(5, 15)
        return strokes

    def _strokes(self) -> list[Any]:
        """A drawn signature. Shapes come from a pool made at the start: nobody compares squiggles."""
        if not self._stroke_pool:
            self._stroke_pool = [self._make_strokes() for _ in range(64)]
        return self._pick(self._stroke_pool)

    def _signature(
        self,
        version: _Version,
        kind: SignerKind,
        sha: str,
        day: date,
        worker: _Staff,
        method: SignatureMethod,
    ) -> None:
        at = self._moment(day)
        person = version.plan.person
        if kind is SignerKind.PERSON:
            name = person.full_name if method is SignatureMethod.TYPED else person.preferred_name
            role, person_id, staff_id = "person", person.id, None
        else:
            name, role, person_id, staff_id = worker.display_name, worker.role.value, None, worker.id
        sid = self._id("signatures")
        self.rows["signatures"].append(
            {
                "id": sid,
                "version_id": version.id,
                "signer_kind": kind.value,
                "signer_name": name,
                "role": role,
                "person_id": person_id,
                "staff_id": staff_id,
                "recorded_by_id": worker.id,
                "signed_at": at,
                "method": method.value,
                "strokes": self._strokes() if method is SignatureMethod.DRAWN else None,
                "plan_sha256": sha,
            }
        )
        self._event(at, worker, "sign", "signature", sid, ("signer_kind", "method", "plan_sha256"))

    def _sign_worker_only(self, version: _Version, day: date, worker: _Staff) -> None:
        sha = plan_sha256(cast(PlanVersion, version))
        self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)

    def _sign_both(
        self, version: _Version, day: date, worker: _Staff, person_method: SignatureMethod | None = None
    ) -> None:
        """Both sign what they were shown; the version is agreed and frozen, as signing does it.

        signing._freeze stores ``live_canonical(version)`` after both signed the SHA-256 of that same
        form; here it is worked out once, stored, and hashed with plan_sha256 (which then reads it).
        """
        version.frozen_canonical = live_canonical(cast(PlanVersion, version))
        sha = plan_sha256(cast(PlanVersion, version))
        method = person_method or (SignatureMethod.TYPED if self._chance(0.3) else SignatureMethod.DRAWN)
        first_worker = self._chance(0.5)
        if first_worker:
            self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)
        self._signature(version, SignerKind.PERSON, sha, day, worker, method)
        if not first_worker:
            self._signature(version, SignerKind.KEY_WORKER, sha, day, worker, SignatureMethod.DRAWN)
        version.frozen_sha256 = sha
        version.status = PlanStatus.AGREED.value
        version.agreed_at = self._moment(day)
        self._event(
            version.agreed_at, worker, "agree", "plan_version", version.id, ("status", "frozen_sha256")
        )

    def _approve(self, version: _Version, day: date, manager: _Staff) -> list[tuple[ReviewKind, date]]:
        at = self._moment(day)
        version.status = PlanStatus.APPROVED.value
        version.approved_at, version.approved_by_id = at, manager.id
        self._event(at, manager, "approve", "plan_version", version.id, ("status",))
        return standard_reviews(day)

    def _activate(self, version: _Version, others: Sequence[_Version], day: date, by: _Staff) -> None:
        at = self._moment(day)
        for other in others:
            if other is not version and other.status in ("active", "approved", "agreed"):
                other.status, other.ended_at = PlanStatus.SUPERSEDED.value, at
                self._event(at, by, "supersede", "plan_version", other.id, ("status",))
        version.status, version.activated_at = PlanStatus.ACTIVE.value, at
        self._event(at, by, "activate", "plan_version", version.id, ("status",))

    def _close(self, versions: Sequence[_Version], day: date, manager: _Staff) -> None:
        at = self._moment(day)
        for version in versions:
            if version.status in ("draft", "agreed", "approved", "active"):
                version.status, version.ended_at = PlanStatus.CLOSED.value, at
                self._event(at, manager, "close", "plan_version", version.id, ("status",))

    def _schedule(self, version: _Version, kind: ReviewKind, due: date, manager: _Staff) -> _Review:
        review = _Review(self._id("reviews"), version.plan.id, version.id, kind.value, due)
        self.o_reviews.append(review)
        assert version.approved_at is not None
        self._event(version.approved_at, manager, "schedule", "review", review.id, ("kind", "due_date"))
        return review

    def _record_review(
        self,
        review: _Review,
        version: _Version,
        day: date,
        worker: _Staff,
        ratings: dict[str, int],
        person_notes: str | None,
        worker_notes: str | None,
    ) -> None:
        person = version.plan.person
        review.completed_on, review.completed_by_id = day, worker.id
        review.ratings = {self.areas[code].id: value for code, value in ratings.items() if code in self.areas}
        if person_notes:
            review.person_notes = self._text(person_notes, AuthorKind.PERSON, person, worker, day)
        if worker_notes:
            review.worker_notes = self._text(worker_notes, AuthorKind.STAFF, person, worker, day)
        self._event(
            self._moment(day),
            worker,
            "record",
            "review",
            review.id,
            ("completed_on", "ratings", "person_notes", "worker_notes"),
        )

    def _progress(self, goal: _Goal, status: GoalStatus) -> None:
        """Progress on a goal. Not audited here: the demo trail records what was created and decided."""
        goal.status = status.value

    # --- revising ----------------------------------------------------------------------------

    def _copy(self, source: _Version, day: date, by: _Staff) -> _Version:
        """A new draft carrying everything over, as revise_plan does (same keys, same texts)."""
        plan = source.plan
        at = self._moment(day)
        version = _Version(
            self._id("plan_versions"),
            plan,
            source.number + 1,
            at,
            by.id,
            source.period_start,
            source.period_end,
            source.id,
            _DRAFT,
            source.indicative_pence,
            source.indicative_working,
            source.agreed_budget_pence,
        )
        self.o_versions.append(version)
        goals: dict[int, _Goal] = {}
        steps: dict[int, _Step] = {}
        for old in source.goals:
            goal = _Goal(
                self._id("goals"),
                old.key,
                old.position,
                old.wording,
                old.why,
                old.life_area,
                old.target_date,
                old.status,
                idea=old.idea,
            )
            for old_step in old.steps:
                step = _Step(
                    self._id("steps"),
                    old_step.key,
                    old_step.position,
                    old_step.what,
                    old_step.owner,
                    old_step.owner_detail,
                    old_step.due_date,
                    old_step.done,
                )
                goal.steps.append(step)
                steps[old_step.id] = step
            version.goals.append(goal)
            goals[old.id] = goal
        allocations: dict[int, _Allocation] = {}
        for old_a in source.allocations:
            allocation = _Allocation(
                self._id("allocations"),
                old_a.key,
                old_a.service_id,
                old_a.proposal_id,
                old_a.description,
                old_a.category,
                old_a.unit,
                old_a.quantity,
                old_a.unit_price_pence,
                old_a.total_pence,
                [goals[g.id] for g in old_a.goals],
                old_a.period_start,
                old_a.period_end,
                old_a.override_reason,
                old_a.override_by_id,
            )
            version.allocations.append(allocation)
            allocations[old_a.id] = allocation
        for old_n in source.disagreements:
            version.disagreements.append(
                _Note(
                    self._id("disagreements"),
                    old_n.key,
                    old_n.text,
                    goals[old_n.goal_id].id if old_n.goal_id is not None else None,
                    steps[old_n.step.id] if old_n.step is not None else None,
                    allocations[old_n.allocation.id] if old_n.allocation is not None else None,
                )
            )
        self._event(at, by, "revise", "plan_version", version.id, ("based_on_id",))
        return version

    def _remove_goal(self, version: _Version, goal: _Goal, day: date, by: _Staff) -> None:
        step_ids = {s.id for s in goal.steps}
        version.disagreements = [
            n
            for n in version.disagreements
            if n.goal_id != goal.id and (n.step is None or n.step.id not in step_ids)
        ]
        for allocation in version.allocations:
            if goal in allocation.goals:
                allocation.goals.remove(goal)
        version.goals.remove(goal)
        for position, other in enumerate(version.goals):
            other.position = position
        self._event(self._moment(day), by, "delete", "goal", goal.id)

    # --- choosing what goes in a plan ---------------------------------------------------------

    def _ideas_for(self, profile: str, used: set[str]) -> list[_Idea]:
        return [idea for idea in _IDEAS_BY_PROFILE[profile] if idea.wording not in used]

    def _pick_ideas(self, profile: str, count: int, used: set[str]) -> list[_Idea]:
        primary_area = _PROFILES[profile][1]
        options = self._ideas_for(profile, used)
        chosen: list[_Idea] = []
        primary = [i for i in options if i.area == primary_area]
        if primary and self._chance(0.9):
            chosen.append(self._pick(primary))
        areas = {i.area for i in chosen}
        others = [i for i in options if i.area not in areas and i not in chosen]
        self.r.shuffle(others)
        for idea in others:
            if len(chosen) >= count:
                break
            if idea.area in areas:
                continue
            chosen.append(idea)
            areas.add(idea.area)
        for idea in chosen:
            used.add(idea.wording)
        return chosen

    def _goal_from_idea(self, version: _Version, idea: _Idea, day: date, worker: _Staff) -> _Goal:
        mentor = worker.mentor or self.chris
        recorder = mentor if self._chance(0.12) else worker
        start = version.period_start or day
        target = start + self._days(60, 330) if self._chance(0.55) else None
        staff_words = [w for a, w in _STAFF_GOALS if a == idea.area]
        if staff_words and self._chance(0.15):
            goal = self._goal(
                version,
                idea.area,
                self._pick(staff_words),
                AuthorKind.STAFF,
                None,
                day,
                recorder,
                target=target,
                idea=idea,
            )
        else:
            why = self._pick(idea.whys) if self._chance(0.85) else None
            goal = self._goal(
                version,
                idea.area,
                idea.wording,
                AuthorKind.PERSON,
                why,
                day,
                recorder,
                target=target,
                idea=idea,
            )
        steps = list(idea.steps)
        self.r.shuffle(steps)
        for owner, what, detail in steps[: self._int(1, min(4, len(steps)))]:
            self._idea_step(version, goal, owner, what, detail, day, worker)
        return goal

    def _idea_step(
        self,
        version: _Version,
        goal: _Goal,
        owner: StepOwner,
        what: str,
        detail: str | None,
        day: date,
        worker: _Staff,
    ) -> _Step:
        if owner is StepOwner.WORKER:
            voice = AuthorKind.STAFF
        elif owner is StepOwner.SERVICE:
            voice = AuthorKind.STAFF if self._chance(0.7) else AuthorKind.PERSON
        else:
            voice = AuthorKind.PERSON
        due = day + self._days(7, 120) if self._chance(0.6) else None
        return self._step(version, goal, what, voice, owner, detail, day, worker, due)

    def _budget_for(self, version: _Version, day: date, worker: _Staff, *, agreed: bool) -> None:
        """The indicative amount from the questionnaire, and (if ``agreed``) the amount agreed.

        Mostly the indicative amount; sometimes a little less; sometimes more, which only a
        manager can agree. Always between £250 and £3,000 a year.
        """
        manager = worker.manager or self.priya
        self._assess(version, {}, day, worker)
        indicative = version.indicative_pence or 0
        if not agreed:
            return
        roll = self.r.random()
        if roll < 0.65:
            amount = indicative
        elif roll < 0.8:
            amount = ((indicative - self._int(1, 3) * 5000) // 5000) * 5000
        else:
            amount = -(-(indicative + self._int(2, 18) * 5000) // 5000) * 5000
        amount = max(25_000, min(300_000, amount))
        self._agree_budget(version, amount, day, manager if amount > indicative else worker)

    def _services_for(self, goal: _Goal) -> list[_ServiceRow]:
        idea = goal.idea
        return [self.service_named[name] for name in idea.services] if idea is not None else []

    def _fill_allocations(self, version: _Version, goals: Sequence[_Goal], day: date, worker: _Staff) -> None:
        """Services for the goals, chosen from those that fit each goal, within what is left."""
        if version.limit() is None:
            return
        used = {a.service_id for a in version.allocations}
        for goal in goals:
            services = [s for s in self._services_for(goal) if s.id not in used]
            if not services or not self._chance(0.75):
                continue
            service = self._pick(services)
            self._allocate_some(version, service, [goal], day, worker)
            used.add(service.id)
        if self._chance(0.3) and goals:
            travel = [s for s in self.everyday_travel if s.id not in used]
            if travel:
                self._allocate_some(version, self._pick(travel), list(goals[:2]), day, worker)
        if self._chance(0.03) and goals:
            # Now and then a manager agrees to go over the budget, and says why.
            fitting = self._services_for(goals[0])
            if fitting:
                service = self._pick(fitting)
                self._allocate(
                    version,
                    [goals[0]],
                    max(_QUANTITIES[service.unit]),
                    day,
                    worker,
                    service=service,
                    override=(self._pick(_OVERRIDE_REASONS), worker.manager or self.priya),
                )

    def _allocate_some(
        self, version: _Version, service: _ServiceRow, goals: Sequence[_Goal], day: date, worker: _Staff
    ) -> _Allocation | None:
        limit = version.limit()
        if limit is None:
            return None
        wanted = self._pick(_QUANTITIES[service.unit])
        room = (limit - version.allocated()) // service.price if service.price else wanted
        quantity = min(wanted, room)
        if quantity < 1:
            return None
        return self._allocate(version, goals, quantity, day, worker, service=service)

    def _maybe_disagree(self, version: _Version, day: date, worker: _Staff, chance: float) -> None:
        if not self._chance(chance) or not version.goals:
            return
        roll = self.r.random()
        worker_steps = [(g, s) for g in version.goals for s in g.steps if s.what.author_kind == _STAFF_VOICE]
        if roll < 0.5 and worker_steps:
            _, step = self._pick(worker_steps)
            self._disagree(
                version, self._pick(_PERSON_DISAGREEMENTS), AuthorKind.PERSON, day, worker, step=step
            )
        elif roll < 0.65:
            self._disagree(version, self._pick(_PERSON_PLAN_DISAGREEMENTS), AuthorKind.PERSON, day, worker)
        elif roll < 0.85 and version.allocations:
            allocation = self._pick(version.allocations)
            self._disagree(
                version,
                self._pick(_STAFF_DISAGREEMENTS),
                AuthorKind.STAFF,
                day,
                worker,
                allocation=allocation,
            )
        else:
            goal = self._pick(version.goals)
            self._disagree(
                version, self._pick(_STAFF_DISAGREEMENTS), AuthorKind.STAFF, day, worker, goal=goal
            )

    # --- timelines ---------------------------------------------------------------------------

    def _simulate(self, start: date, spec: _Spec) -> _Timeline:
        r = self.r
        day = _weekday(start)
        stages: list[_Stage] = []
        last = day
        for index in range(spec.versions):
            stage = _Stage(created=day)
            final = index == spec.versions - 1
            target = spec.final if final else "active"
            if target == "signed_one":
                stage.signed_one = _weekday(day + timedelta(days=self._int(0, 4)))
                last = max(last, stage.signed_one)
            elif target != "draft":
                gap = 0 if r.random() < 0.3 else self._int(1, 21)
                stage.agreed = _weekday(day + timedelta(days=gap))
                last = max(last, stage.agreed)
                if target in ("approved", "active"):
                    stage.approved = _weekday(stage.agreed + timedelta(days=self._int(0, 7)))
                    last = max(last, stage.approved)
                if target == "active":
                    assert stage.approved is not None
                    stage.activated = max(
                        stage.approved, _weekday(stage.approved + timedelta(days=self._int(0, 4)))
                    )
                    last = max(last, stage.activated)
            if not final:
                assert stage.approved is not None
                assert stage.activated is not None
                reviews = standard_reviews(stage.approved)
                at = self._weighted(range(len(reviews)), _REVIEW_WEIGHTS)
                for j in range(at + 1):
                    done = max(stage.activated, _weekday(reviews[j][1] + timedelta(days=self._int(-3, 10))))
                    stage.reviews_done.append(None if j < at and r.random() < 0.1 else done)
                stage.revised_at = at
                revised = stage.reviews_done[at]
                assert revised is not None
                day = revised
                last = max(last, day)
            stages.append(stage)
        closed = _weekday(last + timedelta(days=self._int(14, 300))) if spec.close else None
        return _Timeline(stages, closed, closed or last)

    def _fit(self, spec: _Spec, latest: date, earliest: date) -> _Timeline:
        """A timeline for ``spec`` whose last event is on or before ``latest`` (and starts after earliest)."""
        state = self.r.getstate()
        start = latest
        timeline = self._simulate(start, spec)
        for _ in range(8):
            if timeline.last <= latest and timeline.start >= earliest:
                break
            start = start - (timeline.last - latest)
            if start < earliest:
                start = earliest
            self.r.setstate(state)
            timeline = self._simulate(start, spec)
            if start == earliest:
                break
        return timeline

    # --- generic people ------------------------------------------------------------------------

    def _scenario(self, index: int) -> str:
        if index < len(_GUARANTEED):
            return _GUARANTEED[index]
        return self._weighted(_SCENARIO_NAMES, _SCENARIO_WEIGHTS)

    def _spec(self, scenario: str) -> _Spec:
        r = self.r
        if scenario in ("draft", "signed_one", "agreed", "approved", "active"):
            return _Spec(1, scenario)
        if scenario == "revised":
            return _Spec(2 if r.random() < 0.75 else 3, "active")
        if scenario == "revising":
            return _Spec(
                2 if r.random() < 0.8 else 3,
                self._pick(("draft", "draft", "signed_one", "agreed", "approved")),
            )
        if scenario == "closed":
            return _Spec(1 if r.random() < 0.7 else 2, "draft" if r.random() < 0.15 else "active", close=True)
        return _Spec(1, "active", close=True)

    def _slack(self, spec: _Spec) -> int:
        if spec.close:
            return self._int(0, 400)
        return self._int(0, _SLACK_DAYS[spec.final])

    def generic_person(self, index: int, worker: _Staff) -> None:
        scenario = self._scenario(index)
        earliest = self.setup_day + timedelta(days=14)
        timelines: list[_Timeline] = []
        if scenario == "closed_then_new":
            later = self._spec(self._pick(("draft", "active", "active", "revised", "agreed")))
            second = self._fit(later, self.yesterday - timedelta(days=self._slack(later)), earliest)
            first_end = second.start - self._days(10, 90)
            first = self._fit(_Spec(1, "active", close=True), first_end, earliest)
            timelines = [first, second] if first.last < second.start else [second]
        elif scenario != "none":
            spec = self._spec(scenario)
            timelines = [self._fit(spec, self.yesterday - timedelta(days=self._slack(spec)), earliest)]
        if any(t.last > self.yesterday for t in timelines):  # pragma: no cover - a safety net
            timelines = [self._fit(_Spec(1, "draft"), self.yesterday, earliest)]
        first_day = timelines[0].start if timelines else _weekday(self.yesterday - self._days(0, 500))
        registered = max(self.setup_day, _weekday(first_day - self._days(0, 40)))
        old_worker = (
            self.leaver
            if timelines
            and timelines[0].closed is not None
            and timelines[0].closed < self.leaver_left
            and timelines[0].start > self.leaver.created_at.date()
            and self._chance(0.3)
            else None
        )
        registrar = old_worker or worker
        person, profile = self._generic_person_details(worker, registered, registrar)
        used: set[str] = set()
        track = self._track(profile)
        for timeline in timelines:
            plan_worker = old_worker if (old_worker and timeline is timelines[0]) else worker
            self._plan_from_timeline(person, plan_worker, timeline, profile, used, track)
        if timelines and timelines[-1].closed is None and self._chance(0.04):
            self._pending_proposal(person, self.o_plans[-1], timelines[-1], worker)

    def _generic_person_details(self, worker: _Staff, registered: date, by: _Staff) -> tuple[_Person, str]:
        r = self.r
        names, family, kind = self._name()
        first = names.split(" ")[0]
        preferred = _NICKNAMES[first] if first in _NICKNAMES and r.random() < 0.6 else first
        age = max(18, min(75, int(r.triangular(18, 76, 36))))
        born = _years_before(self.today, age) - timedelta(days=self._int(1, 364))
        pronouns: str | None = None
        if r.random() < 0.35 or kind == "n":
            if kind == "n" or r.random() < 0.1:
                pronouns = "they/them"
            else:
                pronouns = "she/her" if kind == "f" else "he/him"
        person = self._person(
            preferred=preferred,
            full=f"{names} {family}",
            born=born,
            pronouns=pronouns,
            contact=self._contact(first, family),
            worker=worker,
            registered=registered,
            by=by,
        )
        profile = self._weighted(_PROFILE_NAMES, _PROFILE_WEIGHTS)
        entries = []
        for substance, hows, often, amounts, chance in _PROFILES[profile][2]:
            if r.random() < chance:
                entries.append(
                    _Substance(
                        substance,
                        self._pick(hows),
                        self._pick(often),
                        self._pick(amounts) if r.random() < 0.85 else None,
                    )
                )
        mentor = worker.mentor or self.chris
        answers: list[tuple[str, str, AuthorKind, _Staff]] = []
        staff_topic = self._pick(tuple(_ABOUT_ME_STAFF_WORDS)) if r.random() < 0.3 else None
        for topic in _ABOUT_ME_ORDER:
            recorder = mentor if r.random() < 0.15 else by
            if topic == staff_topic:
                answers.append((topic, self._pick(_ABOUT_ME_STAFF_WORDS[topic]), AuthorKind.STAFF, by))
            elif topic == "substances":
                answers.append((topic, self._saying(entries), AuthorKind.PERSON, recorder))
            elif topic == "treatment":
                if any(e.substance.startswith("Methadone") for e in entries):
                    answers.append((topic, self._pick(_ON_A_SCRIPT), AuthorKind.PERSON, recorder))
                elif r.random() < 0.7:
                    answers.append(
                        (topic, self._pick(_TREATMENT_WORDS[profile]), AuthorKind.PERSON, recorder)
                    )
            elif r.random() < 0.8:
                answers.append((topic, self._pick(_ABOUT_ME_WORDS[topic]), AuthorKind.PERSON, recorder))
        self._about_me(person, answers, registered)
        self._substances(person, entries, registered, by)
        for what, whom in r.sample(_CONSENTS, self._pick((0, 1, 1, 2, 2, 3))):
            given = _weekday(registered + self._days(0, 20))
            if given > self.yesterday:
                given = registered
            withdrawn = None
            if r.random() < 0.15 and given < self.yesterday:
                withdrawn = _weekday(given + self._days(1, max(1, (self.yesterday - given).days)))
                withdrawn = max(given, min(withdrawn, self.yesterday))
            whom_text = whom.format(
                doctor=f"Dr {self._pick(self._pick(_BACKGROUNDS)[3])}",
                surgery=self._pick(_SURGERIES),
                hostel=self._pick(_HOSTELS),
                pharmacy=self._pick(_PHARMACIES),
            )
            self._consent(person, what, whom_text, given, by, withdrawn)
        return person, profile

    def _saying(self, entries: Sequence[_Substance]) -> str:
        """What the person says about what they use, matching the structured list."""
        said = []
        for entry in entries:
            if entry.substance.startswith("Methadone"):
                said.append(
                    f"I'm on {entry.amount} of methadone a day." if entry.amount else "I'm on a script."
                )
                continue
            template = _SAYING.get(entry.substance, entry.substance + ", {how_often}.")
            if entry.amount is None:
                template = template.replace("{amount}, ", "")
            said.append(template.format(how=entry.how, how_often=entry.how_often, amount=entry.amount))
        text = " ".join(said)
        if self._chance(0.3):
            text += self._pick(_SAYING_AFTER)
        return text[0].upper() + text[1:]

    def _track(self, profile: str) -> dict[str, Any]:
        """How this person's ratings move from review to review."""
        r = self.r
        areas = [
            _PROFILES[profile][1],
            *r.sample(
                ["mental_health", "physical_health", "housing", "family", "community", "time", "money"],
                self._int(2, 4),
            ),
        ]
        trend = self._weighted(("up", "flat", "down"), (70, 20, 10))
        return {
            "areas": areas,
            "base": {a: r.uniform(2, 6) for a in areas},
            "step": {
                a: (
                    r.uniform(0.3, 1.0)
                    if trend == "up"
                    else r.uniform(-0.2, 0.25)
                    if trend == "flat"
                    else r.uniform(-0.6, -0.1)
                )
                for a in areas
            },
            "trend": trend,
            "n": 0,
        }

    def _ratings(self, track: dict[str, Any]) -> dict[str, int]:
        n = track["n"]
        track["n"] = n + 1
        return {
            a: max(1, min(10, round(track["base"][a] + track["step"][a] * n + (self.r.random() - 0.5) * 1.6)))
            for a in track["areas"]
        }

    def _complete_review(
        self, review: _Review, version: _Version, day: date, worker: _Staff, track: dict[str, Any]
    ) -> None:
        ratings = self._ratings(track)
        good = track["trend"] == "up" or self._chance(0.3)
        person_notes = (
            self._pick(_PERSON_REVIEW_GOOD if good else _PERSON_REVIEW_HARD) if self._chance(0.6) else None
        )
        worker_notes = (
            self._pick(_STAFF_REVIEW_GOOD if good else _STAFF_REVIEW_HARD) if self._chance(0.85) else None
        )
        self._record_review(review, version, day, worker, ratings, person_notes, worker_notes)
        for goal in version.goals:
            if goal.status == _UNDER_WAY and self._chance(0.2 if good else 0.05):
                self._progress(goal, GoalStatus.ACHIEVED)
            elif goal.status == _NOT_STARTED and self._chance(0.5):
                self._progress(goal, GoalStatus.UNDER_WAY)
            elif goal.status == _UNDER_WAY and not good and self._chance(0.05):
                self._progress(goal, GoalStatus.STOPPED)
            for step in goal.steps:
                if not step.done and self._chance(0.4):
                    step.done = True

    def _plan_from_timeline(
        self,
        person: _Person,
        worker: _Staff,
        timeline: _Timeline,
        profile: str,
        used: set[str],
        track: dict[str, Any],
    ) -> None:
        r = self.r
        manager = worker.manager or self.priya
        plan: _Plan | None = None
        versions: list[_Version] = []
        stages = timeline.stages
        for index, stage in enumerate(stages):
            day = stage.created
            will_sign = stage.agreed is not None
            if plan is None:
                plan, version = self._start_plan(person, worker, day, worker)
                count = self._weighted((1, 2, 3, 4, 5), (5, 20, 40, 25, 10))
                goals = [
                    self._goal_from_idea(version, idea, day, worker)
                    for idea in self._pick_ideas(profile, count, used)
                ]
                # A plan about to be signed has its budget; an early draft may not have one yet.
                if will_sign or stage.signed_one:
                    self._budget_for(version, day, worker, agreed=True)
                elif r.random() < 0.7:
                    self._budget_for(version, day, worker, agreed=r.random() < 0.7)
                self._proposal_in_draft(person, plan, version, stage, worker, manager, used)
                self._fill_allocations(version, goals, day, worker)
                self._maybe_disagree(version, day, worker, 0.25)
            else:
                version = self._revise(versions[-1], day, worker, profile, used)
            versions.append(version)
            if stage.signed_one:
                self._sign_worker_only(version, stage.signed_one, worker)
            if stage.agreed:
                self._sign_both(version, stage.agreed, worker)
            reviews: list[tuple[ReviewKind, date]] = []
            if stage.approved:
                reviews = self._approve(version, stage.approved, manager)
            if stage.activated:
                self._activate(version, versions, stage.activated, worker)
                for goal in version.goals:
                    if goal.status == _NOT_STARTED and self._chance(0.6):
                        self._progress(goal, GoalStatus.UNDER_WAY)
            if not reviews:
                continue
            # Reviews: those before the revision as the timeline says; later ones until the version ends.
            following = stages[index + 1] if index + 1 < len(stages) else None
            ended = following.activated if following and following.activated else timeline.closed
            for j, (kind, due) in enumerate(reviews):
                done: date | None
                if stage.revised_at is not None and j <= stage.revised_at:
                    done = stage.reviews_done[j]
                    if done is None and ended is not None:
                        continue
                else:
                    limit = ended or self.yesterday
                    if due > limit:
                        if ended is None:
                            self._schedule(version, kind, due, manager)
                        continue
                    latest_due = j + 1 >= len(reviews) or reviews[j + 1][1] > limit
                    done = None
                    if self._chance(0.7 if latest_due else 0.9):
                        done = max(stage.approved or due, min(limit, _weekday(due + self._days(-3, 10))))
                    elif ended is not None:
                        continue
                review = self._schedule(version, kind, due, manager)
                if done is not None:
                    self._complete_review(review, version, done, worker, track)
        if timeline.closed is not None:
            self._close(versions, timeline.closed, manager)
        assert plan is not None
        plan.updated_at = max(
            [plan.created_at]
            + [
                t
                for v in versions
                for t in (v.created_at, v.agreed_at, v.approved_at, v.activated_at, v.ended_at)
                if t is not None
            ]
        )
        plan.revision = 1 + len(
            [e for v in versions for e in (v.agreed_at, v.approved_at, v.activated_at) if e]
        )

    def _revise(self, source: _Version, day: date, worker: _Staff, profile: str, used: set[str]) -> _Version:
        r = self.r
        manager = worker.manager or self.priya
        version = self._copy(source, day, worker)
        if version.period_start is not None and (day - version.period_start).days > 270:
            version.period_start, version.period_end = day, day + timedelta(days=364)
            self._event(
                self._moment(day),
                worker,
                "update",
                "plan_version",
                version.id,
                ("period_start", "period_end"),
            )
            for allocation in version.allocations:
                allocation.period_start, allocation.period_end = version.period_start, version.period_end
        done_goals = [g for g in version.goals if g.status == _ACHIEVED]
        for goal in done_goals:
            linked = any(goal in a.goals and len(a.goals) == 1 for a in version.allocations)
            if not linked and len(version.goals) > 1 and r.random() < 0.6:
                self._remove_goal(version, goal, day, worker)
        if version.goals and r.random() < 0.35:
            goal = self._pick(version.goals)
            if goal.idea is not None and len(goal.idea.whys) > 1:
                current = goal.why.body if goal.why else None
                choices = [w for w in goal.idea.whys if w != current]
                goal.why = self._text(
                    self._pick(choices), AuthorKind.PERSON, version.plan.person, worker, day
                )
                self._event(self._moment(day), worker, "update", "goal", goal.id, ("why",))
        new_goals: list[_Goal] = []
        if len(version.goals) < 5 and r.random() < 0.5:
            for idea in self._pick_ideas(profile, 1, used):
                new_goals.append(self._goal_from_idea(version, idea, day, worker))
        if version.goals and r.random() < 0.6:
            goal = self._pick(version.goals)
            if goal.idea is not None:
                existing = {s.what.body for s in goal.steps}
                fresh = [s for s in goal.idea.steps if s[1] not in existing]
                if fresh:
                    owner, what, detail = self._pick(fresh)
                    self._idea_step(version, goal, owner, what, detail, day, worker)
        if r.random() < 0.15 and version.agreed_budget_pence is not None:
            raised = min(300_000, version.agreed_budget_pence + self._int(2, 10) * 5000)
            if raised > version.agreed_budget_pence:
                by = (
                    manager
                    if version.indicative_pence is None or raised > version.indicative_pence
                    else worker
                )
                self._agree_budget(version, raised, day, by)
        if version.allocations and r.random() < 0.4:
            allocation = self._pick(version.allocations)
            limit = version.limit()
            if limit is not None and allocation.override_reason is None:
                extra = self._int(1, 6)
                quantity = allocation.quantity + extra
                total = line_total_pence(quantity, allocation.unit_price_pence)
                if version.allocated() - allocation.total_pence + total <= limit:
                    allocation.quantity, allocation.total_pence = quantity, total
                    self._event(
                        self._moment(day),
                        worker,
                        "update",
                        "allocation",
                        allocation.id,
                        ("quantity", "goals"),
                    )
        self._fill_allocations(version, new_goals, day, worker)
        if version.disagreements and r.random() < 0.2:
            note = self._pick(version.disagreements)
            version.disagreements.remove(note)
            self._event(self._moment(day), worker, "delete", "disagreement", note.id)
        self._maybe_disagree(version, day, worker, 0.12)
        return version

    def _proposal_in_draft(
        self,
        person: _Person,
        plan: _Plan,
        version: _Version,
        stage: _Stage,
        worker: _Staff,
        manager: _Staff,
        used: set[str],
    ) -> None:
        """Sometimes the person asks for something the catalogue does not have, while the plan is written."""
        r = self.r
        if r.random() >= 0.12:
            return
        latest = stage.agreed or stage.signed_one or self.yesterday
        item = self._pick(_PROPOSALS)
        if "proposal:" + item[0] in used:
            return
        used.add("proposal:" + item[0])
        proposal = self._propose(person, plan, item, stage.created, worker)
        decided = min(latest, _weekday(stage.created + self._days(0, 6)))
        decided = max(decided, stage.created)
        decline_note = item[6]
        if decline_note is not None or r.random() < 0.15:
            self._decide(
                proposal,
                False,
                decided,
                manager,
                note=decline_note
                or "This isn't something the budget can cover right now. Let's look for "
                "something similar in the catalogue together.",
            )
            return
        price = proposal.estimated_cost_pence - (
            self._pick((0, 0, 0, 100, 200)) if proposal.estimated_cost_pence > 1000 else 0
        )
        self._decide(proposal, True, decided, manager, price=price, note=self._pick(_APPROVAL_NOTES))
        if version.limit() is not None and version.goals:
            unit = ServiceUnit(proposal.unit)
            wanted = self._pick(_QUANTITIES[unit])
            room = (version.limit() or 0) - version.allocated()
            quantity = min(wanted, room // (proposal.approved_unit_price_pence or 1))
            if quantity >= 1:
                self._allocate(
                    version, [self._pick(version.goals)], quantity, decided, worker, proposal=proposal
                )

    def _pending_proposal(self, person: _Person, plan: _Plan, timeline: _Timeline, worker: _Staff) -> None:
        day = max(timeline.last, _weekday(self.yesterday - self._days(0, 25)))
        item = self._pick([p for p in _PROPOSALS if p[6] is None])
        self._propose(person, plan, item, day, worker)

    # --- Dee, Marek and Jordan -----------------------------------------------------------------

    def dee(self) -> None:
        sam, priya = self.sam, self.priya
        approved = self.yesterday
        agreed = _weekday(approved - timedelta(days=1))
        day = agreed
        person = self._person(
            preferred="Dee",
            full="Deirdre Walsh",
            born=_years_before(self.today, 34) - timedelta(days=97),
            pronouns="she/her",
            contact=("in person", "At the drop-in on Tuesdays and Thursdays"),
            worker=sam,
            registered=day,
            by=sam,
        )
        self._about_me(
            person,
            [
                ("what_matters", "My two kids. Getting well so they can be proud of me.", VOICE_PERSON, sam),
                (
                    "going_well",
                    "I've kept my methadone steady for two years. I don't miss pickups.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "I don't want to be a case any more. I want to know what is going on with my money.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "I want my kids to see me well. I want a flat of my own, with my own front door.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "substances",
                    "Heroin most days, smoked. Crack sometimes, when things get bad.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "treatment",
                    "Methadone 60 ml a day, supervised at the pharmacy on Market Street. Dee prefers "
                    "letters to be read through with her rather than posted.",
                    VOICE_STAFF,
                    sam,
                ),
                ("support", "My sister Karen. The night staff at the hostel are alright.", VOICE_PERSON, sam),
            ],
            day,
        )
        self._substances(
            person,
            [
                _Substance("Heroin", "smoked", "most days", "£20 to £30 a day"),
                _Substance("Crack cocaine", "smoked", "sometimes, when things get bad", None),
                _Substance("Methadone (prescribed)", "oral, supervised", "daily", "60 ml"),
            ],
            day,
            sam,
        )
        self._consent(
            person, "Share my plan with my children's social worker", "Children's services", day, sam
        )
        self._consent(person, "Talk to the hostel staff about my housing", "Riverside Hostel", day, sam)
        plan, version = self._start_plan(person, sam, day, sam)
        kids = self._goal(
            version,
            "family",
            "I want my kids to see me well.",
            VOICE_PERSON,
            "They've seen me ill too many times. I want them to have a mum they can count on.",
            day,
            sam,
            target=day + timedelta(days=180),
        )
        self._step(
            version,
            kids,
            "Ring the social worker every Monday.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            day,
            sam,
        )
        self._step(
            version,
            kids,
            "Ask children's services about contact visits.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            day,
            sam,
            day + timedelta(days=14),
        )
        self._step(
            version,
            kids,
            "Family contact support course, six weeks.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            FAMILY_TIES,
            day,
            sam,
        )
        flat = self._goal(
            version,
            "housing",
            "I want a flat of my own.",
            VOICE_PERSON,
            "In the hostel I can't lock my door. The kids can't visit me there.",
            day,
            sam,
        )
        self._step(
            version,
            flat,
            "Fill in the housing register form together.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            day,
            sam,
            day + timedelta(days=21),
        )
        self._step(
            version,
            flat,
            "Write a support letter for the housing application.",
            VOICE_PERSON,
            StepOwner.SOMEONE_ELSE,
            "hostel staff",
            day,
            sam,
        )
        gear = self._goal(
            version,
            "drugs",
            "I want to stop using on top of my script.",
            VOICE_PERSON,
            "Every time I use I lose a week.",
            day,
            sam,
        )
        self._step(
            version,
            gear,
            "Keep picking up my methadone every day.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            day,
            sam,
        )
        self._step(
            version,
            gear,
            "Meet a peer mentor once a week.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            SECOND_STEP,
            day,
            sam,
        )
        group = self._step(
            version, gear, "Try the Tuesday recovery group.", VOICE_STAFF, StepOwner.PERSON, None, day, sam
        )
        self._assess(
            version,
            {
                "daily_living": "some",
                "substance_use": "most",
                "health": "mixed",
                "housing": "temporary",
                "support": "some",
                "time": "nothing",
                "children": "see",
                "legal": "no",
            },
            day,
            sam,
        )
        self._agree_budget(version, version.indicative_pence or 145_000, day, sam)
        self._allocate(version, [gear], 20, day, sam, service=self.service_named["Peer mentoring"])
        self._allocate(
            version, [kids], 1, day, sam, service=self.service_named["Family contact support course"]
        )
        self._allocate(version, [kids, flat], 26, day, sam, service=self.service_named["Weekly bus pass"])
        self._disagree(
            version,
            "I don't agree. I'm not sitting in a group talking about my kids. One to one is fine.",
            VOICE_PERSON,
            day,
            sam,
            step=group,
        )
        self._sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        for kind, due in self._approve(version, approved, priya):
            self._schedule(version, kind, due, priya)
        plan.updated_at = version.approved_at or plan.updated_at
        plan.revision = 3

    def marek(self) -> None:
        sam, priya = self.sam, self.priya
        created = _weekday(self.today - timedelta(days=80))
        registered = _weekday(created - timedelta(days=14))
        person = self._person(
            preferred="Marek",
            full="Marek Kowalczyk",
            born=_years_before(self.today, 47) - timedelta(days=211),
            pronouns=None,
            contact=("phone", "07700 900462"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(
            person,
            [
                (
                    "what_matters",
                    "Work. To be useful. My daughter in Gdańsk, I call her on Sundays.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "The drinking. It takes everything, the money, the work, my health.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "Stop drinking, then a driving licence. With a licence I get steady work on the sites, "
                    "not cash in hand.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "substances",
                    "Vodka or strong beer, every day. More when there is no work.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "going_well",
                    "Marek is a skilled plasterer and is offered work most weeks. He has kept every "
                    "appointment so far.",
                    VOICE_STAFF,
                    sam,
                ),
                ("support", "My friend Tomasz from work. Nobody else here.", VOICE_PERSON, sam),
            ],
            registered,
        )
        self._substances(
            person,
            [
                _Substance("Alcohol", "drinks", "every day", "a litre of vodka or 8 cans of strong beer"),
            ],
            registered,
            sam,
        )
        self._consent(
            person, "Share my care plan with my GP", "Dr Okonkwo, Parkside Surgery", registered, sam
        )
        plan, version = self._start_plan(person, sam, created, sam)
        detox = self._goal(
            version,
            "alcohol",
            "I want to do a detox and stop drinking.",
            VOICE_PERSON,
            "I tried to stop alone. My hands shake and I cannot work. I need to do it properly.",
            created,
            sam,
            target=created + timedelta(days=60),
        )
        self._step(
            version,
            detox,
            "Refer Marek to Hollybank for a detox place.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            created,
            sam,
            created + timedelta(days=7),
        )
        self._step(
            version,
            detox,
            "Two weeks residential detox.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            HOLLYBANK,
            created,
            sam,
        )
        self._step(
            version,
            detox,
            "Go to the GP for the blood test before detox.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
        )
        group = self._step(
            version,
            detox,
            "Group counselling after detox, eight weeks.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            NORTHGATE,
            created,
            sam,
        )
        licence = self._goal(
            version,
            "time",
            "I want my driving licence so I can get steady work.",
            VOICE_PERSON,
            "On the sites they pay more if you can drive the van. I want a proper job with papers.",
            created,
            sam,
            target=created + timedelta(days=300),
        )
        self._step(
            version, licence, "Pass the theory test.", VOICE_PERSON, StepOwner.PERSON, None, created, sam
        )
        self._step(
            version,
            licence,
            "Driving theory course and test.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            START_RIGHT,
            created,
            sam,
        )
        self._step(
            version,
            licence,
            "Twenty driving lessons after the detox.",
            VOICE_PERSON,
            StepOwner.SOMEONE_ELSE,
            "driving instructor",
            created,
            sam,
        )
        self._assess(
            version,
            {
                "daily_living": "none",
                "substance_use": "all",
                "health": "mixed",
                "housing": "at_risk",
                "support": "none",
                "time": "some",
                "children": "no",
                "legal": "no",
            },
            created,
            sam,
        )
        self._agree_budget(
            version, 195_000, created, priya
        )  # above the indicative amount: the manager agreed it
        self._allocate(
            version, [detox], 2, created, sam, service=self.service_named["Residential alcohol detox"]
        )
        self._allocate(
            version, [licence], 1, created, sam, service=self.service_named["Driving theory course and test"]
        )
        lessons = self._propose(
            person,
            plan,
            (
                "Driving lessons",
                "A local driving school",
                "driving",
                ServiceUnit.HOUR,
                3200,
                "With a licence I can drive the van for a building firm. This is my way back to proper work.",
                None,
            ),
            created,
            sam,
        )
        decided = _weekday(created + timedelta(days=1))
        self._decide(
            lessons,
            True,
            max(created, decided),
            priya,
            price=3000,
            note="Approved at £30 an hour: the school offers a discount for a block of lessons.",
        )
        self._allocate(version, [licence], 20, max(created, decided), sam, proposal=lessons)
        self._disagree(
            version,
            "I don't agree I need group counselling. I don't want to talk about my life "
            "to strangers. Write down that I said no.",
            VOICE_PERSON,
            max(created, decided),
            sam,
            step=group,
        )
        agreed = _weekday(created + timedelta(days=8))
        self._sign_both(version, agreed, sam, SignatureMethod.DRAWN)
        approved = _weekday(agreed + timedelta(days=1))
        reviews = self._approve(version, max(agreed, approved), priya)
        activated = max(agreed, _weekday(approved + timedelta(days=2)))
        self._activate(version, [version], activated, sam)
        self._progress(detox, GoalStatus.UNDER_WAY)
        self._progress(licence, GoalStatus.UNDER_WAY)
        for kind, due in reviews:
            review = self._schedule(version, kind, due, priya)
            if kind is ReviewKind.EARLY and due < self.yesterday:
                self._record_review(
                    review,
                    version,
                    max(due, min(self.yesterday, _weekday(due + timedelta(days=2)))),
                    sam,
                    {"alcohol": 5, "physical_health": 5, "money": 4, "time": 6},
                    "Detox was hard. Two weeks without a drink now. I passed the theory test.",
                    "Completed the detox. Theory test passed first time. Lessons start next week.",
                )
                self._progress(detox, GoalStatus.ACHIEVED)
        plan.updated_at = version.activated_at or plan.updated_at
        plan.revision = 4

    def jordan(self) -> None:
        sam, priya, chris = self.sam, self.priya, self.chris
        created = _weekday(self.today - timedelta(days=140))
        registered = _weekday(created - timedelta(days=10))
        person = self._person(
            preferred="Jordan",
            full="Jordan Reid",
            born=_years_before(self.today, 22) - timedelta(days=40),
            pronouns="they/them",
            contact=("email", "jordan.reid22@example.org"),
            worker=sam,
            registered=registered,
            by=sam,
        )
        self._about_me(
            person,
            [
                (
                    "what_matters",
                    "Being left alone to get on with things. My cat. Gaming with my mates online.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "want_to_change",
                    "I smoke weed from when I wake up. I want to not need it to get through the day.",
                    VOICE_PERSON,
                    sam,
                ),
                (
                    "hopes",
                    "A college course in September. Getting fit. "
                    "Talking to someone who's actually been there, not another assessment.",
                    VOICE_PERSON,
                    chris,
                ),
                ("substances", "Weed every day. Ket at weekends with friends.", VOICE_PERSON, sam),
                ("going_well", "Going to the gym twice a week since I got the pass.", VOICE_PERSON, chris),
                ("support", "My nan. Chris at the drop-in.", VOICE_PERSON, chris),
            ],
            registered,
        )
        self._substances(
            person,
            [
                _Substance("Cannabis", "smoked", "every day", "an eighth every three days"),
                _Substance("Ketamine", "snorted", "weekends", "half a gram"),
            ],
            registered,
            sam,
        )
        self._consent(
            person, "Share my care plan with my GP", "Dr Begum, Hollins Health Centre", registered, sam
        )
        plan, v1 = self._start_plan(person, sam, created, sam)
        fit = self._goal(
            v1,
            "physical_health",
            "I want to get fit and get out of the house more.",
            VOICE_PERSON,
            "When I'm stuck in my room I smoke more.",
            created,
            sam,
        )
        self._step(v1, fit, "Go to the gym twice a week.", VOICE_PERSON, StepOwner.PERSON, None, created, sam)
        self._step(v1, fit, "Gym pass.", VOICE_STAFF, StepOwner.SERVICE, RIVERSIDE, created, sam)
        college = self._goal(
            v1,
            "time",
            "I want to do a college course.",
            VOICE_PERSON,
            "I want to work with computers properly, not just games.",
            created,
            sam,
            target=created + timedelta(days=200),
        )
        self._step(
            v1,
            college,
            "Look at the Eastfield College website and pick a course.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
            created + timedelta(days=14),
        )
        self._step(
            v1,
            college,
            "Help with the application and the fee form.",
            VOICE_STAFF,
            StepOwner.WORKER,
            None,
            created,
            sam,
        )
        peer = self._goal(
            v1,
            "mental_health",
            "I want to talk to someone who's been there, not another assessment.",
            VOICE_PERSON,
            "Workers ask the same questions every time. I want someone who gets it.",
            created,
            chris,
        )
        self._step(
            v1,
            peer,
            "Meet a peer mentor every week.",
            VOICE_STAFF,
            StepOwner.SERVICE,
            SECOND_STEP,
            created,
            sam,
        )
        self._step(
            v1,
            peer,
            "Introduce Jordan to the Thursday peer group.",
            VOICE_STAFF,
            StepOwner.WORKER,
            "Chris Doyle (peer mentor)",
            created,
            chris,
        )
        weed = self._goal(
            v1,
            "drugs",
            "I want to stop smoking weed in the daytime.",
            VOICE_PERSON,
            "I want to remember what I did all day.",
            created,
            sam,
        )
        self._step(
            v1,
            weed,
            "No smoking before 6pm on college days.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            created,
            sam,
        )
        self._assess(
            v1,
            {
                "daily_living": "none",
                "substance_use": "some",
                "health": "mixed",
                "housing": "settled",
                "support": "some",
                "time": "nothing",
                "children": "no",
                "legal": "no",
            },
            created,
            sam,
        )
        self._agree_budget(v1, v1.indicative_pence or 70_000, created, sam)
        self._allocate(v1, [fit], 12, created, sam, service=self.service_named["Gym pass"])
        peer_alloc = self._allocate(
            v1, [peer], 10, created, sam, service=self.service_named["Peer mentoring"]
        )
        self._allocate(v1, [college], 1, created, sam, service=self.service_named["Introduction to IT"])
        agreed1 = _weekday(created + timedelta(days=6))
        self._sign_both(v1, agreed1, sam, SignatureMethod.TYPED)
        approved1 = max(agreed1, _weekday(agreed1 + timedelta(days=1)))
        reviews1 = self._approve(v1, approved1, priya)
        activated1 = max(approved1, _weekday(approved1 + timedelta(days=1)))
        self._activate(v1, [v1], activated1, sam)
        for goal in (fit, college, peer):
            self._progress(goal, GoalStatus.UNDER_WAY)
        early_kind, early_due = reviews1[0]
        early = self._schedule(v1, early_kind, early_due, priya)
        early_done = max(activated1, _weekday(early_due))
        self._record_review(
            early,
            v1,
            early_done,
            sam,
            {"drugs": 3, "mental_health": 3, "physical_health": 4, "time": 3},
            "Gym is OK. Still smoking most of the day.",
            "Jordan has been to the gym most weeks and has met Chris twice.",
        )
        three_kind, three_due = reviews1[1]
        three = self._schedule(v1, three_kind, three_due, priya)
        three_done = max(early_done, _weekday(three_due))
        self._record_review(
            three,
            v1,
            three_done,
            sam,
            {"drugs": 5, "mental_health": 5, "physical_health": 6, "time": 7},
            "Gym is going OK. Chris is sound. I got a place on the IT course. "
            "Still smoking but not before college.",
            "Jordan applied for the IT course and got a place. Gym twice a week most weeks. "
            "Wants to try a climbing wall instead of the gym next.",
        )
        self._progress(college, GoalStatus.ACHIEVED)
        self._progress(weed, GoalStatus.UNDER_WAY)
        v2 = self._copy(v1, three_done, sam)
        v2_college = next(g for g in v2.goals if g.key == college.key)
        v2_college.wording = self._text(
            "I want to finish my IT course.", VOICE_PERSON, person, sam, three_done
        )
        v2_college.why = self._text(
            "I've started now. I want the certificate.", VOICE_PERSON, person, sam, three_done
        )
        self._progress(v2_college, GoalStatus.UNDER_WAY)
        self._event(self._moment(three_done), sam, "update", "goal", v2_college.id, ("wording", "why"))
        self._step(
            v2,
            v2_college,
            "Go to every Tuesday class.",
            VOICE_PERSON,
            StepOwner.PERSON,
            None,
            three_done,
            sam,
        )
        assert peer_alloc is not None
        v2_peer = next(a for a in v2.allocations if a.key == peer_alloc.key)
        v2_peer.quantity = Decimal("20.00")
        v2_peer.total_pence = line_total_pence(v2_peer.quantity, v2_peer.unit_price_pence)
        self._event(self._moment(three_done), sam, "update", "allocation", v2_peer.id, ("quantity", "goals"))
        agreed2 = _weekday(three_done + timedelta(days=2))
        agreed2 = max(three_done, agreed2)
        self._sign_both(v2, agreed2, sam, SignatureMethod.TYPED)
        approved2 = max(agreed2, _weekday(agreed2 + timedelta(days=1)))
        reviews2 = self._approve(v2, approved2, priya)
        activated2 = max(approved2, _weekday(approved2 + timedelta(days=1)))
        self._activate(v2, [v1, v2], activated2, sam)
        for kind, due in reviews2:
            self._schedule(v2, kind, due, priya)
        climbing = self._propose(
            person,
            plan,
            (
                "Climbing wall membership",
                "The Boulder Shed",
                "sport and fitness",
                ServiceUnit.ITEM,
                3800,
                "I'm bored of the gym. Climbing is something I'd actually stick at, "
                "and the people there are sound.",
                None,
            ),
            max(activated2, _weekday(self.yesterday - timedelta(days=5))),
            sam,
        )
        assert climbing.status == ProposalStatus.PENDING.value
        plan.updated_at = v2.activated_at or plan.updated_at
        plan.revision = 8

    # --- writing -----------------------------------------------------------------------------

    def _assign_caseloads(self) -> list[_Staff]:
        """A key worker for each person: caseloads of 40 to 60 when there are enough people."""
        r = self.r
        workers = self.key_workers
        total = self.total
        persona = min(_PERSONA_COUNT, total)
        if total >= 40 * len(workers):
            sizes = [min(52, total)] + [self._int(40, 60) for _ in workers[1:]]
            difference = total - sum(sizes)
            for _ in range(abs(difference) * 4 + 100):
                if difference == 0:
                    break
                index = self._int(1, len(workers) - 1) if len(workers) > 1 else 0
                if difference > 0 and sizes[index] < 60:
                    sizes[index] += 1
                    difference -= 1
                elif difference < 0 and sizes[index] > 40:
                    sizes[index] -= 1
                    difference += 1
            if difference:
                sizes[-1] += difference
            pool = [w for w, n in zip(workers, sizes, strict=True) for _ in range(n)]
            for _ in range(persona):
                pool.remove(self.sam)
        else:
            pool = [workers[(i + 1) % len(workers)] for i in range(total - persona)]
        r.shuffle(pool)
        return [self.sam] * persona + pool

    def _flush(self) -> None:
        rows = self.rows
        for person in self.o_people:
            rows["people"].append(
                {
                    "id": person.id,
                    "reference": person.reference,
                    "preferred_name": person.preferred_name,
                    "full_name": person.full_name,
                    "date_of_birth": person.date_of_birth,
                    "pronouns": person.pronouns,
                    "contact_how": person.contact_how,
                    "contact_details": person.contact_details,
                    "key_worker_id": person.key_worker.id,
                    "created_at": person.created_at,
                    "updated_at": person.created_at,
                    "revision": 1,
                }
            )
        for plan in self.o_plans:
            rows["plans"].append(
                {
                    "id": plan.id,
                    "key": plan.key,
                    "person_id": plan.person.id,
                    "key_worker_id": plan.key_worker.id,
                    "created_at": plan.created_at,
                    "updated_at": plan.updated_at,
                    "revision": plan.revision,
                }
            )
        for proposal in self.o_proposals:
            rows["proposals"].append(
                {
                    "id": proposal.id,
                    "person_id": proposal.person_id,
                    "plan_id": proposal.plan_id,
                    "what": proposal.what,
                    "who_might_provide": proposal.who_might_provide,
                    "category": proposal.category,
                    "unit": proposal.unit,
                    "estimated_cost_pence": proposal.estimated_cost_pence,
                    "why_id": proposal.why.id,
                    "status": proposal.status,
                    "created_by_id": proposal.created_by_id,
                    "created_at": proposal.created_at,
                    "decided_by_id": proposal.decided_by_id,
                    "decided_at": proposal.decided_at,
                    "decision_note": proposal.decision_note,
                    "approved_unit_price_pence": proposal.approved_unit_price_pence,
                }
            )
            self.proposal_count[proposal.status] += 1
        for version in self.o_versions:
            self.status_count[version.status] += 1
            rows["plan_versions"].append(
                {
                    "id": version.id,
                    "plan_id": version.plan.id,
                    "number": version.number,
                    "status": version.status,
                    "based_on_id": version.based_on_id,
                    "created_at": version.created_at,
                    "created_by_id": version.created_by_id,
                    "period_start": version.period_start,
                    "period_end": version.period_end,
                    "indicative_pence": version.indicative_pence,
                    "indicative_working": version.indicative_working,
                    "agreed_budget_pence": version.agreed_budget_pence,
                    "frozen_sha256": version.frozen_sha256,
                    "frozen_canonical": version.frozen_canonical,
                    "agreed_at": version.agreed_at,
                    "approved_at": version.approved_at,
                    "approved_by_id": version.approved_by_id,
                    "activated_at": version.activated_at,
                    "ended_at": version.ended_at,
                }
            )
            for goal in version.goals:
                rows["goals"].append(
                    {
                        "id": goal.id,
                        "version_id": version.id,
                        "key": goal.key,
                        "position": goal.position,
                        "wording_id": goal.wording.id,
                        "why_id": goal.why.id if goal.why else None,
                        "life_area_id": goal.life_area.id,
                        "target_date": goal.target_date,
                        "status": goal.status,
                    }
                )
                for step in goal.steps:
                    rows["steps"].append(
                        {
                            "id": step.id,
                            "goal_id": goal.id,
                            "key": step.key,
                            "position": step.position,
                            "what_id": step.what.id,
                            "owner": step.owner,
                            "owner_detail": step.owner_detail,
                            "due_date": step.due_date,
                            "done": step.done,
                        }
                    )
            for allocation in version.allocations:
                rows["allocations"].append(
                    {
                        "id": allocation.id,
                        "version_id": version.id,
                        "key": allocation.key,
                        "service_id": allocation.service_id,
                        "proposal_id": allocation.proposal_id,
                        "description": allocation.description,
                        "category": allocation.category,
                        "unit": allocation.unit,
                        "quantity": allocation.quantity,
                        "unit_price_pence": allocation.unit_price_pence,
                        "total_pence": allocation.total_pence,
                        "period_start": allocation.period_start,
                        "period_end": allocation.period_end,
                        "override_reason": allocation.override_reason,
                        "override_by_id": allocation.override_by_id,
                    }
                )
                for goal in allocation.goals:
                    rows["allocation_goals"].append({"allocation_id": allocation.id, "goal_id": goal.id})
            self._bump("allocations", len(version.allocations))
            for note in version.disagreements:
                rows["disagreements"].append(
                    {
                        "id": note.id,
                        "version_id": version.id,
                        "key": note.key,
                        "goal_id": note.goal_id,
                        "step_id": note.step_id,
                        "allocation_id": note.allocation_id,
                        "text_id": note.text.id,
                    }
                )
        for review in self.o_reviews:
            rows["reviews"].append(
                {
                    "id": review.id,
                    "plan_id": review.plan_id,
                    "version_id": review.version_id,
                    "kind": review.kind,
                    "due_date": review.due_date,
                    "completed_on": review.completed_on,
                    "completed_by_id": review.completed_by_id,
                    "person_notes_id": review.person_notes.id if review.person_notes else None,
                    "worker_notes_id": review.worker_notes.id if review.worker_notes else None,
                }
            )
            for area_id, rating in review.ratings.items():
                rows["review_ratings"].append(
                    {"review_id": review.id, "life_area_id": area_id, "rating": rating}
                )
            self._bump("reviews")
            if review.completed_on is not None:
                self._bump("reviews_completed")
            elif review.due_date < self.today:
                self._bump("reviews_overdue")
        self.o_people, self.o_plans, self.o_versions = [], [], []
        self.o_reviews, self.o_proposals = [], []
        for name in _TABLES_IN_ORDER:
            batch = rows[name]
            if batch:
                self._insert(name, batch)
                rows[name] = []

    def _insert(self, name: str, batch: list[dict[str, Any]]) -> None:
        """Insert many rows at once.

        On SQLite the rows go straight to the driver's ``executemany``, each value passed through
        the column type's own bind processor (so the stored values are exactly what SQLAlchemy
        would store); that skips SQLAlchemy's per-row statement work, which costs more than the
        insert itself. Elsewhere, SQLAlchemy Core's executemany.

        A ``None`` in a JSON column is stored as SQL NULL (not JSON ``null``), as the ORM does
        when the attribute was never set.
        """
        table = Base.metadata.tables[name]
        if self._fast is None:
            json_columns = [c.name for c in table.columns if isinstance(c.type, JSON)]
            groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
            for row in batch:
                absent = tuple(c for c in json_columns if row.get(c) is None)
                groups.setdefault(absent, []).append(
                    {k: v for k, v in row.items() if k not in absent} if absent else row
                )
            for group in groups.values():
                self.session.execute(insert(table), group)
            return
        prepared = self._fast.get(name)
        if prepared is None:
            dialect = self._fast_dialect
            quote = dialect.identifier_preparer.quote
            columns = [c.name for c in table.columns]
            statement = (
                f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})"
            )
            processors: list[tuple[int, Callable[[Any], Any]]] = []
            for index, column in enumerate(table.columns):
                found = column.type.dialect_impl(dialect).bind_processor(dialect)
                if found is not None:
                    processors.append((index, _quicker(column.type, found)))
            prepared = (statement, columns, processors)
            self._fast[name] = prepared
        statement, columns, processors = prepared
        values_of = itemgetter(*columns)
        data = [list(values_of(row)) for row in batch]
        for position, convert in processors:
            # The same object (a list of audit field names, a signature shape) is converted once.
            done: dict[int, Any] = {}
            for values in data:
                value = values[position]
                if value is not None:
                    key = id(value)
                    converted = done.get(key)
                    if converted is None:
                        converted = done[key] = convert(value)
                    values[position] = converted
        driver = self.session.connection().connection.dbapi_connection
        assert driver is not None
        driver.executemany(statement, data)

    def _write_audit(self) -> int:
        self.events.sort(key=itemgetter(0))  # stable: same-moment events keep the order they happened in
        seq, prev = self.head_seq, self.head_hash
        table = Base.metadata.tables[AuditEvent.__tablename__]
        batch: list[dict[str, Any]] = []
        shared: dict[tuple[str, ...], list[str]] = {}
        for at, _, staff_id, action, entity, entity_id, fields in self.events:
            seq += 1
            names = shared.get(fields)
            if names is None:
                names = shared[fields] = list(fields)
            digest = event_hash(seq, at, staff_id, action, entity, entity_id, names, prev)
            batch.append(
                {
                    "id": seq,
                    "at": at,
                    "staff_id": staff_id,
                    "action": action,
                    "entity": entity,
                    "entity_id": entity_id,
                    "fields": names,
                    "prev_hash": prev,
                    "hash": digest,
                }
            )
            prev = digest
            if len(batch) >= _AUDIT_BATCH:
                self._insert(table.name, batch)
                batch = []
        if batch:
            self._insert(table.name, batch)
        self.session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=seq, last_hash=prev))
        return len(self.events)

    def _advance_sequences(self) -> None:
        """Ids were chosen here, so PostgreSQL's id sequences must be moved past them."""
        bind = self.session.get_bind()
        if bind.dialect.name != "postgresql":
            return
        for name in _TABLES_WITH_IDS:
            self.session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT MAX(id) FROM {name}))")
            )

    def run(self, progress: ProgressCallback | None) -> DemoSummary:
        self.load()
        self.make_staff()
        self.make_catalogue()
        self._flush()
        workers = self._assign_caseloads()
        chunk = 100 if self.total <= 2000 else 250
        personas = (self.dee, self.marek, self.jordan)
        for index in range(self.total):
            self._clock = {}
            if index < _PERSONA_COUNT:
                personas[index]()
            else:
                self.generic_person(index - _PERSONA_COUNT, workers[index])
            if (index + 1) % chunk == 0 or index + 1 == self.total:
                self._flush()
                if progress is not None:
                    progress(index + 1, self.total)
        self._flush()
        events = self._write_audit()
        self._advance_sequences()
        return DemoSummary(
            staff=self.count.get("staff", 0),
            providers=self.count.get("providers", 0),
            services=self.count.get("services", 0),
            people=self.count.get("people", 0),
            plans=self.count.get("plans", 0),
            versions_by_status=dict(self.status_count),
            proposals_by_status=dict(self.proposal_count),
            allocations=self.count.get("allocations", 0),
            reviews=self.count.get("reviews", 0),
            reviews_completed=self.count.get("reviews_completed", 0),
            reviews_overdue=self.count.get("reviews_overdue", 0),
            consents=self.count.get("consents", 0),
            audit_events=events,
        )


def generate(
    db: Database,
    *,
    people: int = 200,
    seed: int = 1,
    progress: ProgressCallback | None = None,
    today: date | None = None,
) -> DemoSummary:
    """Fill a new, empty database with synthetic demo data.

    The same ``seed`` and ``today`` always give exactly the same data. ``progress(done, total)`` is
    called as people are made. A database that already has people in it is refused.
    """
    if people < 0:
        raise InvalidInput("The number of people cannot be less than zero.", "people")
    day = today or date.today()
    with db.session() as session, session.begin():
        # Take the audit chain's lock first, like every write, so nobody else writes meanwhile.
        session.execute(update(AuditHead).where(AuditHead.id == 1).values(last_seq=AuditHead.last_seq))
        if session.scalar(select(func.count()).select_from(Person)):
            raise InvalidTransition(
                "This database already has people in it, so demo data was not added. "
                "Demo data goes into a new database: choose a new file with --database."
            )
        if db.is_sqlite:
            # A bigger page cache for this one connection (it closes afterwards): far fewer page
            # writes while a large database is filled in one transaction.
            session.connection().exec_driver_sql("PRAGMA cache_size = -65536")
        builder = _Builder(session, random.Random(seed), day, people)
        summary = builder.run(progress)
        session.add(
            Setting(key=DEMO_SETTING, value={"seed": seed, "people": people, "made_on": day.isoformat()})
        )
        return summary


DEMO_SETTING = "demo"


def demo_marker(db: Database) -> dict[str, Any] | None:
    """What ``generate`` made this database with (seed, people, day), or None for real data."""
    with db.session() as session:
        setting = session.get(Setting, DEMO_SETTING)
        return dict(setting.value) if setting is not None else None
