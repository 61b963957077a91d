"""cleanup_chunks: remove a call's chunk files from the work container once the call is done."""

from __future__ import annotations

import azure.durable_functions as df

from activities.prepare_audio import chunk_prefix
from adapters import factory
from models.call import CleanupInput
from settings import get_settings

bp = df.Blueprint()


@bp.activity_trigger(input_name="payload")
def cleanup_chunks(payload: dict) -> int:
    inp = CleanupInput.model_validate(payload)
    return factory.blob_store().delete_prefix(get_settings().work_container,
                                              chunk_prefix(inp.call_id))
