"""Writes docs/cli.md from the CLI's own help, so the docs cannot drift (tests/test_docs.py checks).

Run ``make docs`` (or ``python -m tests.cli_reference``) after changing a command or its help.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from mamori.cli.app import app

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"

HEADER = """# Command-line reference / コマンドリファレンス

This page is generated from `mamori --help` by `make docs`; a test fails when it drifts from the code.
Exit codes: `0` success, `1` unexpected failure, `2` bad input (the message names the file, the field
and the allowed values; nothing is written).

本ページは `mamori --help` から `make docs` で生成している。コードと食い違うとテストが失敗する。
終了コード: `0` 成功、`2` 入力の誤り（ファイル・項目・指定できる値を表示し、何も書き出さない）。
"""


def _paths(command: object, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    subcommands = getattr(
        command, "commands", None
    )  # typer vendors its own click: duck-type groups
    if subcommands:
        for name in sorted(subcommands):
            paths += _paths(subcommands[name], (*prefix, name))
    return paths


def render() -> str:
    runner = CliRunner()
    root = typer.main.get_command(app)
    parts = [HEADER]
    for path in _paths(root):
        result = runner.invoke(app, [*path, "--help"], prog_name="mamori", env={"COLUMNS": "100"})
        assert result.exit_code == 0, result.output
        title = " ".join(("mamori", *path))
        parts.append(f"\n## `{title}`\n\n```text\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")
