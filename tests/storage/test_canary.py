"""The canary scan: no personal text in plain on disk, in temporary files or in the logs.

A separate process writes a made-up word (:data:`worlds.CANARY`) into a person's record, About
me and plan through the use cases, renders the agreement, then keeps writing (with the WAL held
open) until it is killed with SIGKILL mid-write. Then every file under the test's folder (the data
folder, the temporary folder and home the process used, its log file, what it printed) is
searched for the canary in UTF-8, UTF-16 and lower case. There must be nothing.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careplan.storage import encryption
from tests import worlds

REPO = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("canary_writer.py")
WRITES_BEFORE_KILL = 15


def canary_forms(word: str) -> list[bytes]:
    forms = []
    for text in {word, word.lower(), word.upper()}:
        forms += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return forms


def files_holding(folder: Path, word: str) -> list[str]:
    """Every file under ``folder`` that contains ``word`` in any of its encodings."""
    forms = canary_forms(word)
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(form in data for form in forms):
                found.append(str(path.relative_to(folder)))
    return found


def test_the_scanner_finds_the_canary_in_every_encoding(tmp_path: Path) -> None:
    for i, form in enumerate(canary_forms(worlds.CANARY)):
        (tmp_path / f"{i}.bin").write_bytes(b"\0junk" + form + b"junk")
    assert len(files_holding(tmp_path, worlds.CANARY)) == len(canary_forms(worlds.CANARY))


@pytest.mark.slow
def test_no_canary_anywhere_after_a_crash_mid_write(tmp_path: Path) -> None:
    data, temp, home = tmp_path / "data", tmp_path / "tmp", tmp_path / "home"
    for folder in (data, temp, home):
        folder.mkdir()
    database = data / "careplan.db"
    log_file = data / "careplan.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CAREPLAN_", "PYTHON_KEYRING"))}
    env.update(
        {
            "CAREPLAN_DATA_DIR": str(data),
            encryption.ENV_RECOVERY_PASSPHRASE: "canary test recovery passphrase",
            "PYTHON_KEYRING_BACKEND": "tests.keyring_memory.FileKeyring",
            # The test keyring holds keys in plain text on purpose: outside the scanned folder.
            "CAREPLAN_TEST_KEYRING_FILE": str(tmp_path.parent / f"{tmp_path.name}-keyring.json"),
            "TMPDIR": str(temp),
            "SQLITE_TMPDIR": str(temp),
            "HOME": str(home),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "PYTHONPATH": os.pathsep.join((str(REPO / "src"), str(REPO))),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    stdout_path, stderr_path = tmp_path / "stdout.txt", tmp_path / "stderr.txt"
    with (
        stdout_path.open("wb") as stdout_log,
        stderr_path.open("wb") as stderr,
        subprocess.Popen(
            [sys.executable, str(WRITER), str(database), str(log_file)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
            cwd=tmp_path,
        ) as child,
    ):
        assert child.stdout is not None
        try:
            while True:
                line = child.stdout.readline()
                stdout_log.write(line)
                assert line, f"the writer stopped:\n{stderr_path.read_text()}"
                if line.strip() == f"WROTE {WRITES_BEFORE_KILL}".encode():
                    break
            child.send_signal(signal.SIGKILL)  # mid-write: it is writing the next person already
            assert child.wait(timeout=60) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=60)
        stdout_log.write(child.stdout.read())

    # The test is worth something only if the canary is really there, encrypted, WAL and all.
    wal = Path(f"{database}-wal")
    assert wal.exists(), "the crash left a WAL behind"
    assert wal.stat().st_size > 4096
    assert log_file.stat().st_size > 0, "the writer logged"
    assert "READY" in stdout_path.read_text()
    reader = _reader(database, env)
    try:
        count = reader.execute("SELECT count(*) FROM texts WHERE body LIKE ?", (f"%{worlds.CANARY}%",))
        assert count.fetchone()[0] > WRITES_BEFORE_KILL
    finally:
        reader.close()

    assert files_holding(tmp_path, worlds.CANARY) == []
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(b"SQLite format 3"), f"{path.name} is a plain database"


def _reader(database: Path, env: dict[str, str]) -> Any:
    """A keyed connection to the crashed database, through its recovery passphrase."""
    key = encryption.unlock(database, env[encryption.ENV_RECOVERY_PASSPHRASE])
    return encryption.connect(database, key)


def test_a_backup_its_key_file_and_the_copies_a_restore_keeps_hold_no_canary(tmp_path: Path) -> None:
    from contextlib import closing

    from careplan.domain.actor import PERSON
    from careplan.services import backup, people, restore
    from careplan.storage import backup_keys, open_database

    data = tmp_path / "data"
    data.mkdir()
    db = open_database(data / "careplan.db")
    try:
        world = worlds.build_world(db)
        people.write_about_me(
            db, world.team.key_worker, world.person_id, "hopes", f"A flat {worlds.CANARY}", PERSON
        )
        made = backup.backup_database(db, world.team.manager, tmp_path / "b.careplan-backup")
        assert db.path is not None
        restored = restore.restore_database(db.path, world.team.administrator, made.path)
    finally:
        db.dispose()
    key_file = encryption.key_file_for(made.path)
    assert key_file.is_file()
    assert restored.kept_aside
    # The test is worth something only if the canary is really in the backup, under its key.
    key = backup_keys.backup_key(made.path).key
    assert key is not None
    with closing(encryption.connect(made.path, key)) as reader:
        found = reader.execute("SELECT count(*) FROM texts WHERE body LIKE ?", (f"%{worlds.CANARY}%",))
        assert found.fetchone()[0] >= 1

    assert files_holding(tmp_path, worlds.CANARY) == []
    assert worlds.CANARY.encode() not in key_file.read_bytes()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert not path.read_bytes().startswith(b"SQLite format 3"), f"{path.name} is a plain database"
