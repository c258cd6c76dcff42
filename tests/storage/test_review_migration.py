"""Migration 0009: reviews held in both voices. Old ratings and notes come over honestly."""

from __future__ import annotations

from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import inspect, select, text

from careplan.domain.enums import AuthorKind, ReviewTopic
from careplan.domain.records import ReviewScore
from careplan.services.review_view import reviews_in_full
from careplan.storage import Database
from careplan.storage.migrate import alembic_config, head_revision
from tests.services.review_worlds import approved_world, booked
from tests.worlds import World

HELD_ON = date(2026, 3, 2)


def _old_review(db: Database, w: World, review_id: int, *, held_by: int | None, notes: bool) -> None:
    """A review recorded as Careplan did before 0009: ratings with no voice, two notes columns."""
    with db.engine.begin() as conn:
        note_ids: list[int | None] = [None, None]
        if notes:
            for index, (body, kind, person, staff, role) in enumerate(
                (
                    ("I saw the kids twice", "person", w.person_id, None, None),
                    ("Contact is going well", "staff", None, w.team.key_worker.staff_id, "key_worker"),
                )
            ):
                conn.execute(
                    text(
                        "INSERT INTO texts (body, author_kind, person_id, staff_id, author_role, "
                        "recorded_by_id, written_at) VALUES (:b, :k, :p, :s, :r, :by, :at)"
                    ),
                    {
                        "b": body,
                        "k": kind,
                        "p": person,
                        "s": staff,
                        "r": role,
                        "by": w.team.key_worker.staff_id,
                        "at": datetime(2026, 3, 2, 10, 0),
                    },
                )
                note_ids[index] = conn.execute(text("SELECT MAX(id) FROM texts")).scalar_one()
        conn.execute(
            text(
                "UPDATE reviews SET completed_on = :on, completed_by_id = :by, person_notes_id = :p, "
                "worker_notes_id = :w WHERE id = :id"
            ),
            {"on": HELD_ON, "by": held_by, "p": note_ids[0], "w": note_ids[1], "id": review_id},
        )


def _rate(db: Database, review_id: int, ratings: dict[str, int]) -> None:
    with db.engine.begin() as conn:
        for code, rating in ratings.items():
            conn.execute(
                text(
                    "INSERT INTO review_ratings (review_id, life_area_id, rating) "
                    "SELECT :r, id, :v FROM life_areas WHERE code = :c"
                ),
                {"r": review_id, "v": rating, "c": code},
            )


def _ratings(db: Database) -> set[tuple[int, str, int]]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT rr.review_id, la.code, rr.rating FROM review_ratings rr "
                "JOIN life_areas la ON la.id = rr.life_area_id"
            )
        ).all()
    return {(r[0], r[1], r[2]) for r in rows}


def test_old_ratings_become_the_persons_scores_and_old_notes_anything_else(db: Database) -> None:
    w = approved_world(db)
    first, second, *_ = booked(w)
    config = alembic_config(db)
    command.downgrade(config, "0008")
    db.engine.dispose()
    _old_review(db, w, first, held_by=w.team.manager.staff_id, notes=True)
    _old_review(db, w, second, held_by=None, notes=False)
    _rate(db, first, {"family": 4, "housing": 7})
    _rate(db, second, {"drugs": 2})
    before = _ratings(db)

    command.upgrade(config, "head")
    db.engine.dispose()

    tables = inspect(db.engine)
    assert "review_ratings" not in tables.get_table_names()
    columns = {c["name"] for c in tables.get_columns("reviews")}
    assert not {"person_notes_id", "worker_notes_id"} & columns
    assert "ix_reviews_version_id" in {i["name"] for i in tables.get_indexes("reviews")}
    with db.engine.connect() as conn:
        scores = conn.execute(
            text(
                "SELECT review_id, measure, item, voice, value, recorded_by_id FROM review_scores "
                "ORDER BY review_id, item"
            )
        ).all()
    sam, priya = w.team.key_worker.staff_id, w.team.manager.staff_id
    assert [tuple(s) for s in scores] == [
        (first, "life_areas", "family", "person", 4, priya),
        (first, "life_areas", "housing", "person", 7, priya),
        # Who recorded it was not kept: the one who wrote the reviewed version (Sam) stands in.
        (second, "life_areas", "drugs", "person", 2, sam),
    ]
    shown = reviews_in_full(db, w.team.key_worker, w.plan_id)
    by_id = {h.review_id: h for h in shown.held}
    (life,) = by_id[first].scores
    assert [(r.item, r.person, r.worker, r.not_the_same) for r in life.rows] == [
        ("housing", 7, None, None),
        ("family", 4, None, None),
    ]
    (notes,) = by_id[first].notes
    assert notes.topic is ReviewTopic.ANYTHING_ELSE
    assert notes.person is not None
    assert notes.staff is not None
    assert (notes.person.body, notes.person.voice) == ("I saw the kids twice", AuthorKind.PERSON)
    assert (notes.staff.body, notes.staff.voice) == ("Contact is going well", AuthorKind.STAFF)
    assert by_id[second].notes == ()
    assert by_id[first].held_on == HELD_ON

    # And back again: the person's life-area scores are ratings once more, the notes in their columns.
    command.downgrade(config, "0008")
    db.engine.dispose()
    assert _ratings(db) == before
    with db.engine.connect() as conn:
        kept = conn.execute(
            text(
                "SELECT person_notes_id IS NOT NULL, worker_notes_id IS NOT NULL FROM reviews WHERE id = :id"
            ),
            {"id": first},
        ).one()
    assert tuple(kept) == (True, True)
    command.upgrade(config, "head")
    db.engine.dispose()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()


def test_given_at_is_a_moment_in_utc(db: Database) -> None:
    """Scores carried over are read back as timezone-aware moments, as new ones are."""
    w = approved_world(db)
    first = booked(w)[0]
    config = alembic_config(db)
    command.downgrade(config, "0008")
    db.engine.dispose()
    _old_review(db, w, first, held_by=w.team.key_worker.staff_id, notes=False)
    _rate(db, first, {"money": 5})
    command.upgrade(config, "head")
    db.engine.dispose()
    with db.session() as session:
        (score,) = session.scalars(select(ReviewScore)).all()
    assert score.given_at == datetime(2026, 3, 2, tzinfo=UTC)
