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
    """``{"where", "path", "type", "start", "end", "action"}`` — offsets only, never text."""
    types: set[str] = field(default_factory=set)
    residency_blocked: bool = False
    risk_kind: str | None = None

    @property
    def reason_codes(self) -> list[str]:
        codes = [f"{r.type}:{r.action}" for r in self.reasons]
        return [*codes, "RESIDENCY:block"] if self.residency_blocked else codes


Path = tuple[str | int, ...]
"""Where a string sits in a request body: ``("messages", 0, "content")``."""

SKIPPED_KEYS = frozenset(
    {"model", "role", "type", "id", "tool_call_id", "object", "encoding_format", "tool_choice"}
)
"""Protocol words, not text anyone wrote: every other string in a request is screened, whatever
field it is in (tool definitions, tool-call arguments, names, metadata, stop words …)."""
TEXT_PART_TYPES = frozenset({"text", "input_text"})


class UnsupportedContentError(Exception):
    """A part of the request the guard cannot read (an image, audio, a file, token ids)."""

    def __init__(self, where: str) -> None:
        super().__init__(where)
        self.where = where


def strings_in(value: Any, path: Path = ()) -> list[tuple[Path, str]]:
    """Every string value in a JSON document, with its path (keys in SKIPPED_KEYS left out)."""
    if isinstance(value, str):
        return [(path, value)]
    found: list[tuple[Path, str]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key in SKIPPED_KEYS and isinstance(item, str):
                continue
            found += strings_in(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += strings_in(item, (*path, index))
    return found


def inputs_of(body: dict[str, Any], endpoint: str) -> list[tuple[Path, str]]:
    """Every text of a request, or UnsupportedContentError for a part that cannot be screened."""
    if endpoint == "embeddings":
        value = body.get("input")
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            if not isinstance(item, str):  # token ids can spell any text
                raise UnsupportedContentError(f"input[{index}]")
    else:
        for index, message in enumerate(body.get("messages") or []):
            content = message.get("content") if isinstance(message, dict) else None
            if isinstance(content, list):
                for part_index, part in enumerate(content):
                    if not isinstance(part, dict) or part.get("type") not in TEXT_PART_TYPES:
                        raise UnsupportedContentError(f"messages[{index}].content[{part_index}]")
            elif content is not None and not isinstance(content, str):
                raise UnsupportedContentError(f"messages[{index}].content")
    return strings_in(body)


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
    parts: list[tuple[Path, str]],
    vault: Vault,
) -> tuple[Screened, dict[Path, str]]:
    """Screen every text of a request; returns the outcome and the redacted texts (by position)."""
    result = Screened()
    all_findings: list[Finding] = []
    redacted: dict[Path, str] = {}
    blocked_types: set[str] = set()
    for path, text in parts:
        findings = guard.find(text, vault)
        all_findings += findings
        to_replace: list[Finding] = []
        for finding in findings:
            action = guard.decider.action(finding, output=False)
            result.findings.append(
                {
                    "where": "input",
                    "path": list(path),
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
            redacted[path] = vault.redact(text, to_replace)
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


def apply_redactions(body: dict[str, Any], redacted: dict[Path, str]) -> dict[str, Any]:
    """A copy of the request body with the redacted texts put in (the original is left alone)."""
    if not redacted:
        return body
    changed = copy.deepcopy(body)
    for path, text in redacted.items():
        if path:
            set_at(changed, path, text)
    return changed


def set_at(document: Any, path: Path, value: str) -> None:
    """Put ``value`` where ``path`` points inside a JSON document."""
    for step in path[:-1]:
        document = document[step]
    document[path[-1]] = value


def restore_request_values(text: str, vault: Vault, input_tokens: frozenset[str]) -> str:
    """Put back the values of the placeholders issued for the request (``input_tokens``); any
    other placeholder — one made for the answer's own findings — stays."""
    if not input_tokens:
        return text
    return PLACEHOLDER.sub(
        lambda m: vault.by_placeholder[m.group(0)] if m.group(0) in input_tokens else m.group(0),
        text,
    )


@dataclass
class OutputScreen:
    """The decision on (part of) an answer, and the text to release."""

    decision: Decision
    text: str
    """What the user is shown: redacted, then the request's own placeholders put back."""
    kept: str
    """What the audit keeps under ``retention: redacted``: redacted, nothing put back."""
    findings: list[dict[str, Any]]
    reasons: list[Reason]


def screen_output(
    guard: Guard, text: str, vault: Vault, input_tokens: frozenset[str], *, offset: int = 0
) -> OutputScreen:
    """Screen an answer: block, redact what must not be shown, then — if the policy allows — put
    back the values of placeholders issued for the *request* (``input_tokens``). Placeholders made
    here for the answer's own findings are never put back."""
    policy = guard.policy
    findings = guard.find(text, vault, output=True)
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
    kept = vault.redact(text, to_replace) if to_replace else text
    released = kept
    if policy.restore_placeholders:
        released = restore_request_values(released, vault, input_tokens)
    return OutputScreen(verdict.action, released, kept, records, list(verdict.reasons))


def strictest(*decisions: Decision) -> Decision:
    return max(decisions, key=SEVERITY.__getitem__)
