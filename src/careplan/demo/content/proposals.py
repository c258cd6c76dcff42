"""Proposals: things people ask for that the catalogue does not have, and managers' approval notes."""

from __future__ import annotations

from careplan.domain.enums import ServiceUnit

# fmt: off
# what, who might provide, category, unit, estimate (pence), why (person's words), decline note
PROPOSALS: tuple[tuple[str, str, str, ServiceUnit, int, str, str | None], ...] = (
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
APPROVAL_NOTES: tuple[str | None, ...] = (
    None, "Approved. Please keep receipts.", "Approved at the price the provider quoted.",
    "Approved: a good fit with the goals in the plan.",
)
# fmt: on
