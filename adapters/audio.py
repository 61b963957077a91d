"""Audio with PyAV (FFmpeg inside the wheel, no ffmpeg binary): probe, energy envelope, chunk files.

Everything streams: the decoder yields frames that are resampled to 16 kHz mono and consumed at
once, so memory does not grow with the length of the call. `decode` makes the one decoding pass a
call needs (info, envelope, 16-bit PCM on disk); `write_chunks` cuts FLAC chunks from that PCM.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import av
import numpy as np

from core.chunking import FRAME_SECONDS, PlannedChunk
from core.speakers import MFCC_COEFFS, channel_spans, frame_mfcc, frame_pitch, voice_spans
from errors import InvalidAudioError
from models.call import AudioInfo, SpeakerSpan

RATE = 16_000
FRAME = int(RATE * FRAME_SECONDS)


def _open(path: Path) -> av.container.InputContainer:
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, UnicodeDecodeError) as exc:
        # strerror, not str(exc): that names the worker's temporary file
        detail = getattr(exc, "strerror", None) or exc.__class__.__name__
        raise InvalidAudioError(f"The file could not be read as audio ({detail}).") from exc
    if not container.streams.audio:
        container.close()
        raise InvalidAudioError("The file has no audio stream.")
    return container


def probe(path: Path) -> AudioInfo:
    """Format, codec, channels, sample rate and duration (decoding to be sure of the duration)."""
    return _analyse(path, None)[0]


def decode(path: Path, pcm_out: Path) -> tuple[AudioInfo, np.ndarray]:
    """Probe, energy envelope, and the audio as raw 16 kHz mono 16-bit PCM in `pcm_out` (32 KB per
    second), all in one decoding pass."""
    with pcm_out.open("wb") as sink:
        info, env, _ = _analyse(path, sink)
    return info, env


def decode_call(path: Path, pcm_out: Path) -> tuple[AudioInfo, np.ndarray, list[SpeakerSpan]]:
    """As `decode`, plus who is heard when, from the same pass: each channel's energy for a
    stereo recording (one party per channel), pitch and mel cepstra for a mono one
    (`core.speakers`)."""
    with pcm_out.open("wb") as sink:
        return _analyse(path, sink, speakers=True)


def _analyse(path: Path, sink: BinaryIO | None, speakers: bool = False
             ) -> tuple[AudioInfo, np.ndarray, list[SpeakerSpan]]:
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        info = AudioInfo(container_format=container.format.name, codec=stream.codec_context.name,
                         channels=stream.codec_context.channels or 0,
                         sample_rate=stream.codec_context.sample_rate or 0, duration_seconds=0.0)
    finally:
        container.close()
    features = _Features(stereo=info.channels == 2) if speakers else None
    env, samples = _envelope(path, sink, features)
    if samples == 0:
        raise InvalidAudioError("The file decodes to no audio samples.")
    info.duration_seconds = round(samples / RATE, 3)
    spans: list[SpeakerSpan] = []
    if features is not None:
        spans = features.spans(env)
    return info, env, spans


class _Framer:
    """Cuts a stream of sample blocks into `FRAME`-sample frames (rows), carrying the rest."""

    def __init__(self) -> None:
        self.carry = np.zeros(0, dtype=np.float32)

    def frames(self, block: np.ndarray) -> np.ndarray:
        data = np.concatenate([self.carry, block]) if self.carry.size else block
        n = len(data) // FRAME
        self.carry = data[n * FRAME:]
        return data[: n * FRAME].reshape(n, FRAME).astype(np.float64)

    def rest(self) -> np.ndarray:
        return self.carry.astype(np.float64).reshape(1, -1) if self.carry.size else np.zeros(
            (0, FRAME))


def _rms(frames: np.ndarray) -> np.ndarray:
    return np.sqrt(np.mean(frames ** 2, axis=1)) if frames.size else np.zeros(0)


class _Features:
    """Per-frame speaker features gathered while decoding: channel energies (stereo), or pitch
    and mel cepstra (mono)."""

    def __init__(self, stereo: bool) -> None:
        self.stereo = stereo
        self.left: list[np.ndarray] = []
        self.right: list[np.ndarray] = []
        self.pitch: list[np.ndarray] = []
        self.mfcc: list[np.ndarray] = []
        self.framers = (_Framer(), _Framer())

    def add_mono(self, frames: np.ndarray) -> None:
        if not self.stereo and frames.size:
            self.pitch.append(frame_pitch(frames, RATE))
            self.mfcc.append(frame_mfcc(frames, RATE))

    def add_stereo(self, block: np.ndarray) -> None:
        for side, framer, out in ((0, self.framers[0], self.left),
                                  (1, self.framers[1], self.right)):
            out.append(_rms(framer.frames(block[side])))

    def spans(self, envelope: np.ndarray) -> list[SpeakerSpan]:
        if self.stereo:
            for framer, out in zip(self.framers, (self.left, self.right), strict=True):
                out.append(_rms(framer.rest()))
            left = np.concatenate(self.left) if self.left else np.zeros(0)
            right = np.concatenate(self.right) if self.right else np.zeros(0)
            return channel_spans(left, right)
        pitch = np.concatenate(self.pitch) if self.pitch else np.zeros(0)
        mfcc = np.concatenate(self.mfcc) if self.mfcc else np.zeros((0, MFCC_COEFFS))
        return voice_spans(envelope, pitch, mfcc)


def _pcm_blocks(path: Path, stereo_out: list[np.ndarray] | None = None) -> Iterator[np.ndarray]:
    """16 kHz mono float32 blocks of the whole file, streamed; with `stereo_out`, a stereo file's
    two channels at 16 kHz are appended there too (shape (2, n) per block).

    A damaged packet is skipped, as ffmpeg does, so a glitch or a torn tail costs a few
    milliseconds of audio rather than the call; a file where most packets are damaged is refused.
    """
    container = _open(path)
    # 16-bit as faster-whisper's own decoder makes it, so a chunk holds exactly the samples the
    # model would have heard from the whole file
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    both = (av.AudioResampler(format="fltp", layout="stereo", rate=RATE)
            if stereo_out is not None else None)
    good = bad = 0
    try:
        stream = container.streams.audio[0]
        for packet in container.demux(stream):
            try:
                frames = packet.decode()
                good += 1
            except av.error.FFmpegError as exc:
                bad += 1
                if bad > 20 and bad > good:
                    detail = getattr(exc, "strerror", None) or exc.__class__.__name__
                    raise InvalidAudioError(f"The audio is corrupted and cannot be decoded "
                                            f"({detail}).") from exc
                continue
            for frame in frames:
                try:
                    resampled = resampler.resample(frame)
                    if both is not None and stereo_out is not None:
                        stereo_out.extend(f.to_ndarray() for f in both.resample(frame))
                except ValueError:  # a frame whose format changed mid-stream: damage
                    bad += 1
                    continue
                for out in resampled:
                    yield _to_float(out.to_ndarray().reshape(-1))
        if bad > good:
            raise InvalidAudioError(f"The audio is corrupted: {bad} of {good + bad} packets "
                                    "cannot be decoded.")
        for out in resampler.resample(None):
            yield _to_float(out.to_ndarray().reshape(-1))
        if both is not None and stereo_out is not None:
            stereo_out.extend(f.to_ndarray() for f in both.resample(None))
    finally:
        container.close()


def envelope(path: Path) -> np.ndarray:
    """RMS energy per 100 ms frame."""
    return _envelope(path)[0]


def _envelope(path: Path, sink: BinaryIO | None = None, features: _Features | None = None
              ) -> tuple[np.ndarray, int]:
    values: list[np.ndarray] = []
    total = 0
    framer = _Framer()
    stereo: list[np.ndarray] | None = [] if features is not None and features.stereo else None
    for block in _seconds(_pcm_blocks(path, stereo)):
        total += len(block)
        if sink is not None:
            sink.write(_to_int16(block).tobytes())
        frames = framer.frames(block)
        if frames.size:
            values.append(_rms(frames))
            if features is not None:
                features.add_mono(frames)
        if stereo and features is not None:
            features.add_stereo(np.concatenate(stereo, axis=1))
            stereo.clear()
    rest = framer.rest()
    if rest.size:
        values.append(_rms(rest))
        if features is not None:
            features.add_mono(np.pad(rest, ((0, 0), (0, FRAME - rest.shape[1]))))
    if stereo and features is not None:
        features.add_stereo(np.concatenate(stereo, axis=1))
    return (np.concatenate(values).astype(np.float32) if values
            else np.zeros(0, dtype=np.float32)), total


def _seconds(blocks: Iterator[np.ndarray]) -> Iterator[np.ndarray]:
    """The decoder's small blocks (a codec frame each, ~50 ms) gathered into ~1 s blocks."""
    pending: list[np.ndarray] = []
    size = 0
    for block in blocks:
        pending.append(block)
        size += len(block)
        if size >= RATE:
            yield np.concatenate(pending)
            pending, size = [], 0
    if pending:
        yield np.concatenate(pending)


def _to_float(pcm16: np.ndarray) -> np.ndarray:
    """16-bit samples as float32 in [-1, 1), the scale faster-whisper uses (x / 32768)."""
    return pcm16.astype(np.float32) / 32768.0


def _to_int16(samples: np.ndarray) -> np.ndarray:
    """Back to 16-bit: exact for samples that came from `_to_float`."""
    return np.clip(np.round(samples * 32768.0), -32768, 32767).astype(np.int16)


class _FlacWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.container = av.open(str(path), "w", format="flac")
        self.stream = self.container.add_stream("flac", rate=RATE, layout="mono")
        self.pts = 0

    def write(self, pcm16: np.ndarray) -> None:
        pcm = pcm16.reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(pcm, format="s16", layout="mono")
        frame.sample_rate = RATE
        frame.pts = self.pts
        self.pts += pcm.shape[1]
        for packet in self.stream.encode(frame):
            self.container.mux(packet)

    def close(self) -> None:
        for packet in self.stream.encode(None):
            self.container.mux(packet)
        self.container.close()


def write_chunks(pcm: Path, chunks: list[PlannedChunk], out_dir: Path,
                 block_seconds: float = 10.0) -> list[Path]:
    """Write each planned chunk as 16 kHz mono FLAC, cut from the PCM that `decode` wrote (read in
    blocks, so memory stays flat)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = []
    block = int(block_seconds * RATE)
    total = pcm.stat().st_size // 2
    with pcm.open("rb") as source:
        for c in chunks:
            path = out_dir / f"chunk-{c.index:04d}.flac"
            first, last = round(c.start * RATE), min(total, round(c.end * RATE))
            if total - last <= RATE // 500:  # the end of the call (durations are rounded to ms)
                last = total
            source.seek(first * 2)
            writer = _FlacWriter(path)
            try:
                for at in range(first, last, block):
                    samples = np.fromfile(source, dtype=np.int16, count=min(block, last - at))
                    if samples.size == 0:
                        break
                    writer.write(samples)
            finally:
                writer.close()
            files.append(path)
    return files
