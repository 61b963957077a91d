"""`python -m support.cli`: the support and workspace endpoints from a terminal.

    python -m support.cli show CALL_ID | --blob NAME
    python -m support.cli list [--status failed] [--from ISO] [--to ISO]
    python -m support.cli find [WORDS] [--status S] [--intent I] [--product P] [--country C]
                               [--city C] [--from DATE] [--to DATE] [--sort F] [--asc] [--limit N]
    python -m support.cli replay CALL_ID
    python -m support.cli replay-batch [--status failed] [--from ISO] [--to ISO]
    python -m support.cli accounting [--from ISO] [--to ISO]
    python -m support.cli delete CALL_ID [--yes] [--actor NAME]

Tables by default; `--json` (before or after the command) prints the answers as JSON for scripts.
The host is CALLINSIGHTS_URL (default http://127.0.0.1:7071); a function key, where keys are
enforced, comes from CALLINSIGHTS_KEY and is sent as x-functions-key (never printed).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import Any

import requests


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_text(v)}" for k, v in value.items())
    return str(value)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[tuple[str, str]],
          width: int | None = None) -> str:
    """Rows as an aligned text table; `columns` are (key, heading). Cells are cut with … so the
    table fits the terminal, the widest columns giving way first."""
    if not rows:
        return "(none)"
    width = width or shutil.get_terminal_size((120, 20)).columns
    cells = [[_text(r.get(k)).replace("\n", " ") for k, _ in columns] for r in rows]
    heads = [h for _, h in columns]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(heads)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 8:
        widths[widths.index(max(widths))] -= 1

    def line(values: Sequence[str]) -> str:
        out = [v if len(v) <= w else v[:w - 1] + "…" for v, w in zip(values, widths, strict=True)]
        return "  ".join(v.ljust(w) for v, w in zip(out, widths, strict=True)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(heads), rule, *(line(c) for c in cells)])


def fields(pairs: Sequence[tuple[str, Any]]) -> str:
    """Label: value lines, the labels aligned; empty values left out."""
    shown = [(k, _text(v)) for k, v in pairs if v not in (None, "", [])]
    pad = max((len(k) for k, _ in shown), default=0)
    return "\n".join(f"{k.ljust(pad)}  {v}" for k, v in shown)


CALL_COLUMNS = (("callId", "call"), ("status", "status"), ("blob", "recording"),
                ("updatedAt", "updated"), ("attempts", "attempts"), ("failure", "failure"))
FIND_COLUMNS = (("callId", "call"), ("status", "status"), ("callDate", "date"),
                ("customer", "customer"), ("company", "company"), ("place", "place"),
                ("products", "products"), ("intent", "intent"), ("budget", "budget"))


def show_call(body: dict[str, Any]) -> str:
    record, orch = body.get("record", {}), body.get("orchestration") or {}
    a = record.get("analysis") or {}
    meta = record.get("metadata") or {}
    failure = record.get("failure") or {}
    loc = (a.get("location") or {}).get("value") or {}
    budget = (a.get("budget") or {}).get("value") or {}

    def ev(name: str) -> Any:
        return (a.get(name) or {}).get("value")

    return fields([
        ("call", record.get("callId")), ("status", record.get("status")),
        ("recording", f"{meta.get('blobContainer')}/{meta.get('blobName')}"),
        ("attempts", record.get("attempts")),
        ("failure", f"{failure.get('stage')}: {failure.get('reason')}" if failure else None),
        ("customer", ev("customerName")), ("company", ev("company")),
        ("place", ", ".join(v for v in (loc.get("city"), loc.get("region"), loc.get("country"))
                            if v)),
        ("products", [p.get("value") for p in a.get("productsOfInterest") or []]),
        ("intent", ev("buyingIntent")),
        ("budget", budget.get("asSaid") or budget.get("amount")),
        ("timeline", ev("timeline")), ("e-mail", ev("contactEmail")), ("phone", ev("contactPhone")),
        ("corrections", [f"{c['field']}={_text(c['value'])} ({c['by']})"
                         for c in record.get("corrections") or []]),
        ("orchestration", f"{orch.get('instanceId')} {orch.get('runtimeStatus') or ''}".strip()
         if orch else None),
        ("progress", orch.get("customStatus")), ("status URL", orch.get("statusQueryGetUri")),
        ("updated", record.get("updatedAt"))])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m support.cli",
                                     description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    sub = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    show = sub.add_parser("show", parents=[common])
    show.add_argument("call_id", nargs="?")
    show.add_argument("--blob")
    for name in ("list", "replay-batch", "accounting"):
        p = sub.add_parser(name, parents=[common])
        p.add_argument("--status", default="failed" if name == "replay-batch" else None)
        p.add_argument("--from", dest="since")
        p.add_argument("--to", dest="until")
    find = sub.add_parser("find", parents=[common], help="search and filter (workspace API)")
    find.add_argument("words", nargs="*")
    for opt in ("status", "intent", "product", "country", "region", "city", "sort"):
        find.add_argument(f"--{opt}")
    find.add_argument("--from", dest="since")
    find.add_argument("--to", dest="until")
    find.add_argument("--asc", action="store_true")
    find.add_argument("--limit", type=int, default=50)
    sub.add_parser("replay", parents=[common]).add_argument("call_id")
    delete = sub.add_parser("delete", parents=[common],
                            help="delete a call everywhere: recording, chunks, record, history")
    delete.add_argument("call_id")
    delete.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    delete.add_argument("--actor", default=None, help="who deletes (default: your user name)")
    args = parser.parse_args(argv)
    as_json = bool(args.json)

    base = os.environ.get("CALLINSIGHTS_URL", "http://127.0.0.1:7071").rstrip("/") + "/api"
    headers = {"x-functions-key": os.environ["CALLINSIGHTS_KEY"]} \
        if os.environ.get("CALLINSIGHTS_KEY") else {}
    window = {k: v for k, v in (("status", getattr(args, "status", None)),
                                ("from", getattr(args, "since", None)),
                                ("to", getattr(args, "until", None))) if v}

    def emit(r: requests.Response, render: Any = None) -> int:
        try:
            body = r.json()
        except ValueError:
            print(r.text)
            return 0 if r.ok else 1
        if as_json or render is None:
            print(json.dumps(body, indent=2))
        elif not r.ok:
            print(f"error {r.status_code}: {body.get('error', body)}", file=sys.stderr)
        else:
            print(render(body))
        return 0 if r.ok else 1

    if args.command == "show":
        if args.blob:
            r = requests.get(f"{base}/calls", params={"blob": args.blob}, headers=headers,
                             timeout=30)
        elif args.call_id:
            r = requests.get(f"{base}/calls/{args.call_id}", headers=headers, timeout=30)
        else:
            parser.error("show needs CALL_ID or --blob")
        return emit(r, show_call)
    if args.command == "list":
        calls: list[dict[str, Any]] = []
        token = None
        while True:
            params = dict(window, **({"continuation": token} if token else {}))
            r = requests.get(f"{base}/calls", params=params, headers=headers, timeout=30)
            if not r.ok:
                return emit(r, lambda b: b)
            calls += r.json()["calls"]
            token = r.json().get("continuation")
            if not token:
                break
        if as_json:
            print(json.dumps(calls, indent=2))
            return 0
        for c in calls:
            f = c.get("failure")
            c["failure"] = f"{f['stage']}: {f['reason']}" if isinstance(f, dict) else f
        print(table(calls, CALL_COLUMNS))
        return 0
    if args.command == "find":
        params = {k: v for k, v in (
            ("q", " ".join(args.words)), ("status", args.status), ("intent", args.intent),
            ("product", args.product), ("country", args.country), ("region", args.region),
            ("city", args.city), ("dateFrom", args.since), ("dateTo", args.until),
            ("sort", args.sort), ("order", "asc" if args.asc else None)) if v}
        rows: list[dict[str, Any]] = []
        token = None
        while len(rows) < args.limit:
            page = dict(params, pageSize=str(min(100, args.limit - len(rows))),
                        **({"continuation": token} if token else {}))
            r = requests.get(f"{base}/v1/calls", params=page, headers=headers, timeout=60)
            if not r.ok:
                return emit(r, lambda b: b)
            rows += r.json()["items"]
            token = r.json().get("continuation")
            if not token:
                break
        print(json.dumps(rows, indent=2) if as_json else table(rows, FIND_COLUMNS))
        return 0
    if args.command == "replay":
        r = requests.post(f"{base}/calls/{args.call_id}/replay", headers=headers, timeout=60)
        return emit(r, lambda b: f"{b['callId']}: {b['mode']} as {b['instanceId']} "
                                 f"(attempt {b['attempt']})")
    if args.command == "replay-batch":
        r = requests.post(f"{base}/calls/replay", params=window, headers=headers, timeout=300)
        return emit(r, lambda b: table(b["replayed"], (("callId", "call"), ("mode", "mode"),
                                                       ("instanceId", "instance"),
                                                       ("attempt", "attempt"),
                                                       ("skipped", "skipped"))))
    if args.command == "delete":
        if not args.yes:
            found = requests.get(f"{base}/v1/calls/{args.call_id}", headers=headers, timeout=30)
            if not found.ok:
                return emit(found, lambda b: b)
            meta = found.json()["record"]["metadata"]
            answer = input(f"Delete call {args.call_id} ({meta['blobName']}): the recording, its "
                           "chunk files, its record and its orchestration history? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                print("not deleted")
                return 1
        actor = args.actor or f"cli:{getpass.getuser()}"
        r = requests.delete(f"{base}/v1/calls/{args.call_id}", params={"actor": actor},
                            headers=headers, timeout=120)
        return emit(r, lambda b: fields([
            ("deleted", b["callId"]), ("by", b["actor"]),
            ("recording", "deleted" if b["recordingDeleted"] else "was already gone"),
            ("chunk files", b["chunksDeleted"]),
            ("record", "deleted" if b["recordDeleted"] else "was already gone"),
            ("history purged", b["instancesPurged"] or "none left")]))
    r = requests.get(f"{base}/accounting", params=window, headers=headers, timeout=120)
    return emit(r, lambda b: "\n".join([
        fields([("blobs", b["blobs"]), ("records", b["records"]), ("by status", b["byStatus"]),
                ("balanced", "yes" if b["balanced"] else "no")]),
        *(f"blob without record: {n}" for n in b["blobsWithoutRecord"]),
        *(f"record without blob: {n}" for n in b["recordsWithoutBlob"])]))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
