"""the words people are found by, and their order by name, for search as you type

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26

Search as you type read every person and matched four LIKE patterns against their names at each
keystroke (about 50 ms a keystroke over 40,000 people). ``person_words`` holds each word of a
person's preferred name, full name and reference, folded (lower case, accents off), so a typed
word is found by an index range. ``person_name_keys`` holds each person's preferred name, folded
the same way, indexed: the list's order by name, so a page of a long list is found by walking
that index rather than sorting everyone who matches. Both filled here for the people already
recorded. Two covering indexes let the list work out each row's plan status and next review
without reading the plan version and review rows themselves.
"""

from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_BATCH = 5000


# Copied here (not imported) so this migration keeps doing what it did; it must give the same
# words as careplan.services.search_words.words_of (a test checks they agree).
def _bare(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _fold(text: str) -> str:
    return _bare(_bare(text).casefold())


def _name_key(preferred_name: str) -> str:
    return _fold(preferred_name)


def _words_of(*texts: str | None) -> set[str]:
    return {folded for text in texts for word in (text or "").split() if (folded := _fold(word))}


def upgrade() -> None:
    words = op.create_table(
        "person_words",
        sa.Column("word", sa.Text().with_variant(sa.Text(collation="C"), "postgresql"), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name=op.f("fk_person_words_person_id_people")),
        sa.PrimaryKeyConstraint("word", "person_id", name=op.f("pk_person_words")),
        sqlite_with_rowid=False,
    )
    op.create_index(op.f("ix_person_words_person_id"), "person_words", ["person_id"], unique=False)
    keys = op.create_table(
        "person_name_keys",
        sa.Column("person_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name_key", sa.Text().with_variant(sa.Text(collation="C"), "postgresql"), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_person_name_keys_person_id_people")
        ),
        sa.PrimaryKeyConstraint("person_id", name=op.f("pk_person_name_keys")),
    )
    op.create_index(
        "ix_person_name_keys_name_key", "person_name_keys", ["name_key", "person_id"], unique=False
    )
    op.create_index(
        "ix_plan_versions_plan_id_number_status",
        "plan_versions",
        ["plan_id", "number", "status"],
        unique=False,
    )
    op.create_index(
        "ix_reviews_plan_id_completed_on_due_date",
        "reviews",
        ["plan_id", "completed_on", "due_date"],
        unique=False,
    )
    connection = op.get_bind()
    people = connection.execute(
        sa.text("SELECT id, preferred_name, full_name, reference FROM people ORDER BY id")
    ).fetchall()
    rows: list[dict[str, object]] = []
    for person_id, preferred, full, reference in people:
        rows += [{"word": w, "person_id": person_id} for w in sorted(_words_of(preferred, full, reference))]
        if len(rows) >= _BATCH:
            op.bulk_insert(words, rows)
            rows = []
    if rows:
        op.bulk_insert(words, rows)
    for first in range(0, len(people), _BATCH):
        op.bulk_insert(
            keys,
            [{"person_id": p[0], "name_key": _name_key(p[1])} for p in people[first : first + _BATCH]],
        )


def downgrade() -> None:
    op.drop_index("ix_reviews_plan_id_completed_on_due_date", table_name="reviews")
    op.drop_index("ix_plan_versions_plan_id_number_status", table_name="plan_versions")
    op.drop_index("ix_person_name_keys_name_key", table_name="person_name_keys")
    op.drop_table("person_name_keys")
    op.drop_index(op.f("ix_person_words_person_id"), table_name="person_words")
    op.drop_table("person_words")
