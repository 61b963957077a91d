from core.redaction import Span, mask, redact_call, spoken_spans
from models.analysis import CallAnalysis, Evidence, Location
from tests.core.helpers import call


def no_detector(text: str) -> list[Span]:
    return []


def entities(text: str) -> list[str]:
    return [s.entity for s in sorted(spoken_spans(text), key=lambda s: s.start)]


def test_spoken_forms_are_found() -> None:
    text = ("Mail me at k dot osei forty two at gmail dot com or call three one two, five five "
            "five, zero one nine three. Card four one one one one one one one one one one one one "
            "one one one. I live at 42 Baker Street.")
    assert entities(text) == ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "ADDRESS"]
    masked = mask(text, spoken_spans(text))
    assert masked == ("Mail me at <EMAIL_ADDRESS> or call <PHONE_NUMBER>. Card <CREDIT_CARD>. "
                      "I live at <ADDRESS>")
    assert entities("Mi correo es ana punto ruiz arroba levante punto es") == ["EMAIL_ADDRESS"]
    assert entities("Twelve vans and twenty drivers.") == []


def test_overlapping_spans_are_merged() -> None:
    assert mask("abc def ghi", [Span(0, 7, "A"), Span(4, 11, "B")]) == "<A>"
    assert mask("abc def ghi", [Span(4, 7, "B"), Span(0, 3, "A")]) == "<A> <B> ghi"


ANALYSIS = CallAnalysis(
    customer_name=Evidence[str](value="Ada Moreno", quote="this is Ada Moreno"),
    location=Evidence[Location](value=Location(city="Leeds", country="United Kingdom"),
                                quote="we're in Leeds"),
    contact_phone=Evidence[str](value="+441134960218", quote="oh one one three, four nine six, "
                                                              "zero two one eight"),
    summary="Ada Moreno is interested in dash cameras.")
CALL = call(("A", "Thanks for calling, Rob speaking."),
            ("B", "Hi Rob, this is Ada Moreno. Call me on oh one one three, four nine six, zero "
                  "two one eight."))


def test_off_keeps_everything() -> None:
    transcript, analysis = redact_call(CALL, ANALYSIS, "off", no_detector)
    assert transcript == CALL and analysis == ANALYSIS


def test_transcript_mode_masks_the_transcript_only() -> None:
    transcript, analysis = redact_call(CALL, ANALYSIS, "transcript", no_detector, names=["Rob"])
    assert transcript is not None and analysis == ANALYSIS
    assert transcript.segments[0].text == "Thanks for calling, <PERSON> speaking."
    assert transcript.segments[1].text == ("Hi <PERSON>, this is <PERSON>. Call me on "
                                           "<PHONE_NUMBER>.")
    assert "Moreno" not in transcript.text and "four nine six" not in transcript.text


def test_all_mode_masks_fields_not_kept_for_follow_up() -> None:
    _, analysis = redact_call(CALL, ANALYSIS, "all", no_detector, keep=["contact_phone"])
    assert analysis is not None
    assert analysis.customer_name and analysis.customer_name.value == "<PERSON>"
    assert analysis.customer_name.quote == "this is <PERSON>"
    assert analysis.location and analysis.location.value.city == "<LOCATION>"
    assert analysis.location.value.country == "United Kingdom"
    assert analysis.contact_phone and analysis.contact_phone.value == "+441134960218"
    assert analysis.summary == "<PERSON> is interested in dash cameras."
