"""How much a call's transcript weighs in the orchestration history, inline or by reference.

`python -m scripts.history_size [--minutes 60]`:
1. bytes of transcript JSON per minute of speech: a generated two-party call (espeak-ng), the
   local Whisper engine, stitched as the pipeline does;
2. `process_call` driven to completion by replay (the local host's engine, SQLite, the SDK's
   handler; activities scripted) for a call of that many minutes, with the transcript passed
   inline and by reference (`orchestrators.process_call.INLINE_TRANSCRIPT_MAX_BYTES`): the
   history's size and the time spent in orchestrator episodes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from orchestrators import process_call

REPO = Path(__file__).resolve().parents[1]


def bytes_per_minute() -> float:
    from adapters.speech import LocalWhisper
    from core.stitching import stitch
    from models.call import ChunkRef, ChunkTranscript
    from settings import get_settings
    from tests.helpers.audio import conversation, write
    from tests.helpers.calls import CALLS, FILLER

    lines = [line for c in CALLS for line in c.lines] + FILLER
    with tempfile.TemporaryDirectory() as tmp:
        path = write(conversation(lines), Path(tmp) / "call.wav")
        s = get_settings()
        engine = LocalWhisper(s.local_whisper_model_path, s.local_whisper_model_name, 1, 2)
        from adapters.audio import probe

        seconds = probe(path).duration_seconds
        result = engine.transcribe(path, seconds)
    chunk = ChunkRef(index=0, blob_name="x", start_seconds=0, end_seconds=seconds, owned_from=0,
                     owned_to=seconds)
    transcript = stitch([chunk], [ChunkTranscript(chunk_index=0, segments=result.segments)])
    return len(transcript.model_dump_json()) / (seconds / 60)


def replay(minutes: float, per_minute: float, inline: bool) -> tuple[int, float, int]:
    """History bytes, seconds in episodes, episodes: one call of `minutes` driven to the end."""
    from devhost.engine import Engine
    from models.call import CallRef, ProcessCallInput
    from tests.helpers.harness import Harness

    chunks = max(1, round(minutes / 5))
    chunk_bytes = per_minute * minutes / chunks
    process_call.INLINE_TRANSCRIPT_MAX_BYTES = 10**12 if inline else 0
    spent = [0.0]
    episodes = [0]
    original = Engine.process

    def timed(self: Engine, iid: str) -> Any:
        t0 = time.perf_counter()
        try:
            return original(self, iid)
        finally:
            spent[0] += time.perf_counter() - t0
            episodes[0] += 1

    Engine.process = timed  # type: ignore[method-assign,assignment]  # measuring the host's method
    try:
        with tempfile.TemporaryDirectory() as tmp:
            h = Harness(REPO, Path(tmp))
            call = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3",
                           size_bytes=1, content_sha256="f" * 64)
            h.start("process_call", ProcessCallInput(call=call).model_dump(mode="json"))
            while work := h.run():
                for w in work:
                    h.complete(w, _result(w, chunks, chunk_bytes))
            size = sum(len(json.dumps(e)) for e in h.store.history("test-instance"))
            assert h.status()["status"] == "Completed", h.status()
    finally:
        Engine.process = original  # type: ignore[method-assign]
    return size, spent[0], episodes[0]


def _result(work: dict[str, Any], chunks: int, chunk_bytes: float) -> Any:
    from models.call import ChunkRef

    name = work["name"]
    if name in ("persist_call", "mark_failed"):
        return {"document_id": "c-1", "status": "processing"}
    if name == "prepare_audio":
        return {"chunks": [ChunkRef(index=i, blob_name=f"c-1/x/chunk-{i:04d}.flac",
                                    start_seconds=300 * i, end_seconds=300 * i + 300,
                                    owned_from=300 * i, owned_to=300 * i + 300).model_dump()
                           for i in range(chunks)],
                "audio": {"container_format": "mp3", "codec": "mp3", "channels": 1,
                          "sample_rate": 16000, "duration_seconds": 300.0 * chunks}}
    if name == "transcribe_chunk":
        index = json.loads(work["input"])["chunk"]["index"]
        one = {"start": 103.25, "end": 106.5, "confidence": 0.87,  # times within the chunk
               "text": " so we would like to hear more about the plan", "speaker": None}
        count = max(1, int(chunk_bytes / len(json.dumps(one))))
        step = 299.0 / count
        segments = [dict(one, start=round(step * k, 2), end=round(step * k + step * 0.9, 2))
                    for k in range(count)]
        return {"transcript": {"chunk_index": index, "language": "en", "segments": segments},
                "engine": {"engine": "local", "model": "tiny"}, "usage": {"audio_seconds": 300}}
    if name == "extract_call":
        return {"analysis": {}, "engine": "local", "model": "rules"}
    return {"deleted": chunks}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, nargs="+", default=[5, 20, 60])
    parser.add_argument("--per-minute", type=float, default=None,
                        help="transcript bytes per minute (default: measure with local Whisper)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import os

    os.environ["CREATE_CONTAINERS"] = "false"  # the app is loaded here without storage
    per_minute = args.per_minute or bytes_per_minute()
    print(f"transcript JSON: {per_minute:.0f} bytes per minute of speech\n")
    replay(1, per_minute, True)  # warm up: imports, the SDK's first episode
    print("| call | transcript | history inline | history by reference | episodes (ms), inline "
          "| episodes (ms), by reference |")
    print("|---|---|---|---|---|---|")
    for minutes in args.minutes:
        rows = {}
        for inline in (True, False):
            runs = [replay(minutes, per_minute, inline) for _ in range(args.runs)]
            rows[inline] = (runs[0][0], statistics.median(r[1] for r in runs) * 1000)
        print(f"| {minutes:g} min | {per_minute * minutes / 1024:.0f} KB | "
              f"{rows[True][0] / 1024:.0f} KB | {rows[False][0] / 1024:.0f} KB | "
              f"{rows[True][1]:.0f} | {rows[False][1]:.0f} |")


if __name__ == "__main__":
    main()
