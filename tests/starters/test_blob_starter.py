"""The blob starter against Azurite, with Event Grid-style deliveries: each BlobCreated event is
turned into the `BlobClient` the worker would hand the function (the blob extension's model
binding data, decoded by azurefunctions-extensions-bindings-blob's own converter)."""

from __future__ import annotations

import asyncio
import hashlib
import json
import tracemalloc
import urllib.parse
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import azure.durable_functions as df
import pytest
from azure.storage.blob import BlobClient, BlobServiceClient, ContainerClient
from azurefunctions.extensions.base import Datum
from azurefunctions.extensions.bindings.blob import BlobClient as BlobClientType
from azurefunctions.extensions.bindings.blob.blobClientConverter import BlobClientConverter

from core.ids import call_id_for, instance_id_for
from devstack import services
from models.call import ProcessCallInput
from settings import Settings
from starters.blob_starter import start_for_recording


class FakeDurableClient:
    """The two calls the starter makes, over an in-memory set of instances."""

    def __init__(self) -> None:
        self.started: list[tuple[str, ProcessCallInput]] = []

    async def get_status(self, instance_id: str) -> Any:
        if any(i == instance_id for i, _ in self.started):
            return SimpleNamespace(runtime_status=df.OrchestrationRuntimeStatus.Running)
        return None

    async def start_new(self, name: str, instance_id: str, payload: dict[str, Any]) -> str:
        assert name == "process_call"
        assert not any(i == instance_id for i, _ in self.started), "an instance started twice"
        self.started.append((instance_id, ProcessCallInput.model_validate(payload)))
        return instance_id


@pytest.fixture
def container(stack: None, monkeypatch: pytest.MonkeyPatch) -> Iterator[ContainerClient]:
    monkeypatch.setenv("AzureWebJobsStorage", services.storage_connection())
    service = BlobServiceClient.from_connection_string(services.storage_connection())
    client = service.get_container_client(f"calls-{uuid.uuid4().hex[:8]}")
    client.create_container()
    yield client
    client.delete_container()


def upload(container: ContainerClient, name: str, data: bytes) -> dict[str, Any]:
    """Upload, and return the BlobCreated event Event Grid would send for this version."""
    blob = container.get_blob_client(name).upload_blob(data, overwrite=True)
    quoted = urllib.parse.quote(name)
    return {
        "id": str(uuid.uuid4()), "eventType": "Microsoft.Storage.BlobCreated",
        "subject": f"/blobServices/default/containers/{container.container_name}/blobs/{quoted}",
        "eventTime": "2026-12-01T21:00:00Z", "dataVersion": "", "metadataVersion": "1",
        "data": {"api": "PutBlob", "eTag": blob["etag"], "contentLength": len(data),
                 "blobType": "BlockBlob",
                 "url": f"{container.url}/{quoted}"},
    }


def bound_client(event: dict[str, Any]) -> BlobClient:
    """What the worker passes for `recording: blob.BlobClient` when the host delivers `event`."""
    prefix = "/blobServices/default/containers/"
    container, _, name = event["subject"].removeprefix(prefix).partition("/blobs/")
    content = json.dumps({"Connection": "AzureWebJobsStorage", "ContainerName": container,
                          "BlobName": urllib.parse.unquote(name)})
    mbd = SimpleNamespace(version="1.0", source="AzureStorageBlobs",
                          content_type="application/json", content=content)
    client = BlobClientConverter.decode(Datum(value=mbd, type="model_binding_data"),
                                        trigger_metadata={}, pytype=BlobClientType)
    assert isinstance(client, BlobClient)
    return client


def deliver(event: dict[str, Any], durable: FakeDurableClient,
            settings: Settings | None = None) -> str | None:
    """One delivery of `event` to the function (as the worker runs its coroutine)."""
    return asyncio.run(start_for_recording(
        bound_client(event), durable,  # a stand-in for DurableOrchestrationClient
        settings or Settings()))  # type: ignore[call-arg]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_an_upload_starts_one_orchestration_keyed_on_path_and_content(
        container: ContainerClient) -> None:
    data = b"ID3" + bytes(range(256)) * 400
    event = upload(container, "sales/acme call #1.mp3", data)
    durable = FakeDurableClient()
    instance = deliver(event, durable)
    call_id = call_id_for(container.container_name, "sales/acme call #1.mp3")
    assert instance == instance_id_for(call_id, sha(data))
    [(started, payload)] = durable.started
    assert started == instance and payload.rejection is None
    assert payload.call.content_sha256 == sha(data) and payload.call.size_bytes == len(data)
    assert payload.call.etag == event["data"]["eTag"]
    assert (payload.call.blob_container, payload.call.blob_name) == (
        container.container_name, "sales/acme call #1.mp3")
    assert payload.call.extension == ".mp3" and payload.call.uploaded_at is not None


def test_a_repeated_event_starts_nothing_more(container: ContainerClient) -> None:
    event = upload(container, "repeat.wav", b"RIFF" + b"\x01" * 5000)
    durable = FakeDurableClient()
    first = deliver(event, durable)
    again = deliver(event, durable)
    assert first == again and len(durable.started) == 1


def test_a_stale_event_for_an_overwritten_blob_starts_the_current_content_once(
        container: ContainerClient) -> None:
    old = upload(container, "call.m4a", b"old" * 1000)
    new = upload(container, "call.m4a", b"new content" * 1000)  # overwritten before delivery
    durable = FakeDurableClient()
    from_old_event = deliver(old, durable)
    from_new_event = deliver(new, durable)
    assert from_old_event == from_new_event
    [(_, payload)] = durable.started
    assert payload.call.content_sha256 == sha(b"new content" * 1000)
    assert payload.call.etag == new["data"]["eTag"]


def test_an_overwrite_with_new_content_is_a_new_orchestration_of_the_same_call(
        container: ContainerClient) -> None:
    durable = FakeDurableClient()
    deliver(upload(container, "call.flac", b"version one" * 100), durable)
    deliver(upload(container, "call.flac", b"version two" * 100), durable)
    deliver(upload(container, "call.flac", b"version two" * 100), durable)  # same bytes again
    calls = [p.call for _, p in durable.started]
    assert len(calls) == 2 and calls[0].call_id == calls[1].call_id  # one record, updated
    assert [c.content_sha256 for c in calls] == [sha(b"version one" * 100),
                                                 sha(b"version two" * 100)]


def test_an_event_for_a_deleted_blob_starts_nothing(container: ContainerClient) -> None:
    event = upload(container, "gone.mp3", b"x" * 100)
    container.delete_blob("gone.mp3")
    durable = FakeDurableClient()
    assert deliver(event, durable) is None
    assert durable.started == []


def test_rejections_are_started_as_before_and_an_oversized_upload_is_not_read(
        container: ContainerClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_UPLOAD_BYTES", "1000")
    settings = Settings()  # type: ignore[call-arg]
    durable = FakeDurableClient()
    deliver(upload(container, "empty.mp3", b""), durable, settings)
    deliver(upload(container, "notes.txt", b"hello"), durable, settings)
    big = upload(container, "big.mp3", b"y" * 5000)
    deliver(big, durable, settings)
    deliver(big, durable, settings)  # repeated: same instance (keyed on the ETag)
    reasons = {p.call.blob_name: (p.rejection.reason if p.rejection else None, p.call)
               for _, p in durable.started}
    assert len(durable.started) == 3
    assert reasons["empty.mp3"][0] == "The uploaded file is empty (0 bytes)."
    assert reasons["empty.mp3"][1].content_sha256 == sha(b"")
    assert str(reasons["notes.txt"][0]).startswith("Unsupported file extension .txt")
    assert str(reasons["big.mp3"][0]).startswith("The file is 0.0 MB, over the limit")
    assert reasons["big.mp3"][1].content_sha256 == ""  # never downloaded


def hashing_peak(container: ContainerClient, size: int) -> int:
    """Peak Python memory while one delivery hashes a blob of `size` bytes."""
    data = bytes(range(256)) * (size // 256)
    event = upload(container, f"long-call-{size}.wav", data)
    expected = sha(data)
    del data
    durable = FakeDurableClient()
    tracemalloc.start()
    try:
        deliver(event, durable)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert durable.started[0][1].call.content_sha256 == expected
    return peak


def test_the_content_is_hashed_in_a_stream_not_held_in_memory(
        container: ContainerClient) -> None:
    small, large = 8 * 1024 * 1024, 64 * 1024 * 1024
    small_peak, large_peak = hashing_peak(container, small), hashing_peak(container, large)
    # the peak is one range's worth of transfer buffers, whatever the size of the recording
    assert large_peak < large / 2, f"{large_peak / 1e6:.1f} MB for a {large / 1e6:.0f} MB blob"
    assert large_peak < small_peak * 1.25 + 2e6, (small_peak, large_peak)


class RacedDurableClient(FakeDurableClient):
    """A concurrent delivery started the instance between this delivery's status check and its
    start: the check sees nothing, and the host (NonRunningStates) refuses the start as the SDK
    reports it, with a bare Exception."""

    def __init__(self, started: list[tuple[str, ProcessCallInput]]) -> None:
        super().__init__()
        self.started, self.checks = started, 0

    async def get_status(self, instance_id: str) -> Any:
        self.checks += 1
        return None if self.checks == 1 else await super().get_status(instance_id)

    async def start_new(self, name: str, instance_id: str, payload: dict[str, Any]) -> str:
        if await super().get_status(instance_id) is not None:
            raise Exception({"Message": "An instance with this ID already exists"})
        return await super().start_new(name, instance_id, payload)


def test_a_delivery_that_loses_the_race_to_start_starts_nothing(
        container: ContainerClient) -> None:
    event = upload(container, "raced.mp3", b"ID3" + b"\x02" * 5000)
    durable = FakeDurableClient()
    first = deliver(event, durable)
    raced = RacedDurableClient(durable.started)
    assert deliver(event, raced) == first
    assert raced.checks == 2 and len(durable.started) == 1


def test_a_refused_start_of_an_instance_that_does_not_exist_is_raised(
        container: ContainerClient) -> None:
    event = upload(container, "refused.mp3", b"ID3" + b"\x03" * 5000)

    class Refusing(FakeDurableClient):
        async def start_new(self, name: str, instance_id: str, payload: dict[str, Any]) -> str:
            raise Exception("Something went wrong while processing your request")

    with pytest.raises(Exception, match="Something went wrong"):
        deliver(event, Refusing())
