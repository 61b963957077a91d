"""What was agreed in a call, read from the labelled turns: when the customer means to start or
buy (the timeline) and how likely they are to buy (the buying intent), scored from what was
agreed or refused (a dated next step accepted, a budget, a decision-maker, a commitment,
hesitation, interest) rather than from keywords alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.call_context import CORRECTION, CallContext, Said
from core.normalize import fold
from models.analysis import Evidence, Intent

MONTHS_EN = ("January|February|March|April|May|June|July|August|September|October|November|"
             "December")
TIME_EN = re.compile(
    r"\b(?:(?:by|before|within|in|around|starting|after|from|until|during|over|towards?)\s+)?"
    r"(?:the\s+)?"
    r"(?:(?:next|this|coming|following)\s+(?:week|month|quarter|year|spring|summer|fall|autumn|"
    r"winter|season|financial year|fiscal year)|(?:end|beginning|start|middle) of (?:the\s+)?"
    r"(?:week|month|quarter|year|summer|spring|fall|autumn|winter|q[1-4]|(?:first|second|third|"
    r"fourth|last) quarter|" + MONTHS_EN.lower() + "|"
    + MONTHS_EN + r")|(?:first|second|third|fourth|last) quarter|q[1-4]|(?:spring|summer|fall|"
    r"autumn|winter)(?: season)?|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty|thirty|forty|forty-five|sixty|ninety|a couple of|a few|several)"
    r"(?: more)? (?:days|weeks|months|years)|asap|"
    r"(?:next|coming|following) (?:\d+|two|three|four|five|six|few|couple of) (?:days|weeks|"
    r"months)|(?:first|1st|fifteenth|15th|middle|end) of (?:next|the) month|"
    r"as soon as possible|(?:christmas|the holidays|the new year|year[- ]end)|"
    r"(?<=within )(?:a|one) (?:week|month|year|fortnight)|(?<=in )(?:a|one) (?:week|month|"
    r"fortnight)|"
    r"right away|immediately|thanksgiving|easter|black friday|(?:the )?new (?:financial|fiscal|"
    r"tax) year|" + MONTHS_EN.replace("May|", "") + r")\b"
    r"|\b(?:by|before|in|after|until|make it|say|rather) May\b", re.I)
MONTHS_ES = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
             "noviembre|diciembre")
SEASONS_ES = "verano|invierno|otono|otoño|primavera"
TIME_ES = re.compile(
    r"\b(?:(?:para|en|antes del?|despu[eé]s del?|dentro del?|a partir del?|desde|hacia|"
    r"a finales del?|a principios del?|a mediados del?|a fin del?|antes|depois d[eoa]|ate|até)"
    r"\s+)?(?:(?:el|la|los|las|o|a)\s+)?"
    r"(?:(?:pr[oó]ximo|siguiente)\s+(?:mes|trimestre|a[nñ]o|semestre|" + SEASONS_ES + r")|"
    r"(?:pr[oó]xima|siguiente)\s+(?:semana|temporada)|(?:este|esta)\s+(?:mes|trimestre|a[nñ]o|"
    r"semestre|semana|temporada|" + SEASONS_ES + r")|(?:fin|finales|principios|mediados|final)"
    r" de(?:l)? (?:mes|a[nñ]o|trimestre|" + MONTHS_ES + r")|(?:primer|segundo|tercer|cuarto|"
    r"[uú]ltimo) trimestre|" + SEASONS_ES + "|" + MONTHS_ES + r"|(?:\d+|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|sesenta|noventa|un par de|"
    r"unos|unas|pocos|pocas) (?:d[ií]as|semanas|meses|a[nñ]os)"
    r"|(?:el|la) (?:a[nñ]o|mes|semana) que viene|navidad|fin de a[nñ]o|lo antes posible|"
    r"cuanto antes|de inmediato|pr[oó]ximo ano|pr[oó]ximo m[eê]s|pr[oó]ximo trimestre|"
    r"(?<=dentro de )(?:un|una) (?:semana|mes|a[nñ]o)|(?<=en )(?:un|una) (?:semana|mes))\b",
    re.I)
DURATION = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"a couple of|a few|several|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
                      r"diez|doce|un par de|unos|unas|pocos|pocas)\b")
TIME_PREPOSITION = re.compile(r"^(?:by|before|within|in|around|after|towards?|until|starting|en|"
                              r"para|antes|despues|dentro|a partir|hacia|desde|ate)\b")
TIMELINE_CUE = re.compile(r"\b(?:start|begin|launch|roll ?out|go live|live|installed|install|"
                          r"decid\w*|need (?:it|them|this)|buy|purchase|implement\w*|deploy\w*|"
                          r"sign|switch|ready|up and running|empezar|comenzar|arrancar|decidir\w*|"
                          r"decidiremos|necesit\w+|implementar|instalar|lanzar|firmar|comprar|"
                          r"começar|comecar|decidir|precisamos)\b")
TIMELINE_QUESTION = re.compile(r"\b(?:when|date|timeline|time ?frame|how soon|cuando|fecha|"
                               r"plazo|quando|prazo)\b")
MEETING = re.compile(r"\b(?:demo|meeting|call (?:you|me|with)|visit|come (?:out|over|by|in)|"
                     r"go over|reunion|llamada|demostracion|"
                     r"visita|talk to you)\b")
NO_PLANS = re.compile(r"\bno plans?\b|\bnot planning\b|\bno (?:tenemos|hay) planes\b|"
                      r"\bnothing planned\b")
DAY_OR_DATE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|"
                         r"the \d{1,2}(?:st|nd|rd|th)|el (?:dia )?\d{1,2}|"
                         r"this (?:week|afternoon)|next week|on the \w+|the (?:first|second|"
                         r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|"
                         r"twentieth|\w+ty-?\w*) of|lunes|martes|miercoles|jueves|viernes|"
                         r"manana|esta semana|la proxima semana|la semana que viene|"
                         r"el dia \d+|el \w+ de (?:" + MONTHS_ES +
                         r")|segunda|terca|quarta|quinta|sexta|amanha)\b")
AGREE = re.compile(r"\b(?:yes|sure|sounds good|works|perfect|great|good|deal|booked|agreed|ok|"
                   r"fine|suits|please do|me viene bien|bien|dale|hecho|"
                   r"okay|see you|talk to you then|si|claro|perfecto|de acuerdo|listo|vale|"
                   r"me parece bien|sim|combinado|fechado|yeah|yep|absolutely|definitely|"
                   r"genial|estupendo|excelente|por supuesto|claro que si)\b")
COMMIT = re.compile(r"\b(?:count (?:us|me) in|book it|trato hecho|envieme el contrato|"
                    r"i(?:'ll| will)? sign|we(?:'ll| will)? sign|sign it|the one who signs|"
                    r"budget is approved|is approved|ready to (?:buy|sign|go|move|start|order)|"
                    r"let'?s do it|^do it\b|sign (?:me|us) up|where do i sign|i'?ll take it|"
                    r"(?:i|we)(?:'ll| will) approve|go ahead|we'?ll take it|"
                    r"place the order|send (?:me |us )?the "
                    r"contract|firmo|firmamos|firmar el contrato|esta aprobado|aprobado|"
                    r"(?<!mas )adelante|lo compramos|cerramos|assino|assinamos|aprovado)\b")
DECISION_MAKER = re.compile(r"\b(?:i(?:'m| am) the (?:one who|decision|owner|person who)|i "
                            r"(?:sign|decide|make the (?:call|decision))|(?:director|manager|"
                            r"officer|ceo|cfo|owner)\b|soy (?:el|la) (?:director|directora|"
                            r"dueno|duena|gerente)|yo decido|decido yo)\b")
REFUSAL = re.compile(r"\b(?:not interested|no,? thank(?:s| you)|we'?re all set|not for us|"
                     r"we'?ll pass|no,? gracias|take (?:us|me) off|remove (?:us|me)"
                     r"|don'?t call|do not call|wrong number|stop calling|no (?:me|nos) interesa|"
                     r"numero equivocado|equivocado de numero|me he equivocado|"
                     r"no me llame|nao (?:tenho|temos) interesse|numero errado|"
                     r"no (?:estamos|estoy) interesad[oa]s?|not really interested|"
                     r"se ha equivocado|se equivoco)\b")
HEDGE = re.compile(r"\b(?:i'?ll think|we'?ll think|think about it|let me think|not sure|maybe|"
                   r"lo pienso|lo pensamos|lo (?:voy|vamos) a pensar|ya veremos|quizas)\b")
HESITANT = re.compile(r"\b(?:just (?:researching|looking|browsing)|looking stage|only looking|"
                      r"shopping around|not this (?:quarter|year|month)|(?:only|just) at the|"
                      r"more than we (?:planned|budgeted|wanted)|not sure (?:we|if|that)|"
                      r"early days|no rush|not yet|maybe (?:next|later)|happy with (?:our|what|"
                      r"the)|not (?:a|the) priority|get back to you|no hay prisa|todavia no|"
                      r"solo (?:estoy|estamos) (?:mirando|viendo|investigando|averiguando|"
                      r"preguntando|consultando)|no es prioridad|"
                      r"ya le aviso|le aviso|estamos contentos|sem pressa|ainda nao|"
                      r"(?:need|have|want) to think (?:about it|it over)|think it over|"
                      r"not right now|circle back|lo (?:vamos a|voy a) pensar|lo pensare|"
                      r"mas adelante|no es el momento|por ahora no|nao e o momento|"
                      # a call put off for months: 'call me next month', 'llámeme el mes que viene'
                      r"(?:call|ring|try) (?:me|us) (?:back |again )?(?:next (?:month|year|"
                      r"quarter)|in (?:a few|a couple of|two|three|six) months|after the "
                      r"(?:summer|holidays|new year))|(?:llam[ae](?:me|nos)|vuelva a "
                      r"llamar(?:me|nos)?) (?:el (?:mes|ano|trimestre) que viene|el (?:proximo|"
                      r"siguiente) (?:mes|ano|trimestre)|(?:en|dentro de) unos meses|"
                      r"despues del verano))\b")
INTEREST = re.compile(r"\b(?:quote|proposal|pricing|price list|demo|trial|cotizacion|propuesta|"
                      r"oferta|demostracion|orcamento|proposta|interested|interesa|"
                      r"send (?:me|us)|mandeme|envieme)\b")
NEXT_STEP = re.compile(r"\b(send|schedule|set up|book|follow up|call (?:me|you|back)|demo|trial|"
                       r"quote|proposal|meeting|contract|envio|mando|llamo|demostracion|"
                       r"cotizacion|propuesta|contrato|reunion|oferta)\b", re.I)


def timeline(ctx: CallContext) -> Evidence[str] | None:
    """When the customer means to buy or start: a time phrase the customer says next to a verb
    of starting, buying or deciding, or in answer to "when?"; a correction in the same turn wins
    ("In April. Actually no, make it May"); failing those, a time phrase the customer says on its
    own ("maybe next year"), unless the call is a refusal. Meetings are next steps, not this."""
    pattern = TIME_ES if ctx.lang in ("es", "pt") else TIME_EN

    def find(s: Said, answer: bool, loose: bool = False) -> str | None:
        low = fold(s.text)
        if NO_PLANS.search(low) or (MEETING.search(low) and DAY_OR_DATE.search(low)):
            return None
        cue = TIMELINE_CUE.search(low)
        if not (cue or answer or loose):
            return None
        def past(m: re.Match[str]) -> bool:  # 'had it for three years', 'ten years old'
            before, after = fold(s.text[:m.start()]), fold(s.text[m.end():])
            return bool(re.match(r"\s+(?:ago|old|long|atras)\b", after) or (
                DURATION.match(fold(m.group(0))) and re.search(
                    r"\b(?:for|the past|the last|over the last|hace|desde hace|durante)\s+$",
                    before)))

        def earliest(m: re.Match[str]) -> bool:  # 'not before the spring': its earliest
            return bool(re.match(r"(?:before|until|till|antes|hasta|ate)\b", fold(m.group(0)))
                        and re.search(r"\b(?:not|no)\s+$", fold(s.text[:m.start()])))

        hits = [m for m in pattern.finditer(s.text)
                if (earliest(m) or not re.search(r"\b(?:not|no|nor|never)\s+(?:\w+\s+)?$",
                                                 fold(s.text[:m.start()]))) and not past(m)]
        if not hits:
            return None
        fix = CORRECTION.search(low)
        if fix:  # 'in April, actually no, make it May, April is busy': what follows the fix
            m = next((h for h in hits if h.start() >= fix.end()), hits[-1])
        elif cue:  # the phrase nearest the verb: 'ends in February, so we'd switch in March'
            m = min(hits, key=lambda h: abs(h.start() - cue.start()))
        else:  # 'before the summer campaign, in May': a phrase of its own before a bare word
            m = next((h for h in hits if TIME_PREPOSITION.match(fold(h.group(0)))), hits[0])
        value = re.sub(r"^(?i:make it|say|rather)\s+", "", m.group(0).strip())
        if m.start() == 0 or s.text[:m.start()].strip() in ("", ",") or \
                TIME_PREPOSITION.match(fold(value)):
            value = value[0].lower() + value[1:]
        neg = re.search(r"(?i:\b(?:not|no)\s+)$", s.text[:m.start()])
        if neg and earliest(m):
            value = neg.group(0).lower() + value
        return value

    def corrected(s: Said) -> Evidence[str] | None:
        later = [x for x in ctx.customer if x.turn == s.turn and ctx.said.index(x) >
                 ctx.said.index(s) and CORRECTION.search(fold(x.text))]
        for x in later:
            value = find(x, True)
            if value:
                return Evidence[str](value=value, quote=x.text)
        return None

    for s in ctx.customer:
        answer = bool(TIMELINE_QUESTION.search(fold(ctx.previous_rep(s))))
        value = find(s, answer)
        if value:
            return corrected(s) or Evidence[str](value=value, quote=s.text)
        short = re.fullmatch(r"((?:before|after|by|until|antes de|despues de|para|hasta)\s+"
                             r"(?:\S+\s+){0,4}\S+?)[.!]?", s.text.strip(), re.I)
        if answer and short and not MEETING.search(fold(s.text)):
            # 'When do you need it?' 'Before the harvest.'
            value = short.group(1)
            return Evidence[str](value=value[0].lower() + value[1:], quote=s.text)
    for s in ctx.rep:
        reply = next((c for c in ctx.customer if c.turn > s.turn), None)
        accepted = reply is not None and reply.turn == s.turn + 1 and bool(
            AGREE.search(fold(reply.text)) or COMMIT.search(fold(reply.text)))
        if accepted or re.search(r"\b(?:have you live|go live|you(?:'ll| will) be live|up and "
                                 r"running|estara funcionando|estaran funcionando)\b",
                                 fold(s.text)):
            # 'We can switch you over from the first of next month.' 'Go ahead.'
            value = find(s, False)
            if value:
                return Evidence[str](value=value, quote=s.text)
    if not any(REFUSAL.search(fold(s.text)) for s in ctx.customer):
        loose = [(s, v) for s in ctx.customer if (v := find(s, False, loose=True))]
        # 'we do the rotas on spring sheets' ... 'maybe towards the end of the year': a phrase
        # with its preposition before a bare word the recogniser may have made up
        framed = [(s, v) for s, v in loose if TIME_PREPOSITION.match(fold(v))]
        for s, value in framed[:1] or loose[:1]:
            return Evidence[str](value=value, quote=s.text)
    return None


@dataclass(frozen=True)
class _Signals:
    """What a call shows about buying, from the customer's side of it."""

    refused: Evidence[Intent] | None  # a refusal, a wrong number
    committed: Evidence[Intent] | None  # 'I'll sign it this week', 'the budget is approved'
    next_step: Evidence[Intent] | None  # a dated next step the customer accepts
    hedged_step: bool  # ... accepted with a hedge ('send it and I'll think about it')
    decision_maker: bool  # the customer decides, or brings whoever does
    hesitant: Evidence[Intent] | None  # 'just researching', 'not this quarter'
    interest: Evidence[Intent] | None  # a quote, a price, a demo asked for


def _signals(ctx: CallContext) -> _Signals:
    customer = [(s, fold(s.text)) for s in ctx.customer]

    def first(pattern: re.Pattern[str], value: Intent) -> Evidence[Intent] | None:
        hit = next((s for s, low in customer if pattern.search(low)), None)
        return Evidence[Intent](value=value, quote=hit.text) if hit else None

    step: Evidence[Intent] | None = None
    hedged = False
    for i, s in enumerate(ctx.said):
        low = fold(s.text)
        dated = DAY_OR_DATE.search(low)
        if not dated:
            continue
        if s.role == "rep" and not (MEETING.search(low) or NEXT_STEP.search(low)):
            continue
        if s.role == "customer" and not (MEETING.search(low) or AGREE.search(low)):
            continue  # 'the 9th is fine' is a step; 'before our contract starts on the 1st' not
        replies = [x for x in ctx.said[i:] if x.role == "customer" and (x.turn > s.turn or
                                                                          x is s)]
        reply = [x for x in replies if x.turn == replies[0].turn] if replies else []
        said = " ".join(fold(x.text) for x in reply)
        if s.role == "customer" and not reply[1:] and not AGREE.search(said):
            said = "yes " + said  # the customer proposing it
        if reply and (AGREE.search(said) or _echoes(said, low)) and not REFUSAL.search(said):
            hedged = bool(HEDGE.search(said) or HESITANT.search(said))
            step = Evidence[Intent](value="high", quote=s.text)
            if not hedged:
                break
    return _Signals(
        refused=first(REFUSAL, "none"), committed=first(COMMIT, "high"), next_step=step,
        hedged_step=hedged,
        decision_maker=any(DECISION_MAKER.search(low) for _, low in customer),
        hesitant=first(HESITANT, "low"), interest=first(INTEREST, "medium"))


def buying_intent(ctx: CallContext, budget: bool, products: bool) -> Evidence[Intent]:
    """Buying intent from what was agreed: a refusal ends it; a commitment, or a dated next step
    the customer accepts with a budget or a decision-maker behind it, is high; hesitation
    without such a step is low; a quote, a demo or products asked about is medium."""
    sig = _signals(ctx)
    if sig.refused:
        return sig.refused
    if sig.committed:
        return sig.committed
    if sig.next_step and not sig.hedged_step and (budget or sig.decision_maker):
        return sig.next_step
    if sig.hesitant and not (sig.next_step and not sig.hedged_step):
        return sig.hesitant
    if sig.interest and (products or budget):
        return sig.interest
    if sig.next_step or products:
        return Evidence[Intent](value="medium", quote=sig.next_step.quote if sig.next_step
                                else "")
    return Evidence[Intent](value="none", quote="")


_DATE_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
                        r"\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|"
                        r"seventh|eighth|ninth|tenth|\w+teenth|twentieth|thirtieth)|lunes|martes|"
                        r"miercoles|jueves|viernes|sabado|domingo|manana|segunda|terca|quarta|"
                        r"quinta|sexta|amanha)\b")
_NOT_THEN = re.compile(r"\b(?:not|no|nor|can'?t|cannot|won'?t|isn'?t|doesn'?t|don'?t|busy|away|"
                       r"nao|imposible|ocupad[oa]s?)\b")


def _echoes(reply: str, proposal: str) -> bool:
    """The customer says back the day the rep proposed, without turning it down: 'book a call on
    the 14th' 'The 14th is [fine]', when the recogniser lost or misheard the word of assent."""
    days = set(_DATE_WORD.findall(proposal))
    return bool(days & set(_DATE_WORD.findall(reply))) and not _NOT_THEN.search(reply)
