"""Phone numbers as people type them: kept tidied, or refused in one plain sentence."""

from __future__ import annotations

import pytest

from careplan.domain.errors import InvalidInput
from careplan.domain.phone import check_phone


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("07700 900462", "07700 900462"),
        ("  07700   900462 ", "07700 900462"),
        ("+44 (0)1632 960 111", "+44 (0)1632 960 111"),
        ("0808-157-0000", "0808-157-0000"),
        ("999", "999"),
        ("116 123", "116 123"),
    ],
)
def test_a_phone_number_is_kept_tidied(typed: str, kept: str) -> None:
    assert check_phone(typed) == kept


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("O7700 900462", "use only the digits 0 to 9"),
        ("0770+0900462", "use only the digits 0 to 9"),
        ("ring Jo", "use only the digits 0 to 9"),
        ("12", "it needs 3 to 15 digits"),
        ("+44 1234 567 890 1234", "it needs 3 to 15 digits"),
        ("   ", "Please write the phone number."),
    ],
)
def test_what_is_not_a_phone_number_is_said_in_one_sentence(typed: str, says: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_phone(typed, "contact_phone")
    assert says in refused.value.message
    assert refused.value.field == "contact_phone"
    assert refused.value.message.count(".") == 1
