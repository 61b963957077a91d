"""Blob triggers: poll each trigger's container and invoke the function once per blob version.

A version is (container, name, ETag); its receipt in the store survives restarts. A function that
fails on one version five times sends it to the `webjobs-blobtrigger-poison` queue, as the Azure
blob trigger does, and that version is not tried again.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import time
from typing import TYPE_CHECKING, Any

import azure.functions as func

from .app import FunctionInfo, blob_path_pattern

if TYPE_CHECKING:
    from .runtime import Host

log = logging.getLogger("devhost")

MAX_DEQUEUE = 5
POISON_QUEUE = "webjobs-blobtrigger-poison"


def connection_string(setting: str | None) -> str:
    """Resolve a binding's `connection` like the host: the setting itself or `<name>__...`."""
    name = setting or "AzureWebJobsStorage"
    value = os.environ.get(name) or os.environ.get(f"AzureWebJobs{name}")
    if not value:
        raise RuntimeError(f"blob trigger connection setting '{name}' is not set")
    return value


class BlobPoller:
    def __init__(self, host: Host, fn: FunctionInfo) -> None:
        from azure.storage.blob import BlobServiceClient

        self.host, self.fn = host, fn
        self.container, self.pattern = blob_path_pattern(fn.trigger.path)
        self.conn = connection_string(getattr(fn.trigger, "connection", None))
        self.service = BlobServiceClient.from_connection_string(self.conn)
        self.client = self.service.get_container_client(self.container)
        self.inflight: set[tuple[str, str]] = set()
        self.limit = asyncio.Semaphore(int(os.environ.get("DEVHOST_BLOB_CONCURRENCY", "8")))

    def _list(self) -> list[Any]:
        from azure.core.exceptions import ResourceNotFoundError

        try:
            return list(self.client.list_blobs(include=["metadata"]))
        except ResourceNotFoundError:
            return []

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        warned = False
        while True:
            try:
                blobs = await loop.run_in_executor(None, self._list)
                warned = False
            except Exception as exc:
                if not warned:
                    log.warning("Blob trigger %s cannot list container '%s': %s", self.fn.name,
                                self.container, type(exc).__name__)
                    warned = True
                blobs = []
            for props in blobs:
                if not self.pattern.match(props.name):
                    continue
                key = (props.name, props.etag)
                if key in self.inflight:
                    continue
                receipt = self.host.store.receipt(self.fn.name, self.container, *key)
                if receipt is not None and receipt["status"] in ("done", "poisoned"):
                    continue
                self.inflight.add(key)
                asyncio.create_task(self._fire(props, receipt["failures"] if receipt else 0))
            await asyncio.sleep(self.host.options.blob_poll_seconds)

    def _download(self, name: str, etag: str) -> bytes | None:
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError

        try:
            return self.client.download_blob(name, etag=etag,
                                              match_condition=MatchConditions.IfNotModified).readall()
        except (ResourceModifiedError, ResourceNotFoundError):
            return None  # overwritten or deleted since listing: the next poll sees the new version

    async def _fire(self, props: Any, failures: int) -> None:
        loop = asyncio.get_running_loop()
        name, etag = props.name, props.etag
        try:
            async with self.limit:
                data = await loop.run_in_executor(None, self._download, name, etag)
                if data is None:
                    return
                stream = func.blob.InputStream(
                    data=data, name=f"{self.container}/{name}", length=len(data),
                    uri=f"{self.client.url}/{name}",
                    blob_properties={"ETag": etag, "ContentLength": props.size,
                                     "LastModified": props.last_modified.isoformat()},
                    metadata=dict(props.metadata or {}))
                t0 = time.perf_counter()
                try:
                    await self.host.call_user(self.fn, {self.fn.trigger_param: stream})
                except Exception as exc:
                    failures += 1
                    poisoned = failures >= MAX_DEQUEUE
                    self.host.store.set_receipt(self.fn.name, self.container, name, etag,
                                                "poisoned" if poisoned else "failed", failures)
                    log.warning("Executed 'Functions.%s' (blob %s/%s, attempt %d, Failed: %s: %s)",
                                self.fn.name, self.container, name, failures,
                                type(exc).__name__, exc)
                    if poisoned:
                        await loop.run_in_executor(None, self._poison, name, etag)
                    return
                self.host.store.set_receipt(self.fn.name, self.container, name, etag, "done",
                                            failures)
                log.info("Executed 'Functions.%s' (blob %s/%s, %.1f ms, Succeeded)", self.fn.name,
                         self.container, name, (time.perf_counter() - t0) * 1000)
        finally:
            self.inflight.discard((name, etag))

    def _poison(self, name: str, etag: str) -> None:
        from azure.core.exceptions import ResourceExistsError
        from azure.storage.queue import QueueClient

        queue = QueueClient.from_connection_string(self.conn, POISON_QUEUE)
        try:
            queue.create_queue()
        except ResourceExistsError:
            pass
        message = json.dumps({"Type": "blob", "FunctionId": f"Host.Functions.{self.fn.name}",
                              "BlobType": "BlockBlob", "ContainerName": self.container,
                              "BlobName": name, "ETag": etag})
        queue.send_message(base64.b64encode(message.encode()).decode())
        log.error("Blob %s/%s failed %d times in %s: sent to queue %s", self.container, name,
                  MAX_DEQUEUE, self.fn.name, POISON_QUEUE)


def start_pollers(host: Host) -> list[asyncio.Task]:
    tasks = []
    for fn in host.app.of_type("blobTrigger"):
        try:
            poller = BlobPoller(host, fn)
        except Exception as exc:
            log.error("Blob trigger %s disabled: %s", fn.name, exc)
            continue
        tasks.append(asyncio.create_task(poller.run()))
    return tasks
