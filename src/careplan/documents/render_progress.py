"""'My progress': an easy-read sheet the person takes home. Their words, their scores over time,
what they have done, and when the next review is; marked as their own copy.

A pure function of :class:`~careplan.services.progress_facts.ProgressFacts` (no database, no Qt),
in the easy-read agreement's fonts and styles. Printed in black and white it still reads: the
charts differ by dashes and dots, and every chart is said again in words beside it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial

from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from careplan.documents.layout_flowables import NumberedCanvas, PageFurniture
from careplan.documents.layout_styles import (
    BOTTOM,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    SANS,
    TOP,
    Styles,
    author_mark,
    make_styles,
    table_style,
    text,
)
from careplan.documents.pictures import picture
from careplan.documents.progress_charts import area_drawing, wheel_drawing
from careplan.documents.render_shared import boxed, heading_with_picture
from careplan.documents.render_spending import easy_spending
from careplan.domain.enums import AuthorKind
from careplan.domain.wording.dates import uk_date
from careplan.domain.wording.voices import MY_WORDS, words_of
from careplan.services.progress_facts import GoalProgress, ProgressFacts
from careplan.services.progress_words import goal_state, next_review_sentence, scale_sentence, score_change

TITLE = "My progress"
SUBJECT = "Careplan progress sheet"
PICTURE = 56.0
ROW_PICTURE = 40.0


def suggested_file_name(facts: ProgressFacts) -> str:
    """my-progress-2026-12-07.pdf: no one's name or reference (file names show in folder
    listings, recent files and print queues)."""
    return f"my-progress-{facts.printed_on.isoformat()}.pdf"


@dataclass(frozen=True)
class MyCopyFurniture(PageFurniture):
    """Every page says whose copy it is ("My progress · my copy", and their name), its page
    number and the day it was printed (a progress sheet has no document id)."""

    printed: str = ""

    def footer(self) -> str:
        return f"Printed on {self.printed}"


def render_progress(facts: ProgressFacts, *, invariant: bool = False) -> bytes:
    """The sheet as PDF bytes (A4, fonts embedded). ``invariant``: byte for byte the same each
    time (ReportLab's invariant mode), for tests."""
    styles = make_styles(easy_read=True)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=TITLE,  # no one's name: viewers show it in title bars, printers in their queue
        subject=SUBJECT,
        creator="Careplan",
        invariant=1 if invariant else 0,
        lang="en-GB",
        initialFontName=SANS,
        displayDocTitle=1,
    )
    frame = Frame(
        LEFT, BOTTOM, FRAME_WIDTH, FRAME_HEIGHT, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    furniture = MyCopyFurniture(
        service_name=f"{TITLE} · my copy",
        header_right=facts.preferred_name,
        document_id="",
        size=11.0,
        printed=uk_date(facts.printed_on),
    )
    document.build(progress_story(facts, styles), canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()


def progress_story(facts: ProgressFacts, s: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(TITLE, s.title),
        Paragraph(text(facts.preferred_name), s.subtitle),
        Paragraph("<b>This is my copy.</b> It is mine to keep.", boxed(s.note)),
        Paragraph("This sheet shows how things have changed since my plan started.", s.body),
        heading_with_picture("My next review", "calendar", s, size=PICTURE),
        Paragraph(next_review_sentence(facts.next_review, facts.printed_on), s.body),
    ]
    if facts.what_is_working:
        story.append(Paragraph("What is working for me", s.heading))
        story.append(Paragraph(f"{text(facts.what_is_working)} {author_mark(MY_WORDS)}", s.quote))
    story += _goals(facts, s)
    story += _scores(facts, s)
    story += easy_spending(facts.spending, s, s.body, s.bullet, picture_size=PICTURE, signed=False)
    story.append(Spacer(1, 18))
    story.append(
        Paragraph(
            f"Printed on {uk_date(facts.printed_on)}. My reference: {text(facts.person_reference)}. "
            f"Plan {facts.plan_id}, version {facts.version_number}.",
            s.small,
        )
    )
    return story


def _scores(facts: ProgressFacts, s: Styles) -> list[Flowable]:
    if not facts.review_days:
        return [Paragraph("My scores", s.heading), Paragraph("I have not given any scores yet.", s.body)]
    small = s.body_size * 0.72
    opening: list[Flowable] = [
        Paragraph("My scores", s.heading),
        Paragraph(f"At each review I give each part of my life a score. {scale_sentence(facts)}", s.body),
    ]
    wheel = wheel_drawing(facts, FRAME_WIDTH, FRAME_WIDTH * 0.6, small)
    if wheel is not None:
        opening.append(
            Paragraph(
                "The wheel shows my scores at the start and now. Further out is a higher score.", s.body
            )
        )
        wheel.hAlign = "CENTER"
        opening.append(wheel)
    out: list[Flowable] = [KeepTogether(opening), CondPageBreak(200)]
    out.append(Paragraph("Each part of my life", s.heading))
    chart_width = FRAME_WIDTH * 0.42
    rows = []
    for area in facts.areas:
        chart: Flowable = area_drawing(area, chart_width, 72, small) or Spacer(1, 1)
        words = f"<b>{text(area.name)}</b><br/>{score_change(area.person_scores())}."
        rows.append([picture(area.code, ROW_PICTURE), Paragraph(words, s.cell), chart])
    table = Table(
        rows, colWidths=[ROW_PICTURE + 10, FRAME_WIDTH - ROW_PICTURE - 10 - chart_width, chart_width]
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
            ]
        )
    )
    out.append(table)
    return out


def _whose(goal: GoalProgress) -> str:
    if goal.voice.kind is AuthorKind.PERSON:
        return author_mark(MY_WORDS)
    return author_mark(words_of(goal.author_name))


def _goals(facts: ProgressFacts, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        CondPageBreak(200),
        heading_with_picture("What I have done", "approved", s, size=PICTURE),
    ]
    if not facts.goals:
        return [*out, Paragraph("My plan has no goals written down yet.", s.body)]
    done = [g for g in facts.goals if g.done]
    going = [g for g in facts.goals if not g.done]
    for title, goals in (("Goals I have done", done), ("Goals I am working on", going)):
        if not goals:
            continue
        out.append(Paragraph(title, s.subheading))
        for goal in goals:
            mark = "✓" if goal.done else "→"
            out.append(
                Paragraph(
                    f"{text(goal.words)} {_whose(goal)}<br/><b>{goal_state(goal)}</b>",
                    s.bullet,
                    bulletText=mark,
                )
            )
    return out
