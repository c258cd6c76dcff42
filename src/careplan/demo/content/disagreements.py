"""Disagreements: what people and staff write when they do not agree with part of a plan."""

from __future__ import annotations

# fmt: off
PERSON_DISAGREEMENTS: tuple[str, ...] = (
    "I don't agree with this. I've done groups before and they don't work for me.",
    "I don't agree. I'm not ready to cut my script yet.",
    "I don't want my mum involved. Leave her out of it.",
    "That's too fast for me. I said so at the time.",
    "I don't agree. I want it written down that I asked for one-to-one.",
)
PERSON_PLAN_DISAGREEMENTS: tuple[str, ...] = (
    "I don't agree with the amount. I was told it would be more.",
    "I don't agree that I need to check in every week. Every fortnight is enough.",
)
STAFF_DISAGREEMENTS: tuple[str, ...] = (
    "I'm worried this is too much at once. We agreed to look again at the first review.",
    "I think a detox without aftercare is risky. I've written this so we can come back to it.",
    "I'm not sure this fits with the script pickup times. We'll see how it goes.",
    "I'd rather we waited until things are steadier, but it's their choice and I respect it.",
)
# fmt: on
