"""Free text, and whose words it is."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.enums import AuthorKind, Role
from careplan.domain.records.base import Base, utcnow
from careplan.domain.records.staff import StaffMember

if TYPE_CHECKING:
    from careplan.domain.records.people import Person


class AuthoredText(Base):
    """One piece of free text and whose words it is.

    ``author_kind`` says whose voice it is; ``recorded_by`` says who typed it (a key worker often
    types what the person says, as they say it).
    """

    __tablename__ = "texts"

    id: Mapped[int] = mapped_column(primary_key=True)
    body: Mapped[str] = mapped_column(Text)
    author_kind: Mapped[AuthorKind] = mapped_column(String(10))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    author_role: Mapped[Role | None] = mapped_column(String(20))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    written_at: Mapped[datetime] = mapped_column(default=utcnow)

    person: Mapped[Person | None] = relationship(foreign_keys=[person_id])
    staff: Mapped[StaffMember | None] = relationship(foreign_keys=[staff_id])
    recorded_by: Mapped[StaffMember] = relationship(foreign_keys=[recorded_by_id])

    __table_args__ = (
        CheckConstraint(
            "(author_kind = 'person' AND person_id IS NOT NULL AND staff_id IS NULL)"
            " OR (author_kind = 'staff' AND staff_id IS NOT NULL AND author_role IS NOT NULL)",
            name="author",
        ),
    )
