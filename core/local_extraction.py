"""The offline extractor: rules over the transcript, with NER, a gazetteer and a catalog handed in.

No model keys, no network. Each field keeps the sentence it came from as its quote. Instruction-
like sentences are removed before anything is read, so they can fill no field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import phonenumbers
from rapidfuzz import fuzz, process, utils

from core.normalize import (
    digits_from_speech,
    find_emails,
    split_sentences,
    without_instructions,
    words_to_number,
)
from models.analysis import Budget, CallAnalysis, Evidence, Location, Sentiment

Ner = Callable[[str], list[tuple[str, str]]]  # text -> [(entity text, label)]


@dataclass
class Gazetteer:
    """Lower-case place names to (city, region, country)."""

    cities: dict[str, tuple[str, str | None, str]] = field(default_factory=dict)
    regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (region, country)
    countries: dict[str, str] = field(default_factory=dict)  # name -> country


NAME_PATTERNS = [
    r"\b(?:this is|my name is|my name's|i am|i'm|it's|speaking with)\s+"
    r"([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?)",
]
COMPANY_PATTERNS = [
    r"\b(?:from|with|at|work for|working for|calling from|representing)\s+"
    r"((?:[A-Z][\w&'-]*\s?){1,4}?)(?=\s*(?:,|\.|\bin\b|\band\b|\bwe\b|$))",
    r"\b(?:company|business|firm) (?:is|called|named)\s+((?:[A-Z][\w&'-]*\s?){1,4})",
]
NOT_COMPANY = {"the", "a", "our", "my", "this", "that", "home", "work", "next", "last"}
PRODUCT_CUES = r"(?:interested in|looking (?:at|for)|want(?:ed)? to (?:buy|get|try)|need(?:s)?|" \
               r"considering|asking about|evaluating|would like)\s+(?:your |the |a |an |some )?" \
               r"(.+?)(?=[.!?;]|\bbecause\b|\bfor (?:our|my)\b|$)"
TIMELINE = re.compile(
    r"\b((?:by|before|within|in|around|starting|start(?:ing)? in)?\s*(?:the\s+)?"
    r"(?:(?:next|this|coming)\s+(?:week|month|quarter|year|spring|summer|fall|autumn|winter)|"
    r"end of (?:the )?(?:week|month|quarter|year)|q[1-4]|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few)\s+"
    r"(?:days|weeks|months)|asap|as soon as possible|right away|immediately))\b", re.I)
CURRENCIES = [(r"\$|\bdollars?\b|\busd\b|\bbucks\b", "USD"), (r"€|\beuros?\b|\beur\b", "EUR"),
              (r"£|\bpounds?\b|\bgbp\b", "GBP")]
INTENT_CUES = [
    ("high", r"ready to (?:buy|sign|move forward|go ahead|purchase)|send (?:me|us) (?:a |the )?"
             r"(?:contract|quote|proposal|invoice)|let's (?:do it|move forward)|"
             r"we(?:'ll| will) take it|"
             r"budget (?:is )?approved|want to start"),
    ("none", r"not interested|no longer interested|don't call|do not call|remove me|no need"),
    ("low", r"just looking|just browsing|not sure (?:we|if)|maybe (?:next|later)|no budget|"
            r"not (?:a|the) priority|too expensive"),
    ("medium", r"interested|considering|evaluat|comparing|looking (?:at|for)|would like|"
               r"tell me more|send (?:me|us) (?:some )?(?:information|info|details|a brochure)"),
]
POSITIVE = r"\b(great|love|excellent|perfect|excited|happy|good|helpful|impressed|thanks|" \
           r"thank you)\b"
NEGATIVE = r"\b(bad|terrible|frustrat\w*|angry|disappoint\w*|expensive|problem|issue|annoy\w*|" \
           r"unhappy|complain\w*|worried|concern\w*)\b"
NEXT_STEP = re.compile(r"\b(send|schedule|set up|book|follow up|call (?:me|you|back)|demo|trial|"
                       r"quote|proposal|meeting|email (?:me|you))\b", re.I)


def _sentence_with(sentences: list[str], needle: str) -> str:
    low = needle.lower()
    return next((s for s in sentences if low in s.lower()), needle)


def _name(text: str, sentences: list[str], ner: Ner | None) -> Evidence[str] | None:
    for pattern in NAME_PATTERNS:
        for m in re.finditer(pattern, text):
            name = m.group(1).strip()
            if name.lower().split()[0] not in {"interested", "calling", "looking", "not", "just"}:
                return Evidence[str](value=name, quote=_sentence_with(sentences, m.group(0)))
    if ner:
        for ent, label in ner(text):
            if label == "PERSON" and len(ent) > 2:
                return Evidence[str](value=ent, quote=_sentence_with(sentences, ent))
    return None


def _company(text: str, sentences: list[str], ner: Ner | None, places: set[str],
             person: str | None) -> Evidence[str] | None:
    for pattern in COMPANY_PATTERNS:
        for m in re.finditer(pattern, text):
            name = m.group(1).strip(" ,.")
            if not name or name.lower() in NOT_COMPANY or name.lower() in places:
                continue
            if person and name in person:
                continue
            return Evidence[str](value=name, quote=_sentence_with(sentences, m.group(0)))
    if ner:
        for ent, label in ner(text):
            if label == "ORG" and ent.lower() not in places:
                return Evidence[str](value=ent, quote=_sentence_with(sentences, ent))
    return None


def _ngrams(text: str, longest: int = 4) -> list[tuple[int, str]]:
    """(position, lower-case phrase) for every run of 1..longest words, in text order."""
    words = [(m.start(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z][A-Za-z.'-]*", text)]
    out = []
    for i in range(len(words)):
        for n in range(1, longest + 1):
            if i + n <= len(words):
                out.append((words[i][0], " ".join(w.strip(".") for _, w in words[i:i + n])))
    return out


def _location(text: str, sentences: list[str], gaz: Gazetteer) -> Evidence[Location] | None:
    """The first city, region or country named, by dictionary look-up of word n-grams."""
    grams = _ngrams(text)
    city = next(((pos, g) for pos, g in grams if g in gaz.cities), None)
    region = next(((pos, g) for pos, g in grams if g in gaz.regions), None)
    if city:
        name, reg, country = gaz.cities[city[1]]
        loc = Location(city=name, region=reg, country=country)
        if region and (loc.region is None or loc.region == gaz.regions[region[1]][0]):
            loc.region, loc.country = gaz.regions[region[1]]
        return Evidence[Location](value=loc, quote=_sentence_with(sentences, city[1]))
    if region:
        reg, country = gaz.regions[region[1]]
        return Evidence[Location](value=Location(region=reg, country=country),
                                  quote=_sentence_with(sentences, region[1]))
    country_hit = next((g for _, g in grams if g in gaz.countries), None)
    if country_hit:
        return Evidence[Location](value=Location(country=gaz.countries[country_hit]),
                                  quote=_sentence_with(sentences, country_hit))
    return None


def _products(sentences: list[str], catalog: list[str]) -> list[Evidence[str]]:
    found: list[Evidence[str]] = []
    seen: set[str] = set()
    if catalog:
        lowered = [c.lower() for c in catalog]
        for sentence in sentences:
            low = sentence.lower()
            for i, item in enumerate(lowered):
                score = fuzz.partial_ratio(item, low)
                if score >= 85 and catalog[i] not in seen:
                    seen.add(catalog[i])
                    found.append(Evidence[str](value=catalog[i], quote=sentence))
        return found
    for sentence in sentences:
        for m in re.finditer(PRODUCT_CUES, sentence, re.I):
            for part in re.split(r",\s*|\s+and\s+|\s+as well as\s+", m.group(1)):
                item = re.sub(r"^(?:the|a|an|your|some)\s+", "", part.strip(" ,."), flags=re.I)
                if 2 < len(item) <= 60 and item.lower() not in seen and \
                        not re.match(r"(?:to|it|that|this|them|you)\b", item, re.I):
                    seen.add(item.lower())
                    found.append(Evidence[str](value=item, quote=sentence))
    return found


def match_catalog(items: list[str], catalog: list[str]) -> list[str]:
    """Map free-text product mentions to catalog names (for evaluation and display)."""
    out = []
    for item in items:
        hit = process.extractOne(item, catalog, scorer=fuzz.token_set_ratio,
                                 processor=utils.default_process)
        out.append(hit[0] if hit and hit[1] >= 70 else item)
    return out


def _budget(sentences: list[str]) -> Evidence[Budget] | None:
    for sentence in sentences:
        if not re.search(r"budget|spend|afford|price range|up to|around|about|\$|€|£|dollars|"
                         r"euros|pounds", sentence, re.I):
            continue
        m = re.search(r"([$€£]\s?\d[\d,.]*\s*(?:k|thousand|million)?|"
                      r"\d[\d,.]*\s*(?:k|thousand|million)?\s*(?:dollars|euros|pounds|usd|eur|gbp)|"
                      r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                      r"a)[\s-]+)+(?:thousand|million|hundred|k|grand)(?:\s+(?:dollars|euros|"
                      r"pounds|bucks))?)", sentence, re.I)
        if not m:
            continue
        said = m.group(0).strip()
        amount = words_to_number(re.sub(r"[$€£]|dollars?|euros?|pounds?|usd|eur|gbp|bucks", "",
                                        said, flags=re.I))
        currency = next((code for pat, code in CURRENCIES if re.search(pat, said, re.I)), None)
        if currency is None:
            currency = next((code for pat, code in CURRENCIES if re.search(pat, sentence, re.I)),
                            None)
        return Evidence[Budget](value=Budget(amount=amount, currency=currency, as_said=said),
                                quote=sentence)
    return None


def _timeline(sentences: list[str]) -> Evidence[str] | None:
    for sentence in sentences:
        if not re.search(r"start|begin|launch|roll ?out|go live|decid|buy|purchase|implement|"
                         r"timeline|need it|by|within|deploy|sign", sentence, re.I):
            continue
        m = TIMELINE.search(sentence)
        if m and m.group(1).strip():
            return Evidence[str](value=m.group(1).strip(), quote=sentence)
    return None


def _phone(text: str, sentences: list[str]) -> Evidence[str] | None:
    for sentence in sentences:
        spans = re.findall(r"(?:[$+(]?\s*(?:\d|zero|oh|one|two|three|four|five|six|seven|eight|"
                           r"nine|double|triple)[\s,.\-)]*){7,}", sentence, re.I)
        for span in spans:
            digits = digits_from_speech(span)
            if not 7 <= len(digits) <= 15:
                continue
            try:
                parsed = phonenumbers.parse(digits, "US")
                if phonenumbers.is_possible_number(parsed):
                    value = phonenumbers.format_number(parsed,
                                                       phonenumbers.PhoneNumberFormat.E164)
                    return Evidence[str](value=value, quote=sentence)
            except phonenumbers.NumberParseException:
                pass
            return Evidence[str](value=digits, quote=sentence)
    return None


def _intent(sentences: list[str]) -> Evidence[str]:
    for level, pattern in INTENT_CUES:
        for sentence in sentences:
            if re.search(pattern, sentence, re.I):
                return Evidence[str](value=level, quote=sentence)
    return Evidence[str](value="none", quote="")


def extract_local(transcript: str, catalog: list[str], gazetteer: Gazetteer,
                  ner: Ner | None = None) -> CallAnalysis:
    text, _removed = without_instructions(transcript)
    sentences = split_sentences(text)
    name = _name(text, sentences, ner)
    places = {k for k in gazetteer.cities} | set(gazetteer.regions) | set(gazetteer.countries)
    company = _company(text, sentences, ner, places, name.value if name else None)
    emails = find_emails(text)
    email = Evidence[str](value=emails[0][0], quote=_sentence_with(sentences, emails[0][1])) \
        if emails else None
    products = _products(sentences, catalog)
    budget = _budget(sentences)
    timeline = _timeline(sentences)
    intent = _intent(sentences)
    pos = len(re.findall(POSITIVE, text, re.I))
    neg = len(re.findall(NEGATIVE, text, re.I))
    sentiment: Sentiment = "positive" if pos > neg + 1 else "negative" if neg > pos else "neutral"
    steps = [s for s in sentences if NEXT_STEP.search(s)][:5]
    location = _location(text, sentences, gazetteer)
    analysis = CallAnalysis(
        customer_name=name, company=company, location=location,
        products_of_interest=products, budget=budget, timeline=timeline, contact_email=email,
        contact_phone=_phone(text, sentences), buying_intent=intent,  # type: ignore[arg-type]
        sentiment=sentiment, next_steps=steps)
    analysis.summary = summarize(analysis)
    return analysis


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
