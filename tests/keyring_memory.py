"""Test-only keyring backends. Never used by the application.

- :class:`MemoryKeyring`: secrets in a dict, for tests in this process.
- :class:`FileKeyring`: secrets in a JSON file named by ``CAREPLAN_TEST_KEYRING_FILE``, so that a
  ``careplan`` subprocess (``PYTHON_KEYRING_BACKEND=tests.keyring_memory.FileKeyring``) sees what
  the test stored. Plain text on purpose: test secrets in a test's temporary folder.
- :class:`LockedKeyring`, :class:`HangingKeyring`: a keyring that is locked, and one that never
  answers until the test releases it (so a timeout can be shown without sleeping).
- :class:`OddErrorKeyring`: a backend failing with an error of its own, outside keyring's (as some
  D-Bus errors are); :class:`InterruptedKeyring`: one interrupted (Ctrl+C) while storing.
- :func:`installed`: put a backend in place for a block and restore the previous one after.

keyring never picks one of these by itself: they are "not viable" (their priority raises), except
:class:`FileKeyring` when ``CAREPLAN_TEST_KEYRING_FILE`` is set, and then its priority is negative.
Tests put them in place explicitly.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.compat import properties
from keyring.errors import KeyringLocked, PasswordDeleteError

ENV_FILE = "CAREPLAN_TEST_KEYRING_FILE"
BACKEND_ENV = "PYTHON_KEYRING_BACKEND"
FILE_BACKEND = "tests.keyring_memory.FileKeyring"


class _TestOnly(KeyringBackend):
    """Never chosen by keyring's own detection."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a class property
        raise RuntimeError("a test-only keyring: install it explicitly")


class MemoryKeyring(_TestOnly):
    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class FileKeyring(KeyringBackend):
    """Secrets in a JSON file: ``path``, or (as keyring builds it, with no arguments) the file
    named by ``CAREPLAN_TEST_KEYRING_FILE``."""

    @properties.classproperty
    def priority(cls) -> float:  # noqa: N805 - a class property
        if ENV_FILE not in os.environ:
            raise RuntimeError(f"{ENV_FILE} is not set")
        return -1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path if path is not None else Path(os.environ[ENV_FILE])

    def _load(self) -> dict[str, str]:
        try:
            loaded: dict[str, str] = json.loads(self.path.read_text("utf-8"))
        except FileNotFoundError:
            return {}
        return loaded

    def _save(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data), "utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._save(data)


class LockedKeyring(_TestOnly):
    """A keyring that is there but locked (as after an update, before anyone unlocks it)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("Failed to unlock the collection!")


class BackendOwnError(Exception):
    """Like ``dbus.exceptions.DBusException`` or ``secretstorage``'s errors: not a KeyringError."""


class OddErrorKeyring(_TestOnly):
    """A keyring failing with an error of its own (a D-Bus service that went away, say)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise BackendOwnError("org.freedesktop.DBus.Error.ServiceUnknown")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise BackendOwnError("org.freedesktop.DBus.Error.ServiceUnknown")

    def delete_password(self, service: str, username: str) -> None:
        raise BackendOwnError("org.freedesktop.DBus.Error.ServiceUnknown")


class InterruptedKeyring(MemoryKeyring):
    """Reads and forgets like :class:`MemoryKeyring`; storing is interrupted (Ctrl+C)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyboardInterrupt


class HangingKeyring(_TestOnly):
    """A keyring that waits (for an unlock prompt nobody answers) until :meth:`release`."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()
        self.calls = 0

    def release(self) -> None:
        self.released.set()

    def _hang(self) -> None:
        self.calls += 1
        self.released.wait()

    def get_password(self, service: str, username: str) -> str | None:
        self._hang()
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._hang()

    def delete_password(self, service: str, username: str) -> None:
        self._hang()


@contextlib.contextmanager
def installed(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """Use ``backend`` as the keyring for the block; the previous one comes back afterwards."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
        if isinstance(backend, HangingKeyring):
            backend.release()


def subprocess_env(keyring_file: Path) -> dict[str, str]:
    """Environment variables that give a ``careplan`` subprocess the file-backed keyring."""
    return {BACKEND_ENV: FILE_BACKEND, ENV_FILE: str(keyring_file)}
