"""Reviews: a measure the service loaded, scored at the review in each voice with each item's own
range and kind (from the keyboard), shown side by side; and the person confirming the review by
drawing (QTest mouse events on the signature pad)."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from careplan.domain.enums import ReviewOutcome, SignatureMethod
from careplan.domain.records import ReviewConfirmation
from careplan.domain.wording.reviews import NOT_THE_SAME
from careplan.gui.dialogs.review_dialogs import NOT_SCORED, ConfirmReviewDialog, ScoresDialog
from careplan.services import measures, reviews_ending
from tests.gui.test_reviews_page import held_review, open_screen, press, save_by_keys, speaking, world
from tests.gui.test_signature_pad import draw
from tests.gui.test_staying_safe_page import focus, key, keys
from tests.services.review_worlds import held
from tests.worlds import World

__all__ = ["world"]  # the fixture, shared with tests/gui/test_reviews_page.py

USE = "use_and_health"


def load_example(w: World) -> None:
    data = (resources.files("careplan") / "resources/reference/outcome_measures.toml").read_bytes()
    measures.load_measures(w.db, w.team.manager, data)


def answer(qtbot: QtBot, dialog: ScoresDialog, typed: dict[str, str]) -> None:
    """Type each answer into its box (Tab from the first box on, as a person would)."""
    codes = list(dialog.boxes)
    for code in codes[: max(codes.index(c) for c in typed) + 1]:
        assert dialog.boxes[code].hasFocus()
        if code in typed:
            key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            keys(qtbot, typed[code])
        key(qtbot, Qt.Key.Key_Tab)


def test_a_loaded_measure_is_scored_in_both_voices_with_its_own_ranges(qtbot: QtBot, world: World) -> None:
    load_example(world)
    screen = open_screen(qtbot, world)
    page = screen.page
    focus(qtbot, page.view.next.hold)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.held is not None)
    assert page.held is not None
    # Asked at the first review (the start): a button for it beside the life areas'.
    assert set(page.held.score_buttons) == {"life_areas", USE}
    assert page.held.score_buttons[USE].text() == "Scores: My use, my home and my health"

    speaking(screen, staff=False)
    dialog = press(qtbot, page, f"giveScores_{USE}")
    assert isinstance(dialog, ScoresDialog)
    days, injected, health = (
        dialog.boxes["alcohol_days"],
        dialog.boxes["injected"],
        dialog.boxes["physical_health"],
    )
    assert (days.minimum(), days.maximum()) == (-1, 28)
    assert (health.minimum(), health.maximum()) == (-1, 20)
    assert injected.text() == NOT_SCORED
    ends = {label.text() for label in dialog.ui.scoresBox.findChildren(QLabel)}
    assert {"0 to 28", "yes or no", "0 (very poor) to 20 (very good)"} <= ends
    answer(qtbot, dialog, {"alcohol_days": "12", "injected": "no", "physical_health": "9"})
    assert (days.value(), injected.value(), health.value()) == (12, 0, 9)
    save_by_keys(qtbot, page)

    speaking(screen, staff=True)
    dialog = press(qtbot, page, f"giveScores_{USE}")
    assert isinstance(dialog, ScoresDialog)
    assert dialog.boxes["injected"].text() == NOT_SCORED  # the worker's own answers: none yet
    answer(qtbot, dialog, {"injected": "yes"})
    save_by_keys(qtbot, page)

    scored = next(m for m in held_review(world).scores if m.measure == USE)
    rows = {r.item: r for r in scored.rows}
    assert (rows["alcohol_days"].person, rows["alcohol_days"].worker) == (12, None)
    assert (rows["injected"].person_words, rows["injected"].worker_words) == ("no", "yes")
    assert (rows["physical_health"].person, rows["physical_health"].worker) == (9, None)
    card = page.held
    assert card is not None
    shown = {
        name: label.text()
        for name in (
            "personScore_injected",
            "workerScore_injected",
            "differ_injected",
            "measure_use_and_health",
        )
        if (label := card.findChild(QLabel, name)) is not None
    }
    assert shown == {
        "personScore_injected": "no",
        "workerScore_injected": "yes",
        "differ_injected": NOT_THE_SAME,
        "measure_use_and_health": "My use, my home and my health",
    }


def test_the_person_confirms_the_review_by_drawing(qtbot: QtBot, world: World) -> None:
    review_id = held(world)
    reviews_ending.end_review(world.db, world.team.key_worker, review_id, ReviewOutcome.CARRY_ON)
    screen = open_screen(qtbot, world)
    page = screen.page
    dialog = press(qtbot, page, "confirmReview")
    assert isinstance(dialog, ConfirmReviewDialog)
    focus(qtbot, dialog.ui.drawInstead)
    key(qtbot, Qt.Key.Key_Space)
    assert not dialog.typing
    pad = dialog.ui.pad
    qtbot.waitUntil(pad.isVisible)
    # Nothing drawn yet: refused beside the pad.
    dialog.ui.confirmButton.click()
    qtbot.waitUntil(dialog.ui.padProblem.isVisible)
    assert page.dialog is dialog
    draw(qtbot, pad, [(40, 60), (90, 30), (140, 70), (200, 40)])
    draw(qtbot, pad, [(60, 90), (180, 95)])
    assert len(pad.strokes()) == 2
    focus(qtbot, dialog.ui.confirmButton)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is None)
    with world.db.session() as session:
        kept = session.scalars(
            select(ReviewConfirmation).where(ReviewConfirmation.review_id == review_id)
        ).one()
        assert kept.method == SignatureMethod.DRAWN
        assert kept.strokes is not None
        assert len(kept.strokes) == 2
        assert kept.signer_name == "Dee"
    card = page.held
    assert card is not None
    confirmed = card.findChild(QLabel, "reviewConfirmed")
    assert confirmed is not None
    assert confirmed.text().startswith("Dee confirmed this review on ")
    assert not any(b.isVisible() for b in card.findChildren(QPushButton))


def test_drawing_instead_makes_room_for_the_pad(qtbot: QtBot) -> None:
    """Opened as small as the typed name allows (a small screen), choosing to draw grows the
    dialog so that the buttons under the pad are not laid over it."""
    dialog = ConfirmReviewDialog(person_name="Dee", staff_name="Sam Keyworker", save=lambda _c: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.width(), dialog.minimumHeight())
    dialog.ui.drawInstead.click()
    qtbot.waitUntil(dialog.ui.pad.isVisible)
    pad, clear = dialog.ui.pad, dialog.ui.clearButton
    qtbot.waitUntil(
        lambda: (
            pad.mapTo(dialog, pad.rect().bottomLeft()).y() < clear.mapTo(dialog, clear.rect().topLeft()).y()
        )
    )
