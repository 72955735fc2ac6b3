"""The heading of the column a span stands in, for tables pasted as text."""

from __future__ import annotations

import pytest

from mamori.screening.tables import HeadingRows, column_heading

LICENCES = "所属 / 氏名 / 免許証番号 / 期限\n道路課 / 根本 祐介 / 301512098830 / 令和9年\n福祉課 / 野々村 翔 / 302011458740 / 令和11年"


def heading_of(text: str, value: str, occurrence: int = 0) -> str | None:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(value, start + 1)
    return column_heading(text, start, start + len(value))


@pytest.mark.parametrize(
    ("text", "value", "occurrence", "heading"),
    [
        pytest.param(LICENCES, "301512098830", 0, "免許証番号", id="slashes-first-row"),
        pytest.param(LICENCES, "302011458740", 0, "免許証番号", id="slashes-lower-row"),
        pytest.param(LICENCES, "根本 祐介", 0, "氏名", id="another-column"),
        pytest.param("番号\t生年月日\n1\t1980/3/15\n", "1980/3/15", 0, "生年月日", id="tabs"),
        pytest.param("番号,生年月日\n1,1980/3/15", "1980/3/15", 0, "生年月日", id="commas"),
        pytest.param(
            "| 氏名 | 口座番号 |\n|---|---|\n| 山田 | 1234567 |",
            "1234567",
            0,
            " 口座番号 ",
            id="markdown",
        ),
        pytest.param(LICENCES, "免許証番号", 0, None, id="the-heading-row-itself"),
        pytest.param("前文\n道路課 / 301512098830", "301512098830", 0, None, id="no-row-above"),
        pytest.param(
            "a / b / c\n\n道路課 / 301512098830", "301512098830", 0, None, id="blank-line-between"
        ),
        pytest.param("a / b / c\nx / 301512098830", "301512098830", 0, None, id="fewer-cells"),
        pytest.param("免許証番号は301512098830です", "301512098830", 0, None, id="not-a-table"),
        pytest.param("x / y\n1 / 2 / 3", "2 / 3", 0, None, id="span-across-cells"),
    ],
)
def test_column_heading(text: str, value: str, occurrence: int, heading: str | None) -> None:
    assert heading_of(text, value, occurrence) == heading


def test_every_row_of_a_long_table_finds_its_heading_in_any_order() -> None:
    """What one value found is remembered for the text: the answers do not depend on the order
    in which the values are asked about."""
    rows = [f"{n} / 3015120988{n % 100:02d}" for n in range(1000)]
    text = "前書き\n番号 / 免許証番号\n" + "\n".join(rows) + "\n\n後書き / 以上"
    spans = []
    for row in ("番号 / 免許証番号", *rows):
        start = text.index(row) + row.index(" / ") + 3
        spans.append((start, text.index("\n", start)))
    expected = [None] + ["免許証番号"] * len(rows)
    assert [column_heading(text, s, e) for s, e in spans] == expected
    for order in (spans, spans[::-1], spans[::7] + spans):
        known: HeadingRows = {}
        found = {span: column_heading(text, *span, known) for span in order}
        assert [found[span] for span in spans] == expected
    last = text.rindex("以上")
    assert column_heading(text, last, last + 2) is None  # after a blank line: another table
