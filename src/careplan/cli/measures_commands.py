"""``careplan measures``: the outcome measures asked at reviews, and loading more from a file.

- ``careplan measures [--format table|json]``: every measure, Careplan's own life-area scale
  first: its code, name, how many items (questions) it has, and when it is asked. Any member of
  staff (it holds no personal details; signs in).
- ``careplan --user NAME measures load FILE.toml``: check the file (see
  ``careplan/resources/reference/outcome_measures.toml``) and keep its measures in place of those
  loaded before (managers and administrators). Every problem is printed, one line each, and
  nothing is kept (exit 2); a file that is not there or cannot be read: one sentence, exit 2.

JSON (a list, one object per measure): ``code``, ``name`` (text), ``built_in`` (true for the
life-area scale), ``asked`` (a list of "start", "every_review", "every_3_months", "exit"),
``asked_words`` (text), ``item_count`` (number) and ``items`` (a list of objects: ``code``,
``question``, ``kind`` ("scale", "count" or "yes_no"), ``low``, ``high`` (numbers),
``low_words``, ``high_words`` (text or null)).

Exit codes are :mod:`careplan.cli.main`'s: 2 a file with problems, missing or unreadable, 4 not
allowed to load measures, 13 not signed in.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from careplan.cli.output import print_json, print_table

if TYPE_CHECKING:
    from careplan.domain.measures import Measure

EXIT_USAGE = 2
HEADER = ["Code", "Name", "Items", "Asked"]
RIGHT = {2}  # the number of items


def add_parsers(commands: Any) -> None:
    """Add ``measures`` (and ``measures load``) to ``careplan``'s sub-command parsers."""
    measures = commands.add_parser("measures", help="the outcome measures asked at reviews")
    measures.add_argument("--format", choices=["table", "json"], default="table")
    actions = measures.add_subparsers(dest="measures_command", metavar="ACTION", parser_class=type(measures))
    load = actions.add_parser(
        "load", help="check a measures file and keep its measures in place of those loaded before"
    )
    load.add_argument("file", metavar="FILE.toml", help="the measures file (TOML)")


def measures(args: argparse.Namespace) -> int:
    # Imported here, not at the top: the parser above is built for every command, and the services
    # behind a command cost ``careplan --help`` about 180 ms (see careplan.cli.main._run).
    from careplan.cli.commands import acting_staff, open_for_cli
    from careplan.services import measures as service
    from careplan.services.chosen_files import read_chosen
    from careplan.services.measure_file import MAX_BYTES, MeasureFileProblems

    if args.measures_command == "load":
        data = read_chosen(args.file, kind="a measures file", limit=MAX_BYTES)
        db = open_for_cli(args.database, create=False)
        try:
            actor = acting_staff(db, args)
            try:
                loaded = service.load_measures(db, actor, data)
            except MeasureFileProblems as problems:
                print(f"careplan: {problems.message}", file=sys.stderr)
                if len(problems.problems) > 1:
                    for line in problems.lines():
                        print(f"  {line}", file=sys.stderr)
                return EXIT_USAGE
            names = ", ".join(f"“{measure.name}”" for measure in loaded)
            print(f"Loaded {len(loaded)} {'measure' if len(loaded) == 1 else 'measures'}: {names}.")
            return 0
        finally:
            db.dispose()
    db = open_for_cli(args.database, create=False)
    try:
        shown = service.outcome_measures(db, acting_staff(db, args))
    finally:
        db.dispose()
    if args.format == "json":
        print_json([as_json(measure) for measure in shown])
        return 0
    print_table(HEADER, [as_cells(measure) for measure in shown], right=RIGHT)
    return 0


def as_cells(measure: Measure) -> list[str]:
    return [measure.code, measure.name, str(len(measure.items)), measure.asked_words()]


def as_json(measure: Measure) -> dict[str, object]:
    return {
        "code": measure.code,
        "name": measure.name,
        "built_in": measure.built_in,
        "asked": [when.value for when in measure.asked],
        "asked_words": measure.asked_words(),
        "item_count": len(measure.items),
        "items": [
            {
                "code": item.code,
                "question": item.question,
                "kind": item.kind.value,
                "low": item.low,
                "high": item.high,
                "low_words": item.low_words,
                "high_words": item.high_words,
            }
            for item in measure.items
        ],
    }
