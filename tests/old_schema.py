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

_PROPOSAL_COLUMNS_0009 = (
    "id, person_id, plan_id, what, who_might_provide, category, unit, estimated_cost_pence, why_id, "
    "status, created_by_id, created_at, decided_by_id, decided_at, decision_note, approved_unit_price_pence"
)
_PROPOSALS_0009 = """CREATE TABLE proposals_0009 (
    id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    plan_id INTEGER,
    what VARCHAR(200) NOT NULL,
    who_might_provide VARCHAR(200),
    category VARCHAR(60) NOT NULL,
    unit VARCHAR(10) NOT NULL,
    estimated_cost_pence INTEGER NOT NULL,
    why_id INTEGER NOT NULL,
    status VARCHAR(10) NOT NULL,
    created_by_id INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    decided_by_id INTEGER,
    decided_at DATETIME,
    decision_note TEXT,
    approved_unit_price_pence INTEGER,
    CONSTRAINT pk_proposals PRIMARY KEY (id),
    CONSTRAINT ck_proposals_status CHECK (status IN ('pending', 'approved', 'declined')),
    CONSTRAINT ck_proposals_estimate CHECK (estimated_cost_pence >= 0),
    CONSTRAINT fk_proposals_created_by_id_staff FOREIGN KEY(created_by_id) REFERENCES staff (id),
    CONSTRAINT fk_proposals_decided_by_id_staff FOREIGN KEY(decided_by_id) REFERENCES staff (id),
    CONSTRAINT fk_proposals_person_id_people FOREIGN KEY(person_id) REFERENCES people (id),
    CONSTRAINT fk_proposals_plan_id_plans FOREIGN KEY(plan_id) REFERENCES plans (id),
    CONSTRAINT fk_proposals_why_id_texts FOREIGN KEY(why_id) REFERENCES texts (id)
)"""

_REVIEWS_0007 = """CREATE TABLE reviews_0007 (
    id INTEGER NOT NULL,
    plan_id INTEGER NOT NULL,
    version_id INTEGER NOT NULL,
    kind VARCHAR(10) NOT NULL,
    due_date DATE NOT NULL,
    completed_on DATE,
    completed_by_id INTEGER,
    person_notes_id INTEGER,
    worker_notes_id INTEGER,
    CONSTRAINT pk_reviews PRIMARY KEY (id),
    CONSTRAINT fk_reviews_plan_id_plans FOREIGN KEY(plan_id) REFERENCES plans (id),
    CONSTRAINT fk_reviews_completed_by_id_staff FOREIGN KEY(completed_by_id) REFERENCES staff (id),
    CONSTRAINT fk_reviews_version_id_plan_versions FOREIGN KEY(version_id) REFERENCES plan_versions (id),
    CONSTRAINT ck_reviews_kind CHECK (kind IN ('early', 'regular', 'full')),
    CONSTRAINT fk_reviews_person_notes_id_texts FOREIGN KEY(person_notes_id) REFERENCES texts (id),
    CONSTRAINT fk_reviews_worker_notes_id_texts FOREIGN KEY(worker_notes_id) REFERENCES texts (id)
)"""
_NOTE_0007 = (
    "(SELECT MIN(n.text_id) FROM review_notes n JOIN texts t ON t.id = n.text_id "
    "WHERE n.review_id = reviews.id AND n.topic = 'anything_else' AND t.author_kind = '{voice}')"
)

UNDO: dict[str, tuple[str, ...]] = {
    # 0013: the desk's covering index on plan versions.
    "0013": ("DROP INDEX ix_plan_versions_in_force",),
    # 0012: spending, and how a plan's budget is held.
    "0012": (
        "DROP INDEX ix_spending_allocation_id",
        "DROP INDEX ix_spending_plan_id",
        "DROP TABLE spending",
        "DROP TABLE plan_budgets",
    ),
    # 0011: requests decided (as migration 0011's downgrade: a request waiting for an answer goes
    # back to waiting for a manager; the question, answer, disagreement and catalogue link go).
    "0011": (
        "UPDATE proposals SET status = 'pending' WHERE status = 'asked'",
        _PROPOSALS_0009,
        f"INSERT INTO proposals_0009 SELECT {_PROPOSAL_COLUMNS_0009} FROM proposals",
        "DROP TABLE proposals",
        "ALTER TABLE proposals_0009 RENAME TO proposals",
    ),
    # 0009: reviews held in both voices (as migration 0009's downgrade: the person's life-area
    # scores back to ratings, the first "anything else" note in each voice back to the columns).
    "0009": (
        "CREATE TEMP TABLE ratings_0007 AS SELECT s.review_id AS review_id, la.id AS life_area_id, "
        "s.value AS rating FROM review_scores s JOIN life_areas la ON la.code = s.item "
        "WHERE s.measure = 'life_areas' AND s.voice = 'person' AND s.value BETWEEN 1 AND 10",
        _REVIEWS_0007,
        "INSERT INTO reviews_0007 SELECT id, plan_id, version_id, kind, due_date, completed_on, "
        f"completed_by_id, {_NOTE_0007.format(voice='person')}, "
        f"{_NOTE_0007.format(voice='staff')} FROM reviews",
        "DROP TABLE review_confirmations",
        "DROP TABLE review_goals",
        "DROP TABLE review_scores",
        "DROP INDEX ix_review_notes_review_id",
        "DROP TABLE review_notes",
        "DROP TABLE reviews",
        "ALTER TABLE reviews_0007 RENAME TO reviews",
        "CREATE INDEX ix_reviews_plan_id ON reviews (plan_id)",
        "CREATE INDEX ix_reviews_due_date ON reviews (due_date)",
        "CREATE INDEX ix_reviews_plan_id_completed_on_due_date ON reviews (plan_id, completed_on, due_date)",
        "CREATE TABLE review_ratings (review_id INTEGER NOT NULL, life_area_id INTEGER NOT NULL, "
        "rating INTEGER NOT NULL, CONSTRAINT pk_review_ratings PRIMARY KEY (review_id, life_area_id), "
        "CONSTRAINT ck_review_ratings_rating CHECK (rating BETWEEN 1 AND 10), "
        "CONSTRAINT fk_review_ratings_life_area_id_life_areas FOREIGN KEY(life_area_id) "
        "REFERENCES life_areas (id), "
        "CONSTRAINT fk_review_ratings_review_id_reviews FOREIGN KEY(review_id) REFERENCES reviews (id) "
        "ON DELETE CASCADE)",
        "INSERT INTO review_ratings SELECT review_id, life_area_id, rating FROM ratings_0007",
        "DROP TABLE ratings_0007",
    ),
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
