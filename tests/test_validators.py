"""The check-digit validators compute ASCII digits themselves: they must agree with python-stdnum
(which they used to call for everything) on any input, ASCII or not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.jp import cn, in_

from mamori.screening.validators import (
    digits,
    valid_corporate_number,
    valid_credit_card,
    valid_my_number,
)

# Mostly ASCII digits, with separators and digits of other scripts (full-width, Arabic-Indic,
# mathematical) that stdnum maps or refuses.
NUMBER = st.text(alphabet=st.sampled_from(list("01234567890123456789 -０９٣𝟗x")), max_size=22)


def stdnum_my_number(text: str) -> bool:
    number = digits(text)
    return len(number) == 12 and bool(in_.is_valid(number))


def stdnum_corporate_number(text: str) -> bool:
    number = digits(text)
    return len(number) == 13 and bool(cn.is_valid(number))


def stdnum_credit_card(text: str) -> bool:
    number = digits(text)
    return 13 <= len(number) <= 19 and bool(luhn.is_valid(number)) and len(set(number)) > 1


@given(NUMBER)
@settings(max_examples=2000)
def test_check_digits_agree_with_stdnum(text: str) -> None:
    assert valid_my_number(text) == stdnum_my_number(text)
    assert valid_corporate_number(text) == stdnum_corporate_number(text)
    assert valid_credit_card(text) == stdnum_credit_card(text)


@given(st.text(alphabet="0123456789", min_size=11, max_size=18))
@settings(max_examples=1000)
def test_valid_numbers_are_valid(prefix: str) -> None:
    # Random digits are rarely valid: complete them so the positive side is tested as often.
    my_number = prefix[:11] + in_.calc_check_digit(prefix[:11])
    corporate = cn.calc_check_digit(prefix[:12].ljust(12, "0")) + prefix[:12].ljust(12, "0")
    card = prefix + luhn.calc_check_digit(prefix)
    for text in (my_number, corporate, card):
        assert valid_my_number(text) == stdnum_my_number(text)
        assert valid_corporate_number(text) == stdnum_corporate_number(text)
        assert valid_credit_card(text) == stdnum_credit_card(text)
