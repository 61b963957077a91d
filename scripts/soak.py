"""Soak: batches of calls for a while, with the host SIGKILLed at random and the emulators
restarted now and then; at the end every call must have a completed record, and no chunk that
had completed may have been transcribed again.

Usage: python -m scripts.soak [--minutes 10] [--batch 40] [--seed 1]
Uses the OpenAI engines against the local OpenAI-speaking server, so calls are quick.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from devstack import services
from tests.e2e.test_openai_pipeline import cloud_env
from tests.e2e.test_reliability import _chunk_runs, _variant, _wait_all
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS
from tests.helpers.openai_server import FakeOpenAI


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--batch", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    started = services.up()
    server = FakeOpenAI(transcript=CALLS[0].text).start()
    kills = outages = 0
    names: list[str] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            audio = write(conversation(CALLS[0].lines[:1]), Path(tmp) / "s.mp3").read_bytes()
            app = AppHost(Path(tmp), **cloud_env(server))
            app.start()
            deadline = time.monotonic() + args.minutes * 60
            results: dict[str, dict] = {}
            while time.monotonic() < deadline:
                batch = [f"soak/{len(names) + i:05d}.mp3" for i in range(args.batch)]
                for i, name in enumerate(batch):
                    app.upload(name, _variant(audio, len(names) + i))
                names += batch
                time.sleep(rng.uniform(1, 4))
                if rng.random() < 0.7:
                    app.kill()
                    app.start()
                    kills += 1
                if rng.random() < 0.2 and services.stop(services.COSMOS):
                    time.sleep(rng.uniform(1, 4))
                    services.start(services.COSMOS)
                    outages += 1
                results.update(_wait_all(app, batch, timeout=900))  # a bounded backlog
                print(f"{len(names)} done, {kills} kills, {outages} Cosmos outages", flush=True)
            app.stop()
            runs = _chunk_runs(app.log())
    finally:
        server.stop()
        services.down(tuple(started))
    statuses = Counter(b["record"]["status"] for b in results.values())
    twice = [k for k, v in runs.items() if v > 1]
    print(f"{len(names)} calls: {dict(statuses)}; {kills} SIGKILLs, {outages} Cosmos outages; "
          f"chunks transcribed twice after completing: {len(twice)}")
    ok = statuses.get("completed", 0) == len(names) and not twice
    print("SOAK PASSED" if ok else "SOAK FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
