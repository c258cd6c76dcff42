"""Review notes: what people and their workers say at a review, when it went well and when not."""

from __future__ import annotations

# fmt: off
PERSON_REVIEW_GOOD: tuple[str, ...] = (
    "Things are better. I've not used for three weeks.", "I'm sleeping again.",
    "The gym helps more than I thought it would.", "I went to see my kids twice this month.",
    "College is hard but I'm still going.", "I feel more like me.",
    "I'm proud of myself, to be honest.",
)
PERSON_REVIEW_HARD: tuple[str, ...] = (
    "Bad few weeks. I used again after my mum went into hospital.", "I'm struggling with the money.",
    "Nothing's really changed. I'm still stuck in the same place.",
    "I missed a lot of sessions. I want to try again.", "It's been hard. I don't want to give up though.",
)
STAFF_REVIEW_GOOD: tuple[str, ...] = (
    "Came to most sessions. Reports using less and feeling more settled.",
    "Goals on track. The housing application is in.",
    "Good progress: finished the course and wants to do the next level.",
    "Much more settled than at the start. Plan mostly working as written.",
)
STAFF_REVIEW_HARD: tuple[str, ...] = (
    "A difficult period: missed two appointments and lost the room at the hostel. "
    "Agreed to meet weekly for now.",
    "Use has gone up since the court date. We talked about a detox referral.",
    "Little change this time. We agreed to keep the plan as it is and look again next review.",
)
# fmt: on
