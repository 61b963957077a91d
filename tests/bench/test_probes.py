"""The probe runner scores what the extractor returns, miss or hit."""

from adapters.extractors import LocalExtractor
from bench.probes import (
    INTENT_NOT_TUNED,
    PRODUCTS_LOOKED_AT,
    PRODUCTS_NOT_TUNED,
    intent_right,
    products_right,
)


def test_a_request_counts_only_with_exactly_its_products() -> None:
    items = [("We'd like a quote for a heat pump.", ["heat pump"]),
             ("We'd like a quote for a heat pump.", ["boiler"]),
             ("We'd like a quote for a heat pump.", [])]
    assert products_right(items, None) == 1


def test_intent_counts_the_calls_whose_level_is_the_one_given() -> None:
    engine = LocalExtractor(None)
    refusal = [("R", "Can I tell you about our fleet cards?"), ("C", "Not interested, thanks.")]
    assert intent_right([("en", refusal, "none"), ("en", refusal, "high")], engine) == 1


def test_the_sets_are_apart() -> None:
    assert not {s for s, _ in PRODUCTS_LOOKED_AT} & {s for s, _ in PRODUCTS_NOT_TUNED}
    assert len(PRODUCTS_NOT_TUNED) == 18 and len(INTENT_NOT_TUNED) == 12
