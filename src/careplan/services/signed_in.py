"""The member of staff signed in, and the open database they work in: one object, made once they
have signed in (or set up the first administrator, or chosen the first password), that the app
hands to every window, page and dialog instead of a ``(db, actor)`` pair.

The use cases still take ``(db, actor)``: call them with ``staff.db, staff.actor``.
"""

from __future__ import annotations

from dataclasses import dataclass

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.permissions import Action, may
from careplan.services.authentication import SignedIn
from careplan.storage.database import Database


@dataclass(frozen=True)
class SignedInStaff:
    """Who is signed in (``actor``, their name, role and username) and the database they work in;
    ``demo``: a database made by ``careplan demo`` (the window says "demo data")."""

    db: Database
    actor: Actor
    staff_name: str
    role: Role
    username: str = ""
    demo: bool = False

    def may(self, action: Action) -> bool:
        return may(self.role, action)

    @classmethod
    def from_sign_in(cls, db: Database, who: SignedIn, *, demo: bool = False) -> SignedInStaff:
        """The member of staff a sign-in use case let in (:mod:`careplan.services.authentication`),
        working in ``db``."""
        return cls(db, who.actor, who.display_name, Role(who.role), who.username, demo)
