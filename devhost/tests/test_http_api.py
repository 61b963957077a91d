"""The Durable HTTP API's answers and HTTP trigger details, as Azure gives them.

Checked in the Durable extension's `HttpApiHandler` (azure-functions-durable-extension,
src/WebJobs.Extensions.DurableTask/HttpApiHandler.cs): create-and-wait
(`WaitForCompletionOrCreateCheckStatusResponseAsync`: 200 with the output, the status of a failed
instance, 202 after the timeout), `Retry-After` 10 on a start and 5 on a running status (with the
request's URL as `Location`), `returnInternalServerErrorOnFailure`, 400 "Invalid JSON content",
raise-event `application/json` only, `CreateResponse(NotFound)` / `Gone` with no body. HTTP routes
ignore case (ASP.NET routing); `func.HttpResponse` text bodies carry their charset as the
worker's HTTP converter writes it (`text/plain; charset=utf-8`).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


@pytest.fixture(scope="module")
def api_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostProcess]:
    host = HostProcess(APPS / "http_api", tmp_path_factory.mktemp("http-api"))
    host.start()
    yield host
    host.stop()


def test_create_and_wait_answers_200_with_the_output(api_host: HostProcess) -> None:
    r = requests.post(f"{api_host.durable}/orchestrators/quick",
                      params={"timeout": "10", "pollingInterval": "0.1"},
                      json={"city": "Zürich", "n": 3}, timeout=20)
    assert r.status_code == 200
    assert r.json() == {"city": "Zürich", "n": 3}


def test_create_and_wait_after_the_timeout_is_the_202_check_status(api_host: HostProcess) -> None:
    r = requests.post(f"{api_host.durable}/orchestrators/slow",
                      params={"timeout": "0.5", "pollingInterval": "0.1"}, timeout=20)
    assert r.status_code == 202
    payload = r.json()
    assert r.headers["Location"] == payload["statusQueryGetUri"]
    assert r.headers["Retry-After"] == "10"
    running = requests.get(payload["statusQueryGetUri"], timeout=10)
    assert running.status_code == 202
    assert running.json()["runtimeStatus"] in ("Pending", "Running")
    assert running.headers["Retry-After"] == "5"
    assert running.headers["Location"] == payload["statusQueryGetUri"]
    assert requests.post(payload["terminatePostUri"].replace("{text}", "done"),
                         timeout=10).status_code == 202


def test_failed_instance_with_and_without_internal_server_error(api_host: HostProcess) -> None:
    r = requests.post(f"{api_host.durable}/orchestrators/fails",
                      params={"timeout": "10", "pollingInterval": "0.1"}, timeout=20)
    assert r.status_code == 200  # create-and-wait never asks for 500
    body = r.json()
    assert body["runtimeStatus"] == "Failed"
    url = f"{api_host.durable}/instances/{body['instanceId']}"
    assert requests.get(url, timeout=10).status_code == 200
    failed = requests.get(url, params={"returnInternalServerErrorOnFailure": "true"}, timeout=10)
    assert failed.status_code == 500
    assert failed.json()["runtimeStatus"] == "Failed"
    # raise-event to a finished instance: 410 Gone, no body
    gone = requests.post(f"{url}/raiseEvent/Go", json=1, timeout=10)
    assert (gone.status_code, gone.content) == (410, b"")


def test_invalid_json_is_400_and_missing_instances_have_no_body(api_host: HostProcess) -> None:
    before = len(requests.get(f"{api_host.durable}/instances", timeout=10).json())
    bad = requests.post(f"{api_host.durable}/orchestrators/quick", data=b"{not json",
                        headers={"Content-Type": "application/json"}, timeout=10)
    assert bad.status_code == 400
    assert bad.json()["Message"] == "Invalid JSON content"
    assert len(requests.get(f"{api_host.durable}/instances", timeout=10).json()) == before

    slow = requests.post(f"{api_host.durable}/orchestrators/slow", timeout=10).json()
    event = f"{api_host.durable}/instances/{slow['id']}/raiseEvent/Go"
    not_json = requests.post(event, data=b"{oops", timeout=10,
                             headers={"Content-Type": "application/json"})
    assert (not_json.status_code, not_json.json()["Message"]) == (400, "Invalid JSON content")
    text = requests.post(event, data=b"plain", headers={"Content-Type": "text/plain"},
                         timeout=10)
    assert text.status_code == 400
    assert requests.post(event, json={"ok": True}, timeout=10).status_code == 202
    requests.post(slow["terminatePostUri"].replace("{text}", "done"), timeout=10)

    for r in (requests.get(f"{api_host.durable}/instances/nope", timeout=10),
              requests.post(f"{api_host.durable}/instances/nope/raiseEvent/Go", json=1,
                            timeout=10),
              requests.post(f"{api_host.durable}/instances/nope/terminate", timeout=10),
              requests.delete(f"{api_host.durable}/instances/nope", timeout=10)):
        assert (r.status_code, r.content) == (404, b"")


def test_routes_ignore_case_and_text_bodies_keep_their_charset(api_host: HostProcess) -> None:
    for path in ("/api/Greet/Zoë", "/API/greet/Zoë", "/Api/GREET/Zoë/"):
        r = requests.get(api_host.base + path, timeout=10)
        assert r.status_code == 200, path
        assert r.headers["Content-Type"] == "text/plain; charset=utf-8"
        assert r.text == "Hello Zoë ✓"
    latin = requests.get(f"{api_host.base}/api/latin1", timeout=10)
    assert latin.headers["Content-Type"] == "text/html; charset=latin-1"
    assert latin.content == "café".encode("latin-1")
    assert latin.text == "café"
    assert requests.get(f"{api_host.base}/api/nothing-here", timeout=10).status_code == 404


def test_a_start_replaces_an_unfinished_instance_under_any_state(api_host: HostProcess) -> None:
    """host.json without `overridableExistingInstanceStates` (AnyState, the default): a start
    with the id of a running instance replaces it (SDK: "silently replaced")."""
    url = f"{api_host.durable}/orchestrators/slow/replaced-while-running"
    first = requests.post(url, timeout=10)
    second = requests.post(url, timeout=10)
    assert (first.status_code, second.status_code) == (202, 202)
    assert api_host.status("replaced-while-running").json()["runtimeStatus"] in ("Pending",
                                                                                 "Running")
    requests.post(f"{api_host.durable}/instances/replaced-while-running/terminate", timeout=10)


def test_non_running_states_refuses_a_second_start_of_an_unfinished_instance(
        tmp_path: Path) -> None:
    """`overridableExistingInstanceStates: NonRunningStates`: a start with the id of a pending or
    running instance is refused (the SDK's `start_new` raises on anything but 202); one that
    completed, failed or was terminated is replaced."""
    app = tmp_path / "app"
    shutil.copytree(APPS / "http_api", app)
    (app / "host.json").write_text(json.dumps({"version": "2.0", "extensions": {"durableTask": {
        "overridableExistingInstanceStates": "NonRunningStates"}}}))
    host = HostProcess(app, tmp_path / "data")
    host.start()
    try:
        running = f"{host.durable}/orchestrators/slow/only-once"
        assert requests.post(running, timeout=10).status_code == 202
        refused = requests.post(running, timeout=10)
        assert refused.status_code == 409
        assert "only-once" in refused.json()["ExceptionMessage"]
        assert host.status("only-once").json()["runtimeStatus"] in ("Pending", "Running")

        done = f"{host.durable}/orchestrators/quick/finished"
        waited = {"timeout": "10", "pollingInterval": "0.1"}
        assert requests.post(done, params=waited, json=1, timeout=20).json() == 1
        again = requests.post(done, params=waited, json=2, timeout=20)
        assert (again.status_code, again.json()) == (200, 2)  # a completed one is replaced
    finally:
        host.stop()
