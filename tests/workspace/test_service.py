"""The workspace service on the Cosmos DB emulator: every filter, search, sort, paging with
continuation, corrections, export and insights, against hand-computed expectations."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from models.workspace import CallPage, CallQuery
from tests.workspace.records import record
from workspace import service
from workspace.service import BadRequest, Workspace

pytestmark = pytest.mark.stack


def ids(ws: Workspace, **params: Any) -> list[str]:
    page = asyncio.run(service.list_calls(CallQuery(page_size=100, **params), ws=ws))
    assert page.continuation is None
    return [i.call_id for i in page.items]


def test_newest_first_and_rows_carry_what_a_team_scans(seeded: Workspace) -> None:
    page = asyncio.run(service.list_calls(CallQuery(), ws=seeded))
    order = [i.call_id for i in page.items]
    assert set(order[:2]) == {"r6", "r7"} and set(order[3:5]) == {"r3", "r4"}  # same days
    assert (order[2], order[5], order[6]) == ("r5", "r2", "r1")
    r1 = next(i for i in page.items if i.call_id == "r1")
    assert (r1.customer, r1.company, r1.place, r1.intent) == ("Maria Lopez", "Acme",
                                                               "Austin, TX, US", "high")
    assert r1.products == ["Analytics Dashboard", "Route Optimizer"]
    assert (r1.budget, r1.budget_amount, r1.duration_seconds) == ("25,000 USD", 25000, 120)
    assert r1.call_date is not None and r1.call_date.day == 2 and r1.blob_name == "r1.mp3"
    r5 = next(i for i in page.items if i.call_id == "r5")
    assert r5.status == "failed" and r5.failure is not None and r5.failure.stage == "transcribe"


@pytest.mark.parametrize(("params", "expected"), [
    ({"status": "failed"}, {"r5", "r6"}),
    ({"status": "running"}, {"r7"}),
    ({"status": "completed"}, {"r1", "r2", "r3", "r4"}),
    ({"intent": "high"}, {"r1"}),
    ({"intent": "none"}, {"r4"}),
    ({"product": "analytics DASHBOARD"}, {"r1", "r3"}),
    ({"product": "Route Optimizer", "intent": "none"}, {"r4"}),
    ({"country": "us"}, {"r1", "r2", "r4"}),
    ({"region": "on"}, {"r3"}),
    ({"city": "Austin"}, {"r1", "r4"}),
    ({"date_from": "2026-11-03", "date_to": "2026-11-05"}, {"r2", "r3", "r4"}),
    ({"date_from": "2026-11-07"}, {"r6", "r7"}),
    ({"date_to": "2026-11-02"}, {"r1"}),
    ({"q": "spreadsheets"}, {"r2"}),          # a word of the transcript
    ({"q": "GLOBEX"}, {"r3"}),                # an extracted field, any case
    ({"q": "dashboard march"}, {"r1"}),       # every word must occur
    ({"q": "toronto"}, {"r3"}),
    ({"q": "dashboards", "status": "completed"}, {"r3"}),  # whole words: r1 says "dashboard"
    ({"q": "nobody said this"}, set()),
    ({"q": "r5"}, {"r5"}),                    # the recording's name
])
def test_filters_and_search(seeded: Workspace, params: dict[str, Any], expected: set[str]
                            ) -> None:
    assert set(ids(seeded, **params)) == expected


@pytest.mark.parametrize(("sort", "order", "expected"), [
    ("customer", "asc", ["r4", "r2", "r3", "r1"]),
    ("durationSeconds", "desc", ["r2", "r4", "r1", "r3"]),
    ("intent", "desc", ["r1", "r2", "r3", "r4"]),
    ("budgetAmount", "desc", ["r1", "r2"]),
    ("callDate", "asc", ["r1", "r2"]),
])
def test_sorting(seeded: Workspace, sort: str, order: str, expected: list[str]) -> None:
    got = ids(seeded, status="completed", sort=sort, order=order)
    if sort in ("budgetAmount", "callDate"):
        got = got[:2] if order == "asc" or sort == "callDate" else [i for i in got
                                                                    if i in ("r1", "r2")]
    assert got == expected


def test_paging_by_continuation_visits_every_call_once_in_order(seeded: Workspace) -> None:
    seen, pages, token = [], 0, None
    while True:
        page: CallPage = asyncio.run(service.list_calls(
            CallQuery(page_size=2, continuation=token, sort="customer", order="asc"), ws=seeded))
        seen += [i.call_id for i in page.items]
        pages += 1
        token = page.continuation
        if not token:
            break
    everything = ids(seeded, sort="customer", order="asc")
    assert seen == everything and len(seen) == 7 and pages == 4


def test_a_continuation_belongs_to_its_query(seeded: Workspace) -> None:
    first = asyncio.run(service.list_calls(CallQuery(page_size=2), ws=seeded))
    assert first.continuation
    with pytest.raises(BadRequest, match="different query"):
        asyncio.run(service.list_calls(CallQuery(page_size=2, status="failed",
                                                 continuation=first.continuation), ws=seeded))
    with pytest.raises(BadRequest, match="not a token"):
        asyncio.run(service.list_calls(CallQuery(continuation="bm9wZQ"), ws=seeded))


def test_a_correction_is_kept_apart_and_wins_in_lists_search_and_export(seeded: Workspace
                                                                        ) -> None:
    view = asyncio.run(service.correct("r3", "buyingIntent", "high", "sam@sales", ws=seeded))
    view = asyncio.run(service.correct("r3", "customerName", "Hank Scorpion", "sam@sales",
                                       ws=seeded))
    view = asyncio.run(service.correct("r3", "productsOfInterest", ["Route Optimizer"], "sam",
                                       ws=seeded))
    assert view.analysis is not None and view.record.analysis is not None
    assert view.analysis.buying_intent.value == "high"
    assert view.record.analysis.buying_intent.value == "low"  # the engine's value is kept
    assert view.analysis.customer_name is not None
    assert view.analysis.customer_name.value == "Hank Scorpion"
    assert view.analysis.customer_name.quote == "this is Hank Scorpio"  # what was said
    assert view.corrected == ["buyingIntent", "customerName", "productsOfInterest"]
    assert [c.by for c in view.corrections] == ["sam@sales", "sam@sales", "sam"]

    assert set(ids(seeded, intent="high")) == {"r1", "r3"}
    assert set(ids(seeded, intent="low")) == set()
    assert set(ids(seeded, q="scorpion")) == {"r3"}
    assert set(ids(seeded, q="scorpio")) == set()  # the engine's value, said nowhere else
    assert set(ids(seeded, product="analytics dashboard")) == {"r1"}
    assert set(ids(seeded, product="route optimizer")) == {"r1", "r3", "r4"}
    row = next(i for i in asyncio.run(service.list_calls(CallQuery(), ws=seeded)).items
               if i.call_id == "r3")
    assert row.corrected == ["buyingIntent", "customerName", "productsOfInterest"]

    _, body = service.export(CallQuery(status="completed"), "csv", ws=seeded)
    rows = {r["callId"]: r for r in csv.DictReader(io.StringIO(b"".join(body).decode()))}
    assert rows["r3"]["intent"] == "high" and rows["r3"]["customer"] == "Hank Scorpion"
    assert rows["r3"]["products"] == "Route Optimizer"
    assert rows["r3"]["corrected"] == "buyingIntent; customerName; productsOfInterest"
    assert set(rows) == {"r1", "r2", "r3", "r4"}
    _, body = service.export(CallQuery(intent="high"), "json", ws=seeded)
    data = json.loads(b"".join(body))
    assert {d["callId"]: d["customer"] for d in data} == {"r1": "Maria Lopez",
                                                          "r3": "Hank Scorpion"}


def test_the_latest_correction_of_a_field_wins_and_none_clears(seeded: Workspace) -> None:
    asyncio.run(service.correct("r1", "city", "Dallas", "a", ws=seeded))
    asyncio.run(service.correct("r1", "city", "Houston", "b", ws=seeded))
    asyncio.run(service.correct("r2", "company", None, "b", ws=seeded))
    assert set(ids(seeded, city="houston")) == {"r1"} and ids(seeded, city="dallas") == []
    row = next(i for i in asyncio.run(service.list_calls(CallQuery(), ws=seeded)).items
               if i.call_id == "r2")
    assert row.company is None and row.corrected == ["company"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("transcript", "x", "field must be one of"),
    ("buyingIntent", "maybe", "buyingIntent must be one of"),
    ("budgetAmount", "lots", "budgetAmount takes a number"),
    ("productsOfInterest", "one", "takes a list"),
    ("contactEmail", "not-an-address", "not an e-mail"),
])
def test_bad_corrections_are_refused(seeded: Workspace, field: str, value: Any, message: str
                                     ) -> None:
    with pytest.raises(BadRequest, match=message):
        asyncio.run(service.correct("r1", field, value, "me", ws=seeded))


def test_a_correction_of_a_missing_or_running_call(seeded: Workspace) -> None:
    with pytest.raises(service.NotFound):
        asyncio.run(service.correct("nope", "company", "X", "me", ws=seeded))
    with pytest.raises(service.Conflict):
        asyncio.run(service.correct("r7", "company", "X", "me", ws=seeded))


def test_a_correction_survives_a_later_write_of_the_record(seeded: Workspace) -> None:
    from core.records import build_record
    from models.call import CallRef
    from models.record import PersistInput

    asyncio.run(service.correct("r2", "company", "Brightside Ltd", "me", ws=seeded))
    existing, etag = seeded.store.get("r2")  # type: ignore[misc]
    later = datetime(2026, 11, 9, tzinfo=UTC)
    inp = PersistInput(status="failed", call=CallRef(
        call_id="r2", blob_container="calls", blob_name="r2.mp3", size_bytes=1,
        content_sha256="0" * 64), instance_id="r2-x", processed_at=later)
    seeded.store.upsert(build_record(inp, existing, later), etag)
    again = seeded.store.get("r2")
    assert again is not None and [c.value for c in again[0].corrections] == ["Brightside Ltd"]


def test_insights_match_hand_computed_values(seeded: Workspace) -> None:
    got = service.insights(CallQuery(), ws=seeded)
    assert got.total == 7
    assert {c.key: c.count for c in got.by_status} == {"processing": 1, "completed": 4,
                                                        "failed": 2}
    assert {c.key: c.count for c in got.intent_mix} == {"high": 1, "medium": 1, "low": 1,
                                                         "none": 1}
    assert [(c.key, c.count) for c in got.top_products] == [
        ("Analytics Dashboard", 2), ("Route Optimizer", 2), ("Data Export Module", 1)]
    assert [(c.key, c.count) for c in got.top_places] == [
        ("Austin, US", 2), ("Seattle, US", 1), ("Toronto, CA", 1)]
    assert {c.key: c.count for c in got.failures_by_stage if c.count} == {"prepare": 1,
                                                                          "transcribe": 1}
    assert got.bucket == "day"
    assert [(b.start.day, b.count) for b in got.calls_over_time] == [
        (2, 1), (3, 1), (4, 0), (5, 2), (6, 1), (7, 2)]
    # completed: 8 s, 30 s, 50 s, 400 s; buckets [5,10) [30,60) [30,60) [300,600) seconds
    assert got.processing_ms_median == 45_000.0   # 30 s + 30 s x (2 - 1) / 2
    assert got.processing_ms_p95 == 540_000.0     # 300 s + 300 s x (3.8 - 3) / 1
    # r1 alone used cloud engines: 2 audio minutes x $0.006 + 1000 x $0.15/M + 200 x $0.60/M
    assert got.cost_total == pytest.approx(0.01227)
    assert got.cost_per_call == pytest.approx(0.01227 / 6)  # over completed and failed calls
    assert got.facet_sample == 7


def test_insights_by_counts_equal_insights_from_a_complete_sample(
        seeded: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    small = service.insights(CallQuery(), ws=seeded)
    assert small.queries == 1  # seven calls: read once, counted here
    monkeypatch.setattr(service, "FACET_SAMPLE", 3)  # too many for the sample: COUNT queries
    counted = service.insights(CallQuery(), ws=seeded)
    assert counted.queries > 30 and counted.facet_sample == 3
    assert counted.model_dump(exclude={"top_products", "top_places", "queries", "facet_sample"}) \
        == small.model_dump(exclude={"top_products", "top_places", "queries", "facet_sample"})
    # products and places: only the candidates of the newest three calls are counted, exactly
    assert set((c.key, c.count) for c in counted.top_products) <= set(
        (c.key, c.count) for c in small.top_products)


def test_insights_follow_the_filter(seeded: Workspace) -> None:
    got = service.insights(CallQuery(country="US", date_from=date(2026, 11, 1),
                                     date_to=date(2026, 11, 30)), ws=seeded)
    assert got.total == 3 and got.bucket == "day" and len(got.calls_over_time) == 30
    assert sum(b.count for b in got.calls_over_time) == 3
    assert [(c.key, c.count) for c in got.top_products] == [
        ("Route Optimizer", 2), ("Analytics Dashboard", 1), ("Data Export Module", 1)]
    wide = service.insights(CallQuery(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31)),
                            ws=seeded)
    assert wide.bucket == "month" and len(wide.calls_over_time) == 12
    assert [b.count for b in wide.calls_over_time][10] == 7


def test_export_quotes_what_a_spreadsheet_would_run(workspace: Workspace) -> None:
    workspace.store.upsert(record("x1", customer="=HYPERLINK(\"http://evil\")", company="Acme",
                                  text="hello"), None)
    _, body = service.export(CallQuery(), "csv", ws=workspace)
    rows = list(csv.DictReader(io.StringIO(b"".join(body).decode())))
    assert rows[0]["customer"] == "'=HYPERLINK(\"http://evil\")"


@pytest.mark.parametrize(("params", "message"), [
    ({"colour": "red"}, "unknown parameter 'colour'"),
    ({"dateFrom": "yesterday"}, "dateFrom: Input should be a valid date"),
    ({"dateFrom": "2026-13-01"}, "dateFrom"),
    ({"pageSize": "100000"}, "pageSize: Input should be less than or equal to 100"),
    ({"pageSize": "0"}, "pageSize"),
    ({"q": "x' OR 1=1 --"}, "q: use letters"),
    ({"q": "\"; DROP DATABASE callinsights"}, "q: use letters"),
    ({"q": "a b c d e f g h i"}, "at most 8 words"),
    ({"q": "x" * 500}, "at most 200 characters"),
    ({"sort": "_ts; DROP"}, "sort"),
    ({"status": "deleted"}, "status"),
    ({"intent": "HIGH!"}, "intent"),
    ({"dateFrom": "2026-11-05", "dateTo": "2026-11-01"}, "dateFrom is after dateTo"),
])
def test_bad_query_parameters_say_what_is_wrong(params: dict[str, str], message: str) -> None:
    with pytest.raises(BadRequest) as info:
        service.parse_query(params)
    assert message in str(info.value)


def test_query_parameters_in_either_spelling() -> None:
    a = service.parse_query({"dateFrom": "2026-11-01", "pageSize": "5", "q": "", "code": "k"})
    b = service.parse_query({"date_from": "2026-11-01", "page_size": "5"})
    assert a == b and a.page_size == 5 and a.q is None
