"""``mamori rule``: users' rules derived from the Model User's Rule."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mamori.cli.console import current_lang, err, fail, out, settings
from mamori.cli.options import (
    DateOption,
    FormatOption,
    LangOption,
    PacksOption,
    parse_date,
    parse_formats,
)
from mamori.errors import MamoriError
from mamori.i18n import t
from mamori.services import planning

app = typer.Typer(help="利用者ルールの作成 / Write users' rules.", no_args_is_help=True)


@app.command("ministry")
def ministry(
    org: Annotated[
        str,
        typer.Option("--org", metavar="NAME", help="府省庁名 / Name of the ministry or agency."),
    ],
    contact: Annotated[
        str,
        typer.Option(
            "--contact", metavar="TEXT", help="問合せ・報告窓口 / Contact and reporting desk."
        ),
    ],
    out_dir: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="出力先フォルダ / Folder to write to."),
    ],
    lang: LangOption = None,
    formats: FormatOption = "md,docx",
    pack: Annotated[
        str | None,
        typer.Option(
            "--pack", metavar="ID@VERSION", help="パック / Pack (default: the newest ds920)."
        ),
    ] = None,
    packs: PacksOption = None,
    date: DateOption = None,
) -> None:
    """府省庁の利用者ルールを作成 / Write the ministry's user's rule for staff from the Model User's Rule."""
    chosen = current_lang(lang)
    try:
        config = settings()
        files = planning.ministry_rule_files(
            organization=org,
            contact=contact,
            lang=chosen,
            formats=parse_formats(formats),
            day=parse_date(date),
            pack=pack or config.default_pack,
            roots=[*config.packs, *(packs or [])],
        )
        written = planning.write_files(out_dir, files)
    except MamoriError as error:
        fail(error, chosen)
    err.print(t("cli.written", chosen, count=str(len(written)), dir=str(out_dir)))
    for path in written:
        out.print(str(path), markup=False)
