"""Loading the service catalogue from a spreadsheet, and writing it back out.

Every line is checked before anything is saved; a problem names its line in plain words; a file
with any problem saves nothing; a service already there is changed, not doubled; what is
exported reads back the same; no file, however broken, gives anything but a plain refusal.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from careplan.domain.enums import ServiceUnit
from careplan.domain.errors import InvalidInput, PermissionDenied
from careplan.domain.records import Provider, Service
from careplan.services import catalogue, catalogue_file
from careplan.services.catalogue_file import CatalogueFileProblems, read_catalogue
from careplan.storage.database import Database
from tests.refusals import assert_plain
from tests.stored import audit_count, snapshot
from tests.worlds import Team, make_team

SHEET = (
    "Provider,Service,Category,Description,Unit,Price,Peer led,Available from,Available to\r\n"
    "Harbour Gym,Gym pass,sport,Any time before 4pm,week,£6.50,no,,\r\n"
    'Open Door Arts,"Pottery, evenings",creative,Six weeks,course,"1,200.00",yes,01/04/2026,31/03/2027\r\n'
    "Open Door Arts,Drop-in studio,creative,,session,12,Y,,\r\n"
)


def services(db: Database) -> dict[tuple[str, str], Service]:
    with db.session() as session:
        rows = session.execute(select(Service, Provider).join(Provider)).all()
        return {(provider.name, service.name): service for service, provider in rows}


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(CatalogueFileProblems) as caught:
        read_catalogue(data)
    assert_plain(caught.value.message)
    return [str(problem) for problem in caught.value.problems]


# --- reading ---------------------------------------------------------------------------------


def test_a_spreadsheet_is_read_line_by_line() -> None:
    lines = read_catalogue(SHEET.encode())
    assert [(line.line, line.provider, line.item.name) for line in lines] == [
        (2, "Harbour Gym", "Gym pass"),
        (3, "Open Door Arts", "Pottery, evenings"),
        (4, "Open Door Arts", "Drop-in studio"),
    ]
    pottery = lines[1].item
    assert pottery.unit is ServiceUnit.COURSE
    assert pottery.unit_price == Decimal("1200.00")
    assert pottery.peer_led is True
    assert (pottery.available_from.isoformat(), pottery.available_to.isoformat()) == (  # type: ignore[union-attr]
        "2026-04-01",
        "2027-03-31",
    )
    assert lines[0].item.unit_price == Decimal("6.50")
    assert lines[2].item.peer_led is True


def test_excel_files_are_read_whatever_they_were_saved_as() -> None:
    # Excel's "CSV UTF-8" starts with a byte-order mark; Excel in many places uses semicolons;
    # older Excel saves Windows-1252 (the £ is one byte); headings in any case and order.
    as_semicolons = SHEET.replace(",", ";").replace('"Pottery; evenings"', '"Pottery, evenings"')
    as_semicolons = as_semicolons.replace('"1;200.00"', "1200.00")
    for data in (
        SHEET.encode("utf-8-sig"),
        as_semicolons.encode("utf-8"),
        SHEET.encode("cp1252"),
        SHEET.replace("\t", ",").encode(),
    ):
        names = [line.item.name for line in read_catalogue(data)]
        assert names == ["Gym pass", "Pottery, evenings", "Drop-in studio"]
    shuffled = "PRICE\tunit\tService Name\torganisation\tType\n6.50\tweekly\tGym pass\tHarbour Gym\tsport\n"
    (line,) = read_catalogue(shuffled.encode())
    assert (line.provider, line.item.name, line.item.unit, line.item.category) == (
        "Harbour Gym",
        "Gym pass",
        ServiceUnit.WEEK,
        "sport",
    )


def test_every_problem_is_listed_with_its_line_and_nothing_is_read() -> None:
    data = (
        b"Provider,Service,Category,Unit,Price,Peer led,Available from,Available to\n"
        b"Harbour Gym,Gym pass,sport,week,6.50,no,,\n"  # fine
        b"Harbour Gym,Swim,sport,fortnight,3.00,no,,\n"  # unit
        b",Yoga,sport,session,5.00,no,,\n"  # no provider
        b"Harbour Gym,Sauna,sport,session,-4,no,,\n"  # negative price
        b"Harbour Gym,Spa,sport,session,4.5p,no,,\n"  # fraction of a penny
        b"Harbour Gym,Climb,sport,session,8,perhaps,,\n"  # yes/no
        b"Harbour Gym,Run club,sport,session,0,no,31/02/2026,\n"  # date
        b"Harbour Gym,Walks,sport,session,0,no,01/05/2026,01/04/2026\n"  # ends before it starts
        b"harbour gym,GYM PASS,sport,week,7,no,,\n"  # the same service again
        b"Harbour Gym,Drinks,alcohol,item,3,no,,\n"  # never allowed
    )
    problems = problems_of(data)
    assert [problem.split(":")[0] for problem in problems] == [f"Line {n}" for n in range(3, 12)]
    assert "fortnight" in problems[0]
    assert "session, hour, week, item, course" in problems[0]
    assert "provider" in problems[1]
    assert "less than zero" in problems[2]
    assert "yes or no" in problems[4]
    assert "31/02/2026" in problems[5]
    assert "after it starts" in problems[6]
    assert "already on line 2" in problems[7]
    assert "never pay for" in problems[8]


@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        (b"", "empty"),
        (b"  \r\n \r\n", "empty"),
        (b"Provider,Service,Category,Unit,Price\r\n", "no services"),
        (b"Provider,Service,Unit\nA,B,week\n", "Missing: Category, Price"),
        (b"Provider,Service,Category,Unit,Price,Cost\nA,B,c,week,1,2\n", "Two columns"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "Save As"),  # an .xlsx file
        (b"x" * (5 * 1024 * 1024 + 1), "too big"),
        (
            b'Provider,Service,Category,Unit,Price\nA,"not closed,c,week,1\nB,x,c,week,2\n',
            "Line 2: a quotation",
        ),
    ],
)
def test_a_file_that_is_not_a_catalogue_gets_one_plain_reason(data: bytes, phrase: str) -> None:
    problems = problems_of(data)
    assert len(problems) == 1
    assert phrase in problems[0]


def test_a_byte_windows_1252_does_not_define_is_named_with_its_line_not_turned_into_a_question_mark() -> None:
    """Issue 14: such a byte became U+FFFD silently (the name saved with a � in it)."""
    data = "Provider,Service,Category,Unit,Price\nHarbour Gym,Gym pass,sport,week,£6.50\n".encode("cp1252")
    data += b"Harbour Gym,Sw\x81m,sport,week,3\n"
    (problem,) = problems_of(data)
    assert problem.startswith("Line 3: the byte 0x81 is not a character in UTF-8 or Windows-1252")


def test_a_nul_byte_past_the_first_4_kb_is_named_with_its_line() -> None:
    """Issue 14: only the first 4 KB were looked at for NUL bytes."""
    rows = "".join(f"Harbour Gym,Class {n},sport,session,5\n" for n in range(200))
    data = ("Provider,Service,Category,Unit,Price\n" + rows).encode() + b"Harbour Gym,Sw\x00m,sport,week,3\n"
    assert len(data) > 4096
    (problem,) = problems_of(data)
    assert problem.startswith("Line 202: there is a NUL byte in this line")


@pytest.mark.parametrize(
    ("cell", "phrase"),
    [
        ("Gym\x1b[2J", "The Service cell has a control character"),
        ("\u200b", "The Service cell has only invisible characters"),
    ],
)
def test_a_cell_that_is_not_text_a_person_typed_is_a_problem_of_its_line(cell: str, phrase: str) -> None:
    data = f"Provider,Service,Category,Unit,Price\nHarbour Gym,{cell},sport,week,6.50\n".encode()
    (problem,) = problems_of(data)
    assert problem.startswith(f"Line 2: {phrase}")


def test_a_description_may_have_several_lines() -> None:
    data = (
        b'Provider,Service,Category,Unit,Price,Description\nHarbour Gym,Gym,sport,week,6.50,"Two\r\nlines"\n'
    )
    (line,) = read_catalogue(data)
    assert line.item.description == "Two\nlines"


def test_a_very_long_file_is_refused_before_it_is_all_read() -> None:
    rows = "".join(f"P,S{n},sport,week,1\n" for n in range(catalogue_file.MAX_LINES + 1))
    (problem,) = problems_of(("Provider,Service,Category,Unit,Price\n" + rows).encode())
    assert "more than 20,000" in problem


def test_a_long_list_of_problems_is_shortened_for_reading() -> None:
    rows = "".join(f"P,S{n},sport,fortnight,1\n" for n in range(50))
    with pytest.raises(CatalogueFileProblems) as caught:
        read_catalogue(("Provider,Service,Category,Unit,Price\n" + rows).encode())
    shown = caught.value.lines(limit=30)
    assert len(shown) == 31
    assert shown[-1] == "… and 20 more."
    assert "50 lines need changing" in caught.value.message


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
@example(b"Provider,Service,Category,Unit,Price\n\x00,\x00,\x00,\x00,\x00\n")
@example(b'"' * 300)
@example("Provider;Service;Category;Unit;Price\n\ud800".encode("utf-8", "surrogatepass"))
def test_any_bytes_are_read_or_refused_in_plain_words(data: bytes) -> None:
    try:
        read_catalogue(data)
    except CatalogueFileProblems as problems:
        refusal = problems
    else:
        return
    assert refusal.problems
    assert_plain(refusal.message)


ROW = st.fixed_dictionaries(
    {
        "provider": st.text(max_size=30),
        "service": st.text(max_size=30),
        "category": st.text(max_size=12),
        "unit": st.sampled_from(["week", "Session", "hours", "fortnight", ""]),
        "price": st.one_of(
            st.decimals(min_value=-5, max_value=10**9, places=3).map(str), st.text(max_size=8)
        ),
        "peer": st.sampled_from(["yes", "no", "", "maybe"]),
        "from": st.one_of(
            st.just(""), st.dates().map(lambda d: d.strftime("%d/%m/%Y")), st.text(max_size=10)
        ),
    }
)


@settings(max_examples=80, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=8))
def test_spreadsheet_like_files_are_read_or_refused_line_by_line(rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Provider", "Service", "Category", "Unit", "Price", "Peer led", "Available from"])
    for row in rows:
        writer.writerow(row.values())
    text = out.getvalue()
    try:
        lines = read_catalogue(text.encode())
    except CatalogueFileProblems as problems:
        for problem in problems.problems:
            assert_plain(problem.message)
            # csv counts a lone carriage return inside a quoted cell as a line end, as splitlines does
            assert 0 <= problem.line <= len(text.splitlines()) + 1
        return
    for line in lines:
        assert line.provider
        assert line.item.name
        assert line.item.unit_price >= 0


# --- saving ----------------------------------------------------------------------------------


def test_a_catalogue_is_loaded_and_loading_it_again_changes_nothing(db: Database, team: Team) -> None:
    lines = read_catalogue(SHEET.encode())
    seen: list[tuple[int, int]] = []
    summary = catalogue_file.import_catalogue(
        db, team.manager, lines, progress=lambda done, total: seen.append((done, total))
    )
    assert (summary.added, summary.changed, summary.unchanged, summary.providers_added) == (3, 0, 0, 2)
    assert seen[-1] == (3, 3)
    found = services(db)
    assert found[("Open Door Arts", "Pottery, evenings")].unit_price_pence == 120000
    assert found[("Harbour Gym", "Gym pass")].peer_led is False
    events = audit_count(db)

    again = catalogue_file.import_catalogue(db, team.manager, read_catalogue(SHEET.encode()))
    assert (again.added, again.changed, again.unchanged, again.providers_added) == (0, 0, 3, 0)
    assert audit_count(db) == events  # nothing changed, nothing to record


def test_a_line_for_a_service_already_there_changes_it(db: Database, team: Team) -> None:
    provider = catalogue.add_provider(db, team.administrator, "Harbour Gym")
    service_id = catalogue.add_service(
        db,
        team.administrator,
        catalogue.ServiceInput(provider, "Gym pass", "sport", "", ServiceUnit.WEEK, Decimal("5.00")),
    )
    # Found whatever the capitals; the spreadsheet's way of writing the name is kept.
    lines = read_catalogue(SHEET.replace("Harbour Gym,Gym pass", "harbour gym,Gym Pass").encode())
    summary = catalogue_file.import_catalogue(db, team.manager, lines)
    assert (summary.added, summary.changed, summary.providers_added) == (2, 1, 1)
    found = services(db)
    assert len(found) == 3
    gym = found[("Harbour Gym", "Gym Pass")]
    assert gym.id == service_id  # changed, not doubled
    assert (gym.unit_price_pence, gym.description) == (650, "Any time before 4pm")


def test_loading_is_all_or_nothing(db: Database, team: Team) -> None:
    lines = read_catalogue(SHEET.encode())
    before = snapshot(db)

    def fail_at_the_end(done: int, total: int) -> None:
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="went away"):
        catalogue_file.import_catalogue(db, team.manager, lines, progress=fail_at_the_end)
    assert snapshot(db) == before


def test_comparing_says_what_loading_would_do_and_saves_nothing(db: Database, team: Team) -> None:
    provider = catalogue.add_provider(db, team.administrator, "Harbour Gym")
    for name, price in (("Gym pass", "6.50"), ("Swim", "3.00")):
        catalogue.add_service(
            db,
            team.administrator,
            catalogue.ServiceInput(
                provider, name, "sport", "Any time before 4pm", ServiceUnit.WEEK, Decimal(price)
            ),
        )
    sheet = SHEET + "HARBOUR GYM,swim,sport,Any time before 4pm,week,3.50,no,,\r\n"
    lines = read_catalogue(sheet.encode())
    before = snapshot(db)
    preview = catalogue_file.compare_catalogue(db, team.manager, lines)
    assert snapshot(db) == before
    # Gym pass is as it was; Swim's price (and the case of its name) changes; Open Door Arts is
    # new, with two services; Harbour Gym is found whatever its capitals.
    assert (preview.added, preview.changed, preview.unchanged, preview.providers_added) == (2, 1, 1, 1)
    assert catalogue_file.import_catalogue(db, team.manager, lines) == preview
    assert catalogue_file.compare_catalogue(db, team.manager, lines) == catalogue_file.ImportSummary(
        0, 0, 4, 0
    )


def test_the_summaries_are_in_plain_words() -> None:
    summary = catalogue_file.ImportSummary
    assert summary(12, 3, 0, 2).preview == (
        "This will add 12 services and change 3 (2 new providers). Nothing is removed."
    )
    assert summary(1, 0, 5, 1).preview == (
        "This will add 1 service (1 new provider). 5 other services in the file are already up to date."
        " Nothing is removed."
    )
    assert summary(0, 1, 1, 0).preview == (
        "This will change 1 service. 1 other service in the file is already up to date. Nothing is removed."
    )
    assert "changes nothing" in summary(0, 0, 4, 0).preview
    assert summary(12, 3, 0, 2).outcome == (
        "The catalogue was loaded: 12 services added and 3 changed (2 new providers). Nothing was removed."
    )
    assert summary(0, 2, 1, 0).outcome == "The catalogue was loaded: 2 services changed. Nothing was removed."
    assert "already up to date" in summary(0, 0, 4, 0).outcome
    for words in (summary(1234, 0, 0, 0).preview, summary(1234, 0, 0, 0).outcome):
        assert "1,234 services" in words
        assert_plain(words)


def test_lines_naming_one_service_twice_are_refused_even_when_not_read_from_a_file(
    db: Database, team: Team
) -> None:
    (line, *_) = read_catalogue(SHEET.encode())
    before = snapshot(db)
    with pytest.raises(InvalidInput, match="already on line 2"):
        catalogue_file.import_catalogue(db, team.manager, [line, line])
    assert snapshot(db) == before


def test_the_catalogue_is_listed_for_managers_whole(db: Database, team: Team) -> None:
    assert catalogue.list_services(db, team.manager) == []
    catalogue_file.import_catalogue(db, team.manager, read_catalogue(SHEET.encode()))
    entries = catalogue.list_services(db, team.administrator)
    assert [(e.provider, e.name) for e in entries] == [
        ("Harbour Gym", "Gym pass"),
        ("Open Door Arts", "Drop-in studio"),
        ("Open Door Arts", "Pottery, evenings"),
    ]
    pottery = entries[2]
    assert pottery.price == Decimal("1200.00")
    assert isinstance(pottery.price, Decimal)
    assert (pottery.unit, pottery.category, pottery.peer_led) == (ServiceUnit.COURSE, "creative", True)
    assert (pottery.available_from, pottery.available_to) == (date(2026, 4, 1), date(2027, 3, 31))
    assert entries[1].provider_id == pottery.provider_id != entries[0].provider_id
    assert len({e.id for e in entries}) == 3
    with pytest.raises(PermissionDenied):
        catalogue.list_services(db, team.key_worker)


def test_only_managers_and_administrators_load_the_catalogue(db: Database, team: Team) -> None:
    lines = read_catalogue(SHEET.encode())
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        catalogue_file.import_catalogue(db, team.key_worker, lines)
    assert snapshot(db) == before


def test_what_is_exported_reads_back_the_same(db: Database, team: Team) -> None:
    tricky = SHEET + (
        '"=HYPERLINK(""x"")",-Minus start,+plus,@at the start,item,0,no,,\r\n'
        "Caf\u00e9 \u00c9toile,Bara brith & t\u00ea,food,,item,2.5,no,,\r\n"
    )
    catalogue_file.import_catalogue(db, team.manager, read_catalogue(tricky.encode()))
    exported = catalogue_file.export_catalogue(db, team.manager)
    assert exported.startswith(b"\xef\xbb\xbf")  # so that Excel shows the £ and the accents
    text = exported.decode("utf-8-sig")
    assert "'=HYPERLINK" in text  # a spreadsheet will not run it
    assert "'-Minus" in text
    again = read_catalogue(exported)
    assert sorted((line.provider, repr(line.item)) for line in again) == sorted(
        (line.provider, repr(line.item)) for line in read_catalogue(tricky.encode())
    )
    with db.session() as session:
        assert session.scalar(select(func.count(Service.id))) == 5


@pytest.fixture
def catalogue_db(sqlite_db: Database) -> tuple[Database, Team, int]:
    team = make_team(sqlite_db)
    return sqlite_db, team, catalogue.add_provider(sqlite_db, team.administrator, "Round Trip Provider")


NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(NAMES, st.integers(min_value=0, max_value=10**7)), min_size=1, max_size=6))
def test_any_catalogue_survives_the_round_trip(
    catalogue_db: tuple[Database, Team, int], rows: list[tuple[str, int]]
) -> None:
    # The database lives across examples: the catalogue grows, and all of it goes round each time.
    db, team, provider_id = catalogue_db
    known = services(db)
    for name, pence in rows:
        item = catalogue.ServiceInput(
            provider_id, f"{name} {pence}", "sport", name, ServiceUnit.ITEM, Decimal(pence) / 100
        )
        if ("Round Trip Provider", " ".join(item.name.split())) not in known:
            catalogue.add_service(db, team.administrator, item)
            known = services(db)
    before = {key: (s.unit_price_pence, s.description, s.unit) for key, s in services(db).items()}
    exported = catalogue_file.export_catalogue(db, team.manager)
    summary = catalogue_file.import_catalogue(db, team.manager, read_catalogue(exported))
    assert (summary.added, summary.changed) == (0, 0)
    after = {key: (s.unit_price_pence, s.description, s.unit) for key, s in services(db).items()}
    assert after == before
