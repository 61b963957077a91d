"""People's corrections: checking one, and the analysis with the corrections applied. Pure."""

from __future__ import annotations

import re
from typing import Any

from models.analysis import Budget, CallAnalysis, Evidence, Location
from models.correction import CORRECTABLE_FIELDS, Correction, CorrectionValue

INTENTS = ("high", "medium", "low", "none")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def check_correction(field: str, value: Any) -> CorrectionValue:
    """The value normalised for `field`, or ValueError saying what is wrong."""
    if field not in CORRECTABLE_FIELDS:
        raise ValueError(f"field must be one of {', '.join(CORRECTABLE_FIELDS)}")
    if value is None:
        if field == "buyingIntent":
            raise ValueError("buyingIntent cannot be cleared; use none")
        return None
    if field == "productsOfInterest":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError("productsOfInterest takes a list of product names")
        products = [v.strip() for v in value if v.strip()]
        if len(products) > 50 or any(len(p) > 100 for p in products):
            raise ValueError("productsOfInterest: at most 50 names of at most 100 characters")
        return list(dict.fromkeys(products))
    if field == "budgetAmount":
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise ValueError("budgetAmount takes a number of at least 0")
        return float(value)
    if not isinstance(value, str):
        raise ValueError(f"{field} takes a string")
    text = value.strip()
    if not text or len(text) > 200:
        raise ValueError(f"{field} takes 1 to 200 characters")
    if field == "buyingIntent" and text not in INTENTS:
        raise ValueError(f"buyingIntent must be one of {', '.join(INTENTS)}")
    if field == "contactEmail" and not _EMAIL.match(text):
        raise ValueError("contactEmail is not an e-mail address")
    if field == "budgetCurrency":
        text = text.upper()
    return text


def latest(corrections: list[Correction]) -> dict[str, Correction]:
    """The correction in force per field: the latest one."""
    out: dict[str, Correction] = {}
    for c in sorted(corrections, key=lambda c: c.at):
        out[c.field] = c
    return out


def _str(value: CorrectionValue) -> str:
    return value if isinstance(value, str) else ""


def _evidence(old: Evidence[Any] | None, value: Any) -> Evidence[Any] | None:
    return None if value is None else Evidence[Any](value=value, quote=old.quote if old else "")


def apply_corrections(analysis: CallAnalysis | None, corrections: list[Correction]
                      ) -> CallAnalysis | None:
    """The analysis as people corrected it; quotes of corrected fields stay the engine's (they
    show what was said). A call without an analysis gets one from its corrections alone."""
    if not corrections:
        return analysis
    a = (analysis or CallAnalysis()).model_copy(deep=True)
    fixes = {f: c.value for f, c in latest(corrections).items()}
    simple = {"customerName": "customer_name", "company": "company", "timeline": "timeline",
              "contactEmail": "contact_email", "contactPhone": "contact_phone"}
    for field, attr in simple.items():
        if field in fixes:
            setattr(a, attr, _evidence(getattr(a, attr), fixes[field]))
    if "buyingIntent" in fixes:
        a.buying_intent = Evidence(value=_str(fixes["buyingIntent"]),  # type: ignore[arg-type]
                                   quote=a.buying_intent.quote)
    place = {k: fixes[k] for k in ("city", "region", "country") if k in fixes}
    if place:
        loc = a.location.value.model_copy() if a.location else Location()
        for k, v in place.items():
            setattr(loc, k, v)
        a.location = Evidence(value=loc, quote=a.location.quote if a.location else "")
    if "productsOfInterest" in fixes:
        old = {p.value.lower(): p.quote for p in a.products_of_interest}
        names = fixes["productsOfInterest"]
        a.products_of_interest = [Evidence(value=n, quote=old.get(n.lower(), ""))
                                  for n in (names if isinstance(names, list) else [])]
    if "budgetAmount" in fixes or "budgetCurrency" in fixes:
        b = a.budget.value.model_copy() if a.budget else Budget(as_said="")
        if "budgetAmount" in fixes:
            amount = fixes["budgetAmount"]
            b.amount = float(amount) if isinstance(amount, int | float) else None
        if "budgetCurrency" in fixes:
            b.currency = _str(fixes["budgetCurrency"]) or None
        a.budget = Evidence(value=b, quote=a.budget.quote if a.budget else "")
    return a
