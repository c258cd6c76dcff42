"""The rules for a member of staff's username and name, as every use case that takes one checks them."""

from __future__ import annotations

import re

from careplan.domain.errors import InvalidInput
from careplan.domain.text import check_text, one_line

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


def check_username(username: str) -> str:
    name = check_text(username, "the username", "username").strip().lower()
    if not _USERNAME.match(name):
        raise InvalidInput(
            "A username is 2 to 64 lower-case letters, digits, dots, dashes or underscores.",
            "username",
        )
    return name


def check_display_name(display_name: str) -> str:
    name = one_line(display_name, "the staff member's name", "display_name")
    if not name:
        raise InvalidInput("Please give the staff member's name.", "display_name")
    if len(name) > 120:
        raise InvalidInput("That name is too long (120 characters at most).", "display_name")
    return name
