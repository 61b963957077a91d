"""presidio over the project's spaCy model, offline, on a labelled call; the record persisted
with REDACT_PII=transcript / all."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from adapters.redaction import PresidioRedactor, redact_for_storage
from core.local_extraction import extract
from models.analysis import ExtractResult
from models.call import CallRef
from models.record import PersistInput
from tests.core.helpers import call

CALL = call(
    ("A", "Thanks for calling Vantage Fleet, Rob Kane speaking, how can I help?"),
    ("B", "Hi Rob, this is Ada Moreno from Moreno Freight in Denver. We need dash cameras."),
    ("A", "Sure. What is the best e-mail and number for the quote?"),
    ("B", "ada.moreno@morenofreight.com, or call me on 303-555-0142. You can bill card "
          "4111 1111 1111 1111, or our account DE89370400440532013000."),
)
REF = CallRef(call_id="c-1", blob_container="calls", blob_name="a.mp3", size_bytes=10,
              content_sha256="a" * 64, extension=".mp3")


@pytest.fixture(scope="module")
def redactor() -> PresidioRedactor:
    return PresidioRedactor()


def _persist(status: str) -> PersistInput:
    return PersistInput(status=status, call=REF, instance_id="i-1",  # type: ignore[arg-type]
                        processed_at=datetime(2026, 12, 1, tzinfo=UTC), transcript=CALL,
                        extract=ExtractResult(analysis=extract(CALL), engine="local"))


def test_presidio_finds_the_written_forms_offline(redactor: PresidioRedactor,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    text = CALL.segments[3].text
    with caplog.at_level(logging.ERROR):
        found = {text[s.start:s.end]: s.entity for s in redactor.detect(text)}
    assert found["ada.moreno@morenofreight.com"] == "EMAIL_ADDRESS"
    assert found["4111 1111 1111 1111"] == "CREDIT_CARD"
    assert found["DE89370400440532013000"] == "ACCOUNT_NUMBER"
    assert found["303-555-0142"] == "PHONE_NUMBER"
    assert not [r for r in caplog.records if "Public Suffix" in r.getMessage()]


def test_transcript_mode_masks_the_stored_transcript(redactor: PresidioRedactor) -> None:
    out = redact_for_storage(_persist("completed"), "transcript", (), redactor)
    assert out.transcript is not None
    text = out.transcript.text
    for secret in ("Rob", "Kane", "Ada", "Moreno", "ada.moreno@", "303-555-0142", "4111",
                   "DE8937"):
        assert secret not in text, secret
    assert out.transcript.segments[1].text.startswith("Hi <PERSON>, this is <PERSON>")
    assert "dash cameras" in text
    analysis = out.extract.analysis if out.extract else None
    assert analysis and analysis.customer_name and analysis.customer_name.value == "Ada Moreno"


def test_all_mode_keeps_only_the_follow_up_fields(redactor: PresidioRedactor) -> None:
    out = redact_for_storage(_persist("completed"), "all", ("contact_email",), redactor)
    analysis = out.extract.analysis if out.extract else None
    assert analysis is not None
    assert analysis.contact_email and analysis.contact_email.value == \
        "ada.moreno@morenofreight.com"
    assert analysis.customer_name and analysis.customer_name.value == "<PERSON>"
    assert analysis.contact_phone and analysis.contact_phone.value == "<PHONE_NUMBER>"
    assert "Moreno" not in analysis.summary


def test_a_registration_write_is_not_masked(redactor: PresidioRedactor) -> None:
    inp = _persist("processing")
    assert redact_for_storage(inp, "all", (), redactor) == inp
