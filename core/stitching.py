"""Stitch chunk transcripts into one call transcript with call-relative timestamps."""

from __future__ import annotations

import math

from core.speakers import attribute
from models.call import ChunkRef, ChunkTranscript, Segment, Speaker, SpeakerSpan, Transcript


def confidence_from_logprob(avg_logprob: float, no_speech_prob: float = 0.0) -> float:
    """A 0..1 confidence from Whisper's average token log-probability and no-speech probability."""
    value = math.exp(min(0.0, avg_logprob)) * (1.0 - max(0.0, min(1.0, no_speech_prob)))
    return round(max(0.0, min(1.0, value)), 4)


def stitch(chunks: list[ChunkRef], transcripts: list[ChunkTranscript],
           speaker_spans: list[SpeakerSpan] | None = None,
           speakers: list[Speaker] | None = None) -> Transcript:
    """Offset each chunk's segments to the call, keep those whose midpoint the chunk owns, and
    name each segment's speaker from the spans `prepare_audio` found (`core.speakers`).

    Chunks overlap by a second or so; a segment in an overlap is heard by both neighbours and kept
    once, from the chunk that owns the moment it is centred on.
    """
    by_index = {t.chunk_index: t for t in transcripts}
    segments: list[Segment] = []
    languages: dict[str, int] = {}
    for chunk in sorted(chunks, key=lambda c: c.index):
        part = by_index.get(chunk.index)
        if part is None:
            continue
        if part.language:
            languages[part.language] = languages.get(part.language, 0) + 1
        last = chunk.index == len(chunks) - 1
        for seg in part.segments:
            start, end = seg.start + chunk.start_seconds, seg.end + chunk.start_seconds
            mid = (start + end) / 2
            if mid < chunk.owned_from or (mid >= chunk.owned_to and not last):
                continue
            text = seg.text.strip()
            if not text:
                continue
            segments.append(Segment(start=round(start, 3), end=round(end, 3), text=text,
                                    confidence=seg.confidence))
    segments.sort(key=lambda s: s.start)
    total = sum(s.end - s.start for s in segments)
    confidence = (sum(s.confidence * (s.end - s.start) for s in segments) / total) if total else 0.0
    language = max(languages, key=languages.__getitem__) if languages else None
    transcript = Transcript(text=" ".join(s.text for s in segments), segments=segments,
                            language=language, confidence=round(confidence, 4))
    return attribute(transcript, speaker_spans or [], speakers or [])
