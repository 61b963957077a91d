"""Timer trigger app: each run records the TimerRequest the function received as a JSON line."""

import json
import os
import time
from pathlib import Path

import azure.functions as func

app = func.FunctionApp()
STATE = Path(os.environ["TIMER_STATE_DIR"])


def record(kind: str, timer: func.TimerRequest) -> None:
    line = {"kind": kind, "at": time.time(), "past_due": timer.past_due,
            "status": timer.schedule_status, "schedule": timer.schedule}
    with (STATE / "runs.jsonl").open("a") as f:
        f.write(json.dumps(line) + "\n")


@app.timer_trigger(arg_name="timer", schedule="*/2 * * * * *")
def every_two_seconds(timer: func.TimerRequest) -> None:
    record("fast", timer)
    raise RuntimeError("a failing run does not stop the schedule")


@app.timer_trigger(arg_name="timer", schedule="%MONITORED_SCHEDULE%", run_on_startup=True,
                   use_monitor=True)
def monitored(timer: func.TimerRequest) -> None:
    record("monitored", timer)
