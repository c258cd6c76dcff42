"""The staying-safe plan in both agreements: every part in the words it was signed in, marked with
whose words they are (the full agreement), or in short first-person lines with a picture (the
easy-read one). A version signed without a staying-safe plan says so."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from careplan.documents.layout_styles import Styles, author_mark, text
from careplan.documents.render_shared import chain, heading_with_picture, words
from careplan.domain.enums import SafetyPart
from careplan.domain.wording.staying_safe import (
    CONTACTS_HEADING,
    NALOXONE_HEADING,
    OVERDOSE_HEADING,
    STAYING_SAFE,
    naloxone_words,
    overdose_risk_words,
    part_heading,
)
from careplan.services.agreement_contents import Agreement, Words


def full_staying_safe(a: Agreement, s: Styles) -> list[Flowable]:
    plan = a.staying_safe
    out: list[Flowable] = [CondPageBreak(160), Paragraph(STAYING_SAFE, s.heading)]
    if plan.empty:
        out.append(Paragraph("No staying-safe plan was written in this version of the plan.", s.body))
        return out
    out.append(
        Paragraph(
            f"{text(a.person_name)}'s plan for staying safe, each part marked with whose words it is.",
            s.small,
        )
    )
    out.append(Spacer(1, 4))
    for part in (SafetyPart.WARNING_SIGNS, SafetyPart.WHAT_HELPS):
        out += _full_words(part_heading(part), plan.part(part), s)
    if plan.contacts:
        items = [
            Paragraph(
                f"<b>{text(c.phone)}</b>  ·  {text(c.name.text)} {author_mark(c.name.label)}",
                s.bullet,
                bulletText="•",
            )
            for c in plan.contacts
        ]
        out += chain([Paragraph(CONTACTS_HEADING, s.subheading), *items])
    out += _full_words(part_heading(SafetyPart.IF_UNREACHABLE), plan.if_unreachable, s)
    if plan.overdose_risk or plan.overdose_words:
        lines: list[Flowable] = [Paragraph(OVERDOSE_HEADING, s.subheading)]
        if plan.overdose_risk:
            lines.append(
                Paragraph(
                    f"<b>“{text(overdose_risk_words(plan.overdose_risk))}”</b> "
                    f"{author_mark(f'chosen by {a.person_name}')}",
                    s.body,
                )
            )
        if plan.overdose_words:
            lines.append(words(plan.overdose_words, s.body))
        out += chain(lines)
    if plan.naloxone:
        lines = [
            Paragraph(NALOXONE_HEADING, s.subheading),
            Paragraph(f"<b>{naloxone_words(plan.naloxone)}</b>", s.body),
        ]
        if plan.naloxone_where:
            lines.append(
                Paragraph(
                    f"<b>Kept:</b> {text(plan.naloxone_where.text)} {author_mark(plan.naloxone_where.label)}",
                    s.body,
                )
            )
        out += chain(lines)
    return out


def _full_words(heading: str, value: Words | None, s: Styles) -> list[Flowable]:
    if value is None:
        return []
    return chain([Paragraph(text(heading), s.subheading), words(value, s.body)])


@dataclass(frozen=True)
class EasyLayout:
    """What the easy-read agreement lays its sections out with."""

    body: ParagraphStyle  # indented beside the pictures
    label: ParagraphStyle
    bullet: ParagraphStyle
    whose: Callable[[Words], str]  # "— my words"
    picture_size: float


def easy_staying_safe(a: Agreement, s: Styles, layout: EasyLayout) -> list[Flowable]:
    plan = a.staying_safe
    out: list[Flowable] = [
        CondPageBreak(220),
        heading_with_picture("Staying safe", "staying_safe", s, size=layout.picture_size),
    ]
    if plan.empty:
        out.append(Paragraph("My plan for staying safe is not written yet.", layout.body))
        return out
    easy_headings = {
        SafetyPart.WARNING_SIGNS: "Signs that things are getting harder for me:",
        SafetyPart.WHAT_HELPS: "What helps me:",
        SafetyPart.IF_UNREACHABLE: "If I can't reach the service:",
    }
    for part in (SafetyPart.WARNING_SIGNS, SafetyPart.WHAT_HELPS):
        out += _easy_words(easy_headings[part], plan.part(part), layout)
    if plan.contacts:
        out.append(Paragraph("Who I can call:", layout.label))
        out += [
            Paragraph(f"{text(c.name.text)}: <b>{text(c.phone)}</b>", layout.bullet, bulletText="•")
            for c in plan.contacts
        ]
    out += _easy_words(easy_headings[SafetyPart.IF_UNREACHABLE], plan.if_unreachable, layout)
    if plan.overdose_risk or plan.overdose_words:
        out.append(Paragraph("Overdose:", layout.label))
        if plan.overdose_risk:
            out.append(Paragraph(f"{text(overdose_risk_words(plan.overdose_risk))}.", layout.body))
        if plan.overdose_words:
            out.append(
                Paragraph(
                    f"{text(plan.overdose_words.text)} {layout.whose(plan.overdose_words)}", layout.body
                )
            )
    if plan.naloxone:
        out.append(Paragraph("Naloxone:", layout.label))
        out.append(Paragraph(f"{naloxone_words(plan.naloxone)}.", layout.body))
        if plan.naloxone_where:
            where = plan.naloxone_where
            out.append(Paragraph(f"I keep it: {text(where.text)} {layout.whose(where)}", layout.body))
    return out


def _easy_words(heading: str, value: Words | None, layout: EasyLayout) -> list[Flowable]:
    if value is None:
        return []
    return chain(
        [
            Paragraph(heading, layout.label),
            Paragraph(f"{text(value.text)} {layout.whose(value)}", layout.body),
        ]
    )
