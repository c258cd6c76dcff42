"""A PostgreSQL server for the test session, and a brand-new empty database per test.

The server is, in order of preference:

1. the one at ``CAREPLAN_TEST_POSTGRES_URL`` (any SQLAlchemy or libpq URL whose role may
   ``CREATE DATABASE``), or
2. a throwaway server started once per session from the newest ``initdb``/``pg_ctl`` under
   ``/usr/lib/postgresql/*/bin`` (or on ``PATH``): trust authentication, a free port on
   127.0.0.1, ``fsync=off``, data in a temporary folder that is removed at the end.

When neither can be had, the test is skipped, except in CI (``CI=true``) where a missing
PostgreSQL is a failure. The attempt is made once per session and its outcome cached.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy.engine import URL, make_url

ENV_SERVER_URL = "CAREPLAN_TEST_POSTGRES_URL"
SUPERUSER = "postgres"
START_TIMEOUT_S = 30
COMMAND_TIMEOUT_S = 60

__all__ = ["ENV_SERVER_URL", "fresh_database_url"]


@dataclass
class _Server:
    """How to reach a server as a role that may create databases."""

    url: URL  # drivername postgresql+psycopg; database = the one to connect to for admin work
    stop: list[Callable[[], None]] = field(default_factory=list)

    def admin_conninfo(self) -> str:
        return self.url.set(drivername="postgresql").render_as_string(hide_password=False)


class _NoServerError(Exception):
    """No PostgreSQL server can be had; the message says why, in words a person can act on."""


_server: _Server | None = None
_failure: str | None = None
_attempted = False


def fresh_database_url(request: pytest.FixtureRequest) -> str:
    """The URL of a brand-new empty database that lives for this one test.

    Skips the test (fails it in CI) when no PostgreSQL server can be had.
    """
    server = _session_server(request)
    name = f"careplan_test_{uuid.uuid4().hex[:16]}"
    _create_database(server, name)
    request.addfinalizer(lambda: _drop_database(server, name))
    url = server.url.set(drivername="postgresql+psycopg", database=name)
    return url.render_as_string(hide_password=False)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def _session_server(request: pytest.FixtureRequest) -> _Server:
    global _server, _failure, _attempted
    if not _attempted:
        _attempted = True
        try:
            _server = _connect_or_start(request.config)
        except _NoServerError as exc:
            _failure = str(exc)
    if _server is None:
        reason = f"PostgreSQL is not available: {_failure}"
        if in_ci():
            pytest.fail(
                f"{reason}\nIn CI a missing PostgreSQL server is a failure, not a skip: install "
                f"Debian's `postgresql` package or set {ENV_SERVER_URL}.",
                pytrace=False,
            )
        pytest.skip(reason)
    return _server


def _connect_or_start(config: pytest.Config) -> _Server:
    given = os.environ.get(ENV_SERVER_URL, "").strip()
    if given:
        return _existing_server(given)
    server = _start_throwaway_server()
    config.add_cleanup(_stop_session_server)
    return server


def _stop_session_server() -> None:
    global _server
    server, _server = _server, None
    if server is not None:
        _run_cleanups(server.stop)


def _run_cleanups(cleanups: list[Callable[[], None]]) -> None:
    """Stop the server, then remove its data; a failing step does not keep the next from running."""
    for cleanup in reversed(cleanups):
        with contextlib.suppress(Exception):
            cleanup()


# --- an existing server ---------------------------------------------------------------------


def _existing_server(text: str) -> _Server:
    try:
        url = make_url(text)
    except Exception as exc:
        raise _NoServerError(f"{ENV_SERVER_URL} is not a database URL ({exc}).") from exc
    if url.get_backend_name() != "postgresql":
        raise _NoServerError(f"{ENV_SERVER_URL} must be a postgresql:// URL, not {url.drivername}://.")
    server = _Server(url.set(drivername="postgresql+psycopg", database=url.database or "postgres"))
    try:
        with psycopg.connect(server.admin_conninfo(), autocommit=True, connect_timeout=10) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        shown = server.url.render_as_string(hide_password=True)
        raise _NoServerError(f"cannot connect to {shown} ({ENV_SERVER_URL}): {exc}") from exc
    return server


# --- a throwaway server ---------------------------------------------------------------------


def _find_bin_dir() -> Path:
    def version(path: str) -> tuple[int, ...]:
        match = re.search(r"/postgresql/([\d.]+)/bin/", path)
        return tuple(int(p) for p in match.group(1).split(".") if p) if match else ()

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    for initdb in candidates:
        bin_dir = Path(initdb).parent
        if os.access(initdb, os.X_OK) and os.access(bin_dir / "pg_ctl", os.X_OK):
            return bin_dir
    initdb_on_path = shutil.which("initdb")
    if initdb_on_path:
        bin_dir = Path(initdb_on_path).resolve().parent
        if os.access(bin_dir / "pg_ctl", os.X_OK):
            return bin_dir
    raise _NoServerError(
        "no PostgreSQL server programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on "
        f"PATH. Install Debian's `postgresql` package or set {ENV_SERVER_URL}."
    )


def has_server_programs() -> bool:
    try:
        _find_bin_dir()
    except _NoServerError:
        return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user() -> list[str]:
    """The prefix that runs a command as a user initdb accepts (it refuses to run as root)."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise _NoServerError("running as root, and `runuser` (needed to run initdb as postgres) is missing.")
    try:
        import pwd

        pwd.getpwnam(SUPERUSER)
    except KeyError as exc:
        raise _NoServerError(
            f"running as root, and there is no `{SUPERUSER}` user to run the server as "
            "(install Debian's `postgresql` package)."
        ) from exc
    return [runuser, "-u", SUPERUSER, "--"]


def _run(command: list[str], *, cwd: Path, what: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C"
    try:
        result = subprocess.run(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise _NoServerError(f"{what} failed: {exc}") from exc
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()[-2000:]
        raise _NoServerError(f"{what} failed (exit {result.returncode}): {output}")


def _tail(path: Path, limit: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-limit:]
    except OSError:
        return ""


# Stops the server and removes its folder when its standard input reaches end-of-file: when the
# test run lets it go, or when the run ends any other way (pytest-timeout's os._exit, kill -9, a
# closed terminal), since the pipe's only writer is the test process.
_REAPER = r"""
import json, shutil, subprocess, sys
command, base = json.loads(sys.argv[1]), sys.argv[2]
sys.stdin.buffer.read()
subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL, timeout=60, check=False)
shutil.rmtree(base, ignore_errors=True)
"""


def _start_reaper(stop_command: list[str], base: Path) -> Callable[[], None]:
    """Start the reaper for a server; returns what lets it go (after a normal stop)."""
    import json
    import sys

    reaper = subprocess.Popen(
        [sys.executable, "-c", _REAPER, json.dumps(stop_command), str(base)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl+C in the terminal must not stop it before it has done its job
    )

    def let_go() -> None:
        assert reaper.stdin is not None
        reaper.stdin.close()
        reaper.wait(timeout=COMMAND_TIMEOUT_S)

    return let_go


def _start_throwaway_server() -> _Server:
    bin_dir = _find_bin_dir()
    prefix = _as_server_user()
    base = Path(tempfile.mkdtemp(prefix="careplan-pg-"))
    data = base / "data"
    log = base / "server.log"
    cleanups: list[Callable[[], None]] = [lambda: shutil.rmtree(base, ignore_errors=True)]

    def give_up(exc: _NoServerError) -> _NoServerError:
        _run_cleanups(cleanups)
        return exc

    try:
        if prefix:
            import pwd

            entry = pwd.getpwnam(SUPERUSER)
            os.chown(base, entry.pw_uid, entry.pw_gid)
        os.chmod(base, 0o700)
        _run(
            [
                *prefix,
                str(bin_dir / "initdb"),
                f"--pgdata={data}",
                "--auth=trust",
                f"--username={SUPERUSER}",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ],
            cwd=base,
            what="initdb",
        )
        pg_ctl = str(bin_dir / "pg_ctl")
        last_error: _NoServerError | None = None
        for _ in range(3):  # a port picked as free may be taken by the time the server binds
            port = _free_port()
            options = " ".join(
                [
                    f"-p {port}",
                    "-c listen_addresses=127.0.0.1",
                    f"-c unix_socket_directories={shlex.quote(str(base))}",
                    "-c fsync=off",
                    "-c synchronous_commit=off",
                    "-c full_page_writes=off",
                    "-c max_connections=200",
                ]
            )
            command = [*prefix, pg_ctl, "start", "-w", "-t", str(START_TIMEOUT_S)]
            command += ["-D", str(data), "-l", str(log), "-o", options]
            try:
                _run(command, cwd=base, what="pg_ctl start")
            except _NoServerError as exc:
                last_error = _NoServerError(f"{exc}\n{_tail(log)}")
                continue
            stop_command = [*prefix, pg_ctl, "stop", "-D", str(data), "-m", "immediate", "-w"]
            cleanups.append(functools.partial(_run, stop_command, cwd=base, what="pg_ctl stop"))
            # Last of all (cleanups run in reverse): let the reaper go; it finds nothing left to do.
            cleanups.insert(0, _start_reaper(stop_command, base))
            url = URL.create(
                "postgresql+psycopg",
                username=SUPERUSER,
                host="127.0.0.1",
                port=port,
                database="postgres",
            )
            server = _Server(url, stop=cleanups)
            try:
                with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
                    conn.execute("SELECT 1")
            except psycopg.Error as exc:
                raise _NoServerError(f"the test server started but refuses connections: {exc}") from exc
            return server
        assert last_error is not None
        raise last_error
    except _NoServerError as exc:
        raise give_up(exc) from None
    except OSError as exc:
        raise give_up(_NoServerError(f"cannot prepare a data folder for the test server: {exc}")) from exc


# --- databases ------------------------------------------------------------------------------


def _create_database(server: _Server, name: str) -> None:
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        try:
            # template0: never blocked by someone else connected to template1.
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(sql.Identifier(name))
            )
        except psycopg.errors.InvalidParameterValue:
            # A server whose locale does not fit UTF8: take its default encoding.
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _drop_database(server: _Server, name: str) -> None:
    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
