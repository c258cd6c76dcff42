"""``careplan progress PERSON_REF --out FILE.pdf``: the person's "My progress" sheet, to take home.

The easy-read sheet of :mod:`careplan.documents.render_progress`: their words, their scores over
time (theirs and their worker's apart), what they have done and their next review, for their
newest plan. For whoever may hold reviews with the person (their key worker, a peer mentor, a
manager, a colleague covering). The file is written whole or not at all, readable by its owner
only, and never over the database, its key or its backups.

Exit codes are :mod:`careplan.cli.main`'s: 2 a file that cannot be written there, 4 not allowed
(not on your caseload, or an administrator), 5 no one with that reference or no plan yet, 13 not
signed in.
"""

from __future__ import annotations

import argparse

from careplan.cli.commands import acting_staff, open_for_cli
from careplan.documents.files import why_not_written, write_atomically
from careplan.documents.render_progress import render_progress
from careplan.domain.errors import InvalidInput
from careplan.services import chosen_files
from careplan.services.progress import progress_of_person

WHAT = "the progress sheet"


def progress(args: argparse.Namespace) -> int:
    # Refused before anyone signs in or anything is made; looked at again just before writing.
    chosen_files.output_path(args.out, chosen_files.protected_files_at(args.database), what=WHAT)
    db = open_for_cli(args.database, create=False)
    actor = acting_staff(db, args)
    facts = progress_of_person(db, actor, args.reference)
    pdf = render_progress(facts)
    out = chosen_files.output_path(args.out, chosen_files.protected_files(db), what=WHAT)
    try:
        write_atomically(out, pdf)
    except OSError as exc:
        raise InvalidInput(
            f"The progress sheet could not be written to {out} ({why_not_written(exc)}). "
            "Nothing was written.",
            "out",
        ) from None
    reviews = len(facts.review_days)
    print(
        f"My progress for {facts.person_reference} (plan {facts.plan_id}, version {facts.version_number}, "
        f"scores from {reviews} {'review' if reviews == 1 else 'reviews'}) written to {out}."
    )
    return 0
