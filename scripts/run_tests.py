"""`make test`: start the emulators, run every test, stop what was started (also on failure)."""

from __future__ import annotations

import subprocess
import sys

from devstack import services


def main(argv: list[str]) -> int:
    try:
        started = services.up()
    except services.StackError as exc:
        print(f"devstack: {exc}", file=sys.stderr)
        return 1
    try:
        return subprocess.call([sys.executable, "-m", "pytest", *argv])
    finally:
        services.down(tuple(started))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
