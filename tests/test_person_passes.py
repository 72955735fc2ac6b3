"""The person detector's shortcuts find exactly what the plain passes they replace would find.

Each reference below is the straightforward version (a regex over the whole text, a search with no
pre-check); the detector's faster version must agree with it on any text."""

from __future__ import annotations

import copy
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mamori.screening.detectors import person
from mamori.screening.guard import Guard

DETECTOR = next(d for d in Guard.default().detectors if isinstance(d, person.PersonDetector))
KANJI = person._KANJI
# Every kanji run of two to seven characters that is not part of a longer run.
KANJI_RUN = re.compile(f"[{KANJI}]{{2,7}}(?![{KANJI}])(?<![{KANJI}]{{8}})")
CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){0,3}")

SURNAMES = sorted(DETECTOR.surnames)
KANJI_TEXT = st.lists(
    st.one_of(
        st.sampled_from(SURNAMES),
        st.sampled_from(sorted(DETECTOR.given_names)),
        st.sampled_from(list("山田一中川様課長 　、\nあのa")),
    ),
    max_size=20,
).map("".join)
LATIN_TEXT = st.lists(
    st.one_of(
        st.sampled_from(sorted(DETECTOR.latin_titles)),
        st.sampled_from(sorted(DETECTOR.colon_titles | DETECTOR.comma_titles)),
        st.sampled_from(["Mr.", "Dr", "DEAR", "Name:", "John", "Smith", "Jane Doe", "Thisis"]),
        st.sampled_from([" ", "  ", ",", ".", ":", "\n", ",\n", " . ", "\u3000", "氏名", "x"]),
    ),
    max_size=16,
).map("".join)


@given(KANJI_TEXT)
@settings(max_examples=300)
def test_surname_runs_are_the_kanji_runs_that_start_with_a_surname(text: str) -> None:
    heads, singles = DETECTOR.surname_heads, DETECTOR.single_surnames
    expected = [
        m.span() for m in KANJI_RUN.finditer(text) if m[0][:2] in heads or m[0][0] in singles
    ]
    found = [
        m.span()
        for m in DETECTOR.surname_run.finditer(text)
        if m[0][:2] in heads or m[0][0] in singles
    ]
    assert found == expected


@given(st.one_of(KANJI_TEXT, st.text(alphabet="山田川中 あa", max_size=40)))
@settings(max_examples=300)
def test_spaced_names_are_found_from_their_spaces(text: str) -> None:
    # Overlapping matches too: at every start, what the pattern matches there.
    anywhere = re.compile(f"(?=({person._SPACED_KANJI.pattern}))")
    expected = [(m.start(1), m.end(1)) for m in anywhere.finditer(text)]
    assert [m.span() for m in person._spaced_kanji(text)] == expected


@given(LATIN_TEXT)
@settings(max_examples=300)
def test_capitalised_words_are_the_same_with_the_capital_first(text: str) -> None:
    expected = [m.span() for m in CAPITALISED.finditer(text)]
    assert [m.span() for m in person._CAPITALISED.finditer(text)] == expected


def latin_title_without_precheck(text: str, match: re.Match[str]) -> tuple[str, int] | None:
    """``PersonDetector._latin_title`` before it looked at the words before the match first."""
    words = match.group().split(" ")
    for index in range(len(words) - 1):
        for count in (2, 1):
            head = " ".join(words[index : index + count]).lower().rstrip(".:")
            if index + count < len(words) and head in DETECTOR.latin_titles:
                return head, match.start() + len(" ".join(words[: index + count])) + 1
    before = person._TITLE_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if before is not None:
        title = before.group(1).lower()
        for candidate in (
            title,
            " ".join(title.split()[-2:]),
            title.split()[-1] if title.split() else "",
        ):
            leads_in = candidate in DETECTOR.latin_titles and (
                before.group(2) != ","
                or candidate.endswith(person._CLOSINGS)
                or candidate in DETECTOR.comma_titles  # "my daughter, Angela …"
            )
            with_colon = candidate in DETECTOR.colon_titles and ":" in before.group()
            if leads_in or with_colon:
                return candidate, match.start()
    return None


@given(LATIN_TEXT)
@settings(max_examples=500)
def test_the_look_before_a_latin_name_never_misses_a_title(text: str) -> None:
    for match in person._CAPITALISED.finditer(text):
        assert DETECTOR._latin_title(text, match) == latin_title_without_precheck(text, match)


def surname_start_everywhere(run: str) -> int | None:
    """``PersonDetector._surname_start`` trying every position of the run."""
    for position in range(len(run)):
        rest = run[position:].lstrip(" ")
        if len(rest.replace(" ", "")) > 7:
            continue
        for size in range(min(DETECTOR.longest_surname, len(rest)), 0, -1):
            if rest[:size] in DETECTOR.surnames:
                return position + (len(run[position:]) - len(rest))
    return None


LEXICON_ONLY = copy.copy(DETECTOR)
LEXICON_ONLY.names = None  # the shortcut is exact for the lexicon; the dictionary only adds to it


@given(st.one_of(KANJI_TEXT, st.text(alphabet="山田中川一 ", max_size=14)))
@settings(max_examples=500)
def test_a_surname_is_found_where_trying_every_position_finds_it(run: str) -> None:
    lexicon = LEXICON_ONLY._surname_start(run)
    assert lexicon == surname_start_everywhere(run)
    # The dictionary only adds surnames: one may start earlier, never later.
    found = DETECTOR._surname_start(run)
    assert lexicon is None or (found is not None and found <= lexicon)


def strip_honorific_always(name: str) -> str:
    for size in range(min(DETECTOR.longest_honorific, len(name) - 1), 0, -1):
        if name[-size:] in DETECTOR.honorific_set:
            return name[:-size].rstrip(" ")
    return name


@given(
    st.lists(
        st.sampled_from(SURNAMES[:50] + sorted(DETECTOR.honorific_set) + [" "]), max_size=4
    ).map("".join)
)
@settings(max_examples=500)
def test_honorifics_are_stripped_as_before(name: str) -> None:
    assert DETECTOR._strip_honorific(name) == strip_honorific_always(name)


PLAIN = Guard(Guard.default().policy, Guard.default().data, prefilter=False)
CASED_LATIN_TEXT = st.tuples(LATIN_TEXT, st.sampled_from([str.upper, str.title, str.swapcase])).map(
    lambda pair: pair[0] + " " + pair[1](pair[0])
)


@given(CASED_LATIN_TEXT)
@settings(max_examples=300)
def test_latin_names_are_found_with_the_title_word_gate_as_without_it(text: str) -> None:
    assert Guard.default().scan(text).findings == PLAIN.scan(text).findings


def test_the_title_before_an_honorific_does_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    script = (
        "from mamori.screening.guard import Guard;"
        "print([(f.start, f.end) for f in Guard.default().find('田中副大臣殿') if f.type == 'PERSON'])"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**__import__("os").environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "2", "3")
    }
    assert outputs == {"[(0, 2)]\n"}
