"""``careplan catalogue import FILE`` and ``careplan catalogue export FILE`` (managers, administrators).

- ``import FILE``: load the local service catalogue from a CSV file (headings on the first line:
  Provider, Service, Category, Unit, Price; optionally Description, Peer led, Available from,
  Available to, Provider contact). Every line is checked first; with any problem, each is listed
  with its line number and nothing is saved (exit 2). ``--check`` only checks.
- ``export FILE``: write the catalogue in the same shape, to change it in a spreadsheet and load
  it again. ``-`` writes to standard output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.documents.files import why_not_written, write_atomically
from careplan.domain.errors import InvalidInput
from careplan.services import catalogue_file, chosen_files
from careplan.services.catalogue_file import MAX_BYTES
from careplan.services.chosen_files import output_path, protected_files, read_chosen

if TYPE_CHECKING:
    from careplan.services.chosen_files import ProtectedFiles

EXIT_USAGE = 2


def catalogue(args: argparse.Namespace) -> int:
    if args.catalogue_command == "import":
        data = _read(Path(args.file))
        try:
            lines = catalogue_file.read_catalogue(data)
        except catalogue_file.CatalogueFileProblems as problems:
            print(f"careplan: {problems.message}", file=sys.stderr)
            if len(problems.problems) > 1:
                for line in problems.lines():
                    print(f"  {line}", file=sys.stderr)
            return EXIT_USAGE
        providers = len({line.provider.casefold() for line in lines})
        if args.check:
            print(f"The file is ready to load: {len(lines)} services from {providers} providers.")
            return 0
        db = open_for_cli(args.database)
        actor = acting_staff(db, args)
        summary = catalogue_file.import_catalogue(db, actor, lines)
        print(f"Loaded {len(lines)} services from {providers} providers: {summary.words}")
        return 0
    if args.file != "-":  # refused before anyone signs in; looked at again before writing
        chosen_files.output_path(
            args.file, chosen_files.protected_files_at(args.database), what="the catalogue"
        )
    db = open_for_cli(args.database)
    actor = acting_staff(db, args)
    data = catalogue_file.export_catalogue(db, actor)
    if args.file == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0

    _write(protected_files(db), Path(args.file), data)
    print(f"Wrote the catalogue to {args.file}.")
    return 0


def _read(path: Path) -> bytes:
    return read_chosen(path, kind="a CSV file", limit=MAX_BYTES)


def _write(protected: ProtectedFiles, path: Path, data: bytes) -> None:
    """Write the file whole or not at all (a temporary file beside it, then renamed); never over
    the database or its files, a folder, a device or a pipe."""
    path = output_path(path, protected, what="the catalogue")
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise InvalidInput(
            f"The catalogue could not be written to {path}: {why_not_written(exc)}.", "file"
        ) from exc
