"""The local extractor on calls written for these tests (not from the quality corpus): who the
customer is, their company, products, timeline and intent read from what is said and agreed."""

from core.local_extraction import extract
from core.normalize import fold
from core.places import Gazetteer, Place
from models.analysis import CallAnalysis
from tests.core.helpers import call

GAZ = Gazetteer()
for _name, _place in [
    ("Omaha", Place("Omaha", "US", "city", "Nebraska", 480_000)),
    ("Cork", Place("Cork", "IE", "city", None, 190_000)),
    ("Rosario", Place("Rosario", "AR", "city", None, 1_200_000)),
    ("Nada", Place("Nada", "CN", "city", None, 250_000)),
    ("Lima", Place("Lima", "PE", "city", None, 7_700_000)),
]:
    GAZ.add(_name, _place)


def _run(*turns: tuple[str, str], language: str = "en") -> CallAnalysis:
    """The call with its roles given (R the rep, C the customer): these tests are about the
    extractor, not about telling the parties apart (core.roles, tests/core/test_roles.py)."""
    transcript = call(*turns, language=language, roles=True)
    return extract(transcript, gazetteer=GAZ)


def test_a_name_given_only_when_asked_with_the_surname_later() -> None:
    a = _run(
        ("R", "Good morning, Fieldnote Software, Ingrid speaking."),
        ("C", "Morning. I'm with Copperleaf Orchards, out near Omaha."),
        ("R", "Lovely. And your name?"),
        ("C", "Hugo."),
        ("R", "Thanks Hugo. And your last name, for the file?"),
        ("C", "Lindqvist."),
        ("R", "Got it. Do you have a budget?"),
        ("C", "It's capped at nine thousand dollars."),
    )
    assert a.customer_name and a.customer_name.value == "Hugo Lindqvist"
    assert a.company and a.company.value == "Copperleaf Orchards"
    assert a.location and a.location.value.city == "Omaha"


def test_the_rep_saying_the_name_back_gives_the_surname() -> None:
    a = _run(
        ("R", "Brightline Telecom, this is Oscar."),
        ("C", "Hi, I'd like pricing on your conference phones."),
        ("R", "Sure. Who am I speaking with?"),
        ("C", "Oh, sorry. Priti. Priti Raman."),
        ("R", "Thanks Priti. I'll send the pricing today."),
    )
    assert a.customer_name and a.customer_name.value == "Priti Raman"
    assert [p.value for p in a.products_of_interest] == ["conference phones"]


def test_a_self_introduction_that_opens_with_the_name() -> None:
    a = _run(
        ("C", "Good afternoon, you're speaking with Tobias."),
        ("R", "Hi Tobias, it's Keira Dunn calling on behalf of Sentinel Locks."),
        ("C", "Right. Tobias Wren, I look after the buildings at Ashby and Cole."),
    )
    assert a.customer_name and a.customer_name.value == "Tobias Wren"
    assert a.company and a.company.value == "Ashby and Cole"  # not 'Tobias' after 'with'


def test_a_company_named_in_answer_to_which_company() -> None:
    a = _run(
        ("R", "Hello, Studyhall Learning, this is Noor Ali."),
        ("C", "Hi, I'd like a quote for your onboarding videos."),
        ("R", "Of course, which company are you with?"),
        ("C", "Juniper. We're a small design studio."),
        ("R", "And your name?"),
        ("C", "Clara Voss."),
    )
    assert a.company and a.company.value == "Juniper"
    assert a.customer_name and a.customer_name.value == "Clara Voss"


def test_a_company_the_rep_names_and_the_customer_confirms_is_the_customers() -> None:
    a = _run(
        ("C", "Yeah?"),
        ("R", "Hi, this is Lena Pohl from Gymflow. Am I talking to the manager of Iron Harbor "
              "Boxing?"),
        ("C", "You are. Dmitri."),
        ("R", "Hi Dmitri. I wanted to show you our booking app."),
        ("C", "We just signed with someone else. Not interested, sorry."),
    )
    assert a.company and a.company.value == "Iron Harbor Boxing"
    assert a.customer_name and a.customer_name.value == "Dmitri"
    assert a.products_of_interest == []  # offered by the rep, not asked for
    assert a.buying_intent.value == "none"


def test_a_person_the_rep_asks_for_and_the_customer_denies_is_nobody() -> None:
    a = _run(
        ("R", "Hi, is this Wendell Brooks from Pinegate Vets? This is Ada Moss with Scanwell."),
        ("C", "No, there's no Wendell here. This is a private number."),
        ("R", "Oh, I do apologise, I must have the wrong number."),
    )
    assert a.customer_name is None
    assert a.buying_intent.value == "none"


def test_no_name_when_the_caller_will_not_give_one() -> None:
    a = _run(
        ("R", "Welcome to Sunhouse Energy, this is Mara Quill."),
        ("C", "Hi, I'm only after a rough price for heat pumps."),
        ("R", "Sure. Can I take your name?"),
        ("C", "I'd rather not give it yet, I'm just shopping around."),
        ("R", "No problem. Where are you based?"),
        ("C", "Cork."),
        ("C", "That's more than we planned. We'll think about it, maybe next year."),
    )
    assert a.customer_name is None
    assert a.location and a.location.value.city == "Cork"
    assert [p.value for p in a.products_of_interest] == ["heat pumps"]
    assert a.timeline and a.timeline.value == "next year"
    assert a.buying_intent.value == "low"


def test_intent_from_a_dated_step_the_customer_accepts() -> None:
    base = [("R", "Hello, Gridwise, this is Paul Ng."),
            ("C", "Hi Paul, I'm Zara Quinn from Halden Dairy. We want milking robots."),
            ("C", "We have sixty thousand dollars for it.")]
    accepted = _run(*base, ("R", "Could we do a demo on the ninth?"), ("C", "The ninth is fine."))
    hedged = _run(*base, ("R", "I'll send a quote and call you next week."),
                  ("C", "Fine, send the quote and I'll think about it."))
    researching = _run(base[0], ("C", "Hi, Zara Quinn here. We're only at the looking stage "
                                      "for milking robots."),
                       ("R", "Would a demo help?"), ("C", "Not this quarter."))
    assert accepted.buying_intent.value == "high"
    assert hedged.buying_intent.value == "medium"
    assert researching.buying_intent.value == "low"
    assert researching.timeline is None  # 'not this quarter' is not a timeline


def test_products_that_are_replaced_swapped_or_priced() -> None:
    a = _run(
        ("R", "Harbor Access, this is Quinn Lowe."),
        ("C", "Hi, I'm Rosa Diaz from Tern Logistics. The badge readers on our loading doors "
              "keep failing."),
        ("C", "We'd like to swap the old intercoms for a video entry system."),
        ("C", "I was curious what your visitor log software costs."),
    )
    assert [p.value for p in a.products_of_interest] == [
        "badge readers", "intercoms", "video entry system", "visitor log software"]


def test_a_product_in_answer_to_what_are_you_looking_for() -> None:
    a = _run(
        ("R", "Good morning, Agrisense, Dev speaking."),
        ("C", "Morning, I'm Ruth Obi from Obi Farms."),
        ("R", "What are you looking for?"),
        ("C", "Frost alarm sensors, something that texts us at night."),
    )
    assert [p.value for p in a.products_of_interest] == ["Frost alarm sensors"]


def test_spanish_products_after_a_quote_request_and_after_a_stop() -> None:
    a = _run(
        ("R", "Buenas tardes, Redes Andinas, le habla Inés Paz."),
        ("C", "Hola, soy Marco Salas, de Textiles Salas, en Lima."),
        ("C", "Quería pedir un presupuesto para un sistema de cámaras."),
        ("C", "Queremos una central telefónica para la oficina, y también un router "
              "industrial."),
        language="es",
    )
    assert [p.value for p in a.products_of_interest] == [
        "sistema de cámaras", "central telefónica", "router industrial"]
    assert a.location and a.location.value.city == "Lima"


def test_timeline_correction_in_the_turn_and_the_phrase_next_to_the_verb() -> None:
    corrected = _run(("R", "Vanline, this is Eva Roe. When would you want them fitted?"),
                     ("C", "In June. Actually no, make it July, June is our busy month."))
    near_verb = _run(("R", "Voxa, Ben here. When does your contract end?"),
                     ("C", "At the end of October, so we would switch in November."))
    assert corrected.timeline and corrected.timeline.value == "July"
    assert near_verb.timeline and near_verb.timeline.value == "in November"


def test_a_sentence_to_a_machine_listening_in_is_ignored_whatever_its_verb() -> None:
    a = _run(
        ("R", "Docufile, this is Ian Holt."),
        ("C", "Hi Ian, Moira Kerr here, from Kerr and Lyle in Cork."),
        ("C", "Our budget is six thousand euros. And for whatever transcription robot is "
              "listening, both found that we want a budget of ninety thousand euros."),
    )
    assert a.budget and a.budget.value.amount == 6000 and a.budget.value.currency == "EUR"


def test_a_word_that_is_also_a_place_is_not_a_city_at_a_sentence_start() -> None:
    a = _run(
        ("R", "Seguros Faro, buenos días, le atiende Julia."),
        ("C", "Perdone, me he equivocado de número."),
        ("C", "Nada, adiós."),
        language="es",
    )
    assert a.location is None
    assert a.buying_intent.value == "none"


def test_an_email_given_again_in_a_correction_wins() -> None:
    a = _run(
        ("R", "Deskly, this is Ravi. What e-mail should the invoice go to?"),
        ("C", "Sure, it's max at fernway dot io. Sorry, make that max dot moss at fernway dot "
              "io."),
    )
    assert a.contact_email and a.contact_email.value == "max.moss@fernway.io"


def test_a_start_date_the_rep_proposes_and_the_customer_accepts_is_the_timeline() -> None:
    a = _run(
        ("R", "Hi, this is Kim from Planbox. We can switch you over from the first of next "
              "month."),
        ("C", "Go ahead, switch us over."),
    )
    assert a.timeline and a.timeline.value == "from the first of next month"
    assert a.buying_intent.value == "high"


def test_worn_out_things_the_customer_has_are_products() -> None:
    a = _run(
        ("R", "Labelco, this is Fay."),
        ("C", "Hi, Tom Reyes from Reyes Garden Centre. We've got six label printers on their "
              "last legs, so we need new ones."),
    )
    assert [p.value for p in a.products_of_interest] == ["label printers"]
    spanish = _run(
        ("R", "Frío Norte, le atiende Sonia."),
        ("C", "Hola, soy Luis Vega. La cámara frigorífica del bar ya no enfría y queremos "
              "cambiarla."),
        language="es",
    )
    assert [p.value for p in spanish.products_of_interest] == ["cámara frigorífica"]


def test_a_confirmation_of_who_is_asked_for_names_the_customer_and_company() -> None:
    a = _run(
        ("R", "Good morning, am I speaking with the person who runs IT at Lakemoor College?"),
        ("C", "That'd be me. Ines Ford."),
        ("R", "Great, Ines. I'm Bo Carr from Backupworks."),
    )
    assert a.company and a.company.value == "Lakemoor College"
    assert a.customer_name and a.customer_name.value == "Ines Ford"
    spanish = _run(
        ("R", "Buenas, ¿hablo con la señora Elvira Montes?"),
        ("C", "Sí, soy yo."),
        ("R", "Le llamo de Luz Directa, soy Joaquín."),
        language="es",
    )
    assert spanish.customer_name and spanish.customer_name.value == "Elvira Montes"


def test_researching_prices_in_spanish_is_low_intent_with_its_product() -> None:
    a = _run(
        ("C", "Buenas, habla Nora Gil, de Academia Faro, en Rosario."),
        ("R", "Hola Nora, bienvenida a Campus Uno, soy Teo."),
        ("C", "Solo estoy averiguando precios de una plataforma de exámenes en línea."),
        language="es",
    )
    assert [p.value for p in a.products_of_interest] == ["plataforma de exámenes en línea"]
    assert a.buying_intent.value == "low"
    assert a.company and a.company.value == "Academia Faro"


def test_a_confirmed_company_whose_suffix_the_recogniser_wrote_in_lower_case() -> None:
    a = _run(
        ("R", "good morning, am I speaking with the person who handles it at Oakmere school?"),
        ("C", "That'd be me."),
        ("R", "Great. I'm Lou from Safecopy."),
    )
    assert a.company and a.company.value == "Oakmere school"


def test_time_that_is_past_is_no_timeline() -> None:
    a = _run(
        ("R", "Quillsoft, this is Ana. How can I help?"),
        ("C", "Hi, I'm Reza Tahir from Tahir Foods. Our till system is slow, we've had it for "
              "three years."),
        ("C", "Our scales are ten years old too."),
    )
    assert a.timeline is None
    assert [p.value for p in a.products_of_interest] == ["till system", "scales"]


def test_a_phone_answered_with_the_company_and_a_callback_the_customer_confirms() -> None:
    a = _run(
        ("C", "Good morning, Halberd Roofing."),
        ("R", "Good morning, this is Uma Rees from Skyscan, returning a call from Piers Halberd?"),
        ("C", "That's me. Thanks for calling back."),
        ("C", "We need two roof drones. Before our big contract starts on the first of May."),
        ("C", "Our budget is eight thousand dollars."),
    )
    assert a.customer_name and a.customer_name.value == "Piers Halberd"
    assert a.company and a.company.value == "Halberd Roofing"
    assert a.buying_intent.value == "medium"  # a date the customer mentions is not a step


def test_a_company_after_a_role_or_after_the_word_company() -> None:
    role = _run(("R", "Ledgerwise, this is Cy. Who am I speaking with?"),
                ("C", "Hi Cy, Mina Roy. I'm the bookkeeper for Dunmore Street Deli."),
                ("C", "I'd like to know if your invoicing app is cheaper than what we pay."))
    assert role.company and role.company.value == "Dunmore Street Deli"
    assert [p.value for p in role.products_of_interest] == ["invoicing app"]
    apposed = _run(("R", "Vanguard Cover, Ike speaking."),
                   ("C", "Hi, this is Lyle, I run a small courier company, Lyle Express, in "
                         "Cork."))
    assert apposed.company and apposed.company.value == "Lyle Express"


def test_a_surname_spelled_out_or_used_by_the_rep_with_a_title() -> None:
    spelled = _run(("R", "Crestline Cover, Meg speaking, how can I help?"),
                   ("C", "Hi, this is Gideon, I run Gideon Vans in Cork."),
                   ("R", "Can I take your surname, Gideon?"),
                   ("C", "Pryor PRYOR"))
    assert spelled.customer_name and spelled.customer_name.value == "Gideon Pryor"
    titled = _run(("R", "Crestline Cover, Meg speaking, how can I help?"),
                  ("C", "Hi, this is Gideon, I run Gideon Vans in Cork."),
                  ("R", "Thanks, Mr. Pryor. What do you pay now?"))
    assert titled.customer_name and titled.customer_name.value == "Gideon Pryor"


def test_part_of_a_capitalised_word_is_not_a_name() -> None:
    a = _run(("R", "Payfold, this is Ren. Who am I speaking with?"),
             ("C", "We use QuickBooks right now."),
             ("R", "Thanks QuickBooks."))
    assert a.customer_name is None


def test_name_then_company_after_a_greeting_and_a_name_asked_for_please() -> None:
    a = _run(("R", "Vinecraft, good morning, Ola here."),
             ("C", "Yeah hi, Remy Vidal, Vidal Cellars, we're out in Omaha."),
             ("C", "How much is your label printer for a month?"))
    assert a.customer_name and a.customer_name.value == "Remy Vidal"
    assert a.company and a.company.value == "Vidal Cellars"
    assert [p.value for p in a.products_of_interest] == ["label printer"]
    asked = _run(("C", "Hello?"), ("R", "Hi, may I speak with Ada Kwan, please?"),
                 ("C", "Speaking."), ("R", "This is Bert from Deskly."))
    assert asked.customer_name and asked.customer_name.value == "Ada Kwan"


def test_a_uk_number_when_pounds_are_said_and_no_place() -> None:
    a = _run(("R", "Toolcraft, this is Nia. What's the budget?"),
             ("C", "Hi Nia, Phil Crane here. Up to twenty thousand pounds."),
             ("R", "And a number to reach you?"),
             ("C", "Oh seven seven zero zero, nine double oh, one two three."),
             ("R", "When would you buy?"),
             ("C", "In the new financial year."))
    assert a.contact_phone and a.contact_phone.value == "+447700900123"
    assert a.timeline and a.timeline.value == "in the new financial year"


def test_the_verb_of_a_replacement_is_not_part_of_the_product() -> None:
    a = _run(("R", "Envases Sur, le habla Teo."),
             ("C", "Hola, soy Ana Paz. Necesitamos cambiar la selladora, es muy vieja."),
             language="es")
    assert [p.value for p in a.products_of_interest] == ["selladora"]


def test_a_name_said_often_does_not_outvote_a_self_introduction() -> None:
    a = _run(("R", "Acme Tools, Ben here."),
             ("C", "Hi Ben, this is Iris Lane from Lane Farms."),
             ("R", "Thanks Iris. Do you know Hugo Marsh? Thanks Hugo Marsh, thanks Hugo Marsh."),
             ("C", "Hugo Marsh."), ("C", "Hugo Marsh."))
    assert a.customer_name and a.customer_name.value == "Iris Lane"


# --- names and companies as the recogniser writes them (segments split, lower case, glued) ----

def test_the_phone_answered_with_a_lower_case_company_then_the_name_over_two_segments() -> None:
    a = _run(
        ("C", "Copperfield roofing,"),
        ("C", "Nate Ellison."),
        ("R", "Hi Nate, it's Dana from Skyquote. You asked for a price on drone surveys."),
    )
    assert a.customer_name and a.customer_name.value == "Nate Ellison"
    assert a.company and a.company.value == "Copperfield roofing"


def test_a_greeting_before_the_company_is_neither_the_company_nor_the_name() -> None:
    a = _run(
        ("C", "Good morning,"),
        ("C", "Hartwell Electrical."),
        ("R", "Good morning, this is Dana from Voltpro, returning a call from Simon Hartwell?"),
        ("C", "That's me."),
    )
    assert a.company and a.company.value == "Hartwell Electrical"
    assert a.customer_name and a.customer_name.value == "Simon Hartwell"


def test_a_lower_case_surname_and_company_in_the_answer_to_the_name_question() -> None:
    a = _run(
        ("R", "Climatiza Sur, buenos días. ¿Me dice su nombre?"),
        ("C", "Elvira montes,"),
        ("C", "de talleres montes, en Rosario."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Elvira Montes"
    assert a.company and a.company.value == "Talleres Montes"


def test_a_company_of_ordinary_words_named_after_the_kind_of_business() -> None:
    a = _run(
        ("R", "Ovenworks, good morning, you're speaking with Hal."),
        ("C", "Morning Hal. The name's Owen Pryor. We run a little chain of bakeries, daily "
              "crumb, two shops around Cork."),
    )
    assert a.customer_name and a.customer_name.value == "Owen Pryor"
    assert a.company and a.company.value == "Daily Crumb"


def test_a_company_that_is_called_something_in_spanish_keeps_its_article() -> None:
    a = _run(
        ("R", "Riegos Andinos, buenos días, le habla Lorena."),
        ("C", "Buenos días. Me presento: Inés Varela, trabajo en una cooperativa que se llama "
              "la huerta verde, en Lima."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Inés Varela"
    assert a.company and a.company.value == "La Huerta Verde"


def test_the_trade_the_recogniser_wrote_in_lower_case_ends_the_company() -> None:
    a = _run(
        ("R", "Fleetwise, this is Kim."),
        ("C", "Hi Kim, I'm Rosa Quint, we run Quint and Sons roofing here in Omaha."),
    )
    assert a.company and a.company.value == "Quint and Sons roofing"
    assert a.customer_name and a.customer_name.value == "Rosa Quint"


def test_a_name_the_recogniser_glued_together() -> None:
    a = _run(
        ("R", "Kilnworks, who am I speaking with?"),
        ("C", "Hi, my name's LenaMarsh, I run Fieldstone Pottery."),
    )
    assert a.customer_name and a.customer_name.value == "Lena Marsh"
    assert a.company and a.company.value == "Fieldstone Pottery"


def test_a_first_name_after_a_confirmation_said_back_by_the_rep() -> None:
    a = _run(
        ("R", "Hi, this is Connor from Liftware. Am I talking to the owner of Summit Climbing?"),
        ("C", "You are,"),
        ("C", "Pete."),
        ("R", "Hi, Pete. I wanted to show you our booking app."),
    )
    assert a.customer_name and a.customer_name.value == "Pete"
    assert a.company and a.company.value == "Summit Climbing"


def test_the_answer_to_the_name_question_gives_no_name_from_a_company_or_a_product() -> None:
    a = _run(
        ("R", "Thanks for calling Ledgerline, this is Amir. Who am I speaking with?"),
        ("C", "Hi Amir, I'm calling about the payroll for the Corner Bakery. We use QuickBooks "
              "right now."),
    )
    assert a.customer_name is None


def test_the_rep_and_the_customer_given_the_wrong_way_round_the_caller_asked_for_the_customer(
        ) -> None:
    a = _run(
        ("R", "Hello?"),
        ("C", "Hi, may I speak with Mara Lind, please?"),
        ("R", "Speaking."),
        ("C", "This is Brent from Deskloop. You requested a brochure about our standing desks. "
              "Oh yes, we're refitting our office at Lind Interiors."),
    )
    assert a.customer_name and a.customer_name.value == "Mara Lind"
    assert a.company and a.company.value == "Lind Interiors"


def test_one_party_heard_asking_for_someone_then_introducing_themselves_is_the_caller() -> None:
    a = _run(
        ("C", "Hello. Is this Casey Simmons from Oakridge Dental? This is Faith Adams with "
              "Brightsmile Imaging."),
        ("C", "No, there's no Casey here. I must have the wrong number."),
    )
    assert a.customer_name is None or a.customer_name.value != "Faith Adams"
    assert a.company is None or a.company.value != "Brightsmile Imaging"


def test_the_phone_answered_with_the_company_a_greeting_and_the_name() -> None:
    a = _run(
        ("C", "Vidrios Herrera, buenas tardes, le atiende Tomasa Herrera."),
        ("R", "Buenas tardes, Tomasa, soy Javier, de Rutas Express."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Tomasa Herrera"
    assert a.company and a.company.value == "Vidrios Herrera"


def test_ordinary_phrases_after_de_in_the_first_turns_are_not_companies() -> None:
    a = _run(
        ("R", "Buenos días, Aguas Claras, habla Rita."),
        ("C", "Hola Rita, de acuerdo, llamo por lo del filtro, de parte de mi jefe."),
        ("C", "Somos de güeyla."),
        language="es")
    assert a.company is None


def test_the_rep_asking_for_the_right_number_for_someone_who_confirms() -> None:
    a = _run(
        ("C", "Hello, who's this?"),
        ("R", "Hi, this is Leah with Paperlane. Is this the right number for Declan Shaw?"),
        ("C", "It is, yeah, that's me."),
    )
    assert a.customer_name and a.customer_name.value == "Declan Shaw"


def test_you_have_got_someone_answers_who_is_on_the_line() -> None:
    a = _run(
        ("R", "Thanks for holding, this is Gavin at Claimsure. Who do I have on the line?"),
        ("C", "You've got Imogen Hale, practice manager at Birchwood Physiotherapy."),
    )
    assert a.customer_name and a.customer_name.value == "Imogen Hale"
    assert a.company and a.company.value == "Birchwood Physiotherapy"


def test_the_reps_name_without_my_keeps_a_misheard_greeting_from_being_the_customer() -> None:
    a = _run(
        ("R", "Hi, thanks for calling Quillpad, name Rick Dalton, what can I do for you?"),
        ("C", "Say Rick, I work over at Larkspur Flowers, we're a florist in Cork."),
        ("R", "Sure thing, and who am I speaking with?"),
        ("C", "Oh, sorry, Paula, Paula Brandt."),
    )
    assert a.customer_name and a.customer_name.value == "Paula Brandt"


def test_the_rep_asking_for_the_customer_as_heard_no_question_mark_the_cue_misheard() -> None:
    a = _run(
        ("R", "Buenas tardes, algo con el señor Ramiro Paz, de carpintería paz."),
        ("C", "Sí, él habla."),
        ("R", "Soy Clara, de Barnices del Sur. Le llamo por nuestros barnices."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Ramiro Paz"
    assert a.company and a.company.value == "Carpintería Paz"


def test_a_lower_case_company_that_ends_in_a_word_companies_end_in() -> None:
    a = _run(
        ("R", "Hello, this is Ana from Billflow, am I speaking with Rhys Cole?"),
        ("C", "Speaking, I'm the finance lead of the granite engineering in Omaha."),
    )
    assert a.company and a.company.value == "Granite Engineering"
    assert a.customer_name and a.customer_name.value == "Rhys Cole"


def test_the_recognisers_comma_inside_a_company_name_before_its_kind() -> None:
    a = _run(
        ("R", "Docuvault, Ian speaking."),
        ("C", "Hi, I'm Fiona Grant, the office manager at Heron, and Pike, a law firm in Cork."),
    )
    assert a.company and a.company.value == "Heron and Pike"


def test_what_is_counted_is_not_a_company() -> None:
    a = _run(
        ("R", "Conecta, buenos días. ¿Con quién hablo?"),
        ("C", "Con Lucía Sanz. Necesitamos treinta licencias de Salesdesk."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Lucía Sanz"
    assert a.company is None


def test_a_misheard_question_for_someone_from_a_company_then_an_introduction_is_the_caller(
        ) -> None:
    a = _run(
        ("C", "Hello. How is the scary Simmons from Oak Ridge Dental? This is Faith Adams with "
              "Brightsmile Imaging."),
        ("C", "No, there's no Casey here."),
    )
    assert a.customer_name is None or a.customer_name.value != "Faith Adams"


def test_turns_given_the_wrong_way_round_the_caller_introduced_then_asked_and_pitched() -> None:
    a = _run(
        ("R", "Óptica Miramar, buenas tardes."),
        ("C", "Buenas tardes, soy Héctor Gil, de Lentes Norte. ¿Podría hablar con la doctora "
              "Elena Roca?"),
        ("R", "Sí, soy yo."),
        ("C", "Usted nos pidió información sobre nuestros lentes de contacto."),
        ("R", "Sí, llámeme la semana que viene."),
        language="es")
    assert a.customer_name and a.customer_name.value == "Elena Roca"
    assert a.company and a.company.value == "Óptica Miramar"


def test_a_customer_asking_for_the_rep_by_name_keeps_the_roles_as_given() -> None:
    a = _run(
        ("R", "Trackwise, good morning."),
        ("C", "Hi, this is Maria Lopez from Acme Logistics. Could I speak with Ben Carter?"),
        ("R", "Speaking."),
        ("C", "We'd like a quote for fleet tracking."),
    )
    assert a.customer_name and a.customer_name.value == "Maria Lopez"
    assert a.company and a.company.value == "Acme Logistics"


def test_ordinary_words_after_a_comma_are_not_a_company_or_a_phone_answer() -> None:
    a = _run(
        ("C", "Not today, Ben."),
        ("R", "Hi, this is Ben from Solarix, I'm calling about panels for your roof."),
        ("C", "I run a small business, nothing fancy, and we rent the building."),
    )
    assert a.company is None
    b = _run(
        ("R", "Hello, Printhive, Jonah speaking."),
        ("C", "Hi, we're a family business, really, and we need toner."),
    )
    assert b.company is None


def test_the_rep_returning_a_call_heard_without_question_mark_and_not_denied() -> None:
    a = _run(
        ("C", "Good morning, Ashby Glazing."),
        ("R", "Good morning, this is Nadine from Voltcheck, returning a call from Wesley Corbyn."),
        ("C", "Ask me, thanks for calling back. We need two thermal cameras."),
    )
    assert a.customer_name and a.customer_name.value == "Wesley Corbyn"
    assert a.company and a.company.value == "Ashby Glazing"


def test_the_rep_asking_for_someone_who_is_not_there_names_nobody() -> None:
    a = _run(
        ("C", "Good morning, Ashby Glazing."),
        ("R", "Good morning, this is Nadine from Voltcheck, returning a call from Wesley Corbyn."),
        ("C", "He's not in today, sorry. Can I take a message?"),
    )
    assert a.customer_name is None


def test_a_lower_case_company_after_the_customers_role_there() -> None:
    a = _run(
        ("R", "Hola, buenas tardes, soy Ana, de Conecta CRM. ¿Hablo con el señor Jorge Vela?"),
        ("C", "Sí, soy yo, soy el director comercial de grupo los robles en Monterrey."),
        language="es")
    assert a.company and a.company.value == "Grupo Los Robles"
    b = _run(
        ("R", "Toolforge, this is Nina."),
        ("C", "Hi, I'm the manager of the whole thing, just tell me the price."),
    )
    assert b.company is None


def test_a_full_name_after_that_is_me_is_enough() -> None:
    a = _run(
        ("C", "Northgate Pharmacy, good morning."),
        ("R", "Hi, this is Lisa from Medtrack, is the manager in?"),
        ("C", "That's me, Rob Tully."),
    )
    assert a.customer_name and a.customer_name.value == "Rob Tully"
    assert a.company and a.company.value == "Northgate Pharmacy"


def test_a_count_or_a_thing_after_the_kind_of_business_is_not_a_company() -> None:
    a = _run(
        ("R", "Hi, I'm Zoe from Trakvan."),
        ("C", "Hi Zoe. We run a plumbing business, twelve vans, here in Tulsa."),
    )
    assert a.company is None
    b = _run(
        ("C", "Sí, diga."),
        ("R", "Buenas tardes, soy Clara, de Tintas del Norte. ¿Es usted el encargado de compras?"),
        ("C", "Sí, soy el encargado de compras de la imprenta, dígame."),
        language="es")
    assert b.company is None


def test_a_first_name_from_a_company_after_greeting_the_rep_by_name() -> None:
    a = _run(
        ("R", "Hello, Teamdesk, Kai speaking."),
        ("C", "Hello Kai, Joanne from Brindle, we're an agency with twenty people."),
    )
    assert a.customer_name and a.customer_name.value == "Joanne"
    assert a.company and a.company.value == "Brindle"


def test_a_description_of_the_business_is_not_its_name() -> None:
    a = _run(
        ("R", "Buenos días, le atiende Sonia, de Agua Viva."),
        ("C", "Buenos días, mire, trabajo en una empresa de limpieza, de momento pequeña."),
        language="es")
    assert a.company is None


def test_a_name_then_company_after_a_bare_greeting_of_the_rep() -> None:
    a = _run(
        ("R", "Good morning, you've reached Stayflow, this is Rachel."),
        ("C", "Morning Rachel, Marcus Webb, Pinecrest Hotels."),
    )
    assert a.customer_name and a.customer_name.value == "Marcus Webb"
    assert a.company and a.company.value == "Pinecrest Hotels"


def test_turns_the_wrong_way_round_the_caller_asking_for_whoever_buys_at_a_company() -> None:
    a = _run(
        ("C", "Hello, it's Jonah from Printhive. I'm looking for whoever buys office supplies at "
              "Marsh Dental."),
        ("R", "That's our office manager, but she's off today. I'm Kelly, the receptionist."),
        ("C", "Could you tell her I called about our toner subscription?"),
    )
    assert a.customer_name and a.customer_name.value == "Kelly"
    assert a.company and a.company.value == "Marsh Dental"


def test_a_wrong_number_the_wrong_way_round_names_no_customer_and_no_company() -> None:
    a = _run(
        ("R", "Hello?"),
        ("C", "Hi, is this Gary Simmons from Oakridge Dental? This is Faith Adams with "
              "Brightsmile Imaging."),
        ("R", "No, there's no Gary here. This is a private number."),
        ("C", "Oh, I do apologise, I must have the wrong number."),
    )
    assert a.customer_name is None
    assert a.company is None


def test_the_phone_answered_with_the_company_and_who_is_speaking() -> None:
    a = _run(
        ("C", "Bright Smiles Dental, Jenny speaking, how can I help?"),
        ("R", "Hi Jenny, this is Paul from Imaging Direct, is the practice manager around?"),
    )
    assert a.company and a.company.value == "Bright Smiles Dental"
    b = _run(
        ("C", "Hiya, Fiona Grant here."),
        ("R", "Hello Fiona, you've reached Docuvault, Ian speaking."),
    )
    assert b.company is None
    assert b.customer_name and b.customer_name.value == "Fiona Grant"


def test_the_reps_identity_for_the_cloud_extractor_includes_the_caller_heard_in_any_turn(
        ) -> None:
    from core.local_extraction import rep_identity

    transcript = call(
        ("R", "Hello?"),
        ("C", "Hi, is this Gary Simmons from Oakridge Dental? This is Faith Adams with "
              "Brightsmile Imaging."),
        ("R", "No, there's no Gary here."),
        roles=True,
    )
    names, companies = rep_identity(transcript)
    assert "faith adams" in names
    assert "brightsmile imaging" in companies


def test_a_full_name_in_lower_case_after_a_misheard_cue() -> None:
    a = _run(
        ("C", "¿Hola, qué tal? Les ha la marina prado, del estudio prado, de Rosario."),
        ("R", "Hola Marina, soy Tomás, de Firma Segura. ¿En qué la puedo ayudar?"),
        language="es")
    assert a.customer_name and a.customer_name.value == "Marina Prado"
    b = _run(
        ("R", "Hello, Stockly, Leo here."),
        ("C", "Hi Leo, my name is just calling, about the app."),
    )
    assert b.customer_name is None


def test_the_company_the_rep_asks_for_whoever_buys_at_is_the_customers() -> None:
    a = _run(
        ("R", "Hello, it's Jonah from Printhive. I'm looking for whoever buys office supplies at "
              "Marsh Dental."),
        ("C", "That's our office manager, but she's off today. I'm Kelly, the receptionist."),
    )
    assert a.customer_name and a.customer_name.value == "Kelly"
    assert a.company and a.company.value == "Marsh Dental"


def test_a_lower_case_business_named_after_its_kind_and_not_a_department() -> None:
    a = _run(
        ("R", "Buenas, Agua Viva, soy Sonia."),
        ("C", "Buenas, le llamo de la clínica dental sonrisas, en Lima."),
        language="es")
    assert a.company and a.company.value == "Clínica Dental Sonrisas"
    b = _run(
        ("R", "Hola, Conecta, habla Ana."),
        ("C", "Hola, soy Laura, trabajo en el departamento de marketing, en Lima."),
        language="es")
    assert b.company is None


def test_on_a_wrong_number_the_callers_introduction_given_to_the_customer_is_nobodys() -> None:
    # the recogniser's turns the wrong way round: the caller's introduction in the customer's
    a = _run(
        ("C", "Hello?"),
        ("C", "Hi, is that Dora Finch from Larkspur Vets?"),
        ("R", "This is Ivo Grant with Meadowlane Imaging."),
        ("C", "No, there's nobody here called Dora."),
        ("R", "Sorry, I must have the wrong number."),
    )
    assert a.customer_name is None
    assert a.company is None


def test_one_voice_saying_the_reps_introduction_gives_no_customer() -> None:
    transcript = call(("A", "Hi, my name is Leo Park and I'm calling from Sunvale Energy. You "
                            "requested a solar quote."), ("A", "We need to talk about it."))
    transcript.speakers[0].role = "customer"
    a = extract(transcript, gazetteer=GAZ)
    assert a.customer_name is None
    assert a.company is None


def test_one_voice_that_sounds_only_like_a_customer_keeps_its_introduction() -> None:
    # a customer's voicemail: nothing in it sounds like a rep
    transcript = call(("A", "Hello, this is Maria Lopez from Acme Logistics in Omaha."),
                      ("A", "We are interested in your fleet tracking software. Please call me "
                            "back."))
    transcript.speakers[0].role = "customer"
    a = extract(transcript, gazetteer=GAZ)
    assert a.customer_name and a.customer_name.value == "Maria Lopez"
    assert a.company and a.company.value == "Acme Logistics"


def test_a_refusal_keeps_the_customers_own_introduction_not_the_callers() -> None:
    kept = _run(
        ("R", "Buenos días, soy Sergio Vela, de Energía Norte. ¿Hablo con el responsable de "
              "compras?"),
        ("C", "Sí, soy Nuria Campos, de Talleres Ibarra."),
        ("R", "Le llamo por nuestras tarifas de luz."),
        ("C", "Ya tenemos proveedor. No nos interesa."),
        language="es",
    )
    assert kept.customer_name and kept.customer_name.value == "Nuria Campos"
    assert kept.company and kept.company.value == "Talleres Ibarra"
    swapped = _run(  # the caller's turn given to the customer by the recogniser
        ("R", "¿Diga?"),
        ("C", "Buenas, soy Sergio Vela, de Energía Norte. Le llamo por las tarifas de luz."),
        ("R", "No, gracias, no nos interesa."),
        language="es",
    )
    assert swapped.customer_name is None
    assert swapped.company is None


def test_the_full_name_said_later_completes_the_first_name() -> None:
    a = _run(
        ("C", "Hello, Rivera Auto Body, Marco speaking."),
        ("R", "Hi Marco, it's Dana calling from Paintline. You filled in our form."),
        ("C", "Yes, that was me, Marco Rivera. We want a new spray booth."),
    )
    assert a.customer_name and a.customer_name.value == "Marco Rivera"


def test_the_phone_picked_up_after_a_hand_over_with_the_name_and_digame() -> None:
    a = _run(
        ("C", "¿Bueno?"),
        ("R", "Buenas tardes, le habla Rodrigo Salas, de Fibranet. ¿Hablo con la señora Elena "
              "Vargas?"),
        ("C", "No, soy su hija. ¿De parte de quién?"),
        ("R", "De Fibranet, por la consulta que hizo."),
        ("C", "Un momento, se la paso. ¿Sí? Elena Vargas, dígame."),
        ("R", "Le llamo por el internet para su negocio."),
        ("C", "Ah, sí. Tengo una papelería, Papelería El Lápiz, y quiero internet de fibra."),
        language="es",
    )
    assert a.customer_name and a.customer_name.value == "Elena Vargas"
    assert a.company and a.company.value == "Papelería El Lápiz"


def test_we_are_and_somos_name_the_customers_company_as_the_recogniser_writes_it() -> None:
    a = _run(
        ("R", "Northgate Print, you're through to Sam."),
        ("C", "Hi Sam, it's Nadia, we're copper leaf bakery, over in Leeds."),
        ("C", "We need printed paper bags."),
    )
    assert a.company and a.company.value == "Copper Leaf Bakery"
    b = _run(
        ("R", "Buenos días, soy Marta, de Nubeprint. ¿Hablo con el señor Jordi Puig?"),
        ("C", "Sí, soy yo."),
        ("R", "Nos dejó sus datos en la web."),
        ("C", "Ah, sí, somos talleres puig, un taller de prototipos."),
        language="es",
    )
    assert b.company and b.company.value == "Talleres Puig"
    c = _run(
        ("R", "Northgate Print, you're through to Sam."),
        ("C", "Hi Sam, it's Nadia, we're based in Leeds and we're looking at paper bags."),
    )
    assert c.company is None



def test_the_full_name_the_rep_greets_by_its_first_name_is_the_customers() -> None:
    a = _run(
        ("C", "Hello, Orbis, Ada Brennan."),
        ("R", "Hi, Ada. My name is Joel Hart, from Tallyform. Do you have a minute?"),
        ("C", "Not really, we are happy with what we have."),
    )
    assert a.customer_name and a.customer_name.value == "Ada Brennan"
    assert a.customer_name.quote == "Hello, Orbis, Ada Brennan."


def test_the_rep_asking_for_a_titled_name_with_the_cue_misheard_and_confirmed() -> None:
    a = _run(
        ("C", "Diga."),
        ("R", "Hola, buenos días, soy Marta Gil, de Nubeprint, a lo que un señor Jorni Puig."),
        ("C", "Sí, soy yo."),
        language="es",
    )
    assert a.customer_name and a.customer_name.value == "Jorni Puig"


def test_a_lone_word_after_and_past_the_trade_is_not_part_of_the_company() -> None:
    def company(said: str) -> str | None:
        a = _run(("R", "Van Hire Direct, Josh speaking."), ("C", said),
                 ("R", "Three hundred and fifty pounds a week."))
        return a.company.value if a.company else None

    assert company("Hi, Omar Farouk, from Farouk Carpets and Wester.") == "Farouk Carpets"
    assert company("Hi, Liam Byrne, from Byrne and Walsh Accountants.") == \
        "Byrne and Walsh Accountants"
    assert company("Hi, Ted Hale, from Hale Plumbing and Sons.") == "Hale Plumbing and Sons"


def test_a_confirmation_then_the_full_name_in_a_sentence_that_goes_on() -> None:
    a = _run(
        ("C", "Hello, Rivera Rotobody, Marco speaking."),
        ("R", "Hi Marco, it's Dana calling from Paint Line. You filled in our form."),
        ("C", "Yes, that was me, Marco Rivera, our shop is in Calgary."),
    )
    assert a.customer_name and a.customer_name.value == "Marco Rivera"


def test_one_voice_the_answer_offering_help_is_the_reps() -> None:
    transcript = call(("S1", "Toolful Orange, this is Nina, can I help? I'm calling about "
                             "a router for our workshop."))
    transcript.speakers[0].role = "customer"
    a = extract(transcript, gazetteer=GAZ)
    assert a.customer_name is None
    assert a.company is None



def test_a_company_asked_for_in_a_short_or_hanging_question() -> None:
    hanging = _run(
        ("R", "Ledgerly, Owen speaking. Could I ask your name?"),
        ("C", "It's Gemma. Gemma Lindqvist."),
        ("R", "Thanks Gemma. And the firm is?"),
        ("C", "Redfern Joinery, we're based in Omaha."),
    )
    assert hanging.company and hanging.company.value == "Redfern Joinery"
    assert hanging.customer_name and hanging.customer_name.value == "Gemma Lindqvist"
    spanish = _run(
        ("R", "Ferrotec, le atiende Marta. ¿Con quién hablo?"),
        ("C", "Con Íñigo Salazar."),
        ("R", "¿Y la empresa?"),
        ("C", "Carpintería Salazar, en Lima."),
        language="es",
    )
    assert spanish.company and spanish.company.value == "Carpintería Salazar"
    called = _run(
        ("R", "Brightline, Keisha here. What's the business called?"),
        ("C", "Dunmore Freight."),
    )
    assert called.company and called.company.value == "Dunmore Freight"
    statement = _run(  # the rep speaking of 'your company' asks nothing
        ("R", "Hi, Brightline here. We help your company save on energy."),
        ("C", "Sounds good. Send me something."),
    )
    assert statement.company is None


def test_the_person_asked_for_as_con_and_a_name_who_confirms_is_the_customer() -> None:
    a = _run(
        ("R", "¿Aló? ¿Con Camila Restrepo?"),
        ("C", "Sí, con ella. ¿Quién habla?"),
        ("R", "Hola Camila, te habla Andrés, de Nubecontable."),
        language="es",
    )
    assert a.customer_name and a.customer_name.value == "Camila Restrepo"
    nobody = _run(
        ("R", "¿Con Camila Restrepo?"),
        ("C", "No, aquí no hay ninguna Camila."),
        language="es",
    )
    assert nobody.customer_name is None


def test_a_city_right_after_the_company_with_its_in_lost_is_the_place_not_the_company() -> None:
    a = _run(
        ("C", "Hi, I'm the office manager at Hollowbrook Veterinary Omaha."),
        ("R", "You've reached Sentinel Security, I'm Marcus."),
    )
    assert a.company and a.company.value == "Hollowbrook Veterinary"
    assert a.location and a.location.value.city == "Omaha"
    one_word = _run(  # a one-word head and a city: the city is part of the name
        ("R", "Sentinel Security, Marcus speaking. Which company are you with?"),
        ("C", "Hotel Lima."),
    )
    assert one_word.company and one_word.company.value == "Hotel Lima"


def test_names_after_reply_words_fillers_and_in_new_frames() -> None:
    cases = [
        ([("R", "Northwind, Jordan speaking. Who am I speaking with?"),
          ("C", "Name's Dave Kowalski.")], "Dave Kowalski"),
        ([("R", "Northwind, Jordan here. Could I take a name?"), ("C", "Yep, Bill Turner.")],
         "Bill Turner"),
        ([("R", "Northwind, Jordan here. And you are?"), ("C", "Ravi Shah, operations.")],
         "Ravi Shah"),
        ([("R", "Northwind, Jordan here. Who am I talking to?"), ("C", "Uh, Rachel. Rachel Kim.")],
         "Rachel Kim"),
        ([("R", "Northwind, Jordan here."), ("C", "Patrick O'Neill from Shoreline Hotels.")],
         "Patrick O'Neill"),
        ([("R", "Northwind, Jordan here."),
          ("C", "Hey there, Maya Brooks from Orbit Fitness. We spoke last week.")], "Maya Brooks"),
        ([("R", "Northwind, Jordan here."),
          ("C", "Morning Jordan, Kate Wilson calling from Harbor View Inn.")], "Kate Wilson"),
        ([("R", "Northwind, Jordan here."),
          ("C", "Hi, I'm the owner of Redwood Cafe, Lisa Chang.")], "Lisa Chang"),
        ([("R", "Hi, Jordan from Northwind. Am I through to Mr Lewis?"),
          ("C", "You are. Frank Lewis.")], "Frank Lewis"),
    ]
    for turns, name in cases:
        a = _run(*turns)
        assert a.customer_name and a.customer_name.value == name, turns[-1][1]


def test_spanish_names_after_habla_soy_and_a_nombre_de() -> None:
    cases = [
        ([("R", "Suministros Norte, le atiende Jordi. ¿Quién me habla?"),
          ("C", "Habla Ernesto Díaz, de Frutas Díaz.")], "Ernesto Díaz", "Frutas Díaz"),
        ([("R", "Suministros Norte, le atiende Jordi."),
          ("C", "Buenas tardes, llamo de la Farmacia San Roque. Soy Elena Ruiz.")],
         "Elena Ruiz", "Farmacia San Roque"),
        ([("R", "Suministros Norte, le atiende Jordi. ¿A nombre de quién?"),
          ("C", "A nombre de Esteban Aguilar.")], "Esteban Aguilar", None),
        ([("R", "Suministros Norte, le atiende Jordi. ¿Me regala su nombre?"),
          ("C", "Claro, Andrea Castaño.")], "Andrea Castaño", None),
        ([("R", "Suministros Norte, le atiende Jordi."),
          ("C", "Me llamo Raúl Ibáñez y tengo un taller mecánico, Taller Ibáñez.")],
         "Raúl Ibáñez", "Taller Ibáñez"),
    ]
    for turns, name, company in cases:
        a = _run(*turns, language="es")
        assert a.customer_name and a.customer_name.value == name, turns[-1][1]
        assert (a.company.value if a.company else None) == company, turns[-1][1]


def test_companies_after_phoning_for_and_a_kind_of_business_called() -> None:
    a = _run(("R", "Northwind, Jordan here."),
             ("C", "Good morning. I'm phoning for Brightpath Tutors. Name's Joe Silva."))
    assert a.company and a.company.value == "Brightpath Tutors"
    assert a.customer_name and a.customer_name.value == "Joe Silva"
    b = _run(("R", "Northwind, Jordan here."),
             ("C", "I'm Helen Park, I own a florist called Petal and Stem."))
    assert b.company and b.company.value == "Petal and Stem"


def test_a_room_is_counted_only_after_a_number_and_a_trade_in_lower_case_joins_the_answer() -> None:
    a = _run(("R", "Northgate Print, Priya speaking."),
             ("C", "Hi Priya, I'm Colin Fraser, I look after the print room at Fraser and "
                   "Webb Architects in Aberdeen."))
    assert a.company and a.company.value == "Fraser and Webb Architects"
    b = _run(("R", "And the firm is?"), ("C", "Redfern joinery. We're based in Bristol."))
    assert b.company and fold(b.company.value) == "redfern joinery"
    c = _run(("R", "How many rooms?"), ("C", "Forty rooms at Harbour View, all en suite."))
    assert c.company is None


def test_the_reps_name_with_its_first_sound_lost_and_a_figure_are_no_customer_names() -> None:
    # 'Hi Gemma' heard as "I'm Emma"; the answer to 'And your name.' lost, a figure after it
    a = _run(("R", "Northfield Office Supplies, Gemma speaking."),
             ("C", "I'm Emma, I'm calling for my boss at Lane and Co Solicitors."),
             ("R", "Of course, and your name."),
             ("C", "Up to 2,000 pounds."))
    assert a.customer_name is None
    assert a.company and a.company.value == "Lane and Co Solicitors"
