# mypy: disable-error-code="untyped-decorator"
"""The workspace's JSON API under /api/v1 (function key beyond loopback; App Service
Authentication in front of it in Azure). Answers are camelCase JSON; bad input is a 400 whose
`error` says what is wrong, never a 500.

    GET    /api/v1/calls                      filters, q, sort, order, pageSize, continuation
    GET    /api/v1/calls/{callId}             the call view (record, corrections, status)
    GET    /api/v1/calls/{callId}/audio       the recording; honours Range (206)
    POST   /api/v1/calls/{callId}/corrections {"field", "value", "by"}
    DELETE /api/v1/calls/{callId}             recording, chunks, history, record
    GET    /api/v1/export?format=csv|json&... the filtered list, corrections applied
    GET    /api/v1/insights?...               aggregates of the filtered calls
    POST   /api/v1/uploads?name=NAME          body: the recording's bytes
    POST   /api/v1/calls/{callId}/replay      a failed call again (support's replay logic)
    POST   /api/v1/calls/replay?...           every failed call the filters match
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import azure.durable_functions as df
import azure.functions as func
from pydantic import BaseModel, ValidationError

from errors import CallInsightsError
from models.workspace import CorrectionRequest
from workspace import access, service

bp = df.Blueprint(http_auth_level=access.auth_level())
log = logging.getLogger("call-insights.workspace")

def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None
          ) -> func.HttpResponse:
    if isinstance(body, BaseModel):
        body = body.model_dump(mode="json", by_alias=True)
    return func.HttpResponse(json.dumps(body, default=str), status_code=status,
                             mimetype="application/json", headers=headers)


def _error(status: int, message: str) -> func.HttpResponse:
    return _json({"error": message, "status": status}, status)


async def _guard(req: func.HttpRequest, run: Callable[[], Awaitable[func.HttpResponse]]
                 ) -> func.HttpResponse:
    refused = access.refused(req)  # WORKSPACE_AUTH=platform: a signed-in user, or 401
    if refused is not None:
        return refused
    try:
        return await run()
    except service.BadRequest as exc:
        return _error(400, str(exc))
    except service.NotFound as exc:
        return _error(404, str(exc))
    except service.Conflict as exc:
        return _error(409, str(exc))
    except service.RangeNotSatisfiable as exc:
        return func.HttpResponse(status_code=416, headers={"Content-Range": f"bytes */{exc.size}"})
    except CallInsightsError as exc:  # a service down: try again later
        return _error(503, str(exc))


def _actor(req: func.HttpRequest, fallback: str | None) -> str:
    """Who acts: the signed-in user (App Service Authentication, WORKSPACE_AUTH=platform) before
    anything the client says about itself."""
    return (access.user_name(req) or fallback or "").strip()


@bp.route(route="v1/calls", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def v1_list_calls(req: func.HttpRequest, client: df.DurableOrchestrationClient
                        ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        return _json(await service.list_calls(service.parse_query(dict(req.params)), client))
    return await _guard(req, run)


@bp.route(route="v1/calls/{callId}", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def v1_get_call(req: func.HttpRequest, client: df.DurableOrchestrationClient
                      ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        view = await service.get_call(req.route_params["callId"], client)
        if view is None:
            raise service.NotFound(f"no record for call {req.route_params['callId']}")
        return _json(view)
    return await _guard(req, run)


@bp.route(route="v1/calls/{callId}/audio", methods=["GET"])
async def v1_call_audio(req: func.HttpRequest) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        part = service.audio(req.route_params["callId"], req.headers.get("range"))
        headers = {"Accept-Ranges": "bytes", "Cache-Control": "private, max-age=300",
                   "Content-Type": part.content_type}
        if part.status == 206:
            headers["Content-Range"] = part.content_range
        return func.HttpResponse(part.body, status_code=part.status, headers=headers)
    return await _guard(req, run)


@bp.route(route="v1/calls/{callId}/corrections", methods=["POST"])
@bp.durable_client_input(client_name="client")
async def v1_correct_call(req: func.HttpRequest, client: df.DurableOrchestrationClient
                          ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        try:
            body = req.get_json()
        except ValueError as exc:
            raise service.BadRequest("the body must be JSON: {field, value, by}") from exc
        if not isinstance(body, dict):
            raise service.BadRequest("the body must be a JSON object: {field, value, by}")
        principal = access.user_name(req)
        if principal:
            body = {**body, "by": principal}
        try:
            fix = CorrectionRequest.model_validate(body)
        except ValidationError as exc:
            raise service.BadRequest(service._problems(exc)) from exc
        view = await service.correct(req.route_params["callId"], fix.field, fix.value, fix.by,
                                     client)
        return _json(view)
    return await _guard(req, run)


@bp.route(route="v1/calls/{callId}", methods=["DELETE"])
@bp.durable_client_input(client_name="client")
async def v1_delete_call(req: func.HttpRequest, client: df.DurableOrchestrationClient
                         ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        actor = _actor(req, req.params.get("actor")) or "api"
        return _json(await service.delete_call(req.route_params["callId"], actor, client))
    return await _guard(req, run)


@bp.route(route="v1/export", methods=["GET"])
async def v1_export(req: func.HttpRequest) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        params = dict(req.params)
        fmt = params.pop("format", "csv")
        if fmt not in ("csv", "json"):
            raise service.BadRequest("format must be csv or json")
        params.pop("pageSize", None)
        params.pop("continuation", None)
        content_type, chunks = service.export(service.parse_query(params), fmt)
        body = b"".join(chunks)  # the Python worker answers with one body
        return func.HttpResponse(body, status_code=200, headers={
            "Content-Type": content_type,
            "Content-Disposition": f'attachment; filename="calls.{fmt}"'})
    return await _guard(req, run)


@bp.route(route="v1/insights", methods=["GET"])
async def v1_insights(req: func.HttpRequest) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        params = dict(req.params)
        for name in ("pageSize", "continuation", "sort", "order"):
            params.pop(name, None)
        return _json(service.insights(service.parse_query(params)))
    return await _guard(req, run)


@bp.route(route="v1/uploads", methods=["POST"])
async def v1_upload(req: func.HttpRequest) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        name = req.params.get("name") or req.headers.get("x-file-name") or ""
        body = req.get_body() or b""
        if not body:
            raise service.BadRequest("the body is empty: send the recording's bytes")
        return _json(service.upload(name, io.BytesIO(body)), 201)
    return await _guard(req, run)


@bp.route(route="v1/calls/{callId}/replay", methods=["POST"])
@bp.durable_client_input(client_name="client")
async def v1_replay_call(req: func.HttpRequest, client: df.DurableOrchestrationClient
                         ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        who = _actor(req, req.params.get("actor")) or "workspace"
        return _json(await service.replay(req.route_params["callId"], client,
                                          f"replayed by {who}"), 202)
    return await _guard(req, run)


@bp.route(route="v1/calls/replay", methods=["POST"])
@bp.durable_client_input(client_name="client")
async def v1_replay_failed(req: func.HttpRequest, client: df.DurableOrchestrationClient
                           ) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        params = dict(req.params)
        who = _actor(req, params.pop("actor", None)) or "workspace"
        for name in ("pageSize", "continuation", "sort", "order", "status"):
            params.pop(name, None)
        results = await service.replay_failed(service.parse_query(params), client,
                                              f"batch replay by {who}")
        return _json({"replayed": results}, 202)
    return await _guard(req, run)
