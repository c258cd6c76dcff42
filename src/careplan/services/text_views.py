"""Free text as the workspace shows it: the words, and whose words they are (plain data)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from careplan.domain.enums import AuthorKind
from careplan.domain.records import AuthoredText
from careplan.domain.wording.voices import staff_member, words_of


@dataclass(frozen=True)
class Author:
    """Whose words: the person, or a staff member in a role."""

    kind: AuthorKind
    name: str
    role: str | None

    @property
    def label(self) -> str:
        if self.kind is AuthorKind.PERSON:
            return words_of(self.name)
        return staff_member(self.name, self.role)


@dataclass(frozen=True)
class TextView:
    id: int
    body: str
    author: Author
    written_at: datetime


def text_view(text: AuthoredText | None, person_name: str) -> TextView | None:
    if text is None:
        return None
    if text.author_kind == AuthorKind.PERSON:
        author = Author(AuthorKind.PERSON, person_name, None)
    else:
        author = Author(
            AuthorKind.STAFF, text.staff.display_name if text.staff else "Staff", text.author_role
        )
    return TextView(text.id, text.body, author, text.written_at)
