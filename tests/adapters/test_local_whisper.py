"""Local Whisper with the real models on short espeak-ng clips: base hears Spanish as Spanish,
auto sends English to tiny.en and Spanish to base, and segments are split at pauses."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from adapters.speech import STYLE_PROMPTS, DecodeOptions, LocalWhisper, narrowband, pre_emphasis
from bench.corpus.render import RATE, Voice, encode, speak
from bench.quality import wer

SPANISH = "Buenos días, quería información sobre su sistema de facturación."
ENGLISH = ["Good morning, this is Acme sales.", "I would like a quote for ten licences."]


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("clips")
    es = tmp / "es.mp3"
    encode(speak(SPANISH, Voice("espeak", "es+m3", 150)), es, 16_000, "mp3")
    gap = np.zeros(int(1.2 * RATE), np.float32)
    en = tmp / "en.wav"
    encode(np.concatenate([speak(ENGLISH[0], Voice("espeak", "en-us+m3")), gap,
                           speak(ENGLISH[1], Voice("espeak", "en-us+f4"))]), en, 16_000, "wav")
    return {"es": es, "en": en}


def test_base_detects_and_transcribes_spanish(clips: dict[str, Path]) -> None:
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base")
    result = engine.transcribe(clips["es"], 4.0)
    assert result.language == "es"
    text = " ".join(s.text for s in result.segments)
    assert "información" in text and "facturación" in text, text  # Spanish, not English
    assert wer(SPANISH, text) < 0.7, text


def test_auto_uses_tiny_en_for_english_and_base_otherwise(clips: dict[str, Path]) -> None:
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="auto")
    english = engine.transcribe(clips["en"], 6.0)
    assert english.language == "en"
    assert set(engine._models) == {"base", "tiny.en"}  # base detected, tiny.en transcribed
    spanish = engine.transcribe(clips["es"], 4.0)
    assert spanish.language == "es"
    assert "facturación" in " ".join(s.text for s in spanish.segments)


def test_segments_are_split_at_pauses_between_words(clips: dict[str, Path]) -> None:
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base", split_pause=0.6)
    segments = engine.transcribe(clips["en"], 6.0).segments
    assert len(segments) >= 2
    gap = [b.start - a.end for a, b in itertools.pairwise(segments)]
    assert max(gap) >= 0.6
    assert "quote" in segments[-1].text and "morning" in segments[0].text


def test_the_batched_pipeline_transcribes_the_pieces_its_vad_cuts(
        clips: dict[str, Path]) -> None:
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base",
                          options=DecodeOptions(beam_size=1, batch_size=4))
    result = engine.transcribe(clips["en"], 6.0)
    assert result.language == "en"
    text = " ".join(s.text for s in result.segments)
    assert "morning" in text and "quote" in text, text
    assert wer(" ".join(ENGLISH), text) < 0.5, text
    assert all(0.0 <= s.start < s.end <= 7.0 for s in result.segments)
    assert len(engine._pipelines) == 1  # one pipeline for the model, kept for the next chunk


class _Detector:
    """Stands in for the base model's language detection (the probabilities of a phone call in
    Spanish that base takes for Italian, as measured on the corpus)."""

    def detect_language(self, audio: object, **options: object
                        ) -> tuple[str, float, list[tuple[str, float]]]:
        return "it", 0.54, [("it", 0.54), ("es", 0.19), ("la", 0.13), ("en", 0.03)]


def test_detection_keeps_to_the_languages_given() -> None:
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base", languages=("en", "es"))
    engine._models["base"] = _Detector()
    assert engine._pick(None)[1] == "es"
    anything = LocalWhisper(None, "", beam_size=1, threads=2, choice="auto")
    anything._models["base"] = _Detector()
    assert anything._detect(None) == "it"
    forced = LocalWhisper(None, "", beam_size=1, threads=2, choice="base", language="pt",
                          languages=("en", "es"))
    assert forced._pick(None)[1] == "pt"


class _Unsure(_Detector):
    def __init__(self, heard: list[tuple[str, float]]) -> None:
        self.heard = heard

    def detect_language(self, audio: object, **options: object
                        ) -> tuple[str, float, list[tuple[str, float]]]:
        return self.heard[0][0], self.heard[0][1], self.heard


def test_a_likely_language_is_preferred_only_when_base_is_unsure() -> None:
    def choose(heard: list[tuple[str, float]]) -> tuple[str, str]:
        engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base",
                              likely_languages=("en", "es"))
        engine._models["base"] = _Unsure(heard)
        return engine.languages_of(None)

    assert choose([("it", 0.54), ("es", 0.19), ("la", 0.13)]) == ("es", "it")
    assert choose([("pt", 0.93), ("es", 0.05)]) == ("pt", "pt")  # sure of another language
    assert choose([("ja", 0.55), ("zh", 0.40), ("en", 0.02)]) == ("ja", "ja")  # none plausible
    assert choose([("es", 0.45), ("it", 0.40)]) == ("es", "es")  # unsure, but of a likely one
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base",
                          likely_languages=("en", "es"))
    engine._models["base"] = _Detector()
    assert engine._pick(None)[1] == "es"  # the language is detected, then passed to the model


class _Recorder(_Detector):
    """Records the options a transcription was asked with; hears no words."""

    def __init__(self) -> None:
        self.calls: list[dict[str, object]] = []

    def transcribe(self, samples: object, **options: object) -> tuple[list[object], object]:
        self.calls.append({"samples": samples, **options})

        class Info:
            language = options.get("language")

        return [], Info()


def test_decode_options_reach_the_model(clips: dict[str, Path]) -> None:
    options = DecodeOptions(beam_size=3, vad_filter=True, prompt=True,
                            temperature_fallback=False, no_speech_threshold=0.5,
                            compression_ratio_threshold=2.2)
    engine = LocalWhisper(None, "", beam_size=5, threads=2, choice="base",
                          languages=("en", "es"), options=options)
    recorder = _Recorder()
    engine._models["base"] = recorder
    result = engine.transcribe(clips["es"], 4.0)
    sent = recorder.calls[0]
    assert result.language == "es"  # the likeliest of en, es for the stand-in detector
    assert (sent["beam_size"], sent["vad_filter"], sent["temperature"]) == (3, True, 0.0)
    assert sent["initial_prompt"] == STYLE_PROMPTS["es"]
    assert (sent["no_speech_threshold"], sent["compression_ratio_threshold"]) == (0.5, 2.2)
    plain = LocalWhisper(None, "", beam_size=5, threads=2, choice="base", languages=("en", "es"))
    plain._models["base"] = recorder
    plain.transcribe(clips["es"], 4.0)
    default = recorder.calls[1]
    assert default["initial_prompt"] is None and default["vad_filter"] is False
    assert default["temperature"] == [0.0, 0.2, 0.4, 0.6, 0.8, 1.0] and default["beam_size"] == 5


def test_phone_lines_are_told_from_wideband_audio(tmp_path: Path) -> None:
    from faster_whisper.audio import decode_audio

    from bench.corpus.render import _phone_line

    said = speak(SPANISH, Voice("espeak", "es+m3", 150))
    encode(said, tmp_path / "wide.mp3", 16_000, "mp3")
    encode(_phone_line(said), tmp_path / "phone.wav", 8000, "wav", mulaw=True)
    wide = decode_audio(str(tmp_path / "wide.mp3"))
    phone = decode_audio(str(tmp_path / "phone.wav"))
    assert not narrowband(wide) and narrowband(phone)
    boosted = pre_emphasis(phone)
    assert boosted.shape == phone.shape
    assert float(np.abs(boosted).max()) == pytest.approx(float(np.abs(phone).max()), rel=1e-5)
    assert np.allclose(pre_emphasis(np.array([1.0, 1.0, 1.0], np.float32)),
                       [1.0, 0.03, 0.03], atol=1e-6)


def test_phone_lines_are_decoded_plainly_when_batching_is_on(tmp_path: Path) -> None:
    """Batched, the development phone lines' WER tripled: they keep the plain decoder."""
    from bench.corpus.render import _phone_line

    encode(_phone_line(speak(SPANISH, Voice("espeak", "es+m3", 150))), tmp_path / "phone.wav",
           8000, "wav", mulaw=True)
    engine = LocalWhisper(None, "", beam_size=1, threads=2, choice="base", language="es",
                          options=DecodeOptions(beam_size=1, batch_size=8))
    recorder = _Recorder()
    engine._models["base"] = recorder
    engine.transcribe(tmp_path / "phone.wav", 4.0)
    [sent] = recorder.calls
    assert "vad_filter" in sent and "batch_size" not in sent  # the model's own transcribe
    assert engine._pipelines == {}
