"""`make demo` / `make up` / `make upload`: the pipeline on the local stack, end to end.

Starts the emulators and the local Functions host (or reuses running ones), uploads the sample
recordings (or your file) to the `calls` container, shows each call's progress from the status
API, and prints the stored Cosmos record and the status URL. Stops what it started unless
--keep-up.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from devstack import services
from scripts import host

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples").glob("*.mp3"))
TERMINAL = {"Completed", "Failed", "Terminated"}


def host_up(base: str) -> bool:
    try:
        return requests.get(f"{base}/admin/host/status", timeout=1).ok
    except requests.RequestException:
        return False


def start_host(port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(REPO),
               COSMOS_ENDPOINT=services.cosmos_endpoint(),
               AzureWebJobsStorage=services.storage_connection())
    proc = host.start(port, env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if proc.poll() is not None:
            sys.exit(f"the local host exited; see {host.state_dir() / 'host.log'}")
        if host_up(base):
            return proc
        time.sleep(0.1)
    sys.exit("the local host did not start in 30 s")


def upload(path: Path) -> str:
    from azure.storage.blob import BlobServiceClient

    container = BlobServiceClient.from_connection_string(
        services.storage_connection()).get_container_client("calls")
    if not container.exists():
        container.create_container()
    with path.open("rb") as f:
        container.upload_blob(path.name, f, overwrite=True)
    return path.name


def follow(base: str, blob: str, timeout: float = 1800) -> dict:
    last, deadline = "", time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = requests.get(f"{base}/api/calls", params={"blob": blob}, timeout=10)
        if r.status_code == 200:
            body = r.json()
            orch = body["orchestration"]
            custom = orch.get("customStatus") or {}
            line = f"{orch['runtimeStatus']}: {custom.get('stage', '?')}"
            if custom.get("chunksTotal"):
                line += f" ({custom.get('chunksDone', 0)}/{custom['chunksTotal']} chunks)"
            if line != last:
                print(f"  {blob}: {line}", flush=True)
                last = line
            if orch["runtimeStatus"] in TERMINAL and body["record"]["status"] != "processing":
                return body
        elif last == "":
            print(f"  {blob}: waiting for the blob trigger ...", flush=True)
            last = "waiting"
        time.sleep(0.5)
    raise TimeoutError(f"{blob} did not finish in {timeout:.0f}s")


def show(body: dict) -> None:
    record = body["record"]
    print(f"\n=== {record['metadata']['blobName']}  [{record['status']}]")
    if record.get("failure"):
        print(f"failure ({record['failure']['stage']}): {record['failure']['reason']}")
    analysis = record.get("analysis") or {}
    view = {k: (v["value"] if isinstance(v, dict) and "value" in v else v)
            for k, v in analysis.items() if v not in (None, [], "")}
    if "productsOfInterest" in view:
        view["productsOfInterest"] = [p["value"] for p in analysis["productsOfInterest"]]
    print(json.dumps(view, indent=2))
    if record.get("transcript"):
        print("transcript:", record["transcript"]["text"][:400])
    meta = record["metadata"]
    print(f"duration {meta['audio']['durationSeconds'] if meta.get('audio') else '?'} s, "
          f"{meta['chunkCount']} chunk(s), engines {meta['engines']}, "
          f"timings {meta['timings']}")
    print("status URL:", body["orchestration"]["statusQueryGetUri"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=7071)
    parser.add_argument("--keep-up", action="store_true")
    parser.add_argument("--upload-only", type=Path)
    args = parser.parse_args(argv)
    base = f"http://127.0.0.1:{args.port}"
    try:
        started = services.up()
    except services.StackError as exc:
        print(f"devstack: {exc}", file=sys.stderr)
        return 1
    print("emulators:", ", ".join(f"{k} {v}" for k, v in services.status().items()))
    if services.COSMOS in started and not host_up(base):
        # The Cosmos emulator keeps data in memory: a fresh one has no records, so the host's
        # memory of processed blobs must go too, or nothing would be processed again.
        for stale in host.state_dir().glob("durable.sqlite*"):
            stale.unlink()
    started_host = None
    if host_up(base):
        print(f"reusing the local host on {base}")
    elif services.port_open(args.port):
        print(f"port {args.port} is in use by another program; use make demo PORT=...",
              file=sys.stderr)
        return 1
    else:
        print(f"starting the local Functions host on {base} (log: .devhost/host.log)")
        started_host = start_host(args.port)
    keep = args.keep_up or args.upload_only is not None
    try:
        files = [args.upload_only] if args.upload_only else SAMPLES
        if args.keep_up and not args.upload_only:
            files = []
        names = [upload(f) for f in files]
        for name in names:
            print(f"uploaded {name} to the calls container")
        for name in names:
            show(follow(base, name))
    finally:
        if keep:
            print(f"\nworkspace: {base}/api/workspace", flush=True)
            print(f"The stack stays up: host {base}, Azurite 127.0.0.1:10000, Cosmos "
                  f"{services.cosmos_endpoint()}.\nUpload your own: make upload FILE=path.mp3   "
                  f"Status: curl '{base}/api/calls?status=completed'   Stop: make down")
        else:
            if started_host is not None:
                host.stop()
            services.down(tuple(started))
            print(f"\nworkspace: {base}/api/workspace (stopped with the demo; `make up` "
                  f"keeps it running)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
