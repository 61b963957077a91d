"""Speech-to-text engines: local faster-whisper, OpenAI Whisper, Azure OpenAI Whisper."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

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


LocalModel = Literal["auto", "tiny.en", "base"]

# A neutral style prompt per language (punctuation, accents, sentence case; no names, products or
# numbers), given as `initial_prompt` when LOCAL_WHISPER_PROMPT is on and the language is known.
STYLE_PROMPTS: dict[str, str] = {
    "en": "Transcript of a phone conversation, with punctuation.",
    "es": "Transcripción de una conversación telefónica, con puntuación y tildes.",
    "pt": "Transcrição de uma conversa telefônica, com pontuação e acentos.",
}
NARROWBAND_HZ = 3_600.0  # a recording with (almost) nothing above this is a phone line


def narrowband(samples: Any, rate: int = 16_000) -> bool:
    """Whether 16 kHz samples carry (almost) none of their energy above NARROWBAND_HZ: an 8 kHz or
    band-limited phone line. On the development calls phone lines hold ~0.002% of it there,
    wideband recordings (espeak-ng, flite, festival; MP3, M4A, Opus) 0.2-6%."""
    import numpy as np

    x = np.asarray(samples, dtype=np.float64)
    if x.size < rate // 4:
        return False
    power = np.abs(np.fft.rfft(x[: 60 * rate])) ** 2
    freqs = np.fft.rfftfreq(min(x.size, 60 * rate), 1 / rate)
    total = float(power.sum())
    return total > 0 and float(power[freqs > NARROWBAND_HZ].sum()) < 1e-4 * total


def pre_emphasis(samples: Any, coefficient: float = 0.97) -> Any:
    """First-order high-frequency boost (y[n] = x[n] - a x[n-1]), rescaled to the input's peak."""
    import numpy as np

    x = np.asarray(samples, dtype=np.float32)
    if x.size < 2:
        return x
    y = np.empty_like(x)
    y[0] = x[0]
    y[1:] = x[1:] - coefficient * x[:-1]
    peak, out_peak = float(np.abs(x).max()), float(np.abs(y).max())
    return (y * (peak / out_peak)).astype(np.float32) if out_peak > 0 else y


@dataclass(frozen=True)
class DecodeOptions:
    """faster-whisper decoding options beside the model and language (bench.speech_options
    measures them). The defaults here are plain decoding; the settings (LOCAL_WHISPER_*, see
    adapters.factory.decode_options) carry what the development calls chose."""

    beam_size: int = 5
    condition_on_previous_text: bool = False
    vad_filter: bool = False
    prompt: bool = False  # STYLE_PROMPTS[language] as initial_prompt
    temperature_fallback: bool = True  # re-decode at higher temperatures when a window fails
    no_speech_threshold: float | None = 0.6
    compression_ratio_threshold: float | None = 2.4
    phone_emphasis: bool = False  # pre-emphasis on narrowband (phone) audio before decoding
    detection_segments: int = 1  # 30 s windows the language is detected over
    # 0: plain decoding; N: faster-whisper's BatchedInferencePipeline for wideband audio, cut at
    # pauses by its VAD and N pieces decoded at once (faster; README "Quality"). Phone lines are
    # decoded plainly: batched, their WER tripled on the development calls.
    batch_size: int = 0

    def cache_key(self) -> list[Any]:
        return [self.beam_size, self.condition_on_previous_text, self.vad_filter, self.prompt,
                self.temperature_fallback, self.no_speech_threshold,
                self.compression_ratio_threshold, self.phone_emphasis, self.detection_segments,
                *([self.batch_size] if self.batch_size else [])]


UNSURE_BELOW = 0.7  # base's language probability under which a likely language may be preferred
LIKELY_AT_LEAST = 0.1  # ... if base gives that language at least this probability


class LocalWhisper:
    """faster-whisper on the CPU with CTranslate2 model directories. One model object per worker
    and model, shared by its threads (CTranslate2 is thread-safe).

    `choice` (LOCAL_WHISPER_MODEL): "base" is multilingual Whisper base (the language is
    detected, or `language` forces one, or it is the likeliest of `languages` when those are
    given, and one of `likely_languages` is preferred when base is unsure; see `languages_of`);
    "tiny.en" is English only; "auto" detects the language
    with base and transcribes English with tiny.en, other languages with base. A
    `model_path` (LOCAL_WHISPER_MODEL_PATH) replaces the choice with that one directory.

    Segments are split where a pause of `split_pause` seconds falls between two words (from
    word timestamps), so a segment rarely spans two speakers' turns; the text is the model's."""

    engine = "local"

    def __init__(self, model_path: str | None, model_name: str, beam_size: int, threads: int,
                 parallel: int = 2, choice: LocalModel = "tiny.en", language: str | None = None,
                 split_pause: float | None = 0.3,
                 languages: tuple[str, ...] = (),
                 options: DecodeOptions | None = None,
                 likely_languages: tuple[str, ...] = ()) -> None:
        from adapters import whisper_models

        self.paths: dict[str, str] = {}
        if model_path is not None:
            if not Path(model_path).is_dir():
                raise ConfigurationError(f"LOCAL_WHISPER_MODEL_PATH {model_path} is not a "
                                         "directory")
            self.paths["custom"] = model_path
            self.model = model_name
        else:
            if choice in ("tiny.en", "auto"):
                self.paths["tiny.en"] = str(whisper_models.tiny_en_path())
            if choice in ("base", "auto"):
                self.paths["base"] = str(whisper_models.base_path())
            self.model = {"tiny.en": "whisper-tiny.en", "base": "whisper-base",
                          "auto": "whisper-base+tiny.en"}[choice]
        self.choice = "custom" if model_path is not None else choice
        self.model_path = next(iter(self.paths.values()))
        self.language = language
        self.languages = tuple(lang.strip() for lang in languages if lang.strip())
        self.likely_languages = tuple(lang.strip() for lang in likely_languages if lang.strip())
        self.split_pause = split_pause
        self.options = options or DecodeOptions(beam_size=beam_size)
        self.beam_size, self.threads = self.options.beam_size, threads
        self.parallel = max(1, parallel)
        self._models: dict[str, Any] = {}
        self._pipelines: dict[int, Any] = {}  # a BatchedInferencePipeline per model (its id)
        self._lock = threading.Lock()
        # At most `parallel` chunks at once per worker: each holds its decoded audio and features
        # (~0.3 GB for 5 minutes), so memory is bounded by this, not by the length of the call.
        self._busy = threading.BoundedSemaphore(self.parallel)

    def _load(self, name: str | None = None) -> Any:
        name = name or next(iter(self.paths))
        with self._lock:
            if name not in self._models:
                from faster_whisper import WhisperModel

                self._models[name] = WhisperModel(self.paths[name], device="cpu",
                                                  compute_type="int8", cpu_threads=self.threads,
                                                  num_workers=self.parallel)
        return self._models[name]

    def languages_of(self, audio: Any) -> tuple[str, str]:
        """The language to transcribe in, and the one base heard likeliest among all.

        They differ when `languages` is set and the one heard is not among them (the likeliest
        of those is taken), or when base is unsure (under UNSURE_BELOW) of a language that is not
        among `likely_languages` and one of those is still plausible (at least LIKELY_AT_LEAST):
        base takes Spanish on narrowband phone lines for Italian or Latin at 0.4-0.6."""
        heard, probability, probabilities = self._load("base").detect_language(
            audio, language_detection_segments=self.options.detection_segments)
        heard = str(heard)
        if self.languages:
            allowed = [(lang, p) for lang, p in probabilities if lang in self.languages]
            return (str(max(allowed, key=lambda lp: lp[1])[0]) if allowed else heard), heard
        if self.likely_languages and heard not in self.likely_languages \
                and probability < UNSURE_BELOW:
            likely = [(lang, p) for lang, p in probabilities if lang in self.likely_languages]
            best = max(likely, key=lambda lp: lp[1], default=None)
            if best is not None and best[1] >= LIKELY_AT_LEAST:
                return str(best[0]), heard
        return heard, heard

    def _detect(self, audio: Any) -> str:
        return self.languages_of(audio)[0]

    def _pick(self, audio: Any) -> tuple[Any, str | None]:
        """The model to transcribe with and the language to force (None: let it detect)."""
        if self.choice == "tiny.en":
            return self._load("tiny.en"), "en"
        if self.choice == "custom":
            return self._load(), self.language
        language = self.language
        if language is None and (self.choice == "auto" or self.languages or self.likely_languages
                                 or self.options.prompt or self.options.detection_segments > 1):
            language = self._detect(audio)
        if self.choice == "auto" and language == "en":
            return self._load("tiny.en"), "en"
        return self._load("base"), language

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult:
        with self._busy:
            try:
                from faster_whisper.audio import decode_audio

                samples = decode_audio(str(audio))
                model, language = self._pick(samples)
                o = self.options
                phone = narrowband(samples)
                if o.phone_emphasis and phone:
                    samples = pre_emphasis(samples)
                common: dict[str, Any] = dict(
                    beam_size=o.beam_size, language=language,
                    condition_on_previous_text=o.condition_on_previous_text,
                    initial_prompt=STYLE_PROMPTS.get(language or "") if o.prompt else None,
                    temperature=[0.0, 0.2, 0.4, 0.6, 0.8, 1.0] if o.temperature_fallback
                    else 0.0,
                    no_speech_threshold=o.no_speech_threshold,
                    compression_ratio_threshold=o.compression_ratio_threshold,
                    word_timestamps=self.split_pause is not None)
                if o.batch_size and not phone:  # batched decoding of phone lines lost words
                    segments, info = self._batched(model).transcribe(
                        samples, batch_size=o.batch_size, **common)
                else:
                    segments, info = model.transcribe(samples, vad_filter=o.vad_filter, **common)
                out = [part for s in segments for part in self._split(s)]
            except (ValueError, RuntimeError) as exc:
                raise InvalidAudioError(f"Local Whisper could not decode the chunk: {exc}") from exc
        return SpeechResult(out, info.language, Usage(audio_seconds=duration_seconds))

    def _batched(self, model: Any) -> Any:
        with self._lock:
            if id(model) not in self._pipelines:
                from faster_whisper import BatchedInferencePipeline

                self._pipelines[id(model)] = BatchedInferencePipeline(model)
            return self._pipelines[id(model)]

    def _split(self, seg: Any) -> list[Segment]:
        confidence = confidence_from_logprob(seg.avg_logprob, seg.no_speech_prob)
        words = list(seg.words or []) if self.split_pause is not None else []
        if not words:
            return [Segment(start=seg.start, end=seg.end, text=seg.text, confidence=confidence)]
        groups: list[list[Any]] = [[words[0]]]
        for word in words[1:]:
            if word.start - groups[-1][-1].end >= (self.split_pause or 0.0):
                groups.append([word])
            else:
                groups[-1].append(word)
        return [Segment(start=g[0].start, end=g[-1].end, text="".join(w.word for w in g),
                        confidence=confidence) for g in groups]


def _field(item: Any, key: str, default: Any = None) -> Any:
    """A field of an API segment, whether the SDK gave a dict or an object."""
    return item.get(key, default) if isinstance(item, dict) else getattr(item, key, default)


DIARIZED_CONFIDENCE = 0.8
"""A diarising model's segments carry no log-probabilities; this stands in for them."""


class OpenAIWhisper:
    """Whisper through the openai SDK; `client` is an OpenAI or AzureOpenAI client.

    A diarising model (`gpt-4o-transcribe-diarize`, or an Azure deployment of it: `diarize` in
    the model or deployment name) is asked for `diarized_json` with server-side chunking (required
    above 30 s), and its segments keep the speaker label it gives (A, B, ... per request)."""

    def __init__(self, client, engine: str, model: str) -> None:
        self.client, self.engine, self.model = client, engine, model
        self.diarize = "diarize" in model.lower()

    def transcribe(self, audio: Path, duration_seconds: float) -> SpeechResult:
        from adapters.openai_errors import LIBRARY_ERRORS, translate

        options: dict[str, Any] = {"response_format": "diarized_json",
                                   "chunking_strategy": "auto"} if self.diarize else {
            "response_format": "verbose_json", "timestamp_granularities": ["segment"]}
        try:
            with audio.open("rb") as f:
                resp: Any = self.client.audio.transcriptions.create(
                    model=self.model, file=(audio.name, f, "audio/flac"), **options)
        except LIBRARY_ERRORS as exc:
            raise translate(exc, "transcription") from exc
        raw_segments = getattr(resp, "segments", None) or []
        segments = []
        for s in raw_segments:
            confidence = DIARIZED_CONFIDENCE if self.diarize else confidence_from_logprob(
                float(_field(s, "avg_logprob", 0.0) or 0.0),
                float(_field(s, "no_speech_prob", 0.0) or 0.0))
            speaker = _field(s, "speaker") if self.diarize else None
            segments.append(Segment(start=float(_field(s, "start", 0.0)),
                                    end=float(_field(s, "end", 0.0)),
                                    text=str(_field(s, "text", "")), confidence=confidence,
                                    speaker=str(speaker) if speaker else None))
        text = str(_field(resp, "text", "") or "")
        if not segments and text:
            segments = [Segment(start=0.0, end=duration_seconds, text=text, confidence=0.5)]
        language = getattr(resp, "language", None)
        return SpeechResult(segments, language, Usage(audio_seconds=duration_seconds))

