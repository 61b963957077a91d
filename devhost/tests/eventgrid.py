"""Event Grid deliveries for tests: the `Microsoft.Storage.BlobCreated` event Event Grid sends for
a blob, and a POST of events to a host's blob webhook, as an Event Grid subscription would."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import requests
from azure.storage.blob import BlobClient

from devhost.tests.hostproc import HostProcess


def blob_created(blob: BlobClient, etag: str | None = None) -> dict[str, Any]:
    """A BlobCreated event (Event Grid schema) for `blob` at `etag` (default: its current one)."""
    etag = etag or blob.get_blob_properties().etag
    return {"id": str(uuid.uuid4()), "eventType": "Microsoft.Storage.BlobCreated",
            "subject": f"/blobServices/default/containers/{blob.container_name}/blobs/"
                       f"{blob.blob_name}",
            "eventTime": "2026-12-01T20:00:00Z", "dataVersion": "", "metadataVersion": "1",
            "topic": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/"
                     f"storageAccounts/{blob.account_name}",
            "data": {"api": "PutBlob", "eTag": etag.strip('"'), "blobType": "BlockBlob",
                     "contentType": "application/octet-stream", "url": blob.url}}


def deliver(host: HostProcess, function_name: str, events: Sequence[dict[str, Any]],
            kind: str = "Notification", code: str | None = None) -> requests.Response:
    """POST `events` to `/runtime/webhooks/blobs?functionName=Host.Functions.<name>`."""
    params = {"functionName": f"Host.Functions.{function_name}"}
    if code:
        params["code"] = code
    return requests.post(f"{host.base}/runtime/webhooks/blobs", params=params, json=list(events),
                         headers={"aeg-event-type": kind}, timeout=10)
