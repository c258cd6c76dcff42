"""What a command prints on standard output: JSON for a script to read, a table for a person."""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Sequence


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def print_table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Collection[int] = ()) -> None:
    """The rows under the header in columns two spaces apart, each as wide as its widest cell; the
    columns in ``right`` (numbers, amounts) flush right."""
    table = [list(header), *(list(row) for row in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    for line in table:
        cells = [
            cell.rjust(width) if i in right else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        print("  ".join(cells).rstrip())
