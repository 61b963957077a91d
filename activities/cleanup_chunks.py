"""cleanup_chunks: remove a call's chunk files from the work container once the call is done."""

from __future__ import annotations

from typing import Any

import azure.durable_functions as df

from activities.ports import Blobs
from activities.prepare_audio import chunk_prefix
from activities.runner import run_step
from adapters import factory
from models.call import CleanupInput, CleanupResult
from settings import get_settings

bp = df.Blueprint()


def cleanup(inp: CleanupInput, blobs: Blobs, work_container: str) -> CleanupResult:
    return CleanupResult(deleted=blobs.delete_prefix(work_container, chunk_prefix(inp.call_id)))


@bp.activity_trigger(input_name="payload")
def cleanup_chunks(payload: dict[str, Any]) -> dict[str, Any]:
    return run_step("cleanup", lambda f: CleanupResult(failure=f), lambda: cleanup(
        CleanupInput.model_validate(payload), factory.blob_store(), get_settings().work_container))
