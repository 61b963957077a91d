"""`python -m devstack up|down|status|restart`: the emulators the app and tests need."""

from __future__ import annotations

import sys

from . import services


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "status"
    try:
        if command == "up":
            started = services.up()
            for name, state in services.status().items():
                print(f"{name}: {state}" + (" (started now)" if any(
                    s.name == name for s in started) else " (reused)"))
        elif command == "down":
            services.down()
            print("devstack: stopped")
        elif command == "restart":
            services.down()
            services.up()
            print("devstack: restarted")
        elif command == "status":
            for name, state in services.status().items():
                print(f"{name}: {state}")
        else:
            print("usage: python -m devstack up|down|status|restart", file=sys.stderr)
            return 2
    except services.StackError as exc:
        print(f"devstack: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
