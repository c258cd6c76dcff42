"""Whose words a text is, and who takes a step: "Dee's words", "Sam Okafor (key worker)", "my worker"."""

from __future__ import annotations

from careplan.domain.enums import StepOwner

MY_WORDS = "my words"
"""Whose words, said by the person themselves (the easy-read agreement)."""

STEP_OWNER_WORDS: dict[StepOwner, str] = {
    StepOwner.PERSON: "me",
    StepOwner.WORKER: "my worker",
    StepOwner.SERVICE: "a service",
    StepOwner.SOMEONE_ELSE: "someone else",
}


def words_of(name: str) -> str:
    """ "Dee's words"."""
    return f"{name}'s words"


def staff_member(name: str, role: str | None) -> str:
    """ "Sam Okafor (key worker)", or the name alone when the role is not known."""
    role_words = (role or "").replace("_", " ")
    return f"{name} ({role_words})" if role_words else name


def step_owner_words(owner: str) -> str:
    """ "my worker": who takes a step, in the person's words."""
    try:
        return STEP_OWNER_WORDS[StepOwner(owner)]
    except ValueError:
        return owner.replace("_", " ")
