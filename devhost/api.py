"""HTTP listeners: the Durable HTTP API (public, key-protected; and the loopback RPC endpoint the
SDK's client calls), the blob extension's Event Grid webhook, and the app's HTTP triggers.

Each handler gets narrow collaborators (the engine and store for the Durable API, an `Invoker`
for HTTP triggers, the blob triggers for the webhook, a `KeyPolicy`), never the whole host.

Durable HTTP API answers follow the Durable extension's `HttpApiHandler` (azure-functions-durable-
extension, src/WebJobs.Extensions.DurableTask/HttpApiHandler.cs): 202 with `Location` and
`Retry-After: 10` for a start (`CreateCheckStatusResponseMessage`); `timeout` and
`pollingInterval` (seconds) make a start wait (`WaitForCompletionOrCreateCheckStatusResponseAsync`):
200 with the output when it completed, the status when it failed or was terminated, 202 after
the timeout; a status of a running instance is 202 with `Location` (the request's URL) and
`Retry-After: 5`; a failed one is 200, or 500 with `returnInternalServerErrorOnFailure=true`; a body
that is not JSON is 400 "Invalid JSON content"; raise-event takes `application/json` only; a
missing instance is 404 and a finished one 410, both with an empty body.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Protocol

import azure.functions as func
from aiohttp import web

from .app import FunctionInfo, route_regex
from .engine import (
    Engine,
    InstanceExists,
    InstanceGone,
    InstanceNotFound,
    instance_status,
    parse_time_arg,
)
from .entities import EntityApi
from .keys import Keys
from .store import TERMINAL, Store
from .triggers import Invoker
from .triggers.blob import BlobTriggers, EventError, parse_events, validation_code

log = logging.getLogger("devhost")

DURABLE_PUBLIC = "/runtime/webhooks/durabletask"
DURABLE_RPC = "/durabletask"
BLOBS_WEBHOOK = "/runtime/webhooks/blobs"
START_RETRY_AFTER = "10"
STATUS_RETRY_AFTER = "5"


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(text=json.dumps(body), status=status, content_type="application/json",
                        headers=headers)


def _empty(status: int) -> web.Response:
    return web.Response(status=status)


def _invalid_json(exc: ValueError) -> web.Response:
    return _json({"Message": "Invalid JSON content", "ExceptionMessage": str(exc)}, 400)


def _conflict(exc: InstanceExists) -> web.Response:
    return _json({"Message": "An instance with this ID already exists",
                  "ExceptionMessage": str(exc)}, 409)


def _decode_body(text: str) -> str | None:
    """Orchestration input / event payload as JSON text; ValueError when it is not JSON.

    The SDK's client sends a JSON string holding JSON (encoded twice); other callers send JSON.
    """
    if not text.strip():
        return None
    value = json.loads(text)
    if isinstance(value, str):
        try:
            json.loads(value)
            return value
        except ValueError:
            return json.dumps(value)
    return json.dumps(value)


def _seconds(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class KeyPolicy:
    """Which key a request must present (`code=` or `x-functions-key`) for a level."""
    keys: Keys
    enforce: bool

    def allows(self, level: str, request: web.Request) -> bool:
        if not self.enforce:
            return True
        key = request.query.get("code") or request.headers.get("x-functions-key")
        return self.keys.allows(level, key)


class Urls(Protocol):
    def management_payload(self, instance_id: str,
                           base_url: str | None = None) -> dict[str, str]: ...


class DurableApi:
    """The Durable HTTP API; `policy` None on the loopback RPC listener (no keys there)."""

    def __init__(self, engine: Engine, store: Store, urls: Urls,
                 policy: KeyPolicy | None) -> None:
        self.engine, self.store, self.urls, self.policy = engine, store, urls, policy
        self.public = policy is not None

    def routes(self, prefix: str) -> list[web.RouteDef]:
        return [
            web.post(prefix + "/orchestrators/{name}", self.start),
            web.post(prefix + "/orchestrators/{name}/{instance_id}", self.start),
            web.get(prefix + "/instances", self.list),
            web.get(prefix + "/instances/", self.list),
            web.delete(prefix + "/instances", self.purge_many),
            web.delete(prefix + "/instances/", self.purge_many),
            web.get(prefix + "/instances/{instance_id}", self.status),
            web.delete(prefix + "/instances/{instance_id}", self.purge),
            web.post(prefix + "/instances/{instance_id}/raiseEvent/{event}", self.raise_event),
            web.post(prefix + "/instances/{instance_id}/{op}", self.operation),
            *EntityApi(self.engine.entities, _decode_body).routes(prefix),
        ]

    @web.middleware
    async def guard(self, request: web.Request,
                    handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                    ) -> web.StreamResponse:
        if self.policy is not None and request.path.startswith(DURABLE_PUBLIC) \
                and not self.policy.allows("system", request):
            return _json({"error": "Unauthorized: a valid system key (code=) is required"}, 401)
        return await handler(request)

    def _base_url(self, request: web.Request) -> str | None:
        return f"{request.scheme}://{request.host}" if self.public else None

    def _check_status(self, instance_id: str, request: web.Request) -> web.Response:
        payload = self.urls.management_payload(instance_id, self._base_url(request))
        return _json(payload, 202, {"Location": payload["statusQueryGetUri"],
                                    "Retry-After": START_RETRY_AFTER})

    async def _wait_or_check_status(self, instance_id: str, request: web.Request) -> web.Response:
        """Create-and-wait when `timeout` and `pollingInterval` are given, else 202 at once."""
        timeout = _seconds(request.query.get("timeout"))
        interval = _seconds(request.query.get("pollingInterval"))
        if timeout is None or interval is None:
            return self._check_status(instance_id, request)
        if interval > timeout:
            return _json({"Message": f"Total timeout {timeout} should be bigger than retry "
                                     f"timeout {interval}"}, 400)
        deadline = time.monotonic() + timeout
        while True:
            inst = self.store.get(instance_id)
            if inst is not None and inst.status in TERMINAL:
                if inst.status == "Completed":
                    return web.Response(text=inst.output or "null", status=200,
                                        content_type="application/json")
                return self._status_response(inst, request, fail_500=False)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return self._check_status(instance_id, request)
            await asyncio.sleep(min(interval, remaining))

    async def start(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if not any(n.lower() == name.lower() for n in self.engine.orchestrators):
            return _json({"Message": "Something went wrong while processing your request",
                          "ExceptionMessage": f"The function '{name}' doesn't exist, is disabled, "
                                              "or is not an orchestrator function."}, 400)
        try:
            input_text = _decode_body(await request.text())
        except ValueError as exc:
            return _invalid_json(exc)
        try:
            inst = self.engine.start_new(name, request.match_info.get("instance_id"), input_text,
                                         request.query.get("version"))
        except InstanceExists as exc:
            return _conflict(exc)
        return await self._wait_or_check_status(inst.instance_id, request)

    def _status_response(self, inst: Any, request: web.Request,
                         fail_500: bool | None = None) -> web.Response:
        q = request.query
        body = instance_status(inst, self.store,
                               show_input=q.get("showInput", "true").lower() != "false",
                               show_history=q.get("showHistory", "").lower() == "true",
                               show_history_output=q.get("showHistoryOutput", "").lower() == "true")
        if inst.status not in TERMINAL:
            return _json(body, 202, {"Location": str(request.url),
                                     "Retry-After": STATUS_RETRY_AFTER})
        if fail_500 is None:
            fail_500 = q.get("returnInternalServerErrorOnFailure", "").lower() == "true"
        return _json(body, 500 if fail_500 and inst.status == "Failed" else 200)

    async def status(self, request: web.Request) -> web.Response:
        inst = self.store.get(request.match_info["instance_id"])
        if inst is None:
            return _empty(404)
        return self._status_response(inst, request)

    def _filters(self, request: web.Request) -> dict[str, Any]:
        q = request.query
        statuses = [s for s in q.get("runtimeStatus", "").split(",") if s]
        return {"statuses": statuses or None,
                "created_from": parse_time_arg(q.get("createdTimeFrom")),
                "created_to": parse_time_arg(q.get("createdTimeTo")),
                "prefix": q.get("instanceIdPrefix") or None}

    async def list(self, request: web.Request) -> web.Response:
        token = request.headers.get("x-ms-continuation-token")
        offset = int(base64.b64decode(token).decode()) if token and token != "null" else 0
        top = int(request.query["top"]) if request.query.get("top") else None
        rows = self.store.query(offset=offset, limit=top, **self._filters(request))
        show_input = request.query.get("showInput", "false").lower() == "true"
        body = [instance_status(r, self.store, show_input=show_input) for r in rows]
        headers = {}
        if top is not None and len(rows) == top:
            headers["x-ms-continuation-token"] = base64.b64encode(
                str(offset + top).encode()).decode()
        return _json(body, 200, headers)

    async def purge(self, request: web.Request) -> web.Response:
        n = self.engine.purge(request.match_info["instance_id"])
        return _json({"instancesDeleted": n}, 200) if n else _empty(404)

    async def purge_many(self, request: web.Request) -> web.Response:
        filters = self._filters(request)
        rows = self.store.query(offset=0, limit=None, **filters)
        n = sum(self.engine.purge(r.instance_id) for r in rows if r.status in TERMINAL)
        return _json({"instancesDeleted": n}, 200) if n else _empty(404)

    async def raise_event(self, request: web.Request) -> web.Response:
        iid = request.match_info["instance_id"]
        inst = self.store.get(iid)
        if inst is None:
            return _empty(404)
        if inst.status in TERMINAL:
            return _empty(410)
        if request.content_type.lower() != "application/json":
            return _json({"Message": "Only application/json request content is supported"}, 400)
        try:
            payload = _decode_body(await request.text())
        except ValueError as exc:
            return _invalid_json(exc)
        try:
            self.engine.raise_event(iid, request.match_info["event"], payload)
        except InstanceNotFound:
            return _empty(404)
        except InstanceGone:
            return _empty(410)
        except InstanceExists as exc:
            return _conflict(exc)
        return _empty(202)

    async def operation(self, request: web.Request) -> web.Response:
        engine, iid = self.engine, request.match_info["instance_id"]
        op, reason = request.match_info["op"], request.query.get("reason", "")
        try:
            if op == "terminate":
                engine.terminate(iid, reason)
            elif op == "suspend":
                engine.suspend(iid, reason)
            elif op == "resume":
                engine.resume(iid, reason)
            elif op == "rewind":
                engine.rewind(iid, reason)
            elif op == "restart":
                new_id = request.query.get("restartWithNewInstanceId", "true").lower() != "false"
                inst = engine.restart(iid, new_id)
                return await self._wait_or_check_status(inst.instance_id, request)
            else:
                return _empty(404)
        except InstanceNotFound:
            return _empty(404)
        except InstanceGone:
            return _empty(410)
        except InstanceExists as exc:
            return _conflict(exc)
        return _empty(202)


class BlobWebhook:
    """The blob extension's Event Grid endpoint, `/runtime/webhooks/blobs?functionName=...`.

    As the extension's `HttpRequestProcessor` does, it dispatches on the `aeg-event-type` header:
    `SubscriptionValidation` answers 200 `{"validationResponse": code}`, `Notification` queues
    each event (an Event Grid schema array or one CloudEvent) and answers 202, `Unsubscribe` 202,
    anything else 400. A CloudEvents abuse-protection `OPTIONS` request is answered with
    `WebHook-Allowed-Origin`. With keys enforced it takes the `blobs_extension` system key.
    """

    def __init__(self, triggers: BlobTriggers, policy: KeyPolicy) -> None:
        self.triggers, self.policy = triggers, policy

    def routes(self) -> list[web.RouteDef]:
        return [web.post(BLOBS_WEBHOOK, self.handle), web.options(BLOBS_WEBHOOK, self.options)]

    def _authorized(self, request: web.Request) -> bool:
        return self.policy.allows("blobs_extension", request)

    async def options(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.Response(status=401)
        origin = request.headers.get("WebHook-Request-Origin", "*")
        return web.Response(status=200, headers={"WebHook-Allowed-Origin": origin,
                                                 "WebHook-Allowed-Rate": "*"})

    async def handle(self, request: web.Request) -> web.Response:
        if not self._authorized(request):
            return web.Response(status=401)
        kind = request.headers.get("aeg-event-type", "").lower()
        function_id = request.query.get("functionName", "")
        try:
            body = json.loads(await request.text())
        except ValueError:
            return _json({"error": "the request body is not JSON"}, 400)
        try:
            if kind == "subscriptionvalidation":
                code = validation_code(body)
                log.info("Blob webhook: handshake with Event Grid for function %s", function_id)
                return _json({"validationResponse": code}, 200)
            if kind == "notification":
                self.triggers.accept(function_id, parse_events(body))
                return web.Response(status=202)
        except (EventError, KeyError, TypeError, IndexError, ValueError) as exc:
            return _json({"error": f"not an Event Grid blob event: {exc}"}, 400)
        return web.Response(status=202 if kind == "unsubscribe" else 400)


class HttpTriggers:
    """The app's HTTP-triggered functions under /{routePrefix}/, routes matched ignoring case as
    ASP.NET routing does in Azure. `func.HttpResponse` bodies are sent as the worker sends them:
    text types with their charset (`text/plain; charset=utf-8`)."""

    def __init__(self, functions: list[FunctionInfo], route_prefix: str, invoker: Invoker,
                 policy: KeyPolicy) -> None:
        self.invoker, self.policy = invoker, policy
        self.prefix = "/" + route_prefix if route_prefix else ""
        self.table = []
        for fn in functions:
            route = getattr(fn.trigger, "route", None) or fn.name
            methods = {str(getattr(m, "value", m)).upper() for m in (fn.trigger.methods or [])}
            level = getattr(fn.trigger.auth_level, "value", fn.trigger.auth_level) or "function"
            self.table.append((route_regex(route), methods, str(level).lower(), fn))
        # Literal segments win over parameters, as in ASP.NET routing (calls/replay before
        # calls/{id}).
        self.table.sort(key=lambda row: row[0].pattern.count("(?P<"))

    def owns(self, path: str) -> bool:
        lowered, prefix = path.lower(), self.prefix.lower()
        return not prefix or lowered == prefix or lowered.startswith(prefix + "/")

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if not self.owns(request.path):
            return _empty(404)
        tail = request.path[len(self.prefix):].lstrip("/")
        path_matched = False
        for pattern, methods, level, fn in self.table:
            m = pattern.match(tail)
            if not m:
                continue
            path_matched = True
            if methods and request.method not in methods:
                continue
            if not self.policy.allows(level, request):
                return _empty(401)
            return await self._invoke(fn, request, {k: v for k, v in m.groupdict().items()
                                                    if v is not None})
        return _empty(405 if path_matched else 404)

    async def _invoke(self, fn: FunctionInfo, request: web.Request,
                      route_params: dict[str, str]) -> web.StreamResponse:
        body = await request.read()
        req = func.HttpRequest(method=request.method, url=str(request.url),
                               headers=dict(request.headers), params=dict(request.query),
                               route_params=route_params, body=body)
        t0 = time.perf_counter()
        try:
            out = await self.invoker.call_user(fn, {fn.trigger_param: req},
                                               {**dict(request.query), **route_params})
        except Exception as exc:
            log.exception("Executed 'Functions.%s' (http, Failed: %s)", fn.name, exc)
            return _empty(500)
        ms = (time.perf_counter() - t0) * 1000
        resp = http_response(out)
        log.info("Executed 'Functions.%s' (http %s, %.1f ms, Succeeded, status %d)", fn.name,
                 request.method, ms, resp.status)
        return resp


def http_response(out: Any) -> web.Response:
    """The HTTP answer for a function's return value, as the worker's HTTP converter encodes it."""
    if isinstance(out, func.HttpResponse):
        resp = web.Response(body=out.get_body(), status=out.status_code)
        headers = dict(out.headers.items())
        for k, v in headers.items():
            resp.headers[k] = v
        if out.mimetype and "content-type" not in {k.lower() for k in headers}:
            resp.headers["Content-Type"] = (f"{out.mimetype}; charset={out.charset}"
                                            if out.mimetype.startswith("text/") else out.mimetype)
        return resp
    if out is None:
        return _empty(204)
    return web.Response(text=out if isinstance(out, str) else json.dumps(out))


def public_app(durable: DurableApi, blobs: BlobWebhook, triggers: HttpTriggers,
               function_names: list[str]) -> web.Application:
    app = web.Application(middlewares=[durable.guard], client_max_size=1024**3)
    app.add_routes(durable.routes(DURABLE_PUBLIC))
    app.add_routes(blobs.routes())

    async def host_status(_: web.Request) -> web.Response:
        return _json({"state": "Running", "version": "devhost", "functions": function_names})

    app.add_routes([web.get("/admin/host/status", host_status),
                    web.route("*", "/{tail:.*}", triggers.handle)])
    return app


def rpc_app(durable: DurableApi) -> web.Application:
    app = web.Application(client_max_size=1024**3)
    app.add_routes(durable.routes(DURABLE_RPC))
    return app


async def serve(listeners: list[tuple[web.Application, str, int]]) -> list[web.AppRunner]:
    runners = []
    for app, bind, port in listeners:
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, bind, port).start()
        except OSError as exc:
            raise SystemExit(f"devhost: cannot listen on {bind}:{port}: {exc.strerror} "
                             "(is another host running? pick another --port)") from exc
        runners.append(runner)
    return runners
