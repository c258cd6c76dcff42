"""The service's signing identity, opened once per session.

Opening it means a keyring call and unlocking the key file (about 185 ms); every agreement
printed afterwards in the same session reuses it. It is opened again when the certificate has
been replaced meanwhile (by this computer or another), and never used past its end date.

On a computer with no keyring, :meth:`SigningKeys.identity` raises
:class:`careplan.services.signing_certificate.SigningPassphraseNeeded` until the passphrase is typed
(:meth:`SigningKeys.open_with`); the passphrase itself is not kept, only the opened identity, in
memory, until the session ends.
"""

from __future__ import annotations

import datetime as dt
import threading

from careplan.domain.wording.dates import long_date
from careplan.services.opening import Database
from careplan.services.signing_certificate import (
    CertificateExpired,
    NoSigningCertificate,
    SigningIdentity,
    certificate_info,
    signing_identity,
)


class SigningKeys:
    """Hands out the signing identity, opening it only when needed. Safe from worker threads."""

    def __init__(self, db: Database, *, keyring_timeout: float | None = None) -> None:
        self._db = db
        self.keyring_timeout = keyring_timeout
        self._identity: SigningIdentity | None = None
        self._lock = threading.Lock()
        self.opened = 0  # how many times the key was unlocked (for tests)

    def identity(self) -> SigningIdentity:
        info = certificate_info(self._db)  # cheap: one settings row, no keyring
        if info is None:
            self.forget()
            raise NoSigningCertificate()
        with self._lock:
            held = self._identity
            if held is None or held.fingerprint != info.fingerprint:
                held = signing_identity(self._db, keyring_timeout=self.keyring_timeout)
                self._identity = held
                self.opened += 1
            if held.certificate.not_valid_after_utc < dt.datetime.now(dt.UTC):
                self._identity = None
                raise CertificateExpired(
                    f"The service's signing certificate ran out on "
                    f"{long_date(held.certificate.not_valid_after_utc)}, so nothing was signed. A manager "
                    "or administrator must create or import a new one."
                )
            return held

    def open_with(self, passphrase: str) -> SigningIdentity:
        """Open the identity with a passphrase typed for the occasion (no keyring on this computer)
        and keep it for the session. :class:`WrongSigningPassphrase` when it does not open it."""
        identity = signing_identity(self._db, passphrase=passphrase)
        self.hold(identity)
        return identity

    def hold(self, identity: SigningIdentity) -> None:
        """Keep an identity opened elsewhere (just made, with the passphrase just typed)."""
        with self._lock:
            self._identity = identity
            self.opened += 1

    def forget(self) -> None:
        with self._lock:
            self._identity = None
