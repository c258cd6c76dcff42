"""The compiled Designer forms match the .ui files they come from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_compiled_forms_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "compile_forms.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_form_has_a_compiled_module_and_nothing_else_is_there() -> None:
    forms = {p.stem for p in (ROOT / "ui").glob("*.ui")}
    compiled = {p.stem.removeprefix("ui_") for p in (ROOT / "src/careplan/gui/forms").glob("ui_*.py")}
    assert forms
    assert compiled == forms
