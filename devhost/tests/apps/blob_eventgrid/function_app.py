"""Event Grid blob trigger app: records each invocation as a JSON line; blobs named bad-* fail."""

import json
import os
from pathlib import Path

import azure.functions as func

app = func.FunctionApp()
STATE = Path(os.environ["BLOB_STATE_DIR"])


@app.blob_trigger(arg_name="blob", path="%INBOX_CONTAINER%/{name}",
                  connection="AzureWebJobsStorage", source=func.BlobSource.EVENT_GRID)
def on_blob(blob: func.InputStream) -> None:
    record = {"name": blob.name, "content": blob.read().decode(), "length": blob.length,
              "etag": (blob.blob_properties or {}).get("ETag"), "uri": blob.uri}
    with (STATE / "invocations.jsonl").open("a") as f:
        f.write(json.dumps(record) + "\n")
    if blob.name.split("/", 1)[1].startswith("bad-"):
        raise RuntimeError("cannot process this blob")
