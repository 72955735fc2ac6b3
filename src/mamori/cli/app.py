"""Entry point: ``mamori`` and its command groups."""

from __future__ import annotations

import typer

from mamori import __version__
from mamori.cli import assess as assess_cmd
from mamori.cli import dev as dev_cmd
from mamori.cli import gateway as gateway_cmd
from mamori.cli import guideline as guideline_cmd
from mamori.cli import policy as policy_cmd
from mamori.cli import registry as registry_cmd
from mamori.cli import rule as rule_cmd
from mamori.cli import scan as scan_cmd
from mamori.cli import schema as schema_cmd

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}

app = typer.Typer(
    name="mamori",
    help=(
        "mamori（守り）: 政府の生成AI調達・利活用ガイドライン（DS-920）に沿った計画・調達・利用を支援する。\n\n"
        "mamori: plan, procure and use generative AI the way the guideline DS-920 asks."
    ),
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    context_settings=CONTEXT,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mamori {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_version,
        is_eager=True,
        help="バージョンを表示 / Show the version.",
    ),
) -> None:
    """mamori root command."""


app.command("assess", context_settings=CONTEXT)(assess_cmd.assess)
app.command("scan", context_settings=CONTEXT)(scan_cmd.scan)
app.add_typer(guideline_cmd.app, name="guideline")
app.add_typer(policy_cmd.app, name="policy")
app.add_typer(rule_cmd.app, name="rule")
app.add_typer(schema_cmd.app, name="schema")
app.command("serve", context_settings=CONTEXT)(registry_cmd.serve)
app.add_typer(registry_cmd.db_app, name="db")
app.add_typer(registry_cmd.org_app, name="org")
app.add_typer(registry_cmd.user_app, name="user")
app.add_typer(registry_cmd.token_app, name="token")
app.add_typer(registry_cmd.audit_app, name="audit")
app.add_typer(registry_cmd.report_app, name="report")
app.add_typer(registry_cmd.inventory_app, name="inventory")
app.command("demo", context_settings=CONTEXT)(registry_cmd.demo)
app.add_typer(gateway_cmd.gateway_app, name="gateway")
app.add_typer(gateway_cmd.key_app, name="key")
app.add_typer(dev_cmd.app, name="dev")


def main() -> None:
    app()
