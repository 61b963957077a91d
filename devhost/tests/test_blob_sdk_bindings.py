"""SDK-type blob bindings (`azurefunctions-extensions-bindings-blob`) on Azurite, over HTTP.

In Azure the host sends no blob content for a parameter typed `blob.BlobClient`,
`blob.ContainerClient` or `blob.StorageStreamDownloader`: it sends model binding data (source
`AzureStorageBlobs`, version 1.0, JSON `{"Connection", "ContainerName", "BlobName"}`, as the blob
extension's `BlobsExtensionConfigProvider.CreateParameterBindingData` writes it) and the worker's
extension converter (`BlobClientConverter.decode`, read in the installed package) builds the SDK
client with the connection setting. Plain inputs (`func.InputStream`) still get the content; a
missing blob binds as None.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from pathlib import Path

import pytest
import requests
from azure.storage.blob import BlobServiceClient

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess
from devstack import services

pytestmark = pytest.mark.usefixtures("stack")


def test_sdk_types_for_trigger_and_inputs(tmp_path: Path) -> None:
    container = f"sdk{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    blobs = BlobServiceClient.from_connection_string(conn).get_container_client(container)
    blobs.create_container()
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "blob_sdk", tmp_path / "data",
                       extra_args=["--blob-poll-seconds", "0.2"],
                       env={"BLOB_STATE_DIR": str(state), "INBOX_CONTAINER": container,
                            "AzureWebJobsStorage": conn})
    host.start()
    content = b"\x00\x01 recording bytes " * 50_000  # about 1 MB, several download chunks
    try:
        blobs.upload_blob("dir/ü call.bin", content)
        log = state / "invocations.jsonl"
        deadline = time.monotonic() + 30
        while not log.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        blobs.upload_blob("note.txt", "héllo".encode())
        stream = requests.get(f"{host.base}/api/stream/note.txt", timeout=10)
        plain = requests.get(f"{host.base}/api/plain/note.txt", timeout=10)
        missing = requests.get(f"{host.base}/api/plain/none.txt", timeout=10)
    finally:
        host.stop()
    records = [json.loads(line) for line in log.read_text().splitlines()]
    first = records[0]
    assert first["trigger_type"] == "BlobClient"
    assert first["container_type"] == "ContainerClient"
    assert (first["container"], first["blob"]) == (container, "dir/ü call.bin")
    assert first["sha256"] == hashlib.sha256(content).hexdigest()
    assert first["etag"] == blobs.get_blob_client("dir/ü call.bin").get_blob_properties().etag
    assert "dir/ü call.bin" in first["listed"]
    assert stream.status_code == 200
    assert stream.json() == {"type": "StorageStreamDownloader", "content": "héllo"}
    assert plain.json() == {"type": "InputStream", "name": f"{container}/note.txt",
                            "content": "héllo"}
    assert missing.status_code == 404
