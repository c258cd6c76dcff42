"""The scripts that make the README's pictures still run: a change to start-up or the database
(sign-in, encryption) once broke one without any test noticing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        (
            "make_screenshots.py",
            {
                "01-people.png",
                "03-my-plan.png",
                "09-sign-in.png",
                "12-locked.png",
                "13-settings.png",
                "14-service-catalogue.png",
                "15-backups.png",
                "16-who-works-with.png",
                "17-staying-safe.png",
                "18-reviews.png",
                "19-how-things-have-changed.png",
            },
        ),
        ("make_agreement_screenshots.py", {"agreement-page.png", "agreement-preview.png"}),
    ],
)
def test_screenshot_script_makes_its_pictures(script: str, expected: set[str], tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    # As a person runs it: no recovery passphrase in the environment (the scripts give their own).
    env.pop("CAREPLAN_RECOVERY_PASSPHRASE", None)
    env["PYTHONPATH"] = os.pathsep.join((str(ROOT / "src"), str(ROOT)))
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / script), "--out", str(tmp_path / "shots")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    made = {p.name for p in (tmp_path / "shots").iterdir()}
    assert expected <= made
    assert all((tmp_path / "shots" / name).stat().st_size > 5000 for name in expected)
