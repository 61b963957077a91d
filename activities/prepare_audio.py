"""prepare_audio: download the recording, probe it, plan chunks at silence (near-equal parts, one
share per local Whisper worker), write 16 kHz mono FLAC chunks to the work container."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path
from typing import Any

import azure.durable_functions as df

from activities.ports import Blobs
from activities.runner import run_step
from adapters import audio, factory
from adapters.blob_store import safe_blob_path
from core.chunking import is_silent, max_chunk_seconds, plan_chunks
from core.speakers import speakers_for
from errors import MissingBlobError
from models.call import ChunkRef, Failure, PrepareInput, PrepareResult
from settings import Settings, get_settings

bp = df.Blueprint()

FLAC_BYTES_PER_SECOND = 16_000 * 2 * 1.05  # 16-bit mono; FLAC never much above raw


def chunk_prefix(call_id: str) -> str:
    return safe_blob_path(call_id) + "/"


def prepare(inp: PrepareInput, blobs: Blobs, settings: Settings) -> PrepareResult:
    """Raises InvalidAudioError (permanent) for what cannot be processed, TransientError for
    storage outages; `run_step` turns the first into a failure value."""
    t0 = time.perf_counter()
    call = inp.call
    with tempfile.TemporaryDirectory(prefix="prepare-") as tmp:
        source = Path(tmp) / ("recording" + (call.extension or ".bin"))
        try:
            blobs.download_to(call.blob_container, call.blob_name, source)
        except MissingBlobError as exc:
            raise MissingBlobError(
                f"The recording {call.blob_container}/{call.blob_name} was deleted before it "
                "could be processed; upload it again to process it.") from exc
        info, env, spans = audio.decode_call(source, Path(tmp) / "audio.pcm")
        if is_silent(env):
            return PrepareResult(audio=info, failure=Failure(
                stage="prepare", reason="The recording is silent: there is nothing to transcribe."))
        longest = max_chunk_seconds(settings.chunk_max_seconds, settings.chunk_max_bytes,
                                    FLAC_BYTES_PER_SECOND)
        planned = plan_chunks(env, info.duration_seconds, longest, settings.silence_search_seconds,
                              settings.chunk_overlap_seconds, settings.chunk_parallelism,
                              settings.chunk_min_seconds)
        files = audio.write_chunks(Path(tmp) / "audio.pcm", planned, Path(tmp) / "chunks")
        chunks = []
        for plan, path in zip(planned, files, strict=True):
            name = chunk_prefix(call.call_id) + f"{call.content_sha256[:12]}/{path.name}"
            size = blobs.upload_file(settings.work_container, name, path)
            chunks.append(ChunkRef(index=plan.index, blob_name=name, start_seconds=plan.start,
                                   end_seconds=plan.end, owned_from=plan.owned_from,
                                   owned_to=plan.owned_to, size_bytes=size))
    return PrepareResult(audio=info, chunks=chunks,
                         duration_ms=round((time.perf_counter() - t0) * 1000, 1),
                         speaker_spans=spans,
                         speakers=speakers_for(spans, info.channels == 2, settings.rep_channel))


@bp.activity_trigger(input_name="payload")
def prepare_audio(payload: dict[str, Any]) -> dict[str, Any]:
    return run_step("prepare", lambda f: PrepareResult(failure=f), lambda: prepare(
        PrepareInput.model_validate(payload), factory.blob_store(), get_settings()))
