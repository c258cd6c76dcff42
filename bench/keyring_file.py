"""A keyring for the app the start-up benchmark runs: a desktop's keyring holds the database's
key, so opening it needs no recovery passphrase (whose scrypt step is meant to be slow).

This machine may have no keyring at all, so the probe's process is given this one
(``PYTHON_KEYRING_BACKEND``): the dataset's key (synthetic data only) in a JSON file in the
benchmark's scratch folder, named by ``CAREPLAN_BENCH_KEYRING_FILE``. Never used by Careplan.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import PasswordDeleteError

ENV_FILE = "CAREPLAN_BENCH_KEYRING_FILE"
BACKEND = "bench.keyring_file.BenchKeyring"


def write_key(path: Path, database_key: object) -> None:
    """Keep the dataset's key (a :class:`careplan.storage.encryption.DatabaseKey`) in the file,
    as Careplan keeps it in a keyring."""
    from careplan.storage.encryption import KEYRING_SERVICE, DatabaseKey

    assert isinstance(database_key, DatabaseKey)
    secrets = {f"{KEYRING_SERVICE}/{database_key.database_id}": database_key.key.hex()}
    path.write_text(json.dumps(secrets), encoding="utf-8")


class BenchKeyring(KeyringBackend):
    """Secrets in the JSON file named by ``CAREPLAN_BENCH_KEYRING_FILE``."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a class property
        if ENV_FILE not in os.environ:
            raise RuntimeError(f"{ENV_FILE} is not set")
        return -1

    def _load(self) -> dict[str, str]:
        try:
            secrets: dict[str, str] = json.loads(Path(os.environ[ENV_FILE]).read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return secrets

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        secrets = self._load()
        secrets[f"{service}/{username}"] = password
        Path(os.environ[ENV_FILE]).write_text(json.dumps(secrets), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        secrets = self._load()
        if secrets.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        Path(os.environ[ENV_FILE]).write_text(json.dumps(secrets), encoding="utf-8")
