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
    names = link_labels(chunks, by_index)
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
                                    confidence=seg.confidence,
                                    speaker=names.get((chunk.index, seg.speaker or ""))))
    segments.sort(key=lambda s: s.start)
    total = sum(s.end - s.start for s in segments)
    confidence = (sum(s.confidence * (s.end - s.start) for s in segments) / total) if total else 0.0
    language = max(languages, key=languages.__getitem__) if languages else None
    transcript = Transcript(text=" ".join(s.text for s in segments), segments=segments,
                            language=language, confidence=round(confidence, 4))
    by_channel = any(sp.channel for sp in speakers or [])
    if any(seg.speaker for seg in segments) and not by_channel:
        # the engine told the speakers apart (a diarising model): its labels, not the pitch
        # heuristic's; stereo channels still win, each channel being one party for certain
        labels = list(dict.fromkeys(seg.speaker for seg in segments if seg.speaker))
        return transcript.model_copy(update={"speakers": [Speaker(label=lb) for lb in labels]})
    return attribute(transcript, speaker_spans or [], speakers or [])


def link_labels(chunks: list[ChunkRef], by_index: dict[int, ChunkTranscript]
                ) -> dict[tuple[int, str], str]:
    """Call-wide names for a diarising engine's speaker labels, which are its own per chunk
    (chunk 2's "A" need not be chunk 1's "A"): (chunk index, label) -> name.

    Neighbouring chunks overlap, so the moments both heard tie a label of one to a label of the
    other (by the time their segments share); a label left without such a tie is tied by
    elimination when one label on each side remains, else it keeps a name of its own ("A·2").
    """
    names: dict[tuple[int, str], str] = {}
    previous: tuple[ChunkRef, ChunkTranscript, dict[str, str]] | None = None
    for chunk in sorted(chunks, key=lambda c: c.index):
        part = by_index.get(chunk.index)
        if part is None:
            continue
        labels = list(dict.fromkeys(s.speaker for s in part.segments if s.speaker))
        mine: dict[str, str] = {}
        if previous is None:
            mine = {label: label for label in labels}
        else:
            before, heard, theirs = previous
            shared: dict[tuple[str, str], float] = {}
            for seg in part.segments:
                a0, a1 = seg.start + chunk.start_seconds, seg.end + chunk.start_seconds
                for other in heard.segments:
                    b0, b1 = other.start + before.start_seconds, other.end + before.start_seconds
                    both = min(a1, b1, before.end_seconds) - max(a0, b0, chunk.start_seconds)
                    if both > 0 and seg.speaker and other.speaker:
                        key = (seg.speaker, theirs[other.speaker])
                        shared[key] = shared.get(key, 0.0) + both
            for (label, name), _ in sorted(shared.items(), key=lambda kv: -kv[1]):
                if label not in mine and name not in mine.values():
                    mine[label] = name
            left = [lb for lb in labels if lb not in mine]
            free = [n for n in dict.fromkeys(theirs.values()) if n not in mine.values()]
            if len(left) == 1 and len(free) == 1:
                mine[left[0]] = free[0]
            mine.update({lb: f"{lb}·{chunk.index + 1}" for lb in labels if lb not in mine})
        names.update({(chunk.index, label): name for label, name in mine.items()})
        previous = (chunk, part, mine)
    return names
