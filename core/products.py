"""The products of interest, read by the offline extractor: what the customer asks about, wants
a quote for, or has and wants replaced ("our old diesel generator is outdated"), and, when there
is a product catalog, the items matched to it (`match_catalog`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from core.agreement import REFUSAL
from core.call_context import FRAGMENT, CallContext, Said, answers_to
from core.normalize import ADDITIVE, fold
from core.parsed_products import Parse, requested
from core.roles import wrong_number
from models.analysis import Evidence

# a frame of wanting, then a verb of getting or of finding out: 'I was hoping to book', 'could
# we trial', 'is it possible to rent', 'calling to find out about' (English and Spanish)
_WANT_EN = (r"(?:(?:i|we)(?:'d| would)? (?:like|love|want|need|hope|prefer|plan|intend|mean)|"
            r"(?:i|we)(?:'m| am|'re| are| was| were) (?:hoping|looking|keen|trying|planning|"
            r"wanting|meaning|calling|ringing|phoning|writing|here)|(?:i|we) (?:wanted|needed|"
            r"hoped|meant|just want|just wanted)|(?:is it|would it be) possible|any chance|"
            r"(?:calling|ringing|phoning|writing))( to| you could| i could| we could)"
            r"|(?:can|could|may|might) (?:i|we)(?: please)?|someone to|somebody to")
_GET_EN = (r"(?:buy|get|order|book|rent|hire|lease|trial|try|test|purchase|price up|price|"
           r"find out (?:more )?about|hear (?:more )?about|learn (?:more )?about|know (?:more )?"
           r"about|install|fit|service|repair|"
           r"replace|upgrade|add|set up|sort out|arrange|organise|organize|discuss|talk about|"
           r"chat about|look at|look into|check out|have a look at)")
_ASK_NOUN = (r"(?:a |an |some )?(?:ballpark|price|quote|figure|estimate|rough idea of (?:the )?"
             r"(?:price|cost)) (?:on|for|of)")
_WANT_ES = (r"(?:queria|quisiera|queremos|quiero|queriamos|necesito|necesitamos|me gustaria|"
            r"nos gustaria|busco|buscamos|vengo a|venia a|llamo para|llamaba para|le llamo para|"
            r"le llamaba para|podria|podrian|puedo|podemos|alguien que (?:me|nos)|"
            r"(?:me|nos) (?:podria|podrian|puede|pueden))")
_GET_ES = (r"(?:comprar|contratar|alquilar|arrendar|pedir|encargar|cotizar|consultar(?:les|le)? "
           r"(?:por|sobre)|preguntar(?:les|le)? (?:por|sobre)|informarme (?:sobre|de)|saber (?:el "
           r"precio|precio|cuanto cuesta|cuanto cuestan|cuanto vale) (?:de|del)|instalar|instale|"
           r"instalen|cambiar|reemplazar|renovar|poner|ponga|pongan|montar|monte|probar|ver|"
           r"conocer|reservar|arreglar|arregle|reparar|repare|dar (?:el )?precio (?:de|del)|"
           r"pasar (?:el )?precio (?:de|del))")
_SELL_ES = (r"(?:trabajan|alquilan|venden|instalan|reparan|hacen|ofrecen|tienen|distribuyen|"
            r"fabrican|"
            r"arreglan|montan|trabajan con|llevan|manejan)")
PRODUCT_CUES_EN = (
    rf"(?:{_WANT_EN}) (?:me |us )?(?:a quote for |a price for |a demo of |a trial of )?{_GET_EN}"
    rf"(?: (?:me|us)(?: with)?)?(?= )|{_ASK_NOUN}|"
    r"(?:supply|provide|fit|kit) (?:us|me) (?:out )?with|(?:you'?d|you would|you might|you may) "
    r"(?:have|do|sell|stock|offer)|the (?:idea|plan|aim|goal) (?:is|was) to (?:get|buy|put in|"
    r"install|have)|the (?:big|main|first) one (?:for (?:us|me) )?is|"
    r"(?:have|has) (?:you|they) got|have you any|(?:we'?re|i'?m|we are|i am) keen on|"
    r"(?:it'?s|this is|i'?m calling|we'?re calling) (?:all )?about (?=getting |buying |a |an |"
    r"the |some |your )(?:getting |buying )?|"
    r"(?:what (?:i|we) (?:really |actually )?(?:need|want|'?m after|'?re after|am after|are after|"
    r"'?m looking for|'?re looking for|am looking for|are looking for) is|"
    r"(?:a |some )?(?:quotes?|quotation|estimate) (?:for|on)|quote (?:me|us) (?:for|on)|"
    r"(?:saw|seen|read|noticed|found) (?:your|an|the) (?:ad|advert|advertisement|post|listing|"
    r"offer|page) (?:for|about|on)|(?:switching|migrating|changing) (?:over )?to|"
    r"moving (?:over )?to (?=your |their )|"
    r"(?:looking|hoping|planning|wanting|trying) to (?:buy|get|purchase|order|lease|rent|hire|"
    r"replace|upgrade)|(?:to )?ask about (?=your |the |a |an )|in the market for|"
    r"(?:we'?re|i'?m) after|thinking (?:about|of) (?:getting|buying)|"
    r"(?:a )?demo of|(?:a )?trial of|charge for|how much (?:is|are|does|do|would) (?:the |your )?|"
    r"interested in|looking (?:at|for|into)|(?:having|have|take|taking) a look at|"
    r"(?:want|would like|'d like) to (?:look at|buy|get|"
    r"try|see|replace|swap|switch|upgrade)|a quote (?:for|on)|curious about|pricing (?:for|on)|"
    r"prices? (?:for|of|on)|information "
    r"(?:on|about)|details (?:on|about)|asking about|asked about|enquir(?:ed|ing) about|"
    r"inquir(?:ed|ing) about|tell me (?:more )?about|considering|evaluating|researching|"
    r"comparing|compare|"
    r"replace|replacing|upgrade|upgrading|switch(?:ing)? from|"
    r"(?:(?:do|can|could|would) you|(?:if|whether) you (?:can|could|would|do)) "
    r"(?:guys |folks |people )?(?:have|offer|sell|do|supply|stock|provide|install|fit|repair|"
    r"service|hire out|rent out|rent)|the reason (?:i'?m|we'?re|i am|we are) "
    r"(?:calling|ringing|phoning|in touch) is|"
    r"(?:calling|ringing|phoning|call|ring) (?:you )?(?:about|regarding)|we'?d need|"
    r"shopping (?:for|around for)|(?:'d|would) love to (?:get|have|try|buy|see)|"
    r"price (?:up|out)|(?:put|get|give) (?:me |us )?a price on|cost (?:up|out)|"
    r"(?:move|moving|switch|switching|migrate|migrating|upgrade|upgrading) (?:[\w-]+ ){0,3}?"
    r"(?:(?:onto|on to|unto|into|over to) (?=a |an |the |your |some )|to (?=your |their ))|"
    r"(?:what|the (?:one |only |main |big |first |key |other )?thing) (?:that )?(?:would|could|"
    r"will|'d|'ll) (?:really |most |probably )?help(?: us| me)?(?: most| the most| out)? "
    r"(?:is|are)|"
    r"the (?:main|big|first|key|only|one|other) thing (?:(?:i|we) (?:need|want|'d like|would like|"
    r"'re after|are after)(?: is)?|is)|"
    r"what (?:i|we)(?:'re| are|'m| am) (?:missing|lacking|short of) is|"
    r"what (?:i|we)(?:'d| would)? (?:really |most |actually )?(?:like|love|want|need|fancy|"
    r"prefer) is|(?:to|could (?:i|we)|can (?:i|we)) (?:buy|rent|hire|lease|order|purchase) "
    r"(?=a |an |some |the |\d)|weighing up|trialling|trialing|testing out|"
    r"(?:needing|requiring|require|requires|wanting)|"
    r"need(?:s)?(?: new)?|want|would like|'d like)")
PRODUCT_CUES_ES = (
    rf"(?:{_WANT_ES}) (?:me |nos |le |les )?{_GET_ES}(?:me|nos|le|les)?(?= )|"
    rf"(?:(?<=¿)|^|\bsi )(?:ustedes |usted )?{_SELL_ES}(?: ustedes| usted)?(?: con)?(?= )|"
    r"(?:nos|me) urge(?:n)?|(?:valorando|planteando|pensando en) (?:cambiar(?:nos|me)? a|"
    r"pasar(?:nos|me)? "
    r"a|contratar|comprar)|(?:llamo|llamaba|le llamo|escribo) por (?:el|un|su) anuncio (?:de|del|"
    r"sobre)|"
    r"cuanto (?:cuesta|cuestan|vale|valen|costaria|costarian|sale|salen)"
    r"(?= (?:el|la|los|las|un|una|"
    r"unos|unas|su|sus) )|(?:un |el )?presupuesto (?:de|para|del)(?= (?!\d)[a-z]+ (?:de|para|"
    r"del|en) )|"
    r"(?:me|nos) (?:llamo|llamaron) la atencion|(?:me|nos) interes(?:o|aron)|"
    r"(?:lo que (?:mas |realmente |de verdad |sobre todo )?(?:nos |me )?(?:necesit\w+|busc\w+|"
    r"quer\w+|quier\w+|urge|hace falta|haria falta|falta|interesa|importa) es|"
    r"(?:nos|me) (?:vendria|vendrian|serviria|servirian) (?:muy |genial|de maravilla|bien)+|"
    r"buscando|necesitando|"
    # '¿Tienen sillas de oficina?': a question whether they sell it
    r"(?:(?<=¿)|^)(?:ustedes |usted |vosotros )?(?:tienen|tiene usted|tienes|venden|vendeis|"
    r"ofrecen|haceis|hacen|trabajan con|"
    r"instalan|instalais)|"
    r"(?:me|nos) interesa(?:n|ria)?|cotizar(?:nos|me|le|les)?|coticen|cotice|cotizad[oa]s?|"
    r"cotizando|pedir|mirando|averiguando|consultando|"
    r"comparando|preguntando por|(?:una )?demo(?:stracion)? de|"
    r"cuanto cuesta(?:n)?|"
    r"cambiar (?=nuestr|el |la |los |las |mi )|(?:estamos|estoy|andamos|ando|seguimos|sigo) "
    r"(?:buscando|interesad[oa]s? en|pensando en|evaluando|considerando|viendo|mirando)|"
    r"buscamos|busco|necesitamos|necesito|"
    r"necesitariamos|necesitaria|buscariamos|querriamos|(?:le )?llam(?:o|aba) por (?:lo de )?|"
    r"(?:nos|me) (?:haria|hace|hacen|harian) falta|(?:vi|vimos|lei|leimos) (?:su|el|un) "
    r"anuncio (?:del|de|sobre)|"
    r"queremos|quiero|quisiera|quisieramos|(?:nos|me) gustaria|(?:una )?cotizacion (?:de|para|"
    r"por|del|con)|(?:mas )?informacion (?:sobre|del|de|acerca de)|precio (?:de|del)|reemplazar|"
    r"sustituir|renovar|(?:estamos|estou) procurando|tenho interesse em|temos interesse em|"
    r"precisamos de|preciso de|"
    # 'un presupuesto para un sistema de ...' with the verb of asking lost
    r"(?:un |el )?presupuesto (?:para|de|del) (?=un |una |el |la |los |las |unos |unas )|"
    r"(?:pasa|pase|pasen|manda|mande|manden|envia|envie|envien|haz|haga|hagan|da|de)(?:me|nos) "
    r"(?:un |el |una |la )?(?:presupuesto|precio|cotizacion|oferta|propuesta)(?: tambien)? "
    r"(?:de|del|para|por)|queremos)")
PRODUCT_STOP = re.compile(
    r"[.,;!?]|\b(?:for|because|since|so that|so we|to (?:help|"
    r"replace|manage|track|run)|which|that(?! (?:one|kind|type|sort|model)\b)|but|if|when|"
    r"as well|too|for now|"
    r"right now|today|this year|next \w+|last \w+|before|sooner rather than later|"
    r"as soon as possible|asap|urgently|quickly|soon|fast|cuanto antes|lo antes posible|"
    r"pronto|rapido|than|de (?:su|sus|nuestr[oa]s?|mis?|tus?)|of (?:your|our|my|their)|"
    r"in stock|en stock|with the|against|versus|vs|compared to|instead of|en vez de|en lugar de|"
    r"frente a|"
    # a clause about it: 'the bundle you had on offer', 'the one we've got'
    r"(?:you|we|they|i|he|she)(?:'\w+)?|"
    r"(?:with|con) (?:the |our |your |a |an |el |nuestro |su |un )?(?:logo|branding|name|"
    r"nombre|marca)|"
    r"to (?:go|sit|put|fit|use|keep|hold|match|work|cover|replace)|"
    r"(?:in|at|across|around|throughout|on|with|en|con) (?:our|my|their|all|each|every|both|"
    r"nuestr[oa]s?|mis?|tod[oa]s|cada)|(?:in|at|across) the|en (?:el|la|los|las)|"
    r"by the|para|porque|ya que|que|pero|si|cuando|"
    r"(?:would |will |might )?cost|costs|costaria|cuesta|cuestan|to something|to start with|"
    r"would be (?:nice|good|great|handy)|"
    r"por ahora|este ano|hoy|ahora|antes|por favor|please|in place|up and running|installed|"
    r"instalad[oa]s?)\b")
PRODUCT_SPLIT = re.compile(r"\s*(?:,|\band maybe\b|\band also\b|\band\b|\bplus\b|\bas well as\b|"
                           r"\bor\b|\by tambien\b|\by quizas\b|\by\b|\be\b|\bo\b)\s*")
PRODUCT_LEAD = re.compile(
    r"^(?:(?:the|a|an|some|your|our|new|old|current|existing|more|maybe|also|possibly|perhaps|"
    r"probably|just|only|mainly|mostly|proper|"
    r"any|a few|few|several|(?:a )?couple of|(?:a )?pair of|(?:a )?number of|un par de|varios|"
    r"varias|algunos|algunas|actual|antiguo|antigua|viejo|vieja|"
    r"su|sus|el|la|los|las|un|una|unos|unas|nuestro|nuestra|nuestros|nuestras|nuevo|nueva|"
    r"nuevos|nuevas|algun|alguna|tambien|quizas|tal vez|mas|o|os|seu|seus|sua|suas|um|uma|"
    r"about|around|roughly|approximately|some|maybe|like|at least|up to|over|under|hundreds?|"
    r"thousands?|dozens?|a dozen|replacement|decent|reliable|proper|cheaper|better|faster|"
    r"bigger|smaller|"
    r"another|extra|additional|second|spare|so|and|then|"
    r"but|honestly|really|cerca de|alrededor de|como|mas de|menos de|cien|cientos|mil|docenas?|"
    r"cuantos|cuantas|unos cuantos|unas cuantas|otro|otra|otros|otras|"
    r"asi que|y|pero|pues|ustedes|usted|\w+cient[oa]s|(?:someone|somebody) to [\w-]+|"
    r"alguien que (?:me |nos )?\w+|"
    r"\d+|" + "|".join(k for k, v in ADDITIVE.items() if v > 1) + r")\s+)+")
PRODUCT_VERB = re.compile(r"^(?:comprar|contratar|probar|adquirir|buy|get|try|purchase|order|"
                          r"replace|swap|upgrade|cambiar|reemplazar|sustituir|renovar|"
                          r"comprar|contratar|assinar|instalar|poner|montar|install|fit|"
                          r"put in)\s+")
NOT_PRODUCT_VERB = re.compile(r"^(?:empezar|comenzar|arrancar|hablar|saber|ver|tener|hacer|"
                              r"implementar|migrar|mejorar|reducir|ampliar|conocer|"
                              r"recibir|pedir|pagar|invertir|gastar|firmar|agendar|decidir|"
                              r"esperar|pensar|ir|ser|estar|que|lo|le|les|se|comecar|falar|"
                              r"\w+(?:ar|er|ir)(?:lo|la|los|las|le|les)|"
                              r"start|begin|talk|know|see|have|make|think|wait|go|be|wanted|"
                              r"needed|wondered|hoped|thought|queria|necesitaba|pensaba|"
                              r"quisiera|queriamos)\b")
SPANISH_INFINITIVE = re.compile(r"^[a-z]{2,}(?:ar|er|ir)\s+(?:en|el|la|los|las|a|al|con|"
                                r"de|del|un|una|nuestr[oa]s?|mis?|sus?|que|cuanto|lo)\b")
PRODUCT_PREFIX = re.compile(r"^(?:a |an |una |un )?(?:quote|pricing|price|prices|information|info|"
                            r"details|demo|trial|cotizacion|informacion|precio)\s+(?:for|on|about|"
                            r"of|de|sobre|del|para)\s+")
UNITS_COUNTED = {"seat", "seats", "licence", "licences", "license", "licenses", "user", "users",
                 "unit", "units", "people", "person", "vehicle", "vehicles", "truck", "trucks",
                 "room", "rooms", "driver", "drivers", "employee", "employees", "hour", "hours",
                 "copy", "copies", "staff", "agents", "licencias", "licencia", "usuarios",
                 "puestos", "unidades", "vehiculos", "camiones", "personas", "empleados",
                 "horas", "habitaciones"}
BAD_PRODUCT = {"everything", "every", "all", "nothing", "euros", "euro", "dollars", "pounds",
               "pesos", "dolares", "libras", "reais", "bucks", "quid", "grand", "replacement",
               "uno", "una", "uno nuevo",
               "una nueva", "new one", "nuevo", "nueva", "otro", "otra", "someone", "somebody",
               "alguien",
               # greetings and fillers that open an answer ('What can I do for you?' 'Hi Colin.')
               "hi", "hey", "hello", "hiya", "morning", "afternoon", "evening", "yes", "yeah",
               "well", "right", "ok", "okay", "oh", "hola", "buenas", "buenos", "si", "bueno",
               "pues", "mira", "mire", "oye", "thanks", "gracias", "sorry", "perdon", "say",
               "todo", "nada", "tudo", "ones", "cuanto",
               "yours", "theirs", "ours",
               "it", "that", "this", "them", "you", "to", "something", "anything", "what", "how",
               "more", "help", "call", "us", "me", "prices", "options", "vendors", "quotes",
               "information", "info", "details", "time", "a", "one", "lo", "la", "eso", "esto",
               "algo", "ayuda", "mas", "usted", "ustedes", "now", "later", "money", "budget",
               "presupuesto", "quote", "demo", "proposal", "cotizacion", "propuesta", "call back",
               "tiempo", "dinero", "people", "staff", "gente", "personal"}
# a matter of the customer's account, not something to buy: 'my invoice', 'a parcel that never
# arrived' (the head noun, singular, folded; said alone or with 'my', 'our')
ACCOUNT_MATTER = {"invoice", "bill", "account", "order", "delivery", "parcel", "refund",
                  "complaint", "payment", "statement", "password", "login", "factura", "cuenta",
                  "pedido", "envio", "paquete", "reembolso", "queja", "pago", "recibo",
                  "contrasena"}
OLD_THING = re.compile(r"\b(?:our|my|the|nuestro|nuestra|nuestros|nuestras|mi|mis) "
                       r"((?:[\w-]+\s+){0,5}?[\w-]+) (?:is|are|es|son|esta|estan|keeps?|sigue|"
                       r"siguen) (?:[\w-]+\s+){0,3}?(?:old|outdated|obsolete|slow|broken|ancient|"
                       r"dated|failing|dropping|crashing|breaking|unreliable|falling apart|"
                       r"on (?:their|its) last legs|past (?:their|its) best|giving (?:up|out)|"
                       r"worn out|antiguo|antigua|"
                       r"antiguos|antiguas|viejo|vieja|viejos|viejas|obsoleto|obsoleta|lento|"
                       r"lenta|fallando|jamming|leaking|overheating|freezing|playing up|"
                       r"acting up|breaking down|letting us down|giving us trouble)\b"
                       r"|\b(?:our|my|the|el|la|los|las|nuestr[oa]s?|mis?) "
                       r"((?:[\w-]+\s+){0,5}?[\w-]+) "
                       r"(?:(?:has |have )?(?:died|broke(?: down)?|broken(?: down)?|"
                       r"gave up|given up|packed (?:up|in)|conked out|"
                       r"se (?:nos |me |le )?(?:ha )?(?:roto|estropeado|averiado|"
                       r"rompido|muerto)|se (?:nos |me |le )?(?:rompio|estropeo|averio|murio)|"
                       r"murio)|"
                       r"(?:ya no|no longer|dejo de|dejaron de) \w+|(?:doesn'?t|don'?t|isn'?t|"
                       r"aren'?t|has stopped|have stopped|stopped|no) (?:work|working|funciona|"
                       r"funcionan))\b"
                       r"|\b(?:we'?ve got|we have|i'?ve got|tenemos) (?:(?:\w+|\d+) )?"
                       r"((?:[\w-]+\s+){0,3}?[\w-]+) (?:that are |which are |que estan )?"
                       r"(?:on (?:their|its) last legs|falling apart|worn out|dying|broken|"
                       r"(?:very |really |pretty )?old)\b", re.I)
# the old thing is wanted replaced, not only described ('I'd like them swapped out')
REPLACE_IT = re.compile(r"\b(?:replace|replacing|replaced|swap|swapping|swapped|upgrade|upgrading|"
                        r"upgraded|change|changing|changed|get rid of)\s+(?:it|them|that|those|"
                        r"ours?)\b|\b(?:it|them|ours?)\s+(?:replaced|swapped|upgraded)\b|"
                        r"\b(?:cambiarl[oa]s?|reemplazarl[oa]s?|sustituirl[oa]s?|renovarl[oa]s?)\b")
THING_OF = re.compile(r"\s+(?:que|that|which)\s+(?:tenemos|usamos|we have|we use|we'?ve got)\b.*$|"
                      r"\s+(?:(?:on|in|at|of|from|for|de|del|en)\s+(?:our|the|my|nuestr[oa]s?|el|"
                      r"la|los|las|mi)|del)\b.*$")
SWAP = re.compile(r"\b(?:swap|swapping|replace|replacing|exchange|trade|switch|switching|cambiar|"
                  r"sustituir|reemplazar)\s+(?:out\s+)?(?:the|our|my|nuestro|nuestra|nuestros|"
                  r"nuestras|el|la|los|las|mis?)\s+((?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:for|with|por)"
                  r"\s+(?:a|an|the|some|new|un|una|unos|unas|otros|otras|otro|otra|el|la|los|las|"
                  r"nuev[oa]s?|ones?)\s+((?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*(?:[.,;!?]|$))")
# what a customer calls the thing they have when it is not named ('el programa que usamos ya no
# da para más'): not a product
GENERIC_THING = {"programa", "sistema", "system", "software", "tool", "herramienta", "solucion",
                 "solution", "setup", "app", "aplicacion", "one", "thing", "cosa", "equipo",
                 "equipos", "equipment", "stuff"}
# 'cambiar las cámaras viejas por unas con visión nocturna': the new one named by its feature
WITH_FEATURE = re.compile(r"^(?:con|de|que|with|that|which)\b")
OLD_WORD = re.compile(r"\s+(?:viej[oa]s?|antigu[oa]s?|actual(?:es)?|de siempre)$")
SWAP_IT = re.compile(r"\b(?:replace|replacing|swap|swapping|switch|switching|exchange|trade) "
                     r"(?:it|them|that|those|this|these|ours|mine) (?:out )?(?:for|with) "
                     r"(?:(?:a|an|the|some|one of your|new)\s+)*((?:[\w-]+\s+){0,4}?[\w-]+)"
                     r"(?=\s*(?:[.,;!?]|$|\b(?:for|because|since|so|if|that|which)\b))"
                     r"|\b(?:cambiarl[oa]s?|reemplazarl[oa]s?|sustituirl[oa]s?) "
                     r"por (?:(?:un|una|unos|unas|otr[oa]s?|el|la|nuev[oa]s?)\s+)*"
                     r"((?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*(?:[.,;!?]|$|\b(?:para|porque|que)\b))")
PRICE_OF = re.compile(r"\bwhat (?:your|the|a|an) ((?:[\w-]+\s+){0,4}?[\w-]+) (?:costs?|would cost|"
                      r"would set (?:me|us) back|would run (?:me|us)|"
                      r"is priced|goes for)\b"
                      # 'what would twenty Zenbook laptops run us?'
                      r"|\b(?i:what) (?:would|will|do|does|did) (?:\d+ |(?:a|an|the|your|some|two|"
                      r"three|four|five|six|ten|twelve|twenty|thirty|forty|fifty|a hundred) )?"
                      r"((?:[\w-]+\s+){0,3}?[\w-]+) (?:run|cost|set) (?:us|me)\b"
                      r"|\bcuanto (?:cuesta|cuestan|vale|valen) (?:su|sus|"
                      r"el|la|los|las) ((?:[\w-]+\s+){0,4}?[\w-]+)(?=\s*[.,;!?¿]|$)"
                      r"|\b(?:if|whether|si) (?:your|the|su|el|la) ((?:[\w-]+\s+){0,4}?[\w-]+) "
                      r"(?:is|are|would be|es|son|sale|saldria) (?:cheaper|better|faster|easier|"
                      r"more \w+|mas \w+|mejor)\b"
                      # 'is your project management software any good for small teams?'
                      r"|\b(?i:is|are|would) (?:your|the) ((?:[\w-]+\s+){0,4}?[\w-]+) "
                      r"(?:be )?(?:any good|"
                      r"suitable|right|ok|okay|a good fit)\b")
PRODUCT_QUESTION = re.compile(r"\bwhat (?:are|were) you (?:looking for|interested in|after)\b|"
                              r"\bwhat (?:do|would) you need\b|\bque (?:esta|estan) buscando\b|"
                              r"\bque (?:necesita|necesitan)\b|"
                              r"\bwhat (?:did|do) you have in mind\b|"
                              r"\bwhat can (?:i|we) do for you\b|"
                              r"\bque (?:busca|buscan|buscas|necesitas|necesitais)\b|"
                              r"\bwhat can (?:i|we) help (?:you )?with\b|"
                              r"\bque (?:tenia|tiene|tenian|tienen) en mente\b")
CUE_TAIL = (r"(?:(?:some |a |an |un |una |unas |unos )?(?:options|opciones|alternativas|quotes?|"
            r"pricing|prices?|precios?|presupuesto|cotizacion|informacion|information|details) "
            r"(?:for|on|"
            r"about|of|para|de|sobre)\s+)?")
MORE_ITEMS = re.compile(r"(?:,\s*|\s+)(?:and also|and|plus|as well as|y tambien|y|e|ademas de)\s+"
                        r"(?:also\s+|tambien\s+)?((?:a|an|the|some|un|una|unos|unas|el|la)\s+"
                        r"[^.,;!?]+)|,\s*(?:and|plus|y|e|mainly|mostly|especially|particularly|"
                        r"sobre todo|principalmente)\s+(?:also\s+|tambien\s+)?([^.,;!?]+)")
LIKED_THING = re.compile(r"\b(?:the|your|that|this|el|la|su) ((?:[\w-]+\s+){0,3}[\w-]+) "
                         r"(?:is|are|sounds|looks|es|suena|parece) (?:[\w-]+ )?(?:interesting|"
                         r"useful|good too|great too|interesante|util)\b"
                         r"|\b(?:a|an|un|una) ((?:[\w-]+\s+){0,3}[\w-]+) (?:would|could|might) be "
                         r"(?:nice|good|great|handy|useful) (?:too|as well)\b"
                         r"|\bsomething (?:[^.,;!?]{0,40}?),? (?:like|such as) (?:a |an |the )?"
                         r"((?:[\w-]+\s+){0,3}[\w-]+)(?=\s*(?:[.,;!?]|$))")
_DET = r"(?:a|an|the|some|un|una|el|la|los|las|unos|unas)"
WANTED_THING = re.compile(
    rf"(?:(?:^|(?<=[,;:])\s*|\b(?:so|and|but|then|honestly|really|y|pero|asi que|entonces)\s+)"
    rf"(?:{_DET}\s+)?|\b{_DET}\s+)((?:[\w-]+\s+){{0,4}}?[\w-]+)\s+(?:"
    # 'a payroll module is what I'd want to see'
    r"(?:is|are) (?:what|the thing|something) (?:i|we)(?:'d| would|'ll| will)? (?:really )?"
    r"(?:want|need|like|love|be after|be looking for|'m after|'re after|am after|are after|"
    r"'m looking for|'re looking for)"
    # 'a water cooler for the office would be handy', 'solar panels would make sense'
    r"|(?:would|could|might) (?:also )?(?:be (?:a bonus|a plus|handy|nice|useful|great|good|ideal|"
    r"perfect|a big help|a help|welcome)|make (?:a lot of |more |good )?sense|really help|"
    r"help(?: us| me)?|save (?:us|me) (?:hours|time|a lot|a fortune))"
    r"|(?:es|son) lo que (?:mas )?(?:nos |me )?(?:necesit\w+|quer\w+|busc\w+|interesa\w*|urge|"
    r"hace falta)|(?:nos|me) (?:vendria|vendrian|serviria|servirian) (?:muy |genial|bien)+)\b"
    # "it's the accounting software we're interested in"
    r"|\bit'?s (?:really |mainly |mostly |just )?(?:the |a |an |your )?((?:[\w-]+\s+){0,4}?[\w-]+)"
    r" (?:that )?(?:we|i)(?:'re| are|'m| am) (?:most |really |mainly )?(?:interested in|after|"
    r"looking (?:at|for)|keen on|calling about)\b", re.I)
REP_ABOUT = re.compile(r"\b(?:you (?:asked|enquired|inquired|called|wrote|were asking|filled in|"
                       r"requested|contacted us|got in touch)|we (?:spoke|talked|chatted))\b"
                       r"[^.?!]{0,40}?\babout "
                       r"(?:our |the |your )?([^.?!,]+)|\b(?:usted|ustedes) (?:pregunto|"
                       r"pidio|consulto|solicito|nos escribio|nos pidio|nos pregunto|me pidio)\b"
                       r"[^.?!]{0,40}?\bsobre "
                       r"(?:nuestro |nuestra |el |la |su )?([^.?!,]+)"
                       # 'le llamo por el seguimiento de flotas que nos pidió'
                       r"|\b(?:le|te|les|os) (?:llamo|llamaba|escribo) por (?:lo de |el |la |"
                       r"los |las |"
                       r"su |tu |sus |tus )?((?:[\w-]+\s+){0,5}?[\w-]+) que (?:nos|me) "
                       r"(?:pidio|pidieron|pediste|solicito|solicitaron|consulto|preguntaste|"
                       r"pregunto)\b")
# the rest of a list named after a cue: ', GPS trackers and fuel cards'
# (items that are not a clause or a time, the list closing the sentence)
_ITEM = r"(?!(?:my|our|your|yours|their|his|her|its|we|i|you|next|this|last|mi|mis|tu|el mes)\b)"
LIST_TAIL = re.compile(rf",\s*({_ITEM}(?:[^\W\d][\w'-]*\s?){{1,4}}?"
                       rf"(?:,\s*{_ITEM}(?:[^\W\d][\w'-]*\s?){{1,4}}?)*),?\s+"
                       rf"(?:and|y|e|plus|as well as|or|o)\s+{_ITEM}([^.,;!?]+)(?=[.!?]|$)")
# an aside between commas that splits a list: 'licencias del módulo y, si se puede, la app'
ASIDE = re.compile(r"(?i),\s*(?:si se puede|si es posible|de ser posible|a ser posible|if possible|"
                   r"if we can|ideally|idealmente|maybe|perhaps|quiz[aá]s?|tal vez)\s*,")
NEW_ONE = re.compile(r"\b(?:replacement|new|nuev[oa]s?|otr[oa] nuev[oa]|para reemplazar)\b")
OWNED = re.compile(r",?\s*(?:i|we)(?:'ve| have)?(?: already| currently| now)? (?:got|have|use|own|"
                   r"bought|had)\b")
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
NEGATED = re.compile(r"\b(?:not|don'?t|no longer|never|no|nao|ya no)\s+(?:\w+\s+){0,1}$")


def _clean_product(item: str) -> str | None:
    item = item.strip(" ,.'’\"")
    low = fold(item)
    mine = re.match(r"(?:my|our|mi|mis|nuestr[oa]s?) ", low)
    about = re.match(r"lo de(?:l| la| los| las)? ", low)  # 'mirando lo del cuarto frío'
    if about:
        item, low = item[about.end():], low[about.end():]
    verb = PRODUCT_VERB.match(low)
    if NOT_PRODUCT_VERB.match(low) or (not verb and SPANISH_INFINITIVE.match(low)):
        return None
    if verb:
        item, low = item[verb.end():], low[verb.end():]
    low2 = PRODUCT_PREFIX.sub("", low)
    if low2 != low:
        item, low = item[len(item) - len(low2):], low2
    m = PRODUCT_LEAD.match(low)
    while m and m.group(0):
        item, low = item[m.end():], low[m.end():]
        m = PRODUCT_LEAD.match(low)
    item = OLD_WORD.sub("", item.strip())  # 'las cámaras de seguridad viejas'
    low = fold(item)
    counted = re.match(r"^(\S+) (?:of|de) (?:the |el |la |los |las |your |su |sus )?", low)
    if counted and counted.group(1) in UNITS_COUNTED:
        item, low = item[counted.end():], low[counted.end():]  # 'seats of the CRM' -> 'CRM'
    words = low.split()
    if words and all(w in UNITS_COUNTED or w in ("more", "mas", "new") for w in words):
        return None
    if words and all(w in ADDITIVE or w.isdigit() for w in words):
        return None  # '¿Tienen sillas? Necesitaríamos unas treinta.'

    if not words or low in BAD_PRODUCT or words[0] in BAD_PRODUCT or len(words) > 6 or (
            _head(item) in ACCOUNT_MATTER and (mine or len(words) == 1)):
        return None
    if FRAGMENT.search(low) or len(item) < 3:
        return None
    return item


def _cue_items(sentence: str, cues: str) -> list[str]:
    low = fold(sentence)
    out: list[str] = []
    for m in re.finditer(rf"\b{cues}(?:\s+|(?<=\s)){CUE_TAIL}", low):
        if NEGATED.search(low[:m.start()]) or re.search(r"\b(?:lo|la|los|las)\s+$",
                                                         low[:m.start()]):
            continue  # 'lo queremos instalado en octubre': what it is was said before
        rest = low[m.end():]
        stop = PRODUCT_STOP.search(rest)
        if stop and OWNED.match(rest, stop.start()):
            continue  # 'I just want the line I've already got to work': what they have
        span = rest[:stop.start()] if stop else rest
        original = sentence[m.end():m.end() + len(span)] if len(sentence) == len(low) else span
        start = 0
        for part in PRODUCT_SPLIT.split(fold(original)):
            idx = fold(original).find(part, start)
            start = idx + len(part)
            out.append(original[idx:idx + len(part)])
        listed = LIST_TAIL.match(rest, stop.start()) if stop else None
        if listed:  # 'dashcams, GPS trackers and fuel cards for the fleet'
            for group in (1, 2):
                at = m.end() + listed.start(group)
                tail = sentence[at:m.end() + listed.end(group)] if len(sentence) == len(low) \
                    else listed.group(group)
                cut = PRODUCT_STOP.search(fold(tail)) if group == 2 else None
                for part in re.split(r"\s*,\s*", tail[:cut.start()] if cut else tail):
                    if part:
                        out.append(part)
        elif stop:  # '... una tienda en linea para vender muebles, y tambien un sistema de pagos'
            for more in MORE_ITEMS.finditer(rest, stop.start()):
                group = 1 if more.group(1) else 2
                tail = more.group(group)
                cut = PRODUCT_STOP.search(tail)
                item = tail[:cut.start()] if cut else tail
                at = m.end() + more.start(group)
                out.append(sentence[at:at + len(item)] if len(sentence) == len(low) else item)
    return out


def products_of(ctx: CallContext, catalog: list[str] | None,
                parse: Parse | None = None) -> list[Evidence[str]]:
    """The products of interest, each with the sentence that names it: with a catalog, its
    items the customer (or the rep recalling what they asked about) mentions; without one, what
    the customer names after a cue, has and wants replaced, or names in a pattern, the answer to
    'what are you looking for?', and what the rep says they asked about; when none of those
    names anything, the object of the customer's first request by its grammar (English, with a
    `parse`: `core.parsed_products`)."""
    if wrong_number([s.text for s in ctx.said]):
        return []  # 'Sorry, wrong number. I wanted to order a large pizza.'
    rep_about = [s for s in ctx.rep if REP_ABOUT.search(fold(s.text))]
    if catalog:
        return _catalog_products(ctx.customer + rep_about, catalog)
    found = _Found()
    old_things = _add_customer_named(ctx, found)
    _add_first_answer(ctx, found)
    found = found.without(old_things)
    _add_rep_about(rep_about, found)
    if not found.evidence and parse is not None and ctx.lang == "en":
        _add_parsed_request(ctx, parse, found)
    return found.evidence


def _add_parsed_request(ctx: CallContext, parse: Parse, found: _Found) -> None:
    """Add the things of the customer's first sentence that asks for something, read from its
    grammar; nothing in a call the customer turns down."""
    if any(REFUSAL.search(fold(s.text)) for s in ctx.customer):
        return
    for s in ctx.customer:
        things = requested(s.text, parse)
        for thing in things:
            found.add(_clean_product(thing), s.text)
        if things:
            return


@dataclass
class _Found:
    """The products found so far, in the order named, each with the sentence that named it."""

    evidence: list[Evidence[str]] = field(default_factory=list)

    @property
    def values(self) -> list[str]:
        return [e.value for e in self.evidence]

    def add(self, item: str | None, quote: str) -> None:
        """Add a product unless one like it (token_set_ratio >= 90) is already found, in which
        case the fuller of the two is kept, with its own quote."""
        if item is None:
            return
        for i, x in enumerate(self.values):
            if fuzz.token_set_ratio(fold(item), fold(x)) >= 90:
                if len(item) > len(x):  # 'scheduling' then 'scheduling software': the fuller
                    self.evidence[i] = Evidence[str](value=item, quote=quote)
                return
        self.evidence.append(Evidence[str](value=item, quote=quote))

    def has_like(self, item: str) -> bool:
        """A product like this one (token_set_ratio >= 90) is already found."""
        return any(fuzz.token_set_ratio(fold(item), fold(x)) >= 90 for x in self.values)

    def without(self, old: set[str]) -> _Found:
        """The products without the old things a new one of their kind replaces."""
        return _Found(_without_replaced(self.evidence, old))


def _catalog_products(said: list[Said], catalog: list[str]) -> list[Evidence[str]]:
    """The catalog items mentioned (partial_ratio >= 85), each once, with the first sentence
    that mentions it."""
    found: list[Evidence[str]] = []
    seen: list[str] = []
    for s in said:
        low = fold(s.text)
        for item in catalog:
            if fuzz.partial_ratio(fold(item), low) >= 85 and item not in seen:
                seen.append(item)
                found.append(Evidence[str](value=item, quote=s.text))
    return found


def _add_customer_named(ctx: CallContext, found: _Found) -> set[str]:
    """Add what the customer names, sentence by sentence: the items after a cue, the old things
    they have (and may want replaced), and the things named in a pattern. Returns the old things
    to drop if a new thing of their kind is named ('our payroll software is ancient, so a
    payroll module is what I'd want to see')."""
    cues = _cues(ctx.lang)
    customer = ctx.customer
    old_things: set[str] = set()
    cued_turn = -1  # the turn whose last sentence named a product after a cue
    for s in customer:
        if REFUSAL.search(fold(s.text)):
            continue
        items = _cued_items(s, cues, cued_turn)
        for named in items:
            found.add(named, s.text)
        if any(items):
            cued_turn = s.turn
        elif cued_turn != s.turn:
            cued_turn = -1
        text = s.text if len(s.text) == len(fold(s.text)) else fold(s.text)
        for old, replaced in _old_things(s, text, [x for x in items if x], customer):
            found.add(old, s.text)
            if not replaced:
                old_things.add(old)  # not '... and I want to replace it with a downdraft booth'
        for item in _pattern_items(text):
            found.add(item, s.text)
    return old_things


def _cues(lang: str) -> str:
    """The cues of wanting a product in the call's language."""
    return PRODUCT_CUES_ES if lang in ("es", "pt") else PRODUCT_CUES_EN


_AND_ALSO = re.compile(r"^(?i:and also|and|plus|as well as|also|y tambi[eé]n|y|adem[aá]s de|"
                      r"adem[aá]s|e tamb[eé]m|e)\s+(?=\S)")


def _cued_items(s: Said, cues: str, cued_turn: int) -> list[str | None]:
    """The items the customer names after a cue in this sentence (None where an item is no
    product), or, when the sentence goes on the list of a cued sentence of this turn or the
    customer's last, the item it adds."""
    # '5,000 printed paper bags' as the recogniser writes it: the comma is no list
    said_as = THOUSANDS.sub("", ASIDE.sub(" ", s.text))
    items = [_clean_product(said) for said in _cue_items(said_as, cues)]
    more = _AND_ALSO.match(s.text)
    if more and not items and cued_turn in (s.turn, s.turn - 2):
        # '... your fleet tracking software.' 'And the premium support plan.': the
        # recogniser ended the sentence before the list did
        rest = s.text[more.end():]
        items = [_clean_product(_before_stop(rest))]
    return items


def _old_things(s: Said, text: str, new_items: list[str],
                customer: list[Said]) -> Iterator[tuple[str, bool]]:
    """The old things the customer says they have ('the card readers on our doors keep
    failing'), each with whether they ask it replaced (in this turn or the two after it). An old
    thing is left out when a new one of its kind is named with it (in `new_items`, the items
    cued in the sentence) and they do not ask it replaced."""
    for m in OLD_THING.finditer(text):
        thing = next(g for g in m.groups() if g)
        old = _clean_product(THING_OF.sub("", thing))
        replaced = any(REPLACE_IT.search(fold(c.text)) for c in customer
                       if c.turn in (s.turn, s.turn + 1, s.turn + 2))
        # 'our coffee machines are on their last legs, so I'd like a price for two espresso
        # machines': the new ones named with it are what is wanted
        named_anew = any(_head(old or "") == _head(x) for x in new_items) or bool(
            new_items and NEW_ONE.search(fold(s.text)))
        if old and fold(old) not in GENERIC_THING and (replaced or not named_anew):
            yield old, replaced


def _pattern_items(text: str) -> Iterator[str | None]:
    """The things named in a pattern (LIKED_THING, SWAP, SWAP_IT, PRICE_OF, WANTED_THING), in
    that order (None where one is no product)."""
    for pattern in (LIKED_THING, SWAP, SWAP_IT, PRICE_OF, WANTED_THING):
        for m in pattern.finditer(text):
            groups = [g for g in m.groups() if g]
            if pattern is WANTED_THING:  # 'a water cooler for the office'
                groups = [_before_stop(g) for g in groups]
            if pattern is SWAP and WITH_FEATURE.match(fold(groups[-1])):
                groups[-1] = OLD_WORD.sub("", groups[0]) + " " + groups[-1]
            for group in groups:
                yield _clean_product(group)


def _add_first_answer(ctx: CallContext, found: _Found) -> None:
    """Add what the customer first answers to a question what they are after, when no cue
    names it: 'What are you looking for?' 'Irrigation scheduling software, something that ...'"""
    for s in answers_to(ctx, PRODUCT_QUESTION)[:1]:
        lead = re.match(r"^[^.,;!?]+", s.text)
        if lead and not _cue_items(s.text, _cues(ctx.lang)):
            # '... for our two offices'
            found.add(_clean_product(_before_stop(lead.group(0))), s.text)


def _add_rep_about(rep_about: list[Said], found: _Found) -> None:
    """Add what the rep says the customer asked about: when nothing is found yet, or when it
    is like a product found, whose name the fuller of the two then becomes."""
    for s in rep_about:
        about = REP_ABOUT.search(fold(s.text))
        if about:
            group = next(g for g in (1, 2, 3) if about.group(g))
            span = s.text[about.start(group):about.end(group)] \
                if len(s.text) == len(fold(s.text)) else about.group(group)
            thing = _clean_product(_before_stop(span))
            if thing and (not found.evidence or found.has_like(thing)):
                found.add(thing, s.text)  # 'our battery storage units' for '... battery storage'


def _before_stop(text: str) -> str:
    """The text up to where a product phrase stops (PRODUCT_STOP): 'a water cooler for the
    office' -> 'a water cooler '."""
    stop = PRODUCT_STOP.search(fold(text))
    return text[:stop.start()] if stop else text


def _without_replaced(found: list[Evidence[str]], old: set[str]) -> list[Evidence[str]]:
    """The products without the old things a new one of their kind replaces."""
    new = [e.value for e in found if e.value not in old]
    return [e for e in found if e.value in new or not any(_kin(e.value, x) for x in new)]


def _kin(a: str, b: str) -> bool:
    """Two products of one kind: a word of four letters or more in common, plural or not
    ('backup server', 'managed cloud backup')."""
    def words(x: str) -> set[str]:
        return {re.sub(r"(?<=[a-z]{3})e?s$", "", w) for w in fold(x).split() if len(w) >= 4}

    return bool(words(a) & words(b))


def _head(item: str) -> str:
    """The head noun of a product phrase, folded, without a plural s: 'spray booths' -> 'booth'."""
    words = fold(item).split()
    return re.sub(r"(?<=[a-z]{3})s$", "", words[-1]) if words else ""


def match_catalog(items: list[str], catalog: list[str]) -> list[str]:
    """Map free-text product mentions to catalog names (for evaluation and display)."""
    out = []
    for item in items:
        hit = process.extractOne(item, catalog, scorer=fuzz.token_set_ratio,
                                 processor=utils.default_process)
        out.append(hit[0] if hit and hit[1] >= 70 else item)
    return out
