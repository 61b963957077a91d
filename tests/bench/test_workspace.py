"""The workspace bench's quick variant: 1,000 generated calls, and the queries' answers checked
against the generator (correctness only; the timings are the bench's business)."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Iterator

import pytest

from adapters.call_queries import CallQueries
from adapters.cosmos_store import CallStore
from bench import workspace as bench
from models.record import CallRecord
from models.workspace import CallQuery
from workspace import service
from workspace.service import Workspace

N = 1000
pytestmark = pytest.mark.stack  # starts an emulator of its own (needs .stack installed)


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[Workspace, list[CallRecord]]]:
    from devstack import services

    proc, endpoint = bench.plain_http_emulator()
    try:
        store = CallStore(endpoint, services.COSMOS_KEY, "benchtest", "calls")
        bench.load(store, 0, N, threads=4)
        records = [bench.generate(i, random.Random(12 * 1_000_003 + i)) for i in range(N)]
        yield Workspace(store, CallQueries(store), None, None, None), records  # type: ignore[arg-type]
    finally:
        proc.terminate()
        proc.wait(10)


def test_paging_visits_every_generated_call_once(loaded: tuple[Workspace, list[CallRecord]]
                                                 ) -> None:
    ws, records = loaded
    seen: list[str] = []
    token = None
    while True:
        page = asyncio.run(service.list_calls(CallQuery(page_size=100, continuation=token),
                                              ws=ws))
        seen += [i.call_id for i in page.items]
        token = page.continuation
        if not token:
            break
    assert len(seen) == N and set(seen) == {r.id for r in records}
    newest = sorted(records, key=lambda r: r.updatedAt, reverse=True)  # type: ignore[arg-type, return-value]
    assert seen[:100] == [r.id for r in newest[:100]]


@pytest.mark.parametrize("sample", [service.FACET_SAMPLE, 300])  # read whole; COUNT queries
def test_search_and_insights_agree_with_the_generator(
        loaded: tuple[Workspace, list[CallRecord]], sample: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(service, "FACET_SAMPLE", sample)
    ws, records = loaded
    page = asyncio.run(service.list_calls(CallQuery(q=bench.RARE, page_size=100), ws=ws))
    assert {i.call_id for i in page.items} == {r.id for r in records
                                               if r.transcript and bench.RARE in
                                               r.transcript.text}
    got = service.insights(CallQuery(), ws=ws)
    assert got.total == N
    assert {c.key: c.count for c in got.by_status} == {
        s: sum(r.status == s for r in records) for s in ("processing", "completed", "failed")}
    intents: Counter[str] = Counter(r.analysis.buying_intent.value for r in records if r.analysis)
    assert {c.key: c.count for c in got.intent_mix} == {i: intents[i] for i in bench.INTENTS}
    products = Counter(p.value for r in records if r.analysis
                       for p in r.analysis.products_of_interest)
    assert [(c.key, c.count) for c in got.top_products] == sorted(
        products.items(), key=lambda kv: (-kv[1], kv[0].lower()))[:8]
    assert sum(b.count for b in got.calls_over_time) == N
    assert (got.queries == 1) == (sample >= N)
