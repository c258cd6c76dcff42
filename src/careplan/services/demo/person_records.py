"""People: names, references, contact details, and what is written about them when they first come."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from careplan.domain.enums import AuthorKind
from careplan.services.demo.builder_base import BuilderBase
from careplan.services.demo.content.names import BACKGROUND_WEIGHTS, BACKGROUNDS, NEUTRAL_NAMES
from careplan.services.demo.content.places import HOSTELS, STREETS, WEEKDAYS
from careplan.services.demo.stand_ins import (
    PERSON_VOICE,
    STAFF_VOICE,
    AboutMe,
    Person,
    Staff,
    Substance,
    Text,
)
from careplan.services.people import CONTACT_WAYS

_REFERENCE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3469"


class PersonRecords(BuilderBase):
    """A person registered, and what they tell us about themselves, as the people use cases record it."""

    def _name(self) -> tuple[str, str, str]:
        """First name (with a middle name now and then), family name, and "f", "m" or "n"."""
        r = self.r
        if r.random() < 0.04:
            first, kind = self._pick(NEUTRAL_NAMES), "n"
            family = self._pick(BACKGROUNDS[0][3])
            return first, family, kind
        background = self._weighted(BACKGROUNDS, BACKGROUND_WEIGHTS)
        kind = "f" if r.random() < 0.38 else "m"
        names = background[1] if kind == "f" else background[2]
        first = self._pick(names)
        if r.random() < 0.25:
            middle = self._pick(names)
            if middle != first:
                first = f"{first} {middle}"
        family_from = background if r.random() > 0.1 else self._weighted(BACKGROUNDS, BACKGROUND_WEIGHTS)
        family = self._pick(family_from[3])
        if kind == "f" and family.endswith(("ski", "cki", "dzki")):
            family = family[:-1] + "a"  # Polish family names take a feminine form
        return first, family, kind

    def _reference(self) -> str:
        while True:
            candidate = "CP-" + "".join(self._pick(_REFERENCE_LETTERS) for _ in range(6))
            if candidate not in self._references:
                self._references.add(candidate)
                return candidate

    def _contact(self, first: str, family: str) -> tuple[str | None, str | None]:
        how = self._pick(CONTACT_WAYS)
        if how in ("phone", "text message"):
            return how, f"07700 900{self._int(0, 999):03d}"
        if how == "email":
            plain = unicodedata.normalize("NFKD", f"{first}.{family}").encode("ascii", "ignore").decode()
            local = re.sub(r"[^a-z0-9.]+", "", plain.lower()) or "me"
            return how, f"{local}{self._int(10, 98)}@example.org"
        if how == "letter":
            if self.r.random() < 0.4:
                return how, f"c/o {self._pick(HOSTELS)}, {self._pick(STREETS)}"
            return how, f"Flat {self._int(1, 24)}, {self._int(2, 140)} {self._pick(STREETS)}"
        if how == "in person":
            return how, f"At the drop-in on {self._pick(WEEKDAYS)}s"
        return how, None

    def _person(
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
        at = self._moment(registered)
        person = Person(
            self._id("people"),
            self._reference(),
            preferred,
            full,
            born,
            pronouns,
            contact[0],
            contact[1],
            worker,
            at,
        )
        self.o_people.append(person)
        fields = ["preferred_name", "full_name", "date_of_birth"]
        fields += [
            n
            for n, v in (("pronouns", pronouns), ("contact_how", contact[0]), ("contact_details", contact[1]))
            if v is not None
        ]
        self._event(at, by, "create", "person", person.id, fields)
        self._bump("people")
        return person

    def _text(self, body: str, voice: AuthorKind, person: Person, by: Staff, day: date) -> Text:
        at = self._moment(day)
        if voice is AuthorKind.PERSON:
            written = Text(self._id("texts"), body, PERSON_VOICE, person.id, None, None, by.id, at)
        else:
            written = Text(self._id("texts"), body, STAFF_VOICE, None, by, by.role.value, by.id, at)
        self.rows["texts"].append(
            {
                "id": written.id,
                "body": body,
                "author_kind": written.author_kind,
                "person_id": written.person_id,
                "staff_id": by.id if voice is AuthorKind.STAFF else None,
                "author_role": written.author_role,
                "recorded_by_id": by.id,
                "written_at": at,
            }
        )
        return written

    def _about_me(
        self, person: Person, answers: Sequence[tuple[str, str, AuthorKind, Staff]], day: date
    ) -> None:
        for topic, body, voice, by in answers:
            written = self._text(body, voice, person, by, day)
            person.about_me.append(AboutMe(topic, written))
            self.rows["about_me"].append(
                {"id": self._id("about_me"), "person_id": person.id, "topic": topic, "text_id": written.id}
            )
        if answers:
            # One event for the whole About me, to keep the demo trail a readable size.
            by = answers[0][3]
            self._event(self._moment(day), by, "write", "about_me", person.id, [a[0] for a in answers])

    def _substances(self, person: Person, entries: Sequence[Substance], day: date, by: Staff) -> None:
        for position, entry in enumerate(entries):
            person.substances.append(entry)
            self.rows["substance_use"].append(
                {
                    "id": self._id("substance_use"),
                    "person_id": person.id,
                    "position": position,
                    "substance": entry.substance,
                    "how": entry.how,
                    "how_often": entry.how_often,
                    "amount": entry.amount,
                    "recorded_by_id": by.id,
                }
            )
        self._event(self._moment(day), by, "write", "substances", person.id, ("substances",))

    def _consent(
        self, person: Person, what: str, whom: str, given: date, by: Staff, withdrawn: date | None = None
    ) -> None:
        cid = self._id("consents")
        self.rows["consents"].append(
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
        self._event(self._moment(given), by, "give", "consent", cid, ("what", "with_whom", "given_on"))
        if withdrawn is not None:
            self._event(self._moment(withdrawn), by, "withdraw", "consent", cid, ("withdrawn_on",))
        self._bump("consents")
