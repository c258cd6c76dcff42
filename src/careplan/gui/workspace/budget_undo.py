"""Undo and redo for the budget: services chosen, changed or taken out, and the agreed amount.

A budget change is kept as the plan's budget before and after it. Undoing puts the budget back
the way it was before, redoing the way it was after, through the use cases, matching services by
their ``key`` (a service taken out comes back with the same key, and with its "I don't agree"
notes, under the same rule for whose words they are as on the plan page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from careplan.domain.actor import Voice
from careplan.domain.errors import PermissionDenied
from careplan.domain.money import from_pence
from careplan.services import budget, plans
from careplan.services.budget import AllocationInput
from careplan.services.signed_in import SignedInStaff
from careplan.services.workspace import AllocationView, DisagreementView, VersionView, load_version


@dataclass(frozen=True)
class BudgetState:
    """The parts of a version's budget that a change on the budget page can alter."""

    agreed_pence: int | None
    allocations: tuple[AllocationView, ...]
    goal_keys: dict[int, str]  # goal id (in this reading) -> goal key
    # "I don't agree" notes beside services: taking a service out takes its notes with it.
    notes: tuple[DisagreementView, ...] = ()

    @classmethod
    def of(cls, version: VersionView) -> BudgetState:
        return cls(
            version.agreed_pence,
            tuple(version.allocations),
            {goal.id: goal.key for goal in version.goals},
            tuple(note for note in version.disagreements if note.allocation_id is not None),
        )

    def notes_on(self, allocation: AllocationView) -> list[DisagreementView]:
        return [note for note in self.notes if note.allocation_id == allocation.id]

    def same_as(self, other: BudgetState) -> bool:
        def shape(state: BudgetState) -> tuple[object, ...]:
            return (
                state.agreed_pence,
                sorted(
                    (a.key, a.quantity, tuple(sorted(state.goal_keys.get(g, "") for g in a.goal_ids)))
                    for a in state.allocations
                ),
            )

        return shape(self) == shape(other)


def put_back(context: SignedInStaff, version_id: int, wanted: BudgetState) -> None:
    """Make the version's budget match ``wanted``: release, add back and change services."""
    db, actor = context.db, context.actor

    def now() -> VersionView:
        return load_version(db, actor, version_id)

    current = now()
    wanted_by_key = {a.key: a for a in wanted.allocations}
    coming_back = [a for a in wanted.allocations if a.key not in {c.key for c in current.allocations}]
    notes_back = [note for allocation in coming_back for note in wanted.notes_on(allocation)]
    if notes_back and not plans.may_put_back_words(db, actor, version_id, [n.note.id for n in notes_back]):
        raise PermissionDenied(plans.WORDS_OF_SOMEONE_ELSE)  # before anything changes
    for allocation in current.allocations:
        if allocation.key not in wanted_by_key:
            budget.release_allocation(db, actor, allocation.id, expected_revision=now().plan_revision)
    if wanted.agreed_pence is not None and wanted.agreed_pence != current.agreed_pence:
        budget.set_agreed_budget(
            db, actor, version_id, from_pence(wanted.agreed_pence), expected_revision=now().plan_revision
        )
    current = now()
    goal_ids = {goal.key: goal.id for goal in current.goals}
    have = {a.key: a for a in current.allocations}
    for key, allocation in wanted_by_key.items():
        goals = tuple(
            goal_ids[wanted.goal_keys[g]] for g in allocation.goal_ids if wanted.goal_keys.get(g) in goal_ids
        )
        if key not in have:
            new_id = budget.allocate(
                db,
                actor,
                version_id,
                AllocationInput(
                    quantity=allocation.quantity,
                    goal_ids=goals,
                    service_id=allocation.service_id,
                    proposal_id=allocation.proposal_id,
                    override_reason=allocation.override_reason,
                    key=key,
                ),
                expected_revision=now().plan_revision,
            )
            for note in wanted.notes_on(allocation):
                plans.record_disagreement(
                    db,
                    actor,
                    version_id,
                    note.note.body,
                    Voice(note.note.author.kind),
                    allocation_id=new_id,
                    expected_revision=now().plan_revision,
                    text_id=note.note.id,
                )
        elif have[key].quantity != allocation.quantity or set(have[key].goal_ids) != set(goals):
            budget.change_allocation(
                db,
                actor,
                have[key].id,
                allocation.quantity,
                goals,
                override_reason=allocation.override_reason,
                expected_revision=now().plan_revision,
            )


def describe_change(before: BudgetState, after: BudgetState) -> str:
    """How Edit > Undo names the change ("Undo take a service out")."""
    keys_before = {a.key for a in before.allocations}
    keys_after = {a.key for a in after.allocations}
    if keys_after - keys_before:
        return "add a service"
    if keys_before - keys_after:
        return "take a service out"
    if before.agreed_pence != after.agreed_pence:
        return "change the agreed amount"
    return "change a service"


class BudgetChange(QUndoCommand):
    """One saved budget change; undo and redo save again (``run`` reports whether that worked)."""

    def __init__(
        self,
        text: str,
        before: BudgetState,
        after: BudgetState,
        run: Callable[[Callable[[], object]], bool],
        put: Callable[[BudgetState], object],
    ) -> None:
        super().__init__(text)
        self._before = before
        self._after = after
        self._run = run
        self._put = put
        self._first = True

    def redo(self) -> None:
        if self._first:  # it was saved when it was made
            self._first = False
            return
        if not self._run(lambda: self._put(self._after)):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._run(lambda: self._put(self._before)):
            self.setObsolete(True)
