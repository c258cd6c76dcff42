"""The demo signing certificate: a demo database can print signed agreements from the start.

It is made with the database (never kept as a file anywhere), named as a demo certificate
(:data:`DEMO_CERTIFICATE_NAME`) and stored like any certificate: the key encrypted with its
passphrase, which for the demo is public (:data:`DEMO_CERTIFICATE_PASSPHRASE`). Its key is new each
time (it is the one part of a demo not made from the seed); its audit event is not random, so the
same seed and day still give the same audit chain.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, time

from careplan.domain.records import Setting
from careplan.services import certificate_record as certs
from careplan.services.demo.accounts import DEMO_CERTIFICATE_NAME, DEMO_CERTIFICATE_PASSPHRASE
from careplan.services.demo.staff_and_catalogue import StaffAndCatalogue
from careplan.services.secrets import KeyringUnavailable, set_secret

MADE_AT = time(8, 45)
"""When, on the demo's last working day, the manager made the certificate (before anyone's day)."""


class DemoCertificate(StaffAndCatalogue):
    """The certificate, made by Priya (the demo's manager) the working day before ``today``."""

    signing_fingerprint: str | None = None

    def make_signing_certificate(self) -> None:
        if self.session.get(Setting, certs.SETTING_KEY) is not None:
            return  # the service already has its own: it stays as it is
        at = datetime.combine(self.yesterday, MADE_AT, tzinfo=UTC)
        key, certificate = certs.make_self_signed(DEMO_CERTIFICATE_NAME, "ec-p256", valid_from=at)
        value = certs.stored_value(
            key, certificate, (), DEMO_CERTIFICATE_PASSPHRASE, source=certs.SOURCE_DEMO, installed_at=at
        )
        self.session.add(Setting(key=certs.SETTING_KEY, value=value))
        self.signing_fingerprint = value["fingerprint"]
        self._event(
            at,
            self.priya,
            "create",
            "signing_certificate",
            None,
            ("certificate", "fingerprint", "organisation"),
        )


def keep_demo_passphrase(cert_fingerprint: str) -> bool:
    """Put the demo certificate's (public) passphrase in this computer's keyring, so that the demo
    signs without asking; False when it cannot (no keyring: then it is asked for when signing)."""
    with contextlib.suppress(KeyringUnavailable):
        set_secret(certs.keyring_name(cert_fingerprint), DEMO_CERTIFICATE_PASSPHRASE)
        return True
    return False
