"""Enforcement of a system's policy on a request and on an answer: screening, residency, redaction.

Pure functions over the request body and the guard: no I/O, so the same rules hold in tests, in
streams and in the benchmark.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field
from typing import Any

from mamori.content.gateway import Upstream
from mamori.content.project import Project
from mamori.screening.decision import SEVERITY, Decision, Reason
from mamori.screening.findings import PERSONAL_DATA_TYPES, Finding
from mamori.screening.guard import REDACTABLE_TYPES, Guard
from mamori.screening.redaction import PLACEHOLDER, Vault

NON_PUBLIC_TYPES = frozenset({*PERSONAL_DATA_TYPES, "SECRET", "CLASSIFICATION_MARKING"})
NON_PUBLIC_DECLARED = frozenset({"internal", "personal", "confidential"})


@dataclass
class Screened:
    """The outcome of screening one request or one answer."""

    decision: Decision = "allow"
    reasons: list[Reason] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    """``{"where", "part", "type", "start", "end", "action"}`` — offsets only, never text."""
    types: set[str] = field(default_factory=set)
    residency_blocked: bool = False
    risk_kind: str | None = None

    @property
    def reason_codes(self) -> list[str]:
        codes = [f"{r.type}:{r.action}" for r in self.reasons]
        return [*codes, "RESIDENCY:block"] if self.residency_blocked else codes


def texts_of(messages: Any) -> list[tuple[int, int | None, str]]:
    """(message index, content-part index or None, text) for every text the user sent."""
    found: list[tuple[int, int | None, str]] = []
    if not isinstance(messages, list):
        return found
    for index, message in enumerate(messages):
        if not isinstance(message, dict):
            continue
        content = message.get("content")
        if isinstance(content, str):
            found.append((index, None, content))
        elif isinstance(content, list):
            for part_index, part in enumerate(content):
                if (
                    isinstance(part, dict)
                    and part.get("type") == "text"
                    and isinstance(part.get("text"), str)
                ):
                    found.append((index, part_index, part["text"]))
    return found


def inputs_of(body: dict[str, Any], endpoint: str) -> list[tuple[int, int | None, str]]:
    if endpoint == "embeddings":
        value = body.get("input")
        if isinstance(value, str):
            return [(0, None, value)]
        if isinstance(value, list):
            return [(i, None, v) for i, v in enumerate(value) if isinstance(v, str)]
        return []
    return texts_of(body.get("messages"))


def digest(texts: list[str]) -> str:
    hasher = hashlib.sha256()
    for text in texts:
        hasher.update(text.encode("utf-8", "surrogatepass"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def _risk_kind(findings: list[Finding], blocked_types: set[str], residency: bool) -> str | None:
    if residency:
        return "abroad"
    if "CLASSIFICATION_MARKING" in blocked_types:
        return "marking"
    if "MY_NUMBER" in blocked_types:
        return "my_number"
    if "PROMPT_INJECTION" in blocked_types:
        return "injection"
    return None


def screen_input(
    guard: Guard,
    project: Project,
    upstream: Upstream,
    parts: list[tuple[int, int | None, str]],
    vault: Vault,
) -> tuple[Screened, dict[tuple[int, int | None], str]]:
    """Screen every text of a request; returns the outcome and the redacted texts (by position)."""
    result = Screened()
    all_findings: list[Finding] = []
    redacted: dict[tuple[int, int | None], str] = {}
    blocked_types: set[str] = set()
    for message, part, text in parts:
        findings = guard.find(text, vault)
        all_findings += findings
        to_replace: list[Finding] = []
        for finding in findings:
            action = guard.decider.action(finding, output=False)
            result.findings.append(
                {
                    "where": "input",
                    "message": message,
                    "part": part,
                    "type": finding.type,
                    "start": finding.start,
                    "end": finding.end,
                    "action": action,
                }
            )
            result.types.add(finding.type)
            if action == "block":
                blocked_types.add(finding.type)
            if finding.type in REDACTABLE_TYPES and action in ("redact", "block"):
                to_replace.append(finding)
        if to_replace:
            redacted[(message, part)] = vault.redact(text, to_replace)
    verdict = guard.decider.decide(all_findings, output=False)
    result.decision, result.reasons = verdict.action, list(verdict.reasons)
    # Residency: nothing non-public to a server abroad or of unknown location (user's rule).
    if upstream.location != "japan":
        declared = project.input_data in NON_PUBLIC_DECLARED
        if declared or result.types & NON_PUBLIC_TYPES:
            result.residency_blocked = True
            result.decision = "block"
    result.risk_kind = (
        _risk_kind(all_findings, blocked_types, result.residency_blocked)
        if result.decision == "block"
        else None
    )
    return result, redacted


def apply_redactions(
    body: dict[str, Any], endpoint: str, redacted: dict[tuple[int, int | None], str]
) -> dict[str, Any]:
    """A copy of the request body with the redacted texts put in (the original is left alone)."""
    if not redacted:
        return body
    changed = copy.deepcopy(body)
    if endpoint == "embeddings":
        if isinstance(changed.get("input"), str):
            changed["input"] = redacted.get((0, None), changed["input"])
        else:
            for (index, _), text in redacted.items():
                changed["input"][index] = text
        return changed
    for (index, part), text in redacted.items():
        message = changed["messages"][index]
        if part is None:
            message["content"] = text
        else:
            message["content"][part]["text"] = text
    return changed


@dataclass
class OutputScreen:
    """The decision on (part of) an answer, and the text to release."""

    decision: Decision
    text: str
    findings: list[dict[str, Any]]
    reasons: list[Reason]


def screen_output(
    guard: Guard, text: str, vault: Vault, input_tokens: frozenset[str], *, offset: int = 0
) -> OutputScreen:
    """Screen an answer: block, redact what must not be shown, then — if the policy allows — put
    back the values of placeholders issued for the *request* (``input_tokens``). Placeholders made
    here for the answer's own findings are never put back."""
    policy = guard.policy
    findings = guard.find(text, vault)
    verdict = guard.decider.decide(findings, output=True)
    records: list[dict[str, Any]] = []
    to_replace: list[Finding] = []
    for finding in findings:
        action = guard.decider.action(finding, output=True)
        records.append(
            {
                "where": "output",
                "type": finding.type,
                "start": finding.start + offset,
                "end": finding.end + offset,
                "action": action,
            }
        )
        if finding.type in REDACTABLE_TYPES and action in ("redact", "block"):
            to_replace.append(finding)
    released = vault.redact(text, to_replace) if to_replace else text
    if policy.restore_placeholders and input_tokens:
        released = PLACEHOLDER.sub(
            lambda m: (
                vault.by_placeholder[m.group(0)] if m.group(0) in input_tokens else m.group(0)
            ),
            released,
        )
    return OutputScreen(verdict.action, released, records, list(verdict.reasons))


def strictest(*decisions: Decision) -> Decision:
    return max(decisions, key=SEVERITY.__getitem__)
