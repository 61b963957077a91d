"""The path a customer deploys: OpenAI Whisper and Azure OpenAI GPT selected by settings, through
the local host, against the local OpenAI server, with faults on the way."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS
from tests.helpers.openai_server import FakeOpenAI

pytestmark = pytest.mark.usefixtures("stack")


def cloud_env(server: FakeOpenAI) -> dict[str, str]:
    return {"TRANSCRIPTION_ENGINE": "openai", "EXTRACTION_ENGINE": "azure-openai",
            "OPENAI_API_KEY": server.key, "OPENAI_BASE_URL": f"{server.base_url}/v1",
            "OPENAI_MAX_RETRIES": "1", "OPENAI_TIMEOUT_SECONDS": "5",
            "AZURE_OPENAI_ENDPOINT": server.base_url, "AZURE_OPENAI_API_KEY": server.key,
            "AZURE_OPENAI_TRANSCRIPTION_DEPLOYMENT": "whisper",
            "AZURE_OPENAI_EXTRACTION_DEPLOYMENT": "gpt-extract"}


def one_call(host: AppHost, name: str, recording: bytes) -> tuple[AppHost, dict[str, Any]]:
    """A host of its own started, one recording processed, the host stopped: its record."""
    host.start()
    try:
        host.upload(name, recording)
        return host, host.wait_call(name)["record"]
    finally:
        host.stop()


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    srv = FakeOpenAI(transcript=CALLS[1].text).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, server: FakeOpenAI,
        stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("cloud"), **cloud_env(server))
    host.start()
    yield host
    host.stop()


@pytest.fixture(scope="module")
def recording(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write(conversation(CALLS[1].lines[:2]),
                 tmp_path_factory.mktemp("rec") / "r.mp3").read_bytes()


def test_cloud_engines_produce_the_same_record_schema(app: AppHost, server: FakeOpenAI,
                                                     recording: bytes) -> None:
    app.upload("cloud.mp3", recording)
    record = app.wait_call("cloud.mp3")["record"]
    assert record["status"] == "completed", record.get("failure")
    engines = record["metadata"]["engines"]
    assert engines == {"transcriptionEngine": "openai", "transcriptionModel": "whisper-1",
                       "extractionEngine": "azure-openai", "extractionModel": "gpt-extract"}
    usage = record["metadata"]["usage"]
    assert usage["promptTokens"] > 0 and usage["completionTokens"] > 0
    assert usage["audioSeconds"] > 5
    assert record["analysis"]["customerName"]["value"] == "Daniel Kim"
    assert record["transcript"]["text"] == CALLS[1].text
    local_keys = {"customerName", "company", "location", "productsOfInterest", "budget",
                  "timeline", "contactEmail", "contactPhone", "buyingIntent", "sentiment",
                  "summary", "nextSteps"}
    assert set(record["analysis"]) == local_keys


def test_throttling_outlasting_the_sdk_is_retried_by_the_orchestrator(
        app: AppHost, server: FakeOpenAI, recording: bytes) -> None:
    # the SDK tries twice (OPENAI_MAX_RETRIES=1), fails; the orchestrator retries after 5 s
    server.inject("transcriptions", "429", times=2, retry_after=0.2)
    app.upload("throttled.mp3", recording[:-1000])
    body = app.wait_call("throttled.mp3")
    record = body["record"]
    assert record["status"] == "completed", record.get("failure")
    instance = body["orchestration"]["instanceId"]
    assert app.executions("transcribe_chunk", instance) == 2
    assert app.executions("persist_call", instance) == 2  # registration + final: once each
    assert server.requests["transcriptions:fault:429"] == 2


def test_content_filter_fails_the_call_with_a_reason(app: AppHost, server: FakeOpenAI,
                                                     recording: bytes) -> None:
    server.inject("chat", "content_filter")
    app.upload("filtered.mp3", recording[:-2000])
    record = app.wait_call("filtered.mp3")["record"]
    assert record["status"] == "failed"
    assert record["failure"]["stage"] == "extract" and not record["failure"]["retryable"]
    assert "content filter" in record["failure"]["reason"]


def test_missing_cloud_setting_fails_that_step_and_the_call_replays_once_fixed(
        tmp_path: Path, server: FakeOpenAI, recording: bytes, stack: None) -> None:
    env = cloud_env(server)
    del env["AZURE_OPENAI_EXTRACTION_DEPLOYMENT"]
    host, record = one_call(AppHost(tmp_path, **env), "misconfigured.mp3", recording)
    lines = [line for line in host.log().splitlines() if "Configuration:" in line]
    assert len(lines) == 1 and "AZURE_OPENAI_EXTRACTION_DEPLOYMENT is required" in lines[0]
    assert "Traceback" not in host.log()
    # the upload was taken, transcribed, and stopped where the setting was needed, with the reason
    assert record["status"] == "failed" and record["failure"]["stage"] == "extract"
    assert "AZURE_OPENAI_EXTRACTION_DEPLOYMENT is required" in record["failure"]["reason"]
    assert record["transcript"]["text"]  # the work done so far is kept

    host.env["AZURE_OPENAI_EXTRACTION_DEPLOYMENT"] = "gpt-extract"  # the operator fixes it
    host.start()
    try:
        r = host.post(f"/api/calls/{record['id']}/replay")
        assert r.status_code == 202 and r.json()["mode"] == "new-attempt", r.text
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            record = host.call("misconfigured.mp3").json()["record"]
            if record["instanceId"] == r.json()["instanceId"] and record["status"] != "processing":
                break
            time.sleep(0.5)
    finally:
        host.stop()
    assert record["status"] == "completed", record
    assert record["analysis"]["customerName"]["value"]
    assert record["attempts"] == 2 and record["failureHistory"][0]["stage"] == "extract"


def test_a_long_transcript_is_stored_once_and_extracted_from_the_record(
        tmp_path: Path, recording: bytes, stack: None) -> None:
    from models.analysis import ExtractInput
    from models.record import CallRecord, PersistInput
    from orchestrators.process_call import INLINE_TRANSCRIPT_MAX_BYTES

    long_text = " ".join([CALLS[0].text] + [" ".join(CALLS[i % 4].lines) for i in range(120)])
    assert len(long_text) > INLINE_TRANSCRIPT_MAX_BYTES  # an hour's worth of words, quickly
    srv = FakeOpenAI(transcript=long_text).start()
    host = AppHost(tmp_path, **cloud_env(srv))
    host.start()
    try:
        host.upload("long transcript.mp3", recording)
        body = host.wait_call("long transcript.mp3", timeout=180)
        instance = body["orchestration"]["instanceId"]
        history = host.status(instance, showHistory=True, showHistoryOutput=True,
                              showInput=True).json()["historyEvents"]
    finally:
        host.stop()
        srv.stop()
    record = CallRecord.model_validate(body["record"])
    assert record.status == "completed", record.failure
    assert record.transcript is not None and record.transcript.text == long_text
    assert record.analysis is not None and record.analysis.customer_name is not None
    assert record.analysis.customer_name.value == "Maria Lopez"
    # Azure's history shape: each TaskScheduled is folded into its completion, with the input
    scheduled = [(e["FunctionName"], e.get("Input")) for e in history
                 if e.get("EventType") in ("TaskCompleted", "TaskFailed")]
    extract = [ExtractInput.model_validate(i) for n, i in scheduled if n == "extract_call"]
    assert extract == [ExtractInput(call_id=record.id, transcript_in_record=True)]
    persists = [PersistInput.model_validate(i) for n, i in scheduled if n == "persist_call"]
    assert [(p.status, p.transcript is not None, p.transcript_stored) for p in persists] == [
        ("processing", False, False), ("processing", True, False), ("completed", False, True)]


def test_a_diarising_model_gives_the_record_its_speakers_and_roles(
        tmp_path: Path, server: FakeOpenAI, recording: bytes) -> None:
    rep = ("Thank you for calling Clearbook Software, this is Sarah Olsen. How can I help you "
           "today?")
    server.turns[:] = [("rep", rep), ("customer", CALLS[1].lines[0]),
                       ("rep", "Great, what are you looking for?"),
                       *(("customer", line) for line in CALLS[1].lines[1:])]
    try:
        _, record = one_call(AppHost(tmp_path, **cloud_env(server),
                                     OPENAI_TRANSCRIPTION_MODEL="gpt-4o-transcribe-diarize"),
                             "diarized.mp3", recording)
    finally:
        server.turns.clear()
    assert record["status"] == "completed", record.get("failure")
    assert record["metadata"]["engines"]["transcriptionModel"] == "gpt-4o-transcribe-diarize"
    transcript = record["transcript"]
    assert [(s["label"], s["role"]) for s in transcript["speakers"]] == [("A", "rep"),
                                                                       ("B", "customer")]
    assert [s["speaker"] for s in transcript["segments"]] == ["A", "B", "A", "B", "B", "B", "B"]
    assert record["analysis"]["customerName"]["value"] == "Daniel Kim"
    assert record["analysis"]["company"]["value"] == "Brightside Dental"
