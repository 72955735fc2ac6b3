"""Typed models of the guard's data: recognisers, lexicons and policies (``data/screening/``)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Literal, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

from mamori.content.models import Localized, Match, _check_match
from mamori.content.validation import custom_error

EntityName = Literal[
    "MY_NUMBER",
    "CORPORATE_NUMBER",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "POSTAL_CODE",
    "ADDRESS",
    "PERSON",
    "DATE_OF_BIRTH",
    "CREDIT_CARD",
    "BANK_ACCOUNT",
    "PASSPORT_NUMBER",
    "DRIVERS_LICENSE",
    "IP_ADDRESS",
    "SECRET",
    "CLASSIFICATION_MARKING",
    "HARMFUL",
    "PROMPT_INJECTION",
    "OUT_OF_SCOPE",
]
Action = Literal["block", "redact", "flag", "allow"]
RecognizerId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
Score = Annotated[float, Field(ge=0.0, le=1.0)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(Strict):
    """Words near a candidate that raise (or, for ``negative``, lower) confidence."""

    words: Annotated[list[str], Field(min_length=1)]
    window: Annotated[int, Field(ge=1, le=200)] = 30
    """Characters before the match (and ``after`` characters after it) to look in."""
    after: Annotated[int, Field(ge=0, le=200)] = 10
    boost: Annotated[float, Field(ge=-1.0, le=1.0)] = 0.3
    required: bool = False
    """Without a context word the candidate is dropped."""


class PatternSpec(Strict):
    id: RecognizerId
    regex: str
    """Python ``re`` syntax, matched on the NFKC-normalised text. ``{{lexicon}}`` expands to a lexicon."""
    score: Score
    group: Annotated[int, Field(ge=0)] = 0
    """The capture group that is the finding (0 = the whole match), e.g. the number after a label."""
    level: Annotated[int, Field(ge=1, le=3)] | None = None
    """For CLASSIFICATION_MARKING: the level this marking stands for; a group named ``level`` wins."""
    ignore_case: bool = False
    requires: list[str] = Field(default_factory=list)
    """Run this pattern only when one of these strings (lower case) is in the text."""


class PatternRecognizer(Strict):
    """Regex candidates, then an optional validator, then context words adjust the score."""

    kind: Literal["pattern"] = "pattern"
    id: RecognizerId
    entity: EntityName
    patterns: Annotated[list[PatternSpec], Field(min_length=1)]
    validator: str | None = None
    context: Context | None = None
    negative_context: Context | None = None
    needs: Literal["digit", "ascii_letter", "any"] = "any"
    """A cheap pre-check: skip the recogniser when the text has no digit (or no ASCII letter)."""
    requires: list[str] = Field(default_factory=list)
    """Another pre-check: run only when one of these strings (lower case) is in the text."""
    description: Localized


class NameDictionary(Strict):
    """A dictionary of Japanese personal names (SudachiDict, a PyPI package) for the surnames and
    given names the recogniser's own lexicons lack. It only widens what counts as a surname or a
    given name; the recogniser's clues (labels, honorifics, titles …) stay what they are."""

    edition: Literal["small", "core", "full"] = "small"
    """SudachiDict edition; ``sudachidict-<edition>`` must be installed (mamori depends on small)."""
    surname_lengths: tuple[Annotated[int, Field(ge=1)], Annotated[int, Field(le=8)]] = (2, 4)
    """Kanji only, from … to … characters (one-kanji surnames are too often ordinary words)."""
    given_name_lengths: tuple[Annotated[int, Field(ge=1)], Annotated[int, Field(le=8)]] = (1, 3)
    skip_common_nouns: bool = True
    """A word the dictionary also knows as a common noun (真壁, 入口, 絵本) is not taken as a name."""


class PersonRecognizer(Strict):
    """Japanese and Latin-script names: surname lexicon, honorifics, labels such as 氏名."""

    kind: Literal["person"]
    id: RecognizerId
    entity: Literal["PERSON"] = "PERSON"
    surnames: str
    """Lexicon id of surnames (kanji)."""
    honorifics: str
    labels: str
    stop_words: str
    """Lexicon id of words that look like names but are not (地名, 組織名 …)."""
    latin_titles: str
    places: list[str] = Field(default_factory=list)
    """Lexicon ids of places (prefectures, cities) whose names are surnames too: without their
    suffix (福岡, 千葉) they are not taken for the subject of 「…が担当」."""
    dictionary: NameDictionary | None = None
    """Surnames and given names beyond the lexicons; none: the lexicons alone."""
    scores: dict[
        Literal["label", "honorific", "surname_given", "latin_title", "latin_label"], Score
    ]
    description: Localized


class ComposedRule(Strict):
    """A sentence that asks for something harmful: one of ``actions`` (what is harmful to do or
    obtain), one of ``also`` when given, and, when ``asks`` is given, one of those (a request: 教えて, how do I, write …), and none
    of ``unless`` (the frame of an administrative text: 対策, 相談窓口, prevention …). Words match
    case-insensitively on the normalised text; the finding is the sentence."""

    actions: Annotated[list[str], Field(min_length=1)]
    also: list[str] = Field(default_factory=list)
    """When given, one of these must occur in the sentence too (a minor *and* sexual content)."""
    asks: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)


class LexiconCategory(Strict):
    id: RecognizerId
    title: Localized
    terms: list[str] = Field(default_factory=list)
    """Literal words or phrases (matched case-insensitively on the normalised text)."""
    patterns: list[str] = Field(default_factory=list)
    composed: list[ComposedRule] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    """The category's terms and patterns are not reported in a sentence holding one of these
    (「窓口で『死にたい』と話す住民への対応」 is about a resident, not a statement)."""
    score: Score


class LexiconRecognizer(Strict):
    """Categories of words and patterns: harmful requests and outputs, prompt injection."""

    kind: Literal["lexicon"]
    id: RecognizerId
    entity: Literal["HARMFUL", "PROMPT_INJECTION"]
    categories: Annotated[list[LexiconCategory], Field(min_length=1)]
    description: Localized


class ScopeRecognizer(Strict):
    """A request far from the system's purpose and examples (character n-gram similarity)."""

    kind: Literal["scope"]
    id: RecognizerId
    entity: Literal["OUT_OF_SCOPE"] = "OUT_OF_SCOPE"
    ngram: Annotated[int, Field(ge=1, le=5)] = 2
    min_length: Annotated[int, Field(ge=1)] = 8
    generic_phrases: list[str] = Field(default_factory=list)
    """Politeness and format words (お願いします, 箇条書き): removed before comparing, as they say
    nothing about what the request is about."""
    request_chars: Annotated[int, Field(ge=1)] = 200
    """How much of the first and last lines is taken as the request itself."""
    description: Localized


def _kind(value: object) -> str:
    """``kind`` may be left out for the common case, a pattern recogniser."""
    if isinstance(value, dict):
        return str(value.get("kind", "pattern"))
    return str(getattr(value, "kind", "pattern"))


Recognizer = Annotated[
    Annotated[PatternRecognizer, Tag("pattern")]
    | Annotated[PersonRecognizer, Tag("person")]
    | Annotated[LexiconRecognizer, Tag("lexicon")]
    | Annotated[ScopeRecognizer, Tag("scope")],
    Discriminator(_kind),
]


class RecognizerFile(Strict):
    """One file of ``data/screening/recognizers/``: a detector family."""

    family: RecognizerId
    recognizers: Annotated[list[Recognizer], Field(min_length=1)]


class Lexicon(Strict):
    """``data/screening/lexicons/<id>.yaml``: a list of entries with its source."""

    id: RecognizerId
    description: Localized
    source: str
    entries: Annotated[list[Annotated[str, StringConstraints(min_length=1)]], Field(min_length=1)]


REQUEST_ONLY_TYPES = frozenset({"OUT_OF_SCOPE"})
"""Types that judge what a user asks, not what a model answers: an answer is not a use of the
system, and a summary or translation may share few words with the purpose however well it serves
it. The guard does not look for them in output, so a policy gives them no output action."""


def no_output_action_for_request_only_types(value: dict[str, Action]) -> dict[str, Action]:
    judged_on_requests = sorted(set(value) & REQUEST_ONLY_TYPES)
    if judged_on_requests:
        raise custom_error(
            "output_request_only",
            "{types} is judged on requests only, never on answers: remove it from output_actions"
            " (its action goes under actions)",
            types=", ".join(judged_on_requests),
        )
    return value


class PolicyRule(Strict):
    """Why a policy setting is what it is: the rule statement or checkpoint it enforces."""

    id: str
    enforces: list[str]
    types: list[EntityName] = Field(default_factory=list)
    """The finding types whose handling this rule set."""
    reason: Localized


def _default_thresholds() -> dict[EntityName | Literal["default"], float]:
    return {"default": 0.5}


class Policy(Strict):
    """What the guard does with each kind of finding. Anything not stated is blocked (fail closed)."""

    id: RecognizerId
    description: Localized
    detectors: list[RecognizerId] | Literal["all"] = "all"
    default_action: Action = "block"
    actions: dict[EntityName, Action] = Field(default_factory=dict)
    output_actions: dict[EntityName, Action] = Field(default_factory=dict)
    """Actions for a model's answer; a type not listed here takes its input action."""
    thresholds: dict[EntityName | Literal["default"], Score] = Field(
        default_factory=_default_thresholds
    )
    max_classification_level: Annotated[int, Field(ge=0, le=3)] = 0
    """Markings up to this level are allowed (機密性1 = 1); 0 allows none."""
    purpose: str = ""
    examples: list[str] = Field(default_factory=list)
    out_of_scope_threshold: Score = 0.1
    restore_placeholders: bool = True
    rules: list[PolicyRule] = Field(default_factory=list)

    @field_validator("output_actions")
    @classmethod
    def _output_actions(cls, value: dict[str, Action]) -> dict[str, Action]:
        return no_output_action_for_request_only_types(value)

    @field_validator("thresholds")
    @classmethod
    def _default_threshold(cls, value: dict[str, float]) -> dict[str, float]:
        if "default" not in value:
            raise custom_error("default_threshold", "give a 'default' threshold")
        return value

    def action_for(self, entity: str, *, output: bool = False) -> Action:
        if output and entity in self.output_actions:
            return cast(Mapping[str, Action], self.output_actions)[entity]
        return cast(Mapping[str, Action], self.actions).get(entity, self.default_action)

    def threshold_for(self, entity: str) -> float:
        thresholds = cast(Mapping[str, float], self.thresholds)
        return thresholds.get(entity, thresholds["default"])


class DerivationRule(Strict):
    """A change to a system's policy when its project matches, citing what it enforces."""

    id: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")]
    when: Annotated[list[Match], Field(min_length=1)]
    actions: dict[EntityName, Action] = Field(default_factory=dict)
    output_actions: dict[EntityName, Action] = Field(default_factory=dict)
    max_classification_level: Annotated[int, Field(ge=0, le=3)] | None = None
    thresholds: dict[EntityName, Score] = Field(default_factory=dict)
    enforces: Annotated[list[str], Field(min_length=1)]
    """Ids in the guideline pack (UR-03, PROC-16, WARN-…): checked to exist at load."""
    reason: Localized

    @field_validator("output_actions")
    @classmethod
    def _output_actions(cls, value: dict[str, Action]) -> dict[str, Action]:
        return no_output_action_for_request_only_types(value)

    @model_validator(mode="after")
    def _values_known(self) -> DerivationRule:
        for match in self.when:
            _check_match(match)
        return self


class Derivation(Strict):
    """``data/screening/derivation.yaml``: from a project description to its system's policy."""

    base_policy: RecognizerId
    rules: Annotated[list[DerivationRule], Field(min_length=1)]


def expand_lexicons(regex: str, lexicons: dict[str, list[str]]) -> str:
    """Replace ``{{name}}`` with an alternation of the lexicon's entries, longest first."""

    def alternation(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in lexicons:
            raise ValueError(f"unknown lexicon {{{{{name}}}}}")
        entries = sorted(lexicons[name], key=len, reverse=True)
        return "(?:" + "|".join(re.escape(e) for e in entries) + ")"

    return re.sub(r"\{\{([a-z][a-z0-9-]*)\}\}", alternation, regex)
