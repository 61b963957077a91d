"""The stored document: camelCase throughout (schema 2), and version-1 documents still read."""

from __future__ import annotations

from models.analysis import CallAnalysis, Evidence
from models.record import SCHEMA_VERSION, CallRecord, ProcessingMetadata

V1_DOCUMENT = {  # as written before schema version 2: snake_case below the top level
    "id": "c-1", "callId": "c-1", "schemaVersion": 1, "status": "completed", "instanceId": "i-1",
    "metadata": {"blob_container": "calls", "blob_name": "acme.mp3", "size_bytes": 10,
                 "content_sha256": "ab", "chunk_count": 2,
                 "engines": {"transcription_engine": "local", "transcription_model": "tiny.en"},
                 "audio": {"container_format": "mp3", "codec": "mp3", "channels": 1,
                           "sample_rate": 16000, "duration_seconds": 61.5}},
    "analysis": {"customer_name": {"value": "Maria Lopez", "quote": "this is Maria Lopez"},
                 "products_of_interest": [{"value": "forklift", "quote": "a forklift"}],
                 "budget": {"value": {"amount": 25000, "currency": "USD", "as_said": "25k"},
                            "quote": "25k"}},
}


def test_version_1_documents_are_read() -> None:
    record = CallRecord.model_validate(V1_DOCUMENT)
    assert record.metadata.blob_name == "acme.mp3"
    assert record.metadata.chunk_count == 2
    assert record.metadata.engines.transcription_model == "tiny.en"
    assert record.metadata.audio is not None and record.metadata.audio.duration_seconds == 61.5
    assert record.analysis is not None and record.analysis.customer_name is not None
    assert record.analysis.customer_name.value == "Maria Lopez"
    assert record.analysis.budget is not None and record.analysis.budget.value.as_said == "25k"


def test_documents_are_written_in_camel_case_and_read_back() -> None:
    record = CallRecord(
        id="c-2", callId="c-2", status="completed", instanceId="i-2",
        metadata=ProcessingMetadata(blob_container="calls", blob_name="b.mp3", size_bytes=1,
                                    content_sha256="cd"),
        analysis=CallAnalysis(customer_name=Evidence[str](value="Daniel Kim", quote="Daniel Kim")))
    doc = record.model_dump(mode="json", by_alias=True)
    assert doc["schemaVersion"] == SCHEMA_VERSION == 2
    assert doc["metadata"]["blobName"] == "b.mp3" and "blob_name" not in doc["metadata"]
    assert doc["metadata"]["contentSha256"] == "cd"
    assert doc["analysis"]["customerName"]["value"] == "Daniel Kim"
    assert doc["analysis"]["buyingIntent"] == {"value": "none", "quote": ""}
    assert CallRecord.model_validate(doc) == record


def test_durable_payloads_keep_field_names() -> None:
    """Across the Durable boundary nothing changes: plain model_dump keeps snake_case."""
    meta = ProcessingMetadata(blob_container="calls", blob_name="b.mp3", size_bytes=1,
                              content_sha256="cd")
    assert "blob_name" in meta.model_dump(mode="json")
