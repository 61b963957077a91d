"""The retention timer: once a day, calls older than RETENTION_DAYS are deleted everywhere
(recording, chunk files, orchestration history, record), as a delete from the app does. Off
unless RETENTION_DAYS is set."""

# mypy: disable-error-code="untyped-decorator"
from __future__ import annotations

import logging
from datetime import UTC, datetime

import azure.durable_functions as df
import azure.functions as func

from settings import get_settings
from workspace import service

bp = df.Blueprint()
log = logging.getLogger("call-insights.workspace")

RETENTION_SCHEDULE = "0 30 3 * * *"
"""NCRONTAB (seconds first): every day at 03:30 UTC (WEBSITE_TIME_ZONE changes the zone)."""


@bp.timer_trigger(arg_name="timer", schedule=RETENTION_SCHEDULE, use_monitor=True)
@bp.durable_client_input(client_name="client")
async def retention_timer(timer: func.TimerRequest, client: df.DurableOrchestrationClient
                          ) -> None:
    days = get_settings().retention_days
    if days is None:
        log.info("retention: off (RETENTION_DAYS not set)")
        return
    await service.retention_sweep(days, client, datetime.now(UTC))


@bp.route(route="v1/retention/run", methods=["POST"], auth_level=func.AuthLevel.ADMIN)
@bp.durable_client_input(client_name="client")
async def retention_run(req: func.HttpRequest, client: df.DurableOrchestrationClient
                        ) -> func.HttpResponse:
    """Run the retention job now (operators; the host's master key beyond loopback)."""
    import json

    days = get_settings().retention_days
    if days is None:
        return func.HttpResponse(json.dumps({"error": "retention is off: set RETENTION_DAYS",
                                             "status": 409}), status_code=409,
                                 mimetype="application/json")
    reports = await service.retention_sweep(days, client, datetime.now(UTC))
    body = {"retentionDays": days,
            "deleted": [r.model_dump(mode="json", by_alias=True) for r in reports]}
    return func.HttpResponse(json.dumps(body), mimetype="application/json")
