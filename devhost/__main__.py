"""`python -m devhost start --app-dir DIR [--port N] [--data-dir DIR]`: run an app in the
foreground."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
from pathlib import Path

from . import logs
from .app import AppLoadError
from .runtime import Host, HostOptions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devhost", description="Local Azure Functions host for Durable Python apps")
    sub = parser.add_subparsers(dest="command", required=True)
    start = sub.add_parser("start", help="run the app in the foreground, like `func start`")
    start.add_argument("--app-dir", default=".", type=Path)
    start.add_argument("--port", type=int, default=7071)
    start.add_argument("--host", default="127.0.0.1",
                       help="address to bind (keys are enforced beyond loopback)")
    start.add_argument("--data-dir", type=Path, default=None,
                       help="state directory (default: APP_DIR/.devhost)")
    start.add_argument("--rpc-port", type=int, default=None,
                       help="loopback port of the SDK's RPC endpoint (default: port + 10000, "
                            "or a free port when that is above 65535)")
    start.add_argument("--require-keys", action="store_true",
                       default=os.environ.get("DEVHOST_REQUIRE_KEYS", "") in ("1", "true"),
                       help="enforce function and system keys on loopback too")
    start.add_argument("--blob-poll-seconds", type=float,
                       default=float(os.environ.get("DEVHOST_BLOB_POLL_SECONDS", "1.0")))
    start.add_argument("--log-level", default=os.environ.get("DEVHOST_LOG_LEVEL", "INFO"))
    args = parser.parse_args(argv)

    options = HostOptions(app_dir=args.app_dir, port=args.port, host=args.host,
                          data_dir=args.data_dir, rpc_port=args.rpc_port,
                          require_keys=args.require_keys, blob_poll_seconds=args.blob_poll_seconds)
    logs.setup(args.log_level, [])

    async def serve() -> None:
        try:
            host = Host(options)
        except AppLoadError as exc:
            raise SystemExit(f"devhost: {exc}") from exc
        logs.setup(args.log_level, host.keys.secrets())
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, host.stopping.set)
        await host.run()

    asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
