"""Blob starter: a recording uploaded to the calls container starts `process_call` once per content.

The call id comes from the blob's path (an overwrite updates the same record); the instance id
from the call id and the content hash (the same content delivered twice starts one orchestration).
`start_new` would silently replace an existing instance, so the status is checked first.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime

import azure.durable_functions as df
import azure.functions as func

from core.ids import call_id_for, instance_id_for
from core.validation import extension_of, validate_upload
from models.call import CallRef, ProcessCallInput
from settings import get_settings

bp = df.Blueprint()
log = logging.getLogger("call-insights")


def call_from_blob(full_name: str, data: bytes, properties: dict | None) -> CallRef:
    container, _, blob_name = full_name.partition("/")
    props = properties or {}
    uploaded = props.get("LastModified")
    return CallRef(
        call_id=call_id_for(container, blob_name), blob_container=container, blob_name=blob_name,
        size_bytes=len(data), content_sha256=hashlib.sha256(data).hexdigest(),
        etag=props.get("ETag"), extension=extension_of(blob_name),
        uploaded_at=datetime.fromisoformat(uploaded) if isinstance(uploaded, str) else None)


@bp.blob_trigger(arg_name="recording", path="%CALLS_CONTAINER%/{name}",
                 connection="AzureWebJobsStorage")
@bp.durable_client_input(client_name="client")
async def on_recording_uploaded(recording: func.InputStream,
                                client: df.DurableOrchestrationClient) -> None:
    settings = get_settings()
    data = recording.read()
    props = getattr(recording, "blob_properties", None)
    call = call_from_blob(recording.name or "", data, props if isinstance(props, dict) else None)
    instance_id = instance_id_for(call.call_id, call.content_sha256)
    existing = await client.get_status(instance_id)
    if existing is not None and existing.runtime_status is not None:
        log.info("Recording %s already has orchestration %s (%s); not started again",
                 call.blob_name, instance_id, existing.runtime_status.value)
        return
    rejection = validate_upload(call, settings.supported_extensions, settings.max_upload_bytes)
    payload = ProcessCallInput(call=call, rejection=rejection,
                               received_at=datetime.now(UTC))
    await client.start_new("process_call", instance_id, payload.model_dump(mode="json"))
    log.info("Started process_call %s for %s (%d bytes)%s", instance_id, call.blob_name,
             call.size_bytes, f", rejected: {rejection.reason}" if rejection else "")
