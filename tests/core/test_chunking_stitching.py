import numpy as np

from core.chunking import FRAME_SECONDS, is_silent, max_chunk_seconds, plan_chunks, plan_cuts
from core.stitching import confidence_from_logprob, stitch
from models.call import ChunkRef, ChunkTranscript, Segment


def _envelope(seconds: float, quiet_at: list[float]) -> np.ndarray:
    env = np.full(int(seconds / FRAME_SECONDS), 0.1, dtype=np.float32)
    for t in quiet_at:
        i = int(t / FRAME_SECONDS)
        env[i - 3:i + 3] = 0.0001
    return env


def test_cuts_land_on_silence_before_the_limit() -> None:
    env = _envelope(1500, [550.0, 1120.0])
    cuts = plan_cuts(env, 1500, 600, 60)
    assert len(cuts) == 2
    assert abs(cuts[0] - 550.0) < 0.5 and abs(cuts[1] - 1120.0) < 0.5
    assert all(b - a <= 600 for a, b in zip([0.0, *cuts], [*cuts, 1500]))


def test_cut_without_silence_falls_at_most_at_the_limit() -> None:
    cuts = plan_cuts(np.full(12000, 0.1, dtype=np.float32), 1200, 600, 20)
    assert all(0 < c <= 600 * (i + 1) for i, c in enumerate(cuts))


def test_chunks_overlap_and_own_disjoint_spans() -> None:
    chunks = plan_chunks(_envelope(1300, [590.0, 1180.0]), 1300, 600, 30, 1.0)
    assert chunks[0].start == 0 and chunks[-1].end == 1300
    for a, b in zip(chunks, chunks[1:]):
        assert a.owned_to == b.owned_from
        assert a.end - b.start == 2.0  # one second either side of the cut
    assert all(c.end - c.start <= 600 for c in chunks)


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


def test_confidence_mapping() -> None:
    assert confidence_from_logprob(0.0) == 1.0
    assert 0.7 < confidence_from_logprob(-0.3) < 0.75
    assert confidence_from_logprob(-0.3, no_speech_prob=1.0) == 0.0
