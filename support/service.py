"""What the support endpoints do, on top of the call store and the durable client."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import azure.durable_functions as df

from adapters.blob_store import BlobStore
from adapters.cosmos_store import CallStore
from core.ids import instance_id_for
from models.call import ProcessCallInput


class NotFound(Exception):
    pass


class Conflict(Exception):
    pass


async def describe(call_id: str, store: CallStore, client: df.DurableOrchestrationClient) -> dict:
    found = store.get(call_id)
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
                 reason: str) -> dict:
    """Rewind when the failure was transient (completed steps are kept), else a new attempt."""
    found = store.get(call_id)
    if found is None:
        raise NotFound(f"no record for call {call_id}")
    record, etag = found
    status = await client.get_status(record.instanceId, show_input=True)
    runtime = status.runtime_status.value if status and status.runtime_status else None
    if runtime in ("Running", "Pending", "Suspended"):
        raise Conflict(f"call {call_id} is still {runtime}")
    if runtime == "Completed" and record.status == "completed":
        raise Conflict(f"call {call_id} completed; nothing to replay")
    bumped = record.model_copy(update={"attempts": record.attempts + 1})
    store.upsert(bumped, etag)
    if runtime == "Failed" and record.failure is not None and record.failure.retryable:
        await client.rewind(record.instanceId, reason)
        return {"callId": call_id, "mode": "rewind", "instanceId": record.instanceId,
                "attempt": bumped.attempts}
    if status is None or status.input_ is None:
        raise Conflict(f"the original input of {record.instanceId} is gone (purged)")
    original = ProcessCallInput.model_validate(status.input_)
    attempt = bumped.attempts
    new_input = original.model_copy(update={"attempt": attempt})
    new_id = instance_id_for(call_id, original.call.content_sha256, attempt)
    await client.start_new("process_call", new_id, new_input.model_dump(mode="json"))
    return {"callId": call_id, "mode": "new-attempt", "instanceId": new_id, "attempt": attempt}


async def replay_many(store: CallStore, client: df.DurableOrchestrationClient, status: str,
                      since: datetime | None, until: datetime | None, reason: str) -> list[dict]:
    out, token = [], None
    while True:
        records, token = store.list(status, since, until, 50, token)
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

