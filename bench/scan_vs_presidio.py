"""Compare mamori's guard with Microsoft Presidio configured for Japanese, on the same corpus.

Why: Presidio is the usual open-source answer to "find personal data"; a buyer will ask how mamori
compares. Presidio is set up as fairly as we can for Japanese: the spaCy NLP engine with GiNZA
(``ja_ginza``), its generic pattern recognisers (e-mail, phone with the JP region, credit card, IP)
and the spaCy NER recogniser with GiNZA's labels mapped to Presidio's PERSON / LOCATION. Presidio's
names are then mapped to ours (LOCATION → ADDRESS); its other entities are ignored.

Presidio is only ever imported here, never by mamori. Install it with
``.venv/bin/pip install -e '.[bench-presidio]'``. Presidio with GiNZA is slow (about a quarter of a
second per document), so by default only the first 500 documents are scored; ``--limit 0`` scores
the whole corpus. Always exits 0.

    .venv/bin/python bench/scan_vs_presidio.py                  # 500 documents, 1000 prompts each
    .venv/bin/python bench/scan_vs_presidio.py --limit 0 --json
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import benchlib
import corpus
import scan
from benchlib import Record, Span

INSTALL_HINT = """Presidio and GiNZA are not installed, so there is nothing to compare.
Install the benchmark extra (presidio-analyzer, spacy, ginza, ja-ginza) and run again:

    .venv/bin/pip install -e '.[bench-presidio]'

or, without the extra:

    .venv/bin/pip install presidio-analyzer ginza ja-ginza
"""

# Presidio entity → mamori entity. Anything else Presidio reports is ignored.
PRESIDIO_TO_MAMORI = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "IP_ADDRESS": "IP_ADDRESS",
    "LOCATION": "ADDRESS",
    "GPE": "ADDRESS",
}
COVERED_TYPES = tuple(sorted(set(PRESIDIO_TO_MAMORI.values())))

# GiNZA names its entities after Sekine's extended hierarchy, not OntoNotes; these are the ones that
# mean a person or a place (what Presidio's spaCy recogniser calls PERSON and LOCATION/GPE).
GINZA_TO_PRESIDIO = {
    "Person": "PERSON",
    "Province": "LOCATION",
    "City": "LOCATION",
    "County": "LOCATION",
    "Country": "LOCATION",
    "GPE_Other": "LOCATION",
    "Location_Other": "LOCATION",
    "Domestic_Region": "LOCATION",
    "Postal_Address": "LOCATION",
}


@dataclass
class ToolResult:
    name: str
    predictions: list[list[Span]]
    scan_seconds: float
    scanned_bytes: int
    latency: dict[str, float] | None
    errors: int = 0

    @property
    def mb_per_s(self) -> float | None:
        return self.scanned_bytes / 1e6 / self.scan_seconds if self.scan_seconds else None


def missing_presidio() -> bool:
    """True when presidio-analyzer, spaCy or the ja_ginza model cannot be imported."""
    for module in ("presidio_analyzer", "spacy", "ginza", "ja_ginza"):
        if importlib.util.find_spec(module) is None:
            return True
    return False


def build_presidio() -> Any:
    """An AnalyzerEngine for language "ja": GiNZA NLP engine plus the generic recognisers."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        CreditCardRecognizer,
        EmailRecognizer,
        IpRecognizer,
        PhoneRecognizer,
        SpacyRecognizer,
    )

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    configuration = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "ja", "model_name": "ja_ginza"}],
        "ner_model_configuration": {
            "model_to_presidio_entity_mapping": GINZA_TO_PRESIDIO,
            "labels_to_ignore": [],
            "low_confidence_score_multiplier": 1.0,
            "low_score_entity_names": [],
        },
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=configuration).create_engine()
    registry = RecognizerRegistry(supported_languages=["ja"])
    for recognizer in (
        EmailRecognizer(supported_language="ja"),
        PhoneRecognizer(supported_language="ja", supported_regions=("JP", "US", "UK")),
        CreditCardRecognizer(supported_language="ja"),
        IpRecognizer(supported_language="ja"),
        SpacyRecognizer(supported_language="ja", supported_entities=["PERSON", "LOCATION"]),
    ):
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["ja"])


def presidio_spans(results: Sequence[Any]) -> list[Span]:
    spans = []
    for r in results:
        mapped = PRESIDIO_TO_MAMORI.get(r.entity_type)
        if mapped:
            spans.append(Span(mapped, int(r.start), int(r.end)))
    return spans


def run_presidio(records: Sequence[Record], prompts: Sequence[str], warmup: int) -> ToolResult:
    analyzer = build_presidio()

    def analyze(text: str) -> list[Span]:
        return presidio_spans(analyzer.analyze(text=text, language="ja"))

    for record in records[:5]:
        analyze(str(record["text"]))
    predictions: list[list[Span]] = []
    elapsed = 0
    size = 0
    for record in records:
        text = str(record["text"])
        start = time.perf_counter_ns()
        predictions.append(analyze(text))
        elapsed += time.perf_counter_ns() - start
        size += benchlib.utf8_len(text)
    latency = benchlib.time_latency(analyze, prompts, warmup) if prompts else None
    return ToolResult("Presidio", predictions, elapsed / 1e9, size, latency)


def run_mamori(records: Sequence[Record], prompts: Sequence[str], warmup: int) -> ToolResult | str:
    guard, problem = scan.load_guard()
    if guard is None:
        return problem or "unknown error"
    run = scan.scan_corpus(guard, records)
    latency = None
    if prompts:
        latency = benchlib.time_latency(
            lambda text: scan.safe_scan(guard.scan, text, scan.ScanRun()), prompts, warmup
        )
    return ToolResult(
        "mamori", run.predictions, run.scan_ns / 1e9, run.scanned_bytes, latency, run.errors
    )


def summarise(tool: ToolResult, records: Sequence[Record]) -> dict[str, object]:
    covered = benchlib.evaluate(records, tool.predictions, types=COVERED_TYPES)
    everything = benchlib.evaluate(records, tool.predictions)
    return {
        "micro_covered": covered.micro().as_dict(),
        "micro_covered_exact": covered.micro(exact=True).as_dict(),
        "micro_all_types": everything.micro().as_dict(),
        "per_type_covered": {
            t: covered.per_type.get(t, benchlib.Counts()).as_dict() for t in COVERED_TYPES
        },
        "hard_negative_clean_share_covered": benchlib.rounded(
            covered.hard_negative_clean / covered.hard_negative_docs
            if covered.hard_negative_docs
            else None
        ),
        "throughput_mb_per_s": benchlib.rounded(tool.mb_per_s),
        "scan_seconds": round(tool.scan_seconds, 3),
        "latency_2kb": tool.latency,
        "scan_errors": tool.errors,
    }


def render(figures: dict[str, Any]) -> str:
    m: dict[str, Any] | None = figures.get("mamori")
    p: dict[str, Any] = figures["presidio"]

    def both(getter: Any, digits: int = 3) -> list[str]:
        return [benchlib.fmt(getter(m), digits) if m else "n/a", benchlib.fmt(getter(p), digits)]

    rows = [
        ["micro-F1, covered types", *both(lambda f: f["micro_covered"]["f1"])],
        ["  precision", *both(lambda f: f["micro_covered"]["precision"])],
        ["  recall", *both(lambda f: f["micro_covered"]["recall"])],
        ["exact-boundary micro-F1, covered", *both(lambda f: f["micro_covered_exact"]["f1"])],
        ["micro-F1, all 18 types", *both(lambda f: f["micro_all_types"]["f1"])],
        [
            "hard negatives clean (covered types)",
            *both(lambda f: f["hard_negative_clean_share_covered"]),
        ],
        ["throughput, MB/s", *both(lambda f: f["throughput_mb_per_s"], 4)],
        [
            "latency p50, ms (~2 KB)",
            *both(lambda f: f["latency_2kb"] and f["latency_2kb"]["p50_ms"], 2),
        ],
        [
            "latency p99, ms (~2 KB)",
            *both(lambda f: f["latency_2kb"] and f["latency_2kb"]["p99_ms"], 2),
        ],
    ]
    c = figures["corpus"]
    lines = [
        f"mamori vs Presidio (spaCy + ja_ginza) — {figures['environment']['date']}, "
        f"{figures['environment']['cpu_affinity']}",
        f"corpus: {c['path']} — first {c['documents']} documents, {c['bytes'] / 1e6:.2f} MB; "
        f"covered types: {', '.join(COVERED_TYPES)}",
        "",
        benchlib.table(["figure", "mamori", "Presidio"], rows),
        "",
        "Per type (covered types, overlap match)",
    ]
    type_rows = []
    for t in COVERED_TYPES:
        mp = m["per_type_covered"][t] if m else None
        pp = p["per_type_covered"][t]
        type_rows.append(
            [t, pp["tp"] + pp["fn"]]
            + (
                [benchlib.fmt(mp["precision"]), benchlib.fmt(mp["recall"]), benchlib.fmt(mp["f1"])]
                if mp
                else ["n/a"] * 3
            )
            + [benchlib.fmt(pp["precision"]), benchlib.fmt(pp["recall"]), benchlib.fmt(pp["f1"])]
        )
    headers = [
        "type",
        "gold",
        "mamori P",
        "mamori R",
        "mamori F1",
        "Presidio P",
        "Presidio R",
        "Presidio F1",
    ]
    lines.append(benchlib.table(headers, type_rows))
    ratio = figures.get("speed_ratio")
    if ratio:
        text = (
            f"speed ratio (how many times faster mamori is): throughput ×{ratio['throughput']:.0f}"
        )
        if "latency_p50" in ratio:
            text += f", p50 latency ×{ratio['latency_p50']:.0f}"
        lines += ["", text]
    if figures.get("mamori_problem"):
        lines += ["", f"mamori was not measured: {figures['mamori_problem']}"]
    return "\n".join(lines)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Compare mamori's guard with Presidio (Japanese).")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--size", type=int, default=corpus.DEFAULT_SIZE)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--limit", type=int, default=500, help="first N documents (0: all)")
    parser.add_argument("--prompts", type=int, default=1000, help="2 KB prompts timed per tool")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--no-pin", action="store_true")
    parser.add_argument("--json", action="store_true")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if missing_presidio():
        print(INSTALL_HINT, file=sys.stderr)
        if args.json:
            print(json.dumps({"error": "presidio-analyzer / ginza / ja-ginza not installed"}))
        return 0
    pinned = "not pinned (--no-pin)" if args.no_pin else benchlib.pin_to_one_core()
    records, path = benchlib.load_corpus(args.seed, args.size, args.corpus, args.limit or None)
    prompts = benchlib.build_prompts(records, args.prompts) if args.prompts > 0 else []
    figures: dict[str, Any] = {
        "corpus": {
            "path": str(path),
            "documents": len(records),
            "bytes": sum(benchlib.utf8_len(str(r["text"])) for r in records),
        },
        "environment": {**benchlib.environment(), "cpu_affinity": pinned},
        "presidio_setup": "spaCy ja_ginza; Email, Phone (JP/US/UK), CreditCard, Ip, SpacyRecognizer",
    }
    mamori = run_mamori(records, prompts, args.warmup)
    presidio = run_presidio(records, prompts, args.warmup)
    figures["presidio"] = summarise(presidio, records)
    if isinstance(mamori, str):
        figures["mamori_problem"] = mamori
    else:
        figures["mamori"] = summarise(mamori, records)
        figures["speed_ratio"] = speed_ratio(mamori, presidio)
    print(json.dumps(figures, ensure_ascii=False, indent=2) if args.json else render(figures))
    return 0


def speed_ratio(mamori: ToolResult, presidio: ToolResult) -> dict[str, float] | None:
    """How many times faster mamori is: throughput ratio and p50 latency ratio."""
    if not (mamori.mb_per_s and presidio.mb_per_s):
        return None
    ratio = {"throughput": round(mamori.mb_per_s / presidio.mb_per_s, 1)}
    if mamori.latency and presidio.latency and mamori.latency["p50_ms"]:
        ratio["latency_p50"] = round(presidio.latency["p50_ms"] / mamori.latency["p50_ms"], 1)
    return ratio


if __name__ == "__main__":
    raise SystemExit(main())
