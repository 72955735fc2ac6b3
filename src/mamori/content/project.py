"""The project description a planner writes: the input of the finder, the check sheets and the rules."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Users = Literal["staff", "multi_org", "citizens"]
Work = Literal["internal_support", "informs_decisions", "rights_affecting"]
DataClass = Literal["none", "public", "internal", "personal", "confidential"]
HumanReview = Literal["every_output", "sampled", "none"]
ProcurementPattern = Literal[
    "saas-terms", "saas-contract", "custom-build", "fine-tune", "on-premises"
]
ServerLocation = Literal["japan", "abroad", "unknown"]

DATA_CLASS_ORDER: tuple[DataClass, ...] = get_args(DataClass)
"""From least to most sensitive: the order matters for ``data_max``."""

PACK_REF_PATTERN = r"^[a-z0-9][a-z0-9_-]*@[0-9][0-9A-Za-z.]*$"


class Project(BaseModel):
    """One AI project or system, as its planner describes it. More keys than these are welcome and kept."""

    model_config = ConfigDict(
        extra="allow",
        title="mamori project description",
        json_schema_extra={
            "$id": "urn:mamori:schema:project:1",
            "$schema": "https://json-schema.org/draft/2020-12/schema",
        },
    )

    name: Annotated[
        str, Field(min_length=1, description="System or project name / システム名・案件名")
    ]
    organization: Annotated[
        str, Field(min_length=1, description="Ministry, bureau or division / 府省庁・部局・課室")
    ]
    purpose: Annotated[
        str, Field(min_length=1, description="What the system is for / 利用目的（自由記述）")
    ]
    users: Annotated[
        Users,
        Field(
            description="Axis A — who uses it: staff of the organisation, several organisations, or citizens"
        ),
    ]
    work: Annotated[
        Work,
        Field(
            description="Axis B — the character of the work: internal support, informs decisions, affects rights"
        ),
    ]
    training_data: Annotated[
        DataClass,
        Field(
            description="Axis C — the most sensitive data the model is trained, fine-tuned or grounded (RAG) on"
        ),
    ]
    human_review: Annotated[
        HumanReview,
        Field(description="Axis D — whether staff judge the outputs before they are used"),
    ]
    procurement_pattern: Annotated[
        ProcurementPattern, Field(description="How the system is procured / 調達パターン")
    ]
    server_location: Annotated[
        ServerLocation,
        Field(description="Where the model and its data are processed / サーバの所在"),
    ]
    input_data: Annotated[
        DataClass | None,
        Field(
            description="The most sensitive data users are expected to input in prompts (optional)"
        ),
    ] = None
    ismap_listed: Annotated[
        bool | None,
        Field(
            description="Whether the cloud service is on the ISMAP list (optional; SaaS patterns)"
        ),
    ] = None
    vendor: Annotated[str | None, Field(description="Provider (vendor or in-house) / 提供者")] = (
        None
    )
    model: Annotated[str | None, Field(description="Model or service used / 利用モデル")] = None
    examples: Annotated[
        list[str],
        Field(
            description="Typical requests the system is for; the guard compares requests with them / 利用例"
        ),
    ] = []
    contact: Annotated[
        str | None, Field(description="Contact desk for the system's user's rule / 問合せ窓口")
    ] = None
    fiscal_year: Annotated[
        int | None,
        Field(ge=2019, le=2100, description="Fiscal year of procurement (e.g. 2026) / 年度"),
    ] = None
    pack: Annotated[
        str | None,
        Field(
            pattern=PACK_REF_PATTERN,
            description="Guideline pack, e.g. ds920@2.0 (default: the newest)",
        ),
    ] = None
    lang: Annotated[
        Literal["ja", "en"] | None, Field(description="Language of the documents (default ja)")
    ] = None

    def data_max(self) -> DataClass:
        """The most sensitive of the training and the input data."""
        candidates = [self.training_data] + ([self.input_data] if self.input_data else [])
        return max(candidates, key=DATA_CLASS_ORDER.index)
