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
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from azure.core.exceptions import ResourceNotFoundError
from azure.storage.queue import QueueClient, TextBase64EncodePolicy

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess
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


def wait_for(predicate: Callable[[], bool], timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise TimeoutError


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
        wait_for(lambda: len(peek(poison)) == 2)
        wait_for(lambda: sum(r["body"] == "flaky one" for r in records(state)) == 2)
        time.sleep(1.5)  # a moved or completed message is not handed out again
    finally:
        host.stop()
    calls = records(state)
    first = next(r for r in calls if r["id"] == sent.id)
    assert json.loads(first["body"]) == {"call": "ü-1"}
    assert first["dequeue_count"] == 1
    assert first["pop_receipt"]
    inserted = datetime.fromisoformat(first["insertion_time"])
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
