"""Session fixtures shared by every test folder: the local emulators (Azurite, Cosmos DB)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from devstack import services


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "stack" in getattr(item, "fixturenames", ()):  # test functions have them
            item.add_marker(pytest.mark.stack)


@pytest.fixture(scope="session")
def stack() -> Iterator[None]:
    """Start the emulators unless running (make test starts them first); stop what we started."""
    try:
        started = services.up()
    except services.StackError as exc:
        pytest.fail(f"local stack unavailable: {exc}")
    yield
    services.down(tuple(started))
