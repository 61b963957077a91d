"""Spoken forms to written ones: numbers, digit strings, e-mail addresses; instruction-like text.

ASR output mixes styles: "twenty five thousand dollars" or "$25,000"; "five five five one two
three" or "5,5,5,1,2,3"; "j dot smith at acme dot com". These functions turn both into one form.
"""

from __future__ import annotations

import re

UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1_000, "grand": 1_000}
DIGIT_WORDS = {k: v for k, v in UNITS.items() if v < 10}


def words_to_number(text: str) -> float | None:
    """'twenty five thousand' -> 25000; '1.5 million' -> 1500000; None when not a number."""
    tokens = re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower().replace(",", "").replace("-", " "))
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += float(tok)
            seen = True
        elif tok in UNITS:
            current += UNITS[tok]
            seen = True
        elif tok in TENS:
            current += TENS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in SCALES:
            total += (current or 1) * SCALES[tok]
            current = 0.0
            seen = True
        elif tok in ("and", "a"):
            continue
        else:
            return None
    return total + current if seen else None


def digits_from_speech(text: str) -> str:
    """All digits of a phone-like span: 'five five five, one two' or '5,5,5-12' -> '55512'."""
    out = []
    for tok in re.findall(r"[a-z]+|\d", text.lower()):
        if tok.isdigit():
            out.append(tok)
        elif tok in DIGIT_WORDS:
            out.append(str(DIGIT_WORDS[tok]))
        elif tok in ("double", "triple"):
            out.append(tok)
    digits: list[str] = []
    repeat = 1
    for tok in out:
        if tok == "double":
            repeat = 2
        elif tok == "triple":
            repeat = 3
        else:
            digits.append(tok * repeat)
            repeat = 1
    return "".join(digits)


_WRITTEN_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
TLDS = {"com", "org", "net", "io", "co", "us", "uk", "de", "fr", "es", "it", "nl", "ai", "biz",
        "info", "edu", "gov", "ca", "au", "in", "app", "dev", "tech", "eu", "mx", "br", "jp"}
_CONNECTORS = {"dot": ".", ".": ".", "underscore": "_", "dash": "-", "hyphen": "-"}
_TOKEN = re.compile(r"[A-Za-z0-9]+|\.|@")


def find_emails(text: str) -> list[tuple[str, str]]:
    """(normalised address, the words it was said as), written or spoken.

    Spoken form: words joined by "dot" / "underscore" / "dash", then "at", then a domain that ends
    in a known top-level domain: "j dot smith at acme dot com" -> j.smith@acme.com.
    """
    found = [(m.group(0).lower(), m.group(0)) for m in _WRITTEN_EMAIL.finditer(text)]
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t[0].lower() for t in tokens]
    for i, word in enumerate(words):
        if word != "at" or i == 0:  # written addresses ("@") are found by the regex above
            continue
        j, domain, best = i + 1, "", None
        while j < len(words) and re.fullmatch(r"[a-z0-9]+", words[j]):
            domain += words[j]
            labels = domain.split(".")
            if len(labels) >= 2 and labels[-1] in TLDS:
                best = (domain, j)
            sep = _CONNECTORS.get(words[j + 1]) if j + 1 < len(words) else None
            if sep in (".", "-"):
                domain += sep
                j += 2
                continue
            break
        if best is None:
            continue
        k = i - 1
        local = [words[k]]
        while k - 2 >= 0 and words[k - 1] in _CONNECTORS and words[k - 2] != "at":
            local[:0] = [words[k - 2], _CONNECTORS[words[k - 1]]]
            k -= 2
        if not re.fullmatch(r"[a-z0-9]+", local[0]):
            continue
        address = "".join(local) + "@" + best[0]
        said = text[tokens[k][1]:tokens[best[1]][2]]
        if all(address != f for f, _ in found):
            found.append((address, said))
    return found


_INSTRUCTION = re.compile(
    r"(ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier) (?:instructions|prompts?)|"
    r"disregard (?:the |all )?(?:previous|prior|above) |you are now |new instructions?:|"
    r"system prompt|as an ai|(?:set|fill|change|put) (?:the |every |all )?(?:field|fields|"
    r"customer name|name|email|budget|company|intent)s? (?:to|with|as) )", re.I)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def is_instruction_like(sentence: str) -> bool:
    """Text addressed to a model rather than said to a salesperson."""
    return bool(_INSTRUCTION.search(sentence))


def without_instructions(text: str) -> tuple[str, list[str]]:
    """The transcript without instruction-like sentences, and the sentences removed."""
    kept: list[str] = []
    removed: list[str] = []
    for sentence in split_sentences(text):
        (removed if is_instruction_like(sentence) else kept).append(sentence)
    return " ".join(kept), removed
