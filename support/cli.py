"""`python -m support.cli`: the support endpoints from a terminal.

    python -m support.cli show CALL_ID | --blob NAME
    python -m support.cli list [--status failed] [--from ISO] [--to ISO]
    python -m support.cli replay CALL_ID
    python -m support.cli replay-batch [--status failed] [--from ISO] [--to ISO]
    python -m support.cli accounting [--from ISO] [--to ISO]

The host is CALLINSIGHTS_URL (default http://127.0.0.1:7071); a function key, where keys are
enforced, comes from CALLINSIGHTS_KEY and is sent as x-functions-key (never printed).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

import requests


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m support.cli",
                                     description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    show = sub.add_parser("show")
    show.add_argument("call_id", nargs="?")
    show.add_argument("--blob")
    for name in ("list", "replay-batch", "accounting"):
        p = sub.add_parser(name)
        p.add_argument("--status", default="failed" if name == "replay-batch" else None)
        p.add_argument("--from", dest="since")
        p.add_argument("--to", dest="until")
    sub.add_parser("replay").add_argument("call_id")
    args = parser.parse_args(argv)

    base = os.environ.get("CALLINSIGHTS_URL", "http://127.0.0.1:7071").rstrip("/") + "/api"
    headers = {"x-functions-key": os.environ["CALLINSIGHTS_KEY"]} \
        if os.environ.get("CALLINSIGHTS_KEY") else {}
    window = {k: v for k, v in (("status", getattr(args, "status", None)),
                                ("from", getattr(args, "since", None)),
                                ("to", getattr(args, "until", None))) if v}
    if args.command == "show":
        if args.blob:
            r = requests.get(f"{base}/calls", params={"blob": args.blob}, headers=headers,
                             timeout=30)
        elif args.call_id:
            r = requests.get(f"{base}/calls/{args.call_id}", headers=headers, timeout=30)
        else:
            parser.error("show needs CALL_ID or --blob")
    elif args.command == "list":
        calls, token = [], None
        while True:
            params = dict(window, **({"continuation": token} if token else {}))
            r = requests.get(f"{base}/calls", params=params, headers=headers, timeout=30)
            if not r.ok:
                break
            calls += r.json()["calls"]
            token = r.json().get("continuation")
            if not token:
                print(json.dumps(calls, indent=2))
                return 0
    elif args.command == "replay":
        r = requests.post(f"{base}/calls/{args.call_id}/replay", headers=headers, timeout=60)
    elif args.command == "replay-batch":
        r = requests.post(f"{base}/calls/replay", params=window, headers=headers, timeout=300)
    else:
        r = requests.get(f"{base}/accounting", params=window, headers=headers, timeout=120)
    try:
        print(json.dumps(r.json(), indent=2))
    except ValueError:
        print(r.text)
    return 0 if r.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
