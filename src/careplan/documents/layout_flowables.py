"""The few drawing pieces ReportLab does not have: page furniture with "Page X of Y", a drawn
signature scaled into its box, and an empty space kept for the service's signing stamp."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from careplan.documents.layout_glyphs import draw_runs
from careplan.documents.layout_styles import (
    BOTTOM,
    LEFT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RIGHT,
    RULE,
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SIGNATURE_INK,
    TEAL,
    TOP,
    fallback,
)

Strokes = Sequence[Sequence[tuple[float, float]]]


@dataclass(frozen=True)
class PageFurniture:
    """What every page shows around the text: a header with the service's name, a footer with
    the page number and the document id."""

    service_name: str
    header_right: str
    document_id: str
    size: float = 8.5

    def draw(self, canvas: Canvas, page: int, total: int) -> None:
        canvas.saveState()
        header_y = PAGE_HEIGHT - TOP + 10 * 2.4
        canvas.setFont(SANS_BOLD, self.size)
        canvas.setFillColor(TEAL)
        draw_line(
            canvas, LEFT, header_y, _fit(self.service_name, SANS_BOLD, self.size, 300), SANS_BOLD, self.size
        )
        canvas.setFillColor(MUTED)
        right = _fit(self.header_right, SANS, self.size, 200)
        draw_line(canvas, PAGE_WIDTH - RIGHT, header_y, right, SANS, self.size, align_right=True)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(LEFT, header_y - 6, PAGE_WIDTH - RIGHT, header_y - 6)
        footer_y = BOTTOM - 30
        canvas.line(LEFT, footer_y + self.size + 5, PAGE_WIDTH - RIGHT, footer_y + self.size + 5)
        canvas.setFont(SANS, self.size)
        canvas.drawCentredString(PAGE_WIDTH / 2, footer_y, f"Page {page} of {total} · {self.footer()}")
        canvas.restoreState()

    def footer(self) -> str:
        """What the footer says after the page number."""
        return f"Document {self.document_id}"


def line_width(value: str, font: str, size: float) -> float:
    """The width of a line drawn by :func:`draw_line`."""
    return draw_runs(value, fallback(), font, size, lambda *_: None, stringWidth)


def draw_line(
    canvas: Canvas, x: float, y: float, value: str, font: str, size: float, *, align_right: bool = False
) -> None:
    """Draw a line of someone's text on the canvas, each character in a font that has it (as
    Paragraphs do, ``layout_styles.text``). Leaves the canvas's font set to the last one used."""
    start = x - line_width(value, font, size) if align_right else x

    def draw(piece: str, name: str, offset: float) -> None:
        canvas.setFont(name, size)
        canvas.drawString(start + offset, y, piece)

    draw_runs(value, fallback(), font, size, draw, stringWidth)


def _fit(value: str, font: str, size: float, width: float) -> str:
    """Shorten a running header that would not fit, with an ellipsis."""
    if line_width(value, font, size) <= width:
        return value
    while value and line_width(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that holds its pages back until the end, so each can say "Page X of Y"."""

    def __init__(self, *args: Any, furniture: PageFurniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._furniture.draw(self, self._pageNumber, total)
            super().showPage()
        super().save()


class SignatureDrawing(Flowable):  # type: ignore[misc]
    """A signature on a line: drawn strokes scaled (never stretched) into the box, or a typed
    name in a handwriting-like slant."""

    def __init__(
        self, width: float, height: float, strokes: Strokes = (), typed_name: str | None = None
    ) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self.strokes = [list(s) for s in strokes if s]
        self.typed_name = typed_name

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.width, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        line_y = 10.0
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(0, line_y, self.width, line_y)
        canvas.setStrokeColor(SIGNATURE_INK)
        canvas.setFillColor(SIGNATURE_INK)
        if self.strokes:
            self._draw_strokes(canvas, line_y)
        elif self.typed_name:
            size = min(20.0, self.height * 0.45)
            name = _fit(self.typed_name, SANS_ITALIC, size, self.width - 12)
            draw_line(canvas, 6, line_y + 6, name, SANS_ITALIC, size)
        canvas.restoreState()

    def _draw_strokes(self, canvas: Canvas, line_y: float) -> None:
        xs = [x for stroke in self.strokes for x, _ in stroke]
        ys = [y for stroke in self.strokes for _, y in stroke]
        pad = 4.0
        box_w, box_h = self.width - 2 * pad, self.height - line_y - pad + 4
        span_x, span_y = max(max(xs) - min(xs), 1e-6), max(max(ys) - min(ys), 1e-6)
        scale = min(box_w / span_x, box_h / span_y)
        left = pad + (box_w - span_x * scale) / 2
        bottom = line_y - 4 + (box_h - span_y * scale) / 2
        top_y = max(ys)

        def at(point: tuple[float, float]) -> tuple[float, float]:
            # Pad points run downwards; PDF points run upwards.
            return left + (point[0] - min(xs)) * scale, bottom + (top_y - point[1]) * scale

        canvas.setLineWidth(1.4)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        for stroke in self.strokes:
            points = [at(p) for p in stroke]
            if len(points) == 1:
                canvas.circle(points[0][0], points[0][1], 0.9, stroke=0, fill=1)
                continue
            path = canvas.beginPath()
            path.moveTo(*points[0])
            # Smooth the line through the midpoints, each point a quadratic control point.
            current = points[0]
            for ctrl, nxt in itertools.pairwise(points[1:]):
                end = _mid(ctrl, nxt)
                path.curveTo(*_towards(current, ctrl), *_towards(end, ctrl), *end)
                current = end
            path.lineTo(*points[-1])
            canvas.drawPath(path, stroke=1, fill=0)


def _towards(a: tuple[float, float], ctrl: tuple[float, float]) -> tuple[float, float]:
    """A cubic control point two thirds of the way to a quadratic one."""
    return a[0] + 2 / 3 * (ctrl[0] - a[0]), a[1] + 2 / 3 * (ctrl[1] - a[1])


def _mid(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return (a[0] + b[0]) / 2, (a[1] + b[1]) / 2


@functools.lru_cache(maxsize=32)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The dark and light modules of a QR code (error correction level M), worked out once."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return tuple(tuple(bool(module) for module in row) for row in code.modules)


class QrCode(Flowable):  # type: ignore[misc]
    """A QR code on a white square with a quiet zone around it, ``size`` points square."""

    QUIET = 3  # modules of white around the code

    def __init__(self, payload: str, size: float) -> None:
        super().__init__()
        self.payload = payload
        self.width = self.height = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        modules = qr_modules(self.payload)
        count = len(modules)
        cell = self.width / (count + 2 * self.QUIET)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.white)
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        for r, row in enumerate(modules):
            top = self.height - (r + self.QUIET + 1) * cell
            column = 0
            for dark, run in itertools.groupby(row):
                length = len(list(run))
                if dark:
                    # A hair taller than a module, so that no light seams show between rows.
                    canvas.rect(
                        (column + self.QUIET) * cell, top - 0.02, length * cell, cell + 0.04, stroke=0, fill=1
                    )
                column += length
        canvas.restoreState()


class KeptSpace(Flowable):  # type: ignore[misc]
    """Empty space of a fixed height: the last thing in the story, so that the bottom of the last
    page's frame stays clear for the service's visible signing stamp."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        return
