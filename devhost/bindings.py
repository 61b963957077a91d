"""Values the host hands to a function's parameters besides its trigger: storage connections,
blob input bindings, and SDK-type bindings (`azurefunctions-extensions-bindings-blob`).

For a parameter typed with an SDK type (`blob.BlobClient`, `ContainerClient`,
`StorageStreamDownloader`) the host sends no content: it sends *model binding data* (connection
setting name, container, blob name; source `AzureStorageBlobs`, version 1.0, JSON, as the blob
extension's `CreateParameterBindingData` writes it) and the worker's extension converter builds the
client from it. Everything else gets the content through the worker's own converters.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import azure.functions as func
from azure.functions import meta

from .app import FunctionInfo

BLOB_EXTENSION_SOURCE = "AzureStorageBlobs"


class BindingError(Exception):
    """A binding cannot be resolved (an unknown setting, an unresolved path expression)."""


def connection_setting(name: str | None) -> str:
    """The app setting that holds a binding's `connection`: the name itself, `AzureWebJobs<name>`,
    or the name as a prefix of identity-based settings (`<name>__blobServiceUri` and the like)."""
    name = name or "AzureWebJobsStorage"
    for candidate in (name, f"AzureWebJobs{name}"):
        if candidate in os.environ:
            return candidate
        if any(k.startswith(candidate + "__") for k in os.environ):
            return candidate
    raise BindingError(f"connection setting '{name}' is not set")


def connection_string(name: str | None) -> str:
    """A connection string for the emulators (identity-based settings need Azure)."""
    setting = connection_setting(name)
    value = os.environ.get(setting)
    if not value:
        raise BindingError(f"connection setting '{setting}' holds no connection string "
                           "(identity-based connections need Azure)")
    return value


@dataclass(frozen=True)
class ModelBindingData:
    """The worker's protobuf `ModelBindingData`, as the SDK-type converters read it."""
    version: str
    source: str
    content_type: str
    content: bytes


def blob_model_binding_data(connection: str, container: str,
                            blob_name: str | None) -> ModelBindingData:
    content = {"Connection": connection, "ContainerName": container, "BlobName": blob_name}
    return ModelBindingData("1.0", BLOB_EXTENSION_SOURCE, "application/json",
                            json.dumps(content).encode())


def sdk_converter(binding_type: str, annotation: Any) -> Any | None:
    """The extension converter for `binding_type` if the parameter is typed with an SDK type."""
    if not isinstance(annotation, type):
        return None
    try:
        from azurefunctions.extensions.base import SdkType, get_binding_registry
    except ImportError:
        return None
    if not issubclass(annotation, SdkType):
        return None
    converter = get_binding_registry().get(binding_type)
    if converter is None or not converter.check_input_type_annotation(annotation):
        return None
    return converter


def sdk_value(binding_type: str, annotation: Any, connection: str, container: str,
              blob_name: str | None) -> Any:
    """What the extension converter builds from the model binding data (blocking: it may read)."""
    from azurefunctions.extensions.base import Datum

    converter = sdk_converter(binding_type, annotation)
    assert converter is not None
    datum = Datum(value=blob_model_binding_data(connection, container, blob_name),
                  type="model_binding_data")
    return converter.decode(datum, trigger_metadata=None, pytype=annotation)


def blob_stream(data: bytes, container: str, blob_name: str, url: str,
                properties: Mapping[str, Any], metadata: Mapping[str, str]) -> func.InputStream:
    """`func.InputStream` as the worker's blob converter builds it from the host's trigger data."""
    trigger_metadata = {
        "BlobTrigger": meta.Datum(type="string", value=f"{container}/{blob_name}"),
        "Uri": meta.Datum(type="string", value=url),
        "Properties": meta.Datum(type="json", value=json.dumps(dict(properties))),
        "Metadata": meta.Datum(type="json", value=json.dumps(dict(metadata))),
    }
    stream: func.InputStream = func.blob.BlobConverter.decode(
        meta.Datum(type="bytes", value=data), trigger_metadata=trigger_metadata)
    return stream


def blob_properties(props: Any) -> dict[str, Any]:
    """The trigger's `Properties` (a subset of the blob's, the names the extension uses)."""
    return {"ETag": props.etag, "ContentLength": props.size, "Length": props.size,
            "LastModified": props.last_modified.isoformat(),
            "ContentType": getattr(props.content_settings, "content_type", None),
            "BlobType": str(getattr(props.blob_type, "value", props.blob_type))}


_EXPR = re.compile(r"\{([^{}]+)\}")


def resolve_path(path: str, binding_data: Mapping[str, Any]) -> str:
    """Fill `{name}` expressions of a binding path from the trigger's binding data
    (the blob trigger's path parameters, an HTTP request's route and query values)."""
    from .app import resolve_settings

    lowered = {k.lower(): v for k, v in binding_data.items()}

    def value(m: re.Match[str]) -> str:
        key = m.group(1).lower()
        if key not in lowered:
            raise BindingError(f"binding expression {{{m.group(1)}}} has no value in this call")
        return str(lowered[key])
    return _EXPR.sub(value, resolve_settings(path))


def resolve_blob_input(fn: FunctionInfo, binding: Mapping[str, Any],
                       binding_data: Mapping[str, Any]) -> Any:
    """The value of one `blob` input binding (blocking I/O)."""
    from azure.core.exceptions import ResourceNotFoundError
    from azure.storage.blob import BlobServiceClient

    container, _, blob_name = resolve_path(str(binding["path"]), binding_data).partition("/")
    name = str(binding["name"])
    annotation = fn.annotations.get(name)
    if sdk_converter("blob", annotation) is not None:
        setting = connection_setting(binding.get("connection"))
        return sdk_value("blob", annotation, setting, container, blob_name or None)
    service = BlobServiceClient.from_connection_string(connection_string(binding.get("connection")))
    client = service.get_blob_client(container, blob_name)
    try:
        downloader = client.download_blob()
    except ResourceNotFoundError:
        return None  # a missing blob binds as None, as in Azure
    data = downloader.readall()
    if annotation is str:
        return data.decode("utf-8")
    if annotation is bytes:
        return data
    return blob_stream(data, container, blob_name, client.url,
                       blob_properties(downloader.properties), downloader.properties.metadata or {})


def resolve_inputs(fn: FunctionInfo, binding_data: Mapping[str, Any]) -> dict[str, Any]:
    """Values of the function's input bindings that the host resolves (blob inputs)."""
    values: dict[str, Any] = {}
    for binding in fn.inputs:
        if binding.get("type") == "blob":
            values[str(binding["name"])] = resolve_blob_input(fn, binding, binding_data)
    return values
