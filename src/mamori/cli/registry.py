"""Registry commands run by the local operator: ``db``, ``org``, ``user``, ``token``, ``audit``, ``report``.

The command line is trusted (whoever can run it can read the database file); every write it makes
is still audited, under ``cli:<login name>``.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar, cast

import typer
from rich.progress import Progress
from rich.table import Table

from mamori.cli.console import current_lang, err, fail, out, settings
from mamori.cli.options import LangOption
from mamori.errors import MamoriError, OptionInvalidError
from mamori.i18n import Lang, t
from mamori.services.planning import write_files

if TYPE_CHECKING:  # the registry's modules load only when a registry command runs
    from mamori.services.registry.access import Actor
    from mamori.services.registry.common import Database
from mamori.vocabulary import ORG_KINDS, ROLES, OrgKind, Role

T = TypeVar("T")

DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="データベース URL（既定 MAMORI_DATABASE_URL、なければ sqlite:///mamori.db）/ Database URL.",
    ),
]


def operator() -> Actor:
    from mamori.services.registry.access import Actor

    try:
        name = getpass.getuser()
    except Exception:  # no login name in some containers
        name = "operator"
    return Actor.local_operator(name)


@contextmanager
def opened(url: str | None, lang: Lang, *, ready: bool = True) -> Iterator[Database]:
    """The database, checked to be at the current schema; any mamori error → message and exit."""
    from mamori.services.registry.common import Database

    config = settings()
    if url:
        config = config.model_copy(update={"database_url": url})
    db = Database.from_settings(config)
    try:
        if ready:
            db.check_ready()
        yield db
    except MamoriError as error:
        fail(error, lang)
    finally:
        db.dispose()


def run(lang: Lang, action: Callable[[], T]) -> T:
    try:
        return action()
    except MamoriError as error:
        fail(error, lang)


db_app = typer.Typer(
    help="データベースの管理 / Manage the registry database.", no_args_is_help=True
)


@db_app.command("upgrade")
def db_upgrade(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """データベースを最新の構成にする / Create or migrate the database to the current schema."""
    chosen = current_lang(lang)
    with opened(database, chosen, ready=False) as db:
        db.upgrade()
        out.print(
            t("cli.db.upgraded", chosen, url=db.engine.url.render_as_string(hide_password=True)),
            markup=False,
        )


org_app = typer.Typer(help="組織の管理 / Manage organisations.", no_args_is_help=True)


@org_app.command("add")
def org_add(
    code: Annotated[
        str, typer.Argument(metavar="CODE", help="組織コード（一意）/ Unique code, e.g. mic.")
    ],
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="組織名 / Name.")],
    kind: Annotated[
        str, typer.Option("--kind", metavar="KIND", help="ministry|bureau|division|vendor|board")
    ] = "ministry",
    parent: Annotated[
        str | None,
        typer.Option("--parent", metavar="CODE", help="上位組織のコード / Parent's code."),
    ] = None,
    name_en: Annotated[
        str, typer.Option("--name-en", metavar="NAME", help="英語名 / English name.")
    ] = "",
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """組織を追加 / Add a ministry, bureau, division, vendor or board."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    if kind not in ORG_KINDS:
        fail(OptionInvalidError(option="--kind", allowed=", ".join(ORG_KINDS)), chosen)
    with opened(database, chosen) as db:
        org = run(
            chosen,
            lambda: identity.add_org(
                db,
                operator(),
                code=code,
                name=name,
                kind=cast(OrgKind, kind),
                parent=parent,
                name_en=name_en,
            ),
        )
        out.print(t("cli.org.added", chosen, code=org.code, id=org.id), markup=False)


@org_app.command("list")
def org_list(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """組織の一覧 / List organisations."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        table = Table("id", "code", "kind", "name", "parent")
        for org in identity.list_orgs(db):
            table.add_row(str(org.id), org.code, org.kind, org.name, str(org.parent_id or ""))
        out.print(table)


user_app = typer.Typer(
    help="利用者とロールの管理 / Manage people and their roles.", no_args_is_help=True
)


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="ログイン名 / Login name.")],
    org: Annotated[
        str, typer.Option("--org", metavar="CODE", help="組織コード / Organisation code.")
    ],
    role: Annotated[
        str,
        typer.Option(
            "--role", metavar="ROLE", help="caio|planner|provider|user|board|secretariat|admin"
        ),
    ],
    display_name: Annotated[
        str, typer.Option("--display-name", metavar="TEXT", help="表示名 / Display name.")
    ] = "",
    email: Annotated[str, typer.Option("--email", metavar="ADDRESS")] = "",
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """利用者を追加（既存の利用者にはロールを追加）/ Add a person, or give an existing one another role."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    if role not in ROLES:
        fail(OptionInvalidError(option="--role", allowed=", ".join(ROLES)), chosen)
    with opened(database, chosen) as db:
        person = run(
            chosen,
            lambda: identity.add_person(
                db,
                operator(),
                name=name,
                org=org,
                role=cast(Role, role),
                display_name=display_name,
                email=email,
            ),
        )
        out.print(
            t(
                "cli.user.added",
                chosen,
                name=person.name,
                roles=", ".join(f"{o}:{r}" for o, r in person.roles),
            ),
            markup=False,
        )


@user_app.command("list")
def user_list(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """利用者の一覧 / List people and their roles."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        table = Table("id", "name", "display name", "roles")
        for person in identity.list_people(db):
            table.add_row(
                str(person.id),
                person.name,
                person.display_name,
                ", ".join(f"{o}:{r}" for o, r in person.roles),
            )
        out.print(table)


token_app = typer.Typer(help="API トークンの発行 / Issue API tokens.", no_args_is_help=True)


@token_app.command("create")
def token_create(
    user: Annotated[
        str, typer.Option("--user", metavar="NAME", help="利用者のログイン名 / Login name.")
    ],
    label: Annotated[
        str, typer.Option("--label", metavar="TEXT", help="用途のメモ / What the token is for.")
    ] = "",
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """トークンを発行（表示は一度だけ）/ Issue a token; it is printed once, only its hash is stored."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        token, meta = run(
            chosen, lambda: identity.create_token(db, operator(), user=user, label=label)
        )
        err.print(t("cli.token.created", chosen, id=meta.id, user=user), markup=False)
        out.print(token, markup=False)


@token_app.command("revoke")
def token_revoke(
    token_id: Annotated[int, typer.Argument(metavar="ID", help="トークン ID / Token id.")],
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """トークンを失効 / Revoke a token at once."""
    from mamori.services.registry import identity

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        run(chosen, lambda: identity.revoke_token(db, operator(), token_id=token_id))
        out.print(t("cli.token.revoked", chosen, id=token_id), markup=False)


audit_app = typer.Typer(help="監査証跡 / The audit trail.", no_args_is_help=True)


@audit_app.command("verify")
def audit_verify(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """監査証跡のハッシュチェーンを検証 / Verify the whole hash chain; names the first broken link."""
    from mamori.services.registry import audit

    chosen = current_lang(lang)
    with opened(database, chosen) as db, Progress(console=err, transient=True) as progress:
        task = progress.add_task(t("cli.audit.verifying", chosen), total=None)
        result = audit.verify(db, lambda n: progress.update(task, completed=n))
    if result.ok:
        out.print(t("cli.audit.ok", chosen, events=result.events), markup=False)
        return
    err.print(
        t(
            "cli.audit.broken",
            chosen,
            seq=result.broken_at,
            reason=t(f"cli.audit.reason.{result.reason}", chosen),
            events=result.events,
        ),
        markup=False,
    )
    raise typer.Exit(1)


report_app = typer.Typer(help="定期報告 / Periodic reports.", no_args_is_help=True)


@report_app.command("periodic")
def report_periodic(
    period: Annotated[
        str,
        typer.Option(
            "--period", metavar="PERIOD", help="2026H1（4〜9月）, 2026H2（10〜3月）, FY2026"
        ),
    ],
    out_file: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="出力ファイル / File to write.")
    ],
    org: Annotated[
        str | None,
        typer.Option(
            "--org",
            metavar="CODE",
            help="府省庁コード（省略時は全府省庁）/ Ministry code (default: all).",
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", metavar="xlsx|csv|json")] = "xlsx",
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """定期報告を作成 / Write the periodic report of a ministry (or of all ministries)."""
    from mamori.services.registry import reports

    chosen = current_lang(lang)
    if fmt not in reports.REPORT_FORMATS:
        fail(
            OptionInvalidError(option="--format", allowed=", ".join(reports.REPORT_FORMATS)), chosen
        )
    with opened(database, chosen) as db:
        report = run(chosen, lambda: reports.periodic(db, operator(), org=org, period=period))
        data = reports.export(report, cast(reports.ReportFormat, fmt), chosen)
    run(chosen, lambda: write_files(out_file.parent, {out_file.name: data}))
    out.print(
        t(
            "cli.report.written",
            chosen,
            path=str(out_file),
            systems=len(report.systems),
            cases=len(report.risk_cases),
        ),
        markup=False,
    )


def serve(
    host: Annotated[
        str, typer.Option("--host", metavar="HOST", help="待受けアドレス / Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", metavar="PORT", help="ポート / Port.")] = 8000,
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """API サーバを起動 / Start the registry API (/api/v1, OpenAPI at /api/v1/openapi.json)."""
    import uvicorn

    from mamori.api.app import create_app
    from mamori.services.registry.common import Database

    chosen = current_lang(lang)
    config = settings()
    if database:
        config = config.model_copy(update={"database_url": database})
    db = Database.from_settings(config)
    try:
        db.check_ready()
    except MamoriError as error:
        fail(error, chosen)
    err.print(
        t("cli.serve.listening", chosen, url=f"http://{host}:{port}/api/v1/docs"), markup=False
    )
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)


def demo(database: DatabaseOption = None, lang: LangOption = None) -> None:
    """サンプルの府省庁・システム・評価・リスク事案を読み込む（一度だけ）/ Load the sample registry (once)."""
    from mamori.services.registry import demo as demo_data

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        if demo_data.is_loaded(db):
            out.print(t("cli.demo.already", chosen), markup=False)
            return
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task(t("cli.demo.loading", chosen), total=None)
            counts = run(
                chosen,
                lambda: demo_data.load(
                    db, operator(), lambda name: progress.update(task, description=name)
                ),
            )
        out.print(
            t("cli.demo.loaded", chosen, **{k: str(v) for k, v in counts.items()}), markup=False
        )


inventory_app = typer.Typer(
    help="AI システム台帳の取込み・書出し / Import and export the inventory.", no_args_is_help=True
)


@inventory_app.command("import")
def inventory_import(
    path: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="台帳ファイル（.xlsx または .csv）/ Inventory file."),
    ],
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """台帳を取り込む（1行でも誤りがあれば何も取り込まない）/ Import systems; nothing is imported if any row is bad."""
    from mamori.services.registry import inventory

    chosen = current_lang(lang)
    with opened(database, chosen) as db:
        added = run(chosen, lambda: inventory.import_file(db, operator(), path))
        out.print(t("cli.inventory.imported", chosen, count=added, file=str(path)), markup=False)


@inventory_app.command("export")
def inventory_export(
    out_file: Annotated[
        Path,
        typer.Option(
            "--out", "-o", metavar="FILE", help="出力ファイル（.xlsx または .csv）/ File to write."
        ),
    ],
    database: DatabaseOption = None,
    lang: LangOption = None,
) -> None:
    """台帳を書き出す（取込みと同じ列）/ Export every system, in the columns import reads."""
    from mamori.services.registry import inventory

    chosen = current_lang(lang)
    fmt = out_file.suffix.lower().lstrip(".")
    if fmt not in ("csv", "xlsx"):
        fail(OptionInvalidError(option="--out", allowed=".csv, .xlsx"), chosen)
    with opened(database, chosen) as db:
        data = run(chosen, lambda: inventory.export_bytes(db, operator(), fmt))
    run(chosen, lambda: write_files(out_file.parent, {out_file.name: data}))
    out.print(t("cli.inventory.exported", chosen, file=str(out_file)), markup=False)
