"""Who people are: names from many backgrounds, references, usernames and ways to get in touch."""

from __future__ import annotations

import re
import unicodedata

from careplan.demo.content.names import BACKGROUND_WEIGHTS, BACKGROUNDS, FIXED_USERNAMES, NEUTRAL_NAMES
from careplan.demo.content.places import HOSTELS, STREETS, WEEKDAYS
from careplan.demo.dice import Dice
from careplan.services.people import CONTACT_WAYS

_REFERENCE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3469"


class Identities:
    """Names, references and usernames, none given twice; contact details."""

    def __init__(self, dice: Dice, taken_usernames: set[str]) -> None:
        self.dice = dice
        self.taken_usernames = taken_usernames
        self._references: set[str] = set()

    def name(self) -> tuple[str, str, str]:
        """First name (with a middle name now and then), family name, and "f", "m" or "n"."""
        dice = self.dice
        r = dice.r
        if r.random() < 0.04:
            first, kind = dice.pick(NEUTRAL_NAMES), "n"
            family = dice.pick(BACKGROUNDS[0][3])
            return first, family, kind
        background = dice.weighted(BACKGROUNDS, BACKGROUND_WEIGHTS)
        kind = "f" if r.random() < 0.38 else "m"
        names = background[1] if kind == "f" else background[2]
        first = dice.pick(names)
        if r.random() < 0.25:
            middle = dice.pick(names)
            if middle != first:
                first = f"{first} {middle}"
        family_from = background if r.random() > 0.1 else dice.weighted(BACKGROUNDS, BACKGROUND_WEIGHTS)
        family = dice.pick(family_from[3])
        if kind == "f" and family.endswith(("ski", "cki", "dzki")):
            family = family[:-1] + "a"  # Polish family names take a feminine form
        return first, family, kind

    def reference(self) -> str:
        while True:
            candidate = "CP-" + "".join(self.dice.pick(_REFERENCE_LETTERS) for _ in range(6))
            if candidate not in self._references:
                self._references.add(candidate)
                return candidate

    def username(self, first: str, last: str) -> str:
        plain = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode().lower()
        base = re.sub(r"[^a-z0-9.]+", "", plain)[:60] or "staff"
        name, n = base, 2
        while name in self.taken_usernames or name in FIXED_USERNAMES:
            name, n = f"{base}{n}", n + 1
        self.taken_usernames.add(name)
        return name

    def contact(self, first: str, family: str) -> tuple[str | None, str | None]:
        dice = self.dice
        how = dice.pick(CONTACT_WAYS)
        if how in ("phone", "text message"):
            return how, f"07700 900{dice.whole(0, 999):03d}"
        if how == "email":
            plain = unicodedata.normalize("NFKD", f"{first}.{family}").encode("ascii", "ignore").decode()
            local = re.sub(r"[^a-z0-9.]+", "", plain.lower()) or "me"
            return how, f"{local}{dice.whole(10, 98)}@example.org"
        if how == "letter":
            if dice.r.random() < 0.4:
                return how, f"c/o {dice.pick(HOSTELS)}, {dice.pick(STREETS)}"
            return how, f"Flat {dice.whole(1, 24)}, {dice.whole(2, 140)} {dice.pick(STREETS)}"
        if how == "in person":
            return how, f"At the drop-in on {dice.pick(WEEKDAYS)}s"
        return how, None
