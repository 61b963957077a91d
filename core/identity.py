"""The people and the company in a call, read by the offline extractor: the customer's name
(said by the customer, or by the rep addressing them: "am I speaking with Hannah Reyes?"), the
rep's identity (their names and companies, so they never fill the customer's fields, also when
the roles are uncertain) and the customer's company. Places the names stand next to are told
apart by `core.location`; the patterns shared with the role assignment are `core.introductions`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.agreement import REFUSAL
from core.call_context import FRAGMENT, CallContext, Said, answers_to
from core.introductions import (
    ADDRESSED,
    ASKED_FOR,
    ASKED_ROLE,
    CALLER_PITCH,
    CONFIRM,
    CONNECT,
    GREETING,
    LOW,
    NAME,
    NOT_NAME,
    SELF_INTRO,
    UP,
    WORD,
)
from core.introductions import clean_name as _clean_name
from core.location import city_tail, place_in
from core.normalize import ADDITIVE, fold
from core.places import Gazetteer
from core.products import UNITS_COUNTED
from core.roles import OUTBOUND, sentence_cue, wrong_number
from models.analysis import Evidence
from models.call import Transcript

Ner = Callable[[str], list[tuple[str, str]]]  # text -> [(entity text, label)]


COMPANY = rf"(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{0,4}})"
# the phone answered with the company: 'Good morning, Corbin Electrical.', 'Clínica X, buenas.'
ANSWERED_WITH = re.compile(rf"^(?:{GREETING}\s*,\s*)?"
                           rf"(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{1,4}})"
                           rf"(?:\s*,\s*(?:{GREETING}|(?i:d[ií]game|how can i help(?: you)?)))?"
                           r"\s*[.!?]?$")

NAME_SPEAKING = re.compile(NAME + r"(?i:,?\s+(?:here|speaking|al habla|hablando|falando)\b|"
                                  r",?\s+(?:calling|ringing|phoning) (?:from|for|on behalf of)\b|"
                                  r"\s*,\s*(?:d[ií]game|diga|mande)\b)")
PHONE_ANSWER = re.compile(rf"^(?P<co>{WORD}(?:\s+[\w'’.&-]+){{0,3}}),\s+" + NAME + r"\.?$")
LEAD = (r"(?:(?i:yes|yeah|yep|sure|speaking|you have|you are|s[ií]|claro|con|it'?s|this is|"
        r"it is|yes it is|that'?s right|correct|exacto|(?:hi|hello|hey) there|hi|hello|"
        r"that'?s me|that is me|it'?s me|soy yo|that was me|it was me|that'?d be me|"
        r"that would be me|era yo|fui yo|"
        r"hey|hiya|yeah hi|hola|buenas|good (?:morning|afternoon|evening))[,.]?\s+){0,2}")
LEAD_NAME = re.compile(r"^" + LEAD + NAME + r"(?=\s*(?:,|\.$|$|\s+(?i:from|with|"
                       r"at|de|del|here|speaking)\b))")
NAME_QUESTION = re.compile(
    r"\b(?:your (?:name|full name)|who am i (?:speaking|talking) (?:with|to)|who (?:is|'s) "
    r"(?:this|calling|speaking)|(?:take|get|have|ask) (?:your|a) name|may i ask who|who do i "
    r"have the pleasure|who do i have (?:on the line|here)|con quien (?:hablo|tengo el gusto)|"
    r"su nombre|tu nombre|como se llama|"
    r"como te llamas|quien (?:habla|llama)|de parte de quien|seu nome|com quem falo|"
    r"a nombre de quien|a que nombre|under (?:what|which) name|whose name)\b|"
    r"\b(?:and|y|e) (?:you are|you'?re|usted es|tu eres|voce e)\s*(?:\?|\.\.\.|…|$)")
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mister|Señor|Señora|Sr|Sra|señor|señora)\.?\s+" + NAME)
SURNAME_QUESTION = re.compile(r"\b(?:last name|surname|family name|apellido|sobrenome)\b")
VOCATIVE = re.compile(
    r"(?:^|[.!?,]\s*)(?i:hi|hello|hey|thanks|thank you|got it|great|perfect|okay|ok|right|"
    r"lovely|nice to meet you|good (?:morning|afternoon|evening)|hola|gracias|perfecto|vale|"
    r"buenos d[ií]as|buenas tardes|encantad[oa]|muy bien|ol[aá]|obrigad[oa])\s*,?\s+" + NAME +
    r"(?=\s*[,.!?]|$)")
VOCATIVE_LEAD = re.compile(r"^" + NAME + r"(?=\s*,\s*(?:[¿?]|(?i:do|did|are|is|can|could|would|"
                           r"what|when|how|tienen|tiene|usted|ustedes|cu[aá]ndo|qu[eé])\b))")
DENIED = re.compile(r"(?i:\b(?:no|not|any|nobody called|ning[uú]n|ninguna|nadie)\s+)$")
# the speaker's role first and the full name after it: 'I'm the owner of Redwood Cafe, Lisa Chang.'
ROLE_THEN_NAME = re.compile(r"(?i:\b(?:i'?m|i am|soy)\s+(?:the|el|la)\s+)[^,.?!]{3,60},\s+" + NAME +
                            r"\s*[.!]?$")
SPEAKING_WITH = re.compile(r"(?i:\byou(?:'re| are) (?:speaking|talking) (?:with|to)\s+|"
                           r"\byou(?:'ve| have) got\s+|\byou(?:'re| are) through to\s+)" + NAME)
COMPANY_QUESTION = re.compile(
    r"\b(?:(?:which|what) (?:company|business|firm|organi[sz]ation)|(?:company|business) are "
    r"you (?:with|from|calling from)|who are you with|where are you calling from|(?:de )?que "
    r"empresa|de parte de que empresa|de donde (?:me )?llama|qual empresa|de que empresa|"
    r"who do you work for|para quien trabaja|"
    r"(?:name of|nombre de|nome da) (?:the|your|la|su|tu|sua) (?:company|business|firm|empresa|"
    r"negocio|compania)|(?:company|business|firm)(?:'s)? name|"
    r"(?:what'?s|what is) (?:the|your) (?:company|business|firm|practice|shop) called|"
    r"como se llama (?:la|su|tu) (?:empresa|compania|tienda)|como se llama (?:el|su|tu) negocio)\b|"
    # the question left hanging or short: 'And the firm is?', 'And your company?', '¿Y la empresa?'
    r"\b(?:and|y|e) (?:the|your|la|su|tu|a) (?:company|business|firm|organi[sz]ation|practice|"
    r"empresa|compania|negocio)(?: name)?(?: is| es| e)?\s*(?:\?|\.\.\.|…|$)")
SELF_DESCRIBED = re.compile(r"\s*,\s*(?:I\b|I'm|we\b|we're|from\b|with\b|at\b|de\b|del\b|soy\b|"
                            rf"[{UP}]|trabajo\b|el\b|la\b|aqu[ií]\b)|\s+(?:from|with|at|de|del)\s+"
                            rf"[{UP}]")
NAME_THEN_COMPANY = re.compile(r"^" + LEAD + NAME + rf"\s*,\s*(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?"
                               rf"{WORD}){{0,4}})\s*(?:,|\.|$)")
NOT_COMPANY = {"the", "a", "our", "my", "this", "that", "home", "work", "next", "last", "i",
               "we", "you", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
               "january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december", "enero", "febrero", "marzo",
               "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
               "diciembre", "english", "spanish", "yes", "no", "si", "sorry", "ai", "crm", "el",
               "la", "los", "las", "un", "una", "usted", "ustedes", "hi", "hello", "hola", "oh",
               "well", "okay", "ok", "sure", "great", "thanks", "thank"}
COMPANY_CUE = re.compile(
    r"(?i:\b(?:from|with|at|representing|on behalf of|i run|we run|i own|i manage|work for|"
    r"(?:calling|ringing|phoning) for|"
    r"working for|calling from|(?:owner|manager|director|head|founder|ceo|cfo) of|"
    r"(?:owner|manager|director|head|founder|bookkeeper|accountant|buyer|lead|administrator|"
    r"coordinator|receptionist|partner|dueñ[oa]|gerente|encargad[oa]|contador[a]?) (?:for|at|of|"
    r"de|en)|(?:company|business|firm|shop|agency|practice|chain|store|empresa|negocio|tienda)"
    r"(?: called| named| llamad[oa])?,|"
    r"our company(?:,| is| is called)?|del?|desde|trabajo en|trabajo para|represento a|"
    r"en nombre de|dirijo|la empresa|somos|da|do|na|no|trabalho na|trabalho no|"
    r"trabalho para)\s+(?:the\s+|el\s+|la\s+)?)" + COMPANY)
REP_COMPANY_CUE = re.compile(
    r"(?i:\b(?:calling|contacting|thanks for calling|welcome to|you've reached|bienvenido a|"
    r"llamar a)\s+)" + COMPANY)
TURN_START_COMPANY = re.compile(rf"^(?:(?i:good (?:morning|afternoon|evening)|hello|hi|"
                                rf"buenos d[ií]as|buenas tardes|bom dia|boa tarde)\s*,\s*|"
                                rf"{WORD}\s*,\s*)?(?P<co>{WORD}(?:\s+{WORD}){{0,3}})"
                                r"(?=,|\s+(?:good|buenos|buenas|bom|boa|le atiende|this is)\b)")




def rep_identity_in(rep: list[Said], gaz: Gazetteer) -> tuple[set[str], set[str]]:
    names: set[str] = set()
    companies: set[str] = set()
    for s in rep:
        for pattern in (SELF_INTRO, NAME_SPEAKING):
            for m in pattern.finditer(s.text):
                name = _clean_name(m.group("name"))
                if name:
                    names.add(fold(name))
        for m in re.finditer(r"(?i:\b(?:le atiende|atiende|you(?:'re| are) speaking (?:with|to)|"
                             r"habla|soy|name'?s|name is|(?<=,\s)name)\s+)" + NAME,
                             s.text):
            name = _clean_name(m.group("name"))
            if name:
                names.add(fold(name))
        for pattern in (COMPANY_CUE, REP_COMPANY_CUE, TURN_START_COMPANY):
            for m in pattern.finditer(s.text):
                if pattern is COMPANY_CUE and re.match(r"\s*\?", s.text[m.end():]):
                    continue  # 'am I talking to the owner of Ironclad Gym?': the customer's
                co = _company_span(m.group("co"), gaz)
                if co:
                    companies.add(fold(co))
    addressed = {fold(m.group("name")) for s in rep
                 for pattern in (ADDRESSED, ADDRESSED_HEARD, ADDRESSED_HEARD_EN)
                 for m in pattern.finditer(s.text)}
    asked_at = {fold(co) for s in rep for m in ASKED_ROLE.finditer(s.text)  # 'whoever buys
                if (co := _company_span(m.group("co"), gaz))}  # ... at Marsh Dental'
    return names, companies - addressed - asked_at


def _is_rep_name(name: str, ctx: CallContext) -> bool:
    """'Tom', 'Say Tom' (misheard), 'Tom Reilly' when the rep is Tom Reilly; 'Emma' when the rep
    is Gemma ('Hi Gemma' heard as "I'm Emma": the first sound lost)."""
    first = fold(name).split()[0]
    words = set(fold(name).split())
    return any(first == rep or (len(words) <= 2 and rep in words) or
               (len(first) >= 3 and len(rep) == len(first) + 1 and rep.endswith(first))
               for rep in (r.split()[0] for r in ctx.rep_names)) or \
        fold(name) in ctx.rep_companies


@dataclass
class _Person:
    name: str
    quote: str
    total: int  # the weights of all signs for this person
    strongest: int  # the weight of the strongest one


def _merge_names(found: list[tuple[str, str, int]]) -> tuple[str, str] | None:
    """The best-supported name: candidates that share a word ('Sam', 'Sam Whitaker', 'Jenna')
    are one person, named by the fullest form. A person needs support of 2 or more in all; among
    those, the strongest single sign wins, then the first found (a name repeated many times
    does not outvote a self-introduction)."""
    people: list[_Person] = []
    for name, quote, weight in found:
        words = set(fold(name).split())
        for p in people:
            if words & set(fold(p.name).split()):
                if len(name.split()) > len(p.name.split()) or (
                        len(name.split()) == len(p.name.split()) and weight > p.strongest):
                    p.name, p.quote = name, quote
                p.total, p.strongest = p.total + weight, max(p.strongest, weight)
                break
        else:
            people.append(_Person(name, quote, weight, weight))
    supported = [p for p in people if p.total >= 2]
    if not supported:
        return None
    best = max(supported, key=lambda p: p.strongest)  # max keeps the first of equals
    return best.name, best.quote


def _customer_name(ctx: CallContext) -> Evidence[str] | None:
    """The customer's name from what is said about who is on the line, weighed: a
    self-introduction, an answer to "who am I speaking with?", a name the rep asks about and the
    customer confirms (3 each); a sentence that is only a name, the rep calling the customer by
    name (1 each). A lone weak sign is not enough."""
    found: list[tuple[str, str, int]] = []  # (name, quote, weight)

    def add(raw: str, quote: str, weight: int) -> None:
        name = _clean_name(raw)
        place = place_in(name or "", ctx.gaz)
        if place and fold(place.name) != fold(name or ""):
            place = None  # 'Sam' is also an old name of Damascus: a person first
        if name and not _is_rep_name(name, ctx) and not place:
            found.append((name, quote, weight))

    for s in ctx.customer:
        text = _unglue(s.text)  # 'my name's DevAnand'
        for pattern in (SELF_INTRO, NAME_SPEAKING, SPEAKING_WITH):
            for m in pattern.finditer(text):
                if not DENIED.search(text[:m.start("name")]):  # 'there's no Wendell here'
                    add(_fuller(m.group("name"), text, m.end("name")), s.text, 3)
        for m in ROLE_THEN_NAME.finditer(text):  # 'I'm the owner of Redwood Cafe, Lisa Chang.'
            if " " in m.group("name"):
                add(m.group("name"), s.text, 3)
        for m in LOWER_INTRO.finditer(text):  # 'Les ha la valeria soza, del estudio ...'
            if not any(fold(w) in NOT_SURNAME or FRAGMENT.search(fold(w))
                       for w in m.group("lname").split()):
                add(_title(m.group("lname")), s.text, 2)
        answered = _phone_answer(text) if s.turn <= 1 else None
        if answered:
            add(answered[1], s.text, 3)
        text = _without_greeting_of_rep(text, ctx)  # 'Hello Kai, Joanne from Brindle.'
        lead = LEAD_NAME.match(text)
        if lead and s.turn <= 3 and not COMPANY_QUESTION.search(fold(ctx.previous_rep(s))):
            rest = text[lead.end():]
            if SELF_DESCRIBED.match(rest):  # 'Derek Flynn, I look after facilities at ...'
                from_co = re.match(rf"\s+(?i:from|with|at|de|del)\s+[{UP}]", rest)
                add(lead.group("name"), s.text,  # 'Joanne from Brindle': 2
                    3 if " " in lead.group("name") else 2 if from_co else 1)
            elif re.fullmatch(r"\s*\.?\s*", rest) and (lead.start("name") == 0 or
                                                      not GREETED_LEAD.match(text)):
                # 'Mike.', 'You are, Mike.', 'That's me, Rob Tully.' (a full name: 2)
                add(lead.group("name"), s.text,
                    2 if " " in lead.group("name") and lead.start("name") > 0 else 1)
            elif " " in lead.group("name") and ITS_ME.search(text[:lead.start("name")]):
                add(lead.group("name"), s.text, 2)  # 'Yes, that was me, Marco Rivera, our ...'
    for s in answers_to(ctx, NAME_QUESTION):  # 'Oh, sorry, Jenna, Jenna Morales.'
        text = _unglue(s.text)
        said_before = set(ctx.rep_names)  # 'Hi Amir, Beatrice Olsen.', 'Jenna, Jenna Morales.'
        for m in re.finditer(NAME, text):
            if _answer_lead(text[:m.start("name")], said_before) and \
                    not _not_a_name(m.group("name"), text, m.start("name")):
                add(_fuller(m.group("name"), text, m.end("name")), s.text, 3)
                said_before.add(fold(m.group("name")))
    for s in ctx.rep:
        for m in [*ADDRESSED.finditer(s.text), *ADDRESSED_HEARD.finditer(s.text),
                  *ADDRESSED_HEARD_EN.finditer(s.text)]:
            name = _clean_name(m.group("name"))
            if not name or _is_rep_name(name, ctx):
                continue
            answer = ctx.reply_to(s)
            if answer and CONFIRM.match(fold(answer.text)):
                found.append((name, s.text, 3))
            elif answer and not DENIAL.match(fold(answer.text)):
                found.append((name, s.text, 2))  # 'Ask me, thanks for calling back.': not denied
        for pattern in (VOCATIVE, VOCATIVE_LEAD):
            for m in pattern.finditer(s.text):
                add(m.group("name"), s.text, 1)
                full = _full_name_before(ctx, s, m.group("name"))
                if full:  # 'Globex, Tom Becker.' 'Hi, Tom.': the rep greets the name just given
                    add(*full, 2)
    for s in ctx.customer:  # the turns given the wrong way round: the caller asked for them
        for m in ADDRESSED.finditer(s.text):
            if _asked_by_caller(ctx, s):
                add(m.group("name"), s.text, 3)
    best = _merge_names(found)
    if best is None:
        return None
    name, quote = best
    if len(name.split()) == 1:
        surname = _surname(ctx)
        if surname and fold(surname) != fold(name):
            name = f"{name} {surname}"
    return Evidence[str](value=name, quote=quote)


def _surname(ctx: CallContext) -> str | None:
    """A surname given on its own: the answer to "and your last name?" ('Pryce. P R Y C E.') or
    the one the rep calls the customer by ('Thanks, Mr Pryce')."""
    for s in answers_to(ctx, SURNAME_QUESTION):
        m = re.match(r"^(?:(?i:it'?s|es|yes|sure|s[ií])[,.]?\s+)?" + NAME, s.text)
        if m and len(m.group("name").split()) == 1 and fold(m.group("name")) not in NOT_NAME:
            return m.group("name")
    rep_said = " ".join(r.text for r in ctx.rep)  # 'Mr.' ends a sentence for the splitter
    for m in TITLED.finditer(rep_said):
        if not _is_rep_name(m.group("name"), ctx) and fold(m.group("name")) not in NOT_NAME:
            return m.group("name").split()[-1]
    return None


def _company_span(span: str, gaz: Gazetteer) -> str | None:
    """A company name out of a capitalised span: cut where a place begins ('Hotel Mirador de
    Granada' -> 'Hotel Mirador'), refuse places, weekdays, articles."""
    words = span.split()
    for i in range(1, len(words)):
        if words[i].lower() in ("de", "del", "in", "en", "of", "do", "da") and \
                place_in(" ".join(words[i + 1:]), gaz):
            words = words[:i]
            break
    words = words[:len(words) - len(city_tail(words, gaz))]
    while words and fold(words[-1]) in {"de", "del", "y", "and", "of", "the", "la", "e", "&"}:
        words.pop()
    text = " ".join(words).strip(" ,.'’")
    article = len(words) >= 2 and fold(words[0]) in {"la", "el", "los", "las"}  # 'La Huerta'
    if not text or fold(text) in NOT_COMPANY or (fold(words[0]) in NOT_COMPANY and not article):
        return None
    if place_in(text, gaz):
        return None
    return text


COMPANY_SUFFIX = {"shipping", "logistics", "dental", "foods", "food", "software", "systems",
                  "solutions", "group", "inc", "llc", "ltd", "limited", "consulting", "partners",
                  "realty", "hotels", "hotel", "clinics", "clinic", "traders", "trading",
                  "engineering", "marketing", "architects", "analytics", "bank", "builders",
                  "construction", "services", "industries", "labs", "media", "motors", "freight",
                  "transport", "health", "insurance", "capital", "studio", "studios", "bakery",
                  "bakeries", "restaurants", "resorts", "farms", "energy", "pharmacy", "school",
                  "academy", "agency", "corp", "corporation", "company", "co", "associates",
                  "asociados", "distribuciones", "transportes", "consultores", "servicios",
                  "soluciones", "grupo", "hermanos", "ltda", "sa", "sl"}


def _lower_tail(co: str, text: str, start: int, ends: set[str], letters: str = "a-z") -> str:
    """The rest of a company name the recogniser wrote in lower case (one or two words starting
    with `letters`), up to the last that is in `ends`: with COMPANY_SUFFIX, 'Harbour' + 'line
    shipping' -> 'Harbour line shipping'; with TRADE_SUFFIX, 'Parker and Sun's' + 'plumbing' ->
    'Parker and Sun's plumbing'."""
    rest = re.match(rf"((?:\s+[{letters}][\w&'-]*){{1,2}})", text[start + len(co):])
    if rest:
        words = rest.group(1).split()
        for n in range(len(words), 0, -1):
            if fold(words[n - 1]) in ends:
                return co + " " + " ".join(words[:n])
    return co


def company_of(ctx: CallContext, person: str | None) -> Evidence[str] | None:
    intro_turns = {s.turn for s in ctx.customer if SELF_INTRO.search(s.text) or
                   NAME_SPEAKING.search(s.text)}
    intro_turns |= {c.turn for r in ctx.rep if ADDRESSED.search(r.text)
                    for c in ctx.customer if c.turn == r.turn + 1}
    asked = answers_to(ctx, COMPANY_QUESTION)
    intro_turns |= {s.turn for s in asked}
    intro_turns |= {s.turn for s in answers_to(ctx, NAME_QUESTION)}
    intro_turns |= set(sorted({s.turn for s in ctx.customer})[:2])  # who calls is said first
    ordered = sorted(ctx.customer, key=lambda s: (s.turn not in intro_turns, s.turn))
    addressed = {fold(m.group("name")) for s in ctx.said for m in ADDRESSED.finditer(s.text)}
    for raw, quote in _confirmed_company(ctx) + _confirmed_company_heard(ctx) + \
            _company_asked_at(ctx):
        co = _company_span(raw, ctx.gaz)
        if co and fold(co) not in ctx.rep_companies:
            return Evidence[str](value=co, quote=quote)
    for s in ordered:
        answered = _phone_answer(s.text) if s.turn <= 1 else None
        candidates = [answered[0]] if answered else []
        m3 = ANSWERED_WITH.match(s.text)
        if m3 and s.turn == 0:
            candidates.append(m3.group("co"))
        m4 = NAME_THEN_COMPANY.match(_without_greeting_of_rep(s.text, ctx))
        if m4 and " " in m4.group("name"):  # 'Yeah hi, Lucas Moreau, Moreau Wines, we're ...'
            candidates.append(m4.group("co"))
        if s in asked[:1]:  # 'Which company are you with?' 'Lantern. We're a small agency.'
            lead = re.match(rf"^(?:(?i:we'?re|it'?s|i'?m with|with|from|at|de|del|somos)\s+)?"
                            rf"(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{0,4}})", s.text)
            if lead:  # 'Redfern joinery.': its trade in the recogniser's lower case
                candidates.append(_lower_tail(lead.group("co"), s.text, lead.start("co"),
                                              COMPANY_SUFFIX | TRADE_SUFFIX, "a-záéíóúñ"))
        candidates += [_comma_and(_lower_tail(_lower_tail(m.group("co"), s.text, m.start("co"),
                                                          COMPANY_SUFFIX),
                                              s.text, m.start("co"), TRADE_SUFFIX, "a-záéíóúñ"),
                                  s.text, m.start("co"))
                       for m in COMPANY_CUE.finditer(s.text) if not _counted(s.text, m.start())
                       and not (ctx.lang != "pt" and PORTUGUESE_CUE.match(s.text, m.start()))]
        candidates += [co for pattern in (APPOSITIVE, ROLE_OF) for m in pattern.finditer(s.text)
                       if (co := _plain_company(m.group("co"), ctx.gaz))]
        if s.turn in intro_turns:
            # a name the recogniser wrote in lower case, between 'de'/'from' and a comma or a
            # place: 'soy Raúl Castillo, de transportes Castillo, en Sevilla'
            for m in re.finditer(r"(?:,|^)\s*(?i:de|del|from|with|at|da|do)\s+((?:[\w&'’-]+"
                                 r"\s?){1,4}?)(?=\s*(?:,|\.|$|\ben\b|\bin\b))", s.text):
                co = _plain_company(m.group(1), ctx.gaz)
                if co and fold(co.split()[0]) not in {"la", "los", "las", "el", "un"} and \
                        (" " in co or not m.group(1)[0].islower()):  # 'de güeyla': a place?
                    candidates.append(co)
            candidates += _lower_suffixed(s.text, ctx.gaz)
            candidates += _we_are(s.text, ctx.gaz)
        for raw in candidates:
            co = _company_span(raw, ctx.gaz)
            co = _trade_then_and(co) if co else None
            if not co or fold(co) in ctx.rep_companies or fold(co) in addressed:
                continue
            if person and (fold(co) in fold(person) or fold(person) == fold(co)):
                continue
            if any(fold(co).split()[0] == r.split()[0] for r in ctx.rep_names) and \
                    len(co.split()) <= 2 and fold(co) in {r for r in ctx.rep_names}:
                continue
            return Evidence[str](value=co, quote=s.text)
    return None


def _confirmed_company(ctx: CallContext) -> list[tuple[str, str]]:
    """Companies the rep names as the customer's in a question the customer says yes to ("Am I
    talking to the owner of Ironclad Gym?" "You are.")."""
    out = []
    for r in ctx.rep:
        if not r.text.rstrip().endswith("?"):
            continue
        answer = ctx.reply_to(r)
        if not (answer and CONFIRM.match(fold(answer.text))):
            continue
        for m in re.finditer(rf"(?i:\b(?:from|at|of|with|de|del)\s+)(?P<co>{WORD}(?:\s+(?:"
                             rf"{CONNECT}\s+)?{WORD}){{0,4}})(?P<tail>(?:\s+[a-z]+){{0,2}})\s*\?",
                             r.text):
            addressed = {fold(a.group("name")) for a in ADDRESSED.finditer(r.text)}
            co = m.group("co")
            if m.group("tail"):  # 'at Fairhaven school?': the recogniser's lower case
                co = _lower_tail(co, r.text, m.start("co"), COMPANY_SUFFIX)
                if co == m.group("co"):
                    continue
            if fold(co) not in addressed:
                out.append((co, r.text))
    return out


# --- names and companies as the recogniser writes them ---------------------------------------
# What the speech engine does to introductions, read back by structure rather than by capital
# letters: a turn cut into segments (joined into one turn before anything is read), names and
# companies in lower case ('de café montaña', 'green kettle') found by where they stand (after
# 'de'/'from' in the first turns, after the kind of business, after a role 'at'), title-cased in
# the language's way; glued words split; cue words misheard or without their question mark
# ('algo con el señor X', 'returning a call from X.'). The two parties given the wrong way round
# (told by who asks for whom and then introduces themselves) are put right in `core.roles`.

LOWER_NOT_COMPANY = {"me", "him", "her", "us", "them", "you", "it", "mine", "yours", "scratch",
                     "now", "then", "here", "there", "time", "course", "acuerdo", "nada",
                     "verdad", "hecho", "nuevo", "nueva", "momento", "parte", "todo", "todos",
                     "todas", "vez", "veras", "cierto", "inmediato", "repente", "mi",
                     "su", "sus", "mis", "tu", "nosotros", "ustedes", "usted", "ti", "what",
                     "which", "where", "who", "today", "tomorrow", "yesterday", "hoy", "manana",
                     "ayer", "aqui", "alli", "ahi", "hand", "least", "all", "once", "first",
                     "last", "home", "work", "school", "office", "oficina", "casa", "lo", "eso",
                     "esto", "esa", "ese", "este", "esta", "algo", "alguna", "alguno", "mucho",
                     "muchos", "poco", "paso", "camino", "viaje", "vacaciones", "compras",
                     "prisa", "lujo", "maravilla", "pronto", "cerca", "lejos", "your", "his",
                     "their", "nothing", "something", "anything", "everything", "mostly",
                     "really", "basically", "just", "only", "actually", "pretty", "very",
                     "quite", "mainly", "about", "around", "like", "not", "of", "so", "well",
                     "hiya", "hey", "morning", "afternoon", "evening", "buenas", "buenos", "yeah",
                     "yep", "right", "um", "uh", "dear"}
INNER_NOT_COMPANY = {"a", "an", "un", "una", "is", "are", "was", "es", "son", "que", "if", "si",
                     "i", "we", "you", "it", "to", "for", "para", "por", "but", "pero"}
NOT_SURNAME = NOT_NAME | {"too", "again", "calling", "speaking", "today", "now", "here", "there",
                          "sir", "madam", "then", "also", "tambien", "aqui", "hoy", "ya",
                          "otra", "vez", "from", "with", "at", "de", "del", "y", "e", "and",
                          "in", "en", "on", "for", "para", "por", "of", "to", "a", "an",
                          "un", "una", "is", "es", "are", "soy", "the", "la", "el", "los",
                          "las", "lo", "le", "se", "me", "te", "nos", "que", "who", "this"}
CONNECT_WORDS = {"and", "y", "e", "de", "del", "of", "the", "la", "las", "los", "el", "do", "da",
                 "dos", "das", "von", "van", "&"}
TRADE_SUFFIX = {"plumbing", "electrical", "electric", "roofing", "joinery", "carpets",
                "furniture", "supplies", "supply", "physiotherapy", "physio", "veterinary",
                "vets", "wines", "winery", "brewing", "brewery", "bakes", "kitchens", "designs",
                "design", "printing", "print", "cleaning", "catering", "care", "homes", "gym",
                "fitness", "salon", "garage", "autos", "tech", "technologies", "networks",
                "security", "legal", "law", "accounting", "accountants", "properties",
                "estates", "rentals", "travel", "tours", "coffee", "farm", "nursery", "florist",
                "flowers", "interiors", "landscaping", "contractors", "mechanical", "wholesale",
                "imports", "exports", "textiles", "apparel", "press", "publishing",
                "productions", "events", "recruitment", "staffing", "training", "learning",
                "education", "removals", "storage", "surgery", "optics", "opticians",
                "dentistry", "orthodontics", "pharma", "logistica", "muebles", "seguros",
                "asesores", "abogados", "construcciones", "inmobiliaria", "hermanos"}
# the kind of business said before its name: 'a small removals company, Gordon moves in ...',
# 'a little chain of tea rooms, green kettle, ...', 'una cooperativa que se llama la buena ...'
BUSINESS_KIND = (r"(?:company|business|firm|chain|shop|store|agency|practice|studio|clinic|"
                 r"restaurant|cafe|café|bakery|gym|school|hotel|brand|startup|cooperative|"
                 r"partnership|outfit|group|empresa|negocio|tienda|agencia|despacho|estudio|"
                 r"clinica|clínica|restaurante|cooperativa|panaderia|panadería|taller|bodega|"
                 r"hotel|consultora|distribuidora|constructora|fabrica|fábrica|marca|"
                 r"papeler[ií]a|ferreter[ií]a|farmacia|librer[ií]a|carpinter[ií]a|"
                 r"peluquer[ií]a|florister[ií]a|imprenta|consultorio|"
                 r"pasteler[ií]a|zapater[ií]a|joyer[ií]a|lavander[ií]a|cafeter[ií]a|"
                 r"pharmacy|bookshop|salon|garage|workshop|nursery|surgery|dealership|"
                 r"florist|deli|spa|gallery|inn|hostel|winery|brewery|farm|pub|bar|lab|"
                 r"laboratory|factory|warehouse|office|centre|center|floristeria|"
                 r"florister[ií]a|academia|gimnasio|granja|fabrica|almac[eé]n|oficina)")
APPOSITIVE = re.compile(
    r"(?i:\b(?:a|an|our|my|un|una|nuestr[oa]|mi)\s+(?:[\w'’-]+\s+){0,3}?" + BUSINESS_KIND +
    r"(?:\s+[a-záéíóúñ]{4,})??"  # the adjective after the noun: 'un taller mecánico, ...'
    r"(?:\s+(?:of|de)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+)?"
    r"(?:\s*,\s*|\s+(?:called|named|que se llama|se llama|llamad[oa]|de nombre)\s+))"
    r"(?P<co>[\w'’&-]+(?:\s+[\w'’&-]+){0,3}?)"
    rf"(?=\s*(?:[,.;!?]|$)|\s+(?:(?i:in|en|out of|based in|near|from|de|del|at))\s+[{UP}])")
# the phone answered with the company, a greeting and the name: 'Mudanzas Robles, buenas tardes,
# le atiende Marisol Robles.', 'Kingsbridge Furniture, you're through to Marcus Delaney.'
ANSWERED_BY = re.compile(
    rf"^(?:{GREETING}\s*,\s*)?(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{0,5}})\s*,\s*"
    rf"(?:{GREETING}\s*,\s*)?(?i:le atiende|te atiende|habla|this is|you'?re through to|"
    r"you'?re speaking (?:with|to)|you'?ve reached|[\w ]{0,12} speaking,?)\s+" + NAME)


def _unglue(text: str) -> str:
    """Words the recogniser glued, split at their inner capital: 'DevAnand' -> 'Dev Anand'."""
    return re.sub(rf"(?<![\w'’])(?!Mc|Mac|O['’])([{UP}][{LOW}]{{1,}})([{UP}][{LOW}]{{2,}})(?![\w])",
                  r"\1 \2", text)


def _title(text: str) -> str:
    """A name the recogniser wrote in lower case, capitalised as names are in the language:
    'transportes castillo' -> 'Transportes Castillo', 'café de la montaña' -> 'Café de la
    Montaña', 'bodega los andes' -> 'Bodega Los Andes' (connectors stay lower case, except the
    first word and an article that does not follow one)."""
    words = text.split()
    out = []
    for i, w in enumerate(words):
        article = fold(w) in {"la", "las", "los", "el", "the"} and \
            fold(words[i - 1]) not in {"de", "del", "of", "y", "and", "e"}  # 'Bodega Los Andes'
        if w.islower() and (i == 0 or fold(w) not in CONNECT_WORDS or article):
            w = w[0].upper() + w[1:]
        out.append(w)
    return " ".join(out)


def _lower_surname(text: str, end: int) -> str | None:
    """The surname the recogniser wrote in lower case right after a first name, ending the
    clause: 'Ramón ingresias, de ...' -> 'Ingresias'."""
    m = re.match(rf"\s+([a-záéíóúñüçâêôãõà][{LOW}]{{2,}})(?=\s*[,.!?;]|\s*$)", text[end:])
    if m and fold(m.group(1)) not in NOT_SURNAME and not FRAGMENT.search(fold(m.group(1))):
        return _title(m.group(1))
    return None


def _plain_company(span: str, gaz: Gazetteer) -> str | None:
    """A company found by the structure of the sentence, whatever its case: refused when it is a
    place, an ordinary phrase ('de acuerdo', 'at me'), or reads as part of a sentence."""
    words = span.strip(" ,.'’").split()
    if not words or len(words) > 5:
        return None
    low = [fold(w) for w in words]
    if low[0] in NOT_COMPANY - {"la", "el", "los", "las"} or low[0] in LOWER_NOT_COMPANY or \
            low[0] in PLAIN_ADJECTIVE or low[0] in CONNECT_WORDS - {"la", "el", "los", "las"} or \
            low[-1] in CONNECT_WORDS or any(w in INNER_NOT_COMPANY for w in low) or \
            FRAGMENT.search(" ".join(low)) or (len(low) == 1 and low[0] in CONNECT_WORDS):
        return None
    text = " ".join(words)
    if place_in(text, gaz) or len(text) < 3 or (len(words) == 1 and text.islower()):
        return None  # one word in lower case: too often an ordinary word
    if low[0] in ADDITIVE or low[0].isdigit() or (
            low[0] in {"la", "el", "los", "las", "the"} and len(words) == 2 and
            words[1].islower()):
        return None  # 'twelve vans', 'la imprenta': a count, a thing
    return _title(text) if text.islower() or words[0].islower() else text


def _not_a_name(name: str, text: str, start: int) -> bool:
    """A capitalised run that is a company or a place in the sentence, not a person: after 'for
    the', 'at', 'from', 'de' ('the bookkeeper for the Street Bakery'), or ending in a word
    companies end in."""
    before = text[:start]
    last = fold(name.split()[-1])
    if re.search(r"(?i:\b(?:nombre|name)\s+(?:de|of)\s*)$", before):
        return False  # 'A nombre de Esteban Aguilar', 'under the name of ...'
    return bool(re.search(r"(?i:\b(?:the|for|at|from|with|of|in|on|de|del|en|la|el|los|las|para|"
                          r"con|por|desde)\s*)$", before)) or last in COMPANY_SUFFIX or \
        last in TRADE_SUFFIX


GREETED_LEAD = re.compile(r"(?i)^(?:hi|hello|hey|hiya|yeah hi|hola|buenas|good (?:morning|"
                          r"afternoon|evening))\b")


def _fuller(name: str, text: str, end: int) -> str:
    """A first name with the surname the recogniser wrote in lower case after it, if any."""
    if " " in name:
        return name
    surname = _lower_surname(text, end)
    return f"{name} {surname}" if surname else name


def _phone_answer(text: str) -> tuple[str, str] | None:
    """(company, name) when the phone is answered with both: 'Lakeside marketing, Ethan
    Brooks.', 'Mudanzas Robles, buenas tardes, le atiende Marisol Robles.'; not a greeting or a
    confirmation taken for the company ('Good morning, Corbin Electrical.', 'That'd be me,
    Greta.')."""
    for pattern in (PHONE_ANSWER, ANSWERED_BY, ANSWERED_SPEAKING):
        m = pattern.match(text)
        if not m:
            continue
        co, name = m.group("co"), m.group("name")
        low = fold(co)
        if any(w.islower() and fold(w) not in CONNECT_WORDS for w in co.split()[1:]) and \
                fold(co.split()[-1]) not in COMPANY_SUFFIX | TRADE_SUFFIX:
            continue  # lower case in the company only as a trade: 'Lakeside marketing'

        if re.fullmatch(GREETING, co) or CONFIRM.match(low) or FRAGMENT.search(low) or \
                fold(name.split()[-1]) in COMPANY_SUFFIX | TRADE_SUFFIX or \
                fold(co.split()[0]) in NOT_COMPANY | LOWER_NOT_COMPANY or \
                (len(co.split()) == 1 and fold(co) in NOT_NAME):
            continue
        return co, name
    return None


def _answer_lead(before: str, rep_names: set[str]) -> bool:
    """Only words that open an answer before the name ('Oh, sorry, Jenna ...', 'Hi Amir,
    Beatrice Olsen.'): the name answers the question, it is not a word further on ('We use
    QuickBooks')."""
    rep_words = {w for n in rep_names for w in n.split()}
    return all(w in NOT_NAME or w in rep_words or
               w in {"um", "uh", "er", "ah", "is", "its", "soy", "es", "me", "sure", "of",
                     "course", "name", "nombre", "mi", "my", "a", "de", "under", "it", "llamo"}
               for w in re.findall(r"[\w'’]+", fold(before)))


def _asked_by_caller(ctx: CallContext, s: Said) -> bool:
    """A sentence of the customer's party asking for someone that the other party confirmed,
    after which the asker said who they are, and that is the rep
    (`core.roles.caller_introduction`)."""
    answer = next((x for x in ctx.said if x.turn == s.turn + 1), None)
    if answer is None or answer.role == s.role or not CONFIRM.match(fold(answer.text)):
        return False
    for x in ctx.said:
        if x.role == s.role and s.turn <= x.turn <= s.turn + 2:
            intro = SELF_INTRO.search(x.text)
            name = _clean_name(intro.group("name")) if intro else None
            if name and fold(name) in ctx.rep_names:
                return True
    return False


# the rep asking for the customer as the recogniser heard it: no question mark, the cue misheard
# ('¿Hablo con Andrés Molina?' -> 'algo con el señor Alberto Núñez, de imprenta Núñez.'; the
# 'con' lost before a title: 'a lo que un señor Jorni Puig.')
ADDRESSED_HEARD = re.compile(
    r"(?i:\b(?:(?:hablo|algo|a lo que|a lo) con\s+(?:(?:el|la)\s+)?(?:(?:señor|señora|sr|sra|"
    r"don|doña|doctor|doctora)\.?\s+)?|(?:hablo|algo|a lo que|a lo)\s+(?:(?:el|la|un|una|al)\s+)?"
    r"(?:señor|señora|don|doña|doctor|doctora)\s+))" + NAME + r"(?=\s*(?:[,.?!]|$))")
LOWER_SUFFIXED = re.compile(r"\b(?:of|at|for|with|from|de|del|para|en)\s+(?:(?:the|la|el)\s+)?"
                            r"((?:[a-záéíóúñ][\w'’&-]*\s+){1,3}[a-záéíóúñ][\w'’&-]*)")
UNIT_OF_ORG = {"department", "departamento", "area", "team", "equipo", "division", "office",
               "oficina", "branch", "sucursal", "section", "seccion", "unit", "unidad"}
PLAIN_ADJECTIVE = {"new", "old", "current", "same", "other", "big", "small", "local", "whole",
                   "main", "online", "nuevo", "nueva", "viejo", "vieja", "mismo", "misma", "otro",
                   "otra", "gran", "pequeño", "pequeña", "actual"}


def _confirmed_company_heard(ctx: CallContext) -> list[tuple[str, str]]:
    """The company the rep names with the customer, as the recogniser heard the question (no
    question mark, lower case): 'algo con el señor Alberto Núñez, de imprenta Núñez.' 'Sí.'"""
    out = []
    for r in ctx.rep:
        asked = ADDRESSED_HEARD.search(r.text) or ADDRESSED.search(r.text)
        if asked is None:
            continue
        answer = ctx.reply_to(r)
        if not (answer and CONFIRM.match(fold(answer.text))):
            continue
        m = re.match(r"\s*,?\s*(?i:from|at|of|with|de|del)\s+([\w'’&-]+(?:\s+[\w'’&-]+){0,3}?)"
                     r"\s*[?.!]?\s*$", r.text[asked.end("name"):])
        co = _plain_company(m.group(1), ctx.gaz) if m else None
        if co and fold(co) != fold(asked.group("name")) and " " in co:
            out.append((co, r.text))
    return out


def _comma_and(co: str, text: str, start: int) -> str:
    """'Thistle' + ', and Rohan, a law firm': the recogniser's comma inside the name, when the
    kind of business follows it."""
    m = re.match(rf",?\s+(?i:and|y|&)\s+({WORD})(?=\s*,\s*(?i:a|an|un|una)\s)",
                 text[start + len(co):])
    return f"{co} and {m.group(1)}" if m and fold(co).split()[-1] not in CONNECT_WORDS else co


def _counted(text: str, start: int) -> bool:
    """A cue word after a counted unit is not a company's: '40 licencias de CRM' (a unit with a
    number before it: 'the print room at Fraser and Webb' is a company's)."""
    before = re.search(r"([\w'’]+)\s+([\w'’]+)\s*$", text[:start])
    return bool(before and fold(before.group(2)) in UNITS_COUNTED and (
        before.group(1).isdigit() or fold(before.group(1)) in ADDITIVE))


def _lower_suffixed(text: str, gaz: Gazetteer) -> list[str]:
    """A company the recogniser wrote in lower case that ends in a word companies end in, after
    a preposition: 'I'm the manager of the cobalt engineering in Boston' -> 'Cobalt
    Engineering'."""
    out = []
    for m in LOWER_SUFFIXED.finditer(text):
        words = m.group(1).split()
        ends = [i for i, w in enumerate(words) if fold(w) in COMPANY_SUFFIX | TRADE_SUFFIX]
        if not ends or ends[-1] == 0:
            continue
        whole = re.match(rf"\s*(?:[,.;!?]|$|(?i:en|in)\s+[{UP}])", text[m.end(1):])
        if not (whole and len(words) - ends[-1] <= 2):  # 'clínica dental sonrisas, en Lima'
            words = words[:ends[-1] + 1]
        first = fold(words[0])
        if first in COMPANY_SUFFIX | TRADE_SUFFIX | PLAIN_ADJECTIVE | NOT_COMPANY | UNIT_OF_ORG:
            continue
        co = _plain_company(" ".join(words), gaz)
        if co:
            out.append(co)
    return out


def _company_asked_at(ctx: CallContext) -> list[tuple[str, str]]:
    """The company the rep asks for someone at, unless the answer denies it: 'I'm looking for
    whoever buys office supplies at Marsh Dental.' 'That's our office manager, but ...'; not
    'Is this Gary Simmons from Oakridge Dental?' 'No, there's no Gary here.'"""
    out = []
    for r in ctx.rep:
        m = ASKED_ROLE.search(r.text) or ASKED_FOR.search(r.text)
        answer = next((x for x in ctx.said if x.turn == r.turn + 1), None)
        if m is None or (answer is not None and DENIAL.match(fold(answer.text))):
            continue
        co = _company_span(m.group("co"), ctx.gaz)
        if co:
            out.append((co, r.text))
    return out


# the rep naming the customer as heard, without the question mark: 'returning a call from Wesley
# Corbyn.'
ADDRESSED_HEARD_EN = re.compile(
    r"(?i:\b(?:returning (?:a |your )?call (?:from|for)|calling (?:back )?for|am i (?:speaking|"
    r"talking) (?:with|to)|(?:may|could|can) i (?:speak|talk) (?:with|to))\s+(?:(?:mr|mrs|ms|"
    r"miss|dr)\.?\s+)?)" + NAME + r"(?=\s*(?:[,.?!]|$))")
# an answer that says the one asked for is not there, or not them
DENIAL = re.compile(r"^(?:no\b|nope|not\b|wrong|sorry,? (?:no|there|he|she|wrong)|there'?s no|"
                    r"(?:he|she)(?:'s| is) not|(?:he|she)'?s (?:out|away|off)|who'?s calling|"
                    r"who is calling|may i ask who|de parte de quien|quien (?:lo|la) llama|"
                    r"no (?:esta|es|hay|se encuentra)|se equivoco|equivocado)")


# the customer's role at a company, the company as the recogniser wrote it: 'soy el director
# comercial de grupo al tamila en Monterrey'
ROLE_OF = re.compile(
    r"(?i:\b(?:director[a]?|gerente|encargad[oa]|dueñ[oa]|jef[ea]|responsable|owner|manager|"
    r"head|founder|director|buyer|administrator|coordinator)(?:\s+(?:de\s+)?[a-záéíóúñ]+)?\s+"
    r"(?:de|del|of|at|en|for|para)\s+(?:la\s+|el\s+|the\s+)?)"
    r"(?P<co>[\w'’&-]+(?:\s+[\w'’&-]+){1,3}?)"
    rf"(?=\s*(?:[,.;!?]|$)|\s+(?i:en|in|de|from|out of)\s+[{UP}])")


def _without_greeting_of_rep(text: str, ctx: CallContext) -> str:
    """The sentence after a greeting of the rep by name: 'Hello Kai, Joanne from Brindle' ->
    'Joanne from Brindle', so the customer's name that follows opens it."""
    m = re.match(rf"^(?:{GREETING}|(?i:hey|hiya|thanks|morning|afternoon|evening|gracias|"
                 rf"ol[aá]))[,.]?\s+{NAME}\s*,\s*", text)
    if m and _is_rep_name(m.group("name"), ctx) and len(text) > m.end():
        return text[m.end():]
    return text


# 'no', 'na', 'do', 'da' before a company are Portuguese ('trabalho na Natura'); elsewhere they
# are other words ('there's no Gary here')
PORTUGUESE_CUE = re.compile(r"(?i:no|na|do|da)\s")


# 'Bright Smiles Dental, Jenny speaking, how can I help?'
ANSWERED_SPEAKING = re.compile(
    rf"^(?:{GREETING}\s*,\s*)?(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{0,5}})\s*,\s*" + NAME +
    r"(?i:\s+(?:speaking|here|al habla|hablando|falando))\b")


# a full name the recogniser wrote in lower case after a strong cue, the cue perhaps misheard
# ('les habla' -> 'les ha la'): two words, then a comma or the end
LOWER_INTRO = re.compile(
    r"(?i:\b(?:my name is|my name'?s|me llamo|mi nombre es|(?:les|le) (?:habla|ha la|abla)|"
    r"meu nome (?:e|é)|me chamo)\s+)"
    r"(?P<lname>[a-záéíóúñü][a-záéíóúñü'’-]{1,}\s+[a-záéíóúñü][a-záéíóúñü'’-]{2,})"
    r"(?=\s*(?:[,.;!?]|$))")


# --- what the structure of the call gives to the rep -----------------------------------------
# A self-introduction that carries the company calling ('This is Faith Adams with Brightsmile',
# "it's Dana calling from Paintline", 'my name is Leo Martin and I'm calling from Brightwave',
# 'soy Marta Gil, de Nubeprint', 'le habla Rodrigo Salas, de Fibranet'), wherever the recogniser
# put it. A customer says this too ('I'm Grace Liu from Harborline'), so it counts for the rep
# only when the roles cannot be trusted: one voice, or a wrong number (`core.roles.wrong_number`)
# or a refusal, where the one called has nothing to introduce.
REP_SHAPED_INTRO = re.compile(
    r"(?i:\b(?:this is|my name is|my name'?s|i am|i'?m|it'?s|it is|the name'?s|soy|me llamo|"
    r"mi nombre es|habla|le habla|les habla|le saluda|le atiende|sou|meu nome (?:é|e)|"
    r"aqui (?:é|e))\s+)" + NAME +
    r"(?=\s*,?\s*(?i:(?:and\s+)?(?:i'?m\s+|i am\s+)?(?:calling|ringing|phoning|llamando|"
    r"ligando)\s+(?:you\s+)?(?:from|on behalf of|with|for|de|desde|da|do)|from|with|at|"
    r"representing|on behalf of|de|del|desde|de parte de|da|do)\s+)")
REP_SHAPED_COMPANY = re.compile(
    r"\s*,?\s*(?i:(?:and\s+)?(?:i'?m\s+|i am\s+)?(?:calling|ringing|phoning|llamando|ligando)\s+"
    r"(?:you\s+)?(?:from|on behalf of|with|for|de|desde|da|do)|from|with|at|representing|"
    r"on behalf of|de|del|desde|de parte de|da|do)\s+(?P<co>[\w'’&-]+(?:\s+[\w'’&-]+){0,3}?)"
    r"(?=\s*(?:[,.;!?]|$|\b(?i:and|about|y|por|sobre|para)\b))")


def _rep_shaped_identity(said: list[Said], gaz: Gazetteer, *,
                         wrong: bool) -> tuple[set[str], set[str]]:
    """The names (folded) introduced with the company calling, and those companies, from the
    sentences of any party (`REP_SHAPED_INTRO`). On a `wrong` number (or one voice) every such
    introduction counts, and so do the names and companies asked for ('Is this Gary Simmons
    from Oakridge Dental?'), nobody on the line; on a refusal only an introduction in a turn
    that also asks for someone or says why the call was placed."""
    names: set[str] = set()
    companies: set[str] = set()
    placing = {s.turn for s in said
               if OUTBOUND.search(fold(s.text)) or CALLER_PITCH.search(fold(s.text)) or
               ADDRESSED.search(s.text) or ASKED_FOR.search(s.text) or
               ADDRESSED_HEARD.search(s.text)}
    for s in said:
        if not wrong and s.turn not in placing:
            continue
        for m in REP_SHAPED_INTRO.finditer(s.text):
            name = _clean_name(m.group("name"))
            if not name:
                continue
            names.add(fold(name))
            co = REP_SHAPED_COMPANY.match(s.text, m.end("name"))
            plain = _plain_company(co.group("co"), gaz) if co else None
            if plain:
                companies.add(fold(plain))
        if not wrong:
            continue
        if OFFERS_HELP.search(fold(s.text)):  # 'Toolful Orange, this is Nina, can I help?'
            for pattern in (SELF_INTRO, NAME_SPEAKING):
                for m in pattern.finditer(s.text):
                    name = _clean_name(m.group("name"))
                    if name:
                        names.add(fold(name))
            answered = ANSWERED_BY.match(s.text) or ANSWERED_SPEAKING.match(s.text)
            if answered and _company_span(answered.group("co"), gaz):
                companies.add(fold(answered.group("co")))
        for pattern in (ADDRESSED, ASKED_FOR, ADDRESSED_HEARD, ADDRESSED_HEARD_EN):
            for m in pattern.finditer(s.text):
                name = _clean_name(m.group("name"))
                if name:
                    names.add(fold(name))
        for m in [*ASKED_FOR.finditer(s.text), *ASKED_ROLE.finditer(s.text)]:
            asked_at = _company_span(m.group("co"), gaz)
            if asked_at:
                companies.add(fold(asked_at))
    return names, companies


REP_LIKE = 1.5  # a sentence cue (core.roles.sentence_cue) this strong sounds like the rep


def _roles_uncertain(transcript: Transcript, said: list[Said]) -> str | None:
    """'wrong' when the parties cannot be told apart (one voice saying something a rep says)
    or the call reached the wrong number, 'refusal' when the one called refuses: a rep-shaped
    introduction is then never the customer's (`_rep_shaped_identity`); None otherwise."""
    texts = [s.text for s in said]
    one_voice = len({s.label for s in transcript.speakers}) < 2
    if wrong_number(texts) or (one_voice and any(sentence_cue(t).score >= REP_LIKE
                                                 for t in texts)):
        return "wrong"  # one voice only counts when some of it sounds like a rep: a monologue
        # of the customer's (a voicemail) introduces the customer
    return "refusal" if any(REFUSAL.search(fold(t)) for t in texts) else None


# the customer saying what company they are, early in the call: "we're Copperleaf Bakery, over in
# Leeds", "somos talleres Puig, un taller de prototipos" (the recogniser's lower case kept when the
# name ends in a word companies end in)
WE_ARE = re.compile(
    r"(?i:\b(?:we'?re|we are|somos|nosotros somos)\s+)"
    r"(?P<co>[\w'’&-]+(?:\s+[\w'’&-]+){0,3}?)"
    r"(?=\s*(?:[,.;!?]|$)|\s+(?i:in|en|from|de|del|out of|over in|based|un|una|a|an)\s)")
NOT_WE_ARE = {"based", "located", "interested", "looking", "just", "still", "open", "closed",
              "ready", "happy", "busy", "currently", "using", "going", "trying", "hoping",
              "planning", "thinking", "after", "out", "over", "about", "only", "mostly", "very",
              "really", "pretty", "quite", "so", "too", "not", "also", "all", "both", "here",
              "there", "fine", "good", "ok", "okay", "done", "set", "new", "small", "big",
              "growing", "expanding", "moving", "buscando", "interesados", "interesadas",
              "pocos", "muchos", "nuevos", "clientes", "una", "un", "unos", "unas"}


# the kind of business that opens a company's name in Spanish ('talleres Puig', 'bodega los andes')
KIND_FIRST = {"talleres", "taller", "bodega", "bodegas", "clinica", "panaderia", "ferreteria",
              "papeleria", "farmacia", "libreria", "imprenta", "estudio", "despacho",
              "restaurante", "hotel", "cafe", "cafeteria", "floristeria", "carpinteria",
              "construcciones", "inmobiliaria", "grupo", "transportes", "distribuciones",
              "servicios", "consultora", "muebles", "seguros", "hermanos", "laboratorios"}


def _we_are(text: str, gaz: Gazetteer) -> list[str]:
    """Companies the customer says they are (`WE_ARE`): a capitalised name, or one in lower case
    that ends in a word companies end in or opens with the kind of business."""
    out = []
    for m in WE_ARE.finditer(text):
        words = m.group("co").split()
        if fold(words[0]) in NOT_WE_ARE or fold(words[0]) in NOT_NAME:
            continue
        if words[0][0].isupper():
            co = _company_span(m.group("co"), gaz)
        elif len(words) >= 2 and (fold(words[-1]) in COMPANY_SUFFIX | TRADE_SUFFIX or
                                  fold(words[0]) in KIND_FIRST):
            co = _plain_company(m.group("co"), gaz)
        else:
            co = None
        if co:
            out.append(co)
    return out



def _full_name_before(ctx: CallContext, s: Said, first: str) -> tuple[str, str] | None:
    """The full name of which the rep greets the first name, said by the customer in the turn
    just before ('Hello, Beth, Tom Becker.' 'Hi, Tom.'), with the sentence it was said in."""
    before = [c.text for c in ctx.customer if c.turn == s.turn - 1]
    for text in before:
        m = re.search(rf"(?<!\w){re.escape(first)}\s+(?P<last>[{UP}][{LOW}]+)(?!\w)", text)
        if m and fold(m.group("last")) not in NOT_SURNAME:
            return f"{first} {m.group('last')}", text
    return None


def _trade_then_and(co: str) -> str:
    """A company cut after its trade word when a lone word follows it with 'and' ('Farouk Carpets
    and Wester', 'in Leicester' misheard): a name ends in its trade ('Byrne and Walsh
    Accountants', 'Office Furniture and Supplies'); 'and Sons' stays."""
    words = co.split()
    if len(words) >= 4 and fold(words[-2]) in {"and", "y", "&"} and \
            fold(words[-3]) in COMPANY_SUFFIX | TRADE_SUFFIX and \
            fold(words[-1]) not in COMPANY_SUFFIX | TRADE_SUFFIX | {"sons", "daughters", "hijos",
                                                                  "hijas", "co", "cia"}:
        return " ".join(words[:-2])
    return co


def not_the_customer(transcript: Transcript, said: list[Said],
                      gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """The names and companies (folded) no customer field may hold: the rep's own, and, when
    the roles cannot be trusted, those the structure of the call gives to the rep."""
    rep_names, rep_companies = rep_identity_in([s for s in said if s.role == "rep"], gaz)
    uncertain = _roles_uncertain(transcript, said)
    if uncertain:
        names, companies = _rep_shaped_identity(said, gaz, wrong=uncertain == "wrong")
        rep_names, rep_companies = rep_names | names, rep_companies | companies
    return rep_names, rep_companies


def customer_name_of(ctx: CallContext, ner: Ner | None) -> Evidence[str] | None:
    """The customer's name (`_customer_name`; else, in English, a person the NER finds in an
    introduction of the customer's first sentences)."""
    name = _customer_name(ctx)
    if name is None and ner is not None and ctx.lang == "en":
        for s in ctx.customer[:3]:
            person = next((e for e, label in ner(s.text) if label == "PERSON" and len(e) > 2
                           and not _is_rep_name(e, ctx)), None)
            if person and re.search(r"(?i)\b(?:this is|i'?m|name|here|speaking)\b", s.text):
                name = Evidence[str](value=person, quote=s.text)
                break
    return name


# a confirmation that the one asked about is the speaker, before the full name
ITS_ME = re.compile(r"(?i:\b(?:that'?s me|that is me|that was me|it'?s me|it was me|that'?d be "
                    r"me|that would be me|soy yo|era yo|fui yo|sou eu)\W*$)")
# the one answering offers help: the sales line, when one voice says both parties' words
OFFERS_HELP = re.compile(r"\b(?:(?:how )?(?:can|may) (?:i|we) help|what can (?:i|we) do for|"
                         r"(?:en )?que (?:le|te|les) (?:puedo|podemos) (?:ayudar|servir)|"
                         r"(?:le|te) atiende|como posso ajudar)\b")
