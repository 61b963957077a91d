"""What the support endpoints do, on top of the call store and the durable client.

The call store and blob store are the synchronous adapters the activities use; every call to
them from these async handlers goes through `asyncio.to_thread`, so the event loop (shared with
the durable client's requests and other invocations) never waits on Cosmos DB or Blob Storage.
That keeps one adapter per service (its translation of errors, the emulator quirks) instead of a
second, async copy whose clients would also be bound to one event loop.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import azure.durable_functions as df

from adapters.blob_store import BlobStore
from adapters.cosmos_store import CallStore
from adapters.durable_client import runtime_status
from core.ids import instance_id_for
from errors import TransientError
from models.call import ProcessCallInput
from models.record import CallRecord

log = logging.getLogger("call-insights")


class NotFound(Exception):
    pass


class Conflict(Exception):
    pass


async def describe(call_id: str, store: CallStore,
                   client: df.DurableOrchestrationClient) -> dict[str, Any]:
    found = await asyncio.to_thread(store.get, call_id)
    if found is None:
        raise NotFound(f"no record for call {call_id}")
    record = found[0]
    status = await client.get_status(record.instanceId)
    urls = client.create_http_management_payload(record.instanceId)
    return {"record": record.model_dump(mode="json", by_alias=True),
            "orchestration": {
                "instanceId": record.instanceId,
                "runtimeStatus": status.runtime_status.value if status and status.runtime_status
                else None,
                "customStatus": status.custom_status if status else None,
                "statusQueryGetUri": urls["statusQueryGetUri"]}}


async def replay(call_id: str, store: CallStore, client: df.DurableOrchestrationClient,
                 reason: str) -> dict[str, Any]:
    """Rewind when the failure was transient (completed steps are kept), else a new attempt.

    The attempt count is written only once the rewind or the new start was accepted, so a refused
    one (409 here) leaves the record as it was."""
    found = await asyncio.to_thread(store.get, call_id)
    if found is None:
        raise NotFound(f"no record for call {call_id}")
    record = found[0]
    status = await client.get_status(record.instanceId, show_input=True)
    runtime = status.runtime_status.value if status and status.runtime_status else None
    if runtime in ("Running", "Pending", "Suspended"):
        raise Conflict(f"call {call_id} is still {runtime}")
    if runtime == "Completed" and record.status == "completed":
        raise Conflict(f"call {call_id} completed; nothing to replay")
    attempt = record.attempts + 1
    if runtime == "Failed" and record.failure is not None and record.failure.retryable:
        try:
            await client.rewind(record.instanceId, reason)
        except Exception as exc:  # the SDK raises a bare Exception with the host's answer
            raise Conflict(f"the rewind of {record.instanceId} was refused: {exc}") from exc
        mode, instance_id = "rewind", record.instanceId
    else:
        if status is None or status.input_ is None:
            raise Conflict(f"the original input of {record.instanceId} is gone (purged)")
        original = ProcessCallInput.model_validate(status.input_)
        new_input = original.model_copy(update={"attempt": attempt})
        instance_id = instance_id_for(call_id, original.call.content_sha256, attempt)
        if await runtime_status(client, instance_id) is not None:  # start_new would replace it
            raise Conflict(f"attempt {attempt} of call {call_id} ({instance_id}) exists already")
        try:
            await client.start_new("process_call", instance_id, new_input.model_dump(mode="json"))
        except Exception as exc:  # as for rewind: a bare Exception with the host's answer
            raise Conflict(f"the new attempt {instance_id} was refused: {exc}") from exc
        mode = "new-attempt"
    recorded = await asyncio.to_thread(record_attempt, store, call_id, attempt)
    return {"callId": call_id, "mode": mode, "instanceId": instance_id, "attempt": attempt,
            "attemptRecorded": recorded}


def record_attempt(store: CallStore, call_id: str, attempt: int, tries: int = 3) -> bool:
    """Raise the record's attempt count to `attempt` (read-merge-write: the replayed instance may
    be writing the same record). Whether it was written; a new attempt also records it itself
    when it registers."""
    last: Exception | None = None
    for _ in range(tries):
        try:
            found = store.get(call_id)
            if found is None:
                return False
            record, etag = found
            if record.attempts >= attempt:
                return True
            bumped: CallRecord = record.model_copy(update={"attempts": attempt})
            store.upsert(bumped, etag)
            return True
        except TransientError as exc:
            last = exc
    log.warning("Replay of call %s: attempt %d not recorded (%s)", call_id, attempt, last)
    return False


async def replay_many(store: CallStore, client: df.DurableOrchestrationClient, status: str,
                      since: datetime | None, until: datetime | None,
                      reason: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        records, token = await asyncio.to_thread(store.list, status, since, until, 50, token)
        for record in records:
            try:
                out.append(await replay(record.id, store, client, reason))
            except (NotFound, Conflict) as exc:
                out.append({"callId": record.id, "skipped": str(exc)})
        if not token:
            return out


def accounting(blobs: BlobStore, store: CallStore, container: str, since: datetime | None,
               until: datetime | None) -> dict[str, Any]:
    """Every blob in the recordings container has a record and every record a blob."""
    from core.ids import call_id_for

    def in_range(ts: Any) -> bool:
        return (since is None or ts >= since) and (until is None or ts <= until)

    blob_ids = {call_id_for(container, name): name for name, modified in
                blobs.list_names(container) if in_range(modified)}
    records = {r["id"]: r for r in store.all_ids() if r.get("blobContainer") == container}
    missing_records = sorted(name for cid, name in blob_ids.items() if cid not in records)
    orphan_records = sorted(cid for cid, r in records.items()
                            if cid not in blob_ids and (since is None and until is None))
    by_status: dict[str, int] = {}
    for cid in blob_ids:
        if cid in records:
            s = records[cid].get("status", "?")
            by_status[s] = by_status.get(s, 0) + 1
    return {"blobs": len(blob_ids), "records": len([c for c in blob_ids if c in records]),
            "byStatus": by_status, "blobsWithoutRecord": missing_records,
            "recordsWithoutBlob": orphan_records,
            "balanced": not missing_records and not orphan_records}

