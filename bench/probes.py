"""`python -m bench.probes`: short probes of the local extractor, scored as bench.quality scores
the corpus: one-line product requests and short calls for buying intent, written on 2026-12-03
in two sets each. The first set of each ("looked at") was read and its misses fixed; the
second ("not tuned to") was only scored, before and after those fixes, and no rule is written
against it. Set apart from the corpus: text only, no audio, the roles given.

Products are scored with and without the grammar reading (`core.parsed_products`), which is
what the second column measures; intent with the engine as the app runs it.
"""

from __future__ import annotations

import sys

from rapidfuzz import fuzz

from adapters.extractors import LocalExtractor
from core.local_extraction import extract
from core.normalize import fold
from models.call import Segment, Speaker, Transcript

Turns = list[tuple[str, str]]

PRODUCTS_LOOKED_AT = [
    ('Any chance you could sort us out with a couple of standing desks for the new office?',
     ['standing desks']),
    ("We've outgrown our phone system, so we need something that can handle forty lines.",
     ['phone system']),
    ("I'm ringing about your solar panels, the ones with the battery.",
     ['solar panels']),
    ('Could somebody come and service our boiler before winter?',
     ['boiler']),
    ('What would you charge to redesign our website?',
     ['website']),
    ('The team keeps asking for noise-cancelling headsets.',
     ['noise-cancelling headsets']),
    ('We want to move our accounts onto cloud accounting software.',
     ['cloud accounting software']),
    ('I saw your ad for electric bikes and wondered about a fleet for our couriers.',
     ['electric bikes']),
    ('Do you do commercial cleaning for offices?',
     ['commercial cleaning']),
    ('Our fridge display units are on their last legs.',
     ['fridge display units']),
    ('Just after a quote for some security cameras round the back of the warehouse.',
     ['security cameras']),
    ("We're thinking of getting a coffee machine for the staff room.",
     ['coffee machine']),
    ('Is it possible to rent a marquee for a wedding in June?',
     ['marquee']),
    ('My accountant said I should look into payroll software.',
     ['payroll software']),
    ('We need new carpets in the meeting rooms.',
     ['carpets']),
    ('Can you supply printer toner in bulk?',
     ['printer toner']),
    ("Hi, I'm calling about the invoice you sent last week, it's wrong.",
     []),
    ('Thanks but we signed with another supplier yesterday.',
     []),
]
PRODUCTS_NOT_TUNED = [
    ("We'd love to hear more about your van tracking service.",
     ['van tracking service']),
    ('Could you price up a new roof for the workshop?',
     ['roof']),
    ("I'm interested in the training courses for forklift drivers.",
     ['training courses']),
    ('Our tills are ancient, we want proper point of sale terminals.',
     ['point of sale terminals']),
    ('Do you sell ergonomic keyboards?',
     ['ergonomic keyboards']),
    ("We're looking to lease two photocopiers for the school.",
     ['photocopiers']),
    ('What I really need is someone to manage our social media.',
     ['social media']),
    ('How much is the premium support plan per year?',
     ['premium support plan']),
    ('Could we get a demo of the booking software?',
     ['booking software']),
    ('Our staff need hi-vis jackets and safety boots.',
     ['hi-vis jackets', 'safety boots']),
    ("I'd like to order a water cooler for reception.",
     ['water cooler']),
    ('Is there a discount if we buy fifty tablets for the classrooms?',
     ['tablets']),
    ("We're shopping around for business energy contracts.",
     ['business energy contracts']),
    ('Our old alarm keeps going off, we want a smart alarm with an app.',
     ['smart alarm']),
    ('The lift in our building needs replacing.',
     ['lift']),
    ('Can I get a price for grease trap cleaning?',
     ['grease trap cleaning']),
    ("No, we don't need anything, I think you've got the wrong number.",
     []),
    ("I'm only calling to cancel my subscription.",
     []),
]

INTENT_LOOKED_AT = [
    ('en', [('R', 'Would you like me to book the installer for Thursday?'),
           ('C', "Yes, Thursday's good. I sign off on purchases here, and we've got twelve "
             'grand set aside.')],
     'high'),
    ('en', [('R', 'Shall I send the contract over?'),
           ('C', "Go ahead and send it, we'll sign it today.")],
     'high'),
    ('en', [('C', "I'm after a quote for twenty office chairs."),
           ('R', "Sure, I'll email it."),
           ('C', "Great, I'll look it over.")],
     'medium'),
    ('en', [('R', 'How can I help?'),
           ('C', "To be honest we're only gathering prices for next year, nothing's decided.")],
     'low'),
    ('en', [('R', 'Can I tell you about our fleet cards?'),
           ('C', 'Not for us, thanks. Please take us off your list.')],
     'none'),
    ('en', [('R', 'How can I help?'),
           ('C', "We might need new tills at some point, but the owner hasn't made up her "
             "mind, so don't hold your breath.")],
     'low'),
    ('es', [('R', '¿Le reservo la visita técnica para el martes?'),
           ('C', 'Sí, el martes perfecto. Yo soy la gerente y tenemos aprobados ocho mil euros.')],
     'high'),
    ('es', [('R', '¿En qué le puedo ayudar?'),
           ('C', 'Mándeme el contrato, que lo firmo esta tarde.')],
     'high'),
    ('es', [('C', 'Quería que me pasaran precio de unas persianas para la oficina.'),
           ('R', 'Claro, se lo envío.'),
           ('C', 'Vale, gracias.')],
     'medium'),
    ('es', [('R', '¿En qué le puedo ayudar?'),
           ('C', 'De momento solo estamos mirando, igual el año que viene.')],
     'low'),
    ('es', [('R', '¿Le interesaría nuestro seguro de hogar?'),
           ('C', 'No, no me interesa, y no me vuelvan a llamar.')],
     'none'),
    ('es', [('R', '¿En qué le puedo ayudar?'),
           ('C', 'Lo tengo que consultar con mi socio, no sé si nos lo podemos permitir.')],
     'low'),
]
INTENT_NOT_TUNED = [
    ('en', [('R', 'Can we get the pilot started on the first of March?'),
           ('C', "Let's do it. I'm the one who approves this, and the budget's already there.")],
     'high'),
    ('en', [('C', 'Could you send me the brochure for the water coolers?'),
           ('R', 'Of course.'),
           ('C', "Thanks, I'll have a read.")],
     'medium'),
    ('en', [('R', 'How can I help?'),
           ('C', "We're not really in the market right now, maybe check back in the autumn.")],
     'low'),
    ('en', [('R', 'Are you the person who handles your energy contracts?'),
           ('C', "I am, but we're locked in for three years, so no thanks.")],
     'none'),
    ('en', [('C', "We'd like a demo of the scheduling tool next week if possible."),
           ('R', 'Tuesday at ten?'),
           ('C', 'Tuesday at ten works.')],
     'medium'),
    ('en', [('R', 'How can I help?'),
           ('C', "Honestly it sounds expensive, I doubt we'll go for it.")],
     'low'),
    ('es', [('R', '¿Le parece bien que empecemos la instalación el lunes?'),
           ('C', 'Sí, adelante. El presupuesto de cinco mil euros está aprobado y decido yo.')],
     'high'),
    ('es', [('C', '¿Me podría enviar un presupuesto para cambiar las ventanas?'),
           ('R', 'Por supuesto.'),
           ('C', 'Muy bien, gracias.')],
     'medium'),
    ('es', [('R', '¿En qué le puedo ayudar?'),
           ('C', 'Ahora mismo no es buen momento, quizá más adelante.')],
     'low'),
    ('es', [('R', '¿Dígame?'),
           ('C', 'Se ha equivocado de número, aquí no es la empresa que busca.')],
     'none'),
    ('es', [('C', 'Me interesa el plan de fibra, ¿me lo explica por correo?'),
           ('R', 'Claro.')],
     'medium'),
    ('es', [('R', '¿En qué le puedo ayudar?'),
           ('C', 'Gracias, pero ya tenemos proveedor y estamos contentos.')],
     'none'),
]


def _call(turns: Turns, language: str) -> Transcript:
    segments = [Segment(start=float(i), end=i + 0.9, text=text, confidence=1.0, speaker=who)
                for i, (who, text) in enumerate(turns)]
    return Transcript(text=" ".join(t for _, t in turns), segments=segments, language=language,
                      speakers=[Speaker(label="R", role="rep"),
                                Speaker(label="C", role="customer")])


def _same(want: list[str], got: list[str]) -> bool:
    return len(got) == len(want) and all(fuzz.token_set_ratio(fold(w), fold(g)) >= 80
                                         for w, g in zip(want, got, strict=True))


def products_right(items: list[tuple[str, list[str]]], engine: LocalExtractor | None) -> int:
    """How many requests come back with exactly their products (`engine` None: the rules
    without spaCy)."""
    right = 0
    for said, want in items:
        call = _call([("R", "How can I help?"), ("C", said)], "en")
        analysis = engine.extract(call).analysis if engine else extract(call, None)
        right += _same(want, [p.value for p in analysis.products_of_interest])
    return right


def intent_right(items: list[tuple[str, Turns, str]], engine: LocalExtractor) -> int:
    return sum(engine.extract(_call(turns, lang)).analysis.buying_intent.value == want
               for lang, turns, want in items)


def main() -> int:
    engine = LocalExtractor(None)
    print("| probe set | calls | rules alone | as the app runs it |\n|---|---|---|---|")
    for name, items in (("products, looked at", PRODUCTS_LOOKED_AT),
                        ("products, not tuned to", PRODUCTS_NOT_TUNED)):
        print(f"| {name} | {len(items)} | {products_right(items, None)} | "
              f"{products_right(items, engine)} |")
    for name, calls in (("intent, looked at", INTENT_LOOKED_AT),
                        ("intent, not tuned to", INTENT_NOT_TUNED)):
        print(f"| {name} | {len(calls)} | | {intent_right(calls, engine)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
