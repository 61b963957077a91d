"""What the workspace does, for the JSON API and the pages alike: list, search, view, correct,
export, insights, audio, upload and delete calls.

Adapters come from `adapters.factory` (created once per worker) unless a `Workspace` is passed in
(tests). Bad input raises `BadRequest` (a 400 with its message), a missing call `NotFound` (404),
a call in a state that forbids the action `Conflict` (409).
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, BinaryIO, Literal

from pydantic import ValidationError

from core import call_query as cq
from core.corrections import apply_corrections, check_correction, latest
from core.costs import Prices
from core.ids import call_id_for
from core.records import instance_ids
from errors import TransientError
from models.correction import Correction
from models.record import CallRecord
from models.workspace import (
    CallPage,
    CallQuery,
    CallSummary,
    CallView,
    CorrectionValue,
    Count,
    DeleteReport,
    Insights,
    Orchestration,
    TimeBucket,
    UploadResult,
)
from support.service import Conflict, NotFound

if TYPE_CHECKING:
    import azure.durable_functions as df

    from adapters.blob_store import BlobStore
    from adapters.call_queries import CallQueries
    from adapters.cosmos_store import CallStore
    from adapters.recordings import Recordings
    from settings import Settings

__all__ = ["AudioPart", "BadRequest", "Conflict", "NotFound", "Workspace", "audio", "correct",
           "delete_call", "export", "get_call", "insights", "list_calls", "parse_query",
           "replay", "replay_failed", "retention_sweep", "upload"]

log = logging.getLogger("call-insights.workspace")
audit_log = logging.getLogger("call-insights.audit")

ExportFormat = Literal["csv", "json"]
EXPORT_MAX_ROWS = 100_000
AUDIO_PART_BYTES = 4 * 1024 * 1024
AUDIO_WHOLE_MAX_BYTES = 64 * 1024 * 1024
FACET_SAMPLE = 1000
FACET_CANDIDATES = 16
TOP_FACETS = 8
RUNNING = ("Running", "Pending", "Suspended")


class BadRequest(ValueError):
    """Input the API refuses, with a message that says what is wrong."""


@dataclass
class Workspace:
    store: CallStore
    queries: CallQueries
    blobs: BlobStore
    recordings: Recordings
    settings: Settings


@dataclass
class AudioPart:
    """A byte range of a recording: status 200 (whole file) or 206 (a range)."""

    status: int
    content_type: str
    body: bytes
    total_bytes: int
    start: int
    end: int  # inclusive

    @property
    def content_range(self) -> str:
        return f"bytes {self.start}-{self.end}/{self.total_bytes}"


def default_workspace() -> Workspace:
    """The worker's adapters (cached in adapters.factory)."""
    from adapters import factory
    from adapters.call_queries import CallQueries
    from adapters.recordings import Recordings
    from settings import get_settings

    store, blobs = factory.call_store(), factory.blob_store()
    return Workspace(store, CallQueries(store), blobs, Recordings(blobs), get_settings())


def _ws(ws: Workspace | None) -> Workspace:
    return ws if ws is not None else default_workspace()


def _problems(exc: ValidationError) -> str:
    out = []
    for e in exc.errors():
        where = ".".join(str(p) for p in e["loc"])
        if e["type"] == "extra_forbidden":
            out.append(f"unknown parameter {where!r}")
        else:
            out.append(f"{where}: {e['msg']}" if where else str(e["msg"]))
    return "; ".join(out)


def parse_query(params: dict[str, str]) -> CallQuery:
    """A CallQuery from URL query parameters (camelCase or snake_case); BadRequest when a
    parameter is unknown or a value malformed. Empty values count as absent."""
    data: dict[str, Any] = {k: v for k, v in params.items() if v != "" and k != "code"}
    try:
        query = CallQuery.model_validate(data)
        cq.list_sql(query)  # search words and date order checked here too
    except ValidationError as exc:
        raise BadRequest(_problems(exc)) from exc
    except cq.QueryError as exc:
        raise BadRequest(str(exc)) from exc
    return query


def _place(city: str | None, region: str | None, country: str | None) -> str | None:
    return ", ".join(p for p in (city, region, country) if p) or None


def _budget(amount: float | None, currency: str | None) -> str | None:
    if amount is None:
        return None
    return f"{amount:,.0f} {currency}".strip() if currency else f"{amount:,.0f}"


def _summary(row: dict[str, Any]) -> CallSummary:
    return CallSummary(
        call_id=row["id"], blob_name=row.get("blobName") or "", status=row["status"],
        customer=row.get("customer"), company=row.get("company"),
        place=_place(row.get("city"), row.get("region"), row.get("country")),
        city=row.get("city"), region=row.get("region"), country=row.get("country"),
        products=row.get("products") or [], intent=row.get("intent"),
        budget=_budget(row.get("budgetAmount"), row.get("budgetCurrency")),
        budget_amount=row.get("budgetAmount"), budget_currency=row.get("budgetCurrency"),
        call_date=row.get("callDate"), duration_seconds=row.get("durationSeconds"),
        updated_at=row.get("updatedAt"), attempts=row.get("attempts") or 1,
        failure=row.get("failure"), corrected=row.get("corrected") or [])


async def _orchestration(client: df.DurableOrchestrationClient | None, instance_id: str
                         ) -> Orchestration | None:
    if client is None:
        return None
    try:
        status = await client.get_status(instance_id)
    except Exception as exc:  # the task hub unreachable: the record is still worth showing
        log.warning("orchestration status of %s unavailable: %s", instance_id, exc)
        return None
    if status is None or status.runtime_status is None:
        return Orchestration(instance_id=instance_id)
    return Orchestration(instance_id=instance_id, runtime_status=status.runtime_status.value,
                         custom_status=status.custom_status, created_time=status.created_time,
                         last_updated_time=status.last_updated_time)


async def list_calls(query: CallQuery, client: df.DurableOrchestrationClient | None = None,
                     ws: Workspace | None = None) -> CallPage:
    """One page of calls; rows of running calls carry their stage and chunk progress when a
    durable client is given. `page.continuation` goes into the next query's `continuation`."""
    w = _ws(ws)
    try:
        sql = cq.list_sql(query)
        token = cq.unwrap_continuation(sql, query.continuation)
        rows, next_token = w.queries.page(sql, query.page_size, token)
    except cq.QueryError as exc:
        raise BadRequest(str(exc)) from exc
    items = [_summary(r) for r in rows]
    running = [(item, row["instanceId"]) for item, row in zip(items, rows, strict=True)
               if item.status == "processing" and row.get("instanceId")]
    if client is not None and running:
        found = await asyncio.gather(*(_orchestration(client, iid) for _, iid in running))
        for (item, _), orch in zip(running, found, strict=True):
            custom = orch.custom_status if orch else None
            if isinstance(custom, dict):
                item.stage = custom.get("stage")
                item.chunks_done = custom.get("chunksDone")
                item.chunks_total = custom.get("chunksTotal")
    return CallPage(items=items, continuation=cq.wrap_continuation(sql, next_token))


def _view(record: CallRecord, orchestration: Orchestration | None) -> CallView:
    return CallView(record=record,
                    analysis=apply_corrections(record.analysis, record.corrections),
                    corrections=record.corrections, corrected=sorted(latest(record.corrections)),
                    orchestration=orchestration, attempt_instance_ids=instance_ids(record),
                    audio_url=f"/api/v1/calls/{record.callId}/audio")


async def get_call(call_id: str, client: df.DurableOrchestrationClient | None = None,
                   ws: Workspace | None = None) -> CallView | None:
    found = _ws(ws).store.get(call_id)
    if found is None:
        return None
    record = found[0]
    return _view(record, await _orchestration(client, record.instanceId))


async def correct(call_id: str, field: str, value: CorrectionValue, by: str,
                  client: df.DurableOrchestrationClient | None = None,
                  ws: Workspace | None = None) -> CallView:
    """Store a person's correction beside the engine's value (the latest per field wins)."""
    w = _ws(ws)
    try:
        checked = check_correction(field, value)
    except ValueError as exc:
        raise BadRequest(str(exc)) from exc
    if not by.strip():
        raise BadRequest("by: who corrects the field is required")
    for attempt in range(5):  # read-merge-replace with the etag as a guard
        found = w.store.get(call_id)
        if found is None:
            raise NotFound(f"no record for call {call_id}")
        record, etag = found
        if record.status == "processing":
            raise Conflict(f"call {call_id} is still being processed; correct it once done")
        fix = Correction.model_validate({"field": field, "value": checked, "by": by.strip(),
                                         "at": datetime.now(UTC)})
        updated = record.model_copy(update={"corrections": [*record.corrections, fix]})
        try:
            w.store.upsert(updated, etag)
        except TransientError:
            if attempt == 4:
                raise
            continue
        audit_log.info("correct call=%s field=%s by=%s", call_id, field, by.strip())
        return _view(updated, await _orchestration(client, updated.instanceId))
    raise AssertionError("unreachable")


def _parallel(tasks: list[cq.Sql], w: Workspace) -> list[int]:
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(w.queries.count, tasks))


STATUSES = ["processing", "completed", "failed"]
INTENTS = ["high", "medium", "low", "none"]
STAGES = ["validate", "prepare", "transcribe", "extract", "persist"]
CLOUD_ENGINES = ["openai", "azure-openai"]


def _ranked(counter: dict[str, int], names: dict[str, str]) -> list[Count]:
    pairs = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Count(key=names.get(k, k), count=n) for k, n in pairs if n][:TOP_FACETS]


def _facets(rows: list[dict[str, Any]]) -> tuple[Counter[str], dict[str, str], Counter[str],
                                                 dict[str, str]]:
    products: Counter[str] = Counter()
    places: Counter[str] = Counter()
    product_names: dict[str, str] = {}
    place_names: dict[str, str] = {}
    for row in rows:
        for key, name in zip(row.get("productKeys") or [], row.get("products") or [],
                             strict=False):
            products[key] += 1
            product_names.setdefault(key, name)
        if row.get("cityKey"):
            places[row["cityKey"]] += 1
            place_names.setdefault(row["cityKey"],
                                   _place(row.get("city"), None, row.get("country")) or "")
    return products, product_names, places, place_names


def _cost(audio_s: float, prompt: float, completion: float) -> float:
    prices = Prices()
    return (audio_s / 60 * prices.transcription_per_minute
            + prompt / 1e6 * prices.input_per_million_tokens
            + completion / 1e6 * prices.output_per_million_tokens)


def _span(q: CallQuery, lo: str | None, hi: str | None
          ) -> tuple[Literal["day", "week", "month"], list[tuple[date, date]]]:
    first = q.date_from or (date.fromisoformat(lo[:10]) if lo else None)
    last = q.date_to or (date.fromisoformat(hi[:10]) if hi else None)
    if first is None or last is None or first > last:
        return "day", []
    kind, spans = cq.buckets(first, last)
    return kind, spans  # type: ignore[return-value]


def _num(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _insights_from_rows(q: CallQuery, rows: list[dict[str, Any]]) -> Insights:
    """Every figure from the matching calls' small projections, when they are few enough to
    have been read whole (the same definitions as the COUNT queries)."""
    status = Counter(r.get("status") for r in rows)
    intent = Counter(r.get("intent") for r in rows)
    stage = Counter(r.get("failureStage") for r in rows if r.get("status") == "failed")
    dates = [r["callDate"] for r in rows if isinstance(r.get("callDate"), str)]
    kind, spans = _span(q, min(dates, default=None), max(dates, default=None))
    over_time = [TimeBucket(start=a, end=b - timedelta(days=1),
                            count=sum(a.isoformat() <= d < b.isoformat() for d in dates))
                 for a, b in spans]
    products, product_names, places, place_names = _facets(rows)
    edges = cq.PROCESSING_EDGES_MS
    times = [t for r in rows if r.get("status") == "completed"
             for t in [_num(r.get("totalMs"))] if t is not None]
    hist = [sum(edges[i] <= t and (i + 1 == len(edges) or t < edges[i + 1]) for t in times)
            for i in range(len(edges))]

    def total(field: str, engine: str) -> float:
        return sum(v for r in rows if r.get(engine) in CLOUD_ENGINES
                   for v in [_num(r.get(field))] if v is not None)

    cost = _cost(total("audioSeconds", "transcriptionEngine"),
                 total("promptTokens", "extractionEngine"),
                 total("completionTokens", "extractionEngine"))
    processed = status["completed"] + status["failed"]
    return Insights(
        total=len(rows), by_status=[Count(key=s, count=status[s]) for s in STATUSES],
        calls_over_time=over_time, bucket=kind,
        intent_mix=[Count(key=i, count=intent[i]) for i in INTENTS],
        top_products=_ranked(products, product_names), top_places=_ranked(places, place_names),
        failures_by_stage=[Count(key=s, count=stage[s]) for s in STAGES],
        processing_ms_median=cq.percentile(hist, edges, 0.5),
        processing_ms_p95=cq.percentile(hist, edges, 0.95),
        cost_per_call=round(cost / processed, 6) if processed else None,
        cost_total=round(cost, 6), facet_sample=len(rows), queries=1)


def insights(query: CallQuery, ws: Workspace | None = None) -> Insights:
    """Aggregates for the query's calls, without reading every document.

    First the newest FACET_SAMPLE + 1 matching calls are read, projected to a few small fields
    (a bounded read). When that is all of them, every figure is computed from it: one query.
    Otherwise each figure is a COUNT or SUM query with the filters (answered from the index on
    the real service): per status, intent, failure stage, time bucket and processing-time
    bucket. Top products and places: the FACET_CANDIDATES commonest values in the sample are
    counted exactly over all matching calls and the TOP_FACETS largest shown (exact whenever the
    sample holds every value, as with a product catalogue of a few dozen names)."""
    w = _ws(ws)
    q = query.model_copy(update={"continuation": None, "sort": "updatedAt", "order": "desc"})
    try:
        cq.list_sql(q)
    except cq.QueryError as exc:
        raise BadRequest(str(exc)) from exc
    sample = list(w.queries.rows(cq.sample_sql(q, FACET_SAMPLE + 1), FACET_SAMPLE + 1))
    if len(sample) <= FACET_SAMPLE:
        return _insights_from_rows(q, sample)
    sample = sample[:FACET_SAMPLE]
    queries = 1

    def counts(extra: str, name: str, values: list[Any]) -> list[int]:
        return counts_of(extra, [{name: v} for v in values])

    def counts_of(extra: str, params: list[dict[str, Any]]) -> list[int]:
        nonlocal queries
        queries += len(params)
        return _parallel([cq.count_sql(q, extra, **p) for p in params], w)

    total = w.queries.count(cq.count_sql(q))
    by_status = counts("c.status = @xStatus", "xStatus", STATUSES)
    by_intent = counts("c.listing.intent = @xIntent", "xIntent", INTENTS)
    by_stage = counts("c.status = 'failed' AND c.failure.stage = @xStage", "xStage", STAGES)
    queries += 1

    lo = hi = None
    if q.date_from is None or q.date_to is None:
        lo = w.queries.value(cq.range_sql(q, "MIN"))
        hi = w.queries.value(cq.range_sql(q, "MAX"))
        queries += 2
    kind, spans = _span(q, lo, hi)
    n = counts_of("c.listing.callDate >= @xFrom AND c.listing.callDate < @xTo",
                  [{"xFrom": a.isoformat(), "xTo": b.isoformat()} for a, b in spans])
    over_time = [TimeBucket(start=a, end=b - timedelta(days=1), count=c)
                 for (a, b), c in zip(spans, n, strict=True)]

    products, product_names, places, place_names = _facets(sample)
    top_p = [k for k, _ in products.most_common(FACET_CANDIDATES)]
    top_c = [k for k, _ in places.most_common(FACET_CANDIDATES)]
    p_counts = counts("ARRAY_CONTAINS(c.listing.productKeys, @xProduct)", "xProduct", top_p)
    c_counts = counts("c.listing.cityKey = @xCity", "xCity", top_c)

    edges = cq.PROCESSING_EDGES_MS
    path = "c.metadata.timings.totalMs"
    hist = counts_of(f"c.status = 'completed' AND {path} >= @xLo AND {path} < @xHi",
                     [{"xLo": edges[i], "xHi": edges[i + 1] if i + 1 < len(edges) else 10 ** 15}
                      for i in range(len(edges))])

    def total_of(field: str, engine: str) -> float:
        return float(w.queries.value(cq.sum_sql(
            q, f"c.metadata.usage.{field}",
            f"ARRAY_CONTAINS(@xCloud, c.metadata.engines.{engine})", xCloud=CLOUD_ENGINES)) or 0)

    cost = _cost(total_of("audioSeconds", "transcriptionEngine"),
                 total_of("promptTokens", "extractionEngine"),
                 total_of("completionTokens", "extractionEngine"))
    queries += 3
    processed = by_status[1] + by_status[2]
    return Insights(
        total=total,
        by_status=[Count(key=s, count=c) for s, c in zip(STATUSES, by_status, strict=True)],
        calls_over_time=over_time, bucket=kind,
        intent_mix=[Count(key=i, count=c) for i, c in zip(INTENTS, by_intent, strict=True)],
        top_products=_ranked(dict(zip(top_p, p_counts, strict=True)), product_names),
        top_places=_ranked(dict(zip(top_c, c_counts, strict=True)), place_names),
        failures_by_stage=[Count(key=s, count=c) for s, c in zip(STAGES, by_stage, strict=True)],
        processing_ms_median=cq.percentile(hist, edges, 0.5),
        processing_ms_p95=cq.percentile(hist, edges, 0.95),
        cost_per_call=round(cost / processed, 6) if processed else None,
        cost_total=round(cost, 6), facet_sample=len(sample), queries=queries)


EXPORT_COLUMNS = ("callId", "blobName", "status", "callDate", "customer", "company", "city",
                  "region", "country", "products", "intent", "budgetAmount", "budgetCurrency",
                  "durationSeconds", "updatedAt", "attempts", "corrected")


def _export_row(s: CallSummary) -> dict[str, Any]:
    d = s.model_dump(mode="json", by_alias=True)
    return {c: d.get(c) for c in EXPORT_COLUMNS}


def _cell(value: Any) -> str:
    """A CSV cell; text a spreadsheet would run as a formula is quoted with a leading '."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export(query: CallQuery, fmt: ExportFormat, ws: Workspace | None = None
           ) -> tuple[str, Iterator[bytes]]:
    """Every call matching the query (paging ignored, at most EXPORT_MAX_ROWS), corrections
    applied: (content type, chunks of the body)."""
    if fmt not in ("csv", "json"):
        raise BadRequest("format must be csv or json")
    w = _ws(ws)
    try:
        sql = cq.export_sql(query.model_copy(update={"continuation": None}))
    except cq.QueryError as exc:
        raise BadRequest(str(exc)) from exc

    def summaries() -> Iterator[CallSummary]:
        for i, row in enumerate(w.queries.rows(sql)):
            if i >= EXPORT_MAX_ROWS:
                return
            yield _summary(row)

    def csv_body() -> Iterator[bytes]:
        buf = io.StringIO()
        out = csv.writer(buf)
        out.writerow(EXPORT_COLUMNS)
        for s in summaries():
            out.writerow([_cell(v) for v in _export_row(s).values()])
            if buf.tell() > 64_000:
                yield buf.getvalue().encode()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue().encode()

    def json_body() -> Iterator[bytes]:
        yield b"["
        for i, s in enumerate(summaries()):
            yield (b"," if i else b"") + json.dumps(_export_row(s)).encode()
        yield b"]"

    if fmt == "csv":
        return "text/csv; charset=utf-8", csv_body()
    return "application/json", json_body()


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def audio(call_id: str, range_header: str | None, ws: Workspace | None = None) -> AudioPart:
    """The recording, or the requested byte range of it (HTTP Range, for seeking). Ranges are
    served at most AUDIO_PART_BYTES at a time; the player asks for the rest."""
    w = _ws(ws)
    found = w.store.get(call_id)
    if found is None:
        raise NotFound(f"no record for call {call_id}")
    meta = found[0].metadata
    info = w.recordings.info(meta.blob_container, meta.blob_name)
    if info is None:
        raise NotFound(f"the recording of call {call_id} is gone")
    size = info.size
    if range_header:
        m = _RANGE.match(range_header.strip())
        if not m or (not m.group(1) and not m.group(2)):
            raise BadRequest("Range must look like bytes=START-[END] or bytes=-SUFFIX")
        if m.group(1):
            start = int(m.group(1))
            end = int(m.group(2)) if m.group(2) else size - 1
        else:
            start, end = max(size - int(m.group(2)), 0), size - 1
        if start >= size or end < start:
            raise RangeNotSatisfiable(size)
        end = min(end, size - 1, start + AUDIO_PART_BYTES - 1)
        body = w.recordings.read(meta.blob_container, meta.blob_name, start, end - start + 1)
        return AudioPart(206, info.content_type, body, size, start, end)
    if size > AUDIO_WHOLE_MAX_BYTES:  # too big for one answer: the first part, as a range
        body = w.recordings.read(meta.blob_container, meta.blob_name, 0, AUDIO_PART_BYTES)
        return AudioPart(206, info.content_type, body, size, 0, len(body) - 1)
    body = w.recordings.read(meta.blob_container, meta.blob_name, 0, size) if size else b""
    return AudioPart(200, info.content_type, body, size, 0, max(size - 1, 0))


class RangeNotSatisfiable(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(f"range outside the recording ({size} bytes)")
        self.size = size


_BAD_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


def upload(name: str, stream: BinaryIO, ws: Workspace | None = None) -> UploadResult:
    """Put a recording into the recordings container under `name` (never overwriting one):
    the blob trigger takes it from there, as for any upload."""
    w = _ws(ws)
    name = name.strip()
    if not name or len(name) > 200 or _BAD_NAME.search(name) or name in (".", ".."):
        raise BadRequest("name: 1 to 200 characters, no slashes or control characters")
    ext = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in w.settings.supported_extensions:
        raise BadRequest(f"unsupported file extension {ext or '(none)'}; upload one of "
                         f"{' '.join(w.settings.supported_extensions)}")
    container = w.settings.calls_container
    try:
        size = w.recordings.upload(container, name, stream)
    except FileExistsError as exc:
        raise Conflict(f"a recording named {name!r} exists already") from exc
    return UploadResult(call_id=call_id_for(container, name), blob_name=name, size_bytes=size)


async def delete_call(call_id: str, actor: str, client: df.DurableOrchestrationClient,
                      ws: Workspace | None = None) -> DeleteReport:
    """Delete everywhere: the recording, its chunk files, the orchestration history of every
    attempt, then the record (last, so a delete that fails part-way can be run again); one
    audit line in the log. A call still being processed is refused (Conflict)."""
    from activities.prepare_audio import chunk_prefix

    w = _ws(ws)
    found = w.store.get(call_id)
    if found is None:
        raise NotFound(f"no record for call {call_id}")
    record = found[0]
    instances = instance_ids(record)
    current = await client.get_status(record.instanceId)
    runtime = current.runtime_status.value if current and current.runtime_status else None
    if runtime in RUNNING:
        raise Conflict(f"call {call_id} is still {runtime}; delete it once it has finished")
    report = DeleteReport(call_id=call_id, actor=actor, at=datetime.now(UTC))
    report.recording_deleted = w.recordings.delete(record.metadata.blob_container,
                                                   record.metadata.blob_name)
    report.chunks_deleted = w.blobs.delete_prefix(w.settings.work_container,
                                                  chunk_prefix(call_id))
    for iid in instances:
        try:
            result = await client.purge_instance_history(iid)
        except Exception as exc:
            raise TransientError(f"purging {iid} failed: {exc}") from exc
        if result.instances_deleted:
            report.instances_purged.append(iid)
    report.record_deleted = w.queries.delete(call_id)
    audit_log.info("delete call=%s actor=%s blob=%s recording=%s chunks=%d instances=%s "
                   "record=%s", call_id, actor, record.metadata.blob_name,
                   report.recording_deleted, report.chunks_deleted,
                   ",".join(report.instances_purged) or "-", report.record_deleted)
    return report


RETENTION_BATCH = 500
"""Calls deleted per retention run at most (a run stays well inside the function timeout; the
next run goes on)."""


async def retention_sweep(days: int, client: df.DurableOrchestrationClient, now: datetime,
                          ws: Workspace | None = None, limit: int = RETENTION_BATCH
                          ) -> list[DeleteReport]:
    """Delete everywhere every finished call dated more than `days` days before `now`, as
    `delete_call` does (actor "retention"), oldest first, at most `limit` per run."""
    w = _ws(ws)
    cutoff = now - timedelta(days=days)
    ids = [row["id"] for row in w.queries.rows(cq.retention_sql(cutoff, limit))]
    reports = []
    for call_id in ids:
        try:
            reports.append(await delete_call(call_id, "retention", client, w))
        except (NotFound, Conflict) as exc:  # deleted meanwhile, or replayed and running
            log.info("retention skipped %s: %s", call_id, exc)
    log.info("retention: %d calls dated before %s deleted", len(reports), cutoff.isoformat())
    return reports


async def replay(call_id: str, client: df.DurableOrchestrationClient, reason: str,
                 ws: Workspace | None = None) -> dict[str, Any]:
    """Replay one failed call with the support logic (rewind when transient, else a new
    attempt): {callId, mode, instanceId, attempt}."""
    from support import service as support

    return await support.replay(call_id, _ws(ws).store, client, reason)


async def replay_failed(query: CallQuery, client: df.DurableOrchestrationClient, reason: str,
                        ws: Workspace | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Replay every failed call the query matches (its status filter replaced by failed), at
    most `limit`; calls that cannot be replayed are listed with the reason they were skipped."""
    w = _ws(ws)
    q = query.model_copy(update={"status": "failed", "continuation": None, "page_size": 100})
    try:
        sql = cq.list_sql(q)
    except cq.QueryError as exc:
        raise BadRequest(str(exc)) from exc
    ids = []
    for row in w.queries.rows(sql, 100):  # collected first: a replay changes what matches
        ids.append(row["id"])
        if len(ids) >= limit:
            break
    out: list[dict[str, Any]] = []
    for call_id in ids:
        try:
            out.append(await replay(call_id, client, reason, w))
        except (NotFound, Conflict) as exc:
            out.append({"callId": call_id, "skipped": str(exc)})
    return out
