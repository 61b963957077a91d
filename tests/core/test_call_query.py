"""Query building, listings and corrections: pure, no services."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from core import call_query as cq
from core.corrections import apply_corrections, check_correction
from models.analysis import CallAnalysis, Evidence, Location
from models.correction import Correction
from models.workspace import CallQuery


def test_user_text_reaches_the_sql_only_as_parameters() -> None:
    q = CallQuery(q="robert'); drop", product="x' OR '1'='1", city="a\" --",
                  country="US", date_from=date(2026, 11, 1))
    with pytest.raises(cq.QueryError):
        cq.list_sql(q)
    q = CallQuery(q="robert drop", product="x' OR '1'='1", city="a\" --")
    sql = cq.list_sql(q)
    for text in ("robert", "drop", "x'", "OR '1'", "a\""):
        assert text not in sql.text
    values = {p["name"]: p["value"] for p in sql.params}
    assert values == {"@product": "x' or '1'='1", "@city": "a\" --", "@t0": "robert",
                      "@t1": "drop"}
    assert "ORDER BY c.updatedAt DESC" in sql.text


def test_continuation_tokens_are_bound_to_their_query() -> None:
    a, b = cq.list_sql(CallQuery()), cq.list_sql(CallQuery(status="failed"))
    token = cq.wrap_continuation(a, '{"token":"+RID:x","range":{"min":"","max":"FF"}}')
    assert cq.unwrap_continuation(a, token) == '{"token":"+RID:x","range":{"min":"","max":"FF"}}'
    with pytest.raises(cq.QueryError, match="different query"):
        cq.unwrap_continuation(b, token)
    for bad in ("%%%", "e30", "bm90IGpzb24"):
        with pytest.raises(cq.QueryError, match="not a token"):
            cq.unwrap_continuation(a, bad)
    assert cq.wrap_continuation(a, None) is None


def test_buckets_by_span() -> None:
    kind, days = cq.buckets(date(2026, 11, 1), date(2026, 11, 30))
    assert kind == "day" and len(days) == 30 and days[-1] == (date(2026, 11, 30),
                                                             date(2026, 12, 1))
    kind, weeks = cq.buckets(date(2026, 11, 4), date(2026, 12, 31))
    assert kind == "week" and weeks[0][0] == date(2026, 11, 2) and weeks[0][0].weekday() == 0
    kind, months = cq.buckets(date(2024, 1, 15), date(2026, 11, 2))
    assert kind == "month" and len(months) == 24 and months[-1] == (date(2026, 11, 1),
                                                                   date(2026, 12, 1))


def test_percentiles_from_bucket_counts() -> None:
    edges = (0, 10, 20, 40)
    assert cq.percentile([0, 0, 0, 0], edges, 0.5) is None
    assert cq.percentile([2, 2, 0, 0], edges, 0.5) == 10.0
    assert cq.percentile([0, 4, 0, 0], edges, 0.25) == 12.5
    assert cq.percentile([0, 0, 0, 2], edges, 0.5) == 50.0  # open-ended last bucket: to 60


def test_corrections_apply_over_the_engine_and_feed_the_listing() -> None:
    from tests.workspace.records import record

    r = record("c1", customer="Ana", company="Acme", place=("Austin", "TX", "US"),
               products=("Route Optimizer",), intent="low", text="Ana from Acme")
    at = datetime(2026, 11, 2, tzinfo=UTC)
    r.corrections = [
        Correction(field="city", value="Dallas", by="a", at=at),
        Correction(field="city", value="Houston", by="b", at=at.replace(hour=1)),
        Correction(field="productsOfInterest", value=["route optimizer", "Fleet Tracker"], by="a",
                   at=at),
        Correction(field="budgetAmount", value=5000.0, by="a", at=at)]
    a = apply_corrections(r.analysis, r.corrections)
    assert a is not None and a.location is not None and a.location.value.city == "Houston"
    assert a.location.value.region == "TX" and a.location.quote == "in Austin"
    assert [(p.value, p.quote) for p in a.products_of_interest] == [
        ("route optimizer", "the Route Optimizer"), ("Fleet Tracker", "")]
    assert a.budget is not None and a.budget.value.amount == 5000.0
    assert r.analysis is not None and r.analysis.location is not None
    assert r.analysis.location.value.city == "Austin"  # the engine's analysis untouched
    listing = cq.listing_for(r)
    assert (listing.city_key, listing.product_keys) == ("houston", ["route optimizer",
                                                                    "fleet tracker"])
    assert listing.corrected == ["budgetAmount", "city", "productsOfInterest"]
    assert {"ana", "acme", "houston", "fleet", "c1"} <= set(listing.terms)
    assert "austin" not in listing.terms  # said nowhere in the transcript, and corrected away
    assert listing.intent_rank == 1 and listing.day == "2026-11-01"


def test_a_call_without_an_analysis_gets_one_from_its_corrections() -> None:
    fixed = apply_corrections(None, [Correction(field="company", value="Globex", by="a",
                                                at=datetime(2026, 1, 1, tzinfo=UTC))])
    assert fixed is not None and fixed.company is not None and fixed.company.value == "Globex"
    analysis = CallAnalysis(location=Evidence(value=Location(city="X"), quote="q"))
    assert apply_corrections(analysis, []) is analysis


@pytest.mark.parametrize(("field", "value", "expected"), [
    ("budgetCurrency", " usd ", "USD"), ("productsOfInterest", ["a", " a", "b", ""], ["a", "b"]),
    ("budgetAmount", 12, 12.0), ("company", None, None), ("buyingIntent", "none", "none")])
def test_corrections_are_normalised(field: str, value: object, expected: object) -> None:
    assert check_correction(field, value) == expected
