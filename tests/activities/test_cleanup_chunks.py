"""cleanup_chunks with in-memory blobs: only the call's own chunk files go."""

from __future__ import annotations

import pytest

from activities import cleanup_chunks as activity
from errors import TransientError
from models.call import CleanupInput, CleanupResult
from tests.activities.fakes import FakeBlobs, install, user_function

run = user_function(activity.cleanup_chunks)
PAYLOAD = CleanupInput(call_id="c-1").model_dump(mode="json")


def test_only_this_calls_chunks_are_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    blobs = FakeBlobs({("call-work", "c-1/a/chunk-0000.flac"): b"1",
                       ("call-work", "c-1/a/chunk-0001.flac"): b"2",
                       ("call-work", "c-10/a/chunk-0000.flac"): b"3",
                       ("calls", "c-1/a/chunk-0000.flac"): b"4"})
    install(monkeypatch, blob_store=blobs)
    assert CleanupResult.model_validate(run(payload=PAYLOAD)) == CleanupResult(deleted=2)
    assert sorted(blobs.files) == [("call-work", "c-10/a/chunk-0000.flac"),
                                   ("calls", "c-1/a/chunk-0000.flac")]


def test_storage_outage_is_raised_for_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, blob_store=FakeBlobs(fail_with=TransientError("Blob cleanup failed")))
    with pytest.raises(TransientError):
        run(payload=PAYLOAD)


def test_a_bug_is_an_internal_error_value(monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, blob_store=FakeBlobs(fail_with=AttributeError("no attribute 'name'")))
    out = CleanupResult.model_validate(run(payload=PAYLOAD))
    assert out.deleted == 0 and out.failure is not None
    assert out.failure.reason.startswith("Internal error in the cleanup step")
