"""Guard use cases: build a guard from a policy, derive a system's policy, stream-scan JSON lines."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mamori.content.screening import Policy
from mamori.content.screening_loader import check_policy, load_policy_file, load_screening
from mamori.screening.derive import derive
from mamori.screening.guard import Guard
from mamori.services.planning import assess_file


def guard_for(policy_file: Path | None, on_prepare: Callable[[], None] | None = None) -> Guard:
    """The default guard, or one for the policy in ``policy_file`` (checked before anything is scanned).

    ``on_prepare`` is called if the guard has to compile its search database (first start only)."""
    if policy_file is None:
        return Guard.default(on_prepare)
    data = load_screening()
    policy = load_policy_file(policy_file)
    check_policy(policy, data, policy_file)
    return Guard(policy, data, on_prepare=on_prepare)


def derive_policy(
    project: Path, *, pack: str | None, default_pack: str, roots: Sequence[Path]
) -> Policy:
    assessed = assess_file(project, pack=pack, default_pack=default_pack, roots=roots)
    return derive(
        assessed.project, assessed.assessment.facts, assessed.loaded.pack, load_screening()
    )


def policy_yaml(policy: Policy) -> str:
    data = policy.model_dump(mode="json", exclude_defaults=False)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@dataclass(frozen=True)
class LineError:
    line: int
    problem: str
    """What is wrong, never the line's content (it may hold personal data)."""


def scan_lines(
    guard: Guard, lines: Iterable[str | bytes], *, with_decision: bool = False, output: bool = False
) -> Iterator[dict[str, Any] | LineError]:
    """One result per JSON line, in order, without holding more than one line in memory.

    Lines may be bytes (as read from a pipe): a line that is not UTF-8 is reported, not fatal."""
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield LineError(number, "not valid UTF-8")
                continue
        else:
            line = raw
        if number == 1:
            line = line.removeprefix("\ufeff")  # a byte-order mark some editors write
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as broken:
            yield LineError(number, f"not valid JSON (column {broken.colno})")
            continue
        if not isinstance(record, dict) or "id" not in record:
            yield LineError(number, 'expected an object with "id" and "text"')
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield LineError(number, '"text" must be a string')
            continue
        result = guard.scan(text, output=output)
        payload: dict[str, Any] = {
            "id": record["id"],
            "findings": [f.public() for f in result.findings],
        }
        if with_decision:
            payload["decision"] = result.verdict.action
        yield payload
