"""``careplan caseload``: who works with a person; and ``--covering`` for commands that open a record.

- ``careplan caseload show PERSON_REF`` prints the person's key worker and peer mentors, and
  whether the one signed in may change them.
- ``careplan caseload assign PERSON_REF --peer-mentor USERNAME`` and ``careplan caseload end
  PERSON_REF --peer-mentor USERNAME`` put the person on a peer mentor's caseload, or take them off.
- ``careplan caseload key-worker PERSON_REF USERNAME`` hands the person on to another key worker.

The changes are :mod:`careplan.services.assignments`, for a manager or the person's own key
worker (a colleague covering for them may not). A command that opens one person's record
(``caseload show``, ``agreement``) takes ``--covering "REASON"`` (``caseload show`` also
``--cover-hours N``): a key worker or peer mentor refused because the person is not on their
caseload then covers for a colleague exactly as the app's cover dialog does (until the end of
today, or N hours), and the command goes on. Refused without it, the message says to add it. The
reason is checked before anything else is done.

Exit codes are :mod:`careplan.cli.main`'s: 2 bad input (a reason that is empty or not plain text,
a member of staff who cannot be a peer mentor or key worker, a peer mentor already assigned or not
assigned, the key worker they have already), 4 not allowed, 5 no such person or member of staff.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.domain.errors import InvalidInput, OutsideCaseload, PermissionDenied
from careplan.domain.wording.dates import time_and_date
from careplan.services import assignments
from careplan.services.covering import check_cover, cover_for_colleague, record_standing
from careplan.services.unit_of_work import staff_by_username

T = TypeVar("T")
# Covering for a colleague: (person, reason, hours) -> when the cover ends.
Cover = Callable[[int, str, int | None], datetime]

COVERING_HINT = (
    'To open their record, cover for a colleague: add --covering "REASON" saying why (the cover lasts '
    "until the end of today, or add --cover-hours N)."
)


def check_covering(args: argparse.Namespace) -> None:
    """Refuse a ``--covering`` that could make no cover, before anyone signs in."""
    hours = getattr(args, "cover_hours", None)
    if hours is not None and args.covering is None:
        raise InvalidInput('--cover-hours goes with --covering "REASON". Nothing was done.', "cover_hours")
    if args.covering is not None:
        check_cover(args.covering, hours)


def covering_if_needed(args: argparse.Namespace, attempt: Callable[[], T], cover: Cover) -> T:
    """``attempt()``; if it is refused because the person is not on the caseload, cover for a
    colleague with ``--covering`` (``cover``: :func:`careplan.services.covering.cover_for_colleague`
    for the person, reason and hours; the refusal names ``--covering`` when it was not given) and
    attempt again. A refusal leaves nothing written, so the second attempt starts afresh."""
    try:
        result = attempt()
    except OutsideCaseload as refused:
        if args.covering is None:
            raise OutsideCaseload(
                f"This person is not on your caseload. {COVERING_HINT}", person_id=refused.person_id
            ) from None
        ends = cover(refused.person_id, args.covering, getattr(args, "cover_hours", None))
        print(
            f"Covering for a colleague until {_when(ends)}; managers see it, with the reason.",
            file=sys.stderr,
        )
        return attempt()
    if args.covering is not None:
        print("You can open this record already, so no cover was recorded.", file=sys.stderr)
    return result


def _when(at: datetime) -> str:
    return time_and_date(at)


# --- careplan caseload ------------------------------------------------------------------------


def caseload(args: argparse.Namespace) -> int:
    command = args.caseload_command
    if command == "show":
        check_covering(args)
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    person_id = assignments.person_with_reference(db, actor, args.person)
    if command == "show":
        team = covering_if_needed(
            args,
            lambda: assignments.who_works_with(db, actor, person_id),
            lambda whom, why, hours: cover_for_colleague(db, actor, whom, why, hours=hours),
        )
        print(f"Person:        {team.reference}")
        print(f"Key worker:    {team.key_worker.label if team.key_worker else 'none yet'}")
        mentors = ", ".join(m.label for m in team.peer_mentors) or "none yet"
        print(f"Peer mentors:  {mentors}")
        print(
            "You can change who works with them."
            if team.may_change
            else "Only their key worker or a manager can change who works with them."
        )
        return 0
    username = args.peer_mentor if command in ("assign", "end") else args.username
    staff_id = staff_by_username(db, username).staff_id
    reference = args.person.strip()
    if command == "assign":
        assignments.assign_peer_mentor(db, actor, person_id, staff_id)
        print(f"{username} is now a peer mentor of {reference}.")
    elif command == "end":
        assignments.end_peer_mentor(db, actor, person_id, staff_id)
        print(f"{username} no longer works with {reference} as peer mentor.")
    else:
        assignments.change_key_worker(db, actor, person_id, staff_id)
        print(f"{username} is now the key worker of {reference}.")
        try:
            still = record_standing(db, actor, person_id).may_open
        except PermissionDenied:
            still = False
        if not still:
            print("They are no longer on your caseload: you no longer open their record.")
    return 0
