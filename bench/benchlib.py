"""Shared pieces of the guard benchmarks: the cached corpus, span matching, metrics and timing.

Kept apart from scan.py so that scan_vs_presidio.py scores both tools with exactly the same rules.
Nothing here imports mamori: the scripts hand in plain spans, so the scorer cannot drift with the engine.
"""

from __future__ import annotations

import json
import os
import platform
import socket
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus

from mamori.screening.findings import ENTITY_TYPES as MAMORI_ENTITY_TYPES

BENCH_DIR = Path(__file__).resolve().parent
CACHE_DIR = BENCH_DIR / ".cache"
PROMPT_BYTES = 2048

ENTITY_TYPES: tuple[str, ...] = tuple(str(name) for name in MAMORI_ENTITY_TYPES)
# A hard-negative document is "clean" when none of these fire: they are the types that would make
# mamori redact or block an ordinary administrative text.
CLEAN_TYPES: frozenset[str] = frozenset(ENTITY_TYPES[:15])

Record = dict[str, object]


@dataclass(frozen=True, slots=True)
class Span:
    type: str
    start: int
    end: int


# ---------------------------------------------------------------------------------------------------
# Corpus
# ---------------------------------------------------------------------------------------------------


def load_corpus(
    seed: int, size: int, path: Path | None = None, limit: int | None = None
) -> tuple[list[Record], Path]:
    """Read the JSONL corpus, generating and caching it under bench/.cache/ on first use."""
    if path is None:
        path = CACHE_DIR / f"corpus-seed{seed}-n{size}.jsonl"
        if not path.exists():
            corpus.write_jsonl(corpus.generate(seed, size), path)
    with path.open(encoding="utf-8") as fh:
        records: list[Record] = [json.loads(line) for line in fh if line.strip()]
    if limit is not None:
        records = records[:limit]
    return records, path


def gold_spans(record: Record) -> list[Span]:
    entities = record.get("entities") or []
    assert isinstance(entities, list)
    return [Span(str(e["type"]), int(e["start"]), int(e["end"])) for e in entities]


def decoy_spans(record: Record) -> list[tuple[str, int, int]]:
    decoys = record.get("decoys") or []
    assert isinstance(decoys, list)
    return [(str(d["kind"]), int(d["start"]), int(d["end"])) for d in decoys]


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


# ---------------------------------------------------------------------------------------------------
# Matching and metrics
# ---------------------------------------------------------------------------------------------------


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def as_dict(self) -> dict[str, object]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
        }


def rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], exact: bool
) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """One-to-one matching of predictions to gold entities of the same type.

    Overlap mode pairs the largest overlaps first (greedy), so a prediction that covers two gold
    entities earns one true positive and leaves the other as a miss. Exact mode needs equal bounds.
    Returns (matched pairs, unmatched predictions, unmatched gold).
    """
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g.type != p.type:
                continue
            if exact:
                if g.start == p.start and g.end == p.end:
                    candidates.append((g.end - g.start, gi, pi))
            elif (size := _overlap(g, p)) > 0:
                candidates.append((size, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[Span, Span]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gold[gi], pred[pi]))
    unmatched_pred = [p for i, p in enumerate(pred) if i not in used_pred]
    unmatched_gold = [g for i, g in enumerate(gold) if i not in used_gold]
    return pairs, unmatched_pred, unmatched_gold


@dataclass
class Example:
    """One error, kept so the lead can see what a detector missed or invented."""

    record_id: str
    kind: str  # "FP" or "FN"
    type: str
    text: str
    context: str


@dataclass
class Evaluation:
    per_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_type_exact: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    per_genre: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    hard_negative_docs: int = 0
    hard_negative_clean: int = 0
    hard_negative_clean_any: int = 0
    decoy_total: Counter[str] = field(default_factory=Counter)
    decoy_hit: Counter[str] = field(default_factory=Counter)
    decoy_hit_types: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[Example]] = field(default_factory=lambda: defaultdict(list))

    def micro(self, exact: bool = False, types: Iterable[str] | None = None) -> Counts:
        table = self.per_type_exact if exact else self.per_type
        wanted = set(types) if types is not None else set(ENTITY_TYPES)
        total = Counts()
        for name, counts in table.items():
            if name in wanted:
                total.add(counts)
        return total


def _context(text: str, span: Span, width: int = 25) -> str:
    left = text[max(0, span.start - width) : span.start]
    right = text[span.end : span.end + width]
    return (left + "⟦" + text[span.start : span.end] + "⟧" + right).replace("\n", "⏎")


def evaluate(
    records: Sequence[Record],
    predictions: Sequence[Sequence[Span]],
    types: Iterable[str] | None = None,
    keep_examples: int = 0,
) -> Evaluation:
    """Score predictions against the gold spans; ``types`` restricts both sides (for baselines)."""
    wanted = set(types) if types is not None else set(ENTITY_TYPES)
    ev = Evaluation()
    for record, raw_pred in zip(records, predictions, strict=True):
        text = str(record["text"])
        gold = [g for g in gold_spans(record) if g.type in wanted]
        pred = sorted(
            {p for p in raw_pred if p.type in wanted}, key=lambda s: (s.start, s.end, s.type)
        )
        _score_document(ev, record, text, gold, pred, keep_examples)
        _score_decoys(ev, record, text, gold, pred, keep_examples)
        if record["genre"] == "hard_negative":
            ev.hard_negative_docs += 1
            ev.hard_negative_clean += not any(p.type in CLEAN_TYPES for p in pred)
            ev.hard_negative_clean_any += not pred
    return ev


def _score_document(
    ev: Evaluation, record: Record, text: str, gold: list[Span], pred: list[Span], keep: int
) -> None:
    genre = str(record["genre"])
    pairs, extra, missed = match_spans(gold, pred, exact=False)
    for g, _ in pairs:
        ev.per_type[g.type].tp += 1
        ev.per_genre[genre].tp += 1
    for p in extra:
        ev.per_type[p.type].fp += 1
        ev.per_genre[genre].fp += 1
        _keep(
            ev,
            keep,
            Example(str(record["id"]), "FP", p.type, text[p.start : p.end], _context(text, p)),
        )
    for g in missed:
        ev.per_type[g.type].fn += 1
        ev.per_genre[genre].fn += 1
        _keep(
            ev,
            keep,
            Example(str(record["id"]), "FN", g.type, text[g.start : g.end], _context(text, g)),
        )
    pairs, extra, missed = match_spans(gold, pred, exact=True)
    for g, _ in pairs:
        ev.per_type_exact[g.type].tp += 1
    for p in extra:
        ev.per_type_exact[p.type].fp += 1
    for g in missed:
        ev.per_type_exact[g.type].fn += 1


def _keep(ev: Evaluation, keep: int, example: Example) -> None:
    bucket = ev.examples[f"{example.type} {example.kind}"]
    if len(bucket) < keep:
        bucket.append(example)


def _score_decoys(
    ev: Evaluation, record: Record, text: str, gold: list[Span], pred: list[Span], keep: int
) -> None:
    """A look-alike counts as hit when a prediction overlaps it and no gold entity explains it.

    OUT_OF_SCOPE is left out: it covers the whole text, so it overlaps every look-alike in it.
    """
    for kind, start, end in decoy_spans(record):
        ev.decoy_total[kind] += 1
        probe = Span("", start, end)
        hits = [
            p
            for p in pred
            if p.type != "OUT_OF_SCOPE"
            and _overlap(p, probe) > 0
            and not any(g.type == p.type and _overlap(g, p) > 0 for g in gold)
        ]
        if not hits:
            continue
        ev.decoy_hit[kind] += 1
        for p in hits:
            ev.decoy_hit_types[kind][p.type] += 1
        bucket = ev.examples[f"look-alike {kind}"]
        if len(bucket) < keep:
            context = _context(text, hits[0])
            bucket.append(
                Example(str(record["id"]), "DECOY", hits[0].type, text[start:end], context)
            )


# ---------------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------------


def pin_to_one_core() -> str:
    """Run on a single CPU so throughput and latency describe one core, as the brief asks."""
    if hasattr(os, "sched_setaffinity"):
        try:
            cpu = min(os.sched_getaffinity(0))
            os.sched_setaffinity(0, {cpu})
            return f"pinned to CPU {cpu}"
        except OSError as exc:
            return f"not pinned ({exc})"
    return "not pinned (unsupported)"


def build_prompts(
    records: Sequence[Record], count: int, max_bytes: int = PROMPT_BYTES
) -> list[str]:
    """Prompts of ~2 KB UTF-8: consecutive corpus texts joined until the budget, cut at a character."""
    texts = [str(r["text"]) for r in records if r.get("text")]
    prompts: list[str] = []
    cursor = 0
    while len(prompts) < count and texts:
        parts: list[str] = []
        size = 0
        while size < max_bytes:
            piece = texts[cursor % len(texts)]
            cursor += 1
            parts.append(piece)
            size += utf8_len(piece) + 1
        prompts.append(utf8_trim("\n".join(parts), max_bytes))
        cursor += 1  # start the next prompt elsewhere so prompts differ
    return prompts


def utf8_trim(text: str, max_bytes: int) -> str:
    return text.encode("utf-8")[:max_bytes].decode("utf-8", errors="ignore")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation), so p99 is an observed latency."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def time_latency(
    scan: Callable[[str], object], prompts: Sequence[str], warmup: int
) -> dict[str, float]:
    """Per-prompt wall time with perf_counter_ns after ``warmup`` untimed calls."""
    for prompt in prompts[: max(0, warmup)]:
        scan(prompt)
    samples: list[float] = []
    for prompt in prompts:
        start = time.perf_counter_ns()
        scan(prompt)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return {
        "prompts": len(samples),
        "prompt_bytes_mean": round(sum(utf8_len(p) for p in prompts) / max(1, len(prompts)), 1),
        "p50_ms": round(percentile(samples, 50), 3),
        "p99_ms": round(percentile(samples, 99), 3),
        "mean_ms": round(sum(samples) / len(samples), 3),
        "max_ms": round(max(samples), 3),
    }


def environment() -> dict[str, str]:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": str(os.cpu_count()),
        "date": time.strftime("%Y-%m-%d"),
    }


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 3) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain, aligned text table (first column left-aligned, the rest right-aligned)."""
    cells = [[str(h) for h in headers], *[[str(c) for c in row] for row in rows]]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [_pad(cell, widths[i], left=i == 0) for i, cell in enumerate(row)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: East Asian wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text


def type_rows(ev: Evaluation, types: Iterable[str] = ENTITY_TYPES) -> list[list[object]]:
    rows: list[list[object]] = []
    for name in types:
        c = ev.per_type.get(name, Counts())
        e = ev.per_type_exact.get(name, Counts())
        rows.append(
            [
                name,
                c.tp + c.fn,
                c.tp,
                c.fp,
                c.fn,
                fmt(c.precision),
                fmt(c.recall),
                fmt(c.f1),
                fmt(e.f1),
            ]
        )
    return rows


TYPE_HEADERS = ["type", "gold", "TP", "FP", "FN", "precision", "recall", "F1", "exact F1"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (for the servers a benchmark starts)."""
    with socket.socket() as handle:
        handle.bind(("127.0.0.1", 0))
        return int(handle.getsockname()[1])
