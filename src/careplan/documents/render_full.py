"""The full agreement: every section, each piece of writing marked with whose words it is."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table
from reportlab.platypus.flowables import HRFlowable

from careplan.documents.layout_styles import (
    FRAME_WIDTH,
    RULE,
    TEAL,
    TEAL_LIGHT,
    Styles,
    author_mark,
    possessive,
    table_style,
    text,
)
from careplan.documents.pictures import picture
from careplan.documents.render_shared import boxed, chain, note_box, signatures, words
from careplan.documents.render_spending import full_spending
from careplan.documents.render_staying_safe import full_staying_safe
from careplan.domain.wording.dates import period_words, uk_date
from careplan.domain.wording.money import format_money
from careplan.services.agreement_contents import Agreement, AgreementGoal, Budget

_PLAIN_TABLE = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def full_story(agreement: Agreement, s: Styles) -> list[Flowable]:
    a = agreement
    name = a.person_name
    story: list[Flowable] = [Paragraph("Care plan agreement", s.title)]
    subtitle = [text(name), f"plan version {a.version_number}"]
    period = period_words(a.period_start, a.period_end)
    if period:
        subtitle.append(period)
    story.append(Paragraph(" · ".join(subtitle), s.subtitle))
    if a.ended_at is not None:
        what = "A newer version replaced it" if a.status == "superseded" else "The plan ended"
        story.append(
            Paragraph(
                f"<b>This is a copy of an earlier agreement.</b> {what} on {uk_date(a.ended_at)}.",
                boxed(s.note),
            )
        )
    story.append(
        Paragraph(
            f"This agreement sets out the plan {text(name)} made with {text(a.service_name)}: what "
            f"{text(name)} wants to change, the steps each person will take, and how the personal "
            "budget will be spent. Every piece of writing is marked with whose words it is.",
            s.body,
        )
    )
    story += _who(a, s)
    story += _about_me(a, s)
    story += _goals(a, s)
    story += full_staying_safe(a, s)
    story += _budget(a.budget, a, s)
    story += _reviews(a, s)
    story += _consents(a, s)
    story.append(CondPageBreak(170))
    story.append(Paragraph("Signatures", s.heading))
    story.append(
        Paragraph(
            f"{text(name)} and the key worker signed exactly this version of the plan.",
            s.body,
        )
    )
    story += signatures(a, s, easy_read=False)
    story.append(Paragraph("Approval", s.heading))
    story.append(
        Paragraph(
            f"<b>{text(a.approval.name)}</b> ({text(a.approval.role_label)}) approved this plan and its "
            f"budget for {text(a.service_name)} on {uk_date(a.approval.approved_at)}.",
            s.body,
        )
    )
    story += full_spending(a.spending, s)
    return story


def _facts(rows: list[tuple[str, str]], s: Styles) -> Table:
    table = Table(
        [[Paragraph(label, s.label), Paragraph(value, s.cell)] for label, value in rows],
        colWidths=[120, FRAME_WIDTH - 120],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TEAL_LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, 0), 11),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 11),
                ("ROUNDEDCORNERS", [6, 6, 6, 6]),
            ]
        )
    )
    return table


def _who(a: Agreement, s: Styles) -> list[Flowable]:
    rows = [
        ("Name", f"<b>{text(a.person_name)}</b>"),
        ("Reference", text(a.person_reference)),
        ("Key worker", text(a.key_worker or "Not named")),
        ("Service", text(a.service_name)),
    ]
    period = period_words(a.period_start, a.period_end)
    if period:
        rows.append(("Plan period", period[0].upper() + period[1:]))
    rows.append(("Plan version", f"{a.version_number}, approved on {uk_date(a.approval.approved_at)}"))
    return [Paragraph("Who this plan is for", s.heading), _facts(rows, s)]


def _about_me(a: Agreement, s: Styles) -> list[Flowable]:
    if not a.about_me and not a.substances:
        return []
    out: list[Flowable] = [
        Paragraph("About me", s.heading),
        Paragraph("As written when the plan was signed, each answer marked with whose words it is.", s.small),
        Spacer(1, 4),
    ]
    for answer in a.about_me:
        out += [Paragraph(text(answer.heading), s.subheading), words(answer.words, s.body)]
    if a.substances:
        items = [Paragraph(text(sub.summary), s.bullet, bulletText="•") for sub in a.substances]
        out += chain([Paragraph("Substances and how they are used", s.subheading), *items])
    return out


def _goal_label(goal: AgreementGoal, s: Styles) -> Table:
    label = Paragraph(f"GOAL {goal.number}  ·  {text(goal.life_area.upper())}", s.label)
    table = Table(
        [[picture(goal.life_area_code, 22), label]], colWidths=[30, FRAME_WIDTH - 30], hAlign="LEFT"
    )
    table.setStyle(table_style([*_PLAIN_TABLE, ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _goal(goal: AgreementGoal, a: Agreement, s: Styles) -> list[Flowable]:
    head: list[Flowable] = [
        _goal_label(goal, s),
        Spacer(1, 6),
        Paragraph(text(goal.wording.text), s.quote),
        Paragraph(f"— {text(goal.wording.label)}", s.author),
    ]
    out: list[Flowable] = chain(head)
    if goal.why is not None:
        out.append(
            Paragraph(f"<b>Why it matters:</b> {text(goal.why.text)} {author_mark(goal.why.label)}", s.body)
        )
    if goal.target_date is not None:
        out.append(Paragraph(f"<b>Aiming for:</b> {uk_date(goal.target_date)}", s.body))
    out += [note_box(note, s) for note in goal.disagreements]
    if goal.steps:
        out.append(Paragraph("STEPS", _after(s.label, 4)))
    for step in goal.steps:
        detail = f"Who: {text(step.who_label)}"
        if step.by is not None:
            detail += f"  ·  By {uk_date(step.by)}"
        item: list[Flowable] = [
            Paragraph(f"{text(step.what.text)} {author_mark(step.what.label)}", s.bullet, bulletText="•"),
            Paragraph(
                detail,
                _indented(s.small, s.bullet.leftIndent),
            ),
            Spacer(1, 5),
            *(note_box(note, s, indent=s.bullet.leftIndent) for note in step.disagreements),
        ]
        out += chain(item)
    return out


def _after(style: ParagraphStyle, space: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-after{space:g}", parent=style, spaceAfter=space)


def _indented(style: ParagraphStyle, indent: float) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-indented", parent=style, leftIndent=indent, spaceAfter=2)


def _goals(a: Agreement, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("My goals and steps", s.heading)]
    for index, goal in enumerate(a.goals):
        if index:
            out.append(HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=14, spaceAfter=12))
        out += _goal(goal, a, s)
    if a.plan_disagreements:
        out.append(Paragraph("About the plan as a whole", s.subheading))
        out += [note_box(note, s) for note in a.plan_disagreements]
    return out


def _budget(b: Budget, a: Agreement, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph("Services and budget", s.heading),
        Paragraph(
            f"The personal budget is money set aside for {possessive(text(a.person_name))} plan. "
            "These are the services it pays for.",
            s.body,
        ),
    ]
    if b.lines:
        out.append(_budget_table(b, s))
    else:
        out.append(Paragraph("No services have been paid for from the budget yet.", s.body))
    out.append(Spacer(1, 12))
    out.append(_budget_summary(b, s))
    if b.working_summary:
        working: list[Flowable] = [
            Spacer(1, 10),
            Paragraph("How the indicative budget was worked out", s.subheading),
            Paragraph(text(b.working_summary.rstrip(".")) + ".", s.body),
        ]
        if b.working_lines:
            rows = [
                [
                    Paragraph(text(w.question), s.small),
                    Paragraph(text(w.answer), s.small),
                    Paragraph(str(w.points), _right(s.small)),
                ]
                for w in b.working_lines
            ]
            table = Table(
                rows, colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.38, FRAME_WIDTH * 0.12], hAlign="LEFT"
            )
            table.setStyle(
                table_style(
                    [
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LINEBELOW", (0, 0), (-1, -2), 0.4, RULE),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                )
            )
            working.append(table)
        out += chain(working)
    return out


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-right", parent=style, alignment=TA_RIGHT)


def _budget_table(b: Budget, s: Styles) -> Table:
    money_w = 78.0
    how_w = 82.0
    rows: list[list[object]] = [
        [
            Paragraph("Service", s.cell_head),
            Paragraph("How many", s.cell_head_right),
            Paragraph("Unit price", s.cell_head_right),
            Paragraph("Cost", s.cell_head_right),
        ]
    ]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, TEAL),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for line in b.lines:
        about = [text(line.category.capitalize())]
        if line.goal_numbers:
            goals = ", ".join(str(n) for n in line.goal_numbers)
            about.append(f"for goal{'s' if len(line.goal_numbers) > 1 else ''} {goals}")
        rows.append(
            [
                [Paragraph(text(line.description), s.cell), Paragraph(" · ".join(about), s.small)],
                Paragraph(text(line.quantity_label), s.cell_right),
                Paragraph(format_money(line.unit_price_pence), s.cell_right),
                Paragraph(format_money(line.total_pence), s.cell_right),
            ]
        )
        extra: list[Flowable] = []
        if line.override_reason:
            extra.append(
                Paragraph(
                    f"<b>More than the budget allowed, because:</b> {text(line.override_reason)}", s.small
                )
            )
        extra += [note_box(note, s) for note in line.disagreements]
        if extra:
            rows.append([extra, "", "", ""])
            commands.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
            commands.append(("NOSPLIT", (0, len(rows) - 2), (-1, len(rows) - 1)))
            commands.append(("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 0))
            commands.append(("BOTTOMPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 12))
        commands.append(("LINEBELOW", (0, len(rows) - 1), (-1, len(rows) - 1), 0.4, RULE))
    rows.append(
        [
            Paragraph("<b>Total for services</b>", s.cell),
            "",
            "",
            Paragraph(f"<b>{format_money(b.allocated_pence)}</b>", s.cell_right),
        ]
    )
    commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, TEAL))
    table = Table(
        rows,
        colWidths=[FRAME_WIDTH - how_w - 2 * money_w, how_w, money_w, money_w],
        repeatRows=1,
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(table_style(commands))
    return table


def _budget_summary(b: Budget, s: Styles) -> Table:
    rows: list[tuple[str, str]] = []
    if b.indicative_pence is not None:
        rows.append(("Indicative budget (from the questionnaire)", format_money(b.indicative_pence)))
    else:
        rows.append(("Indicative budget", "Not worked out"))
    if b.agreed_pence is not None:
        rows.append(("Agreed budget", format_money(b.agreed_pence)))
    else:
        rows.append(("Agreed budget", "The indicative budget"))
    rows.append(("Allocated to services", format_money(b.allocated_pence)))
    left = b.left_pence
    if left is not None and left < 0:
        rows.append(("Over the budget by", format_money(-left)))
    elif left is not None:
        rows.append(("Left to spend", format_money(left)))
    table = Table(
        [
            [
                Paragraph(_bold(text(label), i == len(rows) - 1), s.cell),
                Paragraph(_bold(value, i == len(rows) - 1), s.cell_right),
            ]
            for i, (label, value) in enumerate(rows)
        ],
        colWidths=[250, 90],
        hAlign="RIGHT",
    )
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), TEAL_LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, TEAL),
                ("FONTNAME", (0, -1), (-1, -1), "DejaVuSans-Bold"),
                ("ROUNDEDCORNERS", [6, 6, 6, 6]),
            ]
        )
    )
    return table


def _bold(markup: str, bold: bool) -> str:
    return f"<b>{markup}</b>" if bold else markup


def _reviews(a: Agreement, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("Reviews", s.heading)]
    if not a.reviews:
        out.append(Paragraph("No reviews are booked for this version of the plan.", s.body))
        return out
    out.append(
        Paragraph(f"{text(a.person_name)} and the key worker will look at this plan together:", s.body)
    )
    for review in a.reviews:
        line = f"<b>{uk_date(review.due)}</b>  ·  {text(review.label)}"
        if review.held_on is not None:
            line += f" (held on {uk_date(review.held_on)})"
        out.append(Paragraph(line, s.bullet, bulletText="•"))
    return out


def _consents(a: Agreement, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Paragraph("What I agreed to share", s.heading)]
    if not a.consents:
        out.append(Paragraph("No agreement to share information is recorded.", s.body))
        return out
    out.append(Paragraph(f"{text(a.person_name)} agreed that the service may share:", s.body))
    for consent in a.consents:
        out.append(
            Paragraph(
                f"<b>{text(consent.what)}</b> with {text(consent.with_whom)} "
                f"<font color='#5b6770'>(since {uk_date(consent.given_on)})</font>",
                s.bullet,
                bulletText="•",
            )
        )
    out.append(
        Paragraph(f"{text(a.person_name)} can change their mind about any of these at any time.", s.small)
    )
    return out
