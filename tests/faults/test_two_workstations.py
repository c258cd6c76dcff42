"""Two workstations, each its own process, editing the same plan on SQLite and on PostgreSQL.

Both open the plan; both save. The second save is refused with a plain message (nothing is
overwritten), the words it tried to save are still in hand, and after reloading they go in.
Then both save at the same moment, round after round: each time exactly one wins and the other
is told, and in the end every goal either typed is in the plan and the audit trail verifies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from careplan.services import workspace
from careplan.services.audit_anchors import verify_audit_trail
from careplan.storage.database import Database
from tests.faults.lines import Lines
from tests.worlds import World, build_world

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 8
PLAN_CONFLICT = "Someone else saved changes to this plan since you opened it. Nothing was overwritten."


class Workstation:
    def __init__(self, process: subprocess.Popen[bytes], name: str) -> None:
        assert process.stdout is not None
        self.process = process
        self.lines = Lines(process.stdout, name)
        assert self.lines.next() == "READY"

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command.encode() + b"\n")
        self.process.stdin.flush()

    def answer(self) -> tuple[str, str]:
        kind, _, rest = self.lines.next().partition(" ")
        if kind == "ERROR":
            raise AssertionError(f"the workstation failed: {json.loads(rest)}")
        return kind, rest

    def read(self) -> tuple[int, int]:
        self.send("READ")
        kind, rest = self.answer()
        assert kind == "READ"
        revision, goals = rest.split()
        return int(revision), int(goals)


@contextmanager
def workstations(url: str, world: World, tmp_path: Path) -> Iterator[tuple[Workstation, Workstation]]:
    # This tree first, and the test keyring (in tests/) for the database key.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join((str(ROOT / "src"), str(ROOT))))
    command = [sys.executable, "-m", "tests.faults.workstation", url]
    args = [str(world.team.key_worker.staff_id), str(world.version_id)]
    with ExitStack() as stack:
        started = []
        for name in ("A", "B"):
            stderr = stack.enter_context((tmp_path / f"{name}-stderr.txt").open("wb"))
            process = stack.enter_context(
                subprocess.Popen(
                    [*command, *args],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=stderr,
                    env=env,
                    cwd=ROOT,
                )
            )
            started.append(process)
        try:
            a, b = (
                Workstation(p, n) for p, n in zip(started, ("workstation A", "workstation B"), strict=True)
            )
            yield a, b
            for station in (a, b):
                station.send("QUIT")
                assert station.process.wait(timeout=60) == 0
        except BaseException as exc:
            for process in started:
                process.kill()
            errors = "".join((tmp_path / f"{n}-stderr.txt").read_text()[-2000:] for n in ("A", "B"))
            raise AssertionError(f"{exc}\n--- stderr ---\n{errors}") from exc


def goal_words(db: Database, world: World) -> list[str]:
    version = workspace.load_version(db, world.team.key_worker, world.version_id)
    return [g.wording.body for g in version.goals]


def test_two_workstations_saving_the_same_plan_conflict_plainly_and_lose_nothing(
    db: Database, database_url: str, tmp_path: Path
) -> None:
    world = build_world(db)
    with workstations(database_url, world, tmp_path) as (a, b):
        seen_a, seen_b = a.read(), b.read()
        assert seen_a == seen_b

        a.send(f"SAVE {json.dumps('A flat of my own')}")
        assert a.answer()[0] == "SAVED"
        b.send(f"SAVE {json.dumps('Back to college in September')}")
        kind, message = b.answer()
        assert kind == "CONFLICT"
        assert json.loads(message).startswith(PLAN_CONFLICT)
        assert "Back to college in September" not in goal_words(db, world)  # nothing overwritten...

        revision, goals = b.read()  # ...and B reloads, sees A's goal, and saves its words again
        assert revision > seen_b[0]
        assert goals == seen_b[1] + 1
        b.send(f"SAVE {json.dumps('Back to college in September')}")
        assert b.answer()[0] == "SAVED"

        typed = ["A flat of my own", "Back to college in September"]
        for number in range(ROUNDS):
            a.read()
            b.read()
            words = {a: f"A's goal {number}", b: f"B's goal {number}"}
            for station in (a, b):  # both press Save at the same moment
                station.send(f"SAVE {json.dumps(words[station])}")
            answers = {station: station.answer() for station in (a, b)}
            kinds = sorted(kind for kind, _ in answers.values())
            assert kinds == ["CONFLICT", "SAVED"], answers
            typed += words.values()
            loser = next(s for s, (kind, _) in answers.items() if kind == "CONFLICT")
            loser.read()
            loser.send(f"SAVE {json.dumps(words[loser])}")
            assert loser.answer()[0] == "SAVED"

    stored = goal_words(db, world)
    assert sorted(w for w in stored if w in typed) == sorted(typed)  # every goal typed is there, once
    assert verify_audit_trail(db, world.team.manager).intact
