"""Checking an agreement PDF someone brings in: three questions, answered in plain words.

1. **Is it unchanged since it was signed?** Only if it carries exactly one signature, that
   signature is intact and cryptographically valid, and it covers the *entire file*. Any changed
   byte, anything appended (an incremental update, a second signature, even junk after the end)
   means "changed after signing". That includes the bytes no digest covers: the signature's own
   ``/Contents`` must be exactly the upper-case hex pyHanko wrote, padding zeros and all. A file
   with no signature is "not signed".
2. **Who signed it, and is that this service?** The signer's certificate is compared, by its
   SHA-256 fingerprint, with this service's current certificate and the ones it replaced.
3. **Does the plan fingerprint inside match a stored plan version?** Asked only when this
   service signed the file: under anyone else's signature the ``Keywords`` are the signer's claim,
   so they are not looked up (nor the document id and signing time shown). The SHA-256 in the
   PDF's ``Keywords`` (the contract in :mod:`careplan.documents`) is looked up with
   ``find_version``; the plan key and version number the PDF names must be the ones the record has.

Exit codes (``careplan verify``), one per failure; when several fail, the first in this list wins
(an answer to a later question means little when an earlier one fails):

- 0 all three hold;
- 10 changed after signing, not signed, or not a readable PDF;
- 11 signed, unchanged, but not by this service's current or earlier certificate;
- 12 signed by this service and unchanged, but the plan fingerprint matches no stored version
  (or not the plan and version the document names, or there is none in it).

Pure: bytes in, an answer out. No database (``find_version`` is handed in), no Qt, no files.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import io
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from careplan.documents import (
    KEYWORD_AUDIT,
    KEYWORD_DOCUMENT,
    KEYWORD_PLAN,
    KEYWORD_SHA256,
    KEYWORD_VERSION,
    SUBJECT,
    parse_keywords,
)
from careplan.domain.enums import PlanStatus
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.statuses import plan_status_words
from careplan.services.certificate_record import fingerprint, organisation_of
from careplan.services.verification import VersionMatch

EXIT_OK = 0
EXIT_CHANGED = 10
EXIT_UNTRUSTED = 11
EXIT_NO_MATCH = 12

YES = "\u2713"  # ✓
NO = "\u2717"  # ✗
SKIPPED = "\u2013"  # –

_NOISY_LOGGERS = ("pyhanko", "pyhanko_certvalidator")


@dataclass(frozen=True)
class Verification:
    """The three answers, each with the line a person reads."""

    unchanged: bool
    unchanged_line: str
    signed_by_service: bool
    signer_line: str
    plan_matches: bool
    plan_line: str
    signed_at: dt.datetime | None = None
    signer: str | None = None
    signer_fingerprint: str | None = None
    earlier_certificate: bool = False
    document_id: str | None = None
    match: VersionMatch | None = None
    audit_anchor: str | None = None  # ``careplan-audit`` from the Keywords, only when this service signed

    @property
    def ok(self) -> bool:
        return self.unchanged and self.signed_by_service and self.plan_matches

    @property
    def exit_code(self) -> int:
        if not self.unchanged:
            return EXIT_CHANGED
        if not self.signed_by_service:
            return EXIT_UNTRUSTED
        if not self.plan_matches:
            return EXIT_NO_MATCH
        return EXIT_OK

    @property
    def lines(self) -> tuple[str, str, str]:
        return (self.unchanged_line, self.signer_line, self.plan_line)

    @property
    def summary(self) -> str:
        if self.ok:
            return "This is a genuine agreement from this service, unchanged since it was signed."
        if not self.unchanged:
            return "Do not rely on this file: it is not a document the service signed, as it is now."
        if not self.signed_by_service:
            return "Do not rely on this file: it was not signed by this service."
        return "Do not rely on this file: it does not match any plan version in this service's records."


def _unreadable(*, damaged: bool) -> Verification:
    line = (
        f"{NO} This PDF is damaged (it could not be read), so it is not the document the service signed."
        if damaged
        else f"{NO} This file is not a PDF, so it cannot be checked."
    )
    return Verification(
        unchanged=False,
        unchanged_line=line,
        signed_by_service=False,
        signer_line=f"{SKIPPED} Who signed it could not be checked.",
        plan_matches=False,
        plan_line=f"{SKIPPED} The plan fingerprint could not be checked.",
    )


@contextlib.contextmanager
def _quiet_validation() -> Iterator[None]:
    """pyHanko logs a traceback when a certificate does not chain to a trusted root; that is an
    answer here, not an error. Quieten its loggers while checking, then put them back."""
    saved = []
    for name in _NOISY_LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        for logger, level in saved:
            logger.setLevel(level)


def _as_pyca(certificate: Any) -> x509.Certificate:
    return x509.load_der_x509_certificate(certificate.dump())


def _der_length(data: bytes) -> int | None:
    """The length of the DER element at the start of ``data`` (tag, length and contents)."""
    if len(data) < 2 or data[0] != 0x30:  # a CMS ContentInfo is a SEQUENCE
        return None
    first = data[1]
    if first < 0x80:
        return 2 + first
    count = first & 0x7F
    if count == 0 or count > 4 or len(data) < 2 + count:
        return None
    return 2 + count + int.from_bytes(data[2 : 2 + count], "big")


def _contents_as_written(pdf_bytes: bytes, signature: Any) -> bool:
    """The gap the byte range leaves is exactly ``<HEX>``: the signature's bytes in the upper-case
    hex digits pyHanko writes. No digest covers that gap, and PDF readers (pyHanko among them)
    decode ``<ab>``, ``<AB>`` or ``<a b>`` alike, so a file whose digits were rewritten in another
    case or spacing still validates. It is no longer the file that was signed, all the same."""
    byte_range = signature.byte_range
    if len(byte_range) != 4:
        return False
    start, end = int(byte_range[1]), int(byte_range[2])
    contents = bytes(signature.pkcs7_content)
    return pdf_bytes[start:end] == b"<" + contents.hex().upper().encode("ascii") + b">"


def _padding_is_clean(signature: Any) -> bool:
    """The bytes after the signature's own DER inside ``/Contents`` are the zeros the signer
    left. No digest covers them and pyHanko (and poppler's pdfsig) ignore them, but a changed
    byte there is still a changed byte."""
    contents = bytes(signature.sig_object.get("/Contents"))
    used = _der_length(contents)
    if used is None or used > len(contents):
        return False
    return contents[used:] == b"\x00" * (len(contents) - used)


async def _check_integrity(
    pdf_bytes: bytes, signatures: Sequence[Any], trust_roots: list[Any]
) -> tuple[bool, str, Any]:
    """(unchanged, line, status of the service's signature or None)."""
    # pyHanko only when a PDF is checked: the app starts without it (tests/gui/test_startup_imports.py).
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    changed = f"{NO} Changed after signing: this is not the document the service signed."
    if len(signatures) != 1:
        return (
            False,
            f"{NO} Changed after signing: more was signed into the file after the first signature, "
            "so this is not the document as it was first signed.",
            None,
        )
    signature = signatures[0]
    context = ValidationContext(trust_roots=trust_roots, allow_fetching=False)
    try:
        status = await async_validate_pdf_signature(signature, context, skip_diff=True)
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        del exc
        return False, changed, None
    if not (status.intact and status.valid):
        return False, changed, status
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return (
            False,
            f"{NO} Changed after signing: something was added to the file after it was signed, "
            "so this is not the document the service signed.",
            status,
        )
    if not (_padding_is_clean(signature) and _contents_as_written(pdf_bytes, signature)):
        return False, changed, status
    timestamp = getattr(status, "timestamp_validity", None)
    if timestamp is not None and not (timestamp.intact and timestamp.valid):
        return False, changed, status  # the signature's timestamp token was altered
    when = _signing_time(status)
    on = f" on {long_date(when.astimezone())}" if when is not None else ""
    return True, f"{YES} Unchanged since it was signed{on}.", status


def _signing_time(status: Any) -> dt.datetime | None:
    timestamp = getattr(status, "timestamp_validity", None)
    if timestamp is not None and timestamp.intact and timestamp.valid and timestamp.trusted:
        moment: dt.datetime = timestamp.timestamp
        return moment
    reported: dt.datetime | None = getattr(status, "signer_reported_dt", None)
    return reported


def _keywords(reader: Any) -> tuple[str, str]:
    try:
        info = reader.trailer_view["/Info"]
    except KeyError:
        return "", ""
    return str(info.get("/Subject", "")), str(info.get("/Keywords", ""))


def _plan_answer(
    subject: str, keywords: str, find_version: Callable[[str], VersionMatch | None]
) -> tuple[bool, str, str | None, VersionMatch | None]:
    fields = parse_keywords(keywords)
    document = fields.get(KEYWORD_DOCUMENT)
    sha256 = fields.get(KEYWORD_SHA256, "").lower()
    if subject != SUBJECT or not sha256:
        return (
            False,
            f"{NO} This is not a Careplan agreement: there is no plan fingerprint in it.",
            document,
            None,
        )
    match = find_version(sha256)
    if match is None:
        return (
            False,
            f"{NO} The plan fingerprint inside ({sha256[:12]}…) matches no plan version in this "
            "service's records.",
            document,
            None,
        )
    said_plan, said_version = fields.get(KEYWORD_PLAN), fields.get(KEYWORD_VERSION)
    if said_plan != match.plan_key or said_version != str(match.version_number):
        return (
            False,
            f"{NO} The plan fingerprint inside belongs to version {match.version_number} of plan "
            f"{match.plan_id}, but the document says it is another plan or version.",
            document,
            match,
        )
    words = plan_status_words(match.status)
    if match.status in (PlanStatus.SUPERSEDED, PlanStatus.CLOSED) and match.approved:
        words = f"approved, since {words}"
    return (
        True,
        f"{YES} Matches version {match.version_number} of plan {match.plan_id} in the record "
        f"({words}; plan key {match.plan_key}).",
        document,
        match,
    )


async def async_verify_pdf(
    pdf_bytes: bytes,
    *,
    trusted: Sequence[x509.Certificate],
    earlier: Sequence[x509.Certificate] = (),
    find_version: Callable[[str], VersionMatch | None],
) -> Verification:
    """:func:`verify_pdf` for code already inside an asyncio event loop."""
    # pyHanko only when a PDF is checked: the app starts without it (tests/gui/test_startup_imports.py).
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if b"%PDF-" not in pdf_bytes[:1024]:
        return _unreadable(damaged=False)
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        subject, keywords = _keywords(reader)
    except (PdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
        return _unreadable(damaged=True)
    if not signatures:
        return Verification(
            unchanged=False,
            unchanged_line=f"{NO} Not signed: this PDF carries no digital signature, so nothing "
            "shows whether it was changed.",
            signed_by_service=False,
            signer_line=f"{NO} Not signed by this service (not signed at all).",
            plan_matches=False,
            plan_line=f"{SKIPPED} The plan fingerprint was not checked: nothing vouches for it.",
        )

    current = {fingerprint(c) for c in trusted}
    old = {fingerprint(c) for c in earlier} - current
    try:
        embedded = signatures[-1].signer_cert
        signer_cert = _as_pyca(embedded)
        signer = organisation_of(signer_cert)
        signer_print = fingerprint(signer_cert)
        # Trust is decided below, by fingerprint. pyHanko is only given the signer's own
        # certificate as a root when it is one of ours: a stranger's certificate that merely
        # copies the service's name must never be checked against the service's key.
        roots = [embedded] if signer_print in current | old else []
        with _quiet_validation():
            unchanged, unchanged_line, status = await _check_integrity(pdf_bytes, signatures, roots)
    except Exception:  # a hostile or broken file gets an answer, never a crash
        return _unreadable(damaged=True)

    if not unchanged:
        return Verification(
            unchanged=False,
            unchanged_line=unchanged_line,
            signed_by_service=False,
            signer_line=f"{SKIPPED} Who signed it cannot be relied on: the file is not what was signed "
            f"(it names {signer}).",
            plan_matches=False,
            plan_line=f"{SKIPPED} The plan fingerprint cannot be relied on: the file is not what was signed.",
            signer=signer,
            signer_fingerprint=signer_print,
        )

    if signer_print not in current | old:
        # Whoever holds that certificate wrote everything else too: the signing time it reports
        # and the Keywords naming a plan and version are its claims, not this service's, so they
        # are neither shown nor looked up.
        return Verification(
            unchanged=True,
            unchanged_line=f"{YES} Unchanged since it was signed.",
            signed_by_service=False,
            signer_line=f"{NO} Signed by {signer}, which is not this service's certificate "
            f"(certificate fingerprint {signer_print[:16]}…).",
            plan_matches=False,
            plan_line=f"{SKIPPED} Which plan it belongs to was not looked up: someone other than "
            "this service signed it, so the plan it names cannot be trusted.",
            signer=signer,
            signer_fingerprint=signer_print,
        )

    is_earlier = signer_print not in current
    signer_line = (
        f"{YES} Signed by {signer} (this service's earlier certificate, since replaced)."
        if is_earlier
        else f"{YES} Signed by {signer} (this service's certificate)."
    )
    plan_ok, plan_line, document, match = _plan_answer(subject, keywords, find_version)
    return Verification(
        unchanged=True,
        unchanged_line=unchanged_line,
        signed_by_service=True,
        signer_line=signer_line,
        plan_matches=plan_ok,
        plan_line=plan_line,
        signed_at=_signing_time(status),
        signer=signer,
        signer_fingerprint=signer_print,
        earlier_certificate=is_earlier,
        document_id=document,
        match=match,
        audit_anchor=parse_keywords(keywords).get(KEYWORD_AUDIT),
    )


def verify_pdf(
    pdf_bytes: bytes,
    *,
    trusted: Sequence[x509.Certificate],
    earlier: Sequence[x509.Certificate] = (),
    find_version: Callable[[str], VersionMatch | None],
) -> Verification:
    """Answer the three questions about a PDF (see the module's docstring).

    ``trusted``: this service's current certificate(s); ``earlier``: the ones they replaced;
    ``find_version``: the stored plan version with a given SHA-256, or None. Never raises for a
    bad file: a file that is not a PDF is reported as such (exit code 10).
    """
    return asyncio.run(
        async_verify_pdf(pdf_bytes, trusted=trusted, earlier=earlier, find_version=find_version)
    )
