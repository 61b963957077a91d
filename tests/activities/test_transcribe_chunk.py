"""transcribe_chunk with in-memory blobs and a scripted engine."""

from __future__ import annotations

import pytest

from activities import transcribe_chunk as activity
from errors import ConfigurationError, InvalidAudioError, TransientError
from models.call import ChunkRef, TranscribeChunkInput, TranscribeChunkResult
from tests.activities.fakes import FakeBlobs, FakeSpeech, install, user_function

run = user_function(activity.transcribe_chunk)
CHUNK = ChunkRef(index=2, blob_name="c-1/x/chunk-0002.flac", start_seconds=599.0,
                 end_seconds=900.0, owned_from=600.0, owned_to=900.0)
PAYLOAD = TranscribeChunkInput(call_id="c-1", chunk=CHUNK).model_dump(mode="json")


def _run(monkeypatch: pytest.MonkeyPatch, blobs: FakeBlobs,
         engine: object) -> TranscribeChunkResult:
    install(monkeypatch, blob_store=blobs, speech_engine=engine)
    return TranscribeChunkResult.model_validate(run(payload=PAYLOAD))


def test_chunk_is_downloaded_and_transcribed(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = FakeSpeech()
    out = _run(monkeypatch, FakeBlobs({("call-work", CHUNK.blob_name): b"flac"}), engine)
    assert out.failure is None and out.transcript is not None
    assert out.transcript.chunk_index == 2 and out.transcript.segments[0].text == "hello there"
    assert out.usage.audio_seconds == 301.0 and engine.heard == [b"flac"]
    assert out.engine is not None and (out.engine.engine, out.engine.model) == ("fake", "fake-1")


def test_missing_chunk_file_is_permanent_and_names_the_chunk(
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, FakeBlobs(), FakeSpeech())
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason == ("Chunk 3 (599-900 s): The blob call-work/c-1/x/chunk-0002.flac "
                                  "no longer exists.")


def test_undecodable_chunk_is_permanent(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, FakeBlobs({("call-work", CHUNK.blob_name): b"x"}),
               FakeSpeech(fail_with=InvalidAudioError("Local Whisper could not decode the chunk")))
    assert out.failure is not None and out.failure.stage == "transcribe"
    assert out.failure.reason.endswith("Local Whisper could not decode the chunk")


def test_engine_outage_is_raised_for_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(TransientError):
        _run(monkeypatch, FakeBlobs({("call-work", CHUNK.blob_name): b"x"}),
             FakeSpeech(fail_with=TransientError("OpenAI transcription was throttled (429)")))


def test_missing_engine_setting_is_a_failure_value(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> FakeSpeech:
        raise ConfigurationError("invalid settings: OPENAI_API_KEY is required for the openai "
                                 "engine")

    install(monkeypatch, blob_store=FakeBlobs())
    monkeypatch.setattr(activity.factory, "speech_engine", broken)
    out = TranscribeChunkResult.model_validate(run(payload=PAYLOAD))
    assert out.failure is not None and "OPENAI_API_KEY is required" in out.failure.reason


def test_a_bug_in_the_engine_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run(monkeypatch, FakeBlobs({("call-work", CHUNK.blob_name): b"x"}),
               FakeSpeech(fail_with=TypeError("unsupported operand type(s)")))
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("Internal error in the transcribe step")
