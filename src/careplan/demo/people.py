"""People registered, and what they tell us about themselves, as the people use cases record it:
the person's row (:func:`careplan.services.record_rows.person_row`) with the words search finds
them by (:mod:`careplan.services.search_words`), About me, substances and consents."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careplan.demo.identities import Identities
from careplan.demo.stand_ins import AboutMe, Person, Staff, Substance
from careplan.demo.texts import Texts
from careplan.demo.workbench import Workbench
from careplan.domain.enums import AuthorKind
from careplan.services.record_rows import person_row
from careplan.services.search_words import name_key_row, rows_for


class People:
    """Registers people, each with their events, as the use cases would."""

    def __init__(self, bench: Workbench, identities: Identities, texts: Texts) -> None:
        self.clock = bench.clock
        self.trail = bench.trail
        self.batch = bench.batch
        self.identities = identities
        self.texts = texts

    def person(
        self,
        *,
        preferred: str,
        full: str,
        born: date,
        pronouns: str | None,
        contact: tuple[str | None, str | None],
        worker: Staff,
        registered: date,
        by: Staff,
    ) -> Person:
        at = self.clock.moment(registered)
        batch = self.batch
        pid = batch.new_id("people")
        reference = self.identities.reference()
        person = Person(pid, reference, preferred, full, born, pronouns, contact[0], contact[1], worker, at)
        details = {
            "preferred_name": preferred,
            "full_name": full,
            "date_of_birth": born,
            "pronouns": pronouns,
            "contact_how": contact[0],
            "contact_details": contact[1],
        }
        row = person_row(details, reference=reference, key_worker_id=worker.id, at=at)
        row["id"] = pid
        batch.rows["people"].append(row)
        batch.words += rows_for(pid, preferred, full, reference)
        batch.name_keys.append(name_key_row(pid, preferred))
        # The peer mentor paired with the key worker works with their people (Chris with Sam's):
        # the peer mentor's caseload, so they open these records without covering.
        mentor = worker.mentor
        if mentor is not None:
            batch.rows["peer_mentor_assignments"].append(
                {"person_id": pid, "staff_id": mentor.id, "assigned_at": at, "assigned_by_id": worker.id}
            )
        self.trail.event(at, by, "create", "person", pid, [k for k, v in details.items() if v is not None])
        batch.bump("people")
        return person

    def about_me(
        self, person: Person, answers: Sequence[tuple[str, str, AuthorKind, Staff]], day: date
    ) -> None:
        batch = self.batch
        for topic, body, voice, by in answers:
            written = self.texts.text(body, voice, person, by, day)
            person.about_me.append(AboutMe(topic, written))
            batch.rows["about_me"].append(
                {
                    "id": batch.new_id("about_me"),
                    "person_id": person.id,
                    "topic": topic,
                    "text_id": written.id,
                }
            )
        if answers:
            # One event for the whole About me, to keep the demo trail a readable size.
            by = answers[0][3]
            self.trail.event(
                self.clock.moment(day), by, "write", "about_me", person.id, [a[0] for a in answers]
            )

    def substances(self, person: Person, entries: Sequence[Substance], day: date, by: Staff) -> None:
        batch = self.batch
        for position, entry in enumerate(entries):
            person.substances.append(entry)
            batch.rows["substance_use"].append(
                {
                    "id": batch.new_id("substance_use"),
                    "person_id": person.id,
                    "position": position,
                    "substance": entry.substance,
                    "how": entry.how,
                    "how_often": entry.how_often,
                    "amount": entry.amount,
                    "recorded_by_id": by.id,
                }
            )
        self.trail.event(self.clock.moment(day), by, "write", "substances", person.id, ("substances",))

    def consent(
        self, person: Person, what: str, whom: str, given: date, by: Staff, withdrawn: date | None = None
    ) -> None:
        batch = self.batch
        cid = batch.new_id("consents")
        batch.rows["consents"].append(
            {
                "id": cid,
                "person_id": person.id,
                "what": what,
                "with_whom": whom,
                "given_on": given,
                "withdrawn_on": withdrawn,
                "recorded_by_id": by.id,
            }
        )
        clock, trail = self.clock, self.trail
        trail.event(clock.moment(given), by, "give", "consent", cid, ("what", "with_whom", "given_on"))
        if withdrawn is not None:
            trail.event(clock.moment(withdrawn), by, "withdraw", "consent", cid, ("withdrawn_on",))
        batch.bump("consents")
