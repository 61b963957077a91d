"""transcribe_chunk: speech-to-text of one chunk with the configured engine."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import azure.durable_functions as df

from adapters import factory
from adapters.blob_store import BlobStore
from adapters.speech import SpeechEngine
from errors import PermanentError
from models.call import (
    ChunkTranscript,
    EngineInfo,
    Failure,
    TranscribeChunkInput,
    TranscribeChunkResult,
)
from settings import get_settings

bp = df.Blueprint()


def transcribe(inp: TranscribeChunkInput, blobs: BlobStore, engine: SpeechEngine,
               work_container: str) -> TranscribeChunkResult:
    t0 = time.perf_counter()
    info = EngineInfo(engine=engine.engine, model=engine.model)
    with tempfile.TemporaryDirectory(prefix="chunk-") as tmp:
        path = Path(tmp) / Path(inp.chunk.blob_name).name
        blobs.download_to(work_container, inp.chunk.blob_name, path)
        try:
            result = engine.transcribe(path, inp.chunk.end_seconds - inp.chunk.start_seconds)
        except PermanentError as exc:
            return TranscribeChunkResult(engine=info, failure=Failure(
                stage="transcribe", reason=f"Chunk {inp.chunk.index}: {exc}"))
    return TranscribeChunkResult(
        transcript=ChunkTranscript(chunk_index=inp.chunk.index, segments=result.segments,
                                   language=result.language),
        engine=info, usage=result.usage, duration_ms=round((time.perf_counter() - t0) * 1000, 1))


@bp.activity_trigger(input_name="payload")
def transcribe_chunk(payload: dict) -> dict:
    inp = TranscribeChunkInput.model_validate(payload)
    try:
        engine = factory.speech_engine()
    except PermanentError as exc:  # e.g. a missing setting: retrying cannot help
        return TranscribeChunkResult(failure=Failure(stage="transcribe", reason=str(exc))).model_dump(
            mode="json")
    result = transcribe(inp, factory.blob_store(), engine, get_settings().work_container)
    return result.model_dump(mode="json")
