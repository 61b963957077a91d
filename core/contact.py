"""The contact details, read by the offline extractor: the phone number and the e-mail address,
from their spoken and mis-recognised forms ("k dot osei forty two at gmail dot com", "arroba",
"punto", digits split by the recogniser, "treinta y dos").
"""

from __future__ import annotations

import re

from core.call_context import CORRECTION, CallContext, Said
from core.normalize import ADDITIVE, ALL_DIGIT_WORDS, find_emails, fold
from models.analysis import Evidence

_PHONE_WORD = {*ALL_DIGIT_WORDS, *(k for k, v in ADDITIVE.items() if 10 <= v < 100),
               "double", "triple", "doble", "duplo", "triplo", "y", "e"}


def _phones(sentence: str) -> list[str]:
    low = fold(sentence)
    tokens = list(re.finditer(r"\+|[a-z]+|\d+", low))
    out: list[str] = []
    i = 0
    while i < len(tokens):
        plus = False
        if tokens[i].group(0) in ("+", "plus", "mas", "mais"):
            plus, i = True, i + 1
        j = i
        while j < len(tokens) and (tokens[j].group(0).isdigit() or
                                   tokens[j].group(0) in _PHONE_WORD):
            j += 1
        while j > i and tokens[j - 1].group(0) in ("y", "e"):
            j -= 1
        if j > i:
            from core.normalize import digits_from_speech

            digits = digits_from_speech(low[tokens[i].start():tokens[j - 1].end()])
            if 7 <= len(digits) <= 15:
                out.append(("+" if plus else "") + digits)
            i = j
        else:
            i += 1
    return out


def _format_phone(number: str, region: str | None) -> str:
    # imported here: rep_identity (this module) serves the cloud extractor too, and phonenumbers
    # is a local-engine package (requirements-local.txt)
    import phonenumbers

    if region is None and not number.startswith("+"):
        return number  # no country known (a Spanish call, no place said): none is assumed
    try:
        parsed = phonenumbers.parse(number, None if number.startswith("+") else region)
        if phonenumbers.is_possible_number(parsed):
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    except phonenumbers.NumberParseException:
        pass
    return number


PHONE_CUE = re.compile(r"\b(?:number|phone|cell|mobile|line|call me|reach me|ring me|text me|"
                       r"extension|whatsapp|numero|telefono|celular|movil|llamar|llameme|"
                       r"contacto|telemovel)\b")
_BACKCHANNEL = re.compile(r"^(?:mm+-?h?mm*|uh-?huh|a-?ha|yes|yeah|yep|ok|okay|right|sure|go on|"
                          r"go ahead|got it|and|si|aja|vale|claro|adelante|sigo|diga|dale)"
                          r"[\s.,!?]*$")
_PHONE_EDGE = rf"(?:\d|{'|'.join(sorted(ALL_DIGIT_WORDS, key=len, reverse=True))}|double|doble)"


def _phone_pieces(ctx: CallContext) -> list[tuple[str, bool]]:
    """The customer's turns as one text each, with whether a phone number is asked for or named
    there; a number said in pieces stays whole: over sentences of one turn ('My number is 918.
    5, 5, 5. 0122.') and over two turns split by a backchannel of the rep's ('four zero three,
    five five five,' 'Mm-hm.' 'zero one four seven')."""
    by_turn: dict[int, list[Said]] = {}
    for s in ctx.said:
        by_turn.setdefault(s.turn, []).append(s)
    out: list[tuple[str, bool]] = []
    last_rep = ""
    pending: tuple[str, bool] | None = None  # a customer turn that ends on a digit
    backchannel = False
    for turn in sorted(by_turn):
        said = by_turn[turn]
        text = " ".join(s.text for s in said)
        low = fold(text)
        if said[0].role != "customer":
            last_rep = low
            backchannel = bool(_BACKCHANNEL.match(low)) and pending is not None
            if not backchannel and pending is not None:
                out.append(pending)
                pending = None
            continue
        cued = bool(PHONE_CUE.search(low) or PHONE_CUE.search(last_rep))
        if pending is not None and backchannel and re.match(rf"\W*{_PHONE_EDGE}\b", low):
            text, cued = pending[0] + " " + text, pending[1] or cued
            pending = None
        elif pending is not None:
            out.append(pending)
            pending = None
        if re.search(rf"\b{_PHONE_EDGE}\W*$", low):
            pending = (text, cued)
        else:
            out.append((text, cued))
        backchannel = False
    if pending is not None:
        out.append(pending)
    return out


def phone_of(ctx: CallContext, region: str | None) -> Evidence[str] | None:
    """The customer's number; one given again in a correction wins ("sorry, it's ...")."""
    said = [(s, numbers) for s in ctx.customer if (numbers := _phones(s.text))]
    if said:
        fixed = [(s, n) for s, n in said[1:] if CORRECTION.search(fold(s.text))]
        s, numbers = fixed[-1] if fixed else said[0]
        return Evidence[str](value=_format_phone(numbers[-1], region), quote=s.text)
    for text, cued in _phone_pieces(ctx):
        numbers = _phones(text) if cued else []
        if numbers:  # said in pieces: only where a number is asked for or named
            return Evidence[str](value=_format_phone(numbers[-1], region), quote=text)
    for s in ctx.rep:
        if re.search(r"\b(?:your (?:number|phone|cell)|su (?:numero|telefono|celular)|"
                     r"let me (?:read|repeat|confirm)|so that'?s)\b", fold(s.text)):
            numbers = _phones(s.text)
            if numbers:
                return Evidence[str](value=_format_phone(numbers[-1], region), quote=s.text)
    return None


def email_of(ctx: CallContext) -> Evidence[str] | None:
    """The customer's address; one given again in a correction wins ("sorry, make that ...")."""
    said = [(s, _find_emails(s.text)) for s in ctx.customer]
    said = [(s, emails) for s, emails in said if emails]
    if said:
        fixed = [(s, e) for s, e in said[1:] if CORRECTION.search(fold(s.text))]
        s, emails = fixed[-1] if fixed else said[0]
        return Evidence[str](value=emails[-1][0].lower(), quote=s.text)
    for quote in _email_pieces(ctx):
        emails = _find_emails(quote)
        if emails:
            return Evidence[str](value=emails[-1][0].lower(), quote=quote)
    for s in ctx.rep:
        if re.search(r"\b(?:your (?:e-?mail|address)|su correo|let me (?:read|repeat|confirm)|"
                     r"so that'?s)\b", fold(s.text)):
            emails = _find_emails(s.text)
            if emails:
                return Evidence[str](value=emails[-1][0].lower(), quote=s.text)
    return None


def _find_emails(text: str) -> list[tuple[str, str]]:
    """The addresses in a sentence, with the apostrophes the recogniser writes into a spoken
    domain dropped ('tom at Becker's Bakehouse.com'): an address never holds one."""
    return find_emails(re.sub(r"(?<=[^\W\d_])['’](?=[^\W\d_])", "", text))


def _email_pieces(ctx: CallContext) -> list[str]:
    """The customer's turns as one text each, sentence stops dropped, so an address the
    recogniser cut ('It's grace dot liu.' 'At harbourside physio dot com.') is whole again; a
    turn that goes on after a backchannel of the rep's ('Mm-hm.') is joined to it when it goes
    on with the domain ('at ...', 'arroba ...')."""
    by_turn: dict[int, list[Said]] = {}
    for s in ctx.said:
        by_turn.setdefault(s.turn, []).append(s)
    out: list[str] = []
    backchannel = False
    for turn in sorted(by_turn):
        said = by_turn[turn]
        if said[0].role != "customer":
            backchannel = bool(_BACKCHANNEL.match(fold(" ".join(s.text for s in said))))
            continue
        text = " ".join(s.text.rstrip(".!?…") for s in said)
        if out and backchannel and re.match(r"\W*(?i:at|arroba|@)\s", text):
            out[-1] += " " + text
        else:
            out.append(text)
        backchannel = False
    return out
