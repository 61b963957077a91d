"""Who may open the workspace: host keys by default, App Service Authentication's signed-in user
when WORKSPACE_AUTH=platform."""

from __future__ import annotations

from collections.abc import Iterator

import azure.functions as func
import pytest

from settings import get_settings, startup_problem
from workspace import access


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    get_settings.cache_clear()  # each test sets WORKSPACE_AUTH its own way
    yield
    get_settings.cache_clear()


def request(headers: dict[str, str]) -> func.HttpRequest:
    return func.HttpRequest(method="GET", url="http://app/api/workspace", headers=headers,
                            body=b"")


def test_keys_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKSPACE_AUTH", raising=False)
    assert access.auth_level() == func.AuthLevel.FUNCTION
    assert access.refused(request({})) is None
    assert access.user_name(request({"x-ms-client-principal-name": "forged"})) is None


def test_platform_needs_the_signed_in_principal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSPACE_AUTH", " Platform")
    assert access.auth_level() == func.AuthLevel.ANONYMOUS
    refusal = access.refused(request({}))
    assert refusal is not None and refusal.status_code == 401
    signed_in = {"X-MS-CLIENT-PRINCIPAL-ID": "00000000-1111",
                 "X-MS-CLIENT-PRINCIPAL-NAME": "jo@contoso.com"}
    assert access.refused(request(signed_in)) is None
    assert access.user_name(request(signed_in)) == "jo@contoso.com"


def test_an_unknown_mode_falls_back_to_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSPACE_AUTH", "open")
    assert access.auth_level() == func.AuthLevel.FUNCTION
    problem = startup_problem()  # and the start-up log says why
    assert problem is not None and "workspace_auth" in problem
