"""The one check of free text at the domain's edge (careplan.domain.text)."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careplan.domain.errors import InvalidInput
from careplan.domain.text import check_secret, check_text, not_text, one_line

BYTE_FF = os.fsdecode(b"Dee\xff")  # how Python keeps a byte that was not text: "Dee\udcff"


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (BYTE_FF, "bytes in it that are not text"),
        ("\ud800", "bytes in it that are not text"),
        ("Dee\x00", "control character"),
        ("Dee\x1b[2J", "control character"),
        ("\x7f", "control character"),
        ("\u200b", "only invisible characters"),
        ("\u200b \u200d\ufeff\u2060", "only invisible characters"),
        ("\u202e\u2066", "only invisible characters"),
        ("\u3164", "only invisible characters"),
    ],
)
def test_what_is_not_text_is_refused_naming_the_field(value: str, phrase: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_text(value, "the staff member's name", "display_name")
    assert refused.value.field == "display_name"
    assert refused.value.message.startswith("The staff member's name has ")
    assert phrase in refused.value.message
    assert refused.value.message.count(". ") <= 1


@pytest.mark.parametrize(
    "value",
    ["Dee", "", "   ", "Zoë O’Brien", "محمد", "👩🏽‍🦱 Dee", "a\u200bb", "Dee\u00a0Walsh", "x\u0301"],
)
def test_text_a_person_could_write_is_kept_as_it_is(value: str) -> None:
    assert check_text(value, "the name", "name") == value


def test_several_lines_keep_line_breaks_and_tabs_and_one_line_does_not() -> None:
    assert check_text("one\r\ntwo\n\tthree\rfour", "the note", "note", lines=True) == (
        "one\ntwo\n\tthree\nfour"
    )
    with pytest.raises(InvalidInput, match="goes on one line"):
        check_text("one\ntwo", "the username", "username")
    assert one_line("  one\n\ttwo  \r\n", "the name", "name") == "one two"
    with pytest.raises(InvalidInput, match="control character"):
        check_text("one\x00two", "the note", "note", lines=True)


def test_a_secret_may_hold_anything_that_is_text() -> None:
    assert check_secret(" \t\u200b\x01 ", "the password", "password") == " \t\u200b\x01 "
    with pytest.raises(InvalidInput, match="The password has bytes in it that are not text"):
        check_secret(BYTE_FF, "the password", "password")


@given(st.text())
def test_anything_is_kept_or_refused_in_one_plain_sentence(value: str) -> None:
    try:
        kept = check_text(value, "the goal", "wording", lines=True)
    except InvalidInput as exc:
        refused: InvalidInput | None = exc
    else:
        refused = None
        assert not not_text(kept)
        assert "\x00" not in kept
        assert "\r" not in kept
        kept.encode("utf-8")  # a database, a PDF and a terminal can all take it
    if refused is not None:
        assert refused.field == "wording"
        assert refused.message.startswith("The goal ")
        assert "\\" not in refused.message
