"""What every window and page needs, passed in explicitly (no global registry)."""

from __future__ import annotations

from dataclasses import dataclass

from careplan.domain.actor import Actor
from careplan.domain.enums import Role
from careplan.domain.permissions import Action, may
from careplan.storage.database import Database


@dataclass(frozen=True)
class AppContext:
    db: Database
    actor: Actor
    staff_name: str
    role: Role
    username: str = ""
    demo: bool = False  # a database made by ``careplan demo``: the window says "demo data"

    def may(self, action: Action) -> bool:
        return may(self.role, action)
