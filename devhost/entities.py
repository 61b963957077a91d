"""Durable entities: the entity dispatcher and the entities HTTP API.

An entity is addressed by its scheduler id `@name@key` (the SDK lower-cases the name, as the
Durable extension's `EntityId` does). Requests reach it through the same inbox as orchestration
events: from orchestrations (`call_entity`, `signal_entity`: an EventSent in the caller's history),
from clients (`signal_entity`, the HTTP API). One entity episode takes up to
`maxEntityOperationBatchSize` requests in arrival order and hands them to the SDK's entity handler
as one batch, in the shape the extension sends to out-of-process workers:

    {"self": {"name", "key"}, "state": <state JSON text or null>, "exists": bool,
     "batch": [{"name": op, "signal": bool, "input": <JSON text of the input, JSON-encoded>}]}

(the SDK's own tests encode an operation's input twice "as this is the extension behavior"). The
handler answers `{"entityExists", "entityState", "results": [{"isError", "result", ...}]}`; each
call (not signal) is answered with EventRaised(Name=request id, Input={"result": <JSON text>}),
plus `exceptionType` when the operation raised, which the SDK turns into an exception in the
orchestration. The new state, the consumed requests and the answers are one transaction, so a host
killed mid-batch runs that batch again from the old state: every request is applied exactly once.

The Python SDK has function-based entities only (no class-based entities, no critical sections:
`DurableOrchestrationContext` has no `lock`), and its entities cannot signal other entities
(`signals` is always empty), so this module implements exactly that.
"""

from __future__ import annotations

import base64
import json
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiohttp import web
from azure.functions import meta
from azure.functions.durable_functions import EnitityTriggerConverter

from . import history as h
from .app import FunctionInfo, LoadedApp
from .history import Json
from .store import EntityRow, Store

if TYPE_CHECKING:
    from .engine import EpisodeResult

log = logging.getLogger("devhost")

DEFAULT_BATCH_SIZE = 50


def is_entity_id(instance_id: str) -> bool:
    return instance_id.startswith("@")


def scheduler_id(name: str, key: str) -> str:
    """The SDK's `EntityId.get_scheduler_id`: `@` + lower-case name + `@` + key."""
    return f"@{name.lower()}@{key}"


def split_id(entity_id: str) -> tuple[str, str]:
    name, _, key = entity_id[1:].partition("@")
    return name, key


def request(operation: str, input_text: str | None, signal: bool, parent: str | None,
            parent_execution: str | None) -> Json:
    """A request message with the extension's field names (`RequestMessage`)."""
    return {"id": str(uuid.uuid4()), "op": operation, "signal": signal, "input": input_text,
            "parent": parent, "parentExecution": parent_execution}


@dataclass
class EntityBatch:
    """Requests taken from an entity's inbox, with the state they start from."""

    entity_id: str
    name: str
    key: str
    msg_ids: list[int]
    requests: list[Json]
    state: str | None
    fn: FunctionInfo | None
    started: float


@dataclass
class BatchOutcome:
    """What the entity function made of a batch: whether the entity exists afterwards, its
    state (JSON text), one result per request, and a batch-level error if the SDK raised."""

    exists: bool
    state: str | None
    results: list[Json]
    error: str | None


def _entity_name(fn: FunctionInfo) -> str:
    return getattr(fn.trigger, "entity_name", None) or fn.name


class EntityDispatcher:
    """Runs entity batches over the store; called from the orchestration dispatcher's thread."""

    def __init__(self, store: Store, app: LoadedApp, notify: Callable[[], None]) -> None:
        self.store = store
        self.notify = notify
        self.functions = {_entity_name(f).lower(): f for f in app.of_type("entityTrigger")}
        self.batch_size = int(app.durable_settings.get("maxEntityOperationBatchSize",
                                                       DEFAULT_BATCH_SIZE))

    def exists(self, name: str) -> bool:
        return name.lower() in self.functions

    # -- requests ------------------------------------------------------------------------------
    def post(self, db: Any, entity_id: str, req: Json) -> None:
        self.store.post(db, entity_id, {"request": req})

    def signal(self, name: str, key: str, operation: str, input_text: str | None) -> None:
        """A client signal: one-way, no answer."""
        with self.store.tx() as db:
            self.post(db, scheduler_id(name, key), request(operation, input_text, True, None, None))
        self.notify()

    def read(self, name: str, key: str) -> EntityRow | None:
        row = self.store.get_entity(scheduler_id(name, key))
        return row if row is not None and row.state is not None else None

    # -- batches -------------------------------------------------------------------------------
    def process(self, entity_id: str, now: float) -> EpisodeResult | None:
        """Run one batch of the entity's due requests, all on the calling thread."""
        batch = self.take(entity_id, now)
        return None if batch is None else self.commit(batch, self.run(batch))

    def take(self, entity_id: str, now: float) -> EntityBatch | None:
        """The next batch of due requests with the entity's state (store thread)."""
        msgs = self.store.due_messages(entity_id, now, self.batch_size)
        if not msgs:
            return None
        name, key = split_id(entity_id)
        row = self.store.get_entity(entity_id)
        return EntityBatch(entity_id, name, key, [m for m, _ in msgs],
                           [body["request"] for _, body in msgs], row.state if row else None,
                           self.functions.get(name), time.perf_counter())

    def run(self, batch: EntityBatch) -> BatchOutcome:
        """The user's entity function over the batch: touches no host state, so it may run on a
        worker thread while the host goes on serving."""
        if batch.fn is None:
            error = f"No entity function named '{batch.name}' was found."
            return BatchOutcome(batch.state is not None, batch.state,
                                [{"isError": True, "result": json.dumps(error)}
                                 for _ in batch.requests], error)
        return self._run_batch(batch.fn, batch.name, batch.key, batch.state, batch.requests)

    def commit(self, batch: EntityBatch, outcome: BatchOutcome) -> EpisodeResult:
        """New state, consumed requests and answers to callers in one transaction (store
        thread)."""
        from .engine import EpisodeResult

        responses = []
        for req, res in zip(batch.requests, outcome.results, strict=True):
            if req.get("signal") or not req.get("parent"):
                continue
            answer: Json = {"result": res.get("result")}
            if res.get("isError"):
                answer["exceptionType"] = "Exception"
            responses.append((req, h.event(h.EVENT_RAISED, Name=req["id"],
                                           Input=json.dumps(answer))))
        with self.store.tx() as db:
            self.store.delete_messages(db, batch.msg_ids)
            if outcome.exists:
                self.store.save_entity(db, EntityRow(batch.entity_id, batch.name, batch.key,
                                                     outcome.state, h.iso(h.utcnow())))
            else:
                self.store.delete_entity(db, batch.entity_id)
            for req, ev in responses:
                self.store.post(db, req["parent"],
                                {"execution_id": req.get("parentExecution"), "event": ev})
        self.notify()
        failed = sum(1 for r in outcome.results if r.get("isError"))
        status = "Succeeded" if not failed else f"{failed} operation(s) failed"
        return EpisodeResult(batch.entity_id, batch.fn.name if batch.fn else batch.name, status,
                             (time.perf_counter() - batch.started) * 1000, len(batch.requests),
                             outcome.error, kind="entity")

    def _run_batch(self, fn: FunctionInfo, name: str, key: str, state: str | None,
                   requests: list[Json]) -> BatchOutcome:
        ctx = {"self": {"name": name, "key": key}, "state": state, "exists": state is not None,
               "batch": [{"name": r["op"], "signal": bool(r.get("signal")),
                          "input": json.dumps(r["input"] if r.get("input") is not None
                                              else "null")} for r in requests]}
        context = EnitityTriggerConverter.decode(
            meta.Datum(type="string", value=json.dumps(ctx)), trigger_metadata=None)
        try:
            out = fn.user_function(context)
        except Exception as exc:  # the SDK lets only its internal errors escape a batch
            message = f"{type(exc).__name__}: {exc}"
            log.error("Entity %s@%s: the batch failed in the SDK: %s", name, key, message)
            return BatchOutcome(state is not None, state,
                                [{"isError": True, "result": json.dumps(message)}
                                 for _ in requests], message)
        data = json.loads(out) if isinstance(out, str) else out
        exists = bool(data.get("entityExists"))
        new_state = data.get("entityState") if exists else None
        return BatchOutcome(exists, new_state, list(data.get("results") or []), None)


class EntityApi:
    """`/entities/{name}/{key}` (GET state, POST signal with `op=`) and `/entities[/{name}]`
    (list), on the public listener and on the RPC endpoint the SDK's client calls."""

    def __init__(self, dispatcher: EntityDispatcher,
                 decode_body: Callable[[str], str | None]) -> None:
        self.dispatcher = dispatcher
        self.decode_body = decode_body

    def routes(self, prefix: str) -> list[web.RouteDef]:
        return [
            web.get(prefix + "/entities", self.list),
            web.get(prefix + "/entities/", self.list),
            web.get(prefix + "/entities/{name}", self.list),
            web.get(prefix + "/entities/{name}/{key}", self.get),
            web.post(prefix + "/entities/{name}/{key}", self.signal),
        ]

    def _unknown(self, name: str) -> web.Response:
        return web.json_response({"Message": f"No entity function named '{name}' was found."},
                                 status=404)

    async def get(self, request: web.Request) -> web.Response:
        name, key = request.match_info["name"], request.match_info["key"]
        if not self.dispatcher.exists(name):
            return self._unknown(name)
        row = self.dispatcher.read(name, key)
        if row is None:
            return web.Response(status=404)
        return web.Response(text=row.state or "null", content_type="application/json")

    async def signal(self, request: web.Request) -> web.Response:
        name, key = request.match_info["name"], request.match_info["key"]
        if not self.dispatcher.exists(name):
            return self._unknown(name)
        text = await request.text()
        try:
            input_text = self.decode_body(text)
        except ValueError:
            return web.json_response({"Message": "The request body is not valid JSON."},
                                     status=400)
        self.dispatcher.signal(name, key, request.query.get("op", ""), input_text)
        return web.Response(status=202)

    async def list(self, request: web.Request) -> web.Response:
        name = request.match_info.get("name")
        if name and not self.dispatcher.exists(name):
            return self._unknown(name)
        q = request.query
        token = request.headers.get("x-ms-continuation-token")
        offset = int(base64.b64decode(token).decode()) if token and token != "null" else 0
        top = int(q["top"]) if q.get("top") else None
        fetch_state = q.get("fetchState", "false").lower() == "true"
        rows = self.dispatcher.store.query_entities(
            name.lower() if name else None,
            h.iso(h.parse_iso(q["lastOperationTimeFrom"])) if q.get("lastOperationTimeFrom")
            else None,
            h.iso(h.parse_iso(q["lastOperationTimeTo"])) if q.get("lastOperationTimeTo") else None,
            offset, top)
        body = []
        for row in rows:
            if row.state is None:
                continue
            item: Json = {"entityId": {"name": row.name, "key": row.key},
                                    "lastOperationTime": row.last_operation_time[:19] + "Z"}
            if fetch_state:
                item["state"] = h.load_json(row.state)
            body.append(item)
        headers = {}
        if top is not None and len(rows) == top:
            headers["x-ms-continuation-token"] = base64.b64encode(
                str(offset + top).encode()).decode()
        return web.json_response(body, headers=headers)
