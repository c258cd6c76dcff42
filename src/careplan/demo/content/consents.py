"""Consents: what people agree may be shared, and with whom ({placeholders} are filled in)."""

from __future__ import annotations

# fmt: off
CONSENTS: tuple[tuple[str, str], ...] = (
    ("Share my care plan with my GP", "{doctor}, {surgery}"),
    ("Talk to my probation officer about how I'm getting on", "Probation service"),
    ("Share my plan with my children's social worker", "Children's services"),
    ("Talk to the hostel staff about my plan", "{hostel}"),
    ("Share my prescription details with the pharmacy", "{pharmacy}"),
    ("Share my plan with the housing officer", "Housing options team"),
)
# fmt: on
