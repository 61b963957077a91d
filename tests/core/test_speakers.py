"""Speakers from audio features: utterances from the envelope, channels for stereo, pitch for
mono, and segments attributed to the party heard longest."""

from __future__ import annotations

import numpy as np

from core.speakers import (
    MFCC_COEFFS,
    attribute,
    channel_spans,
    delta_bic,
    frame_mfcc,
    frame_pitch,
    speakers_for,
    two_voices,
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


def test_frame_mfcc_ignores_the_level_and_sees_the_spectral_shape() -> None:
    low, high = _frames(_tone(120, 1)), _frames(_tone(120, 1) + 0.5 * _tone(1900, 1))
    a, louder, other = frame_mfcc(low, RATE), frame_mfcc(3 * low, RATE), frame_mfcc(high, RATE)
    assert a.shape == (10, MFCC_COEFFS)
    assert np.allclose(a, louder, atol=1e-3)  # level lives in c0, which is left out
    assert float(np.linalg.norm(a.mean(axis=0) - other.mean(axis=0))) > 1.0


def _utterances(rng: np.random.Generator, centres: list[np.ndarray], n: int = 40
                ) -> list[np.ndarray]:
    return [rng.normal(c, 1.0, size=(n, c.size)) for c in centres]


def test_two_voices_keeps_one_voice_whole_and_splits_two() -> None:
    rng = np.random.default_rng(7)
    d = MFCC_COEFFS + 1
    one = _utterances(rng, [np.zeros(d)] * 12)
    group, score = two_voices(one)
    assert group is None and score < 0
    other = np.zeros(d)
    other[:4] = 2.5  # a different spectral envelope, same pitch (the last feature)
    turns = [np.zeros(d) if i % 2 == 0 else other for i in range(12)]
    group, score = two_voices(_utterances(rng, turns))
    assert group is not None and score > 0
    assert list(group) == [bool(i % 2) for i in range(12)] or \
        list(group) == [not (i % 2) for i in range(12)]


def test_delta_bic_grows_with_the_distance_between_voices() -> None:
    rng = np.random.default_rng(3)
    a = rng.normal(0, 1, size=(200, 4))
    near, far = rng.normal(0.3, 1, size=(200, 4)), rng.normal(3.0, 1, size=(200, 4))
    assert delta_bic(a, near) < 0 < delta_bic(a, far)
    assert delta_bic(a, far, penalty=0.0) > delta_bic(a, far, penalty=1.0)


def test_voice_spans_with_cepstra_follow_the_model_selection() -> None:
    rng = np.random.default_rng(5)
    env = _envelope([(4, 0.3), (0.6, 0), (4, 0.3), (0.6, 0), (4, 0.3), (0.6, 0), (4, 0.3)])
    pitch = np.where(env > 0, rng.normal(150, 5, size=env.size), 0).astype(np.float32)
    same = rng.normal(0, 1, size=(env.size, MFCC_COEFFS)).astype(np.float32)
    assert [s.label for s in voice_spans(env, pitch, same)] == ["S1"]
    two = same.copy()
    two[46:86, :4] += 4.0  # the second and fourth utterances: another spectral envelope
    two[138:178, :4] += 4.0
    assert [s.label for s in voice_spans(env, pitch, two)] == ["S1", "S2", "S1", "S2"]
