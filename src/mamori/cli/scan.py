"""``mamori scan``: find personal data, markings, secrets, harmful and out-of-scope content in text."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from mamori.cli.console import current_lang, err, fail, out
from mamori.cli.options import LangOption
from mamori.errors import InputFileError, MamoriError, OptionInvalidError
from mamori.i18n import Lang, t
from mamori.screening.findings import Finding
from mamori.screening.guard import Guard, ScanResult
from mamori.services.guard import LineError, guard_for, scan_lines


def mask(value: str) -> str:
    """Enough to recognise which finding it is, not enough to read it back."""
    if len(value) <= 2:
        return value[:1] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def _why(finding: Finding) -> str:
    parts = [finding.explanation.pattern]
    if finding.explanation.context:
        parts.append("context: " + ", ".join(finding.explanation.context))
    if finding.explanation.validator:
        parts.append("validator: " + finding.explanation.validator)
    if finding.explanation.note:
        parts.append(finding.explanation.note)
    if finding.level is not None:
        parts.append(f"level {finding.level}")
    return "; ".join(parts)


def _print_findings(text: str, result: ScanResult, lang: Lang) -> None:
    if not result.findings:
        out.print(t("cli.scan.none", lang))
        return
    table = Table(
        t("cli.scan.col_type", lang),
        t("cli.scan.col_text", lang),
        t("cli.scan.col_position", lang),
        t("cli.scan.col_score", lang),
        t("cli.scan.col_detector", lang),
    )
    table.add_column(t("cli.scan.col_why", lang), overflow="fold")
    for finding in result.findings:
        table.add_row(
            finding.type,
            escape(mask(text[finding.start : finding.end])),
            f"{finding.start}–{finding.end}",
            f"{finding.score:.2f}",
            finding.detector,
            _why(finding),
        )
    out.print(table)


def _print_decision(result: ScanResult, lang: Lang, as_json: bool) -> None:
    verdict = result.verdict
    if as_json:
        payload = {
            "decision": verdict.action,
            "reasons": [
                {"type": r.type, "action": r.action, "count": r.count, "enforces": list(r.enforces)}
                for r in verdict.reasons
            ],
        }
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    out.print(f"{t('cli.scan.decision', lang)}: [bold]{verdict.action}[/bold]")
    for reason in verdict.reasons:
        cited = f" ({', '.join(reason.enforces)})" if reason.enforces else ""
        out.print(f"  - {reason.type} × {reason.count} → {reason.action}{cited}", markup=False)


def scan(
    text: Annotated[
        str | None, typer.Argument(metavar="TEXT", help="検査する文字列 / Text to scan.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help="ファイルの内容を検査 / Scan a UTF-8 file."),
    ] = None,
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl",
            help='標準入力の JSON Lines を順に検査 / Scan JSON lines {"id", "text"} from stdin, one result line each.',
        ),
    ] = False,
    policy: Annotated[
        Path | None,
        typer.Option(
            "--policy",
            metavar="FILE",
            help="ポリシー（YAML）/ Policy file (default: the built-in default).",
        ),
    ] = None,
    redact: Annotated[
        bool,
        typer.Option("--redact", help="置換後の文字列を出力 / Print the text with placeholders."),
    ] = False,
    decision: Annotated[
        bool,
        typer.Option(
            "--decision",
            help="ポリシーによる判定と理由 / Print the policy decision and its reasons.",
        ),
    ] = False,
    output: Annotated[
        bool,
        typer.Option(
            "--output", help="モデルの回答として検査 / Scan as a model's answer (output rules)."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力 / Print JSON.")] = False,
    lang: LangOption = None,
) -> None:
    """個人情報・機密性表示・秘密情報・有害な内容を検出 / Find personal data, markings, secrets and harmful content."""
    chosen = current_lang(lang)
    try:
        guard = guard_for(policy, on_prepare=lambda: err.print(t("cli.scan.preparing", chosen)))
        if jsonl:
            if text is not None or file is not None or redact:
                raise OptionInvalidError(
                    option="--jsonl", allowed=t("cli.scan.jsonl_alone", chosen)
                )
            _scan_jsonl(guard, decision, output, chosen)
            return
        body = _read_input(text, file, chosen)
    except MamoriError as error:
        fail(error, chosen)
    result = guard.scan(body, output=output)
    if redact:
        redacted, _ = guard.redact(body, output=output)
        if as_json and not decision:
            out.print_json(json.dumps({"text": redacted}, ensure_ascii=False))
        else:
            out.print(redacted, markup=False, highlight=False)
    elif as_json and not decision:
        out.print_json(
            json.dumps({"findings": [f.public() for f in result.findings]}, ensure_ascii=False)
        )
    elif not decision:
        _print_findings(body, result, chosen)
    if decision:
        _print_decision(result, chosen, as_json)


def _read_input(text: str | None, file: Path | None, lang: Lang) -> str:
    if file is not None:
        if text is not None:
            raise OptionInvalidError(option="--file", allowed=t("cli.scan.one_source", lang))
        try:
            return file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise InputFileError(file=str(file)) from None
    if text is None or text == "-":
        try:
            return sys.stdin.buffer.read().decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise InputFileError(file="-") from None
    return text


def _scan_jsonl(guard: Guard, with_decision: bool, output: bool, lang: Lang) -> None:
    failed = 0
    for result in scan_lines(guard, sys.stdin.buffer, with_decision=with_decision, output=output):
        if isinstance(result, LineError):
            failed += 1
            err.print(
                t("cli.scan.bad_line", lang, line=str(result.line), problem=result.problem),
                markup=False,
            )
            continue
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if failed:
        err.print(t("cli.scan.bad_lines", lang, count=str(failed)), markup=False)
        raise typer.Exit(2)
