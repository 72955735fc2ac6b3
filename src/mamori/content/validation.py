"""pydantic's validation errors as Problems in the reader's language.

Each problem names the field path and what is allowed there — never the rejected value, which may be
free text with personal data in it. Validators of user-facing files raise ``PydanticCustomError``
with a type ``mamori.<name>``: the message is then ``problem.<name>`` from the catalogue, filled with
the error's context. An error of a kind without a message of ours is reported by its kind alone
(pydantic's own text may quote the value); only our own validators' ``ValueError`` texts are shown
as they are, since they name vocabulary, not what the user wrote.
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
_URL_TYPES = frozenset(
    {"url_type", "url_parsing", "url_syntax_violation", "url_too_long", "url_scheme"}
)
_OWN_MESSAGES = frozenset({"value_error", "assertion_error"})
"""Raised by validators of ours: their message names vocabulary, never what the user wrote."""
_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_FIELD_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_UNION_BRANCH = re.compile(r"[a-z][a-z-]*\[.*\]\Z", re.DOTALL)
"""pydantic's name for one alternative of a union: ``literal['all']``, ``list[constrained-str]``."""


def custom_error(name: str, english: str, **context: Any) -> PydanticCustomError:
    """A validation error whose message is ``problem.<name>`` (``english`` is pydantic's own)."""
    return PydanticCustomError(CUSTOM_PREFIX + name, english, context)


def problems_of(invalid: ValidationError, where: str = "") -> list[Problem]:
    """One problem per thing to fix. Of the errors one union reports (a value that is neither
    ``all`` nor a list of ids), only the deepest are kept: they say what is wrong inside."""
    located = [(_path(error["loc"]), error) for error in invalid.errors()]
    deepest: dict[str, int] = {}
    for (parts, _, union_root), _ in located:
        if union_root is not None:
            deepest[union_root] = max(deepest.get(union_root, 0), len(parts))
    problems: list[Problem] = []
    for (parts, key, union_root), error in located:
        if union_root is not None and len(parts) < deepest[union_root]:
            continue
        problem = _problem(error, ".".join(parts), where, key=key)
        if problem not in problems:
            problems.append(problem)
    return problems


def problem_of(error: ErrorDetails, where: str = "") -> Problem:
    parts, key, _ = _path(error["loc"])
    return _problem(error, ".".join(parts), where, key=key)


def _path(loc: tuple[int | str, ...]) -> tuple[list[str], bool, str | None]:
    """(the user's field path, whether a mapping's key was refused, where a union began).

    A mapping's keys are the user's own words (they may be names or numbers): a refused key is
    left out of the path, and so is any key that is not a plain ASCII name."""
    parts: list[str] = []
    key = False
    union_root: str | None = None
    kept_last = False  # whether the previous element went into the path (a key may not have)
    for part in loc:
        if part == "[key]":
            key = True
            if kept_last:
                parts.pop()
            kept_last = False
        elif isinstance(part, int) or _FIELD_NAME.match(part):
            parts.append(str(part))
            kept_last = True
        else:
            if union_root is None and (_UNION_BRANCH.match(part) or part.startswith("function-")):
                union_root = ".".join(parts)
            kept_last = False
    return parts, key, union_root


def _problem(error: ErrorDetails, field: str, where: str, *, key: bool) -> Problem:
    location = f"{where}: {field}" if where and field else where or field
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind.startswith(CUSTOM_PREFIX):
        name = kind.removeprefix(CUSTOM_PREFIX)
        return Problem(location, f"problem.{name}", {k: str(v) for k, v in context.items()})
    if key:
        allowed = _expected(context) if kind in ("literal_error", "enum") else ()
        return Problem(location, "problem.field_key", allowed=allowed)
    if kind in _SIMPLE:
        return Problem(location, _SIMPLE[kind])
    if kind in ("literal_error", "enum"):
        return Problem(location, "problem.field_choice", allowed=_expected(context))
    if kind in ("bool_type", "bool_parsing"):
        return Problem(location, "problem.field_choice", allowed=("true", "false"))
    if kind in _BOUNDS:
        key_name, bound = _BOUNDS[kind]
        return Problem(location, key_name, {"bound": str(context.get(bound, "?"))})
    if kind == "string_pattern_mismatch":
        return Problem(location, "problem.field_pattern", {"pattern": str(context.get("pattern"))})
    if kind in _URL_TYPES:
        return Problem(location, "problem.field_url")
    if kind in _OWN_MESSAGES:
        return Problem(
            location, "problem.pack_field", {"detail": error["msg"].removeprefix("Value error, ")}
        )
    # pydantic's own message may quote the value (a union's tag, a date): only its kind is said.
    return Problem(location, "problem.field_invalid", {"detail": kind})


def _expected(context: dict[str, object]) -> tuple[str, ...]:
    """The allowed values of a literal or enum error: ``'block', 'redact' or 'flag'`` or ``1``."""
    expected = str(context.get("expected", ""))
    quoted = _QUOTED.findall(expected)
    if quoted:
        return tuple(quoted)
    return tuple(part for part in re.split(r",\s*|\s+or\s+", expected) if part)
