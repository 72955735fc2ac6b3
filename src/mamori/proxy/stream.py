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
from mamori.screening.tables import SEPARATORS, HeadingRows, heading_row

CONTEXT = 48
"""Characters before the undecided part that are scanned again, so a label or a context word that
was already released still counts (氏名： … 山田太郎); more when a recogniser's context window
reaches further (``Guard.context_reach``)."""
PLACEHOLDER_REACH = 40
ROW_REACH = 512
"""How far back a window is extended to the start of the row it begins in."""
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
    _heading_rows: HeadingRows = field(default_factory=dict)

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

    def _window(self) -> tuple[str, int, int]:
        """What is screened again: the text from a little before the undecided part — in a
        table, from the start of the row it begins in (a row cut short has fewer cells than its
        table's) with the table's heading row before it, so the columns' headings still give
        their context (免許証番号 over its numbers). Returns the window, where its own text starts
        in the answer, and how many characters of heading stand before that."""
        start = max(0, self.released - max(CONTEXT, self.guard.context_reach + 8))
        row_start = self.text.rfind("\n", 0, start) + 1
        if start - row_start > ROW_REACH:
            return self.text[start:], start, 0  # inside a long line, not a table's row
        row_end = self.text.find("\n", start)
        # A row still being written may gain cells: what is found for it is not kept.
        known = self._heading_rows if row_end >= 0 else {}
        end = len(self.text) if row_end < 0 else row_end
        for separator in SEPARATORS:
            cells = self.text.count(separator, row_start, end)
            if not cells:
                continue
            bounds = heading_row(self.text, row_start, separator, cells, known)
            if bounds is not None:
                heading = self.text[bounds[0] : bounds[1]] + "\n"
                return heading + self.text[row_start:], row_start, len(heading)
            if row_end >= 0:  # the row may be the heading of the rows below it
                below_end = self.text.find("\n", row_end + 1)
                below_end = len(self.text) if below_end < 0 else below_end
                if self.text.count(separator, row_end + 1, below_end) == cells:
                    return self.text[row_start:], row_start, 0
        return self.text[start:], start, 0

    def _release(self, boundary: int, *, final: bool = False) -> str:
        window, start, heading = self._window()
        findings = [
            replace(f, start=f.start - heading + start, end=f.end - heading + start)
            for f in self.guard.find(window, self.vault, output=True)
            if f.start >= heading
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
