"""Flushing a finished backup to the disk: how the file is opened on each system."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from careplan.domain.errors import StorageError
from careplan.storage.backup_files import sync_file, sync_open_flags


def test_windows_opens_the_file_for_writing_to_flush_it() -> None:
    # Windows' _commit refuses a descriptor opened only for reading (EBADF).
    assert sync_open_flags("nt") & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR) == os.O_RDWR


def test_posix_opens_the_file_for_reading_only() -> None:
    assert sync_open_flags("posix") & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR) == os.O_RDONLY


def test_a_read_only_copy_is_flushed_here(tmp_path: Path) -> None:
    copy = tmp_path / "backup.db"
    copy.write_bytes(b"synthetic")
    copy.chmod(0o400)
    sync_file(copy)
    assert copy.read_bytes() == b"synthetic"


def test_a_missing_file_is_a_plain_storage_problem(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        sync_file(tmp_path / "not-there.db")
