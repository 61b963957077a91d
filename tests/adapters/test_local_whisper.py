"""Local Whisper with the real models on short espeak-ng clips: base hears Spanish as Spanish,
auto sends English to tiny.en and Spanish to base, and segments are split at pauses."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from adapters.speech import LocalWhisper
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


class _Detector:
    """Stands in for the base model's language detection (the probabilities of a phone call in
    Spanish that base takes for Italian, as measured on the corpus)."""

    def detect_language(self, audio: object) -> tuple[str, float, list[tuple[str, float]]]:
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
