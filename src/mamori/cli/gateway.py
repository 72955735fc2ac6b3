"""``mamori gateway serve`` and ``mamori key create|revoke|list``."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from mamori.cli.console import current_lang, err, fail, out, settings
from mamori.cli.options import LangOption
from mamori.cli.registry import DatabaseOption, opened, operator, run
from mamori.errors import MamoriError, OptionInvalidError
from mamori.i18n import t

gateway_app = typer.Typer(
    help="ゲートウェイ / The OpenAI-compatible gateway.", no_args_is_help=True
)
key_app = typer.Typer(
    help="ゲートウェイキー / Gateway keys (one person, one system).", no_args_is_help=True
)

ConfigOption = Annotated[
    Path,
    typer.Option(
        "--config",
        "-c",
        metavar="FILE",
        help="ゲートウェイ設定（YAML）/ Gateway configuration file.",
    ),
]


@gateway_app.command("serve")
def serve(
    config: ConfigOption,
    host: Annotated[
        str, typer.Option("--host", metavar="HOST", help="待受けアドレス / Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="ポート / Port.")] = 8080,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            metavar="N",
            help="ワーカープロセス数 / Worker processes (several use every core; PostgreSQL recommended).",
        ),
    ] = 1,
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """ゲートウェイを起動 / Start the gateway (OpenAI-compatible, at http://HOST:PORT/v1)."""
    import uvicorn

    from mamori.proxy.app import CONFIG_VARIABLE, build_gateway, create_gateway_app
    from mamori.services.registry.common import Database

    chosen = current_lang(lang)
    values = settings()
    if database:
        values = values.model_copy(update={"database_url": database})
    db = Database.from_settings(values)
    try:
        db.check_ready()
        gateway = build_gateway(db, config)
    except MamoriError as error:
        fail(error, chosen)
    if workers > 1 and gateway.config.redis_url is None:
        # Each worker would count on its own: every limit would be multiplied by the workers.
        fail(
            OptionInvalidError(option="--workers", allowed=t("cli.gateway.workers", chosen)), chosen
        )
    if workers > 1 and db.engine.dialect.name == "sqlite":
        err.print(t("cli.gateway.sqlite_workers", chosen, workers=workers), markup=False)
    # One JSON line per refused exchange on stderr; never prompt or answer text (see proxy.gateway).
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    err.print(t("cli.gateway.listening", chosen, url=f"http://{host}:{port}/v1"), markup=False)
    server: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "loop": "uvloop",
        "http": "httptools",
        # The gateway never reads the client's address (X-Forwarded-For would only cost time),
        # and its answers do not name the server software.
        "proxy_headers": False,
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(create_gateway_app(gateway), **server)
        return
    # Each worker builds its own gateway from the same (already validated) configuration.
    os.environ[CONFIG_VARIABLE] = str(config.resolve())
    os.environ["MAMORI_DATABASE_URL"] = values.database_url
    uvicorn.run("mamori.proxy.app:app_from_environment", factory=True, workers=workers, **server)


@key_app.command("create")
def key_create(
    system: Annotated[
        str,
        typer.Option(
            "--system", metavar="ID|NAME", help="AI システムの ID または名称 / System id or name."
        ),
    ],
    user: Annotated[
        str, typer.Option("--user", metavar="NAME", help="利用者のログイン名 / Login name.")
    ],
    label: Annotated[str, typer.Option("--label", metavar="TEXT")] = "",
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """ゲートウェイキーを発行（利用者ルールの確認が前提）/ Issue a gateway key; refused until the person acknowledged the system's rule."""
    from mamori.services.gateway import keys

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        key, meta = run(
            chosen,
            lambda: keys.create(
                db, operator(), system_id=keys.resolve_system(db, system), user=user, label=label
            ),
        )
        err.print(
            t("cli.key.created", chosen, id=meta.id, user=user, system=meta.system_id), markup=False
        )
        out.print(key, markup=False)


@key_app.command("revoke")
def key_revoke(
    key_id: Annotated[int, typer.Argument(metavar="ID")],
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """ゲートウェイキーを失効（即時）/ Revoke a gateway key; it stops working at once."""
    from mamori.services.gateway import keys

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        run(chosen, lambda: keys.revoke(db, operator(), key_id))
        out.print(t("cli.token.revoked", chosen, id=key_id), markup=False)


@key_app.command("list")
def key_list(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """ゲートウェイキーの一覧 / List gateway keys (never the keys themselves)."""
    from mamori.services.gateway import keys

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        table = Table("id", "prefix", "system", "person", "created", "revoked")
        for row in keys.list_keys(db):
            table.add_row(
                str(row.id),
                row.prefix,
                str(row.system_id),
                str(row.person_id),
                row.created_at.isoformat(timespec="seconds"),
                row.revoked_at.isoformat(timespec="seconds") if row.revoked_at else "",
            )
        out.print(table)
