"""Chunk planning: cut recordings at silence into near-equal parts, enough to keep every chunk
within the length limit and to give each parallel worker its share.

Works on an energy envelope (RMS per frame), never on the audio itself, so a 60-minute call is
planned from about 36,000 numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

FRAME_SECONDS = 0.1
SILENCE_RMS = 1e-3  # about -60 dBFS


@dataclass(frozen=True)
class PlannedChunk:
    index: int
    start: float  # audio actually written (includes overlap)
    end: float
    owned_from: float  # the span whose segments this chunk contributes to the transcript
    owned_to: float


def is_silent(envelope: np.ndarray) -> bool:
    return envelope.size == 0 or float(envelope.max()) < SILENCE_RMS


def max_chunk_seconds(max_seconds: float, max_bytes: int, bytes_per_second: float) -> float:
    """The longest chunk allowed by both the length and the size limit (with 10% headroom)."""
    return min(max_seconds, 0.9 * max_bytes / bytes_per_second)


def chunk_count(duration: float, max_span: float, parallel: int = 1,
                min_seconds: float = 0.0) -> int:
    """How many chunks: as few as keep each owned span within `max_span`, rounded up to a multiple
    of `parallel` so each of that many workers gets an equal share, but no more than leaves every
    chunk at least about `min_seconds` long."""
    needed = max(1, math.ceil(duration / max_span))
    balanced = max(1, parallel) * math.ceil(needed / max(1, parallel))
    if min_seconds > 0:
        balanced = min(balanced, max(needed, int(duration // min_seconds)))
    return balanced


def plan_cuts(envelope: np.ndarray, duration: float, count: int, max_span: float,
              search_seconds: float) -> list[float]:
    """`count - 1` cut points (seconds): each at the quietest smoothed frame within
    `search_seconds / 2` of its even position, kept so that no span exceeds `max_span`."""
    cuts: list[float] = []
    prev = 0.0
    smooth = np.convolve(envelope, np.ones(5) / 5, mode="same") if envelope.size >= 5 else envelope
    for i in range(1, count):
        even = i * duration / count
        lo = max(even - search_seconds / 2, prev + 1.0, duration - (count - i) * max_span)
        hi = min(even + search_seconds / 2, prev + max_span, duration - 1.0)
        if hi < lo:  # parts shorter than a second: no room to search
            cut = even
        else:
            a, b = math.ceil(lo / FRAME_SECONDS), int(hi / FRAME_SECONDS) + 1
            window = smooth[a:min(b, smooth.size)]
            cut = (a + int(np.argmin(window))) * FRAME_SECONDS if window.size else even
            cut = min(max(cut, lo), hi)
        cut = round(cut, 3)
        cuts.append(cut)
        prev = cut
    return cuts


def plan_chunks(envelope: np.ndarray, duration: float, max_seconds: float,
                search_seconds: float, overlap: float, parallel: int = 1,
                min_seconds: float = 0.0) -> list[PlannedChunk]:
    """Chunks of at most `max_seconds` covering [0, duration], cut at silence into near-equal
    parts (a multiple of `parallel` of them, see `chunk_count`); each overlaps its neighbours by
    `overlap` seconds."""
    max_span = max(max_seconds - 2 * overlap, 1.0)
    count = chunk_count(duration, max_span, parallel, min_seconds)
    bounds = [0.0, *plan_cuts(envelope, duration, count, max_span, search_seconds), duration]
    chunks = []
    for i in range(len(bounds) - 1):
        owned_from, owned_to = bounds[i], bounds[i + 1]
        chunks.append(PlannedChunk(
            index=i, start=max(0.0, owned_from - overlap), end=min(duration, owned_to + overlap),
            owned_from=owned_from, owned_to=owned_to))
    return chunks
