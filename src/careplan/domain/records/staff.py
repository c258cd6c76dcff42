"""Members of staff, and the wrong tries at signing in under a name that is no one's."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from careplan.domain.enums import Role
from careplan.domain.records.base import Base, utcnow


class StaffMember(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Signing in (services/authentication.py). No password hash yet: the account cannot sign in
    # until an administrator sets a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    password_changed_at: Mapped[datetime | None]
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    # After a few failures, no attempt is even checked before this moment (the growing delay).
    locked_until: Mapped[datetime | None]
    # After too many failures, locked until an administrator unlocks the account.
    locked: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint("role IN ('key_worker', 'peer_mentor', 'manager', 'administrator')", name="role"),
    )


class SignInFailure(Base):
    """Wrong tries at a username that is not on the staff, counted like an account's (so that
    trying names tells nobody who works here). Keyed by a keyed hash of the name, never the name;
    see services/authentication.py."""

    __tablename__ = "sign_in_failures"

    name_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    last_failed_at: Mapped[datetime] = mapped_column(index=True)
