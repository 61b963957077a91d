"""The pipeline against the bare model, side by side in one run, per call length.

For each length: the same MP3 transcribed by faster-whisper alone (same model, beam, threads; in a
subprocess, to read its peak memory) and processed by the whole pipeline through the local host
on the emulators (upload to completed orchestration), alternately, `--repeat` times for calls of
up to 5 minutes (medians are reported; these machines are shared and noisy), once for longer ones.

Prints two tables:
- speed, accuracy and memory: wall times, their ratio, audio seconds per wall second, word error
  rate of each transcript against the script, peak resident memory;
- the host's own overhead per call, read from its execution log: blob trigger (upload to the first
  orchestrator episode), time inside activities, and the rest of the orchestration's wall time,
  which is the host's (dispatch, episodes, state writes).

Usage: python -m bench.pipeline [--minutes 1 2 5 20] [--repeat 3] [--beam 5] [--threads 2]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import numpy as np

from bench.quality import wer
from devhost import logs
from devstack import services
from tests.helpers.app_host import AppHost
from tests.helpers.audio import RATE, conversation, silence, speak, write
from tests.helpers.calls import CALLS, FILLER

BARE = """
import json, sys, time, re
from faster_whisper import WhisperModel
model = WhisperModel(sys.argv[4], device="cpu", compute_type="int8", cpu_threads=int(sys.argv[3]))
t0 = time.perf_counter()  # model loaded: both sides are timed warm
segments, info = model.transcribe(sys.argv[1], beam_size=int(sys.argv[2]),
                                  condition_on_previous_text=False, word_timestamps=True,
                                  language=sys.argv[5] or None)
text = " ".join(s.text.strip() for s in segments)
wall = time.perf_counter() - t0
hwm = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1))
print(json.dumps({"wall": wall, "text": text, "duration": info.duration, "peak_kb": hwm}))
"""


@dataclass(frozen=True)
class CallRun:
    """One call through the host, from upload to the episode that completed the orchestration."""
    wall: float
    trigger: float  # upload to the start of the first orchestrator episode
    busy: float  # time during which at least one of the call's activities was running
    host: float  # the rest of the orchestration's wall time: the host's own
    episodes: int
    episodes_ms: float
    chunks: int
    seconds: float  # of audio
    text: str


def make_call(minutes: float, path: Path) -> tuple[Path, str]:
    """About `minutes` of a sales call (opening, small talk, closing), cut at line ends, and its
    script, so both transcripts can be scored against what was said."""
    spoken: dict[str, np.ndarray] = {}

    def audio(line: str) -> np.ndarray:
        if line not in spoken:
            spoken[line] = np.concatenate([speak(line), silence(0.6)])
        return spoken[line]

    closing = CALLS[0].lines[3:]
    room = minutes * 60 * RATE - sum(len(audio(line)) for line in closing)
    lines: list[str] = []
    for line in itertools.chain(CALLS[0].lines, itertools.cycle(FILLER)):
        if lines and sum(len(audio(x)) for x in lines) + len(audio(line)) > room:
            break
        lines.append(line)
    lines += closing
    return write(np.concatenate([audio(line) for line in lines]), path), " ".join(lines)


def covered(intervals: list[tuple[float, float]]) -> float:
    """Total length of the union of intervals."""
    total, reach = 0.0, float("-inf")
    for start, end in sorted(intervals):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def model_dir(model: str) -> tuple[str, str]:
    """The model directory and forced language the local engine uses for LOCAL_WHISPER_MODEL
    (English calls: "auto" transcribes them with tiny.en)."""
    from adapters import whisper_models

    if model in ("tiny.en", "auto"):
        return str(whisper_models.tiny_en_path()), "en"
    return str(whisper_models.base_path()), ""


def bare(path: Path, beam: int, threads: int, model: str = "base") -> dict:
    directory, language = model_dir(model)
    out = subprocess.run([sys.executable, "-c", BARE, str(path), str(beam), str(threads),
                          directory, language], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_host(work: Path, beam: int, threads: int, model: str = "base", **env: str) -> AppHost:
    """A host on the emulators, warmed (model, spaCy, gazetteer, clients) by one short call."""
    host = AppHost(work, LOCAL_WHISPER_BEAM_SIZE=str(beam), LOCAL_WHISPER_THREADS=str(threads),
                   LOCAL_WHISPER_MODEL=model, DEVHOST_LOG_LEVEL="INFO", **env)
    host.start()
    warm = write(conversation(CALLS[1].lines[:1]), work / "warm.mp3")
    host.upload("warm.mp3", warm.read_bytes())
    host.wait_call("warm.mp3", timeout=600)
    return host


def run_call(host: AppHost, path: Path, name: str) -> CallRun:
    data = path.read_bytes()
    t0 = time.time()
    host.upload(name, data)
    record = host.wait_call(name, timeout=7200, poll=2.0)["record"]
    assert record["status"] == "completed", record.get("failure")
    runs = list(logs.executions(host.log(), record["instanceId"]))
    episodes = [e for e in runs if e.kind == "orchestrator"]
    busy = covered([(e.start, e.end) for e in runs if e.kind == "activity"])
    started, ended = episodes[0].start, episodes[-1].end
    return CallRun(wall=ended - t0, trigger=started - t0, busy=busy,
                   host=(ended - started) - busy, episodes=len(episodes),
                   episodes_ms=sum(e.end - e.start for e in episodes) * 1000,
                   chunks=record["metadata"]["chunkCount"],
                   seconds=record["metadata"]["audio"]["durationSeconds"],
                   text=record["transcript"]["text"])


def peak_rss_mb(host: AppHost) -> float:
    assert host.proc is not None
    status = Path(f"/proc/{host.proc.pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024  # type: ignore[union-attr]


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Model, beam and threads of local Whisper, the same for every benchmark that
    transcribes."""
    parser.add_argument("--beam", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--model", choices=["base", "tiny.en", "auto"], default="base")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[1, 2, 5, 20])
    parser.add_argument("--repeat", type=int, default=3, help="runs per call of up to 5 minutes")
    add_model_options(parser)
    args = parser.parse_args(argv)
    started = services.up()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for minutes in args.minutes:
                path, script = make_call(minutes, Path(tmp) / f"call-{minutes:g}min.mp3")
                host = start_host(Path(tmp) / f"work-{minutes:g}", args.beam, args.threads,
                                  args.model)
                bares, calls = [], []
                try:
                    for i in range(args.repeat if minutes <= 5 else 1):
                        bares.append(bare(path, args.beam, args.threads, args.model))
                        calls.append(run_call(host, path, f"{minutes:g}min-{i}.mp3"))
                        print(f"{minutes:g} min, run {i + 1}: bare {bares[-1]['wall']:.1f} s, "
                              f"pipeline {calls[-1].wall:.1f} s", flush=True)
                    peak = peak_rss_mb(host)
                finally:
                    host.stop()
                rows.append((minutes, script, bares, calls, peak))
    finally:
        services.down(tuple(started))

    print(f"\nbeam {args.beam}, {args.threads} threads; medians of the runs; word error rate "
          "against the script (both sides hear the same file)\n")
    print("| call | chunks | runs | bare model (s) | pipeline (s) | pipeline / bare | audio s per "
          "wall s, bare | audio s per wall s, pipeline | WER bare | WER pipeline | peak RSS bare "
          "| peak RSS host |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for minutes, script, bares, calls, peak in rows:
        b, p = median([x["wall"] for x in bares]), median([c.wall for c in calls])
        seconds = bares[0]["duration"]
        print(f"| {minutes:g} min | {calls[0].chunks} | {len(calls)} | {b:.1f} | {p:.1f} | "
              f"{p / b:.2f} | {seconds / b:.1f} | {seconds / p:.1f} | "
              f"{wer(script, bares[0]['text']):.3f} | {wer(script, calls[0].text):.3f} | "
              f"{max(x['peak_kb'] for x in bares) / 1024:.0f} MB | {peak:.0f} MB |")
    print("\nThe host's own time per call (from its execution log; medians):\n")
    print("| call | upload to completed (s) | in activities (s) | blob trigger (s) | host, "
          "outside activities (ms) | share of wall | orchestrator episodes | in episodes (ms) |")
    print("|---|---|---|---|---|---|---|---|")
    for minutes, _, _, calls, _ in rows:
        host_ms = median([c.host for c in calls]) * 1000
        wall = median([c.wall for c in calls])
        print(f"| {minutes:g} min | {wall:.2f} | {median([c.busy for c in calls]):.2f} | "
              f"{median([c.trigger for c in calls]):.2f} | {host_ms:.0f} | "
              f"{host_ms / 10 / wall:.1f}% | {calls[0].episodes} | "
              f"{median([c.episodes_ms for c in calls]):.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
