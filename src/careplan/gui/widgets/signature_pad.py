"""A box to sign in with a finger, a pen or the mouse, kept as vector strokes.

Points are stored in a fixed space (``WIDTH`` x ``HEIGHT``, 0..1000 by 0..300) whatever the size
of the box on screen, so a signature drawn on a small laptop and on a large tablet look the same
when it is printed. The space keeps its shape (10:3) inside the box, so a signature is never
stretched; points outside it are held at its edge.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from careplan.gui import theme

WIDTH = 1000.0
HEIGHT = 300.0
MIN_STEP = 0.5
"""Points closer than this (in the fixed space) to the one before add nothing and are skipped."""
BASELINE = 0.78
"""Where the line to sign on is, as a share of the height."""

Point = tuple[float, float]
Stroke = tuple[Point, ...]
Strokes = tuple[Stroke, ...]

EMPTY_DESCRIPTION = (
    "Empty. Sign here with your finger, a pen or the mouse. "
    "To sign with the keyboard, choose Type my name instead."
)

INK = QColor(theme.INK)
EDGE = QColor(theme.PAD_EDGE)
HINT = QColor(theme.PAD_EDGE)


class SignaturePad(QWidget):
    """Records a drawn signature as strokes (each a list of points) and paints it smoothly.

    ``changed`` is emitted whenever the signature changes: a stroke started or finished,
    cleared, undone or redone.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setMinimumSize(480, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName("Signature box")
        self._strokes: list[Stroke] = []
        self._drawing: list[Point] | None = None
        self._undo: list[Strokes] = []
        self._redo: list[Strokes] = []
        self._describe()

    # --- what was drawn ------------------------------------------------------------------------

    def strokes(self) -> Strokes:
        """Every finished stroke, oldest first, as ``SignatureInput.strokes`` takes them."""
        return tuple(self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes and not self._drawing

    def point_count(self) -> int:
        return sum(len(stroke) for stroke in self._strokes)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def clear(self) -> None:
        """Start again. Undo brings the signature back."""
        self._drawing = None
        if self._strokes:
            self._remember()
            self._strokes = []
        self._after_change()

    def undo(self) -> None:
        """Take back the last change (usually the last stroke drawn)."""
        if not self._undo:
            return
        self._redo.append(tuple(self._strokes))
        self._strokes = list(self._undo.pop())
        self._after_change()

    def redo(self) -> None:
        """Put back what undo took away."""
        if not self._redo:
            return
        self._undo.append(tuple(self._strokes))
        self._strokes = list(self._redo.pop())
        self._after_change()

    # --- building strokes (every kind of input comes through here) -----------------------------

    def paper(self) -> QRectF:
        """Where the fixed space sits in the box: as large as fits, keeping its shape, centred."""
        box = QRectF(self.rect())
        scale = min(box.width() / WIDTH, box.height() / HEIGHT)
        width, height = WIDTH * scale, HEIGHT * scale
        return QRectF(box.center().x() - width / 2, box.center().y() - height / 2, width, height)

    def to_space(self, position: QPointF) -> Point:
        """A position in the widget as a point in the fixed space (held inside it)."""
        paper = self.paper()
        if paper.width() <= 0 or paper.height() <= 0:
            return (0.0, 0.0)
        x = (position.x() - paper.left()) / paper.width() * WIDTH
        y = (position.y() - paper.top()) / paper.height() * HEIGHT
        return (round(min(max(x, 0.0), WIDTH), 2), round(min(max(y, 0.0), HEIGHT), 2))

    def to_widget(self, point: Point) -> QPointF:
        paper = self.paper()
        return QPointF(
            paper.left() + point[0] / WIDTH * paper.width(),
            paper.top() + point[1] / HEIGHT * paper.height(),
        )

    def begin_stroke(self, position: QPointF) -> None:
        if self._drawing is not None:
            self.end_stroke()
        self._drawing = [self.to_space(position)]
        self.update()
        self.changed.emit()

    def extend_stroke(self, position: QPointF) -> None:
        if self._drawing is None:
            return
        point = self.to_space(position)
        last = self._drawing[-1]
        if abs(point[0] - last[0]) < MIN_STEP and abs(point[1] - last[1]) < MIN_STEP:
            return
        self._drawing.append(point)
        self.update()

    def end_stroke(self, position: QPointF | None = None) -> None:
        if self._drawing is None:
            return
        if position is not None:
            self.extend_stroke(position)
        stroke = tuple(self._drawing)
        self._drawing = None
        self._remember()
        self._strokes.append(stroke)
        self._after_change()

    def _remember(self) -> None:
        self._undo.append(tuple(self._strokes))
        self._redo.clear()

    def _after_change(self) -> None:
        self._describe()
        self.update()
        self.changed.emit()

    def _describe(self) -> None:
        if not self._strokes:
            self.setAccessibleDescription(EMPTY_DESCRIPTION)
        else:
            count = len(self._strokes)
            lines = "1 line" if count == 1 else f"{count} lines"
            self.setAccessibleDescription(f"Signed: {lines} drawn. Clear or Undo takes them away.")

    # --- mouse, pen and touch ------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_stroke(event.position())
            event.accept()
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing is not None:
            self.extend_stroke(event.position())
            event.accept()
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing is not None:
            self.end_stroke(event.position())
            event.accept()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting the pen's events stops Qt from also sending them again as mouse events.
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self.begin_stroke(event.position())
        elif kind == QEvent.Type.TabletMove:
            self.extend_stroke(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self.end_stroke(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            self._touch(event)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger draws; the first finger down is the one followed."""
        kind = event.type()
        points = event.points()
        event.accept()
        if kind == QEvent.Type.TouchCancel:
            self.end_stroke()
            return
        if not points:
            return
        position = points[0].position()
        if kind == QEvent.Type.TouchBegin:
            self.begin_stroke(position)
        elif kind == QEvent.Type.TouchUpdate:
            self.extend_stroke(position)
        else:
            self.end_stroke(position)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
        else:
            super().keyPressEvent(event)

    # --- painting ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(640, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), self.palette().window())  # behind the rounded corners
        box = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(EDGE, 2 if self.hasFocus() else 1))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(box, 8, 8)

        paper = self.paper()
        line_y = paper.top() + paper.height() * BASELINE
        left, right = paper.left() + paper.width() * 0.05, paper.right() - paper.width() * 0.05
        painter.setPen(QPen(HINT, 1.5))
        painter.drawLine(QPointF(left, line_y), QPointF(right, line_y))
        if self.is_empty():
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            painter.setFont(font)
            painter.setPen(HINT)
            text_box = QRectF(left, paper.top(), right - left, line_y - paper.top() - 6)
            painter.drawText(
                text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), "Sign here"
            )

        width = max(2.2, 4.5 * paper.width() / WIDTH)
        pen = QPen(INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        strokes: list[Stroke] = list(self._strokes)
        if self._drawing:
            strokes.append(tuple(self._drawing))
        for stroke in strokes:
            self._paint_stroke(painter, stroke, width)
        painter.end()

    def _paint_stroke(self, painter: QPainter, stroke: Stroke, width: float) -> None:
        points = [self.to_widget(p) for p in stroke]
        if len(points) == 1:
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INK)
            painter.drawEllipse(points[0], width / 2, width / 2)
            painter.restore()
            return
        painter.drawPath(smooth_path(points))


def smooth_path(points: list[QPointF]) -> QPainterPath:
    """A curve through the points: each point bends the line towards it, through the midpoints."""
    path = QPainterPath(points[0])
    for here, after in pairwise(points[1:]):
        path.quadTo(here, (here + after) / 2)
    path.lineTo(points[-1])
    return path
