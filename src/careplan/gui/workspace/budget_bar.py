"""A bar that shows how much of the budget is set aside; going over is shown by pattern and words."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from careplan.domain.wording.money import format_money
from careplan.gui import theme

FILL = QColor(theme.BUDGET_FILL)
OVER = QColor(theme.BUDGET_OVER)
TRACK = QColor(theme.BUDGET_TRACK)
EDGE = QColor(theme.EDGE)


def bar_caption(allocated_pence: int, limit_pence: int | None) -> str:
    """The words under the bar; they say everything the bar shows."""
    if limit_pence is None:
        if allocated_pence:
            return f"{format_money(allocated_pence)} set aside, and no budget yet"
        return "No budget yet"
    if allocated_pence > limit_pence:
        return (
            f"Over the budget by {format_money(allocated_pence - limit_pence)}: "
            f"{format_money(allocated_pence)} set aside of {format_money(limit_pence)}"
        )
    return (
        f"{format_money(allocated_pence)} set aside of {format_money(limit_pence)}, "
        f"{format_money(limit_pence - allocated_pence)} left"
    )


class BudgetBar(QWidget):
    """Allocated against the budget. Past the budget the extra part is hatched and a line marks the limit.

    The caption is painted under the bar and is also the accessible description, so the bar never
    relies on colour alone.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budgetBar")
        self.setAccessibleName("How much of the budget is set aside")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._allocated = 0
        self._limit: int | None = None
        self._update_text()

    @property
    def allocated_pence(self) -> int:
        return self._allocated

    @property
    def limit_pence(self) -> int | None:
        return self._limit

    @property
    def over(self) -> bool:
        return self._limit is not None and self._allocated > self._limit

    def caption(self) -> str:
        return bar_caption(self._allocated, self._limit)

    def set_amounts(self, allocated_pence: int, limit_pence: int | None) -> None:
        self._allocated = allocated_pence
        self._limit = limit_pence
        self._update_text()
        self.update()

    def _update_text(self) -> None:
        text = self.caption()
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def _bar_height(self) -> int:
        return round(self.fontMetrics().height() * 1.4)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 50, self._bar_height() + metrics.height() + 8)

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.averageCharWidth() * 20, self._bar_height() + metrics.height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(1, 1, self.width() - 2, self._bar_height())
        painter.setPen(QPen(EDGE, 1))
        painter.setBrush(TRACK)
        painter.drawRoundedRect(bar, 4, 4)
        limit, allocated = self._limit, self._allocated
        inner = bar.adjusted(2, 2, -2, -2)
        painter.setPen(Qt.PenStyle.NoPen)
        if limit is not None and limit > 0 and allocated > 0:
            if allocated <= limit:
                painter.setBrush(FILL)
                painter.drawRect(
                    QRectF(inner.left(), inner.top(), inner.width() * allocated / limit, inner.height())
                )
            else:
                # The whole bar is what is set aside; the part past the limit is hatched.
                at_limit = inner.width() * limit / allocated
                painter.setBrush(FILL)
                painter.drawRect(QRectF(inner.left(), inner.top(), at_limit, inner.height()))
                extra = QRectF(inner.left() + at_limit, inner.top(), inner.width() - at_limit, inner.height())
                painter.setBrush(OVER)
                painter.drawRect(extra)
                painter.setBrush(QBrush(QColor("white"), Qt.BrushStyle.BDiagPattern))
                painter.drawRect(extra)
                painter.setPen(QPen(QColor("black"), 3))
                painter.drawLine(
                    round(inner.left() + at_limit),
                    round(bar.top()),
                    round(inner.left() + at_limit),
                    round(bar.bottom()),
                )
        painter.setPen(self.palette().windowText().color())
        font = painter.font()
        font.setBold(self.over)
        painter.setFont(font)
        text_area = QRectF(0, bar.bottom() + 4, self.width(), self.height() - bar.bottom() - 4)
        painter.drawText(text_area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self.caption())
        painter.end()
