"""Contracts of the sales team's workspace: queries, list rows, the call view, insights, delete.

JSON answers are written with `model_dump(mode="json", by_alias=True)` (camelCase); either spelling
validates. `CallQuery` refuses unknown fields, so an unknown filter is a clear 400.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field

from models.analysis import CallAnalysis, Intent
from models.base import Contract
from models.call import Failure
from models.correction import CORRECTABLE_FIELDS, CorrectableField, Correction, CorrectionValue
from models.record import CallRecord, CallStatus

__all__ = [
    "CORRECTABLE_FIELDS",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_CHARS",
    "CallListing",
    "CallPage",
    "CallQuery",
    "CallSummary",
    "CallView",
    "CorrectableField",
    "Correction",
    "CorrectionRequest",
    "CorrectionValue",
    "Count",
    "DeleteReport",
    "Insights",
    "Orchestration",
    "SortField",
    "TimeBucket",
    "UploadResult",
]

MAX_PAGE_SIZE = 100
MAX_QUERY_CHARS = 200

SortField = Literal["updatedAt", "callDate", "customer", "company", "durationSeconds", "intent",
                    "status", "budgetAmount"]
StatusFilter = Literal["processing", "running", "completed", "failed"]


class CallQuery(Contract):
    """A filtered, sorted page of calls. `q` finds whole words in the transcript and in the
    extracted fields (corrections applied); filters are case-insensitive exact matches; the date
    range is on the call date (the upload time), both ends inclusive."""

    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(default=None, max_length=MAX_QUERY_CHARS)
    status: StatusFilter | None = None
    intent: Intent | None = None
    product: str | None = Field(default=None, max_length=100)
    country: str | None = Field(default=None, max_length=100)
    region: str | None = Field(default=None, max_length=100)
    city: str | None = Field(default=None, max_length=100)
    date_from: date | None = None
    date_to: date | None = None
    sort: SortField = "updatedAt"
    order: Literal["asc", "desc"] = "desc"
    page_size: int = Field(default=25, ge=1, le=MAX_PAGE_SIZE)
    continuation: str | None = Field(default=None, max_length=8192)


class CallListing(Contract):
    """What list rows, filters, search and sorting read, stored in each call document under
    `listing` (corrections applied) so every list query is one query on one container.

    Display values keep their case; the `*Key` fields are lower-case for exact matching and
    sorting; `terms` are the distinct lower-case words of the transcript and the fields."""

    customer: str | None = None
    company: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    intent: Intent | None = None
    intent_rank: int = -1
    budget_amount: float | None = None
    budget_currency: str | None = None
    call_date: datetime | None = None
    duration_seconds: float | None = None
    customer_key: str | None = None
    company_key: str | None = None
    city_key: str | None = None
    region_key: str | None = None
    country_key: str | None = None
    product_keys: list[str] = Field(default_factory=list)
    day: str | None = None
    terms: list[str] = Field(default_factory=list)
    corrected: list[str] = Field(default_factory=list)


class CallSummary(Contract):
    """One row of the list."""

    call_id: str
    blob_name: str
    status: CallStatus
    stage: str | None = None
    chunks_done: int | None = None
    chunks_total: int | None = None
    customer: str | None = None
    company: str | None = None
    place: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    products: list[str] = Field(default_factory=list)
    intent: Intent | None = None
    budget: str | None = None
    budget_amount: float | None = None
    budget_currency: str | None = None
    call_date: datetime | None = None
    duration_seconds: float | None = None
    updated_at: datetime | None = None
    attempts: int = 1
    failure: Failure | None = None
    corrected: list[str] = Field(default_factory=list)


class CallPage(Contract):
    items: list[CallSummary]
    continuation: str | None = None


class Orchestration(Contract):
    """The orchestration of the latest attempt, as the Durable client reports it."""

    instance_id: str
    runtime_status: str | None = None
    custom_status: Any = None
    created_time: datetime | None = None
    last_updated_time: datetime | None = None


class CallView(Contract):
    """One call: the stored record (its `analysis` is what the engine extracted), the analysis
    with the corrections applied, the corrections themselves, and the orchestration's status."""

    record: CallRecord
    analysis: CallAnalysis | None = None
    corrections: list[Correction] = Field(default_factory=list)
    corrected: list[str] = Field(default_factory=list)
    orchestration: Orchestration | None = None
    attempt_instance_ids: list[str] = Field(default_factory=list)
    audio_url: str | None = None


class CorrectionRequest(Contract):
    """The body of POST /api/v1/calls/{id}/corrections."""

    model_config = ConfigDict(extra="forbid")

    field: CorrectableField
    value: CorrectionValue
    by: str = Field(min_length=1, max_length=200)


class Count(Contract):
    key: str
    count: int


class TimeBucket(Contract):
    start: date
    end: date
    count: int


class Insights(Contract):
    """Aggregates over the calls that match a query (its paging and sorting ignored)."""

    total: int
    by_status: list[Count]
    calls_over_time: list[TimeBucket]
    bucket: Literal["day", "week", "month"]
    intent_mix: list[Count]
    top_products: list[Count]
    top_places: list[Count]
    failures_by_stage: list[Count]
    processing_ms_median: float | None = None
    processing_ms_p95: float | None = None
    cost_per_call: float | None = None
    cost_total: float = 0.0
    facet_sample: int = 0
    queries: int = 0


class DeleteReport(Contract):
    call_id: str
    actor: str
    recording_deleted: bool = False
    chunks_deleted: int = 0
    record_deleted: bool = False
    instances_purged: list[str] = Field(default_factory=list)
    at: datetime | None = None


class UploadResult(Contract):
    call_id: str
    blob_name: str
    size_bytes: int
