"""The Durable client's status answers read as a runtime status or none."""

from __future__ import annotations

import asyncio
from typing import Any

import azure.durable_functions as df
from azure.durable_functions.models.DurableOrchestrationStatus import DurableOrchestrationStatus

from adapters.durable_client import runtime_status


class _Client:
    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = answers

    async def get_status(self, instance_id: str) -> Any:
        # the SDK builds the status from the host's body: empty for an unknown instance (404)
        return DurableOrchestrationStatus.from_json(self.answers.get(instance_id, {}))


def test_an_unknown_instance_has_no_status_and_a_known_one_its_own() -> None:
    client: Any = _Client({"known": {"instanceId": "known", "runtimeStatus": "Failed"}})
    assert asyncio.run(runtime_status(client, "unknown")) is None
    assert asyncio.run(runtime_status(client, "known")) is df.OrchestrationRuntimeStatus.Failed
