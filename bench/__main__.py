"""`python -m bench` (make bench): every benchmark, one table after another.

Each compares side by side in the same run; absolute times depend on the machine.
  orchestration  devhost against durabletask.testing (activities/s, latency)
  pipeline       whole pipeline against faster-whisper alone, per call length, with peak memory
  batch          N short calls through the local stack: calls/min, stage breakdown, cost
  quality        word error rate and field accuracy of the local engines
Usage: python -m bench [--quick] [--long]   (--quick: smaller sizes; --long: adds a 60-minute call)
"""

from __future__ import annotations

import sys

from bench import batch, orchestration, pipeline, quality


def main(argv: list[str]) -> int:
    quick, long = "--quick" in argv, "--long" in argv
    print("## Orchestration overhead\n", flush=True)
    orchestration.main(["--seq", "50", "--par", "200", "--latency", "5"] if quick else [])
    print("\n## Pipeline against the bare model\n", flush=True)
    minutes = ["2"] if quick else ["2", "20"] + (["60"] if long else [])
    pipeline.main(["--minutes", *minutes])
    print("\n## Batch\n", flush=True)
    batch.main(["--calls", "20" if quick else "100"])
    print("\n## Quality of the local engines\n", flush=True)
    quality.main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
