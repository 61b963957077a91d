"""The blob starter through the local host with Event Grid deliveries: BlobCreated events POSTed to
the blob extension's webhook, as Event Grid does in Azure, on top of the host's own detection of
new versions. Event Grid delivers at least once: a repeated event and a stale event for a blob
overwritten since must not start a second orchestration of the same content."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from devhost.tests import eventgrid
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS

pytestmark = pytest.mark.usefixtures("stack")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("eventgrid"))
    host.start()
    yield host
    host.stop()


def blob_created(app: AppHost, name: str) -> dict[str, Any]:
    """The BlobCreated event (Event Grid schema) of the blob's current version."""
    return eventgrid.blob_created(app.blobs.get_blob_client(name))


def deliver(app: AppHost, event: dict[str, Any]) -> None:
    keys = json.loads((app.data_dir / "keys.json").read_text())
    r = eventgrid.deliver(app, "on_recording_uploaded", [event],
                          code=keys["systemKeys"]["blobs_extension"])
    assert r.status_code == 202, r.text


def started(app: AppHost, name: str) -> list[str]:
    return [line for line in app.log().splitlines()
            if "Started process_call" in line and f" for {name} (" in line]


def settle(app: AppHost, seconds: float = 2.0) -> None:
    time.sleep(seconds)  # the deliveries above are asynchronous (202): let them run


def test_repeated_and_stale_events_start_one_orchestration_per_content(
        app: AppHost, tmp_path: Path) -> None:
    name = "eventgrid-acme.mp3"
    first = write(conversation(CALLS[0].lines[:2]), tmp_path / "a1.mp3").read_bytes()
    app.upload(name, first)
    done = app.wait_call(name)
    instance = done["orchestration"]["instanceId"]
    old_event = blob_created(app, name)
    for _ in range(2):  # Event Grid repeats the event of this version
        deliver(app, old_event)
    settle(app)
    assert app.call(name).json()["orchestration"]["instanceId"] == instance
    assert len(started(app, name)) == 1

    second = write(conversation(CALLS[0].lines[2:4]), tmp_path / "a2.mp3").read_bytes()
    app.upload(name, second, overwrite=True)
    deliver(app, old_event)  # stale: its blob has been overwritten since
    deliver(app, blob_created(app, name))
    deadline = time.monotonic() + 120
    while app.call(name).json()["orchestration"]["instanceId"] == instance:
        assert time.monotonic() < deadline
        time.sleep(0.3)
    updated = app.wait_call(name)
    settle(app)
    assert updated["record"]["status"] == "completed"
    assert updated["record"]["callId"] == done["record"]["callId"]  # the same record, updated
    assert updated["record"]["metadata"]["contentSha256"] == hashlib.sha256(second).hexdigest()
    assert done["record"]["metadata"]["contentSha256"] == hashlib.sha256(first).hexdigest()
    assert len(started(app, name)) == 2  # first content, then the new one: nothing else
    assert "already has orchestration" in app.log()
