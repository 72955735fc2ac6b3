"""The name dictionary behind the person recogniser: SudachiDict's surnames and given names, within
the lengths the data allows, ordinary nouns left out; and a clear error when it is not installed."""

from __future__ import annotations

import sys

import pytest

from mamori.content.screening import NameDictionary
from mamori.errors import NameDictionaryMissingError
from mamori.screening import names
from mamori.screening.names import Names

DICTIONARY = Names(NameDictionary())


@pytest.mark.parametrize("word", ["蒔田", "伊集院", "羽生田", "波多野", "朝比奈"])
def test_surnames_beyond_the_lexicon(word: str) -> None:
    assert DICTIONARY.surname(word)


@pytest.mark.parametrize("word", ["紗良", "和則", "志保"])
def test_given_names_beyond_the_lexicon(word: str) -> None:
    assert DICTIONARY.given_name(word)


@pytest.mark.parametrize(
    "word",
    [
        "会議",  # not a name at all
        "入口",  # a surname too, but first an ordinary noun
        "絵本",
        "林",  # one kanji: below the data's shortest surname
        "佐藤佐藤佐",  # longer than the longest
        "さとう",  # surnames are kanji only
        "",
    ],
)
def test_what_is_not_taken_for_a_surname(word: str) -> None:
    assert not DICTIONARY.surname(word)


def test_ordinary_nouns_are_names_only_when_the_data_says_so() -> None:
    lenient = Names(NameDictionary(skip_common_nouns=False))
    assert lenient.surname("入口") and not DICTIONARY.surname("入口")


def test_a_missing_dictionary_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(names._LOADED, "full", raising=False)
    monkeypatch.setitem(sys.modules, "sudachipy", None)  # as if SudachiPy were not installed
    with pytest.raises(NameDictionaryMissingError) as missing:
        names._sudachi("full")
    message = missing.value.render("en")
    assert "sudachidict-full" in message and "pip install sudachidict-full" in message
