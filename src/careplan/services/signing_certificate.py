"""The service's signing certificate: what signs every agreement PDF, and what verification trusts.

Where things live:

- the certificate and its private key, as a PKCS#12 file encrypted with a passphrase (AES-256,
  PBKDF2), base64 in the ``Setting`` table under
  :data:`~careplan.services.certificate_record.SETTING_KEY`, with the certificate's
  SHA-256 fingerprint and the certificates it replaced (public parts only), so that agreements
  signed before a replacement still verify as "signed by this service's earlier certificate";
- the passphrase, only in the operating system's keyring of each computer that signs (service
  ``careplan``, username ``signing-key:<fingerprint>``): never in the database, never in a file.

A computer with no keyring at all (keyring's ``fail`` backend, the normal state on a fresh or
headless machine) can still sign, but only with the passphrase typed for the occasion:
:func:`signing_identity` then raises :class:`SigningPassphraseNeeded` (saying why, in
:data:`NEEDS_PASSPHRASE`) until it is given the passphrase; nothing keeps it. When the keyring is
locked or hangs, nothing is signed and the message says why. Audit events name what happened to
the certificate, never a secret.

A demo database (``careplan demo``) comes with a demo certificate (``source`` ``"demo"``), made
with it; its passphrase is public (:data:`careplan.services.demo_facts.DEMO_CERTIFICATE_PASSPHRASE`).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509

from careplan.domain.actor import Actor
from careplan.domain.errors import CareplanError, InvalidInput
from careplan.domain.permissions import Action
from careplan.domain.records import Setting
from careplan.domain.text import one_line
from careplan.domain.wording.dates import long_date
from careplan.services.certificate_record import (
    SETTING_KEY,
    SOURCE_DEMO,
    KeyKind,
    PrivateKey,
    certificate_from,
    fingerprint,
    keyring_name,
    make_self_signed,
    open_pkcs12,
    organisation_of,
    signing_key_usage,
    stored_record,
    stored_value,
)
from careplan.services.secrets import (
    NO_KEYRING,
    KeyringUnavailable,
    delete_secret,
    get_secret,
    has_keyring,
    set_secret,
)
from careplan.services.unit_of_work import read_only, unit_of_work
from careplan.storage.database import Database

log = logging.getLogger(__name__)

MIN_PASSPHRASE = 12
MAX_ORGANISATION = 64  # an X.509 organisation name holds at most 64 characters
MAX_PKCS12_BYTES = 1_000_000

NEEDS_PASSPHRASE = (
    f"{NO_KEYRING[:1].upper()}{NO_KEYRING[1:]}, so the signing certificate's passphrase is needed "
    "each time agreements are signed."
)
"""Why a computer without a keyring asks for the passphrase (the app and ``careplan agreement``)."""
WRONG_PASSPHRASE = "That passphrase does not open the service's signing certificate."


__all__ = [
    "CertificateExists",
    "CertificateExpired",
    "CertificateInfo",
    "EarlierCertificate",
    "KeyringUnavailable",
    "NoSigningCertificate",
    "SigningIdentity",
    "SigningPassphraseNeeded",
    "SigningPassphraseUnavailable",
    "WrongSigningPassphrase",
    "certificate_info",
    "create_self_signed",
    "import_pkcs12",
    "remember_passphrase",
    "signing_identity",
]


# --- failures -------------------------------------------------------------------------------


class NoSigningCertificate(CareplanError):
    """The service has no signing certificate yet."""

    def __init__(self) -> None:
        super().__init__(
            "This service has no signing certificate yet, so nothing can be signed. A manager or "
            "administrator must create one (or import one) first."
        )


class CertificateExists(InvalidInput):
    """Creating or importing would replace the current certificate, and that was not asked for."""


class CertificateExpired(CareplanError):
    """The current certificate is outside its dates: nothing is signed with it."""


class SigningPassphraseUnavailable(KeyringUnavailable):
    """The signing key's passphrase cannot be had from this computer's keyring: nothing is signed."""


class SigningPassphraseNeeded(SigningPassphraseUnavailable):
    """This computer has no keyring: nothing is signed until the passphrase is typed (and given to
    :func:`signing_identity`)."""

    def __init__(self) -> None:
        super().__init__(NEEDS_PASSPHRASE, reason="missing")


class WrongSigningPassphrase(InvalidInput):
    """The passphrase typed does not open the signing certificate: nothing is signed."""

    def __init__(self) -> None:
        super().__init__(WRONG_PASSPHRASE, "passphrase")


# --- what the use cases hand back ------------------------------------------------------------


@dataclass(frozen=True)
class SigningIdentity:
    """Everything a signature needs: the private key, its certificate and the chain above it.

    Held in memory only, for as long as a signature takes. Its repr never shows the key.
    """

    private_key: PrivateKey = field(repr=False)
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    organisation: str
    fingerprint: str


@dataclass(frozen=True)
class EarlierCertificate:
    fingerprint: str
    organisation: str
    not_after: dt.datetime
    replaced_at: dt.datetime
    certificate: x509.Certificate


@dataclass(frozen=True)
class CertificateInfo:
    """The public facts about the current certificate (no secret in here)."""

    organisation: str
    fingerprint: str
    not_before: dt.datetime
    not_after: dt.datetime
    source: str  # "self-signed", "imported" or "demo" (made with a demo database)
    installed_at: dt.datetime
    earlier: tuple[EarlierCertificate, ...]

    @property
    def keyring_name(self) -> str:
        return keyring_name(self.fingerprint)

    @property
    def is_demo(self) -> bool:
        return self.source == SOURCE_DEMO


# --- small helpers ---------------------------------------------------------------------------


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _check_passphrase(passphrase: str, *, new: bool) -> bytes:
    if new and len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            f"Please choose a passphrase of at least {MIN_PASSPHRASE} characters (a few words "
            "are easy to remember and hard to guess).",
            "passphrase",
        )
    if not passphrase:
        raise InvalidInput("Please give the passphrase.", "passphrase")
    # A NUL makes the PKCS#12 library abort (a panic, not an error); neither it nor a broken
    # character can be typed on a keyboard, so the passphrase was pasted or mangled.
    try:
        secret = passphrase.encode("utf-8")
    except UnicodeEncodeError:
        secret = b"\x00"
    if b"\x00" in secret:
        raise InvalidInput(
            "That passphrase has a character in it that cannot be typed. Please type it again.",
            "passphrase",
        )
    return secret


# --- reading the stored certificate ----------------------------------------------------------


def _info(stored: dict[str, Any]) -> CertificateInfo:
    return CertificateInfo(
        organisation=stored["organisation"],
        fingerprint=stored["fingerprint"],
        not_before=dt.datetime.fromisoformat(stored["not_before"]),
        not_after=dt.datetime.fromisoformat(stored["not_after"]),
        source=stored["source"],
        installed_at=dt.datetime.fromisoformat(stored["installed_at"]),
        earlier=tuple(
            EarlierCertificate(
                fingerprint=e["fingerprint"],
                organisation=e["organisation"],
                not_after=dt.datetime.fromisoformat(e["not_after"]),
                replaced_at=dt.datetime.fromisoformat(e["replaced_at"]),
                certificate=certificate_from(e["certificate"]),
            )
            for e in stored.get("earlier", [])
        ),
    )


def certificate_info(db: Database) -> CertificateInfo | None:
    """The public facts about the current certificate, or None when there is none yet."""
    stored = stored_record(db)
    return _info(stored) if stored is not None else None


# --- installing a certificate ----------------------------------------------------------------


def _clean_organisation(name: str) -> str:
    cleaned = one_line(name, "the name of the service or organisation", "organisation")
    if not cleaned:
        raise InvalidInput("Please give the name of the service or organisation.", "organisation")
    if len(cleaned) > MAX_ORGANISATION:
        raise InvalidInput(
            f"That name is too long for a certificate ({MAX_ORGANISATION} characters at most).",
            "organisation",
        )
    return cleaned


def _refuse_replacing(current: dict[str, Any] | None, replace: bool) -> None:
    if current is not None and not replace:
        raise CertificateExists(
            f"This service already has a signing certificate (for {current['organisation']}, "
            f"valid until {long_date(dt.datetime.fromisoformat(current['not_after']))}). Replacing "
            "it must be asked for on purpose; agreements it signed will still verify.",
            "replace",
        )


def _keep_in_keyring(name: str, secret: str, timeout: float | None) -> bool:
    """Put the passphrase in this computer's keyring: True when it is there; False when this
    computer has no keyring at all (then it is typed each time it is needed, and kept nowhere).
    A keyring that is locked, refuses or hangs is :class:`KeyringUnavailable`."""
    try:
        set_secret(name, secret, timeout=timeout)
    except KeyringUnavailable as exc:
        if exc.reason == "missing" or not has_keyring(timeout=timeout):
            return False  # keyring's fail backend, or its null one that keeps nothing
        raise
    return True


def _install(
    db: Database,
    actor: Actor,
    *,
    key: PrivateKey,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    secret: str,
    source: str,
    replace: bool,
    keyring_timeout: float | None,
) -> CertificateInfo:
    """Store the certificate (encrypted) and its passphrase (in the keyring), or neither. On a
    computer with no keyring the passphrase is kept nowhere: it is typed whenever it is needed."""
    with read_only(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
        setting = work.session.get(Setting, SETTING_KEY)
        _refuse_replacing(dict(setting.value) if setting is not None else None, replace)

    new_fingerprint = fingerprint(certificate)
    # Encrypting the key takes a moment: before the transaction, so the write lock is held briefly.
    value = stored_value(key, certificate, chain, secret, source=source, installed_at=_now())
    # The keyring first: if it is there but cannot keep the passphrase, nothing is stored at all.
    kept = _keep_in_keyring(keyring_name(new_fingerprint), secret, keyring_timeout)
    replaced: str | None = None
    try:
        with unit_of_work(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
            setting = work.session.get(Setting, SETTING_KEY)
            current = dict(setting.value) if setting is not None else None
            _refuse_replacing(current, replace)
            earlier: list[dict[str, Any]] = list(current.get("earlier", [])) if current else []
            if current is not None and current["fingerprint"] != new_fingerprint:
                replaced = current["fingerprint"]
                earlier.insert(
                    0,
                    {
                        "fingerprint": current["fingerprint"],
                        "certificate": current["certificate"],
                        "organisation": current["organisation"],
                        "not_after": current["not_after"],
                        "replaced_at": work.now.isoformat(),
                    },
                )
            value["earlier"] = [e for e in earlier if e["fingerprint"] != new_fingerprint]
            value["installed_at"] = work.now.isoformat()
            if setting is None:
                work.session.add(Setting(key=SETTING_KEY, value=value))
            else:
                setting.value = value
            work.audit(
                "replace" if current is not None else ("create" if source == "self-signed" else "import"),
                "signing_certificate",
                None,
                ("certificate", "fingerprint", "organisation"),
            )
            stored = value
    except BaseException:
        if kept and _current_is_different(db, new_fingerprint):
            _forget_quietly(keyring_name(new_fingerprint), keyring_timeout)
        raise
    if replaced is not None and kept:
        # The old key is gone from the database; its passphrase is of no use any more.
        _forget_quietly(keyring_name(replaced), keyring_timeout)
    log.info(
        "a %s signing certificate now signs agreements%s (its passphrase %s)",
        source,
        ", replacing the one before" if replaced is not None else "",
        "in this computer's keyring" if kept else "kept nowhere: asked for when signing",
    )
    return _info(stored)


def _current_is_different(db: Database, wanted: str) -> bool:
    try:
        stored = stored_record(db)
    except Exception:
        return True
    return stored is None or stored.get("fingerprint") != wanted


def _forget_quietly(name: str, timeout: float | None) -> None:
    with contextlib.suppress(KeyringUnavailable):
        delete_secret(name, timeout=timeout)


def create_self_signed(
    db: Database,
    actor: Actor,
    organisation_name: str,
    passphrase: str,
    *,
    replace: bool = False,
    key_kind: KeyKind = "rsa-3072",
    keyring_timeout: float | None = None,
) -> CertificateInfo:
    """Make a new key and a self-signed certificate for the organisation, valid for five years.

    The key is stored encrypted with ``passphrase``; the passphrase goes in this computer's
    keyring. An existing certificate is replaced only with ``replace=True`` (it stays trusted for
    what it signed).
    """
    organisation = _clean_organisation(organisation_name)
    _check_passphrase(passphrase, new=True)
    with read_only(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
        setting = work.session.get(Setting, SETTING_KEY)
        _refuse_replacing(dict(setting.value) if setting is not None else None, replace)
    key, certificate = make_self_signed(organisation, key_kind)
    return _install(
        db,
        actor,
        key=key,
        certificate=certificate,
        chain=(),
        secret=passphrase,
        source="self-signed",
        replace=replace,
        keyring_timeout=keyring_timeout,
    )


def import_pkcs12(
    db: Database,
    actor: Actor,
    data: bytes,
    passphrase: str,
    *,
    replace: bool = False,
    keyring_timeout: float | None = None,
) -> CertificateInfo:
    """Use a certificate from a PKCS#12 file (.p12, .pfx) that ``passphrase`` opens.

    The file must hold a private key and a certificate that is valid today and meant for
    signing. It is stored again, encrypted with the same passphrase.
    """
    secret = _check_passphrase(passphrase, new=False)
    if len(data) > MAX_PKCS12_BYTES:
        raise InvalidInput("That file is too big to be a certificate file.", "file")
    with read_only(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
        setting = work.session.get(Setting, SETTING_KEY)
        _refuse_replacing(dict(setting.value) if setting is not None else None, replace)
    key, certificate, chain = open_pkcs12(data, secret)
    now = _now()
    if certificate.not_valid_before_utc > now:
        raise InvalidInput(
            f"That certificate only becomes valid on {long_date(certificate.not_valid_before_utc)}.",
            "file",
        )
    if certificate.not_valid_after_utc < now:
        raise InvalidInput(
            f"That certificate ran out on {long_date(certificate.not_valid_after_utc)}. Ask for a "
            "current one.",
            "file",
        )
    if not signing_key_usage(certificate):
        raise InvalidInput(
            "That certificate is not meant for signing documents (its key usage does not allow it).",
            "file",
        )
    if len(organisation_of(certificate)) > 200:
        raise InvalidInput("That certificate's name is too long to show.", "file")
    return _install(
        db,
        actor,
        key=key,
        certificate=certificate,
        chain=chain,
        secret=passphrase,
        source="imported",
        replace=replace,
        keyring_timeout=keyring_timeout,
    )


def remember_passphrase(
    db: Database, actor: Actor, passphrase: str, *, keyring_timeout: float | None = None
) -> CertificateInfo:
    """Put the certificate's passphrase in *this* computer's keyring (another workstation that
    shares the database needs it once before it can sign). Checked against the stored key first."""
    secret = _check_passphrase(passphrase, new=False)
    with read_only(db, actor, Action.MANAGE_SIGNING_CERTIFICATE):
        pass
    stored = stored_record(db)
    if stored is None:
        raise NoSigningCertificate()
    open_pkcs12(base64.b64decode(stored["pkcs12"]), secret)
    if not _keep_in_keyring(keyring_name(stored["fingerprint"]), passphrase, keyring_timeout):
        raise KeyringUnavailable(
            "There is no keyring on this computer to keep the passphrase in, so it is asked for "
            "each time agreements are signed instead.",
            reason="missing",
        )
    with unit_of_work(db, actor, Action.MANAGE_SIGNING_CERTIFICATE) as work:
        work.audit("remember_passphrase", "signing_certificate", None, ("keyring",))
    log.info("the signing certificate's passphrase is now in this computer's keyring")
    return _info(stored)


# --- signing ---------------------------------------------------------------------------------


def signing_identity(
    db: Database,
    *,
    passphrase: str | None = None,
    keyring_timeout: float | None = None,
    now: dt.datetime | None = None,
) -> SigningIdentity:
    """The key, certificate and chain to sign with, opened with ``passphrase`` when one is given
    (typed for the occasion, kept nowhere), else with the passphrase from this computer's keyring.

    Refuses (and so nothing is signed) when there is no certificate; when this computer has no
    keyring and no passphrase was given (:class:`SigningPassphraseNeeded`: ask for it and call
    again); when the keyring is locked or does not answer, or has no passphrase, or a wrong one, for
    this certificate; when the passphrase given does not open it (:class:`WrongSigningPassphrase`);
    or when the certificate is outside its dates.
    """
    stored = stored_record(db)
    if stored is None:
        raise NoSigningCertificate()
    if passphrase is not None:
        secret = _check_passphrase(passphrase, new=False)
        try:
            key, certificate, chain = open_pkcs12(base64.b64decode(stored["pkcs12"]), secret)
        except (InvalidInput, binascii.Error):
            raise WrongSigningPassphrase() from None
    else:
        key, certificate, chain = _open_with_keyring(stored, keyring_timeout)
    moment = now or _now()
    if certificate.not_valid_after_utc < moment:
        raise CertificateExpired(
            f"The service's signing certificate ran out on {long_date(certificate.not_valid_after_utc)}, "
            "so nothing was signed. A manager or administrator must create or import a new one."
        )
    if certificate.not_valid_before_utc > moment:
        raise CertificateExpired(
            "The service's signing certificate is not valid yet (check this computer's clock), so "
            "nothing was signed."
        )
    return SigningIdentity(
        private_key=key,
        certificate=certificate,
        chain=tuple(chain),
        organisation=organisation_of(certificate),
        fingerprint=fingerprint(certificate),
    )


def _open_with_keyring(
    stored: dict[str, Any], timeout: float | None
) -> tuple[PrivateKey, x509.Certificate, list[x509.Certificate]]:
    """The stored key opened with the passphrase in this computer's keyring (each refusal is one
    plain sentence)."""
    try:
        secret = get_secret(keyring_name(stored["fingerprint"]), timeout=timeout)
    except KeyringUnavailable as exc:
        if exc.reason == "missing":
            raise SigningPassphraseNeeded() from None
        raise SigningPassphraseUnavailable(
            f"Nothing was signed because {exc.why}.", reason=exc.reason, why=exc.why
        ) from None
    if secret is None and not has_keyring(timeout=timeout):
        raise SigningPassphraseNeeded()  # a keyring that keeps nothing is no keyring
    if secret is None:
        raise SigningPassphraseUnavailable(
            "The signing certificate's passphrase is not in this computer's keyring, so nothing "
            "was signed (a manager or administrator who knows it can keep it here once).",
            reason="not-stored",
        )
    try:
        return open_pkcs12(base64.b64decode(stored["pkcs12"]), secret.encode("utf-8"))
    except (InvalidInput, binascii.Error):
        raise SigningPassphraseUnavailable(
            "The passphrase in this computer's keyring does not open the service's signing "
            "certificate, so nothing was signed (a manager or administrator who knows the right "
            "one can keep it here again).",
            reason="wrong",
        ) from None
