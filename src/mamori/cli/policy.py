"""``mamori policy``: derive a system's guard policy from its project description; check a policy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mamori.cli.console import current_lang, err, fail, out, settings
from mamori.cli.options import LangOption, PacksOption
from mamori.content.screening_loader import load_screening
from mamori.errors import MamoriError, OptionInvalidError, OutputDirectoryError
from mamori.i18n import t
from mamori.services.guard import derive_policy, guard_for, policy_yaml

app = typer.Typer(help="ガードのポリシー / Guard policies.", no_args_is_help=True)


@app.command("derive")
def derive(
    project: Annotated[
        Path, typer.Argument(metavar="PROJECT", help="案件記述ファイル / Project description file.")
    ],
    out_file: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="書き出し先 / Write the policy here."),
    ] = None,
    pack: Annotated[
        str | None, typer.Option("--pack", metavar="ID@VERSION", help="パック / Pack.")
    ] = None,
    packs: PacksOption = None,
    lang: LangOption = None,
) -> None:
    """案件記述からシステムのポリシーを導出 / Derive a system's policy from its project description."""
    chosen = current_lang(lang)
    try:
        config = settings()
        policy = derive_policy(
            project,
            pack=pack,
            default_pack=config.default_pack,
            roots=[*config.packs, *(packs or [])],
        )
    except MamoriError as error:
        fail(error, chosen)
    text = policy_yaml(policy)
    if out_file is None:
        out.print(text, markup=False, highlight=False, end="")
        return
    try:
        out_file.write_text(text, encoding="utf-8")
    except OSError:
        fail(OutputDirectoryError(path=str(out_file.parent)), chosen)
    err.print(t("cli.written", chosen, count="1", dir=str(out_file)))
    for rule in policy.rules:
        err.print(f"  {rule.id}: {rule.reason(chosen)} ({', '.join(rule.enforces)})", markup=False)


@app.command("validate")
def validate(
    policy: Annotated[Path, typer.Argument(metavar="FILE", help="ポリシー / Policy file.")],
    lang: LangOption = None,
) -> None:
    """ポリシーを検証 / Check a policy file; exit 2 if it is invalid."""
    chosen = current_lang(lang)
    try:
        guard = guard_for(policy, on_prepare=lambda: err.print(t("cli.scan.preparing", chosen)))
    except MamoriError as error:
        fail(error, chosen)
    out.print(
        t("cli.policy.valid", chosen, id=guard.policy.id, detectors=str(len(guard.detectors))),
        markup=False,
    )


@app.command("show")
def show(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="組込みポリシー名 / Built-in policy.")
    ] = "default",
    lang: LangOption = None,
) -> None:
    """組込みポリシーを表示 / Print a built-in policy as YAML."""
    chosen = current_lang(lang)
    policies = load_screening().policies
    if name not in policies:
        fail(OptionInvalidError(option="NAME", allowed=", ".join(sorted(policies))), chosen)
    out.print(policy_yaml(policies[name]), markup=False, highlight=False, end="")
