"""The default life areas, in our own wording. The list itself is configurable in the database."""

from __future__ import annotations

DEFAULT_LIFE_AREAS: tuple[tuple[str, str], ...] = (
    ("drugs", "Drug use"),
    ("alcohol", "Alcohol use"),
    ("physical_health", "Physical health"),
    ("mental_health", "Mental and emotional health"),
    ("housing", "Where I live"),
    ("money", "Money"),
    ("time", "How I spend my time (work, training, volunteering)"),
    ("family", "Family and relationships"),
    ("community", "Friends and community"),
    ("legal", "Legal matters"),
)
