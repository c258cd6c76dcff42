#!/usr/bin/env python3
"""Build the wheel, install it in a clean venv and use it as a person on a fresh machine would.

``python .ci/wheel_smoke.py`` (run by .ci/run with the project's .venv python, which has ``build``).
The wheel goes into a new venv with only its own dependencies, at the versions in requirements.lock;
everything then runs from a scratch folder, away from the source tree, with no keyring (keyring's
``fail`` backend, as on a fresh or headless machine): ``careplan --version``, ``careplan demo``,
``careplan plans``, ``careplan agreement`` (signed with the demo certificate), ``careplan verify``,
and the desktop app started offscreen to its sign-in dialog. The agreement and verify commands must
succeed with nothing on standard error. Any failure ends the script with the step that failed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
DEMO_PASSWORD = "careplan-demo"
DEMO_RECOVERY_PASSPHRASE = "demo data only, never real records"
DEMO_SIGNING_PASSPHRASE = "careplan-demo-signing"
STEP_TIMEOUT_S = 600

SIGN_IN_DRIVER = textwrap.dedent(
    """
    import sys
    import careplan
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from careplan.gui.app import run

    app = QApplication(sys.argv[:1])

    def look():
        shown = [w for w in app.topLevelWidgets() if w.isVisible()]
        print("careplan from:", careplan.__file__)
        print("showing:", ", ".join(sorted(w.objectName() for w in shown)))
        for widget in shown:
            widget.close()
        app.exit(0)

    QTimer.singleShot(500, look)
    sys.exit(run(sys.argv[1], None))
    """
)


def say(text: str) -> None:
    print(f"wheel-smoke: {text}", flush=True)


def fail(text: str) -> None:
    say(f"FAILED: {text}")
    raise SystemExit(1)


def run(command: list[str], *, env: dict[str, str], cwd: Path, clean_stderr: bool = False) -> str:
    shown = " ".join(
        "SCRIPT" if "\n" in part else Path(part).name if part.startswith("/") else part for part in command
    )
    say(f"$ {shown}")
    result = subprocess.run(
        command,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        fail(f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    if clean_stderr and result.stderr:
        fail(f"succeeded but wrote to standard error:\n{result.stderr[-3000:]}")
    return result.stdout


def pins_without_hashes(lock: Path, to: Path) -> None:
    """requirements.lock as pip constraints: pip does not take hashes in a constraints file."""
    lines = [
        line.rstrip(" \\")
        for line in lock.read_text().splitlines()
        if line and not line.startswith((" ", "#", "\t"))
    ]
    to.write_text("\n".join(lines) + "\n")


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="careplan-wheel-smoke-"))
    try:
        smoke(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say("passed")


def smoke(work: Path) -> None:
    dist, venv, scratch = work / "dist", work / "venv", work / "scratch"
    scratch.mkdir()
    build_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)], env=build_env, cwd=work)
    (wheel,) = dist.glob("careplan-*.whl")
    say(f"built {wheel.name} ({wheel.stat().st_size // 1024} KB)")

    run([sys.executable, "-m", "venv", str(venv)], env=build_env, cwd=work)
    pins = work / "pins.txt"
    pins_without_hashes(LOCK, pins)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    run([*pip, "--constraint", str(pins), str(wheel)], env=build_env, cwd=work)

    env = {k: v for k, v in build_env.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING", "QT_"))}
    env.update(
        HOME=str(work / "home"),
        XDG_CONFIG_HOME=str(work / "home" / "config"),
        XDG_DATA_HOME=str(work / "home" / "data"),
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # a fresh machine with no keyring
        QT_QPA_PLATFORM="offscreen",
    )
    careplan = str(venv / "bin" / "careplan")
    database = str(scratch / "careplan.db")
    version = run([careplan, "--version"], env=env, cwd=scratch)
    say(version.strip())
    run([careplan, "--database", database, "demo", "--people", "20"], env=env, cwd=scratch)

    signed_in = dict(env, CAREPLAN_USER="priya", CAREPLAN_PASSWORD=DEMO_PASSWORD)
    signed_in["CAREPLAN_RECOVERY_PASSPHRASE"] = DEMO_RECOVERY_PASSPHRASE  # no keyring keeps the key
    signed_in["CAREPLAN_CERT_PASSPHRASE"] = DEMO_SIGNING_PASSPHRASE  # nor the demo certificate's passphrase
    plans = json.loads(
        run(
            [careplan, "--database", database, "plans", "--status", "approved", "--format", "json"],
            env=signed_in,
            cwd=scratch,
        )
    )
    if not plans:
        fail("the demo database has no approved plan to print")
    plan_id = str(plans[0]["plan_id"])
    agreement = scratch / "agreement.pdf"
    printing = [careplan, "--database", database, "agreement", plan_id, "--out", str(agreement)]
    run(printing, env=signed_in, cwd=scratch, clean_stderr=True)
    verified = run(
        [careplan, "--database", database, "verify", str(agreement)],
        env=signed_in,
        cwd=scratch,
        clean_stderr=True,
    )
    say(verified.strip().splitlines()[1] if verified.count("\n") > 1 else verified.strip())

    shown = run([str(venv / "bin" / "python"), "-c", SIGN_IN_DRIVER, database], env=signed_in, cwd=scratch)
    if "signInDialog" not in shown:
        fail(f"the app did not show its sign-in dialog:\n{shown}")
    if str(venv) not in shown:
        fail(f"the app was not the installed wheel's:\n{shown}")
    say("the app started offscreen to its sign-in dialog")


if __name__ == "__main__":
    main()
