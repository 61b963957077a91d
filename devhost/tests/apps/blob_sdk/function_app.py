"""SDK-type blob bindings (azurefunctions-extensions-bindings-blob): a trigger typed BlobClient,
inputs typed ContainerClient and StorageStreamDownloader, and a plain input for comparison."""

import hashlib
import json
import os
from pathlib import Path

import azure.functions as func
import azurefunctions.extensions.bindings.blob as blob

app = func.FunctionApp(http_auth_level=func.AuthLevel.ANONYMOUS)
STATE = Path(os.environ["BLOB_STATE_DIR"])


@app.blob_trigger(arg_name="client", path="%INBOX_CONTAINER%/{name}",
                  connection="AzureWebJobsStorage", source=func.BlobSource.EVENT_GRID)
@app.blob_input(arg_name="container", path="%INBOX_CONTAINER%/{name}",
                connection="AzureWebJobsStorage")
def on_blob(client: blob.BlobClient, container: blob.ContainerClient) -> None:
    digest = hashlib.sha256()
    for chunk in client.download_blob().chunks():  # streamed, never read whole by the host
        digest.update(chunk)
    record = {"trigger_type": type(client).__name__, "container_type": type(container).__name__,
              "container": client.container_name, "blob": client.blob_name,
              "sha256": digest.hexdigest(), "etag": client.get_blob_properties().etag,
              "listed": sorted(b.name for b in container.list_blobs())}
    with (STATE / "invocations.jsonl").open("a") as f:
        f.write(json.dumps(record) + "\n")


@app.route(route="stream/{name}")
@app.blob_input(arg_name="stream", path="%INBOX_CONTAINER%/{name}",
                connection="AzureWebJobsStorage")
def read_stream(req: func.HttpRequest, stream: blob.StorageStreamDownloader) -> func.HttpResponse:
    return func.HttpResponse(json.dumps({"type": type(stream).__name__,
                                         "content": stream.readall().decode()}),
                             mimetype="application/json")


@app.route(route="plain/{name}")
@app.blob_input(arg_name="data", path="%INBOX_CONTAINER%/{name}",
                connection="AzureWebJobsStorage")
def read_plain(req: func.HttpRequest, data: func.InputStream | None) -> func.HttpResponse:
    if data is None:
        return func.HttpResponse("no such blob", status_code=404)
    return func.HttpResponse(json.dumps({"type": type(data).__name__, "name": data.name,
                                         "content": data.read().decode()}),
                             mimetype="application/json")
