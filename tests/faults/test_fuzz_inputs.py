"""Property-based fuzzing of what people type and the files Careplan reads in.

For every input the answer is either a value or a refusal in plain words (the error kind the
caller handles), never another exception. Money and quantities are fuzzed in
tests/domain/test_money.py; here: dates, the PDF's Careplan keywords, backup files given to
restore, certificate files given to import, and PDFs given to verify.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careplan import documents
from careplan.domain.actor import Actor
from careplan.domain.dates import parse_date
from careplan.domain.errors import CareplanError, InvalidInput, StorageError
from careplan.domain.wording.dates import long_date, short_date
from careplan.services import backup, restore, signing_certificate
from careplan.storage import encryption, manifest_table
from careplan.storage.opener import open_database
from tests import sqlite_files
from tests.refusals import PYTHON_WORDS, assert_plain
from tests.worlds import World, build_world

SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def plain(error: CareplanError, *, fields: tuple[str, ...] = (), phrase: str = "") -> None:
    """Plain words, apart from what the person typed, which a message may quote back “like this”;
    for an :class:`InvalidInput`, one of ``fields`` named as the input at fault."""
    assert_plain(re.sub(r"“[^”]*”", "“…”", error.message), [w for w in PYTHON_WORDS if w != "Error"])
    assert phrase in error.message
    if fields:
        assert isinstance(error, InvalidInput)
        assert error.field in fields


# --- dates ------------------------------------------------------------------------------------


@given(st.text(max_size=40))
@example("31/02/2027")
@example("29/02/2023")
@example("00/00/0000")
@example("1st of March")
@example("4th 4th 4th")
@example("٣/٣/٢٠٢٠")
@example("9" * 30)
@example("\x00")
def test_parse_date_returns_a_date_or_refuses_plainly(text: str) -> None:
    try:
        parsed = parse_date(text)
    except InvalidInput as exc:
        plain(exc, fields=("date",))
        return
    assert parsed is None or isinstance(parsed, date)
    if parsed is None:
        assert not text.strip()


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_every_date_as_shown_or_typed_reads_back_as_itself(day: date) -> None:
    for text in (
        day.strftime("%d/%m/%Y"),
        f"{day.day}/{day.month}/{day.year}",
        day.isoformat(),
        long_date(day),
        f"{day:%d} {short_date(day).split()[1]} {day.year}".lower(),
        f"  {day.day}.{day.month}.{day.year} ",
    ):
        assert parse_date(text) == day, text


@given(st.dates(min_value=date(1950, 1, 1), max_value=date.today()))
def test_a_two_digit_year_is_never_in_the_future(day: date) -> None:
    parsed = parse_date(day.strftime("%d/%m/%y"))
    assert parsed is not None
    assert parsed <= date.today() + timedelta(days=366)
    assert (parsed.day, parsed.month, parsed.year % 100) == (day.day, day.month, day.year % 100)


@given(st.text(max_size=40))
def test_a_required_date_is_never_quietly_missing(text: str) -> None:
    try:
        assert parse_date(text, required=True) is not None
    except InvalidInput as exc:
        plain(exc)


# --- the Careplan keywords read from a PDF ----------------------------------------------------


@given(st.text(max_size=300))
def test_keywords_from_any_pdf_read_as_known_fields_only(text: str) -> None:
    found = documents.parse_keywords(text)
    known = {
        documents.KEYWORD_DOCUMENT,
        documents.KEYWORD_PLAN,
        documents.KEYWORD_VERSION,
        documents.KEYWORD_SHA256,
        documents.KEYWORD_AUDIT,
    }
    assert set(found) <= known
    assert all(value and not any(c.isspace() for c in value) for value in found.values())


@given(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), st.integers(1, 999))
def test_keywords_written_are_read_back(sha: str, version: int) -> None:
    text = documents.keywords(documents.document_id(3, sha), "P-000042", version, sha)
    assert documents.parse_keywords(text)[documents.KEYWORD_SHA256] == sha


@given(st.text(max_size=120))
def test_an_audit_anchor_from_any_pdf_is_read_or_refused_never_a_crash(text: str) -> None:
    from careplan.services.audit import ChainAnchor

    anchor = ChainAnchor.from_text(text)
    assert anchor is None or ChainAnchor.from_text(anchor.as_text()) == anchor


@given(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), st.integers(0, 10**9))
def test_an_audit_anchor_written_is_read_back(digest: str, seq: int) -> None:
    from careplan.services.audit import ChainAnchor

    anchor = ChainAnchor(seq, digest)
    text = documents.keywords(documents.document_id(3, digest), "P-1", 1, digest, anchor.as_text())
    assert ChainAnchor.from_text(documents.parse_keywords(text)[documents.KEYWORD_AUDIT]) == anchor


# --- a questionnaire file (JSON) given by an administrator ------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def attempt_questionnaire(text: str) -> None:
    from careplan.domain.budget import Questionnaire, load_questionnaire

    try:
        loaded = load_questionnaire(text)
    except InvalidInput as exc:
        plain(exc)
        return
    assert isinstance(loaded, Questionnaire)
    assert loaded.questions


@given(st.text(max_size=200))
@example("9" * 5000)
@example("[" * 100_000)
@example('{"questions": ' + "[" * 50_000)
def test_any_text_as_a_questionnaire_file_is_read_or_refused_plainly(text: str) -> None:
    attempt_questionnaire(text)


@given(st.data())
def test_a_questionnaire_with_any_part_changed_is_read_or_refused_plainly(data: st.DataObject) -> None:
    import json

    from careplan.services.budget import default_questionnaire

    document: Any = default_questionnaire().to_dict()
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        node = document
        while isinstance(node, dict | list) and node and data.draw(st.booleans(), label="deeper"):
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            child = node[data.draw(st.sampled_from(keys), label="step")]
            if not isinstance(child, dict | list) or not child:
                break
            node = child
        if isinstance(node, dict) and node:
            key = data.draw(st.sampled_from(list(node)), label="key")
        elif isinstance(node, list) and node:
            key = data.draw(st.integers(0, len(node) - 1), label="index")
        else:
            continue
        if data.draw(st.booleans(), label="remove") and isinstance(node, dict):
            del node[key]
        else:
            node[key] = data.draw(JSON, label="value")
    attempt_questionnaire(json.dumps(document))


# --- backup files given to restore ------------------------------------------------------------


@dataclass(frozen=True)
class BackupWorld:
    template: Path
    good: bytes
    key_file: bytes
    world: World
    folder: Path


@pytest.fixture(scope="module")
def backup_world(tmp_path_factory: pytest.TempPathFactory) -> BackupWorld:
    folder = tmp_path_factory.mktemp("fuzz-restore")
    template = folder / "template.db"
    db = open_database(template)
    try:
        world = build_world(db)
        made = backup.backup_database(db, world.team.manager, folder / "good.careplan-backup")
    finally:
        db.dispose()
    key_file = encryption.key_file_for(made.path).read_bytes()
    return BackupWorld(template, made.path.read_bytes(), key_file, world, folder)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def attempt_restore(bw: BackupWorld, data: bytes) -> bool:
    """Restore ``data`` over a fresh copy: it goes in whole (True), or is refused with nothing
    changed (False)."""
    work = bw.folder / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    live = work / "careplan.db"
    sqlite_files.copy(bw.template, live)
    candidate = work / "candidate.careplan-backup"
    candidate.write_bytes(data)
    encryption.key_file_for(candidate).write_bytes(bw.key_file)  # a backup carries its key file
    before, files = _digest(live), sorted(p.name for p in work.iterdir())
    try:
        restore.restore_database(live, bw.world.team.administrator, candidate)
    except StorageError as exc:  # UnusableBackup is one
        plain(exc, phrase="Nothing was changed")
        assert _digest(live) == before
        assert sorted(p.name for p in work.iterdir()) == files
        return False
    assert restore.database_state(live) == "healthy"
    # Restored means restored whole: every row as backed up, plus the restore's own audit event.
    assert rows(live, restored=True) == rows(bw.template, restored=False)
    return True


def _table_rows(connection: Any, table: str) -> list[tuple[object, ...]]:
    """Every row of ``table`` in a stable order: by rowid, or (a table without rowids, such as the
    search words) by their values."""
    try:
        return list(connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall())
    except encryption.dbapi().OperationalError:
        return sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def rows(path: Path, *, restored: bool) -> dict[str, list[tuple[object, ...]]]:
    with contextlib.closing(sqlite_files.connect(path)) as connection:
        connection.text_factory = bytes
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        found = {
            name.decode(): _table_rows(connection, name.decode())
            for name in names
            if name.decode() not in ("audit_head", manifest_table.MANIFEST_TABLE)
        }
    if restored:
        found["audit_events"] = found["audit_events"][:-1]
    return found


@SLOW
@given(st.binary(max_size=8192))
@example(b"")
@example(b"SQLite format 3\x00")
@example(b"SQLite format 3\x00" + bytes(4096))
def test_restore_refuses_random_bytes_cleanly(backup_world: BackupWorld, data: bytes) -> None:
    # Random bytes are never a Careplan backup: refused, with nothing changed (checked inside).
    assert attempt_restore(backup_world, data) is False


# Where to cut or change a file is drawn without looking at the file (an offset taken modulo its
# length), so that what Hypothesis draws never depends on a fixture: keys and signatures differ in
# length from one run to the next, and a replayed example must draw the same way.
OFFSET = st.integers(0, 2**31)
CHANGES = st.lists(st.tuples(OFFSET, st.integers(1, 255)), min_size=1, max_size=8)


def changed_at(data: bytes, changes: list[tuple[int, int]]) -> bytes:
    changed = bytearray(data)
    for offset, xor in changes:
        changed[offset % len(changed)] ^= xor
    return bytes(changed)


@SLOW
@given(OFFSET)
def test_restore_of_a_cut_short_backup_is_refused_cleanly(backup_world: BackupWorld, offset: int) -> None:
    good = backup_world.good
    assert not attempt_restore(backup_world, good[: offset % len(good)])


@SLOW
@given(CHANGES)
def test_restore_of_a_backup_with_changed_bytes_is_whole_or_refused(
    backup_world: BackupWorld, changes: list[tuple[int, int]]
) -> None:
    attempt_restore(backup_world, changed_at(backup_world.good, changes))


# --- certificate files given to import ----------------------------------------------------------


@pytest.fixture(scope="module")
def certificate_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, Actor, bytes]]:
    from tests.services.test_signing_certificate import pkcs12_file

    db = open_database(tmp_path_factory.mktemp("fuzz-p12") / "careplan.db")
    world = build_world(db)
    yield db, world.team.administrator, pkcs12_file()
    db.dispose()


def attempt_import(certificate_world: tuple[object, Actor, bytes], data: bytes) -> None:
    from tests.keyring_memory import MemoryKeyring, installed

    db, admin, _good = certificate_world
    with installed(MemoryKeyring()):
        try:
            signing_certificate.import_pkcs12(db, admin, data, "file passphrase", replace=True)  # type: ignore[arg-type]
        except InvalidInput as exc:
            plain(exc, fields=("file", "passphrase"))


@SLOW
@given(st.binary(max_size=4096))
@example(b"")
@example(b"0\x82\x00\x00")
@example(b"0\x80")
def test_importing_random_bytes_as_a_certificate_is_refused_plainly(
    certificate_world: tuple[object, Actor, bytes], data: bytes
) -> None:
    attempt_import(certificate_world, data)


@SLOW
@given(st.one_of(OFFSET, CHANGES))
def test_importing_a_cut_short_or_changed_certificate_file_is_refused_plainly(
    certificate_world: tuple[object, Actor, bytes], damage: int | list[tuple[int, int]]
) -> None:
    good = certificate_world[2]
    if isinstance(damage, int):
        attempt_import(certificate_world, good[: damage % len(good)])
    else:
        attempt_import(certificate_world, changed_at(good, damage))


@SLOW
@given(st.text(max_size=80))
@example("")
@example(" file passphrase ")
@example("file passphrase\x00")
def test_a_wrong_passphrase_for_a_certificate_file_is_refused_plainly(
    certificate_world: tuple[object, Actor, bytes], passphrase: str
) -> None:
    from tests.keyring_memory import MemoryKeyring, installed

    db, admin, good = certificate_world
    with installed(MemoryKeyring()):
        try:
            signing_certificate.import_pkcs12(db, admin, good, passphrase, replace=True)  # type: ignore[arg-type]
        except InvalidInput as exc:
            plain(exc, fields=("file", "passphrase"))
        else:
            assert passphrase == "file passphrase"


# --- PDFs given to verify -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def signed_pdf() -> tuple[bytes, object]:
    from careplan.documents.sign import sign_pdf
    from tests.documents.test_sign_verify import ORGANISATION, identity_for, make_pdf

    identity = identity_for(ORGANISATION, "ec-p256")
    return sign_pdf(make_pdf(), identity), identity.certificate


def attempt_verify(signed_pdf: tuple[bytes, object], data: bytes) -> None:
    from careplan.documents.verify import verify_pdf

    _good, certificate = signed_pdf
    result = verify_pdf(data, trusted=[certificate], find_version=lambda _sha: None)  # type: ignore[list-item]
    assert result.exit_code in (10, 11, 12)
    for line in (result.unchanged_line, result.signer_line, result.plan_line):
        assert line
        assert "Traceback" not in line
    if data != _good:
        assert not result.ok


@SLOW
@given(st.binary(max_size=4096))
@example(b"%PDF-1.7\n")
@example(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF")
def test_verifying_random_bytes_gives_a_plain_answer(signed_pdf: tuple[bytes, object], data: bytes) -> None:
    attempt_verify(signed_pdf, data)


@SLOW
@given(st.one_of(OFFSET, CHANGES))
def test_verifying_a_cut_short_or_changed_signed_pdf_gives_a_plain_answer(
    signed_pdf: tuple[bytes, object], damage: int | list[tuple[int, int]]
) -> None:
    good = signed_pdf[0]
    if isinstance(damage, int):
        attempt_verify(signed_pdf, good[: damage % len(good)])
    else:
        attempt_verify(signed_pdf, changed_at(good, damage))
