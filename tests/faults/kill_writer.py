"""A writer to kill: a fork server whose children commit use cases until SIGKILL stops them.

Run by tests/faults/test_sigkill.py as ``python -m tests.faults.kill_writer DB STAFF_ID PERSON_ID``.
Starting Python and importing Careplan costs far more than a kill, so this process imports once
and then, for each command on standard input, forks a fresh writer:

- ``GO SEED``: fork a child that connects to the database anew (its first connection recovers
  what the last killed child left) and commits use cases for ever, chosen by
  ``random.Random(SEED)``; answers ``PID <pid>``.
- ``REAP PID``: wait for that child (killed by the test) and answer ``REAPED <pid> <status>``.
  Everything the child printed is in the pipe before this line, so the test has read it all.
- ``QUIT``: leave.

A child prints, each with one ``write()`` (atomic on a pipe), and only *after* the use case
returned, that is after the commit: ``PERSON <id> <json name>`` for a person registered, and
``ABOUT <topic> <json words>`` for an About me answer written. Before writing an answer it
prints ``TRY <topic> <json words>``: an answer tried but not reported may or may not be stored.
On an unexpected failure it prints ``ERROR <json text>`` and exits with status 1.
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback

from careplan.domain.actor import PERSON, Actor
from careplan.services import people
from careplan.storage.database import Database
from careplan.storage.opener import open_database

TOPICS = ("hopes", "what_matters", "support", "going_well")
WORDS = ("flat", "kids", "sister", "college", "bus", "garden", "football", "clinic", "Sunday", "job")


def say(line: str) -> None:
    os.write(1, (line + "\n").encode("utf-8"))


def child(db: Database, actor: Actor, person_id: int, seed: int) -> None:
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400)))
        if rng.random() < 0.5:
            name = f"Writer {seed}-{number}"
            new_id = people.register_person(db, actor, people.PersonDetails(f"W{number}", name))
            say(f"PERSON {new_id} {json.dumps(name)}")
        else:
            topic = rng.choice(TOPICS)
            text = f"{seed}-{number}: {words}"
            say(f"TRY {topic} {json.dumps(text)}")
            people.write_about_me(db, actor, person_id, topic, text, PERSON)
            say(f"ABOUT {topic} {json.dumps(text)}")


def main(argv: list[str]) -> int:
    path, staff_id, person_id = argv
    actor = Actor(int(staff_id))
    db = open_database(path, create=False)
    # First-use costs (mapper set-up, compiling each statement) paid once, here, on a person of
    # its own. A forked child drops the pooled connections it inherited (storage/database.py), so
    # every child still opens the file anew, and its first connection recovers what the killed
    # writer left in the WAL.
    warm_up = people.register_person(db, actor, people.PersonDetails("Warm", "Warm Up"))
    people.write_about_me(db, actor, warm_up, TOPICS[0], "warming up", PERSON)
    say("READY")
    while True:
        line = sys.stdin.readline()
        if not line:
            return 0
        command, *rest = line.split()
        if command == "GO":
            pid = os.fork()
            if pid == 0:
                status = 0
                try:
                    child(db, actor, int(person_id), int(rest[0]))
                except BaseException:
                    say(f"ERROR {json.dumps(traceback.format_exc())}")
                    status = 1
                finally:
                    os._exit(status)
            say(f"PID {pid}")
        elif command == "REAP":
            pid = int(rest[0])
            _, status = os.waitpid(pid, 0)
            say(f"REAPED {pid} {status}")
        elif command == "QUIT":
            return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
