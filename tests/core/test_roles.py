from core.local_extraction import extract
from core.roles import (
    answered_by_rep,
    assign_roles,
    call_direction,
    caller_introduction,
    caller_score,
    repair_roles,
    sentence_cue,
    split_turns,
    turns,
    wrong_number,
)
from tests.core.helpers import call

INBOUND = call(
    ("A", "Good afternoon, Parcelio, Dana speaking, how can I help you today?"),
    ("B", "Hi Dana. I'm Felix Brandt, I run Brandt Bakeries in Leeds."),
    ("B", "We're looking for delivery software for our vans."),
    ("A", "Happy to help. How many vans do you have, and what's your budget?"),
    ("B", "Twelve vans. We can spend about six thousand pounds."),
    ("A", "I'll send you a quote tomorrow."),
)
OUTBOUND_ES = call(
    ("X", "¿Sí? ¿Quién habla?"),
    ("Y", "Buenas tardes, le llamo de Rutas Verdes. ¿Hablo con Inés Prieto?"),
    ("X", "Sí, soy yo. Estamos buscando un sistema de reparto para la panadería."),
    ("Y", "¿Cuántos vehículos tienen y cuál es su presupuesto?"),
    ("X", "Cinco furgonetas. Nuestro presupuesto es de ocho mil euros."),
    ("Y", "Le envío una propuesta el lunes."),
    language="es",
)


def test_rep_is_who_offers_help_and_asks_the_qualifying_questions() -> None:
    out = assign_roles(INBOUND)
    roles = {s.label: s.role for s in out.speakers}
    assert roles == {"A": "rep", "B": "customer"}
    rep = next(s for s in out.speakers if s.role == "rep")
    quoted = rep.cue.removeprefix('said "').removesuffix('"')
    assert rep.cue.startswith('said "') and quoted in " ".join(
        seg.text for seg in INBOUND.segments if seg.speaker == "A")
    customer = next(s for s in out.speakers if s.role == "customer")
    assert customer.cue.startswith('said "') and customer.cue != rep.cue


def test_customer_speaking_first_in_spanish() -> None:
    out = assign_roles(OUTBOUND_ES)
    assert {s.label: s.role for s in out.speakers} == {"X": "customer", "Y": "rep"}


def test_rep_channel_setting_wins_over_the_text() -> None:
    stereo = call(("left", "We're looking for a new phone system."),
                  ("right", "Thanks for calling Dialtone, how can I help?"), channels=True)
    assert {s.label: s.role for s in assign_roles(stereo).speakers} == \
        {"left": "customer", "right": "rep"}
    fixed = assign_roles(stereo, rep_channel="left")
    assert {s.label: s.role for s in fixed.speakers} == {"left": "rep", "right": "customer"}
    assert next(s for s in fixed.speakers if s.role == "rep").cue == "REP_CHANNEL=left"
    assert next(s for s in fixed.speakers if s.label == "left").channel == "left"


def test_mono_transcript_is_split_into_turns_from_the_text() -> None:
    mono = call(*[("", s.text) for s in INBOUND.segments], labelled=False)
    out = assign_roles(mono)
    assert {s.label for s in out.speakers} == {"S1", "S2"}
    by_role = {s.role: s.label for s in out.speakers}
    said = [(seg.speaker, seg.text) for seg in out.segments]
    rep_lines = [t for label, t in said if label == by_role["rep"]]
    customer_lines = [t for label, t in said if label == by_role["customer"]]
    assert "How many vans do you have, and what's your budget?" in rep_lines
    assert "I'll send you a quote tomorrow." in rep_lines
    assert "We're looking for delivery software for our vans." in customer_lines
    assert "Twelve vans." in customer_lines


def test_split_turns_keeps_times_inside_each_segment() -> None:
    one = call(("", "Thanks for calling Parcelio, how can I help? Hi, we need delivery software."),
               labelled=False)
    out = split_turns(one)
    assert [s.text for s in out.segments] == ["Thanks for calling Parcelio, how can I help?",
                                              "Hi, we need delivery software."]
    assert out.segments[0].start == one.segments[0].start
    assert abs(out.segments[-1].end - one.segments[0].end) < 0.01


def test_sentence_cues_have_a_sign_per_party() -> None:
    assert sentence_cue("What's your timeline for this?").score > 0
    assert sentence_cue("Our budget is ten thousand dollars.").score < 0
    assert sentence_cue("¿Cuál es su presupuesto?").score > 0
    assert sentence_cue("Nos interesa el plan básico.").score < 0
    # asking for the other party's details is the rep's; asking to be sent something, the customer's
    assert sentence_cue("Could you send me your details for the quote?").score > 0
    assert sentence_cue("Could you send me a quote?").score < 0


def test_turns_join_consecutive_segments_of_one_speaker() -> None:
    joined = turns(assign_roles(INBOUND))
    assert [t.label for t in joined] == ["A", "B", "A", "B", "A"]
    assert joined[1].text.startswith("Hi Dana.") and "delivery software" in joined[1].text
    assert joined[1].role == "customer"


def test_roles_decided_already_are_kept() -> None:
    decided = assign_roles(call(("left", "We're looking for a new phone system."),
                                ("right", "Thanks for calling Dialtone, how can I help?"),
                                channels=True), rep_channel="left")
    assert assign_roles(decided) == decided


def test_voice_labels_that_cut_sentences_are_a_hint_only() -> None:
    noisy = call(
        ("V1", "Thanks for calling Parcelio, Dana speaking,"),
        ("V2", "how can I help?"),
        ("V2", "Hi Dana, I'm Felix Brandt"),
        ("V1", "from Brandt Bakeries."),
        ("V2", "We're looking for delivery software."),
        ("V2", "What's your budget?"),
        ("V1", "We can spend about six thousand pounds."),
    )
    out = assign_roles(noisy)
    role = {s.label: s.role for s in out.speakers}
    said = {seg.text: role[seg.speaker or ""] for seg in out.segments}
    assert said["Thanks for calling Parcelio, Dana speaking,"] == "rep"
    assert said["how can I help?"] == "rep"
    assert said["from Brandt Bakeries."] == "customer"
    assert said["We can spend about six thousand pounds."] == "customer"


def test_one_voice_that_sounds_like_a_customer_is_the_customer() -> None:
    voicemail = call(("", "Hi, I'm Tom Becker with Globex Corporation in Chicago."),
                     ("", "I'm interested in the analytics dashboard."),
                     ("", "Could you schedule a demo next week? Thanks."), labelled=False)
    out = assign_roles(voicemail)
    assert [(s.label, s.role) for s in out.speakers] == [("S1", "customer")]
    assert {seg.speaker for seg in out.segments} == {"S1"}
    assert out.speakers[0].cue.startswith("the only voice")


OUTBOUND_WRONG = call(
    ("A", "Hello?"),
    ("B", "Hi, this is Kate Moss calling from Solarix Energy. Am I speaking with Mr Jones?"),
    ("A", "No, I think you have the wrong number. There is no Jones here."),
    ("B", "Oh, I am so sorry, I must have dialed the wrong number. Have a good day."),
    ("A", "No problem, bye."),
)
INBOUND_WRONG = call(
    ("A", "Cloudnine Payroll, Omar speaking."),
    ("B", "Oh, hi. Is this Tony's Pizza on Main Street?"),
    ("A", "No, I'm afraid this is Cloudnine Payroll, a payroll software company."),
    ("B", "Sorry, I must have the wrong number. I wanted to order a large pizza."),
    ("A", "No problem at all. Have a nice evening."),
)


def test_a_wrong_number_counts_for_the_caller_of_the_calls_direction() -> None:
    """The rep who dialled the wrong person apologises like a customer who dialled the wrong
    company: which party that is depends on who placed the call."""
    assert {s.label: s.role for s in assign_roles(OUTBOUND_WRONG).speakers} == \
        {"A": "customer", "B": "rep"}
    assert {s.label: s.role for s in assign_roles(INBOUND_WRONG).speakers} == \
        {"A": "rep", "B": "customer"}
    spanish = call(
        ("X", "¿Diga?"),
        ("Y", "Buenos días, le llamo de Energía Solar Norte. ¿Hablo con el señor Ruiz?"),
        ("X", "No, se ha equivocado de número, aquí no vive nadie con ese nombre."),
        ("Y", "Disculpe, me he equivocado. Que tenga buen día."), language="es")
    assert {s.label: s.role for s in assign_roles(spanish).speakers} == \
        {"X": "customer", "Y": "rep"}


def test_call_direction_and_caller_cues() -> None:
    assert call_direction(["Hi, I'm calling from Solarix.", "Is now a good time?"]) == 1.0
    assert call_direction(["Thanks for calling Parcelio, how can I help?"]) == -1.0
    assert call_direction(["Okay.", "Right."]) == -1.0  # nothing says: taken as inbound
    # a phone answered with a bare hello: a person picked up, the rep placed the call ...
    assert call_direction(["Hello?", "Hi, this is Faith from Bright Smile."]) == 1.0
    assert call_direction(["¿Diga?", "Buenas tardes."]) == 1.0
    # ... unless what follows says inbound as often
    assert call_direction(["Hello?", "Thanks for calling Parcelio."]) == -1.0
    assert call_direction(["Hello, Acme Dental, Mia speaking."]) == -1.0
    assert caller_score("Sorry, I must have dialed the wrong number.") == 1.0
    assert caller_score("I think you have the wrong number.") == -1.0
    assert caller_score("Ay, perdone, me he equivocado de número.") == 1.0
    assert caller_score("We need ten licences.") == 0.0
    said = "I must have dialed the wrong number."
    assert sentence_cue(said, direction=1.0).score > 0 > sentence_cue(said, direction=-1.0).score


def test_addressing_the_name_just_given_is_a_change_of_speaker() -> None:
    """A misheard greeting ("High Julia") still addresses the name the rep gave."""
    mono = call(("", "Render Farm Direct, this is Julia Weiss."),
                ("", "High Julia, Kwame here, from Osei Architects in Amsterdam."),
                ("", "We want rendering licences and the storage add-on."),
                ("", "How many licences?"), ("", "Six for now."), labelled=False)
    out = assign_roles(mono)
    role = {s.label: s.role for s in out.speakers}
    said = {seg.text: role[seg.speaker or ""] for seg in out.segments}
    assert said["Render Farm Direct, this is Julia Weiss."] == "rep"
    assert said["High Julia, Kwame here, from Osei Architects in Amsterdam."] == "customer"
    assert said["How many licences?"] == "rep"


def test_cues_of_a_rep_who_calls_out_and_of_a_gatekeeper() -> None:
    rep_says = ["Hi, may I speak with Yuki Tanaka, please?", "¿Podría hablar con la señora Ibáñez?",
                "I'm looking for whoever buys office supplies there.",
                "You requested a brochure about our standing desks.",
                "Usted solicitó información sobre la agenda.", "Thanks, I'll try again next week.",
                "Hola Iván, bienvenido a Aula Virtual.", "Shall I send a quote over this week?",
                "Do you have a figure in mind?"]
    customer_says = ["I can pass on a message, but I don't make those decisions.",
                     "We'd want them for six meeting rooms.",
                     "Solo estoy averiguando precios.", "Yes, we're comparing prices."]
    assert [s for s in rep_says if sentence_cue(s).score <= 0] == []
    assert [s for s in customer_says if sentence_cue(s).score >= 0] == []


def test_question_marks_the_recogniser_adds_do_not_outweigh_an_explicit_cue() -> None:
    """Misheard words come back as questions ("¿sabelo?"): eight of them are still less than one
    greeting that only the rep says."""
    out = assign_roles(call(
        ("A", "Hola, gracias por llamar a Nómina Simple, te atiende Felipe."),
        ("B", "Hola Felipe, ¿qué tal? ¿Llamo en la pala, sabelo? ¿Somos me saldiado, sabelo? "
              "¿Estamos opciones? ¿Pero a mesimismo? ¿Al tel? ¿Dólamios? ¿Quizás el año?"),
        language="es"))
    assert {s.label: s.role for s in out.speakers} == {"A": "rep", "B": "customer"}


def test_the_phone_answered_with_the_company_is_the_rep_when_the_customer_rang() -> None:
    out = assign_roles(call(
        ("A", "Brightline sales, Joe speaking."),
        ("B", "Hi, I'm calling about an order that never arrived."),
        ("A", "Sorry about that. This is the sales line."),
        ("B", "Oh, okay. Thanks."),
    ))
    assert {s.label: s.role for s in out.speakers} == {"A": "rep", "B": "customer"}


def test_the_phone_answered_with_the_company_is_the_customer_when_the_rep_rang() -> None:
    out = assign_roles(call(
        ("A", "Good afternoon, Fenwick Joinery, you're through to Marcus."),
        ("B", "Hi Marcus, it's Fern calling from Deskward."),
        ("A", "Oh right, go on."),
    ))
    assert {s.label: s.role for s in out.speakers} == {"A": "customer", "B": "rep"}
    assert answered_by_rep(["Fenwick Joinery, Marcus speaking.", "Hi, it's Fern calling from "
                            "Deskward."]) == -1.0
    assert answered_by_rep(["Hello?", "Hi, it's Fern calling from Deskward."]) == 0.0


def test_a_wrong_number_said_by_either_party_in_either_language() -> None:
    assert wrong_number(["No, there's nobody here called Dora."])
    assert wrong_number(["Sorry, I must have the wrong number."])
    assert wrong_number(["Aquí no vive ningún Tomás, creo que tiene el número mal."])
    assert not wrong_number(["He's out today, can I take a message?"])
    assert not wrong_number(["No nos interesa, gracias."])


def test_the_caller_who_asks_for_someone_and_introduces_themselves_is_the_rep() -> None:
    # the cues alone give the roles the wrong way round; who placed the call puts them right
    wrong = call(
        ("A", "Hello?"),
        ("B", "Hi, is that Dora Finch? This is Ivo Grant with Meadowlane Imaging."),
        ("A", "Yes, speaking. We're looking at new scanners for the clinic."),
    )
    wrong.speakers[0].role, wrong.speakers[1].role = "rep", "customer"
    assert caller_introduction(wrong) == ("B", {"ivo grant"})
    out = repair_roles(wrong)
    assert {s.label: s.role for s in out.speakers} == {"A": "customer", "B": "rep"}
    assert out.segments == wrong.segments
    assert assign_roles(wrong.model_copy(update={"speakers": []})).speakers[1].role == "rep"


def test_the_customers_words_joined_to_the_callers_segment_go_back_to_the_customer() -> None:
    joined = call(
        ("R", "Hello?"),
        ("C", "Hi, may I speak with Mara Lind, please?"),
        ("R", "Speaking."),
        ("C", "This is Brent from Deskloop. You requested a brochure about our standing desks. "
              "Oh yes, we're refitting our office at Lind Interiors."),
    )
    joined.speakers[0].role, joined.speakers[1].role = "rep", "customer"
    out = repair_roles(joined)
    roles = {s.label: s.role for s in out.speakers}
    assert roles == {"R": "customer", "C": "rep"}
    said = [(roles[s.speaker or ""], s.text) for s in out.segments]
    assert said[-2:] == [
        ("rep", "This is Brent from Deskloop. You requested a brochure about our standing desks."),
        ("customer", "Oh yes, we're refitting our office at Lind Interiors.")]
    assert out.segments[-2].end == out.segments[-1].start


def test_roles_fixed_by_the_rep_channel_setting_are_not_repaired() -> None:
    fixed = call(("left", "Hello?"), ("right", "Hi, is that Dora Finch? This is Ivo Grant with "
                                              "Meadowlane Imaging."), channels=True)
    fixed.speakers[0].role, fixed.speakers[0].cue = "rep", "REP_CHANNEL=left"
    fixed.speakers[1].role = "customer"
    assert repair_roles(fixed) == fixed


def test_one_voice_answering_with_a_name_the_other_greets_is_two_parties() -> None:
    out = assign_roles(call(
        ("S1", "Hello, Orbis,"),
        ("S1", "Ada Brennan."),
        ("S1", "Hi, Ada."),
        ("S1", "My name is Joel Hart, from Tallyform. Do you have a minute to talk about "
               "survey software?"),
        ("S1", "Not really, we are happy with what we have."),
    ))
    roles = {s.label: s.role for s in out.speakers}
    said = [(roles[s.speaker or ""], s.text) for s in out.segments]
    assert said[:3] == [("customer", "Hello, Orbis,"), ("customer", "Ada Brennan."),
                        ("rep", "Hi, Ada.")]


def test_one_voice_asking_for_someone_then_saying_who_calls_is_one_party() -> None:
    out = assign_roles(call(
        ("S1", "Hello."),
        ("S1", "How is the Dora Finch from Larkspur Vets?"),
        ("S1", "This is Ivo Grant with Meadowlane Imaging."),
        ("S1", "No, there's nobody here called Dora."),
        ("S1", "I must have the wrong number."),
    ))
    by_text = {s.text: s.speaker for s in out.segments}
    assert by_text["This is Ivo Grant with Meadowlane Imaging."] == \
        by_text["How is the Dora Finch from Larkspur Vets?"]
    assert by_text["No, there's nobody here called Dora."] != \
        by_text["This is Ivo Grant with Meadowlane Imaging."]


def test_a_greeting_before_a_self_introduction_is_no_phone_answer() -> None:
    assert answered_by_rep(["Hello, this is Maria Lopez from Acme Logistics.", "Sure."]) == 0.0
    assert answered_by_rep(["Parcelpoint sales, Joe speaking.", "Hi."]) == 1.0


def test_what_the_customer_asked_for_said_back_and_asking_for_the_doctor_are_the_reps() -> None:
    # as the recogniser wrote an 8 kHz Spanish call: the clinic's answer and the rep's
    # '¿Podría hablar con la doctora...?' both misheard, no cue of direction left
    t = assign_roles(call(
        ("A", "¡Clínica dental, dígame!"),
        ("B", "¡Buenas tardes! Soy Daniel Ortega, de Agenda Web."),
        ("B", "¡Por mí hablar con la doctora Carmen Ibáñez!"),
        ("A", "¡Sí! Soy yo, dígame."),
        ("B", "Usted nos pidió información sobre la agenda en línea."),
        ("A", "Sí, pero ahora mismo estamos con mucho trabajo."),
        language="es"))
    assert {s.label: s.role for s in t.speakers} == {"A": "customer", "B": "rep"}
    assert sentence_cue("Usted nos pidió información sobre la agenda.").score > 0
    assert sentence_cue("Quería hablar con la señora Prieto.").score > 0


def test_finding_out_putting_it_off_and_the_kind_of_business_are_the_customers() -> None:
    for said in ("But honestly we're only gathering information at this point.",
                 "Pop a brochure in the post and I'll have a look.",
                 "We're a garden centre just outside Norwich.",
                 "Tengo una frutería en Medellín."):
        assert sentence_cue(said).score < 0, said
    # one voice for both parties (the recogniser's segments unlabelled): the text decides
    t = assign_roles(call(
        ("A", "It's Marcus from Solarbright Installations."),
        ("A", "You downloaded our guide to rooftop solar."),
        ("A", "Oh, right, yes."),
        ("A", "We're a garden centre just outside Norwich, and we're only gathering information."),
        ("A", "Is there a figure you'd want to stay within?"),
        ("A", "Under two hundred pounds a month, and I'll have a look at a brochure."),
        labelled=False))
    roles = {s.label: s.role for s in t.speakers}
    said_by = {seg.text.split(",")[0].split(".")[0]: roles[seg.speaker or ""]
               for seg in t.segments}
    assert said_by["You downloaded our guide to rooftop solar"] == "rep"
    assert said_by["We're a garden centre just outside Norwich"] == "customer"
    assert said_by["Is there a figure you'd want to stay within?"] == "rep"
    assert said_by["Under two hundred pounds a month"] == "customer"


def test_we_are_after_and_a_bare_figure_in_answer_are_the_customers() -> None:
    assert sentence_cue("We're after a CNC router.").score < 0
    assert sentence_cue("Up to 25,000 pounds.").score < 0
    assert sentence_cue("Roughly $10,000 all in.").score < 0
    assert sentence_cue("It's $500 a month per site.").score == 0  # a price: either party


def test_already_having_one_being_happy_with_it_and_take_us_off_your_list() -> None:
    for said in ("We already have an analytics tool, and we are happy with it.",
                 "And no plans to change this year.", "Please take us off your list.",
                 "Send a quote and I will compare it."):
        assert sentence_cue(said).score < 0, said


def test_the_phone_answer_joined_to_the_callers_first_words_is_the_other_partys() -> None:
    # the recogniser lost the comma and joined the two parties' first words in one segment
    t = assign_roles(call(
        ("A", "Northfield office supplies Gemma speaking. Hi Gemma, I'm calling for my boss, "
              "Richard Lane, at Lane and Co Solicitors."),
        ("A", "He wants a quote for ten ergonomic chairs."),
        ("B", "Of course. And your name?"),
        ("A", "I'm Chloe, his assistant."),
        ("B", "What's the budget, Chloe?"),
        ("A", "Up to two thousand pounds.")))
    roles = {s.label: s.role for s in t.speakers}
    by_text = {seg.text: roles[seg.speaker or ""] for seg in t.segments}
    assert by_text["Northfield office supplies Gemma speaking."] == "rep"
    assert by_text["Hi Gemma, I'm calling for my boss, Richard Lane, at Lane and Co "
                   "Solicitors."] == "customer"
    assert by_text["What's the budget, Chloe?"] == "rep"
    record = extract(t)
    assert record.customer_name and record.customer_name.value == "Chloe"  # not the rep, Gemma
