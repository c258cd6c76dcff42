"""What changed between two versions of a plan, said in plain words that quote the person.

Goals, steps and services keep the same ``key`` from one version to the next, so they are
matched by key. An "I don't agree" note keeps the same text record when it is carried over, so
notes are matched by their text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select

from careplan.domain.actor import Actor
from careplan.domain.errors import InvalidInput, NotFound
from careplan.domain.permissions import Action
from careplan.domain.records import PlanVersion
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.domain.wording.statuses import goal_status_words, plan_status_words
from careplan.domain.wording.units import number_words, quantity_words
from careplan.domain.wording.voices import step_owner_words
from careplan.services.changes import Change as Change  # read from here by the pages and tests
from careplan.services.changes import ChangeArea
from careplan.services.changes import quote as quote
from careplan.services.staying_safe_history import staying_safe_changes
from careplan.services.unit_of_work import read_only
from careplan.services.workspace import (
    AllocationView,
    Author,
    DisagreementView,
    GoalView,
    StepView,
    TextView,
    VersionSummary,
    VersionView,
    load_version,
)
from careplan.storage.database import Database


def owner_words(step: StepView) -> str:
    if step.owner in ("service", "someone_else") and step.owner_detail:
        return step.owner_detail
    return step_owner_words(step.owner)


def _date_or_none(day: date | None) -> str:
    return long_date(day) if day is not None else "no date"


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "no dates"
    return f"{_date_or_none(start)} to {_date_or_none(end)}"


def _money_or_none(pence: int | None) -> str | None:
    return format_money(pence) if pence is not None else None


def _same_author(a: Author, b: Author) -> bool:
    return (a.kind, a.name) == (b.kind, b.name)


def _started(version: VersionView) -> datetime | None:
    for summary in version.versions:
        if summary.id == version.id:
            return summary.created_at
    return None


def describe_summary(summary: VersionSummary) -> str:
    """Version 2 – being written, started 3 March 2027."""
    status = plan_status_words(summary.status)
    return f"Version {summary.number} – {status}, started {long_date(summary.created_at)}"


def describe_version(version: VersionView) -> str:
    """One line: the number, the status in plain words, when it was started (and signed)."""
    line = f"Version {version.number} – {plan_status_words(version.status)}"
    started = _started(version)
    if started is not None:
        line += f", started {long_date(started)}"
    signed = [s.signed_at for s in version.signatures if s.current]
    if signed and version.status != "draft":
        line += f", signed {long_date(max(signed))}"
    return line


# --- comparing ------------------------------------------------------------------------------


def compare_versions(
    db: Database, actor: Actor, older_version_id: int, newer_version_id: int
) -> list[Change]:
    """Every difference from one version of a plan to another, goals first, in plain words."""
    wanted = {older_version_id, newer_version_id}
    with read_only(db, actor, Action.VIEW_PEOPLE) as work:
        for version_id in wanted:
            work.require_version_record(version_id)
        rows = work.session.execute(
            select(PlanVersion.id, PlanVersion.plan_id).where(PlanVersion.id.in_(wanted))
        ).all()
        plan_of = {version_id: plan_id for version_id, plan_id in rows}
    if set(plan_of) != wanted:
        raise NotFound("That plan version could not be found.")
    if plan_of[older_version_id] != plan_of[newer_version_id]:
        raise InvalidInput("Those two versions belong to different plans, so they cannot be compared.")
    if older_version_id == newer_version_id:
        return []
    older = load_version(db, actor, older_version_id)
    newer = load_version(db, actor, newer_version_id)
    return changes_between(older, newer)


def changes_between(older: VersionView, newer: VersionView) -> list[Change]:
    """The differences between two loaded versions: goals (each with its steps), services, money,
    dates, "I don't agree" notes, then the staying-safe plan."""
    changes: list[Change] = []
    changes += _goal_changes(older.goals, newer.goals)
    changes += _service_changes(older, newer)
    changes += _budget_changes(older, newer)
    changes += _period_changes(older, newer)
    changes += _note_changes(older, newer)
    changes += staying_safe_changes(older.staying_safe, newer.staying_safe)
    return changes


Keyed = TypeVar("Keyed", GoalView, StepView, AllocationView)


def _by_key(items: Iterable[Keyed]) -> dict[str, Keyed]:
    return {item.key: item for item in items}


def _goal_changes(older: Sequence[GoalView], newer: Sequence[GoalView]) -> list[Change]:
    before = _by_key(older)
    changes: list[Change] = []
    for goal in newer:
        old = before.get(goal.key)
        words = goal.wording.body
        if old is None:
            changes.append(Change("added", "goal", f"New goal: {quote(words)}", None, words))
            for step in goal.steps:
                changes.append(_new_step(goal, step))
            continue
        changes += _changed_goal(old, goal)
        changes += _step_changes(old, goal)
    now = {goal.key for goal in newer}
    for old in older:
        if old.key not in now:
            words = old.wording.body
            changes.append(Change("removed", "goal", f"Goal no longer in the plan: {quote(words)}", words))
    return changes


def _authorship(what: str, old: TextView, new: TextView) -> list[Change]:
    if _same_author(old.author, new.author):
        return []
    return [
        Change(
            "changed",
            "step" if what.startswith("Step") else "goal",
            f"{what} {quote(new.body)}: now written by {new.author.name} instead of {old.author.name}",
            old.author.name,
            new.author.name,
        )
    ]


def _changed_goal(old: GoalView, goal: GoalView) -> list[Change]:
    changes: list[Change] = []
    words = goal.wording.body
    if old.wording.body != goal.wording.body:
        changes.append(
            Change(
                "changed",
                "goal",
                f"Goal reworded: {quote(old.wording.body)} became {quote(words)}",
                old.wording.body,
                words,
            )
        )
    changes += _authorship("Goal", old.wording, goal.wording)
    changes += _why_changes(old, goal)
    if old.life_area != goal.life_area:
        changes.append(
            Change(
                "changed",
                "goal",
                f"Life area for {quote(words)} changed from {old.life_area} to {goal.life_area}",
                old.life_area,
                goal.life_area,
            )
        )
    changes += _date_change(f"Target date for {quote(words)}", "goal", old.target_date, goal.target_date)
    if old.status != goal.status:
        was, now = (
            goal_status_words(old.status),
            goal_status_words(goal.status),
        )
        changes.append(
            Change("changed", "goal", f"Goal {quote(words)} is now {now} (it was {was})", was, now)
        )
    return changes


def _why_changes(old: GoalView, goal: GoalView) -> list[Change]:
    words = goal.wording.body
    if old.why is None and goal.why is None:
        return []
    if old.why is None:
        assert goal.why is not None
        why = goal.why.body
        return [Change("added", "goal", f"Why {quote(words)} matters: {quote(why)}", None, why)]
    if goal.why is None:
        why = old.why.body
        return [Change("removed", "goal", f"Why {quote(words)} matters was taken out: {quote(why)}", why)]
    changes: list[Change] = []
    if old.why.body != goal.why.body:
        changes.append(
            Change(
                "changed",
                "goal",
                f"Why {quote(words)} matters: {quote(old.why.body)} became {quote(goal.why.body)}",
                old.why.body,
                goal.why.body,
            )
        )
    if not _same_author(old.why.author, goal.why.author):
        changes.append(
            Change(
                "changed",
                "goal",
                f"Why {quote(words)} matters: now written by {goal.why.author.name} "
                f"instead of {old.why.author.name}",
                old.why.author.name,
                goal.why.author.name,
            )
        )
    return changes


def _date_change(what: str, area: ChangeArea, old: date | None, new: date | None) -> list[Change]:
    if old == new:
        return []
    if old is None:
        assert new is not None
        return [Change("added", area, f"{what} set: {long_date(new)}", None, long_date(new))]
    if new is None:
        return [Change("removed", area, f"{what} taken out (it was {long_date(old)})", long_date(old))]
    return [
        Change(
            "changed",
            area,
            f"{what} changed from {long_date(old)} to {long_date(new)}",
            long_date(old),
            long_date(new),
        )
    ]


def _new_step(goal: GoalView, step: StepView) -> Change:
    what = step.what.body
    return Change(
        "added",
        "step",
        f"New step for {quote(goal.wording.body)}: {quote(what)} ({owner_words(step)})",
        None,
        what,
    )


def _step_changes(old_goal: GoalView, goal: GoalView) -> list[Change]:
    before = _by_key(old_goal.steps)
    changes: list[Change] = []
    for step in goal.steps:
        old = before.get(step.key)
        if old is None:
            changes.append(_new_step(goal, step))
            continue
        what = step.what.body
        if old.what.body != what:
            changes.append(
                Change(
                    "changed",
                    "step",
                    f"Step reworded: {quote(old.what.body)} became {quote(what)}",
                    old.what.body,
                    what,
                )
            )
        changes += _authorship("Step", old.what, step.what)
        if owner_words(old) != owner_words(step):
            changes.append(
                Change(
                    "changed",
                    "step",
                    f"Step {quote(what)} is now for {owner_words(step)} to do, not {owner_words(old)}",
                    owner_words(old),
                    owner_words(step),
                )
            )
        changes += _date_change(f"Date for step {quote(what)}", "step", old.due_date, step.due_date)
        if old.done != step.done:
            sentence = f"Step done: {quote(what)}" if step.done else f"Step not done after all: {quote(what)}"
            changes.append(Change("changed", "step", sentence, _done(old.done), _done(step.done)))
    now = {step.key for step in goal.steps}
    for old in old_goal.steps:
        if old.key not in now:
            what = old.what.body
            changes.append(
                Change(
                    "removed",
                    "step",
                    f"Step no longer in the plan: {quote(what)} (for {quote(goal.wording.body)})",
                    what,
                )
            )
    return changes


def _done(done: bool) -> str:
    return "done" if done else "not done"


def _service_line(item: AllocationView) -> str:
    amount = quantity_words(item.quantity, item.unit)
    price, total = format_money(item.unit_price_pence), format_money(item.total_pence)
    return f"{item.description}, {amount} at {price} ({total})"


def _goal_words(version: VersionView, goal_ids: Iterable[int]) -> dict[str, str]:
    """Goal key -> the goal's words, for the goals a service is for."""
    by_id = {goal.id: goal for goal in version.goals}
    return {by_id[i].key: by_id[i].wording.body for i in goal_ids if i in by_id}


def _service_changes(older: VersionView, newer: VersionView) -> list[Change]:
    before = _by_key(older.allocations)
    changes: list[Change] = []
    for item in newer.allocations:
        old = before.get(item.key)
        if old is None:
            line = _service_line(item)
            changes.append(Change("added", "service", f"Service added: {line}", None, line))
            continue
        if (old.quantity, old.unit_price_pence, old.unit) != (
            item.quantity,
            item.unit_price_pence,
            item.unit,
        ):
            money = f"({format_money(old.total_pence)} → {format_money(item.total_pence)})"
            if old.unit_price_pence == item.unit_price_pence and old.unit == item.unit:
                sentence = (
                    f"Service changed: {item.description} from {number_words(old.quantity)} to "
                    f"{quantity_words(item.quantity, item.unit)} {money}"
                )
            else:
                was_line = f"{quantity_words(old.quantity, old.unit)} at {format_money(old.unit_price_pence)}"
                now_line = (
                    f"{quantity_words(item.quantity, item.unit)} at {format_money(item.unit_price_pence)}"
                )
                sentence = f"Service changed: {item.description} from {was_line} to {now_line} {money}"
            changes.append(Change("changed", "service", sentence, _service_line(old), _service_line(item)))
        old_goals = _goal_words(older, old.goal_ids)
        new_goals = _goal_words(newer, item.goal_ids)
        if set(old_goals) != set(new_goals):
            now = _goal_list(new_goals.values())
            was = _goal_list(old_goals.values())
            changes.append(
                Change(
                    "changed",
                    "service",
                    f"Service changed: {item.description} is now for {now} (it was for {was})",
                    was,
                    now,
                )
            )
    now_keys = {item.key for item in newer.allocations}
    for old in older.allocations:
        if old.key not in now_keys:
            line = _service_line(old)
            changes.append(Change("removed", "service", f"Service removed: {line}", line))
    return changes


def _goal_list(words: Iterable[str]) -> str:
    quoted = [quote(w) for w in words]
    if not quoted:
        return "no goal"
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _money_change(what: str, old: int | None, new: int | None) -> list[Change]:
    if old == new:
        return []
    was, now = _money_or_none(old), _money_or_none(new)
    if was is None:
        return [Change("added", "budget", f"{what} set: {now}", None, now)]
    if now is None:
        return [Change("removed", "budget", f"{what} taken out (it was {was})", was)]
    return [Change("changed", "budget", f"{what} changed from {was} to {now}", was, now)]


def _budget_changes(older: VersionView, newer: VersionView) -> list[Change]:
    return _money_change("Indicative budget", older.indicative_pence, newer.indicative_pence) + _money_change(
        "Agreed budget", older.agreed_pence, newer.agreed_pence
    )


def _period_changes(older: VersionView, newer: VersionView) -> list[Change]:
    was = _period(older.period_start, older.period_end)
    now = _period(newer.period_start, newer.period_end)
    if was == now:
        return []
    return [Change("changed", "period", f"Plan dates changed from {was} to {now}", was, now)]


def _note_about(version: VersionView, note: DisagreementView) -> str:
    """What a note stands beside, in the version's own words ("" for the plan as a whole)."""
    for goal in version.goals:
        if note.goal_id == goal.id:
            return f" about {quote(goal.wording.body)}"
        for step in goal.steps:
            if note.step_id == step.id:
                return f" about {quote(step.what.body)}"
    for item in version.allocations:
        if note.allocation_id == item.id:
            return f" about {item.description}"
    return ""


def _note_changes(older: VersionView, newer: VersionView) -> list[Change]:
    before = {note.note.id for note in older.disagreements}
    now = {note.note.id for note in newer.disagreements}
    changes: list[Change] = []
    for note in newer.disagreements:
        if note.note.id not in before:
            body = note.note.body
            changes.append(
                Change(
                    "added",
                    "disagreement",
                    f"New “I don't agree” note from {note.note.author.name}{_note_about(newer, note)}: "
                    f"{quote(body)}",
                    None,
                    body,
                )
            )
    for note in older.disagreements:
        if note.note.id not in now:
            body = note.note.body
            changes.append(
                Change(
                    "removed",
                    "disagreement",
                    f"“I don't agree” note taken back: {quote(body)} ({note.note.author.name})",
                    body,
                )
            )
    return changes
