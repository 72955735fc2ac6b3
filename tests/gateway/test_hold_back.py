"""The streaming hold-back window on its own: ordinary text flows, a value is never cut, a value
whose beginning has already gone out stops the stream."""

from __future__ import annotations

from mamori.proxy.stream import HoldBack
from mamori.screening.guard import Guard
from mamori.screening.redaction import Vault

PURPOSE = "職員が作成する通知文や議事概要の下書き作成と要約を支援する。"


def _guard() -> Guard:
    return Guard.default().with_purpose(PURPOSE, ["議事概要を要約して"])


def _feed(hold: HoldBack, text: str, size: int = 3) -> list[str]:
    out = [hold.feed(text[i : i + size]) for i in range(0, len(text), size)]
    return [*out, hold.finish()]


def test_ordinary_text_is_released_as_it_comes() -> None:
    hold = HoldBack(_guard(), Vault(), frozenset(), hold=96)
    text = "本日の会議では、来年度の予算要求と調達の進め方について議論した。" * 10
    pieces = _feed(hold, text)
    released_before_end = sum(len(p) for p in pieces[:-1])
    assert released_before_end >= len(text) - 96 - 3  # only the window is held back
    assert "".join(pieces) == text and hold.decision != "block"


def test_a_name_split_across_pieces_is_redacted_whole() -> None:
    hold = HoldBack(_guard(), Vault(), frozenset(), hold=96)
    text = "担当は山田太郎様です。" + "詳細は追ってご連絡します。" * 12
    joined = "".join(_feed(hold, text, size=2))
    assert "山田" not in joined and "<PERSON_1>" in joined


def test_a_value_longer_than_the_window_stops_the_stream() -> None:
    hold = HoldBack(_guard(), Vault(), frozenset(), hold=64)
    text = "連絡先は " + "a" * 120 + "@example.go.jp です。" + "以上です。" * 5
    joined = "".join(_feed(hold, text))
    assert hold.decision == "block"
    assert "@example" not in joined and "<EMAIL_ADDRESS" not in joined


def test_a_tables_values_are_judged_by_its_heading_however_far_up_it_is() -> None:
    """A model may answer with a table: its licence numbers, many rows below 免許証番号, are
    redacted in a stream as they are in a whole answer."""
    rows = [f"| 道路課 | 職員{n} | （申請中） |" for n in range(5)]
    rows += [f"| 道路課 | 職員{n} | 30151209883{n} |" for n in range(8)]
    text = "登録簿は次のとおりです。\n| 所属 | 氏名 | 免許証番号 |\n|---|---|---|\n" + "\n".join(
        rows
    )
    numbers = [f"30151209883{n}" for n in range(8)]
    whole, _ = Guard.default().redact(text, output=True)
    assert not any(number in whole for number in numbers)
    for size in (1, 4, 17):
        hold = HoldBack(_guard(), Vault(), frozenset(), hold=64)
        joined = "".join(_feed(hold, text, size=size))
        assert not any(number in joined for number in numbers), size
        assert hold.blocked  # the default output policy blocks licence numbers in an answer
        assert joined.startswith("登録簿は次のとおりです。\n| 所属 | 氏名 | 免許証番号 |")


def test_the_window_reaches_as_far_back_as_any_context_word() -> None:
    """Passport numbers are named once before a list (60 characters of context): the stream's
    window reaches back as far (Guard.context_reach), not only its usual 48 characters."""
    guard = _guard()
    assert guard.context_reach >= 60
    text = (
        "Olivia will collect passport copies; numbers received so far: Mark Jensen 561204837. "
        + "The rest will follow next week. " * 4
    )
    hold = HoldBack(guard, Vault(), frozenset(), hold=64)
    joined = "".join(_feed(hold, text, size=2))
    assert "561204837" not in joined
