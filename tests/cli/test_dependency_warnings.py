"""The ``careplan`` command keeps the libraries' own warnings away from the person at the terminal."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import warnings

import pytest

from careplan import dependency_warnings

# A warning as cryptography 51 raises it when pyHanko imports its CMS signer: attributed (through
# stacklevel) to a pyHanko module, in a category that is not a DeprecationWarning.
WARN_AS = textwrap.dedent(
    """
    import sys, warnings
    from careplan.cli.main import console

    class CryptographyDeprecationWarning(UserWarning):
        pass

    def warn_from(module):
        exec(compile("import warnings\\nwarnings.warn(message, category)", module, "exec"),
             {"__name__": module, "message": f"said by {module}", "category": CryptographyDeprecationWarning})

    sys.argv = ["careplan", "--version"]
    import careplan.cli.main as main_module
    original = main_module.main
    def main(argv=None):
        warn_from("pyhanko.sign.signers.pdf_cms")
        warn_from("careplan.documents.sign")
        return original(argv)
    main_module.main = main
    raise SystemExit(console())
    """
)


def run_console(*python_options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *python_options, "-c", WARN_AS],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_dependencys_warning_never_reaches_the_terminal_but_careplans_own_does() -> None:
    result = run_console()

    assert result.returncode == 0, result.stderr
    assert "said by pyhanko" not in result.stderr
    assert "said by careplan.documents.sign" in result.stderr


def test_warnings_asked_for_with_w_are_all_shown() -> None:
    result = run_console("-W", "default")

    assert "said by pyhanko" in result.stderr
    assert "said by careplan.documents.sign" in result.stderr


def test_the_filter_names_careplan_modules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "warnoptions", [])
    with warnings.catch_warnings(record=True) as caught:
        dependency_warnings.keep_to_careplan()
        warnings.warn_explicit("theirs", UserWarning, "x.py", 1, module="careplanner.util")
        warnings.warn_explicit("ours", UserWarning, "y.py", 1, module="careplan.services.plans")

    assert [str(w.message) for w in caught] == ["ours"]
