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
from errors import InvalidAudioError
from models.call import AudioInfo

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
        return _analyse(path, sink)


def _analyse(path: Path, sink: BinaryIO | None) -> tuple[AudioInfo, np.ndarray]:
    container = _open(path)
    try:
        stream = container.streams.audio[0]
        info = AudioInfo(container_format=container.format.name, codec=stream.codec_context.name,
                         channels=stream.codec_context.channels or 0,
                         sample_rate=stream.codec_context.sample_rate or 0, duration_seconds=0.0)
    finally:
        container.close()
    env, samples = _envelope(path, sink)
    if samples == 0:
        raise InvalidAudioError("The file decodes to no audio samples.")
    info.duration_seconds = round(samples / RATE, 3)
    return info, env


def _pcm_blocks(path: Path) -> Iterator[np.ndarray]:
    """16 kHz mono float32 blocks of the whole file, streamed.

    A damaged packet is skipped, as ffmpeg does, so a glitch or a torn tail costs a few
    milliseconds of audio rather than the call; a file where most packets are damaged is refused.
    """
    container = _open(path)
    resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
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
                except ValueError:  # a frame whose format changed mid-stream: damage
                    bad += 1
                    continue
                for out in resampled:
                    yield out.to_ndarray().reshape(-1)
        if bad > good:
            raise InvalidAudioError(f"The audio is corrupted: {bad} of {good + bad} packets "
                                    "cannot be decoded.")
        for out in resampler.resample(None):
            yield out.to_ndarray().reshape(-1)
    finally:
        container.close()


def envelope(path: Path) -> np.ndarray:
    """RMS energy per 100 ms frame."""
    return _envelope(path)[0]


def _envelope(path: Path, sink: BinaryIO | None = None) -> tuple[np.ndarray, int]:
    values: list[np.ndarray] = []
    total = 0
    carry = np.zeros(0, dtype=np.float32)
    for block in _seconds(_pcm_blocks(path)):
        total += len(block)
        if sink is not None:
            sink.write(_to_int16(block).tobytes())
        data = np.concatenate([carry, block]) if carry.size else block
        n = len(data) // FRAME
        if n:
            frames = data[: n * FRAME].reshape(n, FRAME).astype(np.float64)
            values.append(np.sqrt(np.mean(frames ** 2, axis=1)))
        carry = data[n * FRAME:]
    if carry.size:
        values.append(np.sqrt(np.mean(carry.astype(np.float64) ** 2, keepdims=True)))
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


def _to_int16(samples: np.ndarray) -> np.ndarray:
    return np.clip(samples * 32767.0, -32768, 32767).astype(np.int16)


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
    with pcm.open("rb") as source:
        for c in chunks:
            path = out_dir / f"chunk-{c.index:04d}.flac"
            first, last = int(c.start * RATE), int(c.end * RATE)
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
