"""Blob trigger against Azurite: once per blob version, receipts across restarts, poison queue."""

from __future__ import annotations

import base64
import json
import time
import uuid
from pathlib import Path

import pytest
from azure.storage.blob import BlobServiceClient
from azure.storage.queue import QueueClient

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess, wait_for
from devstack import services

pytestmark = pytest.mark.usefixtures("stack")


def _invocations(state: Path) -> list[str]:
    path = state / "invocations.log"
    return path.read_text().splitlines() if path.exists() else []


def test_blob_versions_fire_once_and_poison_after_five(tmp_path: Path) -> None:
    container = f"inbox{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    blobs = BlobServiceClient.from_connection_string(conn).get_container_client(container)
    blobs.create_container()
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "blobs", tmp_path / "data", extra_args=["--blob-poll-seconds", "0.2"],
                       env={"BLOB_STATE_DIR": str(state), "INBOX_CONTAINER": container,
                            "AzureWebJobsStorage": conn})
    host.start()
    try:
        blobs.upload_blob("a.txt", b"v1")
        blobs.upload_blob("b c/ü.txt", b"x")
        wait_for(lambda: len(_invocations(state)) >= 2)
        blobs.upload_blob("a.txt", b"v2", overwrite=True)
        wait_for(lambda: f"{container}/a.txt|v2" in _invocations(state))
        blobs.upload_blob("bad-1.txt", b"boom")
        wait_for(lambda: _invocations(state).count(f"{container}/bad-1.txt|boom") >= 5)
        time.sleep(1.5)  # several more polls: a poisoned blob is not retried
        host.stop()
        host.start()  # receipts survive the restart: nothing fires again
        time.sleep(1.5)
    finally:
        host.stop()
    calls = _invocations(state)
    assert calls.count(f"{container}/a.txt|v1") == 1
    assert calls.count(f"{container}/a.txt|v2") == 1
    assert calls.count(f"{container}/b c/ü.txt|x") == 1
    assert calls.count(f"{container}/bad-1.txt|boom") == 5
    queue = QueueClient.from_connection_string(conn, "webjobs-blobtrigger-poison")
    messages = [json.loads(base64.b64decode(m.content)) for m in queue.receive_messages(
        max_messages=32)]
    mine = [m for m in messages if m["ContainerName"] == container]
    assert [m["BlobName"] for m in mine] == ["bad-1.txt"]
    assert mine[0]["FunctionId"] == "Host.Functions.on_blob"
