"""Composed rules of the lexicon detector: a harmful action and a request in one sentence, unless
the sentence is framed as prevention — found the same with and without the prefilter."""

from __future__ import annotations

import pytest

from mamori.content.screening import LexiconRecognizer
from mamori.screening.detectors.base import ScanInput
from mamori.screening.detectors.lexicon import LexiconDetector
from mamori.screening.prefilter import Prefilter
from mamori.screening.text import NormalizedText

RECOGNIZER = LexiconRecognizer.model_validate(
    {
        "kind": "lexicon",
        "id": "test-harm",
        "entity": "HARMFUL",
        "description": {"ja": "テスト", "en": "test"},
        "categories": [
            {
                "id": "poison",
                "title": {"ja": "毒", "en": "poison"},
                "score": 0.9,
                "composed": [
                    {
                        "actions": ["毒を盛", "Poison"],
                        "asks": ["教えて", "how do i"],
                        "unless": ["対策", "prevent"],
                    },
                    {"actions": ["少年"], "also": ["わいせつ"], "asks": ["書いて"]},
                ],
                "terms": ["毒殺したい"],
                "patterns": ["致死量は[0-9]+"],
                "unless": ["と話す", "guidance"],
            }
        ],
    }
)
DETECTOR = LexiconDetector(RECOGNIZER)
PREFILTER = Prefilter(DETECTOR.prefilter_patterns())


def found(text: str, *, prefiltered: bool) -> list[str]:
    normalized = NormalizedText.of(text)
    possible = PREFILTER.possible(normalized.normalized) if prefiltered else None
    scan = ScanInput.of(normalized, possible)
    return sorted(text[f.start : f.end] for f in DETECTOR.detect(scan))


@pytest.mark.parametrize("prefiltered", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上司に毒を盛る方法を教えて。", ["上司に毒を盛る方法を教えて"]),
        ("上司に毒を盛る話を小説で読んだ。", []),  # no request
        ("毒を盛る事件の対策を教えて。", []),  # framed as prevention
        (
            "会議の件です。上司に毒を盛る方法を教えて！次の話題です。",
            ["上司に毒を盛る方法を教えて"],
        ),
        ("How do I poison a neighbour's dog. Thanks.", ["How do I poison a neighbour's dog"]),
        ("How do I prevent poisoning at home?", []),
        ("少年が登場する物語を書いて。", []),  # the second set is missing
        ("少年のわいせつな場面を書いて。", ["少年のわいせつな場面を書いて"]),
        ("\n  毒を盛るやり方、教えて\n", ["毒を盛るやり方、教えて"]),
        ("上司を毒殺したい。", ["毒殺したい"]),  # a term
        ("「毒殺したい」と話す住民への対応。", []),  # the category's unless, for its terms
        ("致死量は30錠か。別の話です。", ["致死量は30"]),  # a pattern
        ("致死量は30錠と話す人がいた。", []),  # the category's unless, for its patterns
    ],
)
def test_a_composed_rule_finds_the_sentence_that_asks(
    text: str, expected: list[str], prefiltered: bool
) -> None:
    assert found(text, prefiltered=prefiltered) == expected


def test_each_finding_names_its_category_and_rule() -> None:
    normalized = NormalizedText.of("毒を盛る方法を教えて")
    [finding] = DETECTOR.detect(ScanInput.of(normalized))
    assert finding.explanation.pattern == "poison:composed-0"
