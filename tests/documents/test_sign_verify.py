"""The service's digital signature on an agreement PDF, and checking a PDF someone brings in.

These tests make their own small PDFs with ReportLab (carrying the contract's Subject and
Keywords), so they do not depend on the agreement renderer. Keys and certificates are made in
memory for each test module; nothing is written outside pytest's temporary folders.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from careplan import documents
from careplan.documents.sign import FIELD_NAME, SigningFailed, sign_pdf, stamp_box
from careplan.documents.verify import (
    EXIT_CHANGED,
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_UNTRUSTED,
    Verification,
    async_verify_pdf,
    verify_pdf,
)
from careplan.domain.enums import PlanStatus
from careplan.domain.wording.dates import long_date
from careplan.services.certificate_record import fingerprint, make_self_signed, organisation_of
from careplan.services.signing_certificate import SigningIdentity
from careplan.services.verification import VersionMatch

SHA = "3f" * 32
OTHER_SHA = "0a" * 32
PLAN_KEY = "5" * 32
VERSION = 3
ORGANISATION = "Harbour Recovery Service"
PAGE_TEXT = b"Quillbramble goal: I want my kids to see me well"


# --- helpers ------------------------------------------------------------------------------------


def make_pdf(
    *,
    sha256: str = SHA,
    plan_key: str = PLAN_KEY,
    version: int = VERSION,
    subject: str = documents.SUBJECT,
    pages: int = 2,
) -> bytes:
    """A small uncompressed PDF carrying the contract's Subject and Keywords."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
    pdf.setSubject(subject)
    pdf.setKeywords(documents.keywords(documents.document_id(41, sha256), plan_key, version, sha256))
    for number in range(1, pages + 1):
        pdf.drawString(72, 760, f"Page {number} of {pages}")
        pdf.drawString(72, 700, PAGE_TEXT.decode())
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def identity_for(organisation: str, key_kind: str = "rsa-3072") -> SigningIdentity:
    key, certificate = make_self_signed(organisation, key_kind)  # type: ignore[arg-type]
    return SigningIdentity(
        private_key=key,
        certificate=certificate,
        chain=(),
        organisation=organisation_of(certificate),
        fingerprint=fingerprint(certificate),
    )


def finder(*known: VersionMatch) -> Callable[[str], VersionMatch | None]:
    by_sha = {SHA: known[0]} if known else {}
    return by_sha.get


MATCH = VersionMatch(
    plan_key=PLAN_KEY,
    plan_id=7,
    version_id=41,
    version_number=VERSION,
    status=PlanStatus.APPROVED,
    approved=True,
)


def flip(data: bytes, position: int) -> bytes:
    changed = bytearray(data)
    changed[position] ^= 0x01
    return bytes(changed)


def contents_span(data: bytes) -> tuple[int, int]:
    """Where the signature's hex digits are (between < and > after /Contents)."""
    start = data.rindex(b"/Contents <") + len(b"/Contents <")
    return start, data.index(b">", start)


@dataclass(frozen=True)
class Signed:
    identity: SigningIdentity
    unsigned: bytes
    signed: bytes

    def check(self, data: bytes | None = None, **kwargs: object) -> Verification:
        options: dict[str, object] = {"trusted": [self.identity.certificate], "find_version": finder(MATCH)}
        options.update(kwargs)
        return verify_pdf(self.signed if data is None else data, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def service() -> SigningIdentity:
    return identity_for(ORGANISATION)


@pytest.fixture(scope="module")
def stranger() -> SigningIdentity:
    """Someone else's certificate, with the very same name as the service's."""
    return identity_for(ORGANISATION, "ec-p256")


@pytest.fixture(scope="module")
def signed(service: SigningIdentity) -> Signed:
    unsigned = make_pdf()
    return Signed(service, unsigned, sign_pdf(unsigned, service))


# --- a genuine agreement --------------------------------------------------------------------------


def test_a_signed_agreement_passes_all_three_checks(signed: Signed) -> None:
    result = signed.check()
    assert result.ok
    assert result.exit_code == EXIT_OK
    today = long_date(dt.datetime.now(dt.UTC).astimezone())
    assert result.unchanged_line == f"✓ Unchanged since it was signed on {today}."
    assert result.signer_line == f"✓ Signed by {ORGANISATION} (this service's certificate)."
    assert result.plan_line.startswith(f"✓ Matches version {VERSION} of plan 7 in the record (approved;")
    assert result.document_id == documents.document_id(41, SHA)
    assert result.match == MATCH
    assert result.signer_fingerprint == signed.identity.fingerprint
    assert result.signed_at is not None
    assert abs(result.signed_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=10)


def test_signing_is_pades_baseline_b_with_a_stamp_on_the_last_page(signed: Signed) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(signed.signed))
    [signature] = reader.embedded_regular_signatures
    assert signature.field_name == FIELD_NAME
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert signature.sig_object["/M"]  # the signing time
    assert signature.self_reported_timestamp is not None
    signed_attrs = {attr["type"].native for attr in signature.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in signed_attrs  # PAdES B-B binds the certificate
    assert signature.signer_info["digest_algorithm"]["algorithm"].native == "sha256"
    # The visible stamp: a widget on the last page, in the bottom-right corner, saying who and when.
    widget = signature.sig_field
    last_page = reader.root["/Pages"]["/Kids"][-1]
    assert widget["/P"].get_object() == last_page.get_object()
    rect = [float(v) for v in widget["/Rect"]]
    assert rect == [float(v) for v in stamp_box(595.2756, 841.8898)]
    assert rect[1] < 150
    assert rect[2] > 400
    appearance = widget["/AP"]["/N"].get_object().data
    assert b"(Digitally signed by) Tj" in appearance
    assert f"({ORGANISATION}) Tj".encode() in appearance
    assert long_date(dt.datetime.now(dt.UTC).astimezone()).encode() in appearance


def test_the_stamp_fits_in_the_space_the_renderer_keeps_clear() -> None:
    from careplan.documents import render
    from careplan.documents.layout_styles import PAGE_HEIGHT, PAGE_WIDTH

    x1, y1, x2, y2 = stamp_box(PAGE_WIDTH, PAGE_HEIGHT)
    rx1, ry1, rx2, ry2 = render.STAMP_BOX
    assert rx1 <= x1 < x2 <= rx2
    assert ry1 <= y1 < y2 <= ry2


def test_signing_is_pure_and_leaves_its_input_alone(service: SigningIdentity) -> None:
    unsigned = make_pdf(pages=1)
    copy = bytes(unsigned)
    first = sign_pdf(unsigned, service)
    second = sign_pdf(unsigned, service)
    assert unsigned == copy
    assert first.startswith(unsigned)  # an incremental update on top of the original
    for data in (first, second):
        assert verify_pdf(data, trusted=[service.certificate], find_version=finder(MATCH)).ok


def test_a_name_outside_latin_1_still_signs_and_verifies() -> None:
    identity = identity_for("Zdrowie Łódź Service", "ec-p256")
    data = sign_pdf(make_pdf(pages=1), identity)
    result = verify_pdf(data, trusted=[identity.certificate], find_version=finder(MATCH))
    assert result.ok
    assert result.signer_line == "✓ Signed by Zdrowie Łódź Service (this service's certificate)."


def test_signing_something_that_is_not_a_pdf_fails_plainly(service: SigningIdentity) -> None:
    with pytest.raises(SigningFailed) as info:
        sign_pdf(b"this is not a PDF at all", service)
    assert "not a PDF" in info.value.message


def test_verifying_inside_a_running_event_loop(signed: Signed) -> None:
    async def check() -> Verification:
        return await async_verify_pdf(
            signed.signed, trusted=[signed.identity.certificate], find_version=finder(MATCH)
        )

    assert asyncio.run(check()).ok


# --- changed after signing (exit 10) ----------------------------------------------------------


def _positions(signed: bytes, unsigned: bytes) -> dict[str, int]:
    start, end = contents_span(signed)
    der = signed[start:end].rstrip(b"0")
    return {
        "the page's words": signed.index(PAGE_TEXT) + 10,
        "the plan fingerprint in Keywords": signed.index(SHA.encode()) + 5,
        "the middle of the original file": len(unsigned) // 2,
        "the signature value itself": start + len(der) - 40,
        "the unused padding of the signature": end - 20,
        "the signature dictionary's byte range": signed.rindex(b"/ByteRange") + 13,
        "the cross-reference table near the end": len(signed) - 120,
        "the very end": len(signed) - 3,
    }


@pytest.mark.parametrize(
    "where",
    [
        "the page's words",
        "the plan fingerprint in Keywords",
        "the middle of the original file",
        "the signature value itself",
        "the unused padding of the signature",
        "the signature dictionary's byte range",
        "the cross-reference table near the end",
        "the very end",
    ],
)
def test_any_changed_byte_means_changed_after_signing(signed: Signed, where: str) -> None:
    position = _positions(signed.signed, signed.unsigned)[where]
    result = signed.check(flip(signed.signed, position))
    assert result.exit_code == EXIT_CHANGED, result.lines
    assert not result.unchanged
    assert not result.signed_by_service
    assert not result.plan_matches
    assert result.unchanged_line.startswith("✗ ")


def test_a_changed_hex_digit_in_the_padding_is_caught_though_pyhanko_ignores_it(signed: Signed) -> None:
    """pyHanko (and poppler) accept a signature whose unused /Contents padding was changed: no
    digest covers it. Careplan still calls it changed: any changed byte is a changed byte."""
    _start, end = contents_span(signed.signed)
    tampered = signed.signed[: end - 4] + b"7" + signed.signed[end - 3 :]
    assert len(tampered) == len(signed.signed)
    result = signed.check(tampered)
    assert result.exit_code == EXIT_CHANGED
    assert result.unchanged_line == "✗ Changed after signing: this is not the document the service signed."


@pytest.mark.parametrize("how", ["every digit", "one digit"])
def test_signature_digits_in_another_case_mean_changed(signed: Signed, how: str) -> None:
    """``<3082…>`` and ``<3082…>`` in lower case decode to the same signature, and no digest covers
    them: pyHanko calls both valid. The file is not the one that was signed, all the same."""
    start, end = contents_span(signed.signed)
    digits = signed.signed[start:end]
    assert digits == digits.upper()  # what pyHanko writes (a change here needs verify.py changed)
    letter = next(i for i, byte in enumerate(digits) if byte in b"ABCDEF")
    lowered = (
        digits.lower()
        if how == "every digit"
        else digits[:letter] + digits[letter : letter + 1].lower() + digits[letter + 1 :]
    )
    tampered = signed.signed[:start] + lowered + signed.signed[end:]
    assert tampered != signed.signed
    assert len(tampered) == len(signed.signed)
    result = signed.check(tampered)
    assert result.exit_code == EXIT_CHANGED, result.lines
    assert not result.unchanged
    assert result.unchanged_line == "✗ Changed after signing: this is not the document the service signed."
    assert not result.plan_matches


def test_a_replaced_plan_fingerprint_is_changed_not_a_different_plan(signed: Signed) -> None:
    tampered = signed.signed.replace(SHA.encode(), OTHER_SHA.encode())
    assert tampered != signed.signed
    assert len(tampered) == len(signed.signed)
    result = signed.check(tampered, find_version=lambda sha: MATCH)
    assert result.exit_code == EXIT_CHANGED


def _with_incremental_update(data: bytes, change: Callable[[object], None]) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_appended_incremental_update_means_changed(signed: Signed) -> None:
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject

    def retitle(writer: object) -> None:
        info = writer.trailer["/Info"].get_object()  # type: ignore[attr-defined]
        info[NameObject("/Title")] = TextStringObject("A different title")
        writer.update_container(info)  # type: ignore[attr-defined]

    updated = _with_incremental_update(signed.signed, retitle)
    assert updated.startswith(signed.signed)
    result = signed.check(updated)
    assert result.exit_code == EXIT_CHANGED
    assert "something was added" in result.unchanged_line


def test_an_update_that_swaps_the_fingerprint_for_another_version_is_refused(signed: Signed) -> None:
    """The attack: leave the signature alone and append new Keywords naming another version."""
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject

    def rekey(writer: object) -> None:
        info = writer.trailer["/Info"].get_object()  # type: ignore[attr-defined]
        info[NameObject("/Keywords")] = TextStringObject(
            documents.keywords("CP-9-0A0A0A0A", PLAN_KEY, 9, OTHER_SHA)
        )
        writer.update_container(info)  # type: ignore[attr-defined]

    other = VersionMatch(PLAN_KEY, 7, 49, 9, PlanStatus.ACTIVE, True)
    result = signed.check(_with_incremental_update(signed.signed, rekey), find_version={OTHER_SHA: other}.get)
    assert result.exit_code == EXIT_CHANGED


def test_a_second_signature_on_top_means_changed(signed: Signed, stranger: SigningIdentity) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from careplan.documents.sign import _signer

    twice = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(signed.signed)),
        signers.PdfSignatureMetadata(field_name="Countersignature"),
        signer=_signer(stranger),
    ).getvalue()
    assert twice.startswith(signed.signed)
    result = signed.check(twice)
    assert result.exit_code == EXIT_CHANGED
    assert "more was signed into the file" in result.unchanged_line


def test_bytes_after_the_end_of_file_mean_changed(signed: Signed) -> None:
    result = signed.check(signed.signed + b"\n%% appended later\n")
    assert result.exit_code == EXIT_CHANGED


def test_a_cut_short_file_is_changed_or_damaged(signed: Signed) -> None:
    result = signed.check(signed.signed[: len(signed.signed) - 400])
    assert result.exit_code == EXIT_CHANGED


def test_an_unsigned_pdf_is_not_signed(signed: Signed) -> None:
    result = signed.check(signed.unsigned)
    assert result.exit_code == EXIT_CHANGED
    assert result.unchanged_line.startswith("✗ Not signed")
    assert result.signer_line == "✗ Not signed by this service (not signed at all)."


@pytest.mark.parametrize("data", [b"", b"hello", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, b"%PDF-1.7\n garbage"])
def test_a_file_that_is_not_a_pdf_gets_a_plain_answer(signed: Signed, data: bytes) -> None:
    result = signed.check(data)
    assert result.exit_code == EXIT_CHANGED
    assert result.unchanged_line.startswith("✗ This")
    assert all("Error" not in line and "Traceback" not in line for line in result.lines)


# --- who signed it (exit 11) ------------------------------------------------------------------------


def test_a_different_certificate_with_the_same_name_is_not_this_service(
    signed: Signed, stranger: SigningIdentity
) -> None:
    forged = sign_pdf(signed.unsigned, stranger)
    result = signed.check(forged)
    assert result.unchanged
    assert result.exit_code == EXIT_UNTRUSTED
    assert result.signer_line.startswith(
        f"✗ Signed by {ORGANISATION}, which is not this service's certificate"
    )
    assert result.signer_fingerprint == stranger.fingerprint


def test_a_strangers_signature_matches_no_plan_whatever_its_keywords_say(
    signed: Signed, stranger: SigningIdentity
) -> None:
    """The stranger copied a genuine agreement's Keywords (plan, version, fingerprint) and signed
    it with their own certificate: the plan it names is their claim, never a match."""
    forged = sign_pdf(signed.unsigned, stranger)
    asked: list[str] = []

    def find_version(sha256: str) -> VersionMatch | None:
        asked.append(sha256)
        return MATCH

    result = signed.check(forged, find_version=find_version)
    assert result.exit_code == EXIT_UNTRUSTED
    assert not result.plan_matches
    assert result.match is None
    assert asked == []  # not even looked up
    assert result.plan_line == (
        "– Which plan it belongs to was not looked up: someone other than this service signed it, "
        "so the plan it names cannot be trusted."
    )
    assert not any(line.startswith("✓ Matches") for line in result.lines)
    # The document id and signing time are the stranger's words too: neither is shown.
    assert result.document_id is None
    assert result.signed_at is None
    assert result.unchanged_line == "✓ Unchanged since it was signed."
    assert "not signed by this service" in result.summary


def test_no_certificate_in_the_record_trusts_nothing(signed: Signed) -> None:
    assert signed.check(trusted=[]).exit_code == EXIT_UNTRUSTED


def test_an_earlier_certificate_still_vouches_for_what_it_signed(
    signed: Signed, stranger: SigningIdentity
) -> None:
    result = signed.check(trusted=[stranger.certificate], earlier=[signed.identity.certificate])
    assert result.exit_code == EXIT_OK
    assert result.earlier_certificate
    assert "this service's earlier certificate" in result.signer_line


def test_untrusted_signer_is_checked_quietly(
    signed: Signed, stranger: SigningIdentity, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    signed.check(sign_pdf(signed.unsigned, stranger))
    assert not [r for r in caplog.records if r.name.startswith("pyhanko") and r.levelno >= logging.WARNING]
    assert logging.getLogger("pyhanko").level != logging.CRITICAL + 1  # put back afterwards


# --- the plan fingerprint (exit 12) -------------------------------------------------------------------


def test_a_fingerprint_that_matches_no_stored_version(signed: Signed) -> None:
    result = signed.check(find_version=finder())
    assert result.unchanged
    assert result.signed_by_service
    assert result.exit_code == EXIT_NO_MATCH
    assert result.plan_line == (
        f"✗ The plan fingerprint inside ({SHA[:12]}…) matches no plan version in this service's records."
    )


def test_a_fingerprint_of_another_plan_than_the_document_names(signed: Signed) -> None:
    elsewhere = VersionMatch("9" * 32, 8, 50, VERSION, PlanStatus.APPROVED, True)
    result = signed.check(find_version={SHA: elsewhere}.get)
    assert result.exit_code == EXIT_NO_MATCH
    assert "the document says it is another plan or version" in result.plan_line


def test_a_signed_pdf_that_is_not_a_careplan_agreement(service: SigningIdentity) -> None:
    data = sign_pdf(make_pdf(subject="Minutes of the meeting"), service)
    result = verify_pdf(data, trusted=[service.certificate], find_version=finder(MATCH))
    assert result.exit_code == EXIT_NO_MATCH
    assert "not a Careplan agreement" in result.plan_line


def test_superseded_versions_still_match_and_say_so(signed: Signed) -> None:
    old = VersionMatch(PLAN_KEY, 7, 41, VERSION, PlanStatus.SUPERSEDED, True)
    result = signed.check(find_version={SHA: old}.get)
    assert result.exit_code == EXIT_OK
    assert "since replaced by a newer version" in result.plan_line


# --- precedence -----------------------------------------------------------------------------------------


def test_changed_wins_over_untrusted_and_untrusted_over_no_match(
    signed: Signed, stranger: SigningIdentity
) -> None:
    forged = sign_pdf(signed.unsigned, stranger)
    assert (
        signed.check(flip(forged, forged.index(PAGE_TEXT)), find_version=finder()).exit_code == EXIT_CHANGED
    )
    assert signed.check(forged, find_version=finder()).exit_code == EXIT_UNTRUSTED


# --- standard tools agree -----------------------------------------------------------------------------


def _pdfsig(path: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("pdfsig")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfsig (poppler-utils) is not installed")
        pytest.skip("pdfsig (poppler-utils) is not installed")
    return subprocess.run([tool, str(path)], capture_output=True, text=True, timeout=60, check=False)


def test_pdfsig_sees_a_valid_signature_over_the_whole_file(signed: Signed, tmp_path: Path) -> None:
    path = tmp_path / "agreement.pdf"
    path.write_bytes(signed.signed)
    result = _pdfsig(path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Signature Validation: Signature is Valid." in result.stdout
    assert "Total document signed" in result.stdout
    assert "ETSI.CAdES.detached" in result.stdout
    assert f"Signer Certificate Common Name: {ORGANISATION}" in result.stdout


def test_pdfsig_sees_a_tampered_copy_as_invalid(signed: Signed, tmp_path: Path) -> None:
    path = tmp_path / "tampered.pdf"
    path.write_bytes(flip(signed.signed, signed.signed.index(PAGE_TEXT) + 10))
    result = _pdfsig(path)
    assert "Signature is Valid." not in result.stdout
    assert "Signature is Invalid" in result.stdout or "Digest Mismatch" in result.stdout, result.stdout


# --- PAdES B-T: a timestamp from a timestamp server --------------------------------------------------


def _tsa_certificate() -> tuple[object, object]:
    from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test Timestamp Authority")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return (
        next(load_certs_from_pemder_data(certificate.public_bytes(serialization.Encoding.DER))),
        load_private_key_from_pemder_data(der_key, passphrase=None),
    )


@pytest.fixture(scope="module")
def timestamp_server() -> Iterator[str]:
    """A local RFC 3161 timestamp server (pyHanko's test TSA behind a small HTTP server)."""
    from asn1crypto import tsp  # type: ignore[import-untyped]
    from pyhanko.sign.timestamps import DummyTimeStamper

    tsa_cert, tsa_key = _tsa_certificate()
    stamper = DummyTimeStamper(tsa_cert=tsa_cert, tsa_key=tsa_key)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            request = tsp.TimeStampReq.load(self.rfile.read(int(self.headers["Content-Length"])))
            body = stamper.request_tsa_response(request).dump()
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/tsa"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_with_a_timestamp_server_the_signature_is_pades_b_t(
    service: SigningIdentity, timestamp_server: str
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    data = sign_pdf(make_pdf(pages=1), service, timestamp_url=timestamp_server)
    [signature] = PdfFileReader(io.BytesIO(data)).embedded_regular_signatures
    unsigned_attrs = {attr["type"].native for attr in signature.signer_info["unsigned_attrs"]}
    assert "signature_time_stamp_token" in unsigned_attrs
    assert verify_pdf(data, trusted=[service.certificate], find_version=finder(MATCH)).ok


def test_an_unreachable_timestamp_server_signs_nothing(service: SigningIdentity) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # Nothing listens on that port now: the connection is refused at once.
    with pytest.raises(SigningFailed) as info:
        sign_pdf(make_pdf(pages=1), service, timestamp_url=f"http://127.0.0.1:{port}/tsa")
    assert "timestamp server" in info.value.message
    assert "nothing was signed" in info.value.message


def _expired_identity() -> SigningIdentity:
    """A certificate that ran out yesterday (as an earlier certificate will, years later)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION)])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=5 * 365))
        .not_valid_after(now - dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return SigningIdentity(key, certificate, (), ORGANISATION, fingerprint(certificate))


def test_an_earlier_certificate_that_has_since_run_out_still_vouches(signed: Signed) -> None:
    old = _expired_identity()
    data = sign_pdf(make_pdf(), old)
    result = verify_pdf(
        data, trusted=[signed.identity.certificate], earlier=[old.certificate], find_version=finder(MATCH)
    )
    assert result.exit_code == EXIT_OK, result.lines
    assert "earlier certificate" in result.signer_line


def test_signing_and_verifying_off_the_main_thread(service: SigningIdentity) -> None:
    from concurrent.futures import ThreadPoolExecutor

    unsigned = make_pdf(pages=1)

    def sign_then_verify(_: int) -> bool:
        data = sign_pdf(unsigned, service)
        return verify_pdf(data, trusted=[service.certificate], find_version=finder(MATCH)).ok

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(sign_then_verify, range(4))) == [True] * 4
