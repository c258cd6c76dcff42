"""Compile the Qt Designer forms in ui/ into src/careplan/gui/forms/ (run after editing a form).

.venv/bin/python packaging/compile_forms.py          # write the compiled forms
.venv/bin/python packaging/compile_forms.py --check  # exit 1 if any compiled form is stale
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"
OUT = ROOT / "src" / "careplan" / "gui" / "forms"
HEADER = "# Generated from ui/{name} by packaging/compile_forms.py: do not edit, edit the form.\n"


def uic() -> str:
    return str(Path(sys.executable).with_name("pyside6-uic"))


def compiled(form: Path) -> str:
    result = subprocess.run([uic(), "--from-imports", str(form)], capture_output=True, text=True, check=True)
    lines = [line for line in result.stdout.splitlines() if not line.startswith("## Created by: Qt User")]
    return HEADER.format(name=form.name) + "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for form in sorted(FORMS.glob("*.ui")):
        target = OUT / f"ui_{form.stem}.py"
        text = compiled(form)
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(form.name)
        else:
            target.write_text(text, encoding="utf-8")
    if stale:
        print("Compiled forms are out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
