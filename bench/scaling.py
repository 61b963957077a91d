"""How the local engine scales with the number of concurrent activities, side by side in one run.

One call (default 10 minutes) through the whole pipeline, once per worker count N: the host runs
at most N activities at once (host.json `maxConcurrentActivityFunctions`, overridden through the
app setting `AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions`) and
the local engine transcribes N chunks at once (`LOCAL_WHISPER_PARALLEL`), so the call is cut into
a multiple of N chunks. Threads per chunk stay fixed (`--threads`). Prints wall time, audio
seconds per wall second, speed-up against the first count, and the host's peak memory.

Usage: python -m bench.scaling [--minutes 10] [--workers 1 2 4] [--beam 5] [--threads 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench.pipeline import add_model_options, make_call, peak_rss_mb, run_call, start_host
from devstack import services

OVERRIDE = "AzureFunctionsJobHost__extensions__durableTask__maxConcurrentActivityFunctions"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    add_model_options(parser)
    args = parser.parse_args(argv)
    started = services.up()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path, _ = make_call(args.minutes, Path(tmp) / f"call-{args.minutes:g}min.mp3")
            for n in args.workers:
                host = start_host(Path(tmp) / f"work-{n}", args.beam, args.threads, args.model,
                                  LOCAL_WHISPER_PARALLEL=str(n), **{OVERRIDE: str(n)})
                try:
                    run = run_call(host, path, f"scaling-{n}.mp3")
                    peak = peak_rss_mb(host)
                finally:
                    host.stop()
                rows.append((n, run, peak))
                print(f"{n} concurrent: {run.wall:.1f} s, {run.chunks} chunks", flush=True)
    finally:
        services.down(tuple(started))
    base = rows[0][1].wall
    print(f"\n{args.minutes:g}-minute call, beam {args.beam}, {args.threads} threads per chunk, "
          f"{os.cpu_count()} cores\n")
    print("| concurrent activities | chunks | pipeline (s) | audio s per wall s | speed-up "
          f"against {rows[0][0]} | peak RSS host |")
    print("|---|---|---|---|---|---|")
    for n, run, peak in rows:
        print(f"| {n} | {run.chunks} | {run.wall:.1f} | {run.seconds / run.wall:.1f} | "
              f"{base / run.wall:.2f}× | {peak:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
