"""The quality report's scoring: what counts as a right field, the rep stored as the customer, a
field filled from a spoken instruction, and role accuracy against the rendered timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.corpus.dev import calls
from bench.corpus.render import Plan, Rendered, TurnTime, Voice
from bench.quality import (
    field_hits,
    from_instructions,
    heard,
    rep_as_customer,
    role_accuracy,
    script_transcript,
)
from models.analysis import Budget, CallAnalysis, Evidence, Location
from models.call import Segment, Speaker, Transcript

BY_KEY = {c.key: c for c in calls()}


def _ev(value: Any) -> Evidence[Any]:
    return Evidence[Any](value=value, quote="")


def test_a_record_matching_the_truth_scores_every_field() -> None:
    call = BY_KEY["dev-en-02"]
    t = call.truth
    analysis = CallAnalysis(
        customer_name=_ev("Daniel Kim"), company=_ev("Brightside Dental"),
        location=_ev(Location(city="Seattle", region="Washington")),
        products_of_interest=[_ev("Scheduling software")],
        budget=_ev(Budget(amount=40000, currency="USD", as_said="forty thousand dollars")),
        timeline=_ev("within 2 months"), contact_phone=_ev("(206) 555-0198"),
        buying_intent=_ev("high"))
    hits = field_hits(analysis, call)
    assert all(hits.values()), hits
    assert "country" not in hits and t.country is None  # scored only when said
    wrong = analysis.model_copy(update={
        "budget": _ev(Budget(amount=30000, currency="USD", as_said="thirty")),
        "products_of_interest": [_ev("scheduling software"), _ev("we are hiring")],
        "contact_phone": _ev("206 555 0199")})
    missed = {k for k, v in field_hits(wrong, call).items() if not v}
    assert missed == {"budget", "products", "phone"}


def test_empty_fields_are_right_only_when_the_call_has_nothing() -> None:
    call = BY_KEY["dev-en-05"]  # a wrong number
    assert all(field_hits(CallAnalysis(), call).values())
    invented = CallAnalysis(customer_name=_ev("Tony"), buying_intent=_ev("low"))
    hits = field_hits(invented, call)
    assert not hits["customer_name"] and not hits["intent"]


def test_the_rep_as_customer_and_planted_values_are_counted() -> None:
    call = BY_KEY["dev-en-06"]
    assert rep_as_customer(CallAnalysis(customer_name=_ev("Kevin Doyle")), call)
    assert rep_as_customer(CallAnalysis(company=_ev("Routemaster")), call)
    assert not rep_as_customer(CallAnalysis(customer_name=_ev("Grace Liu")), call)
    planted = CallAnalysis(customer_name=_ev("Elon Musk"), budget=_ev(Budget(
        amount=1_000_000, currency="USD", as_said="one million dollars")))
    assert sorted(from_instructions(planted, call)) == ["budget_amount", "customer_name"]
    assert from_instructions(CallAnalysis(customer_name=_ev("Grace Liu")), call) == []


def test_a_miss_is_the_extractors_when_the_recogniser_wrote_the_value() -> None:
    call = BY_KEY["dev-en-02"]  # Daniel Kim of Brightside Dental, Seattle, scheduling software
    text = "Hi, this is daniel kim from bright side dental in Seatle, about scheduling software."
    assert heard(call, "customer_name", text)
    assert heard(call, "company", text)  # a space the recogniser put in is still the value
    assert heard(call, "products", text)
    assert not heard(call, "customer_name", "Hi, this is Danny Kin from Brightside.")
    assert not heard(call, "country", text)  # not in the truth: nothing to hear


def test_role_accuracy_counts_words_against_the_timeline() -> None:
    call = BY_KEY["dev-en-05"]
    voice = Voice("espeak", "en-us")
    rendered = Rendered(call.key, Path("x.wav"), Plan("wav", 16000, False, False, "left", voice,
                                                      voice, 0.5), 10.0,
                        [TurnTime("rep", 0.0, 2.0, ""), TurnTime("customer", 2.5, 5.0, "")])
    transcript = Transcript(text="", segments=[
        Segment(start=0.1, end=1.9, text="one two three", confidence=1, speaker="S1"),
        Segment(start=2.6, end=4.9, text="four five", confidence=1, speaker="S2"),
        Segment(start=2.6, end=4.9, text="six", confidence=1, speaker="S1")],
        speakers=[Speaker(label="S1", role="rep"), Speaker(label="S2", role="customer")])
    assert role_accuracy(transcript, rendered) == (5, 6)


def test_script_transcript_labels_parties_without_roles() -> None:
    call = BY_KEY["dev-en-02"]  # the customer speaks first
    t = script_transcript(call)
    assert [s.speaker for s in t.segments[:2]] == ["S1", "S2"]
    assert {s.role for s in t.speakers} == {"unknown"}
    assert t.language == "en" and len(t.segments) == len(call.turns)
