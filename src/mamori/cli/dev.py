"""Development commands: ``dev fake-llm`` serves a fake OpenAI-compatible model for gateway work."""

from __future__ import annotations

from typing import Annotated

import typer

from mamori.cli.console import err

app = typer.Typer(help="開発用ツール / Development tools.", no_args_is_help=True)


@app.command("fake-llm")
def fake_llm(
    host: Annotated[
        str, typer.Option("--host", metavar="HOST", help="待受けアドレス / Address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", metavar="PORT", min=0, max=65535, help="ポート / Port.")
    ] = 9000,
    latency_ms: Annotated[
        int,
        typer.Option(
            "--latency-ms",
            metavar="MS",
            min=0,
            help="応答（ストリームは最初のチャンク）までの待ち時間 / Delay before each answer (before the first chunk when streaming).",
        ),
    ] = 0,
    chunk_delay_ms: Annotated[
        int,
        typer.Option(
            "--chunk-delay-ms",
            metavar="MS",
            min=0,
            help="ストリームのチャンク間の待ち時間 / Delay between streamed chunks.",
        ),
    ] = 0,
    api_key: Annotated[
        str | None,
        typer.Option(
            "--api-key",
            metavar="KEY",
            help="指定すると「Authorization: Bearer KEY」を要求（ないと 401）/ Require this bearer key (else 401).",
        ),
    ] = None,
) -> None:
    """偽の OpenAI 互換モデルを起動（決まった応答、テスト・ベンチマーク用）/ Serve a fake OpenAI-compatible model with deterministic answers.

    応答表は data/devtools/fake_llm.yaml。fake-error-500・fake-error-429・fake-slow で上流の障害を再現する。
    Answers come from data/devtools/fake_llm.yaml; the models fake-error-500, fake-error-429 and
    fake-slow simulate upstream failures.
    """
    from mamori.devtools import fake_llm as server

    err.print(
        f"偽の LLM を起動しました / The fake LLM is up: http://{host}:{port}/v1（終了は Ctrl+C / Ctrl+C to stop）",
        markup=False,
    )
    server.run(
        host,
        port,
        latency_ms=latency_ms,
        chunk_delay_ms=chunk_delay_ms,
        api_key=api_key,
    )
