"""Loading an app directory: host.json overridden by `AzureFunctionsJobHost__…` app settings."""

from __future__ import annotations

from typing import Any

import pytest

from devhost.app import apply_host_overrides
from devhost.tests.conftest import APPS
from devhost.tests.hostproc import HostProcess


def test_override_replaces_a_nested_value_matching_keys_case_insensitively() -> None:
    host_json: dict[str, Any] = {"version": "2.0", "extensions": {"durableTask": {
        "hubName": "Hub", "maxConcurrentActivityFunctions": 4}}}
    merged = apply_host_overrides(host_json, {
        "AzureFunctionsJobHost__extensions__durabletask__maxConcurrentActivityFunctions": "2",
        "PATH": "/usr/bin"})
    assert merged["extensions"]["durableTask"] == {"hubName": "Hub",
                                                    "maxConcurrentActivityFunctions": "2"}
    assert host_json["extensions"]["durableTask"]["maxConcurrentActivityFunctions"] == 4


def test_override_creates_missing_levels_and_leaves_other_settings_alone() -> None:
    merged = apply_host_overrides({"version": "2.0", "extensions": {"http": "not an object"}}, {
        "AzureFunctionsJobHost__extensions__http__routePrefix": "v1",
        "AzureFunctionsJobHost__functionTimeout": "00:10:00",
        "AzureFunctionsJobHost__": "ignored"})
    assert merged == {"version": "2.0", "functionTimeout": "00:10:00",
                      "extensions": {"http": {"routePrefix": "v1"}}}


def test_host_bounds_activities_by_the_overridden_setting(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    state = tmp_path_factory.mktemp("state")
    host = HostProcess(APPS / "conformance", tmp_path_factory.mktemp("data"), env={
        "CONFORMANCE_STATE_DIR": str(state),
        "AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions": "2"})
    host.start()
    try:
        body = host.wait(host.start_orchestration("fan_out", 8))
    finally:
        host.stop()
    assert body["output"]["max_concurrent"] == 2  # host.json says 4
