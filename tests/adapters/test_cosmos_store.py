"""The call store against the Cosmos DB emulator (its quirks included)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from adapters.cosmos_store import CallStore
from errors import TransientError
from models.record import CallRecord, ProcessingMetadata


def _record(call_id: str, status: str = "completed", when: int = 0) -> CallRecord:
    return CallRecord(id=call_id, callId=call_id, status=status, instanceId=f"i-{call_id}",  # type: ignore[arg-type]
                      metadata=ProcessingMetadata(blob_container="calls",
                                                  blob_name=f"{call_id}.mp3",
                                                  size_bytes=1, content_sha256="0" * 64),
                      updatedAt=datetime(2026, 11, 1, 12, when, tzinfo=UTC))


def test_missing_item_is_none_not_an_error(call_store: CallStore) -> None:
    assert call_store.get("does-not-exist") is None


def test_create_read_and_conditional_replace(call_store: CallStore) -> None:
    call_store.upsert(_record("a"), None)
    found = call_store.get("a")
    assert found is not None
    record, etag = found
    assert record.status == "completed" and etag
    call_store.upsert(record.model_copy(update={"attempts": 2}), etag)
    assert call_store.get("a")[0].attempts == 2  # type: ignore[index]
    with pytest.raises(TransientError):  # stale etag: someone wrote meanwhile
        call_store.upsert(record.model_copy(update={"attempts": 3}), etag)
    with pytest.raises(TransientError):  # create of an existing id
        call_store.upsert(_record("a"), None)


def test_list_filters_and_pages(call_store: CallStore) -> None:
    for i in range(5):
        call_store.upsert(_record(f"f{i}", "failed", i), None)
    call_store.upsert(_record("ok", "completed", 9), None)
    seen, token, pages = [], None, 0
    while True:
        records, token = call_store.list("failed", None, None, 2, token)
        seen += [r.id for r in records]
        pages += 1
        if not token:
            break
    assert sorted(seen) == [f"f{i}" for i in range(5)] and pages >= 3
    since = datetime(2026, 11, 1, 12, 3, tzinfo=UTC)
    recent, _ = call_store.list("failed", since, None, 50, None)
    assert sorted(r.id for r in recent) == ["f3", "f4"]


def test_store_recovers_when_the_emulator_restarts_empty(call_store: CallStore) -> None:
    from devstack import services

    call_store.upsert(_record("before"), None)
    if not services.stop(services.COSMOS):
        pytest.skip("the Cosmos emulator running belongs to another checkout; not ours to stop")
    with pytest.raises(TransientError):
        call_store.get("before")
    services.start(services.COSMOS)  # in memory: database and container are gone
    assert call_store.get("before") is None
    call_store.upsert(_record("after"), None)  # recreated on the way
    assert call_store.get("after") is not None


def test_an_unreachable_account_is_transient_from_the_first_call() -> None:
    # CosmosClient asks the account for its endpoints when it is built: that failure is a
    # storage outage (retried), not a bug
    from devstack.services import COSMOS_KEY

    with pytest.raises(TransientError, match="Cosmos DB unavailable"):
        CallStore("https://127.0.0.1:1/", COSMOS_KEY, "db", "calls")
