"""Check digits and sanity checks that turn a pattern match into a finding (or drop it).

Recognisers name a validator by string in their YAML; this table is the whole vocabulary.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import operator
import re
from collections.abc import Callable

from stdnum import luhn
from stdnum.jp import cn as corporate_number
from stdnum.jp import in_ as my_number

from mamori.i18n import ENGLISH_MONTHS

_NOT_DIGIT = re.compile(r"\D")
_ERA_START = {
    "明治": 1868,
    "大正": 1912,
    "昭和": 1926,
    "平成": 1989,
    "令和": 2019,
    "M": 1868,
    "T": 1912,
    "S": 1926,
    "H": 1989,
    "R": 2019,
}
_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])?\s*(?P<y>元|\d{1,4})\s*[年./\-]\s*(?P<m>\d{1,2})\s*[月./\-]\s*(?P<d>\d{1,2})"
)


def digits(text: str) -> str:
    return _NOT_DIGIT.sub("", text)


# The check digits below are python-stdnum's, computed directly for ASCII digits (stdnum spends
# most of its time cleaning the input, which digits() has already done); digits in any other
# script go to stdnum itself, which maps some of them (full-width, mathematical) to ASCII.
_MY_NUMBER_WEIGHTS = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_CORPORATE_WEIGHTS = (1, 2) * 6


def valid_my_number(text: str) -> bool:
    number = digits(text)
    if len(number) != 12:
        return False
    if not number.isascii():
        return bool(my_number.is_valid(number))
    total = sum(map(operator.mul, _MY_NUMBER_WEIGHTS, map(int, number)))
    return str(-total % 11 % 10) == number[-1]


def valid_corporate_number(text: str) -> bool:
    number = digits(text)
    if len(number) != 13:
        return False
    if not number.isascii():
        return bool(corporate_number.is_valid(number))
    total = sum(map(operator.mul, _CORPORATE_WEIGHTS, map(int, reversed(number[1:])))) % 9
    return str(9 - total) == number[0]


_LUHN_DOUBLED = {str(d): sum(divmod(d * 2, 10)) for d in range(10)}


def _luhn(number: str) -> bool:
    backwards = number[::-1]
    doubled = sum(map(_LUHN_DOUBLED.__getitem__, backwards[1::2]))
    return (sum(map(int, backwards[::2])) + doubled) % 10 == 0


def valid_credit_card(text: str) -> bool:
    number = digits(text)
    if not 13 <= len(number) <= 19:
        return False
    passes = _luhn(number) if number.isascii() else bool(luhn.is_valid(number))
    return passes and len(set(number)) > 1


def valid_ip_address(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text.strip("[]"))
    except ValueError:
        return False
    return not address.is_unspecified


def valid_phone_number(text: str) -> bool:
    number = digits(text)
    if text.lstrip().startswith("+81"):
        number = "0" + number[2:]
    return number.startswith("0") and len(number) in (10, 11) and not number.startswith("00")


_MONTHS = {name[:3].lower(): index for index, name in enumerate(ENGLISH_MONTHS, start=1)}
_ENGLISH_DATE = re.compile(
    r"(?:(?P<d1>\d{1,2}) (?P<m1>[A-Za-z]{3})[a-z]*\.? (?P<y1>\d{4}))|(?:(?P<m2>[A-Za-z]{3})[a-z]*\.? (?P<d2>\d{1,2}),? (?P<y2>\d{4}))"
)


# 24/12/1982 (day first) or 12/24/1982 (month first): the four-digit year comes last.
_YEAR_LAST = re.compile(r"(?P<a>\d{1,2})[./\-](?P<b>\d{1,2})[./\-](?P<y>\d{4})$")


def _ymd(text: str) -> tuple[int, int, int] | None:
    year_last = _YEAR_LAST.match(text.strip())
    if year_last:
        first, second = int(year_last["a"]), int(year_last["b"])
        day_first = (first, second) if second <= 12 else (second, first)
        return int(year_last["y"]), day_first[1], day_first[0]
    match = _DATE.search(text)
    if match:
        year = 1 if match["y"] == "元" else int(match["y"])
        if match["era"]:
            year += _ERA_START[match["era"]] - 1
        elif year < 100:
            return None
        return year, int(match["m"]), int(match["d"])
    english = _ENGLISH_DATE.search(text)
    if english:
        month = _MONTHS.get((english["m1"] or english["m2"]).lower())
        if month is None:
            return None
        return int(english["y1"] or english["y2"]), month, int(english["d1"] or english["d2"])
    return None


def valid_date(text: str) -> bool:
    """A real calendar date between 1868 and today (a birth date is in the past)."""
    parts = _ymd(text)
    if parts is None:
        return False
    try:
        day = dt.date(*parts)
    except ValueError:
        return False
    return dt.date(1868, 1, 1) <= day <= dt.date.today()


_HEX = re.compile(r"[0-9A-Fa-f\-]+")
_PLACEHOLDER = re.compile(r"x{4}|\*{3}|example|your|dummy|sample|placeholder|changeme|<|\$\{", re.I)


def valid_secret_value(text: str) -> bool:
    """A value that looks random: upper and lower case and digits, varied, not hex, no placeholder.

    Hex strings are left out on purpose: commit ids, checksums and UUIDs are hex, and a hex secret
    with a known prefix or label is found by the provider patterns instead."""
    value = text.strip("\"'")
    return (
        len(value) >= 12
        and not _HEX.fullmatch(value)
        and any(c.isupper() for c in value)
        and any(c.islower() for c in value)
        and any(c.isdigit() for c in value)
        and len(set(value)) >= 8
        and not _PLACEHOLDER.search(value)
    )


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "secret_value": valid_secret_value,
    "my_number": valid_my_number,
    "corporate_number": valid_corporate_number,
    "credit_card": valid_credit_card,
    "ip_address": valid_ip_address,
    "phone_number": valid_phone_number,
    "date": valid_date,
}
