"""What is published about demo data: the demo accounts (one member of staff in each role, all
with the same, public password) and the demo signing certificate's name and public passphrase.

Plain constants, so that the app and the command line can name them on a demo database (the
README lists them too) without importing the demo generator (``careplan.demo``), which makes them.
"""

from __future__ import annotations

from dataclasses import dataclass

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
