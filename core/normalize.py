"""Spoken forms to written ones: numbers, digit strings, e-mail addresses; instruction-like text;
the language of a text. English, Spanish and (for numbers, e-mail and instructions) Portuguese.

ASR output mixes styles: "twenty five thousand dollars" or "$25,000"; "five five five one two
three" or "5,5,5,1,2,3" or "555 12 3"; "j dot smith at acme dot com", "ana punto ruiz arroba
gmail punto com". These functions turn them into one written form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

UNITS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "k": 1_000, "grand": 1_000}

# Spanish and Portuguese, written without accents (text is folded before look-up).
ES_UNITS = {"cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
            "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
            "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
            "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21, "veintiuno": 21,
            "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24,
            "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
            "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
            "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100, "ciento": 100,
            "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
            "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
            "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
            "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900}
PT_UNITS = {"zero": 0, "um": 1, "uma": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4,
            "cinco": 5, "seis": 6, "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11,
            "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15,
            "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17, "dezoito": 18,
            "dezenove": 19, "dezanove": 19, "vinte": 20, "trinta": 30, "quarenta": 40,
            "cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90,
            "cem": 100, "cento": 100, "duzentos": 200, "trezentos": 300, "quatrocentos": 400,
            "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800,
            "novecentos": 900}
LATIN_SCALES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000, "milhao": 1_000_000,
                "milhoes": 1_000_000}
ADDITIVE = {**{k: v for k, v in UNITS.items()}, **TENS, **ES_UNITS, **PT_UNITS}
FILLERS = {"and", "a", "y", "e", "de"}
DIGIT_WORDS = {k: v for k, v in UNITS.items() if v < 10}
ALL_DIGIT_WORDS = {**DIGIT_WORDS, **{k: v for k, v in ES_UNITS.items() if v < 10 and k != "un"},
                   **{k: v for k, v in PT_UNITS.items() if v < 10}}
NUMBER_WORD = (r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
               r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
               r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|"
               + "|".join(sorted({*ES_UNITS, *PT_UNITS, *LATIN_SCALES}, key=len, reverse=True))
               + r")")


def fold(text: str) -> str:
    """Lower case without accents: 'Dieciséis' -> 'dieciseis'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def words_to_number(text: str) -> float | None:
    """'twenty five thousand' -> 25000; 'veinte mil' -> 20000; '1.5 million' -> 1500000;
    'dos millones' -> 2000000; None when not a number."""
    low = re.sub(r"\b(\d{1,3})(?:[.,](\d{3}))+\b",
                 lambda m: m.group(0).replace(".", "").replace(",", ""), fold(text))
    low = re.sub(r"\b(\w+) point (\w+)\b", lambda m: _point(m.group(1), m.group(2)), low)
    tokens = re.findall(r"[a-z]+|\d+(?:\.\d+)?", low.replace(",", "").replace("-", " "))
    if not tokens:
        return None
    if len(tokens) > 1 and tokens[0] in ("uno", "una") and tokens[1] in ADDITIVE:
        tokens = tokens[1:]  # 'uno tres mil': 'unos tres mil' as the recogniser heard it
    # 'half a million', 'medio millon', 'un millon y medio', 'eighteen and a half thousand'
    if tokens[0] in ("half", "medio", "media", "meio", "meia") and len(tokens) > 1:
        scale = SCALES.get(tokens[-1]) or LATIN_SCALES.get(tokens[-1])
        if scale:
            return 0.5 * scale
    halves = [t for t in tokens if t in ("half", "medio", "media", "meio", "meia")]
    if halves:
        rest = [t for t in tokens if t not in ("half", "medio", "media", "meio", "meia")]
        while rest and rest[-1] in FILLERS:
            rest.pop()
        base = words_to_number(" ".join(rest))
        if base is None:
            return None
        scale = next((SCALES.get(t) or LATIN_SCALES[t] for t in reversed(rest)
                      if t in SCALES or t in LATIN_SCALES), 1)
        return base + 0.5 * scale
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current += float(tok)
            seen = True
        elif tok in ("hundred", "cientos", "cientas"):  # 'ocho cientos' as the recogniser splits it
            current = (current or 1) * 100
        elif tok in ADDITIVE:
            current += ADDITIVE[tok]
            seen = True
        elif tok in SCALES or tok in LATIN_SCALES:
            scale = SCALES.get(tok) or LATIN_SCALES[tok]
            if scale >= 1_000_000:
                total = (total + (current or 1)) * scale
            else:
                total += (current or 1) * scale
            current = 0.0
            seen = True
        elif tok in FILLERS:
            continue
        else:
            return None
    return total + current if seen else None


def _point(whole: str, fraction: str) -> str:
    """'two point five' -> '2.5' (digits or number words on both sides)."""
    w = words_to_number(whole)
    f = DIGIT_WORDS.get(fraction, int(fraction) if fraction.isdigit() else None)
    return f"{w:g}.{f}" if w is not None and f is not None else f"{whole} point {fraction}"


def digits_from_speech(text: str) -> str:
    """All digits of a phone-like span, said or written: 'five five five, one two',
    '5,5,5-12', 'three one two, forty two', 'cinco cinco, treinta y dos' -> '55512', ..."""
    tokens = re.findall(r"[a-z]+|\d", fold(text))
    digits: list[str] = []
    repeat = 1
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.isdigit():
            digits.append(tok * repeat)
            repeat = 1
        elif tok in ("double", "doble", "duplo"):
            repeat = 2
        elif tok in ("triple", "triplo"):
            repeat = 3
        elif tok in ALL_DIGIT_WORDS:
            digits.append(str(ALL_DIGIT_WORDS[tok]) * repeat)
            repeat = 1
        elif tok in ADDITIVE and 10 <= ADDITIVE[tok] < 100:
            value = ADDITIVE[tok]
            # "forty two", "treinta y dos", "trinta e dois": a pair said as one number
            nxt = tokens[i + 1:i + 3]
            if value % 10 == 0 and value >= 20:
                if nxt and nxt[0] in ALL_DIGIT_WORDS and ALL_DIGIT_WORDS[nxt[0]] > 0:
                    value += ALL_DIGIT_WORDS[nxt[0]]
                    i += 1
                elif len(nxt) == 2 and nxt[0] in ("y", "e") and nxt[1] in ALL_DIGIT_WORDS:
                    value += ALL_DIGIT_WORDS[nxt[1]]
                    i += 2
            digits.append(str(value))
            repeat = 1
        elif tok == "hundred" and digits:
            digits.append("00")
        i += 1
    return "".join(digits)


_WRITTEN_EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")
TLDS = {"com", "org", "net", "io", "co", "us", "uk", "de", "fr", "es", "it", "nl", "ai", "biz",
        "info", "edu", "gov", "ca", "au", "in", "app", "dev", "tech", "eu", "mx", "br", "jp",
        "pt", "ar", "cl", "pe", "uy", "ec", "ve", "bo", "py", "cr", "gt", "pa", "do", "pr",
        "cat", "gal", "ie", "ch", "at", "be", "se", "no", "dk", "fi", "pl", "cz", "nz", "za"}
_CONNECTORS = {"dot": ".", ".": ".", "-": "-", "_": "_", "underscore": "_", "dash": "-",
               "hyphen": "-",
               "punto": ".", "ponto": ".", "guion": "-", "guion bajo": "_", "hifen": "-",
               "traco": "-", "sublinhado": "_", "underline": "_"}
_AT = {"at", "arroba", "@"}
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?|\.|@|-|_")


def _rewrite(text: str, origin: list[int], pattern: str,
             repl: Callable[[re.Match[str]], str]) -> tuple[str, list[int]]:
    """re.sub that keeps, for each character of the result, its index in the original text."""
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in re.finditer(pattern, text):
        out.append(text[pos:m.start()])
        where += origin[pos:m.start()]
        new = repl(m)
        out.append(new)
        where += [origin[m.start()]] * (len(new) - 1) + [origin[m.end() - 1]] if new else []
        pos = m.end()
    out.append(text[pos:])
    where += origin[pos:]
    return "".join(out), where


def _spoken_email_tokens(text: str) -> tuple[str, list[int]]:
    """Fold the words an address is said with: 'guion bajo' -> 'underscore', number words in a
    local part -> digits ('osei forty two' -> 'osei 42'), 'at sign' -> 'at'. With each
    character's index in `text`."""
    t, origin = fold(text), list(range(len(text)))
    t, origin = _rewrite(t, origin, r"\bguion\s+bajo\b|\bunder\s?score\b|\btraco\s+baixo\b",
                         lambda m: "underscore")
    t, origin = _rewrite(t, origin, r"\bat\s+sign\b", lambda m: "at")
    # 'arroba' as the recogniser writes it: 'lucia punto fernandez a roba levante punto es',
    # 'lucia rola sonrisa valencia punto es' (an address only where a domain follows)
    t, origin = _rewrite(t, origin, r"\b(?:a\s+r?roba|aroba|arrova|a\s+rola|arrola|rola)\b",
                         lambda m: "arroba")
    # letters spelled out as the recogniser writes them: 'h-w-e-i-s-s' -> 'hweiss'
    t, origin = _rewrite(t, origin, r"\b(?:[a-z]-){2,}[a-z]\b",
                         lambda m: m.group(0).replace("-", ""))

    def number(m: re.Match[str]) -> str:
        value = words_to_number(m.group(0))
        return str(int(value)) if value is not None else m.group(0)

    tens = "|".join(TENS)
    units = "|".join(k for k, v in UNITS.items() if 0 < v < 20 and k != "oh")
    return _rewrite(t, origin, rf"\b(?:(?:{tens})(?:[\s-]+(?:{units}))?|(?:{units}))\b", number)


def find_emails(text: str) -> list[tuple[str, str]]:
    """(normalised address, the words it was said as), written or spoken.

    Spoken form: words joined by "dot" / "underscore" / "dash" ("punto", "guion", "guion bajo"),
    then "at" ("arroba"), then a domain that ends in a known top-level domain:
    "j dot smith at acme dot com" -> j.smith@acme.com; "k dot osei forty two at gmail dot com" ->
    k.osei42@gmail.com.
    """
    found = [(m.group(0).lower(), m.group(0))  # 'priya @ northwind.com': the sign spaced out
             for m in _WRITTEN_EMAIL.finditer(re.sub(r"(?<=\w)\s+@\s+(?=\w)", "@", text))]
    if not found and _EMAIL_CONTEXT.search(fold(text)):
        # the recogniser glued "at" into the address: "priyaatnorthwind.com"
        for m in _GLUED_AT.finditer(text):
            if m.group(3).lower() in TLDS:
                found.append((f"{m.group(1)}@{m.group(2)}.{m.group(3)}".lower(), m.group(0)))
    spoken, origin = _spoken_email_tokens(text)
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(spoken)]
    words = [t[0].lower() for t in tokens]
    for i, word in enumerate(words):
        if word not in _AT or i == 0 or word == "@":
            continue  # written addresses ("@") are found by the regex above
        j, domain, best, joined = i + 1, "", None, 0
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
            if "." not in domain and joined < 2 and j + 1 < len(words) and \
                    words[j + 1] not in _AT and re.fullmatch(r"[a-z]+", words[j + 1]):
                joined += 1  # 'acme logistics dot com': a domain said as two words
                j += 1
                continue
            break
        if best is None:
            continue
        k = i - 1
        local = [words[k]]
        while k - 1 >= 0:
            if words[k - 1] in _CONNECTORS and k - 2 >= 0 and words[k - 2] not in _AT \
                    and re.fullmatch(r"[a-z0-9]+", words[k - 2]):
                local[:0] = [words[k - 2], _CONNECTORS[words[k - 1]]]
                k -= 2
            elif re.fullmatch(r"\d+", local[0]) and re.fullmatch(r"[a-z]+", words[k - 1]) \
                    and words[k - 1] not in _STOP_BEFORE_EMAIL:
                local[:0] = [words[k - 1]]  # 'osei 42' said as two words: one local part
                k -= 1
            else:
                break
        while len(local[0]) == 1 and k - 1 >= 0 and len(words[k - 1]) == 1 and \
                words[k - 1].isalpha() and words[k - 1] not in ("a", "e", "o"):
            local[:0] = [words[k - 1]]  # spelled out: 'a n a at ...'
            k -= 1
        if len(local) == 1 and len(local[0]) > 1 and k - 1 >= 0 and \
                re.fullmatch(r"[b-df-hj-np-tv-xz]", words[k - 1]):
            local[:0] = [words[k - 1]]  # an initial said before the surname: 'h weiss at ...'
            k -= 1
        if not re.fullmatch(r"[a-z0-9]+", local[0]) or local[0] in _STOP_BEFORE_EMAIL:
            continue
        address = "".join(local) + "@" + best[0]
        said = text[origin[tokens[k][1]]:origin[tokens[best[1]][2] - 1] + 1]
        if all(address != f for f, _ in found):
            found.append((address, said))
    return found


_EMAIL_CONTEXT = re.compile(r"\b(?:e-?mail|mail|correo|address|direccion|reach me|write to|"
                            r"escribame|escribeme)\b")
_GLUED_AT = re.compile(r"\b([A-Za-z][A-Za-z0-9._-]{1,30}?)at([A-Za-z0-9-]{2,}(?:\.[A-Za-z0-9-]+)*)"
                       r"\.([A-Za-z]{2,})\b")
_STOP_BEFORE_EMAIL = {"me", "is", "es", "email", "mail", "correo", "it", "us", "the", "my", "mi",
                      "e", "address", "direccion", "electronico", "write", "reach", "send", "to",
                      "a", "en", "al", "la", "el", "em", "meu", "o", "seu", "su", "your", "that",
                      "thats"}


INSTRUCTION_PATTERNS = [
    # overriding the model's instructions
    r"\b(?:ignore|disregard|forget|override|skip)\b[^.?!]{0,40}\b(?:instructions?|prompts?|"
    r"rules|above|previous|prior|everything)\b",
    r"\bnew instructions?\b|\bsystem prompt\b|\byou are now\b|\bas an ai\b|\bjailbreak\b",
    # text addressed to a machine that reads the transcript
    r"\b(?:note|message|instruction|attention|hey|hello|dear)\b[^.?!]{0,15}\b(?:to|for)?\s*"
    r"(?:the\s+)?(?:ai|a\.i\.|assistant|model|bot|chatbot|system|algorithm|software|computer|"
    r"transcription|transcriber|notetaker|note taker|crm)\b",
    r"\bif (?:a|any|the|some|an?) (?:\w+ ){0,2}(?:is|are) (?:listening|reading|processing|"
    r"transcribing|recording)\b",
    r"\b(?:ai|a\.i\.|assistant|language model|the model|chatbot|the bot|the system|algorithm|"
    r"computer|machine|program|software|recorder|automated|"
    r"transcription (?:system|software|service|tool)|(?:note|record)[- ]?taker|"
    r"whoever|whatever|anyone|anybody)\b[^.?!]{0,60}\b(?:record|write|set|put|mark|enter|store|"
    r"list|log|fill|change|classify|note down|register|output|report|save)\b",
    r"\b(?:record|write|set|put|mark|enter|store|list|log|fill|change|classify|register|output|"
    r"report|save)\b[^.?!]{0,30}\b(?:field|fields|customer name|buying intent|the intent|"
    r"intent|the budget|budget field|email field|phone field|company field|the record|"
    r"the crm|the summary|the database)\b[^.?!]{0,40}\b(?:as|to|with|=)\b",
    r"\b(?:set|change|fill|put|record|mark|make)\b (?:the |his |her |my |their )?(?:name|e-?mail|"
    r"budget|company|intent|phone|field|priority|lead|customer)s? (?:to|as|with|=)\b",
    # Spanish
    r"\b(?:ignora|ignore|ignoren|olvida|olvide|olviden|omite|omita|descarta)\b[^.?!]{0,40}"
    r"\b(?:instrucciones|indicaciones|reglas|anterior|anteriores|todo)\b",
    r"\b(?:nota|mensaje|atencion|instruccion)\b[^.?!]{0,15}\b(?:para|al|a la)\s+(?:el\s+|la\s+)?"
    r"(?:ia|inteligencia artificial|asistente|modelo|sistema|bot|programa|algoritmo|software)\b",
    r"\b(?:ia|inteligencia artificial|asistente|modelo|sistema|bot|programa|algoritmo|"
    r"quien (?:lea|procese|transcriba))\b[^.?!]{0,60}\b(?:registra|registre|anota|anote|pon|"
    r"ponga|marca|marque|escribe|escriba|guarda|guarde|cambia|cambie|clasifica|clasifique)\b",
    r"\b(?:registra|registre|anota|anote|pon|ponga|marca|marque|escribe|escriba|guarda|guarde|"
    r"cambia|cambie|clasifica|clasifique)\b[^.?!]{0,30}\b(?:campo|campos|nombre del cliente|"
    r"intencion|presupuesto|el registro|la ficha)\b[^.?!]{0,40}\b(?:como|a|en|con)\b",
    # Portuguese
    r"\b(?:ignore|ignora|esqueca|desconsidere)\b[^.?!]{0,40}\b(?:instrucoes|anteriores|regras)\b",
    r"\b(?:ia|inteligencia artificial|assistente|modelo|sistema)\b[^.?!]{0,60}\b(?:registre|"
    r"anote|coloque|marque|escreva|salve|mude)\b",
]
_INSTRUCTION = re.compile("|".join(f"(?:{p})" for p in INSTRUCTION_PATTERNS), re.I)
_FOLLOW_ON = re.compile(r"^(?:also|and|then|plus|oh and|y|tambien|ademas|e|tambem)\b[^.?!]*"
                        r"\b(?:set|mark|record|put|write|list|registra|marca|anota|pon|escribe|"
                        r"registre|marque|coloque)\b", re.I)


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def is_instruction_like(sentence: str) -> bool:
    """Text addressed to a model rather than said to a person on the call."""
    return bool(_INSTRUCTION.search(fold(sentence)))


def instruction_sentences(sentences: list[str]) -> list[bool]:
    """For each sentence (in order, one turn), whether it is an instruction to a model: the
    instruction-like ones and the sentences that continue them ("Also mark the intent high.")."""
    out: list[bool] = []
    for sentence in sentences:
        hit = is_instruction_like(sentence)
        if not hit and out and out[-1] and _FOLLOW_ON.search(fold(sentence)):
            hit = True
        out.append(hit)
    return out


def without_instructions(text: str) -> tuple[str, list[str]]:
    """The transcript without instruction-like sentences, and the sentences removed."""
    sentences = split_sentences(text)
    flags = instruction_sentences(sentences)
    kept = [s for s, f in zip(sentences, flags, strict=True) if not f]
    removed = [s for s, f in zip(sentences, flags, strict=True) if f]
    return " ".join(kept), removed


_LANG_WORDS = {
    "en": {"the", "and", "is", "you", "we", "to", "of", "for", "that", "it", "with", "this",
           "our", "your", "what", "are", "have", "can", "thanks", "yes", "hi", "hello"},
    "es": {"el", "la", "los", "las", "y", "es", "usted", "nosotros", "que", "de", "para", "con",
           "por", "una", "su", "nuestro", "gracias", "hola", "si", "buenos", "dias", "muy",
           "tenemos", "estamos", "pero", "como", "del", "quiero", "necesitamos"},
    "pt": {"o", "os", "as", "e", "voce", "nos", "que", "de", "para", "com", "por", "uma", "seu",
           "nosso", "obrigado", "obrigada", "ola", "sim", "bom", "dia", "muito", "temos",
           "estamos", "mas", "como", "do", "da", "quero", "precisamos", "nao", "vocês", "em"},
}


def detect_language(text: str) -> str | None:
    """'en', 'es' or 'pt' from function words; None for too little text."""
    words = re.findall(r"[a-z]+", fold(text))
    if len(words) < 3:
        return None
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _LANG_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else None
