"""Dates as a ministry writes them: 2026年4月1日, 2026年度（令和8年度）."""

from __future__ import annotations

import datetime as dt

from mamori.i18n import ENGLISH_MONTHS, Lang

_REIWA_START = dt.date(2019, 5, 1)


def format_date(day: dt.date, lang: Lang) -> str:
    if lang == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {ENGLISH_MONTHS[day.month - 1]} {day.year}"


def fiscal_year_of(day: dt.date) -> int:
    """Japanese fiscal years begin on 1 April."""
    return day.year if day.month >= 4 else day.year - 1


def format_fiscal_year(year: int, lang: Lang) -> str:
    if lang == "en":
        return f"FY{year}"
    if year >= _REIWA_START.year:
        reiwa = year - 2018
        return f"{year}年度（令和{'元' if reiwa == 1 else reiwa}年度）"
    return f"{year}年度"
