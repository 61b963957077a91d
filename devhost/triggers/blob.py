"""Blob triggers, both sources the blob extension offers.

- Polling (`source` unset or `LogsAndContainerScan`): each trigger's container is listed every
  `--blob-poll-seconds`; a function runs once per blob version (container, name, ETag). The
  receipt survives restarts. A version that changed between listing and download is skipped
  (the next listing sees the new one), as the extension's queue executor does for this source.
- Event Grid (`source=func.BlobSource.EVENT_GRID`): in Azure, Event Grid POSTs `BlobCreated`
  events to `/runtime/webhooks/blobs?functionName=Host.Functions.<name>`; the extension queues one
  message per event and runs the function on the blob *as it is when the message is handled* (no
  ETag check for this source; a deleted blob is skipped). Locally there is no Event Grid, so new
  versions are detected by listing, as above, and delivered the same way; events POSTed to the
  webhook are delivered too, every time (Event Grid delivers at least once and may repeat).

Either way a function that fails on a blob five times (the queue's `maxDequeueCount`) sends it to
the `webjobs-blobtrigger-poison` queue and it is not tried again. Checked against the extension's
source (azure-sdk-for-net, Microsoft.Azure.WebJobs.Extensions.Storage.Blobs:
`BlobsExtensionConfigProvider.ProcessEventsAsync`, `BlobQueueTriggerExecutor.ExecuteAsync`).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import ipaddress
import json
import logging
import os
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from ..app import FunctionInfo, blob_path_pattern
from ..bindings import (
    blob_properties,
    blob_stream,
    connection_setting,
    connection_string,
    sdk_converter,
    sdk_value,
)
from . import Invoker, ReceiptStore

log = logging.getLogger("devhost")

MAX_DEQUEUE = 5
POISON_QUEUE = "webjobs-blobtrigger-poison"
POLLING = "LogsAndContainerScan"
EVENT_GRID = "EventGrid"


class EventError(ValueError):
    """A webhook request that is not an Event Grid blob event (no `data.url`)."""


@dataclass(frozen=True)
class BlobEvent:
    """What the extension reads from one event: the blob's container and name (and ETag)."""
    container: str
    name: str
    etag: str | None = None


def blob_url_parts(url: str) -> tuple[str, str]:
    """Container and blob name of a blob URL, account-host style (`acct.blob.core.windows.net/c/b`)
    or path style as the emulator serves it (`127.0.0.1:10000/devstoreaccount1/c/b`)."""
    parts = urlsplit(url)
    segments = parts.path.lstrip("/").split("/")
    host = parts.hostname or ""
    try:
        path_style = bool(ipaddress.ip_address(host))
    except ValueError:
        path_style = host == "localhost" or "." not in host
    if path_style:
        segments = segments[1:]
    if len(segments) < 2 or not segments[0]:
        raise EventError(f"not a blob URL: {url}")
    return unquote(segments[0]), unquote("/".join(segments[1:]))


def parse_events(body: Any) -> list[BlobEvent]:
    """Blob events of a webhook body: an Event Grid schema array, or one CloudEvent object."""
    events = body if isinstance(body, list) else [body]
    out = []
    for event in events:
        data = event.get("data") if isinstance(event, dict) else None
        if isinstance(data, str):  # CloudEvents may carry data as a JSON string
            try:
                data = json.loads(data)
            except ValueError:
                data = None
        if not isinstance(data, dict) or not isinstance(data.get("url"), str):
            raise EventError("an event without data.url")
        container, name = blob_url_parts(data["url"])
        etag = data.get("eTag")
        out.append(BlobEvent(container, name, f'"{etag}"' if etag and not
                             str(etag).startswith('"') else etag))
    return out


def validation_code(body: Any) -> str:
    """The code of a `Microsoft.EventGrid.SubscriptionValidationEvent` (Event Grid schema array,
    or a CloudEvent whose data may be encoded twice), as the extension's handshake reads it."""
    if isinstance(body, list) and body:
        return str(body[0]["data"]["validationCode"])
    if isinstance(body, dict):
        data = body["data"]
        if isinstance(data, str):
            data = json.loads(data)
        return str(data["validationCode"])
    raise EventError("the validation request holds no event")


class BlobTrigger:
    """One blob-triggered function: detects new versions in its container and runs the function."""

    def __init__(self, fn: FunctionInfo, invoker: Invoker, receipts: ReceiptStore,
                 poll_seconds: float, limit: asyncio.Semaphore) -> None:
        from azure.storage.blob import BlobServiceClient

        self.fn, self.invoker, self.receipts = fn, invoker, receipts
        self.poll_seconds, self.limit = poll_seconds, limit
        self.source = str(fn.setting.get("source") or POLLING)
        self.container, self.pattern = blob_path_pattern(fn.trigger.path)
        self.connection = connection_setting(fn.setting.get("connection"))
        self.service = BlobServiceClient.from_connection_string(
            connection_string(fn.setting.get("connection")))
        self.client = self.service.get_container_client(self.container)
        self.annotation = fn.annotations.get(fn.trigger_param)
        self.sdk_type = sdk_converter("blobTrigger", self.annotation) is not None
        self.inflight: set[tuple[str, str]] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    # -- detection --------------------------------------------------------------------------
    def _list(self) -> list[Any]:
        from azure.core.exceptions import ResourceNotFoundError

        try:
            return list(self.client.list_blobs(include=["metadata"]))
        except ResourceNotFoundError:
            return []

    async def scan(self) -> None:
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
                receipt = self.receipts.receipt(self.fn.name, self.container, *key)
                if receipt is not None and receipt["status"] in ("done", "poisoned"):
                    continue
                self.inflight.add(key)
                task = asyncio.create_task(self._detected(props.name, props.etag,
                                                          receipt["failures"] if receipt else 0))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            await asyncio.sleep(self.poll_seconds)

    async def _detected(self, name: str, etag: str, failures: int) -> None:
        """A version seen by listing: one attempt; a failure is tried again on a later listing."""
        try:
            expected = etag if self.source == POLLING else None
            try:
                ran = await self._execute(self.container, name, expected)
            except Exception:
                failures += 1
                poisoned = failures >= MAX_DEQUEUE
                self.receipts.set_receipt(self.fn.name, self.container, name, etag,
                                          "poisoned" if poisoned else "failed", failures)
                if poisoned:
                    await asyncio.get_running_loop().run_in_executor(
                        None, self._poison, self.container, name, etag)
                return
            if ran or self.source != POLLING:
                self.receipts.set_receipt(self.fn.name, self.container, name, etag, "done",
                                          failures)
        finally:
            self.inflight.discard((name, etag))

    # -- Event Grid deliveries --------------------------------------------------------------
    async def deliver(self, event: BlobEvent) -> None:
        """One event POSTed to the webhook: run until it succeeds, at most MAX_DEQUEUE times."""
        for attempt in range(1, MAX_DEQUEUE + 1):
            try:
                await self._execute(event.container, event.name, None, attempt)
                return
            except Exception:
                if attempt == MAX_DEQUEUE:
                    await asyncio.get_running_loop().run_in_executor(
                        None, self._poison, event.container, event.name, event.etag or "")

    # -- running the function ---------------------------------------------------------------
    def _prepare(self, container: str, name: str,
                 etag: str | None) -> tuple[Any, dict[str, Any]] | None:
        """The trigger value and binding data, or None when the blob is gone or changed."""
        from azure.core import MatchConditions
        from azure.core.exceptions import ResourceModifiedError, ResourceNotFoundError

        blob = self.service.get_blob_client(container, name)
        try:
            props = blob.get_blob_properties()
        except ResourceNotFoundError:
            return None
        if etag is not None and props.etag.strip('"') != etag.strip('"'):  # listings: unquoted
            return None
        m = self.pattern.match(name)
        binding_data: dict[str, Any] = dict(m.groupdict()) if m else {}
        binding_data.update({"BlobTrigger": f"{container}/{name}", "Uri": blob.url,
                             "Properties": blob_properties(props),
                             "Metadata": dict(props.metadata or {})})
        if self.sdk_type:
            value = sdk_value("blobTrigger", self.annotation, self.connection, container, name)
            return value, binding_data
        try:
            downloader = blob.download_blob(etag=props.etag,
                                            match_condition=MatchConditions.IfNotModified)
            data = downloader.readall()
        except (ResourceModifiedError, ResourceNotFoundError):
            return None  # changed since: its own version is detected (or delivered) next
        value = blob_stream(data, container, name, blob.url, blob_properties(downloader.properties),
                            downloader.properties.metadata or {})
        return value, binding_data

    async def _execute(self, container: str, name: str, etag: str | None,
                       attempt: int | None = None) -> bool:
        """Run the function on the blob; False when skipped (gone, changed, outside the path).
        Raises what the function raised."""
        if container != self.container or not self.pattern.match(name):
            log.warning("Blob %s/%s does not match the path of %s (%s): skipped", container, name,
                        self.fn.name, self.fn.trigger.path)
            return False
        async with self.limit:
            try:
                prepared = await asyncio.get_running_loop().run_in_executor(
                    None, self._prepare, container, name, etag)
            except Exception as exc:
                log.warning("Blob trigger %s cannot read %s/%s: %s: %s", self.fn.name, container,
                            name, type(exc).__name__, exc)
                raise
            if prepared is None:
                return False
            value, binding_data = prepared
            t0 = time.perf_counter()
            try:
                await self.invoker.call_user(self.fn, {self.fn.trigger_param: value},
                                             binding_data)
            except Exception as exc:
                log.warning("Executed 'Functions.%s' (blob %s/%s%s, Failed: %s: %s)", self.fn.name,
                            container, name, f", attempt {attempt}" if attempt else "",
                            type(exc).__name__, exc)
                raise
            log.info("Executed 'Functions.%s' (blob %s/%s, %.1f ms, Succeeded)", self.fn.name,
                     container, name, (time.perf_counter() - t0) * 1000)
            return True

    def _poison(self, container: str, name: str, etag: str) -> None:
        from azure.core.exceptions import ResourceExistsError
        from azure.storage.queue import QueueClient

        queue = QueueClient.from_connection_string(
            connection_string(self.fn.setting.get("connection")), POISON_QUEUE)
        with contextlib.suppress(ResourceExistsError):
            queue.create_queue()
        message = json.dumps({"Type": "blob", "FunctionId": f"Host.Functions.{self.fn.name}",
                              "BlobType": "BlockBlob", "ContainerName": container,
                              "BlobName": name, "ETag": etag})
        queue.send_message(base64.b64encode(message.encode()).decode())
        log.error("Blob %s/%s failed %d times in %s: sent to queue %s", container, name,
                  MAX_DEQUEUE, self.fn.name, POISON_QUEUE)


class BlobTriggers:
    """Every blob trigger of the app, and the Event Grid webhook's entry point."""

    def __init__(self, functions: list[FunctionInfo], invoker: Invoker, receipts: ReceiptStore,
                 poll_seconds: float) -> None:
        limit = asyncio.Semaphore(int(os.environ.get("DEVHOST_BLOB_CONCURRENCY", "8")))
        self.triggers: dict[str, BlobTrigger] = {}
        for fn in functions:
            try:
                self.triggers[fn.name.lower()] = BlobTrigger(fn, invoker, receipts, poll_seconds,
                                                             limit)
            except Exception as exc:
                log.error("Blob trigger %s disabled: %s", fn.name, exc)
        self._deliveries: set[asyncio.Task[None]] = set()

    def start(self) -> list[asyncio.Task[None]]:
        return [asyncio.create_task(t.scan()) for t in self.triggers.values()]

    def accept(self, function_id: str, events: list[BlobEvent]) -> bool:
        """Queue webhook events for `Host.Functions.<name>`; False if no such blob trigger (the
        extension accepts those too and drops them when their message is handled)."""
        name = function_id.removeprefix("Host.Functions.").lower()
        trigger = self.triggers.get(name)
        if trigger is None:
            log.warning("Blob webhook: no blob trigger named '%s'; %d event(s) dropped",
                        function_id, len(events))
            return False
        for event in events:
            task = asyncio.create_task(trigger.deliver(event))
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)
        return True
