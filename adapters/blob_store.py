"""Blob Storage: recordings in, chunk files out and back, by name. Streams to and from files."""

from __future__ import annotations

from pathlib import Path

from azure.core.credentials import TokenCredential
from azure.core.exceptions import (
    AzureError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.storage.blob import BlobServiceClient, ContainerClient

from errors import MissingBlobError, TransientError


def safe_blob_path(*parts: str) -> str:
    """Join name parts for blobs the app writes; no part may climb out with '..' or be absolute."""
    cleaned = []
    for part in parts:
        for piece in part.replace("\\", "/").split("/"):
            if piece in ("", ".", ".."):
                continue
            cleaned.append(piece)
    if not cleaned:
        raise ValueError("empty blob path")
    return "/".join(cleaned)


class BlobStore:
    def __init__(self, connection_string: str, service: BlobServiceClient | None = None) -> None:
        self.service = service or BlobServiceClient.from_connection_string(connection_string)
        self._ensured: set[str] = set()

    @classmethod
    def with_credential(cls, account_url: str, credential: TokenCredential) -> BlobStore:
        """An Entra ID identity instead of a connection string (Azure, shared keys disabled)."""
        return cls("", BlobServiceClient(account_url, credential=credential))

    def _container(self, name: str) -> ContainerClient:
        client = self.service.get_container_client(name)
        if name not in self._ensured:
            try:
                client.create_container()
            except ResourceExistsError:
                pass
            except AzureError as exc:  # a refused connection, a 5xx, a dropped response
                raise TransientError(f"Blob Storage unavailable: {exc.__class__.__name__}") from exc
            self._ensured.add(name)
        return client

    def ensure_containers(self, names: list[str]) -> None:
        """Create these containers unless they exist (TransientError when storage is down)."""
        for name in names:
            self._container(name)

    def download_to(self, container: str, name: str, target: Path) -> int:
        try:
            with target.open("wb") as f:
                return int(self._container(container).download_blob(name, max_concurrency=2)
                           .readinto(f))
        except ResourceNotFoundError as exc:
            raise MissingBlobError(f"The blob {container}/{name} no longer exists.") from exc
        except AzureError as exc:
            raise TransientError(f"Blob download failed: {exc.__class__.__name__}: "
                                 f"{str(exc)[:200]}") from exc

    def upload_file(self, container: str, name: str, source: Path) -> int:
        try:
            with source.open("rb") as f:
                self._container(container).upload_blob(name, f, overwrite=True, max_concurrency=2)
        except AzureError as exc:
            raise TransientError(f"Blob upload failed: {exc.__class__.__name__}") from exc
        return source.stat().st_size

    def delete_prefix(self, container: str, prefix: str) -> int:
        client = self._container(container)
        n = 0
        try:
            for blob in client.list_blobs(name_starts_with=prefix):
                client.delete_blob(blob.name)
                n += 1
        except ResourceNotFoundError:
            pass
        except AzureError as exc:
            raise TransientError(f"Blob cleanup failed: {exc.__class__.__name__}") from exc
        return n

    def list_names(self, container: str) -> list[tuple[str, object]]:
        return [(b.name, b.last_modified) for b in self._container(container).list_blobs()]
