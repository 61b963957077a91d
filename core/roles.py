"""Who is the rep and who the customer, decided from what each party says; turns for a transcript
that has no speaker labels.

The rep introduces the selling company ("thanks for calling Northwind"), asks the qualifying
questions (budget, seats, timeline, decision-maker, contact details) and offers a quote, a demo or
a follow-up; the customer says what they need, what they have, what they can spend and how to
reach them. Each sentence is scored for both; a labelled transcript (stereo channels or diarised
segments) gives each label the sum over its sentences. A transcript without labels is cut into
sentences and each is given a party by a two-state Viterbi pass over those scores, where a
question makes a change of speaker likely. A phone answered with a company and a name is the
rep's when the call sounds inbound and the customer's when it sounds outbound. The roles are then
checked against who placed the call (`repair_roles`): whoever asks for someone and then says who
they are is the rep, so every field downstream reads the right party. English, Spanish and
Portuguese cues.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from core.introductions import (
    ADDRESSED,
    ASKED_FOR,
    ASKED_ROLE,
    CALLER_PITCH,
    CONFIRM,
    GREETING,
    NAME,
    SELF_INTRO,
    clean_name,
)
from core.normalize import detect_language, fold, split_sentences
from models.call import Segment, Speaker, SpeakerRole, Transcript

# (pattern over folded text, weight): positive for the rep's words, negative for the customer's.
CUES: list[tuple[str, float]] = [
    # the rep's greeting and offers of help
    (r"\bthank(?:s| you) for (?:calling|contacting|reaching out|choosing)\b", 2.5),
    (r"\bthank(?:s| you) for taking (?:my|the|this) call\b", 2.0),
    (r"\b(?:how|what) can (?:i|we) (?:help|do for)\b|\bhow may i (?:help|assist|direct)\b", 2.5),
    (r"\b(?:i'?m|i am|this is) \w+(?: \w+)?,? (?:calling )?(?:from|with) \w+[^.?!]{0,40}\b"
     r"(?:do you have|is this|am i speaking|how are you|i'?m calling|calling (?:about|to|because)"
     r"|following up|reaching out)", 2.0),
    (r"\bam i speaking (?:with|to)\b|\bis this (?:mr|mrs|ms|miss)\b", 2.0),
    (r"\b(?:i'?m|i am) calling (?:about|to|because|regarding|back)\b|\bfollowing up on\b", 1.5),
    (r"^[a-z]+(?: [a-z]+){0,2}, (?:good (?:morning|afternoon|evening)|buenos dias|buenas tardes|"
     r"bom dia|boa tarde)\b", 1.5),
    (r"\b(?:le|les) atiende\b|\bthis is \w+,? how can\b", 2.0),
    # the seller's own company described ("this is Cloudnine, a payroll software company")
    (r"\b(?:this is|we are|we'?re)\b[^.?!]{0,40}\ban? [a-z ]{0,30}(?:company|firm|provider|"
     r"agency|vendor)\b|\b(?:esto es|somos) una empresa de\b|\b(?:aqui e|somos) uma empresa "
     r"de\b", 1.5),
    (r"\bdo you have a (?:minute|moment|second|few minutes)\b|\bis (?:now|this) a (?:good|bad) "
     r"time\b|\btienes? un (?:minuto|momento)\b|\bes (?:un )?buen momento\b", 2.0),
    (r"\b(?:shall|should) i (?:send|e-?mail|book|set up|put|pencil)\b|\b(?:do you have|have you "
     r"got) (?:a|any) (?:figure|number|amount|price|range|ballpark|budget)\b[^.?!]{0,12}\bin "
     r"mind\b", 2.0),
    (r"\b(?:can|could|may) i send you\b|\bsorry to (?:bother|disturb) you\b|\bdisculpe (?:la|las) "
     r"molestias?\b|\bmany (?:teams|companies|customers|clients|businesses)\b|\bmuchas "
     r"empresas\b|\bour (?:customers|clients)\b|\bnuestros clientes\b", 1.5),
    (r"\bwelcome to\b|\byou'?ve reached\b|\byou(?:'re| are) speaking (?:with|to)\b", 2.0),
    (r"\bbienvenid[oa]s?\b|\bbem-?vind[oa]s? a\b", 2.0),
    # the caller asks for someone by name, or looks for the one who decides
    (r"\b(?:may|can|could) i (?:please )?(?:speak|talk) (?:with|to)\b|\b(?:podria|puedo|quisiera) "
     r"hablar con\b|\bhablar con (?:el|la) (?:senor|senora|senorita|doctor|doctora|licenciad[oa]|"
     r"ingenier[oa]|don|dona)\b", 1.5),
    (r"\b(?:i'?m|i am|we'?re) looking for (?:whoever|who|the person|someone|somebody|the one)\b|"
     r"\bbusco a (?:la persona|quien)\b", 3.0),
    # what the customer did before the call, said back by the rep
    (r"\byou (?:requested|asked (?:about|for)|enquired|inquired|filled (?:in|out)|signed up|"
     r"downloaded|left (?:a|your|us))\b|\busted (?:nos |me )?(?:pidio|solicito|nos escribio|"
     r"escribio|lleno|se registro|descargo|dejo)\b", 2.0),
    (r"\bi'?ll (?:try|call) (?:you )?(?:again|back)\b|\bvuelvo a llamar\b", 1.0),
    # qualifying questions
    (r"\bwhat(?:'s| is) (?:your|the) (?:budget|timeline|time frame|timeframe)\b", 2.5),
    (r"\b(?:do|did) you have (?:a|any) (?:budget|timeline|time frame|date)\b", 2.5),
    (r"\bhow many (?:users|seats|licen[cs]es|people|employees|staff|locations|sites|vehicles|"
     r"trucks|units|stores|offices|agents|devices|machines|rooms|beds)\b", 2.0),
    (r"\bwhen (?:are|do|would|were) you (?:looking|planning|hoping|want|need|thinking)\b", 2.0),
    (r"\bwho (?:else )?(?:is|will be|would be|makes|signs|approves)\b[^.?!]{0,30}"
     r"\b(?:decision|involved|sign|approv)", 2.0),
    (r"\bare you the (?:decision|person who|one who)\b", 2.0),
    (r"\bwhat (?:are|do) you (?:currently )?us(?:e|ing)\b|\bwhat are you using\b", 1.5),
    (r"\b(?:can|could|may) i (?:get|have|take|ask|grab|confirm)\b[^.?!]{0,25}"
     r"\b(?:your|the best|a good|a contact)\b", 2.0),
    (r"\bwhat(?:'s| is) (?:the best|your|a good) (?:email|e-mail|number|phone|way|address|name|"
     r"company)\b", 2.0),
    (r"\b(?:could|can) you (?:spell|repeat|confirm)\b|\blet me (?:read|repeat) (?:that|it)\b", 1.5),
    (r"\bwhere are you (?:based|located)\b|\bwhat company\b|\bwho am i speaking\b", 2.0),
    # the rep's offers
    (r"\bi(?: can| could| will|'ll) (?:send|email|offer|set up|schedule|book|put together|prepare|"
     r"get you|have(?! a (?:look|think|read))|arrange|follow up|include|give you|do)\b", 1.5),
    (r"\bis there (?:a|any) (?:figure|budget|number|amount|price|range|date|deadline|"
     r"timeline|time ?frame)\b", 2.0),
    (r"\bwe (?:offer|provide|sell|make|have (?:a|an|several|two|three) (?:plans?|packages?|"
     r"options?|tiers?|products?))\b", 1.5),
    (r"\bour (?:product|platform|plans?|pricing|solution|software|packages?|service|offer|"
     r"premium|basic|standard|enterprise|starter|pro)\b", 1.0),
    (r"\b(?:schedule|book|set up|arrange) (?:a|the|you (?:a|for a)) (?:demo|call|meeting|trial|"
     r"visit|follow-?up)\b", 1.0),
    (r"\bsend (?:you|over) (?:a|the|some|our) (?:quote|proposal|contract|pricing|information|"
     r"details|brochure)\b", 1.5),
    (r"\bwould you like (?:a|to|me|us)\b|\bi'?d be happy to\b|\bwould (?:that|this) work\b", 1.5),
    (r"\bper (?:user|seat|month|year|licen[cs]e|vehicle)\b|\bdiscount\b", 0.5),
    # the customer's needs, means and contact details
    (r"\b(?:we'?re|we are|i'?m|i am) (?:looking (?:for|at|into)|interested in|thinking (?:about|of)"
     r"|considering|shopping (?:for|around)|evaluating|hoping to)\b", -2.0),
    (r"\b(?:we|i)(?: need| want| would like| would want| would need| are after|['’]d like|"
     r"['’]d want|['’]d need|['’]re after|['’]m after| am after)\b", -1.0),
    # a bare figure in answer ('Up to 25,000 pounds.')
    (r"^(?:up to|about|around|roughly|maybe|somewhere around|under|no more than|hasta|unos|"
     r"unas|alrededor de|como)\s+[$£€]?\d[\d,.]*(?:\s*(?:k|thousand|pounds|dollars|euros?|"
     r"pesos|mil))?\b", -1.0),
    (r"\b(?:we'?re|we are|i'?m|i am) (?:just )?(?:comparing|getting quotes|browsing)\b", -1.5),
    (r"\bour (?:budget|current|existing|old|team is|company|office|clinic|store|shop|warehouse|"
     r"restaurant|firm|school|practice)\b", -1.5),
    (r"\b(?:our|my) budget\b|\bwe (?:can|could) (?:spend|afford|go up to|do about)\b", -1.5),
    (r"\bmy (?:email|e-mail|phone|number|cell|mobile|direct line|company|boss|manager|team|"
     r"partner)\b", -1.5),
    (r"\byou can (?:reach|call|email|contact) me\b|\b(?:call|email|text) me (?:at|on|back)\b",
     -2.0),
    (r"\b(?:can|could) you (?:send|email|give) (?:me|us)\b(?! your)|\bsend (?:me|us) (?:a|the|"
     r"some)\b", -2.0),
    # ... but asking the other party for their details is the rep's question
    (r"\b(?:can|could|would) you (?:send|give|email|text|tell) (?:me|us) your (?:details|"
     r"contact|e-?mail|number|phone|address|information|name)\b|\b(?:me|nos) (?:puede|podria) "
     r"(?:enviar|mandar|dar|pasar) sus datos\b", 2.0),
    (r"\b(?:can|could|would) you (?:schedule|set up|book|arrange|call me|ring me)\b", -2.5),
    (r"\bhow much (?:does|is|would|will|do)\b|\bwhat does it cost\b|\bdo you (?:have|offer|"
     r"support|integrate|sell|do)\b", -1.5),
    (r"\b(?:i'?ll|i will|we'?ll|we will|i need to|i have to|let me) (?:talk|check|discuss|run it "
     r"by|ask|think)\b", -1.0),
    (r"\bi'?m the (?:owner|manager|director|decision|one who|person who|head)\b|\bi (?:sign|make "
     r"the)\b", -1.5),
    (r"\bi (?:don'?t|do not) make (?:the|those|these|that|such|most|any) decisions?\b|\bi'?m not "
     r"the (?:decision|person who|one who)\b|\bno (?:soy|tomo) (?:yo )?(?:quien decide|las "
     r"decisiones|el que decide|la que decide)\b", -1.5),
    (r"\b(?:i can|i'?ll|can i|let me) (?:pass on|take|give (?:her|him|them)) (?:a|the|your) "
     r"message\b|\b(?:le|te) (?:paso|dejo|doy) (?:el )?recado\b", -1.5),
    (r"\bnot interested\b|\bno,? thank(?:s| you)\b|\bremove (?:me|us)\b|\bdon'?t call\b|"
     r"\bwho is this\b", -2.0),
    (r"\bwe (?:currently |already )?(?:use|have|run|got)\b|\b(?:we'?re|we are|i'?m|i am) "
     r"(?:quite |very |perfectly )?happy with (?:it|our|what|the one)\b|\bno plans to\b|"
     r"\b(?:i|we)(?:'ll| will) compare\b", -1.0),
    (r"\btake (?:us|me) off (?:your|the) (?:list|database|calling list)\b", -2.0),
    # the customer finding out, putting it off, or saying what business they are
    (r"\b(?:only|just) (?:gathering|getting|collecting) (?:information|info|ideas|quotes|"
     r"prices)\b|\b(?:solo|solamente) (?:estoy|estamos) (?:averiguando|mirando|informandome)\b",
     -1.5),
    (r"\b(?:i'?ll|we'?ll|i will|we will) (?:have a look|take a look|look at it|read it|read "
     r"them)\b|\bwe might (?:look at|consider|go for)\b", -1.0),
    (r"\b(?:we'?re|we are) an? (?:[\w-]+ ){0,3}(?:centre|center|shop|store|restaurant|cafe|"
     r"bakery|clinic|practice|hotel|garage|school|salon|nursery|pub|farm|warehouse|charity|"
     r"surgery|dealership|brewery|winery)\b|\b(?:tengo|tenemos) una? (?:tienda|fruteria|clinica|"
     r"restaurante|panaderia|bodega|taller|hotel|farmacia|ferreteria|papeleria|cafeteria|"
     r"empresa de|negocio de)\b", -1.0),
    (r"\bi'?m calling (?:about|because|to ask|to get|for)\b[^.?!]{0,30}\byour\b", -1.0),
    # Spanish: the rep
    (r"\bgracias por (?:llamar|comunicarse|contactar|su llamada|elegir|atender)\b", 2.5),
    (r"\b(?:en que|como) (?:le|te|les) (?:puedo|podemos) (?:ayudar|servir)\b", 2.5),
    (r"\b(?:hablo|estoy hablando) con\b|\bes usted (?:el|la)? ?(?:senor|senora)?\b", 2.0),
    (r"\b(?:le|te|les) (?:llamo|llamamos|hablo|hablamos) (?:de|desde|para|por)\b", 2.0),
    (r"\b(?:cual es|tiene(?:n)?|tienen un|cuenta(?:n)? con) (?:su|un|algun) (?:presupuesto|"
     r"plazo|fecha)\b", 2.5),
    (r"\bcuant[oa]s (?:usuarios|empleados|licencias|vehiculos|camiones|equipos|personas|"
     r"sucursales|tiendas|oficinas|camas|habitaciones|agentes)\b", 2.0),
    (r"\b(?:para )?cuando (?:lo|la|los|las) (?:necesita|quiere|necesitan|quieren)\b|\bpara "
     r"cuando\b", 2.0),
    (r"\b(?:me (?:puede|podria|permite) (?:dar|decir|deletrear|confirmar)|me da su|cual es su "
     r"(?:correo|telefono|numero|nombre|empresa))\b", 2.0),
    (r"\bquien (?:toma|decide|mas|aprueba|firma)\b|\bes usted quien\b", 2.0),
    (r"\b(?:le|te|les) (?:puedo|podemos|podria|podriamos) (?:enviar|mandar|ofrecer|preparar|"
     r"agendar|programar|hacer)\b", 2.0),
    (r"\b(?:le|te|les) (?:envio|mando|preparo|agendo|enviare|mandare|enviamos)\b", 1.5),
    (r"\bnuestr[oa]s? (?:producto|plataforma|plan|planes|solucion|precio|software|servicio|"
     r"paquete|oferta)\b", 1.0),
    (r"\bofrecemos\b|\b(?:una|la) (?:demostracion|demo) (?:para|el|la)\b|\ble parece bien\b", 1.5),
    (r"\bque (?:usan|utilizan) (?:actualmente|hoy|ahora)\b|\bdonde (?:estan|se encuentran)\b", 1.5),
    # Spanish: the customer
    (r"\b(?:estamos|estoy) (?:buscando|interesad[oa]s?|pensando en|evaluando|considerando|"
     r"viendo|mirando|averiguando|comparando|cotizando)\b", -2.0),
    (r"\b(?:me|nos) interesa(?:n|ria)?\b", -2.0),
    (r"\b(?:necesitamos|necesito|queremos|quiero|quisiera|quisieramos|nos gustaria|me gustaria|"
     r"buscamos)\b", -1.0),
    (r"\b(?:nuestro|mi) presupuesto\b|\bpodemos (?:gastar|invertir|pagar)\b", -2.0),
    (r"\bmi (?:correo|telefono|numero|celular|email|movil|empresa|jefe|socio)\b", -1.5),
    (r"\b(?:me|nos) (?:puede|podria|pueden|podrian) (?:enviar|mandar|dar)\b", -2.0),
    (r"\bcuanto (?:cuesta|vale|sale|cobran)\b|\b(?:tienen|ofrecen|venden)\b", -1.5),
    (r"\b(?:tenemos|usamos|utilizamos) (?:un|una|unos|unas)\b", -1.0),
    (r"\bno (?:me|nos) interesa\b|\bno gracias\b|\bno me llame\b", -2.0),
    (r"\b(?:lo|la) (?:consulto|hablo|reviso|platico|pienso)\b|\btengo que (?:consultar|hablar)\b",
     -1.5),
    (r"\bsoy (?:el|la) (?:dueno|duena|gerente|director|directora|encargad[oa]|responsable)\b",
     -1.5),
    # Portuguese
    (r"\bobrigad[oa] por (?:ligar|entrar em contato)\b|\bcomo posso (?:ajudar|te ajudar)\b", 2.5),
    (r"\bqual (?:e|seria) o (?:seu|teu) orcamento\b|\bquant[oa]s (?:usuarios|funcionarios)\b", 2.0),
    (r"\b(?:posso|podemos) (?:enviar|mandar|agendar|oferecer)\b", 2.0),
    (r"\b(?:estamos|estou) (?:procurando|interessad[oa]s?|buscando)\b|\btenho interesse\b", -2.0),
    (r"\b(?:nosso|meu) orcamento\b|\bmeu (?:e-?mail|telefone|celular|numero)\b", -2.0),
    (r"\bquanto custa\b|\bvoces (?:tem|oferecem)\b", -1.5),
]
_COMPILED = [(re.compile(p), w) for p, w in CUES]

# A wrong number says who placed the call, not who sells: the caller apologises ("I must have
# dialed the wrong number"), the one called says so ("you have the wrong number"). The rep is the
# caller of an outbound call and the one called of an inbound call, so these cues count for the
# rep or the customer only once the call's direction is heard (call_direction).
CALLER_CUES = re.compile(
    r"\b(?:i|we) must have (?:the wrong|dialed|dialled|misdialed|called)|\b(?:i|we) (?:dialed|"
    r"dialled|called|have|got) the wrong (?:number|person)\b|\bsorry,? (?:i )?(?:wrong number|"
    r"misdialed)\b|\bme (?:he|habre|debo haber) equivocado\b|\bequivocado de numero\b|"
    r"\bmarque mal\b|\bliguei (?:para o )?(?:numero )?errado\b|\bdesculpe,? numero errado\b")
CALLEE_CUES = re.compile(
    r"\byou(?:'ve| have)? (?:got |dialed |dialled |called |reached )?(?:the )?wrong number\b|"
    r"\bthere(?:'s| is) no(?:body| one)? (?:\w+ )?(?:by that name|here by|called)\b|"
    r"\b(?:tiene|marco|llamo(?: a)?)(?: (?:el|un|al))? numero equivocado\b|\bse ha equivocado\b|"
    r"\bse equivoco de numero\b|"
    r"\bno (?:hay|vive) nadie (?:con ese nombre|aqui)\b|\bvoce ligou (?:para o )?numero errado\b")
CALLER_WEIGHT = 2.0
# what the rep says when the customer called (inbound) or when the rep called (outbound)
INBOUND = re.compile(
    r"\bthank(?:s| you) for (?:calling|contacting)\b|\b(?:how|what) can (?:i|we) (?:help|do for)\b"
    r"|\bhow may i (?:help|assist)\b|\bwelcome to\b|\byou'?ve reached\b|\bgracias por "
    r"(?:llamar|comunicarse)\b|\ben que (?:le|te|les) (?:puedo|podemos) (?:ayudar|servir)\b|"
    r"\b(?:le|les) atiende\b|\bobrigad[oa] por ligar\b|\bcomo posso (?:te )?ajudar\b")
OUTBOUND = re.compile(
    r"\b(?:i'?m|i am|we'?re) calling (?:from|on behalf of|to (?:follow|tell|offer|introduce))\b|"
    r"\bcalling (?:you )?from\b|\bdo you have a (?:minute|moment|second)\b|\bis (?:now|this) a "
    r"(?:good|bad) time\b|\bsorry to (?:bother|disturb) you\b|\b(?:le|te|les) (?:llamo|"
    r"llamamos|hablo|hablamos) (?:de|desde|para|por)\b|\btiene(?:s)? un (?:minuto|momento)\b|"
    r"\bdisculpe (?:la|las) molestias?\b|\bestou ligando d[aoe]\b")


# a phone answered with no company: a person picked up, so the rep placed the call
BARE_ANSWER = re.compile(r"^\W*(?:hello|hi|hey|yes|yeah|hallo|allo|hola|diga|digame|alo|bueno|si|"
                         r"oi|alo|pronto)(?: (?:hello|hola|diga|alo|si|yes))?\W*$")


def _leaning(folded: list[str]) -> tuple[int, int]:
    """How many folded sentences sound outbound (the rep placed the call) and how many inbound."""
    return (sum(bool(OUTBOUND.search(s)) for s in folded),
            sum(bool(INBOUND.search(s)) for s in folded))


def call_direction(sentences: list[str]) -> float:
    """+1 when the call sounds outbound (the rep placed it), else -1: inbound, which is also
    taken when nothing says (a rep who calls out introduces the company and the reason). A call
    that opens with a bare "Hello?" counts once for outbound: a sales line answers with its
    name."""
    folded = [fold(s) for s in sentences]
    out, inward = _leaning(folded)
    out += bool(folded) and bool(BARE_ANSWER.match(folded[0].strip()))
    return 1.0 if out > inward else -1.0


def caller_score(sentence: str) -> float:
    """+1 for what the caller says on a wrong number, -1 for what the one called says."""
    low = fold(sentence)
    return (1.0 if CALLER_CUES.search(low) else 0.0) - (1.0 if CALLEE_CUES.search(low) else 0.0)
QUESTION_WEIGHT = 0.4
# asking questions is the rep's habit, but the recogniser adds question marks to what it mishears:
# a party's questions count for at most this much in its total, below one explicit cue
QUESTION_CAP = 3 * QUESTION_WEIGHT
VOICE_WEIGHT = 0.8  # per sentence, for the party a mono voice label sounds like
SEGMENT_SWITCH = 0.0  # a change of speaker at a pause with no question before it: neutral
_ANSWER_START = re.compile(r"^(?:yes|yeah|yep|no|nope|sure|of course|absolutely|okay|ok|right|"
                           r"correct|exactly|great|perfect|that'?s right|it'?s|si|claro|vale|"
                           r"exacto|correcto|perfecto|de acuerdo|por supuesto|bueno|sim|nao|"
                           r"certo)\b")


_INTRO = re.compile(r"(?i:\b(?:this is|my name is|i'?m|i am|it'?s|soy|me llamo|habla|"
                    r"le atiende|les habla|le habla|mi nombre es|meu nome e|sou|aqui e)\s+)"
                    r"([A-ZÁÉÍÓÚÑ][a-zá-ú]+)"
                    r"|([A-ZÁÉÍÓÚÑ][a-zá-ú]+)(?: [A-ZÁÉÍÓÚÑ][a-zá-ú]+)? (?i:speaking|here)\b")
_GREETED = re.compile(r"^(?i:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|"
                      r"nice to meet you|hola|buenos d[ií]as|buenas tardes|buenas noches|gracias|"
                      r"ol[aá]|bom dia|boa tarde|obrigad[oa]),?\s+([A-ZÁÉÍÓÚÑ][a-zá-ú]+)\b")


# a sentence that opens by addressing someone by name ("Julia, ...", even after a misheard
# greeting word: "High Julia, ..."): the name just given by the other party
_ADDRESSED = re.compile(r"^(?:[A-Za-zá-ú]+\s+)?([A-ZÁÉÍÓÚÑ][a-zá-ú]+)\s*,")


# a sentence that is only a name (after a company or a greeting): how a phone is answered
# ('Globex, Tom Becker.')
_NAME_ONLY = re.compile(r"^\W*(?:[\w'&. -]{2,40},\s*)?([A-ZÁÉÍÓÚÑ][a-zá-ú]+)"
                        r"(?: [A-ZÁÉÍÓÚÑ][a-zá-ú]+)?\W*$")


# a caller's self-introduction: the name and the company calling ('This is Faith Adams with
# Brightsmile Imaging.'), which after asking for someone is the asker going on
_INTRO_WITH_COMPANY = re.compile(
    r"^\W*(?:(?i:hi|hello|hey|good (?:morning|afternoon|evening)|buenos d[ií]as|buenas tardes|"
    r"buenas)\W+)?(?i:this is|my name is|my name'?s|i'?m|it'?s|soy|le habla|me llamo)\s+" + NAME +
    r"(?:\s*,)?\s+(?i:with|from|at|calling (?:from|on behalf of)|de|del|desde)\s")


def _intro_names(text: str) -> set[str]:
    alone = _NAME_ONLY.match(text)
    return {fold(m.group(1) or m.group(2)) for m in _INTRO.finditer(text)} | \
        ({fold(alone.group(1))} if alone else set())


@dataclass(frozen=True)
class Cue:
    score: float  # > 0: sounds like the rep; < 0: like the customer
    text: str  # the words of the strongest cue
    asked: bool = False  # a question (QUESTION_WEIGHT of the score)


@dataclass(frozen=True)
class Turn:
    """Consecutive words of one party."""

    label: str
    role: SpeakerRole
    text: str
    start: float = 0.0


def sentence_cue(sentence: str, direction: float = 0.0) -> Cue:
    """How much a sentence sounds like the rep (positive) or the customer (negative); with the
    call's `direction` (call_direction), a wrong-number cue counts for the caller's role."""
    low = fold(sentence)
    score, best, best_w = 0.0, "", 0.0
    placed = caller_score(sentence)
    if placed and direction:
        score, best_w = placed * direction * CALLER_WEIGHT, placed * direction * CALLER_WEIGHT
        m = CALLER_CUES.search(low) or CALLEE_CUES.search(low)
        best = m.group(0) if m else ""
    for pattern, weight in _COMPILED:
        m = pattern.search(low)
        if m:
            score += weight
            if abs(weight) > abs(best_w):
                best, best_w = sentence[m.start():m.end()] if len(sentence) == len(low) \
                    else m.group(0), weight
    asked = sentence.rstrip().endswith("?")
    if asked:
        score += QUESTION_WEIGHT
    return Cue(score, best, asked)


def party_score(cues: list[Cue]) -> float:
    """How much a party sounds like the rep over all it said: its cues, with its questions
    counted up to QUESTION_CAP."""
    asked = sum(c.asked for c in cues)
    return (sum(c.score for c in cues) - asked * QUESTION_WEIGHT
            + min(asked * QUESTION_WEIGHT, QUESTION_CAP))


def _labels(transcript: Transcript) -> list[str]:
    return list(dict.fromkeys(s.speaker for s in transcript.segments if s.speaker))


def _split_segment(seg: Segment) -> list[Segment]:
    """A segment cut into its sentences, times shared out by their characters."""
    sentences = split_sentences(seg.text) or [seg.text]
    total = sum(len(x) for x in sentences) or 1
    out, t = [], seg.start
    for x in sentences:
        dur = (seg.end - seg.start) * len(x) / total
        out.append(seg.model_copy(update={"start": round(t, 3), "end": round(t + dur, 3),
                                          "text": x}))
        t += dur
    return out


def split_turns(transcript: Transcript, voice_weight: float = 0.0) -> Transcript:
    """A transcript cut into sentences labelled "S1"/"S2" (who speaks first is S1) from what is
    said: times are shared out in proportion to the characters of each sentence. Labels the
    segments had already (voices told apart by pitch, which can fail) count as evidence of
    `voice_weight` per sentence for the party their label sounds like overall."""
    pieces: list[Segment] = []
    new_segment: list[bool] = []  # whether the piece opens a recogniser segment (a pause)
    voices: list[str | None] = []
    long_segment: list[bool] = []  # a segment of many sentences may hold both parties
    for seg in transcript.segments:
        parts = _split_segment(seg)  # each piece is given its own label below
        pieces += parts
        new_segment += [k == 0 for k in range(len(parts))]
        long_segment += [len(parts) >= 4] * len(parts)
        voices += [seg.speaker] * len(parts)
    if not pieces:
        return transcript
    direction = call_direction([p.text for p in pieces])
    cues = [sentence_cue(p.text, direction) for p in pieces]
    answered = answered_by_rep([p.text for p in pieces])
    if answered:
        cues[0] = Cue(cues[0].score + ANSWER_WEIGHT * answered, pieces[0].text, cues[0].asked)
    sounds: dict[str, float] = {}
    for voice, cue in zip(voices, cues, strict=True):
        if voice:
            sounds[voice] = sounds.get(voice, 0.0) + cue.score
    mean = sum(sounds.values()) / len(sounds) if len(sounds) > 1 else 0.0

    def lean(v: str | None) -> float:
        """+1 for the voice that sounds more like the rep than the others, -1 for less."""
        d = sounds.get(v or "", mean) - mean
        return 1.0 if d > 0 else -1.0 if d < 0 else 0.0

    bias = [voice_weight * lean(v) for v in voices]
    # Viterbi over two states, 0 = the party that sounds like the rep, 1 = the other. Inside one
    # recogniser segment the speaker rarely changes; at a segment boundary (a pause) the two
    # parties of a call tend to alternate, the more so after a question.
    starts = [i for i, flag in enumerate(new_segment) if flag] + [len(pieces)]

    def introduced_before(i: int) -> set[str]:
        """Names given in the two recogniser segments before piece i."""
        before = [b for b in starts if b < i]
        begin = before[-2] if len(before) >= 2 else 0
        return set().union(*(_intro_names(p.text) for p in pieces[begin:i]))

    score = [cues[0].score + bias[0], -cues[0].score - bias[0]]
    back: list[list[int]] = []
    for i in range(1, len(pieces)):
        asked = pieces[i - 1].text.rstrip().endswith("?")
        answer = bool(_ANSWER_START.match(fold(pieces[i].text)))
        unfinished = not re.search(r"[.?!]\W*$", pieces[i - 1].text)
        if new_segment[i] and unfinished:
            sw, st = -2.0, 0.0  # the sentence goes on in the next segment
        elif new_segment[i]:
            sw, st = (1.2, -0.6) if asked else (SEGMENT_SWITCH + (0.8 if answer else 0.0), 0.0)
            greeted = _GREETED.match(pieces[i].text) or _ADDRESSED.match(pieces[i].text)
            if greeted and fold(greeted.group(1)) in introduced_before(i):
                sw, st = sw + 3.0, st - 3.0  # greets the name the last speaker gave
            if _INTRO_WITH_COMPANY.match(pieces[i].text) and (
                    ADDRESSED.search(pieces[i - 1].text) or ASKED_FOR.search(pieces[i - 1].text)):
                sw, st = sw - 3.0, st + 3.0  # asks for someone, then says who is calling
        else:
            inside = -0.8 if long_segment[i] else -3.0
            sw, st = (0.6, -0.6) if asked else (inside + (0.8 if answer else 0.0), 0.0)
        emit = [cues[i].score + bias[i], -cues[i].score - bias[i]]
        new, ptr = [0.0, 0.0], [0, 0]
        for state in (0, 1):
            from_same = score[state] + st
            from_other = score[1 - state] + sw
            ptr[state] = state if from_same >= from_other else 1 - state
            new[state] = max(from_same, from_other) + emit[state]
        score = new
        back.append(ptr)
    states = [0 if score[0] >= score[1] else 1]
    for ptr in reversed(back):
        states.append(ptr[states[-1]])
    states.reverse()
    first = states[0]
    labelled = [p.model_copy(update={"speaker": "S1" if s == first else "S2"})
                for p, s in zip(pieces, states, strict=True)]
    return transcript.model_copy(update={"segments": labelled})


def _unreliable(transcript: Transcript) -> bool:
    """Labels that change in the middle of sentences, or one voice saying nearly everything."""
    segs = [s for s in transcript.segments if s.text.strip()]
    if len(segs) < 4:
        return False
    counts: dict[str, int] = {}
    for seg in segs:
        counts[seg.speaker or ""] = counts.get(seg.speaker or "", 0) + 1
    if max(counts.values()) > 0.85 * len(segs):
        return True
    changes = [(a, b) for a, b in itertools.pairwise(segs) if a.speaker != b.speaker]
    mid = [a for a, _ in changes if not re.search(r"[.?!]\W*$", a.text.strip())]
    return bool(changes) and len(mid) > 0.25 * len(changes)


def assign_roles(transcript: Transcript,
                 rep_channel: Literal["left", "right"] | None = None) -> Transcript:
    """The transcript with `Speaker.role` and `cue` set for each party (and segments labelled
    from the text when the transcript has none). `rep_channel` fixes the rep's channel of a
    stereo recording (REP_CHANNEL) instead of deciding it from what is said."""
    labels = _labels(transcript)
    by_channel = any(s.channel for s in transcript.speakers)
    decided = bool(transcript.speakers) and all(s.role != "unknown" for s in transcript.speakers)
    split = len(labels) < 2 or (not by_channel and not decided and _unreliable(transcript))
    if len(labels) < 2:
        transcript = split_turns(transcript)
        labels = _labels(transcript)
    elif not by_channel and not decided and _unreliable(transcript):
        # voices told apart (by pitch) that cut sentences in two or give nearly everything to
        # one voice are a hint, not the truth: the text decides with them
        transcript = split_turns(transcript, voice_weight=VOICE_WEIGHT)
        transcript = transcript.model_copy(update={"speakers": []})
        labels = _labels(transcript)
    known = {s.label: s for s in transcript.speakers}
    speakers = [known.get(label) or Speaker(label=label) for label in labels]
    if not speakers:
        return transcript
    if rep_channel is None and all(s.role != "unknown" for s in speakers) and \
            any(s.role == "rep" for s in speakers):
        return transcript  # decided already (REP_CHANNEL when the channels were attributed)
    by_label: dict[str, list[Cue]] = {label: [] for label in labels}
    said = [s for seg in transcript.segments for s in split_sentences(seg.text)]
    direction = call_direction(said)
    for seg in transcript.segments:
        if seg.speaker in by_label:
            by_label[seg.speaker].extend(sentence_cue(s, direction)
                                         for s in split_sentences(seg.text))
    answered = answered_by_rep(said)
    first = next((seg.speaker for seg in transcript.segments if seg.text.strip()), None)
    if answered and first in by_label:
        by_label[first].append(Cue(ANSWER_WEIGHT * answered, said[0]))
    totals = {label: party_score(cues) for label, cues in by_label.items()}
    fixed = next((s.label for s in speakers if rep_channel and s.channel == rep_channel), None)
    if fixed is not None:
        rep, why = fixed, f"REP_CHANNEL={rep_channel}"
    else:
        # the rep: the party whose words sound most like the rep's, relative to the others
        rep = max(labels, key=lambda lb: (totals[lb], -labels.index(lb)))
        strongest = max(by_label[rep], key=lambda c: c.score, default=Cue(0.0, ""))
        why = f"said \"{strongest.text}\"" if strongest.text else "asked more questions"
        if all(abs(t) < 1e-9 for t in totals.values()):
            why = "no cue in the text; the first speaker taken as the rep"
            rep = labels[0]
        if split and max((c.score for cues in by_label.values() for c in cues),
                         default=0.0) <= QUESTION_WEIGHT and sum(totals.values()) < 0:
            # split from the text, but nothing anywhere sounds like a rep: one voice
            segments = [seg.model_copy(update={"speaker": labels[0]})
                        for seg in transcript.segments]
            transcript = transcript.model_copy(update={"segments": segments})
            by_label = {labels[0]: [c for cues in by_label.values() for c in cues]}
            totals = {labels[0]: sum(totals.values())}
            labels, speakers, rep = labels[:1], speakers[:1], labels[0]
        if len(labels) == 1 and totals[rep] < 0:
            # one voice only (a voicemail, a monologue) that sounds like a customer
            mine = min(by_label[rep], key=lambda c: c.score, default=Cue(0.0, ""))
            return transcript.model_copy(update={"speakers": [speakers[0].model_copy(
                update={"role": "customer", "cue": f"the only voice; said \"{mine.text}\""})]})
    out = []
    for sp in speakers:
        if sp.label == rep:
            out.append(sp.model_copy(update={"role": "rep", "cue": why}))
        else:
            mine = min(by_label[sp.label], key=lambda c: c.score, default=Cue(0.0, ""))
            cue = f"said \"{mine.text}\"" if mine.text and mine.score < 0 \
                else f"the other party to the rep ({rep})"
            out.append(sp.model_copy(update={"role": "customer", "cue": cue}))
    return repair_roles(_answer_apart(transcript.model_copy(update={"speakers": out})))


def turns(transcript: Transcript) -> list[Turn]:
    """Consecutive segments of one speaker joined into turns, with that speaker's role. Without
    labels, the whole transcript is one turn of an unknown party."""
    roles = {s.label: s.role for s in transcript.speakers}
    out: list[Turn] = []
    for seg in transcript.segments:
        label = seg.speaker or ""
        text = seg.text.strip()
        if not text:
            continue
        if out and out[-1].label == label:
            last = out[-1]
            out[-1] = Turn(label, last.role, f"{last.text} {text}", last.start)
        else:
            out.append(Turn(label, roles.get(label, "unknown"), text, seg.start))
    if not out and transcript.text.strip():
        out.append(Turn("", "unknown", transcript.text.strip()))
    return out


def language_of(transcript: Transcript) -> str:
    """The transcript's language code ('en', 'es', 'pt', ...), detected from the text when the
    speech engine did not say."""
    if transcript.language:
        return transcript.language.split("-")[0].lower()
    return detect_language(transcript.text) or "en"


# the one called saying the person asked for is not there at all (not "out", not "busy"): the
# call reached the wrong number, whoever says so and however the recogniser heard the name
NOBODY_BY_THAT_NAME = re.compile(
    r"\bthere(?:'s| is| are) no(?:body| one)?(?: \w+){0,2} (?:here|at this number|by that name)\b"
    r"|\bnobody (?:here )?(?:called|named|by that name)\b|\bno \w+ (?:lives|works) here\b"
    r"|\b(?:this is|it'?s) (?:a|my) (?:private|personal|home) (?:number|line|phone)\b"
    r"|\bwrong (?:number|person)\b|\bnumber (?:is )?wrong\b"
    r"|\baqui no (?:hay|vive|trabaja) (?:ningun|ninguna|nadie)\b|\bno (?:hay|vive) (?:ningun|"
    r"ninguna|nadie)\b[^.?!]{0,20}\baqui\b|\b(?:tiene|tienen|marco|llamo a) (?:el|un|mal el) "
    r"numero (?:mal|equivocado)\b|\bnumero (?:mal|equivocado)\b|\bse (?:ha )?equivoco\b"
    r"|\bse ha equivocado\b|\bnumero errado\b|\bnao (?:tem|mora) ninguem\b")


def wrong_number(sentences: list[str]) -> bool:
    """The call reached the wrong person: the caller says they dialled wrong, or the one called
    says so, or that nobody of the name asked for is there."""
    folded = [fold(s) for s in sentences]
    return any(CALLER_CUES.search(s) or CALLEE_CUES.search(s) or NOBODY_BY_THAT_NAME.search(s)
               for s in folded)


# the phone answered with the company and the name of the one answering ('Parcelpoint sales, Joe
# speaking.', 'Good afternoon, Kingsbridge Furniture, you're through to Marcus.', 'Mudanzas
# Robles, le atiende Marisol.'): said by the one called, who is the rep when the customer rang
# and the customer when the rep rang (`call_direction` of the rest of the call)
_NOT_A_COMPANY = (r"(?:good (?:morning|afternoon|evening)|hello|hi|hey|hiya|buenos dias|buenas "
                  r"tardes|buenas|bom dia|boa tarde|ola|hola|yes|yeah|si|oh|well|ok|okay|"
                  r"sure|right|thanks|thank you|gracias|bueno|diga|digame)")
PHONE_ANSWERED = re.compile(
    r"^\W*(?:(?:good (?:morning|afternoon|evening)|hello|hi|buenos dias|buenas tardes|buenas|"
    rf"bom dia|boa tarde)\W+)?(?!{_NOT_A_COMPANY}\W*,)[\w'&. -]{{2,50}}?,\s*"
    r"(?:(?:good (?:morning|afternoon|evening)|buenos dias|buenas tardes|buenas|bom dia|"
    r"boa tarde),?\s*)?(?:(?:this is|you'?re through to|you'?re speaking (?:with|to)|"
    r"le atiende|te atiende|habla|fala)\s+\w+|\w+(?: \w+)? "
    r"(?:speaking|here|al habla|hablando|falando)\b)"
    # the comma lost by the recogniser: 'Northfield office supplies Gemma speaking.'
    rf"|^\W*(?!{_NOT_A_COMPANY}\b|this is\b|it'?s\b)(?:[\w'&.-]+ ){{2,5}}\w+ "
    r"(?:speaking|al habla)\W*$")
ANSWER_WEIGHT = 2.0


# the caller's words: what the one who answered the phone does not say
CALLER_OPENING = re.compile(r"\b(?:i'?m|i am|we'?re|we are) (?:calling|ringing|phoning)\b|"
                            r"\bis (?:that|this) [a-z]+(?: [a-z]+)?\s*\??$|\b(?:le|les|te) "
                            r"(?:llamo|llamaba|hablo)\b|\bllamo (?:de parte|para|por)\b")


def _answer_apart(transcript: Transcript) -> Transcript:
    """The phone answered with the company and a name, joined by the recogniser to the caller's
    first words in one segment ('Northfield office supplies, Gemma speaking. Hi Gemma, I'm
    calling for my boss...'): the answer is the other party's."""
    labels = [s.label for s in transcript.speakers]
    first = next((seg for seg in transcript.segments if seg.text.strip()), None)
    if first is None or len(labels) != 2 or first.speaker not in labels or \
            any(s.cue.startswith("REP_CHANNEL") for s in transcript.speakers):
        return transcript
    pieces = _split_segment(first)
    if len(pieces) < 2 or not PHONE_ANSWERED.match(fold(pieces[0].text)) or \
            not any(CALLER_OPENING.search(fold(p.text)) for p in pieces[1:]):
        return transcript
    other = next(label for label in labels if label != first.speaker)
    i = transcript.segments.index(first)
    rest = pieces[1:]
    joined = rest[0].model_copy(update={"end": rest[-1].end,
                                        "text": " ".join(p.text for p in rest)})
    segments = [*transcript.segments[:i], pieces[0].model_copy(update={"speaker": other}),
                joined, *transcript.segments[i + 1:]]
    return transcript.model_copy(update={"segments": segments})


def answered_by_rep(sentences: list[str]) -> float:
    """+1 when the call opens with the phone answered with a company and a name and the rest of
    the call sounds inbound (the rep answered), -1 when it sounds outbound (the customer
    answered), 0 when it does not open so."""
    if not sentences or not PHONE_ANSWERED.match(fold(sentences[0])):
        return 0.0
    out, inward = _leaning([fold(s) for s in sentences[1:]])
    return -1.0 if out > inward else 1.0


# --- the caller, told by who asks for whom ---------------------------------------------------
# Whoever asks for someone by full name (or for whoever holds a role at a company) and then says
# who they are is the one calling, the rep, whatever party the recogniser's turns were given to:
# in one turn ("Is this Casey Simmons? This is Faith Adams with Brightsmile Imaging."), or after
# the other party says it is them ("May I speak with Yuki Tanaka?" "Speaking." "This is Brent
# from Officeloop. You requested a brochure ...").

@dataclass(frozen=True)
class _Sentence:
    text: str
    label: str
    turn: int


def _sentences(transcript: Transcript) -> list[_Sentence]:
    return [_Sentence(s, t.label, i) for i, t in enumerate(turns(transcript))
            for s in split_sentences(t.text)]


def caller_introduction(transcript: Transcript) -> tuple[str | None, set[str]]:
    """The label of the party that asked for someone and then introduced themselves (the
    caller), with the names they gave (folded); (None, set()) when no one did."""
    said = _sentences(transcript)
    caller: str | None = None
    names: set[str] = set()
    for i, a in enumerate(said):
        asked = ADDRESSED.search(a.text)
        if asked is None or " " not in asked.group("name"):  # a full name, or from somewhere
            asked = ASKED_FOR.search(a.text)
        role = ASKED_ROLE.search(a.text) if asked is None else None  # 'whoever buys ... at X'
        if role is not None:
            asked = role
        if asked is None:
            continue
        asked_name = asked.group("co") if role else asked.group("name")
        answer = next((c for c in said[i + 1:] if c.turn == a.turn + 1), None)
        own = " ".join(b.text for b in said if b.label == a.label and b.turn == a.turn + 2)
        pitched = bool(answer and CONFIRM.match(fold(answer.text)) and
                       CALLER_PITCH.search(fold(own)))
        later = [b for b in said[i + 1:] if b.label == a.label and b.turn <= a.turn + 2]
        intros = []
        if later and (later[0].turn == a.turn or pitched):
            intros.append(later[0])
        if (pitched or role) and i > 0 and said[i - 1].turn == a.turn:  # 'Soy Daniel, de X.
            intros.append(said[i - 1])  # ¿Podría hablar con la doctora Y?' 'Sí, soy yo.'
        for b in intros:
            intro = SELF_INTRO.search(b.text)
            if intro is None or not re.fullmatch(rf"(?:{GREETING})?[\s,.!¡]*",
                                                 b.text[:intro.start()]):
                continue
            name = clean_name(intro.group("name"))
            if name and fold(name) != fold(asked_name):
                names.add(fold(name))
                caller = caller or b.label
    return caller, names


def _callers_own(text: str, caller_names: set[str]) -> bool:
    """A sentence of the caller's: asking for someone, introducing themselves, pitching."""
    intro = SELF_INTRO.search(text)
    return bool(ADDRESSED.search(text) or ASKED_FOR.search(text) or ASKED_ROLE.search(text) or
                CALLER_PITCH.search(fold(text)) or
                (intro and fold(clean_name(intro.group("name")) or "") in caller_names))


def repair_roles(transcript: Transcript) -> Transcript:
    """Roles decided from the cues, checked against who placed the call
    (`caller_introduction`): when the caller's introduction sits in the customer's turns, the
    parties were given the wrong way round and the roles are swapped; a sentence that sounds
    like the customer after the caller's own in one of the caller's segments (the recogniser
    joins the two parties' words when they follow each other closely) goes to the other party.
    Roles fixed by REP_CHANNEL are left as they are."""
    roles = {s.label: s.role for s in transcript.speakers}
    if len(roles) != 2 or any(s.cue.startswith("REP_CHANNEL") for s in transcript.speakers):
        return transcript
    caller, names = caller_introduction(transcript)
    if caller is None or roles.get(caller) != "customer":
        return transcript
    other = next(label for label in roles if label != caller)
    direction = call_direction([s for seg in transcript.segments
                                for s in split_sentences(seg.text)])
    segments: list[Segment] = []
    for seg in transcript.segments:
        pieces = _split_segment(seg) if seg.speaker == caller else [seg]
        if len(pieces) < 2:
            segments.append(seg)
            continue
        seen_own, labelled = False, []
        for piece in pieces:
            own = _callers_own(piece.text, names)
            seen_own = seen_own or own
            if seen_own and not own and sentence_cue(piece.text, direction).score < 0:
                piece = piece.model_copy(update={"speaker": other})
            labelled.append(piece)
        if all(p.speaker == caller for p in labelled):
            segments.append(seg)
            continue
        merged: list[Segment] = []
        for piece in labelled:  # the sentences of one party in a segment stay one segment
            if merged and merged[-1].speaker == piece.speaker:
                merged[-1] = merged[-1].model_copy(update={
                    "end": piece.end, "text": f"{merged[-1].text} {piece.text}"})
            else:
                merged.append(piece)
        segments.extend(merged)
    why = f"asked for someone and then introduced themselves ({', '.join(sorted(names))})"
    speakers = [s.model_copy(update={"role": "rep", "cue": why}) if s.label == caller else
                s.model_copy(update={"role": "customer",
                                     "cue": f"the other party to the caller ({caller})"})
                for s in transcript.speakers]
    return transcript.model_copy(update={"segments": segments, "speakers": speakers})
