"""Personal names without a language model: labels (氏名：…), honorifics (…様), a surname lexicon.

A Japanese name is found where the text itself says it is one — after a label, before an honorific —
or where a known surname is followed by a known given name. Each finding says which of these it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator

from mamori.content.screening import PersonRecognizer, Recognizer
from mamori.screening.charclass import char_class
from mamori.screening.detectors.base import (
    EXPLANATIONS_KEPT,
    BuildContext,
    Detector,
    ScanInput,
    any_case,
    register,
    to_finding,
)
from mamori.screening.findings import Explanation, Finding
from mamori.screening.names import Names
from mamori.screening.searchable import searchable

_KANJI = "一-龥々〆ヶ"
_SPACED_KANJI = re.compile(f"(?<![{_KANJI}])([{_KANJI}]{{1,3}}) ([{_KANJI}]{{1,3}})(?![{_KANJI}])")
# The one space of a _SPACED_KANJI match; the literal first lets sre jump from space to space.
_SPACE_IN_KANJI = re.compile(f" (?<=[{_KANJI}] )(?=[{_KANJI}])")
_BACK_NAME = re.compile(
    f"(?:[{_KANJI}]{{1,4}} ?(?:[{_KANJI}]{{0,4}}|[ぁ-ゖ]{{2,5}})|[ァ-ヶー]{{2,12}}(?: [ァ-ヶー]{{1,12}})?)\\Z"
)
_HIRAGANA = re.compile("[ぁ-ゖ]")
_KATAKANA_RUN = re.compile("[ァ-ヶー ]+")
# Capitalised words not preceded by a letter. The capital comes before the look-behind (which
# then looks at it and the character before) so that sre can skip to capitals in C.
_CAPITALISED = re.compile(r"[A-Z](?<![A-Za-z].)[a-zA-Z'\-]+(?: [A-Z][a-zA-Z'\-]+){0,3}")
# A title or label just before a Latin name: "Mr. ", "Name: ", "My name is ", "Best regards,\n".
_TITLE_BEFORE = re.compile(r"([A-Za-z][A-Za-z ]{0,24}?)([.,]?)\s*:?\s*\Z")
_TITLE_BEFORE_REACH = 30
# What may follow the title in _TITLE_BEFORE: its [.,], \s and : (every character \s matches).
_AFTER_TITLE = ".,:" + "".join(chr(c) for c in range(0x10000) if chr(c).isspace())
# Only a letter's closing leads into a name across a comma ("Best regards,\n" — not "Madam,\n").
_CLOSINGS = (
    "regards",
    "sincerely",
    "faithfully",
    "truly",
    "wishes",
    "thanks",
    "thank you",
    "cheers",
)
# Self-introductions lead into a name only when two capitalised words follow ("I'm Emily Carter",
# not "I am Japanese").
_INTRODUCTIONS = frozenset({"this is", "i'm", "i am"})
_NAME_AFTER_LABEL = (
    f"([{_KANJI}]{{1,5}}(?: [{_KANJI}]{{1,5}})?"
    r"|[ァ-ヶー]{1,10}(?:[ ・][ァ-ヶー]{1,10}){0,2}"  # three parts: チャン ヴァン ドゥック
    r"|[ぁ-ゖー]{2,10}(?: [ぁ-ゖー]{1,10})?"
    r"|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2})"
)
# A short note in brackets between a label and the name: 口座名義（カナ）：, 氏名(自署) …
_LABEL_NOTE = r"(?:\s*\([^()\n]{1,6}\))?"
# The name after a bilingual label's colon (口座名義 Account holder: チャン ヴァン ドゥック).
_NAME_AFTER_COLON = re.compile(r"[^\S\n]*" + _NAME_AFTER_LABEL)
# One word in capitals, up to six letters: an acronym (CSIRT, NHK), not a name.
_ACRONYM = re.compile("[A-Z]{2,6}")
# A label's colon after a word: what stands before it is a label, not a name.
_LABEL_COLON = re.compile(r"(?: [a-z]+)* ?[:：]")
# The speaker of a chat log line: "[16:41] 新井 勝：…", "2024-06-11 18:40 野々村: …".
_CHAT_SPEAKER = re.compile(
    r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]|(?m:^)\d{4}[-/]\d{1,2}[-/]\d{1,2} \d{1,2}:\d{2}(?::\d{2})?)"
    r" ?([^\s:\[\]][^:\n\[\]]{0,14}?) ?:"
)
# A speaker line of a chat copied from a messenger: the name, then the time ("芹沢 14:22").
_CHAT_NAME_TIME = re.compile(r"(?m)^([^\s\d:\[\]][^:\n\[\]]{0,14}?) \d{1,2}:\d{2}$")
# An organisational unit between a label and a name: 担当：生活安全企画課 柴崎.
_ORG_UNIT = (
    f"[{_KANJI}ァ-ヶー]{{1,12}}?"
    "(?:課|室|部|局|係|班|センター|事務所|事務局|本部|支所|支店|委員会|グループ)"
)
# Lists of people after 出席者：, 参加：, 事務局： (items separated by 、 or ,).
_LIST_LABEL = re.compile(
    "(?:出席者|出席|参加者|参加|欠席者|欠席|事務局|陪席|同席者|委員|CC|Cc|cc|BCC|Bcc|回覧先|回覧)"
    "\\s*[:：]\\s*([^\\n]+)"
)
_LIST_ITEM = re.compile("[^、,，]+")
_ORG_UNIT_AT = re.compile(f"(?:{_ORG_UNIT}) ?")
# The end of an office's name, then a space or a bracket: who of that office comes next
# (人事課 福田, 情報政策課（中野）, 庁舎管理係 菅野（内線2204）).
_OFFICE_THEN = re.compile(
    "(?:課|室|部|局|係|班|センター|事務所|事務局|本部|支所|包括|委員会|グループ)(?: |[(（])"
)
# What may follow a person named after an office: the end of the line or of the text, a
# space, punctuation, a bracket or an extension number.
_AFTER_OFFICE_NAME = re.compile(r"(?:[\s、,。・/→()（）]|内線|$)")
_LATIN_LIST_LABEL = re.compile(
    r"(?i:present|attendees|participants|absent|attendance)\s*:\s*([^\n]+)"
)
_LATIN_ITEM = re.compile(r"\s*([A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2})(?![A-Za-z])")
# The reading of a name just found, in brackets after it: 江藤 幸雄（エトウ ユキオ）, （Lucas Pereira）.
_READING = re.compile(
    r" ?\(([ァ-ヶー]{1,12}(?:[ ・][ァ-ヶー]{1,12})?|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,3})\)"
)
# Separators of a table pasted as text: tab-separated, "a / b / c", Markdown's "| a | b |".
_TABLE_SEPARATORS = ("\t", " / ", "|")
# A whole table cell that can be a name (a column under 氏名 holds nothing else).
_NAME_CELL = re.compile(
    f"[{_KANJI}]{{1,5}}(?: ?(?:[{_KANJI}]{{1,5}}|[ぁ-ゖ]{{2,5}}))?"
    r"|[ァ-ヶー]{1,10}(?:[ ・][ァ-ヶー]{1,10})?|[ぁ-ゖー]{2,10}(?: [ぁ-ゖー]{1,10})?"
    r"|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,2}"
)
# A Latin name of two or three capitalised words: Hiroshi Kaneko, Ana Paula Souza.
_LATIN_FULL_NAME = re.compile(r"[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){1,2}")
# A Latin name right before a Japanese honorific: Emily Carter 様.
_LATIN_BEFORE = re.compile(r"[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){1,3} ?\Z")
# A name said by its bearer: "…した山本です。", "大塚 浩二と申します".
_SELF_INTRO = re.compile("と申します|と申し上げます|といいます|と言います|でございます|です")
_BACK_INTRO = re.compile(f"[{_KANJI}]{{1,4}}(?: ?[{_KANJI}]{{1,3}}| ?[ぁ-ゖ]{{2,4}})?\\Z")
# A surname doing what people do in a case note: 加藤が不在のため代理で伊藤が対応しました.
_DOER = re.compile(
    f"(?<![{_KANJI}])([{_KANJI}]{{2,5}})(?:さん)?(?:が|は|も)"
    "(?:不在|対応|担当|出席|欠席|訪問|来庁|同行|面談|在席|休暇|電話し|連絡し|説明し|回答し|確認し)"
)
# A surname with its office in brackets after it: 田中（市民課）より.
_NAME_THEN_OFFICE = re.compile(
    f"(?<![{_KANJI}])([{_KANJI}]{{1,5}})\\((?:[^()\\n]{{0,12}}?"
    "(?:課|室|部|局|係|班|センター|事務所|事務局|本部|支所|委員会|グループ))\\)"
)
# A name with its reading in brackets, both parts of it: 山本 ひかり（ヤマモト ヒカリ）.
_READ_NAME = re.compile(
    f"(?<![{_KANJI}])([{_KANJI}]{{1,4}} ?(?:[{_KANJI}]{{1,3}}|[ぁ-ゖ]{{2,4}}))"
    r"\(([ァ-ヶー]{1,10}[ ・][ァ-ヶー]{1,10})\)"
)
# A katakana full name (two or three parts).
_KATAKANA_NAME = re.compile(r"[ァ-ヶー]{2,10}(?:[ ・][ァ-ヶー]{1,10}){1,2}")
# The holder named before 名義 (an account's, a contract's): ヤマグチ ケンタ名義の口座.
# Parts split by a space, as a name's reading is written (not スマートフォン・アプリ, a compound).
_HOLDER = re.compile(r"([ァ-ヶー]{2,10}(?: [ァ-ヶー]{1,10}){1,2}) ?(?:さん|様)?名義(?:の|で|に|人)")
# A name alone on its line (a signature under a letter or an e-mail).
_NAME_LINE = re.compile(
    f"(?m)^ *([{_KANJI}]{{1,4}}(?: ?[{_KANJI}]{{1,3}}| ?[ぁ-ゖ]{{2,4}}| [{_KANJI}]{{1,3}})) *$"
)
_KANJI_CHAR = re.compile(f"[{_KANJI}]")
_KANJI_AT = re.compile(f"[{_KANJI}]+")
# Suffixes that make a kanji word a place, not a given name (石川県, 中野区).
_PLACE_END = tuple("市区町村都道府県郡")
# Words that end an organisation or a role, not a person: 総務課, 利用者, 株式会社 …
_NOT_A_NAME_END = tuple("課部局室係省庁所院館署校園会社者員民人方班号")
# Characters of an organisation anywhere in a "name": 東山財務局総務 (before 部長) is an office,
# 株式会社上毛 (cut short after 地権者：) a company.
_ORGANISATION_CHARACTERS = frozenset("局課省庁署社")
# Kana honorifics only follow people; a kanji one may end an ordinary word (仕様, 模様, 川崎市長),
# so before those a name must start with a known surname.
_KANA_HONORIFICS = frozenset({"さま", "さん", "くん", "ちゃん"})
# 市長・区長・知事 … follow a place as often as a person (川崎市長): not used as honorifics.
_PLACE_TITLES = (*"市区町村都道府県", "知事")


# Kinds of clue without a score of their own take the score of the clue they resemble.
_SCORE_OF = {
    "title_before": "honorific",
    "self_introduction": "honorific",
    "chat_speaker": "label",
    "relation": "label",
    "signature": "surname_given",
    "reading": "label",
    "attendee": "label",
    "office": "label",
    "holder": "label",
    "doer": "honorific",
}


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
        self.honorific_set = frozenset(self.honorifics)
        self.honorific_suffixes = tuple(self.honorifics)
        self.longest_honorific = max((len(h) for h in self.honorifics), default=0)
        self.names = Names(recognizer.dictionary) if recognizer.dictionary is not None else None
        self.longest_surname = max(len(s) for s in self.surnames)
        self.longest_given = max((len(g) for g in self.given_names), default=0)
        # Cheap gates for the surname + given-name pass: most kanji runs start with neither.
        self.surname_heads = frozenset(s[:2] for s in self.surnames if len(s) >= 2)
        self.surname_firsts = frozenset(s[0] for s in self.surnames)
        self.single_surnames = frozenset(s for s in self.surnames if len(s) == 1)
        # A whole kanji run of two to seven characters (not part of a longer run) whose first
        # character starts a surname: sre finds these in C, so Python sees a quarter of the runs.
        first = char_class(s[0] for s in self.surnames)
        self.surname_run = re.compile(f"{first}(?<![{_KANJI}].)[{_KANJI}]{{1,6}}(?![{_KANJI}])")
        labels = _alternation(lexicons[recognizer.labels])
        self.label_regex = re.compile(
            f"(?:{labels}){_LABEL_NOTE}([^\\S\\n]*(?:[:：|]|は(?=[^\\S\\n]|[ァ-ヶ]))?[^\\S\\n]*)(?:{_ORG_UNIT} )?"
            + _NAME_AFTER_LABEL
        )
        # A label is not a name, though one label may stand right after another (申請者 氏名：).
        self.label_words = frozenset(lexicons[recognizer.labels])
        # Prefectures and designated cities without their suffix (福岡, 千葉, 横浜): as the subject
        # of 「…が担当」 they are as often an office as a person.
        self.place_stems = frozenset(
            place[:-1]
            for lexicon in recognizer.places
            for place in lexicons[lexicon]
            if len(place) >= 3
        )
        # Headings of the other columns of a table with a name column (生年月日, 連絡先, No.).
        self.headings = self.label_words | self.stop_words
        self.table_heading_regex = re.compile(labels)  # for the prefilter: a heading may be here
        self.latin_non_names = frozenset(
            word.lower() for word in lexicons.get("latin-non-names", ("sir", "madam"))
        )
        # Job titles also come before a name (審議官 福田 幸子, 課長山田): kanji titles of two or more
        # characters, not the ones that follow a place (市長, 知事).
        titles = tuple(
            h for h in self.honorifics if len(h) >= 2 and all(_KANJI_CHAR.match(c) for c in h)
        )
        self.title_regex = re.compile(_alternation(titles))
        self.all_titles = frozenset(lexicons[recognizer.honorifics])
        # Longest first, so 田中副大臣 ends in 副大臣, not 大臣, in every process (a set's order
        # depends on the hash seed).
        self.titles_longest_first = tuple(sorted(self.all_titles, key=lambda t: (-len(t), t)))
        self.title_suffixes = tuple(self.all_titles)
        # Titles and relatives that may stand between a label and the name (代筆：長女 小野寺 由香).
        self.leading_words = tuple(
            sorted({*self.all_titles, *lexicons.get("kin-terms", ())}, key=lambda w: (-len(w), w))
        )
        self.place_titles = tuple(
            h for h in lexicons[recognizer.honorifics] if h.startswith(_PLACE_TITLES)
        )
        kin = lexicons.get("kin-terms", ())
        self.kin_regex = (
            re.compile(f"(?<![{_KANJI}])(?:{_alternation(kin)})( ?: ?|の| +)") if kin else None
        )
        self.kin_search = searchable(self.kin_regex) if self.kin_regex is not None else None
        self.honorific_regex = re.compile(_alternation(self.honorifics))
        # Latin names are found from the capitalised words (rare in text, so fast to find) and then
        # checked for a title or label just before them — not by trying every title everywhere.
        self._explanations: dict[tuple[str, str], Explanation] = {}
        titles = lexicons[recognizer.latin_titles]
        self.latin_titles = frozenset(t.lower().rstrip(".,") for t in titles if not t.endswith(":"))
        # A title written with a comma may be followed by one: "my daughter, Angela Santos".
        self.comma_titles = frozenset(t.lower().rstrip(",") for t in titles if t.endswith(","))
        # A title written with its colon counts only with one: "From: Maria Santos", not
        # "the delegation from Uppsala".
        self.colon_titles = frozenset(t.lower().rstrip(":") for t in titles if t.endswith(":"))
        # Every title found before a name ends with one of these words.
        # Sorted: they go into a prefilter pattern, which must read the same in every process.
        self.latin_title_ends = tuple(
            sorted(
                {t.split()[-1] if t.split() else "" for t in self.latin_titles | self.colon_titles}
            )
        )

    def _surname(self, word: str) -> bool:
        """A surname of the lexicon or, beyond it, of the name dictionary."""
        return word in self.surnames or (self.names is not None and self.names.surname(word))

    def _surname_length(self, text: str, start: int, limit: int) -> int:
        """The length of the longest surname at ``start`` (at most ``limit`` characters): the
        lexicon's, else the dictionary's; 0 when there is none. The lexicon is asked first, in C,
        so the dictionary is consulted only where the lexicon knows no surname at all."""
        surnames = self.surnames
        for size in range(min(self.longest_surname, limit), 0, -1):
            if text[start : start + size] in surnames:
                return size
        if self.names is not None:
            shortest = self.names.shortest_surname - 1
            for size in range(min(self.names.longest_surname, limit), shortest, -1):
                if self.names.surname(text[start : start + size]):
                    return size
        return 0

    def _given(self, word: str) -> bool:
        """A given name of the lexicon or, beyond it, of the name dictionary."""
        return word in self.given_names or (self.names is not None and self.names.given_name(word))

    def _plausible(self, name: str) -> bool:
        bare = name.replace(" ", "")
        return (
            len(bare) >= 2
            and not _ACRONYM.fullmatch(bare)  # CSIRT, NHK: an organisation's letters
            and bare not in self.stop_words
            and name not in self.stop_words
            and (not bare.endswith(_NOT_A_NAME_END) or bare in self.surnames)  # 阿部, 岡部
            and bare not in self.honorific_set
            and bare not in self.label_words
            and not (_ORGANISATION_CHARACTERS & set(bare) and bare not in self.surnames)
        )

    def _surname_start(self, run: str) -> int | None:
        """The earliest position in ``run`` where a known surname starts a name of plausible length
        (at most seven characters from there, spaces not counted)."""
        remaining = len(run) - run.count(" ")  # characters other than spaces from here on
        for position, char in enumerate(run):
            if char == " ":
                continue  # a name starts at the next character, which is tried next
            if (
                remaining <= 7
                and char in self.surname_firsts
                and self._surname_length(run, position, len(run) - position)
            ):
                return position
            remaining -= 1
        return None

    def _surname_given(
        self, text: str, start: int, end: int, add: Callable[[int, int, str, str], None]
    ) -> None:
        """A kanji run that is a known surname followed by a known given name (kanji or hiragana)."""
        run = text[start:end]
        if run in self.stop_words:
            return
        for size in range(min(self.longest_surname, len(run)), 0, -1):
            # Surnames of the lexicon only: without any clue around it, a word the dictionary
            # also calls a surname is too often something else.
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

    def _given_ok(self, given: str) -> bool:
        """Whether kanji after a known surname can be its given name (not 課長, 県, 関係 …)."""
        return (
            0 < len(given) <= 3
            and given not in self.all_titles
            and given not in self.stop_words
            and not given.endswith(_NOT_A_NAME_END)
            and not given.endswith(_PLACE_END)
        )

    def _name_at(self, text: str, position: int, *, alone: bool, short: bool = False) -> int | None:
        """The end of a name that starts at ``position`` with a known surname, where the text around
        already says a name is here (a title before it, と申します after it …).

        The given name is a known one, or up to three kanji ending the kanji run; a one-kanji surname
        (林, 東) needs a known or a spaced given name. ``alone`` accepts a surname on its own, and
        ``short`` a one-kanji surname on its own too."""
        if text.startswith(" ", position):
            position += 1
        run = _KANJI_AT.match(text, position)
        if run is None:
            return None
        run_end = run.end()
        size = self._surname_length(text, position, run_end - position)
        if not size:
            return None
        surname_end = position + size
        if text[position:run_end] in self.stop_words:
            return None
        if surname_end < run_end:  # unspaced: the rest of the kanji run is the given name
            given = text[surname_end:run_end]
            if self._given(given) or (size >= 2 and self._given_ok(given)):
                return run_end
            if given in self.all_titles or given.startswith(tuple(self.all_titles)):
                return surname_end if alone and (size >= 2 or short) else None
            return None
        after = surname_end + 1 if text.startswith(" ", surname_end) else surname_end
        if after > surname_end:
            spaced = _KANJI_AT.match(text, after)
            if spaced is not None and self._given_ok(spaced.group()):
                return spaced.end()
        for length in range(min(self.longest_given, 4), 1, -1):  # a hiragana given name
            given = text[after : after + length]
            if _HIRAGANA.match(given) and self._given(given):
                return after + length
        return surname_end if alone and (size >= 2 or short) else None

    def _latin_title(self, text: str, match: re.Match[str]) -> tuple[str, int] | None:
        """(title, where the name starts) when a title or label leads into these capitalised words."""
        words = match.group().split(" ")
        for index in range(len(words) - 1):  # "Dear Dr Jane Doe": the title may be inside the run
            for count in (2, 1):
                head = " ".join(words[index : index + count]).lower().rstrip(".:")
                if index + count < len(words) and head in self.latin_titles:
                    offset = len(" ".join(words[: index + count])) + 1
                    return head, match.start() + offset
        # A title before the words ends, past any [.,:] and space, with a title's last word:
        # when the text there does not, the search below cannot find one.
        reach = text[max(0, match.start() - _TITLE_BEFORE_REACH) : match.start()]
        if not reach.rstrip(_AFTER_TITLE).lower().endswith(self.latin_title_ends):
            return None
        before = _TITLE_BEFORE.search(
            text, max(0, match.start() - _TITLE_BEFORE_REACH), match.start()
        )
        if before is not None:
            title = before.group(1).lower()
            for candidate in (
                title,
                " ".join(title.split()[-2:]),
                title.split()[-1] if title.split() else "",
            ):
                if (
                    candidate in self.latin_titles
                    and (
                        before.group(2) != ","
                        or candidate.endswith(_CLOSINGS)
                        or candidate in self.comma_titles
                    )
                ) or (candidate in self.colon_titles and ":" in before.group()):
                    return candidate, match.start()
        return None

    def _strip_honorific(self, name: str) -> str:
        if not name.endswith(self.honorific_suffixes):
            return name
        for size in range(min(self.longest_honorific, len(name) - 1), 0, -1):
            if name[-size:] in self.honorific_set:
                return name[:-size].rstrip(" ")
        return name

    def _passes(self) -> dict[str, re.Pattern[str]]:
        passes = {
            "label": self.label_regex,
            "honorific": self.honorific_regex,
            "kanji_run": self.surname_run,
            "spaced": _SPACED_KANJI,
            "title": self.title_regex,
            "office": _OFFICE_THEN,
            "self_intro": _SELF_INTRO,
            "holder": _HOLDER,
            "doer": _DOER,
            "name_office": _NAME_THEN_OFFICE,
            "read_name": _READ_NAME,
            "name_line": _NAME_LINE,
            "chat": _CHAT_SPEAKER,
            "chat_time": _CHAT_NAME_TIME,
            "attendees": _LIST_LABEL,
            "latin_attendees": _LATIN_LIST_LABEL,
            "capitalised": _CAPITALISED,
            "table": self.table_heading_regex,
        }
        if self.kin_regex is not None:
            passes["kin"] = self.kin_regex
        return passes

    def prefilter_patterns(self) -> list[tuple[Hashable, re.Pattern[str]]]:
        """Each pass over the text, so the prefilter can skip those that cannot match; and the
        last words of the Latin titles: a Latin name needs one of them in the text (in any case)."""
        title_ends = "|".join(any_case(end) for end in self.latin_title_ends)
        patterns: list[tuple[Hashable, re.Pattern[str]]] = [
            ((self.id, name), regex) for name, regex in self._passes().items()
        ]
        return [*patterns, ((self.id, "latin_title_end"), re.compile(title_ends))]

    def _may(self, scan: ScanInput) -> Callable[[str], bool]:
        possible = scan.possible
        if possible is None:
            return lambda _name: True
        return lambda name: (self.id, name) in possible

    def detect(self, scan: ScanInput) -> list[Finding]:
        text = scan.text.normalized
        found: list[Finding] = []
        spans: list[tuple[int, int, str]] = []  # in the normalised text, for the readings
        explanations = self._explanations

        def add(start: int, end: int, kind: str, clue: str) -> None:
            spans.append((start, end, kind))
            # One explanation per kind of clue and clue word, shared (see EXPLANATIONS_KEPT).
            explanation = explanations.get((kind, clue))
            if explanation is None:
                explanation = Explanation(kind.replace("_", "-"), (clue,) if clue else ())
                if len(explanations) < EXPLANATIONS_KEPT:
                    explanations[(kind, clue)] = explanation
            found.append(
                to_finding(
                    scan,
                    start,
                    end,
                    type="PERSON",
                    score=self.scores[_SCORE_OF.get(kind, kind)],  # type: ignore[index]
                    detector=self.id,
                    explanation=explanation,
                )
            )

        may = self._may(scan)
        position = 0
        while may("label"):
            match = self.label_regex.search(text, position)
            if match is None:
                break
            position = match.end()
            if match.group(2).replace(" ", "") in self.label_words:
                position = match.start(2)  # 申請者 氏名（ローマ字）：… — that label leads on
                continue
            unit = text[match.end(1) : match.start(2)].rstrip(" ")
            if unit and self._surname(unit):  # 氏名 阿部 葵: a surname in 部, not a department
                end = self._name_at(text, match.end(1), alone=True)
                if end is not None:
                    add(match.end(1), end, "label", text[match.start() : match.start(1)])
                continue
            # 申請者山田花子: with nothing between label and name, the name must start with a surname
            # (本人確認, 担当者会議 do not: most such matches end at the first character).
            # A katakana name after a note in brackets is glued only in appearance: 口座名義(カナ)オガワ.
            glued = not match.group(1) and not (
                text[match.start(2) - 1] == ")" and _KATAKANA_NAME.fullmatch(match.group(2))
            )
            if glued and match.group(2)[0] not in self.surname_firsts:
                continue
            name = self._strip_honorific(match.group(2))
            if glued and self._surname_start(name) != 0:
                continue
            start = match.start(2)
            title = (
                next((t for t in self.leading_words if self._leads(name, t)), None)
                if name.startswith(self.leading_words)  # seldom: one C-level test first
                else None
            )
            if title is not None:  # 対応者：係長 松本 裕子, 代筆：長女 小野寺 由香
                start += len(title) + (1 if text.startswith(" ", start + len(title)) else 0)
                end = self._name_at(text, start, alone=True)
                name = text[start:end] if end is not None else name[len(title) :].lstrip(" ")
            # 氏名：林 さくら — the pattern stops at the kana given name; a known surname lets it on.
            if _KANJI_CHAR.match(name):
                known = self._name_at(text, start, alone=True)
                if known is not None and (
                    known > start + len(name)
                    # 対応者：竹内課長補佐 — the pattern cut the title short; the surname ends here.
                    or text.startswith(self.title_suffixes, known)
                ):
                    name = text[start:known]
            end = start + len(name)
            # 出生児 Child: …, 口座名義 Account holder: … — the English half of a bilingual label:
            # the name is what follows its colon.
            colon = _LABEL_COLON.match(text, end) if name[:1].isascii() else None
            if colon is not None:
                after = _NAME_AFTER_COLON.match(text, colon.end())
                if after is None:
                    continue
                start, end = after.span(1)
                name = after.group(1)
            # 作成者：防災危機管理課, 担当 こども医療係 — what runs on past the pattern's cut is an
            # office's name, not a person's (a name that runs on is let through by _name_at above).
            if _KANJI_CHAR.match(text, end) or _ORG_UNIT_AT.match(text, end):
                continue
            if self._plausible(name):
                kind = "latin_label" if name[:1].isascii() else "label"
                add(
                    start,
                    start + len(name),
                    kind,
                    text[match.start() : match.start(1)].strip(" :："),
                )
        for match in self.honorific_regex.finditer(text) if may("honorific") else ():
            back = _BACK_NAME.search(text, max(0, match.start() - 12), match.start())
            if back is None:
                before = _LATIN_BEFORE.search(text, max(0, match.start() - 40), match.start())
                if before is not None and not self._latin_non_name(before.group()):
                    add(
                        before.start(),
                        before.start() + len(before.group().rstrip()),
                        "honorific",
                        match.group(),
                    )
                continue
            run = back.group()
            offset = self._surname_start(run)
            if offset is None:
                bare = run.replace(" ", "")
                katakana = bool(_KATAKANA_RUN.fullmatch(run))
                kana_honorific = match.group() in _KANA_HONORIFICS
                if not (self._given(bare) or katakana or (kana_honorific and 2 <= len(bare) <= 4)):
                    continue
                offset = 0
            name = run[offset:]
            # 横浜市長 殿, 総務課長 殿: an office before the honorific, not a name. 山田課長殿: the
            # name is 山田 (found before 課長 already).
            bare = name.rstrip(" ")
            title = (
                next((t for t in self.titles_longest_first if bare.endswith(t)), None)
                if bare.endswith(self.title_suffixes)
                else None
            )
            if title is not None:
                if title.startswith(_PLACE_TITLES):
                    continue
                name = bare[: -len(title)]
            # 林課長, 原さん: a one-kanji surname standing alone before the title is a name too.
            if self._plausible(name) or (
                self._surname(name) and (offset == 0 or run[offset - 1] == " ")
            ):
                add(
                    back.start() + offset,
                    back.start() + offset + len(name),
                    "honorific",
                    match.group(),
                )
        heads, singles = self.surname_heads, self.single_surnames
        runs = self.surname_run.finditer(text) if may("kanji_run") else ()
        for match in [m for m in runs if m[0][:2] in heads or m[0][0] in singles]:
            self._surname_given(text, match.start(), match.end(), add)
        for match in _spaced_kanji(text) if may("spaced") else ():
            if self._surname(match.group(1)) and self._given(match.group(2)):
                add(match.start(), match.end(), "surname_given", "")
        for match in _OFFICE_THEN.finditer(text) if may("office") else ():
            end = self._name_at(text, match.end(), alone=True)
            if end is not None and _AFTER_OFFICE_NAME.match(text, end):
                start = match.end() + (1 if text.startswith(" ", match.end()) else 0)
                add(start, end, "office", match.group().rstrip(" (（"))
        for match in self.title_regex.finditer(text) if may("title") else ():
            end = self._name_at(text, match.end(), alone=True)
            if end is not None:
                start = match.end() + (1 if text.startswith(" ", match.end()) else 0)
                add(start, end, "title_before", match.group())
        if self.kin_search is not None and may("kin"):
            for match in self.kin_search.finditer(text):
                # 母：中山 / 子の金子愛: after の a surname alone is too weak (子の山田先生).
                end = self._name_at(text, match.end(), alone=":" in match.group(1))
                if end is not None:
                    add(
                        match.end(),
                        end,
                        "relation",
                        match.group()[: match.start(1) - match.start()],
                    )
        for match in _SELF_INTRO.finditer(text) if may("self_intro") else ():
            back = _BACK_INTRO.search(text, max(0, match.start() - 10), match.start())
            if back is None:
                continue
            cue = match.group()
            if cue == "です":  # so common that the name must be all there is before it
                starts: tuple[int, ...] = (back.start(),)
            else:
                offset = self._surname_start(back.group())
                starts = () if offset is None else (back.start() + offset,)
            for start in starts:
                if self._name_at(text, start, alone=True, short=True) == match.start():
                    add(start, match.start(), "self_introduction", cue)
        for match in _DOER.finditer(text) if may("doer") else ():
            # The whole kanji run must be the name (総務課が対応 is an office), and not a place.
            if match.group(1) not in self.place_stems and (
                self._name_at(text, match.start(1), alone=True) == match.end(1)
            ):
                add(match.start(1), match.end(1), "doer", "")
        for match in _NAME_THEN_OFFICE.finditer(text) if may("name_office") else ():
            if self._name_at(text, match.start(1), alone=True, short=True) == match.end(1):
                add(match.start(1), match.end(1), "office", "")
        for match in _READ_NAME.finditer(text) if may("read_name") else ():
            name = match.group(1)
            if self._surname_start(name.replace(" ", "")) == 0 and self._plausible(name):
                add(match.start(1), match.end(1), "reading", "")
                add(match.start(2), match.end(2), "reading", "")
        for match in _HOLDER.finditer(text) if may("holder") else ():
            if self._plausible(match.group(1)):
                add(match.start(1), match.end(1), "holder", "名義")
        last_line = len(text.rstrip())
        for match in _NAME_LINE.finditer(text) if may("name_line") else ():
            start = match.start(1)
            # A surname alone on a line is a signature only as the text's last line (山本).
            end = self._name_at(text, start, alone=match.end() >= last_line)
            if end == match.end(1):
                add(start, end, "signature", "")
        for pass_name, chat in (("chat", _CHAT_SPEAKER), ("chat_time", _CHAT_NAME_TIME)):
            for match in chat.finditer(text) if may(pass_name) else ():
                name = match.group(1).strip(" ")
                start, end = match.start(1), match.start(1) + len(name)
                # A speaker tag says a person is here: a one-kanji surname alone (森：) will do,
                # and so does a known given name alone (楓：), a display name in a chat.
                if (
                    self._name_at(text, start, alone=True, short=True) == end
                    or self._given(name)
                    or (_LATIN_FULL_NAME.fullmatch(name) and not self._latin_non_name(name))
                ):
                    add(start, end, "chat_speaker", "")
        for match in _LIST_LABEL.finditer(text) if may("attendees") else ():
            for item in _LIST_ITEM.finditer(text, match.start(1), match.end(1)):
                start = item.start()
                while start < item.end() and text[start] == " ":
                    start += 1
                office = _ORG_UNIT_AT.match(text, start, item.end())
                if (
                    office is not None
                    and office.end() < item.end()
                    and not self._surname(office.group().rstrip(" "))
                ):
                    start = office.end()  # 事務局：情報政策課 真壁
                end = self._name_at(text, start, alone=True)
                if end is None:  # a one-kanji surname that is the whole item (出席：森、池田)
                    short = self._name_at(text, start, alone=True, short=True)
                    whole = start + len(text[start : item.end()].rstrip(" "))
                    end = short if short == whole else None
                if end is not None and end <= item.end():
                    add(start, end, "attendee", "")
        for match in _LATIN_LIST_LABEL.finditer(text) if may("latin_attendees") else ():
            for item in _LIST_ITEM.finditer(text, match.start(1), match.end(1)):
                entry = _LATIN_ITEM.match(text, item.start(), item.end())
                if entry is not None and not self._latin_non_name(entry.group(1)):
                    add(entry.start(1), entry.end(1), "attendee", "")
        latin = may("capitalised") and may("latin_title_end")
        for match in _CAPITALISED.finditer(text) if latin else ():
            found_title = self._latin_title(text, match)
            if found_title is not None:
                title, name_start = found_title
                words = text[name_start : match.end()].lower().split()
                if (
                    name_start < match.end()
                    and not self._latin_non_name(text[name_start : match.end()])
                    and not all(w in self.latin_titles for w in words)
                    and (title not in _INTRODUCTIONS or len(words) >= 2)
                ):
                    add(name_start, match.end(), "latin_title", title)
        if may("table") and any(separator in text for separator in _TABLE_SEPARATORS):
            for start, end, heading in self._table_names(text):
                add(start, end, "label", heading)
        # The reading in brackets after a name: 江藤 幸雄（エトウ ユキオ）, ペレイラ（Lucas Pereira）.
        for _start, end, kind in list(spans):
            if kind == "reading":
                continue
            reading = _READING.match(text, end)
            if reading is not None:
                add(reading.start(1), reading.end(1), "reading", "")
        return found

    def _table_names(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Cells under a heading such as 氏名 or 職員名 in a table pasted as text: the rows below
        the heading row that have as many cells, in that column, when the cell is a name alone."""
        lines: list[tuple[int, str]] = []
        position = 0
        for line in text.split("\n"):
            lines.append((position, line))
            position += len(line) + 1
        index = 0
        while index < len(lines):
            found = self._table_heading(lines[index][1])
            index += 1
            if found is None:
                continue
            separator, column, width, heading = found
            while index < len(lines) and separator in lines[index][1]:
                line_start, line = lines[index]
                cells = line.split(separator)
                if len(cells) != width:
                    break
                cell_start = line_start + sum(len(c) + len(separator) for c in cells[:column])
                cell = cells[column]
                name = cell.strip(" ")
                if name.endswith(self.title_suffixes):  # 総務課長 is an office; 山田課長 a name
                    bare = self._strip_honorific(name)
                    name = bare if self._surname(bare) else ""
                if name and _NAME_CELL.fullmatch(name) and self._plausible(name):
                    start = cell_start + len(cell) - len(cell.lstrip(" "))
                    yield start, start + len(name), heading
                index += 1

    def _table_heading(self, line: str) -> tuple[str, int, int, str] | None:
        """(separator, column, number of cells, heading) of a heading row with a name column."""
        for separator in _TABLE_SEPARATORS:
            if separator not in line:
                continue
            cells = [cell.strip(" ") for cell in line.split(separator)]
            for column, cell in enumerate(cells):
                # Another heading in the row (生年月日, 連絡先, No.) tells a table from a form's
                # "申請者氏名 | 田村 健太" line, whose second cell is the value.
                if cell in self.label_words and any(
                    other in self.headings for other in cells[:column] + cells[column + 1 :]
                ):
                    return separator, column, len(cells), cell
        return None

    def _leads(self, name: str, word: str) -> bool:
        """Whether a title or relative stands before the name: followed by a space, or (two or
        more characters) by a known surname — not the first character of 氏家 or 子安."""
        if not name.startswith(word) or name == word:
            return False
        rest = name[len(word) :]
        return rest.startswith(" ") or (len(word) >= 2 and self._surname_start(rest) == 0)

    def _latin_non_name(self, candidate: str) -> bool:
        """Whether any word of a Latin candidate says it is not a person (Office, Team, Sir …)."""
        return any(word.lower().strip(".,") in self.latin_non_names for word in candidate.split())


def _spaced_kanji(text: str) -> Iterator[re.Match[str]]:
    """Every ``_SPACED_KANJI`` match, overlapping ones included: one per space between two kanji
    runs of one to three characters. 「担任 森田 勇気」 holds 「担任 森田」 and 「森田 勇気」; taking
    only the first (as ``finditer`` would) hid the name behind the title.

    A match starts one to three characters before its space (where its left run begins), so
    only those starts are tried."""
    for space in _SPACE_IN_KANJI.finditer(text):
        for start in range(max(0, space.start() - 3), space.start()):
            match = _SPACED_KANJI.match(text, start)
            # The match whose space is this one (an earlier start may be the previous pair's).
            if match is not None and match.end(1) == space.start():
                yield match
                break


@register("person")
def _factory(recognizer: Recognizer, context: BuildContext) -> Detector:
    assert isinstance(recognizer, PersonRecognizer)
    return PersonDetector(recognizer, context.lexicons)
