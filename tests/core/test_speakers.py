"""Speakers from audio features: utterances from the envelope, channels for stereo, pitch for
mono, and segments attributed to the party heard longest."""

from __future__ import annotations

import numpy as np

from core.speakers import (
    attribute,
    channel_spans,
    frame_pitch,
    speakers_for,
    utterances,
    voice_spans,
)
from core.stitching import stitch
from models.call import ChunkRef, ChunkTranscript, Segment, SpeakerSpan, Transcript

RATE = 16_000


def _tone(freq: float, seconds: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    # a voiced sound: fundamental and harmonics
    wave = np.zeros_like(t)
    for k in range(1, 5):
        wave += np.sin(2 * np.pi * freq * k * t) / k
    return wave.astype(np.float32)


def _frames(samples: np.ndarray) -> np.ndarray:
    n = samples.size // 1600
    return samples[: n * 1600].reshape(n, 1600)


def test_frame_pitch_finds_the_fundamental_and_nothing_in_noise() -> None:
    low, high = frame_pitch(_frames(_tone(110, 1)), RATE), frame_pitch(_frames(_tone(220, 1)), RATE)
    assert np.allclose(np.median(low), 110, rtol=0.03)
    assert np.allclose(np.median(high), 220, rtol=0.03)
    noise = np.random.default_rng(1).normal(0, 0.3, RATE).astype(np.float32)
    assert float(np.mean(frame_pitch(_frames(noise), RATE) > 0)) < 0.2


def _envelope(pattern: list[tuple[float, float]]) -> np.ndarray:
    """(seconds, level) pieces at 10 frames per second."""
    return np.concatenate([np.full(round(s * 10), level, np.float32) for s, level in pattern])


def test_utterances_join_short_pauses_and_split_at_long_ones() -> None:
    env = _envelope([(0.5, 0), (1.0, 0.2), (0.2, 0), (1.0, 0.2), (0.8, 0), (0.5, 0.2), (0.5, 0)])
    utts = utterances(env)
    assert [(u.start, u.end) for u in utts] == [(5, 27), (35, 40)]


def test_channel_spans_follow_the_louder_channel() -> None:
    left = _envelope([(1, 0.3), (0.6, 0), (1, 0.015), (0.6, 0), (1, 0.3)])
    right = _envelope([(1, 0.015), (0.6, 0), (1, 0.3), (0.6, 0), (1, 0.015)])
    spans = channel_spans(left, right)
    assert [s.label for s in spans] == ["left", "right", "left"]
    assert spans[1].start == 1.6 and spans[1].end == 2.6


def test_voice_spans_tell_two_voices_apart_and_one_voice_stays_one() -> None:
    env = _envelope([(1, 0.3), (0.6, 0), (1, 0.3), (0.6, 0), (1, 0.3), (0.6, 0), (1, 0.3)])
    pitch_two = _envelope([(1, 120), (0.6, 0), (1, 210), (0.6, 0), (1, 125), (0.6, 0), (1, 200)])
    labels = [s.label for s in voice_spans(env, pitch_two)]
    assert labels == ["S1", "S2", "S1", "S2"]
    pitch_one = _envelope([(1, 120), (0.6, 0), (1, 124), (0.6, 0), (1, 118), (0.6, 0), (1, 122)])
    spans = voice_spans(env, pitch_one)
    assert [s.label for s in spans] == ["S1"] and spans[0].end == 5.8


def test_speakers_for_stereo_honours_rep_channel() -> None:
    spans = [SpeakerSpan(start=0, end=1, label="right")]
    fixed = speakers_for(spans, stereo=True, rep_channel="right")
    assert [(s.label, s.channel, s.role) for s in fixed] == [("left", "left", "customer"),
                                                              ("right", "right", "rep")]
    assert {s.role for s in speakers_for(spans, stereo=True)} == {"unknown"}
    mono = speakers_for([SpeakerSpan(start=0, end=1, label="S1"),
                         SpeakerSpan(start=1, end=2, label="S2")], stereo=False)
    assert [(s.label, s.channel) for s in mono] == [("S1", None), ("S2", None)]


def test_attribute_names_the_party_heard_longest() -> None:
    spans = [SpeakerSpan(start=0, end=2.0, label="S1"), SpeakerSpan(start=2.4, end=5, label="S2")]
    segs = [Segment(start=0.1, end=2.6, text="hello there", confidence=0.9),
            Segment(start=2.5, end=4.9, text="hi", confidence=0.9),
            Segment(start=6.0, end=6.5, text="bye", confidence=0.9)]
    out = attribute(Transcript(text="", segments=segs),
                    spans, speakers_for(spans, stereo=False))
    assert [s.speaker for s in out.segments] == ["S1", "S2", "S2"]
    assert [s.label for s in out.speakers] == ["S1", "S2"]


def test_stitch_attributes_speakers_across_chunks() -> None:
    chunks = [ChunkRef(index=0, blob_name="a", start_seconds=0, end_seconds=11, owned_from=0,
                       owned_to=10),
              ChunkRef(index=1, blob_name="b", start_seconds=9, end_seconds=20, owned_from=10,
                       owned_to=20)]
    parts = [ChunkTranscript(chunk_index=0, segments=[
                 Segment(start=1, end=3, text="Acme sales.", confidence=0.9)], language="en"),
             ChunkTranscript(chunk_index=1, segments=[
                 Segment(start=3, end=5, text="I need a quote.", confidence=0.9)],
                 language="en")]
    spans = [SpeakerSpan(start=0.5, end=3.2, label="left"),
             SpeakerSpan(start=11.5, end=14.5, label="right")]
    out = stitch(chunks, parts, spans, speakers_for(spans, stereo=True, rep_channel="left"))
    assert [(s.text, s.speaker) for s in out.segments] == [("Acme sales.", "left"),
                                                           ("I need a quote.", "right")]
    assert {s.label: s.role for s in out.speakers} == {"left": "rep", "right": "customer"}
    assert stitch(chunks, parts).segments[0].speaker is None


def test_voices_of_one_pitch_are_one_voice() -> None:
    """Within MIN_VOICE_GAP_OCTAVES the audio does not split: one voice's intonation stays one
    speaker (the text tells close voices apart later, core.roles)."""
    env = _envelope([(1, 0.3), (0.6, 0), (1, 0.3), (0.6, 0), (1, 0.3), (0.6, 0), (1, 0.3)])
    pitch = _envelope([(1, 150), (0.6, 0), (1, 162), (0.6, 0), (1, 141), (0.6, 0), (1, 158)])
    assert [s.label for s in voice_spans(env, pitch)] == ["S1"]
