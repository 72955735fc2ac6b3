"""``mamori schema``: the published JSON Schema of the inputs."""

from __future__ import annotations

import json

import typer

from mamori.content.project import Project

app = typer.Typer(
    help="入力形式の JSON Schema / JSON Schemas of mamori's inputs.", no_args_is_help=True
)


def project_schema() -> dict[str, object]:
    return Project.model_json_schema()


@app.command("project")
def project() -> None:
    """案件記述の JSON Schema を出力 / Print the JSON Schema of a project description."""
    typer.echo(json.dumps(project_schema(), ensure_ascii=False, indent=2))
