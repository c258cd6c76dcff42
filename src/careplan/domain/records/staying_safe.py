"""The staying-safe plan of a plan version: warning signs, what helps, who to call, what to do if
the service cannot be reached, overdose risk and naloxone, in the person's words.

Every version has its own (a new version carries it over, sharing the texts, which are never
edited in place). Each part may be empty until it is written. Contacts keep a ``key`` across
versions, like goals, so two versions can be compared contact by contact.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from careplan.domain.enums import Naloxone, OverdoseRisk
from careplan.domain.records.base import Base, new_key
from careplan.domain.records.texts import AuthoredText


class StayingSafe(Base):
    """The staying-safe plan's parts that are one of a kind (its contacts are ``SafetyContact``)."""

    __tablename__ = "staying_safe"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), unique=True)
    warning_signs_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    what_helps_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    if_unreachable_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    # Chosen by the person from plain words (careplan.domain.wording.staying_safe), and in their words.
    overdose_risk: Mapped[OverdoseRisk | None] = mapped_column(String(12))
    overdose_words_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))
    naloxone: Mapped[Naloxone | None] = mapped_column(String(10))
    naloxone_where_id: Mapped[int | None] = mapped_column(ForeignKey("texts.id"))

    warning_signs: Mapped[AuthoredText | None] = relationship(foreign_keys=[warning_signs_id])
    what_helps: Mapped[AuthoredText | None] = relationship(foreign_keys=[what_helps_id])
    if_unreachable: Mapped[AuthoredText | None] = relationship(foreign_keys=[if_unreachable_id])
    overdose_words: Mapped[AuthoredText | None] = relationship(foreign_keys=[overdose_words_id])
    naloxone_where: Mapped[AuthoredText | None] = relationship(foreign_keys=[naloxone_where_id])

    __table_args__ = (
        CheckConstraint(
            "overdose_risk IS NULL OR overdose_risk IN ('low', 'some', 'high', 'not_sure')",
            name="overdose_risk",
        ),
        CheckConstraint("naloxone IS NULL OR naloxone IN ('held', 'not_held')", name="naloxone"),
        CheckConstraint("naloxone_where_id IS NULL OR naloxone = 'held'", name="naloxone_where"),
    )


class SafetyContact(Base):
    """Someone the person can call: who they are (in someone's words) and their phone number."""

    __tablename__ = "safety_contacts"
    __table_args__ = (UniqueConstraint("version_id", "key"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"), index=True)
    key: Mapped[str] = mapped_column(String(32), default=new_key)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name_id: Mapped[int] = mapped_column(ForeignKey("texts.id"))
    phone: Mapped[str] = mapped_column(String(40))

    name: Mapped[AuthoredText] = relationship()
