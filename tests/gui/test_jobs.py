"""The one job runner (gui/jobs.py): progress, then exactly one outcome, said in plain words."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from careplan.domain.errors import InvalidInput
from careplan.gui.jobs import Failure, Job, Report

WAIT_MS = 10_000  # only a guard against a hang: each job ends at once


def outcomes(job: Job) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    job.progress.connect(lambda text: seen.append(("progress", text)))
    job.succeeded.connect(lambda result: seen.append(("succeeded", result)))
    job.failed.connect(lambda failure: seen.append(("failed", failure)))
    job.cancelled.connect(lambda: seen.append(("cancelled", None)))
    return seen


def test_a_job_reports_progress_then_its_result(qtbot: QtBot) -> None:
    def work(report: Report) -> int:
        report("Counting…")
        return 42

    job = Job(work, "Counting")
    seen = outcomes(job)
    with qtbot.waitSignal(job.done, timeout=WAIT_MS):
        job.start()
    assert seen == [("progress", "Counting…"), ("succeeded", 42)]
    assert not job.running


def test_a_refusal_is_said_in_its_own_words_and_anything_else_plainly(qtbot: QtBot) -> None:
    def refused(_report: Report) -> None:
        raise InvalidInput("Please choose a file.", "file")

    def broken(_report: Report) -> None:
        raise KeyError("a secret detail")

    for work, expected in ((refused, "Please choose a file."), (broken, "Reading did not work because")):
        job = Job(work, "Reading")
        seen = outcomes(job)
        with qtbot.waitSignal(job.done, timeout=WAIT_MS):
            job.start()
        ((kind, failure),) = seen
        assert kind == "failed"
        assert isinstance(failure, Failure)
        assert failure.message.startswith(expected)
        assert "secret" not in failure.message


def test_a_cancelled_job_stops_at_its_next_report(qtbot: QtBot) -> None:
    asked = threading.Event()
    went_on: list[str] = []

    def work(report: Report) -> str:
        asked.wait(WAIT_MS / 1000)
        report("Next step…")  # raises: the job was asked to stop
        went_on.append("yes")
        return "made"

    job = Job(work, "Making it")
    seen = outcomes(job)
    with qtbot.waitSignal(job.done, timeout=WAIT_MS):
        job.start()
        job.cancel()
        asked.set()
    assert job.cancel_asked
    assert seen == [("cancelled", None)]
    assert went_on == []


def test_work_that_finished_before_the_cancel_was_seen_still_says_so(qtbot: QtBot) -> None:
    def work(_report: Report) -> str:
        return "made"

    job = Job(work, "Making it")
    seen = outcomes(job)
    job.cancel()  # asked before it starts: the work never reports, so it runs to its end
    with qtbot.waitSignal(job.done, timeout=WAIT_MS):
        job.start()
    assert seen == [("succeeded", "made")]
