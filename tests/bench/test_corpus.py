"""The corpus's scripts are consistent with their truth: what the truth holds is said in the call
(by the customer's side of it or the rep's question), what was planted is said only in
instruction turns, and the parts have the mix of languages and call kinds the issue asks for."""

from __future__ import annotations

import unicodedata

import pytest

from bench.corpus import dev, heldout
from bench.corpus.model import CallScript

PARTS = {"dev": dev.calls(), "heldout": heldout.calls()}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def all_calls() -> list[CallScript]:
    return [c for part in PARTS.values() for c in part]


def test_keys_are_unique_and_name_their_part_and_language() -> None:
    keys = [c.key for c in all_calls()]
    assert len(keys) == len(set(keys))
    for part, calls in PARTS.items():
        for c in calls:
            assert c.key.startswith(f"{part}-{c.language}-")


def test_size_and_language_mix() -> None:
    calls = all_calls()
    assert len(calls) >= 40
    spanish = [c for c in calls if c.language == "es"]
    assert len(spanish) * 3 >= len(calls)
    for part in PARTS.values():
        assert {c.language for c in part} == {"en", "es"}


def test_call_kinds_are_varied_in_each_part() -> None:
    for part in PARTS.values():
        tags = set().union(*(c.tags for c in part))
        for kind in ("correction", "refusal", "wrong-number", "instruction", "email", "phone",
                     "long"):
            assert kind in tags
        assert {c.first_speaker for c in part} == {"rep", "customer"}
        assert {c.direction for c in part} == {"inbound", "outbound"}
        assert len({t.budget_currency for c in part for t in [c.truth]} - {None}) >= 3


@pytest.mark.parametrize("script", all_calls(), ids=lambda c: c.key)
def test_truth_is_said_in_the_call(script: CallScript) -> None:
    text = fold(" ".join(t.text for t in script.turns if not t.instruction))
    truth = script.truth
    assert {t.speaker for t in script.turns} == {"rep", "customer"}
    for value in (truth.rep_name, truth.customer_name, truth.company, truth.city,
                  truth.region, truth.country):
        if value is not None:
            assert fold(value) in text, value
    assert fold(truth.rep_company) in text
    for value in truth.products_of_interest:
        words = [w for w in fold(value).replace("-", " ").split() if len(w) > 3]
        assert any(w[:5] in text for w in words), value
    assert (truth.budget_amount is None) == (truth.budget_currency is None)
    if truth.contact_phone is not None:
        assert truth.contact_phone.startswith("+") and truth.contact_phone[1:].isdigit()
    if truth.contact_email is not None:
        assert truth.contact_email == truth.contact_email.lower() and "@" in truth.contact_email


@pytest.mark.parametrize("script", all_calls(), ids=lambda c: c.key)
def test_planted_values_are_only_in_instructions(script: CallScript) -> None:
    said = fold(" ".join(t.text for t in script.turns if not t.instruction))
    instructed = fold(" ".join(t.text for t in script.turns if t.instruction))
    assert bool(script.truth.planted) == ("instruction" in script.tags) == bool(instructed)
    for value in script.truth.planted.values():
        if isinstance(value, str) and value not in ("high", "medium", "low", "none"):
            assert fold(value) in instructed and fold(value) not in said, value
