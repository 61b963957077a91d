"""The call record stored in Cosmos DB: one document per call, id = callId = partition key.

Stored with `model_dump(mode="json", by_alias=True)`: camelCase keys throughout (schema version 2).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from models.analysis import CallAnalysis, ExtractResult
from models.base import Contract
from models.call import AudioInfo, CallRef, Failure, PrepareResult, Transcript, Usage
from models.correction import Correction

SCHEMA_VERSION = 2
"""1: snake_case nested fields. 2: camelCase throughout (read back from either, see models.base)."""

CallStatus = Literal["processing", "completed", "failed"]


class StageTimings(Contract):
    prepare_ms: float = 0.0
    transcribe_ms: float = 0.0
    extract_ms: float = 0.0
    total_ms: float = 0.0


class Engines(Contract):
    transcription_engine: str = ""
    transcription_model: str = ""
    extraction_engine: str = ""
    extraction_model: str = ""


class ProcessingMetadata(Contract):
    blob_container: str
    blob_name: str
    size_bytes: int
    content_sha256: str
    audio: AudioInfo | None = None
    chunk_count: int = 0
    language: str | None = None
    engines: Engines = Field(default_factory=Engines)
    timings: StageTimings = Field(default_factory=StageTimings)
    usage: Usage = Field(default_factory=Usage)
    call_date: datetime | None = None
    processed_at: datetime | None = None


class CallRecord(Contract):
    """The document. `id` and `callId` are the same value; `callId` is the partition key."""

    id: str
    callId: str
    schemaVersion: int = SCHEMA_VERSION
    status: CallStatus
    instanceId: str
    attempts: int = 1
    failure: Failure | None = None
    failureHistory: list[Failure] = Field(default_factory=list)
    metadata: ProcessingMetadata
    analysis: CallAnalysis | None = None
    transcript: Transcript | None = None
    updatedAt: datetime | None = None
    corrections: list[Correction] = Field(default_factory=list)
    """People's corrections (the workspace); `analysis` stays what the engine extracted."""
    earlierInstanceIds: list[str] = Field(default_factory=list)
    """Orchestration instances of the recording's earlier contents (the blob was overwritten:
    same call, new content, new instance ids), so a delete purges their histories too."""


class PersistInput(Contract):
    """Everything persist needs: `status` processing (registered), completed, or failed."""

    status: CallStatus
    call: CallRef
    instance_id: str
    attempt: int = 1
    processed_at: datetime
    prepare: PrepareResult | None = None
    transcript: Transcript | None = None
    transcription_engine: str = ""
    transcription_model: str = ""
    transcribe_ms: float = 0.0
    transcription_usage: Usage = Field(default_factory=Usage)
    extract: ExtractResult | None = None
    started_at: datetime | None = None
    failure: Failure | None = None
    transcript_stored: bool = False
    """True once an earlier write of this attempt stored the transcript: `transcript` is then
    left None (the orchestration history need not carry it again) and the stored one is kept."""


class PersistResult(Contract):
    document_id: str = ""
    status: CallStatus | None = None
    failure: Failure | None = None
