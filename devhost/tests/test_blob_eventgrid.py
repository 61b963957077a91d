"""Event Grid blob triggers (`source=func.BlobSource.EVENT_GRID`) on Azurite, over HTTP.

What Azure does, checked in the blob extension's source (azure-sdk-for-net,
Microsoft.Azure.WebJobs.Extensions.Storage.Blobs): the webhook
`/runtime/webhooks/blobs?functionName=Host.Functions.<name>` takes the `blobs_extension` system key;
`HttpRequestProcessor` dispatches on `aeg-event-type` (SubscriptionValidation → 200
`{"validationResponse": code}`, Notification → 202, other → 400); `ProcessEventsAsync` reads
`data.url` of each event (an Event Grid array or one CloudEvent); `BlobQueueTriggerExecutor` skips
a blob that no longer exists and, for the Event Grid source, runs on the blob as it is now (no
ETag check), so a repeated or stale event runs the function again; five failures send the blob
to `webjobs-blobtrigger-poison`. Locally there is no Event Grid: new versions are detected in
Azurite and delivered once each.
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from azure.storage.blob import BlobServiceClient, ContainerClient
from azure.storage.queue import QueueClient

from devhost.tests import eventgrid
from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess, wait_for
from devstack import services

pytestmark = pytest.mark.usefixtures("stack")


def invocations(state: Path) -> list[dict[str, Any]]:
    path = state / "invocations.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def blob_created(blobs: ContainerClient, name: str, etag: str) -> dict[str, Any]:
    return eventgrid.blob_created(blobs.get_blob_client(name), etag)


@pytest.fixture
def inbox(tmp_path: Path) -> Iterator[tuple[ContainerClient, Path, HostProcess]]:
    container = f"egin{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    blobs = BlobServiceClient.from_connection_string(conn).get_container_client(container)
    blobs.create_container()
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "blob_eventgrid", tmp_path / "data",
                       extra_args=["--blob-poll-seconds", "0.2", "--require-keys"],
                       env={"BLOB_STATE_DIR": str(state), "INBOX_CONTAINER": container,
                            "AzureWebJobsStorage": conn})
    host.start()
    yield blobs, state, host
    host.stop()


def test_new_versions_are_detected_and_delivered_once(inbox: tuple) -> None:
    blobs, state, _ = inbox
    c = blobs.container_name
    blobs.upload_blob("a.txt", b"v1")
    wait_for(lambda: len(invocations(state)) == 1)
    blobs.upload_blob("a.txt", b"version 2", overwrite=True)
    wait_for(lambda: len(invocations(state)) == 2)
    time.sleep(1.0)  # several more listings: no version runs twice
    calls = invocations(state)
    assert [(r["name"], r["content"], r["length"]) for r in calls] == [
        (f"{c}/a.txt", "v1", 2), (f"{c}/a.txt", "version 2", 9)]
    assert calls[1]["etag"] == blobs.get_blob_client("a.txt").get_blob_properties().etag
    assert calls[1]["uri"] == blobs.get_blob_client("a.txt").url


def test_webhook_handshake_events_keys_and_poison(inbox: tuple) -> None:
    blobs, state, host = inbox
    c = blobs.container_name
    keys = json.loads((host.data_dir / "keys.json").read_text())
    blob_key = keys["systemKeys"]["blobs_extension"]
    hook = f"{host.base}/runtime/webhooks/blobs"
    fn = {"functionName": "Host.Functions.on_blob"}

    def post(body: Any, kind: str = "Notification",
             code: str | None = blob_key) -> requests.Response:
        params = dict(fn, **({"code": code} if code else {}))
        return requests.post(hook, params=params, json=body, timeout=10,
                             headers={"aeg-event-type": kind})

    validation = [{"id": "1", "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
                   "data": {"validationCode": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},
                   "eventTime": "2026-12-01T20:00:00Z", "subject": "", "dataVersion": "2"}]
    assert post(validation, "SubscriptionValidation", code=None).status_code == 401
    assert post(validation, "SubscriptionValidation",
                code=keys["systemKeys"]["durabletask_extension"]).status_code == 401
    r = post(validation, "SubscriptionValidation")
    assert r.status_code == 200
    assert r.json() == {"validationResponse": "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}
    cloud_validation = {"specversion": "1.0",
                        "type": "Microsoft.EventGrid.SubscriptionValidationEvent",
                        "data": json.dumps({"validationCode": "abc"})}
    assert post(cloud_validation, "SubscriptionValidation").json() == {"validationResponse": "abc"}
    assert post(validation, "Something").status_code == 400
    abuse = requests.options(hook, params=dict(fn, code=blob_key), timeout=10,
                             headers={"WebHook-Request-Origin": "eventgrid.azure.net"})
    assert abuse.status_code == 200
    assert abuse.headers["WebHook-Allowed-Origin"] == "eventgrid.azure.net"

    blobs.upload_blob("a.txt", b"v1")
    wait_for(lambda: len(invocations(state)) == 1)
    old_etag = blobs.get_blob_client("a.txt").get_blob_properties().etag
    blobs.upload_blob("a.txt", b"v2", overwrite=True)
    wait_for(lambda: len(invocations(state)) == 2)
    # a repeated, stale event (v1's ETag): runs again, on the blob as it is now
    assert post([blob_created(blobs, "a.txt", old_etag)]).status_code == 202
    wait_for(lambda: len(invocations(state)) == 3)
    # one CloudEvent (CloudEvents schema 1.0), not an array
    cloud = {"specversion": "1.0", "type": "Microsoft.Storage.BlobCreated", "id": "c1",
             "source": "/subscriptions/x/storageAccounts/devstoreaccount1",
             "subject": f"/blobServices/default/containers/{c}/blobs/a.txt",
             "data": blob_created(blobs, "a.txt", old_etag)["data"]}
    assert post(cloud).status_code == 202
    wait_for(lambda: len(invocations(state)) == 4)
    # a blob that does not exist is skipped; an unknown function is accepted and dropped
    assert post([blob_created(blobs, "gone.txt", "0x1")]).status_code == 202
    r = requests.post(hook, params={"functionName": "Host.Functions.nope", "code": blob_key},
                      json=[blob_created(blobs, "a.txt", old_etag)], timeout=10,
                      headers={"aeg-event-type": "Notification"})
    assert r.status_code == 202
    assert post({"no": "data"}).status_code == 400

    blobs.upload_blob("bad-1.txt", b"boom")
    wait_for(lambda: sum(r["name"] == f"{c}/bad-1.txt" for r in invocations(state)) == 5)
    time.sleep(1.0)  # a poisoned blob is not tried again
    calls = invocations(state)
    assert [r["content"] for r in calls if r["name"] == f"{c}/a.txt"] == ["v1", "v2", "v2", "v2"]
    assert sum(r["name"] == f"{c}/bad-1.txt" for r in calls) == 5
    assert not any(r["name"].endswith("gone.txt") for r in calls)
    queue = QueueClient.from_connection_string(services.storage_connection(),
                                               "webjobs-blobtrigger-poison")
    messages = [json.loads(base64.b64decode(m.content))
                for m in queue.receive_messages(max_messages=32)]
    mine = [m for m in messages if m["ContainerName"] == c]
    assert [(m["BlobName"], m["FunctionId"]) for m in mine] == [
        ("bad-1.txt", "Host.Functions.on_blob")]
    assert blob_key not in host.log()


def test_a_version_delivered_by_the_webhook_is_not_detected_again(tmp_path: Path) -> None:
    """Locally both the webhook and detection see a new version; it runs once (in Azure only
    Event Grid would have delivered it)."""
    container = f"egin{uuid.uuid4().hex[:8]}"
    conn = services.storage_connection()
    blobs = BlobServiceClient.from_connection_string(conn).get_container_client(container)
    blobs.create_container()
    state = tmp_path / "state"
    state.mkdir()
    host = HostProcess(APPS / "blob_eventgrid", tmp_path / "data",
                       extra_args=["--blob-poll-seconds", "2"],
                       env={"BLOB_STATE_DIR": str(state), "INBOX_CONTAINER": container,
                            "AzureWebJobsStorage": conn})
    host.start()
    try:
        time.sleep(0.5)  # the first listing (empty container) is done
        etag = blobs.upload_blob("x.txt", b"once").get_blob_properties().etag
        r = eventgrid.deliver(host, "on_blob", [blob_created(blobs, "x.txt", etag)])
        assert r.status_code == 202
        wait_for(lambda: len(invocations(state)) == 1)
        time.sleep(4.5)  # two more listings
    finally:
        host.stop()
    assert [r["content"] for r in invocations(state)] == ["once"]
