"""At start-up, a damaged database file: say so plainly and offer to restore the latest backup.

Used by :mod:`careplan.gui.app` when opening the database fails. Only a damaged SQLite file gets
the offer (a busy, missing or read-only database is not mended by a backup). Restoring needs an
administrator: the username is asked for, and :func:`careplan.services.backup.restore_database`
checks it against the backup's own staff list (the damaged file cannot say who anyone is). The
damaged file is kept beside the restored one, never deleted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPushButton, QWidget

from careplan.domain.errors import CareplanError

TITLE = "Careplan cannot start"


def damaged_database(database: str | None) -> Path | None:
    """The path of the database when it is an SQLite file that cannot be read whole, else None."""
    from careplan.services.backup import database_state
    from careplan.storage.database import resolve_target

    try:
        url = resolve_target(database)
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        path = Path(url.database)
        return path if database_state(path) == "damaged" else None
    except CareplanError:
        return None


def made_on(path: Path) -> str:
    moment = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone()
    return moment.strftime("%A %d %B %Y at %H:%M")


def offer_box(
    message: str, database: Path, parent: QWidget | None = None
) -> tuple[QMessageBox, QPushButton | None]:
    """The error box: what is wrong, and (when there is a backup) a button to restore it."""
    from careplan.services.backup import backups_folder, latest_backup

    box = QMessageBox(QMessageBox.Icon.Critical, TITLE, message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("restoreOffer")
    latest = latest_backup(database)
    restore: QPushButton | None = None
    if latest is None:
        box.setInformativeText(
            f"There is no backup of it in {backups_folder(database)}.\n"
            "Ask your administrator for the latest backup."
        )
    else:
        box.setInformativeText(
            f"The latest backup was made on {made_on(latest)}.\n"
            "An administrator can put it back now. Anything saved after it will be missing. "
            "The damaged file is kept, not deleted."
        )
        restore = box.addButton("Restore the latest backup", QMessageBox.ButtonRole.AcceptRole)
        restore.setAccessibleName("Restore the latest backup")
        box.setDefaultButton(restore)
    close = box.addButton("Close Careplan", QMessageBox.ButtonRole.RejectRole)
    close.setAccessibleName("Close Careplan")
    box.setEscapeButton(close)
    for button in box.buttons():
        button.setMinimumHeight(36)
    return box, restore


def show(box: QMessageBox) -> None:
    """Show the box and wait for a choice (replaced in tests)."""
    box.exec()


def ask_administrator(parent: QWidget | None) -> str | None:
    name, ok = QInputDialog.getText(
        parent,
        "Restore the latest backup",
        "An administrator's username:",
        QLineEdit.EchoMode.Normal,
    )
    return name.strip() if ok and name.strip() else None


def offer_restore(database: str | None, message: str, parent: QWidget | None = None) -> bool | None:
    """None: not a damaged database (show the usual error). True: restored. False: not restored."""
    from careplan.services.backup import actor_for_restore, latest_backup, restore_database

    # Only a message about a damaged file is worth checking the whole file for.
    path = damaged_database(database) if "damaged" in message else None
    if path is None:
        return None
    box, restore = offer_box(message, path, parent)
    show(box)
    if restore is None or box.clickedButton() is not restore:
        return False
    latest = latest_backup(path)
    username = ask_administrator(parent)
    if latest is None or username is None:
        return False
    try:
        actor = actor_for_restore(path, latest, username)
        restore_database(path, actor, latest)
    except CareplanError as exc:
        QMessageBox.critical(parent, "The backup was not restored", exc.message)
        return False
    QMessageBox.information(
        parent,
        "Backup restored",
        f"The backup from {made_on(latest)} is back in place, and Careplan will now start.\n"
        "Please check the records you worked on since then.",
    )
    return True
