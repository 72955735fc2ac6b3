"""Output helpers shared by the CLI commands: one place that decides language, streams and exit codes."""

from __future__ import annotations

import sys
from typing import NoReturn

from pydantic import ValidationError
from rich.console import Console

from mamori.errors import MamoriError, OptionInvalidError
from mamori.i18n import DEFAULT_LANG, LANGS, Lang
from mamori.settings import Settings

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def settings() -> Settings:
    return Settings()


def current_lang(option: str | None) -> Lang:
    """The language asked for with ``--lang``, else ``MAMORI_LANG``, else Japanese."""
    try:
        fallback = settings().lang
    except ValidationError:
        fail(OptionInvalidError(option="MAMORI_LANG", allowed=", ".join(LANGS)), DEFAULT_LANG)
    if option is None:
        return fallback
    if option not in LANGS:
        fail(OptionInvalidError(option="--lang", allowed=", ".join(LANGS)), fallback)
    return option


def fail(error: MamoriError, lang: Lang) -> NoReturn:
    err.print(error.render(lang), markup=False)
    sys.exit(error.exit_code)
