"""Warnings from the libraries Careplan uses are for their developers, not for the person at the screen.

A library that warns about its own future (cryptography's "DSA is deprecated" when pyHanko is
imported, say) would otherwise print a Python warning on every ``careplan agreement``: noise to
a person, and a worry. The command line and the desktop app call :func:`keep_to_careplan` first:
warnings attributed to Careplan's own modules are shown as Python shows them by default, all others
are not. Asking for warnings explicitly (``python -W ...`` or ``PYTHONWARNINGS``) turns this off.
The test suite does not use this: it makes Careplan's own warnings errors and names, by category and
module, the dependencies' warnings it ignores (``pyproject.toml``).
"""

from __future__ import annotations

import sys
import warnings

CAREPLAN_MODULES = r"careplan(\.|$)"


def keep_to_careplan() -> None:
    """Hide warnings that come from other packages, unless warnings were asked for explicitly."""
    if sys.warnoptions:
        return
    warnings.filterwarnings("ignore")
    warnings.filterwarnings("default", module=CAREPLAN_MODULES)
