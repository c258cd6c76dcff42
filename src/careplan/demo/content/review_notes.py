"""What people and their workers say at a review, topic by topic, when it went well and when not;
what a person says asking for a review, why a worker brings one forward, and why a plan changes.

All our own invented wording."""

from __future__ import annotations

# fmt: off
PERSON_WORKING: tuple[str, ...] = (
    "I've not used for three weeks.", "I'm sleeping again.",
    "The gym helps more than I thought it would.", "I went to see my kids twice this month.",
    "College is hard but I'm still going.", "Seeing my mentor every week. That helps.",
    "Getting my script every day without missing.", "I'm eating proper meals again.",
    "Having the bus pass means I actually get to appointments.",
)
PERSON_NOT_WORKING: tuple[str, ...] = (
    "I used again after my mum went into hospital.", "I'm struggling with the money.",
    "I missed a lot of sessions. I want to try again.", "The group isn't for me.",
    "The hostel is noisy. I can't sleep there.", "Mornings are still the worst.",
    "I keep putting off the doctor.",
)
PERSON_CHANGED: tuple[str, ...] = (
    "I feel more like me.", "I'm proud of myself, to be honest.",
    "Nothing's really changed. I'm still stuck in the same place.",
    "I've got my own key now.", "I talk to my sister again.",
    "It's been hard. I don't want to give up though.", "I've got a bit of routine now.",
)
STAFF_WORKING: tuple[str, ...] = (
    "Came to most sessions. Reports using less and feeling more settled.",
    "Goals on track. The housing application is in.",
    "Good progress: finished the course and wants to do the next level.",
    "Regular contact with the peer mentor; says it helps.",
    "Collecting prescription reliably; pharmacy has no concerns.",
)
STAFF_NOT_WORKING: tuple[str, ...] = (
    "Missed two appointments and lost the room at the hostel. Agreed to meet weekly for now.",
    "Use has gone up since the court date. We talked about a detox referral.",
    "Money is still tight: rent arrears are building up.",
    "The group sessions have not suited; we looked at one-to-one instead.",
)
STAFF_CHANGED: tuple[str, ...] = (
    "Much more settled than at the start. Plan mostly working as written.",
    "Little change this time. We agreed to keep the plan as it is and look again next review.",
    "Moved into a supported flat since the last review.",
    "Now volunteering two mornings a week.",
    "A harder few months; we agreed what to try next together.",
)
GOAL_NOTES_WELL: tuple[str, ...] = (
    "Doing this most weeks now.", "Done it. Next step booked.", "Better than last time.",
    "Going fine.", "Nearly there.",
)
GOAL_NOTES_HARD: tuple[str, ...] = (
    "Not managed it yet.", "Hard with everything else going on.", "Want to keep trying.",
    "Put this on hold for now.",
)
ASKED_WORDS: tuple[str, ...] = (
    "Can we look at my plan again? Things have changed.",
    "I want to talk about the money. It's not working.",
    "I've got a flat. The plan needs to change.",
    "I'm not doing well. I want to sit down and go through it.",
    "I want to change one of my goals.",
    "The course finished. What next?",
)
FORWARD_REASONS: tuple[str, ...] = (
    "Lost the hostel room; the plan needs looking at sooner.",
    "Court date next month; review before it.",
    "Finished the detox early; time to plan the next part.",
    "Missed three sessions in a row; review sooner to see what would help.",
    "Moving to a new area; the plan needs to change.",
)
CHANGE_REASONS: tuple[str, ...] = (
    "New goals now the first ones are done.", "The plan needs to fit the new flat.",
    "Changing the support to one-to-one.", "Money moved to what is working.",
)
# fmt: on
