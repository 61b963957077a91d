"""What the pages read, through workspace.service (the same functions the JSON API calls), shaped
for the templates by workspace.views and core.charts."""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from types import SimpleNamespace
from typing import Any

import azure.durable_functions as df

from core import charts
from core.costs import Prices, call_cost
from models.analysis import Budget
from models.workspace import CallSummary, CallView, Insights
from settings import get_settings
from workspace import service, views

API = "/api/v1"
PAGE_SIZE = 25
SORT_FIELDS = {"customer": "customer", "company": "company", "intent": "intent",
               "budget": "budgetAmount", "date": "callDate", "duration": "durationSeconds",
               "status": "status"}
"""List column → the query's sort field."""


class BadQuery(ValueError):
    """A filter the query API refuses; the page says why."""


@dataclass
class Page:
    rows: list[dict[str, Any]]
    continuation: str | None
    is_later_page: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def api_params(params: Mapping[str, str]) -> dict[str, str]:
    """The page's filter as query API parameters (the list's column sort names mapped)."""
    out = dict(params)
    if "sort" in out:
        out["sort"] = SORT_FIELDS.get(out["sort"], out["sort"])
    return out


def _query(params: Mapping[str, str], continuation: str | None = None,
           paged: bool = True) -> Any:
    query_params = api_params(params)
    if paged:
        query_params.setdefault("pageSize", str(PAGE_SIZE))
        if continuation:
            query_params["continuation"] = continuation
    else:
        for key in ("sort", "order", "pageSize"):
            query_params.pop(key, None)
    try:
        return service.parse_query(query_params)
    except service.BadRequest as exc:
        raise BadQuery(str(exc)) from exc


def filter_view(params: Mapping[str, str]) -> SimpleNamespace:
    return SimpleNamespace(q=params.get("q"), status=params.get("status"),
                           intent=params.get("intent"), product=params.get("product"),
                           country=params.get("country"), region=params.get("region"),
                           city=params.get("city"), date_from=params.get("dateFrom"),
                           date_to=params.get("dateTo"), sort=params.get("sort"),
                           order=params.get("order", "desc"))


def batch_replay_url(params: Mapping[str, str]) -> str:
    """The JSON API's batch replay of the failed calls that match the list's filter."""
    q = api_params({k: v for k, v in params.items()
                    if k not in ("sort", "order", "status", "pageSize")})
    return f"{API}/calls/replay" + ("?" + urllib.parse.urlencode(q) if q else "")


def accepted_extensions() -> tuple[str, ...]:
    return tuple(get_settings().supported_extensions)


def row(s: CallSummary) -> dict[str, Any]:
    custom = {"stage": s.stage, "chunksDone": s.chunks_done, "chunksTotal": s.chunks_total} \
        if s.stage else None
    status_label = views.STATUS_LABELS.get(s.status, s.status)
    progress = views.progress(custom) if s.status == "processing" else ""
    if s.status == "failed" and s.failure is not None:
        progress = f"at {s.failure.stage}"
    when = s.call_date or s.updated_at
    return {
        "call_id": s.call_id, "blob_name": s.blob_name, "status": s.status,
        "status_label": status_label, "progress": progress, "customer": s.customer or "",
        "company": s.company or "",
        "place": views.short_place(s.city, s.region, s.country) or s.place or "",
        "place_full": s.place or "", "products": s.products,
        "intent": s.intent or "",
        "budget": views.money(Budget(amount=s.budget_amount, currency=s.budget_currency,
                                     as_said=s.budget or "")) if s.budget_amount is not None
        else s.budget or "",
        "date": views.day(when), "date_iso": when.isoformat() if when else "",
        "duration": views.duration(s.duration_seconds), "corrected": s.corrected,
    }


async def list_calls(params: Mapping[str, str], continuation: str | None,
                     client: df.DurableOrchestrationClient) -> Page:
    query = _query(params, continuation)
    try:
        page = await service.list_calls(query, client)
    except service.BadRequest as exc:
        raise BadQuery(str(exc)) from exc
    return Page([row(s) for s in page.items], page.continuation, bool(continuation))


async def call_page(call_id: str, client: df.DurableOrchestrationClient) -> dict[str, Any] | None:
    try:
        view = await service.get_call(call_id, client)
    except service.BadRequest:
        return None
    return None if view is None else call_context(view)


def call_context(view: CallView) -> dict[str, Any]:
    record = view.record
    analysis = record.analysis
    corrections: dict[str, dict[str, Any]] = {c.field: c.model_dump(mode="json")
                                              for c in view.corrections}
    custom = view.orchestration.custom_status if view.orchestration else None
    custom = custom if isinstance(custom, dict) else {}
    done, total = custom.get("chunksDone"), custom.get("chunksTotal")
    fields = views.fields(record, view.analysis, corrections)
    shown = {f["key"]: f["shown"] for f in fields}
    title = shown.get("customerName") or record.metadata.blob_name
    company = shown.get("company")
    sub = " · ".join(p for p in (company, views.place_text(view.analysis)) if p)
    when = record.metadata.call_date or record.updatedAt
    length = views.duration(record.metadata.audio.duration_seconds
                            if record.metadata.audio else None)
    cost = call_cost(record, Prices()) if record.status == "completed" else None
    status_label = views.STATUS_LABELS.get(record.status, record.status)
    if record.status == "processing" and view.orchestration and view.orchestration.runtime_status:
        status_label = f"{status_label} ({view.orchestration.runtime_status.lower()})"
    return {
        "call_id": record.callId, "blob_name": record.metadata.blob_name, "title": title,
        "subtitle": sub, "date": views.day(when), "date_iso": when.isoformat() if when else "",
        "length": length, "status": record.status, "status_label": status_label,
        "progress": views.progress(custom), "chunks_done": done or 0, "chunks_total": total or 0,
        "percent": round(100 * (done or 0) / total) if total else 0,
        "failure": record.failure, "attempts": record.attempts,
        "history": [{"at": views.day(f.at), "stage": f.stage, "reason": f.reason}
                    for f in record.failureHistory[:-1]] if record.failure else
        [{"at": views.day(f.at), "stage": f.stage, "reason": f.reason}
         for f in record.failureHistory],
        "summary": (analysis.summary if analysis else ""),
        "next_steps": analysis.next_steps if analysis else [],
        "fields": fields, "turns": views.turns(record),
        "processing": views.processing(record, cost),
        "audio_url": f"{API}/calls/{record.callId}/audio",
        "status_url": f"{API}/calls/{record.callId}",
        "corrections_url": f"{API}/calls/{record.callId}/corrections",
        "delete_url": f"{API}/calls/{record.callId}",
        "replay_url": f"{API}/calls/{record.callId}/replay",
    }


def check_filters(params: Mapping[str, str]) -> None:
    """Raises BadQuery for a filter the query API refuses, before any query runs."""
    _query(params, paged=False)


def insights_page(params: Mapping[str, str]) -> dict[str, Any]:
    query = _query(params, paged=False)
    try:
        data = service.insights(query)
    except service.BadRequest as exc:
        raise BadQuery(str(exc)) from exc
    return insights_context(data, pad=not params.get("dateFrom"))


MIN_DAYS = 14


def _over_time(data: Insights, pad: bool) -> list[tuple[str, float]]:
    """Calls per bucket; with daily buckets and no start date chosen, the days before the first
    call (none there, by definition) are drawn too, so a young workspace shows two weeks."""
    fmt = {"day": "%d %b", "week": "%d %b", "month": "%b %Y"}[data.bucket]
    series = [(b.start.strftime(fmt), float(b.count)) for b in data.calls_over_time]
    if pad and data.bucket == "day" and data.calls_over_time and len(series) < MIN_DAYS:
        first = data.calls_over_time[0].start
        series = [((first - timedelta(days=n)).strftime(fmt), 0.0)
                  for n in range(MIN_DAYS - len(series), 0, -1)] + series
    return series


def insights_context(data: Insights, pad: bool = False) -> dict[str, Any]:
    completed = next((c.count for c in data.by_status if c.key == "completed"), 0)
    failed = next((c.count for c in data.by_status if c.key == "failed"), 0)
    median = data.processing_ms_median / 1000 if data.processing_ms_median is not None else None
    p95 = data.processing_ms_p95 / 1000 if data.processing_ms_p95 is not None else None
    kpis = [("calls", f"{data.total:,}"), ("completed", f"{completed:,}"),
            ("failed", f"{failed:,}"),
            ("median processing", f"{median:.1f} s" if median is not None else "—"),
            ("cost per call", f"${data.cost_per_call:.4f}" if data.cost_per_call else
             "$0 (local)" if data.cost_per_call == 0 else "—")]
    over_time = _over_time(data, pad)
    intents = {c.key: float(c.count) for c in data.intent_mix}
    intent_series = [(k, intents[k]) for k in ("high", "medium", "low", "none") if k in intents]
    cost_series = [("per call", data.cost_per_call)] if data.cost_per_call else []
    failures = [(c.key, float(c.count)) for c in data.failures_by_stage if c.count]
    chart_list = [
        {"title": f"Calls per {data.bucket}", "wide": True,
         "svg": charts.column_chart(f"Calls per {data.bucket}", over_time)},
        {"title": "Buying intent", "svg": charts.stacked_bar("Buying intent", intent_series)},
        {"title": "Top products",
         "svg": charts.bar_chart("Top products", [(c.key, float(c.count))
                                                  for c in data.top_products])},
        {"title": "Top places",
         "svg": charts.bar_chart("Top places", [(c.key, float(c.count))
                                                for c in data.top_places])},
        {"title": "Failures by stage",
         "svg": charts.bar_chart("Failures by stage", failures, css_class="bar-bad")
         if failures else charts.empty("Failures by stage", message="No failures")},
        {"title": "Processing time (upload to record)",
         "svg": charts.percentile_chart("Processing time", median, p95)},
        {"title": "Cost per call (cloud engines)",
         "svg": charts.bar_chart("Cost per call", cost_series, unit="$", css_class="bar-alt")
         if cost_series else charts.empty("Cost per call",
                                          message="No cloud-engine cost: local engines")},
    ]
    note = (f"Products and places from the newest {data.facet_sample:,} of them"
            if data.facet_sample and data.facet_sample < data.total else None)
    return {"kpis": kpis, "charts": chart_list, "note": note}
