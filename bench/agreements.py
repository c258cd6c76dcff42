"""Rendering and signing a 10-goal agreement, against doing the same without Careplan.

- Careplan: ``careplan.documents.render.render_agreement`` then ``careplan.documents.sign.sign_pdf``
  on an :class:`~careplan.services.agreement_contents.Agreement` loaded from the database by
  ``load_agreement`` (an approved version) and given ten goals.
- Baseline 1: ReportLab and pyHanko called directly on the same words: the same document, every
  section in the same order with the same fonts, sizes, tables, QR code, drawn signatures and
  "Page X of Y" (:mod:`bench.agreement_baseline`), signed PAdES with a visible stamp with the same
  key. Both page counts are printed with the figure. (Until 26 November 2026 this baseline was a
  plainer three-page document while Careplan's was eight pages: a ratio of 2.2x that measured the
  difference between the documents, not Careplan's code.)
  The pyHanko signer signs with the key already in memory, as Careplan's does (pyHanko's stock
  ``SimpleSigner`` re-checks an RSA key on every signature, about 120 ms, which would flatter
  Careplan).
- Baseline 2: LibreOffice turning an equivalent .docx (python-docx) into PDF, one
  ``soffice --headless --convert-to pdf`` per document, as many services do today. Not signed.
"""

from __future__ import annotations

import asyncio
import io
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.keyed import connect

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "src" / "careplan" / "resources" / "fonts"
GOALS = 10


def identity() -> Any:
    """A signing identity made for the run (a new RSA-3072 key and self-signed certificate)."""
    from careplan.services.certificate_record import fingerprint, make_self_signed
    from careplan.services.signing_certificate import SigningIdentity

    key, certificate = make_self_signed("Careplan benchmark service")
    return SigningIdentity(key, certificate, (), "Careplan benchmark service", fingerprint(certificate))


def ten_goal_agreement(db: Any, actor: Any, database: Path) -> Any:
    """The agreement of an approved version with the most goals, given exactly ten goals."""
    from careplan.services.agreement import load_agreement

    connection = connect(database)
    try:
        row = connection.execute(
            "SELECT v.id FROM plan_versions v JOIN goals g ON g.version_id = v.id "
            "WHERE v.status IN ('approved', 'active') GROUP BY v.id ORDER BY count(*) DESC, v.id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    if row is None:
        raise RuntimeError("the dataset has no approved plan to print")
    agreement = load_agreement(db, actor, int(row[0]))
    goals = list(agreement.goals)
    while len(goals) < GOALS:
        source = goals[len(goals) % len(agreement.goals)]
        goals.append(replace(source, number=len(goals) + 1))
    goals = [replace(g, number=i + 1) for i, g in enumerate(goals[:GOALS])]
    return replace(agreement, goals=tuple(goals))


def careplan_render_and_sign(agreement: Any, signing: Any) -> bytes:
    from careplan.documents.render import render_agreement
    from careplan.documents.sign import sign_pdf

    return sign_pdf(render_agreement(agreement), signing)


# --- baseline 1: ReportLab and pyHanko directly --------------------------------------------------


def plain_reportlab(agreement: Any) -> bytes:
    """The same document laid out by ReportLab alone (see :mod:`bench.agreement_baseline`)."""
    from bench.agreement_baseline import render

    return render(agreement, FONTS)


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has (ReportLab writes one ``/Type /Page`` object per page)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def plain_pyhanko_sign(pdf: bytes, signing: Any) -> bytes:
    from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding
    from pyhanko.keys import load_cert_from_pemder
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = signing.private_key

    class InMemoryKeySigner(signers.SimpleSigner):
        def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
            return bytes(key.sign(data, padding.PKCS1v15(), hashes.SHA256()))

    with tempfile.NamedTemporaryFile(suffix=".pem") as pem:
        pem.write(signing.certificate.public_bytes(serialization.Encoding.PEM))
        pem.flush()
        certificate = load_cert_from_pemder(pem.name)  # type: ignore[no-untyped-call]
    der_key = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = InMemoryKeySigner(
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(der_key),
        cert_registry=SimpleCertificateStore(),  # type: ignore[no-untyped-call]
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    pdf_signer = signers.PdfSigner(
        signers.PdfSignatureMetadata(
            field_name="Signature", md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
        ),
        signer=signer,
        stamp_style=TextStampStyle(stamp_text="Digitally signed by\n%(signer)s\non %(ts)s"),
        new_field_spec=fields.SigFieldSpec(sig_field_name="Signature", on_page=-1, box=(295, 72, 531, 132)),
    )
    output = asyncio.run(pdf_signer.async_sign_pdf(writer))
    return bytes(output.getvalue())


def plain_render_and_sign(agreement: Any, signing: Any) -> bytes:
    return plain_pyhanko_sign(plain_reportlab(agreement), signing)


# --- baseline 2: LibreOffice -----------------------------------------------------------------------


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_of(agreement: Any, path: Path) -> None:
    import docx  # python-docx: the optional "bench" extra

    document = docx.Document()
    document.add_heading(f"Care plan agreement: {agreement.person_name}", 0)
    document.add_paragraph(f"{agreement.service_name} · reference {agreement.person_reference}")
    document.add_heading("About me", 1)
    for answer in agreement.about_me:
        document.add_paragraph(answer.heading).runs[0].bold = True
        document.add_paragraph(answer.words.text)
    document.add_heading("My goals", 1)
    for goal in agreement.goals:
        document.add_paragraph(f"{goal.number}. {goal.wording.text}", style="List Number")
        if goal.why:
            document.add_paragraph("Why it matters: " + goal.why.text)
        for step in goal.steps:
            document.add_paragraph(f"{step.what.text} ({step.who_label})", style="List Bullet")
    document.add_heading("Services and budget", 1)
    grid = document.add_table(rows=1, cols=3)
    grid.style = "Table Grid"
    for cell, word in zip(grid.rows[0].cells, ("Service", "How much", "Cost"), strict=True):
        cell.text = word
    for line in agreement.budget.lines:
        cells = grid.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = (
            line.description,
            line.quantity_label,
            f"£{line.total_pence / 100:,.2f}",
        )
    document.add_heading("Signatures", 1)
    for mark in agreement.signatures:
        document.add_paragraph(f"{mark.name}, {mark.role_label}, {mark.signed_at:%d %B %Y}")
    document.save(str(path))


def libreoffice_convert(docx_path: Path, out_dir: Path, program: str, profile: Path) -> float:
    """Seconds for one ``soffice --headless --convert-to pdf`` of the .docx (a fresh process)."""
    started = time.perf_counter()
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elapsed = time.perf_counter() - started
    if not (out_dir / (docx_path.stem + ".pdf")).exists():
        raise RuntimeError("LibreOffice did not write a PDF")
    return elapsed
