"""Synthetic demo data: a whole service, believable and respectful, made in seconds.

A tool beside the command line, not part of the product: only ``careplan demo`` (and the
benchmarks, the screenshots and the tests) import it. The app asks
:mod:`careplan.services.demo_marker` whether a database is a demo, and names the published demo
accounts from :mod:`careplan.services.demo_facts`.

Everything here is invented. The first three people are always Dee, Marek and Jordan from
PERSONAS.md, with their stories; everyone else is generated from a seeded random number
generator, so the same seed and the same ``today`` always give exactly the same database.

How it is fast: nothing goes through the use cases one transaction at a time. Rows are built in
memory with their ids chosen up front and inserted in bulk (:mod:`careplan.storage.bulk_rows`), in
one transaction. New records' rows are made by the same functions the use cases make theirs with
(:mod:`careplan.services.record_rows`, the search words of :mod:`careplan.services.search_words`,
the audit chain's links of :func:`careplan.services.audit.event_row`), and the rules the use cases
enforce are kept by construction:

- allocations copy the catalogue price and stay within the budget unless a manager's override
  reason is recorded; never-allowed categories are never used;
- signed versions carry the fingerprint that :func:`careplan.services.canonical.plan_sha256`
  gives for them, and ``frozen_sha256``/``frozen_canonical`` exactly as signing freezes them. The
  fingerprint is computed by the real function, over light stand-in objects that have the same
  attributes as the records (building real ORM objects for every version would be far slower);
- reviews are scheduled with :func:`careplan.services.signing.standard_reviews`;
- the audit trail is a valid hash chain, and it never holds personal text: only actions, record
  ids and field names.

The one thing not made from the seed is the demo signing certificate (``certificate``): a new key
each time, so that agreements printed from one demo database never verify against another. Its
passphrase is public (``DEMO_CERTIFICATE_PASSPHRASE``), and its name says it is a demo.

The package: ``content`` holds the tables of invented words; ``stand_ins`` the light record
stand-ins; ``builder`` puts the parts together (each named for what it builds); ``generation``
is the entry point.
"""

from careplan.demo.generation import generate
from careplan.demo.summary import DemoSummary
from careplan.services.demo_facts import (
    DEMO_ACCOUNTS,
    DEMO_CERTIFICATE_NAME,
    DEMO_CERTIFICATE_PASSPHRASE,
    DEMO_PASSWORD,
    DemoAccount,
)
from careplan.services.demo_marker import DEMO_SETTING, ExistingDatabase, demo_marker, existing_database

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
