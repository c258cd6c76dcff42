"""Every character a person writes, printed with a font that has it.

DejaVu Sans has no emoji and no CJK. ReportLab draws a character its font lacks as an empty box
(glyph 0), and its ToUnicode map writes a code point above U+FFFF as five hex digits, so a PDF
reader takes 🙂 (U+1F642) for U+1F64 or worse. So:

* each character goes to the first font that has it: DejaVu Sans in all three faces (the text
  stays bold or italic where the style says so), else DejaVu Sans in its regular face, else the
  monochrome Noto Emoji shipped beside it (a plain glyf TrueType font, OFL);
* a mark that joins the character before it (a combining accent, a variation selector, a skin
  tone, a zero-width joiner) stays in that character's font when the font has it;
* a character none of the fonts has is printed as its Unicode name in brackets, "[cjk unified
  ideograph-4e2d]", so the page and the text layer both say what was written; an invisible one
  (a variation selector or joiner no font has) is left out;
* :func:`fix_to_unicode` makes ReportLab's ToUnicode maps write characters above U+FFFF as UTF-16
  surrogate pairs, as the PDF reference asks, so copying the text gives the same characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.pdfbase import ttfonts


@dataclass(frozen=True)
class Fallback:
    """The fonts to try, in order. ``base`` is the surrounding text's font (``None``: no
    ``<font>`` tag needed); each of ``others`` is a registered font name with its characters."""

    base: frozenset[int]
    others: tuple[tuple[str, frozenset[int]], ...]


def _joins(ch: str) -> bool:
    """A mark drawn with (or invisibly joined to) the character before it."""
    code = ord(ch)
    return (
        unicodedata.category(ch) in ("Mn", "Me", "Cf")
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tag characters (subdivision flags)
    )


def _invisible(ch: str) -> bool:
    code = ord(ch)
    return (
        unicodedata.category(ch) == "Cf"
        or 0xFE00 <= code <= 0xFE0F
        or 0xE0100 <= code <= 0xE01EF
        or 0xE0020 <= code <= 0xE007F
    )


def replacement(ch: str) -> str:
    """What is printed for a character no shipped font has: its Unicode name in brackets."""
    name = unicodedata.name(ch, None)
    return f"[{name.lower()}]" if name else f"[U+{ord(ch):04X}]"


def runs(value: str, fonts: Fallback) -> list[tuple[str | None, str]]:
    """``value`` cut into (font, text) runs: font ``None`` is the base font."""
    out: list[tuple[str | None, str]] = []
    previous: str | None = None
    for ch in value:
        code = ord(ch)
        font: str | None
        piece = ch
        if _joins(ch) and _has(fonts, previous, code):
            font = previous
        elif code in fonts.base or ch in "\n\t":
            font = None
        else:
            font = next((name for name, codes in fonts.others if code in codes), None)
            if font is None:
                piece = "" if _invisible(ch) else replacement(ch)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + piece)
        elif piece:
            out.append((font, piece))
        previous = font
    return out


def _has(fonts: Fallback, name: str | None, code: int) -> bool:
    if name is None:
        return code in fonts.base
    return any(code in codes for other, codes in fonts.others if other == name)


def markup(value: str, fonts: Fallback) -> str:
    """Plain text as Paragraph markup: escaped, each run that needs another font in a ``<font>``
    tag (its name is one of ours, so it needs no escaping)."""
    if fonts.base.issuperset(map(ord, value)):  # the usual case, at the speed of escaping
        return escape(value)
    return "".join(
        escape(piece) if font is None else f'<font name="{font}">{escape(piece)}</font>'
        for font, piece in runs(value, fonts)
    )


def draw_runs(
    value: str,
    fonts: Fallback,
    base_font: str,
    size: float,
    draw: Callable[[str, str, float], None],
    width: Callable[[str, str, float], float],
) -> float:
    """Measure (and, through ``draw(text, font, x)``, draw) a line for a canvas, run by run.
    Returns the line's width."""
    if fonts.base.issuperset(map(ord, value)):
        draw(value, base_font, 0.0)
        return width(value, base_font, size)
    x = 0.0
    for font, piece in runs(value, fonts):
        name = font or base_font
        draw(piece, name, x)
        x += width(piece, name, size)
    return x


def _surrogates(code: int) -> str:
    if code <= 0xFFFF:
        return f"{code:04X}"
    code -= 0x10000
    return f"{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}"


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap (``ttfonts.makeToUnicodeCMap``), with characters above U+FFFF
    written as UTF-16BE surrogate pairs instead of five hex digits."""
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{_surrogates(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def fix_to_unicode() -> None:
    """Put :func:`_to_unicode_cmap` in ReportLab's place (once; it changes nothing at or below
    U+FFFF, so every other PDF ReportLab makes in this process reads the same)."""
    if ttfonts.makeToUnicodeCMap is not _to_unicode_cmap:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
