"""extract_call with a scripted extractor: inline transcripts, transcripts in the record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from activities import extract_call as activity
from errors import ExtractionError, TransientError
from models.analysis import ExtractInput, ExtractResult
from models.call import Segment, Transcript
from models.record import CallRecord, ProcessingMetadata
from tests.activities.fakes import FakeExtractor, FakeRecords, install, user_function

run = user_function(activity.extract_call)
TRANSCRIPT = Transcript(text="Hi, I am Ann from Initech.", language="en", segments=[
    Segment(start=0.0, end=2.0, text="Hi, I am Ann from Initech.", confidence=0.9, speaker="S2")])


def _record(transcript: Transcript | None) -> CallRecord:
    return CallRecord(id="c-1", callId="c-1", status="processing", instanceId="i-1",
                      metadata=ProcessingMetadata(blob_container="calls", blob_name="a.mp3",
                                                  size_bytes=1, content_sha256="a" * 64),
                      transcript=transcript, updatedAt=datetime(2026, 12, 1, tzinfo=UTC))


def _run(monkeypatch: pytest.MonkeyPatch, inp: ExtractInput, engine: FakeExtractor,
         records: FakeRecords | None = None) -> ExtractResult:
    install(monkeypatch, extractor=engine, call_store=records or FakeRecords())
    return ExtractResult.model_validate(run(payload=inp.model_dump(mode="json")))


def test_inline_transcript_is_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = FakeExtractor()
    out = _run(monkeypatch, ExtractInput(call_id="c-1", transcript=TRANSCRIPT), engine)
    assert out.failure is None and out.analysis is not None
    assert engine.seen == [TRANSCRIPT]
    assert (out.engine, out.model, out.prompt_tokens, out.completion_tokens) == (
        "fake", "fake-x", 10, 5)


def test_transcript_is_read_from_the_record_when_passed_by_reference(
        monkeypatch: pytest.MonkeyPatch) -> None:
    engine = FakeExtractor()
    records = FakeRecords({"c-1": _record(TRANSCRIPT)})
    out = _run(monkeypatch, ExtractInput(call_id="c-1", transcript_in_record=True), engine, records)
    assert out.failure is None and engine.seen == [TRANSCRIPT]


def test_record_without_transcript_is_a_permanent_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    records = FakeRecords({"c-1": _record(None)})
    out = _run(monkeypatch, ExtractInput(call_id="c-1", transcript_in_record=True),
               FakeExtractor(), records)
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("The call record holds no transcript")


def test_invalid_model_output_is_a_permanent_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, ExtractInput(call_id="c-1", transcript=TRANSCRIPT),
               FakeExtractor(fail_with=ExtractionError("Extraction failed after 2 attempts: x")))
    assert out.failure is not None
    assert (out.failure.stage, out.failure.reason) == ("extract", "Extraction failed after 2 "
                                                       "attempts: x")


def test_cosmos_outage_is_raised_for_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TransientError):
        _run(monkeypatch, ExtractInput(call_id="c-1", transcript_in_record=True), FakeExtractor(),
             FakeRecords(fail_with=TransientError("Cosmos DB request failed (503)")))


def test_a_bug_in_the_extractor_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, ExtractInput(call_id="c-1", transcript=TRANSCRIPT),
               FakeExtractor(fail_with=ValueError("could not convert string to float: 'x'")))
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("Internal error in the extract step")
    assert "float" not in out.failure.reason
