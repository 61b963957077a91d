"""The app's functions as the Python worker indexes them (`app.get_functions()`), i.e. the function
metadata the Azure host receives: names, triggers and bindings."""

from __future__ import annotations

import importlib
import inspect
import json
import typing
from types import SimpleNamespace
from typing import Any


def indexed_functions() -> dict[str, dict[str, Any]]:
    """name -> the function's metadata as the worker sends it to the host: a fresh index of
    function_app (`app.get_functions()`), the bindings rendered by the worker extension's
    `get_raw_bindings`, which marks SDK-type parameters (`SupportsDeferredBinding`) from the
    user function's annotations, as the Python worker does when the extension is installed."""
    from azurefunctions.extensions.base import meta

    import function_app

    app = importlib.reload(function_app).app
    out = {}
    for fn in app.get_functions():
        user = fn.get_user_function()
        hints = typing.get_type_hints(user)
        input_types = {name: SimpleNamespace(pytype=hints.get(name))
                       for name in inspect.signature(user).parameters}
        raw, _ = meta._ConverterMeta.get_raw_bindings(fn, input_types)
        out[fn.get_function_name()] = {"bindings": [json.loads(b) for b in raw],
                                       "function_json": json.loads(fn.get_function_json())}
    return out


def blob_trigger_binding() -> tuple[str, dict[str, Any]]:
    triggers = [(name, b) for name, fn in indexed_functions().items() for b in fn["bindings"]
                if b["type"] == "blobTrigger"]
    assert len(triggers) == 1, triggers
    return triggers[0]


def test_blob_trigger_uses_the_event_grid_source_and_the_host_storage_identity() -> None:
    name, binding = blob_trigger_binding()
    assert name == "on_recording_uploaded"
    assert binding["source"] == "EventGrid"
    assert binding["path"] == "%CALLS_CONTAINER%/{name}"
    assert binding["connection"] == "AzureWebJobsStorage"
    assert binding["direction"] == "IN"


def test_the_starter_binds_a_blob_client_sdk_type_and_a_durable_client() -> None:
    fn = indexed_functions()["on_recording_uploaded"]
    by_type = {b["type"]: b for b in fn["bindings"]}
    assert set(by_type) == {"blobTrigger", "durableClient"}
    # SDK-type binding: the host hands the worker a reference, the worker builds a BlobClient
    assert by_type["blobTrigger"]["properties"]["SupportsDeferredBinding"] is True
    assert by_type["durableClient"]["name"] == "client"


def test_every_function_azure_will_see() -> None:
    functions = indexed_functions()
    triggers = {name: next(b["type"] for b in fn["bindings"] if b["type"].endswith("Trigger"))
                for name, fn in functions.items()}
    assert triggers["process_call"] == "orchestrationTrigger"
    for activity in ("prepare_audio", "transcribe_chunk", "extract_call", "persist_call",
                     "cleanup_chunks"):
        assert triggers[activity] == "activityTrigger", activity
    http = [name for name, t in triggers.items() if t == "httpTrigger"]
    assert http, "the support API has HTTP functions"
    assert [n for n, t in triggers.items() if t == "blobTrigger"] == ["on_recording_uploaded"]
    for name in http:  # no anonymous endpoints: Azure requires a function key
        binding = next(b for b in functions[name]["bindings"] if b["type"] == "httpTrigger")
        assert binding["authLevel"] in ("FUNCTION", "ADMIN"), name
