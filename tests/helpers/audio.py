"""Test audio made on the spot: espeak-ng speech, silences, and encodings through PyAV."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import av
import numpy as np

RATE = 22050


def speak(text: str, voice: str = "en-us", speed: int = 150) -> np.ndarray:
    """espeak-ng speech as float32 mono at 22.05 kHz."""
    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng is not installed (make setup installs it)")
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "s.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
                       check=True, capture_output=True)
        return read(wav)


def read(path: Path) -> np.ndarray:
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
    with av.open(str(path)) as container:
        parts = [f.to_ndarray().reshape(-1) for frame in container.decode(audio=0)
                 for f in resampler.resample(frame)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def conversation(lines: list[str], pause: float = 0.6) -> np.ndarray:
    parts = []
    for line in lines:
        parts += [speak(line), silence(pause)]
    return np.concatenate(parts)


def write(samples: np.ndarray, path: Path, rate: int = RATE) -> Path:
    """Encode by extension: .wav (PCM), .mp3, .flac, .ogg (vorbis), .m4a (aac)."""
    codec = {".wav": "pcm_s16le", ".mp3": "mp3", ".flac": "flac", ".ogg": "libopus",
             ".m4a": "aac"}[path.suffix]
    fmt = {".m4a": "mp4", ".ogg": "ogg"}.get(path.suffix)
    if codec == "libopus":
        rate = 48000
    out = av.open(str(path), "w", format=fmt)
    stream = out.add_stream(codec, rate=rate, layout="mono")
    assert isinstance(stream, av.AudioStream)
    data = samples
    if rate != RATE:
        idx = np.arange(0, len(samples), RATE / rate)
        data = np.interp(idx, np.arange(len(samples)), samples).astype(np.float32)
    fmt_name = "s16" if codec in ("pcm_s16le", "flac") else "fltp"
    block = 4096
    for i in range(0, len(data), block):
        chunk = data[i:i + block]
        if fmt_name == "s16":
            arr = (np.clip(chunk, -1, 1) * 32767).astype(np.int16).reshape(1, -1)
        else:
            arr = chunk.astype(np.float32).reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(arr, format=fmt_name, layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
    for packet in stream.encode(None):
        out.mux(packet)
    out.close()
    return path
