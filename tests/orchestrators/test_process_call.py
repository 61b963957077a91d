"""process_call by replay: the SDK's handler driven through histories, activities scripted.

Every activity input is read back as its model, so the tests assert on values, not JSON text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TypeVar

import pytest
from pydantic import BaseModel

from models.analysis import ExtractInput
from models.call import (
    CallRef,
    ChunkRef,
    CleanupInput,
    Failure,
    ProcessCallInput,
    Segment,
    TranscribeChunkInput,
)
from models.record import PersistInput
from orchestrators.process_call import INLINE_TRANSCRIPT_MAX_BYTES
from tests.helpers.harness import Harness

REPO = Path(__file__).resolve().parents[2]
CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=1000,
               content_sha256="f" * 64, extension=".mp3")
M = TypeVar("M", bound=BaseModel)


@pytest.fixture
def h(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Harness:
    monkeypatch.setenv("CREATE_CONTAINERS", "false")  # the app loads here without storage
    return Harness(REPO, tmp_path)


def _only(work: list[dict], name: str) -> dict:
    assert [w["name"] for w in work] == [name], work
    return work[0]


def _input(work: dict, model: type[M]) -> M:
    return model.model_validate(json.loads(work["input"]))


def _chunks(n: int) -> list[dict]:
    return [ChunkRef(index=i, blob_name=f"c-1/x/chunk-{i}.flac", start_seconds=max(0, 10 * i - 1),
                     end_seconds=10 * i + 11, owned_from=10 * i, owned_to=10 * i + 10
                     ).model_dump() for i in range(n)]


def _transcribed(i: int, words: str = "") -> dict:
    return {"transcript": {"chunk_index": i, "language": "en", "segments": [
        {"start": 2.0, "end": 4.0, "text": f"part {i}{words}", "confidence": 0.9}]},
        "engine": {"engine": "local", "model": "tiny"}, "usage": {"audio_seconds": 12.0}}


def _registered(h: Harness, **inp: Any) -> None:
    h.start("process_call", ProcessCallInput(call=CALL, **inp).model_dump(mode="json"))
    work = _only(h.run(), "persist_call")
    reg = _input(work, PersistInput)
    assert (reg.status, reg.call, reg.transcript, reg.attempt) == ("processing", CALL, None, 1)
    h.complete(work, {"document_id": "c-1", "status": "processing"})


def _transcribe_all(h: Harness, n: int, words: str = "") -> list[dict]:
    h.complete(_only(h.run(), "prepare_audio"), {"chunks": _chunks(n), "audio": {
        "container_format": "mp3", "codec": "mp3", "channels": 1, "sample_rate": 16000,
        "duration_seconds": 10.0 * n}})
    work = h.run()
    rest: list[dict] = []
    for w in work:
        h.complete(w, _transcribed(_input(w, TranscribeChunkInput).chunk.index, words))
        rest = h.run()
    return rest


def test_happy_path_fans_out_and_reports_progress(h: Harness) -> None:
    _registered(h)
    h.complete(_only(h.run(), "prepare_audio"), {"chunks": _chunks(3), "audio": {
        "container_format": "mp3", "codec": "mp3", "channels": 1, "sample_rate": 16000,
        "duration_seconds": 30.0}})
    work = h.run()
    assert [w["name"] for w in work] == ["transcribe_chunk"] * 3
    assert sorted(_input(w, TranscribeChunkInput).chunk.index for w in work) == [0, 1, 2]
    assert h.status()["custom"] == {"stage": "transcribing", "callId": "c-1", "attempt": 1,
                                    "chunksDone": 0, "chunksTotal": 3}
    rest: list[dict] = []
    for done, w in enumerate(sorted(work, key=lambda w: -w["task_id"]), start=1):
        h.complete(w, _transcribed(_input(w, TranscribeChunkInput).chunk.index))
        rest = h.run()
        if done < 3:
            assert h.status()["custom"] == {"stage": "transcribing", "callId": "c-1",
                                            "attempt": 1, "chunksDone": done, "chunksTotal": 3}
    extract = _input(_only(rest, "extract_call"), ExtractInput)
    assert extract.transcript is not None and not extract.transcript_in_record
    assert extract.transcript.text == "part 0 part 1 part 2"
    assert [(s.start, s.text) for s in extract.transcript.segments] == [
        (2.0, "part 0"), (11.0, "part 1"), (21.0, "part 2")]
    h.complete(rest[0], {"analysis": {}, "engine": "local", "model": "rules"})
    persist_work = _only(h.run(), "persist_call")
    persist = _input(persist_work, PersistInput)
    assert persist.status == "completed" and persist.transcript == extract.transcript
    assert persist.extract is not None and persist.extract.engine == "local"
    assert persist.transcription_usage.audio_seconds == 36.0
    h.complete(persist_work, {"document_id": "c-1", "status": "completed"})
    cleanup = _only(h.run(), "cleanup_chunks")
    assert _input(cleanup, CleanupInput) == CleanupInput(call_id="c-1")
    h.complete(cleanup, {"deleted": 3})
    assert h.run() == []
    final = h.status()
    assert final["status"] == "Completed"
    assert final["output"] == {"callId": "c-1", "status": "completed", "chunks": 3,
                               "durationSeconds": 30.0, "chunksRemoved": True}


def test_rejected_upload_is_recorded_and_fails(h: Harness) -> None:
    rejection = Failure(stage="validate", reason="The uploaded file is empty (0 bytes).")
    _registered(h, rejection=rejection)
    work = _only(h.run(), "mark_failed")
    failed = _input(work, PersistInput)
    assert failed.status == "failed" and failed.failure is not None
    assert (failed.failure.stage, failed.failure.reason, failed.failure.retryable) == (
        "validate", "The uploaded file is empty (0 bytes).", False)
    h.complete(work, {"document_id": "c-1", "status": "failed"})
    h.complete(_only(h.run(), "cleanup_chunks"), {"deleted": 0})
    assert h.run() == []
    assert h.status()["status"] == "Failed"
    assert "validate: The uploaded file is empty (0 bytes)." in h.status()["output"]


def test_permanent_prepare_failure_is_recorded_once_and_not_retried(h: Harness) -> None:
    _registered(h)
    h.complete(_only(h.run(), "prepare_audio"), {"failure": {
        "stage": "prepare", "reason": "The recording is silent", "retryable": False}})
    work = _only(h.run(), "mark_failed")
    failure = _input(work, PersistInput).failure
    assert failure is not None and (failure.stage, failure.retryable) == ("prepare", False)
    h.complete(work, {"document_id": "c-1", "status": "failed"})
    h.complete(_only(h.run(), "cleanup_chunks"), {"deleted": 0})
    assert h.run() == [] and h.status()["status"] == "Failed"


def test_internal_error_value_is_recorded_without_retry(h: Harness) -> None:
    _registered(h)
    rest = _transcribe_all(h, 1)
    reason = "Internal error in the extract step (reference abc): the app failed"
    h.complete(_only(rest, "extract_call"), {"failure": {"stage": "extract", "reason": reason}})
    failure = _input(_only(h.run(), "mark_failed"), PersistInput).failure
    assert failure is not None and failure.at is not None
    assert failure == Failure(stage="extract", reason=reason, retryable=False, at=failure.at)


def test_transient_chunk_failure_retries_then_records_a_retryable_failure(h: Harness) -> None:
    _registered(h)
    h.complete(_only(h.run(), "prepare_audio"), {"chunks": _chunks(2)})
    work = h.run()
    first, second = sorted(work, key=lambda w: w["task_id"])
    h.complete(first, _transcribed(0))
    attempts = 0
    pending: dict | None = second
    while pending is not None:
        attempts += 1
        h.fail(pending, "TransientError: speech service throttled")
        h.run()
        h.skip(6)  # past the retry interval
        nxt = [w for w in h.run() if w["name"] == "transcribe_chunk"]
        pending = nxt[0] if nxt else None
    assert attempts == 5  # retry_policies.SPEECH
    work_failed = _only(h.run(), "mark_failed")
    failure = _input(work_failed, PersistInput).failure
    assert failure is not None
    assert (failure.stage, failure.retryable) == ("transcribe", True)
    assert failure.reason.endswith("speech service throttled (gave up after retries)")
    h.complete(work_failed, {"document_id": "c-1", "status": "failed"})
    # retryable: a rewind will transcribe that chunk again, so its file is not removed
    assert h.run() == [] and h.status()["status"] == "Failed"


def test_cleanup_outage_leaves_the_call_completed(h: Harness) -> None:
    _registered(h)
    rest = _transcribe_all(h, 1)
    h.complete(_only(rest, "extract_call"), {"analysis": {}, "engine": "local", "model": "r"})
    h.complete(_only(h.run(), "persist_call"), {"document_id": "c-1", "status": "completed"})
    cleanups = 0
    while (work := [w for w in h.run() if w["name"] == "cleanup_chunks"]):
        cleanups += 1
        h.fail(work[0], "TransientError: Blob cleanup failed: ServiceRequestError")
        h.run()
        h.skip(3)
    assert cleanups == 5  # retry_policies.STORAGE, then given up
    final = h.status()
    assert final["status"] == "Completed"
    assert final["output"]["status"] == "completed" and final["output"]["chunksRemoved"] is False
    assert final["custom"]["stage"] == "completed"


def test_cleanup_failure_value_leaves_the_call_completed(h: Harness) -> None:
    _registered(h)
    rest = _transcribe_all(h, 1)
    h.complete(_only(rest, "extract_call"), {"analysis": {}, "engine": "local", "model": "r"})
    h.complete(_only(h.run(), "persist_call"), {"document_id": "c-1", "status": "completed"})
    h.complete(_only(h.run(), "cleanup_chunks"), {"failure": {
        "stage": "cleanup", "reason": "Internal error in the cleanup step (reference x)"}})
    assert h.run() == []
    assert h.status()["status"] == "Completed"
    assert h.status()["output"]["chunksRemoved"] is False


def test_long_transcript_is_stored_once_and_passed_by_reference(h: Harness) -> None:
    _registered(h)
    words = " word" * 2000  # ~10 KB of text per chunk, 4 chunks: over the inline limit
    rest = _transcribe_all(h, 4, words)
    store_work = _only(rest, "persist_call")
    stored = _input(store_work, PersistInput)
    assert stored.status == "processing" and stored.transcript is not None
    assert len(stored.transcript.model_dump_json()) > INLINE_TRANSCRIPT_MAX_BYTES
    first = stored.transcript.segments[0]
    assert first.model_copy(update={"speaker": None}) == Segment(
        start=2.0, end=4.0, text="part 0" + words, confidence=0.9)
    assert first.speaker is not None  # roles assigned from the text (core.roles) before storing
    h.complete(store_work, {"document_id": "c-1", "status": "processing"})
    extract_work = _only(h.run(), "extract_call")
    extract = _input(extract_work, ExtractInput)
    assert extract == ExtractInput(call_id="c-1", transcript=None, transcript_in_record=True)
    h.complete(extract_work, {"analysis": {}, "engine": "local", "model": "r"})
    final = _input(_only(h.run(), "persist_call"), PersistInput)
    assert final.status == "completed" and final.transcript is None and final.transcript_stored
