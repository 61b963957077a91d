"""Chunk planning: cut long recordings at silence near the target length.

Works on an energy envelope (RMS per frame), never on the audio itself, so a 60-minute call is
planned from about 36,000 numbers.
"""

from __future__ import annotations

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


def plan_cuts(envelope: np.ndarray, duration: float, max_seconds: float,
              search_seconds: float) -> list[float]:
    """Cut points (seconds): each at the quietest smoothed frame in the window before the limit."""
    cuts: list[float] = []
    start = 0.0
    smooth = np.convolve(envelope, np.ones(5) / 5, mode="same") if envelope.size >= 5 else envelope
    while duration - start > max_seconds:
        target = start + max_seconds
        lo = int(max(start + 1.0, target - search_seconds) / FRAME_SECONDS)
        hi = int(target / FRAME_SECONDS)
        window = smooth[lo:hi]
        cut = (lo + int(np.argmin(window))) * FRAME_SECONDS if window.size else target
        cut = min(max(cut, start + 1.0), target)
        cuts.append(round(cut, 3))
        start = cut
    return cuts


def plan_chunks(envelope: np.ndarray, duration: float, max_seconds: float,
                search_seconds: float, overlap: float) -> list[PlannedChunk]:
    """Chunks covering [0, duration]; each overlaps its neighbours by `overlap` seconds."""
    cuts = plan_cuts(envelope, duration, max(max_seconds - 2 * overlap, 1.0), search_seconds)
    bounds = [0.0, *cuts, duration]
    chunks = []
    for i in range(len(bounds) - 1):
        owned_from, owned_to = bounds[i], bounds[i + 1]
        chunks.append(PlannedChunk(
            index=i, start=max(0.0, owned_from - overlap), end=min(duration, owned_to + overlap),
            owned_from=owned_from, owned_to=owned_to))
    return chunks
