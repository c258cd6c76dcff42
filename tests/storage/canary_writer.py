"""Careplan writing a canary into a person's record until it is killed (run by test_canary.py).

    python canary_writer.py DATABASE LOG_FILE

Logs everything (root logger at DEBUG, to LOG_FILE and to standard error), makes the database,
writes a person, their About me and a plan (every text carrying :data:`worlds.CANARY`), renders
the agreement PDF in memory, then keeps registering people and writing their About me, printing
``WROTE n`` after each, while another connection keeps the WAL from being folded back: the test
kills it mid-write.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from careplan.domain.actor import PERSON
from careplan.domain.enums import PlanStatus
from careplan.services import people
from careplan.services.agreement import load_agreement
from careplan.storage.opener import open_database
from tests import worlds


def main(database: str, log_file: str) -> None:
    logging.basicConfig(
        level=logging.DEBUG,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
        handlers=[logging.FileHandler(log_file, encoding="utf-8"), logging.StreamHandler(sys.stderr)],
    )
    db = open_database(database)
    world = worlds.build_world(db, stage=PlanStatus.APPROVED)
    from careplan.documents.render import render_agreement

    agreement = load_agreement(db, world.team.manager, world.plan.version_id)
    for easy in (False, True):
        assert len(render_agreement(agreement, easy_read=easy)) > 1000
    # Another connection in a read transaction: the WAL cannot be folded into the database.
    keeper = db.connect_file(Path(database))
    keeper.execute("BEGIN")
    keeper.execute("SELECT count(*) FROM people").fetchall()
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        person_id = worlds.register(db, world.team.key_worker, f"Robin{n}", reference=f"CN-{n:05d}")
        people.write_about_me(
            db, world.team.key_worker, person_id, "hopes", f"My hopes {worlds.CANARY} " * 50, PERSON
        )
        print(f"WROTE {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
