"""Failures that mean what they say, through the local host on the emulators, one injected fault
each: a recording deleted after upload, a bug in an adapter, a cleanup outage, and the
containers an upload needs right after start-up. (A refused rewind is tested against the durable
client in tests/support/test_service.py: the host refuses only what replay checks first.)"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from azure.core.exceptions import ResourceNotFoundError
from azure.storage.blob import BlobLeaseClient, BlobServiceClient

from core.ids import call_id_for, instance_id_for
from devstack import services
from models.call import CallRef, ProcessCallInput
from models.record import CallRecord
from tests.e2e.test_openai_pipeline import cloud_env
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS
from tests.helpers.openai_server import FakeOpenAI

pytestmark = pytest.mark.usefixtures("stack")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    srv = FakeOpenAI(transcript=CALLS[2].text).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, server: FakeOpenAI,
        stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("failures"), **cloud_env(server))
    host.start()
    yield host
    host.stop()


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write(conversation(CALLS[2].lines[:2]),
                 tmp_path_factory.mktemp("rec") / "r.mp3").read_bytes()


def _record(body: dict) -> CallRecord:
    return CallRecord.model_validate(body["record"])


def test_recording_deleted_after_upload_fails_once_not_retryable(app: AppHost) -> None:
    # The starter has read the blob and started the call; the recording is deleted before
    # prepare_audio downloads it. Started here directly, as the starter would have.
    name = "deleted before processing.mp3"
    call = CallRef(call_id=call_id_for(app.calls_container, name),
                   blob_container=app.calls_container, blob_name=name, size_bytes=1000,
                   content_sha256="d" * 64, extension=".mp3")
    instance = instance_id_for(call.call_id, call.content_sha256)
    app.start_orchestration("process_call", ProcessCallInput(call=call).model_dump(mode="json"),
                            instance)
    body = app.wait_call(name, timeout=60)
    record = _record(body)
    assert record.status == "failed" and record.failure is not None
    assert (record.failure.stage, record.failure.retryable) == ("prepare", False)
    assert record.failure.reason == (f"The recording {app.calls_container}/{name} was deleted "
                                     "before it could be processed; upload it again to process "
                                     "it.")
    assert body["orchestration"]["runtimeStatus"] == "Failed"
    assert app.executions("prepare_audio", instance) == 1  # not five attempts


def test_a_bug_in_an_adapter_is_an_internal_error_not_five_retries(
        app: AppHost, server: FakeOpenAI, recording: bytes) -> None:
    server.inject("transcriptions", "odd_segments")  # the adapter's float() of a string
    app.upload("odd answer.mp3", recording)
    body = app.wait_call("odd answer.mp3", timeout=120)
    record = _record(body)
    assert record.status == "failed" and record.failure is not None
    assert (record.failure.stage, record.failure.retryable) == ("transcribe", False)
    assert record.failure.reason.startswith("Internal error in the transcribe step (reference ")
    assert "float" not in record.failure.reason and "/tmp" not in record.failure.reason
    instance = body["orchestration"]["instanceId"]
    assert app.executions("transcribe_chunk", instance) == 1
    reference = record.failure.reason.split("(reference ")[1].split(")")[0]
    log = app.log()
    assert f"Internal error in the transcribe step (reference {reference})" in log
    assert "could not convert string to float" in log  # the traceback is in the worker log

    # a replay starts a new attempt (no rewind of a bug); with the answer fixed it completes
    r = app.post(f"/api/calls/{record.id}/replay")
    assert r.status_code == 202 and r.json()["mode"] == "new-attempt", r.text
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        again = _record(app.call("odd answer.mp3").json())
        if again.instanceId == r.json()["instanceId"] and again.status != "processing":
            break
        time.sleep(0.3)
    assert again.status == "completed" and again.attempts == 2


def _hold_chunks(service: BlobServiceClient, container: str, stop: threading.Event,
                 held: list[str]) -> None:
    """Take an infinite lease on every chunk file as it appears: deletes then fail (412)."""
    client = service.get_container_client(container)
    while not stop.is_set():
        try:
            for blob in client.list_blobs():
                if blob.name not in held:
                    client.get_blob_client(blob.name).acquire_lease(-1)
                    held.append(blob.name)
        except ResourceNotFoundError:
            pass
        time.sleep(0.02)


def test_a_cleanup_outage_leaves_the_call_completed(app: AppHost, server: FakeOpenAI,
                                                    recording: bytes) -> None:
    service = BlobServiceClient.from_connection_string(services.storage_connection())
    work = f"work-{app.tag}"
    stop, held = threading.Event(), list[str]()
    holder = threading.Thread(target=_hold_chunks, args=(service, work, stop, held), daemon=True)
    holder.start()
    server.inject("transcriptions", "stall", stall_seconds=1.5)  # time to take the lease
    try:
        app.upload("cleanup outage.mp3", recording[:-500])
        body = app.wait_call("cleanup outage.mp3", timeout=120)
        instance = body["orchestration"]["instanceId"]
        deadline = time.monotonic() + 60  # cleanup retries (5 x 2 s) after the record is written
        while app.status(instance).json()["runtimeStatus"] != "Completed":
            assert time.monotonic() < deadline, app.log()[-3000:]
            time.sleep(0.5)
    finally:
        stop.set()
        holder.join(5)
    assert held, "no chunk file was leased: the fault was not injected"
    record = _record(app.call("cleanup outage.mp3").json())
    assert record.status == "completed" and record.failure is None
    status = app.status(instance).json()
    assert status["runtimeStatus"] == "Completed"
    assert status["output"]["chunksRemoved"] is False
    assert app.executions("cleanup_chunks", instance) == 5  # retried, then given up
    assert "were not removed" in app.log()
    leased = {b.name for b in service.get_container_client(work).list_blobs()}
    assert set(held) <= leased  # left to the work container's retention
    for name in held:  # tidy up: the files can go now
        blob = service.get_container_client(work).get_blob_client(name)
        BlobLeaseClient(blob).break_lease(lease_break_period=0)


class BareAppHost(AppHost):
    create_container = False  # the app has to create it


def test_containers_exist_right_after_start_up(tmp_path: Path, server: FakeOpenAI,
                                               recording: bytes) -> None:
    host = BareAppHost(tmp_path, **cloud_env(server))
    assert not host.blobs.exists()
    host.start()
    try:
        deadline = time.monotonic() + 30
        while not (host.blobs.exists() and host.work.exists()):
            assert time.monotonic() < deadline, host.log()[-3000:]
            time.sleep(0.2)
        host.upload("first upload.mp3", recording[:-700])  # as az storage blob upload would
        assert _record(host.wait_call("first upload.mp3", timeout=120)).status == "completed"
    finally:
        host.stop()
