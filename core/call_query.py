"""The workspace's queries as parameterised Cosmos DB SQL, and the listing every query reads. Pure.

User text never enters the SQL string: every value is a `@parameter`; the only text built into the
SQL comes from fixed tables here (paths, sort columns) chosen by validated enumerations.

The emulator lacks GROUP BY, OFFSET/LIMIT, DISTINCT and EXISTS subqueries, so nothing here uses
them: lists are one filtered `ORDER BY` on one property, paged by the SDK's continuation token;
counts are `SELECT VALUE COUNT(1)` with the same filters plus one more condition.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from core.corrections import apply_corrections, latest
from models.record import CallRecord
from models.workspace import CallListing, CallQuery

MAX_TERMS_PER_QUERY = 8
_WORD = re.compile(r"\w+", re.UNICODE)
INTENT_RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}

SORT_PATHS = {
    "updatedAt": "c.updatedAt",
    "callDate": "c.listing.callDate",
    "customer": "c.listing.customerKey",
    "company": "c.listing.companyKey",
    "durationSeconds": "c.listing.durationSeconds",
    "intent": "c.listing.intentRank",
    "status": "c.status",
    "budgetAmount": "c.listing.budgetAmount",
}

ROW_FIELDS = ("c.id, c.status, c.updatedAt, c.attempts, c.failure, c.instanceId, "
              "c.metadata.blobName AS blobName, c.listing.customer, c.listing.company, "
              "c.listing.city, c.listing.region, c.listing.country, c.listing.products, "
              "c.listing.intent, c.listing.budgetAmount, c.listing.budgetCurrency, "
              "c.listing.callDate, c.listing.durationSeconds, c.listing.corrected")
"""The projection of a list row: what a row shows, never the transcript or the terms."""


class QueryError(ValueError):
    """A query the API refuses (a 400 with this message)."""


def words(text: str) -> list[str]:
    """Lower-case words, in order, duplicates kept."""
    return [w for w in _WORD.findall(text.lower()) if len(w) <= 40]


_SEARCH_TEXT = re.compile(r"^[\w\s.,'@&+-]*$", re.UNICODE)


def search_terms(q: str | None) -> list[str]:
    """The distinct words of a search; every one must occur in a call for it to match. Search
    text holds words and spaces (and . , ' - @ & +, which separate words); anything else, such
    as quotes, =, ; or parentheses, is refused rather than guessed at."""
    if q and not _SEARCH_TEXT.match(q):
        raise QueryError("q: use letters, digits, spaces and . , ' - @ & + only")
    terms = list(dict.fromkeys(words(q or "")))
    if q and q.strip() and not terms:
        raise QueryError("q: no word to search for (letters or digits)")
    if len(terms) > MAX_TERMS_PER_QUERY:
        raise QueryError(f"q: at most {MAX_TERMS_PER_QUERY} words")
    return terms


def _key(value: str | None) -> str | None:
    return value.strip().lower() if value and value.strip() else None


def _utc(ts: datetime | None) -> datetime | None:
    if ts is None:
        return None
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)


def listing_for(record: CallRecord) -> CallListing:
    """What lists, filters, search and sorting read, corrections applied."""
    a = apply_corrections(record.analysis, record.corrections)
    loc = a.location.value if a and a.location else None
    budget = a.budget.value if a and a.budget else None
    products = [p.value for p in a.products_of_interest] if a else []
    customer = a.customer_name.value if a and a.customer_name else None
    company = a.company.value if a and a.company else None
    field_text = " ".join(filter(None, [
        customer, company, loc.city if loc else None, loc.region if loc else None,
        loc.country if loc else None, *products, budget.as_said if budget else None,
        a.timeline.value if a and a.timeline else None,
        a.contact_email.value if a and a.contact_email else None,
        a.contact_phone.value if a and a.contact_phone else None,
        a.summary if a else None, record.metadata.blob_name]))
    transcript = record.transcript.text if record.transcript else ""
    call_date = _utc(record.metadata.call_date or record.updatedAt)
    audio = record.metadata.audio
    intent = a.buying_intent.value if a else None
    return CallListing(
        customer=customer, company=company, city=loc.city if loc else None,
        region=loc.region if loc else None, country=loc.country if loc else None,
        products=products, intent=intent, intent_rank=INTENT_RANK[intent] if intent else -1,
        budget_amount=budget.amount if budget else None,
        budget_currency=budget.currency if budget else None,
        call_date=call_date, duration_seconds=audio.duration_seconds if audio else None,
        customer_key=_key(customer), company_key=_key(company),
        city_key=_key(loc.city if loc else None), region_key=_key(loc.region if loc else None),
        country_key=_key(loc.country if loc else None),
        product_keys=list(dict.fromkeys(k for k in map(_key, products) if k)),
        day=call_date.date().isoformat() if call_date else None,
        terms=sorted(set(words(transcript)) | set(words(field_text))),
        corrected=sorted(latest(record.corrections)))


@dataclass
class Sql:
    text: str
    params: list[dict[str, Any]] = field(default_factory=list)

    def fingerprint(self) -> str:
        blob = json.dumps([self.text, self.params], sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = ["IS_DEFINED(c.listing)"]
        self.params: list[dict[str, Any]] = []

    def add(self, clause: str, **values: Any) -> None:
        for name, value in values.items():
            self.params.append({"name": f"@{name}", "value": value})
        self.clauses.append(clause)

    def sql(self) -> str:
        return " AND ".join(self.clauses)


def _filters(q: CallQuery) -> _Where:
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise QueryError("dateFrom is after dateTo")
    w = _Where()
    if q.status:
        w.add("c.status = @status", status="processing" if q.status == "running" else q.status)
    if q.intent:
        w.add("c.listing.intent = @intent", intent=q.intent)
    if _key(q.product):
        w.add("ARRAY_CONTAINS(c.listing.productKeys, @product)", product=_key(q.product))
    for name in ("country", "region", "city"):
        value = _key(getattr(q, name))
        if value:
            w.add(f"c.listing.{name}Key = @{name}", **{name: value})
    if q.date_from:
        w.add("c.listing.callDate >= @dateFrom", dateFrom=q.date_from.isoformat())
    if q.date_to:
        w.add("c.listing.callDate < @dateTo",
              dateTo=(q.date_to + timedelta(days=1)).isoformat())
    for i, term in enumerate(search_terms(q.q)):
        w.add(f"ARRAY_CONTAINS(c.listing.terms, @t{i})", **{f"t{i}": term})
    return w


def list_sql(q: CallQuery) -> Sql:
    w = _filters(q)
    order = "DESC" if q.order == "desc" else "ASC"
    return Sql(f"SELECT {ROW_FIELDS} FROM c WHERE {w.sql()} ORDER BY {SORT_PATHS[q.sort]} {order}",
               w.params)


def export_sql(q: CallQuery) -> Sql:
    """Rows for the export: the list's rows, without paging."""
    return list_sql(q)


def count_sql(q: CallQuery, extra: str | None = None, **values: Any) -> Sql:
    """COUNT of the query's calls, narrowed by one more condition with its own parameters
    (names prefixed `x`, so they never collide with the filters')."""
    w = _filters(q)
    if extra:
        w.add(extra, **values)
    return Sql(f"SELECT VALUE COUNT(1) FROM c WHERE {w.sql()}", w.params)


def sum_sql(q: CallQuery, path: str, extra: str | None = None, **values: Any) -> Sql:
    w = _filters(q)
    if extra:
        w.add(extra, **values)
    return Sql(f"SELECT VALUE SUM({path}) FROM c WHERE {w.sql()} AND IS_NUMBER({path})",
               w.params)


SAMPLE_FIELDS = ("c.status, c.listing.intent, c.failure.stage AS failureStage, "
                 "c.listing.callDate, c.listing.productKeys, c.listing.products, "
                 "c.listing.cityKey, c.listing.city, c.listing.country, "
                 "c.metadata.timings.totalMs, c.metadata.usage.audioSeconds, "
                 "c.metadata.usage.promptTokens, c.metadata.usage.completionTokens, "
                 "c.metadata.engines.transcriptionEngine, c.metadata.engines.extractionEngine")


def sample_sql(q: CallQuery, top: int) -> Sql:
    """The newest `top` matching calls, projected to what the insights count (a few small
    fields): the candidates for the top products and places, and, when fewer calls match than
    `top`, everything the insights need."""
    w = _filters(q)
    return Sql(f"SELECT TOP {int(top)} {SAMPLE_FIELDS} FROM c WHERE {w.sql()} "
               f"ORDER BY c.updatedAt DESC", w.params)


def range_sql(q: CallQuery, fn: str) -> Sql:
    assert fn in ("MIN", "MAX")
    w = _filters(q)
    return Sql(f"SELECT VALUE {fn}(c.listing.callDate) FROM c WHERE {w.sql()}", w.params)


def retention_sql(cutoff: datetime, top: int) -> Sql:
    """Up to `top` finished calls dated before `cutoff` (the call date; the last update for a
    record written before listings existed), oldest first."""
    return Sql(f"SELECT TOP {int(top)} c.id FROM c WHERE c.status != 'processing' AND "
               "((IS_DEFINED(c.listing) AND c.listing.callDate < @cutoff) OR "
               "(NOT IS_DEFINED(c.listing) AND c.updatedAt < @cutoff)) ORDER BY c.updatedAt ASC",
               [{"name": "@cutoff", "value": _utc(cutoff).isoformat()  # type: ignore[union-attr]
                 .replace("+00:00", "Z")}])


def wrap_continuation(sql: Sql, token: str | None) -> str | None:
    """An opaque token bound to its query: the SDK's token and the query's fingerprint."""
    if not token:
        return None
    raw = json.dumps({"v": 1, "f": sql.fingerprint(), "t": token}, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def unwrap_continuation(sql: Sql, token: str | None) -> str | None:
    if not token:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        ok = isinstance(raw, dict) and raw.get("v") == 1 and isinstance(raw.get("t"), str)
    except (ValueError, TypeError):
        ok = False
    if not ok:
        raise QueryError("continuation: not a token this API issued")
    if raw["f"] != sql.fingerprint():
        raise QueryError("continuation: the token belongs to a different query (filters, search "
                         "or sort changed); start again without it")
    return str(raw["t"])


def buckets(start: date, end: date) -> tuple[str, list[tuple[date, date]]]:
    """Time buckets from start to end inclusive: days up to 31, weeks up to 26, else months
    (the last 24). Each bucket is [start, end)."""
    span = (end - start).days + 1
    if span <= 31:
        return "day", [(start + timedelta(days=i), start + timedelta(days=i + 1))
                       for i in range(span)]
    if span <= 26 * 7:
        first = start - timedelta(days=start.weekday())
        out = []
        while first <= end:
            out.append((first, first + timedelta(days=7)))
            first += timedelta(days=7)
        return "week", out
    months: list[tuple[date, date]] = []
    cur = date(start.year, start.month, 1)
    while cur <= end:
        nxt = date(cur.year + cur.month // 12, cur.month % 12 + 1, 1)
        months.append((cur, nxt))
        cur = nxt
    return "month", months[-24:]


PROCESSING_EDGES_MS = (0, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000, 600_000,
                       1_200_000, 3_600_000, 7_200_000)
"""Histogram of processing times (upload to record): COUNT per bucket, percentiles interpolated
inside a bucket. The last bucket is open-ended."""


def percentile(counts: list[int], edges: tuple[int, ...], p: float) -> float | None:
    """The p-quantile (0..1) from bucket counts, linear inside the bucket; None without data.
    `counts[i]` covers [edges[i], edges[i+1]); the last is [edges[-1], edges[-1]*1.5)."""
    total = sum(counts)
    if total == 0:
        return None
    target = p * total
    seen = 0.0
    for i, n in enumerate(counts):
        if n and seen + n >= target:
            lo = edges[i]
            hi = edges[i + 1] if i + 1 < len(edges) else edges[-1] * 1.5
            return round(lo + (hi - lo) * (target - seen) / n, 1)
        seen += n
    return float(edges[-1])
