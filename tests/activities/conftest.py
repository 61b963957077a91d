"""The activities read settings through the cached `get_settings()`: forget them after each test,
so no other test sees this folder's defaults."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from settings import get_settings


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
