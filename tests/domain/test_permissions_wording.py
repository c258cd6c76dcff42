"""The refusal a person reads is a sentence: the right article, and an action that reads as one."""

from __future__ import annotations

import pytest

from careplan.domain.enums import Role
from careplan.domain.errors import PermissionDenied
from careplan.domain.permissions import Action, require


def test_an_administrator_not_a_administrator() -> None:
    with pytest.raises(PermissionDenied) as refused:
        require(Role.ADMINISTRATOR, Action.EDIT_PLAN)
    assert refused.value.message.startswith("An administrator cannot edit plan.")


def test_backing_up_reads_as_a_sentence() -> None:
    with pytest.raises(PermissionDenied) as refused:
        require(Role.KEY_WORKER, Action.RESTORE_DATABASE)
    assert refused.value.message.startswith("A key worker cannot restore the database from a backup.")
    assert Action.BACKUP_DATABASE.label == "back up the database"


def test_each_role_with_its_article() -> None:
    assert [role.with_article for role in Role] == [
        "a key worker",
        "a peer mentor",
        "a manager",
        "an administrator",
    ]
