"""persist_call and mark_failed: idempotent writes of the call record to Cosmos DB.

Read, merge (core.records.build_record), then replace with the etag read (or create): a concurrent
writer makes the write fail with a transient error and the retry merges again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import azure.durable_functions as df

from activities.ports import Records
from activities.runner import run_step
from adapters import factory
from adapters.redaction import redact_for_storage
from core.records import build_record
from models.record import PersistInput, PersistResult
from settings import get_settings

bp = df.Blueprint()


def persist(inp: PersistInput, store: Records) -> PersistResult:
    found = store.get(inp.call.call_id)
    existing, etag = found if found else (None, None)
    record = build_record(inp, existing, datetime.now(UTC))
    if existing is None or record != existing:
        store.upsert(record, etag)
    return PersistResult(document_id=record.id, status=record.status)


def _redacted(inp: PersistInput, store: Records) -> PersistInput:
    """The input with personal data masked as REDACT_PII says (off: unchanged). A long call's
    transcript was stored by an earlier write and is not in the input: it is read back here, so
    the final write masks it too."""
    s = get_settings()
    if s.redact_pii == "off":
        return inp
    if inp.transcript is None and inp.transcript_stored and inp.status in ("completed", "failed"):
        found = store.get(inp.call.call_id)
        if found is not None and found[0].transcript is not None:
            inp = inp.model_copy(update={"transcript": found[0].transcript})
    return redact_for_storage(inp, s.redact_pii, s.redact_keep, factory.redactor())


def persist_failure(inp: PersistInput, store: Records) -> PersistResult:
    if inp.status != "failed" or inp.failure is None:
        raise ValueError(f"mark_failed needs status 'failed' and a failure, got {inp.status!r} "
                         f"and {inp.failure!r}")
    return persist(inp, store)


@bp.activity_trigger(input_name="payload")
def persist_call(payload: dict[str, Any]) -> dict[str, Any]:
    def step() -> PersistResult:
        store = factory.call_store()
        return persist(_redacted(PersistInput.model_validate(payload), store), store)

    return run_step("persist", lambda f: PersistResult(failure=f), step)


@bp.activity_trigger(input_name="payload")
def mark_failed(payload: dict[str, Any]) -> dict[str, Any]:
    def step() -> PersistResult:
        store = factory.call_store()
        return persist_failure(_redacted(PersistInput.model_validate(payload), store), store)

    return run_step("persist", lambda f: PersistResult(failure=f), step)
