"""Typed models of a guideline pack. Every field is checked at load; unknown keys are errors."""

from __future__ import annotations

import datetime as dt
import string
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from mamori.content.facts import FACT_VALUES, PROJECT_AXIS_FIELDS, FactName, FactValue
from mamori.i18n import Lang

ItemId = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
Basis = Literal["text", "operational"]
Audience = Literal["staff", "citizen"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(Strict):
    """A text in both languages. Both are required: a pack with one language missing does not load."""

    ja: Annotated[str, StringConstraints(min_length=1)]
    en: Annotated[str, StringConstraints(min_length=1)]

    def __call__(self, lang: Lang) -> str:
        return self.ja if lang == "ja" else self.en


class Source(Strict):
    """Where an item comes from: the document, its version and the section."""

    document: str = "DS-920"
    version: str
    section: str
    note: Localized | None = None


class Item(Strict):
    """Common to every identifiable pack item."""

    id: ItemId
    basis: Basis
    source: Source
    inherited_from: str | None = None
    """Set by the loader when an overlay pack carries this item over unchanged from its base pack."""


Match = dict[FactName, list[FactValue]]


def _check_match(match: Match) -> Match:
    for fact, values in match.items():
        if not values:
            raise ValueError(f"condition on {fact!r} lists no values")
        allowed = FACT_VALUES[fact]
        for value in values:
            # bool is an int subclass: compare types too, so `1` never stands for `true`.
            if not any(value == a and type(value) is type(a) for a in allowed):
                shown = ", ".join("null" if a is None else str(a).lower() for a in allowed)
                raise ValueError(f"{fact}: {value!r} is not one of: {shown}")
    return match


class Condition(Strict):
    """Matches when every listed fact has one of the listed values (an empty ``all`` always matches)."""

    all: Match = Field(default_factory=dict)
    reason: Localized

    @model_validator(mode="after")
    def _values_known(self) -> Condition:
        _check_match(self.all)
        return self


class Scope(Item):
    text: Localized
    excluded: Localized
    applies_from: Localized


class PackInfo(Strict):
    """``pack.yaml``: which pack this is and, for an overlay, which pack it builds on."""

    id: Key
    version: Annotated[str, StringConstraints(pattern=r"^[0-9][0-9A-Za-z.]*$")]
    published: dt.date
    document: str
    title: Localized
    publisher: Localized
    base: str | None = None
    """``id@version`` of the pack this one overlays: items not restated here are carried over."""
    base_note: Localized | None = None
    """Why items are carried over from the base pack (shown beside every inherited item)."""
    removed: list[ItemId] = Field(default_factory=list)
    """Ids of base-pack items this pack drops."""


class Role(Item):
    key: Key
    title: Localized
    responsibilities: list[Localized]


class Pattern(Item):
    key: Key
    title: Localized
    description: Localized
    check_sheet_use: Localized
    """How the check sheets apply to this pattern (e.g. terms of service are read, not negotiated)."""


class AxisLevel(Strict):
    level: Annotated[int, Field(ge=1, le=3)]
    label: Localized
    when: list[FactValue]
    """Values of the axis's project field that put a project at this level."""
    basis: Basis
    source: Source


class Axis(Item):
    key: Literal["A", "B", "C", "D"]
    title: Localized
    question: Localized
    field: Literal["users", "work", "training_data", "human_review"]
    levels: list[AxisLevel]

    @model_validator(mode="after")
    def _levels_cover_field(self) -> Axis:
        assert self.field in PROJECT_AXIS_FIELDS
        seen: dict[FactValue, int] = {}
        for level in self.levels:
            for value in level.when:
                if value not in FACT_VALUES[self.field]:
                    raise ValueError(
                        f"level {level.level}: {value!r} is not a value of {self.field}"
                    )
                if value in seen:
                    raise ValueError(
                        f"{value!r} is listed at levels {seen[value]} and {level.level}"
                    )
                seen[value] = level.level
        missing = [v for v in FACT_VALUES[self.field] if v not in seen]
        if missing:
            raise ValueError(f"no level for {self.field} = {', '.join(map(str, missing))}")
        numbers = [level.level for level in self.levels]
        if len(set(numbers)) != len(numbers):
            raise ValueError("a level number is listed twice")
        return self


class CombinationRule(Strict):
    """``min_axes`` or more axes at ``min_level`` or above make a project possibly high-risk."""

    id: ItemId
    min_level: Annotated[int, Field(ge=1, le=3)]
    min_axes: Annotated[int, Field(ge=1, le=4)]
    reason: Localized
    basis: Basis
    source: Source


class Combination(Item):
    description: Localized
    possibly_high_risk_when: Annotated[list[CombinationRule], Field(min_length=1)]
    advisory_board: Localized
    """What a possibly high-risk indication asks of the planner and CAIO."""


class CheckpointGroup(Item):
    key: Key
    title: Localized


class Checkpoint(Item):
    number: Annotated[int, Field(ge=1)]
    group: ItemId
    title: Localized
    requirement: Localized
    """Sentence(s) to put into a procurement specification."""
    evidence: list[Localized]
    """What to ask the vendor to submit as proof."""
    include_when: Annotated[list[Condition], Field(min_length=1)]
    safety_perspective: ItemId | None = None


class ContractArea(Item):
    key: Key
    title: Localized
    description: Localized
    supports: list[ItemId] = Field(default_factory=list)


class ContractItem(Item):
    number: Annotated[int, Field(ge=1)]
    area: ItemId
    title: Localized
    check: Localized
    """What the planner confirms in the contract or terms."""
    clause: Localized
    """A draft contract clause."""
    include_when: Annotated[list[Condition], Field(min_length=1)]
    related_checkpoints: list[ItemId] = Field(default_factory=list)


class RuleSection(Strict):
    id: ItemId
    number: str
    title: Localized
    parent: ItemId | None = None


class RuleStatement(Item):
    section: ItemId
    text: dict[Audience, Localized]
    """The statement for each audience; an audience missing here does not get this statement."""
    applies_when: list[Condition] | None = None
    """For a per-system rule: include only when one condition matches (absent = always)."""


class UserRuleTemplate(Strict):
    """Fill-ins available: {organization}, {system_name}, {purpose}, {contact}."""

    title: dict[Literal["ministry", "staff", "citizen"], Localized]
    purpose: dict[Literal["ministry", "staff", "citizen"], Localized]
    contact: Localized


FILL_INS = frozenset({"organization", "system_name", "purpose", "contact"})


def _fill_ins_of(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as broken:
        raise ValueError(f"broken {{fill-in}} in {text[:40]!r}: {broken}") from None


class UserRule(Item):
    title: Localized
    sections: Annotated[list[RuleSection], Field(min_length=1)]
    statements: Annotated[list[RuleStatement], Field(min_length=1)]
    template: UserRuleTemplate

    @model_validator(mode="after")
    def _fill_ins_known(self) -> UserRule:
        texts: list[tuple[str, Localized]] = [("template.contact", self.template.contact)]
        for kind in ("ministry", "staff", "citizen"):
            for part in ("title", "purpose"):
                table = getattr(self.template, part)
                if kind not in table:
                    raise ValueError(f"template.{part}: the {kind!r} text is missing")
                texts.append((f"template.{part}.{kind}", table[kind]))
        for st in self.statements:
            texts += [(f"statements({st.id}).text.{aud}", txt) for aud, txt in st.text.items()]
        for where, text in texts:
            unknown = (_fill_ins_of(text.ja) | _fill_ins_of(text.en)) - FILL_INS
            if unknown:
                raise ValueError(
                    f"{where}: unknown fill-in {sorted(unknown)}; use only {sorted(FILL_INS)}"
                )
        seen: set[str] = set()
        for section in self.sections:
            if section.parent is not None and section.parent not in seen:
                raise ValueError(f"sections({section.id}): list parent {section.parent} before it")
            seen.add(section.id)
        return self


class SafetyPerspective(Item):
    key: Key
    title: Localized
    description: Localized


class RiskCaseCategory(Item):
    key: Key
    title: Localized
    description: Localized
    perspective: ItemId | None = None


class WarningRule(Item):
    severity: Literal["info", "warning", "critical"]
    when: Annotated[list[Match], Field(min_length=1)]
    """Fires when any one match holds."""
    message: Localized
    remedy: Localized
    related: list[ItemId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _values_known(self) -> WarningRule:
        for match in self.when:
            _check_match(match)
        return self


class Pack(Strict):
    """A whole guideline pack, after any overlay is applied."""

    pack: PackInfo
    scope: Scope
    roles: Annotated[list[Role], Field(min_length=1)]
    patterns: Annotated[list[Pattern], Field(min_length=1)]
    axes: Annotated[list[Axis], Field(min_length=4, max_length=4)]
    combination: Combination
    checkpoint_groups: Annotated[list[CheckpointGroup], Field(min_length=1)]
    checkpoints: Annotated[list[Checkpoint], Field(min_length=1)]
    contract_areas: Annotated[list[ContractArea], Field(min_length=1)]
    contract_items: Annotated[list[ContractItem], Field(min_length=1)]
    user_rule: UserRule
    safety_perspectives: list[SafetyPerspective]
    risk_case_categories: Annotated[list[RiskCaseCategory], Field(min_length=1)]
    warnings: list[WarningRule] = Field(default_factory=list)

    @property
    def ref(self) -> str:
        return f"{self.pack.id}@{self.pack.version}"

    def axis(self, key: str) -> Axis:
        return next(axis for axis in self.axes if axis.key == key)

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> Pack:
        # The loader checks references itself, to name the file each broken item came from.
        if info.context and info.context.get("defer_reference_check"):
            return self
        problems = reference_problems(self)
        if problems:
            raise ValueError("; ".join(f"{_dotted(loc)}: {message}" for loc, message in problems))
        return self


Location = tuple[str | int, ...]


def _dotted(loc: Location) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def reference_problems(pack: Pack) -> list[tuple[Location, str]]:
    """Ids that must be unique and references that must resolve, each with the path of the culprit."""
    problems: list[tuple[Location, str]] = []

    def unique(section: str, ids: list[str]) -> set[str]:
        seen: set[str] = set()
        for index, item_id in enumerate(ids):
            if item_id in seen:
                problems.append(((section, index, "id"), f"id {item_id} is listed twice"))
            seen.add(item_id)
        return seen

    if sorted(p.key for p in pack.patterns) != sorted(
        str(v) for v in FACT_VALUES["procurement_pattern"]
    ):
        problems.append(
            (("patterns",), "need exactly one entry per procurement pattern of the project")
        )
    if sorted(axis.key for axis in pack.axes) != ["A", "B", "C", "D"]:
        problems.append((("axes",), "need exactly the axes A, B, C and D"))
    groups = unique("checkpoint_groups", [g.id for g in pack.checkpoint_groups])
    perspectives = unique("safety_perspectives", [p.id for p in pack.safety_perspectives])
    checkpoints = unique("checkpoints", [c.id for c in pack.checkpoints])
    areas = unique("contract_areas", [a.id for a in pack.contract_areas])
    for section in ("contract_items", "roles", "warnings", "risk_case_categories"):
        unique(section, [item.id for item in getattr(pack, section)])
    numbers: set[int] = set()
    for i, cp in enumerate(pack.checkpoints):
        if cp.number in numbers:
            problems.append((("checkpoints", i, "number"), f"number {cp.number} is used twice"))
        numbers.add(cp.number)
        if cp.group not in groups:
            problems.append((("checkpoints", i, "group"), f"unknown group {cp.group}"))
        if cp.safety_perspective and cp.safety_perspective not in perspectives:
            problems.append(
                (
                    ("checkpoints", i, "safety_perspective"),
                    f"unknown perspective {cp.safety_perspective}",
                )
            )
    for i, item in enumerate(pack.contract_items):
        if item.area not in areas:
            problems.append((("contract_items", i, "area"), f"unknown area {item.area}"))
        for ref in item.related_checkpoints:
            if ref not in checkpoints:
                problems.append(
                    (("contract_items", i, "related_checkpoints"), f"unknown checkpoint {ref}")
                )
    for i, area in enumerate(pack.contract_areas):
        for ref in area.supports:
            if ref not in checkpoints:
                problems.append((("contract_areas", i, "supports"), f"unknown checkpoint {ref}"))
    for i, cat in enumerate(pack.risk_case_categories):
        if cat.perspective and cat.perspective not in perspectives:
            problems.append(
                (
                    ("risk_case_categories", i, "perspective"),
                    f"unknown perspective {cat.perspective}",
                )
            )
    sections = {s.id for s in pack.user_rule.sections}
    for i, st in enumerate(pack.user_rule.statements):
        if st.section not in sections:
            problems.append(
                (("user_rule", "statements", i, "section"), f"unknown section {st.section}")
            )
        if not st.text:
            problems.append((("user_rule", "statements", i, "text"), "give at least one audience"))
    return problems
