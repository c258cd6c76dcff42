"""Render a care plan agreement as a PDF (ReportLab): the full agreement or the easy-read one.

``render_agreement`` is a pure function of its :class:`~careplan.services.agreement_contents.Agreement`:
no database, no Qt, no global state beyond registering the shipped fonts once, so it can run off
the GUI thread. Both documents follow the contract in :mod:`careplan.documents` (Subject,
Keywords, document id, QR code) and keep :data:`STAMP_BOX` on their last page clear for the
service's visible signing stamp.
"""

from __future__ import annotations

import io
from functools import partial

from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from careplan.documents import SUBJECT, keywords
from careplan.documents.layout_flowables import KeptSpace, NumberedCanvas, PageFurniture
from careplan.documents.layout_styles import (
    BOTTOM,
    FRAME_HEIGHT,
    FRAME_WIDTH,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    SANS,
    TOP,
    make_styles,
)
from careplan.documents.render_easy import easy_story
from careplan.documents.render_full import full_story
from careplan.documents.render_shared import verification
from careplan.services.agreement_contents import Agreement

CREATOR = "Careplan"
STAMP_WIDTH = 240.0
STAMP_HEIGHT = 78.0
STAMP_BOX: tuple[float, float, float, float] = (
    PAGE_WIDTH - RIGHT - STAMP_WIDTH,
    BOTTOM,
    PAGE_WIDTH - RIGHT,
    BOTTOM + STAMP_HEIGHT,
)
"""(x1, y1, x2, y2) in PDF points on the last page: always empty, for the visible signing stamp."""


def title(agreement: Agreement) -> str:
    """The PDF's Title: the document id, never a name. Viewers show it in their title bar
    (``displayDocTitle``) and printers in their queue, where anyone passing can read it. The
    other metadata is just as bare: the service as Author, the contract's Subject and Keywords."""
    return f"Careplan agreement {agreement.document_id}"


def render_agreement(agreement: Agreement, *, easy_read: bool = False, invariant: bool = False) -> bytes:
    """The agreement as PDF bytes (A4, fonts embedded).

    ``invariant`` fixes the creation date and file id (ReportLab's invariant mode), so that two
    renders of the same agreement are byte for byte the same: for tests.
    """
    styles = make_styles(easy_read=easy_read)
    story: list[Flowable] = easy_story(agreement, styles) if easy_read else full_story(agreement, styles)
    story.append(
        KeepTogether([*verification(agreement, styles, easy_read=easy_read), KeptSpace(STAMP_HEIGHT)])
    )

    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title(agreement),
        author=agreement.service_name,
        subject=SUBJECT,
        creator=CREATOR,
        keywords=keywords(
            agreement.document_id,
            agreement.plan_key,
            agreement.version_number,
            agreement.sha256,
            agreement.audit_anchor.as_text() if agreement.audit_anchor is not None else None,
        ),
        invariant=1 if invariant else 0,
        lang="en-GB",
        initialFontName=SANS,
        displayDocTitle=1,
    )
    frame = Frame(
        LEFT,
        BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    furniture = PageFurniture(
        service_name=agreement.service_name,
        header_right=("My care plan · " if easy_read else "Care plan agreement · ") + agreement.person_name,
        document_id=agreement.document_id,
        size=11.0 if easy_read else 8.5,
    )
    document.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))
    return buffer.getvalue()
