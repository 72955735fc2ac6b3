"""Read and check the guard's data: recognisers, lexicons, policies, the derivation rules.

Every regex is compiled and every lexicon reference resolved here, at start: a broken pattern stops
the program with the file and path, never at the first request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mamori.content.screening import (
    Derivation,
    Lexicon,
    LexiconRecognizer,
    PatternRecognizer,
    PersonRecognizer,
    Policy,
    Recognizer,
    RecognizerFile,
    expand_lexicons,
)
from mamori.content.validation import problems_of
from mamori.errors import MamoriError, PolicyInvalidError, Problem, ScreeningDataError
from mamori.resources import data_dir

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class ScreeningData:
    recognizers: tuple[Recognizer, ...]
    families: dict[str, str]
    """Recogniser id → family (file) it belongs to."""
    lexicons: dict[str, tuple[str, ...]]
    policies: dict[str, Policy]
    derivation: Derivation


def screening_root() -> Path:
    return data_dir() / "screening"


def read_yaml(file: Path, error: type[MamoriError]) -> Any:
    try:
        return yaml.safe_load(file.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as broken:
        mark = broken.problem_mark
        where = f"{file}: line {mark.line + 1}, column {mark.column + 1}" if mark else str(file)
        raise error(
            path=str(file),
            problems=[Problem(where, "problem.yaml_syntax", {"detail": str(broken.problem)})],
        ) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as unreadable:
        raise error(
            path=str(file),
            problems=[
                Problem(str(file), "problem.file_unreadable", {"detail": type(unreadable).__name__})
            ],
        ) from None


def validate_model(model: type[Model], data: Any, file: Path, error: type[MamoriError]) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as invalid:
        raise error(path=str(file), problems=problems_of(invalid, str(file))) from None


def load_policy_file(file: Path) -> Policy:
    """A policy the user names with ``--policy``: same checks, its own error code."""
    if not file.is_file():
        raise PolicyInvalidError(
            path=str(file), problems=[Problem(str(file), "problem.project_file_missing")]
        )
    return validate_model(Policy, read_yaml(file, PolicyInvalidError), file, PolicyInvalidError)


@cache
def load_screening(root: Path | None = None) -> ScreeningData:
    base = root or screening_root()
    lexicons: dict[str, tuple[str, ...]] = {}
    for file in sorted((base / "lexicons").glob("*.yaml")):
        lexicon = validate_model(
            Lexicon, read_yaml(file, ScreeningDataError), file, ScreeningDataError
        )
        if lexicon.id != file.stem:
            raise ScreeningDataError(
                path=str(file),
                problems=[Problem(f"{file}: id", "problem.id_not_file_name", {"id": lexicon.id})],
            )
        lexicons[lexicon.id] = tuple(lexicon.entries)
    recognizers: list[Recognizer] = []
    families: dict[str, str] = {}
    for file in sorted((base / "recognizers").glob("*.yaml")):
        family = validate_model(
            RecognizerFile, read_yaml(file, ScreeningDataError), file, ScreeningDataError
        )
        for index, recognizer in enumerate(family.recognizers):
            where = f"{file}: recognizers[{index}]({recognizer.id})"
            if recognizer.id in families:
                raise ScreeningDataError(
                    path=str(file),
                    problems=[Problem(where, "problem.duplicate_id", {"id": recognizer.id})],
                )
            _check_compiles(recognizer, lexicons, where, file)
            families[recognizer.id] = family.family
            recognizers.append(recognizer)
    policies: dict[str, Policy] = {}
    for file in sorted((base / "policies").glob("*.yaml")):
        policy = validate_model(
            Policy, read_yaml(file, ScreeningDataError), file, ScreeningDataError
        )
        _check_policy_detectors(policy, families, file, ScreeningDataError)
        policies[policy.id] = policy
    derivation_file = base / "derivation.yaml"
    derivation = validate_model(
        Derivation,
        read_yaml(derivation_file, ScreeningDataError),
        derivation_file,
        ScreeningDataError,
    )
    if derivation.base_policy not in policies:
        raise ScreeningDataError(
            path=str(derivation_file),
            problems=[
                Problem(
                    f"{derivation_file}: base_policy",
                    "problem.unknown_policy",
                    {"id": derivation.base_policy},
                )
            ],
        )
    return ScreeningData(tuple(recognizers), families, lexicons, policies, derivation)


def check_policy(policy: Policy, data: ScreeningData, file: Path) -> None:
    _check_policy_detectors(policy, data.families, file, PolicyInvalidError)


def _check_policy_detectors(
    policy: Policy,
    families: dict[str, str],
    file: Path,
    error: type[ScreeningDataError] | type[PolicyInvalidError],
) -> None:
    if policy.detectors == "all":
        return
    known = set(families) | set(families.values())
    unknown = [d for d in policy.detectors if d not in known]
    if unknown:
        raise error(
            path=str(file),
            problems=[
                Problem(
                    f"{file}: detectors",
                    "problem.unknown_detector",
                    {"id": d},
                    tuple(sorted(known)),
                )
                for d in unknown
            ],
        )


def _check_compiles(
    recognizer: Recognizer, lexicons: dict[str, tuple[str, ...]], where: str, file: Path
) -> None:
    lists = {name: list(entries) for name, entries in lexicons.items()}
    regexes: list[tuple[str, str]] = []
    if isinstance(recognizer, PatternRecognizer):
        regexes = [(f"{where}.patterns({p.id}).regex", p.regex) for p in recognizer.patterns]
    elif isinstance(recognizer, LexiconRecognizer):
        regexes = [
            (f"{where}.categories({c.id}).patterns", p)
            for c in recognizer.categories
            for p in c.patterns
        ]
    elif isinstance(recognizer, PersonRecognizer):
        references = [
            (field, getattr(recognizer, field))
            for field in ("surnames", "honorifics", "labels", "stop_words", "latin_titles")
        ] + [(f"places[{index}]", name) for index, name in enumerate(recognizer.places)]
        for field, name in references:
            if name not in lexicons:
                raise ScreeningDataError(
                    path=str(file),
                    problems=[Problem(f"{where}.{field}", "problem.unknown_lexicon", {"id": name})],
                )
    for location, regex in regexes:
        try:
            re.compile(expand_lexicons(regex, lists))
        except (re.error, ValueError) as broken:
            raise ScreeningDataError(
                path=str(file),
                problems=[Problem(location, "problem.bad_regex", {"detail": str(broken)})],
            ) from None
