"""Bilingual user-facing strings. Japanese is the default; every key exists in both languages."""

from __future__ import annotations

from functools import cache
from typing import Literal, get_args

import yaml

from mamori.resources import data_dir

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "ja"
ENGLISH_MONTHS: tuple[str, ...] = tuple(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
"""For writing English dates and for reading them back (birth dates in English text)."""


@cache
def catalog() -> dict[str, dict[str, str]]:
    """The message catalogue ``data/i18n/messages.yaml``: ``{key: {"ja": ..., "en": ...}}``."""
    path = data_dir() / "i18n" / "messages.yaml"
    with path.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise RuntimeError(f"{path}: expected a mapping of message keys; reinstall mamori")
    return {str(key): {str(k): str(v) for k, v in value.items()} for key, value in loaded.items()}


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message ``key`` in ``lang`` with ``params`` filled in; an unknown key is a programming error."""
    try:
        template = catalog()[key][lang]
    except KeyError as missing:
        raise KeyError(
            f"message {key!r} has no {lang!r} text in data/i18n/messages.yaml"
        ) from missing
    return template.format(**params) if params else template


def preferred_lang(accept_language: str | None, default: Lang = DEFAULT_LANG) -> Lang:
    """The reader's language from an ``Accept-Language`` header: its first choice if we have it."""
    if accept_language:
        first = accept_language.split(",")[0].strip().lower()
        for lang in LANGS:
            if first.startswith(lang):
                return lang
    return default
