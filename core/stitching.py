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
    previous: ChunkRef | None = None
    for chunk in sorted(chunks, key=lambda c: c.index):
        part = by_index.get(chunk.index)
        labels = list(dict.fromkeys(s.speaker for s in part.segments if s.speaker)) if part else []
        if previous is None or part is None or previous.index not in by_index:
            for label in labels:
                names[(chunk.index, label)] = label if previous is None \
                    else f"{label}·{chunk.index + 1}"
            previous = chunk if part else previous
            continue
        shared: dict[tuple[str, str], float] = {}
        for mine in part.segments:
            a0, a1 = mine.start + chunk.start_seconds, mine.end + chunk.start_seconds
            for theirs in by_index[previous.index].segments:
                b0, b1 = theirs.start + previous.start_seconds, theirs.end + previous.start_seconds
                both = min(a1, b1, previous.end_seconds) - max(a0, b0, chunk.start_seconds)
                if both > 0 and mine.speaker and theirs.speaker:
                    key = (mine.speaker, names.get((previous.index, theirs.speaker), ""))
                    shared[key] = shared.get(key, 0.0) + both
        earlier = list(dict.fromkeys(v for (i, _), v in names.items() if i == previous.index))
        for (label, name), _ in sorted(shared.items(), key=lambda kv: -kv[1]):
            taken = {v for (i, _), v in names.items() if i == chunk.index}
            if name and (chunk.index, label) not in names and name not in taken:
                names[(chunk.index, label)] = name
        left = [lb for lb in labels if (chunk.index, lb) not in names]
        free = [n for n in earlier if n not in {v for (i, _), v in names.items()
                                                if i == chunk.index}]
        if len(left) == 1 and len(free) == 1:
            names[(chunk.index, left[0])] = free[0]
        for label in left:
            names.setdefault((chunk.index, label), f"{label}·{chunk.index + 1}")
        previous = chunk
    return names
