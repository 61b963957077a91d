"""Queue trigger app: records every message it is handed; `fail` messages always fail, `flaky`
ones fail on their first dequeue."""

import json
import os
import time
from pathlib import Path

import azure.functions as func

app = func.FunctionApp()
STATE = Path(os.environ["QUEUE_STATE_DIR"])


@app.queue_trigger(arg_name="msg", queue_name="%WORK_QUEUE%", connection="AzureWebJobsStorage")
def on_message(msg: func.QueueMessage) -> None:
    body = msg.get_body().decode()
    record = {"id": msg.id, "body": body, "dequeue_count": msg.dequeue_count,
              "insertion_time": msg.insertion_time.isoformat() if msg.insertion_time else None,
              "expiration_time": msg.expiration_time.isoformat() if msg.expiration_time else None,
              "pop_receipt": msg.pop_receipt, "at": time.time()}
    with (STATE / "messages.jsonl").open("a") as f:
        f.write(json.dumps(record) + "\n")
    if body.startswith("fail") or (body.startswith("flaky") and msg.dequeue_count == 1):
        raise RuntimeError(f"cannot handle {body}")
