"""In-memory stand-ins for the adapters the activities use (see activities/ports.py), and a way to
call an activity function as the worker does (the user function behind the decorator)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from adapters import factory
from adapters.extractors import Extraction
from adapters.speech import SpeechResult
from errors import MissingBlobError
from models.analysis import CallAnalysis
from models.call import Segment, Transcript, Usage
from models.record import CallRecord


def user_function(builder: Any) -> Callable[..., dict[str, Any]]:
    """The plain function a `@bp.activity_trigger` wraps (what the worker invokes)."""
    fn: Callable[..., dict[str, Any]] = builder._function.get_user_function()
    return fn


@dataclass
class FakeBlobs:
    files: dict[tuple[str, str], bytes] = field(default_factory=dict)
    fail_with: Exception | None = None

    def download_to(self, container: str, name: str, target: Path) -> int:
        if self.fail_with is not None:
            raise self.fail_with
        if (container, name) not in self.files:  # as the real adapter says it
            raise MissingBlobError(f"The blob {container}/{name} no longer exists.")
        target.write_bytes(self.files[(container, name)])
        return len(self.files[(container, name)])

    def upload_file(self, container: str, name: str, source: Path) -> int:
        if self.fail_with is not None:
            raise self.fail_with
        self.files[(container, name)] = source.read_bytes()
        return source.stat().st_size

    def delete_prefix(self, container: str, prefix: str) -> int:
        if self.fail_with is not None:
            raise self.fail_with
        gone = [k for k in self.files if k[0] == container and k[1].startswith(prefix)]
        for key in gone:
            del self.files[key]
        return len(gone)


@dataclass
class FakeRecords:
    records: dict[str, CallRecord] = field(default_factory=dict)
    writes: int = 0
    fail_with: Exception | None = None

    def get(self, call_id: str) -> tuple[CallRecord, str] | None:
        if self.fail_with is not None:
            raise self.fail_with
        record = self.records.get(call_id)
        return (record, f"etag-{self.writes}") if record else None

    def upsert(self, record: CallRecord, etag: str | None) -> None:
        self.writes += 1
        self.records[record.id] = record


@dataclass
class FakeSpeech:
    engine: str = "fake"
    model: str = "fake-1"
    fail_with: Exception | None = None
    heard: list[bytes] = field(default_factory=list)

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult:
        if self.fail_with is not None:
            raise self.fail_with
        self.heard.append(audio.read_bytes())
        return SpeechResult([Segment(start=0.0, end=duration_seconds, text="hello there",
                                     confidence=0.8)], "en",
                            Usage(audio_seconds=duration_seconds))


@dataclass
class FakeExtractor:
    fail_with: Exception | None = None
    seen: list[Transcript | str] = field(default_factory=list)

    def extract(self, transcript: Transcript | str) -> Extraction:
        if self.fail_with is not None:
            raise self.fail_with
        self.seen.append(transcript)
        text = transcript if isinstance(transcript, str) else transcript.text
        return Extraction(CallAnalysis(summary=text[:20]), "fake", "fake-x", 10, 5)


def install(monkeypatch: pytest.MonkeyPatch, **adapters: Any) -> None:
    """Make `adapters.factory` hand out these fakes (blob_store=, call_store=, speech_engine=,
    extractor=); the settings stay the defaults."""
    for name, value in adapters.items():
        monkeypatch.setattr(factory, name, lambda value=value: value)
