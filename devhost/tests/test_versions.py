"""Orchestration versions.

Azure: host.json `extensions.durableTask.defaultVersion` is the version of every new orchestration
started without one (ExecutionStarted `Version`, read by the SDK as `context.version` from the
ExecutionStarted event: `DurableOrchestrationContext._extract_version_from_history`), also of
sub-orchestrations started without one; an explicit version (`start_new(..., version)`, the
client's `?version=`, `call_sub_orchestrator(..., version=)`) is kept. `versionMatchStrategy`
(None, Strict, CurrentOrOlder: default) and `versionFailureStrategy` (Reject: default, Fail) decide
whether this worker runs an instance of another version; versions compare as `System.Version`
when both parse, else as case-insensitive strings. Checked against the docs
"Orchestration versioning in Durable Functions" (learn.microsoft.com) and the SDK 1.7's
`DurableOrchestrationClient.start_new` ("If not specified, the defaultVersion from host.json will be
used") and `CallSubOrchestratorAction` (`version`).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostProcess]:
    proc = HostProcess(APPS / "versions", tmp_path_factory.mktemp("versions-data"))
    proc.start()
    yield proc
    proc.stop()


def test_default_version_from_host_json(host: HostProcess) -> None:
    r = requests.post(f"{host.base}/api/start", timeout=10)
    body = host.wait(r.json()["id"])
    assert body["runtimeStatus"] == "Completed", body
    assert body["output"] == {"self": "2.0", "pinned_child": "1.5", "default_child": "2.0",
                              "path": "new"}


def test_explicit_version_from_the_client_is_kept(host: HostProcess) -> None:
    r = requests.post(f"{host.base}/api/start", params={"version": "1.0"}, timeout=10)
    body = host.wait(r.json()["id"])
    assert body["output"] == {"self": "1.0", "pinned_child": "1.5", "default_child": "2.0",
                              "path": "old"}
    older = requests.post(f"{host.durable}/orchestrators/report_version",
                          params={"version": "1.10"}, timeout=10)
    assert host.wait(older.json()["id"])["output"] == "1.10"


def test_newer_version_is_rejected_under_current_or_older(host: HostProcess) -> None:
    """`versionMatchStrategy` CurrentOrOlder (the default) with `versionFailureStrategy` Reject
    (the default): a worker whose defaultVersion is 2.0 leaves an instance of version 3.1 in the
    queue, unprocessed (docs: "Orchestration versioning", Version matching / failure handling)."""
    r = requests.post(f"{host.durable}/orchestrators/report_version", params={"version": "3.1"},
                      timeout=10)
    iid = r.json()["id"]
    time.sleep(1.0)
    assert host.status(iid).json()["runtimeStatus"] == "Pending"
    assert f"Instance {iid} not processed: the orchestration version '3.1' is greater" \
        in host.log()


def test_newer_version_fails_with_the_fail_strategy(tmp_path: Path) -> None:
    env = {"AzureFunctionsJobHost__extensions__durableTask__versionFailureStrategy": "Fail",
           "AzureFunctionsJobHost__extensions__durableTask__versionMatchStrategy": "Strict"}
    proc = HostProcess(APPS / "versions", tmp_path / "data", env=env)
    proc.start()
    try:
        newer = proc.start_orchestration_version("report_version", "3.1")
        older = proc.start_orchestration_version("report_version", "1.0")
        same = proc.start_orchestration_version("report_version", "2.0")
        bodies = [proc.wait(i) for i in (newer, older, same)]
    finally:
        proc.stop()
    assert [b["runtimeStatus"] for b in bodies] == ["Failed", "Failed", "Completed"]
    assert "does not match the worker version '2.0'" in bodies[0]["output"]
    assert bodies[2]["output"] == "2.0"


def test_instance_keeps_its_version_across_a_default_version_change(tmp_path: Path) -> None:
    """The SDK's samples-v2/orchestration_versioning README: start under defaultVersion 1.0,
    stop the app while the instance waits, change defaultVersion to 2.0, start again, raise the
    event: the instance still reports 1.0 (and keeps its code path), its new sub-orchestration
    reports 2.0."""
    app = tmp_path / "app"
    shutil.copytree(APPS / "versions", app)
    host_json = app / "host.json"
    config = json.loads(host_json.read_text())
    config["extensions"]["durableTask"]["defaultVersion"] = "1.0"
    host_json.write_text(json.dumps(config))
    proc = HostProcess(app, tmp_path / "data")
    proc.start()
    try:
        iid = proc.start_orchestration("versioned_waiting")
        proc.wait(iid, ("Running",))
        proc.stop()
        config["extensions"]["durableTask"]["defaultVersion"] = "2.0"
        host_json.write_text(json.dumps(config))
        proc.start()
        r = proc.post(f"/runtime/webhooks/durabletask/instances/{iid}/raiseEvent/Continue",
                      json=True)
        assert r.status_code == 202
        body = proc.wait(iid)
    finally:
        proc.stop()
    assert body["output"] == {"self": "1.0", "path": "old", "default_child": "2.0"}
