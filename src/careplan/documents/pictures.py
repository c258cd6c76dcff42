"""Simple, clear pictures for the easy-read agreement, drawn with ReportLab's vector shapes.

One picture for each default life area (a house for where I live, a heart for physical health,
people for family, a coin for money, a clock for time, scales for legal matters, a glass for
alcohol, a pill for drugs, a speech bubble for mental health, a group for community), and a few
for the easy-read sections (a calendar, a pen, a tick, a document, a magnifying glass, a phone
ringing for staying safe). Each is
drawn in a 100 x 100 box on a soft coloured tile and scaled to the size asked for. Life areas a
service adds itself get a plain star.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.colors import Color

from careplan.documents.layout_styles import SANS_BOLD, register_fonts

WHITE = colors.white


def _ink(shape: Any, ink: Color, width: float = 4.5, fill: Color | None = None) -> None:
    shape.strokeColor = ink
    shape.strokeWidth = width
    shape.strokeLineCap = 1
    shape.strokeLineJoin = 1
    if hasattr(shape, "fillColor"):
        shape.fillColor = fill


def _filled(shape: Any, fill: Color) -> None:
    shape.strokeColor = None
    shape.fillColor = fill


def _person(g: Group, x: float, head_y: float, r: float, body_w: float, fill: Color) -> None:
    """A person seen from the front: a round head over rounded shoulders."""
    head = Circle(x, head_y, r)
    _filled(head, fill)
    top = head_y - r - 3.5  # a small gap between head and shoulders
    body = Rect(x - body_w / 2, 18, body_w, top - 18, rx=body_w * 0.45, ry=body_w * 0.45)
    _filled(body, fill)
    g.add(body)
    g.add(head)


def _house(g: Group, ink: Color) -> None:
    chimney = Rect(64, 60, 8, 16)
    _ink(chimney, ink, 4, WHITE)
    g.add(chimney)
    body = Rect(26, 20, 48, 36)
    _ink(body, ink, 4.5, WHITE)
    g.add(body)
    roof = Polygon([16, 54, 50, 82, 84, 54])
    _ink(roof, ink, 4.5, ink)
    g.add(roof)
    door = Rect(45, 20, 12, 20)
    _filled(door, ink)
    g.add(door)
    window = Rect(31, 36, 9, 9)
    _filled(window, ink)
    g.add(window)


def _heart_path(scale: float = 1.0, dx: float = 0.0, dy: float = 0.0) -> Path:
    p = Path()
    pts = [
        (50, 22),
        (38, 34, 18, 46, 19, 62),
        (20, 75, 33, 82, 42, 78),
        (46, 76, 49, 72, 50, 68),
        (51, 72, 54, 76, 58, 78),
        (67, 82, 80, 75, 81, 62),
        (82, 46, 62, 34, 50, 22),
    ]

    def t(x: float, y: float) -> tuple[float, float]:
        return 50 + (x - 50) * scale + dx, 50 + (y - 50) * scale + dy

    p.moveTo(*t(*pts[0][:2]))
    for seg in pts[1:]:
        a, b, c = t(seg[0], seg[1]), t(seg[2], seg[3]), t(seg[4], seg[5])
        p.curveTo(*a, *b, *c)
    p.closePath()
    return p


def _heart(g: Group, ink: Color) -> None:
    heart = _heart_path()
    _ink(heart, ink, 3, colors.HexColor("#e0566b"))
    g.add(heart)
    pulse = PolyLine([26, 56, 40, 56, 45, 66, 52, 42, 57, 56, 74, 56])
    _ink(pulse, WHITE, 4)
    g.add(pulse)


def _speech(g: Group, ink: Color) -> None:
    bubble = Path()
    left, right, bottom, top, r = 16, 84, 34, 80, 12
    bubble.moveTo(left + r, bottom)
    bubble.lineTo(26, bottom)
    bubble.lineTo(22, 18)
    bubble.lineTo(40, bottom)
    bubble.lineTo(right - r, bottom)
    bubble.curveTo(right, bottom, right, bottom, right, bottom + r)
    bubble.lineTo(right, top - r)
    bubble.curveTo(right, top, right, top, right - r, top)
    bubble.lineTo(left + r, top)
    bubble.curveTo(left, top, left, top, left, top - r)
    bubble.lineTo(left, bottom + r)
    bubble.curveTo(left, bottom, left, bottom, left + r, bottom)
    bubble.closePath()
    _ink(bubble, ink, 4.5, WHITE)
    g.add(bubble)
    small = _heart_path(0.32, 0, 7)
    _filled(small, ink)
    g.add(small)


def _family(g: Group, ink: Color) -> None:
    light = colors.HexColor("#e39b3c")
    _person(g, 36, 70, 10, 26, ink)
    _person(g, 68, 54, 7.5, 19, light)
    hands = Line(46, 38, 62, 34)
    _ink(hands, ink, 4.5)
    g.add(hands)


def _group(g: Group, ink: Color) -> None:
    light = colors.HexColor("#6f9fc8")
    _person(g, 24, 62, 8, 20, light)
    _person(g, 76, 62, 8, 20, light)
    _person(g, 50, 70, 9.5, 24, ink)


def _coin(g: Group, ink: Color) -> None:
    back = Circle(58, 44, 27)
    _ink(back, ink, 3.5, colors.HexColor("#e6b93a"))
    g.add(back)
    coin = Circle(44, 56, 28)
    _ink(coin, ink, 4, colors.HexColor("#f5d36b"))
    g.add(coin)
    inner = Circle(44, 56, 21)
    _ink(inner, ink, 2)
    g.add(inner)
    pound = String(44, 45, "£", fontName=SANS_BOLD, fontSize=30, fillColor=ink, textAnchor="middle")
    g.add(pound)


def _clock(g: Group, ink: Color) -> None:
    face = Circle(50, 50, 31)
    _ink(face, ink, 5, WHITE)
    g.add(face)
    for hour in range(12):
        angle = math.radians(hour * 30)
        inner = 24 if hour % 3 == 0 else 26
        tick = Line(
            50 + inner * math.sin(angle),
            50 + inner * math.cos(angle),
            50 + 28 * math.sin(angle),
            50 + 28 * math.cos(angle),
        )
        _ink(tick, ink, 3 if hour % 3 == 0 else 1.8)
        g.add(tick)
    for x2, y2, w in ((50, 70, 4.5), (63, 50, 4.5)):
        hand = Line(50, 50, x2, y2)
        _ink(hand, ink, w)
        g.add(hand)
    centre = Circle(50, 50, 3.5)
    _filled(centre, ink)
    g.add(centre)


def _scales(g: Group, ink: Color) -> None:
    for x1, y1, x2, y2, w in (
        (50, 22, 50, 76, 5),
        (32, 20, 68, 20, 6),
        (20, 70, 80, 70, 4.5),
        (22, 70, 13, 46, 2),
        (22, 70, 31, 46, 2),
        (78, 70, 69, 46, 2),
        (78, 70, 87, 46, 2),
    ):
        line = Line(x1, y1, x2, y2)
        _ink(line, ink, w)
        g.add(line)
    for cx in (22, 78):
        pan = Path()
        pan.moveTo(cx - 13, 46)
        pan.curveTo(cx - 11, 34, cx + 11, 34, cx + 13, 46)
        pan.closePath()
        _ink(pan, ink, 3.5, colors.HexColor("#9fb3bd"))
        g.add(pan)
    knob = Circle(50, 78, 5)
    _filled(knob, ink)
    g.add(knob)


def _glass(g: Group, ink: Color) -> None:
    wine = Path()
    wine.moveTo(36, 66)
    wine.lineTo(64, 66)
    wine.curveTo(63, 56, 58, 50, 50, 49)
    wine.curveTo(42, 50, 37, 56, 36, 66)
    wine.closePath()
    _filled(wine, colors.HexColor("#b8456f"))
    g.add(wine)
    bowl = Path()
    bowl.moveTo(33, 80)
    bowl.lineTo(67, 80)
    bowl.curveTo(67, 60, 61, 49, 50, 48)
    bowl.curveTo(39, 49, 33, 60, 33, 80)
    bowl.closePath()
    _ink(bowl, ink, 4.5, None)
    g.add(bowl)
    stem = Line(50, 48, 50, 24)
    _ink(stem, ink, 4.5)
    g.add(stem)
    base = Line(37, 22, 63, 22)
    _ink(base, ink, 5.5)
    g.add(base)


def _pill(g: Group, ink: Color) -> None:
    capsule = Group(transform=_rotate_about(35, 50, 50))
    half = Rect(18, 39, 32, 22, rx=11, ry=11)
    _filled(half, ink)
    capsule.add(half)
    square = Rect(36, 39, 14, 22)
    _filled(square, ink)
    capsule.add(square)
    outline = Rect(18, 39, 64, 22, rx=11, ry=11)
    _ink(outline, ink, 4, None)
    capsule.add(outline)
    shine = Line(60, 55, 72, 55)
    _ink(shine, colors.HexColor("#9cc9c9"), 3)
    capsule.add(shine)
    g.add(capsule)


def _star(g: Group, ink: Color) -> None:
    points: list[float] = []
    for i in range(10):
        radius = 32 if i % 2 == 0 else 14
        angle = math.radians(90 + i * 36)
        points += [50 + radius * math.cos(angle), 50 + radius * math.sin(angle)]
    star = Polygon(points)
    _ink(star, ink, 3.5, colors.HexColor("#f5d36b"))
    g.add(star)


def _calendar(g: Group, ink: Color) -> None:
    page = Rect(20, 18, 60, 58, rx=6, ry=6)
    _ink(page, ink, 4.5, WHITE)
    g.add(page)
    top = Rect(20, 62, 60, 14, rx=6, ry=6)
    _filled(top, ink)
    g.add(top)
    for x in (34, 66):
        ring = Line(x, 70, x, 82)
        _ink(ring, ink, 5)
        g.add(ring)
    for row in range(3):
        for col in range(4):
            day = Rect(27 + col * 12, 26 + row * 11, 7, 6)
            _filled(day, colors.HexColor("#f08a4b") if (row, col) == (1, 2) else ink)
            g.add(day)


def _pen(g: Group, ink: Color) -> None:
    line = PolyLine([14, 24, 24, 30, 32, 22, 40, 30, 48, 24])
    _ink(line, ink, 3)
    g.add(line)
    pen = Group(transform=_rotate_about(-45, 58, 52))
    body = Rect(50, 30, 16, 52, rx=3, ry=3)
    _ink(body, ink, 4, colors.HexColor("#f5d36b"))
    pen.add(body)
    nib = Polygon([50, 30, 66, 30, 58, 14])
    _ink(nib, ink, 4, WHITE)
    pen.add(nib)
    g.add(pen)


def _tick(g: Group, ink: Color) -> None:
    ring = Circle(50, 50, 31)
    _filled(ring, ink)
    g.add(ring)
    mark = PolyLine([35, 51, 46, 39, 66, 62])
    _ink(mark, WHITE, 8)
    g.add(mark)


def _document(g: Group, ink: Color) -> None:
    page = Polygon([24, 16, 70, 16, 70, 70, 56, 84, 24, 84])
    _ink(page, ink, 4.5, WHITE)
    g.add(page)
    for y in (64, 54, 44, 34):
        line = Line(33, y, 61 if y != 34 else 50, y)
        _ink(line, ink, 3.5)
        g.add(line)
    arrow = PolyLine([62, 30, 84, 30])
    _ink(arrow, colors.HexColor("#f08a4b"), 5)
    g.add(arrow)
    head = Polygon([80, 38, 90, 30, 80, 22])
    _filled(head, colors.HexColor("#f08a4b"))
    g.add(head)


def _magnifier(g: Group, ink: Color) -> None:
    handle = Line(60, 40, 80, 20)
    _ink(handle, ink, 9)
    g.add(handle)
    lens = Circle(44, 56, 22)
    _ink(lens, ink, 6, colors.HexColor("#d9ecef"))
    g.add(lens)
    mark = PolyLine([34, 56, 42, 48, 55, 64])
    _ink(mark, ink, 4.5)
    g.add(mark)


def _phone(g: Group, ink: Color) -> None:
    body = Rect(33, 12, 34, 76, rx=7, ry=7)
    _ink(body, ink, 4.5, WHITE)
    g.add(body)
    screen = Rect(39, 28, 22, 46, rx=2, ry=2)
    _filled(screen, colors.HexColor("#bfe3e0"))
    g.add(screen)
    button = Circle(50, 20, 3.5)
    _filled(button, ink)
    g.add(button)
    for radius in (10, 18):  # it is ringing
        wave = Path()
        start, end = math.radians(-35), math.radians(35)
        wave.moveTo(67 + radius * math.cos(start), 70 + radius * math.sin(start))
        for step in range(1, 9):
            angle = start + (end - start) * step / 8
            wave.lineTo(67 + radius * math.cos(angle), 70 + radius * math.sin(angle))
        _ink(wave, colors.HexColor("#f08a4b"), 4)
        wave.fillColor = None
        g.add(wave)


def _rotate_about(degrees: float, cx: float, cy: float) -> tuple[float, ...]:
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    return (cos, sin, -sin, cos, cx - cos * cx + sin * cy, cy - sin * cx - cos * cy)


Painter = Callable[[Group, Color], None]

# code -> (tile colour, ink colour, painter)
PICTURES: dict[str, tuple[str, str, Painter]] = {
    "housing": ("#e3f1e6", "#2e6b3f", _house),
    "physical_health": ("#fde8ea", "#9e2235", _heart),
    "mental_health": ("#ece8f8", "#5a3f9e", _speech),
    "family": ("#fff1dc", "#8f4f00", _family),
    "community": ("#e2eef8", "#245d8f", _group),
    "money": ("#fbf3d5", "#7a5f00", _coin),
    "time": ("#e6f0f0", "#1d5c63", _clock),
    "legal": ("#eceff1", "#37474f", _scales),
    "alcohol": ("#f6e5ec", "#7d2a4c", _glass),
    "drugs": ("#e5f3f3", "#1b6b6b", _pill),
    # the easy-read sections
    "calendar": ("#e6f0f0", "#1d5c63", _calendar),
    "signing": ("#e2eef8", "#245d8f", _pen),
    "approved": ("#e3f1e6", "#2e6b3f", _tick),
    "sharing": ("#fff1dc", "#8f4f00", _document),
    "checking": ("#eceff1", "#37474f", _magnifier),
    "staying_safe": ("#e5f3f3", "#1b6b6b", _phone),
}
FALLBACK: tuple[str, str, Painter] = ("#eef0f2", "#4a5560", _star)


def picture(code: str, size: float) -> Drawing:
    """The picture for a life area (by its code) or an easy-read section, ``size`` points square."""
    register_fonts()
    tile_colour, ink_colour, paint = PICTURES.get(code, FALLBACK)
    drawing = Drawing(size, size, initialFontName=SANS_BOLD)
    group = Group(transform=(size / 100, 0, 0, size / 100, 0, 0))
    tile = Rect(0, 0, 100, 100, rx=18, ry=18)
    _filled(tile, colors.HexColor(tile_colour))
    group.add(tile)
    paint(group, colors.HexColor(ink_colour))
    drawing.add(group)
    return drawing
