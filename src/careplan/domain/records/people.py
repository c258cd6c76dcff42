"""The people who use the service: who they are, their About me, what they use, what they agree
to share, and who works with them (their peer mentor, a colleague covering)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.records.base import Base, FoldedText, utcnow
from careplan.domain.records.staff import StaffMember
from careplan.domain.records.texts import AuthoredText

if TYPE_CHECKING:
    from careplan.domain.records.plans import Plan


class Person(Base):
    """A person who uses the service. Their About me lives in :class:`AboutMeEntry` rows."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    preferred_name: Mapped[str] = mapped_column(String(120), index=True)
    full_name: Mapped[str] = mapped_column(String(200), index=True)
    date_of_birth: Mapped[date | None]
    pronouns: Mapped[str | None] = mapped_column(String(40))
    contact_how: Mapped[str | None] = mapped_column(String(40))
    contact_details: Mapped[str | None] = mapped_column(String(200))
    key_worker_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)

    key_worker: Mapped[StaffMember | None] = relationship()
    about_me: Mapped[list[AboutMeEntry]] = relationship(back_populates="person", cascade="all, delete-orphan")
    substances: Mapped[list[SubstanceUse]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="SubstanceUse.position"
    )
    plans: Mapped[list[Plan]] = relationship(back_populates="person")
    consents: Mapped[list[Consent]] = relationship(back_populates="person")

    __mapper_args__ = {"version_id_col": revision}


class PersonWord(Base):
    """One word of a person's preferred name, full name or reference, folded (lower case,
    accents off), so a typed word is found by an index range instead of reading every person.
    Kept up to date by the use cases that register or rename a person."""

    __tablename__ = "person_words"
    __table_args__ = {"sqlite_with_rowid": False}

    word: Mapped[str] = mapped_column(FoldedText, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, index=True)


class PersonNameKey(Base):
    """A person's preferred name, folded: the people list's order by name, walked by an index,
    so a page of a long list is found without sorting everyone who matches."""

    __tablename__ = "person_name_keys"
    __table_args__ = (Index("ix_person_name_keys_name_key", "name_key", "person_id"),)

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True, autoincrement=False)
    name_key: Mapped[str] = mapped_column(FoldedText)


class AboutMeEntry(Base):
    """One answer in a person's About me ("what matters to me", "my hopes", ...)."""

    __tablename__ = "about_me"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    topic: Mapped[str] = mapped_column(String(40))
    text_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))

    person: Mapped[Person] = relationship(back_populates="about_me")
    text: Mapped[AuthoredText] = relationship()

    __table_args__ = (UniqueConstraint("person_id", "topic"), {"sqlite_autoincrement": True})


class SubstanceUse(Base):
    """The structured list of substances a person uses and how."""

    __tablename__ = "substance_use"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    substance: Mapped[str] = mapped_column(String(80))
    how: Mapped[str | None] = mapped_column(String(80))
    how_often: Mapped[str | None] = mapped_column(String(80))
    amount: Mapped[str | None] = mapped_column(String(80))
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    person: Mapped[Person] = relationship(back_populates="substances")


class Consent(Base):
    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    what: Mapped[str] = mapped_column(String(200))
    with_whom: Mapped[str] = mapped_column(String(200))
    given_on: Mapped[date]
    withdrawn_on: Mapped[date | None]
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    person: Mapped[Person] = relationship(back_populates="consents")


class PeerMentorAssignment(Base):
    """A peer mentor working with a person: the person is on the peer mentor's caseload."""

    __tablename__ = "peer_mentor_assignments"

    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), primary_key=True, index=True)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    assigned_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))


class RecordCover(Base):
    """A member of staff covering for a colleague: they may open one person's record, who is not
    on their caseload, until ``ends_at``. The reason is theirs, in their words; it is kept here,
    never in the audit trail (which says only that a cover began, and for whom)."""

    __tablename__ = "record_covers"
    __table_args__ = (
        Index("ix_record_covers_staff_id_person_id_ends_at", "staff_id", "person_id", "ends_at"),
        CheckConstraint("ends_at > started_at", name="period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime]
    ends_at: Mapped[datetime]

    staff: Mapped[StaffMember] = relationship()
