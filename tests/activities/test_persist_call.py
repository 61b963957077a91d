"""persist_call and mark_failed with an in-memory record store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from activities import persist_call as activity
from errors import TransientError
from models.call import CallRef, Failure, Segment, Transcript
from models.record import PersistInput, PersistResult
from tests.activities.fakes import FakeRecords, install, user_function

persist_call = user_function(activity.persist_call)
mark_failed = user_function(activity.mark_failed)
CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=1,
               content_sha256="a" * 64)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
TRANSCRIPT = Transcript(text="hello", language="en", segments=[
    Segment(start=0.0, end=1.0, text="hello", confidence=0.9)])


def _inp(**kw: object) -> dict:
    base = PersistInput(status="processing", call=CALL, instance_id="i-1", processed_at=NOW)
    return base.model_copy(update=kw).model_dump(mode="json")


def test_registration_then_completion_write_one_record(monkeypatch: pytest.MonkeyPatch) -> None:
    records = FakeRecords()
    install(monkeypatch, call_store=records)
    assert PersistResult.model_validate(persist_call(payload=_inp())) == PersistResult(
        document_id="c-1", status="processing")
    done = PersistResult.model_validate(persist_call(payload=_inp(status="completed",
                                                                  transcript=TRANSCRIPT)))
    assert done == PersistResult(document_id="c-1", status="completed")
    assert records.records["c-1"].status == "completed"
    assert records.records["c-1"].transcript == TRANSCRIPT


def test_a_stored_transcript_is_kept_when_not_passed_again(monkeypatch: pytest.MonkeyPatch) -> None:
    records = FakeRecords()
    install(monkeypatch, call_store=records)
    persist_call(payload=_inp(transcript=TRANSCRIPT))
    persist_call(payload=_inp(status="completed", transcript_stored=True))
    assert records.records["c-1"].transcript == TRANSCRIPT
    assert records.records["c-1"].metadata.language == "en"


def test_mark_failed_records_the_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    records = FakeRecords()
    install(monkeypatch, call_store=records)
    failure = Failure(stage="prepare", reason="The recording is silent.", at=NOW)
    out = PersistResult.model_validate(mark_failed(payload=_inp(status="failed", failure=failure)))
    assert out == PersistResult(document_id="c-1", status="failed")
    assert records.records["c-1"].failure == failure
    assert records.records["c-1"].failureHistory == [failure]


def test_mark_failed_without_a_failure_is_an_internal_error_not_an_assert(
        monkeypatch: pytest.MonkeyPatch) -> None:
    records = FakeRecords()
    install(monkeypatch, call_store=records)
    out = PersistResult.model_validate(mark_failed(payload=_inp(status="completed")))
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("Internal error in the persist step")
    assert records.writes == 0


def test_cosmos_outage_is_raised_for_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, call_store=FakeRecords(fail_with=TransientError("Cosmos DB down")))
    with pytest.raises(TransientError):
        persist_call(payload=_inp())


class MaskingRedactor:
    """Stands in for presidio: masks every word "hello" in the transcript it is given."""

    def redact(self, transcript: Transcript | None, analysis: object, mode: str, keep: object,
               names: object) -> tuple[Transcript | None, object]:
        if transcript is None:
            return None, analysis
        masked = [s.model_copy(update={"text": s.text.replace("hello", "<NAME>")})
                  for s in transcript.segments]
        return transcript.model_copy(update={"text": transcript.text.replace("hello", "<NAME>"),
                                             "segments": masked}), analysis


def test_redaction_masks_a_transcript_stored_by_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long call's transcript is written once while processing (extraction reads it back) and
    not passed again: the final write must still mask it."""
    from settings import get_settings

    monkeypatch.setenv("REDACT_PII", "transcript")
    get_settings.cache_clear()
    records = FakeRecords()
    install(monkeypatch, call_store=records, redactor=MaskingRedactor())
    try:
        persist_call(payload=_inp(transcript=TRANSCRIPT))
        assert records.records["c-1"].transcript == TRANSCRIPT  # extraction still reads it whole
        persist_call(payload=_inp(status="completed", transcript_stored=True))
    finally:
        get_settings.cache_clear()
    stored = records.records["c-1"].transcript
    assert stored is not None and stored.text == "<NAME>"
    assert [s.text for s in stored.segments] == ["<NAME>"]
