"""Contracts between the starter, the orchestrator and the activities."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from models.base import Contract

Stage = Literal["validate", "prepare", "transcribe", "extract", "persist", "cleanup"]
"""Where a call failed; "cleanup" failures are logged, never recorded (they fail no call)."""


class Failure(Contract):
    """A failure a person can act on; `retryable` says whether a replay may succeed as is."""

    stage: Stage
    reason: str
    retryable: bool = False
    at: datetime | None = None


class CallRef(Contract):
    """An uploaded recording, by reference."""

    call_id: str
    blob_container: str
    blob_name: str
    size_bytes: int
    content_sha256: str
    etag: str | None = None
    uploaded_at: datetime | None = None
    extension: str = ""


class ProcessCallInput(Contract):
    call: CallRef
    rejection: Failure | None = None
    attempt: int = 1
    received_at: datetime | None = None


class AudioInfo(Contract):
    container_format: str
    codec: str
    channels: int
    sample_rate: int
    duration_seconds: float


class ChunkRef(Contract):
    """One planned piece of the call, written as 16 kHz mono FLAC to the work container."""

    index: int
    blob_name: str
    start_seconds: float
    end_seconds: float
    owned_from: float
    owned_to: float
    size_bytes: int = 0


class PrepareInput(Contract):
    call: CallRef


class PrepareResult(Contract):
    audio: AudioInfo | None = None
    chunks: list[ChunkRef] = Field(default_factory=list)
    failure: Failure | None = None
    duration_ms: float = 0.0
    # who is heard when (stereo channels, or voices told apart in mono), and those parties
    speaker_spans: list[SpeakerSpan] = Field(default_factory=list)
    speakers: list[Speaker] = Field(default_factory=list)


SpeakerRole = Literal["rep", "customer", "unknown"]


class Speaker(Contract):
    """One party of the call. Segments name it by `label`; `channel` is set for stereo recordings,
    where each channel is one party; `cue` says what the role was decided from."""

    label: str
    role: SpeakerRole = "unknown"
    channel: Literal["left", "right"] | None = None
    cue: str = ""


class SpeakerSpan(Contract):
    """A stretch of the call where one party is heard: a stereo channel ("left"/"right") or, in a
    mono recording, one of the voices told apart by pitch ("S1"/"S2")."""

    start: float
    end: float
    label: str


class Segment(Contract):
    start: float
    end: float
    text: str
    confidence: float = Field(ge=0.0, le=1.0)
    speaker: str | None = None


class ChunkTranscript(Contract):
    chunk_index: int
    segments: list[Segment]
    language: str | None = None


class TranscribeChunkInput(Contract):
    call_id: str
    chunk: ChunkRef


class EngineInfo(Contract):
    engine: str
    model: str


class Usage(Contract):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    audio_seconds: float = 0.0


class TranscribeChunkResult(Contract):
    transcript: ChunkTranscript | None = None
    failure: Failure | None = None
    engine: EngineInfo | None = None
    usage: Usage = Field(default_factory=Usage)
    duration_ms: float = 0.0


class Transcript(Contract):
    text: str
    segments: list[Segment]
    language: str | None = None
    confidence: float = 0.0
    speakers: list[Speaker] = Field(default_factory=list)


class CleanupInput(Contract):
    call_id: str


class CleanupResult(Contract):
    deleted: int = 0
    failure: Failure | None = None


PrepareResult.model_rebuild()
