"""Recordings in Blob Storage as the workspace needs them: byte ranges for the player, uploads
from a stream, and deletion. Built on the BlobStore's service client."""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from typing import BinaryIO

from azure.core.exceptions import AzureError, ResourceExistsError, ResourceNotFoundError
from azure.storage.blob import ContentSettings

from adapters.blob_store import BlobStore
from errors import TransientError

AUDIO_TYPES = {".mp3": "audio/mpeg", ".m4a": "audio/mp4", ".wav": "audio/wav",
               ".flac": "audio/flac", ".ogg": "audio/ogg", ".oga": "audio/ogg",
               ".opus": "audio/ogg", ".webm": "audio/webm", ".aac": "audio/aac",
               ".mp4": "audio/mp4", ".amr": "audio/amr", ".wma": "audio/x-ms-wma",
               ".mpeg": "audio/mpeg", ".mpga": "audio/mpeg"}


def content_type_for(name: str) -> str:
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return AUDIO_TYPES.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"


@dataclass
class BlobInfo:
    size: int
    content_type: str


class Recordings:
    def __init__(self, blobs: BlobStore) -> None:
        self.blobs = blobs

    def _client(self, container: str, name: str):  # type: ignore[no-untyped-def]
        return self.blobs.service.get_blob_client(container, name)

    def info(self, container: str, name: str) -> BlobInfo | None:
        try:
            props = self._client(container, name).get_blob_properties()
        except ResourceNotFoundError:
            return None
        except AzureError as exc:
            raise TransientError(f"Blob Storage unavailable: {exc.__class__.__name__}") from exc
        stored = props.content_settings.content_type
        kind = stored if stored and stored != "application/octet-stream" else content_type_for(name)
        return BlobInfo(size=int(props.size), content_type=kind)

    def read(self, container: str, name: str, start: int, length: int) -> bytes:
        try:
            return bytes(self._client(container, name).download_blob(
                offset=start, length=length, max_concurrency=2).readall())
        except AzureError as exc:
            raise TransientError(f"Blob download failed: {exc.__class__.__name__}") from exc

    def upload(self, container: str, name: str, stream: BinaryIO) -> int:
        """Upload without overwriting; FileExistsError when the name is taken."""
        self.blobs._container(container)  # created when missing
        try:
            client = self._client(container, name)
            client.upload_blob(stream, overwrite=False, max_concurrency=2,
                               content_settings=ContentSettings(content_type=content_type_for(name)))
            return int(client.get_blob_properties().size)
        except ResourceExistsError as exc:
            raise FileExistsError(name) from exc
        except AzureError as exc:
            raise TransientError(f"Blob upload failed: {exc.__class__.__name__}") from exc

    def delete(self, container: str, name: str) -> bool:
        """Delete the blob and its snapshots; False when there was none."""
        try:
            self._client(container, name).delete_blob(delete_snapshots="include")
        except ResourceNotFoundError:
            return False
        except AzureError as exc:
            raise TransientError(f"Blob delete failed: {exc.__class__.__name__}") from exc
        return True
