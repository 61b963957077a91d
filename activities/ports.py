"""What the activities need of their storage adapters: the real ones are `adapters.blob_store.
BlobStore` and `adapters.cosmos_store.CallStore`; tests hand in fakes with the same methods."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from models.record import CallRecord


class Blobs(Protocol):
    def download_to(self, container: str, name: str, target: Path) -> int: ...

    def upload_file(self, container: str, name: str, source: Path) -> int: ...

    def delete_prefix(self, container: str, prefix: str) -> int: ...


class Records(Protocol):
    def get(self, call_id: str) -> tuple[CallRecord, str] | None: ...

    def upsert(self, record: CallRecord, etag: str | None) -> None: ...
