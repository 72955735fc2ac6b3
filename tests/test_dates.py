from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mamori.documents.dates import fiscal_year_of, format_date, format_fiscal_year


@pytest.mark.parametrize(
    ("day", "ja", "en"),
    [
        (dt.date(2026, 4, 1), "2026年4月1日", "1 April 2026"),
        (dt.date(2027, 12, 31), "2027年12月31日", "31 December 2027"),
    ],
)
def test_format_date(day: dt.date, ja: str, en: str) -> None:
    assert format_date(day, "ja") == ja
    assert format_date(day, "en") == en


@pytest.mark.parametrize(
    ("day", "year"),
    [(dt.date(2026, 3, 31), 2025), (dt.date(2026, 4, 1), 2026), (dt.date(2027, 1, 15), 2026)],
)
def test_fiscal_year_starts_in_april(day: dt.date, year: int) -> None:
    assert fiscal_year_of(day) == year


def test_fiscal_year_in_japanese_carries_the_era() -> None:
    assert format_fiscal_year(2026, "ja") == "2026年度（令和8年度）"
    assert format_fiscal_year(2019, "ja") == "2019年度（令和元年度）"
    assert format_fiscal_year(2026, "en") == "FY2026"


@given(st.dates(min_value=dt.date(2019, 4, 1), max_value=dt.date(2100, 12, 31)))
def test_fiscal_year_contains_the_day(day: dt.date) -> None:
    year = fiscal_year_of(day)
    assert dt.date(year, 4, 1) <= day < dt.date(year + 1, 4, 1)
