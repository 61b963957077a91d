"""Blob starter: a recording uploaded to the calls container starts `process_call` once per content.

The trigger uses the Event Grid source (the only blob trigger on Flex Consumption) and an SDK-type
binding: the function receives a `BlobClient` for the blob, not its bytes. Event Grid delivers at
least once, may repeat an event, and may deliver an event after the blob was overwritten; so the
starter looks at the blob as it is now, not at the event:

- the call id comes from the blob's path (an overwrite updates the same record);
- the instance id from the call id and the SHA-256 of the current content, computed in one
  streaming pass (bounded memory, whatever the size) that is pinned to the ETag it read, so the
  hash and the ETag in the `CallRef` describe the same version. The same content delivered twice,
  or uploaded again, starts one orchestration; a stale event for an overwritten blob starts the
  orchestration of the content now there (or none, if that one exists already).
- an upload that will be rejected for its size is not read: its instance id comes from its ETag.

`start_new` would silently replace an existing instance, so the status is checked first; and since
two deliveries can both pass that check, host.json sets `overridableExistingInstanceStates` to
`NonRunningStates`, so the host refuses the second start of an unfinished instance.
"""

# No `from __future__ import annotations` here: the worker reads the trigger parameter's annotation
# (blob.BlobClient) to decide on the SDK-type binding, so it stays a real class, not a string.
import asyncio
import hashlib
import logging
from datetime import UTC, datetime

import azure.durable_functions as df
import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob
from azure.core import MatchConditions
from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError
from azure.storage.blob import BlobClient, BlobProperties

from adapters.durable_client import runtime_status
from core.ids import call_id_for, instance_id_for
from core.validation import extension_of, validate_upload
from models.call import CallRef, ProcessCallInput
from settings import Settings, get_settings

bp = df.Blueprint()
log = logging.getLogger("call-insights")

HASH_ATTEMPTS = 3  # the blob may be overwritten while it is hashed: read the new version
HASH_RANGE_BYTES = 2 * 1024 * 1024


def content_sha256(client: BlobClient, etag: str, size: int) -> str:
    """SHA-256 of the blob version `etag`, read in ranges of HASH_RANGE_BYTES (the SDK's own
    download would fetch the first 32 MB in one response), each pinned to `etag`
    (ResourceModifiedError if the blob changed meanwhile)."""
    digest = hashlib.sha256()
    for offset in range(0, size, HASH_RANGE_BYTES):
        part = client.download_blob(offset=offset, length=min(HASH_RANGE_BYTES, size - offset),
                                    etag=etag, match_condition=MatchConditions.IfNotModified)
        digest.update(part.readall())
    return digest.hexdigest()


def _ref(client: BlobClient, props: BlobProperties, sha256: str) -> CallRef:
    container, name = client.container_name, client.blob_name
    return CallRef(call_id=call_id_for(container, name), blob_container=container, blob_name=name,
                   size_bytes=int(props.size), content_sha256=sha256, etag=props.etag,
                   extension=extension_of(name), uploaded_at=props.last_modified)


def identify_recording(client: BlobClient, settings: Settings) -> tuple[CallRef, str] | None:
    """The recording as it is now and its orchestration's instance id; None if it is gone."""
    for _ in range(HASH_ATTEMPTS):
        try:
            props = client.get_blob_properties()
            if int(props.size) > settings.max_upload_bytes:  # rejected unread
                call = _ref(client, props, "")
                etag_key = hashlib.sha256(str(props.etag).encode()).hexdigest()
                return call, instance_id_for(call.call_id, etag_key)
            call = _ref(client, props, content_sha256(client, props.etag, int(props.size)))
            return call, instance_id_for(call.call_id, call.content_sha256)
        except ResourceNotFoundError:
            return None
        except ResourceModifiedError:
            continue  # overwritten while hashed: its own event follows; take the new version
    raise RuntimeError(f"{client.blob_name} kept changing while it was read; retried")


async def start_for_recording(client_blob: BlobClient, client: df.DurableOrchestrationClient,
                              settings: Settings) -> str | None:
    """Start `process_call` for the blob's current content unless it has been started; the
    instance id, or None when the blob no longer exists."""
    found = await asyncio.to_thread(identify_recording, client_blob, settings)
    if found is None:
        log.info("Recording %s no longer exists; nothing to start", client_blob.blob_name)
        return None
    call, instance_id = found
    existing = await runtime_status(client, instance_id)
    if existing is not None:
        log.info("Recording %s already has orchestration %s (%s); not started again",
                 call.blob_name, instance_id, existing.value)
        return instance_id
    rejection = validate_upload(call, settings.supported_extensions, settings.max_upload_bytes)
    payload = ProcessCallInput(call=call, rejection=rejection, received_at=datetime.now(UTC))
    try:
        await client.start_new("process_call", instance_id, payload.model_dump(mode="json"))
    except Exception:  # the SDK raises a bare Exception for any answer but 202
        if await runtime_status(client, instance_id) is None:
            raise
        # host.json's NonRunningStates refused it: a concurrent delivery of the same content
        # (Event Grid repeats events) started it between the check above and this start.
        log.info("Recording %s already has orchestration %s (started by a concurrent delivery); "
                 "not started again", call.blob_name, instance_id)
        return instance_id
    log.info("Started process_call %s for %s (%d bytes)%s", instance_id, call.blob_name,
             call.size_bytes, f", rejected: {rejection.reason}" if rejection else "")
    return instance_id


@bp.blob_trigger(arg_name="recording", path="%CALLS_CONTAINER%/{name}",
                 connection="AzureWebJobsStorage", source=func.BlobSource.EVENT_GRID)
@bp.durable_client_input(client_name="client")
async def on_recording_uploaded(recording: blob.BlobClient,
                                client: df.DurableOrchestrationClient) -> None:
    await start_for_recording(recording, client, get_settings())
