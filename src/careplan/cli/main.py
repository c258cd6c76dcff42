"""The ``careplan`` command.

Every command takes ``--database`` (a file path or an SQLAlchemy URL; default: the
``CAREPLAN_DATABASE`` environment variable, else ``careplan.db`` in the user data folder).
Failures print one plain sentence on standard error and exit with a non-zero code:
1 unexpected, 2 bad input or arguments (among them an argument or a ``CAREPLAN_*`` environment
variable that is not text, and a file named that the system will not use), 3 database problem,
4 not allowed (among them a person not on a key worker's or peer mentor's caseload: the message
names ``--covering "REASON"`` where the command takes it), 5 not found, 6 conflict, 7 audit trail
broken (``audit verify``: the chain does not hold together, or it no longer has an event a backup
or agreement recorded; any command: the trail's head row is missing), 8 no usable signing
certificate, 9 keyring unavailable; ``verify``: 10 changed after signing, not signed or
unreadable, 11 not this service's certificate, 12 no matching plan version; 13 not signed in (no
user or password given, the username and password do not match, wait after wrong passwords,
account locked or closed, or a new password must be chosen first with ``careplan password``).

Every command that reads or changes the record signs in first: ``--user NAME`` (or ``CAREPLAN_USER``)
and the password from ``CAREPLAN_PASSWORD``, else typed at the terminal. ``demo`` (which makes a new
database and prints its demo accounts), ``db``, ``verify``, ``certificate show``, ``settings
service-name`` without a new name, and ``staff unlock|set-password NAME --by-recovery-passphrase``
(or ``--by-database-login`` on PostgreSQL: a locked-out administrator's way back) need no sign-in.

``demo`` makes demo data only in a new database (an SQLite file that does not exist yet, or a
PostgreSQL database with no tables): any other is refused with 2 and left as it is, except that
asking again for the very demo (people and seed) a demo database holds says so, and how to start
the app on it, with 0.

``backup``/``restore``: 14 not a usable backup, 15 the database is on PostgreSQL (pg_dump's job).
``careplan`` without a command starts the app: 2 no screen, 16 a system library Qt needs to show windows
on this desktop is missing (the message names each one and its Debian package).
A damaged SQLite database is reported with the latest backup and the ``careplan restore`` command.

Files named on the command line (:mod:`careplan.services.chosen_files`): a file to write
(``agreement --out``, ``catalogue export``, ``backup FILE``, ``db key export``) is never the
database, its ``-wal``, ``-shm`` or ``-journal``, its key file (however spelt: a link, ``./``,
``..``), nor anything in its ``backups/`` folder; a file to write or read is never a folder, a
device, a named pipe or a socket (nor a link to one), and its folder must exist. Refused before
anything is written, with 2 (``verify``: 10, ``restore``: 14). ``--database`` naming a folder, a
device, a pipe or a socket, or a new database in a folder that does not exist: 3. What is written
is readable by its owner only (0600).
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence

from careplan import logs
from careplan.cli.parser import EXIT_USAGE, build_parser
from careplan.dependency_warnings import keep_to_careplan
from careplan.domain.errors import (
    AuditTrailBroken,
    CareplanError,
    ConflictError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    SignInRefused,
    StorageError,
)
from careplan.domain.text import not_text
from careplan.domain.wording.failures import os_reason

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNEXPECTED = 1
EXIT_STORAGE = 3
EXIT_DENIED = 4
EXIT_NOT_FOUND = 5
EXIT_CONFLICT = 6
EXIT_AUDIT_BROKEN = 7
EXIT_NOT_SIGNED_IN = 13
ENV_PREFIX = "CAREPLAN_"


def console() -> int:
    """The ``careplan`` command itself (and ``python -m careplan``): :func:`main` for a person at a
    terminal, with the libraries' own warnings kept out of what they read."""
    keep_to_careplan()
    logs.set_up(on_stderr=True)
    logs.install_excepthook(_print_unexpected)
    # A terminal whose encoding has no “curly quotes” (Latin-1, ASCII) gets them as \u201c
    # rather than a traceback; standard error does this already.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    return main()


def _print_unexpected(sentence: str) -> None:
    print(f"careplan: {sentence}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    refusal = not_text_refusal(given, os.environ)
    if refusal is not None:
        print(f"careplan: {refusal}", file=sys.stderr)
        return EXIT_USAGE
    parser = build_parser()
    try:
        args = parser.parse_args(given)
    except SystemExit as exc:  # --help, --version, or arguments it cannot use (already said)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE if exc.code else EXIT_OK
    try:
        return _run(args)
    except CareplanError as exc:
        log.info("careplan %s did not work: %s (exit %d)", args.command, type(exc).__name__, _exit_code(exc))
        print(f"careplan: {exc.message}", file=sys.stderr)
        if isinstance(exc, StorageError):
            # Only after a failure (see _run: --help and the app's start import no command module).
            from careplan.cli.backup_commands import damaged_database_hint

            hint = damaged_database_hint(args, exc.message)
            if hint:
                print(f"careplan: {hint}", file=sys.stderr)
        return _exit_code(exc)
    except KeyboardInterrupt:
        print("careplan: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (``head``, a closed pager) went away; that is not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stop Python complaining at exit
        return EXIT_OK
    except OSError as exc:
        # A file or folder named on the command line that the system would not use, where the
        # command had no words of its own for it (a name too long, a part of it that is a file).
        print(f"careplan: {os_refusal(exc)}", file=sys.stderr)
        return EXIT_USAGE


def not_text_refusal(argv: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """One sentence when an argument, or one of Careplan's environment variables, is not text:
    bytes the system could not read as text (which Python keeps as lone surrogates), or a NUL.
    Nothing can be done with them (no database, file name on every system, PDF or terminal takes
    them), so nothing is tried. None when all is text."""
    for arg in argv:
        if not_text(arg) or "\x00" in arg:
            return (
                f"The argument “{_shown(arg)}” has bytes in it that are not text. "
                "Type it again, in plain text."
            )
    for name in sorted(environ):
        if name.startswith(ENV_PREFIX) and (not_text(environ[name]) or "\x00" in environ[name]):
            # The value is not shown: it may be a password.
            return f"The environment variable {name} has bytes in it that are not text. Set it again."
    return None


def _shown(arg: str) -> str:
    """An argument as it can be shown: a byte that is not text as \\xNN, another character that
    could not be printed as \\uNNNN, and never more than 60 characters."""
    shown = []
    for char in arg[:60]:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not text, as Python keeps it
            shown.append(f"\\x{code - 0xDC00:02x}")
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(char) == "Cc":
            shown.append(f"\\u{code:04x}")
        else:
            shown.append(char)
    return "".join(shown) + ("…" if len(arg) > 60 else "")


def os_refusal(exc: OSError) -> str:
    """One sentence for a file or folder the system would not use."""
    reason = os_reason(exc)
    if exc.filename is None:
        return f"Careplan could not go on: {reason}. Nothing more was done."
    return f"Careplan could not use {_shown(os.fsdecode(exc.filename))}: {reason}. Nothing more was done."


def _exit_code(exc: CareplanError) -> int:
    # Only after a failure: at the top it would bring storage (and SQLAlchemy) to --help (see _run).
    from careplan.services.secrets import KeyringUnavailable

    for kind, code in (
        (AuditTrailBroken, EXIT_AUDIT_BROKEN),
        (KeyringUnavailable, 9),
        (SignInRefused, EXIT_NOT_SIGNED_IN),
        (StorageError, EXIT_STORAGE),
        (PermissionDenied, EXIT_DENIED),
        (NotFound, EXIT_NOT_FOUND),
        (ConflictError, EXIT_CONFLICT),
        (InvalidInput, EXIT_USAGE),
        (InvalidTransition, EXIT_USAGE),
    ):
        if isinstance(exc, kind):
            return code
    return EXIT_UNEXPECTED


def _run(args: argparse.Namespace) -> int:
    """Run the command asked for, importing only its own module: the services, storage and
    documents behind every command together cost ``careplan --help`` about 180 ms of CPU (measured
    with ``python -X importtime -m careplan --help``), and the app's start (the start-up figure of
    ``python -m bench``) needs none of them before its own."""
    command = args.command
    if command is None:
        return start_app(args)
    if command in ("demo", "plans", "db", "audit"):
        from careplan.cli import commands

        return {"demo": commands.demo, "plans": commands.plans, "db": commands.db, "audit": commands.audit}[
            command
        ](args)
    if command in ("agreement", "verify", "certificate"):
        from careplan.cli import agreement_commands

        return {
            "agreement": agreement_commands.agreement,
            "verify": agreement_commands.verify,
            "certificate": agreement_commands.certificate,
        }[command](args)
    if command in ("staff", "password"):
        from careplan.cli import staff_commands

        return {"staff": staff_commands.staff, "password": staff_commands.password}[command](args)
    if command in ("backup", "restore"):
        from careplan.cli import backup_commands

        return {"backup": backup_commands.backup, "restore": backup_commands.restore}[command](args)
    if command == "catalogue":
        from careplan.cli import catalogue_commands

        return catalogue_commands.catalogue(args)
    if command == "caseload":
        from careplan.cli import caseload_commands

        return caseload_commands.caseload(args)
    if command == "reviews":
        from careplan.cli import reviews_commands

        return reviews_commands.reviews(args)
    if command in ("spending", "spend"):
        from careplan.cli import spending_commands

        return {"spending": spending_commands.spending, "spend": spending_commands.spend}[command](args)
    if command == "budget":
        from careplan.cli import budget_commands

        return budget_commands.budget(args)
    if command == "desk":
        from careplan.cli import desk_commands

        return desk_commands.desk(args)
    if command == "requests":
        from careplan.cli import requests_commands

        return requests_commands.requests(args)
    if command == "progress":
        from careplan.cli import progress_commands  # ReportLab: only for this command

        return progress_commands.progress(args)
    if command == "measures":
        from careplan.cli import measures_commands

        return measures_commands.measures(args)
    from careplan.cli import settings_commands

    return settings_commands.settings(args)


def start_app(args: argparse.Namespace) -> int:
    """``careplan`` without a command: the desktop app. Qt and the app are imported only here: no
    other command needs them (see _run)."""
    from careplan.gui.app import run
    from careplan.gui.unexpected import show_unexpected

    logs.tell_unexpected_with(show_unexpected)
    return run(args.database, args.user)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
