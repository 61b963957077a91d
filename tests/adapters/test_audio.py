"""PyAV audio adapter on real encoded files: probe, envelope, streamed chunk files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from adapters import audio
from core.chunking import plan_chunks
from errors import InvalidAudioError
from tests.helpers.audio import conversation, silence, write
from tests.helpers.calls import CALLS


@pytest.fixture(scope="module")
def speech() -> np.ndarray:
    return conversation(CALLS[0].lines[:3])


@pytest.mark.parametrize("ext", [".wav", ".mp3", ".flac", ".ogg", ".m4a"])
def test_probe_formats(tmp_path: Path, speech: np.ndarray, ext: str) -> None:
    info = audio.probe(write(speech, tmp_path / f"call{ext}"))
    assert info.channels == 1
    assert abs(info.duration_seconds - len(speech) / 22050) < 0.2


def test_telephone_quality_8khz(tmp_path: Path, speech: np.ndarray) -> None:
    info = audio.probe(write(speech, tmp_path / "phone.wav", rate=8000))
    assert info.sample_rate == 8000 and info.duration_seconds > 5


def test_chunks_are_16k_mono_flac_covering_the_call(tmp_path: Path, speech: np.ndarray) -> None:
    src = write(np.concatenate([speech, silence(1.0), speech]), tmp_path / "long.mp3")
    info, env = audio.decode(src, tmp_path / "audio.pcm")
    duration = info.duration_seconds
    assert abs((tmp_path / "audio.pcm").stat().st_size - duration * 16000 * 2) <= 32
    assert np.array_equal(env, audio.envelope(src))
    planned = plan_chunks(env, duration, 15.0, 6.0, 0.5)
    files = audio.write_chunks(tmp_path / "audio.pcm", planned, tmp_path / "chunks",
                               block_seconds=2.0)
    assert len(files) == len(planned) >= 2
    total = 0.0
    for plan, path in zip(planned, files, strict=True):
        info = audio.probe(path)
        assert (info.sample_rate, info.channels, info.codec) == (16000, 1, "flac")
        assert abs(info.duration_seconds - (plan.end - plan.start)) < 0.1
        total += plan.owned_to - plan.owned_from
    assert abs(total - duration) < 0.01


@pytest.mark.parametrize("content", [b"", b"this is a text file, not audio\n" * 50,
                                     b"RIFF\x00\x00\x00\x00WAVEfmt garbage"])
def test_undecodable_files_are_invalid_audio(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.mp3"
    path.write_bytes(content)
    with pytest.raises(InvalidAudioError):
        audio.probe(path)


def test_truncated_file_still_decodes_what_is_there(tmp_path: Path, speech: np.ndarray) -> None:
    src = write(speech, tmp_path / "full.mp3")
    cut = tmp_path / "cut.mp3"
    cut.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    info = audio.probe(cut)
    assert 0 < info.duration_seconds < len(speech) / 22050


def test_silence_envelope(tmp_path: Path) -> None:
    env = audio.envelope(write(silence(3.0), tmp_path / "quiet.wav"))
    assert env.size == 30 and float(env.max()) < 1e-3


def test_a_damaged_tail_costs_only_the_damaged_packet(tmp_path: Path, speech: np.ndarray) -> None:
    src = write(speech, tmp_path / "ok.mp3")
    damaged = tmp_path / "damaged.mp3"
    damaged.write_bytes(src.read_bytes() + b"#1234")
    assert abs(audio.probe(damaged).duration_seconds - audio.probe(src).duration_seconds) < 0.1


def test_mostly_garbage_is_refused(tmp_path: Path, speech: np.ndarray) -> None:
    src = write(speech, tmp_path / "ok.mp3").read_bytes()
    mangled = bytearray(src)
    for i in range(0, len(mangled), 3):  # a third of all bytes flipped, headers included
        mangled[i] ^= 0x5A
    path = tmp_path / "mangled.mp3"
    path.write_bytes(bytes(mangled))
    with pytest.raises(InvalidAudioError):
        audio.probe(path)
