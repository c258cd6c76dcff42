"""Synthetic demo data: a whole service, believable and respectful, made in seconds.

Everything here is invented. The first three people are always Dee, Marek and Jordan from
PERSONAS.md, with their stories; everyone else is generated from a seeded random number
generator, so the same seed and the same ``today`` always give exactly the same database.

How it is fast: nothing goes through the use cases one transaction at a time. Rows are built in
memory with their ids chosen up front and inserted in bulk (SQLAlchemy Core), in one transaction.
The rules the use cases enforce are kept by construction instead:

- allocations copy the catalogue price and stay within the budget unless a manager's override
  reason is recorded; never-allowed categories are never used;
- signed versions carry the fingerprint that :func:`careplan.services.canonical.plan_sha256`
  gives for them, and ``frozen_sha256``/``frozen_canonical`` exactly as signing freezes them. The
  fingerprint is computed by the real function, over light stand-in objects that have the same
  attributes as the records (building real ORM objects for every version would be far slower);
- reviews are scheduled with :func:`careplan.services.signing.standard_reviews`;
- the audit trail is a valid hash chain made with :func:`careplan.services.audit.event_hash`, and
  it never holds personal text: only actions, record ids and field names.

The one thing not made from the seed is the demo signing certificate (``certificate``): a new key
each time, so that agreements printed from one demo database never verify against another. Its
passphrase is public (:data:`DEMO_CERTIFICATE_PASSPHRASE`), and its name says it is a demo.

The package: ``content`` holds the tables of invented words; ``stand_ins`` the light record
stand-ins; ``builder`` and its mixins make the data; ``writer`` inserts it and writes the audit
chain; ``generation`` is the entry point.

``DEMO_SETTING``/``demo_marker`` (and ``existing_database``: demo data is only made in a new
database) live in ``marker`` and the accounts in ``accounts``: both small,
so that the app can ask at start-up whether a database is a demo without importing the builder.
``generate`` is imported from ``generation`` only when it is first used.
"""

from typing import TYPE_CHECKING, Any

from careplan.services.demo.accounts import (
    DEMO_ACCOUNTS,
    DEMO_CERTIFICATE_NAME,
    DEMO_CERTIFICATE_PASSPHRASE,
    DEMO_PASSWORD,
    DemoAccount,
)
from careplan.services.demo.marker import DEMO_SETTING, ExistingDatabase, demo_marker, existing_database
from careplan.services.demo.summary import DemoSummary

if TYPE_CHECKING:
    from careplan.services.demo.generation import generate


def __getattr__(name: str) -> Any:
    if name == "generate":
        from careplan.services.demo.generation import generate

        return generate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEMO_ACCOUNTS",
    "DEMO_CERTIFICATE_NAME",
    "DEMO_CERTIFICATE_PASSPHRASE",
    "DEMO_PASSWORD",
    "DEMO_SETTING",
    "DemoAccount",
    "DemoSummary",
    "ExistingDatabase",
    "demo_marker",
    "existing_database",
    "generate",
]
