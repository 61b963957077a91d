"""Durable entities over HTTP, as Azure shows them.

Checked against the Python SDK 1.7 (the authority for the worker side): `Entity.handle` and
`DurableEntityContext.from_json` (the batch the extension sends: `self`, `state`, `exists`,
`batch` of `{name, signal, input}` with the input JSON-encoded twice, as the SDK's
tests/orchestrator/test_entity.py says the extension does), `TaskOrchestrationExecutor` (a
`call_entity` task is re-keyed by the request id found in its EventSent and completed by the
EventRaised of that id, whose `exceptionType` turns the answer into an exception), and
`DurableOrchestrationClient.signal_entity` / `read_entity_state` (`entities/{name}/{key}` under
`rpcBaseUrl`, `op=`; 202 / 200 or 404). The public routes follow the Durable HTTP API reference
(learn.microsoft.com, "HTTP API reference": Get entity, Signal entity, List entities).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostProcess]:
    state = tmp_path_factory.mktemp("entity-state")
    proc = HostProcess(APPS / "entities", tmp_path_factory.mktemp("entity-data"),
                       env={"ENTITIES_STATE_DIR": str(state)})
    proc.start()
    yield proc
    proc.stop()


def entity_state(host: HostProcess, name: str, key: str) -> requests.Response:
    return requests.get(f"{host.durable}/entities/{name}/{key}", timeout=10)


def wait_state(host: HostProcess, name: str, key: str, expected: Any,
               timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        r = entity_state(host, name, key)
        if r.status_code == 200:
            value = r.json()
            if value == expected:
                return value
        time.sleep(0.05)
    raise AssertionError(f"entity {name}@{key} is {value!r}, expected {expected!r}")


def test_orchestration_signals_and_calls_an_entity(host: HostProcess) -> None:
    iid = host.start_orchestration("counter_orchestration", "orch")
    body = host.wait(iid, showHistory=True)
    assert body["runtimeStatus"] == "Completed", body
    # the signal (add 3) is delivered before the call (add 4): one entity, requests in order
    assert body["output"] == {"after_call": 7, "current": 7,
                              "failure": "cannot fail at 7", "tally": 1}
    sent = [e for e in body["historyEvents"] if e["EventType"] == "EventSent"]
    assert [e["InstanceId"] for e in sent] == ["@counter@orch"] * 4 + ["@tally@orch"]
    assert wait_state(host, "Counter", "orch", 7) == 7
    assert entity_state(host, "tally", "orch").json() == {"word": 1}


def test_client_signal_and_read_through_the_sdk(host: HostProcess) -> None:
    assert requests.get(f"{host.base}/api/counter/client", timeout=10).json() == \
        {"exists": False, "state": None}
    for amount in (5, 6):
        r = requests.post(f"{host.base}/api/counter/client", params={"op": "add"},
                          json=amount, timeout=10)
        assert r.status_code == 202
    wait_state(host, "counter", "client", 11)
    assert requests.get(f"{host.base}/api/counter/client", timeout=10).json() == \
        {"exists": True, "state": 11}


def test_entities_http_api_signal_get_list_and_delete(host: HostProcess) -> None:
    url = f"{host.durable}/entities/Counter/http"
    assert requests.get(url, timeout=10).status_code == 404
    assert requests.post(url, params={"op": "add"}, json=2, timeout=10).status_code == 202
    assert requests.post(url, params={"op": "add"}, json=40, timeout=10).status_code == 202
    assert wait_state(host, "Counter", "http", 42) == 42
    # an operation that fails leaves the state as it was
    assert requests.post(url, params={"op": "fail"}, timeout=10).status_code == 202
    assert requests.post(url, params={"op": "add"}, json=1, timeout=10).status_code == 202
    assert wait_state(host, "Counter", "http", 43) == 43

    listed = requests.get(f"{host.durable}/entities/counter", params={"fetchState": "true"},
                          timeout=10)
    assert listed.status_code == 200
    by_key = {e["entityId"]["key"]: e for e in listed.json()}
    assert by_key["http"]["entityId"] == {"name": "counter", "key": "http"}
    assert by_key["http"]["state"] == 43
    assert by_key["http"]["lastOperationTime"].endswith("Z")
    no_state = requests.get(f"{host.durable}/entities/", timeout=10).json()
    assert all("state" not in e for e in no_state)
    assert {"counter", "tally"} >= {e["entityId"]["name"] for e in no_state}

    assert requests.post(url, params={"op": "delete"}, timeout=10).status_code == 202
    deadline = time.monotonic() + 20
    while entity_state(host, "Counter", "http").status_code != 404:
        assert time.monotonic() < deadline, "the deleted entity still has state"
        time.sleep(0.05)
    assert requests.get(f"{host.durable}/entities/nosuch/k", timeout=10).status_code == 404
    assert requests.post(f"{host.durable}/entities/nosuch/k", timeout=10).status_code == 404


def test_list_entities_pages_with_continuation(host: HostProcess) -> None:
    for i in range(5):
        requests.post(f"{host.durable}/entities/tally/page-{i}", params={"op": "count"},
                      json="x", timeout=10)
    for i in range(5):
        wait_state(host, "tally", f"page-{i}", {"x": 1})
    seen: list[str] = []
    token = None
    while True:
        headers: dict[str, str] = {"x-ms-continuation-token": token} if token else {}
        r = requests.get(f"{host.durable}/entities/tally", params={"top": 2}, headers=headers,
                         timeout=10)
        seen += [e["entityId"]["key"] for e in r.json()]
        token = r.headers.get("x-ms-continuation-token")
        if not token:
            break
    assert sorted(k for k in seen if k.startswith("page-")) == [f"page-{i}" for i in range(5)]


def test_entity_state_survives_a_restart(tmp_path: Path) -> None:
    proc = HostProcess(APPS / "entities", tmp_path / "data",
                       env={"ENTITIES_STATE_DIR": str(tmp_path)})
    proc.start()
    try:
        requests.post(f"{proc.durable}/entities/counter/keep", params={"op": "add"}, json=9,
                      timeout=10)
        wait_state(proc, "counter", "keep", 9)
        proc.stop()
        proc.start()
        assert entity_state(proc, "counter", "keep").json() == 9
    finally:
        proc.stop()


def test_call_to_an_entity_without_a_function_fails_in_the_orchestration(host: HostProcess) -> None:
    body = host.wait(host.start_orchestration("call_missing_entity"))
    assert body["runtimeStatus"] == "Completed"
    assert body["output"] == "failed: No entity function named 'nosuch' was found."
