"""the care-plan record

Revision ID: 0001
Revises:
Create Date: 2026-11-26

The whole record as first built: people, staff, authored texts, plans and their versions, goals,
steps, the catalogue, proposals, budgets and allocations, reviews, signatures, consent, and the
hash-chained audit trail. Seeds the audit chain's head and the ten default life areas.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Copied here (not imported) so this migration keeps doing what it did when the defaults change.
DEFAULT_LIFE_AREAS = (
    ("drugs", "Drug use"),
    ("alcohol", "Alcohol use"),
    ("physical_health", "Physical health"),
    ("mental_health", "Mental and emotional health"),
    ("housing", "Where I live"),
    ("money", "Money"),
    ("time", "How I spend my time (work, training, volunteering)"),
    ("family", "Family and relationships"),
    ("community", "Friends and community"),
    ("legal", "Legal matters"),
)


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.create_table(
        "life_areas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_areas")),
        sa.UniqueConstraint("code", name=op.f("uq_life_areas_code")),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
        sa.UniqueConstraint("name", name=op.f("uq_providers_name")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('key_worker', 'peer_mentor', 'manager', 'administrator')",
            name=op.f("ck_staff_role"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_audit_events_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("preferred_name", sa.String(length=120), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("pronouns", sa.String(length=40), nullable=True),
        sa.Column("contact_how", sa.String(length=40), nullable=True),
        sa.Column("contact_details", sa.String(length=200), nullable=True),
        sa.Column("key_worker_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["key_worker_id"], ["staff.id"], name=op.f("fk_people_key_worker_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("reference", name=op.f("uq_people_reference")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_full_name"), ["full_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_key_worker_id"), ["key_worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_people_preferred_name"), ["preferred_name"], unique=False)

    op.create_table(
        "services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("unit_price_pence", sa.Integer(), nullable=False),
        sa.Column("peer_led", sa.Boolean(), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column("available_to", sa.Date(), nullable=True),
        sa.CheckConstraint("unit_price_pence >= 0", name=op.f("ck_services_price")),
        sa.ForeignKeyConstraint(
            ["provider_id"], ["providers.id"], name=op.f("fk_services_provider_id_providers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("provider_id", "name", name=op.f("uq_services_provider_id_name")),
    )
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_services_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_services_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "consents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("with_whom", sa.String(length=200), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_consents_person_id_people")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_consents_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consents")),
    )
    with op.batch_alter_table("consents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consents_person_id"), ["person_id"], unique=False)

    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("key_worker_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["key_worker_id"], ["staff.id"], name=op.f("fk_plans_key_worker_id_staff")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_plans_person_id_people")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("key", name=op.f("uq_plans_key")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_key_worker_id"), ["key_worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plans_person_id"), ["person_id"], unique=False)

    op.create_table(
        "substance_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("substance", sa.String(length=80), nullable=False),
        sa.Column("how", sa.String(length=80), nullable=True),
        sa.Column("how_often", sa.String(length=80), nullable=True),
        sa.Column("amount", sa.String(length=80), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_substance_use_person_id_people")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_substance_use_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_substance_use")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("substance_use", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_substance_use_person_id"), ["person_id"], unique=False)

    op.create_table(
        "texts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_kind", sa.String(length=10), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("author_role", sa.String(length=20), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(author_kind = 'person' AND person_id IS NOT NULL AND staff_id IS NULL) OR (author_kind = 'staff' AND staff_id IS NOT NULL AND author_role IS NOT NULL)",
            name=op.f("ck_texts_author"),
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_texts_person_id_people")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name=op.f("fk_texts_recorded_by_id_staff")),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_texts_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_texts")),
    )
    with op.batch_alter_table("texts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_texts_person_id"), ["person_id"], unique=False)

    op.create_table(
        "about_me",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=40), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_about_me_person_id_people")),
        sa.ForeignKeyConstraint(["text_id"], ["texts.id"], name=op.f("fk_about_me_text_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_about_me")),
        sa.UniqueConstraint("person_id", "topic", name=op.f("uq_about_me_person_id_topic")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "plan_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("based_on_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("indicative_pence", sa.Integer(), nullable=True),
        sa.Column("indicative_working", sa.JSON(), nullable=True),
        sa.Column("agreed_budget_pence", sa.Integer(), nullable=True),
        sa.Column("frozen_sha256", sa.String(length=64), nullable=True),
        sa.Column("frozen_canonical", sa.JSON(), nullable=True),
        sa.Column("agreed_at", sa.DateTime(), nullable=True),
        sa.Column("approved_at", sa.DateTime(), nullable=True),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("activated_at", sa.DateTime(), nullable=True),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "status IN ('draft', 'agreed', 'approved', 'active', 'superseded', 'closed')",
            name=op.f("ck_plan_versions_status"),
        ),
        sa.CheckConstraint(
            "agreed_budget_pence IS NULL OR agreed_budget_pence >= 0",
            name=op.f("ck_plan_versions_agreed"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"], ["staff.id"], name=op.f("fk_plan_versions_approved_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["based_on_id"],
            ["plan_versions.id"],
            name=op.f("fk_plan_versions_based_on_id_plan_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_plan_versions_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_plan_versions_plan_id_plans")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_versions")),
        sa.UniqueConstraint("plan_id", "number", name=op.f("uq_plan_versions_plan_id_number")),
    )
    with op.batch_alter_table("plan_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_versions_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_versions_status"), ["status"], unique=False)

    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("what", sa.String(length=200), nullable=False),
        sa.Column("who_might_provide", sa.String(length=200), nullable=True),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("estimated_cost_pence", sa.Integer(), nullable=False),
        sa.Column("why_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("approved_unit_price_pence", sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'approved', 'declined')", name=op.f("ck_proposals_status")),
        sa.CheckConstraint("estimated_cost_pence >= 0", name=op.f("ck_proposals_estimate")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_proposals_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["staff.id"], name=op.f("fk_proposals_decided_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_proposals_person_id_people")),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_proposals_plan_id_plans")),
        sa.ForeignKeyConstraint(["why_id"], ["texts.id"], name=op.f("fk_proposals_why_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
    )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposals_person_id"), ["person_id"], unique=False)

    op.create_table(
        "allocations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=True),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("unit", sa.String(length=10), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("unit_price_pence", sa.Integer(), nullable=False),
        sa.Column("total_pence", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("override_reason", sa.Text(), nullable=True),
        sa.Column("override_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(service_id IS NULL) <> (proposal_id IS NULL)", name=op.f("ck_allocations_source")
        ),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_allocations_quantity")),
        sa.CheckConstraint("unit_price_pence >= 0 AND total_pence >= 0", name=op.f("ck_allocations_money")),
        sa.ForeignKeyConstraint(
            ["override_by_id"], ["staff.id"], name=op.f("fk_allocations_override_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposals.id"], name=op.f("fk_allocations_proposal_id_proposals")
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_allocations_service_id_services")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_allocations_version_id_plan_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_allocations")),
        sa.UniqueConstraint("version_id", "key", name=op.f("uq_allocations_version_id_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("allocations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_allocations_service_id"), ["service_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_allocations_version_id"), ["version_id"], unique=False)

    op.create_table(
        "goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("wording_id", sa.Integer(), nullable=False),
        sa.Column("why_id", sa.Integer(), nullable=True),
        sa.Column("life_area_id", sa.Integer(), nullable=False),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(
            ["life_area_id"], ["life_areas.id"], name=op.f("fk_goals_life_area_id_life_areas")
        ),
        sa.ForeignKeyConstraint(
            ["version_id"], ["plan_versions.id"], name=op.f("fk_goals_version_id_plan_versions")
        ),
        sa.ForeignKeyConstraint(["why_id"], ["texts.id"], name=op.f("fk_goals_why_id_texts")),
        sa.ForeignKeyConstraint(["wording_id"], ["texts.id"], name=op.f("fk_goals_wording_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goals")),
        sa.UniqueConstraint("version_id", "key", name=op.f("uq_goals_version_id_key")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("goals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goals_version_id"), ["version_id"], unique=False)

    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("completed_by_id", sa.Integer(), nullable=True),
        sa.Column("person_notes_id", sa.Integer(), nullable=True),
        sa.Column("worker_notes_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('early', 'regular', 'full')", name=op.f("ck_reviews_kind")),
        sa.ForeignKeyConstraint(
            ["completed_by_id"], ["staff.id"], name=op.f("fk_reviews_completed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["person_notes_id"], ["texts.id"], name=op.f("fk_reviews_person_notes_id_texts")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plans.id"], name=op.f("fk_reviews_plan_id_plans")),
        sa.ForeignKeyConstraint(
            ["version_id"], ["plan_versions.id"], name=op.f("fk_reviews_version_id_plan_versions")
        ),
        sa.ForeignKeyConstraint(
            ["worker_notes_id"], ["texts.id"], name=op.f("fk_reviews_worker_notes_id_texts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviews_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviews_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "signatures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("signer_kind", sa.String(length=12), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=True),
        sa.Column("plan_sha256", sa.String(length=64), nullable=False),
        sa.CheckConstraint("method IN ('drawn', 'typed')", name=op.f("ck_signatures_method")),
        sa.CheckConstraint("signer_kind IN ('person', 'key_worker')", name=op.f("ck_signatures_signer")),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_signatures_person_id_people")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_signatures_recorded_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_signatures_staff_id_staff")),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_signatures_version_id_plan_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatures")),
    )
    with op.batch_alter_table("signatures", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatures_version_id"), ["version_id"], unique=False)

    op.create_table(
        "allocation_goals",
        sa.Column("allocation_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["allocation_id"],
            ["allocations.id"],
            name=op.f("fk_allocation_goals_allocation_id_allocations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_allocation_goals_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("allocation_id", "goal_id", name=op.f("pk_allocation_goals")),
    )
    op.create_table(
        "review_ratings",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("life_area_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 10", name=op.f("ck_review_ratings_rating")),
        sa.ForeignKeyConstraint(
            ["life_area_id"],
            ["life_areas.id"],
            name=op.f("fk_review_ratings_life_area_id_life_areas"),
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_ratings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "life_area_id", name=op.f("pk_review_ratings")),
    )
    op.create_table(
        "steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what_id", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(length=14), nullable=False),
        sa.Column("owner_detail", sa.String(length=120), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goals.id"], name=op.f("fk_steps_goal_id_goals")),
        sa.ForeignKeyConstraint(["what_id"], ["texts.id"], name=op.f("fk_steps_what_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_steps")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("steps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_steps_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "disagreements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=32), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("step_id", sa.Integer(), nullable=True),
        sa.Column("allocation_id", sa.Integer(), nullable=True),
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN goal_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN step_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN allocation_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name=op.f("ck_disagreements_one_item"),
        ),
        sa.ForeignKeyConstraint(
            ["allocation_id"],
            ["allocations.id"],
            name=op.f("fk_disagreements_allocation_id_allocations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goals.id"],
            name=op.f("fk_disagreements_goal_id_goals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["step_id"],
            ["steps.id"],
            name=op.f("fk_disagreements_step_id_steps"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["text_id"], ["texts.id"], name=op.f("fk_disagreements_text_id_texts")),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["plan_versions.id"],
            name=op.f("fk_disagreements_version_id_plan_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disagreements")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("disagreements", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disagreements_version_id"), ["version_id"], unique=False)

    op.bulk_insert(
        sa.table(
            "audit_head",
            sa.column("id", sa.Integer),
            sa.column("last_seq", sa.Integer),
            sa.column("last_hash", sa.String),
        ),
        [{"id": 1, "last_seq": 0, "last_hash": "0" * 64}],
    )
    life_areas = sa.table(
        "life_areas",
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("position", sa.Integer),
        sa.column("active", sa.Boolean),
    )
    op.bulk_insert(
        life_areas,
        [
            {"code": code, "name": name, "position": i, "active": True}
            for i, (code, name) in enumerate(DEFAULT_LIFE_AREAS)
        ],
    )


def downgrade() -> None:
    for table in (
        "audit_events",
        "review_ratings",
        "reviews",
        "signatures",
        "disagreements",
        "allocation_goals",
        "allocations",
        "proposals",
        "steps",
        "goals",
        "plan_versions",
        "plans",
        "consents",
        "substance_use",
        "about_me",
        "texts",
        "services",
        "people",
        "staff",
        "settings",
        "providers",
        "life_areas",
        "audit_head",
    ):
        op.drop_table(table)
