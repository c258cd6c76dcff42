"""Pieces both agreement documents share: written words with their authors, "not agreed" boxes,
signatures, the approval and the verification section (document id, plan version, SHA-256, QR)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from careplan.documents.layout_flowables import QrCode, SignatureDrawing
from careplan.documents.layout_styles import (
    FRAME_WIDTH,
    INK,
    RULE,
    SANS_BOLD,
    TEAL_LIGHT,
    Styles,
    author_mark,
    table_style,
    text,
)
from careplan.documents.pictures import picture
from careplan.domain.enums import SignerKind
from careplan.domain.wording.dates import uk_date
from careplan.services.agreement_contents import Agreement, SignatureMark, Words


def chain(flowables: list[Flowable]) -> list[Flowable]:
    """Keep these flowables on one page (each is kept with the next one).

    Unlike nesting ``KeepTogether``, a chain also joins up with a heading before it.
    """
    for flowable in flowables[:-1]:
        flowable.keepWithNext = 1
    return flowables


def verification_payload(agreement: Agreement) -> str:
    """What the QR code holds (the contract in ``careplan.documents``)."""
    return f"careplan:verify:{agreement.document_id}:{agreement.sha256}"


def words(value: Words, style: ParagraphStyle) -> Paragraph:
    """A piece of text followed by whose words it is: "… — Dee's words"."""
    return Paragraph(f"{text(value.text)} {author_mark(value.label)}", style)


def boxed(style: ParagraphStyle, indent: float = 0.0) -> ParagraphStyle:
    """A boxed style whose box starts ``indent`` from the left and ends at the right margin."""
    pad = style.borderPadding[1] if isinstance(style.borderPadding, tuple | list) else style.borderPadding
    return ParagraphStyle(f"{style.name}-{indent:g}", parent=style, leftIndent=indent + pad, rightIndent=pad)


def note_box(value: Words, styles: Styles, *, indent: float = 0.0, heading: str = "Not agreed") -> Paragraph:
    """An "I don't agree" note in a clearly marked box, with whose words it is."""
    return Paragraph(
        f'<font name="{SANS_BOLD}" color="#b35c00">{heading}</font><br/>'
        f"{text(value.text)} {author_mark(value.label)}",
        boxed(styles.note, indent),
    )


def heading_with_picture(title: str, code: str, styles: Styles, *, size: float) -> Table:
    """A picture with a title beside it."""
    table = Table(
        [[picture(code, size), Paragraph(text(title), styles.heading)]],
        colWidths=[size + 16, FRAME_WIDTH - size - 16],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.keepWithNext = 1
    table.spaceBefore = styles.heading.spaceBefore
    table.spaceAfter = styles.heading.spaceAfter
    return table


def _signature_cell(mark: SignatureMark, styles: Styles, width: float, *, easy_read: bool) -> list[Flowable]:
    drawing = SignatureDrawing(width, 70 if easy_read else 58, mark.strokes, mark.typed_name)
    cell: list[Flowable] = [drawing, Spacer(1, 4)]
    if easy_read:
        cell.append(Paragraph(f"<b>{text(mark.name)}</b>", styles.body))
        cell.append(Paragraph("Me" if mark.signer is SignerKind.PERSON else "My key worker", styles.small))
        cell.append(Paragraph(f"Signed on {uk_date(mark.signed_at)}", styles.small))
    else:
        cell.append(Paragraph(f"<b>{text(mark.name)}</b>", styles.cell))
        cell.append(Paragraph(text(mark.role_label.capitalize()), styles.small))
        cell.append(Paragraph(f"Signed on {uk_date(mark.signed_at)}", styles.small))
    if mark.typed_name is not None:
        cell.append(Paragraph("Signed by typing their name", styles.small))
    return cell


def signatures(agreement: Agreement, styles: Styles, *, easy_read: bool) -> list[Flowable]:
    if not agreement.signatures:
        return [Paragraph("No signatures are recorded for this version.", styles.body)]
    gap = 24.0
    width = (FRAME_WIDTH - gap) / 2
    cells = [_signature_cell(m, styles, width - 8, easy_read=easy_read) for m in agreement.signatures]
    while len(cells) % 2:
        cells.append([Spacer(1, 1)])
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    table = Table(rows, colWidths=[width + gap / 2, width + gap / 2], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap / 2),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [table]


def _hash_lines(sha256: str) -> str:
    return "<br/>".join(sha256[i : i + 32] for i in range(0, len(sha256), 32))


def verification(agreement: Agreement, styles: Styles, *, easy_read: bool) -> list[Flowable]:
    """The verification section (the caller keeps it together on one page)."""
    qr_size = 112.0 if easy_read else 96.0
    if easy_read:
        lines: list[Flowable] = [
            Paragraph("Each copy has a number.", styles.body),
            Paragraph(f"Document: <b>{agreement.document_id}</b>", styles.body),
            Paragraph(f"Plan version: <b>{agreement.version_number}</b>", styles.body),
            Paragraph("Fingerprint (SHA-256):", styles.body),
            Paragraph(_hash_lines(agreement.sha256), styles.mono),
            Spacer(1, 8),
            Paragraph(
                "The service can check this plan is real and has not been changed. "
                "They use: <b>careplan verify FILE.pdf</b>",
                styles.small,
            ),
        ]
        heading: Flowable = heading_with_picture("Checking this plan is real", "checking", styles, size=64)
    else:
        lines = [
            Paragraph("Document", styles.label),
            Paragraph(agreement.document_id, styles.cell),
            Spacer(1, 5),
            Paragraph("Plan version", styles.label),
            Paragraph(str(agreement.version_number), styles.cell),
            Spacer(1, 5),
            Paragraph("SHA-256 fingerprint of the plan version", styles.label),
            Paragraph(_hash_lines(agreement.sha256), styles.mono),
            Spacer(1, 8),
            Paragraph(
                "To check that a PDF copy is genuine and unchanged since the service signed it, run "
                "<b>careplan verify FILE.pdf</b>: it also confirms that the fingerprint matches plan "
                f"version {agreement.version_number} in the record. The QR code holds the document "
                "number and the fingerprint, to compare a paper copy with the record.",
                styles.small,
            ),
        ]
        heading = Paragraph("Checking this agreement", styles.heading)
    box = Table(
        [[lines, QrCode(verification_payload(agreement), qr_size)]],
        colWidths=[FRAME_WIDTH - qr_size - 36, qr_size + 36],
        hAlign="LEFT",
    )
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TEAL_LIGHT),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (0, 0), "TOP"),
                ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 14),
                ("RIGHTPADDING", (0, 0), (-1, -1), 14),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
                ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ]
        )
    )
    box.setStyle(table_style([("ROUNDEDCORNERS", [6, 6, 6, 6])]))
    return [heading, box]
