"""Where an extracted field's quote sits in the transcript, so the call page can scroll to it and
highlight it. Pure.

Quotes are verbatim words from the transcript, but case, punctuation and the cut between two
segments may differ from how the segments were written, so the match is on normalised words
across the joined transcript; the answer is the segments the quote's words fall in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD = re.compile(r"[\w@.'-]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return [w.strip(".'-").lower() for w in _WORD.findall(text) if w.strip(".'-")]


def locate(quote: str, segments: Sequence[str]) -> list[int]:
    """Indexes of the segments that hold `quote` (first occurrence), or [] when it is not found.

    Falls back to the longest run of the quote's words found in the transcript (at least three
    words, or the whole quote when shorter), so a quote with one mis-transcribed word still
    points at the right turn.
    """
    needle = _words(quote)
    if not needle:
        return []
    hay: list[str] = []
    owner: list[int] = []
    for i, text in enumerate(segments):
        for w in _words(text):
            hay.append(w)
            owner.append(i)
    best_start, best_len = -1, 0
    for start in range(len(hay)):
        n = 0
        while n < len(needle) and start + n < len(hay) and hay[start + n] == needle[n]:
            n += 1
        if n == len(needle):
            return sorted(set(owner[start:start + n]))
        if n > best_len:
            best_start, best_len = start, n
    # no exact run: the longest run of any of the quote's words, in order
    for offset in range(1, len(needle)):
        sub = needle[offset:]
        for start in range(len(hay)):
            n = 0
            while n < len(sub) and start + n < len(hay) and hay[start + n] == sub[n]:
                n += 1
            if n > best_len:
                best_start, best_len = start, n
    if best_len >= min(3, len(needle)):
        return sorted(set(owner[best_start:best_start + best_len]))
    return []


def clock(seconds: float) -> str:
    """A timestamp as a person reads it: m:ss, or h:mm:ss from an hour on."""
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
