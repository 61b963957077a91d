"""Queue triggers on Azure Storage queues (Azurite locally), as the queue extension runs them.

host.json `extensions.queues` is read with the extension's defaults: `batchSize` 16,
`newBatchThreshold` batchSize / 2, `maxPollingInterval` one minute (the poll interval starts at
100 ms and doubles while the queue stays empty, back to 100 ms when a message arrives),
`visibilityTimeout` 0 (a failed message is visible again after it), `maxDequeueCount` 5,
`messageEncoding` base64 (or none).

A message is received hidden for 10 minutes; success deletes it; a failure makes it visible again
after `visibilityTimeout`, unless it has been dequeued `maxDequeueCount` times: then it is copied
to `<queue>-poison` (content as received) and deleted. A message whose content is not valid
base64 under the base64 encoding fails like a failing function. The function gets the
`func.QueueMessage` the worker's converter builds (id, body, dequeue_count, insertion / expiration
/ next-visible times, pop_receipt). Checked against the docs ("Azure Queue storage trigger for
Azure Functions": poison messages, host.json settings) and the Python worker's
`QueueMessageInConverter`.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import contextlib
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from azure.functions import meta
from azure.functions.queue import QueueMessageInConverter

from ..app import FunctionInfo, resolve_settings
from ..bindings import connection_string
from . import Invoker

log = logging.getLogger("devhost")

MIN_POLL = 0.1
RECEIVE_VISIBILITY = 600  # seconds a message stays hidden while it is processed


def timespan_seconds(value: Any, default: float) -> float:
    """A host.json duration: a TimeSpan `hh:mm:ss[.fff]` (or `d.hh:mm:ss`) or milliseconds."""
    if value is None:
        return default
    if isinstance(value, int | float):
        return float(value) / 1000
    text = str(value).strip()
    days = 0
    if text.count(":") == 2 and "." in text.split(":")[0]:
        d, text = text.split(".", 1)
        days = int(d)
    parts = text.split(":")
    if len(parts) != 3:
        return float(text) / 1000
    hours, minutes, seconds = int(parts[0]), int(parts[1]), float(parts[2])
    return days * 86400 + hours * 3600 + minutes * 60 + seconds


@dataclass(frozen=True)
class QueueOptions:
    batch_size: int = 16
    new_batch_threshold: int = 8
    max_polling_interval: float = 60.0
    visibility_timeout: float = 0.0
    max_dequeue_count: int = 5
    message_encoding: str = "base64"

    @classmethod
    def from_host_json(cls, host_json: Mapping[str, Any]) -> QueueOptions:
        section = {k.lower(): v for k, v in
                   host_json.get("extensions", {}).get("queues", {}).items()}
        batch = int(section.get("batchsize", 16))
        return cls(batch_size=batch,
                   new_batch_threshold=int(section.get("newbatchthreshold", batch // 2)),
                   max_polling_interval=timespan_seconds(section.get("maxpollinginterval"), 60.0),
                   visibility_timeout=timespan_seconds(section.get("visibilitytimeout"), 0.0),
                   max_dequeue_count=int(section.get("maxdequeuecount", 5)),
                   message_encoding=str(section.get("messageencoding", "base64")).lower())


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class QueueTrigger:
    """One queue-triggered function."""

    def __init__(self, fn: FunctionInfo, invoker: Invoker, options: QueueOptions) -> None:
        from azure.storage.queue import QueueClient

        self.fn, self.invoker, self.options = fn, invoker, options
        setting = fn.setting
        self.queue_name = resolve_settings(str(setting["queueName"])).lower()
        conn = connection_string(setting.get("connection"))
        self.queue = QueueClient.from_connection_string(conn, self.queue_name)
        self.poison = QueueClient.from_connection_string(conn, f"{self.queue_name}-poison")
        self.running: set[asyncio.Task[None]] = set()

    def _receive(self, count: int) -> list[Any]:
        from azure.core.exceptions import ResourceExistsError

        with contextlib.suppress(ResourceExistsError):
            if not getattr(self, "_created", False):
                self.queue.create_queue()
        self._created = True
        return list(self.queue.receive_messages(messages_per_page=count, max_messages=count,
                                                visibility_timeout=RECEIVE_VISIBILITY))

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        interval, warned = MIN_POLL, False
        while True:
            free = self.options.batch_size - len(self.running)
            if len(self.running) > self.options.new_batch_threshold or free <= 0:
                await asyncio.wait(self.running, return_when=asyncio.FIRST_COMPLETED)
                continue
            try:
                messages = await loop.run_in_executor(None, self._receive, free)
                warned = False
            except Exception as exc:
                if not warned:
                    log.warning("Queue trigger %s cannot read queue '%s': %s", self.fn.name,
                                self.queue_name, type(exc).__name__)
                    warned = True
                messages = []
            for message in messages:
                task = asyncio.create_task(self._process(message))
                self.running.add(task)
                task.add_done_callback(self.running.discard)
            if messages:
                interval = MIN_POLL
                continue
            await asyncio.sleep(interval)
            interval = min(interval * 2, max(MIN_POLL, self.options.max_polling_interval))

    def _body(self, message: Any) -> meta.Datum:
        content = message.content
        raw = content.encode() if isinstance(content, str) else bytes(content)
        if self.options.message_encoding == "base64":
            try:
                raw = base64.b64decode(raw, validate=True)
            except binascii.Error as exc:
                raise ValueError("the message is not valid base64 (host.json "
                                 "extensions.queues.messageEncoding is base64)") from exc
        try:
            return meta.Datum(type="string", value=raw.decode("utf-8"))
        except UnicodeDecodeError:
            return meta.Datum(type="bytes", value=raw)

    def _message(self, message: Any, body: meta.Datum) -> Any:
        fields = {"Id": message.id, "PopReceipt": message.pop_receipt,
                  "InsertionTime": _iso(message.inserted_on),
                  "ExpirationTime": _iso(message.expires_on),
                  "NextVisibleTime": _iso(message.next_visible_on)}
        metadata = {k: meta.Datum(type="string", value=v) for k, v in fields.items() if v}
        metadata["DequeueCount"] = meta.Datum(type="int", value=int(message.dequeue_count))
        return QueueMessageInConverter.decode(body, trigger_metadata=metadata)

    @staticmethod
    def binding_data(msg: Any) -> dict[str, Any]:
        """`{QueueTrigger}`, `{Id}`, `{DequeueCount}` and, for a JSON object, its properties."""
        data: dict[str, Any] = {}
        with contextlib.suppress(ValueError, UnicodeDecodeError):
            body = json.loads(msg.get_body())
            if isinstance(body, dict):
                data.update(body)
        data.update({"QueueTrigger": msg.get_body().decode("utf-8", "replace"), "Id": msg.id,
                     "DequeueCount": msg.dequeue_count})
        return data

    async def _process(self, message: Any) -> None:
        loop = asyncio.get_running_loop()
        if message.dequeue_count > self.options.max_dequeue_count:
            await loop.run_in_executor(None, self._to_poison, message)  # e.g. a crash mid-run
            return
        t0 = time.perf_counter()
        try:
            msg = self._message(message, self._body(message))
            await self.invoker.call_user(self.fn, {self.fn.trigger_param: msg},
                                         self.binding_data(msg))
        except Exception as exc:
            log.warning("Executed 'Functions.%s' (queue %s, message %s, dequeue count %d, "
                        "Failed: %s: %s)", self.fn.name, self.queue_name, message.id,
                        message.dequeue_count, type(exc).__name__, exc)
            if message.dequeue_count >= self.options.max_dequeue_count:
                await loop.run_in_executor(None, self._to_poison, message)
            else:
                await loop.run_in_executor(None, self._release, message)
            return
        await loop.run_in_executor(None, self.queue.delete_message, message)
        log.info("Executed 'Functions.%s' (queue %s, message %s, %.1f ms, Succeeded)",
                 self.fn.name, self.queue_name, message.id, (time.perf_counter() - t0) * 1000)

    def _release(self, message: Any) -> None:
        self.queue.update_message(message,
                                  visibility_timeout=round(self.options.visibility_timeout))

    def _to_poison(self, message: Any) -> None:
        from azure.core.exceptions import ResourceExistsError

        with contextlib.suppress(ResourceExistsError):
            self.poison.create_queue()
        self.poison.send_message(message.content)
        self.queue.delete_message(message)
        log.error("Message %s on queue %s was dequeued %d times: moved to %s", message.id,
                  self.queue_name, message.dequeue_count, self.poison.queue_name)


def start_queues(functions: list[FunctionInfo], invoker: Invoker,
                 host_json: Mapping[str, Any]) -> list[asyncio.Task[None]]:
    options = QueueOptions.from_host_json(host_json)
    tasks = []
    for fn in functions:
        try:
            trigger = QueueTrigger(fn, invoker, options)
        except Exception as exc:
            log.error("Queue trigger %s disabled: %s", fn.name, exc)
            continue
        tasks.append(asyncio.create_task(trigger.run()))
    return tasks
