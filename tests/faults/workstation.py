"""One workstation with a plan open, in its own process (run by tests/faults/test_two_workstations.py).

    python -m tests.faults.workstation DATABASE STAFF_ID VERSION_ID

Reads commands on standard input and answers each with one line:

- ``READ``: opens the plan as the workspace does; ``READ <plan revision> <number of goals>``.
- ``SAVE <json words>``: adds a goal with these words to the plan as last read (the revision
  read is the one expected); ``SAVED <goal id>``, or ``CONFLICT <json message>`` when someone
  else saved first. The words are kept either way: they are still in hand to save again.
- ``QUIT``.
"""

from __future__ import annotations

import json
import sys

from careplan.domain.actor import PERSON, Actor
from careplan.domain.errors import CareplanError, ConflictError
from careplan.services import plans, workspace
from careplan.services.plans import GoalInput
from careplan.storage.opener import open_database


def say(line: str) -> None:
    print(line, flush=True)


def main(argv: list[str]) -> int:
    database, staff_id, version_id = argv
    actor, version = Actor(int(staff_id)), int(version_id)
    db = open_database(database, create=False)
    revision: int | None = None
    say("READY")
    for line in sys.stdin:
        command, _, rest = line.strip().partition(" ")
        try:
            if command == "READ":
                loaded = workspace.load_version(db, actor, version)
                revision = loaded.plan_revision
                say(f"READ {revision} {len(loaded.goals)}")
            elif command == "SAVE":
                words = json.loads(rest)
                goal = GoalInput(wording=words, wording_voice=PERSON, life_area="family")
                try:
                    goal_id = plans.add_goal(db, actor, version, goal, expected_revision=revision)
                except ConflictError as exc:
                    say(f"CONFLICT {json.dumps(exc.message)}")
                else:
                    say(f"SAVED {goal_id}")
            elif command == "QUIT":
                break
        except CareplanError as exc:
            say(f"ERROR {json.dumps(exc.message)}")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
