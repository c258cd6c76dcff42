"""The catalogue: providers, their services and prices, and how much of a service people choose."""

from __future__ import annotations

from careplan.domain.enums import ServiceUnit

# fmt: off
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
QUANTITIES: dict[ServiceUnit, tuple[int, ...]] = {
    ServiceUnit.HOUR: (6, 8, 10, 12, 12, 16, 20),
    ServiceUnit.SESSION: (4, 6, 8, 8, 10, 12),
    ServiceUnit.WEEK: (4, 8, 12, 12, 26),
    ServiceUnit.ITEM: (1, 1, 2, 3),
    ServiceUnit.COURSE: (1,),
}

# Why a manager agreed to go over the budget.
OVERRIDE_REASONS: tuple[str, ...] = (
    "A detox place came up at short notice. The extra is worth it; agreed at the team meeting.",
    "The course fee went up after the budget was set. Agreed to cover the difference.",
    "Agreed to go over for a few weeks while the housing move happens.",
)
# fmt: on
