"""調達チェックシート / 契約チェックシート: every item, whether it is in, why, and a status to fill in."""

from __future__ import annotations

import datetime as dt

from mamori.content.models import Pack
from mamori.documents.builders.common import draft_note, project_meta, status_column
from mamori.documents.model import Column, Document, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules import Assessment


def _mark(included: bool, lang: Lang) -> str:
    return t("doc.check.included" if included else "doc.check.excluded", lang)


def build_procurement(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    checkpoints = {cp.id: cp for cp in pack.checkpoints}
    groups = {g.id: g for g in pack.checkpoint_groups}
    rows = []
    for entry in assessment.procurement_checkpoints:
        cp = checkpoints[entry.id]
        rows.append(
            [
                str(entry.number),
                entry.id,
                groups[cp.group].title(lang),
                cp.title(lang),
                _mark(entry.included, lang),
                entry.why(lang),
                cp.requirement(lang),
                "\n".join("・" + e(lang) for e in cp.evidence),
                "",
                "",
            ]
        )
    table = Table(
        name=t("doc.check.sheet_procurement", lang),
        caption=t("doc.check.procurement_title", lang) + " — " + assessment.project.name,
        columns=[
            Column(title=t("doc.col.no", lang), width=5),
            Column(title=t("doc.col.id", lang), width=9),
            Column(title=t("doc.col.group", lang), width=14),
            Column(title=t("doc.col.checkpoint", lang), width=30),
            Column(title=t("doc.col.included", lang), width=10),
            Column(title=t("doc.col.why", lang), width=40),
            Column(title=t("doc.col.requirement", lang), width=60),
            Column(title=t("doc.col.evidence", lang), width=36),
            status_column(lang),
            Column(title=t("doc.col.note", lang), width=30),
        ],
        rows=rows,
    )
    return Document(
        kind="procurement-checksheet",
        lang=lang,
        title=t("doc.check.procurement_title", lang),
        meta=project_meta(assessment.project, assessment.pack, day, lang),
        blocks=[Paragraph(text=t("doc.check.how_to", lang)), table],
        draft_note=draft_note(lang),
        cover_name=t("doc.sheet_cover", lang),
    )


def build_contract(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    items = {ci.id: ci for ci in pack.contract_items}
    areas = {a.id: a for a in pack.contract_areas}
    pattern = next(p for p in pack.patterns if p.key == assessment.project.procurement_pattern)
    rows = []
    for entry in assessment.contract_items:
        item = items[entry.id]
        rows.append(
            [
                str(entry.number),
                entry.id,
                areas[item.area].title(lang),
                item.title(lang),
                _mark(entry.included, lang),
                entry.why(lang),
                item.check(lang),
                item.clause(lang),
                "",
                "",
            ]
        )
    table = Table(
        name=t("doc.check.sheet_contract", lang),
        caption=t("doc.check.contract_title", lang) + " — " + assessment.project.name,
        columns=[
            Column(title=t("doc.col.no", lang), width=5),
            Column(title=t("doc.col.id", lang), width=12),
            Column(title=t("doc.col.area", lang), width=14),
            Column(title=t("doc.col.contract_item", lang), width=30),
            Column(title=t("doc.col.included", lang), width=10),
            Column(title=t("doc.col.why", lang), width=40),
            Column(title=t("doc.col.check", lang), width=45),
            Column(title=t("doc.col.clause_draft", lang), width=60),
            status_column(lang),
            Column(title=t("doc.col.note", lang), width=30),
        ],
        rows=rows,
    )
    return Document(
        kind="contract-checksheet",
        lang=lang,
        title=t("doc.check.contract_title", lang),
        meta=project_meta(assessment.project, assessment.pack, day, lang),
        blocks=[
            Paragraph(text=t("doc.check.how_to", lang)),
            Paragraph(text=pattern.check_sheet_use(lang), emphasis="note"),
            table,
        ],
        draft_note=draft_note(lang),
        cover_name=t("doc.sheet_cover", lang),
    )
