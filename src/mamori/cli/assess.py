"""``mamori assess``: the High-Risk AI Project Finder and check sheets for one project description."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from mamori.cli.console import current_lang, err, fail, out, settings
from mamori.cli.options import (
    DateOption,
    FormatOption,
    LangOption,
    PacksOption,
    parse_date,
    parse_formats,
)
from mamori.documents.builders.common import checksheet_summary
from mamori.errors import MamoriError
from mamori.i18n import Lang, t
from mamori.rules import Assessment
from mamori.services import planning


def assess(
    project: Annotated[
        Path,
        typer.Argument(
            metavar="PROJECT", help="案件記述ファイル（YAML / JSON）/ Project description file."
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="結果を JSON で出力 / Print the result as one JSON object."),
    ] = False,
    out_dir: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="DIR",
            help="文書の出力先フォルダ / Write the documents to this folder.",
        ),
    ] = None,
    lang: LangOption = None,
    formats: FormatOption = "md,docx,xlsx",
    pack: Annotated[
        str | None,
        typer.Option(
            "--pack",
            metavar="ID@VERSION",
            help="適用するパック（例 ds920@1.0）/ Pack to apply, overriding the project's.",
        ),
    ] = None,
    packs: PacksOption = None,
    date: DateOption = None,
) -> None:
    """案件を評価し、判定結果と文書を出力する / Assess a project; print the result or write its documents."""
    chosen = current_lang(lang)
    try:
        config = settings()
        chosen_formats = parse_formats(formats)
        day = parse_date(date)
        roots = [*config.packs, *(packs or [])]
        assessed = planning.assess_file(
            project, pack=pack, default_pack=config.default_pack, roots=roots
        )
        doc_lang: Lang = lang if lang in ("ja", "en") else (assessed.project.lang or chosen)  # type: ignore[assignment]
        if as_json:
            out.print_json(json.dumps(assessed.assessment.public(doc_lang), ensure_ascii=False))
        if out_dir is not None:
            with Progress(console=err, transient=True) as bar:
                task = bar.add_task(t("cli.rendering", chosen), total=None)
                files = planning.render_project_documents(
                    assessed,
                    lang=doc_lang,
                    formats=chosen_formats,
                    day=day,
                    contact=config.contact,
                    progress=lambda name: bar.update(task, description=name, advance=1),
                )
            written = planning.write_files(out_dir, files)
            err.print(t("cli.written", chosen, count=str(len(written)), dir=str(out_dir)))
            for path in written:
                out.print(str(path), markup=False)
        if not as_json and out_dir is None:
            _summary(assessed.assessment, doc_lang)
    except MamoriError as error:
        fail(error, chosen)


def _summary(assessment: Assessment, lang: Lang) -> None:
    verdict = "doc.risk.verdict_high" if assessment.possibly_high_risk else "doc.risk.verdict_low"
    out.print(f"[bold]{escape(assessment.project.name)}[/bold] — {assessment.pack}")
    table = Table(t("doc.col.axis", lang), t("doc.col.level", lang))
    table.add_column(t("doc.col.why", lang), overflow="fold")
    for key, axis in assessment.axes.items():
        table.add_row(key, str(axis.level), "\n".join(r(lang) for r in axis.reasons))
    out.print(table)
    out.print(t(verdict, lang), markup=False)
    for hit in assessment.fired:
        out.print(f"  • {hit.reason(lang)}", markup=False)
    for warning in assessment.warnings:
        out.print(f"! {warning.message(lang)}", style="yellow", markup=False)
    out.print(checksheet_summary(assessment, lang), markup=False)
