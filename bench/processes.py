"""Measurements that need a process of their own: start-up and peak memory of the real app."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench import keyring_file
from bench.keyed import BENCH_RECOVERY_PASSPHRASE, key_of
from careplan.services.demo_facts import DEMO_PASSWORD
from careplan.storage.encryption import ENV_RECOVERY_PASSPHRASE

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 300
# From each app run: milliseconds from pressing Sign in to the window being built (the argon2
# password check and the window); part of the start-up time, reported beside it.
SIGN_IN_MS: list[float] = []


def probe_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")  # the app's window settings go here, not ~/.config
    env["CAREPLAN_DATA_DIR"] = str(home / "data")
    env.pop("CAREPLAN_DATABASE", None)
    # The probe signs in at the sign-in dialog with this (bench.probe_app): the dataset is demo
    # data, so the demo accounts' password, unless CAREPLAN_BENCH_PASSWORD says otherwise.
    env["CAREPLAN_PASSWORD"] = os.environ.get("CAREPLAN_BENCH_PASSWORD", DEMO_PASSWORD)
    paths = (str(ROOT / "src"), str(ROOT), env.get("PYTHONPATH", ""))  # this tree's careplan first
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    # The database's key comes from a keyring, as on a desktop (bench.keyring_file); the recovery
    # passphrase only if that fails, so that the app never stops at its unlock dialog.
    env["PYTHON_KEYRING_BACKEND"] = keyring_file.BACKEND
    env[keyring_file.ENV_FILE] = str(home / "keyring.json")
    env[ENV_RECOVERY_PASSPHRASE] = BENCH_RECOVERY_PASSPHRASE
    # Compiled once, on the first (warm-up) run, and kept: an installed app has its bytecode,
    # whatever PYTHONDONTWRITEBYTECODE says where the benchmarks run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def _run(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Seconds from starting the process to its READY line; rows shown; peak RSS in KB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    ready: str | None = None
    for line in process.stdout:
        if line.startswith(("READY", "NOTREADY")):
            ready = line
            elapsed = time.perf_counter() - started
            break
    try:
        _, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    if ready is None or not ready.startswith("READY"):
        raise RuntimeError(f"{' '.join(command[:4])} did not become ready: {ready or ''}{err[-2000:]}")
    fields = dict(part.split("=", 1) for part in ready.split()[1:])
    if "sign_in_ms" in fields:
        SIGN_IN_MS.append(float(fields["sign_in_ms"]))
    return elapsed, int(fields["rows"]), int(fields["rss_kb"])


def app_run(database: Path, home: Path, mode: str, user: str = "sam") -> tuple[float, int, int]:
    keys = home / "keyring.json"
    if not keys.exists():
        key = key_of(database)
        if key is not None:
            keyring_file.write_key(keys, key)
    command = [
        sys.executable,
        "-m",
        "bench.probe_app",
        mode,
        "--",
        "--database",
        str(database),
        "--user",
        user,
    ]
    return _run(command, probe_env(home))


def bare_run(home: Path) -> tuple[float, int, int]:
    return _run([sys.executable, "-m", "bench.probe_bare"], probe_env(home))
