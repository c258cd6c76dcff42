"""Careplan's log: what whoever looks after Careplan needs to know, and never anyone's details.

Every module logs through a logger of its own (``log = logging.getLogger(__name__)``). This
module sets up the one place it goes, for the ``careplan`` command and the app alike
(:func:`set_up`, called by :func:`careplan.cli.main.console`): a rotating file, ``logs/careplan.log``
in the data folder (:mod:`careplan.data_folder`), readable by its owner only (the folder 0700, the
files 0600), made when the first line is written; and, for a command at a terminal, warnings and
worse on standard error too.

What is logged: events (a database opened, created, converted; a migration; a backup; an
agreement signed; a failure), record kinds, counts, revisions, exception types and where in the
code they were raised. Never names, free text, references, passwords or file contents, and never
an exception's own message: it may quote what someone typed, so a traceback is written without it
(:class:`PrivateFormatter`). Log a record's kind, not its words.

Levels: INFO for events, and for failures the person is told about anyway (a command's refusal, a
background job that did not work); WARNING and worse only for what nobody is told otherwise (a
command prints those on standard error too, without a traceback).

:func:`install_excepthook`: an exception nobody expected is logged with its traceback, and the
person sees one plain sentence (the command prints it; the app shows it in a message box).
"""

from __future__ import annotations

import io
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from careplan.data_folder import data_dir

LOG_FOLDER = "logs"
LOG_FILE = "careplan.log"
MAX_BYTES = 1024 * 1024
KEPT_FILES = 5
UNEXPECTED = (
    "Something went wrong that Careplan did not expect, so it stopped what it was doing. What was "
    "saved before is safe. The details (no personal information) are in the log: {path}"
)
"""The one sentence a person sees for an unexpected failure ({path}: the log file)."""

_HANDLER_NAME = "careplan-log"
log = logging.getLogger(__name__)


def log_file() -> Path:
    """Where the log is written: ``logs/careplan.log`` in the data folder."""
    return data_dir() / LOG_FOLDER / LOG_FILE


def private_traceback(
    kind: type[BaseException], value: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback as Python writes it, but without the exception's message (nor its causes'):
    the types and the frames say where it happened, never what anyone typed."""
    chain: list[tuple[type[BaseException], TracebackType | None, str]] = []  # the newest first
    seen: set[int] = set()
    current, current_tb = value, tb
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if current.__cause__ is not None:
            older: BaseException | None = current.__cause__
            link = "The exception above was the direct cause of the one below:\n"
        elif current.__context__ is not None and not current.__suppress_context__:
            older = current.__context__
            link = "While the exception above was being handled, the one below happened:\n"
        else:
            older, link = None, ""
        chain.append((type(current), current_tb, link))
        current = older
        current_tb = older.__traceback__ if older is not None else None
    if not chain:
        chain.append((kind, tb, ""))
    parts: list[str] = []
    for index in range(len(chain) - 1, -1, -1):  # the oldest first, as Python writes them
        kind_, tb_, _ = chain[index]
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_tb(tb_))
        parts.append(f"{kind_.__module__}.{kind_.__qualname__} (its message is not logged)\n")
        if index > 0:
            parts.append(chain[index - 1][2])  # how the newer one came out of this one
    return "".join(parts).rstrip("\n")


class PrivateFormatter(logging.Formatter):
    """Lines with the time, level and module; tracebacks without exception messages."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        # Never the traceback another handler may have cached on the record (with its message).
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's own name
        kind, value, tb = ei
        return private_traceback(kind, value, tb)


class _ForPerson(logging.Formatter):
    """Standard error: the line alone, like the command's own messages (never a traceback)."""

    def format(self, record: logging.LogRecord) -> str:
        return f"careplan: {record.getMessage()}"


class PrivateFileHandler(RotatingFileHandler):
    """A rotating log file its owner alone can read, in a folder only they can open; made when
    the first line is written (``careplan --help`` writes nothing)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=KEPT_FILES, encoding="utf-8", delay=True)

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if folder.name == LOG_FOLDER:
            os.chmod(folder, 0o700)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def set_up(*, on_stderr: bool) -> Path:
    """Send Careplan's log lines (INFO and worse; the libraries' WARNING and worse) to the log file,
    and with ``on_stderr`` warnings and worse to standard error too. Set up again, it replaces
    what it set up before. Returns the log file."""
    path = log_file()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    to_file = PrivateFileHandler(path)
    to_file.set_name(_HANDLER_NAME)
    to_file.setFormatter(PrivateFormatter())
    root.addHandler(to_file)
    if on_stderr:
        to_person = logging.StreamHandler(sys.stderr)
        to_person.set_name(_HANDLER_NAME)
        to_person.setLevel(logging.WARNING)
        to_person.setFormatter(_ForPerson())
        to_person.addFilter(lambda record: record.exc_info is None)  # tracebacks go to the file only
        root.addHandler(to_person)
    root.setLevel(logging.WARNING)
    logging.getLogger("careplan").setLevel(logging.INFO)
    return path


_say: list[Callable[[str], None]] = []  # how the hook tells the person (the newest told)


def install_excepthook(say: Callable[[str], None]) -> None:
    """From now on an unexpected exception is logged with its (private) traceback and ``say`` is
    given one plain sentence for the person. Ctrl+C is left to Python. Exceptions in other
    threads are logged."""
    previous = sys.excepthook
    _say[:] = [say]

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, tb)
            return
        log.critical("unexpected failure: %s", kind.__qualname__, exc_info=(kind, value, tb))
        try:
            _say[-1](UNEXPECTED.format(path=log_file()))
        except Exception:  # the sentence could not be shown: it is in the log already
            log.exception("the unexpected failure could not be shown")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        name = args.thread.name if args.thread is not None else "a thread"
        log.error(
            "unexpected failure in %s: %s",
            name,
            args.exc_type.__qualname__,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )

    sys.excepthook = hook
    threading.excepthook = thread_hook


def tell_unexpected_with(say: Callable[[str], None]) -> None:
    """Once :func:`install_excepthook` has run, tell unexpected failures with ``say`` instead (the
    app: a message box). Without it (a test calling the command in its own process) nothing."""
    if _say:
        _say[:] = [say]
