"""Queue triggers on Azurite, through the host.

As the queue extension does (docs: "Azure Queue storage trigger for Azure Functions", poison
messages and host.json `extensions.queues`; the Python worker's `QueueMessageInConverter`):
messages are base64 by default; the function gets id, body, dequeue count, insertion and
expiration times and pop receipt; a success deletes the message; a failure makes it visible
again after `visibilityTimeout`; after `maxDequeueCount` failed dequeues (3 in this app's
host.json) the message moves to `<queue>-poison` with its content unchanged.
"""

from __future__ import annotations

import base64
import itertools
import json
import time
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from azure.core.exceptions import ResourceNotFoundError
from azure.storage.blob import BlobServiceClient
from azure.storage.queue import QueueClient, TextBase64EncodePolicy

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess, wait_for
from devstack import services

pytestmark = pytest.mark.usefixtures("stack")


def records(state: Path) -> list[dict[str, Any]]:
    path = state / "messages.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def peek(queue: QueueClient) -> list[Any]:
    try:
        return list(queue.peek_messages(max_messages=32))
    except ResourceNotFoundError:
        return []


def test_messages_fields_retries_and_poison(tmp_path: Path) -> None:
    name = f"work{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    sender = QueueClient.from_connection_string(conn, name,
                                                message_encode_policy=TextBase64EncodePolicy())
    sender.create_queue()
    raw = QueueClient.from_connection_string(conn, name)
    poison = QueueClient.from_connection_string(conn, f"{name}-poison")
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "queues", tmp_path / "data",
                       env={"QUEUE_STATE_DIR": str(state), "WORK_QUEUE": name,
                            "AzureWebJobsStorage": conn})
    host.start()
    try:
        sent = sender.send_message(json.dumps({"call": "ü-1"}))
        sender.send_message("flaky one")
        sender.send_message("fail always")
        raw.send_message("%%% not base64 %%%")
        wait_for(lambda: len(peek(poison)) == 2, timeout=40)
        wait_for(lambda: sum(r["body"] == "flaky one" for r in records(state)) == 2, timeout=40)
        time.sleep(1.5)  # a moved or completed message is not handed out again
    finally:
        host.stop()
    calls = records(state)
    first = next(r for r in calls if r["id"] == sent.id)
    assert json.loads(first["body"]) == {"call": "ü-1"}
    assert first["dequeue_count"] == 1
    assert first["pop_receipt"]
    inserted = datetime.fromisoformat(first["insertion_time"])
    assert sent.inserted_on is not None
    assert abs(inserted.timestamp() - sent.inserted_on.timestamp()) < 1
    assert datetime.fromisoformat(first["expiration_time"]) > inserted
    assert [r["dequeue_count"] for r in calls if r["body"] == "flaky one"] == [1, 2]
    failing = [r for r in calls if r["body"] == "fail always"]
    assert [r["dequeue_count"] for r in failing] == [1, 2, 3]
    # visible again only after host.json visibilityTimeout (1 s)
    assert all(b["at"] - a["at"] >= 0.9 for a, b in itertools.pairwise(failing))
    assert not any("not base64" in r["body"] for r in calls)
    moved = sorted(m.content for m in peek(poison))
    assert moved == sorted([base64.b64encode(b"fail always").decode(), "%%% not base64 %%%"])
    assert peek(raw) == []


def test_json_message_properties_bind_a_blob_input(tmp_path: Path) -> None:
    """Docs ("Azure Queue storage trigger", metadata; binding expressions): the properties of a
    JSON message can be used in other bindings' paths; a missing blob binds as None."""
    name = f"work{uuid.uuid4().hex[:8]}"
    container = f"docs{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    sender = QueueClient.from_connection_string(conn, f"{name}-lookup",
                                                message_encode_policy=TextBase64EncodePolicy())
    sender.create_queue()
    docs = BlobServiceClient.from_connection_string(conn).get_container_client(container)
    docs.create_container()
    docs.upload_blob("a b.txt", "contenu é".encode())
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "queues", tmp_path / "data",
                       env={"QUEUE_STATE_DIR": str(state), "WORK_QUEUE": name,
                            "LOOKUP_CONTAINER": container, "AzureWebJobsStorage": conn})
    host.start()
    path = state / "lookups.jsonl"
    try:
        sender.send_message(json.dumps({"name": "a b.txt"}))
        sender.send_message(json.dumps({"name": "missing.txt"}))
        wait_for(lambda: path.exists() and len(path.read_text().splitlines()) == 2, timeout=40)
    finally:
        host.stop()
    seen = {r["message"]["name"]: r["doc"] for r in map(json.loads, path.read_text().splitlines())}
    assert seen == {"a b.txt": "contenu é", "missing.txt": None}
