"""Excel: check sheets the planner fills in. Each table is a sheet; a column with choices gets a drop-down."""

from __future__ import annotations

import io
import re
import unicodedata

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table

_HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")
_INPUT_FILL = PatternFill("solid", fgColor="FFF6D5")
_FORBIDDEN = re.compile(r"[\[\]\*\?/\\:]")
_LINE_HEIGHT = 15.0
_MAX_ROW_HEIGHT = 409.0  # Excel's limit


def _display_width(text: str) -> int:
    """Width in Excel character units: a full-width (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row_height(values: list[str], widths: list[float]) -> float:
    """Neither Excel nor LibreOffice grows a row for wrapped text on open; size it ourselves."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        usable = max(width - 1, 1)
        lines = max(
            lines,
            sum(max(1, -(-_display_width(part) // int(usable))) for part in value.split("\n")),
        )
    return min(lines * _LINE_HEIGHT, _MAX_ROW_HEIGHT)


def _sheet_title(name: str, taken: set[str]) -> str:
    base = _FORBIDDEN.sub("_", name)[:31] or "Sheet"
    title, n = base, 2
    while title in taken:
        suffix = f"_{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title)
    return title


def _print_on_landscape_pages(sheet: Worksheet) -> None:
    """Printed check sheets are read on paper too: landscape, every column on one page width."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _cover(sheet: Worksheet, document: Document) -> None:
    _print_on_landscape_pages(sheet)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 90
    sheet.append([document.title])
    sheet["A1"].font = Font(bold=True, size=14)
    if document.draft_note:
        sheet.append([document.draft_note])
    for key, value in document.meta:
        sheet.append([key, value])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    for block in document.blocks:
        if isinstance(block, Table):
            continue
        if isinstance(block, Heading):
            sheet.append([])
            sheet.append([block.text])
            sheet.cell(row=sheet.max_row, column=1).font = Font(
                bold=True, size=12 if block.level == 1 else 11
            )
        elif isinstance(block, Paragraph):
            sheet.append(["", block.text])
            sheet.cell(row=sheet.max_row, column=2).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
        elif isinstance(block, Bullets):
            for index, item in enumerate(block.items, start=1):
                sheet.append([f"{index}." if block.numbered else "・", item])
                sheet.cell(row=sheet.max_row, column=2).alignment = Alignment(wrap_text=True)


def _table(sheet: Worksheet, table: Table) -> None:
    _print_on_landscape_pages(sheet)
    sheet.print_title_rows = "1:2" if table.caption else "1:1"
    first = 1
    if table.caption:
        sheet.append([table.caption])
        sheet["A1"].font = Font(bold=True, size=12)
        first = 2
    sheet.append([c.title for c in table.columns])
    for index, column in enumerate(table.columns, start=1):
        header = sheet.cell(row=first, column=index)
        header.font = Font(bold=True)
        header.fill = _HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    widths = [float(c.width) for c in table.columns]
    for row in table.rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[sheet.max_row].height = _row_height(row, widths)
    last = first + len(table.rows)
    for index, column in enumerate(table.columns, start=1):
        if not column.choices or last <= first:
            continue
        letter = get_column_letter(index)
        # Excel limits an inline list to 255 characters; choices here are short status names.
        validation = DataValidation(
            type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True
        )
        validation.add(f"{letter}{first + 1}:{letter}{last}")
        sheet.add_data_validation(validation)
        for row_index in range(first + 1, last + 1):
            sheet.cell(row=row_index, column=index).fill = _INPUT_FILL
    sheet.freeze_panes = f"A{first + 1}"
    sheet.auto_filter.ref = f"A{first}:{get_column_letter(len(table.columns))}{last}"


def render_xlsx(document: Document) -> bytes:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    taken: set[str] = set()
    cover.title = _sheet_title(document.cover_name, taken)
    _cover(cover, document)
    for block in document.blocks:
        if isinstance(block, Table):
            sheet = workbook.create_sheet(_sheet_title(block.name, taken))
            _table(sheet, block)
            if workbook.active is cover and any(c.choices for c in block.columns):
                # A check sheet opens on the sheet to fill in; the cover stays one tab away.
                workbook.active = sheet
    workbook.properties.title = document.title
    workbook.properties.language = document.lang
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
