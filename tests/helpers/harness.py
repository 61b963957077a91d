"""Drive an app's orchestrations in-process, step by step, with a clock that can skip ahead.

Uses the local host's engine (the SDK's own handler, real histories) without HTTP or threads:
the test decides what each activity returns, so orchestrators are tested by replay.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from devhost.app import load_app
from devhost.engine import Engine
from devhost.store import Store


class Harness:
    def __init__(self, app_dir: Path, data: Path) -> None:
        self.offset = 0.0
        self.store = Store(data / "harness.sqlite")
        self.engine = Engine(self.store, load_app(app_dir), lambda: None,
                             clock=lambda: time.time() + self.offset)

    def start(self, name: str, payload: Any, instance_id: str = "test-instance") -> str:
        return self.engine.start_new(name, instance_id, json.dumps(payload)).instance_id

    def run(self) -> list[dict]:
        """Run episodes until nothing is due; return the activities waiting to run."""
        while True:
            due = self.store.due_instances(self.engine.clock())
            if not due:
                break
            for iid in due:
                self.engine.process(iid)
        return [dict(r) for r in self.store.pending_work(set(), 10_000)]

    def complete(self, work: dict, result: Any) -> None:
        self.engine.complete_work(work, json.dumps(result), None)

    def fail(self, work: dict, message: str) -> None:
        self.engine.complete_work(work, None, (f"Activity function '{work['name']}' failed: "
                                               f"{message}", message))

    def skip(self, seconds: float) -> None:
        self.offset += seconds

    def status(self, instance_id: str = "test-instance") -> dict:
        inst = self.store.get(instance_id)
        assert inst is not None
        return {"status": inst.status, "output": json.loads(inst.output) if inst.output else None,
                "custom": json.loads(inst.custom_status) if inst.custom_status else None}
