"""Word: the format ministries edit and circulate specifications and rules in."""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_word_document  # noqa: N813 - not our class; avoid clash
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table

_JA_FONT = "MS Mincho"
_JA_HEADING_FONT = "MS Gothic"


def _east_asian_font(style_element: object, font: str) -> None:
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), font)


def _restart_numbering(word: Any, paragraphs: list[Any]) -> None:
    """Give one numbered list its own numbering that starts at 1.

    Every paragraph in Word's "List Number" style shares one counter, so a second list would go on
    from where the first stopped; a fresh ``w:num`` with a start override restarts it.
    """
    numbering = word.part.numbering_part.element
    style_num_id = word.styles["List Number"].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    fresh = numbering.add_num(abstract_id)
    fresh.add_lvlOverride(ilvl=0).add_startOverride(1)
    for paragraph in paragraphs:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = fresh.numId


def render_docx(document: Document) -> bytes:
    word = new_word_document()
    normal = word.styles["Normal"]
    normal.font.size = Pt(10.5)
    if document.lang == "ja":
        _east_asian_font(normal.element, _JA_FONT)
        for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
            _east_asian_font(word.styles[name].element, _JA_HEADING_FONT)
    word.core_properties.title = document.title
    word.core_properties.language = document.lang
    word.add_heading(document.title, level=0)
    if document.draft_note:
        note = word.add_paragraph()
        run = note.add_run(document.draft_note)
        run.italic = True
    if document.meta:
        meta = word.add_table(rows=0, cols=2)
        meta.style = "Table Grid"
        for key, value in document.meta:
            cells = meta.add_row().cells
            cells[0].text = key
            cells[1].text = value
            for paragraph in cells[0].paragraphs:
                for run in paragraph.runs:
                    run.bold = True
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph()
            run = paragraph.add_run(block.text)
            if block.emphasis == "warning":
                run.bold = True
                run.font.color.rgb = RGBColor(0xA0, 0x10, 0x10)
            elif block.emphasis == "note":
                run.italic = True
        elif isinstance(block, Bullets):
            style = "List Number" if block.numbered else "List Bullet"
            paragraphs = [word.add_paragraph(item, style=style) for item in block.items]
            if block.numbered and paragraphs:
                _restart_numbering(word, paragraphs)
        elif isinstance(block, Table):
            if block.caption:
                word.add_paragraph().add_run(block.caption).bold = True
            table = word.add_table(rows=1, cols=len(block.columns))
            table.style = "Table Grid"
            for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
                cell.text = column.title
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                for cell, value in zip(table.add_row().cells, row, strict=True):
                    cell.text = value
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
