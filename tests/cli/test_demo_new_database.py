"""``careplan demo`` makes demo data in a new database only, never in one that exists.

The demo's accounts have a published password (the administrator ``admin`` among them): planted
in a real database, anyone could sign in to it. So whatever a database holds (staff and nobody's
record yet, an empty schema, demo data, a file that is not a database at all), ``careplan demo``
refuses it in one plain sentence and changes nothing. Asked again for the demo a demo database
already holds, it says so and how to start the app, with exit 0 (the README's quick start can be
run twice); asked for other demo data there, it refuses with exit 2.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from careplan import demo
from careplan.cli.main import main as careplan_main
from careplan.domain.errors import InvalidTransition
from careplan.domain.records import AuditEvent, Person, Setting, StaffMember
from careplan.services import staff
from careplan.storage import Database, open_database

SRC = Path(__file__).resolve().parents[2] / "src" / "careplan"


def contents(db: Database) -> dict[str, Any]:
    """What a person would call the database's contents: who is on the staff, how many people,
    the settings and how many audit events."""
    with db.session() as session:
        return {
            "staff": sorted(session.scalars(select(StaffMember.username))),
            "people": session.scalar(select(func.count()).select_from(Person)),
            "settings": sorted(session.scalars(select(Setting.key))),
            "events": session.scalar(select(func.count()).select_from(AuditEvent)),
        }


def run_demo(target: str, *args: str) -> int:
    return careplan_main(["--database", target, "demo", *args])


def assert_refused_plainly(capsys: pytest.CaptureFixture[str], phrase: str) -> None:
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("careplan: ")
    assert err.count("\n") == 1, err
    assert phrase in err
    assert "Traceback" not in err


def test_a_database_with_staff_and_nobody_recorded_yet_gets_no_demo_accounts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 14, finding 2: a real database just set up (its administrator, nobody's record yet)."""
    path = tmp_path / "real.db"
    db = open_database(path)
    staff.create_first_administrator(db, "boss", "Real Administrator")
    before = contents(db)
    db.dispose()

    assert run_demo(str(path), "--people", "3") == 2
    assert_refused_plainly(capsys, f"There is already a file at {path}")

    db = open_database(path)
    try:
        assert contents(db) == before
        assert "admin" not in contents(db)["staff"]
    finally:
        db.dispose()


def test_a_database_set_up_but_empty_is_not_new_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.db"
    assert careplan_main(["--database", str(path), "db", "upgrade"]) == 0
    capsys.readouterr()
    assert run_demo(str(path), "--people", "3") == 2
    assert_refused_plainly(capsys, "demo data goes only into a new database")
    db = open_database(path)
    try:
        assert contents(db) == {"staff": [], "people": 0, "settings": [], "events": 0}
    finally:
        db.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"my own notes, not a database" * 50)
    assert run_demo(str(path)) == 2
    assert_refused_plainly(capsys, "There is already a file at")
    assert path.read_bytes() == b"my own notes, not a database" * 50
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_the_same_demo_again_says_it_is_there_and_how_to_start_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.db"
    assert run_demo(str(path), "--people", "3", "--seed", "4") == 0
    capsys.readouterr()
    db = open_database(path)
    before = contents(db)
    db.dispose()

    assert run_demo(str(path), "--people", "3", "--seed", "4") == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "is already there (3 people, seed 4" in out
    assert f"start the app on it with “careplan --database {path}”" in out

    assert run_demo(str(path), "--people", "5", "--seed", "4") == 2
    assert_refused_plainly(capsys, "already holds other demo data (3 people, seed 4)")

    db = open_database(path)
    try:
        assert contents(db) == before
    finally:
        db.dispose()


def test_the_demo_builder_itself_refuses_a_database_anybody_has_used(tmp_path: Path) -> None:
    """The last line of defence, whoever calls it (another file may appear between the command's
    look and its opening the file)."""
    db = open_database(tmp_path / "real.db")
    try:
        staff.create_first_administrator(db, "boss", "Real Administrator")
        before = contents(db)
        with pytest.raises(InvalidTransition, match="only into a new database"):
            demo.generate(db, people=2, seed=1)
        assert contents(db) == before
    finally:
        db.dispose()


@pytest.mark.postgres
def test_on_postgresql_only_an_empty_database_is_new(
    request: pytest.FixtureRequest, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests import pg_server

    empty = pg_server.fresh_database_url(request)
    assert run_demo(empty, "--people", "3") == 0
    capsys.readouterr()
    assert run_demo(empty, "--people", "4") == 2
    assert_refused_plainly(capsys, "already holds other demo data")

    with_schema = pg_server.fresh_database_url(request)
    assert careplan_main(["--database", with_schema, "db", "upgrade"]) == 0
    capsys.readouterr()
    assert run_demo(with_schema, "--people", "3") == 2
    assert_refused_plainly(capsys, "is not empty, so no demo data was made")
    db = open_database(with_schema)
    try:
        assert contents(db) == {"staff": [], "people": 0, "settings": [], "events": 0}
    finally:
        db.dispose()


def _demo_imports(tree: ast.AST) -> tuple[set[str], set[str]]:
    """The names of the demo tool (``careplan.demo``) a module imports: at module level, and
    inside functions."""
    outer: set[str] = set()
    inner: set[str] = set()

    def visit(node: ast.AST, in_function: bool) -> None:
        names: set[str] = set()
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names = {alias.name for alias in node.names}
        found = {n for n in names if n == "careplan.demo" or n.startswith("careplan.demo.")}
        (inner if in_function else outer).update(found)
        function = isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.iter_child_nodes(node):
            visit(child, in_function or function)

    visit(tree, False)
    return outer, inner


def test_nothing_in_the_product_imports_the_demo_tool() -> None:
    """The demo generator is a tool beside the command line: the app, the use cases, documents,
    storage and domain never import it (they ask ``services.demo_marker`` whether a database is a
    demo, and name the published accounts from ``services.demo_facts``). Only the ``careplan
    demo`` command does (``.importlinter`` says the same for lint-imports)."""
    found: dict[str, set[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC)
        if where.parts[0] == "demo":
            continue
        outer, inner = _demo_imports(ast.parse(path.read_text("utf-8")))
        if where == Path("cli/commands.py"):
            assert outer | inner, "careplan demo no longer imports the demo tool: update this test"
            outer, inner = set(), set()
        if outer | inner:
            found[str(where)] = outer | inner
    assert found == {}
