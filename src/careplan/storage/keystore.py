"""The one small door to the operating system's keyring: get, set and delete a secret.

Every call runs with a time limit (a few seconds): a keyring that is missing, locked, refuses, or
hangs waiting for an unlock prompt nobody will answer is reported as :class:`KeyringUnavailable`,
in plain words. There is never a fallback that writes the secret anywhere else.

It lives in storage (the lowest layer that needs it: the database key is kept here) and
:mod:`careplan.services.secrets` builds on it for the service's other secrets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from careplan.domain.errors import CareplanError

DEFAULT_TIMEOUT = 5.0
"""Seconds to wait for the keyring before giving up on it."""

T = TypeVar("T")

_UNAVAILABLE = (
    "The computer's keyring (where Careplan keeps secrets such as the database key and the signing "
    "certificate's passphrase) is not available right now"
)


class KeyringUnavailable(CareplanError):
    """The OS keyring is missing, locked, refused the request, or did not answer in time."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
        """One of ``missing``, ``locked``, ``refused``, ``timeout``."""


def call_keyring(operation: Callable[[], T], timeout: float | None = None) -> T:
    """Run one keyring operation in a helper thread and wait at most ``timeout`` seconds.

    A keyring that hangs (an unlock prompt on a screen nobody looks at, a stuck D-Bus service)
    leaves a daemon thread behind; it cannot stop the program from exiting.
    """
    from keyring import errors

    limit = DEFAULT_TIMEOUT if timeout is None else timeout
    outcome: dict[str, object] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = operation()
        except BaseException as exc:  # handed to the waiting thread below
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=run, name="careplan-keyring", daemon=True).start()
    if not finished.wait(limit):
        raise KeyringUnavailable(
            f"{_UNAVAILABLE}: it did not answer within {limit:g} seconds. It may be waiting to be "
            "unlocked. Unlock it (or sign in to the computer again) and try once more.",
            reason="timeout",
        )
    error = outcome.get("error")
    assert error is None or isinstance(error, BaseException)
    if error is None:
        return outcome["value"]  # type: ignore[return-value]
    if isinstance(error, errors.KeyringLocked):
        raise KeyringUnavailable(
            f"{_UNAVAILABLE}: it is locked. Unlock it (or sign in to the computer again) and try once more.",
            reason="locked",
        ) from None
    if isinstance(error, errors.NoKeyringError | errors.InitError):
        raise KeyringUnavailable(
            f"{_UNAVAILABLE}: this computer has no keyring Careplan can use. Sign in to a desktop "
            "session with a keyring (or ask whoever looks after the computer to set one up).",
            reason="missing",
        ) from None
    if isinstance(error, Exception):  # keyring's own, OSError, and a backend's own (some D-Bus errors)
        raise KeyringUnavailable(
            f"{_UNAVAILABLE}: it refused the request. Check that it is unlocked and try once more.",
            reason="refused",
        ) from None
    raise error


def get_secret(service: str, name: str, *, timeout: float | None = None) -> str | None:
    """The secret stored under ``service``/``name``, or None when the keyring has nothing there."""
    import keyring

    return call_keyring(lambda: keyring.get_password(service, name), timeout)


def set_secret(service: str, name: str, secret: str, *, timeout: float | None = None) -> None:
    """Store ``secret`` under ``service``/``name``, then read it back: a keyring that silently drops
    what it is given (the "null" backend) is refused rather than trusted."""
    import keyring

    def store() -> str | None:
        keyring.set_password(service, name, secret)
        return keyring.get_password(service, name)

    if call_keyring(store, timeout) != secret:
        raise KeyringUnavailable(
            f"{_UNAVAILABLE}: it accepted the secret but did not keep it. Check the keyring "
            "settings on this computer and try once more.",
            reason="refused",
        )


def delete_secret(service: str, name: str, *, timeout: float | None = None) -> bool:
    """Forget the secret under ``service``/``name``. True if it was there; False if there was nothing."""
    import keyring
    from keyring.errors import PasswordDeleteError

    def forget() -> bool:
        try:
            keyring.delete_password(service, name)
        except PasswordDeleteError:
            return False
        return True

    return call_keyring(forget, timeout)
