"""The local extractor's other fields (products, place, budget, phone) on transcripts shaped like
what the recogniser writes: turns cut into several segments, digits and "$", numbers said in
pieces, a region or country cut off into a segment of its own. Calls written for these tests, not
from the quality corpus."""

from core.local_extraction import extract
from core.places import Gazetteer, Place, default_gazetteer
from models.analysis import CallAnalysis
from tests.core.helpers import call

GAZ = Gazetteer()
for _name, _place in [
    ("Calgary", Place("Calgary", "CA", "city", None, 1_300_000)),
    ("Alberta", Place("Alberta", "CA", "region", "Alberta", 10**8)),
    ("Canada", Place("Canada", "CA", "country", None, 10**9)),
    ("Tulsa", Place("Tulsa", "US", "city", "Oklahoma", 400_000)),
]:
    GAZ.add(_name, _place)


def _run(*turns: tuple[str, str], language: str = "en",
         gazetteer: Gazetteer | None = None) -> CallAnalysis:
    """The call with its roles given (R the rep, C the customer)."""
    transcript = call(*turns, language=language, roles=True)
    return extract(transcript, gazetteer=gazetteer or GAZ)


def _products(a: CallAnalysis) -> list[str]:
    return [p.value for p in a.products_of_interest]


def test_products_asked_as_a_price_on_and_as_what_i_need_is() -> None:
    a = _run(
        ("R", "Greenroof Energy, this is Tess."),
        ("C", "Hi Tess, we'd like to get a price on heat pumps plus a hot water tank if it "
              "fits."),
        ("C", "What we need is a smart thermostat for each flat."),
    )
    assert _products(a) == ["heat pumps", "hot water tank", "smart thermostat"]


def test_a_worn_out_thing_replaced_with_another_and_the_reps_generic_word_gives_way() -> None:
    a = _run(
        ("R", "Hi, it's Lee from Kilnworks. You filled in our form about a pottery kiln."),
        ("C", "Yes. Our old electric kiln is falling apart,"),
        ("C", "and I want to replace it with a gas kiln."),
    )
    assert _products(a) == ["electric kiln", "gas kiln"]


def test_a_product_named_after_having_a_look_and_mainly() -> None:
    a = _run(
        ("R", "Stockroom Apps, Dee speaking."),
        ("C", "I'm having a look at what else is out there, mainly barcode stock counting."),
    )
    assert _products(a) == ["barcode stock counting"]


def test_spanish_products_of_a_quote_with_the_verb_conjugated() -> None:
    a = _run(
        ("R", "Buenas tardes, Envases del Valle, habla Rosa."),
        ("C", "Queremos que nos coticen cajas de cartón para fruta, unas mil."),
        ("R", "¿Algo más?"),
        ("C", "Hemos cotizado un sistema de etiquetado para la planta."),
        language="es",
    )
    assert _products(a) == ["cajas de cartón", "sistema de etiquetado"]


def test_the_currency_said_after_a_dollar_sign_wins() -> None:
    a = _run(
        ("R", "Do you have a budget in mind?"),
        ("C", "Maybe $8,000 Canadian dollars, but it's early days."),
    )
    assert a.budget and (a.budget.value.amount, a.budget.value.currency) == (8000, "CAD")
    plain = _run(("R", "What's the budget?"), ("C", "About $3,500."))
    assert plain.budget and (plain.budget.value.amount, plain.budget.value.currency) == \
        (3500, "USD")


def test_a_phone_number_said_over_sentences_of_one_turn() -> None:
    a = _run(
        ("R", "I'll send a quote. What's your number?"),
        ("C", "My number is 918."),
        ("C", "5, 5, 5."),
        ("C", "0122."),
        gazetteer=GAZ,
    )
    assert a.contact_phone and a.contact_phone.value == "+19185550122"


def test_a_phone_number_split_by_the_reps_backchannel() -> None:
    a = _run(
        ("R", "What's the best number to reach you?"),
        ("C", "It's four zero three, five five five,"),
        ("R", "Mm-hm."),
        ("C", "zero one four seven."),
    )
    assert a.contact_phone and a.contact_phone.value == "+14035550147"


def test_numbers_in_pieces_are_no_phone_where_no_number_is_asked_for() -> None:
    a = _run(
        ("R", "How many vans, and how many drivers?"),
        ("C", "Eleven vans."),
        ("C", "Twelve drivers, maybe fifteen."),
        ("C", "Twenty five seats. Thirty later."),
    )
    assert a.contact_phone is None


def test_a_region_and_a_country_the_recogniser_cut_off_from_the_city() -> None:
    a = _run(
        ("R", "Paintline, Dana speaking."),
        ("C", "Our shop is in Calgary, and we're the..."),
        ("C", "...canada."),
    )
    assert a.location and (a.location.value.city, a.location.value.country) == \
        ("Calgary", "canada")
    not_a_place = _run(("C", "Our shop is in Calgary."), ("C", "Nice to meet you."))
    assert not_a_place.location and not_a_place.location.value.country is None


def test_first_level_regions_of_spanish_speaking_countries_are_known() -> None:
    a = _run(
        ("R", "Empaques Andinos, buenas tardes."),
        ("C", "Le habla Camila, de una finca en Pereira, Risaralda, Colombia."),
        language="es", gazetteer=default_gazetteer(),
    )
    assert a.location and (a.location.value.city, a.location.value.region,
                           a.location.value.country) == ("Pereira", "Risaralda", "Colombia")


def test_a_scale_without_its_figure_is_no_budget_but_money_was_said() -> None:
    a = _run(
        ("R", "Have you got a figure in mind?"),
        ("C", "Around time, thousand euro for the first year."),
        ("R", "I'll send the contract today and book the onboarding call for Monday the 4th."),
        ("C", "Perfect."),
    )
    assert a.budget is None  # 'nine thousand' misheard: no figure invented
    assert a.buying_intent.value == "high"  # a dated step accepted, and a budget was said
    heard = _run(("R", "Budget?"), ("C", "Around nine thousand euro."))
    assert heard.budget and (heard.budget.value.amount, heard.budget.value.currency) == \
        (9000, "EUR")


def test_spanish_digits_with_a_decimal_comma_and_a_euro_sign_after_the_figure() -> None:
    a = _run(("R", "¿Qué presupuesto tienen?"), ("C", "Unos 1,5 millones de pesos."),
             language="es")
    assert a.budget and a.budget.value.amount == 1_500_000
    b = _run(("R", "¿Y el presupuesto?"), ("C", "Tenemos 5.000 € para esto."), language="es")
    assert b.budget and (b.budget.value.amount, b.budget.value.currency) == (5000, "EUR")


def test_products_asked_about_in_more_everyday_ways() -> None:
    assert _products(_run(("R", "How can I help?"), ("C", "I'm calling about your payroll "
                                                         "software."))) == ["payroll software"]
    assert _products(_run(("R", "How can I help?"), ("C", "Do you do solar panels?"))) == \
        ["solar panels"]
    assert _products(_run(("R", "How can I help?"),
                          ("C", "How much would the cloud backup cost for forty laptops?"))) == \
        ["cloud backup"]
    assert _products(_run(("R", "¿En qué le puedo ayudar?"),
                          ("C", "Quisiera saber el precio de la máquina de café."),
                          ("C", "Necesitaríamos unas cámaras de seguridad para la tienda."),
                          ("C", "Y quería información del sistema de riego."),
                          language="es")) == [
        "máquina de café", "cámaras de seguridad", "sistema de riego"]


def test_a_list_of_products_the_recogniser_cut_into_two_sentences() -> None:
    a = _run(
        ("R", "How can I help?"),
        ("C", "We're interested in your fleet tracking software."),
        ("C", "And the premium support plan."),
        ("R", "Sure."),
        ("C", "And we have eighty trucks."),
    )
    assert _products(a) == ["fleet tracking software", "premium support plan"]
    alone = _run(("R", "Anything else?"), ("C", "And the weather is nice."))
    assert _products(alone) == []


def test_a_spanish_quote_asked_for_del_producto_is_medium_intent() -> None:
    a = _run(("R", "¿Quiere que le mande una cotización?"),
             ("C", "sí, mándeme una cotización del sistema de alarmas"), language="es")
    assert _products(a) == ["sistema de alarmas"]
    assert a.buying_intent.value == "medium"


def test_places_said_without_the_comma_after_the_article_or_first_in_an_answer() -> None:
    gaz = default_gazetteer()
    a = _run(("R", "Hello, Acme."), ("C", "Hi, this is Tom, calling from Denver Colorado."),
             gazetteer=gaz)
    assert a.location and (a.location.value.city, a.location.value.region) == \
        ("Denver", "Colorado")
    b = _run(("R", "Where are you based?"), ("C", "Manchester, in the UK."), gazetteer=gaz)
    assert b.location and (b.location.value.city, b.location.value.country) == \
        ("Manchester", "UK")
    c = _run(("R", "Hello?"), ("C", "We're in the Netherlands."), gazetteer=gaz)
    assert c.location and c.location.value.country == "Netherlands"


def test_a_big_place_with_its_en_glued_on_and_a_region_after_on() -> None:
    gaz = default_gazetteer()
    a = _run(("R", "Hola."), ("C", "Tengo una tienda de ropa, encali, colombia."), language="es",
             gazetteer=gaz)
    assert a.location and (a.location.value.city, a.location.value.country) == \
        ("cali", "colombia")
    b = _run(("R", "Hola."), ("C", "Entonces lo vemos, encima de la mesa."), language="es",
             gazetteer=gaz)
    assert b.location is None
    c = _run(("R", "Hi."), ("C", "We're a small bakery on Ohio."), gazetteer=gaz)
    assert c.location and c.location.value.region == "Ohio"
    d = _run(("R", "Hi."), ("C", "We're on Denver time, I think."), gazetteer=gaz)
    assert d.location is None  # 'on' is the recogniser's 'in' only before a region or country


def test_a_misspelled_region_or_country_after_a_place_of_that_country_is_read_by_its_sound(
) -> None:
    gaz = default_gazetteer()
    a = _run(("R", "¿Desde dónde nos llama?"), ("C", "Pues estamos en Valencia, Espaya."),
             language="es", gazetteer=gaz)
    assert a.location and (a.location.value.city, a.location.value.country) == \
        ("Valencia", "España")
    b = _run(("R", "¿De dónde es usted?"), ("C", "Soy de buenos aires. Argentía."),
             language="es", gazetteer=gaz)
    assert b.location and (b.location.value.city, b.location.value.country) == \
        ("buenos aires", "Argentina")
    # a name after a city is no country: Marta does not sound like a country of Madrid's
    c = _run(("R", "¿Desde dónde?"), ("C", "Estamos en Madrid, Marta."), language="es",
             gazetteer=gaz)
    assert c.location and (c.location.value.city, c.location.value.country) == ("Madrid", None)
    # said last after 'en', with no other place in the sentence
    d = _run(("R", "Hola."), ("C", "Soy la encargada de compras, en menosa."), language="es",
             gazetteer=gaz)
    assert d.location and d.location.value.region == "Mendoza"
    e = _run(("R", "Hola."), ("C", "Ya estamos en marcha."), ("C", "Lo vemos en persona."),
             language="es", gazetteer=gaz)
    assert e.location is None
    assert gaz.sounds_like("Marta") == ("Malta", gaz.places["malta"])
    assert gaz.sounds_like("Cataluya") is None  # Cataluña or Catalunya: two places that close


def test_a_budget_range_is_its_upper_figure_and_a_bare_figure_answers_the_question() -> None:
    a = _run(("R", "What's your budget?"),
             ("C", "Somewhere between 15 and 20 thousand dollars."))
    assert a.budget and (a.budget.value.amount, a.budget.value.currency) == (20000, "USD")
    b = _run(("R", "What's your budget?"), ("C", "No more than 5 grand."))
    assert b.budget and (b.budget.value.amount, b.budget.value.currency) == (5000, None)
    c = _run(("R", "What's your budget?"), ("C", "Well, we have 2000 users."))
    assert c.budget is None  # a count, not money


def test_a_small_town_only_where_the_call_says_a_place_is_given() -> None:
    gaz = Gazetteer()
    gaz.add("California", Place("California", "US", "region", "California", 10**8))
    gaz.small["napa"] = Place("Napa", "US", "city", "California", 80_000)
    gaz.small["sterling"] = Place("Sterling", "US", "city", "Virginia", 28_000)
    out_in = _run(("R", "Cellarsoft."), ("C", "Lucas Moreau, Moreau Wines, we're out in Napa."),
                  gazetteer=gaz)
    assert out_in.location and out_in.location.value.city == "Napa"
    with_region = _run(("R", "Hi."), ("C", "We're a winery from Napa, California."),
                       gazetteer=gaz)
    assert with_region.location and (with_region.location.value.city,
                                     with_region.location.value.region) == ("Napa", "California")
    company = _run(("R", "Hi."), ("C", "This is Ann from Sterling, about the invoice."),
                   gazetteer=gaz)
    assert company.location is None  # 'from Sterling' names a company as often as a town


def test_products_named_after_an_ad_a_move_a_purchase_plan_or_as_a_nice_extra() -> None:
    cases = [
        ("I saw your ad for the inventory app and wanted to know more.", ["inventory app"]),
        ("We're thinking about moving to your accounting package.", ["accounting package"]),
        ("Could you quote me for fifty office chairs?", ["office chairs"]),
        ("We're looking to buy two forklifts.", ["forklifts"]),
        ("I'm ringing to ask about your window cleaning service.", ["window cleaning service"]),
        ("Mainly we need a CRM, but a helpdesk would be nice too.", ["CRM", "helpdesk"]),
        ("I need something to manage our rota, like a scheduling tool.", ["scheduling tool"]),
        ("We're hoping to upgrade our phone system to something cloud based.", ["phone system"]),
        # not products
        ("We're moving to a new office next month.", []),
        ("I wanted to ask about my invoice.", []),
        ("We're looking to hire two people.", []),
    ]
    for said, products in cases:
        assert _products(_run(("R", "How can I help?"), ("C", said))) == products, said


def test_the_answer_to_what_did_you_have_in_mind_ends_where_the_product_does() -> None:
    a = _run(("R", "What did you have in mind?"), ("C", "Probably the basic plan to start with."))
    assert _products(a) == ["basic plan"]
    b = _run(("R", "What can I help you with?"), ("C", "Commercial cleaning for our two offices."))
    assert _products(b) == ["Commercial cleaning"]


def test_spanish_products_after_an_ad_and_a_need_said_as_hace_falta() -> None:
    a = _run(("R", "Buenos días."),
             ("C", "Vi su anuncio del software de inventario y quería más información."),
             ("C", "Nos haría falta un servicio de mantenimiento para los ascensores."),
             ("C", "Y nos hace falta tiempo para pensarlo."), language="es")
    assert _products(a) == ["software de inventario", "servicio de mantenimiento"]


def test_an_address_the_recogniser_cut_into_sentences_or_turns() -> None:
    a = _run(("R", "What's your e-mail?"), ("C", "It's grace dot liu."),
             ("C", "At harbourside physio dot com."))
    assert a.contact_email and a.contact_email.value == "grace.liu@harboursidephysio.com"
    b = _run(("R", "¿Su correo?"), ("C", "Es jordi punto puig,"), ("R", "Ajá."),
             ("C", "arroba talleres puig punto es."), language="es")
    assert b.contact_email and b.contact_email.value == "jordi.puig@tallerespuig.es"


def test_no_country_code_is_assumed_for_a_spanish_call_with_no_place() -> None:
    a = _run(("R", "¿Su teléfono?"), ("C", "Es el 55 1234 5678."), language="es")
    assert a.contact_phone and a.contact_phone.value == "5512345678"
    b = _run(("R", "¿Su teléfono?"), ("C", "Estamos en Monterrey. Es el 81 1234 5678."),
             language="es", gazetteer=default_gazetteer())
    assert b.contact_phone and b.contact_phone.value == "+528112345678"


def test_a_dollar_sign_in_a_spanish_call_from_a_peso_country_is_the_peso() -> None:
    gaz = default_gazetteer()
    a = _run(("R", "¿De dónde nos llama?"), ("C", "De Monterrey."), ("R", "¿Presupuesto?"),
             ("C", "Unos $30.000."), language="es", gazetteer=gaz)
    assert a.budget and (a.budget.value.amount, a.budget.value.currency) == (30000, "MXN")
    b = _run(("R", "¿De dónde nos llama?"), ("C", "De Monterrey."), ("R", "¿Presupuesto?"),
             ("C", "Unos $5,000 dólares."), language="es", gazetteer=gaz)
    assert b.budget and b.budget.value.currency == "USD"
    c = _run(("R", "Where are you based?"), ("C", "Monterrey."), ("R", "Budget?"),
             ("C", "About $30,000."), gazetteer=gaz)
    assert c.budget and c.budget.value.currency == "USD"


def test_a_phone_number_given_again_in_a_correction_wins() -> None:
    a = _run(("R", "Your number?"), ("C", "It's 312 555 0100."),
             ("C", "Sorry, I mean 312 555 0199, that's my cell."))
    assert a.contact_phone and a.contact_phone.value == "+13125550199"
    b = _run(("R", "Your number?"), ("C", "It's 312 555 0100."),
             ("C", "And the office is 312 555 0111."))
    assert b.contact_phone and b.contact_phone.value == "+13125550100"


def test_a_figure_with_no_currency_followed_by_words_that_count_nothing_is_money() -> None:
    a = _run(("R", "What could you spend?"), ("C", "We can spend 10k on it."))
    assert a.budget and a.budget.value.amount == 10000
    b = _run(("R", "¿Presupuesto?"), ("C", "Tenemos unos 20.000 en total."), language="es")
    assert b.budget and b.budget.value.amount == 20000


def test_a_lower_case_place_glued_by_a_hyphen_to_a_word_is_no_place() -> None:
    gaz = Gazetteer()
    gaz.add("Rom", Place("Rome", "IT", "city", None, 2_300_000))
    a = _run(("R", "Hi."), ("C", "Here, it's lumped from not-get-famacy, rom-toly."), gazetteer=gaz)
    assert a.location is None
    b = _run(("R", "Hi."), ("C", "We're a small shop, rom and nearby."), gazetteer=gaz)
    assert b.location and b.location.value.city == "rom"


def test_products_priced_up_moved_onto_and_plural_with_a_brand_like_name() -> None:
    a = _run(("R", "Kitchen desk, how can I help?"),
             ("C", "two of our Vantor fryers are on their last legs"),
             ("C", "could you price up a couple of Coldline blast chillers as well"),
             ("C", "We want to move the whole office onto a hosted phone system."))
    # the recogniser ran the first two segments into one sentence
    assert sorted(_products(a)) == ["Coldline blast chillers", "Vantor fryers",
                                    "hosted phone system"]


def test_the_worn_thing_gives_way_to_the_new_one_of_its_kind_named_with_it() -> None:
    a = _run(("R", "Hello?"),
             ("C", "Our coffee machines are on their last legs, so I'd like a price for two "
                   "espresso machines."))
    assert _products(a) == ["espresso machines"]


def test_spanish_products_asked_for_as_a_quote_swapped_and_listed_round_an_aside() -> None:
    a = _run(("R", "Dime."),
             ("C", "queremos cambiar las alarmas viejas por unas con aviso al móvil."),
             ("C", "Pásame presupuesto también de un videoportero."), language="es")
    assert _products(a) == ["alarmas con aviso al móvil", "videoportero"]
    b = _run(("R", "¿Qué necesitas?"),
             ("C", "Me interesan unas cinco licencias del módulo de nóminas y, si se puede, "
                   "la app de fichajes."),
             ("C", "El programa que usamos ya no da para más."), language="es")
    assert _products(b) == ["licencias del módulo de nóminas", "app de fichajes"]


def test_what_was_named_before_its_clitic_is_not_a_product_and_the_rep_recalls_one() -> None:
    a = _run(("R", "Le llamo por el control de accesos que nos pidió."),
             ("C", "Sí, y lo queremos instalado en octubre."), language="es")
    assert _products(a) == ["control de accesos"]
    b = _run(("R", "We spoke at the expo about our queue management screens."),
             ("C", "Right, yes."))
    assert _products(b) == ["queue management screens"]


def test_a_quote_asked_for_with_its_verb_lost_and_a_clause_that_is_not_a_product() -> None:
    a = _run(("R", "Buenas tardes."),
             ("C", "Hola, querida venir un presupuesto para un sistema de control de stock."),
             ("R", "¿Cuánto quiere gastar?"),
             ("C", "Un presupuesto de cinco mil euros."), language="es")
    assert _products(a) == ["sistema de control de stock"]
    b = _run(("R", "What budget are you working with?"),
             ("C", "12,000 pounds, and we want every being sold by the end of March."),
             ("C", "We want to move the whole office unto a cloud phone system."))
    assert _products(b) == ["cloud phone system"]


def test_an_address_with_the_recognisers_apostrophe_and_pesos_with_a_glued_de() -> None:
    a = _run(("R", "Where should I send them?"), ("C", "Tom at Becker's Bakehouse.com"))
    assert a.contact_email and a.contact_email.value == "tom@beckersbakehouse.com"
    gaz = Gazetteer()
    gaz.add("Colombia", Place("Colombia", "CO", "country", None, 10**9))
    b = _run(("C", "Buenas tardes, de Café Alto, en Colombia."), ("R", "Tiene un preso puesto."),
             ("C", "Unos 30 millones nepesos."), language="es", gazetteer=gaz)
    assert b.budget and (b.budget.value.amount, b.budget.value.currency) == (30_000_000, "COP")


def test_what_is_installed_loved_or_failing_under_a_relative_clause() -> None:
    a = _run(("R", "Dígame."), ("C", "Nos interesaría instalar paneles solares."), language="es")
    assert _products(a) == ["paneles solares"]
    b = _run(("R", "Dígame."),
             ("C", "La caldera que tenemos ya no funciona bien y queremos cambiarla."),
             language="es")
    assert _products(b) == ["caldera"]
    c = _run(("R", "Hi."), ("C", "We'd love to get a proper CRM in place."))
    assert _products(c) == ["CRM"]
    # a thing not named, only called 'the program we use', is not a product
    d = _run(("R", "Dígame."), ("C", "El programa que usamos ya no da para más."),
             language="es")
    assert _products(d) == []


def test_products_asked_as_do_you_do_what_would_it_run_us_and_a_comma_list() -> None:
    assert _products(_run(("R", "Hi."), ("C", "Do you guys do managed Wi-Fi for offices?"))) == \
        ["managed Wi-Fi"]
    assert _products(_run(("R", "Hi."), ("C", "What would twenty Zenbook laptops run us?"))) == \
        ["Zenbook laptops"]
    assert _products(_run(("R", "Hi."), ("C", "We're after dashcams, GPS trackers and fuel "
                                              "cards for the fleet."))) == \
        ["dashcams", "GPS trackers", "fuel cards"]
    # a list that goes on into a clause or a time is not read as products
    assert _products(_run(("R", "Hi."), ("C", "I need fleet insurance for three vans, my "
                                              "current policy ends next month."))) == \
        ["fleet insurance"]


def test_an_answer_to_what_can_i_do_for_you_and_things_that_broke() -> None:
    assert _products(_run(("R", "What can I do for you?"),
                          ("C", "Ergonomic chairs, about sixty of them."))) == ["Ergonomic chairs"]
    assert _products(_run(("R", "What can I do for you?"), ("C", "Hi Colin."))) == []
    assert _products(_run(("R", "Hi."), ("C", "Our label printer died, so I'm after a new "
                                              "one."))) == ["label printer"]
    assert _products(_run(("R", "Dígame."), ("C", "¿Tienen sillas de oficina? Necesitaríamos "
                                                   "unas treinta."), language="es")) == \
        ["sillas de oficina"]


def test_budgets_said_as_a_quarter_of_a_million_and_forty_k_canadian() -> None:
    a = _run(("R", "Budget?"), ("C", "A quarter of a million dollars."))
    assert a.budget and (a.budget.value.amount, a.budget.value.currency) == (250_000, "USD")
    b = _run(("R", "Budget?"), ("C", "Forty K Canadian."))
    assert b.budget and (b.budget.value.amount, b.budget.value.currency) == (40_000, "CAD")
    c = _run(("R", "What's your budget?"), ("C", "About 40k dollars."))
    assert c.budget and (c.budget.value.amount, c.budget.value.currency) == (40_000, "USD")
