"""Japanese personal names from a dictionary: is this word a surname, a given name?

The person recogniser's own lexicons hold the common names; SudachiDict (read through SudachiPy,
both PyPI packages, nothing downloaded at run time) knows tens of thousands more — 蒔田, 伊集院,
羽生田, 紗良 — and says which words are also ordinary nouns, which are then not taken for names.
The recogniser still decides *where* a name can be (after 氏名：, before 様 …); this only widens
*what* can be one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any

from mamori.content.screening import NameDictionary
from mamori.errors import NameDictionaryMissingError

_KANJI_ONLY = re.compile("[一-龥々〆ヶ]+")
_KANA_OR_KANJI = re.compile("[一-龥々〆ヶぁ-ゖァ-ヶー]+")

_LOADED: dict[str, Any] = {}
_LOADED_LOCK = threading.Lock()


def _sudachi(edition: str) -> Any:
    """The SudachiDict dictionary of ``edition``, opened once per process (it is memory-mapped)."""
    with _LOADED_LOCK:
        if edition not in _LOADED:
            try:
                from sudachipy import Dictionary

                _LOADED[edition] = Dictionary(dict=edition)
            except Exception:  # not installed, or a damaged installation
                raise NameDictionaryMissingError(package=f"sudachidict-{edition}") from None
        return _LOADED[edition]


class Names:
    """Surnames and given names as SudachiDict knows them, within the lengths the data allows."""

    def __init__(self, spec: NameDictionary) -> None:
        self.spec = spec
        dictionary = _sudachi(spec.edition)
        self._lookup: Callable[[str], Any] = dictionary.lookup
        self._surname = dictionary.pos_matcher([("名詞", "固有名詞", "人名", "姓")])
        self._given = dictionary.pos_matcher([("名詞", "固有名詞", "人名", "名")])
        self._common = dictionary.pos_matcher(lambda pos: pos[1] == "普通名詞")
        self.shortest_surname, self.longest_surname = spec.surname_lengths

    def _is(self, word: str, kind: Any) -> bool:
        found = False
        for morpheme in self._lookup(word):
            if self.spec.skip_common_nouns and self._common(morpheme):
                return False
            found = found or kind(morpheme)
        return found

    def surname(self, word: str) -> bool:
        low, high = self.spec.surname_lengths
        return (
            low <= len(word) <= high
            and bool(_KANJI_ONLY.fullmatch(word))
            and self._is(word, self._surname)
        )

    def given_name(self, word: str) -> bool:
        low, high = self.spec.given_name_lengths
        return (
            low <= len(word) <= high
            and bool(_KANA_OR_KANJI.fullmatch(word))
            and self._is(word, self._given)
        )
