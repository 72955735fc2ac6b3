"""Output screening for streamed answers: hold back the newest characters until what follows shows
they are safe, so a My Number or a name split across chunks is still caught before it is sent."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mamori.proxy.enforce import restore_request_values
from mamori.screening.decision import SEVERITY, Decision
from mamori.screening.findings import Finding
from mamori.screening.guard import REDACTABLE_TYPES, Guard
from mamori.screening.redaction import Vault

CONTEXT = 48
"""Characters before the undecided part that are scanned again, so a label or a context word that
was already released still counts (氏名： … 山田太郎)."""
PLACEHOLDER_REACH = 40
VALUE_TYPES = REDACTABLE_TYPES | {"CLASSIFICATION_MARKING"}
"""Types that name a span (a number, a name, a marking): the window never releases part of one.
Passage types (harmful content, injection, out of scope) only decide; they hold nothing back."""


@dataclass
class HoldBack:
    guard: Guard
    vault: Vault
    input_tokens: frozenset[str]
    hold: int
    text: str = ""
    released: int = 0
    decision: Decision = "allow"
    findings: list[dict[str, Any]] = field(default_factory=list)
    released_text: list[str] = field(default_factory=list)
    kept_text: list[str] = field(default_factory=list)
    """The released text before placeholders were put back (what ``retention: redacted`` keeps)."""
    _seen: set[tuple[str, int, int]] = field(default_factory=set)

    @property
    def blocked(self) -> bool:
        return self.decision == "block"

    def feed(self, piece: str) -> str:
        """Add a piece of the answer; return what may be sent now ("" while holding back)."""
        self.text += piece
        if self.blocked or len(self.text) - self.released <= self.hold:
            return ""
        return self._release(len(self.text) - self.hold)

    def finish(self) -> str:
        """The end of the answer: decide and release the rest."""
        if self.blocked:
            return ""
        return self._release(len(self.text), final=True)

    def _release(self, boundary: int, *, final: bool = False) -> str:
        start = max(0, self.released - CONTEXT)
        findings = [
            replace(f, start=f.start + start, end=f.end + start)
            for f in self.guard.find(self.text[start:], self.vault, output=True)
        ]
        decider = self.guard.decider
        to_replace: list[Finding] = []
        for finding in findings:
            if finding.end <= self.released:
                continue  # decided when it was released
            action = decider.action(finding, output=True)
            value = finding.type in VALUE_TYPES
            if value and action in ("redact", "block") and finding.start < self.released:
                # Its beginning has already gone out (a value longer than the window, or one
                # recognised late): the rest must not follow. The stream ends here.
                action = "block"
            if value and not final and finding.start < boundary < finding.end:
                boundary = finding.start  # never cut a value: hold all of it back
            key = (finding.type, finding.start, finding.end)
            if (finding.start < boundary or not value) and key not in self._seen:
                self._seen.add(key)
                self.findings.append(
                    {
                        "where": "output",
                        "type": finding.type,
                        "start": finding.start,
                        "end": finding.end,
                        "action": action,
                    }
                )
                if SEVERITY[action] > SEVERITY[self.decision]:
                    self.decision = action
                if action == "block":
                    return ""
            if finding.type in REDACTABLE_TYPES and action == "redact":
                to_replace.append(finding)
        if not final:
            # Do not cut a placeholder the model is quoting (<PERSON_1>) in two.
            opening = self.text.rfind(
                "<", max(self.released, boundary - PLACEHOLDER_REACH), boundary
            )
            if opening != -1 and ">" not in self.text[opening:boundary]:
                boundary = opening
        if boundary <= self.released:
            return ""
        region_start = self.released
        region = self.text[region_start:boundary]
        shifted = [
            replace(f, start=f.start - region_start, end=f.end - region_start)
            for f in to_replace
            if f.start >= region_start and f.end <= boundary
        ]
        kept = self.vault.redact(region, shifted) if shifted else region
        out = kept
        if self.guard.policy.restore_placeholders:
            out = restore_request_values(out, self.vault, self.input_tokens)
        self.released = boundary
        self.released_text.append(out)
        self.kept_text.append(kept)
        return out
