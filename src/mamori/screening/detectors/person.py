"""Personal names without a language model: labels (氏名：…), honorifics (…様), a surname lexicon.

A Japanese name is found where the text itself says it is one — after a label, before an honorific —
or where a known surname is followed by a known given name. Each finding says which of these it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mamori.content.screening import PersonRecognizer, Recognizer
from mamori.screening.detectors.base import BuildContext, Detector, ScanInput, register, to_finding
from mamori.screening.findings import Explanation, Finding

_KANJI = "一-龥々〆ヶ"
_KANJI_RUN = re.compile(f"[{_KANJI}]{{2,7}}(?![{_KANJI}])(?<![{_KANJI}]{{8}})")
_SPACED_KANJI = re.compile(f"(?<![{_KANJI}])([{_KANJI}]{{1,3}}) ([{_KANJI}]{{1,3}})(?![{_KANJI}])")
_BACK_NAME = re.compile(
    f"(?:[{_KANJI}]{{1,4}} ?(?:[{_KANJI}]{{0,4}}|[ぁ-ゖ]{{2,5}})|[ァ-ヶー]{{2,12}}(?: [ァ-ヶー]{{1,12}})?)$"
)
_HIRAGANA = re.compile("[ぁ-ゖ]")
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){0,3}")
_TITLE_BEFORE = re.compile(r"([A-Za-z][A-Za-z ]{0,24}?)\.?\s*:?\s*$")
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
        labels = _alternation(lexicons[recognizer.labels])
        self.label_regex = re.compile(f"(?:{labels})(\\s*[:：]?\\s*)" + _NAME_AFTER_LABEL)
        self.honorific_regex = re.compile(_alternation(self.honorifics))
        # Latin names are found from the capitalised words (rare in text, so fast to find) and then
        # checked for a title or label just before them — not by trying every title everywhere.
        self.latin_titles = frozenset(
            t.lower().rstrip(".:") for t in lexicons[recognizer.latin_titles]
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

    def _surname_given(
        self, text: str, start: int, end: int, add: Callable[[int, int, str, str], None]
    ) -> None:
        """A kanji run that is a known surname followed by a known given name (kanji or hiragana)."""
        run = text[start:end]
        if run in self.stop_words:
            return
        for size in range(min(self.longest_surname, len(run)), 0, -1):
            if run[:size] not in self.surnames:
                continue
            rest = run[size:]
            if rest:
                if rest in self.given_names:
                    add(start, end, "surname_given", "")
                    return
                continue
            # The run is only a surname: a hiragana given name may follow (中島みゆき), but it must
            # not run on into more hiragana.
            for length in range(min(self.longest_given, 4), 1, -1):
                stop = end + length
                if (
                    stop <= len(text)
                    and text[end:stop] in self.given_names
                    and not (stop < len(text) and _HIRAGANA.match(text, stop))
                ):
                    add(start, stop, "surname_given", "")
                    return
            return

    def _latin_title(self, text: str, match: re.Match[str]) -> tuple[str, int] | None:
        """(title, where the name starts) when a title or label leads into these capitalised words."""
        words = match.group().split(" ")
        for index in range(len(words) - 1):  # "Dear Dr Jane Doe": the title may be inside the run
            for count in (2, 1):
                head = " ".join(words[index : index + count]).lower().rstrip(".:")
                if index + count < len(words) and head in self.latin_titles:
                    offset = len(" ".join(words[: index + count])) + 1
                    return head, match.start() + offset
        before = _TITLE_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is not None:
            title = before.group(1).lower()
            for candidate in (
                title,
                " ".join(title.split()[-2:]),
                title.split()[-1] if title.split() else "",
            ):
                if candidate in self.latin_titles:
                    return candidate, match.start()
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
            name = self._strip_honorific(match.group(2))
            # 申請者山田花子: with nothing between label and name, the name must start with a surname.
            if not match.group(1) and self._surname_start(name) != 0:
                continue
            if self._plausible(name):
                start = match.start(2)
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
        for match in _KANJI_RUN.finditer(text):
            self._surname_given(text, match.start(), match.end(), add)
        for match in _SPACED_KANJI.finditer(text):
            if match.group(1) in self.surnames and match.group(2) in self.given_names:
                add(match.start(), match.end(), "surname_given", "")
        for match in _CAPITALISED.finditer(text):
            found_title = self._latin_title(text, match)
            if found_title is not None:
                title, name_start = found_title
                if name_start < match.end():
                    add(name_start, match.end(), "latin_title", title)
        return found


@register("person")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector:
    assert isinstance(recognizer, PersonRecognizer)
    return PersonDetector(recognizer, context.lexicons)
