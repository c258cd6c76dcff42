"""``careplan agreement``, ``careplan verify`` and ``careplan certificate``, run as a person would.

Subprocesses get the test-only file-backed keyring (``PYTHON_KEYRING_BACKEND``), or keyring's
own ``fail`` backend to stand for a computer with no keyring.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from careplan.domain.enums import PlanStatus
from careplan.services import signing_certificate as certs
from careplan.services.plans import revise_plan
from careplan.storage import encryption, open_database
from tests import sqlite_files, worlds
from tests.cli.sign_in import AS_PRIYA, give_everyone_a_password
from tests.conftest import TEST_RECOVERY_PASSPHRASE
from tests.keyring_memory import FileKeyring, installed, subprocess_env

REPO = Path(__file__).resolve().parents[2]
PASSPHRASE = "correct horse battery staple"
ORGANISATION = "Harbour Recovery Service"
FAIL_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}


def run(
    *args: str, data_dir: Path, env: dict[str, str] | None = None, keyring_file: Path | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING")) and k != "PYTHONPATH"
    }
    full_env["CAREPLAN_DATA_DIR"] = str(data_dir)
    full_env.update(AS_PRIYA)  # signed in as the manager unless --user says otherwise
    full_env["PYTHONPATH"] = os.pathsep.join((str(REPO / "src"), str(REPO)))  # the test keyring is in tests/
    # The database opens with its recovery passphrase whatever the keyring: these tests are about
    # the certificate's passphrase (tests/storage/test_encryption.py is about the database's key).
    full_env[encryption.ENV_RECOVERY_PASSPHRASE] = TEST_RECOVERY_PASSPHRASE
    if keyring_file is not None:
        full_env.update(subprocess_env(keyring_file))
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "careplan", *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def assert_plain_failure(result: subprocess.CompletedProcess[str], code: int, phrase: str) -> None:
    assert result.returncode == code, result.stdout + result.stderr
    assert phrase in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") <= 4


@dataclass(frozen=True)
class Site:
    """A database with Dee's plan (version 1 active, version 2 signed but not approved) and the
    service's certificate, whose passphrase is in ``keyring_file``."""

    folder: Path
    database: Path
    keyring_file: Path
    plan_id: int
    version_id: int
    sha256: str
    plan_key: str

    def copy(self, into: Path) -> Site:
        """A private copy of the database and keyring, for a test that writes."""
        into.mkdir(parents=True, exist_ok=True)
        database = into / "careplan.db"
        sqlite_files.copy(self.database, database)
        keyring_file = into / "keyring.json"
        shutil.copy(self.keyring_file, keyring_file)
        return Site(into, database, keyring_file, self.plan_id, self.version_id, self.sha256, self.plan_key)

    def run(self, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
        options: dict[str, object] = {"data_dir": self.folder, "keyring_file": self.keyring_file}
        options.update(kwargs)
        return run("--database", str(self.database), *args, **options)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("site")
    database = folder / "careplan.db"
    keyring_file = folder / "keyring.json"
    db = open_database(database)
    try:
        world = worlds.build_world(db, stage=PlanStatus.ACTIVE)
        give_everyone_a_password(db)
        second = revise_plan(db, world.team.key_worker, world.version_id)
        worlds.sign_both(db, world.team.key_worker, second)
        key = sqlite_files.key_of(database)  # found in the run's keyring, kept in the site's too
        with installed(FileKeyring(keyring_file)):
            certs.create_self_signed(db, world.team.manager, ORGANISATION, PASSPHRASE)
            encryption.remember_key(key.database_id, key.key)
        sha = worlds.version_sha256(db, world.version_id)
        with db.session() as session:
            from careplan.domain.records import Plan

            plan = session.get(Plan, world.plan_id)
            assert plan is not None
            plan_key = plan.key
    finally:
        db.dispose()
    return Site(folder, database, keyring_file, world.plan_id, world.version_id, sha, plan_key)


@pytest.fixture
def identity(site: Site) -> Iterator[certs.SigningIdentity]:
    db = open_database(site.database)
    try:
        with installed(FileKeyring(site.keyring_file)):
            yield certs.signing_identity(db)
    finally:
        db.dispose()


def test_the_commands_are_listed(tmp_path: Path) -> None:
    result = run("--help", data_dir=tmp_path)
    assert result.returncode == 0
    for command in ("agreement", "verify", "certificate"):
        assert command in result.stdout


# --- careplan agreement, then careplan verify: the journey -------------------------------------------


@pytest.fixture(scope="module")
def genuine(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The agreement as ``careplan agreement`` prints it (needs the renderer)."""
    pytest.importorskip("careplan.documents.render")
    out = tmp_path_factory.mktemp("out") / "agreement.pdf"
    result = site.run("agreement", str(site.plan_id), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"version 1 of plan {site.plan_id}" in result.stdout
    assert ORGANISATION in result.stdout
    return out


def test_a_printed_agreement_verifies(site: Site, genuine: Path) -> None:
    result = site.run("verify", str(genuine))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Checking agreement.pdf"
    assert lines[1].startswith("Document CP-")
    assert lines[2].startswith("✓ Unchanged since it was signed on ")
    assert lines[3] == f"✓ Signed by {ORGANISATION} (this service's certificate)."
    assert lines[4].startswith(f"✓ Matches version 1 of plan {site.plan_id} in the record (in action;")
    assert result.stderr == ""


def test_the_easy_read_agreement_is_signed_too(site: Site, tmp_path: Path) -> None:
    pytest.importorskip("careplan.documents.render")
    out = tmp_path / "easy.pdf"
    made = site.run("agreement", str(site.plan_id), "--version", "1", "--easy-read", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert "easy-read" in made.stdout
    assert site.run("verify", str(out)).returncode == 0


def test_an_issued_agreement_is_in_the_audit_trail(site: Site, tmp_path: Path) -> None:
    own = site.copy(tmp_path / "site")

    def issued() -> list[tuple[str, int, str]]:
        with closing(sqlite_files.connect(own.database)) as conn:
            rows: list[tuple[str, int, str]] = conn.execute(
                "SELECT entity, entity_id, fields FROM audit_events WHERE action = 'issue_agreement' "
                "ORDER BY id"
            ).fetchall()
            return rows

    before = issued()
    made = own.run("agreement", str(site.plan_id), "--easy-read", "--out", str(tmp_path / "a.pdf"))
    assert made.returncode == 0, made.stderr
    after = issued()
    assert len(after) == len(before) + 1
    entity, entity_id, fields = after[-1]
    assert (entity, entity_id) == ("plan_version", site.version_id)
    assert "easy_read" in fields
    assert own.run("audit", "verify").returncode == 0


def test_pdfsig_agrees_with_careplan(genuine: Path) -> None:
    tool = shutil.which("pdfsig")
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdfsig (poppler-utils) is not installed")
        pytest.skip("pdfsig (poppler-utils) is not installed")
    result = subprocess.run([tool, str(genuine)], capture_output=True, text=True, timeout=60, check=False)
    assert "Signature is Valid." in result.stdout
    assert "Total document signed" in result.stdout


# --- careplan verify: one exit code per failure ----------------------------------------------------


def _signed_test_pdf(identity: certs.SigningIdentity, *, sha256: str, plan_key: str) -> bytes:
    from careplan.documents.sign import sign_pdf
    from tests.documents.test_sign_verify import make_pdf

    return sign_pdf(make_pdf(sha256=sha256, plan_key=plan_key, version=1), identity)


def _appended(data: bytes) -> bytes:
    from pyhanko.pdf_utils.generic import NameObject, TextStringObject
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(data))
    info = writer.trailer["/Info"].get_object()
    info[NameObject("/Title")] = TextStringObject("Edited afterwards")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_verify_exit_codes(site: Site, identity: certs.SigningIdentity, tmp_path: Path) -> None:
    """0 genuine; 10 changed, appended, unsigned or not a PDF; 11 someone else's certificate;
    12 a fingerprint that matches no stored version."""
    from careplan.documents.sign import sign_pdf
    from careplan.services.certificate_record import fingerprint, make_self_signed
    from careplan.services.signing_certificate import SigningIdentity
    from tests.documents.test_sign_verify import make_pdf

    good = _signed_test_pdf(identity, sha256=site.sha256, plan_key=site.plan_key)
    key, certificate = make_self_signed(ORGANISATION, "ec-p256")
    stranger = SigningIdentity(key, certificate, (), ORGANISATION, fingerprint(certificate))
    changed = bytearray(good)
    changed[good.index(b"Quillbramble")] ^= 0x01
    cases: dict[str, tuple[bytes, int, str]] = {
        "genuine": (good, 0, "✓ Matches version 1"),
        "changed": (
            bytes(changed),
            10,
            "✗ Changed after signing: this is not the document the service signed.",
        ),
        "appended": (_appended(good), 10, "something was added to the file after it was signed"),
        "unsigned": (make_pdf(sha256=site.sha256, plan_key=site.plan_key, version=1), 10, "✗ Not signed"),
        "not a pdf": (b"Dear Sir or Madam,\nplease find attached.\n", 10, "✗ This file is not a PDF"),
        "stranger": (
            sign_pdf(make_pdf(sha256=site.sha256, plan_key=site.plan_key, version=1), stranger),
            11,
            "which is not this service's certificate",
        ),
        "unknown plan": (
            _signed_test_pdf(identity, sha256="ab" * 32, plan_key=site.plan_key),
            12,
            "matches no plan version in this service's records",
        ),
    }
    for name, (data, code, phrase) in cases.items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        result = site.run("verify", str(path))
        assert result.returncode == code, (name, result.stdout, result.stderr)
        assert phrase in result.stdout, (name, result.stdout)
        assert "Traceback" not in result.stderr
        if code:
            assert result.stderr.startswith("careplan: Do not rely on this file"), result.stderr


def test_verify_vouches_only_for_what_the_service_wrote(
    site: Site, identity: certs.SigningIdentity, tmp_path: Path
) -> None:
    """Signature digits rewritten in lower case are a changed file (10), and a stranger's
    signature over a genuine agreement's Keywords names no plan of this service's (11)."""
    from careplan.documents.sign import sign_pdf
    from careplan.services.certificate_record import fingerprint, make_self_signed
    from careplan.services.signing_certificate import SigningIdentity
    from tests.documents.test_sign_verify import contents_span, make_pdf

    good = _signed_test_pdf(identity, sha256=site.sha256, plan_key=site.plan_key)
    start, end = contents_span(good)
    lowered = tmp_path / "lowered.pdf"
    lowered.write_bytes(good[:start] + good[start:end].lower() + good[end:])
    result = site.run("verify", str(lowered))
    assert result.returncode == 10, result.stdout + result.stderr
    assert "✗ Changed after signing: this is not the document the service signed." in result.stdout
    assert "✓" not in result.stdout

    key, certificate = make_self_signed(ORGANISATION, "ec-p256")
    stranger = SigningIdentity(key, certificate, (), ORGANISATION, fingerprint(certificate))
    resigned = tmp_path / "resigned.pdf"
    resigned.write_bytes(sign_pdf(make_pdf(sha256=site.sha256, plan_key=site.plan_key, version=1), stranger))
    result = site.run("verify", str(resigned))
    assert result.returncode == 11, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "Checking resigned.pdf",
        "✓ Unchanged since it was signed.",
        lines[2],
        "– Which plan it belongs to was not looked up: someone other than this service signed it, so "
        "the plan it names cannot be trusted.",
    ]
    assert lines[2].startswith(f"✗ Signed by {ORGANISATION}, which is not this service's certificate")
    assert "Matches" not in result.stdout
    assert "Document" not in result.stdout  # the document id is the stranger's word too


def test_verify_a_missing_file(site: Site, tmp_path: Path) -> None:
    assert_plain_failure(site.run("verify", str(tmp_path / "nowhere.pdf")), 10, "There is no file at")
    assert_plain_failure(site.run("verify", str(tmp_path)), 10, "is a folder")


def test_verify_needs_a_careplan_database(site: Site, tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    result = run("--database", str(tmp_path / "missing.db"), "verify", str(path), data_dir=tmp_path)
    assert_plain_failure(result, 3, "There is no Careplan database")


# --- careplan agreement: refusals, and never a half-written file -----------------------------------


def test_no_certificate_yet_says_how_to_make_one(tmp_path: Path) -> None:
    database = tmp_path / "careplan.db"
    db = open_database(database)
    try:
        world = worlds.build_world(db, stage=PlanStatus.APPROVED)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    out = tmp_path / "agreement.pdf"
    result = run(
        "--database", str(database), "agreement", str(world.plan_id), "--out", str(out), data_dir=tmp_path
    )
    assert_plain_failure(result, 8, "Run: careplan certificate create --organisation NAME")
    assert not out.exists()


def test_a_missing_keyring_signs_nothing_without_the_passphrase(site: Site, tmp_path: Path) -> None:
    """No keyring, and no terminal to type the passphrase at: nothing is signed, and it says why
    and how (a terminal, or CAREPLAN_CERT_PASSPHRASE); a wrong passphrase signs nothing either."""
    out = tmp_path / "agreement.pdf"
    result = site.run("agreement", str(site.plan_id), "--out", str(out), env=FAIL_KEYRING)
    assert_plain_failure(result, 9, certs.NEEDS_PASSPHRASE)
    assert "Type it at a terminal, or give it in the CAREPLAN_CERT_PASSPHRASE" in result.stderr
    assert ".." not in result.stderr
    for wrong in ("not the passphrase", ""):
        given = {**FAIL_KEYRING, "CAREPLAN_CERT_PASSPHRASE": wrong}
        refused = site.run("agreement", str(site.plan_id), "--out", str(out), env=given)
        assert_plain_failure(refused, 2, "passphrase")
    assert list(tmp_path.iterdir()) == []


def test_a_missing_keyring_signs_with_the_passphrase_given(site: Site, tmp_path: Path) -> None:
    pytest.importorskip("careplan.documents.render")
    out = tmp_path / "agreement.pdf"
    given = {**FAIL_KEYRING, "CAREPLAN_CERT_PASSPHRASE": PASSPHRASE}
    made = site.run("agreement", str(site.plan_id), "--out", str(out), env=given)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    assert site.run("verify", str(out), env=FAIL_KEYRING).returncode == 0


def test_without_a_keyring_the_passphrase_cannot_be_kept(site: Site, tmp_path: Path) -> None:
    own = site.copy(tmp_path / "site")
    given = {**FAIL_KEYRING, "CAREPLAN_CERT_PASSPHRASE": PASSPHRASE}
    result = own.run("certificate", "remember-passphrase", env=given)
    assert_plain_failure(result, 9, "There is no keyring on this computer to keep the passphrase in")


def test_a_keyring_without_the_passphrase_signs_nothing(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "agreement.pdf"
    empty = tmp_path / "empty-keyring.json"
    result = site.run("agreement", str(site.plan_id), "--out", str(out), keyring_file=empty)
    assert_plain_failure(result, 9, "not in this computer's keyring")
    assert not out.exists()


def test_a_version_not_yet_approved_is_refused(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "agreement.pdf"
    result = site.run("agreement", str(site.plan_id), "--version", "2", "--out", str(out))
    assert_plain_failure(result, 2, "only an approved version can be printed")
    assert not out.exists()


def test_agreement_argument_mistakes(site: Site, tmp_path: Path) -> None:
    assert_plain_failure(site.run("agreement", "Dee", "--out", "x.pdf"), 2, "not a whole number")
    assert_plain_failure(site.run("agreement", str(site.plan_id)), 2, "--out")
    result = site.run("agreement", str(site.plan_id), "--out", str(tmp_path / "no" / "such" / "x.pdf"))
    assert_plain_failure(result, 2, "There is no folder")
    assert_plain_failure(
        site.run("agreement", "999", "--out", str(tmp_path / "x.pdf")), 5, "There is no plan 999"
    )
    result = site.run("--user", "sam", "agreement", str(site.plan_id), "--out", str(tmp_path / "x.pdf"))
    assert_plain_failure(result, 4, "cannot print agreement")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def in_process(site: Site, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """Run ``careplan`` in this process, with the site's keyring."""
    for name in [k for k in os.environ if k.startswith("CAREPLAN_")]:
        monkeypatch.delenv(name)
    for name, value in AS_PRIYA.items():
        monkeypatch.setenv(name, value)
    with installed(FileKeyring(site.keyring_file)):
        yield site


def _fake_renderer(monkeypatch: pytest.MonkeyPatch, pdf: bytes) -> None:
    """Stand-ins for the renderer, so that these tests do not depend on how it lays pages out."""
    import types

    render = types.ModuleType("careplan.documents.render")
    render.render_agreement = lambda agreement, easy_read=False: pdf  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "careplan.documents.render", render)


def test_the_file_appears_whole_or_not_at_all(
    in_process: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from careplan.cli.main import main
    from tests.documents.test_sign_verify import make_pdf

    site = in_process
    _fake_renderer(monkeypatch, make_pdf(sha256=site.sha256, plan_key=site.plan_key, version=1))
    out = tmp_path / "agreement.pdf"
    out.write_bytes(b"the copy printed last week")

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    replace = os.replace
    monkeypatch.setattr(os, "replace", disk_full)
    code = main(["--database", str(site.database), "agreement", str(site.plan_id), "--out", str(out)])
    assert code == 2
    assert "the disk is full" in capsys.readouterr().err
    assert out.read_bytes() == b"the copy printed last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.pdf"]  # no temporary file left

    monkeypatch.setattr(os, "replace", replace)
    code = main(["--database", str(site.database), "agreement", str(site.plan_id), "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.pdf"]


def test_an_agreement_that_could_not_be_written_is_not_in_the_audit_trail(
    in_process: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from careplan.cli.main import main
    from tests.documents.test_sign_verify import make_pdf

    site = in_process

    def issued() -> list[tuple[int, str]]:
        with closing(sqlite_files.connect(site.database)) as conn:
            rows: list[tuple[int, str]] = conn.execute(
                "SELECT entity_id, fields FROM audit_events WHERE action = 'issue_agreement' ORDER BY id"
            ).fetchall()
            return rows

    _fake_renderer(monkeypatch, make_pdf(sha256=site.sha256, plan_key=site.plan_key, version=1))
    out = tmp_path / "agreement.pdf"
    before = issued()

    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", disk_full)
        code = main(["--database", str(site.database), "agreement", str(site.plan_id), "--out", str(out)])
    assert code == 2
    assert "Nothing was written" in capsys.readouterr().err
    assert issued() == before  # signed in memory, never issued: no "issue_agreement" event

    assert main(["--database", str(site.database), "agreement", str(site.plan_id), "--out", str(out)]) == 0
    after = issued()
    assert len(after) == len(before) + 1
    entity_id, fields = after[-1]
    assert entity_id == site.version_id
    assert "saved" in fields
    assert "full" in fields


def test_a_pdf_that_fails_its_own_check_is_not_written(
    in_process: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from careplan.cli.main import main
    from tests.documents.test_sign_verify import make_pdf

    site = in_process
    _fake_renderer(monkeypatch, make_pdf(sha256="cd" * 32, plan_key=site.plan_key, version=1))
    out = tmp_path / "agreement.pdf"
    code = main(["--database", str(site.database), "agreement", str(site.plan_id), "--out", str(out)])
    assert code == 1
    err = capsys.readouterr().err
    assert "did not pass its own check, so it was not written" in err
    assert "matches no plan version" in err
    assert list(tmp_path.iterdir()) == []


# --- careplan certificate ------------------------------------------------------------------------------


def test_certificate_create_show_and_replace(site: Site, tmp_path: Path) -> None:
    fresh_db = tmp_path / "careplan.db"
    keyring_file = tmp_path / "keyring.json"
    db = open_database(fresh_db)
    try:
        worlds.make_team(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()

    def careplan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return run("--database", str(fresh_db), *args, data_dir=tmp_path, keyring_file=keyring_file, env=env)

    assert_plain_failure(careplan("certificate", "show"), 8, "no signing certificate yet")
    assert_plain_failure(
        careplan("certificate", "create", "--organisation", ORGANISATION), 2, "CAREPLAN_CERT_PASSPHRASE"
    )
    with_passphrase = {"CAREPLAN_CERT_PASSPHRASE": PASSPHRASE}
    made = careplan(
        "certificate", "create", "--organisation", ORGANISATION, "--key", "ec-p256", env=with_passphrase
    )
    assert made.returncode == 0, made.stderr
    assert f"Made a new signing certificate for {ORGANISATION}." in made.stdout
    assert PASSPHRASE in keyring_file.read_text()
    assert PASSPHRASE not in made.stdout + made.stderr

    shown = careplan("certificate", "show")
    assert shown.returncode == 0
    assert f"Signs as:     {ORGANISATION} (self-signed)" in shown.stdout

    again = careplan("certificate", "create", "--organisation", "Other", env=with_passphrase)
    assert_plain_failure(again, 2, "To replace it, add --replace.")
    replaced = careplan(
        "certificate",
        "create",
        "--organisation",
        "Other",
        "--replace",
        "--key",
        "ec-p256",
        env=with_passphrase,
    )
    assert replaced.returncode == 0, replaced.stderr
    shown = careplan("certificate", "show")
    assert "Signs as:     Other (self-signed)" in shown.stdout
    assert f"Still trusted for what it signed: {ORGANISATION}" in shown.stdout


def test_certificate_create_without_a_keyring_keeps_the_passphrase_nowhere(tmp_path: Path) -> None:
    """No keyring: the certificate is stored (its key encrypted with the passphrase), the
    passphrase nowhere, and it says that the passphrase will be needed each time."""
    fresh_db = tmp_path / "careplan.db"
    db = open_database(fresh_db)
    try:
        worlds.make_team(db)
        give_everyone_a_password(db)
    finally:
        db.dispose()
    env = {**FAIL_KEYRING, "CAREPLAN_CERT_PASSPHRASE": PASSPHRASE}
    result = run(
        "--database", str(fresh_db), "certificate", "create", "--organisation", ORGANISATION,
        data_dir=tmp_path, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == certs.NEEDS_PASSPHRASE
    assert "kept in this computer's keyring" not in result.stdout
    shown = run("--database", str(fresh_db), "certificate", "show", data_dir=tmp_path, env=FAIL_KEYRING)
    assert shown.returncode == 0, shown.stderr
    assert f"Signs as:     {ORGANISATION} (self-signed)" in shown.stdout
    for path in tmp_path.rglob("*"):
        assert not path.is_file() or PASSPHRASE.encode() not in path.read_bytes(), path


def test_certificate_import_and_remember_passphrase(site: Site, tmp_path: Path) -> None:
    from tests.services.test_signing_certificate import pkcs12_file

    own = site.copy(tmp_path / "site")
    p12 = tmp_path / "service.p12"
    p12.write_bytes(pkcs12_file())
    wrong = own.run("certificate", "import", str(p12), "--replace", env={"CAREPLAN_CERT_PASSPHRASE": "nope"})
    assert_plain_failure(wrong, 2, "That passphrase does not open the certificate file")
    env = {"CAREPLAN_CERT_PASSPHRASE": "file passphrase"}
    imported = own.run("certificate", "import", str(p12), "--replace", env=env)
    assert imported.returncode == 0, imported.stderr
    assert "Imported Service Ltd now signs" in imported.stdout

    # A second computer sharing the database: nothing signs until the passphrase is stored there.
    other_computer = tmp_path / "other-keyring.json"
    out = tmp_path / "agreement.pdf"
    refused = own.run("agreement", str(own.plan_id), "--out", str(out), keyring_file=other_computer)
    assert_plain_failure(refused, 9, "not in this computer's keyring")
    remembered = own.run("certificate", "remember-passphrase", keyring_file=other_computer, env=env)
    assert remembered.returncode == 0, remembered.stderr
    assert "file passphrase" in other_computer.read_text()


def test_certificate_timestamp_server(site: Site, tmp_path: Path) -> None:
    own = site.copy(tmp_path / "site")
    assert own.run("certificate", "timestamp-server", "https://tsa.example.org/tsr").returncode == 0
    assert "Timestamps:   https://tsa.example.org/tsr" in own.run("certificate", "show").stdout
    assert own.run("certificate", "timestamp-server", "--none").returncode == 0
    assert "Timestamps:   none (PAdES B-B)" in own.run("certificate", "show").stdout
    assert_plain_failure(own.run("certificate", "timestamp-server", "tsa.example.org"), 2, "not the address")


def test_only_managers_and_administrators_manage_the_certificate(site: Site, tmp_path: Path) -> None:
    own = site.copy(tmp_path / "site")
    result = own.run(
        "--user",
        "sam",
        "certificate",
        "create",
        "--organisation",
        "X",
        env={"CAREPLAN_CERT_PASSPHRASE": PASSPHRASE},
    )
    assert_plain_failure(result, 4, "cannot manage signing certificate")
