"""Where Careplan keeps its data on this computer: ``CAREPLAN_DATA_DIR``, else the user data folder.

The default database lives there (:mod:`careplan.storage.database`), and so does the log
(:mod:`careplan.logs`). Small and apart, so that setting up the log imports no storage.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "CAREPLAN_DATA_DIR"


def data_dir() -> Path:
    """``CAREPLAN_DATA_DIR`` or the user data folder (which may not exist yet)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(os.path.expanduser(override))
    return Path(platformdirs.user_data_dir("careplan", appauthor=False))
