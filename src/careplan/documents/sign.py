"""Signing an agreement PDF with the service's certificate (pyHanko, PAdES).

``sign_pdf`` is a pure function of its inputs: bytes in, bytes out, no database, no keyring, no
Qt, no files. It can run on any thread that has no asyncio event loop running (a worker thread
of the GUI, the command line); inside a running loop, await ``async_sign_pdf`` instead.

What it makes:

- PAdES baseline B-B (``/SubFilter /ETSI.CAdES.detached``, SHA-256, the signing certificate
  bound by the ESS signing-certificate-v2 attribute), or B-T when a timestamp server is given
  (an RFC 3161 signature timestamp from that server);
- the signing time in the signature dictionary (``/M``);
- a visible stamp on the last page, in the bottom-right corner (:func:`stamp_box`):
  "Digitally signed by <organisation> on <date>". Renderers keep that corner of the last page
  free.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import unicodedata
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from careplan.domain.errors import CareplanError
from careplan.domain.wording.dates import long_date
from careplan.services.signing_certificate import SigningIdentity

FIELD_NAME = "CareplanServiceSignature"
DEFAULT_REASON = "Agreement issued by the service"
DEFAULT_LOCATION = ""

# The stamp: a box in the bottom-right corner of the last page, inside the space the renderer
# keeps clear there (``careplan.documents.render.STAMP_BOX``: 240 x 78 points, 22 mm from the
# right and bottom edges). PDF points, from the page's corner.
STAMP_WIDTH = 236
STAMP_HEIGHT = 60
STAMP_RIGHT_MARGIN = 64
STAMP_BOTTOM = 72
TIMESTAMP_TIMEOUT = 10
SIGNATURE_SPACE = 8_192
"""Bytes kept for the signature itself and its signed attributes, besides the certificates."""
TIMESTAMP_SPACE = 12_288
"""Bytes kept for a timestamp token (its own certificate chain included)."""


class SigningFailed(CareplanError):
    """The PDF could not be signed. Nothing was written."""


def stamp_box(page_width: float, page_height: float) -> tuple[int, int, int, int]:
    """Where the visible signature goes on a page of this size: (x1, y1, x2, y2) in points."""
    del page_height
    right = int(page_width) - STAMP_RIGHT_MARGIN
    return (right - STAMP_WIDTH, STAMP_BOTTOM, right, STAMP_BOTTOM + STAMP_HEIGHT)


def _space_needed(identity: SigningIdentity, *, timestamped: bool) -> int:
    """Bytes to keep in the file for the signature: enough for the embedded certificates, a
    timestamp token when there is one, and the signature; pyHanko refuses if it does not fit."""
    certificates = sum(
        len(c.public_bytes(serialization.Encoding.DER)) for c in (identity.certificate, *identity.chain)
    )
    needed = SIGNATURE_SPACE + certificates + (TIMESTAMP_SPACE if timestamped else 0)
    return -(-needed // 1024) * 1024  # whole kilobytes (pyHanko wants an even number)


def _winansi(text: str) -> str:
    """Text the stamp's standard font can show: accents kept where Latin-1 has them, others
    reduced to their base letter, anything else a question mark."""
    shown = []
    for char in text:
        if " " <= char <= "~" or "\xa0" <= char <= "\xff":
            shown.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        base = "".join(c for c in base if " " <= c <= "~" or "\xa0" <= c <= "\xff")
        shown.append(base or "?")
    return "".join(shown)


def _last_page_size(reader: Any) -> tuple[float, float]:
    page_ref, _resources = reader.find_page_for_modification(-1)
    node = page_ref.get_object()
    while node is not None:
        box = node.get("/MediaBox")
        if box is not None:
            x1, y1, x2, y2 = (float(v) for v in box)
            return abs(x2 - x1), abs(y2 - y1)
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return 595.0, 842.0  # A4


def _signer(identity: SigningIdentity) -> Any:
    """A pyHanko signer that signs with the key already in memory.

    pyHanko's ``SimpleSigner`` parses its key from DER again for every signature, and OpenSSL
    checks an RSA key each time it is parsed (about 120 ms for 3072 bits): this one uses the key
    ``signing_identity`` opened (and checked) once.
    """
    # pyHanko (and its asn1crypto) only when a PDF is signed: the app starts without them
    # (tests/gui/test_startup_imports.py).
    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from pyhanko.keys import load_certs_from_pemder_data
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    digests: dict[str, hashes.HashAlgorithm] = {
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }
    private_key = identity.private_key

    class KeySigner(SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
            digest = digests.get(digest_algorithm.lower())
            if (
                digest is not None
                and mechanism == "rsassa_pkcs1v15"
                and isinstance(private_key, rsa.RSAPrivateKey)
            ):
                return private_key.sign(data, padding.PKCS1v15(), digest)
            if (
                digest is not None
                and mechanism == "ecdsa"
                and isinstance(private_key, ec.EllipticCurvePrivateKey)
            ):
                return private_key.sign(data, ec.ECDSA(digest))
            signature: bytes = super().sign_raw(data, digest_algorithm)
            return signature

    def asn1_cert(certificate: Any) -> Any:
        return next(load_certs_from_pemder_data(certificate.public_bytes(serialization.Encoding.DER)))

    key_der = private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    certificate = asn1_cert(identity.certificate)
    store = SimpleCertificateStore()  # type: ignore[no-untyped-call]
    store.register_multiple([certificate, *(asn1_cert(c) for c in identity.chain)])
    return KeySigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=store,
    )


async def async_sign_pdf(
    pdf_bytes: bytes,
    identity: SigningIdentity,
    *,
    timestamp_url: str | None = None,
    reason: str = DEFAULT_REASON,
    location: str = DEFAULT_LOCATION,
    now: dt.datetime | None = None,
) -> bytes:
    """:func:`sign_pdf` for code already inside an asyncio event loop."""
    # pyHanko only when a PDF is signed: the app starts without it (tests/gui/test_startup_imports.py).
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.font.basic import SimpleFontEngineFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.sign.general import SigningError
    from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError
    from pyhanko.stamp import TextStampStyle

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
        width, height = _last_page_size(writer.prev)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise SigningFailed("The agreement could not be signed: it is not a PDF Careplan can read.") from exc

    signed_on = (now or dt.datetime.now(dt.UTC)).astimezone()
    style = TextStampStyle(
        stamp_text="Digitally signed by\n%(organisation)s\non %(date)s",
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins(left=10, right=6, top=4, bottom=4),
        ),
        text_box_style=TextBoxStyle(font=SimpleFontEngineFactory("Helvetica", 0.5), font_size=9, leading=12),
        border_width=1,
        background=None,
    )
    timestamper = HTTPTimeStamper(timestamp_url, timeout=TIMESTAMP_TIMEOUT) if timestamp_url else None
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            reason=reason or None,
            location=location or None,
            name=identity.organisation,
        ),
        signer=_signer(identity),
        timestamper=timestamper,
        stamp_style=style,
        new_field_spec=fields.SigFieldSpec(
            sig_field_name=FIELD_NAME, on_page=-1, box=stamp_box(width, height)
        ),
    )
    try:
        output = await pdf_signer.async_sign_pdf(
            writer,
            bytes_reserved=_space_needed(identity, timestamped=timestamper is not None),
            appearance_text_params={
                "organisation": _winansi(identity.organisation),
                "date": long_date(signed_on),
            },
        )
    except TimestampRequestError as exc:
        raise SigningFailed(
            f"The timestamp server ({timestamp_url}) did not give a timestamp, so nothing was signed. "
            "Check the computer is online, or ask a manager to check the timestamp server's address."
        ) from exc
    except (SigningError, PdfError, ValueError, KeyError) as exc:
        raise SigningFailed("The agreement could not be signed: the PDF could not be prepared.") from exc
    data: bytes = output.getvalue()
    return data


def sign_pdf(
    pdf_bytes: bytes,
    identity: SigningIdentity,
    *,
    timestamp_url: str | None = None,
    reason: str = DEFAULT_REASON,
    location: str = DEFAULT_LOCATION,
    now: dt.datetime | None = None,
) -> bytes:
    """The PDF, signed by the service (PAdES B-B; B-T with a timestamp server).

    ``now`` only sets the date printed in the stamp (tests); the signature's own time is the
    moment of signing. Raises :class:`SigningFailed` with a plain message; returns new bytes and
    never changes its input.
    """
    return asyncio.run(
        async_sign_pdf(
            pdf_bytes, identity, timestamp_url=timestamp_url, reason=reason, location=location, now=now
        )
    )
