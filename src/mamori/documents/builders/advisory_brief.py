"""先進的AI利活用アドバイザリーボード 相談資料 / Advisory Board brief: outline, objectives, mitigations, QA."""

from __future__ import annotations

import datetime as dt

from mamori.content.models import Pack
from mamori.documents.builders.common import cover_name, draft_note, project_meta, value
from mamori.documents.model import Bullets, Document, Heading, Paragraph, Table
from mamori.i18n import Lang, t
from mamori.rules import Assessment

_QUALITY_GROUP = "development_operation"
"""Checkpoint group whose included items describe quality assurance, including during operation."""


def build(assessment: Assessment, pack: Pack, lang: Lang, day: dt.date) -> Document:
    project = assessment.project
    included = {e.id for e in assessment.procurement_checkpoints if e.included}
    checkpoints = sorted(pack.checkpoints, key=lambda c: c.number)
    mitigations = [cp for cp in checkpoints if cp.id in included and cp.safety_perspective]
    quality_groups = {g.id for g in pack.checkpoint_groups if g.key == _QUALITY_GROUP}
    quality = [cp for cp in checkpoints if cp.id in included and cp.group in quality_groups]
    outline = [
        f"{t('doc.meta.system', lang)}: {project.name}",
        f"{t('doc.meta.organization', lang)}: {project.organization}",
        f"{t('fact.users', lang)}: {value('users', project.users, lang)}",
        f"{t('fact.work', lang)}: {value('work', project.work, lang)}",
        f"{t('fact.training_data', lang)}: {value('training_data', project.training_data, lang)}",
        f"{t('fact.human_review', lang)}: {value('human_review', project.human_review, lang)}",
        f"{t('fact.procurement_pattern', lang)}: {value('procurement_pattern', project.procurement_pattern, lang)}",
        f"{t('fact.server_location', lang)}: {value('server_location', project.server_location, lang)}",
    ]
    if project.vendor:
        outline.append(f"{t('doc.brief.vendor', lang)}: {project.vendor}")
    if project.model:
        outline.append(f"{t('doc.brief.model', lang)}: {project.model}")
    blocks: list[Heading | Paragraph | Bullets | Table] = [
        Paragraph(text=pack.combination.advisory_board(lang), emphasis="note"),
        Heading(level=1, text=t("doc.brief.h_outline", lang)),
        Bullets(items=outline),
        Heading(level=1, text=t("doc.brief.h_objectives", lang)),
        Paragraph(text=project.purpose),
        Paragraph(text=t("doc.brief.fill_in", lang), emphasis="note"),
        Heading(level=1, text=t("doc.brief.h_risk", lang)),
        Bullets(items=[hit.reason(lang) for hit in assessment.fired]),
        Bullets(items=[r(lang) for axis in assessment.axes.values() for r in axis.reasons]),
    ]
    if assessment.warnings:
        blocks += [
            Heading(level=2, text=t("doc.risk.h_warnings", lang)),
            Bullets(items=[f"{w.message(lang)} — {w.remedy(lang)}" for w in assessment.warnings]),
        ]
    blocks += [
        Heading(level=1, text=t("doc.brief.h_mitigations", lang)),
        Bullets(
            items=[f"({cp.number}) {cp.title(lang)}: {cp.requirement(lang)}" for cp in mitigations]
        ),
        Heading(level=1, text=t("doc.brief.h_quality", lang)),
        Bullets(
            items=[f"({cp.number}) {cp.title(lang)}: {cp.requirement(lang)}" for cp in quality]
        ),
        Paragraph(text=t("doc.brief.operation", lang)),
        Heading(level=1, text=t("doc.brief.h_questions", lang)),
        Paragraph(text=t("doc.brief.fill_in", lang), emphasis="note"),
    ]
    return Document(
        kind="advisory-brief",
        lang=lang,
        title=t("doc.brief.title", lang),
        meta=project_meta(project, assessment.pack, day, lang),
        blocks=blocks,
        draft_note=draft_note(lang),
        cover_name=cover_name(lang),
    )
