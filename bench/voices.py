"""One voice or two in a mono recording: DEVELOPMENT material for `core.speakers.two_voices`.

The development scripts (`bench.corpus.dev`) are rendered again with chosen voice pairs: one
voice for both parties (must stay one speaker), two close voices (same engine family and sex, or
two male voices of different engines: must be told apart), and pairs far apart in pitch. Each
rendering is decoded as the pipeline decodes it (`adapters.audio.decode_call`) and scored against
its timeline: the voices found, utterances given to the right party (best of the two label
mappings), and the lambda at which the BIC decision would flip (`flip`: one voice is found for
any lambda above it). The repository's own sample calls (one espeak voice) are scored too.

No speech recognition runs here, so it takes a minute. The held-out part is never read.

Usage: python -m bench.voices [--calls N] [--phone]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from adapters import audio
from bench.corpus.model import CallScript
from bench.corpus.render import CACHE, RATE, Voice, _phone_line, encode, speak
from core.speakers import BIC_PENALTY, MFCC_COEFFS, two_voices, utterances

OUT = CACHE.parent / "voices"
ROOT = Path(__file__).resolve().parents[1]

# (kind, rep voice, customer voice); "one" pairs must stay one speaker
PAIRS_EN: list[tuple[str, Voice, Voice]] = [
    ("one", Voice("espeak", "en-us+m3", 165), Voice("espeak", "en-us+m3", 165)),
    ("one", Voice("flite", "slt", 160), Voice("flite", "slt", 160)),
    ("one", Voice("festival", "kal_diphone", 160), Voice("festival", "kal_diphone", 160)),
    ("one", Voice("espeak", "en-us", 150), Voice("espeak", "en-us", 150)),
    ("close", Voice("espeak", "en-us+m3", 165), Voice("espeak", "en-gb-x-rp+m1", 155)),
    ("close", Voice("flite", "rms", 150), Voice("festival", "kal_diphone", 160)),
    ("close", Voice("flite", "awb", 165), Voice("espeak", "en-029+m2", 160)),
    ("close", Voice("espeak", "en-us+f2", 175), Voice("espeak", "en-us+f4", 145)),
    ("close", Voice("flite", "slt", 160), Voice("espeak", "en-gb+f3", 150)),
    ("close", Voice("flite", "rms", 150), Voice("espeak", "en-us+m3", 165)),
    ("far", Voice("espeak", "en-us+m3", 165), Voice("flite", "slt", 160)),
]
PAIRS_ES: list[tuple[str, Voice, Voice]] = [
    ("one", Voice("espeak", "es+m3", 160), Voice("espeak", "es+m3", 160)),
    ("one", Voice("espeak", "es-419+f3", 150), Voice("espeak", "es-419+f3", 150)),
    ("close", Voice("espeak", "es+m3", 160), Voice("espeak", "es-419+m1", 155)),
    ("close", Voice("espeak", "es+f2", 170), Voice("espeak", "es-419+f3", 150)),
    ("close", Voice("espeak", "es+m6", 145), Voice("espeak", "es-419+m4", 175)),
    ("far", Voice("espeak", "es+m3", 160), Voice("espeak", "es-419+f5", 165)),
]


@dataclass
class Scored:
    name: str
    kind: str
    voices: int
    right: float  # share of utterances given to the right party
    flip: float  # the lambda above which one voice is chosen
    pitch_only: int = 0  # voices found by the pitch-only rule (MIN_VOICE_GAP_OCTAVES), before


def render_pair(call: CallScript, rep: Voice, customer: Voice, phone: bool) -> tuple[
        Path, list[tuple[str, float, float]]]:
    """The call as a mono file spoken by the two voices, and its (role, start, end) timeline."""
    spec = json.dumps([call.key, rep.label, customer.label, phone])
    stem = hashlib.sha256(spec.encode()).hexdigest()[:12]
    path, meta = OUT / f"{call.key}-{stem}.wav", OUT / f"{call.key}-{stem}.json"
    if path.is_file() and meta.is_file():
        return path, [(str(r), float(a), float(b)) for r, a, b in json.loads(meta.read_text())]
    OUT.mkdir(parents=True, exist_ok=True)
    pieces: list[np.ndarray] = []
    timeline: list[tuple[str, float, float]] = []
    at = int(0.5 * RATE)
    gap = np.zeros(int(0.6 * RATE), np.float32)
    pieces.append(np.zeros(at, np.float32))
    for turn in call.turns:
        said = speak(turn.text, rep if turn.speaker == "rep" else customer)
        timeline.append((turn.speaker, at / RATE, (at + said.size) / RATE))
        pieces += [said, gap]
        at += said.size + gap.size
    mixed = np.concatenate(pieces)
    if phone:
        mixed = _phone_line(mixed)
    encode(mixed, path, 8000 if phone else 16_000, "wav", mulaw=phone)
    meta.write_text(json.dumps(timeline))
    return path, timeline


def score_file(name: str, kind: str, path: Path,
               timeline: list[tuple[str, float, float]] | None) -> Scored:
    with tempfile.TemporaryDirectory() as tmp:
        _, _, spans = audio.decode_call(path, Path(tmp) / "a.pcm")
        feats, pitch_only = _features(path, Path(tmp) / "b.pcm")
    group, best = two_voices(feats, penalty=0.0)
    d = MFCC_COEFFS + 1
    n = sum(f.shape[0] for f in feats)
    flip = best / (0.5 * (d + d * (d + 1) / 2) * np.log(max(n, 2))) if group is not None else 0.0
    voices = len({s.label for s in spans})
    right = 1.0
    if timeline:
        votes = [0, 0]
        total = 0
        for s in spans:
            mid = (s.start + s.end) / 2
            truth = next((r for r, a, b in timeline if a - 0.3 <= mid <= b + 0.3), None)
            if truth is None:
                continue
            total += 1
            votes[0] += (s.label == "S1") == (truth == timeline[0][0])
            votes[1] += (s.label == "S1") != (truth == timeline[0][0])
        right = max(votes) / max(total, 1) if voices > 1 else (
            sum(1 for s in spans if next((r for r, a, b in timeline
                                          if a - 0.3 <= (s.start + s.end) / 2 <= b + 0.3),
                                         None) == timeline[0][0]) / max(1, len(spans)))
    return Scored(name, kind, voices, right, float(flip), pitch_only)


def _features(path: Path, pcm: Path) -> tuple[list[np.ndarray], int]:
    """The per-utterance frame features two_voices sees (recomputed from the decoded audio), and
    the voices the pitch-only rule finds."""
    from core.speakers import frame_mfcc, frame_pitch, voice_spans

    audio.decode(path, pcm)
    samples = np.fromfile(pcm, dtype=np.int16).astype(np.float32) / 32768.0
    frame = audio.FRAME
    k = samples.size // frame
    frames = samples[: k * frame].reshape(k, frame)
    env = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
    pitch, mfcc = frame_pitch(frames, audio.RATE), frame_mfcc(frames, audio.RATE)
    out = []
    for utt in utterances(env.astype(np.float32)):
        f0 = pitch[utt.start:utt.end]
        voiced = f0 > 0
        if voiced.sum() >= 3:
            out.append(np.column_stack([mfcc[utt.start:utt.end][voiced],
                                        np.log2(f0[voiced])]).astype(np.float64))
    return out, len({s.label for s in voice_spans(env.astype(np.float32), pitch)})


def main(argv: list[str] | None = None) -> int:
    from bench.corpus import dev

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--calls", type=int, default=3, help="development scripts per language")
    ap.add_argument("--phone", action="store_true", help="also as 8 kHz phone lines")
    args = ap.parse_args(argv)
    rows: list[Scored] = []
    for sample in sorted((ROOT / "samples").glob("*.mp3")):
        rows.append(score_file(f"samples/{sample.name}", "one", sample, None))
    calls = dev.calls()
    for lang, pairs in (("en", PAIRS_EN), ("es", PAIRS_ES)):
        scripts = [c for c in calls if c.language == lang and len(c.turns) >= 6][: args.calls]
        for call in scripts:
            for phone in ((False, True) if args.phone else (False,)):
                for kind, rep, customer in pairs:
                    path, timeline = render_pair(call, rep, customer, phone)
                    name = (f"{call.key} {rep.label} / {customer.label}"
                            f"{' phone' if phone else ''}")
                    rows.append(score_file(name, kind, path, timeline))
                    r = rows[-1]
                    print(f"{r.kind:5} voices {r.voices} right {r.right:.2f} flip {r.flip:7.3f} "
                          f"{r.name}", file=sys.stderr, flush=True)
    print(f"lambda in use: {BIC_PENALTY}\n")
    print("| rendering | kind | voices found | utterances right | flip lambda | pitch only |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r.name} | {r.kind} | {r.voices} | {r.right:.2f} | {r.flip:.3f} | "
              f"{r.pitch_only} |")
    for kind in ("one", "close", "far"):
        sub = [r for r in rows if r.kind == kind]
        if sub:
            two = sum(r.voices == 2 for r in sub)
            print(f"\n{kind}: {len(sub)} renderings, two voices found in {two} (pitch only: "
                  f"{sum(r.pitch_only == 2 for r in sub)}), flip lambda "
                  f"{min(r.flip for r in sub):.3f}-{max(r.flip for r in sub):.3f}, mean right "
                  f"{sum(r.right for r in sub) / len(sub):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
