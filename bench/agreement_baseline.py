"""The agreement benchmark's baseline: the same document made with ReportLab alone.

Careplan's agreement has every section a person and a service need (who the plan is for, About
me, substances, each goal with its picture, why it matters, the date aimed for, its steps and any
"Not agreed" notes, the services and budget table, how the budget was worked out, reviews, what
the person agreed to share, both signatures drawn from their strokes, the approval, a checking
section with a QR code, and "Page X of Y" with the document id on every page). To time
ReportLab "doing the same with no Careplan code in between", this module lays out those same
words in those same sections, with the same fonts and sizes, using ReportLab's own pieces only:
Paragraph, Table, KeepTogether, HRFlowable, a Drawing for each picture and each signature,
ReportLab's QR code widget, and ReportLab's documented "Page X of Y" canvas recipe. Nothing from
``careplan.documents`` is called. The bench prints both page counts, so anyone can check that the
two documents are the same size.

Differences left, all small: the life-area pictures are simple shapes (Careplan draws a few more
strokes each), and colours and paddings are approximations.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

SANS = "BaseSans"
SANS_BOLD = "BaseSans-Bold"
SANS_ITALIC = "BaseSans-Oblique"
MONO = "BaseMono"


def _register_fonts(fonts: Any) -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if SANS in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        (SANS, "DejaVuSans.ttf"),
        (SANS_BOLD, "DejaVuSans-Bold.ttf"),
        (SANS_ITALIC, "DejaVuSans-Oblique.ttf"),
        (MONO, "DejaVuSansMono.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(fonts / file)))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)


def _money(pence: int) -> str:
    return f"£{pence / 100:,.2f}"


def _day(value: Any) -> str:
    return f"{value:%-d %B %Y}"


def render(agreement: Any, fonts: Any) -> bytes:
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
    from reportlab.platypus.flowables import HRFlowable

    _register_fonts(fonts)
    a = agreement
    teal, light, rule, muted = (
        colors.HexColor("#0b5d66"),
        colors.HexColor("#e6f2f3"),
        colors.HexColor("#c9d3d6"),
        colors.HexColor("#5b6770"),
    )
    width = A4[0] - 2 * 56

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": SANS, "fontSize": 10, "leading": 15, "bulletFontName": SANS}
        base.update(kw)
        return ParagraphStyle(name, **base)

    title = style("title", fontName=SANS_BOLD, fontSize=24, leading=30, textColor=teal, spaceAfter=4)
    subtitle = style("subtitle", fontSize=12, leading=18, textColor=muted, spaceAfter=14)
    heading = style(
        "heading",
        fontName=SANS_BOLD,
        fontSize=15,
        leading=20,
        textColor=teal,
        spaceBefore=18,
        spaceAfter=8,
        keepWithNext=1,
    )
    subheading = style(
        "subheading",
        fontName=SANS_BOLD,
        fontSize=11,
        leading=16.5,
        spaceBefore=10,
        spaceAfter=3,
        keepWithNext=1,
    )
    body = style("body", spaceAfter=6)
    small = style("small", fontSize=8.5, leading=12.75, textColor=muted)
    label = style("label", fontName=SANS_BOLD, fontSize=8, leading=12.75, textColor=teal, keepWithNext=1)
    quote = style("quote", fontSize=13, leading=18.75, spaceAfter=1)
    author = style("author", fontName=SANS_ITALIC, fontSize=8.5, leading=13.5, textColor=muted, spaceAfter=6)
    bullet = style("bullet", leftIndent=16, bulletIndent=3, spaceAfter=4)
    detail = style("detail", parent=small, leftIndent=16, spaceAfter=2)
    note = style(
        "note",
        backColor=colors.HexColor("#fff4e0"),
        borderColor=colors.HexColor("#e0a040"),
        borderWidth=0.8,
        borderPadding=(7, 9, 7, 9),
        borderRadius=3,
        leftIndent=9,
        rightIndent=9,
        spaceBefore=8,
        spaceAfter=12,
    )
    cell = style("cell", fontSize=9.5, leading=14.25)
    right = style("right", parent=cell, alignment=TA_RIGHT)
    head = style("head", fontName=SANS_BOLD, fontSize=8.5, leading=13.5, textColor=teal)
    head_right = style("head_right", parent=head, alignment=TA_RIGHT)
    mono = style("mono", fontName=MONO, fontSize=9.5, leading=14.25)

    def said(words: Any) -> str:
        return f"{escape(words.text)} <font color='#5b6770'><i>— {escape(words.label)}</i></font>"

    def not_agreed(words: Any) -> Paragraph:
        return Paragraph(
            f"<font name='{SANS_BOLD}' color='#b35c00'>Not agreed</font><br/>{said(words)}", note
        )

    def picture() -> Drawing:
        drawing = Drawing(22, 22)
        drawing.add(Circle(11, 11, 9, strokeColor=teal, fillColor=None, strokeWidth=1.5))
        drawing.add(Line(6, 11, 16, 11, strokeColor=teal, strokeWidth=1.5))
        drawing.add(Line(11, 6, 11, 16, strokeColor=teal, strokeWidth=1.5))
        return drawing

    def signature(mark: Any, box_width: float) -> Drawing:
        drawing = Drawing(box_width, 58)
        drawing.add(Line(0, 10, box_width, 10, strokeColor=rule, strokeWidth=0.8))
        points = [p for stroke in mark.strokes for p in stroke]
        if points:
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-6)
            scale = min(box_width, 44) / span
            for stroke in mark.strokes:
                flat = [v for x, y in stroke for v in ((x - min(xs)) * scale, 12 + (max(ys) - y) * scale)]
                if len(flat) >= 4:
                    drawing.add(PolyLine(flat, strokeColor=colors.HexColor("#1d3a8a"), strokeWidth=1.4))
        return drawing

    def grid(rows: list[list[Any]], widths: list[float], commands: list[Any], **kw: Any) -> Table:
        table = Table(rows, colWidths=widths, hAlign=kw.pop("hAlign", "LEFT"), **kw)
        table.setStyle(TableStyle(commands))
        return table

    story: list[Any] = [Paragraph("Care plan agreement", title)]
    period = f"{_day(a.period_start)} to {_day(a.period_end)}" if a.period_start and a.period_end else ""
    story.append(
        Paragraph(
            " · ".join(filter(None, [escape(a.person_name), f"plan version {a.version_number}", period])),
            subtitle,
        )
    )
    story.append(
        Paragraph(
            f"This agreement sets out the plan {escape(a.person_name)} made with {escape(a.service_name)}: "
            "what they want to change, the steps each person will take, and how the personal budget "
            "will be spent. Every piece of writing is marked with whose words it is.",
            body,
        )
    )
    facts = [
        ("Name", f"<b>{escape(a.person_name)}</b>"),
        ("Reference", escape(a.person_reference)),
        ("Key worker", escape(a.key_worker or "Not named")),
        ("Service", escape(a.service_name)),
        ("Plan period", period),
        ("Plan version", f"{a.version_number}, approved on {_day(a.approval.approved_at)}"),
    ]
    story += [
        Paragraph("Who this plan is for", heading),
        grid(
            [[Paragraph(k, label), Paragraph(v, cell)] for k, v in facts],
            [120, width - 120],
            [
                ("BACKGROUND", (0, 0), (-1, -1), light),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("ROUNDEDCORNERS", [6, 6, 6, 6]),
            ],
        ),
    ]
    story += [Paragraph("About me", heading), Paragraph("As written when the plan was signed.", small)]
    for answer in a.about_me:
        story += [Paragraph(escape(answer.heading), subheading), Paragraph(said(answer.words), body)]
    if a.substances:
        story.append(Paragraph("Substances and how they are used", subheading))
        story += [Paragraph(escape(s.summary), bullet, bulletText="•") for s in a.substances]

    story.append(Paragraph("My goals and steps", heading))
    for index, goal in enumerate(a.goals):
        if index:
            story.append(HRFlowable(width="100%", thickness=0.6, color=rule, spaceBefore=14, spaceAfter=12))
        top = grid(
            [[picture(), Paragraph(f"GOAL {goal.number}  ·  {escape(goal.life_area.upper())}", label)]],
            [30, width - 30],
            [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
        )
        story.append(
            KeepTogether(
                [
                    top,
                    Spacer(1, 6),
                    Paragraph(escape(goal.wording.text), quote),
                    Paragraph(f"— {escape(goal.wording.label)}", author),
                ]
            )
        )
        if goal.why is not None:
            story.append(Paragraph(f"<b>Why it matters:</b> {said(goal.why)}", body))
        if goal.target_date is not None:
            story.append(Paragraph(f"<b>Aiming for:</b> {_day(goal.target_date)}", body))
        story += [not_agreed(n) for n in goal.disagreements]
        if goal.steps:
            story.append(Paragraph("STEPS", label))
        for step in goal.steps:
            when = f"  ·  By {_day(step.by)}" if step.by else ""
            story.append(
                KeepTogether(
                    [
                        Paragraph(said(step.what), bullet, bulletText="•"),
                        Paragraph(f"Who: {escape(step.who_label)}{when}", detail),
                        Spacer(1, 5),
                        *(not_agreed(n) for n in step.disagreements),
                    ]
                )
            )
    story += [not_agreed(n) for n in a.plan_disagreements]

    b = a.budget
    story += [
        Paragraph("Services and budget", heading),
        Paragraph("These are the services the budget pays for.", body),
    ]
    rows: list[list[Any]] = [
        [
            Paragraph("Service", head),
            Paragraph("How many", head_right),
            Paragraph("Unit price", head_right),
            Paragraph("Cost", head_right),
        ]
    ]
    for line in b.lines:
        rows.append(
            [
                [
                    Paragraph(escape(line.description), cell),
                    Paragraph(escape(line.category.capitalize()), small),
                ],
                Paragraph(escape(line.quantity_label), right),
                Paragraph(_money(line.unit_price_pence), right),
                Paragraph(_money(line.total_pence), right),
            ]
        )
        if line.disagreements:
            rows.append([[not_agreed(n) for n in line.disagreements], "", "", ""])
    rows.append(
        [
            Paragraph("<b>Total for services</b>", cell),
            "",
            "",
            Paragraph(f"<b>{_money(b.allocated_pence)}</b>", right),
        ]
    )
    story.append(
        grid(
            rows,
            [width - 82 - 156, 82, 78, 78],
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -2), 0.4, rule)],
            repeatRows=1,
        )
    )
    summary = [
        ("Indicative budget (from the questionnaire)", _money(b.indicative_pence or 0)),
        ("Agreed budget", _money(b.agreed_pence or 0)),
        ("Allocated to services", _money(b.allocated_pence)),
        ("Left to spend", _money(b.left_pence or 0)),
    ]
    story += [
        Spacer(1, 12),
        grid(
            [[Paragraph(k, cell), Paragraph(v, right)] for k, v in summary],
            [250, 90],
            [("BACKGROUND", (0, 0), (-1, -1), light), ("ROUNDEDCORNERS", [6, 6, 6, 6])],
            hAlign="RIGHT",
        ),
    ]
    if b.working_summary:
        working = [
            [
                Paragraph(escape(w.question), small),
                Paragraph(escape(w.answer), small),
                Paragraph(str(w.points), small),
            ]
            for w in b.working_lines
        ]
        story.append(
            KeepTogether(
                [
                    Paragraph("How the indicative budget was worked out", subheading),
                    Paragraph(escape(b.working_summary), body),
                    grid(
                        working,
                        [width * 0.5, width * 0.38, width * 0.12],
                        [("LINEBELOW", (0, 0), (-1, -2), 0.4, rule)],
                    )
                    if working
                    else Spacer(1, 1),
                ]
            )
        )

    story.append(Paragraph("Reviews", heading))
    story += [
        Paragraph(f"<b>{_day(r.due)}</b>  ·  {escape(r.label)}", bullet, bulletText="•") for r in a.reviews
    ]
    story.append(Paragraph("What I agreed to share", heading))
    story += [
        Paragraph(
            f"<b>{escape(c.what)}</b> with {escape(c.with_whom)} (since {_day(c.given_on)})",
            bullet,
            bulletText="•",
        )
        for c in a.consents
    ]
    story += [CondPageBreak(170), Paragraph("Signatures", heading)]
    column = (width - 24) / 2
    cells = [
        [
            signature(m, column - 8),
            Spacer(1, 4),
            Paragraph(f"<b>{escape(m.name)}</b>", cell),
            Paragraph(escape(m.role_label.capitalize()), small),
            Paragraph(f"Signed on {_day(m.signed_at)}", small),
        ]
        for m in a.signatures
    ]
    while len(cells) % 2:
        cells.append([Spacer(1, 1)])
    story.append(
        grid(
            [cells[i : i + 2] for i in range(0, len(cells), 2)],
            [column + 12] * 2,
            [("VALIGN", (0, 0), (-1, -1), "TOP")],
        )
    )
    story += [
        Paragraph("Approval", heading),
        Paragraph(
            f"<b>{escape(a.approval.name)}</b> ({escape(a.approval.role_label)}) approved this plan on "
            f"{_day(a.approval.approved_at)}.",
            body,
        ),
    ]
    qr = QrCodeWidget(f"careplan:verify:{a.document_id}:{a.sha256}")
    x1, y1, x2, y2 = qr.getBounds()
    code = Drawing(96, 96, transform=[96 / (x2 - x1), 0, 0, 96 / (y2 - y1), 0, 0])
    code.add(qr)
    checking = [
        Paragraph("Document", label),
        Paragraph(a.document_id, cell),
        Paragraph("Plan version", label),
        Paragraph(str(a.version_number), cell),
        Paragraph("SHA-256 fingerprint of the plan version", label),
        Paragraph(f"{a.sha256[:32]}<br/>{a.sha256[32:]}", mono),
        Paragraph("To check that a PDF copy is genuine and unchanged, run careplan verify FILE.pdf.", small),
    ]
    story.append(
        KeepTogether(
            [
                Paragraph("Checking this agreement", heading),
                grid(
                    [[checking, code]],
                    [width - 132, 132],
                    [("BACKGROUND", (0, 0), (-1, -1), light), ("BOX", (0, 0), (-1, -1), 0.6, rule)],
                ),
                Spacer(1, 60),  # the signing stamp's empty place
            ]
        )
    )

    class PageXofY(Canvas):  # ReportLab's documented recipe for "Page X of Y"
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._saved:
                self.__dict__.update(state)
                self.setFont(SANS, 8.5)
                self.drawString(56, A4[1] - 40, a.service_name)
                self.drawRightString(A4[0] - 56, A4[1] - 40, f"Care plan agreement · {a.person_name}")
                self.drawCentredString(
                    A4[0] / 2, 40, f"Page {self._pageNumber} of {len(self._saved)} · Document {a.document_id}"
                )
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=56,
        rightMargin=56,
        topMargin=64,
        bottomMargin=64,
        title="Care plan agreement",
    ).build(story, canvasmaker=PageXofY)
    return buffer.getvalue()
