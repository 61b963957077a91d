"""`make test`: lint and type checks, then every test with the emulators started (and stopped
again, also on failure).

`ruff check .` and `mypy .` run first and any finding fails the run before pytest starts (CI
runs this through `.ci/run`). `--skip-checks` (first argument) skips them while iterating on a
test; the other arguments go to pytest.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from devstack import services

REPO = Path(__file__).resolve().parents[1]
CHECKS = (("ruff", ["-m", "ruff", "check", "."]), ("mypy", ["-m", "mypy", "."]))


def checks() -> list[str]:
    """The checks that found something (their findings are printed as they run)."""
    failed = []
    for name, args in CHECKS:
        print(f"{name}: checking ...", flush=True)
        if subprocess.call([sys.executable, *args], cwd=REPO) != 0:
            failed.append(name)
    return failed


def main(argv: list[str]) -> int:
    if argv[:1] == ["--skip-checks"]:
        argv = argv[1:]
    else:
        failed = checks()
        if failed:
            print(f"make test: {' and '.join(failed)} found problems (above); fix them first",
                  file=sys.stderr)
            return 1
    try:
        started = services.up()
    except services.StackError as exc:
        print(f"devstack: {exc}", file=sys.stderr)
        return 1
    try:
        return subprocess.call([sys.executable, "-m", "pytest", *argv], cwd=REPO)
    finally:
        services.down(tuple(started))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
