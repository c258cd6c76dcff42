"""``careplan settings ...``: the service's settings.

- ``careplan settings service-name``: the name of the service printed on agreements.
- ``careplan --user NAME settings service-name "NEW NAME"``: set it (administrators; signs in).
"""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``settings`` to ``careplan``'s sub-command parsers."""
    settings = commands.add_parser("settings", help="the service's settings (administrators change them)")
    actions = settings.add_subparsers(
        dest="settings_command", metavar="SETTING", required=True, parser_class=parser_class
    )
    name = actions.add_parser(
        "service-name", help="the name of the service printed on agreements (give NAME to change it)"
    )
    name.add_argument("name", metavar="NAME", nargs="?", help="the new name (administrators)")


def settings(args: argparse.Namespace) -> int:
    from careplan.cli.commands import acting_staff, open_for_cli
    from careplan.services import configuration

    db = open_for_cli(args.database, create=False)
    try:
        if args.name is None:
            print(configuration.service_name(db))
            return 0
        actor = acting_staff(db, args)
        kept = configuration.set_service_name(db, actor, args.name)
        print(f"Agreements will name the service “{kept}”.")
        return 0
    finally:
        db.dispose()
