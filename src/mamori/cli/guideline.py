"""``mamori guideline``: list, show, diff and validate guideline packs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from mamori.cli.console import current_lang, fail, out, settings
from mamori.cli.options import LangOption, PacksOption
from mamori.content import loader
from mamori.content.diff import diff as diff_packs
from mamori.content.models import Item, Localized, Pack
from mamori.errors import MamoriError, OptionInvalidError
from mamori.i18n import Lang, t

app = typer.Typer(
    help="ガイドラインパックの一覧・表示・比較・検証 / List, show, compare and validate guideline packs.",
    no_args_is_help=True,
)

SECTIONS = (
    "scope",
    "roles",
    "patterns",
    "axes",
    "combination",
    "checkpoints",
    "contract_items",
    "user_rule",
    "risk_case_categories",
    "warnings",
)


def _roots(packs: list[Path] | None) -> list[Path]:
    return [*settings().packs, *(packs or [])]


@app.command("list")
def list_packs(lang: LangOption = None, packs: PacksOption = None) -> None:
    """利用できるパックの一覧 / List the available packs (newest last)."""
    chosen = current_lang(lang)
    try:
        for location in loader.discover(loader.search_roots(_roots(packs))):
            loaded = loader.load_path(location.path, loader.search_roots(_roots(packs)))
            info = loaded.pack.pack
            base = f"  ({t('cli.pack_base', chosen)}: {info.base})" if info.base else ""
            out.print(f"{loaded.ref}\t{info.published}\t{info.title(chosen)}{base}", markup=False)
    except MamoriError as error:
        fail(error, chosen)


def _mark(item: Item, lang: Lang) -> str:
    parts = [
        f"basis: {item.basis}",
        f"{item.source.document} {item.source.version} {item.source.section}",
    ]
    if item.inherited_from:
        parts.append(t("cli.inherited", lang, base=item.inherited_from))
    return "[" + " · ".join(parts) + "]"


def _show(pack: Pack, lang: Lang, only: str | None, base_note: Localized | None) -> None:
    def header(section: str) -> bool:
        if only and only != section:
            return False
        out.print(f"\n## {t('cli.section.' + section, lang)}", markup=False)
        return True

    def line(text: str) -> None:
        out.print(text, markup=False)

    info = pack.pack
    line(f"# {pack.ref} — {info.title(lang)} ({info.published})")
    if base_note is not None:
        line(f"{t('cli.pack_base', lang)}: {info.base} — {base_note(lang)}")
    if header("scope"):
        line(f"{pack.scope.text(lang)} {_mark(pack.scope, lang)}")
        line(f"- {pack.scope.excluded(lang)}")
        line(f"- {pack.scope.applies_from(lang)}")
    if header("roles"):
        for role in pack.roles:
            line(f"- {role.id} {role.title(lang)} {_mark(role, lang)}")
            for duty in role.responsibilities:
                line(f"    · {duty(lang)}")
    if header("patterns"):
        for pattern in pack.patterns:
            line(f"- {pattern.key}: {pattern.title(lang)} {_mark(pattern, lang)}")
    if header("axes"):
        for axis in pack.axes:
            line(f"- {axis.id} {axis.key}: {axis.title(lang)} ({axis.field}) {_mark(axis, lang)}")
            for level in axis.levels:
                values = ", ".join(str(v) for v in level.when)
                line(f"    {level.level}: {level.label(lang)} ← {values} [basis: {level.basis}]")
    if header("combination"):
        line(f"{pack.combination.description(lang)} {_mark(pack.combination, lang)}")
        for rule in pack.combination.possibly_high_risk_when:
            line(f"- {rule.id}: {rule.reason(lang)} (≥{rule.min_axes} × level ≥{rule.min_level})")
    if header("checkpoints"):
        groups = {g.id: g.title(lang) for g in pack.checkpoint_groups}
        for cp in sorted(pack.checkpoints, key=lambda c: c.number):
            perspective = f" → {cp.safety_perspective}" if cp.safety_perspective else ""
            line(
                f"- {cp.id} ({cp.number}) [{groups[cp.group]}] {cp.title(lang)}{perspective} {_mark(cp, lang)}"
            )
    if header("contract_items"):
        areas = {a.id: a.title(lang) for a in pack.contract_areas}
        for item in sorted(pack.contract_items, key=lambda c: c.number):
            line(f"- {item.id} [{areas[item.area]}] {item.title(lang)} {_mark(item, lang)}")
    if header("user_rule"):
        model = pack.user_rule
        line(f"{model.title(lang)} {_mark(model, lang)}")
        for section in model.sections:
            line(f"  {section.number} {section.title(lang)}")
            for st in (s for s in model.statements if s.section == section.id):
                text = st.text.get("staff") or next(iter(st.text.values()))
                audiences = "/".join(st.text)
                line(f"    - {st.id} ({audiences}) {text(lang)}")
    if header("risk_case_categories"):
        for cat in pack.risk_case_categories:
            line(f"- {cat.key}: {cat.title(lang)} {_mark(cat, lang)}")
    if header("warnings"):
        for warning in pack.warnings:
            line(
                f"- {warning.id} ({warning.severity}) {warning.message(lang)} {_mark(warning, lang)}"
            )


@app.command("show")
def show(
    ref: Annotated[
        str,
        typer.Argument(metavar="ID@VERSION", help="パック（例 ds920@1.0）/ Pack, e.g. ds920@1.0."),
    ],
    lang: LangOption = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            metavar="SECTION",
            help="表示する節 / Show one section: " + ", ".join(SECTIONS),
        ),
    ] = None,
    as_json: Annotated[
        bool,
        typer.Option("--json", help="パック全体を JSON で出力 / Print the whole pack as JSON."),
    ] = False,
    packs: PacksOption = None,
) -> None:
    """パックの内容を表示 / Show a pack's content, each item with its basis and source."""
    chosen = current_lang(lang)
    try:
        if section is not None and section not in SECTIONS:
            raise OptionInvalidError(option="--section", allowed=", ".join(SECTIONS))
        loaded = loader.load(ref, _roots(packs))
        if as_json:
            payload = {
                "pack": loaded.ref,
                "content_hash": loaded.content_hash,
                **loaded.pack.model_dump(mode="json"),
            }
            typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        _show(loaded.pack, chosen, section, loaded.pack.pack.base_note)
    except MamoriError as error:
        fail(error, chosen)


@app.command("diff")
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="比較元 / Older pack, e.g. ds920@1.0.")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="比較先 / Newer pack, e.g. ds920@2.0.")],
    lang: LangOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON で出力 / Print as JSON.")] = False,
    packs: PacksOption = None,
) -> None:
    """2つのパックの差分 / Show what changes between two packs, item by item."""
    chosen = current_lang(lang)
    try:
        roots = _roots(packs)
        result = diff_packs(loader.load(old, roots).pack, loader.load(new, roots).pack)
    except MamoriError as error:
        fail(error, chosen)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    out.print(f"{result.old} → {result.new}", markup=False)
    for section in result.sections:
        if section.is_empty:
            continue
        out.print(f"\n## {t('cli.section.' + section.section, chosen)}", markup=False)
        for item_id in section.added:
            out.print(f"+ {item_id}", markup=False)
        for item_id in section.removed:
            out.print(f"- {item_id}", markup=False)
        for change in section.changed:
            out.print(f"~ {change.id}: {', '.join(change.fields)}", markup=False)
    unchanged = sum(s.unchanged for s in result.sections)
    out.print(
        "\n"
        + t(
            "cli.diff_summary",
            chosen,
            unchanged=str(unchanged),
            carried=str(len(result.carried_over)),
        ),
        markup=False,
    )


@app.command("validate")
def validate(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="パックのフォルダ / Folder of the pack (holding pack.yaml)."
        ),
    ],
    lang: LangOption = None,
    packs: PacksOption = None,
) -> None:
    """独自パックを検証 / Validate a pack folder (e.g. an agency's own pack); exit 2 if invalid."""
    chosen = current_lang(lang)
    try:
        loaded = loader.load_path(path, loader.search_roots(_roots(packs)))
    except MamoriError as error:
        fail(error, chosen)
    pack = loaded.pack
    out.print(
        t(
            "cli.valid",
            chosen,
            ref=loaded.ref,
            checkpoints=str(len(pack.checkpoints)),
            items=str(len(pack.contract_items)),
            statements=str(len(pack.user_rule.statements)),
            hash=loaded.content_hash,
        ),
        markup=False,
    )
