"""Making a current database (or backup) look like one written by an older Careplan.

Each migration's undoing, newest first, for tests that restore or open "an old backup". A new
migration adds its undoing here, and every such test keeps working.
"""

from __future__ import annotations

SIGN_IN_COLUMNS = (
    "password_hash",
    "password_changed_at",
    "must_change_password",
    "failed_sign_ins",
    "locked_until",
    "locked",
)

UNDO: dict[str, tuple[str, ...]] = {
    # 0008: staying-safe plans and their contacts.
    "0008": (
        "DROP INDEX ix_safety_contacts_version_id",
        "DROP TABLE safety_contacts",
        "DROP TABLE staying_safe",
    ),
    # 0007: caseloads (peer mentors assigned to people) and covering for a colleague.
    "0007": (
        "DROP INDEX ix_record_covers_staff_id_person_id_ends_at",
        "DROP INDEX ix_record_covers_person_id",
        "DROP TABLE record_covers",
        "DROP INDEX ix_peer_mentor_assignments_staff_id",
        "DROP TABLE peer_mentor_assignments",
    ),
    # 0006: the person on audit events; counts of wrong tries at unknown names. (Rewrite the
    # trail as it was hashed before 0006 first: tests/services/test_audit_person.py.)
    "0006": (
        "DROP INDEX ix_audit_events_person_id",
        "ALTER TABLE audit_events DROP COLUMN person_id",
        "DROP INDEX ix_sign_in_failures_last_failed_at",
        "DROP TABLE sign_in_failures",
    ),
    # 0005: search as you type by words; covering indexes for the people list.
    "0005": (
        "DROP TABLE person_words",
        "DROP TABLE person_name_keys",
        "DROP INDEX ix_plan_versions_plan_id_number_status",
        "DROP INDEX ix_reviews_plan_id_completed_on_due_date",
    ),
    # 0004: the audit trail indexed by the record each event names.
    "0004": ("DROP INDEX ix_audit_events_entity_entity_id",),
    # 0003: sign-in.
    "0003": tuple(f"ALTER TABLE staff DROP COLUMN {column}" for column in SIGN_IN_COLUMNS),
    # 0002: plan versions indexed by fingerprint.
    "0002": ("DROP INDEX ix_plan_versions_frozen_sha256",),
}


def back_to(revision: str) -> list[str]:
    """The statements that turn a database at the newest revision into one at ``revision``."""
    if revision != "0001" and revision not in UNDO:
        raise ValueError(f"no revision {revision}")
    statements: list[str] = []
    for undone, undoing in UNDO.items():  # newest first
        if undone <= revision:
            break
        statements += undoing
    statements.append(f"UPDATE alembic_version SET version_num = '{revision}'")
    return statements
