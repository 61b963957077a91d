"""A person's correction of one extracted field, stored beside (never over) what the engine said."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from models.base import Contract

CorrectableField = Literal[
    "customerName", "company", "city", "region", "country", "productsOfInterest",
    "buyingIntent", "budgetAmount", "budgetCurrency", "timeline", "contactEmail", "contactPhone"]
"""The fields a person may correct, named as in the API (camelCase)."""

CORRECTABLE_FIELDS: tuple[str, ...] = CorrectableField.__args__  # type: ignore[attr-defined]

CorrectionValue = str | float | list[str] | None
"""A string for most fields, a number for budgetAmount, a list for productsOfInterest; None
clears the field."""


class Correction(Contract):
    field: CorrectableField
    value: CorrectionValue
    by: str
    at: datetime
