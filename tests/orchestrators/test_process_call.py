"""process_call by replay: the SDK's handler driven through histories, activities scripted."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.call import CallRef, ChunkRef, Failure, ProcessCallInput
from tests.helpers.harness import Harness

REPO = Path(__file__).resolve().parents[2]
CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=1000,
               content_sha256="f" * 64, extension=".mp3")


@pytest.fixture
def h(tmp_path: Path) -> Harness:
    return Harness(REPO, tmp_path)


def _only(work: list[dict], name: str) -> dict:
    assert [w["name"] for w in work] == [name], work
    return work[0]


def _chunks(n: int) -> list[dict]:
    return [ChunkRef(index=i, blob_name=f"c-1/x/chunk-{i}.flac", start_seconds=max(0, 10 * i - 1),
                     end_seconds=10 * i + 11, owned_from=10 * i, owned_to=10 * i + 10
                     ).model_dump() for i in range(n)]


def _transcribed(i: int) -> dict:
    return {"transcript": {"chunk_index": i, "language": "en", "segments": [
        {"start": 2.0, "end": 4.0, "text": f"part {i}", "confidence": 0.9}]},
        "engine": {"engine": "local", "model": "tiny"}, "usage": {"audio_seconds": 12.0}}


def test_happy_path_fans_out_and_reports_progress(h: Harness) -> None:
    h.start("process_call", ProcessCallInput(call=CALL).model_dump(mode="json"))
    reg = _only(h.run(), "persist_call")
    assert '"status": "processing"' in reg["input"]
    h.complete(reg, {"document_id": "c-1", "status": "processing"})
    h.complete(_only(h.run(), "prepare_audio"), {"chunks": _chunks(3), "audio": {
        "container_format": "mp3", "codec": "mp3", "channels": 1, "sample_rate": 16000,
        "duration_seconds": 30.0}})
    work = h.run()
    assert [w["name"] for w in work] == ["transcribe_chunk"] * 3
    assert h.status()["custom"]["chunksDone"] == 0 and h.status()["custom"]["chunksTotal"] == 3
    for done, w in enumerate(sorted(work, key=lambda w: -w["task_id"]), start=1):
        index = int(w["input"].split('"index": ')[1].split(",")[0])
        h.complete(w, _transcribed(index))
        rest = h.run()
        if done < 3:
            assert h.status()["custom"] == {"stage": "transcribing", "callId": "c-1",
                                            "attempt": 1, "chunksDone": done, "chunksTotal": 3}
    extract = _only(rest, "extract_call")
    assert "part 0 part 1 part 2" in extract["input"]
    h.complete(extract, {"analysis": {}, "engine": "local", "model": "rules"})
    persist = _only(h.run(), "persist_call")
    assert '"status": "completed"' in persist["input"] and '"start": 11.0' in persist["input"]
    h.complete(persist, {"document_id": "c-1", "status": "completed"})
    h.complete(_only(h.run(), "cleanup_chunks"), 3)
    assert h.run() == []
    final = h.status()
    assert final["status"] == "Completed" and final["output"]["chunks"] == 3


def test_rejected_upload_is_recorded_and_fails(h: Harness) -> None:
    rejection = Failure(stage="validate", reason="The uploaded file is empty (0 bytes).")
    h.start("process_call", ProcessCallInput(call=CALL, rejection=rejection).model_dump(mode="json"))
    h.complete(_only(h.run(), "persist_call"), {"document_id": "c-1", "status": "processing"})
    failed = _only(h.run(), "mark_failed")
    assert "empty (0 bytes)" in failed["input"] and '"status": "failed"' in failed["input"]
    h.complete(failed, {"document_id": "c-1", "status": "failed"})
    h.complete(_only(h.run(), "cleanup_chunks"), 0)
    h.run()
    assert h.status()["status"] == "Failed"
    assert "empty (0 bytes)" in h.status()["output"]


def test_permanent_prepare_failure_is_not_retried(h: Harness) -> None:
    h.start("process_call", ProcessCallInput(call=CALL).model_dump(mode="json"))
    h.complete(_only(h.run(), "persist_call"), {"document_id": "c-1", "status": "processing"})
    h.complete(_only(h.run(), "prepare_audio"), {"failure": {
        "stage": "prepare", "reason": "The recording is silent", "retryable": False}})
    failed = _only(h.run(), "mark_failed")
    assert "silent" in failed["input"] and '"retryable": false' in failed["input"]


def test_transient_chunk_failure_retries_then_records_a_retryable_failure(h: Harness) -> None:
    h.start("process_call", ProcessCallInput(call=CALL).model_dump(mode="json"))
    h.complete(_only(h.run(), "persist_call"), {"document_id": "c-1", "status": "processing"})
    h.complete(_only(h.run(), "prepare_audio"), {"chunks": _chunks(2)})
    work = h.run()
    first, second = sorted(work, key=lambda w: w["task_id"])
    h.complete(first, _transcribed(0))
    attempts = 0
    pending = second
    while pending is not None:
        attempts += 1
        h.fail(pending, "TransientError: speech service throttled")
        h.run()
        h.skip(6)  # past the retry interval
        nxt = [w for w in h.run() if w["name"] == "transcribe_chunk"]
        pending = nxt[0] if nxt else None
    assert attempts == 5  # retry_policies.SPEECH
    failed = _only(h.run(), "mark_failed")
    assert "gave up after retries" in failed["input"] and '"retryable": true' in failed["input"]
    assert '"stage": "transcribe"' in failed["input"]
