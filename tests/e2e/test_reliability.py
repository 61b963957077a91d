"""Nothing lost: crashes, dependencies going down, a batch of 200, keys and secrets.

Every uploaded recording must end in a completed record or a failed record that says why. These
run with the OpenAI engines against the local OpenAI server, so that a batch takes seconds.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from devstack import services
from tests.e2e.test_openai_pipeline import cloud_env
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, silence, write
from tests.helpers.calls import CALLS
from tests.helpers.openai_server import FakeOpenAI

pytestmark = pytest.mark.usefixtures("stack")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    srv = FakeOpenAI(transcript=CALLS[0].text).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def short_call(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write(conversation(CALLS[0].lines[:1]),
                 tmp_path_factory.mktemp("short") / "s.mp3").read_bytes()


def _variant(data: bytes, i: int) -> bytes:
    """The same audio with a distinct tail (an ID3-like comment): each blob has its own content."""
    return data + f"TAG{i:06d}".encode()


def _wait_all(app: AppHost, names: list[str], timeout: float) -> dict[str, dict]:
    """Wait on the Durable list API (one request a poll), then read every call's record once."""
    deadline = time.monotonic() + timeout
    finished = 0
    while time.monotonic() < deadline:
        r = requests.get(f"{app.durable}/instances/", timeout=30,
                         params={"runtimeStatus": "Completed,Failed", **app.params})
        finished = len(r.json()) if r.ok else 0
        if finished >= len(names):
            break
        time.sleep(1.0)
    done, missing = {}, []
    for name in names:
        try:
            done[name] = app.wait_call(name, timeout=max(5.0, deadline - time.monotonic()))
        except TimeoutError:
            missing.append(name)
    assert not missing, f"{len(missing)} calls unfinished, e.g. {missing[:3]}\n{app.log()[-3000:]}"
    return done


def _chunk_runs(log: str) -> Counter:
    return Counter(re.findall(r"Executed 'Functions\.transcribe_chunk' \(activity, "
                              r"instance=([^,]+), task=(\d+)", log))


def test_sigkill_during_a_batch_loses_nothing(tmp_path: Path, server: FakeOpenAI,
                                             short_call: bytes) -> None:
    app = AppHost(tmp_path, **cloud_env(server))
    app.start()
    names = [f"crash/call-{i:03d}.mp3" for i in range(24)]
    rng = random.Random(7)
    try:
        for i, name in enumerate(names):
            app.upload(name, _variant(short_call, i))
        for _ in range(3):
            time.sleep(rng.uniform(1.0, 3.0))
            app.kill()
            app.start()
        results = _wait_all(app, names, timeout=300)
    finally:
        app.stop()
    assert {b["record"]["status"] for b in results.values()} == {"completed"}
    store_ids = {b["record"]["id"] for b in results.values()}
    assert len(store_ids) == len(names)  # one record per call, none twice
    runs = _chunk_runs(app.log())
    assert runs and max(runs.values()) == 1, [k for k, v in runs.items() if v > 1]


def test_cosmos_and_azurite_going_down_and_back(tmp_path: Path, server: FakeOpenAI,
                                                short_call: bytes) -> None:
    app = AppHost(tmp_path, **cloud_env(server))
    app.start()
    names = [f"outage/call-{i}.mp3" for i in range(6)]
    try:
        server.inject("transcriptions", "stall", times=6, stall_seconds=3)  # hold calls mid-way
        for i, name in enumerate(names):
            app.upload(name, _variant(short_call, 1000 + i))
        time.sleep(2.0)
        if not (services.stop(services.COSMOS) and services.stop(services.AZURITE)):
            pytest.skip("the emulators running belong to another checkout; not ours to stop")
        time.sleep(4.0)
        services.start(services.AZURITE)
        services.start(services.COSMOS)  # in memory: it comes back empty
        results = _wait_all(app, names, timeout=240)
    finally:
        app.stop()
    statuses = Counter(b["record"]["status"] for b in results.values())
    assert statuses == Counter({"completed": len(names)}), [
        b["record"].get("failure") for b in results.values()]


def test_batch_of_200_is_fully_accounted_for(tmp_path: Path, server: FakeOpenAI,
                                             short_call: bytes) -> None:
    app = AppHost(tmp_path, **cloud_env(server))
    app.start()
    bad = {f"load/bad-{i}.mp3": b"" for i in range(5)}
    names = [f"load/call-{i:03d}.mp3" for i in range(195)] + list(bad)
    t0 = time.monotonic()
    try:
        for i, name in enumerate(names):
            app.upload(name, bad.get(name, _variant(short_call, 5000 + i)))
        results = _wait_all(app, names, timeout=900)
        elapsed = time.monotonic() - t0
        peak_kb = _peak_rss_kb(app)
        report = app.get("/api/accounting").json()
    finally:
        app.stop()
    statuses = Counter(b["record"]["status"] for b in results.values())
    assert statuses["completed"] + statuses["failed"] == len(names) == 200
    failed = {name for name, b in results.items() if b["record"]["status"] == "failed"}
    assert failed == set(bad), {  # the reason of any other failure, to tell load from a bug
        name: results[name]["record"].get("failure") for name in failed ^ set(bad)}
    assert report["balanced"] and report["blobs"] == 200, report
    print(f"\n200 calls in {elapsed:.1f} s ({200 / elapsed * 60:.0f} calls/min), "
          f"host peak RSS {peak_kb / 1024:.0f} MB")


def _peak_rss_kb(app: AppHost) -> int:
    assert app.proc is not None
    status = Path(f"/proc/{app.proc.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]


def test_keys_enforced_and_secrets_never_shown(tmp_path: Path, server: FakeOpenAI,
                                              short_call: bytes) -> None:
    app = AppHost(tmp_path, **cloud_env(server), MAX_UPLOAD_BYTES="20000")
    app.extra_args.append("--require-keys")
    app.start()
    try:
        keys = json.loads((app.data_dir / "keys.json").read_text())
        function_key = keys["functionKeys"]["default"]
        assert requests.get(f"{app.base}/api/calls", timeout=10).status_code == 401
        assert requests.get(f"{app.base}/api/calls", params={"code": "nope"},
                            timeout=10).status_code == 401
        assert requests.get(f"{app.durable}/instances/", timeout=10).status_code == 401
        app.params = {"code": function_key}
        app.upload("secure/big.mp3", _variant(short_call, 9) + b"\0" * 30000)
        app.upload("secure/ok.wav", write(silence(0.5), tmp_path / "q.wav").read_bytes()[:15000])
        big = app.wait_call("secure/big.mp3")
        assert "over the limit" in big["record"]["failure"]["reason"]
        app.wait_call("secure/ok.wav")
        status = requests.get(big["orchestration"]["statusQueryGetUri"], timeout=10,
                              params={"showHistory": "true", "showHistoryOutput": "true",
                                      "showInput": "true"})
        assert status.status_code == 200
        payloads = status.text + json.dumps(big)
    finally:
        app.stop()
    secrets = [server.key, services.COSMOS_KEY, keys["masterKey"], function_key]
    for secret in secrets:
        assert secret not in app.log(), "a secret reached the log"
        assert secret not in payloads, "a secret reached a status payload"
