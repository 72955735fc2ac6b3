"""The facts a pack's conditions may test, and the values each may take.

A condition in a pack (``include_when``, ``applies_when``, a warning's ``when``) names facts from this
vocabulary only; the loader rejects anything else, so a typo in a pack fails at start, not silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, get_args

from mamori.content.project import (
    DataClass,
    HumanReview,
    ProcurementPattern,
    Project,
    ServerLocation,
    Users,
    Work,
)

FactName = Literal[
    "users",
    "work",
    "training_data",
    "input_data",
    "data_max",
    "human_review",
    "procurement_pattern",
    "server_location",
    "ismap_listed",
    "possibly_high_risk",
    "axis_A",
    "axis_B",
    "axis_C",
    "axis_D",
]
FactValue = str | int | bool | None

AXIS_LEVELS: tuple[int, ...] = (1, 2, 3)

FACT_VALUES: dict[str, tuple[FactValue, ...]] = {
    "users": get_args(Users),
    "work": get_args(Work),
    "training_data": get_args(DataClass),
    "input_data": (*get_args(DataClass), None),
    "data_max": get_args(DataClass),
    "human_review": get_args(HumanReview),
    "procurement_pattern": get_args(ProcurementPattern),
    "server_location": get_args(ServerLocation),
    "ismap_listed": (True, False, None),
    "possibly_high_risk": (True, False),
    "axis_A": AXIS_LEVELS,
    "axis_B": AXIS_LEVELS,
    "axis_C": AXIS_LEVELS,
    "axis_D": AXIS_LEVELS,
}

PROJECT_AXIS_FIELDS: tuple[str, ...] = ("users", "work", "training_data", "human_review")
"""Project fields an axis may be read from."""


def project_facts(project: Project) -> dict[str, FactValue]:
    """The facts known before the finder has run (no axis levels, no risk indication yet)."""
    return {
        "users": project.users,
        "work": project.work,
        "training_data": project.training_data,
        "input_data": project.input_data,
        "data_max": project.data_max(),
        "human_review": project.human_review,
        "procurement_pattern": project.procurement_pattern,
        "server_location": project.server_location,
        "ismap_listed": project.ismap_listed,
    }


def format_fact_value(value: FactValue) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def matches(match: Mapping[FactName, Sequence[FactValue]], facts: Mapping[str, FactValue]) -> bool:
    """Every listed fact has one of the listed values (types compared too: ``1`` is not ``true``)."""
    return all(
        any(facts.get(fact) == v and type(facts.get(fact)) is type(v) for v in values)
        for fact, values in match.items()
    )
