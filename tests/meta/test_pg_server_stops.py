"""The suite's own PostgreSQL server is stopped however the test run ends, kill -9 included."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import pg_server

ROOT = Path(__file__).resolve().parents[2]

STARTER = """
import sys, time
from tests import pg_server
server = pg_server._start_throwaway_server()
print(server.url.port, flush=True)
time.sleep(600)
"""


def accepts_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.postgres
def test_a_killed_test_run_does_not_leave_its_postgresql_running() -> None:
    if not pg_server.has_server_programs():
        message = "PostgreSQL's server programs (initdb, pg_ctl) are not installed"
        if pg_server.in_ci():
            pytest.fail(message)
        pytest.skip(message)
    with subprocess.Popen(
        [sys.executable, "-c", STARTER], cwd=ROOT, stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    ) as run:
        try:
            assert run.stdout is not None
            port = int(run.stdout.readline())
            assert accepts_connections(port)
        finally:
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=30)

    deadline = time.monotonic() + 60
    while accepts_connections(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not accepts_connections(port), "the server outlived the test run that started it"
