"""Read a project description (YAML or JSON) into a :class:`Project`, naming every problem precisely."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

import yaml
from pydantic import ValidationError

from mamori.content.project import Project
from mamori.errors import Problem, ProjectFileError, ProjectInvalidError


def load_project(path: Path) -> Project:
    """Parse and validate ``path``; raise an error naming the file, field path and allowed values."""
    file = str(path)
    if not path.is_file():
        raise ProjectFileError(file=file, problems=[Problem(file, "problem.project_file_missing")])
    try:
        # JSON is a subset of YAML 1.2 in practice; one parser gives line numbers for both.
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as broken:
        mark = broken.problem_mark
        where = f"{file}: line {mark.line + 1}, column {mark.column + 1}" if mark else file
        raise ProjectFileError(
            file=file,
            problems=[Problem(where, "problem.project_yaml", {"detail": str(broken.problem)})],
        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as unreadable:
        raise ProjectFileError(
            file=file,
            problems=[Problem(file, "problem.project_yaml", {"detail": type(unreadable).__name__})],
        ) from None
    if not isinstance(data, dict):
        raise ProjectInvalidError(
            file=file, problems=[Problem(file, "problem.project_not_mapping")]
        )
    return validate_project(data, file)


def validate_project(data: dict[str, Any], file: str) -> Project:
    try:
        return Project.model_validate(data)
    except ValidationError as invalid:
        raise ProjectInvalidError(
            file=file, problems=[project_problem(error) for error in invalid.errors()]
        ) from None


def project_problem(error: Any, prefix: str = "") -> Problem:
    """One pydantic error as a Problem naming the field (``prefix.field`` inside a larger body)."""
    problem = _problem(error)
    if prefix:
        return replace(
            problem, location=f"{prefix}.{problem.location}" if problem.location else prefix
        )
    return problem


def _problem(error: Any) -> Problem:
    loc = tuple(error["loc"])
    # Drop pydantic's union-branch markers such as 'literal[...]' so the path is the user's field path.
    field = ".".join(str(p) for p in loc if not str(p).startswith(("literal[", "function-")))
    kind = error.get("type", "")
    if kind == "missing":
        return Problem(field, "problem.project_missing", allowed=_allowed(field))
    if kind in {"literal_error", "enum", "string_pattern_mismatch"}:
        return Problem(field, "problem.project_value", allowed=_allowed(field))
    if kind == "string_too_short":
        return Problem(field, "problem.project_empty")
    if kind in {"bool_type", "bool_parsing"}:
        return Problem(field, "problem.project_value", allowed=("true", "false"))
    if kind in {
        "int_type",
        "int_parsing",
        "int_from_float",
        "greater_than_equal",
        "less_than_equal",
    }:
        return Problem(field, "problem.project_year")
    if kind == "string_type":
        return Problem(field, "problem.project_text")
    # Never echo the user's value: it may be free text with personal data in it.
    return Problem(field, "problem.project_type", {"detail": kind or "invalid"}, _allowed(field))


def _allowed(field: str) -> tuple[str, ...]:
    info = Project.model_fields.get(field)
    if info is None or info.annotation is None:
        return ()
    if field == "pack":
        return ("<id>@<version>, e.g. ds920@2.0",)
    return tuple(_literal_values(info.annotation))


def _literal_values(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(v) for v in get_args(annotation)]
    return [v for arg in get_args(annotation) for v in _literal_values(arg)]
