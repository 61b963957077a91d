"""End to end through the local host: recordings uploaded to Azurite, processed with the local
engines, records read back from the Cosmos emulator, status over the Durable HTTP API."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import requests

from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, silence, write
from tests.helpers.calls import CALLS

pytestmark = pytest.mark.usefixtures("stack")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, stack: None) -> Iterator[AppHost]:
    host = AppHost(tmp_path_factory.mktemp("e2e"))
    host.start()
    yield host
    host.stop()


@pytest.fixture(scope="module")
def audio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("audio")


def test_calls_and_bad_input_each_end_with_a_record(app: AppHost, audio_dir: Path) -> None:
    good = {
        "acme call.mp3": write(conversation(CALLS[0].lines), audio_dir / "a.mp3"),
        "2026/11/brightside.wav": write(conversation(CALLS[1].lines), audio_dir / "b.wav"),
        "ünïcode ✓ globex.m4a": write(conversation(CALLS[3].lines), audio_dir / "g.m4a"),
    }
    bad = {
        "empty.mp3": (b"", "empty (0 bytes)"),
        "notes.mp3": (b"meeting notes, not audio\n" * 200, "could not be read as audio"),
        "notes.txt": (b"hello", "Unsupported file extension .txt"),
        "x%2F..%2F..%2Fescape attempt.wav": (write(silence(4.0), audio_dir / "s.wav")
                                             .read_bytes(), "silent"),
        "odd..name (1) #2 & co.flac": (b"fLaC" + b"\x00" * 400, "could not be read as audio"),
    }
    for name, path in good.items():
        app.upload(name, path.read_bytes())
    for name, (data, _) in bad.items():
        app.upload(name, data)

    for name, (_, reason) in bad.items():
        body = app.wait_call(name)
        assert body["record"]["status"] == "failed", name
        assert reason in body["record"]["failure"]["reason"], body["record"]["failure"]
        assert body["orchestration"]["runtimeStatus"] == "Failed"

    acme = app.wait_call("acme call.mp3")
    record = acme["record"]
    assert record["status"] == "completed", record
    analysis = record["analysis"]
    assert analysis["customerName"]["value"] == "Maria Lopez"
    assert analysis["location"]["value"]["city"] == "Denver"
    assert analysis["budget"]["value"]["amount"] == 25000
    assert analysis["customerName"]["quote"] in record["transcript"]["text"]
    meta = record["metadata"]
    assert meta["chunkCount"] == 1 and meta["language"] == "en"
    assert meta["engines"]["transcriptionEngine"] == "local"
    assert meta["audio"]["durationSeconds"] > 10
    status = requests.get(acme["orchestration"]["statusQueryGetUri"], timeout=10)
    assert status.status_code == 200 and status.json()["runtimeStatus"] == "Completed"
    assert status.json()["customStatus"]["stage"] == "completed"

    for name in ("2026/11/brightside.wav", "ünïcode ✓ globex.m4a"):
        assert app.wait_call(name)["record"]["status"] == "completed"
    # chunk files are removed once the calls are done
    assert list(app.work.list_blobs()) == []


def test_duplicate_delivery_and_overwrite(app: AppHost, audio_dir: Path) -> None:
    first = write(conversation(CALLS[2].lines[:2]), audio_dir / "n1.mp3").read_bytes()
    app.upload("northwind.mp3", first)
    done = app.wait_call("northwind.mp3")
    instance = done["orchestration"]["instanceId"]
    app.upload("northwind.mp3", first, overwrite=True)  # same content: a new ETag, one call
    time.sleep(2.0)
    again = app.call("northwind.mp3").json()
    assert again["orchestration"]["instanceId"] == instance
    assert "already has orchestration" in app.log()

    second = write(conversation(CALLS[2].lines[2:]), audio_dir / "n2.mp3").read_bytes()
    app.upload("northwind.mp3", second, overwrite=True)  # new content: processed again
    deadline = time.monotonic() + 120
    while app.call("northwind.mp3").json()["orchestration"]["instanceId"] == instance:
        assert time.monotonic() < deadline
        time.sleep(0.3)
    updated = app.wait_call("northwind.mp3")
    assert updated["record"]["status"] == "completed"
    assert "fifteen" in updated["record"]["transcript"]["text"].lower() or \
        "15,000" in updated["record"]["transcript"]["text"]
    listed = app.get("/api/calls", params={"status": "completed"}).json()["calls"]
    assert [c["blob"] for c in listed].count("northwind.mp3") == 1


def test_accounting_balances_and_the_cli_reports_it(app: AppHost) -> None:
    import json
    import os
    import subprocess
    import sys

    report = app.get("/api/accounting").json()
    assert report["blobs"] == report["records"] and report["balanced"], report
    out = subprocess.run([sys.executable, "-m", "support.cli", "--json", "accounting"], capture_output=True,
                         text=True, env=dict(os.environ, CALLINSIGHTS_URL=app.base), timeout=60,
                         cwd=str(app.app_dir))
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == report
    failed = subprocess.run([sys.executable, "-m", "support.cli", "list", "--status", "failed", "--json"],
                            capture_output=True, text=True, timeout=60, cwd=str(app.app_dir),
                            env=dict(os.environ, CALLINSIGHTS_URL=app.base))
    assert out.returncode == 0
    assert {c["blob"] for c in json.loads(failed.stdout)} >= {"empty.mp3", "notes.txt"}


@pytest.mark.slow
def test_long_recording_is_split_and_fanned_out(app: AppHost, audio_dir: Path) -> None:
    from tests.helpers.calls import FILLER

    opening = conversation(CALLS[0].lines[:2])
    body = conversation(FILLER)
    closing = conversation(CALLS[0].lines[3:])
    parts = [opening]
    while sum(len(p) for p in parts) / 22050 < 640:
        parts.append(body)
    parts.append(closing)
    path = write(np.concatenate(parts), audio_dir / "long.mp3")
    app.upload("long call.mp3", path.read_bytes())
    record = app.wait_call("long call.mp3", timeout=900)["record"]
    assert record["status"] == "completed", record.get("failure")
    assert record["metadata"]["chunkCount"] >= 2
    assert record["metadata"]["audio"]["durationSeconds"] > 600
    text = record["transcript"]["text"].lower()
    assert "maria" in text and "acme" in text  # from the first chunk
    assert "proposal" in text  # from the last chunk
    starts = [s["start"] for s in record["transcript"]["segments"]]
    assert starts == sorted(starts) and starts[-1] > 600
    instance = record["instanceId"]
    assert app.executions("transcribe_chunk", instance) == record["metadata"]["chunkCount"]
