"""The host process: dispatchers for orchestrations and activities, the worker, the listeners.

Like Azure's split between the Functions host and the language worker, user code runs apart from
the host's own loop: async functions on a dedicated worker event loop (one thread), sync functions
on a thread pool bounded by host.json `maxConcurrentActivityFunctions`.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import json
import logging
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from azure.functions import meta
from azure.functions.durable_functions import ActivityTriggerConverter

from . import api
from .app import FunctionInfo, LoadedApp, load_app
from .bindings import resolve_inputs
from .engine import HTTP_ACTIVITY, Engine, EpisodeResult, describe_failure
from .entities import is_entity_id
from .keys import Keys
from .store import Store
from .triggers.blob import BlobTriggers
from .triggers.queue import start_queues
from .triggers.timer import start_timers

log = logging.getLogger("devhost")

# Seconds a completion may wait while its fan-out still has activities running: at least
# BATCH_WINDOW, three times the instance's last episode, at most MAX_BATCH_WINDOW.
BATCH_WINDOW = 0.02
MAX_BATCH_WINDOW = 0.5



def default_rpc_port(port: int) -> int:
    """The SDK's RPC endpoint: port + 10000 while that is a port, else a free loopback port (a
    host on an ephemeral port above 55535 has no port + 10000)."""
    if port + 10000 <= 65535:
        return port + 10000
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])

@dataclass
class HostOptions:
    app_dir: Path
    port: int = 7071
    host: str = "127.0.0.1"
    data_dir: Path | None = None
    rpc_port: int | None = None
    require_keys: bool = False
    blob_poll_seconds: float = 1.0

    @property
    def loopback(self) -> bool:
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return self.host == "localhost"


class Host:
    """Everything one `python -m devhost start` runs."""

    def __init__(self, options: HostOptions) -> None:
        self.options = options
        self.app: LoadedApp = load_app(options.app_dir)
        self.data_dir = (options.data_dir or self.app.app_dir / ".devhost").resolve()
        self.store = Store(self.data_dir / "durable.sqlite")
        self.keys = Keys.load_or_create(self.data_dir)
        self.enforce_keys = options.require_keys or not options.loopback
        self.rpc_port = options.rpc_port or default_rpc_port(options.port)
        durable = self.app.durable_settings
        default_concurrency = 10 * (os.cpu_count() or 1)
        self.max_activities = int(durable.get("maxConcurrentActivityFunctions",
                                              default_concurrency))
        self.pool = ThreadPoolExecutor(max_workers=self.max_activities,
                                       thread_name_prefix="activity")
        self.worker_loop = asyncio.new_event_loop()
        self._worker_thread = threading.Thread(target=self.worker_loop.run_forever,
                                               name="worker-loop", daemon=True)
        self._wake_orch = asyncio.Event()
        self._wake_work = asyncio.Event()
        self._running_work: set[int] = set()
        self._activity_tasks: set[asyncio.Task[None]] = set()
        self.engine = Engine(self.store, self.app, self._notify)
        self.stopping = asyncio.Event()

    # -- wiring ---------------------------------------------------------------------------------
    def _notify(self) -> None:
        self._wake_orch.set()
        self._wake_work.set()

    @property
    def public_base(self) -> str:
        host = "127.0.0.1" if self.options.host in ("0.0.0.0", "::") else self.options.host
        return f"http://{host}:{self.options.port}"

    def client_binding(self, task_hub: str | None = None) -> str:
        """The durable client binding JSON the extension hands to client functions."""
        hub = task_hub or self.app.hub_name
        base = f"{self.public_base}/runtime/webhooks/durabletask"
        query = f"taskHub={hub}&connection=Storage"
        if self.enforce_keys:
            query += f"&code={self.keys.system}"
        mgmt = f"{base}/instances/INSTANCEID"
        start = f"{base}/orchestrators/{{functionName}}[/{{instanceId}}]"
        return json.dumps({
            "taskHubName": hub,
            "creationUrls": {
                "createNewInstancePostUri": f"{start}?{query}",
                "createAndWaitOnNewInstancePostUri": f"{start}?timeout={{timeoutInSeconds}}"
                                                     f"&pollingInterval={{intervalInSeconds}}"
                                                     f"&{query}",
            },
            "managementUrls": {
                "id": "INSTANCEID",
                "statusQueryGetUri": f"{mgmt}?{query}",
                "sendEventPostUri": f"{mgmt}/raiseEvent/{{eventName}}?{query}",
                "terminatePostUri": f"{mgmt}/terminate?reason={{text}}&{query}",
                "rewindPostUri": f"{mgmt}/rewind?reason={{text}}&{query}",
                "purgeHistoryDeleteUri": f"{mgmt}?{query}",
                "restartPostUri": f"{mgmt}/restart?{query}",
                "suspendPostUri": f"{mgmt}/suspend?reason={{text}}&{query}",
                "resumePostUri": f"{mgmt}/resume?reason={{text}}&{query}",
            },
            "baseUrl": base,
            "requiredQueryStringParameters": query,
            "rpcBaseUrl": f"http://127.0.0.1:{self.rpc_port}/durabletask/",
            "httpBaseUrl": "",
            "maxGrpcMessageSizeInBytes": 0,
            "grpcHttpClientTimeout": "00:01:40",
        })

    def management_payload(self, instance_id: str, base_url: str | None = None) -> dict:
        urls = json.loads(self.client_binding())["managementUrls"]
        payload = {k: v.replace("INSTANCEID", instance_id) for k, v in urls.items()}
        if base_url:
            payload = {k: v.replace(self.public_base, base_url) for k, v in payload.items()}
        return payload

    # -- invoking user code ----------------------------------------------------------------------
    async def call_user(self, fn: FunctionInfo, kwargs: dict[str, Any],
                        binding_data: dict[str, Any] | None = None) -> Any:
        """Run a user function the way the worker does: async on the worker loop, sync on the pool.

        Input bindings (blob inputs, SDK types) are resolved first from `binding_data`."""
        if fn.client_param:
            kwargs[fn.client_param] = self.client_binding(fn.client_task_hub)
        if fn.inputs:
            inputs = await asyncio.get_running_loop().run_in_executor(
                None, resolve_inputs, fn, binding_data or {})
            kwargs.update(inputs)
        kwargs = {k: v for k, v in kwargs.items() if k in fn.parameters or k == fn.client_param}
        if fn.is_async:
            fut = asyncio.run_coroutine_threadsafe(fn.user_function(**kwargs), self.worker_loop)
            return await asyncio.wrap_future(fut)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, functools.partial(fn.user_function, **kwargs))

    # -- dispatchers ----------------------------------------------------------------------------
    async def _orchestration_dispatcher(self) -> None:
        last_episode: dict[str, tuple[float, float]] = {}  # instance -> (ended at, took seconds)
        while not self.stopping.is_set():
            self._wake_orch.clear()
            now = time.time()
            due = self.store.due_instances(now)
            deferred = 0.0
            for instance_id in due:
                # While a fan-out still has activities running, gather their completions into
                # fewer episodes (each replays the whole history) instead of one per completion.
                # The window grows with the cost of a replay, so replays stay a small share.
                ended, took = last_episode.get(instance_id, (0.0, 0.0))
                window = min(MAX_BATCH_WINDOW, max(BATCH_WINDOW, 3 * took))
                since = now - ended
                if since < window and self.store.outstanding_work(instance_id):
                    deferred = max(deferred, window - since)
                    continue
                t0 = time.perf_counter()
                try:
                    if is_entity_id(instance_id):
                        result = await self._entity_episode(instance_id)
                    else:
                        result = self.engine.process(instance_id)
                except Exception:
                    log.exception("Episode of instance %s failed in the host", instance_id)
                    result = None
                last_episode[instance_id] = (time.time(), time.perf_counter() - t0)
                if result is not None:
                    outcome = result.status
                    if result.error:
                        outcome += f" ({result.error.splitlines()[0]})"
                    log.info("Executed 'Functions.%s' (%s, instance=%s, %.1f ms, %s, %d %s)",
                             result.name, result.kind, result.instance_id, result.duration_ms,
                             outcome, result.new_work, "new activities"
                             if result.kind == "orchestrator" else "operations")
                await asyncio.sleep(0)
            if due and not deferred:
                continue
            if len(last_episode) > 10_000:
                last_episode.clear()
            nxt = self.store.next_due()
            timeout = None if nxt is None else max(0.0, nxt - time.time()) + 0.001
            if deferred:
                timeout = deferred  # due messages of deferred instances must not spin the loop
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake_orch.wait(), timeout)

    async def _entity_episode(self, entity_id: str) -> EpisodeResult | None:
        """An entity batch: the store read and the commit here, the user's entity function on
        the worker pool, so the host keeps serving while a slow operation runs."""
        entities = self.engine.entities
        batch = entities.take(entity_id, time.time())
        if batch is None:
            return None
        outcome = await asyncio.get_running_loop().run_in_executor(self.pool, entities.run, batch)
        return entities.commit(batch, outcome)

    async def _activity_dispatcher(self) -> None:
        while not self.stopping.is_set():
            self._wake_work.clear()
            free = self.max_activities - len(self._running_work)
            if free > 0:
                for row in self.store.pending_work(self._running_work, free):
                    self._running_work.add(row["work_id"])
                    task = asyncio.create_task(self._run_activity(row))
                    self._activity_tasks.add(task)  # a reference, so the task is not collected
                    task.add_done_callback(self._activity_tasks.discard)
            await self._wake_work.wait()

    async def _run_activity(self, row: Any) -> None:
        name, t0 = row["name"], time.perf_counter()
        failure, result = None, None
        try:
            if name == HTTP_ACTIVITY:
                result = await asyncio.get_running_loop().run_in_executor(
                    self.pool, call_http, row["input"])
            else:
                fn = self.engine.activities.get(name)
                if fn is None:
                    raise LookupError(f"The function '{name}' doesn't exist, is disabled, or is "
                                      "not an activity function.")
                value = ActivityTriggerConverter.decode(
                    meta.Datum(type="json", value=row["input"] or "null"), trigger_metadata=None)
                out = await self.call_user(fn, {fn.trigger_param: value})
                result = ActivityTriggerConverter.encode(out, expected_type=None).value
        except Exception as exc:
            failure = describe_failure(name, exc)
        ms = (time.perf_counter() - t0) * 1000
        recorded = self.engine.complete_work(row, result, failure)
        outcome = "Succeeded" if failure is None else f"Failed: {failure[0]}"
        log.info("Executed 'Functions.%s' (activity, instance=%s, task=%d, %.1f ms, %s%s)", name,
                 row["instance_id"], row["task_id"], ms, outcome,
                 "" if recorded else ", result dropped: instance gone")
        self._running_work.discard(row["work_id"])
        self._wake_work.set()

    # -- lifecycle ------------------------------------------------------------------------------
    async def run(self, ready: Callable[[], Awaitable[None]] | None = None) -> None:
        self._worker_thread.start()
        blob_triggers = BlobTriggers(self.app.of_type("blobTrigger"), self, self.store,
                                     self.options.blob_poll_seconds)
        policy = api.KeyPolicy(self.keys, self.enforce_keys)
        public = api.public_app(
            api.DurableApi(self.engine, self.store, self, policy),
            api.BlobWebhook(blob_triggers, policy),
            api.HttpTriggers(self.app.of_type("httpTrigger"), self.app.route_prefix, self, policy),
            sorted(self.app.functions))
        rpc = api.rpc_app(api.DurableApi(self.engine, self.store, self, None))
        runners = await api.serve([(public, self.options.host, self.options.port),
                                   (rpc, "127.0.0.1", self.rpc_port)])
        tasks = [asyncio.create_task(self._orchestration_dispatcher()),
                 asyncio.create_task(self._activity_dispatcher())]
        tasks += blob_triggers.start()
        tasks += start_timers(self.app.of_type("timerTrigger"), self, self.data_dir / "timers")
        tasks += start_queues(self.app.of_type("queueTrigger"), self, self.app.host_json)
        names = ", ".join(f"{f.name} [{f.trigger_type}]" for f in self.app.functions.values())
        log.info("Host started on %s (rpc 127.0.0.1:%d, data %s, keys %s). Functions: %s",
                 self.public_base, self.rpc_port, self.data_dir,
                 "enforced" if self.enforce_keys else "not enforced on loopback", names)
        if ready:
            await ready()
        await self.stopping.wait()
        for task in tasks:
            task.cancel()
        for runner in runners:
            await runner.cleanup()
        self.worker_loop.call_soon_threadsafe(self.worker_loop.stop)
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.store.close()


def call_http(request_json: str) -> str:
    """The built-in activity behind `context.call_http` (a plain HTTP call, result as the SDK
    reads it)."""
    req = json.loads(request_json)
    data = req.get("content")
    request = urllib.request.Request(req["uri"], method=req.get("method", "GET"),
                                     data=data.encode() if isinstance(data, str) else None,
                                     headers=req.get("headers") or {})
    try:
        with urllib.request.urlopen(request, timeout=100) as resp:
            body, status, headers = resp.read().decode(), resp.status, dict(resp.headers)
    except urllib.error.HTTPError as err:
        body, status, headers = err.read().decode(), err.code, dict(err.headers)
    return json.dumps({"statusCode": status, "content": body, "headers": headers})
