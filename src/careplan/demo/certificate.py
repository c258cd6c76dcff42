"""The demo signing certificate: a demo database can print signed agreements from the start.

It is made with the database (never kept as a file anywhere), named as a demo certificate
(:data:`~careplan.services.demo_facts.DEMO_CERTIFICATE_NAME`) and stored like any certificate: the
key encrypted with its passphrase, which for the demo is public
(:data:`~careplan.services.demo_facts.DEMO_CERTIFICATE_PASSPHRASE`). Its key is new each time (it
is the one part of a demo not made from the seed); its audit event is not random, so the same seed
and day still give the same audit chain.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, time

from sqlalchemy.orm import Session

from careplan.demo.stand_ins import Staff
from careplan.demo.workbench import Workbench
from careplan.domain.records import Setting
from careplan.services import certificate_record as certs
from careplan.services.demo_facts import DEMO_CERTIFICATE_NAME, DEMO_CERTIFICATE_PASSPHRASE
from careplan.services.secrets import KeyringUnavailable, set_secret

MADE_AT = time(8, 45)
"""When, on the demo's last working day, the manager made the certificate (before anyone's day)."""


def make_signing_certificate(session: Session, bench: Workbench, manager: Staff) -> str | None:
    """The certificate, made by the demo's manager the working day before ``today``; its
    fingerprint (None: the service already has its own, which stays as it is)."""
    if session.get(Setting, certs.SETTING_KEY) is not None:
        return None
    at = datetime.combine(bench.yesterday, MADE_AT, tzinfo=UTC)
    key, certificate = certs.make_self_signed(DEMO_CERTIFICATE_NAME, "ec-p256", valid_from=at)
    value = certs.stored_value(
        key, certificate, (), DEMO_CERTIFICATE_PASSPHRASE, source=certs.SOURCE_DEMO, installed_at=at
    )
    session.add(Setting(key=certs.SETTING_KEY, value=value))
    bench.trail.event(
        at, manager, "create", "signing_certificate", None, ("certificate", "fingerprint", "organisation")
    )
    fingerprint: str = value["fingerprint"]
    return fingerprint


def keep_demo_passphrase(cert_fingerprint: str) -> bool:
    """Put the demo certificate's (public) passphrase in this computer's keyring, so that the demo
    signs without asking; False when it cannot (no keyring: then it is asked for when signing)."""
    with contextlib.suppress(KeyringUnavailable):
        set_secret(certs.keyring_name(cert_fingerprint), DEMO_CERTIFICATE_PASSPHRASE)
        return True
    return False
