"""What ``careplan`` accepts: every command and its arguments, and nothing that runs them.

Kept apart from the commands so that ``careplan --help`` (and a mistyped command) imports none of
the services, storage or documents behind them (:mod:`careplan.cli.main` imports the one command
module that runs).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from careplan import __version__
from careplan.cli import desk_commands, measures_commands, requests_commands, spending_parser
from careplan.domain.enums import PlanStatus, Role
from careplan.domain.permissions import MAX_COVER_HOURS
from careplan.domain.review_timing import DUE_WITHIN_DAYS

EXIT_USAGE = 2
ROLE_NAMES = [r.value for r in Role]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"careplan: {message}\n")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return value


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None


def _at_least_one(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careplan",
        description="Co-authored care plans and personal budgets for drug and alcohol services.",
    )
    parser.add_argument("--version", action="version", version=f"careplan {__version__}")
    parser.add_argument(
        "--database",
        metavar="PATH_OR_URL",
        help="an SQLite file or a postgresql+psycopg://... URL "
        "(default: $CAREPLAN_DATABASE, else the user data folder)",
    )
    parser.add_argument(
        "--user",
        metavar="USERNAME",
        help="who is signing in (default: $CAREPLAN_USER); the password comes from "
        "$CAREPLAN_PASSWORD, else it is asked for",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="fill a new database with synthetic demo data")
    demo.add_argument("--people", type=_positive_int, default=200, help="how many people (default 200)")
    demo.add_argument("--seed", type=int, default=1, help="the same seed gives the same data (default 1)")

    plans = commands.add_parser("plans", help="list plan versions")
    plans.add_argument("--status", choices=[s.value for s in PlanStatus], help="only versions in this status")
    plans.add_argument("--format", choices=["table", "json"], default="table")

    db = commands.add_parser("db", help="database housekeeping")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True, parser_class=_Parser)
    db_commands.add_parser("upgrade", help="bring the database up to date (a copy is kept first)")
    db_commands.add_parser("info", help="where the database is and which schema version it has")
    key = db_commands.add_parser("key", help="export or import the database key (moving to a new computer)")
    key_commands = key.add_subparsers(
        dest="key_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    key_commands.add_parser(
        "export", help="write the key, wrapped by the recovery passphrase, to FILE"
    ).add_argument("file", metavar="FILE")
    key_commands.add_parser(
        "import", help="check FILE and the recovery passphrase open the database; keep the key here"
    ).add_argument("file", metavar="FILE")
    db_commands.add_parser(
        "set-password",
        help="keep the PostgreSQL password of --database in the keyring "
        "(from $CAREPLAN_DATABASE_PASSWORD or a prompt)",
    )

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(
        dest="audit_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    audit_verify = audit_commands.add_parser(
        "verify",
        help="check that the audit trail is intact, and that it still holds every anchor kept outside "
        "the database (backups beside it, and any agreements or backups named)",
    )
    audit_verify.add_argument(
        "--agreement",
        action="append",
        default=[],
        metavar="PDF_OR_FOLDER",
        help="a signed agreement (or a folder of them) whose anchor to check; may be repeated",
    )
    audit_verify.add_argument(
        "--backup",
        action="append",
        default=[],
        metavar="FILE_OR_FOLDER",
        help="a backup (or a folder of them) besides those in backups/ beside the database; may be repeated",
    )

    _add_documents(commands)
    _add_staff(commands)
    _add_backups(commands)
    _add_catalogue(commands)
    _add_settings(commands)
    _add_caseload(commands)
    _add_reviews(commands)
    _add_progress(commands)
    spending_parser.add_parsers(commands, _at_least_one, _Parser)
    desk_commands.add_parsers(commands)
    measures_commands.add_parsers(commands)
    requests_commands.add_parsers(commands)
    return parser


def _add_documents(commands: Any) -> None:
    """Add the three commands to ``careplan``'s sub-command parsers."""
    agreement = commands.add_parser("agreement", help="render and sign a plan's agreement as a PDF")
    agreement.add_argument(
        "plan_id", metavar="PLAN_ID", type=_at_least_one, help="the plan (see: careplan plans)"
    )
    agreement.add_argument(
        "--version",
        dest="plan_version",
        type=_at_least_one,
        metavar="N",
        help="which version (default: the active one)",
    )
    agreement.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the signed PDF")
    agreement.add_argument("--easy-read", action="store_true", help="the easy-read version")
    agreement.add_argument(
        "--timestamp-url", metavar="URL", help="an RFC 3161 timestamp server (default: the one configured)"
    )
    _add_covering(agreement, hours=False)  # until the end of today: the usage stays short

    verify = commands.add_parser("verify", help="check a signed agreement PDF")
    verify.add_argument("file", metavar="FILE.pdf")

    certificate = commands.add_parser("certificate", help="the service's signing certificate")
    actions = certificate.add_subparsers(
        dest="certificate_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    create = actions.add_parser("create", help="make a new self-signed certificate for the service")
    create.add_argument("--organisation", required=True, metavar="NAME", help="the service's name")
    create.add_argument("--replace", action="store_true", help="replace the current certificate")
    create.add_argument("--key", choices=["rsa-3072", "ec-p256"], default="rsa-3072", help=argparse.SUPPRESS)
    imported = actions.add_parser("import", help="use a certificate from a .p12 or .pfx file")
    imported.add_argument("file", metavar="FILE.p12")
    imported.add_argument("--replace", action="store_true", help="replace the current certificate")
    actions.add_parser("show", help="which certificate signs, and which earlier ones are trusted")
    actions.add_parser(
        "remember-passphrase", help="store the certificate's passphrase in this computer's keyring"
    )
    timestamp = actions.add_parser("timestamp-server", help="set or clear the timestamp server (PAdES B-T)")
    group = timestamp.add_mutually_exclusive_group(required=True)
    group.add_argument("url", nargs="?", metavar="URL")
    group.add_argument("--none", action="store_true", help="sign without a timestamp server")


def _add_staff(commands: Any) -> None:
    """Add ``staff`` and ``password`` to ``careplan``'s sub-command parsers."""
    staff = commands.add_parser("staff", help="staff accounts (administrators)")
    actions = staff.add_subparsers(
        dest="staff_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    actions.add_parser("list", help="everyone on the staff, and whether they can sign in")
    add = actions.add_parser("add", help="add a member of staff, with a first password")
    add.add_argument("username", metavar="USERNAME")
    add.add_argument("display_name", metavar="NAME", help="their name as colleagues know it")
    add.add_argument("--role", required=True, choices=ROLE_NAMES)
    set_password = actions.add_parser("set-password", help="give someone a new password (also unlocks)")
    set_password.add_argument("username", metavar="USERNAME")
    set_password.add_argument(
        "--keep", action="store_true", help="they need not choose their own at their next sign-in"
    )
    unlock = actions.add_parser("unlock", help="unlock an account locked after wrong passwords")
    unlock.add_argument("username", metavar="USERNAME")
    for action in (set_password, unlock):
        proof = action.add_mutually_exclusive_group()
        proof.add_argument(
            "--by-recovery-passphrase",
            action="store_true",
            help="an administrator locked out: the database's recovery passphrase is the proof (no sign-in)",
        )
        proof.add_argument(
            "--by-database-login",
            action="store_true",
            help="the same on PostgreSQL: the database server's login for --database is the proof",
        )
    deactivate = actions.add_parser("deactivate", help="someone has left (what they wrote keeps their name)")
    deactivate.add_argument("username", metavar="USERNAME")
    role = actions.add_parser("role", help="change someone's role")
    role.add_argument("username", metavar="USERNAME")
    role.add_argument("role", choices=ROLE_NAMES)

    password = commands.add_parser("password", help="change your own password")
    password.add_argument(
        "--first",
        action="store_true",
        help="an administrator chooses the first password of a database where nobody has one yet",
    )


def _add_backups(commands: Any) -> None:
    """Add ``backup`` and ``restore`` to ``careplan``'s sub-command parsers."""
    backup = commands.add_parser("backup", help="copy the database to a checked backup file, while in use")
    backup.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the new backup file (default: an automatic backup in backups/ beside the database)",
    )
    backup.add_argument(
        "--keep",
        type=_at_least_one,
        metavar="N",
        help="automatic backups: keep the newest N (default 10)",
    )
    restore = commands.add_parser(
        "restore", help="put a backup in place of the database (the current one is kept)"
    )
    restore.add_argument("file", metavar="FILE", help="the backup file to restore")
    restore.add_argument(
        "--by-recovery-passphrase",
        action="store_true",
        help="a backup made before Careplan had passwords, over a damaged database: the backup's "
        "recovery passphrase shows you may restore it (no sign-in)",
    )


def _add_catalogue(commands: Any) -> None:
    """Add ``catalogue`` to ``careplan``'s sub-command parsers."""
    catalogue = commands.add_parser("catalogue", help="the local service catalogue as a CSV file")
    actions = catalogue.add_subparsers(
        dest="catalogue_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    load = actions.add_parser("import", help="load services from a CSV file (all lines, or none)")
    load.add_argument("file", metavar="FILE")
    load.add_argument("--check", action="store_true", help="only check the file; save nothing")
    save = actions.add_parser("export", help="write the catalogue to a CSV file")
    save.add_argument("file", metavar="FILE", help="the new CSV file, or - for standard output")


def _add_settings(commands: Any) -> None:
    """Add ``settings`` to ``careplan``'s sub-command parsers."""
    settings = commands.add_parser("settings", help="the service's settings (administrators change them)")
    actions = settings.add_subparsers(
        dest="settings_command", metavar="SETTING", required=True, parser_class=_Parser
    )
    name = actions.add_parser(
        "service-name", help="the name of the service printed on agreements (give NAME to change it)"
    )
    name.add_argument("name", metavar="NAME", nargs="?", help="the new name (administrators)")
    schedule = actions.add_parser(
        "review-schedule",
        help="when reviews fall: the first after 6 to 8 weeks, then every 1 to 12 months "
        "(give --first-weeks or --every-months to change it)",
    )
    schedule.add_argument(
        "--first-weeks",
        type=_whole_number,
        metavar="N",
        help="the first review N weeks after approval (6 to 8)",
    )
    schedule.add_argument(
        "--every-months", type=_whole_number, metavar="M", help="then a review every M months (1 to 12)"
    )


def _add_caseload(commands: Any) -> None:
    """Add ``caseload`` to ``careplan``'s sub-command parsers."""
    caseload = commands.add_parser("caseload", help="who works with a person (key worker, peer mentors)")
    actions = caseload.add_subparsers(
        dest="caseload_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    show = actions.add_parser("show", help="a person's key worker and peer mentors")
    show.add_argument("person", metavar="PERSON_REF", help="the person's reference (see the people list)")
    _add_covering(show)
    for name, words in (
        ("assign", "make a peer mentor work with the person (their key worker or a manager)"),
        ("end", "end a peer mentor's work with the person (their key worker or a manager)"),
    ):
        action = actions.add_parser(name, help=words)
        action.add_argument("person", metavar="PERSON_REF", help="the person's reference")
        action.add_argument("--peer-mentor", required=True, metavar="USERNAME", help="the peer mentor")
    key_worker = actions.add_parser(
        "key-worker", help="hand the person on to another key worker (their key worker or a manager)"
    )
    key_worker.add_argument("person", metavar="PERSON_REF", help="the person's reference")
    key_worker.add_argument("username", metavar="USERNAME", help="their new key worker (or a manager)")


def _add_reviews(commands: Any) -> None:
    """Add ``reviews`` to ``careplan``'s sub-command parsers (see :mod:`careplan.cli.reviews_commands`)."""
    reviews = commands.add_parser("reviews", help="who is due a review: each plan's next review not yet held")
    which = reviews.add_mutually_exclusive_group()
    which.add_argument(
        "--due", action="store_true", help=f"only reviews due within {DUE_WITHIN_DAYS} days, or overdue"
    )
    which.add_argument("--overdue", action="store_true", help="only reviews past their date")
    reviews.add_argument(
        "--key-worker", metavar="USERNAME", help="only the people whose key worker this member of staff is"
    )
    reviews.add_argument("--format", choices=["table", "json"], default="table")


def _add_covering(parser: argparse.ArgumentParser, *, hours: bool = True) -> None:
    """``--covering "REASON"`` (and, with ``hours``, ``--cover-hours N``; without, the cover lasts
    until the end of today) for a command that opens one person's record."""
    parser.add_argument(
        "--covering",
        metavar='"REASON"',
        help="the person is not on your caseload: cover for a colleague, saying why (as the app's "
        "Cover for a colleague… does)" + ("" if hours else ", until the end of today"),
    )
    if hours:
        parser.add_argument(
            "--cover-hours",
            type=_whole_number,
            metavar="N",
            help=f"with --covering: cover for N hours (1 to {MAX_COVER_HOURS}), not until the end of today",
        )


def _add_progress(commands: Any) -> None:
    """Add ``progress`` (see :mod:`careplan.cli.progress_commands`)."""
    progress = commands.add_parser("progress", help="the person's My progress sheet as a PDF, to take home")
    progress.add_argument(
        "reference", metavar="PERSON_REF", help="the person's reference (see: careplan reviews)"
    )
    progress.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
