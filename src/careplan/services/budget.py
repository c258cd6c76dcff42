"""The personal budget: the indicative amount, the agreed amount, and allocating it to services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

from careplan.domain.actor import Actor
from careplan.domain.budget import Questionnaire, load_questionnaire, refuse_never_allowed
from careplan.domain.enums import ProposalStatus
from careplan.domain.errors import InvalidInput, InvalidTransition, OverBudget, PermissionDenied
from careplan.domain.money import (
    check_money,
    check_quantity,
    line_total_pence,
    to_pence,
)
from careplan.domain.permissions import Action
from careplan.domain.records import Allocation, Goal, PlanVersion, Proposal, Service, Setting
from careplan.domain.text import check_text
from careplan.domain.wording.dates import long_date
from careplan.domain.wording.money import format_money
from careplan.services.plan_access import draft_version, free_key
from careplan.services.unit_of_work import Work, read_only, unit_of_work
from careplan.storage.database import Database

QUESTIONNAIRE_SETTING = "budget.questionnaire"


def default_questionnaire() -> Questionnaire:
    source = resources.files("careplan").joinpath("resources/reference/ras-questionnaire.json")
    return load_questionnaire(source.read_text(encoding="utf-8"))


def _questionnaire(work: Work) -> Questionnaire:
    setting = work.session.get(Setting, QUESTIONNAIRE_SETTING)
    if setting is None:
        return default_questionnaire()
    return Questionnaire.from_dict(setting.value)


def current_questionnaire(db: Database, actor: Actor) -> Questionnaire:
    with read_only(db, actor, Action.ASSESS_BUDGET) as work:
        return _questionnaire(work)


def set_questionnaire(db: Database, actor: Actor, source: Path | str) -> None:
    """Replace the resource allocation questionnaire with one from a JSON file or text."""
    text = Path(source).read_text(encoding="utf-8") if isinstance(source, Path) else source
    questionnaire = load_questionnaire(text)
    with unit_of_work(db, actor, Action.CONFIGURE) as work:
        setting = work.session.get(Setting, QUESTIONNAIRE_SETTING)
        if setting is None:
            work.session.add(Setting(key=QUESTIONNAIRE_SETTING, value=questionnaire.to_dict()))
        else:
            setting.value = questionnaire.to_dict()
        work.audit("configure", "setting", None, (QUESTIONNAIRE_SETTING,))


def assess_budget(
    db: Database,
    actor: Actor,
    version_id: int,
    answers: dict[str, str],
    *,
    expected_revision: int | None = None,
) -> int:
    """Work out the indicative budget from the questionnaire; keeps the working. Returns pence."""
    with unit_of_work(db, actor, Action.ASSESS_BUDGET) as work:
        version = draft_version(work, version_id, expected_revision)
        assessment = _questionnaire(work).assess(answers)
        version.indicative_pence = assessment.amount_pence
        version.indicative_working = assessment.working()
        work.audit("assess", "budget", version, ("indicative", "working"))
        return assessment.amount_pence


def set_agreed_budget(
    db: Database, actor: Actor, version_id: int, amount: Decimal, *, expected_revision: int | None = None
) -> None:
    """The amount agreed for this plan. Above the indicative amount, only a manager can agree it."""
    pence = to_pence(check_money(amount, field="agreed_budget"))
    with unit_of_work(db, actor, Action.SET_AGREED_BUDGET) as work:
        version = draft_version(work, version_id, expected_revision)
        if version.indicative_pence is None and not work.may(Action.SET_BUDGET_ABOVE_INDICATIVE):
            raise InvalidTransition("Work out the indicative budget with the questionnaire first.")
        if (
            version.indicative_pence is not None
            and pence > version.indicative_pence
            and not work.may(Action.SET_BUDGET_ABOVE_INDICATIVE)
        ):
            raise PermissionDenied(
                f"Only a manager can agree more than the indicative {format_money(version.indicative_pence)}."
            )
        allocated = sum(a.total_pence for a in version.allocations)
        if pence < allocated:
            raise OverBudget(
                f"{format_money(allocated)} is already allocated to services, which is more than "
                f"{format_money(pence)}. Release some services first.",
                over_by_pence=allocated - pence,
            )
        version.agreed_budget_pence = pence
        work.audit("update", "budget", version, ("agreed_budget",))


@dataclass(frozen=True)
class AllocationInput:
    quantity: Decimal
    goal_ids: tuple[int, ...]
    service_id: int | None = None
    proposal_id: int | None = None
    period_start: date | None = None
    period_end: date | None = None
    override_reason: str | None = None
    key: str | None = None  # only to put back an allocation that was released (undo)


OVERRIDE_REASON = "the reason for going over the budget"


def budget_limit(version: PlanVersion) -> int:
    if version.agreed_budget_pence is not None:
        return version.agreed_budget_pence
    if version.indicative_pence is not None:
        return version.indicative_pence
    raise InvalidTransition(
        "There is no budget yet. Work out the indicative budget, or set the agreed amount, first."
    )


def _check_budget(
    work: Work,
    version: PlanVersion,
    new_total: int,
    override_reason: str | None,
    without: Allocation | None = None,
) -> str | None:
    limit = budget_limit(version)
    allocated = sum(a.total_pence for a in version.allocations if a is not without)
    given = check_text(override_reason or "", OVERRIDE_REASON, "override_reason", lines=True)
    reason = given.strip() or None
    if allocated + new_total <= limit:
        return None  # within budget: no override needed, none recorded
    over = allocated + new_total - limit
    if reason is None:
        raise OverBudget(
            f"This would go {format_money(over)} over the budget of {format_money(limit)}: "
            f"{format_money(limit - allocated)} is left. Try fewer, or ask a manager.",
            over_by_pence=over,
        )
    if not work.may(Action.OVERRIDE_BUDGET):
        raise PermissionDenied("Only a manager can agree to go over the budget.")
    return reason


def _goals(version: PlanVersion, goal_ids: tuple[int, ...]) -> list[Goal]:
    if not goal_ids:
        raise InvalidInput("Say which goal this helps with.", "goals")
    goals = {goal.id: goal for goal in version.goals}
    missing = [g for g in goal_ids if g not in goals]
    if missing:
        raise InvalidInput("That goal is not part of this version of the plan.", "goals")
    return [goals[g] for g in dict.fromkeys(goal_ids)]


def allocate(
    db: Database,
    actor: Actor,
    version_id: int,
    item: AllocationInput,
    *,
    expected_revision: int | None = None,
) -> int:
    """Set money aside for a catalogue service or an approved proposal."""
    if (item.service_id is None) == (item.proposal_id is None):
        raise InvalidInput("Choose one service from the catalogue, or one approved proposal.")
    quantity = check_quantity(item.quantity)
    with unit_of_work(db, actor, Action.ALLOCATE_BUDGET) as work:
        version = draft_version(work, version_id, expected_revision)
        goals = _goals(version, item.goal_ids)
        if item.service_id is not None:
            service = work.get(Service, item.service_id, "service")
            today = work.now.date()
            if service.available_to is not None and service.available_to < today:
                raise InvalidInput(f"{service.name} is no longer offered.", "service")
            if service.available_from is not None and service.available_from > today:
                raise InvalidInput(
                    f"{service.name} starts on {long_date(service.available_from)}; choose it from then.",
                    "service",
                )
            refuse_never_allowed(service.category)
            description, category, unit, price = (
                service.name,
                service.category,
                service.unit,
                service.unit_price_pence,
            )
        else:
            assert item.proposal_id is not None
            proposal = work.get(Proposal, item.proposal_id, "proposal")
            if proposal.person_id != version.plan.person_id:
                raise InvalidInput("That proposal was made for somebody else.", "proposal")
            if proposal.status != ProposalStatus.APPROVED or proposal.approved_unit_price_pence is None:
                raise InvalidTransition("A proposal can only be paid for once a manager has approved it.")
            refuse_never_allowed(proposal.category)
            description, category, unit, price = (
                proposal.what,
                proposal.category,
                # Added to the catalogue: the manager may have priced it by another unit.
                proposal.service.unit if proposal.service else proposal.unit,
                proposal.approved_unit_price_pence,
            )
        total = line_total_pence(quantity, price)
        reason = _check_budget(work, version, total, item.override_reason)
        if item.period_start and item.period_end and item.period_end < item.period_start:
            raise InvalidInput("The period must end after it starts.", "period_end")
        row = Allocation(
            key=free_key(item.key, [a.key for a in version.allocations]),
            service_id=item.service_id,
            proposal_id=item.proposal_id,
            description=description,
            category=category,
            unit=unit,
            quantity=quantity,
            unit_price_pence=price,
            total_pence=total,
            period_start=item.period_start or version.period_start,
            period_end=item.period_end or version.period_end,
            override_reason=reason,
            override_by_id=work.staff.id if reason else None,
            goals=goals,
        )
        version.allocations.append(row)
        work.session.flush()
        fields = ["quantity", "unit_price", "goals"] + (["override_reason"] if reason else [])
        work.audit("allocate", "allocation", row, tuple(fields))
        return row.id


def change_allocation(
    db: Database,
    actor: Actor,
    allocation_id: int,
    quantity: Decimal,
    goal_ids: tuple[int, ...],
    *,
    override_reason: str | None = None,
    expected_revision: int | None = None,
) -> None:
    """Change how much of a service is bought, or which goals it serves. The unit price stays as copied."""
    checked = check_quantity(quantity)
    with unit_of_work(db, actor, Action.ALLOCATE_BUDGET) as work:
        row = work.get(Allocation, allocation_id, "allocation")
        version = draft_version(work, row.version_id, expected_revision)
        goals = _goals(version, goal_ids)
        total = line_total_pence(checked, row.unit_price_pence)
        reason = _check_budget(work, version, total, override_reason, without=row)
        row.quantity, row.total_pence, row.goals = checked, total, goals
        if reason:
            row.override_reason, row.override_by_id = reason, work.staff.id
        work.audit("update", "allocation", row, ("quantity", "goals"))


def release_allocation(
    db: Database, actor: Actor, allocation_id: int, *, expected_revision: int | None = None
) -> None:
    """Give the money back to the budget."""
    with unit_of_work(db, actor, Action.ALLOCATE_BUDGET) as work:
        row = work.get(Allocation, allocation_id, "allocation")
        version = draft_version(work, row.version_id, expected_revision)
        for note in list(version.disagreements):
            if note.allocation_id == row.id:
                version.disagreements.remove(note)
        version.allocations.remove(row)
        work.audit("release", "allocation", allocation_id)
