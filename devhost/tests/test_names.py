"""Function names matched ignoring case, as Azure does.

The Durable extension keeps its registry of orchestrator, activity and entity functions in
dictionaries keyed with `StringComparer.OrdinalIgnoreCase` (`DurableTaskExtension`, checked in
Azure/azure-functions-durable-extension), and the SDK lower-cases entity names in scheduler ids
(`EntityId.get_scheduler_id`). Microsoft's Python worker end-to-end durable app starts
`DurableFunctionsOrchestrator` for a function named `durablefunctionsorchestrator` and calls
activity `Hello` for `hello`; this app does the same, plus a sub-orchestrator and an entity.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostProcess]:
    proc = HostProcess(APPS / "names", tmp_path_factory.mktemp("names-data"))
    proc.start()
    yield proc
    proc.stop()


def test_orchestrator_activity_child_and_entity_in_another_case(host: HostProcess) -> None:
    r = requests.post(f"{host.base}/api/orchestrators/DurableFunctionsOrchestrator", timeout=10)
    assert r.status_code == 202, r.text
    body = host.wait(r.json()["id"])
    assert body["runtimeStatus"] == "Completed", body
    assert body["output"] == ["Hello Tokyo", "Hello Seattle", "Hello London", 2]
    # the instance keeps the name it was started with, as in Azure
    assert body["name"] == "DurableFunctionsOrchestrator"


def test_durable_api_start_in_any_case(host: HostProcess) -> None:
    iid = host.start_orchestration("CHILD", "Oslo")
    assert host.wait(iid)["output"] == "Hello Oslo"
    r = requests.get(f"{host.durable}/entities/Counter/k", timeout=10)
    assert r.status_code in (200, 404)  # the entity function is found under any case
    assert requests.post(f"{host.durable}/orchestrators/nosuch", timeout=10).status_code == 400
