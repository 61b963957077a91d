"""What was agreed in a call, read from the labelled turns: when the customer means to start or
buy (the timeline) and how likely they are to buy (the buying intent), scored from what was
agreed or refused (a dated next step accepted, a budget, a decision-maker, a commitment,
hesitation, interest) rather than from keywords alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
    r"\b(?:(?:para|en|antes del?|despu[eé]s(?: del?| en)?|dentro del?|a partir del?|desde|hacia|"
    r"a finales del?|a principios del?|a comienzos del?|a inicios del?|a mediados del?|"
    r"a fin del?|antes|depois d[eoa]|ate|até)"
    r"\s+)?(?:(?:el|la|los|las|o|a)\s+)?"
    r"(?:(?:pr[oó]ximo|siguiente)\s+(?:mes|trimestre|a[nñ]o|semestre|" + SEASONS_ES + r")|"
    r"(?:pr[oó]xima|siguiente)\s+(?:semana|temporada)|(?:este|esta)\s+(?:mes|trimestre|a[nñ]o|"
    r"semestre|semana|temporada|" + SEASONS_ES + r")|(?:fin|finales|principios|comienzos|"
    r"inicios|mediados|final) de(?:l)? (?:mes|a[nñ]o|trimestre|" + MONTHS_ES + r")"
    r"(?: (?:entrante|que viene))?|(?:primer|segundo|tercer|cuarto|"
    r"[uú]ltimo) trimestre|" + SEASONS_ES + "|" + MONTHS_ES + r"|(?:\d+|dos|tres|cuatro|cinco|"
    r"seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|sesenta|noventa|un par de|"
    r"unos|unas|pocos|pocas) (?:d[ií]as|semanas|meses|a[nñ]os)"
    r"|(?:el|la) (?:a[nñ]o|mes|semana) que viene|(?:el|la) (?:a[nñ]o|mes|semana|trimestre) "
    r"entrante|otro a[nñ]o|navidad(?:es)?|fin de a[nñ]o|lo antes posible|"
    r"cuanto antes|de inmediato|pr[oó]ximo ano|pr[oó]ximo m[eê]s|pr[oó]ximo trimestre|"
    r"(?<=dentro de )(?:un|una) (?:semana|mes|a[nñ]o)|(?<=en )(?:un|una) (?:semana|mes))\b",
    re.I)
DURATION = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                      r"a couple of|a few|several|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
                      r"diez|doce|un par de|unos|unas|pocos|pocas)\b")
TIME_PREPOSITION = re.compile(r"^(?:by|before|within|in|around|after|towards?|until|starting|en|"
                              r"para|antes|despues|dentro|a partir|hacia|desde|ate)\b")
TIMELINE_CUE = re.compile(r"\b(?:start|begin|launch|roll ?out|go live|live|installed|install|"
                          r"decid\w*|need (?:it|them|this)|(?:we|i) (?:want|need)|buy|purchase|"
                          r"implement\w*|deploy\w*|"
                          r"sign|switch|ready|up and running|empezar|comenzar|arrancar|decidir\w*|"
                          r"decidiremos|necesit\w+|implementar|instalar|lanzar|firmar|comprar|"
                          r"começar|comecar|decidir|precisamos)\b")
TIMELINE_QUESTION = re.compile(r"\b(?:when|date|timeline|time ?frame|timing|how soon|by when|"
                               r"cuando|fecha|plazo|quando|prazo)\b")
# a time given by an event of the customer's year rather than the calendar: 'before our busy
# season', 'after the audit', 'en cuanto terminen las obras', 'antes de la temporada alta'
EVENT_EN = re.compile(
    r"\b(?:before|after|ahead of|by|until|during|over|once|when|in time for|for)\s+(?:the|our|"
    r"their|your|this|next|a)\s+(?:[\w-]+\s+){0,2}?(?:season|rush|break|holidays?|harvest|audit|"
    r"launch|opening|move|relocation|renovation|refit|busy period|peak|slow period|quiet "
    r"period|term|semester|school year|tax year|financial year|fiscal year|year end|trade show|"
    r"show|conference|expansion|merger|contract (?:ends|runs out|is up))\b"
    r"|\bas soon as (?!possible\b)(?:[\w'-]+\s+){0,4}?[\w'-]+(?=\s*(?:[.,;!?]|$))"
    r"|\b(?:once|when)\s+(?:the|our|my|their)\s+(?:[\w'-]+\s+){0,3}?(?:opens|is open|is up|"
    r"ends|expires|runs out|is (?:finished|done|over|approved|signed|built|ready|in)|finishes|"
    r"wraps up|comes through|goes through|arrives|starts|kicks off|closes)\b", re.I)
EVENT_ES = re.compile(
    r"\b(?:antes|despu[eé]s|a partir|al final|hasta|a la vuelta|para el final|para el inicio)\s+"
    r"del?\s+(?:(?:la|las|los|el|nuestra|nuestro|nuestras|nuestros|su|sus)\s+)?"
    r"(?:[\wáéíóúñ]+\s+){0,2}?(?:temporada|campa[nñ]a|cosecha|vendimia|obras?|reforma|apertura|"
    r"inauguraci[oó]n|mudanza|fiestas|vacaciones|feria|auditor[ií]a|zafra|cierre|ejercicio|"
    r"curso|puente|semana santa|rebajas|verano|invierno)(?:\s+(?:alta|baja|navide[nñ]a|"
    r"de [\wáéíóúñ]+))?\b"
    r"|\b(?:el|la) (?:curso|temporada|ejercicio|verano|invierno|campa[nñ]a) que viene\b"
    r"|\ben cuanto (?!a\b)(?:[\wáéíóúñ]+\s+){0,4}?[\wáéíóúñ]+(?=\s*(?:[.,;!?]|$))"
    r"|\bcuando (?:(?:nos|se|me)\s+)?(?:terminen?|acaben?|abr(?:a|an|amos)|aprueben?|lleguen?|"
    r"cerremos|inauguremos|empiecen?|vuelvan?|venza|vence)\b(?:\s+[\wáéíóúñ]+){0,4}"
    r"(?=\s*(?:[.,;!?]|$))", re.I)
MEETING = re.compile(r"\b(?:demo|meeting|call (?:you|me|with)|visit|come (?:out|over|by|in)|"
                     r"go over|reunion|llamada|demostracion|"
                     r"visita|talk to you)\b")
NO_PLANS = re.compile(r"\bno plans?\b|\bnot planning\b|\bno (?:tenemos|hay) planes\b|"
                      r"\bnothing planned\b")
DAY_OR_DATE = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|tomorrow|tonight|"
                         r"(?:the )?\d{1,2}(?:st|nd|rd|th)|el (?:dia )?\d{1,2}|"
                         r"this (?:week|afternoon)|next week|on the \w+|the (?:first|second|"
                         r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\w+teenth|"
                         r"twentieth|\w+ty-?\w*) of|"
                         # 'for the fourteenth', 'on the twenty-first'
                         r"(?:for|on|by) the (?:first|second|third|fourth|fifth|sixth|seventh|"
                         r"eighth|ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|"
                         r"(?:twenty|thirty)[- ]\w+(?:st|nd|rd|th))(?! (?:time|one|thing|step|"
                         r"floor|place|phase|stage))|lunes|martes|miercoles|jueves|viernes|"
                         r"manana|esta semana|la proxima semana|la semana que viene|"
                         r"el dia \d+|el primero de (?:mes|" + MONTHS_ES + r")|"
                         r"el \w+ de (?:" + MONTHS_ES +
                         r")|segunda|terca|quarta|quinta|sexta|amanha)\b")
# a correction, what follows it wins: core.call_context's and the ways a speaker takes back what
# they just said ('the end of March, no wait, scratch that, the end of April', 'sí, el martes.
# Bueno, no, el martes no puedo'); 'no,' before a space, which the shared one cannot match
TAKEN_BACK = re.compile(CORRECTION.pattern + r"|\b(?:no wait|wait|scratch that|hold on|on second "
                        r"thoughts?|bueno,? no|espera|pensandolo bien)\b|\bno,(?=\s)")


def _acts(*phrasings: str) -> re.Pattern[str]:
    """One speech act as a table of its phrasings, read on folded text (lower case, no accents,
    so what the recogniser writes without capitals or accents reads the same)."""
    return re.compile(r"\b(?:" + "|".join(phrasings) + r")\b")


# what a customer turn does, each act as a table of the ways English and Spanish (usted and tú,
# Spain and Latin America) say it; Portuguese where it is one word away
AGREE = _acts(
    # English
    r"yes", r"yeah", r"yep", r"sure", r"ok", r"okay", r"fine", r"fine by (?:me|us)", r"great",
    r"good", r"perfect", r"deal", r"booked", r"agreed", r"absolutely", r"definitely",
    r"sounds (?:good|great|fine|like a plan)", r"works", r"that works", r"suits?", r"please do",
    r"see you(?: then| on| there)?", r"done", r"lock it in", r"talk to you then",
    r"(?:i|we)(?:'ll| will) be there",
    r"pencil (?:me|us|it) in", r"book (?:it|me|us)", r"let'?s do (?:it|that|the)",
    r"(?:i|we)(?:'ll| will) (?:meet|bring|have) (?:them|him|her|you|it|the|my|our)",
    # Spanish
    r"si", r"claro", r"claro que si", r"perfecto", r"de acuerdo", r"vale", r"venga", r"listo",
    r"bien", r"me parece bien", r"(?:me|nos) (?:va|viene|vendria|iria) (?:bien|genial|perfecto)",
    r"dale", r"hecho", r"genial", r"estupendo", r"excelente", r"por supuesto", r"como no",
    r"con gusto", r"sale", r"orale", r"de una", r"quedamos", r"nos vemos", r"hasta el",
    r"(?:te|le|les|los|las) esper(?:o|amos)", r"(?:alli|ahi|aqui) (?:estare|estaremos)",
    # Portuguese
    r"sim", r"combinado", r"fechado",
    # more of what buyers say to a day proposed
    r"can do", r"i can do (?:that|it|then)", r"works for (?:me|us)", r"that'?s fine",
    r"no problem", r"adelante", r"(?:me|nos) cuadra", r"(?:me|nos) (?:sirve|funciona)",
    r"(?:me|nos) viene de (?:perlas|maravilla|lujo)", r"sin problema")
DECLINE = _acts(  # the rep's proposal turned down or put off, not the purchase
    r"hold off", r"not yet", r"not (?:right )?now", r"not at (?:the|this) (?:moment|stage|point)",
    r"(?:i|we)(?:'d| would) rather (?:not|you|wait)", r"no need", r"let'?s not", r"maybe later",
    r"not (?:this|that|next) (?:week|day|time|month)", r"de momento no",
    r"por (?:ahora|el momento) no",
    r"ahora (?:mismo )?no", r"todavia no", r"aun no", r"mejor no", r"no hace falta",
    r"mejor (?:primero|mandame|mandeme|mandenos|enviame|envieme|envienos|pasame|paseme|"
    r"mandalo|envialo)", r"prefiero (?:que|primero|esperar)", r"(?:is|es|seria) (?:too|muy) pronto",
    r"hold fire", r"let'?s leave it (?:there|for now)", r"(?:i'?d|we'?d) (?:rather|prefer to) "
    r"(?:wait|hold)", r"(?:dejelo|dejalo|dejemoslo|dejenlo) (?:asi|ahi|por ahora|por el momento)",
    r"(?:lo|la) dejamos para (?:mas adelante|otro momento|despues)")
# 'we'll take it from there', 'take it into account': no taking up of the purchase
_NOT_TAKEN = r"(?! (?:from there|from here|into account|up with|away|back|easy|slow))"
COMMIT = _acts(
    # English
    r"count (?:us|me) in", r"book it", r"(?:you'?ve got|it'?s) a deal",
    r"(?:we'?re|i'?m) in(?=\s*(?:[.!,]|$))",
    r"(?:i|we)(?:'ll| will)? sign", r"sign it", r"sign (?:me|us) up", r"where do i sign",
    r"the one who signs", r"budget is approved", r"is approved", r"signed off",
    r"ready to (?:buy|sign|go|move|start|order)", r"let'?s (?:do it|go ahead|go for it|get (?:it|"
    r"this|that) (?:booked|started|going|signed))", r"^do it", r"go ahead(?! and (?:send|e-?mail))",
    r"(?:i|we)'?ll take (?:it|them)" + _NOT_TAKEN, r"(?:i|we)(?:'ll| will) approve",
    r"(?:i|we)(?:'ll| will) go with (?:you|yours|that|it|the)", r"put (?:us|me) down for",
    r"place (?:the|an|our) order", r"send (?:me |us |over )?the (?:contract|paperwork|agreement|"
    r"order form)",
    # Spanish
    r"cuent(?:a|as|e|en) con(?:migo| nosotros)",  # 'cuentas': the recogniser's s
    r"contad con nosotros", r"trato hecho",
    r"(?:mandame|mandeme|mandenos|enviame|envieme|envienos|pasame|paseme) el contrato",
    r"firmo", r"firmamos", r"lo firmamos", r"firmar el contrato", r"esta aprobado", r"aprobado",
    r"lo apruebo", r"(?:seguimos|vamos|sigamos|seguir) adelante", r"adelante con",
    r"lo compramos", r"lo contratamos", r"(?:nos lo|me lo) quedo", r"nos lo quedamos",
    r"lo cerramos", r"cerramos (?:el )?trato", r"hagamoslo",
    r"vamos con (?:ustedes|vosotros|ello|eso)",
    r"apunt(?:ame|anos|eme|enos)", r"(?:vamos )?a por ello", r"go for it",
    r"reserv(?:a|e|ad|en)(?:melo|mela|noslo|nosla)",
    # Portuguese
    r"assino", r"assinamos", r"aprovado",
    # more ways to say yes to the purchase itself
    r"(?:get|got) the ball rolling", r"(?:raise|issue|send over|put in|place) (?:a|the|our) "
    r"(?:purchase |p ?o )?order", r"put (?:it|the order|them|that) through",
    r"(?:let'?s|we'?d like to|happy to|we'?ll|i'?d like to) (?:proceed|move forward|move ahead)",
    r"go ahead and (?:order|book|raise|place|put|process|sign)",
    r"(?:me|nos) (?:lo|la|los|las) (?:llevo|llevamos)",
    r"(?:hagan|haga|hagame|haganos|hacemos|haz|hazme) (?:el|la) (?:pedido|orden|factura)",
    r"(?:dale|listo|vale|venga|pues),? cerramos", r"procedamos", r"avancemos",
    r"(?:quiero|queremos|vamos a) (?:contratarl[oa]s?|comprarl[oa]s?|firmarlo|firmar)",
    r"(?:i|we)(?:'ll| will) (?:take|buy|order|go for|sign up for) (?:the|it|them|that|this|one|"
    r"two|three|four|five|ten|twenty|\d+)" + _NOT_TAKEN,
    r"(?:card|invoice|cash|transfer) or (?:card|invoice|cash|transfer)", r"how do (?:i|we) pay",
    r"(?:como|donde) (?:le |te )?(?:pago|pagamos)", r"(?:le|te) paso los datos de (?:facturacion|"
    r"pago)",
    r"put (?:us|me) down(?! as (?:a )?maybe)", r"cleared it with (?:my|our|the) (?:director|boss|"
    r"manager|partner|board|owner)",
    r"(?:let'?s|i'?d like to|we'?d like to) go for (?:the|it|that|this)",
    r"get (?:me|us) signed up", r"invoice (?:me|us)", r"send (?:me|us|over) the invoice",
    r"(?:me|nos) qued(?:o|amos) con (?:el|la|los|las|eso|ese|esa)",
    r"(?:lo|la|los|las) (?:contrato|compro|pido|pedimos)\b")
DECISION_MAKER = _acts(
    r"i(?:'m| am) the (?:one who|decision|owner|person who|boss)", r"i (?:sign|decide|approve)",
    r"the one (?:signing|deciding|approving)", r"sign(?:s|ing)? off on",
    r"i make the (?:calls?|decisions?)",
    r"(?:director|manager|officer|ceo|cfo|owner|founder|boss)",
    r"signs? the (?:cheques|checks|contracts?)", r"holds? the purse strings",
    r"(?:has|have) the (?:final|last) say", r"(?:controls?|holds?|owns?) the (?:budget|money)",
    r"(?:partners?|board|boss|owners?) (?:have |has )?(?:already )?(?:signed|approved|agreed)",
    r"soy (?:el|la) (?:director|directora|dueno|duena|gerente|jefe|jefa|propietari[oa]|"
    r"responsable)", r"yo decido", r"decido yo", r"lo apruebo", r"apruebo yo", r"firmo yo",
    r"la decision es mia", r"tengo la ultima palabra", r"(?:el|la) que (?:firma|decide)",
    r"quien (?:firma|decide|aprueba)",
    r"it(?:'s| is) (?:my|our) (?:call|decision)", r"the (?:call|decision) is (?:mine|ours)",
    r"(?:up|down) to me", r"the buck stops with me", r"i(?:'m| am) the decision[- ]maker",
    r"(?:i|we) (?:hold|have|control|manage) the budget",
    r"(?:given|gave) (?:me|us) the (?:go-?ahead|green light|nod|thumbs up)",
    r"i(?:'ve| have) (?:got )?(?:the )?(?:sign-?off|go-?ahead|green light)",
    r"(?:el|la) que manda (?:aqui )?soy yo", r"(?:aqui )?mando yo", r"es (?:mi|nuestra) decision",
    r"depende de mi", r"lo decido yo", r"(?:yo )?(?:autorizo|doy el visto bueno)",
    r"(?:tengo|me (?:dieron|han dado)) (?:el )?(?:visto bueno|luz verde)",
    # whoever decides has agreed: 'ya lo hablé con mi socio y está de acuerdo'
    r"(?:mi|nuestro|nuestra) (?:socio|socia|jefe|jefa|dueno|duena|director|directora|junta) "
    r"(?:y |ya |que )*(?:esta de acuerdo|dijo que si|ha dicho que si|lo (?:ha )?aprobado|lo aprobo|"
    r"dio el visto bueno)",
    r"(?:my|our) (?:partner|boss|director|owner|board|manager)(?:'s| is|'re| are) (?:on board|"
    r"happy with it|fine with it|in agreement|all for it)")
DEFERRED = _acts(  # someone else decides: not a decision-maker on the call
    r"(?:ask|check with|run (?:it|this|that) (?:by|past)|talk (?:it over )?(?:to|with)|"
    r"speak (?:to|with)|consult) (?:my|our|the) (?:boss|manager|director|partner|owner|board|"
    r"team|wife|husband)", r"(?:not|isn'?t|aren'?t) (?:the|my|our) (?:call|decision)",
    r"not the one who", r"no (?:soy|es) (?:yo )?(?:quien|el que|la que)", r"no decido yo",
    r"(?:consultarlo|consultar|hablarlo|preguntar|comentarlo|verlo|tratarlo) con (?:mi|el|la|"
    r"nuestro|nuestra|los|mis) (?:jefe|jefa|socio|socia|socios|director|directora|gerente|dueno|"
    r"junta|esposa|marido|equipo)")
REFUSAL = _acts(
    # English
    r"not interested", r"not really interested", r"no,? thank(?:s| you)", r"we'?re all set",
    r"we'?re (?:sorted|covered)", r"not for (?:us|me)",
    r"(?:we|i)'?ll pass(?! (?:it|this|that|them) (?:on|along|to))",
    r"(?:take|took) (?:us|me) off", r"remove (?:us|me)",
    r"(?:don'?t|do not|never|please don'?t) (?:call|ring|phone|contact)",
    r"stop (?:calling|ringing)",
    r"wrong number", r"(?:i'?ll|let me) stop you(?: right)? there",
    r"(?:we|i)(?:'ve| have)? (?:already )?(?:signed|gone|went|go) with (?:another|someone else|"
    r"a different|the competition)",
    r"(?:we|i) (?:don'?t|do not) (?:need|want) (?:it|that|this|any|anything|them)",
    r"not looking for anything", r"not in the market",
    r"not looking to (?:change|switch|buy|move)",
    # Spanish
    r"no,? gracias", r"no (?:me|nos) interesa", r"no (?:estamos|estoy) interesad[oa]s?",
    r"no (?:me|nos) hace falta", r"no necesitamos nada",
    r"no (?:queremos|quiero|pensamos) (?:cambiar|nada)",
    r"no (?:estamos buscando|estoy buscando|buscamos|busco) nada",
    r"no (?:me|nos) (?:vuelva|vuelvas|vuelvan) a llamar", r"no (?:me|nos) llame(?:s|n)?",
    r"(?:quiteme|quitame|quitenos|quitanos|borreme|"
    r"borrame|borrenos|sacame|saqueme|sacanos) de (?:la|su|tu|sus|tus|vuestra)",
    r"ya (?:tenemos|trabajamos con) (?:un |otro )?(?:proveedor|otra empresa)",
    r"numero equivocado", r"equivocado de numero", r"me he equivocado", r"se ha equivocado",
    r"se equivoco", r"te has equivocado", r"no insista", r"no insistas",
    r"no es para (?:nosotros|mi)",
    # Portuguese
    r"nao (?:tenho|temos) interesse", r"numero errado",
    # the wrong person, and a decision not to buy
    r"wrong person", r"there'?s no (?:one|body|\w+) (?:here|by that name|called)",
    r"(?:aqui|aca) no es", r"no es (?:aqui|aca)", r"no (?:vive|trabaja) (?:aqui|aca)",
    r"(?:decided|chosen) not to (?:go ahead|proceed|sign|buy|move forward|go with)",
    r"(?:won'?t|will not|not going to) be (?:going ahead|proceeding|signing|buying|moving forward)",
    r"no (?:vamos a|pensamos|queremos) (?:seguir adelante|firmar|contratar|comprar|avanzar|"
    r"continuar)", r"(?:hemos decidido|decidimos) no (?:seguir|firmar|contratar|comprar|avanzar|"
    r"continuar)",
    r"ya (?:lo )?(?:resolvimos|solucionamos|contratamos|arreglamos|cerramos) con otr[ao]")
DONE_ASKING = re.compile(r"\b(?:anything else|something else|any other|any more questions|"
                         r"algo mas|alguna otra|otra cosa|alguna duda|alguna pregunta)\b")
HESITANT = _acts(  # the purchase itself put off or doubted: low whatever else was asked
    r"just (?:researching|looking|browsing|comparing|kicking the t[iy]res|getting (?:an idea|a "
    r"feel|prices))", r"only (?:looking|comparing|researching|browsing)", r"looking stage",
    r"shopping around", r"not this (?:quarter|year|month)", r"(?:only|just) at the",
    r"more than we (?:planned|budgeted|wanted)", r"not sure (?:we|if|that|whether|it|about)",
    r"early days", r"(?:a )?(?:long )?way off", r"(?:too|very) early",
    r"(?:(?:todavia|aun) )?es (?:muy |demasiado )?pronto",
    r"(?:empezando|comenzando) a (?:mirar|buscar|ver)", r"(?:just )?(?:starting|beginning) to look",
    r"not ready(?: yet)?", r"(?:quite )?there yet", r"not (?:really )?on (?:our|my) radar",
    r"(?:ahora|de momento|por ahora) no (?:nos|me) (?:viene|va) bien",
    r"(?:a lo mejor|quizas?|tal vez|maybe|perhaps) (?:mas adelante|despues|el ano que viene|"
    r"el proximo ano|later|next year|after)",
    r"no (?:estamos|estoy) (?:list[oa]s?|preparad[oa]s?)",
    r"not (?:a|the) priority", r"maybe (?:next|later)",
    r"happy with (?:our|what|the)", r"(?:need|have|want) to think (?:about it|it over)",
    r"think it over", r"not right now", r"(?:reach out|call you|get in touch) when we'?re ready",
    r"(?:cuando|en cuanto) (?:estemos|este) (?:list[oa]s?|preparad[oa]s?)", r"not at the moment",
    r"circle back", r"some ?day",
    r"(?:just |only )?seeing what'?s (?:out there|available|on offer|around)",
    r"haven'?t got (?:that|so) far", r"(?:more )?(?:of )?a next year thing",
    r"no hemos llegado (?:a eso|tan lejos|hasta ahi)",
    r"not at this stage", r"still (?:working out|figuring out|deciding|thinking about) what",
    r"todavia (?:estamos|estoy) (?:viendo|decidiendo|pensando)",
    r"one day",
    r"no hay prisa", r"no es prioridad", r"no es el momento", r"no es buen momento",
    r"(?:de|por el) momento no", r"por ahora no", r"ahora mismo no",
    # 'solo estoy mirando', and what is left of it when the recogniser loses the verb
    r"(?:solo|solamente|nada mas) (?:estoy|estamos|estaba|estabamos)",
    r"solo (?:mirando|comparando|preguntando|informandome)",
    r"mas adelante", r"algun dia",
    r"(?:estamos|estoy) (?:contentos|contenta|contento|bien servidos|bien con)",
    r"no (?:estoy|estamos) (?:muy )?segur[oa]s?", r"tengo que pensarlo", r"lo tengo que pensar",
    r"pensarlo con calma", r"no (?:te|le|les|os) prometo nada",
    r"sem pressa", r"ainda nao", r"nao e o momento",
    # weighing it up, gathering information, putting it on hold
    r"weighing (?:up )?(?:our |the |my )?options", r"(?:explor|consider)ing (?:our |the )?options",
    r"(?:only |just )?gathering (?:information|info|ideas|quotes|prices)",
    r"hold fire", r"(?:on|onto) the back burner", r"put (?:it|that|this|things) on (?:hold|ice)",
    r"not (?:quite )?there yet", r"in no position to",
    r"(?:nomas|no mas|nada mas|solo|solamente|apenas) (?:estoy|estamos|ando|andamos) (?:viendo|"
    r"mirando|averiguando|cotizando|preguntando|explorando|informandome|checando)",
    r"(?:viendo|mirando|explorando|revisando|evaluando|barajando) opciones",
    r"apenas (?:estoy|estamos) (?:empezando|comenzando|averiguando|viendo|mirando)",
    r"(?:dejelo|dejalo|dejemoslo|dejenlo|lo dejamos) (?:asi|ahi|para mas adelante)",
    r"va para largo", r"(?:no hay|sin|no tenemos) apuro",
    r"not (?:until|till|before) (?:next|the new|the end of)",
    # undecided, or doubting it can be afforded: 'the owner hasn't made up her mind',
    # 'don't hold your breath', 'no sé si nos lo podemos permitir'
    r"(?:hasn'?t|haven'?t|has not|have not) (?:yet )?(?:made up (?:his|her|their|my|our) minds?|"
    r"decided(?! (?:on|about) (?:a|an|the|when)\b))", r"don'?t hold your breath",
    r"(?:don'?t|do not) know (?:if|whether) we (?:can|could|will|need)",
    r"(?:can'?t|cannot|couldn'?t) (?:really )?afford", r"no se si",
    r"no (?:nos|me) (?:lo )?(?:podemos|puedo|podriamos|podria) permitir",
    r"no (?:lo )?(?:ha|han|hemos|he) decidido",
    r"(?:happy|fine|sorted|ok|okay|good) (?:for now|as we are|as is|at the moment)",
    r"(?:contentos|bien|tranquilos) (?:por ahora|de momento|asi como estamos)",
    # a call put off for months: 'call me next month', 'llámeme el mes que viene'
    r"(?:call|ring|try) (?:me|us) (?:back |again )?(?:next (?:month|year|quarter)|in (?:a few|"
    r"a couple of|two|three|six) months|after the (?:summer|holidays|new year))",
    r"(?:llam[ae](?:me|nos)|vuelva a llamar(?:me|nos)?) (?:el (?:mes|ano|trimestre) que viene|"
    r"el (?:proximo|siguiente) (?:mes|ano|trimestre)|(?:en|dentro de) unos meses|"
    r"despues del verano)")
NOT_YET = _acts(  # hesitation, unless it answers the rep's question about money ('not yet')
    r"not yet", r"todavia no", r"aun no", r"no lo tengo claro", r"no lo tenemos claro",
    r"no sabemos todavia", r"not sure yet")
HEDGE = _acts(  # a yes that keeps the customer free: low only when nothing else was asked for
    r"i'?ll think", r"we'?ll think", r"think about it", r"let me think", r"not sure",
    r"get back to you", r"let you know", r"we'?ll see", r"no promises", r"no rush",
    r"no hurry", r"(?:not|no) in (?:a|any) (?:rush|hurry)", r"in no (?:rush|hurry)",
    r"think (?:it|this) (?:through|over)", r"pensar(?:lo|melo|noslo)",
    r"lo pienso", r"lo pensamos", r"lo (?:voy|vamos) a pensar", r"(?:me|nos) lo pensare(?:mos)?",
    r"leave it with me", r"(?:i'?ll|i will|we'?ll|we will) come back to you",
    r"ya veremos", r"lo vemos", r"ya (?:te|le|les|os) (?:digo|diremos|dire|aviso|avisamos|avisare|"
    r"llamo|llamare|escribire|contesto|confirmo|confirmare)(?: algo)?",
    r"(?:te|le|les) aviso", r"sin prisa", r"lo consulto",
    r"(?:yo )?(?:te|le|les|os) (?:escribo|llamo|marco|contacto|busco) (?:yo|cuando|luego|despues|"
    r"mas adelante)", r"(?:luego|despues) (?:te|le|les|os) (?:digo|aviso|confirmo|escribo)",
    r"(?:i'?ll|we'?ll|let me) (?:look (?:it|them) over|mull it over|sleep on it)",
    r"when things (?:calm|quiet|settle) down",
    r"(?:la|lo|las|los) (?:checo|reviso|veo) con (?:mi|el|la|los)")
INTEREST = _acts(  # a quote, a price, a demo asked for
    r"quote", r"quotation", r"proposal", r"pricing", r"price list", r"prices?", r"precios?",
    r"price (?:it |them )?(?:up|out)",
    r"how much", r"demo", r"trial", r"interested", r"send (?:me|us)", r"in writing",
    r"cotizacion", r"cotiza\w*", r"coticen", r"propuesta", r"oferta", r"demostracion",
    # 'mándeme un presupuesto' asks for a quote; 'no tenemos presupuesto' is the budget
    r"(?<!tenemos )(?<!tengo )(?<!tiene )(?<!hay )(?<!con )presupuesto",
    r"cuanto (?:cuesta|cuestan|sale|salen|vale|valen)", r"interesa\w*",
    r"(?:mand|envi|pas)(?:a|e|en)(?:me|nos)(?:l[oa]s?)?",
    r"orcamento", r"proposta",
    r"what (?:would|will|does|do) (?:that|it|this|they) (?:run|cost|set)",
    r"(?:ballpark|rough) (?:figure|price|cost)",
    r"(?:cuanto|que precio) (?:me |nos )?(?:saldria|costaria|cobrarian|cobran|seria|tendria)")
YES_NO_QUESTION = re.compile(r"^(?:are|is|would|do|does|did|estas?|estan|esta usted|le|te|les)"
                             r"\b.*\?\s*$")
NEGATED_BEFORE = re.compile(r"\b(?:not|no|never|nothing|won'?t|can'?t|isn'?t|aren'?t|nunca|nada|"
                            r"todavia no|aun no|nao)\s+(?:\w+\s+){0,2}$")
SHARED_STEP = re.compile(r"\b(?:schedule|set up|book\w*|follow up|call|demo|trial|meeting|contract|"
                         r"sign|llam\w*|demostracion|reunion|contrato|firmar|agend\w*)\b")
STEP_WORDS = re.compile(r"\b(?:pasarme|pasarnos|pasar por|me paso|nos pasamos|ir a ver|vernos|"
                        r"come (?:round|around)|engineer|technician|installer|fitter|tecnico|"
                        r"tomar medidas|take measurements|measure up|"
                        r"quedamos|quedar|reunirnos|"
                        r"cita|visit\w*|instalacion|installation|install|fitting|delivery|"
                        r"appointment|entrega|show you|walk you through|come by|drop by|"
                        r"pop (?:in|by|over)|"
                        r"stop by|swing by|site visit|survey|walk-?through|catch up)\b")
NEXT_STEP = re.compile(r"\b(send|schedule|set up|book|follow up|call (?:me|you|back)|demo|trial|"
                       r"quote|proposal|meeting|contract|envio|mando|llamo|demostracion|"
                       r"cotizacion|propuesta|contrato|reunion|oferta)\b", re.I)


def _time_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The call's language's time phrases: dates and spans, then times given by an event."""
    return (TIME_ES, EVENT_ES) if lang in ("es", "pt") else (TIME_EN, EVENT_EN)


def _past(text: str, m: re.Match[str]) -> bool:
    """The phrase is a length of time gone by: 'had it for three years', 'ten years old'."""
    before, after = fold(text[:m.start()]), fold(text[m.end():])
    return bool(re.match(r"\s+(?:ago|old|long|atras)\b", after) or (
        DURATION.match(fold(m.group(0))) and re.search(
            r"\b(?:for|the past|the last|over the last|hace|desde hace|durante)\s+$", before)))


def _earliest(text: str, m: re.Match[str]) -> bool:
    """'not before the spring', 'not until ...': the phrase is the earliest time, not denied."""
    return bool(re.match(r"(?:before|until|till|antes|hasta|ate)\b", fold(m.group(0)))
                and re.search(r"\b(?:not|no)\s+$", fold(text[:m.start()])))


def _negated(text: str, m: re.Match[str]) -> bool:
    """The phrase is denied ('not in March'), unless it is 'not until' ('not until after the
    audit'), which gives the earliest time."""
    before = fold(text[:m.start()])
    return bool(re.search(r"\b(?:not|no|nor|never)\s+(?:\w+\s+)?$", before)) and \
        not re.search(r"\b(?:not|no)\s+(?:until|till|before|hasta|antes de)\s+$", before)


def _times_said(text: str, time: re.Pattern[str]) -> list[re.Match[str]]:
    """The phrases of `time` in the sentence that are neither denied nor a time gone by."""
    return [m for m in time.finditer(text)
            if (_earliest(text, m) or not _negated(text, m)) and not _past(text, m)]


def _chosen(text: str, hits: list[re.Match[str]], cue: re.Match[str] | None) -> re.Match[str]:
    """Of the time phrases in a sentence, the one meant: what follows a correction ('in April,
    actually no, make it May'), else the one nearest the verb ('ends in February, so we'd switch
    in March'), else the first with its own preposition ('before the summer campaign, in May')."""
    fix = TAKEN_BACK.search(fold(text))
    if fix:
        return next((h for h in hits if h.start() >= fix.end()), hits[-1])
    if cue:
        return min(hits, key=lambda h: abs(h.start() - cue.start()))
    return next((h for h in hits if TIME_PREPOSITION.match(fold(h.group(0)))), hits[0])


def _as_said(text: str, m: re.Match[str]) -> str:
    """The phrase as the timeline's value: without 'make it'/'say', in lower case where it opens
    the sentence or with its preposition, and with the 'not' of 'not before'."""
    value = re.sub(r"^(?i:make it|say|rather)\s+", "", m.group(0).strip())
    if m.start() == 0 or text[:m.start()].strip() in ("", ",") or \
            TIME_PREPOSITION.match(fold(value)):
        value = value[0].lower() + value[1:]
    neg = re.search(r"(?i:\b(?:not|no)\s+)$", text[:m.start()])
    if neg and _earliest(text, m):
        value = neg.group(0).lower() + value
    return value


def _time_in(text: str, lang: str, answer: bool, loose: bool = False) -> str | None:
    """The time a sentence gives for starting or buying: a phrase next to a verb of starting,
    buying or deciding, or anywhere when the sentence answers "when?" (`answer`) or when any
    phrase will do (`loose`); a date said wins over an event ('en cuanto terminen las obras, a
    finales de mayo'). None for 'no plans' and for a meeting on a day (a next step)."""
    low = fold(text)
    if NO_PLANS.search(low) or (MEETING.search(low) and DAY_OR_DATE.search(low)):
        return None
    cue = TIMELINE_CUE.search(low)
    if not (cue or answer or loose):
        return None
    pattern, events = _time_patterns(lang)
    hits = _times_said(text, pattern) or _times_said(text, events)
    if not hits:
        return None
    return _as_said(text, _chosen(text, hits, cue))


def _corrected(ctx: CallContext, s: Said) -> Evidence[str] | None:
    """A time given by a correction later in the same customer turn ('In March. Sorry, make it
    April'), or in the sentence after one that ends taking its time back."""
    after = [x for x in ctx.customer if x.turn == s.turn and ctx.said.index(x) >
             ctx.said.index(s)]
    later = [x for x in after if TAKEN_BACK.search(fold(x.text))]
    low = fold(s.text)
    fix = list(TAKEN_BACK.finditer(low))
    if fix and after and not re.search(r"\w", low[fix[-1].end():]):
        # the sentence ends taking it back: 'By the end of March, no wait, scratch that.' 'The
        # end of April, ...'
        later.insert(0, after[0])
    for x in later:
        value = _time_in(x.text, ctx.lang, True)
        if value:
            return Evidence[str](value=value, quote=x.text)
    return None


def _short_answer(s: Said) -> str | None:
    """A bare answer to "when?" opening with a preposition: 'Before the harvest.'"""
    short = re.fullmatch(r"((?:before|after|by|until|antes de|despues de|para|hasta)\s+"
                         r"(?:\S+\s+){0,4}\S+?)[.!]?", s.text.strip(), re.I)
    if not short or MEETING.search(fold(s.text)):
        return None
    value = short.group(1)
    return value[0].lower() + value[1:]


def _customer_time(ctx: CallContext) -> Evidence[str] | None:
    """The first customer sentence giving a time by a verb or in answer to "when?" (a later
    correction in its turn wins), or a short answer to "when?"."""
    for s in ctx.customer:
        answer = bool(TIMELINE_QUESTION.search(fold(ctx.previous_rep(s))))
        value = _time_in(s.text, ctx.lang, answer)
        if value:
            return _corrected(ctx, s) or Evidence[str](value=value, quote=s.text)
        short = _short_answer(s) if answer else None
        if short:
            return Evidence[str](value=short, quote=s.text)
    return None


GOING_LIVE = re.compile(r"\b(?:have you live|go live|you(?:'ll| will) be live|up and running|"
                        r"estara funcionando|estaran funcionando)\b")


def _rep_time_accepted(ctx: CallContext) -> Evidence[str] | None:
    """A time the rep proposes that the customer takes up ('We can switch you over from the
    first of next month.' 'Go ahead.'), or the rep's date for going live."""
    for s in ctx.rep:
        reply = ctx.reply_to(s)
        accepted = reply is not None and bool(
            AGREE.search(fold(reply.text)) or COMMIT.search(fold(reply.text)))
        if accepted or GOING_LIVE.search(fold(s.text)):
            value = _time_in(s.text, ctx.lang, False)
            if value:
                return Evidence[str](value=value, quote=s.text)
    return None


def _loose_time(ctx: CallContext) -> Evidence[str] | None:
    """Any time phrase the customer says on its own ('maybe next year'), unless the call is a
    refusal; one with its preposition first ('we do the rotas on spring sheets' ... 'maybe
    towards the end of the year': the bare word may be the recogniser's)."""
    if any(REFUSAL.search(fold(s.text)) for s in ctx.customer):
        return None
    loose = [(s, v) for s in ctx.customer if (v := _time_in(s.text, ctx.lang, False, loose=True))]
    framed = [(s, v) for s, v in loose if TIME_PREPOSITION.match(fold(v))]
    for s, value in framed[:1] or loose[:1]:
        return Evidence[str](value=value, quote=s.text)
    return None


def timeline(ctx: CallContext) -> Evidence[str] | None:
    """When the customer means to buy or start, the first of: a time phrase the customer says
    next to a verb of starting, buying or deciding, or in answer to "when?" (a correction in the
    same turn wins: "In April. Actually no, make it May"); a time the rep proposes that the
    customer accepts; a time phrase the customer says on its own ("maybe next year"), unless the
    call is a refusal. Meetings are next steps, not this."""
    return _customer_time(ctx) or _rep_time_accepted(ctx) or _loose_time(ctx)


@dataclass(frozen=True)
class _Signals:
    """What a call shows about buying, from the customer's side of it."""

    refused: Evidence[Intent] | None  # a refusal, a wrong number
    committed: Evidence[Intent] | None  # 'I'll sign it this week', 'cuenta conmigo'
    next_step: Evidence[Intent] | None  # a dated next step the customer accepts
    hedged_step: bool  # ... accepted with a hedge ('send it and I'll think about it')
    decision_maker: bool  # the customer decides, or brings whoever does
    hesitant: Evidence[Intent] | None  # the purchase put off or doubted: 'de momento no'
    hedge: Evidence[Intent] | None  # 'I'll get back to you', 'ya te digo algo'
    interest: Evidence[Intent] | None  # a quote, a price, a demo asked for
    support: bool = False  # the rep answers as a support desk: a call about what they have
    took_offer: Evidence[Intent] | None = None  # a yes to the rep's 'I'll send you a quote'


OFFER_TO_SEND = re.compile(
    r"\b(?:i'?ll|i will|let me|shall i|can i|should i|do you want me to|would you like me to|"
    r"i can|i could) (?:e-?mail|send|post|forward|drop|pop|get|put|draw up|prepare)\b.*"
    r"\b(?:quote|quotation|proposal|pricing|prices|brochure|information|info|details|options|"
    r"catalogue|catalog|case stud(?:y|ies)|samples?|examples?|references|link|brochures|specs?|"
    r"spec sheets?|datasheets?)\b"
    r"|\b(?:le|te|les) (?:mando|envio|paso|preparo|hago|mandamos|enviamos|preparamos|hacemos)\b.*"
    r"\b(?:propuesta|cotizacion|presupuesto|catalogo|informacion|oferta|precios|muestras?|"
    r"ejemplos|folletos?|enlace|fichas?)\b")
# an address or a number given for it: 'rob at mills hardware dot com'
CONTACT_GIVEN = re.compile(r"\b(?:at|arroba)\b.*\b(?:dot|punto)\b|@|\d{3}")
BARE_YES = re.compile(r"^\W*(?:go for it|go ahead|yes|yeah|sure|please do|si|claro|adelante)\b")
THANKS = re.compile(r"^\W*(?:cheers|thanks|thank you|ta|lovely|brilliant|great|gracias|"
                    r"muchas gracias|mil gracias)\b")
STARTS = re.compile(r"\b(?:empez\w+|comenz\w+|arranc\w+|start\w*|begin|kick off)\b")
WHEN = re.compile(r"\b(?:when|what day|which day|what time|cuando|que dia|que hora)\b")
DECIDER_ASKED = re.compile(r"\b(?:are you|would you be|is it you|will you be|is that you) (?:the )?"
                           r"(?:one|person|decision[- ]maker|who)\b.*\b(?:sign|decid|approv|"
                           r"final say|call|budget)|\bquien (?:toma|tomara|tiene) la (?:decision|"
                           r"ultima palabra)|\b(?:es|seria|sera) usted (?:quien|el que|la que) "
                           r"(?:decide|firma|aprueba)")
I_DO = re.compile(r"^\W*(?:yes|yeah|yep|that'?s me|it'?s me|i am|i do|me|that would be me|"
                  r"si|yo|soy yo)\b")
# what is only put off, not refused
FOR_NOW = re.compile(r"\b(?:de momento|por ahora|por el momento|ahora mismo|todavia|aun|for now|"
                     r"right now|at the moment|yet|this year|este ano)\b")
DECIDER_ROLE = re.compile(r"\b(?:ceo|cfo|coo|owner|founder|director|partners?|board|boss|"
                          r"decision[- ]makers?|dueno|duena|gerente|director[a]?|socios?|socia|"
                          r"jefe|jefa|junta)\b")
INTEREST_ASKED = re.compile(r"\b(?:(?:are|would) you (?:be )?(?:still )?interested|"
                            r"(?:le|te|les|os) interesa\w*\s*\?|estar\w* interesad)")
MONEY_QUESTION = re.compile(r"\b(?:budget|spend|invest|afford|figure|how much|presupuesto|"
                            r"invertir|gastar|orcamento)\b")
_NEGATOR = re.compile(r"^(?:not|no|nao|todavia|aun|nothing|never)\b")
# the rep asks to close the sale: a yes to it is a commitment
CLOSING = _acts(
    r"(?:raise|place|put through|process|confirm|submit|go ahead with|proceed with) (?:the|your|"
    r"an|that|this) (?:order|purchase)", r"put (?:the|your|that) order through",
    r"(?:shall|should|can|do) (?:i|we) (?:go ahead|proceed|get (?:it|this|that) (?:started|going|"
    r"booked))", r"(?:send|draw up|prepare) (?:you |over )?the (?:contract|paperwork|agreement|"
    r"order form)", r"sign you up",
    r"(?:reserve|hold|set aside|put aside|order|book) (?:the|those|these|them|it|that|some|your)"
    r"(?: \w+)? for you", r"(?:se|te) (?:lo|la|los|las) (?:reservo|aparto|pido|encargo)",
    r"(?:seguimos|procedemos|avanzamos) con (?:el|la|los|las) (?:pedido|contrato|compra|orden|"
    r"instalacion)", r"lock (?:in|it in) (?:the|that|this|your) (?:price|rate|deal|order)",
    r"lock (?:that|it|this) in", r"(?:lo|la) dejamos (?:cerrad[oa]|list[oa]|firmad[oa])",
    r"(?:le|te|les) (?:preparo|mando|envio|paso) el (?:contrato|pedido)",
    r"(?:would you like|do you want|are you happy|are you ready) to (?:go ahead|proceed|order|"
    r"sign|buy|place the order)", r"put (?:you|them) down for", r"sign you up for",
    r"(?:tramit|proces)\w+ (?:el|la) (?:pedido|orden|compra)",
    r"cerramos (?:el )?(?:trato|pedido|acuerdo)", r"hacemos el pedido")
# what a customer says to get ready for the rep's visit: taking it up with no word of assent
PREPARES = _acts(
    r"(?:i|we)(?:'ll| will|ll)? (?:make sure|have (?:the|it|them|everything|someone|somebody) "
    r"(?:\w+ )?(?:ready|there|in|cleared|free|out)|get (?:the|it|them|everything) (?:\w+ )?"
    r"(?:ready|cleared|sorted)|be (?:in|there|here|around|ready|waiting|at the)|leave (?:the|a) "
    r"(?:key|gate|door))", r"someone(?:'ll| will|'s| is) (?:be )?(?:in|there|here|around)",
    r"(?:te|le|les|los|las) (?:espero|esperamos)",
    r"(?:lo|la|los|las|te|le) (?:tengo|tenemos|dejo|dejamos) (?:list[oa]s?|preparad[oa]s?|todo)",
    r"(?:ahi|alli|aqui) (?:estare|estaremos|estamos)")
# an offer of the speaker's own action, a rep's act: in a customer's turn it is the rep's words
# heard in the wrong turn, not the customer proposing a step
OFFER = re.compile(r"^(?:¿\s*)?(?:(?:so|and|ok|okay|y|entonces|bueno),?\s+)?(?:would it help if i|"
                   r"(?:shall|should|can|could|may) i\b|do you want me to|would you like me to|"
                   r"(?:want|like) me to|(?:le|te|les) (?:parece|viene bien|va bien) (?:si|que)|"
                   r"(?:quiere|quieres|quieren|desea) que (?:le|te|les)|(?:le|te|les) (?:agendo|"
                   r"mando|envio|paso|llamo)\b)")
# the rep's first turn names a support or service desk: the call is about what the customer has
SUPPORT_DESK = _acts(
    r"(?:technical |tech |customer )?support", r"help ?desk", r"service desk",
    r"customer (?:service|care)", r"faults? (?:line|desk|team)", r"servicio (?:tecnico|de "
    r"asistencia|al cliente)", r"soporte(?: tecnico)?", r"atencion al cliente",
    r"(?:linea de )?(?:incidencias|averias)")
_IF_BEFORE = re.compile(r"\b(?:if|unless|whether|in case|y si|si es que|en caso de que|"
                        r"siempre que|solo si|a menos que)\b[^,.;]*$")
_YOU_BEFORE = re.compile(r"\b(?:you'?re|you are|you'?ll|you will|you'?d|are you|so you|usted|"
                         r"ustedes|vosotros)\s+(?:[\w']+\s+){0,2}$")
_ASKS_BACK = re.compile(r"^(?:¿\s*)?(?:(?:are|am|do|did|should|shall) (?:we|i)|(?:is|does) "
                        r"(?:it|that|this))\b")  # 'are we ready to sign', not 'do it'
_REQUEST = re.compile(r"^(?:¿\s*)?(?:(?:so|and|then|ok|okay|y|entonces),?\s+)?(?:can|could|"
                      r"would|will) you\b|^(?:¿\s*)?(?:me |nos )?(?:puede|puedes|podria|podrias|"
                      r"pueden|podrian)\b")
# a question by its form, not only its mark: the recogniser puts '¿...?' round Spanish statements
# ('¿cuentas conmigo?' for 'cuenta conmigo')
_INTERROGATIVE = re.compile(r"^(?:¿\s*)?(?:(?:y|and|so|but|pero|entonces),?\s+)?(?:what|when|"
                            r"how|why|which|who|where|are|is|am|do|does|did|should|shall|can we|"
                            r"could we|will|would|have|has|que|cuando|como|por que|cual|quien|"
                            r"donde|y si|si|tengo que|tenemos que|hay que|hace falta|debemos|"
                            r"deberiamos|podemos|puedo)\b")
_ANSWER_WORD = re.compile(r"\b(?:yes|yeah|no|si|nope)\b")


def _said(pattern: re.Pattern[str], low: str) -> bool:
    """The act is said and not negated just before it ('not ready to sign', 'no está aprobado',
    'we're not happy with our supplier'); a phrasing that is itself a negation counts as said."""
    return any(_NEGATOR.match(m.group(0)) or not NEGATED_BEFORE.search(low[:m.start()])
               for m in pattern.finditer(low))


def _asserted(pattern: re.Pattern[str], low: str) -> bool:
    """The act is said (`_said`) as the customer's own: not asked ('are we ready to sign?', '¿y
    si lo firmamos este mes?': a question mark and a question's opening; a request, 'could you
    send the contract?', is not a question here), not in an if-clause ('if we go ahead, ...')
    and not said of 'you' (the rep's words heard in the customer's turn: 'so you're happy to go
    ahead')."""
    asked = low.rstrip().endswith("?") and bool(_INTERROGATIVE.search(low)) and \
        not _REQUEST.search(low)
    for m in pattern.finditer(low):
        before = low[:m.start()]
        if NEGATED_BEFORE.search(before) and not _NEGATOR.match(m.group(0)):
            continue
        if asked or _IF_BEFORE.search(before) or _YOU_BEFORE.search(before) or (
                _ASKS_BACK.match(low) and not _ANSWER_WORD.search(before)):
            continue
        return True
    return False


def _kept(sentences: list[str]) -> list[str]:
    """A customer turn as it stands after a correction: what follows the first word that takes
    back what was just said ('Yes, Tuesday. Actually no, let me ask my partner first' is the
    part after 'actually'); the whole turn when nothing follows it."""
    for i, low in enumerate(sentences):
        fix = TAKEN_BACK.search(low)
        if fix:
            rest = [low[fix.end():], *sentences[i + 1:]]
            return rest if re.search(r"\w", " ".join(rest)) else sentences
    return sentences


def _accepts(reply: list[str], proposal: str) -> bool:
    """The customer's reply (its sentences, folded, as they stand after a correction) takes up
    the proposal: a word of assent, a commitment or the decision-maker said as the customer's own,
    the day said back, or getting ready for the visit ('I'll make sure someone's in'), when the
    recogniser lost the word of assent; not when it turns it down or puts it off ('hold off on
    that', 'mejor mándame la propuesta')."""
    said = " ".join(reply)
    if REFUSAL.search(said) or DECLINE.search(said):
        return False
    # 'the partners have already signed [off] on it': a commitment or the decision-maker said
    # in reply takes it up too
    return any(_asserted(act, low) for low in reply for act in (AGREE, COMMIT, DECISION_MAKER)) \
        or _echoes(said, proposal) or any(_asserted(PREPARES, low) for low in reply)


def _next_step(ctx: CallContext) -> tuple[Evidence[Intent] | None, bool, bool]:
    """The first dated next step the customer takes up without a hedge (else the last hedged
    one), whether it was hedged, and whether whoever decides will be there (a call with your
    CFO on Friday?' 'Friday's fine')."""
    step: Evidence[Intent] | None = None
    hedged = with_decider = False
    for i, s in enumerate(ctx.said):
        low = fold(s.text)
        if not DAY_OR_DATE.search(low):
            continue
        if s.role == "rep" and not (MEETING.search(low) or SHARED_STEP.search(low) or
                                    STEP_WORDS.search(low)):
            continue  # a meeting, a call, a demo; a quote sent 'this week' is not one
        if s.role == "customer" and OFFER.search(low):
            continue  # 'would it help if I came out on Tuesday?': the rep's offer, misheard
        if s.role == "customer" and not (MEETING.search(low) or STEP_WORDS.search(low) or
                                         AGREE.search(low) or _when_asked(ctx, s)):
            continue  # 'the 9th is fine' is a step; 'before our contract starts on the 1st' not
        if s.role == "customer":  # the customer proposing it, unless taken back in the turn
            rest = [fold(x.text) for x in ctx.said[i:] if x.turn == s.turn]
            reply = [low] if _kept(rest) is rest else _kept(rest)
            if reply == [low] and not AGREE.search(low):
                reply = ["yes", low]
        else:
            replies = [x for x in ctx.said[i:] if x.role == "customer" and x.turn > s.turn]
            reply = _kept([fold(x.text) for x in replies if x.turn == replies[0].turn]
                          if replies else [])
        if reply and _accepts(reply, low):
            said = " ".join(reply)
            hedged = bool(HEDGE.search(said) or HESITANT.search(said))
            step = Evidence[Intent](value="high", quote=s.text)
            # 'a call with your CFO on Friday?' 'Friday's fine': whoever decides will be there
            with_decider = bool(s.role == "rep" and DECIDER_ROLE.search(low))
            if not hedged:
                break
    return step, hedged, with_decider


def _replies(ctx: CallContext, asked: re.Pattern[str]) -> list[tuple[Said, Said, list[str]]]:
    """Each rep sentence that says `asked`, the customer's answer to it (the first sentence of
    the next turn) and that turn's sentences, folded, as they stand after a correction."""
    out = []
    for r in ctx.rep:
        reply = ctx.reply_to(r) if asked.search(fold(r.text)) else None
        if reply is not None:
            out.append((r, reply, _kept([fold(x.text) for x in ctx.customer
                                         if x.turn == reply.turn])))
    return out


def _takes_offer(ctx: CallContext) -> Evidence[Intent] | None:
    """The customer takes up the rep's offer to send a quote, a proposal or information ('I'll
    email you a quote this afternoon.' 'Cheers, I'll have a look.'): interest, though asked for
    in the rep's words."""
    for r, reply, turn in _replies(ctx, OFFER_TO_SEND):
        if _accepts(turn, fold(r.text)) or any(THANKS.match(low) or CONTACT_GIVEN.search(low)
                                               for low in turn):
            return Evidence[Intent](value="medium", quote=reply.text)
    return None


def _says_they_decide(ctx: CallContext) -> bool:
    """The rep asks whether the customer decides and the customer says so: 'Are you the person
    who signs off on this?' 'That's me.'"""
    return any(I_DO.match(fold(reply.text)) for _, reply, _ in _replies(ctx, DECIDER_ASKED))


def _when_asked(ctx: CallContext, s: Said) -> bool:
    """The rep asked when the step is to be ('¿Cuándo podemos hacer la instalación?'), so the
    customer's day is the step."""
    asked = fold(ctx.previous_rep(s))
    return bool(WHEN.search(asked) and (MEETING.search(asked) or STEP_WORDS.search(asked) or
                                        SHARED_STEP.search(asked) or STARTS.search(asked)))


def _closed(ctx: CallContext) -> Evidence[Intent] | None:
    """The rep asks to close ('Shall I put the order through?', '¿Seguimos con el pedido?') and
    the customer's answer takes it up without a hedge: a commitment given as a word of assent."""
    for r, reply, turn in _replies(ctx, CLOSING):
        said = " ".join(turn)
        if _accepts(turn, fold(r.text)) and not (HEDGE.search(said) or HESITANT.search(said)):
            return Evidence[Intent](value="high", quote=reply.text)
    return None


def _support_call(ctx: CallContext) -> bool:
    """The rep's first turn answers for a support or service desk ('Clearpath support, you're
    speaking with Owen', 'Servicio técnico, le atiende...')."""
    opening = next((s.turn for s in ctx.rep), None)
    return any(SUPPORT_DESK.search(fold(s.text)) for s in ctx.rep if s.turn == opening)


def _signals(ctx: CallContext) -> _Signals:
    customer = [(s, fold(s.text)) for s in ctx.customer]

    def first(value: Intent, pattern: re.Pattern[str],
              keep: Callable[[Said, str], bool] = lambda s, low: True,
              read: Callable[[re.Pattern[str], str], bool] = _said) -> Evidence[Intent] | None:
        hit = next((s for s, low in customer if read(pattern, low) and keep(s, low)), None)
        return Evidence[Intent](value=value, quote=hit.text) if hit else None

    step, hedged, with_decider = _next_step(ctx)

    def not_about_money(s: Said, low: str) -> bool:  # 'Do you have a budget?' 'Not yet.'
        return not MONEY_QUESTION.search(fold(ctx.previous_rep(s)))

    def not_closing(s: Said, low: str) -> bool:  # 'Anything else?' 'No, thanks.'
        # and not for now only: 'pero de momento no vamos a comprar nada' puts it off
        return not DONE_ASKING.search(fold(ctx.previous_rep(s))) and not FOR_NOW.search(low)

    def not_offered(s: Said, low: str) -> bool:  # 'Can I send over case studies?' 'Go for it.'
        return not (OFFER_TO_SEND.search(fold(ctx.previous_rep(s))) and BARE_YES.match(low))

    def asks(s: Said, low: str) -> bool:  # '¿le interesa?' heard in the customer's turn
        return not INTEREST_ASKED.search(low)

    def decides(low: str) -> bool:
        return _asserted(DECISION_MAKER, low) and not DEFERRED.search(low)

    hesitant = first("low", HESITANT) or first("low", NOT_YET, not_about_money)
    return _Signals(
        refused=first("none", REFUSAL, not_closing),
        committed=first("high", COMMIT, not_offered, read=_asserted) or _closed(ctx),
        next_step=step, hedged_step=hedged,
        decision_maker=with_decider or any(decides(low) for _, low in customer)
        or _says_they_decide(ctx),
        hesitant=hesitant, hedge=first("low", HEDGE), interest=first("medium", INTEREST, asks),
        support=_support_call(ctx), took_offer=_takes_offer(ctx))


def buying_intent(ctx: CallContext, budget: bool, products: bool) -> Evidence[Intent]:
    """Buying intent as a decision over what the customer did in the call, first that holds:

    1. a refusal or a wrong number: none;
    2. a commitment ('count me in', 'send the contract', 'lo apruebo', or a yes to the rep's
       'shall I put the order through?'): high;
    3. a support call (the rep answers for a support desk) with nothing asked for and no budget:
       none, whatever visit was booked;
    4. a dated next step the customer accepts without a hedge, with a budget or a decision-maker
       behind it: high;
    5. the purchase put off or doubted ('just looking', 'de momento no'), with no such step: low;
    6. a hedge ('I'll think about it', 'ya te digo algo') with nothing asked for and no step
       taken up: low;
    7. products asked about, a budget given, a dated step accepted, or a quote or demo asked
       for: medium; else none.

    What counts as said: a commitment or a decision is the customer's own, not asked back, not
    in an if-clause, not negated and not said of 'you' (`_asserted`); an acceptance is read from
    what stands after a correction in the reply (`_kept`), and from the day said back or getting
    ready for the visit when the recogniser lost the word of assent (`_accepts`)."""
    sig = _signals(ctx)
    firm_step = sig.next_step is not None and not sig.hedged_step
    if sig.refused:
        return sig.refused
    if sig.committed:
        return sig.committed
    if sig.support and not (sig.interest or budget):
        return Evidence[Intent](value="none", quote="")
    if sig.next_step and firm_step and (budget or sig.decision_maker):
        return sig.next_step
    if sig.hesitant and not firm_step:
        return sig.hesitant
    if sig.hedge and not (sig.interest or sig.next_step or sig.took_offer):
        return sig.hedge
    if sig.next_step or products or budget or sig.interest or sig.took_offer:
        quote = sig.interest.quote if sig.interest else sig.next_step.quote if sig.next_step \
            else sig.took_offer.quote if sig.took_offer else ""
        return Evidence[Intent](value="medium", quote=quote)
    return Evidence[Intent](value="none", quote="")


_DATE_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|"
                        r"\d{1,2}(?:st|nd|rd|th)|(?:first|second|third|fourth|fifth|sixth|"
                        r"seventh|eighth|ninth|tenth|\w+teenth|twentieth|thirtieth)|lunes|martes|"
                        r"miercoles|jueves|viernes|sabado|domingo|manana|segunda|terca|quarta|"
                        r"quinta|sexta|amanha)\b")
_NOT_THEN = re.compile(r"\b(?:not|no|nor|can'?t|cannot|won'?t|isn'?t|doesn'?t|don'?t|busy|away|"
                       r"tricky|difficult|hard|bad|awkward|complicado|complicada|dificil|mal|"
                       r"nao|imposible|ocupad[oa]s?)\b")


def _echoes(reply: str, proposal: str) -> bool:
    """The customer says back the day the rep proposed, without turning it down: 'book a call on
    the 14th' 'The 14th is [fine]', when the recogniser lost or misheard the word of assent."""
    days = set(_DATE_WORD.findall(proposal))
    return bool(days & set(_DATE_WORD.findall(reply))) and not _NOT_THEN.search(reply)
