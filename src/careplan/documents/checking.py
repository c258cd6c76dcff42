"""Checking an agreement file against this service's record: what ``careplan verify`` and the
app's "Verify an agreement…" dialog both do. Reads the file (with a size limit), gathers the
trusted certificates and the plan-fingerprint lookup from the database, and asks
:func:`careplan.documents.verify.verify_pdf` the three questions. No Qt."""

from __future__ import annotations

from pathlib import Path

from careplan.documents.verify import Verification
from careplan.domain.errors import CareplanError
from careplan.storage.database import Database

MAX_PDF_BYTES = 100 * 1024 * 1024


class UnreadableFile(CareplanError):
    """The file could not be read at all (so it was not checked)."""


def read_agreement_file(path: Path) -> bytes:
    """The file's bytes, or :class:`UnreadableFile` with a plain reason (nothing there, a folder,
    a device or a named pipe, not allowed, too big)."""
    from careplan.services.chosen_files import FileRefused, read_chosen

    try:
        return read_chosen(path, kind="a PDF file", limit=MAX_PDF_BYTES)
    except FileRefused as exc:
        raise UnreadableFile(exc.message) from None


def check_agreement(db: Database, pdf_bytes: bytes) -> Verification:
    """The three answers for these bytes, against this service's certificates and plan versions."""
    from careplan.documents.verify import verify_pdf
    from careplan.services.signing_certificate import trusted_certificates
    from careplan.services.verification import find_plan_version_by_sha256

    trust = trusted_certificates(db)
    return verify_pdf(
        pdf_bytes,
        trusted=trust.current,
        earlier=trust.earlier,
        find_version=lambda sha256: find_plan_version_by_sha256(db, sha256),
    )
