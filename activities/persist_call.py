"""persist_call and mark_failed: idempotent writes of the call record to Cosmos DB.

Read, merge (core.records.build_record), then replace with the etag read (or create): a concurrent
writer makes the write fail with a transient error and the retry merges again.
"""

from __future__ import annotations

from datetime import UTC, datetime

import azure.durable_functions as df

from adapters import factory
from adapters.cosmos_store import CallStore
from adapters.redaction import redact_for_storage
from core.records import build_record
from models.record import PersistInput, PersistResult
from settings import get_settings

bp = df.Blueprint()


def persist(inp: PersistInput, store: CallStore) -> PersistResult:
    found = store.get(inp.call.call_id)
    existing, etag = found if found else (None, None)
    record = build_record(inp, existing, datetime.now(UTC))
    if existing is None or record != existing:
        store.upsert(record, etag)
    return PersistResult(document_id=record.id, status=record.status)


def _redacted(inp: PersistInput) -> PersistInput:
    s = get_settings()
    if s.redact_pii == "off":
        return inp
    return redact_for_storage(inp, s.redact_pii, s.redact_keep, factory.redactor())


@bp.activity_trigger(input_name="payload")
def persist_call(payload: dict) -> dict:
    inp = _redacted(PersistInput.model_validate(payload))
    return persist(inp, factory.call_store()).model_dump()


@bp.activity_trigger(input_name="payload")
def mark_failed(payload: dict) -> dict:
    inp = PersistInput.model_validate(payload)
    assert inp.status == "failed" and inp.failure is not None
    return persist(_redacted(inp), factory.call_store()).model_dump()
