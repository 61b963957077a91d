"""Fixtures: a devhost process running the conformance app, one per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devhost.tests.hostproc import HostProcess

APPS = Path(__file__).parent / "apps"


@pytest.fixture(scope="module")
def state_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("state")


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, state_dir: Path) -> Iterator[HostProcess]:
    data = tmp_path_factory.mktemp("devhost-data")
    proc = HostProcess(APPS / "conformance", data, env={"CONFORMANCE_STATE_DIR": str(state_dir)})
    proc.start()
    yield proc
    proc.stop()


def runs(state_dir: Path, kind: str, key: str) -> int:
    path = state_dir / f"{kind}.log"
    return sum(1 for line in path.read_text().splitlines() if line == key) if path.exists() else 0
