"""``careplan settings ...``: the service's settings.

- ``careplan settings service-name``: the name of the service printed on agreements.
- ``careplan --user NAME settings service-name "NEW NAME"``: set it (administrators; signs in).
- ``careplan settings review-schedule``: when reviews fall (any member of staff; signs in).
- ``careplan --user NAME settings review-schedule --first-weeks N --every-months M``: change it
  (administrators): the first review N weeks after a plan is approved (6 to 8), then one every M
  months (1 to 12). Either may be left out, keeping what it is now. Plans approved from then on,
  and reviews booked after a review is held, follow it; reviews already booked keep their dates.
"""

from __future__ import annotations

import argparse

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.services import configuration, review_schedule
from careplan.services.opening import Database


def settings(args: argparse.Namespace) -> int:
    db = open_for_cli(args.database, create=False)
    try:
        if args.settings_command == "review-schedule":
            return _review_schedule(db, args)
        if args.name is None:
            print(configuration.service_name(db))
            return 0
        actor = acting_staff(db, args)
        kept = configuration.set_service_name(db, actor, args.name)
        print(f"Agreements will name the service “{kept}”.")
        return 0
    finally:
        db.dispose()


def _review_schedule(db: Database, args: argparse.Namespace) -> int:
    actor = acting_staff(db, args)
    now = review_schedule.review_schedule(db, actor)
    if args.first_weeks is None and args.every_months is None:
        print(now.words())
        return 0
    kept = review_schedule.set_review_schedule(
        db,
        actor,
        now.first_weeks if args.first_weeks is None else args.first_weeks,
        now.every_months if args.every_months is None else args.every_months,
    )
    print(f"Saved. {kept.words()} Reviews already booked keep their dates.")
    return 0
