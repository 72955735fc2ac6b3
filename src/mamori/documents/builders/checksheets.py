"""調達チェックシート / 契約チェックシート: every item, whether it is in, why, and a status to fill in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from mamori.content.models import Pack
from mamori.documents.builders.common import cover_name, draft_note, project_meta, status_column
from mamori.documents.model import Column, Document, DocumentKind, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules import Assessment
from mamori.rules.checksheets import ChecklistEntry

# The item-specific middle of a row: (column title key, width) and the cells for one entry.
ItemColumns = Sequence[tuple[str, int]]
ItemCells = Callable[[ChecklistEntry], list[str]]


def _checksheet(
    kind: DocumentKind,
    title_key: str,
    sheet_key: str,
    entries: Sequence[ChecklistEntry],
    item_columns: ItemColumns,
    item_cells: ItemCells,
    notes: list[Paragraph],
    assessment: Assessment,
    lang: Lang,
    day: dt.date,
) -> Document:
    """Number, id, item columns, in/out, why, status to fill in, notes — the same frame for both sheets."""
    head, tail = item_columns[:2], item_columns[2:]
    columns = [
        Column(title=t("doc.col.no", lang), width=5),
        Column(title=t("doc.col.id", lang), width=12),
        *(Column(title=t(key, lang), width=width) for key, width in head),
        Column(title=t("doc.col.included", lang), width=10),
        Column(title=t("doc.col.why", lang), width=40),
        *(Column(title=t(key, lang), width=width) for key, width in tail),
        status_column(lang),
        Column(title=t("doc.col.note", lang), width=30),
    ]
    rows = []
    for entry in entries:
        cells = item_cells(entry)
        included = t("doc.check.included" if entry.included else "doc.check.excluded", lang)
        rows.append(
            [str(entry.number), entry.id, *cells[:2], included, entry.why(lang), *cells[2:], "", ""]
        )
    table = Table(
        name=t(sheet_key, lang),
        caption=f"{t(title_key, lang)} — {assessment.project.name}",
        columns=columns,
        rows=rows,
    )
    return Document(
        kind=kind,
        lang=lang,
        title=t(title_key, lang),
        meta=project_meta(assessment.project, assessment.pack, day, lang),
        blocks=[Paragraph(text=t("doc.check.how_to", lang)), *notes, table],
        draft_note=draft_note(lang),
        cover_name=cover_name(lang),
    )


def build_procurement(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    checkpoints = {cp.id: cp for cp in pack.checkpoints}
    groups = {g.id: g for g in pack.checkpoint_groups}

    def cells(entry: ChecklistEntry) -> list[str]:
        cp = checkpoints[entry.id]
        evidence = "\n".join("・" + e(lang) for e in cp.evidence)
        return [groups[cp.group].title(lang), cp.title(lang), cp.requirement(lang), evidence]

    return _checksheet(
        "procurement-checksheet",
        "doc.check.procurement_title",
        "doc.check.sheet_procurement",
        assessment.procurement_checkpoints,
        [
            ("doc.col.group", 14),
            ("doc.col.checkpoint", 30),
            ("doc.col.requirement", 60),
            ("doc.col.evidence", 36),
        ],
        cells,
        [],
        assessment,
        lang,
        day,
    )


def build_contract(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    items = {ci.id: ci for ci in pack.contract_items}
    areas = {a.id: a for a in pack.contract_areas}
    pattern = next(p for p in pack.patterns if p.key == assessment.project.procurement_pattern)

    def cells(entry: ChecklistEntry) -> list[str]:
        item = items[entry.id]
        return [areas[item.area].title(lang), item.title(lang), item.check(lang), item.clause(lang)]

    return _checksheet(
        "contract-checksheet",
        "doc.check.contract_title",
        "doc.check.sheet_contract",
        assessment.contract_items,
        [
            ("doc.col.area", 14),
            ("doc.col.contract_item", 30),
            ("doc.col.check", 45),
            ("doc.col.clause_draft", 60),
        ],
        cells,
        [Paragraph(text=pattern.check_sheet_use(lang), emphasis="note")],
        assessment,
        lang,
        day,
    )
