"""Issuing an agreement: render it, sign it with the service's certificate, check the result;
then save it, or record that it was printed.

The command line (``careplan agreement``) and the app ("Preview and print", "Save as PDF") both
call :func:`issue_signed_agreement`, which runs the use case
:func:`careplan.services.agreement.make_agreement` (permission) with :func:`signed_agreement_maker`
making the PDF, in memory: nothing is recorded yet. The agreement is issued, and recorded in the
audit trail, when :func:`save_agreement` wrote it to a file or the preview printed it
(:func:`record_printed`). No Qt here. :func:`issue_signed_agreement` is safe on a worker thread
(no asyncio loop may be running there).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from careplan.documents.files import write_atomically
from careplan.documents.sign import sign_pdf
from careplan.documents.verify import verify_pdf
from careplan.domain.actor import Actor
from careplan.domain.errors import CareplanError
from careplan.services.agreement import (
    Delivery,
    IssuedAgreement,
    MakeSignedPdf,
    deliver_agreement,
    make_agreement,
)
from careplan.services.agreement_contents import Agreement
from careplan.services.opening import Database
from careplan.services.signing_certificate import SigningIdentity
from careplan.services.timestamp_server import configured_timestamp_url
from careplan.services.verification import find_plan_version_by_sha256

Progress = Callable[[str], None]

LAYING_OUT = "Laying out the pages…"
SIGNING = "Signing it with the service's certificate…"
CHECKING = "Checking the signature…"

log = logging.getLogger(__name__)


class AgreementCheckFailed(CareplanError):
    """The freshly signed PDF did not verify: it is thrown away, never written."""


def _quiet(_text: str) -> None:
    """No progress wanted."""


def signed_agreement_maker(
    db: Database,
    identity: SigningIdentity,
    *,
    timestamp_url: str | None = None,
    progress: Progress | None = None,
) -> MakeSignedPdf:
    """A function that renders an agreement, signs it with ``identity`` and checks the signed
    bytes the way ``careplan verify`` would (all three answers must hold, for this version)."""
    say = progress or _quiet

    def make(agreement: Agreement, *, easy_read: bool) -> bytes:
        # ReportLab only when an agreement is made: the app starts without it
        # (tests/gui/test_startup_imports.py).
        from careplan.documents.render import render_agreement

        say(LAYING_OUT)
        pdf = render_agreement(agreement, easy_read=easy_read)
        say(SIGNING)
        signed = sign_pdf(pdf, identity, timestamp_url=timestamp_url)
        say(CHECKING)
        check = verify_pdf(
            signed,
            trusted=[identity.certificate],
            find_version=lambda sha256: find_plan_version_by_sha256(db, sha256),
        )
        if not check.ok or check.match is None or check.match.version_id != agreement.version_id:
            raise AgreementCheckFailed(
                "The signed agreement did not pass its own check, so it was not written. "
                + " ".join(line for line in check.lines if not line.startswith("\u2713"))
            )
        return signed

    return make


def issue_signed_agreement(
    db: Database,
    actor: Actor,
    version_id: int,
    *,
    easy_read: bool,
    identity: SigningIdentity,
    timestamp_url: str | None = None,
    progress: Progress | None = None,
) -> IssuedAgreement:
    """Render, sign and check the agreement of an approved version, in memory. Nothing is
    recorded until it is saved (:func:`save_agreement`) or printed (:func:`record_printed`).

    ``timestamp_url`` defaults to the configured timestamp server (PAdES B-T), if any.
    """
    url = timestamp_url or configured_timestamp_url(db)
    maker = signed_agreement_maker(db, identity, timestamp_url=url, progress=progress)
    issued = make_agreement(db, actor, version_id, easy_read, make_pdf=maker)
    log.info(
        "signed and checked an agreement (%s, %s)",
        "easy read" if easy_read else "full",
        "timestamped" if url else "no timestamp server",
    )
    return issued


def save_agreement(db: Database, actor: Actor, issued: IssuedAgreement, path: Path) -> None:
    """Write the signed agreement to ``path`` (whole or not at all) and record that it was issued,
    in one unit of work. A write that fails (``OSError``) records nothing and leaves ``path`` as
    it was; a record that fails removes the file just written, then its error passes on."""

    def remove() -> None:
        with contextlib.suppress(OSError):
            path.unlink()

    deliver_agreement(db, actor, issued, Delivery.SAVED, lambda pdf: write_atomically(path, pdf), undo=remove)
    log.info("saved a signed agreement to a file, and recorded it")


def record_printed(db: Database, actor: Actor, issued: IssuedAgreement) -> None:
    """Record that the agreement was sent to a printer (after it was: paper cannot be taken back)."""
    deliver_agreement(db, actor, issued, Delivery.PRINTED)
    log.info("recorded that a signed agreement was printed")
