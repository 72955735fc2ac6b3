"""Renderers: a :class:`~mamori.documents.model.Document` in, the bytes of one file format out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from mamori.documents.model import Document
from mamori.documents.render.docx import render_docx
from mamori.documents.render.markdown import render_markdown
from mamori.documents.render.xlsx import render_xlsx

Format = Literal["md", "docx", "xlsx"]
FORMATS: tuple[Format, ...] = get_args(Format)

RENDERERS: dict[Format, Callable[[Document], bytes]] = {
    "md": render_markdown,
    "docx": render_docx,
    "xlsx": render_xlsx,
}


def render(document: Document, fmt: Format) -> bytes:
    return RENDERERS[fmt](document)
