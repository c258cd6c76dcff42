"""The demo accounts' password hashes: the same for the same username, so that the same seed gives
exactly the same database (real passwords get a random salt). The accounts themselves, and their
public password, are :mod:`careplan.services.demo_facts`."""

from __future__ import annotations

import hashlib
from functools import cache

from careplan.services import authentication
from careplan.services.demo_facts import DEMO_PASSWORD


def demo_password_hash(username: str) -> str:
    """The demo password's hash for ``username``, with a salt made from the username."""
    hasher = authentication.HASHER
    return _hash(username, (hasher.time_cost, hasher.memory_cost, hasher.parallelism, hasher.hash_len))


@cache
def _hash(username: str, settings: tuple[int, int, int, int]) -> str:
    salt = hashlib.sha256(f"careplan demo account {username}".encode()).digest()[:16]
    return authentication.demo_password_hash(DEMO_PASSWORD, salt)
