"""activities.runner.run_step: the one shape of every activity's outcome."""

from __future__ import annotations

import logging

import pytest

from activities.runner import run_step
from errors import ConfigurationError, TransientError
from models.call import CleanupResult, PrepareResult


def test_result_passes_through_as_json() -> None:
    out = run_step("cleanup", lambda f: CleanupResult(failure=f), lambda: CleanupResult(deleted=2))
    assert CleanupResult.model_validate(out) == CleanupResult(deleted=2)


def test_permanent_error_becomes_a_failure_value() -> None:
    def step() -> PrepareResult:
        raise ConfigurationError("invalid settings: X is required")

    out = PrepareResult.model_validate(run_step("prepare", lambda f: PrepareResult(failure=f),
                                                step))
    assert out.failure is not None
    assert (out.failure.stage, out.failure.reason, out.failure.retryable) == (
        "prepare", "invalid settings: X is required", False)


def test_transient_error_is_raised_for_the_retry_policy() -> None:
    def step() -> PrepareResult:
        raise TransientError("Blob Storage unavailable")

    with pytest.raises(TransientError, match="Blob Storage unavailable"):
        run_step("prepare", lambda f: PrepareResult(failure=f), step)


def test_a_bug_is_an_internal_error_logged_with_its_traceback(
        caplog: pytest.LogCaptureFixture) -> None:
    results: dict[str, PrepareResult] = {}

    def step() -> PrepareResult:
        return results["missing"]  # the bug under test

    with caplog.at_level(logging.ERROR, logger="call-insights"):
        out = PrepareResult.model_validate(run_step("prepare", lambda f: PrepareResult(failure=f),
                                                    step))
    assert out.failure is not None and not out.failure.retryable
    assert out.failure.reason.startswith("Internal error in the prepare step (reference ")
    reference = out.failure.reason.split("(reference ")[1].split(")")[0]
    assert "KeyError" not in out.failure.reason and "missing" not in out.failure.reason
    [entry] = caplog.records
    assert reference in entry.getMessage() and entry.exc_info is not None
    assert entry.exc_info[0] is KeyError
