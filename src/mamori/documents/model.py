"""One document model that every renderer (Markdown, Word, Excel) understands.

Builders turn an engine result into a :class:`Document` in one language; renderers turn a
``Document`` into bytes. Neither knows about the other, so a new format or document is one module.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mamori.i18n import Lang


class Block(BaseModel):
    model_config = ConfigDict(frozen=True)


class Heading(Block):
    kind: Literal["heading"] = "heading"
    level: int = Field(ge=1, le=4)
    text: str


class Paragraph(Block):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    emphasis: Literal["normal", "note", "warning"] = "normal"


class Bullets(Block):
    kind: Literal["bullets"] = "bullets"
    items: list[str]
    numbered: bool = False


class Column(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    width: int = 20
    """Width in characters, for Excel and as a hint for Word."""
    choices: list[str] = Field(default_factory=list)
    """For a column the reader fills in: the values offered in a drop-down (Excel)."""


class Table(Block):
    kind: Literal["table"] = "table"
    name: str
    """Short name; an Excel sheet is named after it (31 characters at most)."""
    caption: str = ""
    columns: list[Column]
    rows: list[list[str]]


Content = Heading | Paragraph | Bullets | Table

DocumentKind = Literal[
    "risk-assessment",
    "procurement-spec",
    "procurement-checksheet",
    "contract-checksheet",
    "user-rule",
    "ministry-user-rule",
    "advisory-brief",
]


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: DocumentKind
    lang: Lang
    title: str
    meta: list[tuple[str, str]]
    """Key facts shown under the title (organisation, date, pack …)."""
    blocks: list[Content]
    draft_note: str = ""
    cover_name: str = "Cover"
    """Name of the first Excel sheet, which holds the title, the meta and the text blocks."""
