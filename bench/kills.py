"""``python -m bench.kills [--count N] [--seed S]``: the SIGKILL durability run, longer than CI's.

CI kills a writer 200 times (``tests/faults/test_sigkill.py``); this runs the same test with
``CAREPLAN_FAULT_KILLS=N`` (default 2,000) and says how it went: every kill is checked the same
way (integrity, every reported commit there, nothing half written, the audit chain intact).
Durability is a yes or no, so there is no baseline: the time is printed only to plan the run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/faults/test_sigkill.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kills", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--count", type=int, default=2000, help="how many kills (at least 200; default 2,000)"
    )
    args = parser.parse_args(argv)
    count = max(200, args.count)
    env = {**os.environ, "CAREPLAN_FAULT_KILLS": str(count)}
    print(f"Killing a writer {count:,} times ({TEST}) …", flush=True)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--timeout", "0", TEST],
        cwd=ROOT,
        env=env,
        check=False,
    )
    minutes = (time.perf_counter() - started) / 60
    verdict = "nothing lost" if result.returncode == 0 else "FAILED (see above)"
    print(f"{count:,} kills in {minutes:.1f} minutes: {verdict}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
