"""The guard: one policy, its detectors, and ``scan`` — normalise once, detect, resolve, decide."""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from mamori.content.screening import REQUEST_ONLY_TYPES, Policy
from mamori.content.screening_loader import ScreeningData, load_screening
from mamori.screening.decision import Decider, Verdict
from mamori.screening.detectors import Detector, build
from mamori.screening.detectors.base import BuildContext, PrefilteredDetector, ScanInput
from mamori.screening.detectors.pattern import PatternDetector
from mamori.screening.findings import PERSONAL_DATA_TYPES, Finding
from mamori.screening.memo import FindingsMemo
from mamori.screening.prefilter import Prefilter
from mamori.screening.redaction import Vault, placeholder_spans
from mamori.screening.text import NormalizedText

# Types that name one span of text and cannot share it: the strongest claim on a span wins.
EXCLUSIVE_TYPES = PERSONAL_DATA_TYPES | {"SECRET"}
REDACTABLE_TYPES = EXCLUSIVE_TYPES


@dataclass(frozen=True)
class ScanResult:
    findings: tuple[Finding, ...]
    verdict: Verdict


_SURROGATE = re.compile("[\ud800-\udfff]")
MERGED_TYPES = frozenset({"HARMFUL", "PROMPT_INJECTION"})
"""Types that describe a passage, not a value: touching or overlapping findings are one passage."""
MERGE_GAP = 24
"""Findings this close belong to one passage unless a whole sentence lies between them: the end of
one sentence and the start of the next (「…忘れてください。あなたは今から…」) are one attempt."""
_SENTENCE_END = re.compile(r"[。．.!?！？\n]")


def _may_hold_placeholders(text: str, vault: Vault | None) -> bool:
    """Whether ``text`` can hold a placeholder ``vault`` issued (then its findings depend on it)."""
    return vault is not None and bool(vault.by_placeholder) and "<" in text


def merge_passages(text: str, findings: list[Finding]) -> list[Finding]:
    """One finding per harmful or injected passage, however many phrases of it matched."""
    ordered = sorted(findings, key=lambda f: (f.type, f.start, -f.end))
    if all(finding.type not in MERGED_TYPES for finding in ordered):
        return ordered  # nothing to merge (nearly every text)
    merged: list[Finding] = []
    others: list[Finding] = []
    for finding in ordered:
        if finding.type not in MERGED_TYPES:
            others.append(finding)
            continue
        last = merged[-1] if merged else None
        gap = text[last.end : finding.start] if last is not None else ""
        if (
            last is not None
            and last.type == finding.type
            and finding.start <= last.end + MERGE_GAP
            and len(_SENTENCE_END.findall(gap)) <= 1
        ):
            strongest = last if last.score >= finding.score else finding
            merged[-1] = replace(strongest, start=last.start, end=max(last.end, finding.end))
        else:
            merged.append(finding)
    return others + merged


def resolve_overlaps(findings: list[Finding]) -> list[Finding]:
    """Keep the highest-scoring (then longest) finding where spans of exclusive types overlap;
    other types only compete with findings of their own type.

    Kept spans of one class never overlap each other, so each class is a sorted list of disjoint
    intervals and a clash is found by looking at the neighbours of the insertion point."""
    if len(findings) < 2:
        return list(findings)  # nothing can clash
    starts: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), f.start)):
        group = "exclusive" if finding.type in EXCLUSIVE_TYPES else finding.type
        group_starts = starts.setdefault(group, [])
        group_ends = ends.setdefault(group, [])
        index = bisect.bisect_left(group_starts, finding.start)
        before_clashes = index > 0 and group_ends[index - 1] > finding.start
        after_clashes = index < len(group_starts) and group_starts[index] < finding.end
        if before_clashes or after_clashes:
            continue
        group_starts.insert(index, finding.start)
        group_ends.insert(index, finding.end)
        kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end, f.type))


class Guard:
    def __init__(
        self,
        policy: Policy,
        data: ScreeningData | None = None,
        *,
        prefilter: bool = True,
        on_prepare: Callable[[], None] | None = None,
        memo: FindingsMemo | None = None,
    ) -> None:
        """``on_prepare`` is called before the one slow step of a first start (see Prefilter).
        ``memo`` remembers the findings of requests' texts (see ``screening.memo``)."""
        self.memo = memo
        self.data = data or load_screening()
        self.policy = policy
        context = BuildContext(self.data.lexicons, policy)
        enabled = set(policy.detectors) if policy.detectors != "all" else None
        detectors: list[Detector] = []
        for recognizer in self.data.recognizers:
            family = self.data.families[recognizer.id]
            if enabled is not None and recognizer.id not in enabled and family not in enabled:
                continue
            detector = build(recognizer, context)
            if detector is not None:
                detectors.append(detector)
        self.detectors = tuple(detectors)
        self.prefilter = (
            Prefilter(
                [
                    entry
                    for detector in self.detectors
                    if isinstance(detector, PrefilteredDetector)
                    for entry in detector.prefilter_patterns()
                ],
                on_compile=on_prepare,
            )
            if prefilter
            else None
        )
        # A pattern recogniser none of whose patterns can match is not even called: the detectors
        # a text needs are found from the (few) keys the prefilter reported.
        self.always_called = frozenset(
            index
            for index, detector in enumerate(self.detectors)
            if not isinstance(detector, PatternDetector)
        )
        self.request_only = frozenset(
            index
            for index, detector in enumerate(self.detectors)
            if detector.entity in REQUEST_ONLY_TYPES
        )
        self.called_for = {
            key: index
            for index, detector in enumerate(self.detectors)
            if isinstance(detector, PatternDetector)
            for key in detector.keys
        }
        self.decider = Decider(policy)
        # How far before a value its context words may stand (a streamed answer is screened in
        # windows that must reach that far back).
        self.context_reach = max(
            (
                context.window
                for detector in self.detectors
                if isinstance(detector, PatternDetector)
                for context in (detector.context, detector.negative)
                if context is not None
            ),
            default=0,
        )
        self.thresholds: dict[str, float] = {str(k): v for k, v in policy.thresholds.items()}
        self.default_threshold = policy.thresholds["default"]

    @classmethod
    def default(cls, on_prepare: Callable[[], None] | None = None) -> Guard:
        """The guard with the built-in default policy, built once per process."""
        global _DEFAULT_GUARD
        with _DEFAULT_LOCK:  # two threads starting together build it once
            if _DEFAULT_GUARD is None:
                data = load_screening()
                _DEFAULT_GUARD = Guard(data.policies["default"], data, on_prepare=on_prepare)
            return _DEFAULT_GUARD

    def with_policy(self, policy: Policy) -> Guard:
        return Guard(policy, self.data, prefilter=self.prefilter is not None)

    def with_purpose(self, purpose: str, examples: list[str]) -> Guard:
        return self.with_policy(
            self.policy.model_copy(update={"purpose": purpose, "examples": list(examples)})
        )

    def find(self, text: str, vault: Vault | None = None, *, output: bool = False) -> list[Finding]:
        """Every finding at or above the policy's threshold, overlaps resolved, in text order.
        ``output`` marks a model's answer: the request-only types are not looked for.

        Placeholders that ``vault`` issued are not findings; anything else that merely looks like
        a placeholder (``<MY_NUMBER_123456789018>``) is scanned like any other text.
        """
        # A text that holds one of the vault's placeholders depends on the vault: not remembered.
        memo, key = self.memo, None
        if memo is not None and not output and not _may_hold_placeholders(text, vault):
            key = memo.key(text)
            if key is not None and (remembered := memo.get(key)) is not None:
                return remembered
        findings = self._find(text, vault, output=output)
        if memo is not None and key is not None:
            memo.put(key, findings)
        return findings

    def _find_around(
        self, text: str, issued: list[tuple[tuple[int, int], str]], *, output: bool
    ) -> list[Finding]:
        """The findings of a text that holds placeholders the vault issued: it is screened as the
        text they stand for, so a value's own words, characters and boundaries are what its
        neighbours meet, as when it was first screened (a placeholder's name would be context —
        <DATE_OF_BIRTH_1> — and its brackets a boundary). What touches a value is the
        placeholder's and not reported; the rest is mapped back. Redacting twice with one vault
        therefore changes nothing the first redaction left."""
        pieces: list[str] = []
        values: list[tuple[int, int]] = []  # where the values stand in the restored text
        shifts: list[tuple[int, int]] = []  # (restored offset, given minus restored) from there
        position = restored = 0
        for (start, end), value in sorted(issued):
            pieces.append(text[position:start])
            restored += start - position
            values.append((restored, restored + len(value)))
            pieces.append(value)
            restored += len(value)
            shifts.append((restored, end - restored))
            position = end
        pieces.append(text[position:])
        kept: list[Finding] = []
        for finding in self._find("".join(pieces), None, output=output):
            if any(s < finding.end and finding.start < e for s, e in values):
                continue
            index = bisect.bisect_right(shifts, (finding.start, len(text) + 1)) - 1
            shift = shifts[index][1] if index >= 0 else 0
            kept.append(replace(finding, start=finding.start + shift, end=finding.end + shift))
        return kept

    def _find(self, text: str, vault: Vault | None, *, output: bool) -> list[Finding]:
        # A lone surrogate cannot be encoded; U+FFFD keeps every offset where it was. (Strict
        # UTF-8 refuses exactly the surrogates, and encoding is cheaper than searching for them.)
        try:
            text.encode("utf-8")
            text_for_scan = text
        except UnicodeEncodeError:
            text_for_scan = _SURROGATE.sub("\ufffd", text)
        if vault is not None and _may_hold_placeholders(text, vault):
            issued = [
                (span, vault.by_placeholder[token])
                for span, token in placeholder_spans(text)
                if token in vault.by_placeholder
            ]
            if issued:
                return self._find_around(text, issued, output=output)
        normalized = NormalizedText.of(text_for_scan)
        possible = self.prefilter.possible(normalized.normalized) if self.prefilter else None
        scan = ScanInput.of(normalized, possible)
        candidates: list[Finding] = []
        thresholds, default_threshold = self.thresholds, self.default_threshold
        called: Iterable[int] = range(len(self.detectors))
        if possible is not None:
            called_for = self.called_for
            called = sorted(
                self.always_called.union(called_for[key] for key in possible if key in called_for)
            )
        if output and self.request_only:
            called = [index for index in called if index not in self.request_only]
        for index in called:
            detector = self.detectors[index]
            if (detector.needs == "digit" and not scan.has_digit) or (
                detector.needs == "ascii_letter" and not scan.has_ascii_letter
            ):
                continue
            for finding in detector.detect(scan):
                if finding.score < thresholds.get(finding.type, default_threshold):
                    continue
                candidates.append(finding)
        return resolve_overlaps(merge_passages(text, candidates))

    def scan(self, text: str, *, output: bool = False, vault: Vault | None = None) -> ScanResult:
        findings = self.find(text, vault, output=output)
        return ScanResult(tuple(findings), self.decider.decide(findings, output=output))

    def redact(
        self, text: str, vault: Vault | None = None, *, output: bool = False
    ) -> tuple[str, Vault]:
        """Replace what the policy says to redact (and, since it must not leave either, what it blocks)."""
        vault = vault if vault is not None else Vault()
        findings = [
            f
            for f in self.find(text, vault, output=output)
            if f.type in REDACTABLE_TYPES
            and self.decider.action(f, output=output) in ("redact", "block")
        ]
        return vault.redact(text, findings), vault


_DEFAULT_GUARD: Guard | None = None
_DEFAULT_LOCK = threading.Lock()
