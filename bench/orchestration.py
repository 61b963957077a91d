"""Orchestration overhead: devhost against Microsoft's in-process Durable Task backend.

Runs the same three workloads side by side in one run and prints the ratios:
- sequential activities per second (one orchestration chaining N no-op activities)
- parallel activities per second (one orchestration fanning out N no-op activities)
- start-to-completion latency of a no-op orchestration (median of M, one at a time)
- entity operations per second (one orchestration signalling one counter entity N times, then
  calling it once for the total, which it answers after every signal is applied)

Backends: devhost over HTTP (SQLite, durable) and `durabletask.testing` (in memory, gRPC worker).
Absolute numbers depend on the machine; the ratios are what to compare.
Usage: python -m bench.orchestration [--seq N] [--par N] [--latency M] [--entity-ops N]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from devhost.tests.hostproc import HostProcess, free_port

APP = Path(__file__).parent / "apps" / "noop"


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def bench_devhost(seq: int, par: int, latency: int, entity_ops: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        host = HostProcess(APP, Path(tmp) / "data", env={"DEVHOST_LOG_LEVEL": "WARNING"})
        host.start()
        try:
            def run(name: str, payload: object) -> object:
                iid = host.start_orchestration(name, payload)
                body = host.wait(iid, timeout=600)
                assert body["runtimeStatus"] == "Completed", body
                return body["output"]

            run("sequential", 3)  # warm-up
            t_seq = _timed(lambda: run("sequential", seq))
            t_par = _timed(lambda: run("parallel", par))
            lat = [_timed(lambda: run("noop_orchestration", None)) for _ in range(latency)]
            assert run("entity_ops", 3) == 3  # warm-up
            t_ent = _timed(lambda: _check(run("entity_ops", entity_ops), entity_ops))
        finally:
            host.stop()
    return {"seq": seq / t_seq, "par": par / t_par, "latency_ms": statistics.median(lat) * 1000,
            "entity_ops": entity_ops / t_ent}


def _check(total: object, expected: int) -> None:
    assert total == expected, f"the counter reached {total}, expected {expected}"


def bench_durabletask(seq: int, par: int, latency: int, entity_ops: int) -> dict[str, float]:
    os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
    from durabletask import client, task, worker
    from durabletask.entities import EntityInstanceId
    from durabletask.testing import create_test_backend

    port = free_port()
    backend = create_test_backend(port=port)

    def noop(ctx: task.ActivityContext, i: int) -> int:
        return i

    def sequential(ctx: task.OrchestrationContext, n: int) -> Generator[Any, Any, int]:
        for i in range(n):
            yield ctx.call_activity(noop, input=i)
        return n

    def parallel(ctx: task.OrchestrationContext, n: int) -> Generator[Any, Any, int]:
        results = yield task.when_all([ctx.call_activity(noop, input=i) for i in range(n)])
        return len(results)

    def noop_orchestration(ctx: task.OrchestrationContext, _: object) -> str:
        return "done"

    def counter(ctx: Any, amount: int) -> int:
        value: int = ctx.get_state(int, 0)
        if ctx.operation == "add":
            value += amount
            ctx.set_state(value)
        return value

    def signals(ctx: task.OrchestrationContext, n: int) -> Generator[Any, Any, int]:
        entity = EntityInstanceId("counter", ctx.instance_id)
        for _ in range(n):
            ctx.signal_entity(entity, "add", 1)
        total = yield ctx.call_entity(entity, "get")
        return total

    address = f"localhost:{port}"
    # neither side pays for a log line per step (devhost: DEVHOST_LOG_LEVEL=WARNING); errors only,
    # since the worker reports its own shutdown (a cancelled stream) as a warning
    quiet = logging.getLogger("bench.durabletask")
    quiet.setLevel(logging.ERROR)
    w = worker.TaskHubGrpcWorker(host_address=address, logger=quiet)
    orchestrators: list[Any] = [sequential, parallel, noop_orchestration, signals]
    for orch in orchestrators:
        w.add_orchestrator(orch)
    w.add_activity(noop)
    w.add_entity(counter)
    w.start()
    c = client.TaskHubGrpcClient(host_address=address, logger=quiet)
    try:
        def run(orch: Callable[..., Any], payload: object) -> object:
            iid = c.schedule_new_orchestration(orch, input=payload)
            state = c.wait_for_orchestration_completion(iid, timeout=600)
            assert state is not None and state.runtime_status.name == "COMPLETED", state
            return json.loads(state.serialized_output) if state.serialized_output else None

        run(sequential, 3)
        t_seq = _timed(lambda: run(sequential, seq))
        t_par = _timed(lambda: run(parallel, par))
        lat = [_timed(lambda: run(noop_orchestration, None)) for _ in range(latency)]
        assert run(signals, 3) == 3  # warm-up
        t_ent = _timed(lambda: _check(run(signals, entity_ops), entity_ops))
    finally:
        w.stop()
        backend.stop()
    return {"seq": seq / t_seq, "par": par / t_par, "latency_ms": statistics.median(lat) * 1000,
            "entity_ops": entity_ops / t_ent}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seq", type=int, default=200)
    parser.add_argument("--par", type=int, default=1000)
    parser.add_argument("--latency", type=int, default=20)
    parser.add_argument("--entity-ops", type=int, default=500)
    args = parser.parse_args(argv)
    dev = bench_devhost(args.seq, args.par, args.latency, args.entity_ops)
    ref = bench_durabletask(args.seq, args.par, args.latency, args.entity_ops)
    rows = [("sequential activities/s", "seq", True), ("parallel activities/s", "par", True),
            ("no-op orchestration latency (ms, median)", "latency_ms", False),
            ("entity operations/s", "entity_ops", True)]
    print(f"{args.seq} sequential, {args.par} in one fan-out, median of {args.latency} no-op "
          f"orchestrations, {args.entity_ops} signals to one entity; ratio > 1: devhost is better "
          "(more per second, or lower latency)\n")
    print("| metric | devhost | durabletask.testing | ratio |")
    print("|---|---|---|---|")
    for label, key, higher_better in rows:
        ratio = dev[key] / ref[key] if higher_better else ref[key] / dev[key]
        print(f"| {label} | {dev[key]:.1f} | {ref[key]:.1f} | {ratio:.2f}× |")
    print("\nPublished Azure Storage backend: ~5 sequential, ~100 parallel activities/s per "
          "instance.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
