"""Batch throughput: N short calls uploaded at once through the local stack; where the time goes
(stage breakdown from the records) and what the batch would cost on the cloud engines.

--engines local      faster-whisper tiny.en and the offline extractor (default)
--engines fake-cloud the OpenAI engines against the local OpenAI-speaking test server, so token
                     usage is recorded and the cost model has something to price

Usage: python -m bench.batch [--calls 100] [--engines local|fake-cloud]
       [--price-minute 0.006] [--price-in 0.15] [--price-out 0.60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

from core.costs import Prices, call_cost
from devstack import services
from models.record import CallRecord
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=100)
    parser.add_argument("--engines", choices=["local", "fake-cloud"], default="local")
    parser.add_argument("--price-minute", type=float, default=Prices.transcription_per_minute)
    parser.add_argument("--price-in", type=float, default=Prices.input_per_million_tokens)
    parser.add_argument("--price-out", type=float, default=Prices.output_per_million_tokens)
    args = parser.parse_args(argv)
    prices = Prices(args.price_minute, args.price_in, args.price_out)
    started = services.up()
    server = None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            env: dict[str, str] = {}
            if args.engines == "fake-cloud":
                from tests.e2e.test_openai_pipeline import cloud_env
                from tests.helpers.openai_server import FakeOpenAI

                server = FakeOpenAI(transcript=CALLS[0].text).start()
                env = cloud_env(server)
            host = AppHost(Path(tmp), DEVHOST_LOG_LEVEL="WARNING", **env)
            host.start()
            audio = [write(conversation(c.lines), Path(tmp) / f"{c.key}.mp3").read_bytes()
                     for c in CALLS]
            names = [f"batch/call-{i:04d}.mp3" for i in range(args.calls)]
            t0 = time.perf_counter()
            for i, name in enumerate(names):
                host.upload(name, audio[i % len(audio)] + f"#{i}".encode())
            while True:
                r = requests.get(f"{host.durable}/instances/", timeout=30,
                                 params={"runtimeStatus": "Completed,Failed"})
                if len(r.json()) >= len(names):
                    break
                time.sleep(1.0)
            wall = time.perf_counter() - t0
            records = [CallRecord.model_validate(host.wait_call(n)["record"]) for n in names]
            host.stop()
    finally:
        if server:
            server.stop()
        services.down(tuple(started))
    done = [r for r in records if r.status == "completed"]
    reasons = {r.failure.reason for r in records if r.failure}
    if reasons:
        print("failures:", "; ".join(sorted(reasons))[:600])
    if not done:
        return 1
    audio_min = sum(r.metadata.audio.duration_seconds for r in done if r.metadata.audio) / 60
    print(f"{len(done)}/{len(records)} completed in {wall:.1f} s: "
          f"{len(records) / wall * 60:.1f} calls/min, {audio_min:.1f} audio minutes "
          f"({audio_min * 60 / wall:.1f} audio s per wall s), engines {args.engines}")
    print("\n| stage (wall time in the orchestration, incl. waiting for a worker) | mean ms | "
          "median ms | share |\n|---|---|---|---|")
    stages = {"prepare": [r.metadata.timings.prepare_ms for r in done],
              "transcribe": [r.metadata.timings.transcribe_ms for r in done],
              "extract": [r.metadata.timings.extract_ms for r in done]}
    total = sum(sum(v) for v in stages.values()) or 1
    for stage, values in stages.items():
        print(f"| {stage} | {statistics.mean(values):.0f} | {statistics.median(values):.0f} | "
              f"{sum(values) / total:.0%} |")
    totals = [r.metadata.timings.total_ms for r in done]
    print(f"| upload-to-record (per call, incl. queueing) | {statistics.mean(totals):.0f} | "
          f"{statistics.median(totals):.0f} | |")
    if args.engines == "local":
        print("\ncost: the local engines bill nothing (`--engines fake-cloud` prices the recorded "
              "usage of the OpenAI engines)")
        return 0
    cost = sum(call_cost(r, prices) for r in done)
    print(f"\ncost at ${prices.transcription_per_minute}/audio min, "
          f"${prices.input_per_million_tokens}/M input and "
          f"${prices.output_per_million_tokens}/M output tokens: ${cost:.4f} for the batch, "
          f"${cost / max(1, len(done)):.5f} per call")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
