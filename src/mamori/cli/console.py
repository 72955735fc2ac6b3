"""Output helpers shared by the CLI commands: one place that decides language, streams and exit codes."""

from __future__ import annotations

import sys
from typing import NoReturn

from rich.console import Console

from mamori.errors import MamoriError
from mamori.i18n import DEFAULT_LANG, LANGS, Lang
from mamori.settings import Settings

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def settings() -> Settings:
    return Settings()


def current_lang(option: str | None) -> Lang:
    if option in LANGS:
        return option
    try:
        return settings().lang
    except Exception:  # a broken MAMORI_LANG must not hide the real error
        return DEFAULT_LANG


def fail(error: MamoriError, lang: Lang) -> NoReturn:
    err.print(error.render(lang), markup=False)
    sys.exit(error.exit_code)
