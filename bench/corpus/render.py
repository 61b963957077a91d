"""Render corpus scripts to audio as sales teams have it: several voices and speeds per language
(espeak-ng voices and variants; flite and festival for English), a distinct voice per party,
WAV / MP3 / M4A / Opus / FLAC, 8 kHz phone lines (band-limited, mu-law WAV), and stereo recordings
with the rep on one channel.

Each call gets one rendering, chosen from its position in its part (so every part mixes them),
cached under `.corpus/audio/` (gitignored) with its timeline: when each turn starts and ends, and
who speaks, which is the truth for speaker attribution.

Usage: python -m bench.corpus.render [dev|heldout]   (renders what is not cached yet)
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal, cast

import av
import numpy as np
from av.audio.stream import AudioStream

from bench.corpus.model import CallScript, Role

RATE = 22_050
CACHE = Path(__file__).resolve().parents[2] / ".corpus" / "audio"
Engine = Literal["espeak", "flite", "festival"]


@dataclass(frozen=True)
class Voice:
    engine: Engine
    name: str
    speed: int = 160  # espeak words per minute; flite/festival: 160 is their normal rate

    @property
    def label(self) -> str:
        return f"{self.engine}:{self.name}@{self.speed}"


@dataclass(frozen=True)
class Plan:
    """How one call is rendered."""

    fmt: str  # wav, mp3, m4a, opus, flac
    rate: int
    stereo: bool
    phone: bool
    rep_channel: Literal["left", "right"]
    rep_voice: Voice
    customer_voice: Voice
    pause: float


@dataclass(frozen=True)
class TurnTime:
    role: Role
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Rendered:
    key: str
    path: Path
    plan: Plan
    duration: float
    turns: list[TurnTime]

    def role_at(self, t: float) -> Role | None:
        for turn in self.turns:
            if turn.start - 0.25 <= t <= turn.end + 0.25:
                return turn.role
        return None


ENGLISH = [Voice("espeak", "en-us+m3", 165), Voice("flite", "slt", 160),
           Voice("espeak", "en-gb+f3", 150), Voice("festival", "kal_diphone", 160),
           Voice("espeak", "en-us+f2", 175), Voice("flite", "rms", 150),
           Voice("espeak", "en-gb-x-rp+m1", 155), Voice("flite", "awb", 165),
           Voice("espeak", "en-us+f4", 145), Voice("espeak", "en-029+m2", 160)]
SPANISH = [Voice("espeak", "es+m3", 160), Voice("espeak", "es-419+f3", 150),
           Voice("espeak", "es+f2", 170), Voice("espeak", "es-419+m1", 155),
           Voice("espeak", "es+m6", 145), Voice("espeak", "es-419+f5", 165),
           Voice("espeak", "es+f4", 155), Voice("espeak", "es-419+m4", 175)]
FORMATS = ["mp3", "wav", "m4a", "opus", "flac"]


def plan_for(call: CallScript, position: int) -> Plan:
    """Spread formats, phone lines, stereo and voices over a part by position."""
    voices = ENGLISH if call.language == "en" else SPANISH
    rep_voice = voices[position % len(voices)]
    customer_voice = voices[(position * 3 + 1) % len(voices)]
    if customer_voice == rep_voice:
        customer_voice = voices[(position * 3 + 2) % len(voices)]
    kind = position % 4  # 0, 1: plain file; 2: stereo, rep on one channel; 3: 8 kHz phone line
    fmt = FORMATS[position % len(FORMATS)]
    stereo, phone = kind == 2, kind == 3
    if phone:
        fmt = "wav"
    rate = 8000 if phone else (44_100 if fmt in ("wav", "flac") and position % 2 else 16_000)
    if fmt in ("opus",):
        rate = 48_000
    return Plan(fmt=fmt, rate=rate, stereo=stereo, phone=phone,
                rep_channel="left" if position % 8 < 4 else "right", rep_voice=rep_voice,
                customer_voice=customer_voice, pause=(0.4, 0.7, 0.9, 0.55)[position % 4])


def _read(path: Path) -> np.ndarray:
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    with av.open(str(path)) as container:
        parts = [f.to_ndarray().reshape(-1) for frame in container.decode(audio=0)
                 for f in resampler.resample(frame)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def speak(text: str, voice: Voice) -> np.ndarray:
    """One utterance as float32 mono at 22.05 kHz."""
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "s.wav"
        if voice.engine == "espeak":
            cmd = ["espeak-ng", "-v", voice.name, "-s", str(voice.speed), "-w", str(wav), text]
            subprocess.run(cmd, check=True, capture_output=True)
        elif voice.engine == "flite":
            stretch = f"{160 / voice.speed:.2f}"
            subprocess.run(["flite", "-voice", voice.name, "--setf",
                            f"duration_stretch={stretch}", "-t", text, "-o", str(wav)],
                           check=True, capture_output=True)
        else:
            stretch = f"{160 / voice.speed:.2f}"
            script = f"(voice_{voice.name}) (Parameter.set 'Duration_Stretch {stretch})"
            subprocess.run(["text2wave", "-o", str(wav), "-eval", script], input=text.encode(),
                           check=True, capture_output=True)
        samples = _read(wav)
    peak = float(np.abs(samples).max()) if samples.size else 0.0
    return (samples * (0.7 / peak)).astype(np.float32) if peak > 0 else samples


def _phone_line(samples: np.ndarray) -> np.ndarray:
    """Band-limit to 300-3400 Hz, as a telephone line does."""
    spectrum = np.fft.rfft(samples)
    freqs = np.fft.rfftfreq(samples.size, 1 / RATE)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    filtered: np.ndarray = np.fft.irfft(spectrum, samples.size).astype(np.float32)
    return filtered


def _resample(samples: np.ndarray, rate: int) -> np.ndarray:
    if rate == RATE:
        return samples
    idx = np.arange(0, samples.shape[-1], RATE / rate)
    if samples.ndim == 1:
        mono: np.ndarray = np.interp(idx, np.arange(samples.size), samples).astype(np.float32)
        return mono
    both: np.ndarray = np.stack([np.interp(idx, np.arange(samples.shape[1]), ch)
                                 for ch in samples]).astype(np.float32)
    return both


CODECS = {"wav": ("pcm_s16le", "wav", "s16"), "flac": ("flac", "flac", "s16"),
          "mp3": ("mp3", "mp3", "fltp"), "m4a": ("aac", "mp4", "fltp"),
          "opus": ("libopus", "ogg", "flt")}


def encode(samples: np.ndarray, path: Path, rate: int, fmt: str, mulaw: bool = False) -> None:
    """Write float32 samples (mono: shape (n,); stereo: shape (2, n)) at `rate` as `fmt`."""
    codec, container_format, sample_format = CODECS[fmt]
    if mulaw:
        codec, sample_format = "pcm_mulaw", "s16"
    data = _resample(samples, rate)
    stereo = data.ndim == 2
    layout = "stereo" if stereo else "mono"
    data = data.reshape(2 if stereo else 1, -1)
    out = av.open(str(path), "w", format=container_format)
    try:
        stream = cast(AudioStream, out.add_stream(codec, rate=rate, layout=layout))
        block = 960 * 4
        pts = 0
        for i in range(0, data.shape[1], block):
            chunk = np.clip(data[:, i:i + block], -1, 1)
            if sample_format == "s16":
                arr = (chunk * 32767).astype(np.int16)
                arr = arr.T.reshape(1, -1) if stereo else arr  # packed
            elif sample_format == "flt":
                arr = chunk.T.reshape(1, -1).astype(np.float32) if stereo else chunk
            else:
                arr = chunk.astype(np.float32)
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(arr), format=sample_format,
                                               layout=layout)
            frame.sample_rate = rate
            frame.pts = pts
            pts += chunk.shape[1]
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    finally:
        out.close()


def _spec_hash(call: CallScript, plan: Plan) -> str:
    spec = json.dumps([[t.speaker, t.text] for t in call.turns] + [asdict(plan)], sort_keys=True,
                      default=str)
    return hashlib.sha256(spec.encode()).hexdigest()[:12]


def render(call: CallScript, position: int, cache: Path = CACHE) -> Rendered:
    """The call's audio file and timeline, rendered once and cached."""
    plan = plan_for(call, position)
    stem = f"{call.key}-{_spec_hash(call, plan)}"
    path = cache / f"{stem}.{plan.fmt}"
    meta = cache / f"{stem}.json"
    if path.is_file() and meta.is_file():
        data = json.loads(meta.read_text())
        return Rendered(call.key, path, plan, data["duration"],
                        [TurnTime(**t) for t in data["turns"]])
    cache.mkdir(parents=True, exist_ok=True)
    lead = 0.5
    pieces: list[tuple[Role, np.ndarray]] = []
    for turn in call.turns:
        voice = plan.rep_voice if turn.speaker == "rep" else plan.customer_voice
        pieces.append((turn.speaker, speak(turn.text, voice)))
    gap = int(plan.pause * RATE)
    total = int(lead * RATE) + sum(p.size + gap for _, p in pieces)
    tracks = {"rep": np.zeros(total, np.float32), "customer": np.zeros(total, np.float32)}
    at = int(lead * RATE)
    turns = []
    for (role, samples), turn in zip(pieces, call.turns, strict=True):
        tracks[role][at:at + samples.size] += samples
        turns.append(TurnTime(role, round(at / RATE, 3), round((at + samples.size) / RATE, 3),
                              turn.text))
        at += samples.size + gap
    if plan.stereo:
        left, right = ((tracks["rep"], tracks["customer"]) if plan.rep_channel == "left"
                       else (tracks["customer"], tracks["rep"]))
        # a little crosstalk, as a recorder hears the other party faintly
        mixed: np.ndarray = np.stack([left + 0.05 * right, right + 0.05 * left])
    else:
        mixed = tracks["rep"] + tracks["customer"]
        if plan.phone:
            mixed = _phone_line(mixed)
    tmp = path.with_suffix(".tmp" + path.suffix)
    encode(mixed, tmp, plan.rate, plan.fmt, mulaw=plan.phone)
    tmp.replace(path)
    duration = round(total / RATE, 3)
    meta.write_text(json.dumps({"duration": duration, "plan": asdict(plan),
                                "turns": [asdict(t) for t in turns]}, indent=1, default=str))
    return Rendered(call.key, path, plan, duration, turns)


def render_part(calls: list[CallScript], cache: Path = CACHE) -> list[Rendered]:
    return [render(c, i, cache) for i, c in enumerate(calls)]


def main(argv: list[str]) -> int:
    from bench.corpus import dev, heldout

    for name in argv or ["dev", "heldout"]:
        calls = dev.calls() if name == "dev" else heldout.calls()
        for r in render_part(calls):
            print(f"{r.key}: {r.path.name} {r.duration:.1f} s {r.plan.rep_voice.label} / "
                  f"{r.plan.customer_voice.label}{' stereo' if r.plan.stereo else ''}"
                  f"{' phone' if r.plan.phone else ''}")
    return 0


if __name__ == "__main__":
    if shutil.which("espeak-ng") is None:
        sys.exit("espeak-ng is not installed (make setup installs it)")
    sys.exit(main(sys.argv[1:]))
