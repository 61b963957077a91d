"""HTTP listeners: the Durable HTTP API (public, key-protected; and the loopback RPC endpoint the
SDK's client calls) and the app's HTTP triggers under /api."""

from __future__ import annotations

import base64
import json
import logging
import time
from typing import TYPE_CHECKING, Any

import azure.functions as func
from aiohttp import web

from .app import route_regex
from .engine import InstanceGone, InstanceNotFound, instance_status, parse_time_arg
from .keys import Keys
from .store import TERMINAL
from .triggers.blob import BlobTriggers, EventError, parse_events, validation_code

if TYPE_CHECKING:
    from .runtime import Host

log = logging.getLogger("devhost")

DURABLE_PUBLIC = "/runtime/webhooks/durabletask"
DURABLE_RPC = "/durabletask"
BLOBS_WEBHOOK = "/runtime/webhooks/blobs"


def _json(body: Any, status: int = 200, headers: dict | None = None) -> web.Response:
    return web.Response(text=json.dumps(body), status=status, content_type="application/json",
                        headers=headers)


def _decode_body(text: str) -> str | None:
    """Orchestration input / event payload as JSON text.

    The SDK's client sends a JSON string holding JSON (encoded twice); other callers send JSON.
    """
    if not text.strip():
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return json.dumps(text)
    if isinstance(value, str):
        try:
            json.loads(value)
            return value
        except ValueError:
            return json.dumps(value)
    return json.dumps(value)


class DurableApi:
    """Handlers shared by the public and the RPC listener."""

    def __init__(self, host: Host, public: bool) -> None:
        self.host = host
        self.public = public

    def _authorized(self, request: web.Request) -> bool:
        if not self.public or not self.host.enforce_keys:
            return True
        key = request.query.get("code") or request.headers.get("x-functions-key")
        return self.host.keys.allows("system", key)

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
        ]

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        path = request.path
        if (path.startswith(DURABLE_PUBLIC) or path.startswith(DURABLE_RPC)) \
                and not self._authorized(request):
            return _json({"error": "Unauthorized: a valid system key (code=) is required"}, 401)
        return await handler(request)

    def _base_url(self, request: web.Request) -> str | None:
        return f"{request.scheme}://{request.host}" if self.public else None

    async def start(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in self.host.engine.orchestrators:
            return _json({"Message": "Something went wrong while processing your request",
                          "ExceptionMessage": f"The function '{name}' doesn't exist, is disabled, "
                                              "or is not an orchestrator function."}, 400)
        input_text = _decode_body(await request.text())
        inst = self.host.engine.start_new(name, request.match_info.get("instance_id"), input_text,
                                          request.query.get("version"))
        payload = self.host.management_payload(inst.instance_id, self._base_url(request))
        return _json(payload, 202, {"Location": payload["statusQueryGetUri"], "Retry-After": "1"})

    async def status(self, request: web.Request) -> web.Response:
        inst = self.host.store.get(request.match_info["instance_id"])
        if inst is None:
            return _json({}, 404)
        q = request.query
        body = instance_status(inst, self.host.store,
                               show_input=q.get("showInput", "true").lower() != "false",
                               show_history=q.get("showHistory", "").lower() == "true",
                               show_history_output=q.get("showHistoryOutput", "").lower() == "true")
        if inst.status in TERMINAL:
            return _json(body, 200)
        url = self.host.management_payload(inst.instance_id, self._base_url(request))
        return _json(body, 202, {"Location": url["statusQueryGetUri"], "Retry-After": "1"})

    def _filters(self, request: web.Request) -> dict:
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
        rows = self.host.store.query(offset=offset, limit=top, **self._filters(request))
        show_input = request.query.get("showInput", "false").lower() == "true"
        body = [instance_status(r, self.host.store, show_input=show_input) for r in rows]
        headers = {}
        if top is not None and len(rows) == top:
            headers["x-ms-continuation-token"] = base64.b64encode(
                str(offset + top).encode()).decode()
        return _json(body, 200, headers)

    async def purge(self, request: web.Request) -> web.Response:
        n = self.host.engine.purge(request.match_info["instance_id"])
        return _json({"instancesDeleted": n}, 200 if n else 404)

    async def purge_many(self, request: web.Request) -> web.Response:
        filters = self._filters(request)
        rows = self.host.store.query(offset=0, limit=None, **filters)
        n = sum(self.host.engine.purge(r.instance_id) for r in rows if r.status in TERMINAL)
        return _json({"instancesDeleted": n}, 200 if n else 404)

    async def raise_event(self, request: web.Request) -> web.Response:
        try:
            self.host.engine.raise_event(request.match_info["instance_id"],
                                         request.match_info["event"],
                                         _decode_body(await request.text()))
        except InstanceNotFound:
            return _json({}, 404)
        except InstanceGone as exc:
            return _json({"error": str(exc)}, 410)
        return web.Response(status=202)

    async def operation(self, request: web.Request) -> web.Response:
        engine, iid = self.host.engine, request.match_info["instance_id"]
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
                payload = self.host.management_payload(inst.instance_id, self._base_url(request))
                return _json(payload, 202, {"Location": payload["statusQueryGetUri"]})
            else:
                return _json({"error": f"unknown operation {op}"}, 404)
        except InstanceNotFound:
            return _json({}, 404)
        except InstanceGone as exc:
            return _json({"error": str(exc)}, 410)
        return web.Response(status=202)


class BlobWebhook:
    """The blob extension's Event Grid endpoint, `/runtime/webhooks/blobs?functionName=...`.

    As the extension's `HttpRequestProcessor` does, it dispatches on the `aeg-event-type` header:
    `SubscriptionValidation` answers 200 `{"validationResponse": code}`, `Notification` queues
    each event (an Event Grid schema array or one CloudEvent) and answers 202, `Unsubscribe` 202,
    anything else 400. A CloudEvents abuse-protection `OPTIONS` request is answered with
    `WebHook-Allowed-Origin`. With keys enforced it takes the `blobs_extension` system key.
    """

    def __init__(self, triggers: BlobTriggers, keys: Keys, enforce_keys: bool) -> None:
        self.triggers, self.keys, self.enforce_keys = triggers, keys, enforce_keys

    def routes(self) -> list[web.RouteDef]:
        return [web.post(BLOBS_WEBHOOK, self.handle), web.options(BLOBS_WEBHOOK, self.options)]

    def _authorized(self, request: web.Request) -> bool:
        key = request.query.get("code") or request.headers.get("x-functions-key")
        return not self.enforce_keys or self.keys.allows("blobs_extension", key)

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
    """The app's HTTP-triggered functions under /{routePrefix}/."""

    def __init__(self, host: Host) -> None:
        self.host = host
        self.prefix = "/" + host.app.route_prefix if host.app.route_prefix else ""
        self.table = []
        for fn in host.app.of_type("httpTrigger"):
            route = getattr(fn.trigger, "route", None) or fn.name
            methods = {str(getattr(m, "value", m)).upper() for m in (fn.trigger.methods or [])}
            level = getattr(fn.trigger.auth_level, "value", fn.trigger.auth_level) or "function"
            self.table.append((route_regex(route), methods, str(level).lower(), fn))
        # Literal segments win over parameters, as in ASP.NET routing (calls/replay before calls/{id}).
        self.table.sort(key=lambda row: row[0].pattern.count("(?P<"))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        tail = request.path[len(self.prefix):].lstrip("/")
        path_matched = False
        for pattern, methods, level, fn in self.table:
            m = pattern.match(tail)
            if not m:
                continue
            path_matched = True
            if methods and request.method not in methods:
                continue
            key = request.query.get("code") or request.headers.get("x-functions-key")
            if self.host.enforce_keys and not self.host.keys.allows(level, key):
                return web.Response(status=401)
            return await self._invoke(fn, request, {k: v for k, v in m.groupdict().items()
                                                    if v is not None})
        return web.Response(status=405 if path_matched else 404)

    async def _invoke(self, fn: Any, request: web.Request, route_params: dict) -> web.StreamResponse:
        body = await request.read()
        req = func.HttpRequest(method=request.method, url=str(request.url),
                               headers=dict(request.headers), params=dict(request.query),
                               route_params=route_params, body=body)
        t0 = time.perf_counter()
        try:
            out = await self.host.call_user(fn, {fn.trigger_param: req},
                                            {**dict(request.query), **route_params})
        except Exception as exc:
            log.exception("Executed 'Functions.%s' (http, Failed: %s)", fn.name, exc)
            return web.Response(status=500)
        ms = (time.perf_counter() - t0) * 1000
        if isinstance(out, func.HttpResponse):
            resp = web.Response(body=out.get_body(), status=out.status_code)
            headers = dict(out.headers.items())
            for k, v in headers.items():
                resp.headers[k] = v
            if out.mimetype and "content-type" not in {k.lower() for k in headers}:
                resp.content_type = out.mimetype
        elif out is None:
            resp = web.Response(status=204)
        else:
            resp = web.Response(text=out if isinstance(out, str) else json.dumps(out))
        log.info("Executed 'Functions.%s' (http %s, %.1f ms, Succeeded, status %d)", fn.name,
                 request.method, ms, resp.status)
        return resp


async def start_servers(host: Host, blob_triggers: BlobTriggers) -> list[web.AppRunner]:
    public_api, rpc_api = DurableApi(host, public=True), DurableApi(host, public=False)
    public = web.Application(middlewares=[public_api.guard], client_max_size=1024**3)
    public.add_routes(public_api.routes(DURABLE_PUBLIC))
    public.add_routes(BlobWebhook(blob_triggers, host.keys, host.enforce_keys).routes())
    triggers = HttpTriggers(host)

    async def host_status(_: web.Request) -> web.Response:
        return _json({"state": "Running", "version": "devhost", "functions":
                      sorted(host.app.functions)})

    public.add_routes([web.get("/admin/host/status", host_status)])
    if triggers.prefix:
        public.add_routes([web.route("*", triggers.prefix + "/{tail:.*}", triggers.handle)])
    else:
        public.add_routes([web.route("*", "/{tail:.*}", triggers.handle)])
    rpc = web.Application(client_max_size=1024**3)
    rpc.add_routes(rpc_api.routes(DURABLE_RPC))
    runners = []
    for app, bind, port in ((public, host.options.host, host.options.port),
                            (rpc, "127.0.0.1", host.rpc_port)):
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, bind, port).start()
        except OSError as exc:
            raise SystemExit(f"devhost: cannot listen on {bind}:{port}: {exc.strerror} "
                             "(is another host running? pick another --port)") from exc
        runners.append(runner)
    return runners

