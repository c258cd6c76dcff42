"""The signature pad: strokes from the mouse, a pen and a finger, in a space of fixed size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from careplan.gui.widgets.signature_pad import HEIGHT, WIDTH, SignaturePad


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    """A pad 600 x 180 on screen: 0.6 pixels to a unit of the fixed 1000 x 300 space."""
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 180)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.size().width() == 600
    assert widget.size().height() == 180
    return widget


def draw(qtbot: QtBot, pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    """Press at the first point, move through the others with the button held, release at the last."""
    first, *rest = (QPoint(x, y) for x, y in points)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=first)
    for point in rest:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=rest[-1] if rest else first)


def test_a_new_pad_is_empty_large_enough_for_a_finger_and_says_what_it_is(pad: SignaturePad) -> None:
    assert pad.is_empty()
    assert pad.strokes() == ()
    assert pad.minimumWidth() >= 480
    assert pad.minimumHeight() >= 160
    assert pad.accessibleName() == "Signature box"
    assert "finger, a pen or the mouse" in pad.accessibleDescription()
    assert "Type my name instead" in pad.accessibleDescription()
    assert pad.testAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)


def test_mouse_strokes_are_kept_as_points_in_the_fixed_space(qtbot: QtBot, pad: SignaturePad) -> None:
    changes: list[None] = []
    pad.changed.connect(lambda: changes.append(None))
    draw(qtbot, pad, [(60, 30), (120, 60), (180, 90), (240, 120)])
    draw(qtbot, pad, [(300, 150), (360, 120)])

    assert not pad.is_empty()
    assert pad.strokes() == (
        ((100.0, 50.0), (200.0, 100.0), (300.0, 150.0), (400.0, 200.0)),
        ((500.0, 250.0), (600.0, 200.0)),
    )
    assert pad.point_count() == 6
    assert changes  # said so each time
    assert "2 lines" in pad.accessibleDescription()


def test_the_same_signature_gives_the_same_points_whatever_the_size_of_the_box(qtbot: QtBot) -> None:
    big = SignaturePad()
    qtbot.addWidget(big)
    big.resize(1000, 300)
    big.show()
    qtbot.waitExposed(big)
    draw(qtbot, big, [(100, 50), (200, 100)])
    assert big.strokes() == (((100.0, 50.0), (200.0, 100.0)),)


def test_the_space_keeps_its_shape_in_a_box_of_another_shape(qtbot: QtBot) -> None:
    """A tall box: the 10:3 space sits in the middle, and points outside it are held at its edge."""
    tall = SignaturePad()
    qtbot.addWidget(tall)
    tall.resize(500, 350)  # the space is 500 x 150, from y = 100 to y = 250
    tall.show()
    qtbot.waitExposed(tall)
    draw(qtbot, tall, [(50, 100), (100, 175), (150, 340)])
    assert tall.strokes() == (((100.0, 0.0), (200.0, 150.0), (300.0, HEIGHT)),)


def test_moves_too_small_to_see_are_not_kept(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, [(60, 30), (60, 30), (60, 30), (120, 60)])
    assert pad.point_count() == 2


def test_a_tap_is_a_dot(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, [(300, 90)])
    assert pad.strokes() == (((500.0, 150.0),),)


def test_moving_without_pressing_draws_nothing(qtbot: QtBot, pad: SignaturePad) -> None:
    qtbot.mouseMove(pad, QPoint(100, 100))
    QApplication.sendEvent(
        pad,
        QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(200, 100),
            pad.mapToGlobal(QPointF(200, 100)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    )
    assert pad.is_empty()


def test_the_right_button_does_not_draw(qtbot: QtBot, pad: SignaturePad) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.RightButton, pos=QPoint(60, 30))
    qtbot.mouseMove(pad, QPoint(120, 60))
    qtbot.mouseRelease(pad, Qt.MouseButton.RightButton, pos=QPoint(120, 60))
    assert pad.is_empty()


def test_undo_redo_and_clear(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, [(60, 30), (120, 60)])
    draw(qtbot, pad, [(300, 30), (360, 60), (420, 90)])
    first, second = pad.strokes()

    pad.undo()
    assert pad.strokes() == (first,)
    assert pad.can_redo
    pad.redo()
    assert pad.strokes() == (first, second)
    assert not pad.can_redo

    pad.clear()
    assert pad.is_empty()
    assert "Empty" in pad.accessibleDescription()
    pad.undo()  # a clear can be taken back too
    assert pad.strokes() == (first, second)

    pad.undo()
    draw(qtbot, pad, [(60, 150), (120, 150)])  # drawing something new forgets what was undone
    assert not pad.can_redo
    assert len(pad.strokes()) == 2


def test_undo_and_redo_from_the_keyboard(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(qtbot, pad, [(60, 30), (120, 60)])
    pad.setFocus()
    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.is_empty()
    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert pad.point_count() == 2


def test_a_pen_draws_through_tablet_events(pad: SignaturePad) -> None:
    pen = QPointingDevice(
        "test pen",
        7001,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        3,
    )
    moves = (
        (QEvent.Type.TabletPress, QPointF(300, 30)),
        (QEvent.Type.TabletMove, QPointF(330, 60)),
        (QEvent.Type.TabletMove, QPointF(345, 75)),
        (QEvent.Type.TabletRelease, QPointF(360, 90)),
    )
    for kind, position in moves:
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
        event = QTabletEvent(
            kind,
            pen,
            position,
            pad.mapToGlobal(position),
            0.5,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            held,
        )
        QApplication.sendEvent(pad, event)
        assert event.isAccepted()  # so Qt sends no mouse events for the same movement
    assert pad.strokes() == (((500.0, 50.0), (550.0, 100.0), (575.0, 125.0), (600.0, 150.0)),)


def test_a_finger_draws_through_touch_events(pad: SignaturePad) -> None:
    finger = QTest.createTouchDevice()
    QTest.touchEvent(pad, finger).press(0, QPoint(60, 30)).commit()
    QTest.touchEvent(pad, finger).move(0, QPoint(120, 60)).commit()
    QTest.touchEvent(pad, finger).move(0, QPoint(180, 90)).commit()
    QTest.touchEvent(pad, finger).release(0, QPoint(240, 120)).commit()
    (stroke,) = pad.strokes()
    expected = [(100.0, 50.0), (200.0, 100.0), (300.0, 150.0), (400.0, 200.0)]
    assert len(stroke) == len(expected)
    # Touch points travel through screen coordinates on the test platform, which can move them by
    # a pixel or two; what matters is one stroke, one point per movement, in the fixed space.
    for (x, y), (want_x, want_y) in zip(stroke, expected, strict=True):
        assert abs(x - want_x) <= 5
        assert abs(y - want_y) <= 5
        assert 0 <= x <= WIDTH
        assert 0 <= y <= HEIGHT


def test_screenshot_of_a_signature(qtbot: QtBot, pad: SignaturePad, tmp_path: Path) -> None:
    empty = pad.grab()
    assert empty.save(str(tmp_path / "signature_pad_empty.png"))
    draw(qtbot, pad, [(80, 120), (100, 60), (120, 130), (140, 70), (170, 125), (230, 100), (300, 115)])
    draw(qtbot, pad, [(320, 70), (330, 130)])
    image = pad.grab()
    assert image.save(str(tmp_path / "signature_pad.png"))
    assert image.toImage() != empty.toImage()
