"""The heading of the column a span stands in, for tables pasted as text."""

from __future__ import annotations

import pytest

from mamori.screening.tables import MAX_ROWS, column_heading

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


def test_a_heading_more_rows_above_than_looked_through_is_not_found() -> None:
    rows = ["x / y"] * MAX_ROWS
    near = "番号 / 値\n" + "\n".join(rows[: MAX_ROWS - 1]) + "\n1 / 2"
    far = "番号 / 値\n" + "\n".join(rows) + "\n1 / 2"
    assert heading_of(near, "2", near.count("2") - 1) == "値"
    assert heading_of(far, "2", far.count("2") - 1) == "y"  # the topmost row it looked through
