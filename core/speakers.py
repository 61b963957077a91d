"""Who speaks when, from the audio: the parties of a call as spans of time, and each transcript
segment attributed to one of them.

- Stereo recordings: each channel is one party. An utterance belongs to the channel that carries
  most of its energy (the other channel hears it faintly at most).
- Mono recordings: utterances (speech between pauses) are given to one voice or two by a model
  selection (`two_voices`): the voiced frames of each utterance (mel cepstrum, the spectral
  envelope of the voice, and log pitch) are explained by one full-covariance Gaussian or by two
  (utterances grouped by pitch or by k-means, then moved to the voice that explains them
  better), and two voices are kept only when the Bayesian information criterion says the second
  model is worth its parameters (`BIC_PENALTY`). So one voice's intonation stays one speaker,
  and two voices of the same pitch (two male voices of different engines) can still be told
  apart. Without cepstra (older callers), pitch alone: two voices when at least
  `MIN_VOICE_GAP_OCTAVES` apart.

Everything here works on per-frame features (`FRAME_SECONDS` frames: RMS energy per channel,
pitch, `MFCC_COEFFS` cepstra) that the audio adapter computes in its one decoding pass, so a
60-minute call is about 36,000 frames. Roles (which party is the rep) are decided elsewhere:
from `REP_CHANNEL` for a stereo call, or from what is said (`core.roles.assign_roles`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import numpy as np

from core.chunking import FRAME_SECONDS, SILENCE_RMS
from models.call import Segment, Speaker, SpeakerSpan, Transcript

PITCH_MIN_HZ, PITCH_MAX_HZ = 60.0, 400.0
MIN_VOICE_GAP_OCTAVES = 0.2  # pitch-only rule (no cepstra): voices ~2.4 semitones apart
# With cepstra the pitch rule is not used: on 8 kHz phone renderings of the development scripts
# it split one voice in two (pitch errors on band-limited speech); the model selection did not.
PAUSE_SECONDS = 0.25  # quieter than this long ends an utterance
MEL_BANDS, MFCC_COEFFS = 24, 12
MEL_RANGE_HZ = (100.0, 3800.0)
BIC_PENALTY = 0.75  # lambda of the one-or-two-voices model selection, from bench.voices (dev)
MIN_VOICE_SHARE = 0.1  # a second voice holds at least this share of the voiced frames
RIDGE = 1e-4
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


@lru_cache(maxsize=8)
def _mel_dct(size: int, rate: int) -> tuple[np.ndarray, np.ndarray]:
    """A triangular mel filterbank over rfft bins of `size` samples (MEL_BANDS bands between
    MEL_RANGE_HZ, the band a phone line keeps too) and the DCT-II rows for MFCC_COEFFS."""
    def mel(hz: np.ndarray) -> np.ndarray:
        return 2595.0 * np.log10(1.0 + hz / 700.0)

    freqs = np.fft.rfftfreq(size, 1 / rate)
    lo, hi = mel(np.array(MEL_RANGE_HZ[0])), mel(np.array(MEL_RANGE_HZ[1]))
    edges = 700.0 * (10 ** (np.linspace(lo, hi, MEL_BANDS + 2) / 2595.0) - 1.0)
    bank = np.zeros((MEL_BANDS, freqs.size))
    for b in range(MEL_BANDS):
        left, centre, right = edges[b], edges[b + 1], edges[b + 2]
        up = (freqs - left) / (centre - left)
        down = (right - freqs) / (right - centre)
        bank[b] = np.clip(np.minimum(up, down), 0.0, None)
    k = np.arange(1, MFCC_COEFFS + 1)[:, None]
    n = np.arange(MEL_BANDS)[None, :]
    dct = np.cos(np.pi * k * (2 * n + 1) / (2 * MEL_BANDS)) * np.sqrt(2.0 / MEL_BANDS)
    return bank, dct


def frame_mfcc(frames: np.ndarray, rate: int) -> np.ndarray:
    """Mel-cepstral coefficients 1..MFCC_COEFFS of each row of `frames` (the spectral envelope of
    the voice over the frame, level removed), shape (rows, MFCC_COEFFS)."""
    if frames.size == 0:
        return np.zeros((0, MFCC_COEFFS), dtype=np.float32)
    x = frames.astype(np.float64)
    x = (x - x.mean(axis=1, keepdims=True)) * np.hanning(x.shape[1])
    power = np.abs(np.fft.rfft(x, axis=1)) ** 2
    bank, dct = _mel_dct(x.shape[1], rate)
    mel = power @ bank.T
    # a floor relative to the frame's loudest band, so a louder recording shifts every band alike
    log_mel = np.log(mel + 1e-6 * mel.max(axis=1, keepdims=True) + 1e-20)
    coefficients: np.ndarray = (log_mel @ dct.T).astype(np.float32)
    return coefficients


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


def _logdet(x: np.ndarray) -> float:
    cov = np.atleast_2d(np.cov(x, rowvar=False)) + RIDGE * np.eye(x.shape[1])
    return float(np.linalg.slogdet(cov)[1])


def delta_bic(a: np.ndarray, b: np.ndarray, penalty: float = BIC_PENALTY) -> float:
    """How much better two full-covariance Gaussians (one per group of frames) explain the frames
    than one, less the BIC price of the second model's parameters: > 0 favours two voices."""
    x = np.vstack([a, b])
    n, d = int(x.shape[0]), int(x.shape[1])
    gain = 0.5 * (n * _logdet(x) - int(a.shape[0]) * _logdet(a) - int(b.shape[0]) * _logdet(b))
    price = penalty * 0.5 * (d + d * (d + 1) / 2) * float(np.log(n))
    return gain - price


def _loglik(x: np.ndarray, fitted: tuple[np.ndarray, np.ndarray, float]) -> float:
    mean, inv, logdet = fitted
    diff = x - mean
    return float(-0.5 * np.sum(np.einsum("ij,jk,ik->i", diff, inv, diff) + logdet))


def _fit(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    cov = np.atleast_2d(np.cov(x, rowvar=False)) + RIDGE * np.eye(x.shape[1])
    return x.mean(axis=0), np.linalg.inv(cov), float(np.linalg.slogdet(cov)[1])


def _refine(feats: list[np.ndarray], group: np.ndarray) -> np.ndarray:
    """Each utterance moved to the voice whose Gaussian explains its frames better, until
    nothing moves (a few rounds)."""
    d = feats[0].shape[1]
    for _ in range(8):
        if group.all() or not group.any():
            return group
        a = np.vstack([f for f, g in zip(feats, group, strict=True) if not g])
        b = np.vstack([f for f, g in zip(feats, group, strict=True) if g])
        if min(a.shape[0], b.shape[0]) <= d + 1:
            return group
        fa, fb = _fit(a), _fit(b)
        moved = np.array([_loglik(f, fb) > _loglik(f, fa) for f in feats])
        if np.array_equal(moved, group):
            break
        group = moved
    return group


def _two_means(means: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Utterance means (standardised) in two groups by weighted k-means, started from two
    utterances far apart (linear in the number of utterances)."""
    z = (means - means.mean(axis=0)) / (means.std(axis=0) + 1e-9)
    i = int(np.argmax(np.linalg.norm(z, axis=1)))  # farthest from the centre
    j = int(np.argmax(np.linalg.norm(z - z[i], axis=1)))  # and the farthest from that one
    centres = np.stack([z[i], z[j]])
    group = np.linalg.norm(z - centres[1], axis=1) < np.linalg.norm(z - centres[0], axis=1)
    for _ in range(20):
        if group.all() or not group.any():
            break
        centres = np.stack([np.average(z[~group], axis=0, weights=weights[~group]),
                            np.average(z[group], axis=0, weights=weights[group])])
        new = np.linalg.norm(z - centres[1], axis=1) < np.linalg.norm(z - centres[0], axis=1)
        if np.array_equal(new, group):
            break
        group = new
    out: np.ndarray = group
    return out


def two_voices(feats: list[np.ndarray], penalty: float = BIC_PENALTY
               ) -> tuple[np.ndarray | None, float]:
    """Model selection between one voice and two over utterances (each a matrix of frame
    features: mel cepstrum and log pitch of its voiced frames). Two candidate partitions (split
    by median pitch, and k-means on the utterances' mean features) are refined by Gaussian
    reassignment; the better one is kept when its delta BIC is positive and each voice holds
    at least MIN_VOICE_SHARE of the voiced frames. Returns (group per utterance or None, the
    best delta BIC)."""
    if len(feats) < 2:
        return None, float("-inf")
    sizes = np.array([f.shape[0] for f in feats], dtype=float)
    means = np.stack([f.mean(axis=0) for f in feats])
    pitch = means[:, -1]
    threshold = _best_split(pitch, sizes)[0]
    starts = [pitch > threshold, _two_means(means, sizes)]
    best: tuple[np.ndarray | None, float] = (None, float("-inf"))
    d = feats[0].shape[1]
    for start in starts:
        group = _refine(feats, start.copy())
        if group.all() or not group.any():
            continue
        a = np.vstack([f for f, g in zip(feats, group, strict=True) if not g])
        b = np.vstack([f for f, g in zip(feats, group, strict=True) if g])
        if min(a.shape[0], b.shape[0]) <= d + 1:
            continue
        score = delta_bic(a, b, penalty)
        if min(a.shape[0], b.shape[0]) < MIN_VOICE_SHARE * (a.shape[0] + b.shape[0]):
            continue
        if score > best[1]:
            best = (group, score)
    chosen, score = best
    return (chosen if score > 0 else None), score


def voice_spans(envelope: np.ndarray, pitch: np.ndarray,
                mfcc: np.ndarray | None = None) -> list[SpeakerSpan]:
    """Mono: utterances labelled "S1" (the voice heard first) or "S2" when the audio holds two
    voices; otherwise all "S1". Two voices at least MIN_VOICE_GAP_OCTAVES apart in median pitch
    are split by pitch; closer ones, given the mel cepstrum of each frame (`mfcc`), by a model
    selection between one voice and two (`two_voices`)."""
    n = min(envelope.size, pitch.size)
    if mfcc is not None:
        n = min(n, mfcc.shape[0])
    utts = utterances(envelope[:n])
    medians: list[float | None] = []
    frames: list[np.ndarray | None] = []
    for utt in utts:
        f0 = pitch[utt.start:utt.end]
        voiced = f0 > 0
        medians.append(float(np.log2(np.median(f0[voiced]))) if voiced.sum() >= 3 else None)
        if mfcc is not None and voiced.sum() >= 3:
            frames.append(np.column_stack([mfcc[utt.start:utt.end][voiced],
                                           np.log2(f0[voiced])]).astype(np.float64))
        else:
            frames.append(None)
    known: list[tuple[int, float]] = [(i, m) for i, m in enumerate(medians) if m is not None]
    labels: list[str] = ["S1"] * len(utts)
    if len(known) < 2:
        return _spans(list(zip(utts, labels, strict=True)))
    group: dict[int, bool] | None = None
    values = np.array([m for _, m in known])
    weights = np.array([float(utts[i].end - utts[i].start) for i, _ in known])
    threshold, low, high = _best_split(values, weights)
    if mfcc is None and high - low >= MIN_VOICE_GAP_OCTAVES:
        group = {i: value > threshold for i, value in known}
    elif mfcc is not None:
        with_frames = [(i, f) for i, f in enumerate(frames) if f is not None]
        split, _ = two_voices([f for _, f in with_frames])
        if split is not None:
            group = {i: bool(g) for (i, _), g in zip(with_frames, split, strict=True)}
    if group is not None:
        first = group[min(group)]
        for i, g in group.items():
            labels[i] = "S1" if g == first else "S2"
        for i in range(len(labels)):  # too little voicing: the neighbour's voice
            if i not in group:
                labels[i] = labels[i - 1] if i > 0 else next(
                    (labels[k] for k in sorted(group) if k > i), "S1")
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

