"""prepare_audio with in-memory blobs: chunks written, and every way it can fail, as values."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from activities import prepare_audio as activity
from errors import TransientError
from models.call import CallRef, PrepareInput, PrepareResult
from tests.activities.fakes import FakeBlobs, install, user_function
from tests.helpers.audio import silence, write

run = user_function(activity.prepare_audio)
CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="in/a.wav", size_bytes=1,
               content_sha256="a" * 64, extension=".wav")


def _tone(seconds: float) -> np.ndarray:
    t = np.arange(int(22050 * seconds)) / 22050
    return (0.3 * np.sin(2 * np.pi * 220 * t) * (1 + np.sin(2 * np.pi * 0.5 * t))).astype(
        np.float32)


def _run(blobs: FakeBlobs, monkeypatch: pytest.MonkeyPatch) -> PrepareResult:
    install(monkeypatch, blob_store=blobs)
    return PrepareResult.model_validate(run(payload=PrepareInput(call=CALL).model_dump(
        mode="json")))


def test_audio_is_cut_into_chunks_in_the_work_container(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = FakeBlobs({("calls", "in/a.wav"): write(_tone(20.0), tmp_path / "a.wav").read_bytes()})
    out = _run(blobs, monkeypatch)
    assert out.failure is None and out.audio is not None
    assert out.audio.duration_seconds == pytest.approx(20.0, abs=0.1)
    assert [c.index for c in out.chunks] == [0]
    assert out.chunks[0].blob_name.startswith("c-1/aaaaaaaaaaaa/")
    assert ("call-work", out.chunks[0].blob_name) in blobs.files


def test_recording_deleted_before_processing_is_a_permanent_failure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(FakeBlobs(), monkeypatch)
    assert out.failure is not None
    assert (out.failure.stage, out.failure.retryable) == ("prepare", False)
    assert out.failure.reason == ("The recording calls/in/a.wav was deleted before it could be "
                                  "processed; upload it again to process it.")


def test_not_audio_names_no_temporary_path(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(FakeBlobs({("calls", "in/a.wav"): b"meeting notes\n" * 100}), monkeypatch)
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("The file could not be read as audio (")
    assert "prepare-" not in out.failure.reason and "/tmp" not in out.failure.reason
    assert "recording.wav" not in out.failure.reason


def test_silence_is_a_permanent_failure_with_the_audio_info(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = FakeBlobs({("calls", "in/a.wav"): write(silence(3.0), tmp_path / "s.wav").read_bytes()})
    out = _run(blobs, monkeypatch)
    assert out.failure is not None and out.audio is not None
    assert out.failure.reason == "The recording is silent: there is nothing to transcribe."
    assert out.chunks == []


def test_storage_outage_is_raised_for_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TransientError):
        _run(FakeBlobs(fail_with=TransientError("Blob download failed: ServiceRequestError")),
             monkeypatch)


def test_malformed_input_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, blob_store=FakeBlobs())
    out = PrepareResult.model_validate(run(payload={"call": {"call_id": "c-1"}}))
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("Internal error in the prepare step")
