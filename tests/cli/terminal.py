"""Running ``careplan`` at a (pseudo-)terminal, answering its prompts as a person would type.

The child gets a new session with the pseudo-terminal as its standard input, output and error, so
``getpass`` reads from it (with echo off) and never from the terminal the tests were started in.
Every wait has a deadline: a prompt that never comes fails the test instead of hanging it.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Session:
    returncode: int
    output: str  # everything the terminal showed (what was typed at a password prompt is not echoed)


def at_terminal(
    args: Sequence[str], env: dict[str, str], answers: Sequence[tuple[str, str]], *, timeout: float = 120
) -> Session:
    """Run ``python -m careplan ARGS``; each time the next ``(prompt, answer)``'s prompt appears,
    type the answer and Enter. Fails if the prompts do not come in that order within ``timeout``."""
    main, child = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "careplan", *args],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        cwd=ROOT,
        start_new_session=True,  # no controlling terminal: /dev/tty is not the tester's terminal
        close_fds=True,
    )
    os.close(child)
    pending = list(answers)
    shown = b""
    looked_from = 0
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"careplan did not finish within {timeout:g} s; waiting for {pending[:1]}; it showed:\n"
                    + shown.decode("utf-8", "replace")
                )
            ready, _, _ = select.select([main], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(main, 4096)
                except OSError:  # EIO: the child closed the terminal
                    chunk = b""
                shown += chunk
                if pending and pending[0][0].encode() in shown[looked_from:]:
                    prompt, answer = pending.pop(0)
                    looked_from = shown.index(prompt.encode(), looked_from) + len(prompt)
                    os.write(main, answer.encode() + b"\n")
                if chunk:
                    continue
            if process.poll() is not None:
                break
        assert not pending, f"never asked {pending}; it showed:\n" + shown.decode("utf-8", "replace")
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        os.close(main)
    return Session(process.returncode, shown.decode("utf-8", "replace").replace("\r\n", "\n"))
