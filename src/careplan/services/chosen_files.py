"""Files a person names, on the command line or in a file dialog: where Careplan may write one,
and reading one.

**Writing** (:func:`output_path`): never over the open database or what it needs to open again
(its ``-wal``, ``-shm`` and ``-journal`` files and its key file), nor into its automatic backups
folder (Careplan prunes that folder and restores from it). Files are compared by what they are,
not by how their names are spelt: ``./careplan.db``, ``folder/../careplan.db``, a symbolic or a
hard link to it are all the database. Never over something that is not an ordinary file (a
folder, a device, a named pipe, a socket, or a link to one: renaming a finished file over it would
replace it, and opening a pipe waits for ever), and never into a folder that does not exist. A
refusal is one plain sentence (:class:`FileRefused`: bad input, exit 2 on the command line), and
comes before anything is written.

**Reading** (:func:`read_chosen`): an ordinary file only, looked at before it is opened (a named
pipe is never opened), and no more than a limit.

**The database** named by ``--database`` (:func:`database_file`): an ordinary file, or nothing yet.

What Careplan writes is readable by its owner only: the documents' atomic write, the backups and
the key export each create their file private (0600) before a byte goes in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from careplan.domain.errors import InvalidInput, StorageError
from careplan.storage import encryption
from careplan.storage.backup_folder import backups_folder
from careplan.storage.database import Database, resolve_target
from careplan.storage.file_kinds import database_file_problem, kind_of, not_a_file

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


class FileRefused(InvalidInput):
    """A file someone named cannot be written or read; the message says why, in one sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "file")


class MissingFile(FileRefused):
    """There is no file to read at the path given."""


@dataclass(frozen=True)
class ProtectedFiles:
    """What no chosen file may be: the database's own files, and anything in its backups folder.
    Nothing on PostgreSQL (``database`` None): only the checks every file gets."""

    database: Path | None = None

    def own_files(self) -> list[tuple[Path, str]]:
        """Each of the database's files, with what it is in words."""
        if self.database is None:
            return []
        db = self.database
        return [
            (db, "is the Careplan database"),
            *(
                (db.with_name(db.name + side), "is one of the Careplan database's own files")
                for side in SQLITE_SIDE_FILES
            ),
            (encryption.key_file_for(db), "is the Careplan database's key file"),
        ]

    @property
    def backups(self) -> Path | None:
        return None if self.database is None else backups_folder(self.database)


def protected_files(db: Database) -> ProtectedFiles:
    """The files of the open database ``db``."""
    return ProtectedFiles(db.path if db.is_sqlite else None)


def protected_files_at(target: str | None) -> ProtectedFiles:
    """The files of the database at ``target`` (a path or URL, as ``--database`` gives it), without
    opening it: a command can refuse a file before asking anyone to sign in."""
    url = resolve_target(target)
    if url.get_backend_name() == "sqlite" and url.database:
        return ProtectedFiles(Path(url.database))
    return ProtectedFiles()


def database_file(target: str | None) -> Path | None:
    """The SQLite file ``target`` names (``--database``; None for a PostgreSQL address), refused in
    plain words (:class:`StorageError`) when something other than an ordinary file is there."""
    url = resolve_target(target)
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    path = Path(url.database)
    problem = database_file_problem(path)
    if problem is not None:
        raise StorageError(problem)
    return path


def output_path(
    chosen: str | os.PathLike[str], protected: ProtectedFiles, *, what: str, replace: bool = True
) -> Path:
    """``chosen`` as a path where ``what`` ("the agreement") may be written, or :class:`FileRefused`.

    ``replace`` False: an existing file (of any kind) is refused too (backups, key exports)."""
    path = Path(os.path.expanduser(chosen))

    def refuse(reason: str, advice: str = "") -> FileRefused:
        return FileRefused(f"{reason}, so {what} was not written{': ' + advice if advice else ''}.")

    kind = not_a_file(path)
    if kind == "a folder":
        raise refuse(f"{path} is a folder", "give a file name")
    if kind is not None:
        raise refuse(f"{path} is {kind}" + ("" if kind.startswith("not ") else ", not an ordinary file"))
    for own, words in protected.own_files():
        if _same_file(path, own):
            raise refuse(f"{path} {words}", "choose another name")
    backups = protected.backups
    if backups is not None and _inside(path, backups):
        raise refuse(f"{path} is in Careplan's automatic backups folder", "choose another folder")
    if not path.parent.is_dir():
        raise refuse(f"There is no folder {path.parent}")
    if not replace and os.path.lexists(path):
        raise refuse(f"{path} already exists", "choose a new name")
    return path


def backup_path(chosen: str | os.PathLike[str], protected: ProtectedFiles) -> Path:
    """``chosen`` as the name of a new backup, as :func:`output_path` says (never replacing a
    file), for the backup and for the key file written beside it."""
    path = output_path(chosen, protected, what="the backup", replace=False)
    output_path(encryption.key_file_for(path), protected, what="the backup", replace=False)
    return path


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()  # follows symbolic links, even to nothing, and takes out "..": the real place
    except (OSError, RuntimeError):  # a loop of links
        return path.absolute()


def _same_file(path: Path, own: Path) -> bool:
    """The same file (one file, two names: a link, another spelling), or, where either is not there
    yet, the same name in the same folder."""
    for candidate in (path, _resolved(path)):
        try:
            if os.path.samefile(candidate, own):
                return True
        except OSError:
            pass
        try:
            same_folder = os.path.samefile(candidate.parent, own.parent)
        except OSError:
            continue
        if same_folder and os.path.normcase(candidate.name) == os.path.normcase(own.name):
            return True
    return False


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is in ``folder`` or any folder inside it (by what the folders are)."""
    try:
        wanted = os.stat(folder)
    except OSError:
        return False  # no such folder: nothing can be written into it
    for parent in _resolved(path).parents:
        try:
            if os.path.samestat(os.stat(parent), wanted):
                return True
        except OSError:
            continue
    return False


def read_chosen(chosen: str | os.PathLike[str], *, kind: str, limit: int) -> bytes:
    """The bytes of the ordinary file at ``chosen``, which should be ``kind`` ("a CSV file"), or
    :class:`FileRefused` (:class:`MissingFile` when there is nothing there) when it is not one,
    cannot be read, or is more than ``limit`` bytes."""
    path = Path(os.path.expanduser(chosen))
    there = not_a_file(path)
    if there is not None:
        raise FileRefused(f"{path} is {there}, not {kind}.")
    # Opened without waiting, whatever it has become since it was looked at; checked again below.
    flags = (
        os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    )
    try:
        handle = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        raise MissingFile(f"There is no file at {path}.") from None
    except PermissionError:
        raise FileRefused(f"Careplan is not allowed to read {path}.") from None
    except OSError as exc:
        raise FileRefused(f"{path} could not be read ({exc.strerror or exc}).") from None
    with os.fdopen(handle, "rb") as stream:
        status = os.fstat(stream.fileno())
        there = kind_of(status.st_mode)
        if there is not None:
            raise FileRefused(f"{path} is {there}, not {kind}.")
        too_big = f"{path} is too big to be {kind} ({_size(limit)} at most)."
        if status.st_size > limit:
            raise FileRefused(too_big)
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise FileRefused(f"{path} could not be read ({exc.strerror or exc}).") from None
    if len(data) > limit:
        raise FileRefused(too_big)
    return data


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{max(size // 1024, 1)} KB"
