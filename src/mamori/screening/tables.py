"""Tables pasted as text: the heading of the column a span stands in.

A list exported from Excel or written in a memo puts the word that says what a value is (免許証番号,
口座番号, 生年月日) in a heading row, often many lines above the value and far outside any context
window: 「所属 / 氏名 / 免許証番号」 over 「道路課 / 根本 祐介 / 301512098830」."""

from __future__ import annotations

SEPARATORS = ("\t", " / ", "|")
"""Cell separators as they are after NFKC (｜ is |, ／ is /)."""
MAX_ROWS = 200
"""Rows looked through above a value for its heading; a longer table's lower rows have none."""


def column_heading(text: str, start: int, end: int) -> str | None:
    """The heading cell over the cell that holds ``text[start:end]``: the topmost row of the run of
    rows above it that have as many cells with the same separator. None when the span is not in a
    table's cell, spans cells, or its row is the first of its table."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    line = text[line_start:line_end]
    for separator in SEPARATORS:
        if separator not in line or separator in text[start:end]:
            continue
        width = line.count(separator) + 1
        heading: str | None = None
        above_end = line_start - 1  # the line break before this row
        for _ in range(MAX_ROWS):
            if above_end <= 0:
                break
            above_start = text.rfind("\n", 0, above_end) + 1
            row = text[above_start:above_end]
            if separator not in row or row.count(separator) + 1 != width:
                break
            heading = row
            above_end = above_start - 1
        if heading is not None:
            return heading.split(separator)[line.count(separator, 0, start - line_start)]
    return None
