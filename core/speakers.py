"""Who speaks when, from the audio: the parties of a call as spans of time, and each transcript
segment attributed to one of them.

- Stereo recordings: each channel is one party. An utterance belongs to the channel that carries
  most of its energy (the other channel hears it faintly at most).
- Mono recordings: utterances (speech between pauses) are told apart by voice pitch: the median
  fundamental frequency of each utterance, split into two groups where the best split leaves two
  clearly different voices; otherwise the call has one voice and one label.

Everything here works on per-frame features (`FRAME_SECONDS` frames: RMS energy per channel, pitch)
that the audio adapter computes in its one decoding pass, so a 60-minute call is about 36,000
numbers per feature. Roles (which party is the rep) are decided elsewhere: from `REP_CHANNEL` for
a stereo call, or from what is said (`core.roles.assign_roles`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from core.chunking import FRAME_SECONDS, SILENCE_RMS
from models.call import Segment, Speaker, SpeakerSpan, Transcript

PITCH_MIN_HZ, PITCH_MAX_HZ = 60.0, 400.0
MIN_VOICE_GAP_OCTAVES = 0.2  # voices at least ~2.4 semitones apart: told apart by pitch alone
# Closer voices are not split by the audio: spectral shape (tried) scored one espeak voice's
# intonation 2.96 apart and two close voices 2.81-4.12, so it split monologues in two; the text
# (core.roles) tells such parties apart instead.
PAUSE_SECONDS = 0.25  # quieter than this long ends an utterance
RepChannel = Literal["left", "right", "auto"]


@dataclass(frozen=True)
class Utterance:
    start: int  # frame indices, end exclusive
    end: int


def frame_pitch(frames: np.ndarray, rate: int) -> np.ndarray:
    """Fundamental frequency (Hz) of each row of `frames` (one frame of samples per row) by
    normalised autocorrelation; 0 where the frame is not clearly voiced."""
    if frames.size == 0:
        return np.zeros(0, dtype=np.float32)
    x = frames.astype(np.float64)
    x = x - x.mean(axis=1, keepdims=True)
    n = 1 << int(np.ceil(np.log2(2 * x.shape[1])))
    spectrum = np.fft.rfft(x, n=n, axis=1)
    corr = np.fft.irfft(spectrum * np.conj(spectrum), n=n, axis=1)[:, : x.shape[1]]
    energy = corr[:, :1]
    lo, hi = int(rate / PITCH_MAX_HZ), min(int(rate / PITCH_MIN_HZ), x.shape[1] - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        norm = np.where(energy > 0, corr / energy, 0.0)
    window = norm[:, lo:hi]
    lag = lo + np.argmax(window, axis=1)
    peak = window[np.arange(window.shape[0]), lag - lo]
    f0 = np.where(peak > 0.45, rate / lag, 0.0)
    return f0.astype(np.float32)


def utterances(envelope: np.ndarray) -> list[Utterance]:
    """Runs of speech frames (energy well above silence), joined across pauses shorter than
    `PAUSE_SECONDS`, dropping blips under 0.2 s."""
    if envelope.size == 0:
        return []
    floor = max(3 * SILENCE_RMS, 0.05 * float(np.percentile(envelope, 95)))
    speech = envelope > floor
    runs: list[list[int]] = []
    gap = round(PAUSE_SECONDS / FRAME_SECONDS)
    for i in np.flatnonzero(speech):
        if runs and i - runs[-1][1] <= gap:
            runs[-1][1] = int(i) + 1
        else:
            runs.append([int(i), int(i) + 1])
    return [Utterance(a, b) for a, b in runs if (b - a) * FRAME_SECONDS >= 0.2]


def _spans(parts: list[tuple[Utterance, str]]) -> list[SpeakerSpan]:
    spans: list[SpeakerSpan] = []
    for utt, label in parts:
        start, end = round(utt.start * FRAME_SECONDS, 2), round(utt.end * FRAME_SECONDS, 2)
        if spans and spans[-1].label == label:
            spans[-1] = SpeakerSpan(start=spans[-1].start, end=end, label=label)
        else:
            spans.append(SpeakerSpan(start=start, end=end, label=label))
    return spans


def channel_spans(left: np.ndarray, right: np.ndarray) -> list[SpeakerSpan]:
    """Stereo: each utterance (heard on either channel) labelled with the channel that carries
    more of its energy."""
    n = min(left.size, right.size)
    left, right = left[:n], right[:n]
    parts = []
    for utt in utterances(np.maximum(left, right)):
        lsum = float(np.sum(left[utt.start:utt.end] ** 2))
        rsum = float(np.sum(right[utt.start:utt.end] ** 2))
        parts.append((utt, "left" if lsum >= rsum else "right"))
    return _spans(parts)


def _best_split(values: np.ndarray, weights: np.ndarray) -> tuple[float, float, float]:
    """Two groups of 1-D values with the least weighted within-group variance: (threshold, low
    centre, high centre)."""
    order = np.argsort(values)
    v, w = values[order], weights[order]
    best = (float("inf"), float(v[0]), float(v[0]), float(v[-1]))
    for k in range(1, v.size):
        a, b = v[:k], v[k:]
        wa, wb = w[:k], w[k:]
        ca, cb = float(np.average(a, weights=wa)), float(np.average(b, weights=wb))
        cost = float(np.sum(wa * (a - ca) ** 2) + np.sum(wb * (b - cb) ** 2))
        if cost < best[0]:
            best = (cost, float((v[k - 1] + v[k]) / 2), ca, cb)
    return best[1], best[2], best[3]


def voice_spans(envelope: np.ndarray, pitch: np.ndarray) -> list[SpeakerSpan]:
    """Mono: utterances labelled "S1" (the voice heard first) or "S2" when two voices are far
    enough apart in pitch (MIN_VOICE_GAP_OCTAVES); otherwise all "S1"."""
    n = min(envelope.size, pitch.size)
    utts = utterances(envelope[:n])
    medians: list[float | None] = []
    for utt in utts:
        f0 = pitch[utt.start:utt.end]
        voiced = f0[f0 > 0]
        medians.append(float(np.log2(np.median(voiced))) if voiced.size >= 3 else None)
    known: list[tuple[int, float]] = [(i, m) for i, m in enumerate(medians) if m is not None]
    labels: list[str] = ["S1"] * len(utts)
    if len(known) < 2:
        return _spans(list(zip(utts, labels, strict=True)))
    values = np.array([m for _, m in known])
    weights = np.array([float(utts[i].end - utts[i].start) for i, _ in known])
    threshold, low, high = _best_split(values, weights)
    group: dict[int, bool] | None = None
    if high - low >= MIN_VOICE_GAP_OCTAVES:
        group = {i: value > threshold for i, value in known}
    if group is not None:
        first = group[known[0][0]]
        for i, g in group.items():
            labels[i] = "S1" if g == first else "S2"
        for i, m in enumerate(medians):  # too little voicing: the neighbour's voice
            if m is None:
                labels[i] = labels[i - 1] if i > 0 else labels[i + 1] if i + 1 < len(
                    labels) else "S1"
    return _spans(list(zip(utts, labels, strict=True)))


def speakers_for(spans: list[SpeakerSpan], stereo: bool,
                 rep_channel: RepChannel = "auto") -> list[Speaker]:
    """The parties the spans name. A stereo call's rep is the `rep_channel` one when set; else
    roles stay unknown for `core.roles.assign_roles` to decide from what is said."""
    labels = list(dict.fromkeys(s.label for s in spans))
    if stereo:
        labels = ["left", "right"]
    out = []
    for label in labels:
        channel: Literal["left", "right"] | None = None
        role: Literal["rep", "customer", "unknown"] = "unknown"
        cue = ""
        if stereo:
            channel = "left" if label == "left" else "right"
            if rep_channel != "auto":
                role = "rep" if label == rep_channel else "customer"
                cue = f"REP_CHANNEL={rep_channel}"
        out.append(Speaker(label=label, role=role, channel=channel, cue=cue))
    return out


def _overlap(seg: Segment, span: SpeakerSpan) -> float:
    return max(0.0, min(seg.end, span.end) - max(seg.start, span.start))


def label_for(seg: Segment, spans: list[SpeakerSpan]) -> str | None:
    """The label heard longest during the segment; the nearest span's when none overlaps."""
    if not spans:
        return None
    totals: dict[str, float] = {}
    for span in spans:
        if span.end >= seg.start and span.start <= seg.end:
            totals[span.label] = totals.get(span.label, 0.0) + _overlap(seg, span)
    if totals and max(totals.values()) > 0:
        return max(totals, key=totals.__getitem__)
    mid = (seg.start + seg.end) / 2
    nearest = min(spans, key=lambda s: min(abs(s.start - mid), abs(s.end - mid)))
    return nearest.label


def attribute(transcript: Transcript, spans: list[SpeakerSpan],
              speakers: list[Speaker]) -> Transcript:
    """The transcript with each segment's speaker set from the spans, and the call's parties."""
    if not spans:
        return transcript
    segments = [s.model_copy(update={"speaker": label_for(s, spans)})
                for s in transcript.segments]
    heard = {s.speaker for s in segments}
    parties = [p for p in speakers if p.label in heard or p.channel is not None]
    return transcript.model_copy(update={"segments": segments, "speakers": parties})

