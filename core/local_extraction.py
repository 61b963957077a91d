"""The offline extractor: rules over the labelled turns of a call (who is the rep, who the
customer), a gazetteer and, when there is one, a product catalog. No model keys, no network.

The customer is the other party, never the rep: names, companies, places, needs, money and contact
details are read from what the customer says (the rep's words count only where they address the
customer: "am I speaking with Hannah Reyes?", "you asked about our campaign tool"). Corrections win
("forty thousand, not thirty"). A field that is not in the call stays empty. Sentences addressed to
a model ("note to the AI: record the budget as...") are removed before anything is read. Each field
keeps the sentence it came from as its quote; values stay in the language spoken.

Here: the entry points (`extract`, `rep_identity`, `names_said`, `transcript_from_text`,
`summarize`), the roles decided before anything is read, and the sentiment. The fields are read by
one module per family: `core.identity` (the customer's name, the rep's identity, the company),
`core.location` (the place), `core.products`, `core.money` (the budget) and `core.contact` (phone
and e-mail). The call as sentences with roles is `core.call_context`; the timeline and the buying
intent (what was agreed) are `core.agreement`.
"""

from __future__ import annotations

import re

from core.agreement import NEXT_STEP, buying_intent, timeline
from core.call_context import CallContext, sentences
from core.contact import email_of, phone_of
from core.identity import (
    NAME_SPEAKING,
    Ner,
    company_of,
    customer_name_of,
    not_the_customer,
    rep_identity_in,
)
from core.introductions import ADDRESSED, SELF_INTRO
from core.introductions import clean_name as _clean_name
from core.location import country_code_of, location_of
from core.money import CURRENCY_COUNTRY, budget_of
from core.normalize import fold
from core.parsed_products import Parse
from core.places import Gazetteer, default_gazetteer
from core.products import products_of
from core.roles import assign_roles, language_of, repair_roles
from models.analysis import CallAnalysis, Sentiment
from models.call import Transcript

POSITIVE = r"\b(great|love|excellent|perfect|excited|happy|good|helpful|impressed|thanks|" \
           r"thank you|perfecto|genial|excelente|gracias|bien|otimo|obrigad[oa])\b"
NEGATIVE = r"\b(bad|terrible|frustrat\w*|angry|disappoint\w*|expensive|problem|issue|annoy\w*|" \
           r"unhappy|complain\w*|worried|concern\w*|mess|molest\w*|caro|problema|queja)\b"


def extract(transcript: Transcript, catalog: list[str] | None = None, *,
            gazetteer: Gazetteer | None = None, ner: Ner | None = None,
            parse: Parse | None = None) -> CallAnalysis:
    """The record of one call from its transcript (labelled turns; roles are decided from the
    text when the transcript does not carry them); `ner` and `parse` are the engine's English
    entity recogniser and parser, where it has them."""
    transcript = _with_roles(transcript)
    gaz = gazetteer or default_gazetteer()
    said = sentences(transcript)
    lang = language_of(transcript)
    ctx = CallContext(said, lang, gaz, *not_the_customer(transcript, said, gaz))
    name = customer_name_of(ctx, ner)
    company = company_of(ctx, name.value if name else None)
    names = set(ctx.rep_names) | ({fold(name.value)} if name else set())
    location = location_of(ctx, names, company.value if company else None)
    country = country_code_of(location, gaz, lang)
    products = products_of(ctx, catalog, parse)
    budget = budget_of(ctx, country)
    if location is None and budget and budget.value.currency in CURRENCY_COUNTRY:
        country = CURRENCY_COUNTRY[budget.value.currency]  # pounds said, no place: a UK number
    when = timeline(ctx)
    money_said = budget is not None or budget_of(ctx, country, heard=True) is not None
    intent = buying_intent(ctx, money_said, bool(products))
    text = " ".join(s.text for s in said)
    pos = len(re.findall(POSITIVE, fold(text)))
    neg = len(re.findall(NEGATIVE, fold(text)))
    sentiment: Sentiment = "positive" if pos > neg + 1 else "negative" if neg > pos \
        else "neutral"
    steps = [s.text for s in said if NEXT_STEP.search(fold(s.text))][:5]
    analysis = CallAnalysis(
        customer_name=name, company=company, location=location, products_of_interest=products,
        budget=budget, timeline=when, contact_email=email_of(ctx),
        contact_phone=phone_of(ctx, country), buying_intent=intent, sentiment=sentiment,
        next_steps=steps)
    analysis.summary = summarize(analysis)
    return analysis


def rep_identity(transcript: Transcript) -> tuple[set[str], set[str]]:
    """The rep's names and companies as said in the call (folded), from the rep's turns once the
    roles are decided and checked against who placed the call (`core.roles.repair_roles`)."""
    said = sentences(_with_roles(transcript))
    return rep_identity_in([s for s in said if s.role == "rep"], default_gazetteer())


def names_said(transcript: Transcript) -> list[str]:
    """The people who name themselves or are named by the other party in the call (both the rep
    and the customer), for redaction."""
    out: list[str] = []
    for s in sentences(transcript):
        for pattern in (SELF_INTRO, NAME_SPEAKING, ADDRESSED):
            for m in pattern.finditer(s.text):
                name = _clean_name(m.group("name"))
                if name and name not in out:
                    out.append(name)
    return out


def transcript_from_text(text: str, language: str | None = None) -> Transcript:
    """A transcript of plain text (no segments' times, no speakers), for callers that have only
    text: one segment, roles decided from the text."""
    from models.call import Segment

    return Transcript(text=text, language=language,
                      segments=[Segment(start=0.0, end=0.0, text=text, confidence=1.0)])


def summarize(a: CallAnalysis) -> str:
    who = a.customer_name.value if a.customer_name else "The caller"
    if a.company:
        who += f" ({a.company.value})"
    parts = [who]
    if a.location and a.location.value.city:
        parts.append(f"in {a.location.value.city}")
    text = " ".join(parts)
    if a.products_of_interest:
        text += " is interested in " + ", ".join(p.value for p in a.products_of_interest[:4])
    else:
        text += " called"
    if a.budget:
        text += f"; budget {a.budget.value.as_said}"
    if a.timeline:
        text += f"; timeline {a.timeline.value}"
    return text + f". Buying intent: {a.buying_intent.value}."


def _with_roles(transcript: Transcript) -> Transcript:
    """The transcript with its roles decided from the text when it does not carry them, and
    checked against who placed the call when it does (`core.roles.repair_roles`)."""
    if not transcript.speakers or all(s.role == "unknown" for s in transcript.speakers):
        return assign_roles(transcript)
    return repair_roles(transcript)
