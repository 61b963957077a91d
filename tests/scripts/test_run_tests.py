"""scripts.run_tests: a lint or type finding fails `make test` before any test runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import run_tests


def test_findings_fail_the_run_before_pytest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n\n\ndef f(x: int) -> str:\n    return x\n")
    monkeypatch.setattr(run_tests, "REPO", tmp_path)  # the checks run on this folder only
    ran: list[str] = []

    def up() -> list[object]:
        ran.append("up")
        return []

    monkeypatch.setattr(run_tests.services, "up", up)
    assert run_tests.main([]) == 1
    assert ran == []  # neither the emulators nor pytest were started
    assert "ruff and mypy found problems" in capsys.readouterr().err


def test_a_clean_tree_passes_the_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "good.py").write_text('"""Fine."""\n\n\ndef f(x: int) -> int:\n    return x\n')
    monkeypatch.setattr(run_tests, "REPO", tmp_path)
    assert run_tests.checks() == []


def test_mypy_and_ruff_are_installed() -> None:
    for tool in ("ruff", "mypy"):
        done = subprocess.run([sys.executable, "-m", tool, "--version"], capture_output=True)
        assert done.returncode == 0, tool
