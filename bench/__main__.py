"""`python -m bench` (make bench): every benchmark, one table after another.

Each compares side by side in the same run; absolute times depend on the machine.
  orchestration  devhost against durabletask.testing (activities/s, latency)
  pipeline       whole pipeline against faster-whisper alone, per call length (1, 2, 5, 20 min),
                 with peak memory and the host's own time per call (outside the activities)
  scaling        one 10-minute call with 1, 2, 4 concurrent activities
  batch          N short calls through the local stack: calls/min, stage breakdown; again on the
                 OpenAI engines (local server) for the cost model
  quality        the held-out corpus: WER pipeline vs bare, roles, field accuracy per language
  workspace      list, search and insights queries with 10,000 and 100,000 calls in the Cosmos
                 DB emulator, against a point read (--quick: 10,000 only)
Usage: python -m bench [--quick] [--long]
  --quick: smaller sizes (about 7 minutes instead of 27)
  --long:  adds a 60-minute call to the pipeline table (about 9 more minutes)
"""

from __future__ import annotations

import os
import platform
import re
import sys
import time
from importlib.metadata import version
from pathlib import Path

from bench import batch, orchestration, pipeline, quality, scaling, workspace


def machine() -> str:
    """The machine and versions the numbers below come from."""
    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    mem = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
    return (f"{time.strftime('%Y-%m-%d')}: {cpu.group(1).strip() if cpu else platform.machine()}, "
            f"{os.cpu_count()} cores, {int(mem.group(1)) // 1024 ** 2 if mem else '?'} GB, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"faster-whisper {version('faster-whisper')}, ctranslate2 {version('ctranslate2')}, "
            f"azure-functions-durable {version('azure-functions-durable')}")


def main(argv: list[str]) -> int:
    quick, long = "--quick" in argv, "--long" in argv
    print(f"Machine: {machine()}\n", flush=True)
    print("## Orchestration overhead\n", flush=True)
    orchestration.main(["--seq", "50", "--par", "200", "--latency", "5"] if quick else [])
    print("\n## Pipeline against the bare model\n", flush=True)
    minutes = ["1", "2"] if quick else ["1", "2", "5", "20"]
    pipeline.main(["--minutes", *minutes, *(["60"] if long else []),
                   *(["--repeat", "1"] if quick else [])])
    print("\n## Scaling with concurrent activities\n", flush=True)
    scaling.main(["--minutes", "3", "--workers", "1", "2"] if quick else [])
    print("\n## Batch\n", flush=True)
    batch.main(["--calls", "20" if quick else "100"])
    print("\n## Batch on the cloud engines (local OpenAI-speaking server): throughput and cost\n",
          flush=True)
    batch.main(["--calls", "20" if quick else "100", "--engines", "fake-cloud"])
    print("\n## Quality of the local engines\n", flush=True)
    quality.main(["--part", "heldout"])
    print("\n## Workspace queries at scale (Cosmos DB emulator)\n", flush=True)
    workspace.main(["--sizes", "10000"] if quick else
                   ["--sizes", "10000", "100000", "--insights-up-to", "100000"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
