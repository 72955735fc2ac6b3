"""Benchmark the screening of a chat conversation, which a client sends again with every turn.

    .venv/bin/python bench/conversation.py                 # 20 turns, 5 conversations
    .venv/bin/python bench/conversation.py --turns 40

Each request of turn k holds the k user messages and k-1 answers so far, as the OpenAI API asks
of a client. The gateway screens every text of a request (``proxy.enforce.screen_input``); this
times that step per request, for a guard that remembers the findings of texts it saw
(``screening.memo``, as the gateway's guards do) and for one that does not. Texts come from the
guard's corpus (documents without personal data, so the same requests pass either way). It
measures; it always exits 0.
"""

from __future__ import annotations

import argparse
import statistics
import time
from typing import Any

import benchlib
from benchlib import BENCH_DIR

from mamori.content.gateway import Upstream
from mamori.content.project import Project
from mamori.content.project_file import load_project
from mamori.proxy.enforce import inputs_of, screen_input
from mamori.screening.guard import Guard
from mamori.screening.memo import FindingsMemo
from mamori.screening.redaction import Vault


def conversation(texts: list[str], turns: int, first: int) -> list[dict[str, Any]]:
    """The request bodies of one conversation, turn by turn."""
    messages: list[dict[str, str]] = []
    bodies = []
    for turn in range(turns):
        user = texts[(first + 2 * turn) % len(texts)][:600]
        messages.append({"role": "user", "content": user})
        bodies.append({"model": "gpt-4o", "messages": list(messages)})
        answer = texts[(first + 2 * turn + 1) % len(texts)][:400]
        messages.append({"role": "assistant", "content": answer})
    return bodies


def timed(guard: Guard, project: Project, upstream: Upstream, body: dict[str, Any]) -> float:
    parts = inputs_of(body, "chat")
    start = time.perf_counter()
    screen_input(guard, project, upstream, parts, Vault())
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--conversations", type=int, default=5)
    args = parser.parse_args()
    pinned = benchlib.pin_to_one_core()
    records, _ = benchlib.load_corpus(7, 2000)
    texts = [
        str(r["text"])
        for r in records
        if r.get("genre") in ("hard_negative", "procurement_memo") and not r.get("entities")
    ]
    plain = Guard.default()
    project = load_project(
        BENCH_DIR.parent / "examples" / "projects" / "staff-drafting-assistant.yaml"
    )
    upstream = Upstream(
        name="bench", base_url="http://127.0.0.1:9/v1", location="japan", deployment="on-premises"
    )
    print(f"mamori conversation screening benchmark — {pinned}")
    print(
        f"{args.conversations} conversations of {args.turns} turns "
        "(user messages up to 600 characters, answers up to 400)\n"
    )
    results: dict[str, list[list[float]]] = {}
    for name in ("without memo", "with memo"):
        runs: list[list[float]] = []
        for c in range(args.conversations):
            guard = Guard(
                plain.policy, plain.data, memo=FindingsMemo() if name == "with memo" else None
            )
            bodies = conversation(texts, args.turns, first=c * 97)
            runs.append([timed(guard, project, upstream, body) for body in bodies])
        results[name] = runs
    print(f"{'turn':>5} {'characters':>11} {'without memo ms':>16} {'with memo ms':>13}")
    sizes = [
        sum(len(t) for _, t in inputs_of(b, "chat")) for b in conversation(texts, args.turns, 0)
    ]
    for turn in range(args.turns):
        if turn not in (0, 1, 4, 9, 19, 29, 39) and turn != args.turns - 1:
            continue
        without = statistics.median(run[turn] for run in results["without memo"])
        with_memo = statistics.median(run[turn] for run in results["with memo"])
        print(f"{turn + 1:>5} {sizes[turn]:>11} {without:>16.3f} {with_memo:>13.3f}")
    totals = {name: statistics.median(sum(run) for run in runs) for name, runs in results.items()}
    print(
        f"\nwhole conversation (median of {args.conversations}): without memo "
        f"{totals['without memo']:.1f} ms, with memo {totals['with memo']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
