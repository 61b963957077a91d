"""Blob trigger app: records each invocation; blobs named bad-* always fail."""

import os
from pathlib import Path

import azure.durable_functions as df
import azure.functions as func

app = df.DFApp(http_auth_level=func.AuthLevel.ANONYMOUS)
STATE = Path(os.environ["BLOB_STATE_DIR"])


@app.blob_trigger(arg_name="blob", path="%INBOX_CONTAINER%/{name}",
                  connection="AzureWebJobsStorage")
@app.durable_client_input(client_name="client")
async def on_blob(blob: func.InputStream, client) -> None:
    name = (blob.name or "").split("/", 1)[1]
    with (STATE / "invocations.log").open("a") as f:
        f.write(f"{blob.name}|{blob.read().decode()}\n")
    if name.startswith("bad-"):
        raise RuntimeError("cannot process this blob")
    await client.start_new("echo", None, name)


@app.orchestration_trigger(context_name="context")
def echo(context: df.DurableOrchestrationContext):
    return context.get_input()
