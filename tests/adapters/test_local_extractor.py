"""The local extraction engine as the app runs it: the rules with spaCy's small English
pipeline (names, and the grammar of a request the phrase tables find nothing in)."""

from adapters.extractors import LocalExtractor
from models.call import Transcript
from tests.core.helpers import call


def _call(*turns: tuple[str, str], language: str = "en") -> Transcript:
    transcript = call(*turns, language=language, roles=True)
    return transcript


def _products(transcript: Transcript) -> list[str]:
    analysis = LocalExtractor(None).extract(transcript).analysis
    return [p.value for p in analysis.products_of_interest]


def test_a_request_no_phrase_table_knows_is_read_from_its_grammar() -> None:
    desks = _call(("R", "Deskly, how can I help?"),
                  ("C", "Any chance you could sort us out with a couple of standing desks "
                        "for the new office?"))
    assert _products(desks) == ["standing desks"]
    boiler = _call(("R", "Hi, Heatwise."),
                   ("C", "Could somebody come and service our boiler before winter?"))
    assert _products(boiler) == ["boiler"]


def test_the_grammar_adds_nothing_to_a_refusal_a_bill_or_a_call_the_rules_read() -> None:
    refusal = _call(("R", "Could I interest you in our new boilers?"),
                    ("C", "No thanks, we want nothing like that."))
    assert _products(refusal) == []
    bill = _call(("R", "Heatwise, hello."),
                 ("C", "I'm calling about the invoice for the boiler service, it's wrong."))
    assert _products(bill) == []
    ruled = _call(("R", "Hello?"), ("C", "We'd like a quote for a heat pump."))
    assert _products(ruled) == ["heat pump"]
