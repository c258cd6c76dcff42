"""Free text, in the person's voice or a member of staff's, recorded as the use cases record it
(:func:`careplan.services.record_rows.text_row`)."""

from __future__ import annotations

from datetime import date

from careplan.demo.stand_ins import PERSON_VOICE, STAFF_VOICE, Person, Staff, Text
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind
from careplan.services.record_rows import text_row


class Texts:
    """Writes texts: each a row at once, and a stand-in for the records (and fingerprints) that use it."""

    def __init__(self, bench: Workbench) -> None:
        self.clock = bench.clock
        self.batch = bench.batch

    def text(self, body: str, voice: AuthorKind, person: Person, by: Staff, day: date) -> Text:
        at = self.clock.moment(day)
        tid = self.batch.new_id("texts")
        if voice is AuthorKind.PERSON:
            row = text_row(
                body, PERSON_VOICE, person_id=person.id, staff_id=by.id, staff_role=None, written_at=at
            )
            written = Text(tid, body, PERSON_VOICE, person.id, None, None, by.id, at)
        else:
            role = by.role.value
            row = text_row(body, STAFF_VOICE, person_id=None, staff_id=by.id, staff_role=role, written_at=at)
            written = Text(tid, body, STAFF_VOICE, None, by, role, by.id, at)
        row["id"] = tid
        self.batch.rows["texts"].append(row)
        return written
