"""reviews held in both voices: notes by topic, scores per voice, goals, outcome, confirmation

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

- ``review_notes``: a note on what is working, what is not, what has changed, or anything else;
  whose words it is, is its text's ``author_kind``.
- ``review_scores``: one score per item of an outcome measure *and per voice* (the person's or
  the worker's), so a worker's score is kept beside the person's, never instead of it.
- ``review_goals``: how each goal of the reviewed version is going (by the goal's key), and a note.
- ``review_confirmations``: the person confirms the review record (drawn or typed name).
- ``reviews`` gains: asked for (``asked_at``, ``asked_words_id``), brought forward
  (``forward_from``, ``forward_reason_id``), how it ended (``outcome``, ``outcome_reason_id``,
  ``ended_at``, ``ended_by_id``, ``new_version_id``), and the index on ``version_id`` that it
  lacked (issue 15 measured it: from 5 s to 11 ms at 40,000 people).

What existing reviews become (the assumptions, said plainly):

- ``review_ratings`` had no voice. Careplan's life-area scale asks the person how things are for
  them, and the only screen that ever wrote ratings (``record_review``) took them as the scores
  given at the review with the person. So each old rating becomes **the person's** score on the
  life-area measure (``measure = 'life_areas'``, the item the life area's code), recorded by whoever
  recorded the review (or, if that is not known, whoever wrote the reviewed version), given at
  midnight of the day the review was held. No worker's score is made up, so no old review shows
  "we don't see this the same way".
- ``reviews.person_notes_id`` and ``worker_notes_id`` were notes on the review as a whole, not on
  a topic. They become notes on "anything else", keeping their texts (and so their authors).
  Then ``review_ratings`` and the two columns are dropped.

Downgrading puts the person's life-area scores back in ``review_ratings`` (values outside 1 to 10
cannot be kept there and are left out) and the first note on "anything else" in each voice back
in the two columns; everything else recorded since (other notes, workers' scores, goals, outcomes,
requests, confirmations) is lost. Downgrade only a copy, for tests.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_NEW_FOREIGN_KEYS = (
    ("asked_words_id", "texts"),
    ("forward_reason_id", "texts"),
    ("outcome_reason_id", "texts"),
    ("ended_by_id", "staff"),
    ("new_version_id", "plan_versions"),
)


def _midnight(column: str) -> str:
    """SQL for midnight of a date column, as each engine stores a timestamp."""
    if op.get_bind().dialect.name == "sqlite":
        return f"({column} || ' 00:00:00.000000')"
    return f"CAST({column} AS TIMESTAMP)"


def upgrade() -> None:
    _create_tables()
    _carry_over_ratings_and_notes()
    op.drop_table("review_ratings")
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_constraint("fk_reviews_person_notes_id_texts", type_="foreignkey")
        batch_op.drop_constraint("fk_reviews_worker_notes_id_texts", type_="foreignkey")
        batch_op.drop_column("person_notes_id")
        batch_op.drop_column("worker_notes_id")
        batch_op.add_column(sa.Column("asked_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("asked_words_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("forward_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("forward_reason_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("outcome_reason_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("ended_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("ended_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("new_version_id", sa.Integer(), nullable=True))
        for column, table in _NEW_FOREIGN_KEYS:
            batch_op.create_foreign_key(f"fk_reviews_{column}_{table}", table, [column], ["id"])
        batch_op.create_check_constraint(
            op.f("ck_reviews_outcome"),
            "outcome IS NULL OR outcome IN ('carry_on', 'change_plan', 'close_plan')",
        )
        batch_op.create_index("ix_reviews_version_id", ["version_id"], unique=False)


def _create_tables() -> None:
    op.create_table(
        "review_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=14), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "topic IN ('working', 'not_working', 'changed', 'anything_else')",
            name=op.f("ck_review_notes_topic"),
        ),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_review_notes_review_id_reviews"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["text_id"], ["texts.id"], name=op.f("fk_review_notes_text_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_notes")),
    )
    op.create_index("ix_review_notes_review_id", "review_notes", ["review_id"], unique=False)
    op.create_table(
        "review_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=40), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("voice", sa.String(length=10), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("given_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("voice IN ('person', 'staff')", name=op.f("ck_review_scores_voice")),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_review_scores_review_id_reviews"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_review_scores_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_scores")),
        sa.UniqueConstraint(
            "review_id",
            "measure",
            "item",
            "voice",
            name=op.f("uq_review_scores_review_id_measure_item_voice"),
        ),
    )
    op.create_table(
        "review_goals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("goal_key", sa.String(length=32), nullable=False),
        sa.Column("going", sa.String(length=14), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "going IN ('done', 'going_well', 'getting_there', 'hard_going', 'not_started')",
            name=op.f("ck_review_goals_going"),
        ),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_review_goals_review_id_reviews"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["note_id"], ["texts.id"], name=op.f("fk_review_goals_note_id_texts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_goals")),
        sa.UniqueConstraint("review_id", "goal_key", name=op.f("uq_review_goals_review_id_goal_key")),
    )
    op.create_table(
        "review_confirmations",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("signer_name", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=8), nullable=False),
        sa.Column("strokes", sa.JSON(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("method IN ('drawn', 'typed')", name=op.f("ck_review_confirmations_method")),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_confirmations_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_review_confirmations_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("review_id", name=op.f("pk_review_confirmations")),
    )


def _carry_over_ratings_and_notes() -> None:
    """Old ratings become the person's life-area scores; old notes, notes on "anything else"."""
    op.execute(
        "INSERT INTO review_scores (review_id, measure, item, voice, value, given_at, recorded_by_id) "
        "SELECT rr.review_id, 'life_areas', la.code, 'person', rr.rating, "
        f"{_midnight('COALESCE(r.completed_on, r.due_date)')}, COALESCE(r.completed_by_id, v.created_by_id) "
        "FROM review_ratings rr JOIN reviews r ON r.id = rr.review_id "
        "JOIN life_areas la ON la.id = rr.life_area_id JOIN plan_versions v ON v.id = r.version_id "
        "ORDER BY rr.review_id, la.position, la.id"
    )
    for column in ("person_notes_id", "worker_notes_id"):
        op.execute(
            "INSERT INTO review_notes (review_id, topic, text_id) "
            f"SELECT id, 'anything_else', {column} FROM reviews WHERE {column} IS NOT NULL ORDER BY id"
        )


def downgrade() -> None:
    op.create_table(
        "review_ratings",
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("life_area_id", sa.Integer(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 10", name=op.f("ck_review_ratings_rating")),
        sa.ForeignKeyConstraint(
            ["life_area_id"], ["life_areas.id"], name=op.f("fk_review_ratings_life_area_id_life_areas")
        ),
        sa.ForeignKeyConstraint(
            ["review_id"],
            ["reviews.id"],
            name=op.f("fk_review_ratings_review_id_reviews"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("review_id", "life_area_id", name=op.f("pk_review_ratings")),
    )
    op.execute(
        "INSERT INTO review_ratings (review_id, life_area_id, rating) "
        "SELECT s.review_id, la.id, s.value FROM review_scores s JOIN life_areas la ON la.code = s.item "
        "WHERE s.measure = 'life_areas' AND s.voice = 'person' AND s.value BETWEEN 1 AND 10"
    )
    with op.batch_alter_table("reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_reviews_version_id")
        batch_op.drop_constraint(op.f("ck_reviews_outcome"), type_="check")
        for column, table in _NEW_FOREIGN_KEYS:
            batch_op.drop_constraint(f"fk_reviews_{column}_{table}", type_="foreignkey")
        for column in (
            "asked_at",
            "asked_words_id",
            "forward_from",
            "forward_reason_id",
            "outcome",
            "outcome_reason_id",
            "ended_at",
            "ended_by_id",
            "new_version_id",
        ):
            batch_op.drop_column(column)
        batch_op.add_column(sa.Column("person_notes_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("worker_notes_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_reviews_person_notes_id_texts", "texts", ["person_notes_id"], ["id"])
        batch_op.create_foreign_key("fk_reviews_worker_notes_id_texts", "texts", ["worker_notes_id"], ["id"])
    for column, voice in (("person_notes_id", "person"), ("worker_notes_id", "staff")):
        op.execute(
            f"UPDATE reviews SET {column} = (SELECT MIN(n.text_id) FROM review_notes n "
            "JOIN texts t ON t.id = n.text_id WHERE n.review_id = reviews.id "
            f"AND n.topic = 'anything_else' AND t.author_kind = '{voice}')"
        )
    op.drop_table("review_confirmations")
    op.drop_table("review_goals")
    op.drop_table("review_scores")
    op.drop_index("ix_review_notes_review_id", table_name="review_notes")
    op.drop_table("review_notes")
