"""transcribe_chunk: speech-to-text of one chunk with the configured engine."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import azure.durable_functions as df

from activities.ports import Blobs
from activities.runner import run_step
from adapters import factory
from adapters.speech import SpeechEngine
from errors import PermanentError
from models.call import ChunkTranscript, EngineInfo, TranscribeChunkInput, TranscribeChunkResult
from settings import get_settings

bp = df.Blueprint()


def transcribe(inp: TranscribeChunkInput, blobs: Blobs, engine: SpeechEngine,
               work_container: str) -> TranscribeChunkResult:
    t0 = time.perf_counter()
    info = EngineInfo(engine=engine.engine, model=engine.model)
    with tempfile.TemporaryDirectory(prefix="chunk-") as tmp:
        path = Path(tmp) / Path(inp.chunk.blob_name).name
        try:
            blobs.download_to(work_container, inp.chunk.blob_name, path)
            result = engine.transcribe(path, inp.chunk.end_seconds - inp.chunk.start_seconds)
        except PermanentError as exc:  # the reason names the chunk (its time span)
            raise PermanentError(f"Chunk {inp.chunk.index + 1} "
                            f"({inp.chunk.start_seconds:.0f}-{inp.chunk.end_seconds:.0f} s): "
                            f"{exc}") from exc
    return TranscribeChunkResult(
        transcript=ChunkTranscript(chunk_index=inp.chunk.index, segments=result.segments,
                                   language=result.language),
        engine=info, usage=result.usage, duration_ms=round((time.perf_counter() - t0) * 1000, 1))


@bp.activity_trigger(input_name="payload")
def transcribe_chunk(payload: dict[str, Any]) -> dict[str, Any]:
    return run_step("transcribe", lambda f: TranscribeChunkResult(failure=f), lambda: transcribe(
        TranscribeChunkInput.model_validate(payload), factory.blob_store(),
        factory.speech_engine(), get_settings().work_container))
