"""The workspace's adapters on the emulators: recordings (ranges, uploads that never overwrite,
deletes) on Azurite, call queries (pages, aggregates, deletes) on the Cosmos DB emulator."""

from __future__ import annotations

import io
import uuid

import pytest

from adapters.blob_store import BlobStore
from adapters.call_queries import CallQueries
from adapters.cosmos_store import CallStore
from adapters.recordings import Recordings
from core.call_query import Sql
from tests.workspace.records import record

pytestmark = pytest.mark.stack


def test_recordings_ranges_uploads_and_deletes(blob_store: BlobStore) -> None:
    recordings, container = Recordings(blob_store), f"rec-{uuid.uuid4().hex[:8]}"
    try:
        data = bytes(range(256)) * 10
        assert recordings.upload(container, "a call.mp3", io.BytesIO(data)) == len(data)
        with pytest.raises(FileExistsError):
            recordings.upload(container, "a call.mp3", io.BytesIO(b"other"))
        info = recordings.info(container, "a call.mp3")
        assert info is not None and (info.size, info.content_type) == (len(data), "audio/mpeg")
        assert recordings.read(container, "a call.mp3", 250, 10) == data[250:260]
        assert recordings.info(container, "missing.mp3") is None
        assert recordings.delete(container, "a call.mp3") is True
        assert recordings.delete(container, "a call.mp3") is False
        assert recordings.info(container, "a call.mp3") is None
    finally:
        blob_store.service.delete_container(container)


def test_call_queries_pages_aggregates_and_deletes(call_store: CallStore) -> None:
    queries = CallQueries(call_store)
    for i in range(5):
        call_store.upsert(record(f"q{i}", day=i + 1, duration=10.0 * i), None)
    sql = Sql("SELECT c.id FROM c WHERE c.status = @s ORDER BY c.updatedAt DESC",
              [{"name": "@s", "value": "completed"}])
    first, token = queries.page(sql, 2, None)
    assert [r["id"] for r in first] == ["q4", "q3"] and token
    second, _ = queries.page(sql, 2, token)
    assert [r["id"] for r in second] == ["q2", "q1"]
    assert [r["id"] for r in queries.rows(sql, 2)] == ["q4", "q3", "q2", "q1", "q0"]
    assert queries.count(Sql("SELECT VALUE COUNT(1) FROM c")) == 5
    assert queries.value(Sql("SELECT VALUE SUM(c.listing.durationSeconds) FROM c")) == 100
    assert queries.value(Sql("SELECT VALUE MAX(c.listing.callDate) FROM c WHERE c.id = 'x'")) \
        is None
    assert queries.delete("q0") is True
    assert queries.delete("q0") is False  # the emulator answers 500 here; confirmed missing
    assert call_store.get("q0") is None
    assert queries.count(Sql("SELECT VALUE COUNT(1) FROM c")) == 4
