"""About me: answers in people's own words, and a few written by staff with their agreement."""

from __future__ import annotations

from careplan.services.people import ABOUT_ME_TOPICS

# fmt: off
ABOUT_ME_WORDS: dict[str, tuple[str, ...]] = {
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
ABOUT_ME_STAFF_WORDS: dict[str, tuple[str, ...]] = {
    "support": ("Has a supportive sister who comes to some appointments and is happy to be contacted.",
                "Says there is nobody at the moment; we talked about the peer-led group."),
    "going_well": ("Comes to the drop-in most weeks and gets on well with the peer mentors.",
                   "Has kept every appointment since the first assessment."),
    "what_matters": ("Prefers appointments after 11am. Reading and writing are hard, so we read "
                     "letters through together.",
                     "Asked us not to phone at work. Text messages are fine."),
}

ABOUT_ME_ORDER = tuple(ABOUT_ME_TOPICS)
# fmt: on
