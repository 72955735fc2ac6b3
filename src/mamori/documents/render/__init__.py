"""Renderers: a :class:`~mamori.documents.model.Document` in, the bytes of one file format out."""

from __future__ import annotations

from importlib import import_module
from typing import Literal, get_args

from mamori.documents.model import Document

Format = Literal["md", "docx", "xlsx"]
FORMATS: tuple[Format, ...] = get_args(Format)

# Imported when first used: python-docx and openpyxl take a third of a second to load, which every
# command (`mamori scan`, `mamori --version` …) would otherwise pay.
_RENDERERS: dict[Format, tuple[str, str]] = {
    "md": ("mamori.documents.render.markdown", "render_markdown"),
    "docx": ("mamori.documents.render.docx", "render_docx"),
    "xlsx": ("mamori.documents.render.xlsx", "render_xlsx"),
}


def render(document: Document, fmt: Format) -> bytes:
    module, function = _RENDERERS[fmt]
    rendered: bytes = getattr(import_module(module), function)(document)
    return rendered
