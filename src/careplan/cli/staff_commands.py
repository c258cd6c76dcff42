"""``careplan staff ...`` (administrators) and ``careplan password`` (anyone, their own).

- ``careplan staff list``: everyone who has been on the staff, with their role and whether they
  can sign in (active, locked, no password yet, must choose their own).
- ``careplan staff add USERNAME "NAME" --role ROLE``: with a first password, which they must
  change when they first sign in.
- ``careplan staff set-password USERNAME [--keep]``: a new password (also unlocks the account);
  they must choose their own at their next sign-in unless ``--keep``.
- ``careplan staff unlock USERNAME``, ``careplan staff deactivate USERNAME``,
  ``careplan staff role USERNAME ROLE``.
- ``careplan password``: change your own password.
- ``careplan --user NAME password --first``: only in a database from before sign-in, where no
  active member of staff has a password yet (so nobody could sign in to set one): an active
  administrator chooses their own password, without a current one. Refused once anyone has one.

New passwords come from ``CAREPLAN_NEW_PASSWORD`` or are typed twice at the terminal; they are
never command-line arguments (other users of the computer can see those).
"""

from __future__ import annotations

import argparse
from typing import Any

from careplan.domain.enums import Role
from careplan.domain.errors import NotFound

ROLE_NAMES = [r.value for r in Role]


def add_commands(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``staff`` and ``password`` to ``careplan``'s sub-command parsers."""
    staff = commands.add_parser("staff", help="staff accounts (administrators)")
    actions = staff.add_subparsers(
        dest="staff_command", metavar="ACTION", required=True, parser_class=parser_class
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


def staff(args: argparse.Namespace) -> int:
    from careplan.cli.commands import acting_staff, new_password
    from careplan.services import authentication
    from careplan.services import staff as staff_service
    from careplan.storage.database import open_database

    db = open_database(args.database, create=False)
    actor = acting_staff(db, args)
    accounts = staff_service.staff_list(db, actor)  # refused here unless they manage staff
    command = args.staff_command
    if command == "list":
        _print_accounts(accounts)
        return 0
    if command == "add":
        password = new_password("Their first password")
        staff_service.add_staff(db, actor, args.username, args.display_name, Role(args.role), password)
        print(
            f"Added {args.username.strip().lower()}. They choose their own password when they first sign in."
        )
        return 0
    wanted = args.username.strip().lower()
    found = next((a for a in accounts if a.username == wanted), None)
    if found is None:
        raise NotFound(f"There is no member of staff called “{args.username}”.")
    if command == "set-password":
        password = new_password(f"The new password for {found.username}")
        authentication.set_password(db, actor, found.id, password, must_change=not args.keep)
        then = "" if args.keep else " They choose their own when they next sign in."
        print(f"{found.display_name} has a new password.{then}")
    elif command == "unlock":
        authentication.unlock_staff(db, actor, found.id)
        print(f"{found.display_name} can sign in again.")
    elif command == "deactivate":
        staff_service.deactivate_staff(db, actor, found.id)
        print(f"{found.display_name} can no longer sign in. What they wrote keeps their name.")
    else:  # role
        staff_service.change_role(db, actor, found.id, Role(args.role))
        print(f"{found.display_name} is now {Role(args.role).with_article}.")
    return 0


def password(args: argparse.Namespace) -> int:
    from careplan.cli.commands import credentials, new_password
    from careplan.services import authentication
    from careplan.storage.database import open_database

    db = open_database(args.database, create=False)
    if args.first:
        return _first_password(db, args)
    name, current = credentials(args)
    signed = authentication.sign_in(db, name, current)  # a wrong one counts, as at any sign-in
    authentication.change_password(db, signed.actor, current, new_password("Your new password"))
    print("Your password has been changed.")
    return 0


def _first_password(db: Any, args: argparse.Namespace) -> int:
    import os

    from careplan.cli.commands import ENV_USER, new_password
    from careplan.domain.errors import InvalidTransition, SignInRefused
    from careplan.services import authentication
    from careplan.services.unit_of_work import staff_by_username

    name = (args.user or os.environ.get(ENV_USER) or "").strip().lower()
    if not name:
        raise SignInRefused(f"Say which administrator you are with --user NAME (or {ENV_USER}).")
    if not authentication.needs_first_password(db):
        raise InvalidTransition(authentication.FIRST_PASSWORD_REFUSED)
    actor = staff_by_username(db, name)
    signed = authentication.set_first_password(db, actor, new_password("Your password"))
    print(f"Your password has been set, {signed.display_name}. Now give the rest of the team theirs:")
    print("careplan staff set-password USERNAME")
    return 0


def _print_accounts(accounts: list[Any]) -> None:
    header = ["Username", "Name", "Role", "Can sign in"]
    table = [header] + [[a.username, a.display_name, a.role.label, _standing(a)] for a in accounts]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for line in table:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())


def _standing(account: Any) -> str:
    if not account.active:
        return "no: has left"
    if account.locked:
        return "no: locked (careplan staff unlock)"
    if not account.has_password:
        return "no: needs a password (careplan staff set-password)"
    if account.must_change_password:
        return "yes, then chooses their own password"
    return "yes"
