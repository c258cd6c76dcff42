"""The easy-read agreement: the same approved version in large type, short sentences, one idea a
line, and a picture for each life area."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from careplan.documents.layout_styles import (
    FRAME_WIDTH,
    SANS_BOLD,
    Styles,
    author_mark,
    table_style,
    text,
)
from careplan.documents.pictures import picture
from careplan.documents.render_shared import boxed, chain, heading_with_picture, signatures
from careplan.documents.render_spending import easy_spending
from careplan.documents.render_staying_safe import EasyLayout, easy_staying_safe
from careplan.domain.enums import StepOwner
from careplan.domain.wording.dates import uk_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.voices import MY_WORDS, words_of
from careplan.services.agreement_contents import Agreement, AgreementGoal, AgreementStep, Words

PICTURE = 64.0
INDENT = PICTURE + 16


def _indent(style: ParagraphStyle, extra: float = INDENT, **changes: object) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}-in{extra:g}",
        parent=style,
        leftIndent=style.leftIndent + extra,
        bulletIndent=style.bulletIndent + extra,
        **changes,
    )


def _label(s: Styles) -> ParagraphStyle:
    """ "My goal:", "What helps me:": bold, beside the pictures, kept with what follows."""
    return _indent(s.body, INDENT, fontName=SANS_BOLD, spaceAfter=0, keepWithNext=1)


def easy_story(agreement: Agreement, s: Styles) -> list[Flowable]:
    a = agreement
    body = _indent(s.body, INDENT)
    story: list[Flowable] = [
        Paragraph("My care plan", s.title),
        Paragraph(text(a.person_name), s.subtitle),
    ]
    if a.ended_at is not None:
        story.append(
            Paragraph(f"This is an old copy of my plan. It stopped on {uk_date(a.ended_at)}.", boxed(s.note))
        )
    lines = [f"This plan is for {text(a.person_name)}."]
    if a.period_start:
        lines.append(f"It starts on {uk_date(a.period_start)}.")
    if a.period_end:
        lines.append(f"It ends on {uk_date(a.period_end)}.")
    if a.key_worker:
        lines.append(f"My key worker is {text(a.key_worker)}.")
    lines.append(f"My service is {text(a.service_name)}.")
    lines.append(f"This is version {a.version_number} of my plan.")
    story += [Paragraph(line, s.body) for line in lines]

    story.append(Paragraph("My goals", s.heading))
    story.append(Paragraph("A goal is something I want to change.", s.body))
    for goal in a.goals:
        story += _goal(goal, a, s, body)
    for note in a.plan_disagreements:
        story.append(_disagree(note, "this plan", a, s, indent=0))

    story += easy_staying_safe(
        a,
        s,
        EasyLayout(
            body=body,
            label=_label(s),
            bullet=_indent(s.bullet),
            whose=_whose,
            picture_size=PICTURE,
        ),
    )
    story += _money(a, s, body)
    story.append(CondPageBreak(200))
    story.append(heading_with_picture("When we look at my plan again", "calendar", s, size=PICTURE))
    if a.reviews:
        story.append(Paragraph("We will check my plan on these days:", body))
        story += [Paragraph(uk_date(r.due), _indent(s.bullet), bulletText="•") for r in a.reviews]
    else:
        story.append(Paragraph("My worker will tell me when we check my plan.", body))

    story.append(CondPageBreak(200))
    story.append(heading_with_picture("Sharing my information", "sharing", s, size=PICTURE))
    if a.consents:
        story.append(Paragraph("I said yes to sharing:", body))
        story += [
            Paragraph(f"{text(c.what)} with {text(c.with_whom)}.", _indent(s.bullet), bulletText="•")
            for c in a.consents
        ]
        story.append(Paragraph("I can change my mind at any time.", body))
    else:
        story.append(Paragraph("I have not said yes to sharing my information.", body))

    story.append(CondPageBreak(260))
    story.append(heading_with_picture("We signed this plan", "signing", s, size=PICTURE))
    story.append(Paragraph("We both agree to this plan.", body))
    story.append(Spacer(1, 6))
    story += signatures(a, s, easy_read=True)

    story += chain(
        [
            heading_with_picture("My manager said yes", "approved", s, size=PICTURE),
            Paragraph(f"{text(a.approval.name)} said yes to this plan.", body),
            Paragraph(f"Date: {uk_date(a.approval.approved_at)}.", body),
        ]
    )
    story += easy_spending(a.spending, s, body, _indent(s.bullet), picture_size=PICTURE)
    return story


def _goal_title(goal: AgreementGoal, s: Styles) -> Table:
    title = ParagraphStyle(
        "goal-title", parent=s.subheading, fontSize=20, leading=26, textColor=s.heading.textColor
    )
    table = Table(
        [[picture(goal.life_area_code, PICTURE), Paragraph(text(goal.life_area), title)]],
        colWidths=[INDENT, FRAME_WIDTH - INDENT],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _whose(value: Words) -> str:
    """ "— my words" or "— Sam Okafor's words" (in the easy-read version, the person says "my")."""
    if value.by_person:
        return author_mark(MY_WORDS)
    return author_mark(words_of(value.author_name))


def _goal(goal: AgreementGoal, a: Agreement, s: Styles, body: ParagraphStyle) -> list[Flowable]:
    label = _label(s)
    quote = _indent(s.quote, INDENT, spaceAfter=10)
    bullet = _indent(s.bullet)
    out: list[Flowable] = [
        Spacer(1, 14),
        *chain(
            [
                _goal_title(goal, s),
                Paragraph("My goal:", label),
                Paragraph(f"{text(goal.wording.text)} {_whose(goal.wording)}", quote),
            ]
        ),
    ]
    if goal.why is not None:
        out.append(Paragraph("Why:", label))
        out.append(Paragraph(f"{text(goal.why.text)} {_whose(goal.why)}", body))
    if goal.target_date is not None:
        out.append(Paragraph(f"I want to do this by {uk_date(goal.target_date)}.", body))
    for note in goal.disagreements:
        out.append(_disagree(note, "this goal", a, s))

    groups: list[tuple[str, list[AgreementStep]]] = [
        ("What I will do:", [st for st in goal.steps if st.who is StepOwner.PERSON]),
        ("What my worker will do:", [st for st in goal.steps if st.who is StepOwner.WORKER]),
        (
            "Who else will help:",
            [st for st in goal.steps if st.who in (StepOwner.SERVICE, StepOwner.SOMEONE_ELSE)],
        ),
    ]
    for title, steps in groups:
        if not steps:
            continue
        out.append(Paragraph(title, label))
        for step in steps:
            what = text(step.what.text)
            if step.who in (StepOwner.SERVICE, StepOwner.SOMEONE_ELSE):
                what = f"{text(step.who_label)}: {what}"
            if step.by is not None:
                what += f" (by {uk_date(step.by)})"
            notes = [_disagree(note, step.what.text, a, s) for note in step.disagreements]
            out += chain([Paragraph(what, bullet, bulletText="•"), *notes])
    return out


def _disagree(note: Words, item: str, a: Agreement, s: Styles, *, indent: float = INDENT) -> Paragraph:
    """ "I don't agree with: …" in a clearly marked box."""
    who = "I don't agree with" if note.by_person else f"{text(note.author_name)} does not agree with"
    style = boxed(s.note, indent)
    return Paragraph(
        f'<font name="{SANS_BOLD}" color="#b35c00">{who}: {text(item)}</font><br/>'
        f"{text(note.text)} {_whose(note)}",
        style,
    )


def _money(a: Agreement, s: Styles, body: ParagraphStyle) -> list[Flowable]:
    b = a.budget
    out: list[Flowable] = [CondPageBreak(220), heading_with_picture("My money", "money", s, size=PICTURE)]
    limit = b.limit_pence
    if limit is not None:
        out.append(Paragraph(f"<b>My money: {format_money(limit)}.</b>", body))
    if b.lines:
        out.append(Paragraph("It pays for:", body))
        for line in b.lines:
            out.append(
                Paragraph(
                    f"{text(line.description)}: {text(line.quantity_label)}. "
                    f"<b>{format_money(line.total_pence)}</b>",
                    _indent(s.bullet),
                    bulletText="•",
                )
            )
            for note in line.disagreements:
                out.append(_disagree(note, line.description, a, s))
        out.append(Paragraph(f"Total: {format_money(b.allocated_pence)}.", body))
    else:
        out.append(Paragraph("It does not pay for anything yet.", body))
    left = b.left_pence
    if left is not None and left >= 0:
        out.append(Paragraph(f"<b>Money left: {format_money(left)}.</b>", body))
    elif left is not None:
        out.append(Paragraph(f"<b>This is {format_money(-left)} more than my money.</b>", body))
        out.append(Paragraph("My manager said yes to this.", body))
    if b.working_summary:
        out.append(Paragraph("We worked out my money with some questions about my life.", body))
    return out
