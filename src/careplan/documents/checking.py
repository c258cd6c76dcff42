"""Checking an agreement file against this service's record: what ``careplan verify`` and the
app's "Verify an agreement…" dialog both do. Reads the file (with a size limit), gathers the
trusted certificates and the plan-fingerprint lookup from the database, and asks
:func:`careplan.documents.verify.verify_pdf` the three questions. No Qt."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careplan.documents.verify import Verification, verify_pdf
from careplan.domain.errors import CareplanError
from careplan.services.audit import ChainAnchor
from careplan.services.audit_anchors import AnchorKind, AnchorSource
from careplan.services.chosen_files import FileRefused, read_chosen
from careplan.services.verification import find_plan_version_by_sha256, trusted_certificates

if TYPE_CHECKING:
    from careplan.services.opening import Database

MAX_PDF_BYTES = 100 * 1024 * 1024


class UnreadableFile(CareplanError):
    """The file could not be read at all (so it was not checked)."""


def read_agreement_file(path: Path) -> bytes:
    """The file's bytes, or :class:`UnreadableFile` with a plain reason (nothing there, a folder,
    a device or a named pipe, not allowed, too big)."""
    try:
        return read_chosen(path, kind="a PDF file", limit=MAX_PDF_BYTES)
    except FileRefused as exc:
        raise UnreadableFile(exc.message) from None


def check_agreement(db: Database, pdf_bytes: bytes) -> Verification:
    """The three answers for these bytes, against this service's certificates and plan versions."""
    trust = trusted_certificates(db)
    return verify_pdf(
        pdf_bytes,
        trusted=trust.current,
        earlier=trust.earlier,
        find_version=lambda sha256: find_plan_version_by_sha256(db, sha256),
    )


def agreement_anchor_sources(db: Database, given: Sequence[Path]) -> list[AnchorSource]:
    """The audit anchor of each agreement ``given`` (a PDF file, or a folder: every ``*.pdf`` in
    it), for ``careplan audit verify``. An anchor counts only in a file this service signed
    (current or earlier certificate) and nobody changed since: anyone can write Keywords."""
    paths: list[Path] = []
    for place in given:
        if place.is_dir():
            paths += sorted(p for p in place.glob("*.pdf") if p.is_file())
            paths += sorted(p for p in place.glob("*.PDF") if p.is_file())
        else:
            paths.append(place)
    return [_agreement_source(db, path) for path in dict.fromkeys(p.absolute() for p in paths)]


def _agreement_source(db: Database, path: Path) -> AnchorSource:
    try:
        data = read_agreement_file(path)
    except UnreadableFile as exc:
        return AnchorSource(AnchorKind.AGREEMENT, path.name, unusable=exc.message)
    result = check_agreement(db, data)
    if not (result.unchanged and result.signed_by_service):
        return AnchorSource(
            AnchorKind.AGREEMENT,
            path.name,
            unusable="it is not an agreement this service signed, unchanged since "
            "(careplan verify says why).",
        )
    anchor = ChainAnchor.from_text(result.audit_anchor) if result.audit_anchor else None
    return AnchorSource(
        AnchorKind.AGREEMENT, path.name, result.signed_at, anchor, document_id=result.document_id
    )
