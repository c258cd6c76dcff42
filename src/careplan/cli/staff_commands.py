"""``careplan staff ...`` (administrators) and ``careplan password`` (anyone, their own).

- ``careplan staff list``: everyone who has been on the staff, with their role and whether they
  can sign in (active, locked, no password yet, must choose their own).
- ``careplan staff add USERNAME "NAME" --role ROLE``: with a first password, which they must
  change when they first sign in.
- ``careplan staff set-password USERNAME [--keep]``: a new password (also unlocks the account);
  they must choose their own at their next sign-in unless ``--keep``.
- ``careplan staff unlock USERNAME``, ``careplan staff deactivate USERNAME``,
  ``careplan staff role USERNAME ROLE``.
- ``careplan staff unlock USERNAME --by-recovery-passphrase`` (and ``set-password``): every
  administrator locked out, or the only one forgot their password: the database's recovery
  passphrase (``CAREPLAN_RECOVERY_PASSPHRASE``, else typed) is the proof of authority, with no
  sign-in. Only for administrators. On PostgreSQL, ``--by-database-login`` instead: whoever looks
  after the database server types the password of the role in ``--database``
  (``CAREPLAN_DATABASE_PASSWORD``, else typed).
- ``careplan password``: change your own password.
- ``careplan --user NAME password --first``: only in a database from before sign-in, where no
  active member of staff has a password yet (so nobody could sign in to set one): an active
  administrator chooses their own password, without a current one. Refused once anyone has one.

New passwords come from ``CAREPLAN_NEW_PASSWORD`` or are typed twice at the terminal; they are
never command-line arguments (other users of the computer can see those).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from careplan.cli import commands
from careplan.cli.commands import ENV_USER, acting_staff, credentials, new_password
from careplan.domain.enums import Role
from careplan.domain.errors import InvalidInput, InvalidTransition, NotFound, SignInRefused
from careplan.services import administrator_recovery as recovery
from careplan.services import authentication, opening
from careplan.services import staff as staff_service
from careplan.services.unit_of_work import staff_by_username


def staff(args: argparse.Namespace) -> int:
    db = opening.opened(opening.open_record(args.database, create=False))
    if getattr(args, "by_recovery_passphrase", False) or getattr(args, "by_database_login", False):
        return _administrator_locked_out(db, args)
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


def _administrator_locked_out(db: Any, args: argparse.Namespace) -> int:
    """``staff unlock|set-password NAME --by-recovery-passphrase|--by-database-login``: no sign-in."""
    new = None
    if args.staff_command == "set-password":
        new = commands.new_password(f"The new password for {args.username.strip().lower()}")
    keep = not getattr(args, "keep", False)
    if args.by_database_login:
        given = commands._ask("Database password: ", commands.ENV_DATABASE_PASSWORD, "database password")
        done = recovery.unlock_by_database_login(db, args.username, given, new_password=new, must_change=keep)
    else:
        done = _by_passphrase(db, args.username, new, keep)
    if done.new_password:
        then = " They choose their own when they next sign in." if keep else ""
        print(f"{done.display_name} has a new password.{then}")
    else:
        print(f"{done.display_name} can sign in again.")
    return 0


def _by_passphrase(db: Any, username: str, new: str | None, must_change: bool) -> Any:
    """The recovery passphrase from ``$CAREPLAN_RECOVERY_PASSPHRASE``, else typed (three tries)."""
    given = recovery.environment_passphrase()
    if given is not None:
        return recovery.unlock_by_recovery_passphrase(
            db, username, given, new_password=new, must_change=must_change
        )
    if not commands._interactive():
        raise InvalidInput(
            "The database's recovery passphrase is needed: set "
            f"{recovery.ENV_RECOVERY_PASSPHRASE} or run the command in a terminal, where it asks."
        )
    for _ in range(commands.UNLOCK_ATTEMPTS):
        typed = commands._ask_secret("Recovery passphrase of the database: ")
        try:
            return recovery.unlock_by_recovery_passphrase(
                db, username, typed, new_password=new, must_change=must_change
            )
        except recovery.WrongRecoveryPassphrase as exc:
            print(exc.message, file=sys.stderr)
    raise recovery.WrongRecoveryPassphrase(
        recovery.WRONG_PASSPHRASE + " Nothing was changed.", reason="passphrase"
    )


def password(args: argparse.Namespace) -> int:
    db = opening.opened(opening.open_record(args.database, create=False))
    if args.first:
        return _first_password(db, args)
    name, current = credentials(args)
    signed = authentication.sign_in(db, name, current)  # a wrong one counts, as at any sign-in
    authentication.change_password(db, signed.actor, current, new_password("Your new password"))
    print("Your password has been changed.")
    return 0


def _first_password(db: Any, args: argparse.Namespace) -> int:
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
