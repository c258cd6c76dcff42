"""Who is acting and whose words a text is: the two words every use case and page share."""

from __future__ import annotations

from dataclasses import dataclass

from careplan.domain.enums import AuthorKind


@dataclass(frozen=True)
class Actor:
    """The member of staff at the keyboard. Every use case takes one."""

    staff_id: int


@dataclass(frozen=True)
class Voice:
    """Whose words a new piece of text is: the person the record is about, or the staff member."""

    kind: AuthorKind

    @classmethod
    def person(cls) -> Voice:
        return cls(AuthorKind.PERSON)

    @classmethod
    def staff(cls) -> Voice:
        return cls(AuthorKind.STAFF)


PERSON = Voice.person()
STAFF = Voice.staff()
