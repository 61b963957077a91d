"""The budget read from the customer's turns (core.money): figures in words and digits, ranges,
caps, amounts per month, currencies named in words; probes written for these tests, none from
the corpus."""

import pytest

from core.call_context import CallContext, sentences
from core.money import budget_of
from core.places import Gazetteer
from tests.core.helpers import call


def _budget(*turns: tuple[str, str], language: str = "en",
            country: str | None = None) -> tuple[float | None, str | None] | None:
    transcript = call(*turns, language=language, roles=True)
    ctx = CallContext(sentences(transcript), language, Gazetteer(), set(), set())
    got = budget_of(ctx, country)
    return (got.value.amount, got.value.currency) if got else None


R, C = "R", "C"
BUDGET_PROBES: list[tuple[str, str, str, str, str | None, tuple[float, str] | None]] = [
    # (what it shows, the rep's question, the customer's answer, language, country, budget)
    ("a range: its upper figure", "What budget do you have in mind?",
     "Somewhere between ten and fifteen thousand dollars.", "en", None, (15000, "USD")),
    ("a range with 'to'", "What would you want to spend?",
     "Ten to twelve thousand dollars.", "en", None, (12000, "USD")),
    ("a range in digits as heard", "What's the budget?",
     "between 4 and 5000 pounds", "en", None, (5000, "GBP")),
    ("a cap", "Is there a figure you'd like to stay under?",
     "No more than eight thousand euros.", "en", None, (8000, "EUR")),
    ("per month", "What could you afford?", "About five hundred dollars a month.", "en", None,
     (500, "USD")),
    ("hundreds said as such", "And the budget?", "Fifteen hundred euros, tops.", "en", None,
     (1500, "EUR")),
    ("a currency named in words", "What's the budget?",
     "Three thousand Canadian dollars.", "en", None, (3000, "CAD")),
    ("a correction wins", "What's the budget?",
     "Thirty thousand. Sorry, make that thirty-five thousand pounds.", "en", None,
     (35000, "GBP")),
    ("'entre ... y ...'", "¿Cuánto quieren invertir?", "Entre quince y veinte mil euros.",
     "es", None, (20000, "EUR")),
    ("'de ... a ...' in words", "¿Cuánto tienen pensado invertir?",
     "Algo así como de cuarenta a cincuenta mil pesos.", "es", "MX", (50000, "MXN")),
    ("'de ... a ...' in digits", "¿Cuánto tienen pensado invertir?",
     "de 40 a 50 mil pesos", "es", "MX", (50000, "MXN")),
    ("'no queremos pasar de'", "¿Con qué presupuesto cuentan?",
     "No queremos pasar de los doce mil euros.", "es", None, (12000, "EUR")),
    ("'como máximo'", "¿Cuál es su presupuesto?", "Como máximo tres mil dólares.", "es", None,
     (3000, "USD")),
    ("per month in Spanish", "¿Cuánto podría pagar?", "Unos quinientos euros al mes.", "es",
     None, (500, "EUR")),
    ("soles", "¿Tiene un presupuesto?", "Cinco mil soles más o menos.", "es", None,
     (5000, "PEN")),
    ("a range in digits, Spanish", "¿Qué presupuesto manejan?", "Entre 10.000 y 12.000 euros.",
     "es", None, (12000, "EUR")),
    ("no budget said", "Do you have a budget?", "Not yet, we have to see.", "en", None, None),
    ("'unos' heard as 'uno'", "¿Qué presupuesto tienen?", "Uno, tres mil euros al año.", "es",
     None, (3000, "EUR")),
    ("a cap said short after a range in thousands", "What were you looking to spend?",
     "Somewhere between £4 and £5,000, no more than £5.", "en", None, (5000, "GBP")),
    ("hundreds written apart", "¿Cuánto quiere gastar?",
     "Unos ocho cientos pesos al mes como máximo.", "es", "MX", (800, "MXN")),
]


@pytest.mark.parametrize(("shows", "question", "answer", "language", "country", "want"),
                         BUDGET_PROBES, ids=[p[0] for p in BUDGET_PROBES])
def test_budget_probes(shows: str, question: str, answer: str, language: str,
                       country: str | None, want: tuple[float, str] | None) -> None:
    assert _budget((R, question), (C, answer), language=language, country=country) == want
