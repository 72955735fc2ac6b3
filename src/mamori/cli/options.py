"""Options several commands share, and their parsing into typed values with bilingual errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, get_args

import typer

from mamori.documents import FORMATS, Format
from mamori.errors import OptionInvalidError

LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        "-l",
        metavar="ja|en",
        help="文書・メッセージの言語 ja|en（既定 ja）/ Language of documents and messages.",
    ),
]
PacksOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--packs",
        metavar="DIR",
        help="独自パックのフォルダ（複数可）/ Folder with agency packs (<folder>/<id>/<version>/pack.yaml); repeatable.",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMATS",
        help="出力形式（カンマ区切り）/ Output formats, comma-separated: md,docx,xlsx.",
    ),
]
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="文書の作成日 YYYY-MM-DD（既定 今日）/ Date printed on the documents (default today).",
    ),
]


def parse_formats(value: str) -> list[Format]:
    wanted = [part.strip() for part in value.split(",") if part.strip()]
    if not wanted or any(part not in FORMATS for part in wanted):
        raise OptionInvalidError(option="--format", allowed=", ".join(get_args(Format)))
    return [f for f in FORMATS if f in wanted]


def parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise OptionInvalidError(option="--date", allowed="YYYY-MM-DD") from None
