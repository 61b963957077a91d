"""Speaker spans from real audio in the one decoding pass: a stereo recording's channels, and two
espeak-ng voices in a mono one."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from adapters import audio
from bench.corpus.render import RATE, Voice, encode, speak

LINES = ["Good morning, this is Acme sales.", "Hello, I would like a quote for ten licences.",
         "Of course, I can send it today.", "Great, thank you very much."]


def _gap() -> np.ndarray:
    return np.zeros(int(0.7 * RATE), np.float32)


def test_stereo_spans_follow_the_channels(tmp_path: Path) -> None:
    rep, customer = Voice("espeak", "en-us+m3"), Voice("espeak", "en-gb+f3")
    left, right = [], []
    for i, line in enumerate(LINES):
        said = speak(line, rep if i % 2 == 0 else customer)
        quiet = np.zeros_like(said)
        left += [said if i % 2 == 0 else quiet, _gap()]
        right += [quiet if i % 2 == 0 else said, _gap()]
    path = tmp_path / "call.m4a"
    encode(np.stack([np.concatenate(left), np.concatenate(right)]), path, 16_000, "m4a")
    info, env, spans = audio.decode_call(path, tmp_path / "a.pcm")
    assert info.channels == 2
    assert [s.label for s in spans] == ["left", "right", "left", "right"]
    plain_info, plain_env = audio.decode(path, tmp_path / "b.pcm")
    assert np.array_equal(env, plain_env) and plain_info == info


def test_mono_spans_tell_two_voices_apart(tmp_path: Path) -> None:
    rep, customer = Voice("espeak", "en-us+m3", 165), Voice("espeak", "en-us+f4", 150)
    parts = []
    for i, line in enumerate(LINES):
        parts += [speak(line, rep if i % 2 == 0 else customer), _gap()]
    path = tmp_path / "call.mp3"
    encode(np.concatenate(parts), path, 16_000, "mp3")
    _, _, spans = audio.decode_call(path, tmp_path / "a.pcm")
    assert [s.label for s in spans] == ["S1", "S2", "S1", "S2"]


def test_a_whole_call_chunk_holds_the_samples_the_bare_model_hears(tmp_path: Path) -> None:
    """A call kept in one chunk is transcribed from exactly the samples faster-whisper decodes
    from the original file, so its transcript is the bare model's."""
    from faster_whisper.audio import decode_audio

    from core.chunking import PlannedChunk

    said = np.concatenate([speak(line, Voice("espeak", "en-us+m3")) for line in LINES[:2]])
    for name, rate, fmt in (("a.wav", 44_100, "wav"), ("b.mp3", 16_000, "mp3"),
                            ("c.flac", 22_050, "flac")):
        path = tmp_path / name
        encode(said, path, rate, fmt)
        info, _, _ = audio.decode_call(path, tmp_path / "a.pcm")
        whole = PlannedChunk(0, 0.0, info.duration_seconds, 0.0, info.duration_seconds)
        chunk = audio.write_chunks(tmp_path / "a.pcm", [whole], tmp_path / name.split(".")[0])[0]
        assert np.array_equal(decode_audio(str(chunk)), decode_audio(str(path)))


MORE = ["Thanks for calling Parcelio, this is Dana, how can I help you today?",
        "Hi Dana, I run a small bakery and we are looking for delivery software.",
        "Happy to help. How many vans do you have on the road at the moment?",
        "We have twelve vans, and we would like to start before the summer.",
        "And do you have a budget in mind for the first year of the service?",
        "We can spend about six thousand pounds, maybe a little more than that.",
        "Great, I will send you a quote tomorrow morning with two options.",
        "Perfect, please send it to my email address, thank you very much."]


def _mono(tmp_path: Path, rep: Voice, customer: Voice) -> list[str]:
    parts = []
    for i, line in enumerate(MORE):
        parts += [speak(line, rep if i % 2 == 0 else customer), _gap()]
    path = tmp_path / "call.wav"
    encode(np.concatenate(parts), path, 16_000, "wav")
    _, _, spans = audio.decode_call(path, tmp_path / "a.pcm")
    return [s.label for s in spans]


def test_two_male_voices_of_one_pitch_are_told_apart(tmp_path: Path) -> None:
    """flite's rms and festival's kal are both low male voices (pitch alone left them one)."""
    labels = _mono(tmp_path, Voice("flite", "rms", 150), Voice("festival", "kal_diphone", 160))
    assert labels == ["S1", "S2"] * 4


def test_one_voice_saying_both_parts_stays_one(tmp_path: Path) -> None:
    for voice in (Voice("espeak", "en-us", 150), Voice("flite", "slt", 160)):
        assert _mono(tmp_path, voice, voice) == ["S1"], voice
