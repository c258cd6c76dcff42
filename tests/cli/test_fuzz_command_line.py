"""The command line as a whole, fuzzed: whatever the arguments and environment, ``careplan``
answers with a documented exit code and never a traceback.

``careplan.cli.main.main(argv)`` runs in this process against a private copy of a small demo
database (three invented people), one copy per case, in a folder of its own that is also the
working folder (so that relative file names land there). Standard input is empty and not a
terminal, so nothing waits for a prompt; standard output is strict UTF-8 as at a terminal, so a
line that could not be printed fails the case. ``careplan`` with no command starts the desktop
app: here a stand-in, as the app is not what is being fuzzed.

Arguments never hold "/" (and the database's folder is never "~"): a fuzzed path stays inside
the case's folder, never anywhere else on this computer. Bytes come from the system as
``os.fsdecode`` gives them (surrogate escapes). ``derandomize=True`` makes every run (and CI) try
the same cases.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careplan import demo
from careplan.cli import main as main_module
from careplan.domain.enums import PlanStatus, Role
from careplan.services import authentication
from careplan.services.demo_facts import DEMO_PASSWORD
from careplan.storage import encryption, open_database
from tests import sqlite_files

# The exit codes careplan.cli.main's docstring documents (1, "unexpected", is not among them here:
# the fuzzing must not find one; 130 is for Ctrl+C).
DOCUMENTED = frozenset(range(2, 16)) | {0}
PYTHON_WORDS = ("Traceback", "Error:", "Exception", "object at 0x", 'File "')

# Looking harder by hand: CAREPLAN_FUZZ_SCALE=10 for ten times the cases, CAREPLAN_FUZZ_RANDOM=1
# for other cases each run (CI keeps the same cases every run).
SCALE = float(os.environ.get("CAREPLAN_FUZZ_SCALE", "1"))
FUZZ = settings(
    deadline=None,
    derandomize=not os.environ.get("CAREPLAN_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# --- what a case is made of ---------------------------------------------------------------------

NAMES = [
    "demo", "plans", "db", "upgrade", "info", "key", "export", "import", "set-password", "audit",
    "verify", "agreement", "certificate", "create", "show", "remember-passphrase", "timestamp-server",
    "staff", "list", "add", "unlock", "deactivate", "role", "password", "backup", "restore",
    "catalogue", "settings", "service-name", "--people", "--seed", "--status", "--format", "--user",
    "--database", "--help", "-h", "--version", "--first", "--keep", "--check", "--role", "--out",
    "--easy-read", "--replace", "--none", "--by-recovery-passphrase", "--organisation", "--version",
    "table", "json", "-", "1", "0", "2", "priya", "admin", "sam", "chris", "--",
    "caseload", "assign", "end", "key-worker", "--peer-mentor", "--covering", "--cover-hours",
    "spending", "spend", "reverse", "--service", "--amount", "--date", "--supplier", "--reference",
    "--for", "--receipt", "--manager-agrees", "--reason", "12.50", "£12.50", "2026-12-01",
    "desk", "--ending-within", "receipt", "budget", "held", "--way", "--from", "--to", "service",
    "third-party", "direct-payment",
    "measures", "load", "review-schedule", "--first-weeks", "--every-months", "7", "12",
    "requests", "decide", "--yes", "--no", "--ask", "--reason", "--add-to-catalogue", "--price",
    "--unit", "--provider", "week", "session",
    *[r.value for r in Role], *[s.value for s in PlanStatus],
]  # fmt: skip


def _no_slash(text: str) -> str:
    return text.replace("/", "_")


# Text a person could type (any character, lone surrogates included, as an in-process caller may
# give them), and bytes as the system would hand them over.
TYPED = st.text(st.characters(blacklist_categories=()), max_size=24).map(_no_slash)
FROM_BYTES = st.binary(max_size=24).map(os.fsdecode).map(_no_slash)
# Known words twice as often as the rest, so that more cases get past the parser.
WORD = st.one_of(
    st.sampled_from(NAMES), st.sampled_from(NAMES), TYPED, FROM_BYTES, st.integers(-3, 10**12).map(str)
)
# The environment holds bytes: no NUL, and only the surrogates bytes become.
ENV_TEXT = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"), max_size=24)
ENV_BYTES = st.binary(max_size=24).filter(lambda b: b"\x00" not in b).map(os.fsdecode)
# Mostly unset or ordinary, so that a case is not always stopped by its one variable of bytes.
ENV_VALUE = st.one_of(
    st.none(), st.none(), st.sampled_from(["priya", "admin", DEMO_PASSWORD, ""]), ENV_TEXT, ENV_BYTES
)
SETTABLE = (
    "CAREPLAN_USER",
    "CAREPLAN_PASSWORD",
    "CAREPLAN_NEW_PASSWORD",
    "CAREPLAN_RECOVERY_PASSPHRASE",
    "CAREPLAN_CERT_PASSPHRASE",
    "CAREPLAN_DATABASE_PASSWORD",
)
VALUE = st.one_of(st.sampled_from(["priya", "admin", "1", "-", "a.csv", "b.pdf"]), TYPED, FROM_BYTES)

# Commands as people type them, "{}" standing for a fuzzed value.
TEMPLATES: list[list[str]] = [
    ["plans"],
    ["plans", "--format", "json", "--status", "{}"],
    ["audit", "verify"],
    ["db", "info"],
    ["db", "upgrade"],
    ["db", "key", "export", "{}"],
    ["db", "key", "import", "{}"],
    ["staff", "list"],
    ["staff", "add", "{}", "{}", "--role", "key_worker"],
    ["staff", "role", "{}", "manager"],
    ["staff", "unlock", "{}"],
    ["staff", "set-password", "{}"],
    ["password"],
    ["--user", "{}", "password", "--first"],
    ["--user", "{}", "plans"],
    ["settings", "service-name"],
    ["settings", "service-name", "{}"],
    ["catalogue", "import", "{}", "--check"],
    ["catalogue", "export", "{}"],
    ["verify", "{}"],
    ["backup", "{}"],
    ["restore", "{}"],
    ["demo", "--people", "1", "--seed", "{}"],
    ["certificate", "show"],
    ["certificate", "timestamp-server", "{}"],
    ["agreement", "{}", "--out", "{}"],
    ["agreement", "{}", "--out", "{}", "--covering", "{}"],
    ["caseload", "show", "{}"],
    ["caseload", "show", "{}", "--covering", "{}", "--cover-hours", "{}"],
    ["caseload", "assign", "{}", "--peer-mentor", "{}"],
    ["caseload", "end", "{}", "--peer-mentor", "{}"],
    ["caseload", "key-worker", "{}", "{}"],
    ["--user", "sam", "caseload", "show", "{}", "--covering", "{}"],
    ["spending", "{}"],
    ["spending", "{}", "--format", "json"],
    ["spend", "add", "{}", "--service", "{}", "--amount", "{}", "--date", "{}", "--supplier", "{}"],
    [
        "spend",
        "add",
        "1",
        "--service",
        "1",
        "--amount",
        "{}",
        "--date",
        "{}",
        "--supplier",
        "{}",
        "--receipt",
        "{}",
    ],
    [
        "spend",
        "add",
        "1",
        "--service",
        "{}",
        "--amount",
        "1",
        "--date",
        "{}",
        "--supplier",
        "S",
        "--manager-agrees",
        "{}",
    ],
    ["spend", "reverse", "{}", "--reason", "{}"],
    ["spend", "receipt", "{}", "--out", "{}"],
    ["--user", "priya", "budget", "held", "{}", "--way", "{}"],
    ["--user", "priya", "budget", "held", "1", "--way", "service", "--from", "{}", "--to", "{}"],
    ["desk", "--format", "{}"],
    ["desk", "--ending-within", "{}"],
    ["--user", "{}", "desk", "--format", "json"],
    ["settings", "review-schedule"],
    ["settings", "review-schedule", "--first-weeks", "{}", "--every-months", "{}"],
    ["settings", "review-schedule", "--every-months", "{}"],
    ["measures", "--format", "{}"],
    ["measures", "load", "{}"],
    ["--user", "priya", "measures", "load", "{}"],
    ["requests", "--format", "json"],
    ["requests", "decide", "{}", "--yes", "--price", "{}"],
    ["requests", "decide", "{}", "--no", "--reason", "{}"],
    ["requests", "decide", "{}", "--ask", "--reason", "{}"],
    ["requests", "decide", "1", "--yes", "--add-to-catalogue", "--price", "{}", "--provider", "{}"],
    ["--user", "{}", "requests", "decide", "1", "--no", "--reason", "{}"],
]


def filled(template: Sequence[str], values: Sequence[str]) -> list[str]:
    given = iter(values)
    return [next(given, "x") if part == "{}" else part for part in template]


# --- running a case -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A demo database of three people, and argon2 at tiny settings for as long as it is used (so
    that signing in costs little: the demo's hashes are made with the settings in force)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(authentication, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        path = tmp_path_factory.mktemp("fuzz") / "demo.db"
        db = open_database(path)
        try:
            demo.generate(db, people=3, seed=5)
        finally:
            db.dispose()
        yield path


@contextlib.contextmanager
def environment(values: Mapping[str, str | None]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_case(small_demo: Path, argv: Sequence[str], env: Mapping[str, str | None] | None = None) -> Outcome:
    """``careplan --database COPY ARGV`` in a folder of its own, with ``env`` set (None: unset)."""
    with tempfile.TemporaryDirectory(prefix="careplan-fuzz-") as folder:
        here = Path(folder)
        copy = here / "careplan.db"
        sqlite_files.copy(small_demo, copy)
        out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", write_through=True)
        err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)
        base: dict[str, str | None] = {
            "CAREPLAN_DATA_DIR": folder,
            "CAREPLAN_DATABASE": None,
            "CAREPLAN_USER": "priya",
            "CAREPLAN_PASSWORD": DEMO_PASSWORD,
            "CAREPLAN_NEW_PASSWORD": None,
            "CAREPLAN_CERT_PASSPHRASE": None,
            "CAREPLAN_DATABASE_PASSWORD": None,
        }
        base.update(env or {})
        started_in = Path.cwd()
        with (
            environment(base),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
            _stdin(io.StringIO("")),
        ):
            os.chdir(folder)
            try:
                code = main_module.main(["--database", str(copy), *argv])
            except BaseException:  # what the case is about: nothing may escape
                code = -1
                if sys.__stderr__ is not None:
                    sys.__stderr__.write(traceback.format_exc())
                err.write(traceback.format_exc())
            finally:
                os.chdir(started_in)
        return Outcome(code, _text(out), _text(err))


@contextlib.contextmanager
def _stdin(stream: io.StringIO) -> Iterator[None]:
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "backslashreplace")


def assert_answered(outcome: Outcome, argv: Sequence[str]) -> None:
    """A documented exit code, and for a failure, plain words (never a traceback)."""
    shown = f"careplan {argv!r} -> {outcome.code}\n{outcome.err}"
    assert outcome.code in DOCUMENTED, shown
    for word in PYTHON_WORDS:
        assert word not in outcome.err, shown
    if outcome.code != 0:
        assert outcome.err.strip(), shown


@pytest.fixture(autouse=True)
def _no_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    """``careplan`` without a command starts the app: a stand-in here."""
    monkeypatch.setattr(main_module, "start_app", lambda args: 0)


# --- the cases ---------------------------------------------------------------------------------


@settings(FUZZ, max_examples=int(400 * SCALE))
@given(st.lists(WORD, max_size=6))
@example(["demo"])
@example(["plans", "--status", "pending"])
@example(["--user", "\udcff", "plans"])
@example(["settings", "service-name", "Svc\udcff"])
@example(["staff", "add", "bob", "Bad\udcff", "--role", "key_worker"])
@example(["staff", "add", "bob", "Bad\ud800", "--role", "key_worker"])
@example(["--database", "~nobody-here-at-all", "plans"])
@example(["--database", "x" * 300, "plans"])
@example(["verify", "x" * 300])
@example(["catalogue", "import", "~nobody-here-at-all"])
@example(["desk", "--format", "json"])
@example(["--user", "sam", "desk"])
@example(["requests", "decide", "1", "--yes", "--add-to-catalogue"])
@example(["requests", "decide", "99999999999999", "--no", "--reason", "x"])
def test_any_words_on_the_command_line(small_demo: Path, argv: list[str]) -> None:
    assert_answered(run_case(small_demo, argv), argv)


@settings(FUZZ, max_examples=int(320 * SCALE))
@given(st.sampled_from(TEMPLATES), st.lists(VALUE, min_size=2, max_size=2))
@example(["settings", "service-name", "{}"], ["\u200b", ""])
@example(["settings", "service-name", "{}"], ["Svc\x1b[2J", ""])
@example(["settings", "review-schedule", "--first-weeks", "{}", "--every-months", "{}"], ["8", "12"])
@example(["settings", "review-schedule", "--first-weeks", "{}", "--every-months", "{}"], ["\udcff", "-0"])
@example(["--user", "priya", "measures", "load", "{}"], ["b.pdf", ""])
@example(["measures", "load", "{}"], ["x" * 300, ""])
@example(["staff", "add", "{}", "{}", "--role", "key_worker"], ["bob", "\x00"])
@example(["catalogue", "export", "{}"], ["-", ""])
@example(["backup", "{}"], ["x" * 300, ""])
@example(["agreement", "{}", "--out", "{}"], ["1", "x" * 300])
@example(["db", "key", "export", "{}"], ["x" * 300, ""])
@example(["desk", "--ending-within", "{}"], ["-5", ""])
@example(["desk", "--ending-within", "{}"], ["99999999999999999999", ""])
@example(["requests", "decide", "{}", "--yes", "--price", "{}"], ["1", "£1e400"])
def test_any_value_in_a_command(small_demo: Path, template: list[str], values: list[str]) -> None:
    argv = filled(template, values)
    env = {"CAREPLAN_USER": "admin"} if template[0] in ("staff", "settings", "certificate") else {}
    env["CAREPLAN_NEW_PASSWORD"] = "a new password for the fuzz"
    assert_answered(run_case(small_demo, argv, env), argv)


@settings(FUZZ, max_examples=int(280 * SCALE))
@given(
    st.sampled_from(TEMPLATES),
    st.lists(VALUE, min_size=2, max_size=2),
    st.tuples(*[ENV_VALUE] * len(SETTABLE)),
)
@example(["plans"], ["", ""], ("\udcff", DEMO_PASSWORD, None, None, None, None))
@example(["plans"], ["", ""], ("priya", "\udcff", None, None, None, None))
@example(["password"], ["", ""], ("priya", DEMO_PASSWORD, "new \udcff password", None, None, None))
@example(["db", "upgrade"], ["", ""], ("priya", DEMO_PASSWORD, None, "\udcff" * 20, None, None))
def test_any_environment(
    small_demo: Path, template: list[str], values: list[str], env_values: tuple[str | None, ...]
) -> None:
    argv = filled(template, values)
    env = dict(zip(SETTABLE, env_values, strict=True))
    if env["CAREPLAN_RECOVERY_PASSPHRASE"] is None:
        env["CAREPLAN_RECOVERY_PASSPHRASE"] = os.environ[encryption.ENV_RECOVERY_PASSPHRASE]
    assert_answered(run_case(small_demo, argv, env), argv)
