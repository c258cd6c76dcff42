"""``careplan backup`` and ``careplan restore``.

- ``careplan backup FILE`` copies the database to FILE while Careplan may be in use, checks the
  copy (SQLite's integrity check, the audit trail) and only then gives it its name. Without FILE
  it makes an automatic backup in ``backups/`` beside the database and keeps the newest
  ``--keep N`` (default 10) of those. Managers and administrators.
- ``careplan restore FILE`` checks the backup (integrity, a schema this Careplan knows, the audit
  trail), keeps the current database aside, then puts the backup in its place. Administrators,
  named with ``--user`` or ``CAREPLAN_USER``; when the current database is damaged, the backup's
  own staff list says who is an administrator. A backup made before Careplan had passwords,
  over a damaged database, is restored with ``--by-recovery-passphrase``: the backup's recovery
  passphrase stands in for the sign-in, and the restored database asks for the first password.

Besides the codes in :mod:`careplan.cli.main`: 15 the database is on a PostgreSQL server (use
pg_dump and pg_restore), 14 the file given to restore is not a usable Careplan backup.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careplan.cli import commands
from careplan.cli.commands import acting_staff, credentials, open_for_cli
from careplan.domain.errors import NotForPostgres, StorageError, UnusableBackup
from careplan.domain.wording.dates import date_and_time
from careplan.services import backup as backups
from careplan.services import chosen_files, opening
from careplan.services import restore as restoring
from careplan.services.backup import PG_BACKUP
from careplan.services.opening import (
    WRONG_PASSPHRASE,
    DatabaseLocked,
    RecoveryPassphraseNeeded,
    WrongRecoveryPassphrase,
    restore_offer,
)

if TYPE_CHECKING:
    from careplan.services.opening import OfferRestore

log = logging.getLogger(__name__)

EXIT_POSTGRES = 15
EXIT_UNUSABLE_BACKUP = 14


def _refusals(run: Any) -> int:
    try:
        return int(run())
    except NotForPostgres as exc:
        print(f"careplan: {exc.message}", file=sys.stderr)
        return EXIT_POSTGRES
    except UnusableBackup as exc:
        print(f"careplan: {exc.message}", file=sys.stderr)
        return EXIT_UNUSABLE_BACKUP


def backup(args: argparse.Namespace) -> int:
    return _refusals(lambda: _backup(args))


def _backup(args: argparse.Namespace) -> int:
    if args.file and args.keep is not None:
        print("careplan: --keep is for automatic backups; leave out FILE to make one.", file=sys.stderr)
        return 2
    if opening.backend_of(args.database) != "sqlite":
        raise NotForPostgres(backups.PG_BACKUP)
    if args.file:  # refused before anyone signs in; looked at again once the database is open
        chosen_files.backup_path(args.file, chosen_files.protected_files_at(args.database))
    db = open_for_cli(args.database, create=False)
    try:
        if not db.is_sqlite or db.path is None:
            raise NotForPostgres(backups.PG_BACKUP)
        actor = acting_staff(db, args)
        automatic = not args.file
        if automatic:
            target = backups.automatic_backup_path(db.path)
            _make_folder(target.parent)
        else:
            target = chosen_files.backup_path(args.file, chosen_files.protected_files(db))
        result = backups.backup_database(db, actor, target, progress=_progress("Backing up"))
    finally:
        db.dispose()
    counts = result.manifest.counts
    print(
        f"Backup written to {result.path} ({_size(result.size_bytes)}): {counts.get('people', 0):,} people, "
        f"{counts.get('plan_versions', 0):,} plan versions, {counts.get('audit_events', 0):,} audit events."
    )
    print("It was checked: SQLite's integrity check passed and the audit trail is intact.")
    log.info("made and checked %s backup", "an automatic" if automatic else "a named")
    if automatic:
        keep = args.keep or backups.DEFAULT_KEEP
        removed = backups.prune_backups(result.path.parent, keep)
        if removed:
            log.info("removed %d older automatic backups (keeping %d)", len(removed), keep)
            plural = "s" if len(removed) != 1 else ""
            print(f"Removed {len(removed)} older automatic backup{plural} (keeping {keep}).")
    return 0


def restore(args: argparse.Namespace) -> int:
    return _refusals(lambda: _restore(args))


def _restore(args: argparse.Namespace) -> int:
    target = opening.sqlite_file(args.database)
    if target is None:
        raise NotForPostgres(PG_BACKUP)
    if getattr(args, "by_recovery_passphrase", False):
        result = _restore_by_passphrase(restoring, target, args.file)
    else:
        username, password = credentials(args)
        try:
            result = _restore_asking(restoring, target, args.file, username, password)
        except restoring.BackupWithoutPasswords as exc:
            raise restoring.BackupWithoutPasswords(
                f"{exc.message} Run: careplan{_database_option(args)} restore --by-recovery-passphrase "
                f"{shlex.quote(args.file)}"
            ) from None
    log.info(
        "restored a backup%s%s",
        " by the recovery passphrase" if getattr(args, "by_recovery_passphrase", False) else "",
        ", brought up to date" if result.upgraded else "",
    )
    made = f", made {_when(result.manifest.created_at)}" if result.manifest else ""
    print(f"Restored {result.restored_from.name}{made}, into {result.database}.")
    if result.upgraded:
        print("The backup came from an earlier version of Careplan and was brought up to date.")
    if result.kept_aside:
        what = "damaged database" if result.replaced_damaged else "database as it was before"
        print(f"The {what} is kept at {result.kept_aside[0]}.")
    if getattr(args, "by_recovery_passphrase", False):
        print(
            "Nobody in it has a password yet: an administrator can now choose the first password "
            "with “careplan --user NAME password --first”."
        )
    return 0


def _database_option(args: argparse.Namespace) -> str:
    return f" --database {shlex.quote(args.database)}" if getattr(args, "database", None) else ""


def _restore_by_passphrase(restoring: Any, target: Path, file: str) -> Any:
    """A backup from before passwords over a damaged database: the backup's recovery passphrase
    (``$CAREPLAN_RECOVERY_PASSPHRASE``, else typed at the terminal) is the proof of authority."""
    given = opening.environment_passphrase()
    if given is not None:
        return restoring.restore_by_recovery_passphrase(target, file, given)
    if not commands._interactive():
        raise opening.DatabaseLocked(
            commands._hint(
                "Restoring a backup made before Careplan had passwords needs the backup's "
                "recovery passphrase. Nothing was changed."
            ),
            reason="absent",
        )
    for _ in range(commands.UNLOCK_ATTEMPTS):
        passphrase = commands._ask_secret("Recovery passphrase of the backup: ")
        try:
            return restoring.restore_by_recovery_passphrase(target, file, passphrase)
        except opening.WrongRecoveryPassphrase as exc:
            print(exc.message, file=sys.stderr)
    raise opening.WrongRecoveryPassphrase(
        opening.WRONG_PASSPHRASE + " Nothing was changed.", reason="passphrase"
    )


def _restore_asking(restoring: Any, target: Path, file: str, username: str, password: str) -> Any:
    """Restore, asking at the terminal for a recovery passphrase (the database's, or the
    backup's when it was made on another computer) when the keyring cannot give a key."""
    backup_file = Path(os.path.expanduser(file)).absolute()
    passphrases: dict[str, str | None] = {"recovery_passphrase": None, "backup_passphrase": None}
    asked: str | None = None
    for _ in range(commands.UNLOCK_ATTEMPTS + 2):
        try:
            actor = restoring.actor_for_restore(target, file, username, password, **passphrases)
            return restoring.restore_database(target, actor, file, **passphrases)
        except RecoveryPassphraseNeeded as exc:
            if not commands._interactive() or asked == "new":
                raise RecoveryPassphraseNeeded(commands._hint(exc.message), path=exc.path) from None
            print(exc.message, file=sys.stderr)
            passphrases["recovery_passphrase"], asked = commands.ask_new_passphrase(), "new"
        except DatabaseLocked as exc:
            if not commands._interactive():
                if isinstance(exc, WrongRecoveryPassphrase):
                    raise
                raise DatabaseLocked(commands._hint(exc.message), reason=exc.reason, path=exc.path) from None
            print(exc.message, file=sys.stderr)
            # A wrong passphrase names no file: it was the one asked for last.
            which = asked if exc.path is None and asked in passphrases else None
            if which is None:
                which = "backup_passphrase" if exc.path == backup_file else "recovery_passphrase"
            prompt = "Recovery passphrase" + (" of the backup" if which == "backup_passphrase" else "")
            passphrases[which], asked = commands._ask_secret(prompt + ": "), which
    raise WrongRecoveryPassphrase(WRONG_PASSPHRASE, reason="passphrase")


def damaged_database_hint(args: argparse.Namespace, message: str = "damaged") -> str | None:
    """When the database is a damaged SQLite file: which backup to restore, and how. Never raises.

    Only looked for when ``message`` says the file is damaged (checking a whole database takes a
    while, and a busy or full one is not mended by a backup)."""
    try:
        if getattr(args, "command", None) == "restore":
            return None

        offer = restore_offer(args.database, message)
        return None if offer is None else restore_advice(offer, args.database)
    except Exception:
        return None


def restore_advice(offer: OfferRestore, database_arg: str | None) -> str:
    """Plain words naming the latest backup of the damaged database and the command to restore it."""
    latest = offer.latest
    if latest is None:
        return (
            f"There is no backup of it in {offer.folder}. Ask your administrator for the "
            "latest backup, then run: careplan restore FILE --user ADMINISTRATOR"
        )
    made = date_and_time(datetime.fromtimestamp(latest.stat().st_mtime, UTC))
    where = f" --database {shlex.quote(database_arg)}" if database_arg else ""
    return (
        f"The latest backup is {latest} (made {made}). An administrator can restore it with: "
        f"careplan{where} --user ADMINISTRATOR restore {shlex.quote(str(latest))}"
    )


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StorageError(
            f"Careplan cannot create the folder {folder} ({exc.strerror}). Nothing was written."
        ) from exc


def _progress(what: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = 100 if total == 0 else done * 100 // total
        end = "\n" if done >= total else ""
        print(f"\r{what}: {percent}%", end=end, file=sys.stderr, flush=True)

    return show


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _when(iso: str) -> str:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return date_and_time(moment)
