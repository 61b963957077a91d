"""Money and the budget, read by the offline extractor: amounts in figures and in words (English,
Spanish, Portuguese), any currency named (pesos by the country said), corrections winning
("forty thousand, not thirty").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from core.call_context import CORRECTION, CallContext
from core.normalize import ADDITIVE, LATIN_SCALES, SCALES, fold, words_to_number
from models.analysis import Budget, Evidence

BUDGET_CUE = re.compile(r"\b(?:budget|spend|afford|invest|set aside|price range|up to|"
                        r"presupuesto|gastar|invertir|pagar|tenemos|contamos|orcamento|"
                        r"we have|we could|we can)\b")
BUDGET_QUESTION = re.compile(r"\b(?:budget|spend|invest|afford|presupuesto|invertir|gastar|"
                             r"orcamento|how much (?:can|could|would) you)\b")
CURRENCY_WORDS: list[tuple[str, str]] = [
    (r"canadian(?: dollars?)?|dolares canadienses|cad", "CAD"),
    (r"australian(?: dollars?)?|dolares australianos|aud", "AUD"),
    (r"new zealand dollars?|nzd", "NZD"), (r"singapore dollars?|sgd", "SGD"),
    (r"hong kong dollars?|hkd", "HKD"),
    (r"pesos? mexicanos?|mexican pesos?|mxn", "MXN"), (r"pesos? colombianos?|colombian pesos?|"
                                                        r"cop", "COP"),
    (r"pesos? argentinos?|argentine pesos?|ars", "ARS"), (r"pesos? chilenos?|chilean pesos?|"
                                                          r"clp", "CLP"),
    (r"pesos? uruguayos?|uyu", "UYU"), (r"soles|nuevos soles|pen", "PEN"),
    (r"reais|reales|real brasileno|brl", "BRL"), (r"quetzal(?:es)?", "GTQ"),
    (r"bolivianos", "BOB"), (r"colones", "CRC"), (r"guaranies", "PYG"),
    (r"swiss francs?|francos? suizos?|chf", "CHF"), (r"yen|yenes|jpy", "JPY"),
    (r"rupees?|rupias|inr", "INR"), (r"dollars?|dolares|dolar|bucks|usd|dolares americanos", "USD"),
    (r"euros?|eur", "EUR"), (r"pounds?(?: sterling)?|libras?(?: esterlinas)?|quid|gbp", "GBP"),
    (r"pesos?", ""),  # the country decides
]
PESO_BY_COUNTRY = {"MX": "MXN", "CO": "COP", "AR": "ARS", "CL": "CLP", "UY": "UYU", "PH": "PHP",
                   "DO": "DOP", "CU": "CUP"}
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP"}
CURRENCY_COUNTRY = {"GBP": "GB", "CAD": "CA", "AUD": "AU", "NZD": "NZ", "MXN": "MX", "COP": "CO",
                    "ARS": "AR", "CLP": "CL", "PEN": "PE", "BRL": "BR", "INR": "IN"}


_NUM_TOKEN = {*ADDITIVE, *SCALES, *LATIN_SCALES, "hundred", "cientos", "cientas", "half", "medio",
              "media", "meio", "meia", "point", "and", "a", "y", "e"}


def _figure(word: str) -> bool:
    """A number word or figure ('cuarenta', 'mil', '40'), not a fraction or a join ('half',
    'and'): what stands on both sides of the 'a' of a range ('de 40 a 50 mil')."""
    return bool(re.fullmatch(r"\d[\d,.]*", word)) or word in (*ADDITIVE, *SCALES, *LATIN_SCALES,
                                                              "hundred")


# a scale said without its figure ('thousand dollars', 'millones de pesos') is a figure misheard;
# 'mil' alone is a thousand in Spanish and Portuguese
_LOST_MULTIPLIER = {"hundred", "thousand", "million", "billion", "millones", "millon", "milhoes",
                    "milhao"}


@dataclass(frozen=True)
class _Money:
    amount: float
    currency: str | None
    said: str
    negated: bool
    lost: bool = False  # 'around time, thousand euro': the figure before the scale not heard
    bare: bool = False  # nothing counted after the figure ('5 grand.', not '2000 users')


_QUARTER = re.compile(r"\b(?:(a|one)|three) quarters? of an? (million|thousand|billion)\b")
_K = re.compile(r"(\d|\b(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                r"five|fifteen|twelve))\s?k\b")


def _money_words(low: str) -> str:
    """Amounts said in ways words_to_number does not read: 'a quarter of a million',
    'three quarters of a million', '40k' / 'forty k'."""
    low = _QUARTER.sub(lambda m: ("0.25 " if m.group(1) else "0.75 ") + m.group(2), low)
    return _K.sub(lambda m: m.group(1) + " thousand", low)


def _money(sentence: str, country: str | None, dollar: str = "USD") -> list[_Money]:
    """The amounts of money in a sentence; `dollar` is what '$' stands for when no currency is
    said with it (in a Spanish call from a peso country, the peso)."""
    low = _money_words(fold(sentence))
    tokens = list(re.finditer(r"[$€£]|\d[\d,.]*|[a-z]+", low))
    out: list[_Money] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i].group(0)
        symbol = SYMBOLS.get(tok)
        j = i + 1 if symbol else i
        start_j = j
        while j < len(tokens) and (tokens[j].group(0) in _NUM_TOKEN or
                                   re.fullmatch(r"\d[\d,.]*", tokens[j].group(0))):
            j += 1
        while j > start_j and tokens[j - 1].group(0) in ("and", "a", "y", "e"):
            j -= 1
        if j == start_j:
            i += 1
            continue
        words = [t.group(0) for t in tokens[start_j:j]]
        joins = [k for k, w in enumerate(words) if w in ("and", "y", "e")]
        if joins and re.search(r"\b(?:between|entre)\s*$", low[:tokens[start_j].start()]):
            words = words[joins[-1] + 1:]  # 'between 15 and 20 thousand': the upper figure
        spans = [k for k in range(1, len(words) - 1) if words[k] == "a"
                 and _figure(words[k - 1]) and _figure(words[k + 1])]
        if spans:  # 'de 40 a 50 mil pesos', 'de cuarenta a cincuenta mil': the upper figure
            words = words[spans[-1] + 1:]
        # '1,5 millones': a decimal comma (two digits at most after it), not thousands
        text = re.sub(r"(\d),(\d{1,2})(?!\d)", r"\1.\2", " ".join(words)).replace(",", "")
        amount = words_to_number(text)
        if amount is None:
            i = j
            continue
        after = low[tokens[j - 1].end():tokens[j - 1].end() + 40]
        currency = symbol
        sign_after = re.match(r"\s*([€$£])", low[tokens[j - 1].end():])
        if currency is None and sign_after:  # '5.000 €'
            currency = SYMBOLS[sign_after.group(1)]
        if currency in (None, "USD"):  # "$8,000 Canadian dollars": the word said wins
            currency = dollar if currency else None
            for pattern, code in CURRENCY_WORDS:
                # 'millones de pesos', or 'millones nepesos' with the 'de' glued on
                of = r"\s*(?:de\s+|[dn]e(?=pesos?\b|euros?\b|dolares\b))?"
                if re.match(rf"{of}(?:{pattern})\b", after):
                    currency = code or PESO_BY_COUNTRY.get(country or "", "MXN")
                    cm = re.match(rf"{of}(?:{pattern})\b", after)
                    end = tokens[j - 1].end() + (cm.end() if cm else 0)
                    break
            else:
                end = tokens[j - 1].end()
        else:
            end = tokens[j - 1].end()
        begin = tokens[i].start()
        negated = bool(re.search(r"\b(?:not|no)\s*$", low[:begin]))
        said = sentence[begin:end] if len(sentence) == len(low) else low[begin:end]
        bare = not re.match(r"\s+(?!(?:a|per|for|on|in|this|that|the|or|to|at|max|tops|total|"
                            r"all|give|more|roughly|and|but|so|if|el|la|al|en|para|por|o|y|mas|"
                            r"como|aproximadamente|de|que|este|esta)\b)[a-z]{3,}", low[end:])
        out.append(_Money(amount, currency, said.strip(), negated, words[0] in _LOST_MULTIPLIER,
                          bare))
        i = j
    return out


def budget_of(ctx: CallContext, country: str | None, *,
            heard: bool = False) -> Evidence[Budget] | None:
    """The customer's budget: the last cued figure (corrections win), else the first with a
    currency. With `heard`, also a figure the recogniser lost ('time, thousand euro'), for what
    was said about money rather than its value (buying intent)."""
    cued: list[tuple[_Money, str]] = []
    plain: list[tuple[_Money, str]] = []
    for s in ctx.customer:
        low = fold(s.text)
        if re.search(r"\bno (?:budget|tenemos presupuesto|hay presupuesto)\b", low):
            continue
        answer = bool(BUDGET_QUESTION.search(fold(ctx.previous_rep(s))))
        dollar = PESO_BY_COUNTRY.get(country or "", "USD") if ctx.lang == "es" else "USD"
        for money in _money(s.text, country, dollar):
            if money.negated or (money.currency is None and money.amount < 100) or \
                    (money.lost and not heard):
                continue
            if money.currency is None and not (money.bare and (
                    BUDGET_CUE.search(low) or (answer and money.amount >= 1000))):
                continue  # 'What's your budget?' 'No more than 5 grand.' is one; '2000 users' not
            if BUDGET_CUE.search(low) or answer or CORRECTION.search(low):
                cued.append((money, s.text))
            else:
                plain.append((money, s.text))
    pick = cued[-1] if cued else plain[0] if plain else None
    if pick is None:
        return None
    money, quote = pick
    before = [m for m, _ in cued[:-1] if m.currency == money.currency and m.amount >= 1000]
    if money.amount < 100 and before:
        # 'between £4 and £5,000, no more than £5': the thousands of the figure before
        scale = 1_000_000 if before[-1].amount >= 1_000_000 else 1000
        money = dataclasses.replace(money, amount=money.amount * scale)
    return Evidence[Budget](value=Budget(amount=money.amount, currency=money.currency,
                                         as_said=money.said), quote=quote)
