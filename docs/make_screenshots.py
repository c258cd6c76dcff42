"""Render every main screen at 1366x768 with demo data into PNGs (docs/screenshots/).

    .venv/bin/python docs/make_screenshots.py [--out docs/screenshots] [--scale 1]

Runs offscreen (no display needed). Uses a fresh demo database in a temporary folder, signed in
as Sam Okafor (key worker), with Dee's workspace open; then the sign-in dialog, the first-run
set-up, the administrator's staff screen, the locked window and the settings; then the service
catalogue, the backups window, who works with Dee, a staying-safe plan being written, and
Dee's reviews with how things have changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def together(window: Any) -> None:
    """Answer "Who is at the screen?" (asked when a record is opened): the person is, with Sam."""
    banner = window.workspace.who_is_here
    if banner.isVisible():
        banner.together_button.click()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).with_name("screenshots"))
    parser.add_argument("--scale", default="1")
    args = parser.parse_args(argv)
    os.environ["QT_SCALE_FACTOR"] = args.scale

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from careplan import demo
    from careplan.cli.commands import DEMO_RECOVERY_PASSPHRASE
    from careplan.domain.enums import Role
    from careplan.gui.main_window import MainWindow
    from careplan.gui.theme import apply_theme
    from careplan.services.people_search import PeopleQuery, search_people
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username
    from careplan.storage.opener import open_database

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="careplan-shots-"))
    db = open_database(folder / "demo.db", recovery_passphrase=DEMO_RECOVERY_PASSPHRASE)
    demo.generate(db, people=200, seed=1)
    sam = staff_by_username(db, "sam")
    context = SignedInStaff(db, sam, "Sam Okafor", Role.KEY_WORKER)
    window = MainWindow(context, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.workspace.build_pages()
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    args.out.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        app.processEvents()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        print(path)

    shot("01-people")
    dee = search_people(db, sam, PeopleQuery(text="Dee"))[0]
    window.people.search.setText("Dee")
    window.people.apply_filters()
    window.people.select_person(dee.person_id)
    window.open_person(dee.person_id)
    shot("20-who-is-at-the-screen")  # asked each time a record is opened
    together(window)
    tabs = window.workspace.tabs
    titles = [tabs.tabText(index) for index in range(tabs.count())]
    history = titles.index("History")
    # The README shows 01 to 05 by name; pages added later come after them.
    first = ["About me", "My plan", "Services and budget"]
    own_step = ("History", "Staying safe", "Reviews")  # each shown by its own step below
    later = [t for t in titles if t not in first and t not in own_step]
    numbers = {title: 2 + n for n, title in enumerate(first)} | {t: 6 + n for n, t in enumerate(later)}
    for index, title in enumerate(titles):
        if title not in own_step:  # History is shown for Jordan, whose plan has two versions
            tabs.setCurrentIndex(index)
            shot(f"{numbers[title]:02d}-{title.lower().replace(' ', '-')}")
    number = 6 + len(later)
    # Jordan's plan has been revised, so his history has something to show.
    jordan = search_people(db, sam, PeopleQuery(text="Jordan"))[0]
    window.people.search.setText("Jordan")
    window.people.apply_filters()
    window.people.select_person(jordan.person_id)
    window.open_person(jordan.person_id)
    together(window)
    tabs.setCurrentIndex(history)
    shot("05-history")
    # A plan being written, with the ways to change it (a signed plan shows none).
    writing = draft_with_steps(db, sam)
    if writing is not None:
        window.people.search.setText(writing.preferred_name)
        window.people.apply_filters()
        window.people.select_person(writing.person_id)
        window.open_person(writing.person_id)
        together(window)
        tabs.setCurrentIndex(titles.index("My plan"))
        shot(f"{number:02d}-my-plan-being-written")
        number += 1
    for name, widget in signing_in_screens(db, folder):
        app.processEvents()
        path = args.out / f"{number:02d}-{name}.png"
        widget.grab().save(str(path))
        print(path)
        widget.close()
        number += 1
    window.screen_lock.lock()
    app.processEvents()
    path = args.out / f"{number:02d}-locked.png"
    locked_picture(window).save(str(path))
    print(path)
    window.screen_lock.unlock()
    number += 1
    path = args.out / f"{number:02d}-settings.png"
    settings = settings_dialog(db, window, folder)
    app.processEvents()
    settings.grab().save(str(path))
    print(path)
    settings.close()
    catalogue = catalogue_screen(db)  # always 14: the screens before it may grow to 13
    app.processEvents()
    path = args.out / "14-service-catalogue.png"
    catalogue.grab().save(str(path))
    print(path)
    catalogue.close()
    backups = backups_dialog(db, window)  # File > Back up now…
    app.processEvents()
    path = args.out / "15-backups.png"
    backups.grab().save(str(path))
    print(path)
    backups.close()
    team = who_works_with_dialog(window, dee.person_id)  # About me > Who works with Dee…
    app.processEvents()
    path = args.out / "16-who-works-with.png"
    team.grab().save(str(path))
    print(path)
    team.reject()  # nothing changed
    if writing is not None:  # Staying safe, for the plan being written
        write_staying_safe(db, sam, writing.person_id)
        window.open_person(writing.person_id)
        together(window)
        tabs.setCurrentIndex(titles.index("Staying safe"))
        shot("17-staying-safe")
    # Dee's next review being held with her, then how things have changed for her.
    hold_a_review(db, sam, dee.person_id)
    window.open_person(dee.person_id)
    together(window)
    tabs.setCurrentIndex(titles.index("Reviews"))
    shot("18-reviews")
    reviews = tabs.currentWidget()
    reviews.view.scroll.ensureWidgetVisible(reviews.view.progress, 0, 0)
    app.processEvents()
    reviews.view.scroll.verticalScrollBar().setValue(reviews.view.progress.y())
    shot("19-how-things-have-changed")
    window.close()
    db.dispose()
    shutil.rmtree(folder, ignore_errors=True)  # the synthetic database is not kept
    return 0


def signing_in_screens(db: Any, folder: Path) -> list[tuple[str, Any]]:
    """The sign-in dialog of the demo database, a new database's set-up, the staff screen."""
    from careplan import demo
    from careplan.cli.commands import DEMO_RECOVERY_PASSPHRASE
    from careplan.domain.enums import Role
    from careplan.gui.dialogs.set_up import SetUpDialog
    from careplan.gui.dialogs.sign_in import SignInDialog
    from careplan.gui.dialogs.staff_admin import StaffAdminDialog
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username
    from careplan.storage.opener import open_database

    sign_in = SignInDialog(db, demo=True, demo_password=getattr(demo, "DEMO_PASSWORD", None))
    set_up = SetUpDialog(open_database(folder / "new.db", recovery_passphrase=DEMO_RECOVERY_PASSPHRASE))
    admin = SignedInStaff(db, staff_by_username(db, "admin"), "Administrator", Role.ADMINISTRATOR)
    staff = StaffAdminDialog(admin)
    for dialog in (sign_in, set_up, staff):
        dialog.show()
    return [("sign-in", sign_in), ("set-up", set_up), ("staff", staff)]


def catalogue_screen(db: Any) -> Any:
    """The service catalogue as an administrator sees it (File > Service catalogue…)."""
    from careplan.domain.enums import Role
    from careplan.gui.dialogs.catalogue_dialog import CatalogueDialog
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username

    admin = SignedInStaff(db, staff_by_username(db, "admin"), "Administrator", Role.ADMINISTRATOR)
    dialog = CatalogueDialog(admin)
    dialog.resize(1100, 640)
    dialog.show()
    return dialog


def backups_dialog(db: Any, window: Any) -> Any:
    """File > Back up now… as an administrator sees it, after today's automatic backup."""
    from careplan.domain.enums import Role
    from careplan.gui.backups.dialog import BackupDialog
    from careplan.services import backup
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username

    admin = SignedInStaff(db, staff_by_username(db, "admin"), "Administrator", Role.ADMINISTRATOR)
    backup.automatic_backup(db, admin.actor)
    dialog = BackupDialog(admin, window)
    dialog.show()
    return dialog


def who_works_with_dialog(window: Any, person_id: int) -> Any:
    """About me > Who works with …, as Sam (the person's key worker) sees it."""
    from careplan.gui.workspace.about_me_page import AboutMePage

    window.open_person(person_id)
    together(window)
    about = window.workspace.page(AboutMePage)
    window.workspace.show_page(about)
    about.team_button.click()
    return about.team_dialog


def settings_dialog(db: Any, window: Any, folder: Path) -> Any:
    """File > Settings… as an administrator sees it (the lock time, and the service's name)."""
    from PySide6.QtCore import QSettings

    from careplan.domain.enums import Role
    from careplan.gui.dialogs.settings_dialog import SettingsDialog
    from careplan.services.signed_in import SignedInStaff
    from careplan.services.unit_of_work import staff_by_username

    admin = SignedInStaff(db, staff_by_username(db, "admin"), "Administrator", Role.ADMINISTRATOR)
    dialog = SettingsDialog(
        admin, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), window.screen_lock
    )
    dialog.show()
    return dialog


def locked_picture(window: Any) -> Any:
    """The locked window with its unlock dialog over the middle, as it looks on screen."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    picture = window.grab()
    dialog = window.screen_lock.unlock_dialog.grab()
    painter = QPainter(picture)
    middle = QPoint((picture.width() - dialog.width()) // 2, (picture.height() - dialog.height()) // 2)
    painter.drawPixmap(middle, dialog)
    painter.end()
    return picture


def hold_a_review(db: Any, actor: Any, person_id: int) -> None:
    """Dee's next review being held: notes and scores in both voices (synthetic), how a goal is going."""
    from careplan.domain.actor import PERSON, STAFF
    from careplan.domain.enums import GoalGoing, ReviewTopic
    from careplan.domain.measures import LIFE_AREAS
    from careplan.services import reviews_holding
    from careplan.services.measures import outcome_measures
    from careplan.services.review_view import reviews_in_full
    from careplan.services.workspace import current_version_id, load_version

    version_id = current_version_id(db, actor, person_id)
    assert version_id is not None
    plan_id = load_version(db, actor, version_id).plan_id
    coming = reviews_in_full(db, actor, plan_id).next_review
    if coming is None:
        return
    review_id = coming.review_id
    for topic, voice, words in (
        (ReviewTopic.WORKING, PERSON, "Seeing the kids on Saturdays. Going to the group on Tuesdays."),
        (ReviewTopic.WORKING, STAFF, "Dee has come to every appointment since the last review."),
        (ReviewTopic.NOT_WORKING, PERSON, "Mornings are still hard."),
    ):
        reviews_holding.write_review_note(db, actor, review_id, topic, voice, words)
    held = reviews_in_full(db, actor, plan_id).held[0]
    for (key, _words), going in zip(
        held.plan_goals, (GoalGoing.GOING_WELL, GoalGoing.HARD_GOING), strict=False
    ):
        reviews_holding.set_goal_going(db, actor, review_id, key, going, "One step at a time", PERSON)
    measure = next(m for m in outcome_measures(db, actor) if m.code == LIFE_AREAS)
    codes = [item.code for item in measure.items[:5]]
    for values, voice in (((7, 4, 6, 8, 5), PERSON), ((5, 4, 6, 6, 5), STAFF)):
        scores = dict(zip(codes, values, strict=True))
        reviews_holding.give_scores(db, actor, review_id, LIFE_AREAS, scores, voice)


def write_staying_safe(db: Any, actor: Any, person_id: int) -> None:
    """A staying-safe plan in both voices (synthetic words), through the use cases."""
    from careplan.domain.actor import PERSON, STAFF
    from careplan.domain.enums import Naloxone, OverdoseRisk, SafetyPart
    from careplan.services import staying_safe
    from careplan.services.workspace import current_version_id

    version_id = current_version_id(db, actor, person_id)
    assert version_id is not None
    parts = (
        (SafetyPart.WARNING_SIGNS, "I stop answering the phone and stay in bed. I skip my script.", PERSON),
        (SafetyPart.WHAT_HELPS, "Walking the dog by the canal. Ringing my sister. Music, loud.", PERSON),
        (SafetyPart.IF_UNREACHABLE, "Ring the 24-hour helpline. If I use, I don't use alone.", STAFF),
    )
    for part, words, voice in parts:
        staying_safe.write_part(db, actor, version_id, part, words, voice)
    for name, phone, voice in (
        ("Jo, my sister", "07700 900462", PERSON),
        ("The night helpline", "0808 157 0000", STAFF),
    ):
        staying_safe.add_contact(db, actor, version_id, staying_safe.ContactInput(name, phone, voice))
    staying_safe.set_overdose_risk(db, actor, version_id, OverdoseRisk.SOME, "After a lapse", PERSON)
    staying_safe.set_naloxone(db, actor, version_id, Naloxone.HELD, "In my coat pocket", PERSON)


def draft_with_steps(db: Any, actor: Any) -> Any:
    """Someone on the caseload whose plan is being written and already has goals with steps."""
    from careplan.domain.enums import PlanStatus
    from careplan.services.people_search import PeopleQuery, search_people
    from careplan.services.workspace import current_version_id, load_version

    query = PeopleQuery(my_caseload=True, plan_status=PlanStatus.DRAFT)
    for row in search_people(db, actor, query, limit=50):
        version_id = current_version_id(db, actor, row.person_id)
        if version_id is None:
            continue
        version = load_version(db, actor, version_id)
        if len(version.goals) >= 2 and sum(len(g.steps) for g in version.goals) >= 3:
            return row
    return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
