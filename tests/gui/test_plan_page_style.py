"""My plan draws its author badges and "I don't agree" notes from the application's one style sheet.

No widget on the page parses a sheet of its own (that made building the cards slow), yet every
badge keeps its tint, icon and words, and every note its tint, for the person's words and for staff.
"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from careplan.domain.actor import PERSON, STAFF
from careplan.domain.enums import AuthorKind, Role
from careplan.gui.theme import NOTE_TINT, PERSON_TINT, STAFF_TINT
from careplan.gui.widgets.voice import AuthorBadge, VoiceSwitch
from careplan.gui.workspace.disagreement_note import NoteView
from careplan.gui.workspace.plan_page import PlanPage
from careplan.gui.workspace.registry import ABOUT_ME
from careplan.gui.workspace.workspace import PersonWorkspace
from careplan.services import plans
from careplan.services.signed_in import SignedInStaff
from careplan.storage.database import Database
from tests import worlds


def _background(widget: QWidget) -> str:
    """The colour just inside the widget's left edge, half-way down (clear of icons and words)."""
    image = widget.grab().toImage()
    return QColor(image.pixel(3, image.height() // 2)).name()


def test_badges_and_notes_are_tinted_by_the_app_sheet_alone(qtbot: QtBot, sqlite_db: Database) -> None:
    team = worlds.make_team(sqlite_db)
    person_id = worlds.register(sqlite_db, team.key_worker)
    draft = worlds.draft_plan(sqlite_db, team.key_worker, person_id)
    plans.record_disagreement(sqlite_db, team.key_worker, draft.version_id, "Not groups.", PERSON)
    plans.record_disagreement(
        sqlite_db, team.key_worker, draft.version_id, "A date, please.", STAFF, goal_id=draft.goal_ids[0]
    )
    context = SignedInStaff(sqlite_db, team.key_worker, "Sam Keyworker", Role.KEY_WORKER)
    voice = VoiceSwitch("Sam Keyworker", Role.KEY_WORKER.label)
    workspace = PersonWorkspace(context, voice, (ABOUT_ME,))
    qtbot.addWidget(workspace)
    qtbot.addWidget(voice)
    page = PlanPage(context, voice, workspace)
    workspace.add_page(page)
    workspace.tabs.setCurrentWidget(page)
    workspace.resize(1000, 1400)
    workspace.show()
    workspace.open_person(person_id)
    workspace.who_is_here.together_button.click()  # the person is at the screen too
    qtbot.waitExposed(workspace)

    own = [w.objectName() or type(w).__name__ for w in page.findChildren(QWidget) if w.styleSheet()]
    assert own == []

    badges = [b for b in page.findChildren(AuthorBadge) if b.isVisible()]
    kinds = {b.property("voice") for b in badges}
    assert kinds == {"person", "staff"}
    for badge in badges:
        assert badge.text()
        assert badge.icon.pixmap() is not None
        assert not badge.icon.pixmap().isNull()
        assert _background(badge) == (PERSON_TINT if badge.property("voice") == "person" else STAFF_TINT)

    notes = page.findChildren(NoteView)
    assert {n.note.note.author.kind for n in notes} == {AuthorKind.PERSON, AuthorKind.STAFF}
    for note in notes:
        assert QColor(note.grab().toImage().pixel(note.width() // 2, 2)).name() == NOTE_TINT


def test_a_badge_away_from_the_plan_page_keeps_its_tint_when_its_author_changes(qtbot: QtBot) -> None:
    from careplan.services.workspace import Author

    badge = AuthorBadge()
    qtbot.addWidget(badge)
    badge.set_author(Author(AuthorKind.PERSON, "Dee", None))
    badge.show()
    qtbot.waitExposed(badge)
    assert _background(badge) == PERSON_TINT
    badge.set_author(Author(AuthorKind.STAFF, "Sam", "key_worker"))
    assert badge.text() == "Sam (key worker)"
    assert _background(badge) == STAFF_TINT
