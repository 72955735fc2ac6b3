"""pydantic's validation errors as Problems in the reader's language.

Each problem names the field path and what is allowed there — never the rejected value, which may be
free text with personal data in it. Validators of user-facing files raise ``PydanticCustomError``
with a type ``mamori.<name>``: the message is then ``problem.<name>`` from the catalogue, filled with
the error's context. Anything pydantic reports that has no message of ours keeps its English text
(only pack authors, not users, meet those).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from mamori.errors import Problem

CUSTOM_PREFIX = "mamori."

_SIMPLE: dict[str, str] = {
    "missing": "problem.field_missing",
    "extra_forbidden": "problem.field_unknown",
    "int_type": "problem.field_integer",
    "int_parsing": "problem.field_integer",
    "int_from_float": "problem.field_integer",
    "float_type": "problem.field_number",
    "float_parsing": "problem.field_number",
    "string_type": "problem.field_text",
    "list_type": "problem.field_list",
    "tuple_type": "problem.field_list",
    "set_type": "problem.field_list",
    "frozen_set_type": "problem.field_list",
    "dict_type": "problem.field_mapping",
    "model_type": "problem.field_mapping",
    "model_attributes_type": "problem.field_mapping",
}
_BOUNDS: dict[str, tuple[str, str]] = {
    "less_than_equal": ("problem.field_at_most", "le"),
    "less_than": ("problem.field_below", "lt"),
    "greater_than_equal": ("problem.field_at_least", "ge"),
    "greater_than": ("problem.field_above", "gt"),
    "too_short": ("problem.field_too_few", "min_length"),
    "too_long": ("problem.field_too_many", "max_length"),
    "string_too_short": ("problem.field_too_short", "min_length"),
    "string_too_long": ("problem.field_too_long", "max_length"),
}
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")


def custom_error(name: str, english: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is ``problem.<name>`` (``english`` is pydantic's own)."""
    return PydanticCustomError(CUSTOM_PREFIX + name, english, context)


def problems_of(invalid: ValidationError, where: str = "") -> list[Problem]:
    return [problem_of(error, where) for error in invalid.errors()]


def problem_of(error: ErrorDetails, where: str = "") -> Problem:
    # Union branches ('literal[...]', 'function-after[...]') are pydantic's, not the user's path.
    field = ".".join(
        str(part) for part in error["loc"] if not str(part).startswith(("literal[", "function-"))
    )
    location = f"{where}: {field}" if where and field else where or field
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind.startswith(CUSTOM_PREFIX):
        name = kind.removeprefix(CUSTOM_PREFIX)
        return Problem(location, f"problem.{name}", {k: str(v) for k, v in context.items()})
    if kind in _SIMPLE:
        return Problem(location, _SIMPLE[kind])
    if kind in ("literal_error", "enum"):
        expected = str(context.get("expected", ""))
        return Problem(location, "problem.field_choice", allowed=tuple(_QUOTED.findall(expected)))
    if kind in ("bool_type", "bool_parsing"):
        return Problem(location, "problem.field_choice", allowed=("true", "false"))
    if kind in _BOUNDS:
        key, bound = _BOUNDS[kind]
        return Problem(location, key, {"bound": str(context.get(bound, "?"))})
    if kind == "string_pattern_mismatch":
        return Problem(location, "problem.field_pattern", {"pattern": str(context.get("pattern"))})
    return Problem(
        location, "problem.pack_field", {"detail": error["msg"].removeprefix("Value error, ")}
    )
