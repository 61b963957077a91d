"""What a sales team acts on, extracted from a call. Every field carries the quote it came from."""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import Field

from models.base import Contract
from models.call import Failure, Transcript

T = TypeVar("T")


class Evidence(Contract, Generic[T]):
    """A value with the transcript quote that supports it, so a person can check it."""

    value: T
    quote: str = Field(description="verbatim words from the transcript that support the value")


class Location(Contract):
    city: str | None = None
    region: str | None = None
    country: str | None = None


class Budget(Contract):
    amount: float | None = None
    currency: str | None = None
    as_said: str = Field(description="the budget as the customer said it")


Intent = Literal["high", "medium", "low", "none"]
Sentiment = Literal["positive", "neutral", "negative"]


class CallAnalysis(Contract):
    customer_name: Evidence[str] | None = None
    company: Evidence[str] | None = None
    location: Evidence[Location] | None = None
    products_of_interest: list[Evidence[str]] = Field(default_factory=list)
    budget: Evidence[Budget] | None = None
    timeline: Evidence[str] | None = None
    contact_email: Evidence[str] | None = None
    contact_phone: Evidence[str] | None = None
    buying_intent: Evidence[Intent] = Field(
        default_factory=lambda: Evidence[Intent](value="none", quote=""))
    sentiment: Sentiment = "neutral"
    summary: str = ""
    next_steps: list[str] = Field(default_factory=list)


class ExtractInput(Contract):
    """The whole transcript (segments with speakers, `speakers`), inline while small; above the
    orchestrator's inline limit it is stored in the call record first and `transcript` is None
    (`transcript_in_record`), so the history does not carry it once more."""

    call_id: str
    transcript: Transcript | None = None
    transcript_in_record: bool = False


class ExtractResult(Contract):
    analysis: CallAnalysis | None = None
    failure: Failure | None = None
    engine: str = ""
    model: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    duration_ms: float = 0.0
