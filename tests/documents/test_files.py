"""Writing a finished document: whole, private, and never over something that is not a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from careplan.documents.files import NotAFile, why_not_written, write_atomically


def test_a_document_is_written_readable_by_its_owner_only(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        target = tmp_path / "agreement.pdf"
        target.write_bytes(b"an earlier copy")
        target.chmod(0o644)
        write_atomically(target, b"%PDF-1.7")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"%PDF-1.7"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["a folder", "a named pipe", "a link to a named pipe"])
def test_what_is_not_a_file_is_never_replaced(tmp_path: Path, kind: str) -> None:
    """The rename would turn a pipe (or a device) into a file; the pipe is never opened either."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    (tmp_path / "folder").mkdir()
    (tmp_path / "link").symlink_to(pipe)
    target = {"a folder": "folder", "a named pipe": "pipe", "a link to a named pipe": "link"}[kind]
    with pytest.raises(NotAFile) as caught:
        write_atomically(tmp_path / target, b"%PDF-1.7")
    assert "not an ordinary file" in why_not_written(caught.value)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    assert (tmp_path / "link").is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "link", "pipe"]  # no temporary file left
