"""Mapping a persist request and the stored record (if any) to the new record. Pure."""

from __future__ import annotations

from datetime import datetime

from core.ids import instance_id_for
from models.call import Usage
from models.record import CallRecord, Engines, PersistInput, ProcessingMetadata, StageTimings


def build_record(inp: PersistInput, existing: CallRecord | None, now: datetime) -> CallRecord:
    """The record after this step, keeping what earlier attempts left (attempts, failures).

    Idempotent: applying the same input twice gives the same record, so a retried persist
    neither duplicates a failure nor counts an attempt twice.
    """
    earlier = list(existing.earlierInstanceIds) if existing else []
    overwritten = existing is not None \
        and existing.metadata.content_sha256 != inp.call.content_sha256
    if existing is not None and overwritten:  # the blob has new content: its attempts start again
        earlier = list(dict.fromkeys([*earlier, *instance_ids(existing)]))
    history = list(existing.failureHistory) if existing else []
    if inp.failure is not None and all(
            (f.stage, f.reason, f.at) != (inp.failure.stage, inp.failure.reason, inp.failure.at)
            for f in history):
        history.append(inp.failure)
    attempts = max(inp.attempt, existing.attempts if existing and not overwritten else 1)
    prep, ext = inp.prepare, inp.extract
    if inp.status == "processing" and existing is not None and existing.status == "completed" \
            and not overwritten:
        return existing  # a late duplicate registration never hides a finished record
    usage = Usage(
        prompt_tokens=ext.prompt_tokens if ext else 0,
        completion_tokens=ext.completion_tokens if ext else 0,
        audio_seconds=inp.transcription_usage.audio_seconds)
    started = inp.started_at or inp.processed_at
    transcript = inp.transcript
    if transcript is None and inp.transcript_stored and existing is not None:
        transcript = existing.transcript  # stored by an earlier write of this attempt
    metadata = ProcessingMetadata(
        blob_container=inp.call.blob_container, blob_name=inp.call.blob_name,
        size_bytes=inp.call.size_bytes, content_sha256=inp.call.content_sha256,
        audio=prep.audio if prep else None, chunk_count=len(prep.chunks) if prep else 0,
        language=transcript.language if transcript else None,
        engines=Engines(transcription_engine=inp.transcription_engine,
                        transcription_model=inp.transcription_model,
                        extraction_engine=ext.engine if ext else "",
                        extraction_model=ext.model if ext else ""),
        timings=StageTimings(prepare_ms=prep.duration_ms if prep else 0.0,
                             transcribe_ms=inp.transcribe_ms,
                             extract_ms=ext.duration_ms if ext else 0.0,
                             total_ms=round((inp.processed_at - started).total_seconds() * 1000,
                                            1)),
        usage=usage, call_date=inp.call.uploaded_at,
        processed_at=inp.processed_at if inp.status != "processing" else None)
    return CallRecord(
        id=inp.call.call_id, callId=inp.call.call_id, status=inp.status,
        instanceId=inp.instance_id, attempts=attempts,
        failure=inp.failure if inp.status == "failed" else None, failureHistory=history,
        metadata=metadata, analysis=ext.analysis if ext and inp.status == "completed" else None,
        transcript=transcript, updatedAt=now,
        corrections=list(existing.corrections) if existing else [], earlierInstanceIds=earlier)


def instance_ids(record: CallRecord) -> list[str]:
    """Every orchestration instance the call may have had: those of the recording's earlier
    contents, then one per attempt of the current content in attempt order, the latest last (a
    rewind reuses its instance, so some may never have existed), and the record's own instance
    if it is none of them."""
    own = list(dict.fromkeys([*(instance_id_for(record.callId, record.metadata.content_sha256, a)
                                for a in range(1, max(record.attempts, 1) + 1)),
                              record.instanceId]))
    return list(dict.fromkeys([*(i for i in record.earlierInstanceIds if i not in own), *own]))
