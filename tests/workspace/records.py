"""Hand-made call records with known values, for the workspace's tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from models.analysis import Budget, CallAnalysis, Evidence, Location
from models.call import AudioInfo, Failure, Segment, Transcript, Usage
from models.record import CallRecord, Engines, ProcessingMetadata, StageTimings


def record(call_id: str, *, status: str = "completed", day: int = 1, customer: str | None = None,
           company: str | None = None, place: tuple[str, str, str] | None = None,
           products: tuple[str, ...] = (), intent: str = "none", budget: float | None = None,
           currency: str | None = "USD", text: str = "", duration: float = 60.0,
           total_ms: float = 10_000, failure_stage: str | None = None,
           engines: Engines | None = None, usage: Usage | None = None) -> CallRecord:
    analysis = None
    if status == "completed":
        analysis = CallAnalysis(
            customer_name=Evidence(value=customer, quote=f"this is {customer}") if customer
            else None,
            company=Evidence(value=company, quote=f"from {company}") if company else None,
            location=Evidence(value=Location(city=place[0], region=place[1], country=place[2]),
                              quote=f"in {place[0]}") if place else None,
            products_of_interest=[Evidence(value=p, quote=f"the {p}") for p in products],
            budget=Evidence(value=Budget(amount=budget, currency=currency, as_said=f"{budget}"),
                            quote=f"{budget}") if budget is not None else None,
            buying_intent=Evidence[Any](value=intent, quote="intent"))
    when = datetime(2026, 11, day, 10, 0, tzinfo=UTC)
    return CallRecord(
        id=call_id, callId=call_id, status=status,  # type: ignore[arg-type]
        instanceId=f"{call_id}-000000000000",
        failure=Failure(stage=failure_stage, reason="broken", retryable=False)  # type: ignore[arg-type]
        if failure_stage else None,
        metadata=ProcessingMetadata(
            blob_container="calls", blob_name=f"{call_id}.mp3", size_bytes=1000,
            content_sha256="0" * 64,
            audio=AudioInfo(container_format="mp3", codec="mp3", channels=1, sample_rate=16000,
                            duration_seconds=duration),
            timings=StageTimings(total_ms=total_ms), engines=engines or Engines(),
            usage=usage or Usage(), call_date=when),
        analysis=analysis,
        transcript=Transcript(text=text, segments=[Segment(start=0, end=duration, text=text,
                                                           confidence=0.9)])
        if text else None,
        updatedAt=when)


def fixture_records() -> list[CallRecord]:
    """Seven calls from 2 to 7 November 2026 (values in the tests' expectations)."""
    return [
        record("r1", day=2, customer="Maria Lopez", company="Acme",
               place=("Austin", "TX", "US"), products=("Analytics Dashboard", "Route Optimizer"),
               intent="high", budget=25000, text="We need the dashboard by March.",
               duration=120, total_ms=30_000,
               engines=Engines(transcription_engine="openai", extraction_engine="openai"),
               usage=Usage(prompt_tokens=1000, completion_tokens=200, audio_seconds=120)),
        record("r2", day=3, customer="Daniel Kim", company="Brightside",
               place=("Seattle", "WA", "US"), products=("Data Export Module",), intent="medium",
               budget=10000, text="We export to spreadsheets every week.", duration=300,
               total_ms=50_000),
        record("r3", day=5, customer="Hank Scorpio", company="Globex",
               place=("Toronto", "ON", "CA"), products=("Analytics Dashboard",), intent="low",
               text="Just looking at dashboards for now.", duration=30, total_ms=8_000),
        record("r4", day=5, customer="Anna Berg", company="Northwind",
               place=("Austin", "TX", "US"), products=("Route Optimizer",), intent="none",
               text="Not interested in routes this year.", duration=200, total_ms=400_000),
        record("r5", status="failed", day=6, failure_stage="transcribe"),
        record("r6", status="failed", day=7, failure_stage="prepare"),
        record("r7", status="processing", day=7),
    ]
