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

import keyring
from keyring import errors
from keyring.backends import chainer, fail, null
from keyring.errors import PasswordDeleteError

from careplan.domain.errors import CareplanError

DEFAULT_TIMEOUT = 5.0
"""Seconds to wait for the keyring before giving up on it."""

T = TypeVar("T")

NO_KEYRING = "there is no keyring on this computer"
"""Why, when keyring has no backend at all (its ``fail`` backend: the normal state on a fresh or
headless machine). Callers that can ask for a passphrase instead say so in a sentence of their own."""


class KeyringUnavailable(CareplanError):
    """The OS keyring is missing, locked, refused the request, or did not answer in time.

    ``message`` is one plain sentence; ``why`` says the same as a clause (no capital, no full stop)
    for messages that give it as the reason for something else.
    """

    def __init__(self, message: str, *, reason: str, why: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        """One of ``missing``, ``locked``, ``refused``, ``timeout``."""
        self.why = why if why is not None else _clause(message)


def _clause(sentence: str) -> str:
    """``It is locked.`` -> ``it is locked``: a sentence to go after "because" or a colon."""
    text = sentence.strip().rstrip(".")
    return text[:1].lower() + text[1:]


def _unavailable(why: str, *, reason: str) -> KeyringUnavailable:
    return KeyringUnavailable(f"{why[:1].upper()}{why[1:]}.", reason=reason, why=why)


def has_keyring(timeout: float | None = None) -> bool:
    """False when this computer has no keyring at all (keyring's ``fail`` backend, or the ``null``
    one that keeps nothing): then nothing can be kept in it, so there is no point offering to.

    True otherwise, even for a keyring that is locked or slow (that is said when it is used). Asks
    keyring which backend it chose; no secret is read or written.
    """
    nothing = (fail.Keyring, null.Keyring)
    try:
        chosen = call_keyring(keyring.get_keyring, timeout)
    except KeyringUnavailable as exc:
        return exc.reason != "missing"
    if isinstance(chosen, chainer.ChainerBackend):
        return any(not isinstance(backend, nothing) for backend in chosen.backends)
    return not isinstance(chosen, nothing)


def call_keyring(operation: Callable[[], T], timeout: float | None = None) -> T:
    """Run one keyring operation in a helper thread and wait at most ``timeout`` seconds.

    A keyring that hangs (an unlock prompt on a screen nobody looks at, a stuck D-Bus service)
    leaves a daemon thread behind; it cannot stop the program from exiting.
    """
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
        raise _unavailable(
            f"this computer's keyring did not answer within {limit:g} seconds (it may be waiting "
            "to be unlocked)",
            reason="timeout",
        )
    error = outcome.get("error")
    assert error is None or isinstance(error, BaseException)
    if error is None:
        return outcome["value"]  # type: ignore[return-value]
    if isinstance(error, errors.KeyringLocked):
        raise _unavailable(
            "this computer's keyring is locked (unlock it, or sign in to the computer again, and "
            "try once more)",
            reason="locked",
        ) from None
    if isinstance(error, errors.NoKeyringError | errors.InitError):
        raise _unavailable(NO_KEYRING, reason="missing") from None
    if isinstance(error, Exception):  # keyring's own, OSError, and a backend's own (some D-Bus errors)
        raise _unavailable(
            "this computer's keyring refused the request (check that it is unlocked and try once more)",
            reason="refused",
        ) from None
    raise error


def get_secret(service: str, name: str, *, timeout: float | None = None) -> str | None:
    """The secret stored under ``service``/``name``, or None when the keyring has nothing there."""
    return call_keyring(lambda: keyring.get_password(service, name), timeout)


def set_secret(service: str, name: str, secret: str, *, timeout: float | None = None) -> None:
    """Store ``secret`` under ``service``/``name``, then read it back: a keyring that silently drops
    what it is given (the "null" backend) is refused rather than trusted."""

    def store() -> str | None:
        keyring.set_password(service, name, secret)
        return keyring.get_password(service, name)

    if call_keyring(store, timeout) != secret:
        raise _unavailable(
            "this computer's keyring accepted the secret but did not keep it (check its settings "
            "and try once more)",
            reason="refused",
        )


def delete_secret(service: str, name: str, *, timeout: float | None = None) -> bool:
    """Forget the secret under ``service``/``name``. True if it was there; False if there was nothing."""

    def forget() -> bool:
        try:
            keyring.delete_password(service, name)
        except PasswordDeleteError:
            return False
        return True

    return call_keyring(forget, timeout)
