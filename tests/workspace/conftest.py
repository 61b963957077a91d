"""A workspace on the emulators (Cosmos DB and Azurite), with names of its own per test."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator

import pytest
from azure.core.exceptions import ResourceNotFoundError

from adapters.blob_store import BlobStore
from adapters.call_queries import CallQueries
from adapters.cosmos_store import CallStore
from adapters.recordings import Recordings
from settings import Settings
from tests.workspace.records import fixture_records
from workspace.service import Workspace


@pytest.fixture
def workspace(call_store: CallStore, blob_store: BlobStore) -> Iterator[Workspace]:
    tag = uuid.uuid4().hex[:8]
    settings = Settings.model_validate({"CALLS_CONTAINER": f"calls-{tag}",
                                        "WORK_CONTAINER": f"work-{tag}"})
    yield Workspace(call_store, CallQueries(call_store), blob_store, Recordings(blob_store),
                    settings)
    for name in (settings.calls_container, settings.work_container):
        with contextlib.suppress(ResourceNotFoundError):
            blob_store.service.delete_container(name)


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    for r in fixture_records():
        workspace.store.upsert(r, None)
    return workspace
