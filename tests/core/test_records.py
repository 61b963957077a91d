from datetime import UTC, datetime, timedelta
from typing import Any

from core.ids import instance_id_for
from core.records import build_record, instance_ids
from models.analysis import CallAnalysis, ExtractResult
from models.call import CallRef, Failure, PrepareResult, Transcript
from models.record import PersistInput

T0 = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=10,
               content_sha256="a" * 64, extension=".mp3")


def _inp(status: str, **kw: Any) -> PersistInput:
    return PersistInput(status=status, call=CALL, instance_id="i-1", processed_at=T0,  # type: ignore[arg-type]
                        started_at=T0 - timedelta(seconds=5), **kw)


def test_registration_then_completion() -> None:
    reg = build_record(_inp("processing"), None, T0)
    assert reg.status == "processing" and reg.id == reg.callId == "c-1"
    done = build_record(_inp("completed", prepare=PrepareResult(), transcript=Transcript(
        text="hi", segments=[]), extract=ExtractResult(analysis=CallAnalysis(), engine="local",
                                                        model="m", prompt_tokens=3)), reg, T0)
    assert done.status == "completed" and done.analysis is not None
    assert done.metadata.usage.prompt_tokens == 3 and done.metadata.timings.total_ms == 5000.0


def test_failures_are_kept_once_across_attempts() -> None:
    f1 = Failure(stage="prepare", reason="bad audio", at=T0)
    failed = build_record(_inp("failed", failure=f1), None, T0)
    again = build_record(_inp("failed", failure=f1), failed, T0)  # a retried mark_failed
    assert again.failureHistory == [f1] and again.failure == f1
    replay = build_record(_inp("processing", attempt=2), again, T0)
    assert replay.status == "processing" and replay.failure is None
    assert replay.attempts == 2 and replay.failureHistory == [f1]


def test_a_failed_record_keeps_the_transcript_made_before_the_failure() -> None:
    transcript = Transcript(text="hello there", segments=[])
    failed = build_record(_inp("failed", transcript=transcript,
                               failure=Failure(stage="extract", reason="no deployment", at=T0)),
                          None, T0)
    assert failed.transcript == transcript and failed.analysis is None
    assert build_record(_inp("processing", attempt=2), failed, T0).transcript is None


def test_late_registration_does_not_hide_a_completed_record() -> None:
    done = build_record(_inp("completed", extract=ExtractResult(analysis=CallAnalysis())), None, T0)
    assert build_record(_inp("processing"), done, T0) == done


def test_an_overwritten_recording_keeps_the_instances_of_its_earlier_content() -> None:
    first = [instance_id_for("c-1", "a" * 64, a) for a in (1, 2)]
    old = build_record(_inp("failed", failure=Failure(stage="extract", reason="x", at=T0)),
                       None, T0).model_copy(update={"attempts": 2, "instanceId": first[1]})
    assert instance_ids(old) == first
    new_call = CALL.model_copy(update={"content_sha256": "b" * 64})
    current = instance_id_for("c-1", "b" * 64)
    reg = build_record(PersistInput(status="processing", call=new_call, instance_id=current,
                                    processed_at=T0), old, T0)
    assert reg.earlierInstanceIds == first
    again = build_record(PersistInput(status="completed", call=new_call, instance_id=current,
                                      processed_at=T0, attempt=1), reg, T0)
    assert again.earlierInstanceIds == first  # the same content again adds nothing
    assert instance_ids(again) == [*first, current]
    back = build_record(_inp("processing").model_copy(update={"instance_id": first[0]}),
                        again, T0)  # the first content uploaded again: attempt 1 once more
    assert back.attempts == 1
    assert instance_ids(back) == [first[1], current, first[0]]


def test_cost_of_a_cloud_call() -> None:
    from core.costs import Prices, call_cost
    from models.call import Usage
    from models.record import Engines

    record = build_record(_inp("completed"), None, T0)
    record.metadata.usage = Usage(prompt_tokens=1_000_000, completion_tokens=500_000,
                                  audio_seconds=600)
    assert call_cost(record, Prices()) == 0.0  # local engines cost nothing per call
    record.metadata.engines = Engines(transcription_engine="openai", extraction_engine="openai")
    assert abs(call_cost(record, Prices(0.006, 0.15, 0.60)) - (0.06 + 0.15 + 0.30)) < 1e-9
