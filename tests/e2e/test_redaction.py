"""REDACT_PII=all through the local host: the stored transcript and the fields not kept for
follow-up are masked; the kept ones are not (cloud engines against the local OpenAI server, so
the transcript is known word for word)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.test_openai_pipeline import cloud_env
from tests.helpers.app_host import AppHost
from tests.helpers.audio import conversation, write
from tests.helpers.calls import CALLS
from tests.helpers.openai_server import FakeOpenAI

pytestmark = pytest.mark.usefixtures("stack")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    srv = FakeOpenAI(transcript=CALLS[1].text).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory, server: FakeOpenAI, stack: None) -> Iterator[AppHost]:  # noqa: E501
    host = AppHost(tmp_path_factory.mktemp("redact"), **cloud_env(server), REDACT_PII="all",
                   REDACT_KEEP_FIELDS="contact_phone")
    host.start()
    yield host
    host.stop()


def test_stored_record_is_masked_except_the_follow_up_fields(
        app: AppHost, tmp_path_factory: pytest.TempPathFactory) -> None:
    audio = write(conversation(CALLS[1].lines[:2]), tmp_path_factory.mktemp("r") / "r.mp3")
    app.upload("redacted.mp3", audio.read_bytes())
    record = app.wait_call("redacted.mp3")["record"]
    assert record["status"] == "completed", record.get("failure")
    text = record["transcript"]["text"]
    assert "Daniel" not in text and "Kim" not in text
    assert "two zero six, five five five, zero one nine eight" not in text
    assert "<PERSON>" in text and "<PHONE_NUMBER>" in text
    assert "scheduling software" in text
    analysis = record["analysis"]
    assert analysis["customerName"]["value"] == "<PERSON>"
    assert analysis["contactPhone"]["value"] == "+12065550198"
    assert "Daniel" not in analysis["summary"]
