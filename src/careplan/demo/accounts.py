"""The demo accounts: one member of staff in each role, all with the same, public password; and the
demo signing certificate's name and public passphrase.

Only for synthetic demo databases (the README lists them, and the app says "demo data").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache

from careplan.domain.enums import Role

DEMO_PASSWORD = "careplan-demo"

DEMO_CERTIFICATE_NAME = "Careplan demo data (demo certificate, not for real records)"
"""Who the demo signing certificate says signed: every agreement printed from demo data shows it."""
DEMO_CERTIFICATE_PASSPHRASE = "careplan-demo-signing"
"""The demo signing certificate's passphrase: public, like the demo password (demo data only)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("admin", "Administrator", Role.ADMINISTRATOR),
    DemoAccount("priya", "Priya Shah", Role.MANAGER),
    DemoAccount("sam", "Sam Okafor", Role.KEY_WORKER),
    DemoAccount("chris", "Chris Doyle", Role.PEER_MENTOR),
)


def demo_password_hash(username: str) -> str:
    """The demo password's hash for ``username``, with a salt made from the username, so that the
    same seed still gives exactly the same database (real passwords get a random salt)."""
    from careplan.services import authentication

    hasher = authentication.HASHER
    return _hash(username, (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len))


@cache
def _hash(username: str, settings: tuple[int, int, int, int]) -> str:
    from careplan.services.authentication import demo_password_hash as hash_with_salt

    salt = hashlib.sha256(f"careplan demo account {username}".encode()).digest()[:16]
    return hash_with_salt(DEMO_PASSWORD, salt)
