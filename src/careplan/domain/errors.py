"""Typed failures. Every message is plain English that a person can act on."""

from __future__ import annotations


class CareplanError(Exception):
    """Base of every failure a use case reports on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInput(CareplanError):
    """Something typed in cannot be used as it is. ``field`` names the input at fault."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(CareplanError):
    pass


class PermissionDenied(CareplanError):
    pass


class OutsideCaseload(PermissionDenied):
    """A key worker or peer mentor asked for the record of somebody who is not on their caseload,
    and is not covering for them. Covering for a colleague (a reason, for a while) would open it:
    ``person_id`` says whose record it is."""

    def __init__(self, message: str, *, person_id: int) -> None:
        super().__init__(message)
        self.person_id = person_id


class FrozenVersion(CareplanError):
    """The plan version was agreed or approved and cannot be changed; revise it instead."""


class InvalidTransition(CareplanError):
    """The plan is not in a state where this can happen (for example approving an unsigned plan)."""


class OverBudget(CareplanError):
    def __init__(self, message: str, *, over_by_pence: int) -> None:
        super().__init__(message)
        self.over_by_pence = over_by_pence


class NeverAllowed(CareplanError):
    """A category that a personal budget can never pay for."""


class ConflictError(CareplanError):
    """Someone else changed the same plan since it was read. Nothing was overwritten."""


class SignInRefused(CareplanError):
    """Signing in (or confirming who you are) did not work. ``retry_after_seconds``: how long to
    wait before the next try is even checked (None: try again now, or never without help)."""

    def __init__(self, message: str, *, retry_after_seconds: int | None = None) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class StorageError(CareplanError):
    """The database cannot be opened or used (missing, locked, corrupt, read-only, full)."""


class AuditTrailBroken(CareplanError):
    """The audit trail cannot be trusted or written (``careplan audit verify`` exits with 7)."""


class NotForPostgres(StorageError):
    """Backups of a PostgreSQL server are pg_dump's job, not Careplan's."""


class UnusableBackup(StorageError):
    """The file given to restore is not a Careplan backup this version can use."""
