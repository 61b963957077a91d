"""Workspace queries at scale: list, search and insights with N generated calls in the Cosmos DB
emulator, as ratios against a plain point read measured in the same run.

Generates compact records (a short transcript, every listed field), inserts them concurrently
through the store's own write path (so each carries its listing), then times each query
(median of --repeat runs, first page only unless it says otherwise).
Usage: python -m bench.workspace [--sizes 10000 100000] [--repeat 5] [--threads 8]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import signal
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from adapters.call_queries import CallQueries
from adapters.cosmos_store import CallStore
from core import call_query as cq
from models.analysis import Budget, CallAnalysis, Evidence, Location
from models.call import AudioInfo, Failure, Transcript
from models.record import CallRecord, ProcessingMetadata, StageTimings
from models.workspace import CallQuery

PRODUCTS = ["Analytics Dashboard", "Route Optimizer", "Data Export Module", "Fleet Tracker",
            "Billing Suite", "Mobile App", "API Access", "Support Plan", "Onboarding Pack",
            "Forecasting", "Inventory Sync", "Reporting Pro"]
PLACES = [("Austin", "TX", "US"), ("Seattle", "WA", "US"), ("Toronto", "ON", "CA"),
          ("London", "England", "GB"), ("Berlin", "Berlin", "DE"), ("Madrid", None, "ES"),
          ("Denver", "CO", "US"), ("Sydney", "NSW", "AU")]
NAMES = ["Maria Lopez", "Daniel Kim", "Anna Berg", "Hank Scorpio", "Li Wei", "Sam Patel",
         "Olga Ivanova", "Tom Becker", "Ada Okafor", "Luis Romero"]
COMPANIES = ["Acme", "Brightside", "Globex", "Northwind", "Initech", "Umbrella", "Hooli",
             "Vandelay", "Stark", "Wayne"]
SCRIPT = ("we need the dashboard by march send a quote for fleet tracking our budget is tight "
          "call me next week pricing sounds fair what about support can you integrate with our "
          "erp the team loved the demo")
WORDS = SCRIPT.split()
RARE = "zanzibar"
INTENTS = ["high", "medium", "low", "none"]
START = datetime(2026, 1, 1, tzinfo=UTC)


def generate(i: int, rng: random.Random) -> CallRecord:
    """One compact call record; deterministic for a seeded rng."""
    call_id = f"bench-{i:06d}"
    when = START + timedelta(minutes=i * 3 + rng.randrange(3))
    roll = rng.random()
    status = "completed" if roll < 0.9 else "failed" if roll < 0.97 else "processing"
    words = rng.choices(WORDS, k=25)
    if i % 1000 == 7:
        words.append(RARE)  # one call in a thousand says it
    text = " ".join(words)
    analysis = None
    failure = None
    if status == "completed":
        city, region, country = rng.choice(PLACES)
        analysis = CallAnalysis(
            customer_name=Evidence(value=rng.choice(NAMES), quote="this is"),
            company=Evidence(value=rng.choice(COMPANIES), quote="from"),
            location=Evidence(value=Location(city=city, region=region, country=country),
                              quote="in"),
            products_of_interest=[Evidence(value=p, quote="the")
                                  for p in rng.sample(PRODUCTS, rng.randint(0, 3))],
            budget=Evidence(value=Budget(amount=float(rng.randrange(1, 100) * 1000),
                                         currency="USD", as_said="thousands"), quote="budget"),
            buying_intent=Evidence[Any](value=rng.choice(INTENTS), quote="intent"))
    elif status == "failed":
        failure = Failure(stage=rng.choice(["prepare", "transcribe", "extract"]),
                          reason="generated failure")
    return CallRecord(
        id=call_id, callId=call_id, status=status,  # type: ignore[arg-type]
        instanceId=f"{call_id}-0", failure=failure,
        metadata=ProcessingMetadata(
            blob_container="calls", blob_name=f"{call_id}.mp3", size_bytes=1, content_sha256="0",
            audio=AudioInfo(container_format="mp3", codec="mp3", channels=1, sample_rate=16000,
                            duration_seconds=float(rng.randrange(30, 3600))),
            timings=StageTimings(total_ms=float(rng.randrange(3_000, 600_000))), call_date=when),
        analysis=analysis,
        transcript=Transcript(text=text, segments=[]) if status != "processing" else None,
        updatedAt=when)


def load(store: CallStore, start: int, stop: int, threads: int, seed: int = 12) -> float:
    """Insert records start..stop-1 concurrently; seconds taken."""
    t0 = time.perf_counter()

    def write(i: int) -> None:
        store.upsert(generate(i, random.Random(seed * 1_000_003 + i)), None)

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(write, range(start, stop), chunksize=64))
    return time.perf_counter() - t0


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median milliseconds of `repeat` runs."""
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def measure(store: CallStore, n: int, repeat: int, insights_up_to: int
            ) -> list[tuple[str, float]]:
    """Each query's median time; printed as it is measured (a long run keeps what it has)."""
    from workspace import service
    from workspace.service import Workspace

    ws = Workspace(store, CallQueries(store), None, None, None)  # type: ignore[arg-type]
    rows: list[tuple[str, float]] = []

    def page(**kw: Any) -> Callable[[], object]:
        return lambda: asyncio.run(service.list_calls(CallQuery(**kw), ws=ws))

    def second_page() -> float:
        first = asyncio.run(service.list_calls(CallQuery(), ws=ws))
        t0 = time.perf_counter()
        asyncio.run(service.list_calls(CallQuery(continuation=first.continuation), ws=ws))
        return (time.perf_counter() - t0) * 1000

    def row(name: str, ms: float) -> None:
        rows.append((name, ms))
        print(f"{n} calls: {name}: {ms:.0f} ms", file=sys.stderr, flush=True)

    month = CallQuery(date_from=START.date(), date_to=(START + timedelta(days=30)).date())
    row("point read (1 call by id)", timed(lambda: store.get(f"bench-{n // 2:06d}"), repeat * 4))
    row("list, newest first (25)", timed(page(), repeat))
    row("list, next page by continuation", statistics.median(second_page()
                                                             for _ in range(repeat)))
    row("filter status+intent+country", timed(page(status="completed", intent="high",
                                                   country="us"), repeat))
    row("filter product, sort by customer", timed(page(product="fleet tracker", sort="customer",
                                                       order="asc"), repeat))
    row("search a common word", timed(page(q="dashboard"), repeat))
    row("search a rare word (1 in 1000)", timed(page(q=RARE), repeat))
    row("one COUNT query (status)", timed(lambda: ws.queries.count(cq.count_sql(
        CallQuery(), "c.status = @s", s="failed")), repeat))
    if n <= insights_up_to:
        row("insights, one month", timed(lambda: service.insights(month, ws=ws), 1))
    return rows


def plain_http_emulator() -> tuple[subprocess.Popen[bytes], str]:
    """A Cosmos DB emulator of the bench's own over plain HTTP on a free port: the devstack one
    speaks TLS and closes every connection, which makes loading 100,000 records take hours
    (the queries themselves are the same code either way)."""
    from devhost.tests.hostproc import free_port
    from devstack import services

    services.install()
    port = free_port()
    cli = services.STACK / "node_modules" / "@vercel" / "cosmosdb-server" / "lib" / "cli.js"
    proc = subprocess.Popen(["node", str(cli), "--host", "127.0.0.1", "-p", str(port),
                             "--no-ssl"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while not services.port_open(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("the bench's Cosmos DB emulator did not start")
        time.sleep(0.1)
    return proc, f"http://127.0.0.1:{port}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--insights-up-to", type=int, default=10_000,
                        help="time the insights only up to this many calls: on the emulator "
                             "every COUNT scans the whole container")
    args = parser.parse_args(argv)

    from devstack import services

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the emulator on the way out
    emulator, endpoint = plain_http_emulator()
    store = CallStore(endpoint, services.COSMOS_KEY, f"bench{uuid.uuid4().hex[:8]}", "calls")
    results: dict[int, list[tuple[str, float]]] = {}
    loaded = 0
    try:
        for n in sorted(args.sizes):
            secs = load(store, loaded, n, args.threads)
            print(f"loaded {n - loaded} records in {secs:.0f} s ({(n - loaded) / secs:.0f}/s); "
                  f"{n} in the container", file=sys.stderr, flush=True)
            loaded = n
            results[n] = measure(store, n, args.repeat, args.insights_up_to)
    finally:
        emulator.terminate()
        emulator.wait(10)
    sizes = sorted(results)
    head = " | ".join(f"{n:,} calls (ms) | × point read" for n in sizes)
    print(f"| query | {head} |")
    print("|---|" + "---|---|" * len(sizes))
    for name, _ in results[sizes[0]]:
        cells = []
        for n in sizes:
            got = dict(results[n])
            ms, base = got.get(name), results[n][0][1]
            cells.append(f"{ms:,.0f} | {ms / base:,.1f}" if ms is not None else "not run | ")
        print(f"| {name} | {' | '.join(cells)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
