"""Tables pasted as text: the heading of the column a span stands in.

A list exported from Excel or written in a memo puts the word that says what a value is (免許証番号,
口座番号, 生年月日) in a heading row, often many lines above the value and far outside any context
window: 「所属 / 氏名 / 免許証番号」 over 「道路課 / 根本 祐介 / 301512098830」."""

from __future__ import annotations

SEPARATORS = ("\t", " / ", "|", ",")
"""Cell separators as they are after NFKC (｜ is |, ／ is /, ， is ,)."""

HeadingRows = dict[tuple[int, str], tuple[int, int] | None]
"""Per text: (row start, separator) → the bounds of the row's heading row; None for a row that is
its table's first (the heading row itself)."""


def column_heading(text: str, start: int, end: int, known: HeadingRows | None = None) -> str | None:
    """The heading cell over the cell that holds ``text[start:end]``: the topmost row of the run of
    rows above it that have as many cells with the same separator. None when the span is not in a
    table's cell, spans cells, or its row is the first of its table. ``known`` keeps what was
    found in one text, so the values of a long table do not each walk up to its top."""
    row_start = text.rfind("\n", 0, start) + 1
    if row_start == 0:
        return None  # the first line has no row above it
    row_end = text.find("\n", end)
    if row_end < 0:
        row_end = len(text)
    for separator in SEPARATORS:
        cells = text.count(separator, row_start, row_end)
        if not cells or separator in text[start:end]:
            continue
        bounds = heading_row(text, row_start, separator, cells, {} if known is None else known)
        if bounds is not None:
            heading = text[bounds[0] : bounds[1]].split(separator)
            return heading[text.count(separator, row_start, start)]
    return None


def heading_row(
    text: str, row_start: int, separator: str, cells: int, known: HeadingRows
) -> tuple[int, int] | None:
    """The topmost row of the run of rows with ``cells`` separators that ends at ``row_start``'s
    row, or None when that row is the topmost. Every row passed shares it and is remembered."""
    key = (row_start, separator)
    if key in known:
        return known[key]
    passed = [key]
    heading: tuple[int, int] | None = None
    above_end = row_start - 1  # the line break before the row
    while above_end > 0:
        above_start = text.rfind("\n", 0, above_end) + 1
        if text.count(separator, above_start, above_end) != cells:
            break
        above = (above_start, separator)
        if above in known:  # a row of the same run: its heading, or itself if it is the top
            top = known[above]
            heading = top if top is not None else (above_start, above_end)
            break
        heading = (above_start, above_end)
        passed.append(above)
        above_end = above_start - 1
    for row in passed:
        known[row] = heading
    if heading is not None and passed[-1][0] == heading[0]:
        known[passed[-1]] = None  # the heading row is the first of its table
    return heading
