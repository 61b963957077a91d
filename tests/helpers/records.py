"""Call records as the pipeline writes them, built from the scripted calls (tests/helpers/calls.py),
for the workspace's unit tests: what the engine would extract, with quotes from the transcript."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from models.analysis import Budget, CallAnalysis, Evidence, Location
from models.call import AudioInfo, Failure, Segment, Speaker, Transcript
from models.record import CallRecord, Engines, ProcessingMetadata, StageTimings
from tests.helpers.calls import CALLS, CallScript

T0 = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)


def transcript(script: CallScript, speakers: bool = False) -> Transcript:
    segments, t = [], 0.0
    for i, line in enumerate(script.lines):
        length = 1.5 + len(line.split()) * 0.33
        segments.append(Segment(start=round(t, 2), end=round(t + length, 2), text=line,
                                confidence=0.9,
                                speaker=("S1" if i % 2 == 0 else "S2") if speakers else None))
        t += length + 0.6
    roles = [Speaker(label="S1", role="customer", cue="names the company"),
             Speaker(label="S2", role="rep", cue="asks the questions")] if speakers else []
    return Transcript(text=script.text, segments=segments, language="en", confidence=0.9,
                      speakers=roles)


def acme_record(status: str = "completed", speakers: bool = False) -> CallRecord:
    script = CALLS[0]
    analysis = CallAnalysis(
        customer_name=Evidence[str](value="Maria Lopez", quote="this is Maria Lopez"),
        company=Evidence[str](value="Acme Logistics", quote="Maria Lopez from Acme Logistics"),
        location=Evidence[Location](value=Location(city="Denver", region="Colorado",
                                                   country="United States"),
                                    quote="in Denver, Colorado"),
        products_of_interest=[
            Evidence[str](value="fleet tracking software", quote="your fleet tracking software"),
            Evidence[str](value="premium support plan", quote="the premium support plan")],
        budget=Evidence[Budget](value=Budget(amount=25000, currency="USD",
                                             as_said="twenty five thousand dollars"),
                                quote="Our budget is about twenty five thousand dollars"),
        timeline=Evidence[str](value="next quarter", quote="we want to start next quarter"),
        contact_email=Evidence[str](value="maria.lopez@acme.com",
                                    quote="maria dot lopez at acme dot com"),
        buying_intent=Evidence(value="high", quote="Please send me a proposal."),
        summary="Acme Logistics wants fleet tracking and premium support next quarter.",
        next_steps=["Send a proposal"])
    failure = Failure(stage="extract", reason="The product catalog is missing.", retryable=True,
                      at=T0) if status == "failed" else None
    return CallRecord(
        id="c-acme", callId="c-acme", status=status,  # type: ignore[arg-type]
        instanceId="c-acme-i1", attempts=1, failure=failure,
        failureHistory=[failure] if failure else [],
        metadata=ProcessingMetadata(
            blob_container="calls", blob_name="maria-lopez-acme.mp3", size_bytes=412_000,
            content_sha256="0" * 64,
            audio=AudioInfo(container_format="mp3", codec="mp3", channels=1, sample_rate=16000,
                            duration_seconds=24.6),
            chunk_count=1, language="en",
            engines=Engines(transcription_engine="local", transcription_model="whisper-tiny.en",
                            extraction_engine="local", extraction_model="rules"),
            timings=StageTimings(prepare_ms=210, transcribe_ms=2400, extract_ms=800,
                                 total_ms=3600),
            call_date=T0, processed_at=T0 + timedelta(seconds=4)),
        analysis=analysis if status == "completed" else None,
        transcript=transcript(script, speakers) if status != "processing" else None,
        updatedAt=T0 + timedelta(seconds=4))
