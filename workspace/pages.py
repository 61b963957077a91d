# mypy: disable-error-code="untyped-decorator"
"""The sales team's workspace: server-rendered pages (Jinja2) and their static assets.

Routes (the Functions route prefix is `api`): `/api/workspace` (the calls list),
`/api/workspace/calls/{callId}` (one call), `/api/workspace/insights` (charts for the current
filter; the page comes at once, its figures from `/api/workspace/insights/panel`),
`/api/workspace/static/{*path}` (CSS, JavaScript). The pages read through the same
functions the JSON API uses and call the JSON API (`/api/v1/...`) from the browser for actions
(upload, correct, replay, delete) and live status. No page carries a key, a connection string or
a SAS URL.
"""

from __future__ import annotations

import asyncio
import html
import urllib.parse
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import azure.durable_functions as df
import azure.functions as func
import jinja2

from workspace import access, data, static_files

BASE = "/api/workspace"
API = "/api/v1"
TEMPLATES = Path(__file__).resolve().parent / "templates"
FILTER_KEYS = ("q", "status", "intent", "product", "country", "region", "city", "dateFrom",
               "dateTo", "sort", "order", "pageSize")
COLUMNS = [("customer", "Customer"), ("company", "Company"), ("place", "Place"),
           ("products", "Products"), ("intent", "Intent"), ("budget", "Budget"),
           ("date", "Date"), ("duration", "Duration"), ("status", "Status")]
SORTABLE = ("customer", "company", "intent", "budget", "date", "duration", "status")
HTML_HEADERS = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "same-origin",
                "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; "
                                           "media-src 'self' blob:; style-src 'self'; "
                                           "script-src 'self'; object-src 'none'; "
                                           "frame-ancestors 'none'"}

bp = df.Blueprint(http_auth_level=access.auth_level())


@lru_cache(maxsize=1)
def templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                              autoescape=jinja2.select_autoescape(("html",)),
                              trim_blocks=True, lstrip_blocks=True,
                              undefined=jinja2.StrictUndefined)


def _html(template: str, status: int = 200, **context: Any) -> func.HttpResponse:
    context.setdefault("base", BASE)
    context.setdefault("api", API)
    context.setdefault("qs", "")
    return _fragment(templates().get_template(template).render(**context), status)


def _fragment(body: str, status: int = 200) -> func.HttpResponse:
    """HTML (a page or a piece of one the pages' script fetches) with the pages' headers."""
    return func.HttpResponse(body, status_code=status, mimetype="text/html", charset="utf-8",
                             headers=HTML_HEADERS)


def _filters(req: func.HttpRequest) -> dict[str, str]:
    return {k: req.params[k].strip() for k in FILTER_KEYS if req.params.get(k, "").strip()}


def _qs(params: Mapping[str, str], **extra: str | None) -> str:
    merged = {k: v for k, v in {**params, **extra}.items() if v}
    return ("?" + urllib.parse.urlencode(merged)) if merged else ""


@bp.route(route="workspace", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def workspace_calls(req: func.HttpRequest,
                          client: df.DurableOrchestrationClient) -> func.HttpResponse:
    if (refusal := access.refused(req)) is not None:
        return refusal
    params = _filters(req)
    try:
        page = await data.list_calls(params, req.params.get("continuation"), client)
    except data.BadQuery as exc:  # the page again, filters kept, with what is wrong
        return _html("calls.html", 400, page="calls",
                     **_list_context(params, data.Page([], None), str(exc)))
    context = _list_context(params, page)
    if req.params.get("fragment") == "rows":
        return _fragment(templates().get_template("_rows.html").render(base=BASE, **context))
    return _html("calls.html", page="calls", **context)


def _list_context(params: dict[str, str], page: data.Page,
                  error: str | None = None) -> dict[str, Any]:
    sort, order = params.get("sort", ""), params.get("order", "desc")
    links = {}
    for key in SORTABLE:
        flip = "asc" if sort == key and order == "desc" else "desc"
        links[key] = BASE + _qs(params, sort=key, order=flip)
    filtered = any(k in params for k in FILTER_KEYS if k not in ("sort", "order", "pageSize"))
    api_filter = {k: v for k, v in data.api_params(params).items() if k != "pageSize"}
    return {
        "rows": page.rows, "f": data.filter_view(params), "filtered": filtered, "error": error,
        "qs": _qs({k: v for k, v in params.items() if k not in ("sort", "order")}),
        "action": BASE, "columns": COLUMNS, "sortable": SORTABLE, "sort_links": links,
        "sort_label": f"sorted by {sort} ({'ascending' if order == 'asc' else 'descending'})"
        if sort else "most recently updated first",
        "rows_url": BASE + _qs(params, fragment="rows"),
        "next_url": BASE + _qs(params, continuation=page.continuation) if page.continuation
        else None,
        "first_url": BASE + _qs(params) if page.is_later_page else None,
        "export_csv": API + "/export" + _qs(api_filter, format="csv"),
        "export_json": API + "/export" + _qs(api_filter, format="json"),
        "replay_url": data.batch_replay_url(params),
        "accept": ",".join(data.accepted_extensions()),
    }


@bp.route(route="workspace/calls/{callId}", methods=["GET"])
@bp.durable_client_input(client_name="client")
async def workspace_call(req: func.HttpRequest,
                         client: df.DurableOrchestrationClient) -> func.HttpResponse:
    if (refusal := access.refused(req)) is not None:
        return refusal
    call_id = req.route_params.get("callId", "")
    view = await data.call_page(call_id, client)
    if view is None:
        return _html("error.html", 404, page="calls", title="No such call",
                     message="This call does not exist (it may have been deleted).")
    return _html("call.html", page="calls", c=view)


@bp.route(route="workspace/insights", methods=["GET"])
async def workspace_insights(req: func.HttpRequest) -> func.HttpResponse:
    """The page at once (filters, a progress line); its figures come from insights/panel, which
    the page's script fetches: with 100,000 calls they take dozens of queries."""
    if (refusal := access.refused(req)) is not None:
        return refusal
    params = _filters(req)
    status, error = 200, None
    try:
        data.check_filters(params)
    except data.BadQuery as exc:
        status, error = 400, str(exc)
    filtered = any(k in params for k in FILTER_KEYS if k not in ("sort", "order"))
    return _html("insights.html", status, page="insights", f=data.filter_view(params),
                 filtered=filtered, action=BASE + "/insights", qs=_qs(params), error=error,
                 scope="Calls matching the filter" if filtered else "All calls",
                 panel_url=None if error else BASE + "/insights/panel" + _qs(params))


@bp.route(route="workspace/insights/panel", methods=["GET"])
async def workspace_insights_panel(req: func.HttpRequest) -> func.HttpResponse:
    """The figures and charts of the insights page, as an HTML fragment."""
    if (refusal := access.refused(req)) is not None:
        return refusal
    params = _filters(req)
    try:  # blocking SDK calls: off the worker's event loop
        context = await asyncio.to_thread(data.insights_page, params)
    except data.BadQuery as exc:
        return _fragment(f"<p class=\"panel error\" role=\"alert\">{html.escape(str(exc))}</p>",
                         400)
    return _fragment(templates().get_template("_insights.html").render(**context))


@bp.route(route="workspace/static/{*path}", methods=["GET"])
async def workspace_static(req: func.HttpRequest) -> func.HttpResponse:
    if (refusal := access.refused(req)) is not None:
        return refusal
    found = static_files.asset(req.route_params.get("path", ""))
    if found is None:
        return func.HttpResponse("not found", status_code=404)
    content, kind, etag = found
    if req.headers.get("if-none-match") == etag:
        return func.HttpResponse(status_code=304, headers={"ETag": etag})
    return func.HttpResponse(content, status_code=200, headers={
        "Content-Type": kind, "ETag": etag, "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff"})

