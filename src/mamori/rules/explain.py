"""Bilingual explanations shared by the engines: value labels, source citations, condition text."""

from __future__ import annotations

from mamori.content.facts import FactValue, format_fact_value
from mamori.content.models import Localized, Match, Source
from mamori.i18n import LANGS, t


def localized(key: str, /, **params: object) -> Localized:
    """A message from the catalogue in both languages; ``Localized`` params are resolved per language."""
    texts = {
        lang: t(
            key, lang, **{k: v(lang) if isinstance(v, Localized) else v for k, v in params.items()}
        )
        for lang in LANGS
    }
    return Localized(**texts)


def value_label(fact: str, value: FactValue) -> Localized:
    """``users=citizens`` → 「国民・一般」 / "citizens or the general public"."""
    return localized(f"value.{fact}.{format_fact_value(value)}")


def fact_label(fact: str) -> Localized:
    return localized(f"fact.{fact}")


def cite(source: Source, basis: str) -> str:
    """A compact citation: ``DS-920 1.0 §3 1 [operational]``."""
    return f"{source.document} {source.version} {source.section} [{basis}]"


def join(parts: list[Localized], sep_key: str = "explain.sep") -> Localized:
    return Localized(
        ja=t(sep_key, "ja").join(p.ja for p in parts), en=t(sep_key, "en").join(p.en for p in parts)
    )


def describe_match(match: Match) -> Localized:
    """``{users: [multi_org, citizens]}`` as 利用者の範囲が「…」「…」のいずれか."""
    if not match:
        return localized("explain.always")
    parts = []
    for fact, values in match.items():
        shown = join(
            [localized("explain.value", value=value_label(fact, v)) for v in values],
            "explain.value_sep",
        )
        key = "explain.fact_in_any" if len(values) > 1 else "explain.fact_in"
        parts.append(localized(key, fact=fact_label(fact), values=shown))
    return join(parts, "explain.and")
