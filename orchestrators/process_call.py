"""`process_call`: prepare -> transcribe (fan-out / fan-in) -> extract -> persist.

Deterministic: only the input, activity results and `context.current_utc_datetime` are read.
Permanent failures arrive as values (models.Failure); transient ones that outlast their retries
arrive as exceptions. Both are recorded by `mark_failed` and end the orchestration Failed.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import azure.durable_functions as df

from core.roles import assign_roles
from core.stitching import stitch
from models.analysis import ExtractInput, ExtractResult
from models.call import (
    ChunkTranscript,
    CleanupInput,
    Failure,
    PrepareInput,
    PrepareResult,
    ProcessCallInput,
    Stage,
    TranscribeChunkInput,
    TranscribeChunkResult,
    Usage,
)
from models.record import PersistInput
from orchestrators import retry_policies

bp = df.Blueprint()


class CallFailed(Exception):
    """Ends the orchestration Failed after the failure was recorded."""


def _exhausted(stage: Stage, exc: Exception, when: Any) -> Failure:
    reason = str(exc).split("\n")[0].strip() or exc.__class__.__name__
    return Failure(stage=stage, reason=f"{reason} (gave up after retries)", retryable=True, at=when)


@bp.orchestration_trigger(context_name="context")
def process_call(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict]:
    inp = ProcessCallInput.model_validate(context.get_input())
    call = inp.call
    started = context.current_utc_datetime
    record = PersistInput(status="processing", call=call, instance_id=context.instance_id,
                          attempt=inp.attempt, processed_at=started, started_at=started)

    def status(stage: str, **extra: Any) -> None:
        context.set_custom_status({"stage": stage, "callId": call.call_id,
                                   "attempt": inp.attempt, **extra})

    def fail(failure: Failure) -> Generator[Any, Any, None]:
        failure = failure.model_copy(update={"at": failure.at or context.current_utc_datetime})
        status("failed", failedStage=failure.stage, reason=failure.reason)
        failed = record.model_copy(update={"status": "failed", "failure": failure,
                                           "processed_at": context.current_utc_datetime})
        yield context.call_activity_with_retry("mark_failed", retry_policies.PERSIST,
                                               failed.model_dump(mode="json"))
        yield context.call_activity_with_retry("cleanup_chunks", retry_policies.STORAGE,
                                               CleanupInput(call_id=call.call_id).model_dump())
        raise CallFailed(f"{failure.stage}: {failure.reason}")

    status("registering")
    try:
        yield context.call_activity_with_retry("persist_call", retry_policies.PERSIST,
                                               record.model_dump(mode="json"))
    except Exception as exc:
        yield from fail(_exhausted("persist", exc, context.current_utc_datetime))
    if inp.rejection is not None:
        yield from fail(inp.rejection)

    status("preparing")
    try:
        prepared = PrepareResult.model_validate((yield context.call_activity_with_retry(
            "prepare_audio", retry_policies.STORAGE, PrepareInput(call=call).model_dump(mode="json"))))
    except Exception as exc:
        yield from fail(_exhausted("prepare", exc, context.current_utc_datetime))
    if prepared.failure is not None:
        yield from fail(prepared.failure)
    record = record.model_copy(update={"prepare": prepared})

    total = len(prepared.chunks)
    status("transcribing", chunksDone=0, chunksTotal=total)
    t0 = context.current_utc_datetime
    tasks = [context.call_activity_with_retry(
        "transcribe_chunk", retry_policies.SPEECH,
        TranscribeChunkInput(call_id=call.call_id, chunk=chunk).model_dump(mode="json"))
        for chunk in prepared.chunks]
    pending = list(tasks)
    results: list[TranscribeChunkResult] = []
    while pending:
        finished = yield context.task_any(pending)
        pending.remove(finished)
        if isinstance(finished.result, Exception):
            yield from fail(_exhausted("transcribe", finished.result, context.current_utc_datetime))
        result = TranscribeChunkResult.model_validate(finished.result)
        if result.failure is not None:
            yield from fail(result.failure)
        results.append(result)
        status("transcribing", chunksDone=len(results), chunksTotal=total)
    transcripts: list[ChunkTranscript] = [r.transcript for r in results if r.transcript]
    # roles from what is said (pure and deterministic, so safe in the orchestrator): the record
    # shows who the rep and the customer are, and the extractor reads the customer's turns
    transcript = assign_roles(stitch(prepared.chunks, transcripts, prepared.speaker_spans,
                                     prepared.speakers))
    if not transcript.text.strip():
        yield from fail(Failure(stage="transcribe", reason="No speech was recognised in the "
                                "recording (silent or not speech)."))
    engine = results[0].engine if results and results[0].engine else None
    record = record.model_copy(update={
        "transcript": transcript,
        "transcription_engine": engine.engine if engine else "",
        "transcription_model": engine.model if engine else "",
        "transcribe_ms": round((context.current_utc_datetime - t0).total_seconds() * 1000, 1),
        "transcription_usage": Usage(audio_seconds=sum(r.usage.audio_seconds for r in results)),
    })

    status("extracting", chunksDone=total, chunksTotal=total)
    try:
        extracted = ExtractResult.model_validate((yield context.call_activity_with_retry(
            "extract_call", retry_policies.EXTRACTION,
            ExtractInput(call_id=call.call_id, transcript_text=transcript.text).model_dump())))
    except Exception as exc:
        yield from fail(_exhausted("extract", exc, context.current_utc_datetime))
    if extracted.failure is not None:
        yield from fail(extracted.failure)

    status("persisting", chunksDone=total, chunksTotal=total)
    done = record.model_copy(update={"status": "completed", "extract": extracted,
                                     "processed_at": context.current_utc_datetime})
    try:
        yield context.call_activity_with_retry("persist_call", retry_policies.PERSIST,
                                               done.model_dump(mode="json"))
    except Exception as exc:
        yield from fail(_exhausted("persist", exc, context.current_utc_datetime))
    yield context.call_activity_with_retry("cleanup_chunks", retry_policies.STORAGE,
                                           CleanupInput(call_id=call.call_id).model_dump())
    status("completed", chunksDone=total, chunksTotal=total)
    return {"callId": call.call_id, "status": "completed", "chunks": total,
            "durationSeconds": prepared.audio.duration_seconds if prepared.audio else None}
