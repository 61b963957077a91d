"""HTTP endpoints for support staff (function key): look up, list and replay calls.

The handlers are async (the durable client is); the synchronous store adapters run off the event
loop through `asyncio.to_thread` (see support/service.py for why not the aio clients).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable
from datetime import datetime

import azure.durable_functions as df
import azure.functions as func

from adapters import factory
from adapters.blob_store import BlobStore
from adapters.cosmos_store import CallStore
from core.ids import call_id_for
from errors import CallInsightsError
from settings import get_settings
from support import service

bp = df.Blueprint(http_auth_level=func.AuthLevel.FUNCTION)


def _json(body: object, status: int = 200) -> func.HttpResponse:
    return func.HttpResponse(json.dumps(body, default=str), status_code=status,
                             mimetype="application/json")


def _time(req: func.HttpRequest, name: str) -> datetime | None:
    value = req.params.get(name)
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


async def _store() -> CallStore:
    return await asyncio.to_thread(factory.call_store)  # the first one connects


async def _blobs() -> BlobStore:
    return await asyncio.to_thread(factory.blob_store)


async def _guard(coro: Awaitable[func.HttpResponse]) -> func.HttpResponse:
    try:
        return await coro
    except service.NotFound as exc:
        return _json({"error": str(exc)}, 404)
    except service.Conflict as exc:
        return _json({"error": str(exc)}, 409)
    except ValueError as exc:
        return _json({"error": f"bad request: {exc}"}, 400)
    except CallInsightsError as exc:
        return _json({"error": str(exc)}, 503)


@bp.route(route="calls/{callId}", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def get_call(req: func.HttpRequest,
                   client: df.DurableOrchestrationClient) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        return _json(await service.describe(req.route_params["callId"], await _store(), client))
    return await _guard(run())


@bp.route(route="calls", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def list_calls(req: func.HttpRequest,
                     client: df.DurableOrchestrationClient) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        blob = req.params.get("blob")
        if blob:
            call_id = call_id_for(get_settings().calls_container, blob)
            return _json(await service.describe(call_id, await _store(), client))
        status = req.params.get("status")
        if status and status not in ("failed", "processing", "completed", "running"):
            raise ValueError("status must be failed, running or completed")
        status = "processing" if status == "running" else status
        size = min(int(req.params.get("pageSize", "50")), 200)
        records, token = await asyncio.to_thread(
            (await _store()).list, status, _time(req, "from"), _time(req, "to"), size,
            req.params.get("continuation"))
        return _json({"calls": [
            {"callId": r.id, "status": r.status, "blob": r.metadata.blob_name,
             "updatedAt": r.updatedAt, "attempts": r.attempts,
             "failure": r.failure.model_dump(mode="json", by_alias=True) if r.failure else None}
            for r in records], "continuation": token})
    return await _guard(run())


@bp.route(route="calls/{callId}/replay", methods=["POST"])
@bp.durable_client_input(client_name="client")
async def replay_call(req: func.HttpRequest,
                      client: df.DurableOrchestrationClient) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        result = await service.replay(req.route_params["callId"], await _store(), client,
                                      req.params.get("reason", "replayed by support"))
        return _json(result, 202)
    return await _guard(run())


@bp.route(route="calls/replay", methods=["POST"])
@bp.durable_client_input(client_name="client")
async def replay_calls(req: func.HttpRequest,
                       client: df.DurableOrchestrationClient) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        results = await service.replay_many(await _store(), client,
                                            req.params.get("status", "failed"), _time(req, "from"),
                                            _time(req, "to"),
                                            req.params.get("reason", "batch replay by support"))
        return _json({"replayed": results}, 202)
    return await _guard(run())


@bp.route(route="accounting", methods=["GET"])
async def accounting(req: func.HttpRequest) -> func.HttpResponse:
    async def run() -> func.HttpResponse:
        s = get_settings()
        return _json(await asyncio.to_thread(service.accounting, await _blobs(), await _store(),
                                             s.calls_container, _time(req, "from"),
                                             _time(req, "to")))
    return await _guard(run())
