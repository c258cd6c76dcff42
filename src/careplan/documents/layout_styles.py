"""Fonts, colours, paragraph styles and small wording helpers shared by both agreement documents.

The fonts are the DejaVu TrueType files shipped in ``resources/fonts``: they are embedded (as
subsets) in every PDF, so the output is the same on every machine and shows any UK name,
accents included. Emoji come from the monochrome Noto Emoji shipped beside them, character by
character (``layout_glyphs``); what no font has is printed as its Unicode name in brackets.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import resources

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from careplan.documents.layout_glyphs import Fallback, fix_to_unicode, markup

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
MONO_FILE = "DejaVuSansMono.ttf"
MONO = "DejaVuSansMono"
# DejaVu Sans in its regular face whatever the surrounding style: for the few characters the bold
# or oblique face lacks (ReportLab would otherwise draw them in that face, as empty boxes).
SANS_ANY = "DejaVuSans-AnyStyle"
EMOJI = "NotoEmoji"

# Page geometry (points). Both documents share it, so the signing stamp's place is the same.
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = RIGHT = 22 * mm
TOP = 26 * mm  # leaves room for the running header
BOTTOM = 22 * mm  # leaves room for the footer
FRAME_WIDTH = PAGE_WIDTH - LEFT - RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM

# A calm palette: deep teal for structure, warm amber for "not agreed", greys for labels.
INK = colors.HexColor("#1f2933")
TEAL = colors.HexColor("#1d5c63")
TEAL_LIGHT = colors.HexColor("#e6f0f0")
RULE = colors.HexColor("#b9cfd1")
MUTED = colors.HexColor("#5b6770")
AMBER = colors.HexColor("#b35c00")
AMBER_LIGHT = colors.HexColor("#fff3e0")
AMBER_EDGE = colors.HexColor("#e8b577")
SIGNATURE_INK = colors.HexColor("#14213d")

_lock = threading.Lock()
_registered: dict[str, str] = {}
_fallback: list[Fallback] = []


def register_fonts() -> str:
    """Register the shipped fonts once (thread-safe). Returns the name of the monospace font.

    ``DejaVuSansMono.ttf`` is used for the fingerprint when it is shipped in ``resources/fonts``;
    until then the fingerprint is set in DejaVu Sans (still embedded).
    """
    with _lock:
        if not _registered:
            fonts = resources.files("careplan").joinpath("resources/fonts")
            for name, file in (
                (SANS, "DejaVuSans.ttf"),
                (SANS_BOLD, "DejaVuSans-Bold.ttf"),
                (SANS_ITALIC, "DejaVuSans-Oblique.ttf"),
            ):
                with resources.as_file(fonts.joinpath(file)) as path:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
            mono = fonts.joinpath(MONO_FILE)
            if mono.is_file():
                with resources.as_file(mono) as path:
                    pdfmetrics.registerFont(TTFont(MONO, str(path)))
                _registered["mono"] = MONO
            else:
                _registered["mono"] = SANS
            pdfmetrics.registerFontFamily(
                SANS, normal=SANS, bold=SANS_BOLD, italic=SANS_ITALIC, boldItalic=SANS_BOLD
            )
            for name, file in ((SANS_ANY, "DejaVuSans.ttf"), (EMOJI, "NotoEmoji-Regular.ttf")):
                with resources.as_file(fonts.joinpath(file)) as path:
                    pdfmetrics.registerFont(TTFont(name, str(path)))
                # One face for every style, so that <b> or <i> around it finds a font.
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
            fix_to_unicode()
            codes = {
                name: frozenset(pdfmetrics.getFont(name).face.charToGlyph)
                for name in (SANS, SANS_BOLD, SANS_ITALIC, EMOJI)
            }
            _fallback.append(
                Fallback(
                    base=codes[SANS] & codes[SANS_BOLD] & codes[SANS_ITALIC],
                    others=((SANS_ANY, codes[SANS]), (EMOJI, codes[EMOJI])),
                )
            )
        return _registered["mono"]


def fallback() -> Fallback:
    """The fonts a character is looked for in, in order (registering them first)."""
    register_fonts()
    return _fallback[0]


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one document (the full agreement or the easy-read one)."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    quote: ParagraphStyle
    author: ParagraphStyle
    bullet: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    mono: ParagraphStyle
    body_size: float


def make_styles(*, easy_read: bool) -> Styles:
    mono = register_fonts()
    size = 16.0 if easy_read else 10.0
    lead = size * 1.5

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": SANS,
            "fontSize": size,
            "leading": lead,
            "textColor": INK,
            "alignment": TA_LEFT,
            "bulletFontName": SANS,
            "bulletFontSize": size,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    scale = 1.7 if easy_read else 1.0
    return Styles(
        title=style(
            "title",
            fontName=SANS_BOLD,
            fontSize=24 * (1.25 if easy_read else 1),
            leading=36 if easy_read else 30,
            textColor=TEAL,
            spaceAfter=4,
        ),
        subtitle=style("subtitle", fontSize=size * 1.2, leading=lead * 1.2, textColor=MUTED, spaceAfter=14),
        heading=style(
            "heading",
            fontName=SANS_BOLD,
            fontSize=15 * (1.55 if easy_read else 1),
            leading=20 * (1.5 if easy_read else 1),
            textColor=TEAL,
            spaceBefore=18 * scale,
            spaceAfter=8 * scale,
            keepWithNext=1,
        ),
        subheading=style(
            "subheading",
            fontName=SANS_BOLD,
            fontSize=size * 1.1,
            leading=lead * 1.1,
            spaceBefore=10 * scale,
            spaceAfter=3,
            keepWithNext=1,
        ),
        body=style("body", spaceAfter=6 * scale),
        small=style("small", fontSize=size * 0.85, leading=lead * 0.85, textColor=MUTED),
        label=style(
            "label",
            fontName=SANS_BOLD,
            fontSize=size * (0.85 if easy_read else 0.8),
            leading=lead * 0.85,
            textColor=TEAL,
            keepWithNext=1,
        ),
        quote=style("quote", fontSize=size * (1.15 if easy_read else 1.3), leading=lead * 1.25, spaceAfter=1),
        author=style(
            "author",
            fontName=SANS_ITALIC,
            fontSize=size * 0.85,
            leading=lead * 0.9,
            textColor=MUTED,
            spaceAfter=6 * scale,
        ),
        bullet=style("bullet", leftIndent=16 * scale, bulletIndent=3 * scale, spaceAfter=4 * scale),
        note=style(
            "note",
            backColor=AMBER_LIGHT,
            borderColor=AMBER_EDGE,
            borderWidth=0.8,
            borderPadding=(7 * scale, 9 * scale, 7 * scale, 9 * scale),
            borderRadius=3,
            spaceBefore=8 * scale,
            spaceAfter=12 * scale,
        ),
        cell=style("cell", fontSize=size * 0.95, leading=lead * 0.95),
        cell_right=style("cell_right", fontSize=size * 0.95, leading=lead * 0.95, alignment=TA_RIGHT),
        cell_head=style(
            "cell_head", fontName=SANS_BOLD, fontSize=size * 0.85, leading=lead * 0.9, textColor=TEAL
        ),
        cell_head_right=style(
            "cell_head_right",
            fontName=SANS_BOLD,
            fontSize=size * 0.85,
            leading=lead * 0.9,
            textColor=TEAL,
            alignment=TA_RIGHT,
        ),
        mono=style("mono", fontName=mono, fontSize=size * (0.8 if easy_read else 0.95), leading=lead * 0.95),
        body_size=size,
    )


def table_style(commands: list[tuple[object, ...]]) -> TableStyle:
    """A table style whose cells default to the embedded font (ReportLab's default is Helvetica,
    which would not be embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), *commands])


def text(value: str) -> str:
    """Plain text made safe for a Paragraph: markup characters escaped, line breaks kept, and
    every character in a font that has it (or, where none has, its name in brackets)."""
    fonts = fallback()
    lines = [markup(line, fonts) for line in value.strip().splitlines()]
    return "<br/>".join(lines)


def author_mark(label: str) -> str:
    """The "— Dee's words" mark that follows a piece of text, as Paragraph markup."""
    return f'<font name="{SANS_ITALIC}" color="#5b6770" size="-1">— {markup(label, fallback())}</font>'


def possessive(name: str) -> str:
    return f"{name}'s"
