"""support.service.replay with a scripted durable client: the attempt is written only after the
rewind or the new start was accepted."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import azure.durable_functions as df
import pytest

from core.ids import instance_id_for
from models.call import CallRef, Failure, ProcessCallInput
from models.record import CallRecord, ProcessingMetadata
from support import service
from tests.activities.fakes import FakeRecords

CALL = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=1,
               content_sha256="a" * 64)


@dataclass
class Status:
    runtime_status: df.OrchestrationRuntimeStatus | None
    input_: Any = None
    custom_status: Any = None


@dataclass
class FakeClient:
    """The calls of df.DurableOrchestrationClient that replay makes; refusals raise the bare
    Exception the SDK raises."""

    statuses: dict[str, Status]
    records: FakeRecords
    refuse: str | None = None
    calls: list[tuple[str, str, int]] = field(default_factory=list)

    async def get_status(self, instance_id: str, show_input: bool = False) -> Status:
        return self.statuses.get(instance_id, Status(None))

    def _attempts_now(self) -> int:
        return self.records.records["c-1"].attempts

    async def rewind(self, instance_id: str, reason: str) -> None:
        self.calls.append(("rewind", instance_id, self._attempts_now()))
        if self.refuse:
            raise Exception(self.refuse)

    async def start_new(self, name: str, instance_id: str, payload: Any) -> str:
        self.calls.append(("start_new", instance_id, self._attempts_now()))
        if self.refuse:
            raise Exception(self.refuse)
        return instance_id


def _setup(retryable: bool, refuse: str | None = None) -> tuple[FakeRecords, FakeClient]:
    record = CallRecord(
        id="c-1", callId="c-1", status="failed", instanceId="i-1", attempts=1,
        failure=Failure(stage="extract", reason="x", retryable=retryable),
        metadata=ProcessingMetadata(blob_container="calls", blob_name="a.mp3", size_bytes=1,
                                    content_sha256="a" * 64),
        updatedAt=datetime(2026, 12, 1, tzinfo=UTC))
    records = FakeRecords({"c-1": record})
    statuses = {"i-1": Status(df.OrchestrationRuntimeStatus.Failed,
                              ProcessCallInput(call=CALL).model_dump(mode="json"))}
    return records, FakeClient(statuses, records, refuse)


def _replay(records: FakeRecords, client: FakeClient) -> dict[str, Any]:
    return asyncio.run(service.replay("c-1", records, client, "test"))  # type: ignore[arg-type]  # fakes of the store and the durable client


def test_refused_rewind_leaves_the_attempt_count_unchanged() -> None:
    records, client = _setup(retryable=True, refuse="The rewind operation is only supported on "
                                                    "failed orchestration instances.")
    with pytest.raises(service.Conflict, match="rewind of i-1 was refused"):
        _replay(records, client)
    assert client.calls == [("rewind", "i-1", 1)]
    assert records.records["c-1"].attempts == 1 and records.writes == 0


def test_accepted_rewind_then_counts_the_attempt() -> None:
    records, client = _setup(retryable=True)
    out = _replay(records, client)
    assert out == {"callId": "c-1", "mode": "rewind", "instanceId": "i-1", "attempt": 2,
                   "attemptRecorded": True}
    assert client.calls == [("rewind", "i-1", 1)]  # not yet counted when the rewind was asked
    assert records.records["c-1"].attempts == 2


def test_refused_new_attempt_leaves_the_attempt_count_unchanged() -> None:
    records, client = _setup(retryable=False, refuse="400 bad request")
    with pytest.raises(service.Conflict, match="refused"):
        _replay(records, client)
    assert records.records["c-1"].attempts == 1 and records.writes == 0


def test_new_attempt_for_a_permanent_failure() -> None:
    records, client = _setup(retryable=False)
    out = _replay(records, client)
    new_id = instance_id_for("c-1", "a" * 64, 2)
    assert out["mode"] == "new-attempt" and out["instanceId"] == new_id
    assert client.calls == [("start_new", new_id, 1)]
    assert records.records["c-1"].attempts == 2


def test_an_existing_attempt_is_never_replaced() -> None:
    records, client = _setup(retryable=False)
    client.statuses[instance_id_for("c-1", "a" * 64, 2)] = Status(
        df.OrchestrationRuntimeStatus.Running)
    with pytest.raises(service.Conflict, match="exists already"):
        _replay(records, client)
    assert client.calls == [] and records.writes == 0
