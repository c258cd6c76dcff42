"""The one job runner: slow work (rendering, signing, verifying, backing up, loading a
spreadsheet, making a key) runs off the GUI thread.

A :class:`Job` runs one function on Qt's global thread pool and reports through signals, which
Qt delivers on the GUI thread: ``progress(text)`` while it works, then exactly one of
``succeeded(result)``, ``failed(Failure)`` (in plain words) or ``cancelled()``. The window stays
responsive meanwhile. The function gets a ``report(text)`` callable for progress; it must not
touch widgets. :meth:`Job.cancel` asks the work to stop: its next ``report`` raises
:class:`Cancelled`, and the job ends with ``cancelled``. Work that finishes without reporting
again has still finished, and says so with ``succeeded``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, SignalInstance

from careplan.domain.errors import CareplanError

log = logging.getLogger(__name__)

Report = Callable[[str], None]


class Cancelled(Exception):
    """Raised inside the work by ``report`` once the job was asked to stop."""


@dataclass(frozen=True)
class Failure:
    """What went wrong, in words for the person at the screen, and the error behind it."""

    message: str
    error: BaseException


class Job(QObject):
    """One piece of background work. It belongs to the application, not to the window or dialog
    that started it, so closing that window mid-way never deletes the job under its thread. The
    worker emits ``succeeded`` or ``failed``, then ``done``; signals arrive in that order, so when
    ``done`` arrives every outcome slot has run, and the job is deleted when the next one is made.
    Owners keep their job while it runs and drop it in their outcome slot."""

    progress = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)  # a Failure
    cancelled = Signal()
    done = Signal()

    _finished: ClassVar[list[Job]] = []

    def __init__(self, work: Callable[[Report], Any], what: str) -> None:
        super().__init__(QCoreApplication.instance())
        for old in Job._finished:
            old.deleteLater()
        Job._finished.clear()
        self._work = work
        self._what = what
        self.running = False
        self._cancel_asked = False
        self.done.connect(self._retire)

    def cancel(self) -> None:
        """Ask the work to stop at its next report (it cannot be stopped between two)."""
        self._cancel_asked = True

    @property
    def cancel_asked(self) -> bool:
        return self._cancel_asked

    def _report(self, text: str) -> None:
        if self._cancel_asked:
            raise Cancelled
        self.progress.emit(text)

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Runnable(self))

    def _retire(self) -> None:
        Job._finished.append(self)

    def run_here(self) -> None:
        """The work itself (on the pool's thread). Every outcome becomes a signal."""
        outcome: SignalInstance
        value: object
        try:
            result = self._work(self._report)
        except Cancelled:
            self.running = False
            self.cancelled.emit()
            self.done.emit()
            return
        except CareplanError as exc:
            log.info("%s did not work: %s", self._what, type(exc).__name__)
            outcome, value = self.failed, Failure(exc.message, exc)
        except OSError as exc:
            log.info("%s did not work: %s (errno %s)", self._what, type(exc).__name__, exc.errno)
            outcome, value = self.failed, Failure(f"{self._what} did not work: {exc.strerror or exc}.", exc)
        except Exception as exc:  # never lost silently: said, and logged (without personal data)
            log.exception("%s failed", self._what)
            outcome, value = (
                self.failed,
                Failure(
                    f"{self._what} did not work because of an unexpected problem ({type(exc).__name__}). "
                    "Nothing was changed. Try once more; if it happens again, tell whoever looks after "
                    "Careplan.",
                    exc,
                ),
            )
        else:
            outcome, value = self.succeeded, result
        self.running = False
        outcome.emit(value)
        self.done.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self._job = job  # keeps the job (and its signals) alive while the work runs

    def run(self) -> None:
        self._job.run_here()
