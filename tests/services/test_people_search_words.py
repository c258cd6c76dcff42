"""Search as you type by the words index (person_words, person_name_keys), on both engines.

The query is compared with a brute-force filter in Python over a seeded random set of people
whose names and references hold apostrophes, hyphens, accents, capitals, ß, % and _: a typed
word matches when, folded (case and accents aside), it starts a word of the person's preferred
name, full name or reference. Both ways of searching (a narrow word's index range first, or a
broad word checked person by person in the list's order) must give the same people in the
same order.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import delete, select

from careplan.domain.errors import InvalidInput
from careplan.domain.records import PersonNameKey, PersonWord
from careplan.services import people, people_search
from careplan.services.people_search import PeopleQuery, SortKey, count_people, first_page, search_people
from careplan.services.search_words import after_prefix, fold, typed_words, words_of
from careplan.storage.database import Database
from careplan.storage.migrate import alembic_config, current_revision, head_revision
from tests import worlds
from tests.refusals import refused

FIRST = ["Dee", "Zoë", "ZOË", "Zoe", "Seán", "Siobhán", "Marek", "O'Neil", "Anne-Marie", "Émile", "Ødegaard"]
FIRST += ["Björn", "Straße", "Jo_Jo", "50%", "Ça", "Mary Jane", "Đorđe", "İlkay", "Noël", "dee"]
FAMILY = ["Walsh", "O'Brien", "Nowak", "Smith-Jones", "Ní Bhriain", "Müller", "Strauß", "de la Cruz"]
FAMILY += ["MacDonald", "Percent_Underscore", "100%", "Ñúñez", "ÅSTRÖM", "Çelik", "o'brien"]


def _reference(rng: random.Random, number: int) -> str:
    shapes = ["CP-{n:04d}", "cp-{n:03d}x", "ÉLAN-{n}", "50%-{n}", "A_B-{n}", "Ref {n}"]
    return rng.choice(shapes).format(n=number)


class Crowd:
    """The team and Kim (another key worker), and people registered at random by Sam or Kim: with
    a brute-force search over their names to compare the query with."""

    def __init__(self, db: Database, size: int = 48, seed: int = 7) -> None:
        rng = random.Random(seed)
        world = worlds.staffed(db).with_colleague("kim")
        self.sam = world.team.key_worker
        self.kim = world.colleagues["kim"]
        self.people: dict[int, tuple[str, str, str]] = {}
        for number in range(size):
            preferred = rng.choice(FIRST)
            full = f"{rng.choice(FIRST)} {rng.choice(FAMILY)}"
            if rng.random() < 0.3:
                full = f"{preferred} {rng.choice(FAMILY)} {rng.choice(FAMILY)}"
            reference = _reference(rng, number)
            worker = rng.choice((self.sam, self.kim))
            person_id = worlds.register(db, worker, preferred, full_name=full, reference=reference)
            self.people[person_id] = (preferred, full, reference)
        self.rng = rng

    def matching(self, text: str) -> list[int]:
        """Brute force: every typed word, folded, starts a folded word of a name or the reference."""
        wanted = typed_words(text)
        return sorted(
            person_id
            for person_id, texts in self.people.items()
            if all(any(w.startswith(t) for w in words_of(*texts)) for t in wanted)
        )

    def in_name_order(self, ids: list[int], descending: bool = False) -> list[int]:
        ordered = sorted(ids, key=lambda i: (fold(self.people[i][0]), i))
        return ordered[::-1] if descending else ordered

    def queries(self, count: int) -> Iterator[str]:
        """Typed text: starts of words of the names and references (as typed: any case, with or
        without accents), a few words at once, and words nobody has."""
        rng = self.rng
        texts = [t for texts in self.people.values() for t in texts]
        for _ in range(count):
            words = []
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                word = rng.choice(rng.choice(texts).split())
                word = word[: rng.randint(1, len(word))]
                pick = rng.random()
                if pick < 0.3:
                    word = word.upper()
                elif pick < 0.5:
                    word = fold(word)
                elif pick < 0.55:
                    word = word + rng.choice("%_'-zq")
                words.append(word)
            yield " ".join(words)
        yield from ("%", "_", "'", "-", "o'", "o'b", "smith-", "smith-j", "c", "", "  ", "ß", "ss", "é")


@pytest.fixture
def crowd(db: Database) -> Crowd:
    return Crowd(db)


@pytest.fixture(params=["narrow", "broad"])
def way(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways of searching: every typed word taken as narrow, or every one as broad."""
    for prefix in ("", "COUNT_"):
        if request.param == "broad":
            monkeypatch.setattr(people_search, f"{prefix}BROAD_AT_LEAST", 0)
            monkeypatch.setattr(people_search, f"{prefix}BROAD_SHARE", 0.0)
        else:
            monkeypatch.setattr(people_search, f"{prefix}BROAD_AT_LEAST", 10**9)
    return str(request.param)


def _ids(rows: list[people_search.PersonRow]) -> list[int]:
    return [r.person_id for r in rows]


def test_the_query_finds_exactly_who_the_brute_force_filter_finds(
    db: Database, crowd: Crowd, way: str
) -> None:
    sam = crowd.sam
    for text in crowd.queries(60):
        expected = crowd.matching(text)
        for descending in (False, True):
            found = _ids(search_people(db, sam, PeopleQuery(text=text, descending=descending), limit=1000))
            assert found == crowd.in_name_order(expected, descending), (text, way)
        by_reference = search_people(db, sam, PeopleQuery(text=text, sort=SortKey.REFERENCE), limit=1000)
        assert sorted(_ids(by_reference)) == expected, text
        assert [r.reference for r in by_reference] == sorted(r.reference for r in by_reference)
        by_worker = search_people(db, sam, PeopleQuery(text=text, sort=SortKey.KEY_WORKER), limit=1000)
        assert sorted(_ids(by_worker)) == expected, text
        by_status = search_people(db, sam, PeopleQuery(text=text, sort=SortKey.STATUS), limit=1000)
        assert sorted(_ids(by_status)) == expected, text
        assert count_people(db, sam, PeopleQuery(text=text)) == len(expected), text
        mine = search_people(db, sam, PeopleQuery(text=text, my_caseload=True), limit=1000)
        assert set(_ids(mine)) <= set(expected)


def test_pages_in_name_order_follow_on_from_each_other(db: Database, crowd: Crowd, way: str) -> None:
    for text in ("", "c", "d", "cp-0"):
        everyone = crowd.in_name_order(crowd.matching(text))
        query = PeopleQuery(text=text)
        pages = [_ids(search_people(db, crowd.sam, query, offset=o, limit=7)) for o in range(0, 56, 7)]
        assert [i for page in pages for i in page] == everyone, text
        first = first_page(db, crowd.sam, query, limit=7)
        assert (first.total, first.exact, _ids(first.rows)) == (len(everyone), True, everyone[:7])


def test_while_typing_the_count_stops_at_a_limit_and_says_so(
    db: Database, crowd: Crowd, way: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(people_search, "COUNT_UP_TO", 5)
    for text in crowd.queries(30):
        expected = crowd.matching(text)
        page = first_page(db, crowd.sam, PeopleQuery(text=text), limit=3)
        assert _ids(page.rows) == crowd.in_name_order(expected)[:3], text
        if typed_words(text) and len(expected) > 5:
            assert (page.total, page.exact) == (5, False), text  # "more than 5"
        else:
            assert (page.total, page.exact) == (len(expected), True), text
    everyone = first_page(db, crowd.sam, PeopleQuery(), limit=3)  # nothing typed: counted in full
    assert (everyone.total, everyone.exact) == (len(crowd.people), True)


def test_accents_case_and_punctuation(db: Database) -> None:
    sam = worlds.staffed(db).team.key_worker
    for preferred, full, reference in (
        ("Zoë", "Zoë O'Brien", "CP-1"),
        ("Big Dave", "David Smith-Jones", "CP-2"),
        ("Émile", "Émile Strauß", "LOCAL 77"),
    ):
        worlds.register(db, sam, preferred, full_name=full, reference=reference)

    def found(text: str) -> list[str]:
        return [r.preferred_name for r in search_people(db, sam, PeopleQuery(text=text))]

    for text in ("zoe", "ZOË", "zoë", "o'b", "O'BRIEN"):
        assert found(text) == ["Zoë"], text
    assert found("brien") == []  # an apostrophe stays inside its word, as before
    assert found("smith-j") == ["Big Dave"]
    assert found("jones") == []  # so does a hyphen
    assert found("dave") == ["Big Dave"]  # any word of the name they like to be called
    assert found("emile strauss") == ["Émile"]
    assert found("STRAUS") == ["Émile"]
    assert found("77") == ["Émile"]  # a word of the reference
    assert found("local 7") == ["Émile"]
    assert found("%") == found("_") == []
    assert [r.preferred_name for r in search_people(db, sam, PeopleQuery())] == ["Big Dave", "Émile", "Zoë"]


def test_renaming_a_person_moves_their_words(db: Database) -> None:
    sam = worlds.staffed(db).team.key_worker
    dee = worlds.register(db, sam, "Dee", full_name="Deirdre Walsh", reference="CP-9")
    anne = worlds.register(db, sam, "Anne", full_name="Anne Byrne", reference="CP-8")
    people.update_person(db, sam, dee, people.PersonDetails("Dede", "Deirdre Ó Súilleabháin"))

    def found(text: str) -> list[int]:
        return _ids(search_people(db, sam, PeopleQuery(text=text)))

    assert found("walsh") == []
    assert found("suil") == found("dede") == found("cp-9") == [dee]
    assert found("") == [anne, dee]  # in order of the new name: "anne" < "dede"
    people.update_person(db, sam, dee, people.PersonDetails("Abby", "Deirdre Ó Súilleabháin"))
    assert found("") == [dee, anne]
    assert found("dede") == []
    with db.session() as session:
        rows = session.execute(select(PersonWord.word).where(PersonWord.person_id == dee)).scalars()
        assert sorted(rows) == sorted(words_of("Abby", "Deirdre Ó Súilleabháin", "CP-9"))
    # A refused change leaves the words as they were.
    with refused(db, InvalidInput, "Please fill in"):
        people.update_person(db, sam, dee, people.PersonDetails("", "Nobody"))
    assert found("abby") == [dee]


def test_folding_and_the_end_of_a_prefix() -> None:
    assert fold("ZOË") == fold("zoë") == "zoe"
    assert fold("Straße") == "strasse"
    assert fold("ﬁnn") == "finn"
    assert fold("İlkay") == "ilkay"
    assert words_of("Zoë  O'Brien", None, "CP-1") == {"zoe", "o'brien", "cp-1"}
    assert typed_words(" Dee  w ") == ["dee", "w"]
    assert typed_words("\u0301") == []  # a lone accent is not a word
    assert after_prefix("ab") == "ac"
    assert after_prefix("a\U0010ffff") == "b"
    assert after_prefix("\U0010ffff") is None
    assert after_prefix("a\ud7ff") == "a\ue000"


def test_the_migration_fills_the_words_of_people_already_recorded(db: Database) -> None:
    crowd = Crowd(db, size=12, seed=3)
    config = alembic_config(db)
    command.downgrade(config, "0004")
    assert current_revision(db) == "0004"
    command.upgrade(config, "head")
    assert current_revision(db) == head_revision()
    with db.session() as session:
        stored: dict[int, set[str]] = {}
        for word, person_id in session.execute(select(PersonWord.word, PersonWord.person_id)):
            stored.setdefault(person_id, set()).add(word)
        keys = {i: k for i, k in session.execute(select(PersonNameKey.person_id, PersonNameKey.name_key))}
    assert stored == {i: words_of(*texts) for i, texts in crowd.people.items()}
    assert keys == {i: fold(texts[0]) for i, texts in crowd.people.items()}
    for text in ("zo", "o'b", "cp", "strass"):
        assert _ids(search_people(db, crowd.sam, PeopleQuery(text=text), limit=100)) == crowd.in_name_order(
            crowd.matching(text)
        )


def test_without_its_words_a_person_is_not_found_by_them(db: Database) -> None:
    """The words are what is searched (not the names): so they must be kept, as the tests above show."""
    crowd = Crowd(db, size=6, seed=5)
    some = next(iter(crowd.people))
    with db.session() as session, session.begin():
        session.execute(delete(PersonWord).where(PersonWord.person_id == some))
    assert some not in _ids(search_people(db, crowd.sam, PeopleQuery(text=crowd.people[some][2]), limit=100))


def test_the_demo_builder_fills_the_words_of_the_people_it_makes_in_bulk(db: Database) -> None:
    from careplan import demo
    from careplan.domain.records import Person
    from careplan.services.unit_of_work import staff_by_username

    demo.generate(db, people=30, seed=11)
    with db.session() as session:
        made = {p.id: (p.preferred_name, p.full_name, p.reference) for p in session.scalars(select(Person))}
        stored: dict[int, set[str]] = {}
        for word, person_id in session.execute(select(PersonWord.word, PersonWord.person_id)):
            stored.setdefault(person_id, set()).add(word)
        keys = {i: k for i, k in session.execute(select(PersonNameKey.person_id, PersonNameKey.name_key))}
    assert len(made) >= 30
    assert stored == {i: words_of(*texts) for i, texts in made.items()}
    assert keys == {i: fold(texts[0]) for i, texts in made.items()}
    someone = next(iter(made.values()))
    family = someone[1].split()[-1]
    found = search_people(db, staff_by_username(db, "sam"), PeopleQuery(text=family), limit=100)
    assert someone[2] in [r.reference for r in found]
