"""Rewrites tests/golden/*.json from the current engine and packs. Run `make golden`, then review the diff:
a golden file changes only when a pack or the engine changed on purpose."""

from __future__ import annotations

import json
import sys

from mamori.content import loader
from mamori.content.project_file import load_project
from mamori.rules import evaluate
from tests.conftest import EXAMPLES, GOLDEN

PACKS = ("ds920@1.0", "ds920@2.0")


def golden_name(example: str, pack: str) -> str:
    return f"{example}.{pack.replace('@', '-')}.json"


def golden_payload(example_file: str, pack: str) -> dict[str, object]:
    project = load_project(EXAMPLES / example_file)
    return evaluate(project, loader.load(pack)).public(project.lang or "ja")


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for path in sorted(EXAMPLES.iterdir()):
        for pack in PACKS:
            payload = golden_payload(path.name, pack)
            target = GOLDEN / golden_name(path.stem, pack)
            target.write_text(
                json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            sys.stdout.write(f"wrote {target.relative_to(GOLDEN.parent.parent)}\n")


if __name__ == "__main__":
    main()
