from itertools import pairwise

import numpy as np

from core.chunking import (
    FRAME_SECONDS,
    chunk_count,
    is_silent,
    max_chunk_seconds,
    plan_chunks,
    plan_cuts,
)
from core.stitching import confidence_from_logprob, stitch
from models.call import ChunkRef, ChunkTranscript, Segment, Speaker, SpeakerSpan


def _envelope(seconds: float, quiet_at: list[float]) -> np.ndarray:
    env = np.full(int(seconds / FRAME_SECONDS), 0.1, dtype=np.float32)
    for t in quiet_at:
        i = int(t / FRAME_SECONDS)
        env[i - 3:i + 3] = 0.0001
    return env


def test_cuts_land_on_silence_near_even_positions() -> None:
    env = _envelope(1500, [488.0, 1013.0, 700.0])
    cuts = plan_cuts(env, 1500, 3, 598, 30)
    assert len(cuts) == 2
    assert abs(cuts[0] - 488.0) < 0.5 and abs(cuts[1] - 1013.0) < 0.5


def test_cuts_without_silence_stay_within_the_limit() -> None:
    env = np.full(12000, 0.1, dtype=np.float32)
    cuts = plan_cuts(env, 1200, 5, 240, 40)  # 240 s each exactly: no room to move
    assert cuts == [240.0, 480.0, 720.0, 960.0]
    cuts = plan_cuts(env, 1200, 6, 298, 20)
    spans = np.diff([0.0, *cuts, 1200])
    assert len(cuts) == 5 and spans.max() <= 298 and all(abs(c - 200 * (i + 1)) <= 10
                                                          for i, c in enumerate(cuts))


def test_very_short_parts_stay_inside_the_call() -> None:
    for duration, count in [(3.0, 2), (1.5, 2), (12.0, 4)]:
        cuts = plan_cuts(_envelope(duration, []), duration, count, 28, 20)
        bounds = [0.0, *cuts, duration]
        assert len(cuts) == count - 1 and all(a < b for a, b in pairwise(bounds)), cuts


def test_chunk_count_gives_each_worker_a_share_of_calls_long_enough() -> None:
    assert chunk_count(120, 298, parallel=2, min_seconds=45) == 2  # 2-minute call: two halves
    assert chunk_count(60, 298, parallel=2, min_seconds=45) == 1  # halves would be too short
    assert chunk_count(120, 298, parallel=1, min_seconds=45) == 1
    assert chunk_count(1200, 298, parallel=2, min_seconds=45) == 6  # 5 needed, rounded up to 6
    assert chunk_count(1200, 298, parallel=1) == 5
    assert chunk_count(3600, 298, parallel=4, min_seconds=45) == 16
    assert chunk_count(500, 298, parallel=4, min_seconds=200) == 2  # the limit wins over min


def test_chunks_overlap_and_own_disjoint_spans() -> None:
    chunks = plan_chunks(_envelope(1300, [590.0, 1180.0]), 1300, 600, 30, 1.0)
    assert chunks[0].start == 0 and chunks[-1].end == 1300
    for a, b in pairwise(chunks):
        assert a.owned_to == b.owned_from
        assert a.end - b.start == 2.0  # one second either side of the cut
    assert all(c.end - c.start <= 600 for c in chunks)


def test_a_short_call_is_halved_at_its_quietest_moment_for_two_workers() -> None:
    chunks = plan_chunks(_envelope(120, [57.0]), 120, 300, 20, 1.0, parallel=2, min_seconds=45)
    assert len(chunks) == 2 and abs(chunks[0].owned_to - 57.0) < 0.5
    assert chunks[1].owned_from == chunks[0].owned_to and chunks[1].owned_to == 120
    assert plan_chunks(_envelope(120, [57.0]), 120, 300, 20, 1.0)[0].owned_to == 120


def test_size_limit_shortens_chunks() -> None:
    assert max_chunk_seconds(600, 24 * 1024 * 1024, 32_000) == 600
    assert max_chunk_seconds(600, 1_000_000, 32_000) == 0.9 * 1_000_000 / 32_000


def test_silence_detection() -> None:
    assert is_silent(np.zeros(50, dtype=np.float32))
    assert is_silent(np.zeros(0, dtype=np.float32))
    assert not is_silent(np.array([0.0, 0.2], dtype=np.float32))


def test_stitch_offsets_and_deduplicates_the_overlap() -> None:
    chunks = [ChunkRef(index=0, blob_name="a", start_seconds=0, end_seconds=11, owned_from=0,
                       owned_to=10),
              ChunkRef(index=1, blob_name="b", start_seconds=9, end_seconds=20, owned_from=10,
                       owned_to=20)]
    parts = [
        ChunkTranscript(chunk_index=1, language="en", segments=[
            Segment(start=0.2, end=1.6, text="boundary words", confidence=0.5),  # 9.2-10.6, mid 9.9
            Segment(start=2.0, end=5.0, text="second part", confidence=0.9)]),
        ChunkTranscript(chunk_index=0, language="en", segments=[
            Segment(start=1.0, end=4.0, text="first part", confidence=0.8),
            Segment(start=9.2, end=10.6, text="boundary words", confidence=0.7)]),
    ]
    t = stitch(chunks, parts)
    assert [s.text for s in t.segments] == ["first part", "boundary words", "second part"]
    assert t.segments[2].start == 11.0 and t.segments[2].end == 14.0
    assert t.segments[1].confidence == 0.7  # kept from the chunk that owns t=9.9
    assert t.text == "first part boundary words second part"
    assert t.language == "en" and 0.7 < t.confidence < 0.9


def _two_chunks() -> list[ChunkRef]:
    return [ChunkRef(index=0, blob_name="a", start_seconds=0, end_seconds=11, owned_from=0,
                     owned_to=10),
            ChunkRef(index=1, blob_name="b", start_seconds=9, end_seconds=20, owned_from=10,
                     owned_to=20)]


def _seg(start: float, end: float, text: str, speaker: str) -> Segment:
    return Segment(start=start, end=end, text=text, confidence=0.8, speaker=speaker)


def test_a_diarising_engines_labels_are_linked_across_chunks_by_the_overlap() -> None:
    # chunk 2 calls the rep "B" and the customer "A": the overlap (9-11 s) ties its "A" to
    # chunk 1's "B" (the customer speaking there); its "B" is then the other one
    parts = [ChunkTranscript(chunk_index=0, segments=[
                _seg(0.5, 4.0, "thanks for calling", "A"), _seg(5.0, 10.8, "hi it is maria", "B")]),
             ChunkTranscript(chunk_index=1, segments=[
                _seg(0.0, 1.8, "it is maria", "A"), _seg(3.0, 6.0, "what is your budget", "B"),
                _seg(7.0, 9.0, "about ten thousand", "A")])]
    t = stitch(_two_chunks(), parts)
    assert [(s.text, s.speaker) for s in t.segments] == [
        ("thanks for calling", "A"), ("hi it is maria", "B"), ("what is your budget", "A"),
        ("about ten thousand", "B")]
    assert [sp.label for sp in t.speakers] == ["A", "B"]


def test_labels_without_a_shared_moment_keep_names_of_their_own() -> None:
    parts = [ChunkTranscript(chunk_index=0, segments=[
                _seg(0.5, 4.0, "one", "A"), _seg(5.0, 8.0, "two", "B")]),
             ChunkTranscript(chunk_index=1, segments=[
                _seg(3.0, 6.0, "three", "A"), _seg(7.0, 9.0, "four", "B")])]
    t = stitch(_two_chunks(), parts)
    assert [s.speaker for s in t.segments] == ["A", "B", "A·2", "B·2"]


def test_stereo_channels_win_over_the_engines_labels() -> None:
    parts = [ChunkTranscript(chunk_index=0, segments=[_seg(0.5, 4.0, "one", "A"),
                                                      _seg(5.0, 8.0, "two", "A")])]
    chunk = ChunkRef(index=0, blob_name="a", start_seconds=0, end_seconds=9, owned_from=0,
                     owned_to=9)
    spans = [SpeakerSpan(start=0.0, end=4.5, label="L"), SpeakerSpan(start=4.5, end=9, label="R")]
    speakers = [Speaker(label="L", channel="left"), Speaker(label="R", channel="right")]
    t = stitch([chunk], parts, spans, speakers)
    assert [s.speaker for s in t.segments] == ["L", "R"]


def test_confidence_mapping() -> None:
    assert confidence_from_logprob(0.0) == 1.0
    assert 0.7 < confidence_from_logprob(-0.3) < 0.75
    assert confidence_from_logprob(-0.3, no_speech_prob=1.0) == 0.0
