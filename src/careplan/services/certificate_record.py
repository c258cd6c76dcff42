"""The signing certificate as the service keeps it, and how one is made or read: X.509 and PKCS#12.

The certificate and its private key are kept as a PKCS#12 file encrypted with a passphrase
(AES-256, PBKDF2), base64 in the ``Setting`` table under :data:`SETTING_KEY` (:func:`stored_value`
is what that setting holds); the passphrase is kept only in a keyring, under
:func:`keyring_name`. Nothing here writes to the database or touches the keyring: the use cases are in
:mod:`careplan.services.signing_certificate`.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from careplan.domain.errors import InvalidInput
from careplan.domain.records import Setting
from careplan.storage.database import Database

SETTING_KEY = "signing_certificate"
VALID_DAYS = 5 * 365 + 1
PKCS12_ROUNDS = 200_000
SOURCE_DEMO = "demo"
"""``CertificateInfo.source`` of the demo certificate a demo database is made with."""

KeyKind = Literal["rsa-3072", "ec-p256"]
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def fingerprint(certificate: x509.Certificate) -> str:
    """The certificate's SHA-256 fingerprint, 64 lower-case hex digits."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def keyring_name(cert_fingerprint: str) -> str:
    return f"signing-key:{cert_fingerprint}"


def organisation_of(certificate: x509.Certificate) -> str:
    """The organisation a certificate names (its O, else its CN, else the whole subject)."""
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        values = certificate.subject.get_attributes_for_oid(oid)
        if values:
            value = values[0].value
            return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return certificate.subject.rfc4514_string()


def _encrypted_pkcs12(
    name: str,
    key: PrivateKey,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    secret: bytes,
) -> bytes:
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(PKCS12_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(secret)
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, list(chain) or None, encryption
    )


def signing_key_usage(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True  # no restriction: any use is allowed
    return bool(usage.digital_signature or usage.content_commitment)


def _looks_like_pkcs12(data: bytes) -> bool:
    """A DER SEQUENCE whose first element is INTEGER 3 (the PFX version)."""
    if len(data) < 8 or data[0] != 0x30:
        return False
    header = 2 + (data[1] & 0x7F if data[1] & 0x80 else 0)
    return data[header : header + 3] == b"\x02\x01\x03"


def open_pkcs12(data: bytes, secret: bytes) -> tuple[PrivateKey, x509.Certificate, list[x509.Certificate]]:
    unreadable = InvalidInput(
        "That file could not be read as a certificate file (a .p12 or .pfx file).", "file"
    )
    if not _looks_like_pkcs12(data):
        raise unreadable
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(data, secret)
    except ValueError:
        raise InvalidInput("That passphrase does not open the certificate file.", "passphrase") from None
    except Exception:
        raise unreadable from None
    if key is None or certificate is None:
        raise InvalidInput(
            "That certificate file has no private key in it, so it cannot sign. Ask for the file "
            "that includes the private key (a .p12 or .pfx file).",
            "file",
        )
    if not isinstance(key, rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey):
        raise InvalidInput(
            "That certificate uses a kind of key Careplan cannot sign with (use RSA or elliptic curve).",
            "file",
        )
    return key, certificate, list(chain)


def make_self_signed(
    organisation: str, key_kind: KeyKind = "rsa-3072", *, valid_from: dt.datetime | None = None
) -> tuple[PrivateKey, x509.Certificate]:
    """A new key and a self-signed certificate for document signing, valid for five years (from
    ``valid_from``, else from now)."""
    key: PrivateKey
    if key_kind == "rsa-3072":
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    elif key_kind == "ec-p256":
        key = ec.generate_private_key(ec.SECP256R1())
    else:  # pragma: no cover - guarded by the type
        raise ValueError(key_kind)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, organisation),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
        ]
    )
    start = valid_from or dt.datetime.now(dt.UTC)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start - dt.timedelta(minutes=5))
        .not_valid_after(start + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,  # nonRepudiation
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def stored_value(
    key: PrivateKey,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    secret: str,
    *,
    source: str,
    installed_at: dt.datetime,
    earlier: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:
    """What the ``Setting`` under :data:`SETTING_KEY` holds: the key and certificate encrypted with
    ``secret`` (PKCS#12), and the public facts about them. ``secret`` itself is not in it."""
    organisation = organisation_of(certificate)
    blob = _encrypted_pkcs12(organisation, key, certificate, chain, secret.encode("utf-8"))
    return {
        "pkcs12": base64.b64encode(blob).decode("ascii"),
        "certificate": base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode("ascii"),
        "fingerprint": fingerprint(certificate),
        "organisation": organisation,
        "not_before": certificate.not_valid_before_utc.isoformat(),
        "not_after": certificate.not_valid_after_utc.isoformat(),
        "source": source,
        "installed_at": installed_at.isoformat(),
        "earlier": list(earlier),
    }


def stored_record(db: Database) -> dict[str, Any] | None:
    """What the setting under :data:`SETTING_KEY` holds now, or None when there is no certificate."""
    with db.session() as session:
        setting = session.get(Setting, SETTING_KEY)
        return dict(setting.value) if setting is not None else None


def certificate_from(b64: str) -> x509.Certificate:
    """A certificate kept in the record (base64 DER)."""
    return x509.load_der_x509_certificate(base64.b64decode(b64))
