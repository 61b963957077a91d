"""The Blob adapter against Azurite, and the one function that builds blob paths."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from adapters.blob_store import BlobStore, safe_blob_path
from errors import MissingBlobError


def test_safe_blob_path_never_climbs() -> None:
    assert safe_blob_path("call", "../../x", "chunk.flac") == "call/x/chunk.flac"
    assert safe_blob_path("/abs//path/", "./a") == "abs/path/a"
    assert safe_blob_path("a\\..\\b") == "a/b"
    with pytest.raises(ValueError):
        safe_blob_path("..", "/")


def test_upload_download_and_cleanup(blob_store: BlobStore, tmp_path: Path) -> None:
    container = f"t{uuid.uuid4().hex[:10]}"
    src = tmp_path / "in.bin"
    src.write_bytes(b"x" * 100_000)
    for i in range(3):
        blob_store.upload_file(container, f"c-1/h/chunk-{i}.flac", src)
    blob_store.upload_file(container, "c-10/h/chunk-0.flac", src)
    out = tmp_path / "out.bin"
    assert blob_store.download_to(container, "c-1/h/chunk-2.flac", out) == 100_000
    assert out.read_bytes() == src.read_bytes()
    assert blob_store.delete_prefix(container, "c-1/") == 3
    assert [n for n, _ in blob_store.list_names(container)] == ["c-10/h/chunk-0.flac"]
    with pytest.raises(MissingBlobError, match="no longer exists"):
        blob_store.download_to(container, "c-1/h/chunk-0.flac", out)
