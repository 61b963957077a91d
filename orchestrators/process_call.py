"""`process_call`: register -> prepare -> transcribe (fan-out / fan-in) -> extract -> persist.

Deterministic: only the input, activity results and `context.current_utc_datetime` are read.
Every step goes through `CallFlow.step`: the activity with its retry policy; a permanent failure
comes back as a value (`failure` on the result), a transient one that outlasts its retries as an
exception; both are recorded by `mark_failed` and end the orchestration Failed. Removing the
chunk files (`cleanup_chunks`) never fails a call: a cleanup that fails is logged and its files are
left to a later cleanup (the work container's retention).

A long call's stitched transcript is stored in the call record once (a `persist_call` of the
"processing" record) and the extract and final persist inputs refer to it, instead of carrying it
through the history twice more (`INLINE_TRANSCRIPT_MAX_BYTES`).
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from datetime import datetime
from typing import Any, NoReturn, TypeVar

import azure.durable_functions as df

from core.roles import assign_roles
from core.stitching import stitch
from models.analysis import ExtractInput, ExtractResult
from models.base import Contract
from models.call import (
    CleanupInput,
    CleanupResult,
    Failure,
    PrepareInput,
    PrepareResult,
    ProcessCallInput,
    Stage,
    TranscribeChunkInput,
    TranscribeChunkResult,
    Usage,
)
from models.record import PersistInput, PersistResult
from orchestrators import retry_policies

bp = df.Blueprint()
log = logging.getLogger("call-insights")

INLINE_TRANSCRIPT_MAX_BYTES = 32_000
"""Above this (the transcript as JSON), it is stored in the record and passed by reference:
about 13 minutes of speech at the 2.4 KB per minute measured by `python -m scripts.history_size`
(README, Reliability)."""

R = TypeVar("R", PrepareResult, TranscribeChunkResult, ExtractResult, PersistResult)
Steps = Generator[Any, Any, R]


class CallFailed(Exception):
    """Ends the orchestration Failed after the failure was recorded."""


def exhausted(stage: Stage, exc: Exception, when: datetime) -> Failure:
    """The failure of a step whose transient errors outlasted its retry policy."""
    reason = str(exc).split("\n")[0].strip() or exc.__class__.__name__
    return Failure(stage=stage, reason=f"{reason} (gave up after retries)", retryable=True, at=when)


class CallFlow:
    """One call's orchestration state: the record so far, status updates, steps and failure."""

    def __init__(self, context: df.DurableOrchestrationContext, inp: ProcessCallInput) -> None:
        self.context, self.inp, self.call = context, inp, inp.call
        started = context.current_utc_datetime
        self.record = PersistInput(status="processing", call=inp.call,
                                   instance_id=context.instance_id, attempt=inp.attempt,
                                   processed_at=started, started_at=started)

    def status(self, stage: str, **extra: Any) -> None:
        self.context.set_custom_status({"stage": stage, "callId": self.call.call_id,
                                        "attempt": self.inp.attempt, **extra})

    def step(self, activity: str, policy: df.RetryOptions, payload: Contract, stage: Stage,
             result: type[R]) -> Steps[R]:
        """Call `activity` with retries; its result, or the failure recorded (raises CallFailed)."""
        try:
            raw = yield self.context.call_activity_with_retry(activity, policy,
                                                              payload.model_dump(mode="json"))
        except Exception as exc:
            raw = exc
        return (yield from self.settle(stage, result, raw))

    def settle(self, stage: Stage, result: type[R], raw: Any) -> Steps[R]:
        """A finished activity's outcome: its result, or (exception or failure value) the end."""
        if isinstance(raw, Exception):
            yield from self.fail(exhausted(stage, raw, self.context.current_utc_datetime))
        out = result.model_validate(raw)
        if out.failure is not None:
            yield from self.fail(out.failure)
        return out

    def fail(self, failure: Failure) -> Generator[Any, Any, NoReturn]:
        now = self.context.current_utc_datetime
        failure = failure.model_copy(update={"at": failure.at or now})
        self.status("failed", failedStage=failure.stage, reason=failure.reason)
        failed = self.record.model_copy(update={"status": "failed", "failure": failure,
                                                "processed_at": now})
        yield self.context.call_activity_with_retry("mark_failed", retry_policies.PERSIST,
                                                    failed.model_dump(mode="json"))
        if not failure.retryable:  # a rewind of a retryable failure may need the chunk files
            yield from self.cleanup()
        raise CallFailed(f"{failure.stage}: {failure.reason}")

    def cleanup(self) -> Generator[Any, Any, bool]:
        """Remove the chunk files; whether that worked. Never a reason to fail the call."""
        try:
            raw = yield self.context.call_activity_with_retry(
                "cleanup_chunks", retry_policies.STORAGE,
                CleanupInput(call_id=self.call.call_id).model_dump(mode="json"))
        except Exception as exc:
            reason = str(exc).split("\n")[0].strip() or exc.__class__.__name__
        else:
            out = CleanupResult.model_validate(raw)
            if out.failure is None:
                return True
            reason = out.failure.reason
        if not self.context.is_replaying:
            log.warning("Chunk files of call %s were not removed (%s); they are left to the work "
                        "container's retention", self.call.call_id, reason)
        return False


@bp.orchestration_trigger(context_name="context")
def process_call(context: df.DurableOrchestrationContext) -> Generator[Any, Any, dict[str, Any]]:
    inp = ProcessCallInput.model_validate(context.get_input())
    flow = CallFlow(context, inp)
    call = inp.call

    flow.status("registering")
    yield from flow.step("persist_call", retry_policies.PERSIST, flow.record, "persist",
                         PersistResult)
    if inp.rejection is not None:
        yield from flow.fail(inp.rejection)

    flow.status("preparing")
    prepared = yield from flow.step("prepare_audio", retry_policies.STORAGE,
                                    PrepareInput(call=call), "prepare", PrepareResult)
    flow.record = flow.record.model_copy(update={"prepare": prepared})

    total = len(prepared.chunks)
    flow.status("transcribing", chunksDone=0, chunksTotal=total)
    t0 = context.current_utc_datetime
    pending = [context.call_activity_with_retry(
        "transcribe_chunk", retry_policies.SPEECH,
        TranscribeChunkInput(call_id=call.call_id, chunk=chunk).model_dump(mode="json"))
        for chunk in prepared.chunks]
    results: list[TranscribeChunkResult] = []
    while pending:
        finished = yield context.task_any(pending)
        pending.remove(finished)
        results.append((yield from flow.settle("transcribe", TranscribeChunkResult,
                                               finished.result)))
        flow.status("transcribing", chunksDone=len(results), chunksTotal=total)
    # roles from what is said (pure and deterministic, so safe in the orchestrator): the record
    # shows who the rep and the customer are, and the extractor reads the customer's turns
    transcript = assign_roles(stitch(prepared.chunks,
                                     [r.transcript for r in results if r.transcript],
                                     prepared.speaker_spans, prepared.speakers))
    if not transcript.text.strip():
        yield from flow.fail(Failure(stage="transcribe", reason="No speech was recognised in the "
                                     "recording (silent or not speech)."))
    engine = next((r.engine for r in results if r.engine), None)
    flow.record = flow.record.model_copy(update={
        "transcript": transcript,
        "transcription_engine": engine.engine if engine else "",
        "transcription_model": engine.model if engine else "",
        "transcribe_ms": round((context.current_utc_datetime - t0).total_seconds() * 1000, 1),
        "transcription_usage": Usage(audio_seconds=sum(r.usage.audio_seconds for r in results)),
    })

    flow.status("extracting", chunksDone=total, chunksTotal=total)
    if len(transcript.model_dump_json()) > INLINE_TRANSCRIPT_MAX_BYTES:
        yield from flow.step("persist_call", retry_policies.PERSIST, flow.record, "persist",
                             PersistResult)
        flow.record = flow.record.model_copy(update={"transcript": None,
                                                     "transcript_stored": True})
        extract_input = ExtractInput(call_id=call.call_id, transcript_in_record=True)
    else:
        extract_input = ExtractInput(call_id=call.call_id, transcript=transcript)
    extracted = yield from flow.step("extract_call", retry_policies.EXTRACTION, extract_input,
                                     "extract", ExtractResult)

    flow.status("persisting", chunksDone=total, chunksTotal=total)
    done = flow.record.model_copy(update={"status": "completed", "extract": extracted,
                                          "processed_at": context.current_utc_datetime})
    yield from flow.step("persist_call", retry_policies.PERSIST, done, "persist", PersistResult)
    flow.status("completed", chunksDone=total, chunksTotal=total)
    cleaned = yield from flow.cleanup()
    return {"callId": call.call_id, "status": "completed", "chunks": total,
            "durationSeconds": prepared.audio.duration_seconds if prepared.audio else None,
            "chunksRemoved": cleaned}
