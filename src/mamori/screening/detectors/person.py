"""Personal names without a language model: labels (氏名：…), honorifics (…様), a surname lexicon.

A Japanese name is found where the text itself says it is one — after a label, before an honorific —
or where a known surname is followed by a known given name. Each finding says which of these it was.
"""

from __future__ import annotations

import re

import ahocorasick

from mamori.content.screening import PersonRecognizer, Recognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import Explanation, Finding

_KANJI = "一-龥々〆ヶ"
_KANJI_CHAR = re.compile(f"[{_KANJI}]")
_SPACED_KANJI = re.compile(f"(?<![{_KANJI}])([{_KANJI}]{{1,3}}) ([{_KANJI}]{{1,3}})(?![{_KANJI}])")
_BACK_NAME = re.compile(
    f"(?:[{_KANJI}]{{1,4}} ?(?:[{_KANJI}]{{0,4}}|[ぁ-ゖ]{{2,5}})|[ァ-ヶー]{{2,12}}(?: [ァ-ヶー]{{1,12}})?)$"
)
_HIRAGANA = re.compile("[ぁ-ゖ]")
_NAME_AFTER_LABEL = (
    f"([{_KANJI}]{{1,5}}(?: [{_KANJI}]{{1,5}})?"
    r"|[ァ-ヶー]{1,10}(?:[ ・][ァ-ヶー]{1,10})?"
    r"|[ぁ-ゖー]{2,10}(?: [ぁ-ゖー]{1,10})?"
    r"|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2})"
)
# Words that end an organisation or a role, not a person: 総務課, 利用者, 株式会社 …
_NOT_A_NAME_END = tuple("課部局室係省庁所院館署校園会社者員民人方班")
# Kana honorifics only follow people; a kanji one may end an ordinary word (仕様, 模様, 川崎市長),
# so before those a name must start with a known surname.
_KANA_HONORIFICS = frozenset({"さま", "さん", "くん", "ちゃん"})
# 市長・区長・知事 … follow a place as often as a person (川崎市長): not used as honorifics.
_PLACE_TITLES = (*"市区町村都道府県", "知事")


def _alternation(entries: tuple[str, ...]) -> str:
    return "|".join(re.escape(e) for e in sorted(entries, key=len, reverse=True))


class PersonDetector:
    needs = "any"

    def __init__(self, recognizer: PersonRecognizer, lexicons: dict[str, tuple[str, ...]]) -> None:
        self.id = recognizer.id
        self.entity = "PERSON"
        self.scores = recognizer.scores
        self.surnames = frozenset(lexicons[recognizer.surnames])
        self.given_names = frozenset(lexicons.get("given-names", ()))
        self.stop_words = frozenset(lexicons[recognizer.stop_words])
        self.honorifics = tuple(
            sorted(
                (h for h in lexicons[recognizer.honorifics] if not h.startswith(_PLACE_TITLES)),
                key=len,
                reverse=True,
            )
        )
        self.longest_surname = max(len(s) for s in self.surnames)
        self.longest_given = max((len(g) for g in self.given_names), default=0)
        # Surnames of two or more characters, found in one pass (one-character ones are too common
        # inside ordinary words to anchor a name without a label or an honorific).
        self.surname_automaton = ahocorasick.Automaton()
        for surname in self.surnames:
            if len(surname) >= 2:
                self.surname_automaton.add_word(surname, len(surname))
        self.surname_automaton.make_automaton()
        labels = _alternation(lexicons[recognizer.labels])
        self.label_regex = re.compile(f"(?:{labels})\\s*(?:[:：]\\s*|\\s+)" + _NAME_AFTER_LABEL)
        self.honorific_regex = re.compile(_alternation(self.honorifics))
        # Case-sensitive variants (Mr, MR, mr) keep the alternation a literal prefix the regex
        # engine can jump between; an (?i:…) group would be tried at every position.
        variants = {
            v
            for t in lexicons[recognizer.latin_titles]
            for v in (t, t.capitalize(), t.upper(), t.lower())
        }
        titles = _alternation(tuple(variants))
        # The word boundary before the title is checked in Python: a leading lookbehind would stop
        # the regex engine from jumping to candidate titles.
        self.latin_regex = re.compile(
            f"(?:{titles})\\.?\\s*:?\\s+([A-Z][a-zA-Z'\\-]+(?: [A-Z][a-zA-Z'\\-]+){{0,2}})"
        )

    def _plausible(self, name: str) -> bool:
        bare = name.replace(" ", "")
        return (
            len(bare) >= 2
            and bare not in self.stop_words
            and name not in self.stop_words
            and not bare.endswith(_NOT_A_NAME_END)
            and bare not in self.honorifics
        )

    def _surname_start(self, run: str) -> int | None:
        """The earliest position in ``run`` where a known surname starts a name of plausible length."""
        for position in range(len(run)):
            rest = run[position:].lstrip(" ")
            if len(rest.replace(" ", "")) > 7:
                continue
            for size in range(min(self.longest_surname, len(rest)), 0, -1):
                if rest[:size] in self.surnames:
                    return position + (len(run[position:]) - len(rest))
        return None

    def _strip_honorific(self, name: str) -> str:
        for honorific in self.honorifics:
            if name.endswith(honorific) and len(name) > len(honorific):
                return name[: -len(honorific)].rstrip(" ")
        return name

    def detect(self, scan: ScanInput) -> list[Finding]:
        text = scan.text.normalized
        found: list[Finding] = []

        def add(start: int, end: int, kind: str, clue: str) -> None:
            found.append(
                to_finding(
                    scan,
                    start,
                    end,
                    type="PERSON",
                    score=self.scores[kind],  # type: ignore[index]
                    detector=self.id,
                    explanation=Explanation(kind.replace("_", "-"), (clue,) if clue else ()),
                )
            )

        for match in self.label_regex.finditer(text):
            name = self._strip_honorific(match.group(1))
            if self._plausible(name):
                start = match.start(1)
                kind = "latin_label" if name[:1].isascii() else "label"
                add(
                    start,
                    start + len(name),
                    kind,
                    text[match.start() : match.start(1)].strip(" :："),
                )
        for match in self.honorific_regex.finditer(text):
            back = _BACK_NAME.search(text, max(0, match.start() - 12), match.start())
            if back is None:
                continue
            run = back.group()
            offset = self._surname_start(run)
            if offset is None:
                bare = run.replace(" ", "")
                katakana = bool(re.fullmatch(r"[ァ-ヶー ]+", run))
                kana_honorific = match.group() in _KANA_HONORIFICS
                if not (
                    bare in self.given_names or katakana or (kana_honorific and 2 <= len(bare) <= 4)
                ):
                    continue
                offset = 0
            name = run[offset:]
            if self._plausible(name):
                add(back.start() + offset, back.end(), "honorific", match.group())
        for last, size in self.surname_automaton.iter(text):
            start, after = last - size + 1, last + 1
            if start > 0 and _KANJI_CHAR.match(text, start - 1):
                continue
            for length in range(min(self.longest_given, 4), 0, -1):
                end = after + length
                if end > len(text) or (end < len(text) and _KANJI_CHAR.match(text, end)):
                    continue
                # A hiragana given name must not run on into more hiragana (中島みゆき, not みゆ).
                if (
                    _HIRAGANA.match(text, end - 1)
                    and end < len(text)
                    and _HIRAGANA.match(text, end)
                ):
                    continue
                candidate = text[start:end]
                if text[after:end] in self.given_names and candidate not in self.stop_words:
                    add(start, end, "surname_given", "")
                    break
        for match in _SPACED_KANJI.finditer(text):
            if match.group(1) in self.surnames and match.group(2) in self.given_names:
                add(match.start(), match.end(), "surname_given", "")
        for match in self.latin_regex.finditer(text):
            if match.start() > 0 and text[match.start() - 1].isalpha():
                continue
            add(
                match.start(1),
                match.end(1),
                "latin_title",
                text[match.start() : match.start(1)].strip(" :."),
            )
        return found


@register("person")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector:
    assert isinstance(recognizer, PersonRecognizer)
    return PersonDetector(recognizer, context.lexicons)
