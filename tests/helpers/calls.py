"""Synthetic sales calls with their ground truth, spoken by espeak-ng for the tests and the
quality table. Each script says what a person would expect the pipeline to extract."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CallScript:
    key: str
    lines: list[str]
    expected: dict[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


CALLS = [
    CallScript("acme", [
        "Hello, this is Maria Lopez from Acme Logistics in Denver, Colorado.",
        "We are interested in your fleet tracking software and the premium support plan.",
        "Our budget is about twenty five thousand dollars and we want to start next quarter.",
        "You can reach me at maria dot lopez at acme dot com.",
        "Please send me a proposal."],
        {"customer_name": "Maria Lopez", "company": "Acme Logistics", "city": "Denver",
         "products": ["fleet tracking software", "premium support plan"], "budget": 25000,
         "email": "maria.lopez@acme.com", "intent": "high", "timeline": "next quarter"}),
    CallScript("brightside", [
        "Hi, my name is Daniel Kim and I work for Brightside Dental in Seattle, Washington.",
        "We are looking at your scheduling software.",
        "We could spend around forty thousand dollars this year.",
        "We would like to start within two months.",
        "My phone number is two zero six, five five five, zero one nine eight."],
        {"customer_name": "Daniel Kim", "company": "Brightside Dental", "city": "Seattle",
         "products": ["scheduling software"], "budget": 40000, "phone": "+12065550198",
         "intent": "high", "timeline": "within two months"}),
    CallScript("northwind", [
        "Good morning, this is Priya Shah calling from Northwind Traders in Austin, Texas.",
        "We are considering your inventory management platform.",
        "Our budget is roughly fifteen thousand dollars.",
        "We are not sure we need it before next year.",
        "Email me at priya at northwind dot com."],
        {"customer_name": "Priya Shah", "company": "Northwind Traders", "city": "Austin",
         "products": ["inventory management platform"], "budget": 15000,
         "email": "priya@northwind.com", "intent": "low"}),
    CallScript("globex", [
        "Hi, I'm Tom Becker with Globex Corporation in Chicago.",
        "I'm interested in the analytics dashboard and the data export module.",
        "We have about ten thousand dollars for this.",
        "Could you schedule a demo next week?",
        "Thanks, that was helpful."],
        {"customer_name": "Tom Becker", "company": "Globex Corporation", "city": "Chicago",
         "products": ["analytics dashboard", "data export module"], "budget": 10000,
         "intent": "medium", "timeline": "next week"}),
]

FILLER = [
    "Let me tell you a little more about how our team works today.",
    "We process orders from several warehouses and the volume grows every month.",
    "Right now most of the reporting is done by hand in spreadsheets.",
    "The managers want a weekly summary without waiting for the finance team.",
    "We also talked about training for the new staff who join in the spring.",
    "Security matters to us because we store customer addresses and invoices.",
    "Our current vendor charges for every user and that has become expensive.",
    "I would like to understand how the migration would work for our old data.",
]
