"""How people in a call say who they are and whom they want: the patterns shared by the role
assignment (`core.roles`: the caller who asks for someone and then introduces themselves is the
rep) and the local extractor (`core.identity`: the customer's name, the rep's identity).

Patterns read the text as written (capitals mark names); the cue words are matched in any case.
"""

from __future__ import annotations

import re

from core.normalize import fold

UP = "A-ZÁÉÍÓÚÑÜÇÂÊÔÃÕÀ"
WORD = rf"[{UP}][\w'’.&-]*"
LOW = "a-záéíóúñüçâêôãõà'’-"
# a word of a name: 'Ana', 'O'Neill', 'McKenzie', 'MacLeod'
NAME_WORD = rf"(?:O['’][{UP}][{LOW}]+|Ma?c[{UP}][{LOW}]+|[{UP}][{LOW}]+)"
NAME = rf"(?<!\w)(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}})(?!\w)"
CONNECT = r"(?:&|and|y|e|de|del|of|the|la|las|los|do|da|dos|das|von|van)"
GREETING = (r"(?i:good (?:morning|afternoon|evening)|hello|hi|buenos d[ií]as|buenas tardes|buenas|"
            r"bom dia|boa tarde)")
NOT_NAME = {"yes", "sure", "okay", "ok", "calling", "just", "the", "not", "interested", "thanks",
            "hello", "hi", "good", "sorry", "speaking", "here", "great", "perfect", "well", "so",
            "actually", "please", "si", "yo", "el", "la", "buenos", "buenas", "hola", "gracias",
            "perdone", "claro", "bueno", "muy", "listo", "mister", "miss", "afraid", "also",
            "i'd", "i'm", "i'll", "i've", "con", "no", "fine", "right", "oh", "look", "honestly",
            "dale", "nada", "mire", "vale", "you", "ha", "morning", "afternoon", "hiya", "hey",
            "parece", "doctor", "dr", "mr", "mrs", "ms", "bye", "goodbye", "cheers", "adios",
            "with", "and", "but", "aqui", "we", "they", "he", "she", "it", "our", "my", "us",
            "we're", "we've", "it's", "that's", "there's", "nosotros", "ella", "ellos",
            "usted", "ustedes", "what", "when", "where", "who", "how", "which", "this", "that",
            # reply and introduction words that open a sentence with a capital
            "yep", "yup", "yeah", "nope", "name's", "names", "habla", "hablas", "soy", "llamo",
            "aquí", "sí", "exacto", "correcto", "correct", "indeed", "absolutely", "certainly",
            # fillers the recogniser writes
            "uh", "um", "umm", "er", "erm", "ah", "eh", "em", "mm", "mmm", "hmm", "este", "pues",
            # what opens an answer that is a figure or a time: 'Up to 2,000 pounds.'
            "up", "about", "around", "roughly", "under", "over", "maybe", "probably",
            "somewhere", "between", "hasta", "unos", "unas", "alrededor", "entre", "before",
            "after", "by", "next", "antes", "despues", "para"}
SELF_INTRO = re.compile(
    r"(?i:\b(?:this is|my name is|my name's|i am|i'm|it's|it is|me llamo|mi nombre es|soy|"
    r"habla|les habla|le habla|aquí|le saluda|les saluda|te saluda|meu nome é|me chamo|sou|"
    r"aqui é|aqui fala|fala|the name'?s|the name is|name'?s|me presento:?|le atiende|te atiende|"
    r"you'?re through to)\s+)" + NAME)
ADDRESSED = re.compile(
    r"(?i:\b(?:is (?:that|this)(?: the right (?:number|person|line) for)?|"
    r"(?:do i have )?the right (?:number|person|line) for|am i (?:speaking|talking) (?:with|to)|"
    r"am i through to|have i (?:got|reached)|"
    r"speaking (?:with|to)|"
    r"(?:may|could|can) i (?:speak|talk) (?:with|to)|i'?m looking for|hablo con|"
    r"returning (?:a |your )?call (?:from|for)|calling (?:back )?for|"
    r"estoy hablando con|es usted|(?:puedo|podr[ií]a) hablar con|se encuentra|falo com|"
    r"(?:é|e) (?:o|a) (?:senhor|senhora)|(?<=¿)(?:con|est[aá]))\s+"
    r"(?:(?:el|la)\s+)?(?:(?:mr|mrs|ms|miss|señor|señora|sr|sra|don|doña|dr|dra|doctor|"
    r"doctora)\.?\s+)?)" + NAME +
    rf"(?:\s*,?\s*(?i:please|por favor)|\s*,?\s*(?i:from|at|of|de|del)\s+{WORD}(?:\s+(?:"
    rf"{CONNECT}\s+)?{WORD}){{0,4}})?\s*\?")
CONFIRM = re.compile(r"^(?:yes|yeah|yep|speaking|this is|that'?s me|that is me|it is|it'?s me|"
                     r"you are|you have|i am|that'?s right|that'?d be me|that would be me|"
                     r"correct|you are|you got|si|soy yo|el mismo|la misma|con (?:el|ella)|"
                     r"(?:ella|el) habla|sim|sou eu|e ele|e ela)\b")
CALLER_PITCH = re.compile(r"\b(?:you (?:requested|asked|downloaded|enquired|inquired|filled in|"
                          r"signed up|contacted us|got in touch|wrote|were asking)|i'?m calling "
                          r"(?:from|about|because|on behalf)|calling (?:from|about|on behalf of)|"
                          r"(?:le|te|les) llamo (?:de|por|para|desde)|usted(?:es)? (?:nos |me )?"
                          r"(?:pidio|solicito|pregunto|escribio|consulto))\b")
# asking whether the other party is someone from somewhere: 'How is the scary Simmons from Oak
# Ridge Dental?' ('Hi, is this Casey Simmons from ...' misheard)
ASKED_FOR = re.compile(NAME + rf"\s+(?i:from|at|with|de|del)\s+(?P<co>{WORD}(?:\s+{WORD}){{0,3}})"
                       r"\s*\?$")
# asking for whoever holds a role at the other party's company: the caller prospecting
ASKED_ROLE = re.compile(
    r"(?i:\b(?:looking for|speak (?:with|to)|talk (?:with|to)|hablar con|busco a|buscando a)\s+"
    r"(?:whoever|the person (?:who|that)|someone who|the (?:owner|manager|person in charge|"
    r"decision maker|buyer)|quien|la persona que|el responsable|la responsable|el encargado|"
    r"la encargada|el dueño|la dueña)\b[^.?!]*?\b(?:at|of|from|in|en|de|del)\s+)"
    rf"(?P<co>{WORD}(?:\s+(?:{CONNECT}\s+)?{WORD}){{0,3}})")


def clean_name(name: str) -> str | None:
    words = name.split()
    while words and fold(words[-1]) in NOT_NAME:
        words.pop()
    while len(words) > 1 and fold(words[0]) in NOT_NAME:  # 'Con Rocío Valdés', 'Oh Jenna'
        words.pop(0)
    if not words or fold(words[0]) in NOT_NAME or len(words[0]) < 2:
        return None
    return " ".join(words)
