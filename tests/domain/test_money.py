"""Money and quantities: parsing what people type, pence in the database, and totals. Never floats."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from careplan.domain.errors import InvalidInput
from careplan.domain.money import (
    MAX_PENCE,
    check_money,
    check_quantity,
    from_pence,
    line_total_pence,
    parse_money,
    parse_quantity,
    pounds_text,
    to_pence,
)
from careplan.domain.wording.money import format_money

# Words that would mean a Python internal leaked into what a person reads.
PYTHON_WORDS = (
    "Traceback",
    "Error",
    "Exception",
    "decimal.",
    "Decimal(",
    "<class",
    "InvalidOperation",
    "NoneType",
    "object",
    "__",
)


def assert_plain(message: str, *, typed: str = "") -> None:
    """A message a person can read: a sentence, with no Python internals in it."""
    shown = message.replace(f"“{typed.strip()[:20]}”", "“…”")  # what was typed is echoed in quotes
    assert len(shown.split()) >= 3, message
    for word in PYTHON_WORDS:
        assert word not in shown, f"{word!r} in {message!r}"
    assert shown.rstrip().endswith((".", ")")), message


def pence_to_pounds(pence: int) -> Decimal:
    """An independent oracle: whole pence as pounds, built from the digits."""
    return Decimal(f"{pence // 100}.{pence % 100:02d}")


# --- parse_money: what it accepts -----------------------------------------------------------

pence_amounts = st.integers(min_value=0, max_value=MAX_PENCE)


@st.composite
def typed_amounts(draw: st.DrawFn) -> tuple[str, int]:
    """A whole-pence amount written the many ways a person might type it."""
    pence = draw(pence_amounts)
    pounds, pennies = divmod(pence, 100)
    whole = f"{pounds:,}" if draw(st.booleans()) else str(pounds)
    style = draw(st.sampled_from(["two", "trimmed", "bare"]))
    if style == "two":
        number = f"{whole}.{pennies:02d}"
    elif style == "trimmed":  # 1234.5, or 12 when there are no pennies
        number = whole if pennies == 0 else f"{whole}.{pennies:02d}".rstrip("0")
    else:
        number = whole if pennies == 0 else f"{whole}.{pennies:02d}"
    currency = draw(st.sampled_from(["", "£", "£ ", "GBP ", "GBP", "gbp ", "suffix"]))
    text = f"{number} GBP" if currency == "suffix" else f"{currency}{number}"
    pad = draw(st.sampled_from(["", " ", "  ", "\t", " \n"]))
    return f"{pad}{text}{pad}", pence


@given(typed_amounts())
@example(("£1,234.50", 123450))
@example(("1234.5", 123450))
@example(("GBP 12", 1200))
@example(("  12.00 ", 1200))
@example(("£0", 0))
@example((".5", 50))
@example(("£100,000,000.00", MAX_PENCE))
def test_parse_money_reads_every_way_of_typing_whole_pence(case: tuple[str, int]) -> None:
    text, pence = case
    value = parse_money(text)
    assert isinstance(value, Decimal)
    assert value == pence_to_pounds(pence)
    assert value.as_tuple().exponent == -2  # always exactly pounds and pence
    assert to_pence(value) == pence


def test_parse_money_accepts_the_pound_sign_as_typed_on_any_keyboard() -> None:
    assert parse_money("\u00a35.20") == Decimal("5.20")
    assert parse_money("1,000,000") == Decimal("1000000.00")


def test_parse_money_allow_zero_false_refuses_zero() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_money("£0.00", allow_zero=False, field="estimated_cost")
    assert "more than £0.00" in info.value.message
    assert info.value.field == "estimated_cost"
    assert_plain(info.value.message)


# --- parse_money: what it refuses -----------------------------------------------------------

REFUSED = [
    # negatives
    ("-5", "less than zero"),
    ("-£5", "less than zero"),
    ("- 12.50", "less than zero"),
    ("-GBP 3", "less than zero"),
    ("-0.01", "less than zero"),
    # fractions of a penny
    ("1.234", "whole pence"),
    ("0.001", "whole pence"),
    ("£12.505", "whole pence"),
    # letters
    ("12a", "not an amount of money"),
    ("abc", "not an amount of money"),
    ("twelve pounds", "not an amount of money"),
    ("£", "not an amount of money"),
    ("1 2", "not an amount of money"),
    ("12.50.1", "not an amount of money"),
    ("1e5", "not an amount of money"),
    ("$12", "not an amount of money"),
    # empty
    ("", "type an amount"),
    ("   ", "type an amount"),
    ("\n\t", "type an amount"),
    # commas in the wrong place
    ("1,23", "commas"),
    ("12,34.00", "commas"),
    ("1,2345", "commas"),
    ("1234,567", "commas"),
    ("1,", "commas"),
    # not numbers at all
    ("NaN", "not an amount of money"),
    ("nan", "not an amount of money"),
    ("Infinity", "not an amount of money"),
    ("inf", "not an amount of money"),
    ("-Infinity", "not an amount of money"),
    ("sNaN", "not an amount of money"),
    # huge
    ("100000000.01", "too large"),
    ("100,000,001", "too large"),
    ("999999999999", "too large"),
]


@pytest.mark.parametrize(("text", "phrase"), REFUSED)
def test_parse_money_refuses_with_a_plain_message(text: str, phrase: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_money(text, field="agreed_budget")
    assert phrase in info.value.message
    assert info.value.field == "agreed_budget"
    assert_plain(info.value.message, typed=text)


def test_parse_money_refuses_a_pound_sign_before_the_minus() -> None:
    with pytest.raises(InvalidInput) as info:
        parse_money("£-5")
    assert_plain(info.value.message, typed="£-5")


@pytest.mark.parametrize("digits", [20, 26, 27, 28, 40, 200])
def test_parse_money_refuses_an_enormous_number_of_digits_as_too_large(digits: int) -> None:
    """A finger left on a key: any number of digits is "too large", never a crash.

    Regression: check_money used to quantize before the size check, so 27 or more digits
    raised decimal.InvalidOperation.
    """
    text = "9" * digits
    with pytest.raises(InvalidInput) as info:
        parse_money(text)
    assert "too large" in info.value.message
    assert_plain(info.value.message, typed=text)


def test_fifty_p_is_never_read_as_fifty_pounds() -> None:
    """ "50p" is fifty pence to anyone in the UK.

    Regression: the pattern used to accept a trailing "p" and ignore it, so "50p" was read as
    £50.00, a hundred times too much. Either read it as pence (£0.50) or refuse it.
    """
    try:
        value = parse_money("50p")
    except InvalidInput as exc:
        assert_plain(exc.message, typed="50p")
    else:
        assert value == Decimal("0.50")


@given(st.integers(min_value=0, max_value=10_000_000))
def test_a_number_of_pence_is_that_many_pence_or_refused(pence: int) -> None:
    for text in (f"{pence}p", f"{pence:,}p", f" {pence} P "):
        try:
            value = parse_money(text)
        except InvalidInput as exc:
            assert_plain(exc.message, typed=text)
        else:
            assert value == pence_to_pounds(pence)


money_alphabet = st.sampled_from([*list("0123456789,.£ -GBPpgbx\t"), "NaN", "Infinity", "e"])


@given(st.one_of(st.text(), st.lists(money_alphabet, max_size=40).map("".join)))
@example("9" * 30)
@example("1" * 27)
@example("0." + "0" * 50 + "1")
def test_parse_money_only_ever_returns_whole_pence_or_refuses_plainly(text: str) -> None:
    try:
        value = parse_money(text)
    except InvalidInput as exc:
        assert_plain(exc.message, typed=text)
        return
    assert isinstance(value, Decimal)
    assert value.is_finite()
    assert value >= 0
    assert value == value.quantize(Decimal("0.01"))
    assert value * 100 <= MAX_PENCE


# --- check_money ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (Decimal("NaN"), "not an amount of money"),
        (Decimal("Infinity"), "not an amount of money"),
        (Decimal("-Infinity"), "not an amount of money"),
        (Decimal("-0.01"), "less than zero"),
        (Decimal("0.005"), "whole pence"),
        (Decimal("100000000.01"), "too large"),
        (Decimal("1E+30"), "too large"),
    ],
)
def test_check_money_refuses(value: Decimal, phrase: str) -> None:
    with pytest.raises(InvalidInput) as info:
        check_money(value)
    assert phrase in info.value.message
    assert_plain(info.value.message)


def test_check_money_will_not_take_a_float() -> None:
    with pytest.raises(TypeError):
        check_money(12.5)  # type: ignore[arg-type]


@given(pence_amounts)
def test_check_money_keeps_whole_pence_as_they_are(pence: int) -> None:
    pounds = pence_to_pounds(pence)
    assert check_money(pounds) == pounds
    assert check_money(pounds.normalize()) == pounds  # 12.5 and 12.50 are the same amount


# --- pence, pounds and their text -----------------------------------------------------------


@given(st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE))
def test_pence_round_trip_through_pounds(pence: int) -> None:
    pounds = from_pence(pence)
    assert isinstance(pounds, Decimal)
    assert pounds.as_tuple().exponent == -2
    assert to_pence(pounds) == pence
    assert pounds * 100 == pence


def test_to_pence_refuses_a_fraction_of_a_penny() -> None:
    with pytest.raises(InvalidInput) as info:
        to_pence(Decimal("1.005"))
    assert "whole pence" in info.value.message
    assert_plain(info.value.message)


@pytest.mark.parametrize(
    ("pence", "shown"),
    [
        (0, "£0.00"),
        (1, "£0.01"),
        (99, "£0.99"),
        (100, "£1.00"),
        (123456, "£1,234.56"),
        (1234567, "£12,345.67"),
        (100_000_000_00, "£100,000,000.00"),
        (-5, "-£0.05"),
        (-123456, "-£1,234.56"),
    ],
)
def test_format_money(pence: int, shown: str) -> None:
    assert format_money(pence) == shown


@given(st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE))
def test_format_money_shape_and_digits(pence: int) -> None:
    shown = format_money(pence)
    assert re.fullmatch(r"-?£[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}", shown), shown
    assert shown.startswith("-") == (pence < 0)
    assert int(re.sub(r"[^0-9]", "", shown)) == abs(pence)
    assert pounds_text(pence) == shown.replace("£", "").replace(",", "")


@given(pence_amounts)
def test_what_is_shown_can_be_typed_back_in(pence: int) -> None:
    assert to_pence(parse_money(format_money(pence))) == pence
    assert to_pence(parse_money(pounds_text(pence))) == pence


# --- line totals ----------------------------------------------------------------------------

quantities = st.decimals(
    min_value=Decimal("0.01"), max_value=Decimal("10000"), places=2, allow_nan=False, allow_infinity=False
)


def round_half_up(value: Fraction) -> int:
    """Exact round-half-up for non-negative numbers, with no Decimal arithmetic involved."""
    whole, rest = divmod(value, 1)
    return int(whole) + (1 if rest >= Fraction(1, 2) else 0)


@given(quantities, st.integers(min_value=0, max_value=10_000_000))
@example(Decimal("0.50"), 1)  # half a penny rounds up
@example(Decimal("1.50"), 1)
@example(Decimal("2.50"), 1)  # up, not to even
@example(Decimal("0.49"), 1)
@example(Decimal("1.5"), 333)  # 499.5 -> 500
@example(Decimal("10000"), 10_000_000)
def test_line_total_is_quantity_times_price_rounded_half_up(quantity: Decimal, price: int) -> None:
    total = line_total_pence(quantity, price)
    assert type(total) is int
    assert total == round_half_up(Fraction(quantity) * price)


def test_line_total_examples() -> None:
    assert line_total_pence(Decimal("6"), 2500) == 15000
    assert line_total_pence(Decimal("1.5"), 1999) == 2999  # 2998.5 rounds up
    assert line_total_pence(Decimal("0.25"), 1) == 0
    assert line_total_pence(Decimal("0.33"), 1000) == 330


# --- quantities -----------------------------------------------------------------------------

QUANTITY_REFUSED = [
    ("0", "more than zero"),
    ("0.00", "more than zero"),
    ("-1", "more than zero"),
    ("-0.5", "more than zero"),
    ("1.234", "two decimal places"),
    ("0.001", "two decimal places"),
    ("NaN", "not a number"),
    ("Infinity", "not a number"),
    ("-Infinity", "not a number"),
    ("abc", "not a number"),
    ("six", "not a number"),
    ("", "not a number"),
    ("   ", "not a number"),
    ("1,000", "not a number"),
    ("10000.01", "too large"),
    ("99999", "too large"),
]


@pytest.mark.parametrize(("text", "phrase"), QUANTITY_REFUSED)
def test_parse_quantity_refuses(text: str, phrase: str) -> None:
    with pytest.raises(InvalidInput) as info:
        parse_quantity(text, field="how_many")
    assert phrase in info.value.message
    assert info.value.field == "how_many"
    assert_plain(info.value.message, typed=text)


@pytest.mark.parametrize(
    ("value", "phrase"),
    [
        (Decimal("0"), "more than zero"),
        (Decimal("-3"), "more than zero"),
        (Decimal("2.345"), "two decimal places"),
        (Decimal("NaN"), "not a number"),
        (Decimal("sNaN"), "not a number"),
        (Decimal("Infinity"), "not a number"),
        (Decimal("10000.01"), "too large"),
    ],
)
def test_check_quantity_refuses(value: Decimal, phrase: str) -> None:
    with pytest.raises(InvalidInput) as info:
        check_quantity(value)
    assert phrase in info.value.message
    assert_plain(info.value.message)


@pytest.mark.parametrize("text", ["1e30", "1E+27", "9" * 40])
def test_parse_quantity_refuses_an_enormous_quantity_as_too_large(text: str) -> None:
    """Regression: check_quantity used to quantize before the "too large" check, so a quantity
    with 27 or more digits raised decimal.InvalidOperation."""
    with pytest.raises(InvalidInput) as info:
        parse_quantity(text)
    assert "too large" in info.value.message
    assert_plain(info.value.message, typed=text)


@given(quantities)
def test_parse_quantity_reads_valid_quantities(quantity: Decimal) -> None:
    for text in (str(quantity), f" {quantity:.2f} ", str(quantity.normalize())):
        value = parse_quantity(text)
        assert value == quantity
        assert value.as_tuple().exponent == -2
        assert check_quantity(value) == value


@given(st.text(max_size=30))
@example("1e30")
@example("1_000")
def test_parse_quantity_returns_a_sensible_quantity_or_refuses_plainly(text: str) -> None:
    try:
        value = parse_quantity(text)
    except InvalidInput as exc:
        assert_plain(exc.message, typed=text)
        return
    assert isinstance(value, Decimal)
    assert Decimal("0.01") <= value <= 10_000
    assert value == value.quantize(Decimal("0.01"))
