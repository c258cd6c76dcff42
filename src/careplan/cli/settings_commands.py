"""``careplan settings ...``: the service's settings.

- ``careplan settings service-name``: the name of the service printed on agreements.
- ``careplan --user NAME settings service-name "NEW NAME"``: set it (administrators; signs in).
"""

from __future__ import annotations

import argparse

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.services import configuration


def settings(args: argparse.Namespace) -> int:
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
