"""Finding a field's quote in the transcript's segments."""

from __future__ import annotations

from core.evidence import clock, locate

SEGMENTS = ["Hello, this is Maria Lopez from Acme Logistics in Denver, Colorado.",
            "We are interested in your fleet tracking software and the premium support plan.",
            "Our budget is about twenty five thousand dollars and we want to start",
            "next quarter. Please send me a proposal."]


def test_quote_inside_one_segment_ignoring_case_and_punctuation() -> None:
    assert locate("in denver colorado", SEGMENTS) == [0]
    assert locate("the Premium Support plan", SEGMENTS) == [1]


def test_quote_across_a_segment_cut() -> None:
    assert locate("we want to start next quarter", SEGMENTS) == [2, 3]


def test_quote_with_a_misheard_word_still_points_at_its_turn() -> None:
    assert locate("our budget is around twenty five thousand dollars", SEGMENTS) == [2]


def test_missing_or_empty_quote() -> None:
    assert locate("we sell submarines", SEGMENTS) == []
    assert locate("", SEGMENTS) == []
    assert locate("...", SEGMENTS) == []


def test_clock() -> None:
    assert [clock(0), clock(65.9), clock(3725)] == ["0:00", "1:05", "1:02:05"]
