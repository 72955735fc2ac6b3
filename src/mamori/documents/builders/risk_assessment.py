"""高リスク判定結果 / risk assessment: the finder's indication with every reason, for the CAIO to decide."""

from __future__ import annotations

import datetime as dt

from mamori.content.models import Pack
from mamori.documents.builders.common import (
    checksheet_summary,
    cover_name,
    draft_note,
    project_meta,
    value,
)
from mamori.documents.model import Bullets, Column, Document, Heading, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules import Assessment


def build(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    project = assessment.project
    verdict_key = (
        "doc.risk.verdict_high" if assessment.possibly_high_risk else "doc.risk.verdict_low"
    )
    blocks: list[Heading | Paragraph | Bullets | Table] = [
        Heading(level=1, text=t("doc.risk.h_conclusion", lang)),
        Paragraph(
            text=t(verdict_key, lang),
            emphasis="warning" if assessment.possibly_high_risk else "normal",
        ),
        Paragraph(text=t("doc.risk.reference_note", lang), emphasis="note"),
        Heading(level=1, text=t("doc.risk.h_purpose", lang)),
        Paragraph(text=project.purpose),
        Heading(level=1, text=t("doc.risk.h_axes", lang)),
        Table(
            name=t("doc.risk.sheet_axes", lang),
            columns=[
                Column(title=t("doc.col.axis", lang), width=8),
                Column(title=t("doc.col.viewpoint", lang), width=30),
                Column(title=t("doc.col.project_value", lang), width=26),
                Column(title=t("doc.col.level", lang), width=8),
                Column(title=t("doc.col.level_label", lang), width=36),
                Column(title=t("doc.col.clause", lang), width=40),
            ],
            rows=[
                [
                    key,
                    axis.title(lang),
                    value(axis.field, axis.value, lang),
                    str(axis.level),
                    axis.label(lang),
                    axis.clause,
                ]
                for key, axis in assessment.axes.items()
            ],
        ),
        Bullets(items=[r(lang) for axis in assessment.axes.values() for r in axis.reasons]),
        Heading(level=1, text=t("doc.risk.h_combination", lang)),
        Paragraph(text=pack.combination.description(lang)),
        Bullets(
            items=[
                t(
                    "doc.risk.rule_fired"
                    if any(h.rule_id == rule.id for h in assessment.fired)
                    else "doc.risk.rule_not_fired",
                    lang,
                    rule=rule.reason(lang),
                    id=rule.id,
                )
                for rule in pack.combination.possibly_high_risk_when
            ]
        ),
    ]
    if assessment.fired:
        blocks += [
            Heading(level=2, text=t("doc.risk.h_reasons", lang)),
            Bullets(items=[hit.reason(lang) for hit in assessment.fired]),
            Paragraph(text=pack.combination.advisory_board(lang)),
        ]
    blocks.append(Heading(level=1, text=t("doc.risk.h_warnings", lang)))
    if assessment.warnings:
        blocks.append(
            Table(
                name=t("doc.risk.sheet_warnings", lang),
                columns=[
                    Column(title=t("doc.col.severity", lang), width=10),
                    Column(title=t("doc.col.message", lang), width=50),
                    Column(title=t("doc.col.remedy", lang), width=50),
                    Column(title=t("doc.col.clause", lang), width=36),
                ],
                rows=[
                    [t(f"severity.{w.severity}", lang), w.message(lang), w.remedy(lang), w.clause]
                    for w in assessment.warnings
                ],
            )
        )
    else:
        blocks.append(Paragraph(text=t("doc.risk.no_warnings", lang)))
    blocks += [
        Heading(level=1, text=t("doc.risk.h_checksheets", lang)),
        Paragraph(text=checksheet_summary(assessment, lang)),
        Heading(level=1, text=t("doc.risk.h_decision", lang)),
        Table(
            name=t("doc.risk.sheet_decision", lang),
            columns=[
                Column(title=t("doc.col.item", lang), width=30),
                Column(
                    title=t("doc.col.entry", lang),
                    width=60,
                ),
            ],
            rows=[
                [t("doc.risk.decision_row", lang), ""],
                [t("doc.risk.rationale_row", lang), ""],
                [t("doc.risk.decided_by_row", lang), ""],
                [t("doc.risk.decided_on_row", lang), ""],
            ],
        ),
    ]
    meta = project_meta(project, assessment.pack, day, lang)
    meta.append((t("doc.meta.pack_hash", lang), assessment.pack_hash))
    return Document(
        kind="risk-assessment",
        lang=lang,
        title=t("doc.risk.title", lang),
        meta=meta,
        blocks=blocks,
        draft_note=draft_note(lang),
        cover_name=cover_name(lang),
    )
