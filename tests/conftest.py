"""Fixtures for the app's tests: emulator-backed adapters with names of their own per test run."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from adapters.blob_store import BlobStore
from adapters.cosmos_store import CallStore
from devstack import services

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def blob_store(stack: None) -> BlobStore:
    return BlobStore(services.storage_connection())


@pytest.fixture
def call_store(stack: None) -> Iterator[CallStore]:
    from devstack.services import COSMOS_KEY

    store = CallStore(services.cosmos_endpoint(), COSMOS_KEY, f"test{uuid.uuid4().hex[:8]}",
                      "calls")
    yield store
    store.client.delete_database(store.database_name)
