"""What was agreed: the timeline and the scored buying intent, on sentences with roles."""

import pytest
from rapidfuzz import fuzz

from core.agreement import buying_intent, timeline
from core.call_context import CallContext, sentences
from core.local_extraction import extract
from core.normalize import fold
from core.places import Gazetteer
from tests.core.helpers import call


def _ctx(*turns: tuple[str, str], language: str = "en") -> CallContext:
    transcript = call(*turns, language=language, roles=True)
    return CallContext(sentences(transcript), language, Gazetteer(), set(), set())


def test_a_refusal_ends_it_whatever_else_was_said() -> None:
    ctx = _ctx(("R", "Can I book a demo on Monday?"), ("C", "No thanks, we're all set."))
    assert buying_intent(ctx, budget=True, products=True).value == "none"


def test_a_dated_step_accepted_is_high_only_with_a_budget_or_a_decision_maker() -> None:
    steps = [("R", "Shall we do the demo on Tuesday the third?"), ("C", "Tuesday works.")]
    assert buying_intent(_ctx(*steps), budget=True, products=True).value == "high"
    assert buying_intent(_ctx(*steps), budget=False, products=True).value == "medium"
    with_owner = _ctx(*steps, ("C", "I'm the owner, so I decide."))
    assert buying_intent(with_owner, budget=False, products=True).value == "high"
    plural = _ctx(*steps, ("C", "And I make the decisions on this."))
    assert buying_intent(plural, budget=False, products=True).value == "high"


def test_a_hedged_yes_is_medium_and_hesitation_without_a_step_is_low() -> None:
    hedged = _ctx(("R", "I'll send a quote and call you next week."),
                  ("C", "Fine, send the quote and I'll think about it."))
    assert buying_intent(hedged, budget=True, products=True).value == "medium"
    early = _ctx(("R", "Would a trial help?"), ("C", "Not yet, it's early days."))
    assert buying_intent(early, budget=True, products=True).value == "low"
    nothing = _ctx(("R", "Hello?"), ("C", "Hi."))
    assert buying_intent(nothing, budget=False, products=False).value == "none"


def test_the_timeline_is_the_phrase_by_the_verb_and_a_correction_wins() -> None:
    assert (t := timeline(_ctx(("R", "When does it end?"),
                               ("C", "In May, so we would start in June.")))) is not None
    assert t.value == "in June"
    fixed = timeline(_ctx(("R", "When would you want it?"),
                          ("C", "In March. Sorry, make it April, March is busy.")))
    assert fixed is not None and fixed.value == "April"
    meeting = timeline(_ctx(("R", "Shall we meet?"), ("C", "A demo on Friday works.")))
    assert meeting is None


def test_a_spanish_timeline_said_on_its_own() -> None:
    ctx = _ctx(("R", "¿Tienen presupuesto?"), ("C", "No, todavía no. Quizás el año que viene."),
               language="es")
    t = timeline(ctx)
    assert t is not None and t.value == "el año que viene"


def test_a_short_answer_to_when_and_spanish_agreement() -> None:
    harvest = timeline(_ctx(("R", "¿Para cuándo la necesitan?"), ("C", "Antes de la vendimia."),
                            language="es"))
    assert harvest is not None and harvest.value == "antes de la vendimia"
    dale = _ctx(("R", "¿Le mando una cotización y la llamo el jueves?"),
                ("C", "Dale, el jueves hablamos."), language="es")
    assert buying_intent(dale, budget=True, products=True).value == "high"
    later = _ctx(("R", "Le llamo por nuestras tintas."),
                 ("C", "De momento estamos bien servidos. Quizás más adelante."), language="es")
    assert buying_intent(later, budget=False, products=False).value == "low"


def test_the_day_said_back_accepts_the_step_when_the_word_of_assent_was_misheard() -> None:
    echoed = _ctx(("R", "I'll send a proposal and book a call with the partners on the 14th."),
                  ("C", "The 14th is time."))
    assert buying_intent(echoed, budget=True, products=True).value == "high"
    declined = _ctx(("R", "Can we meet on Thursday?"), ("C", "Thursday I'm away."))
    assert buying_intent(declined, budget=True, products=True).value == "medium"


def test_not_before_is_the_earliest_date_not_a_negation() -> None:
    ctx = _ctx(("R", "And how soon?"),
               ("C", "Not before the spring, we're too busy through the winter."))
    assert (t := timeline(ctx)) and t.value == "not before the spring"
    assert timeline(_ctx(("R", "When?"), ("C", "Not in March."))) is None


def test_a_time_with_its_preposition_wins_over_a_bare_word_said_earlier() -> None:
    ctx = _ctx(("C", "We do the rotas on spring sheets."), ("R", "I see."),
               ("C", "Maybe towards the end of the year."))
    assert (t := timeline(ctx)) and t.value == "towards the end of the year"


def test_timelines_in_days_and_to_the_end_of_a_quarter() -> None:
    assert (t := timeline(_ctx(("R", "How soon?"), ("C", "Within 30 days.")))) and \
        t.value == "within 30 days"
    assert (t := timeline(_ctx(("R", "What's your timeline?"),
                               ("C", "By the end of Q2 ideally.")))) and \
        t.value == "by the end of Q2"
    assert (t := timeline(_ctx(("R", "¿Para cuándo?"), ("C", "En 30 días."), language="es"))) \
        and t.value == "en 30 días"
    assert timeline(_ctx(("C", "We bought it thirty days ago."))) is None


def test_a_single_week_or_month_after_its_preposition_and_a_customer_signing_up() -> None:
    assert (t := timeline(_ctx(("R", "How soon?"), ("C", "Within a month.")))) and \
        t.value == "within a month"
    assert (t := timeline(_ctx(("R", "¿Para cuándo?"), ("C", "Dentro de un mes."),
                               language="es"))) and t.value == "dentro de un mes"
    assert timeline(_ctx(("R", "Budget?"), ("C", "About 300 dollars a year."))) is None
    signed = _ctx(("R", "That's the annual plan."), ("C", "Great, sign me up."))
    assert buying_intent(signed, budget=False, products=True).value == "high"


def test_more_ways_to_agree_and_to_refuse() -> None:
    step = _ctx(("R", "¿Le hago la demostración el lunes?"), ("C", "Genial."), language="es")
    assert buying_intent(step, budget=True, products=True).value == "high"
    refused = _ctx(("R", "Le llamo para ofrecerle un seguro."),
                   ("C", "No estamos interesados."), language="es")
    assert buying_intent(refused, budget=False, products=True).value == "none"
    wrong = _ctx(("R", "¿Hablo con Pedro?"), ("C", "No, se ha equivocado."), language="es")
    assert buying_intent(wrong, budget=False, products=True).value == "none"


def test_a_call_put_off_for_months_is_low_intent() -> None:
    later = _ctx(("R", "Usted nos pidió información sobre la agenda en línea."),
                 ("C", "Sí, pero ahora estamos con mucho trabajo. Llámeme el mes que viene."),
                 language="es")
    assert buying_intent(later, budget=False, products=True).value == "low"
    en = _ctx(("R", "Shall I send the brochure?"), ("C", "Call me back next quarter."))
    assert buying_intent(en, budget=False, products=True).value == "low"
    soon = _ctx(("R", "Shall I send the quote?"), ("C", "Yes, and call me on Monday."))
    assert buying_intent(soon, budget=True, products=True).value != "low"


def _intent(*turns: tuple[str, str], language: str = "en", budget: bool = False,
            products: bool = False) -> str:
    return buying_intent(_ctx(*turns, language=language), budget=budget,
                         products=products).value


def test_spanish_commitments_in_both_registers_are_high() -> None:
    assert _intent(("R", "¿Entonces seguimos?"), ("C", "Sí, cuenta conmigo."),
                   language="es") == "high"
    assert _intent(("R", "¿Lo dejamos cerrado?"), ("C", "cuente con nosotros"),
                   language="es") == "high"
    assert _intent(("R", "¿Qué le parece la oferta?"), ("C", "el presupuesto lo apruebo yo y "
                   "seguimos adelante"), language="es") == "high"


def test_a_commitment_or_decision_that_is_negated_is_not_one() -> None:
    assert _intent(("R", "Can we get the contract going?"),
                   ("C", "We're not ready to sign anything yet."),
                   products=True) == "low"
    assert _intent(("R", "¿Está aprobado?"), ("C", "No, todavía no está aprobado."),
                   language="es", products=True) == "low"
    owner = _ctx(("R", "Could we meet on Friday?"), ("C", "Friday works."),
                 ("C", "I'll have to run it by my manager though."))
    assert buying_intent(owner, budget=False, products=True).value == "medium"


def test_a_step_proposed_by_the_rep_and_accepted_without_the_word_of_assent() -> None:
    # the recogniser lost the 'yes': the reply is logistics for the step
    visit = _intent(("R", "could i come by on wednesday the sixteenth to show you the handsets"),
                    ("C", "wednesday the sixteenth suits us both"), budget=True)
    assert visit == "high"
    quedamos = _intent(("R", "Te propongo pasarme el jueves por la tarde."),
                       ("C", "quedamos el jueves entonces"), language="es", budget=True)
    assert quedamos == "high"


def test_a_step_put_off_in_favour_of_a_quote_is_medium() -> None:
    held = _intent(("R", "Shall I pencil in a site visit next week?"),
                   ("C", "Hold off on that for now. Put the numbers in writing first."),
                   budget=True)
    assert held == "medium"
    mejor = _intent(("R", "¿Te agendo una demostración para el martes?"),
                    ("C", "Mejor mándame la propuesta y lo vemos."), language="es",
                    budget=True)
    assert mejor == "medium"
    # a quote sent 'this week' is the rep's errand, not a step taken together
    quote = _intent(("R", "Shall I send a quote over this week?"), ("C", "Yes please."),
                    budget=True)
    assert quote == "medium"


def test_hesitation_in_spanish_and_what_is_not_hesitation() -> None:
    assert _intent(("R", "¿Le envío una oferta?"),
                   ("C", "De momento no. Me lo pensaré con calma."),
                   language="es", products=True) == "low"
    assert _intent(("R", "¿Qué le parece?"), ("C", "no estoy seguro, la verdad"),
                   language="es", products=True) == "low"
    # 'not yet' about the money is not doubt about the purchase
    assert _intent(("R", "¿Tienes un presupuesto pensado?"),
                   ("C", "Todavía no lo tengo claro, depende del precio."),
                   ("C", "Mándame la propuesta y ya te digo algo."),
                   language="es", products=True) == "medium"
    # 'not happy with' is a pain, not 'happy with what we have'
    assert _intent(("R", "How's your current system?"),
                   ("C", "We're not happy with our supplier at all."),
                   products=True) == "medium"


def test_undecided_or_doubting_it_can_be_afforded_is_low_even_with_a_product() -> None:
    assert _intent(("R", "How can I help?"),
                   ("C", "We might need new tills, but the owner hasn't made up her mind, "
                         "so don't hold your breath."), products=True) == "low"
    assert _intent(("R", "¿En qué le puedo ayudar?"),
                   ("C", "Lo tengo que consultar con mi socio, no sé si nos lo podemos "
                         "permitir."), language="es") == "low"
    assert _intent(("R", "How can I help?"),
                   ("C", "Honestly, I don't know if we can stretch to that."),
                   products=True) == "low"
    # a date not decided is not the purchase put off
    assert _intent(("R", "I'll send the quote by e-mail."),
                   ("C", "Thanks. We have not decided on a date yet."), products=True) == "medium"


def test_a_hedge_alone_is_low_and_a_hedge_with_a_request_is_medium() -> None:
    assert _intent(("R", "Any thoughts?"), ("C", "I'll get back to you.")) == "low"
    assert _intent(("R", "¿Qué te parece?"), ("C", "ya te digo algo"), language="es") == "low"
    assert _intent(("R", "Shall I e-mail the details?"),
                   ("C", "Send me the pricing and I'll get back to you.")) == "medium"


def test_refusals_said_in_other_words_and_a_no_thanks_that_closes_the_call() -> None:
    assert _intent(("R", "Could we talk about your energy bills?"),
                   ("C", "I'll stop you there, we signed with another supplier."),
                   products=True) == "none"
    assert _intent(("R", "Would a review help?"),
                   ("C", "We're sorted, and I'd rather you took us off your list."),
                   budget=True) == "none"
    assert _intent(("R", "¿Le interesa?"), ("C", "no me hace falta, gracias, no insista"),
                   language="es", products=True) == "none"
    closing = _intent(("R", "Shall we book the demo for Monday the third?"),
                      ("C", "Monday the third works."), ("R", "Anything else I can help with?"),
                      ("C", "No, thank you."), budget=True)
    assert closing == "high"


def test_the_reps_question_heard_in_the_customers_turn_is_not_interest() -> None:
    assert _intent(("R", "Hello?"), ("C", "are you interested in a free review?")) == "none"


def test_a_timeline_given_by_an_event_and_a_date_wins_over_it() -> None:
    busy = timeline(_ctx(("R", "And timing-wise?"),
                         ("C", "we'd want them in before our busy season kicks off")))
    assert busy is not None and busy.value == "before our busy season"
    obras = timeline(_ctx(("R", "¿Para cuándo lo queréis?"),
                          ("C", "En cuanto terminen las obras."), language="es"))
    assert obras is not None and obras.value == "en cuanto terminen las obras"
    dated = timeline(_ctx(("R", "¿Para cuándo lo queréis?"),
                          ("C", "En cuanto terminen las obras, a finales de mayo."),
                          language="es"))
    assert dated is not None and dated.value == "a finales de mayo"
    temporada = timeline(_ctx(("R", "¿Cuándo podrían cambiarlo?"),
                              ("C", "Después de la temporada alta."), language="es"))
    assert temporada is not None and temporada.value == "después de la temporada alta"
    assert timeline(_ctx(("R", "¿Qué tal?"), ("C", "En cuanto a precio, bien."),
                         language="es")) is None


def test_what_the_recogniser_leaves_of_an_accepted_step_and_of_hesitation() -> None:
    # 'the partners have already signed off on it', 'off' heard as 'up', the rep's 'Perfect'
    # taken from the customer: the decision-maker said in reply takes up the step
    partners = _intent(("R", "I'll send the contract today and book the onboarding call for "
                             "Monday the fourth. Perfect,"),
                       ("C", "the partners have already signed up on it."), budget=True)
    assert partners == "high"
    # a bare ordinal, the weekday misheard ('Wednesday' as 'when Ziva')
    ordinal = _intent(("R", "Could I come by when Ziva 16th and show you the handsets?"),
                      ("C", "When Ziva 16th suits us both."), budget=True)
    assert ordinal == "high"
    # 'solo estoy averiguando precios' with the verb lost
    assert _intent(("C", "Solo estoy ahí cuando preciosle en la plataforma."),
                   ("R", "Claro, le envío información."), language="es",
                   products=True) == "low"


def test_a_timeline_said_with_a_want_and_a_lost_de() -> None:
    march = timeline(_ctx(("R", "What budget are you working with?"),
                          ("C", "12,000 pounds, and we want every being sold by the end of "
                                "March.")))
    assert march is not None and march.value == "by the end of March"
    verano = timeline(_ctx(("R", "Le preparo una oferta."),
                           ("C", "Muy bien, lo decidiremos después en el verano."),
                           language="es"))
    assert verano is not None and verano.value == "después en el verano"


def test_a_decision_maker_named_in_the_step_taken_up_and_a_step_booked_in() -> None:
    assert _intent(("R", "How about a call with your CFO on Friday?"),
                   ("C", "Friday's fine, she'll join.")) == "high"
    assert _intent(("R", "Can I get you booked in for Thursday at nine?"),
                   ("C", "Thursday at nine, done."), budget=True) == "high"


def test_a_hedge_is_lifted_by_a_request_not_by_products_and_maybe_is_no_hedge() -> None:
    assert _intent(("R", "Could I follow up in a week?"),
                   ("C", "Let me talk to the team and think it through first, we're in no "
                         "hurry."), products=True) == "low"
    assert _intent(("R", "¿Quiere avanzar?"), ("C", "Uf, no sé, déjeme pensarlo unas semanas."),
                   language="es", products=True) == "low"
    assert _intent(("R", "What budget did you have in mind?"),
                   ("C", "Six thousand dollars, maybe six and a half with the service."),
                   budget=True, products=True) == "medium"


def test_more_refusals_and_an_early_stage() -> None:
    assert _intent(("R", "Can I tell you about our cleaning services?"),
                   ("C", "Sorry, we don't need any of that. Goodbye."), products=True) == "none"
    assert _intent(("R", "Le ofrezco nuestro seguro."),
                   ("C", "Ya tenemos seguro y no queremos cambiar, adiós."), language="es",
                   products=True) == "none"
    assert _intent(("R", "¿Hacemos la demo el lunes?"),
                   ("C", "Uy, no, todavía es pronto para eso, estamos empezando a mirar."),
                   language="es", budget=True, products=True) == "low"


def test_a_step_arranged_with_quedar_a_commitment_to_go_for_it_and_putting_it_off() -> None:
    assert _intent(("R", "¿Quedamos el viernes a las once con su director?"),
                   ("C", "Sí, el viernes a las once, allí estaremos."), language="es",
                   products=True) == "high"
    assert _intent(("R", "¿Entonces te lo reservo?"), ("C", "Sí, resérvamelo, vamos a por ello."),
                   language="es", budget=True) == "high"
    assert _intent(("R", "¿Qué te parece?"),
                   ("C", "Ahora no nos viene bien, a lo mejor después del verano."),
                   language="es", products=True) == "low"
    assert _intent(("R", "Shall we book something?"),
                   ("C", "I don't think we're quite there yet."), products=True) == "low"
    assert _intent(("R", "Could we set a time to talk?"),
                   ("C", "No, we're not looking to change anything, thanks."),
                   products=True) == "none"
    assert _intent(("R", "¿Le puedo contar?"),
                   ("C", "No, mire, no estamos buscando nada, gracias."), language="es",
                   products=True) == "none"


def test_not_until_an_event_is_its_earliest() -> None:
    audit = timeline(_ctx(("R", "When?"), ("C", "Not until after the audit.")))
    assert audit is not None and audit.value == "after the audit"


# --- probes: phrasings written for these tests, none from the corpus, to see whether the
# signals carry over to how other buyers put it (lower case and unpunctuated ones as the
# recogniser writes them)

R, C = "R", "C"
INTENT_PROBES: list[tuple[str, list[tuple[str, str]], str, bool, bool, str]] = [
    # (what it shows, turns, language, budget said, products asked about, intent)
    ("a go-ahead given", [(R, "So shall I raise the order?"),
                          (C, "Yes, let's get the ball rolling.")], "en", False, True, "high"),
    ("a purchase order promised", [(R, "How would you like to proceed?"),
                                   (C, "I'll raise a purchase order this afternoon.")],
     "en", False, True, "high"),
    ("'put it through'", [(R, "Shall I put the order through for the twenty units?"),
                          (C, "put it through, i'll sign when it arrives")], "en", False, True,
     "high"),
    ("'me lo llevo'", [(R, "¿Entonces qué decide?"), (C, "Me lo llevo, hágame la factura.")],
     "es", False, True, "high"),
    ("'hagan el pedido'", [(R, "¿Seguimos con el pedido?"),
                           (C, "Adelante, hagan el pedido.")], "es", False, True, "high"),
    ("'dale, cerramos'", [(R, "¿Lo dejamos listo?"), (C, "dale cerramos")], "es", False, True,
     "high"),
    ("a step taken up with 'it's my call'",
     [(R, "Can I come in on Wednesday the fourth to set it up?"),
      (C, "wednesday the fourth i can do it's my call anyway")], "en", False, True, "high"),
    ("a step taken up with 'el que manda soy yo'",
     [(R, "¿Le paso a ver el martes?"), (C, "El martes me cuadra, aquí el que manda soy yo.")],
     "es", False, True, "high"),
    ("a step taken up by getting ready for it, no word of assent",
     [(R, "Could our fitter come round on the twelfth?"),
      (C, "i'll make sure someone's in to let him in")], "en", True, True, "high"),
    ("a question about signing is not a commitment",
     [(R, "Here's the proposal."), (C, "What if we signed this week, is there a discount?")],
     "en", False, True, "medium"),
    ("a Spanish question about signing is not a commitment",
     [(R, "Le mando la propuesta."), (C, "¿Y si lo firmamos este mes hay descuento?")],
     "es", False, True, "medium"),
    ("'ready to sign?' asked back is not a commitment",
     [(R, "Do you have any questions?"), (C, "are we ready to sign no not yet")],
     "en", False, True, "low"),
    ("'if we go ahead' is not going ahead",
     [(R, "What do you think?"), (C, "If we go ahead, it would be in the spring.")],
     "en", False, True, "medium"),
    ("a commitment said by the rep is not the customer's",
     [(R, "So you're ready to sign, then?"), (C, "Hmm, I wouldn't go that far.")],
     "en", False, True, "medium"),
    ("agreement taken back in the same turn",
     [(R, "Shall we book the demo for Tuesday the third?"),
      (C, "Yes, Tuesday. Actually no, hold on, let me talk to my partner first.")],
     "en", True, True, "medium"),
    ("'sí, el martes' taken back",
     [(R, "¿Le va bien el martes para la visita?"),
      (C, "Sí, el martes. Bueno, no, el martes no puedo.")],
     "es", True, True, "medium"),
    ("decided not to go ahead", [(R, "Any news on the proposal?"),
                                 (C, "We've decided not to go ahead with it.")],
     "en", False, True, "none"),
    ("'no vamos a seguir adelante'", [(R, "¿Pudo ver la propuesta?"),
                                      (C, "Sí, y no vamos a seguir adelante, gracias.")],
     "es", False, True, "none"),
    ("a wrong person", [(R, "Hi, is that Mark?"),
                        (C, "you've got the wrong person there's no mark here")],
     "en", False, False, "none"),
    ("'aquí no es'", [(R, "¿Hablo con la ferretería?"), (C, "No, lo siento, aquí no es.")],
     "es", False, False, "none"),
    ("a support call with an engineer booked",
     [(R, "Technical support, how can I help?"),
      (C, "My router keeps dropping the connection."),
      (R, "An engineer can come on Friday morning, is that all right?"),
      (C, "Friday morning is fine.")], "en", False, False, "none"),
    ("'ya lo resolvimos con otra empresa'",
     [(R, "Le llamo por la oferta de alarmas."),
      (C, "Ya lo resolvimos con otra empresa, gracias.")], "es", False, True, "none"),
    ("'weighing up options'", [(R, "Where are you with it?"),
                               (C, "We're just weighing up our options for now.")],
     "en", False, True, "low"),
    ("'only gathering information'", [(R, "What prompted the call?"),
                                      (C, "we're only gathering information at this point")],
     "en", False, True, "low"),
    ("'nomás estoy viendo opciones'", [(R, "¿Qué necesita?"),
                                       (C, "Ahorita nomás estoy viendo opciones.")],
     "es", False, True, "low"),
    ("'apenas estoy averiguando'", [(R, "¿En qué le ayudo?"),
                                    (C, "la verdad apenas estoy averiguando")],
     "es", False, True, "low"),
    ("'déjelo así por el momento'",
     [(R, "¿Le agendo una visita?"), (C, "Déjelo así por el momento, yo le escribo.")],
     "es", False, True, "low"),
    ("'hold fire' on a step", [(R, "Shall I book a survey for next week?"),
                               (C, "I'd hold fire on that, we're not there yet.")],
     "en", False, True, "low"),
    ("'what would that run me'", [(R, "We do a twelve-month plan."),
                                  (C, "What would that run me?")], "en", False, False, "medium"),
    ("'¿cuánto me saldría?'", [(R, "Tenemos un plan anual."), (C, "¿Y cuánto me saldría?")],
     "es", False, False, "medium"),
    ("'pásame los números'", [(R, "Te cuento del plan."),
                              (C, "Pásame los números y lo platicamos.")],
     "es", False, False, "medium"),
]


@pytest.mark.parametrize(("shows", "turns", "language", "budget", "products", "want"),
                         INTENT_PROBES, ids=[p[0] for p in INTENT_PROBES])
def test_intent_probes(shows: str, turns: list[tuple[str, str]], language: str, budget: bool,
                       products: bool, want: str) -> None:
    assert _intent(*turns, language=language, budget=budget, products=products) == want


TIMELINE_PROBES: list[tuple[str, list[tuple[str, str]], str, str | None]] = [
    ("a couple of weeks", [(R, "How soon would you want it?"),
                           (C, "In a couple of weeks, ideally.")], "en", "in a couple of weeks"),
    ("a correction by 'scratch that'", [(R, "When do you need it?"),
                                        (C, "the end of march no wait scratch that the end of "
                                            "april")], "en", "the end of april"),
    ("'not March, April'", [(R, "When would you start?"), (C, "Not March, April.")],
     "en", "April"),
    ("'I mean' corrects", [(R, "What's the timeline?"), (C, "Q3. Sorry, I mean Q4.")],
     "en", "Q4"),
    ("an event: a move", [(R, "When would you need it?"),
                          (C, "Once the new warehouse opens.")], "en", "once the new warehouse "
                                                                       "opens"),
    ("an event: the lease", [(R, "When would you switch?"),
                             (C, "When our lease is up.")], "en", "when our lease is up"),
    ("'a finales del trimestre'", [(R, "¿Para cuándo?"), (C, "A finales del trimestre.")],
     "es", "a finales del trimestre"),
    ("'antes de Semana Santa'", [(R, "¿Cuándo lo necesitan?"),
                                 (C, "antes de semana santa")], "es", "antes de semana santa"),
    ("'el otro año'", [(R, "¿Y cuándo lo haría?"), (C, "Ahorita no, quizá para el otro año.")],
     "es", "para el otro año"),
    ("'el año entrante'", [(R, "¿Para cuándo la instalación?"),
                           (C, "Tal vez a comienzos del año entrante.")],
     "es", "a comienzos del año entrante"),
    ("'perdón' corrects", [(R, "¿Para cuándo lo quiere?"), (C, "En marzo. Perdón, en abril.")],
     "es", "en abril"),
    ("'bueno, no, mejor' corrects", [(R, "¿Para cuándo?"),
                                     (C, "En un par de semanas. Bueno, no, mejor para fin de "
                                         "mes.")], "es", "para fin de mes"),
    ("an engineer's visit is not a timeline",
     [(R, "An engineer can be with you on Friday morning."), (C, "Friday morning is fine.")],
     "en", None),
]


@pytest.mark.parametrize(("shows", "turns", "language", "want"), TIMELINE_PROBES,
                         ids=[p[0] for p in TIMELINE_PROBES])
def test_timeline_probes(shows: str, turns: list[tuple[str, str]], language: str,
                         want: str | None) -> None:
    got = timeline(_ctx(*turns, language=language))
    assert (got.value if got else None) == want


def test_an_imperative_is_no_question_and_a_look_is_no_hedge() -> None:
    # 'Do it,' split off by the recogniser is the go-ahead, not 'do it ...?' asked back
    assert _intent(("R", "I can have a quote to you today and ship on Monday."), ("C", "do it,"),
                   ("C", "i'll approve it as soon as i see it")) == "high"
    # a trial taken up 'and I'll have a look' is interest, not a hedge
    assert _intent(("R", "Can I e-mail you a link for a free trial?"),
                   ("C", "Yes, send it over and I'll have a look."), products=True) == "medium"


def test_a_support_desk_is_no_sale_unless_something_is_asked_for() -> None:
    desk = [("R", "Clearpath support, Owen speaking."), ("C", "My line keeps dropping."),
            ("R", "An engineer can come on Friday, is that all right?"), ("C", "Friday's fine.")]
    assert _intent(*desk) == "none"
    assert _intent(*desk, ("C", "And how much would the faster package be?")) == "medium"


def test_the_reps_offer_heard_in_the_customers_turn_is_no_step_of_theirs() -> None:
    # roles swapped by the recogniser: the rep's offer of a survey lands in a customer turn
    assert _intent(("R", "And when might you want them installed?"),
                   ("C", "Would it help if I came out to do a free roof survey next Tuesday?"),
                   budget=True, products=True) == "medium"
    assert _intent(("C", "¿Le parece si le agendo una visita el martes?"), ("R", "Vale."),
                   language="es", budget=True, products=True) == "medium"


def test_an_event_with_the_article_the_recogniser_wrote() -> None:
    busy = timeline(_ctx(("R", "And timing-wise,"),
                         ("C", "we'd want them in before a busy season kicks off.")))
    assert busy is not None and busy.value == "before a busy season"


def test_question_marks_the_recogniser_put_round_a_spanish_statement() -> None:
    # 'Quedamos el jueves. Cuenta conmigo' heard as questions: no question's opening, so said
    assert _intent(("R", "Te propongo pasarme el jueves por la tarde."),
                   ("C", "¿Cuéntas conmigo?"), language="es") == "high"
    # a real question keeps its opening
    assert _intent(("R", "Le mando la propuesta."), ("C", "¿Y si firmamos hoy?"),
                   language="es", products=True) == "medium"


def test_a_budget_had_or_not_is_no_quote_asked_for() -> None:
    assert _intent(("R", "Le presento nuestro sistema."),
                   ("C", "a pesar de que este año lo tenemos presupuesto"),
                   language="es") == "none"
    assert _intent(("R", "¿Qué necesita?"), ("C", "Mándeme un presupuesto."),
                   language="es") == "medium"


# --- probes, round 2: written after round 1's rules and scored before any change for them
# (25 of 32 held; the commitments and the 'not until next year' below were then added); the
# timeline matched loosely, as bench.quality scores it

INTENT_PROBES_2: list[tuple[str, list[tuple[str, str]], str, bool, bool, str]] = [
    ("we'll take the three-year plan",
     [(R, 'Which plan suits you?'),
      (C, "we'll go for the three-year plan then")],
     'en', False, True, 'high'),
    ('sign me up today',
     [(R, 'Shall we get you started?'),
      (C, 'yep get me signed up today')],
     'en', False, True, 'high'),
    ('the board signed off',
     [(R, 'Where are you with approval?'),
      (C, "The board signed off on it yesterday, so we're good to go.")],
     'en', True, True, 'high'),
    ('invoice me',
     [(R, "So that's the twelve licences."),
      (C, "Great, invoice me and we'll pay this week.")],
     'en', False, True, 'high'),
    ('nos quedamos con el plan',
     [(R, '¿Cuál le interesa?'),
      (C, 'Nos quedamos con el plan anual, adelante.')],
     'es', False, True, 'high'),
    ('ya lo tengo decidido',
     [(R, '¿Qué ha decidido?'),
      (C, 'ya lo tengo decidido, lo contrato')],
     'es', False, True, 'high'),
    ('jueves a las diez, lo anoto',
     [(R, '¿Le viene bien el jueves a las diez para la demostración?'),
      (C, 'jueves a las diez lo anoto')],
     'es', True, True, 'high'),
    ("'ok monday' lower case with budget",
     [(R, 'could we do the install on monday'),
      (C, 'ok monday then')],
     'en', True, True, 'high'),
    ('send me a quote, no date',
     [(R, 'How can I help?'),
      (C, 'Could you send me a quote for forty chairs?')],
     'en', False, True, 'medium'),
    ('cotízame',
     [(R, '¿En qué te ayudo?'),
      (C, 'cotízame unas veinte sillas porfa')],
     'es', False, True, 'medium'),
    ('me interesaría saber más',
     [(R, 'Le cuento del servicio.'),
      (C, 'Me interesaría saber más, ¿me manda información?')],
     'es', False, False, 'medium'),
    ('a demo but no date',
     [(R, 'Would a demo help?'),
      (C, 'Yes, a demo would be useful at some point.')],
     'en', False, True, 'medium'),
    ('not until next year',
     [(R, 'When would you look at this?'),
      (C, 'Honestly not until next year at the earliest.')],
     'en', False, True, 'low'),
    ("we're happy for now",
     [(R, "How's your current provider?"),
      (C, "they're fine we're happy for now")],
     'en', False, True, 'low'),
    ('ahorita no tenemos cabeza',
     [(R, '¿Le interesa la propuesta?'),
      (C, 'Ahorita no tenemos cabeza para eso, quizá más adelante.')],
     'es', False, True, 'low'),
    ('lo voy a pensar',
     [(R, '¿Qué le parece?'),
      (C, 'Lo voy a pensar y ya veremos.')],
     'es', False, True, 'low'),
    ('please remove my number',
     [(R, "Hi, I'm calling about solar panels."),
      (C, 'please remove my number from your list')],
     'en', False, False, 'none'),
    ('no thanks not for us',
     [(R, 'Can I tell you about our offer?'),
      (C, "No, it's not something we need.")],
     'en', False, False, 'none'),
    ('no, aquí no hay ningún Pedro',
     [(R, '¿Está Pedro?'),
      (C, 'No, aquí no hay ningún Pedro, se equivocó.')],
     'es', False, False, 'none'),
    ('no me interesa, adiós',
     [(R, 'Le llamo de parte de Telefónica.'),
      (C, 'no me interesa adiós')],
     'es', False, False, 'none'),
    ("customer question 'do we have to sign today?'",
     [(R, "Here's the contract."),
      (C, 'Do we have to sign today? I need to run it by my partner.')],
     'en', True, True, 'medium'),
    ("a rep's 'you'll love it'",
     [(R, "Here's the trial."),
      (C, "so you're saying we can sign up later")],
     'en', False, True, 'medium'),
]


@pytest.mark.parametrize(("shows", "turns", "language", "budget", "products", "want"),
                         INTENT_PROBES_2, ids=[p[0] for p in INTENT_PROBES_2])
def test_intent_probes_round_2(shows: str, turns: list[tuple[str, str]], language: str,
                               budget: bool, products: bool, want: str) -> None:
    assert _intent(*turns, language=language, budget=budget, products=products) == want


TIMELINE_PROBES_2: list[tuple[str, list[tuple[str, str]], str, str]] = [
    ('in three weeks',
     [(R, 'When do you need it?'),
      (C, 'In about three weeks.')],
     'en', 'in about three weeks'),
    ('after the summer holidays',
     [(R, 'When would you start?'),
      (C, 'after the summer holidays')],
     'en', 'after the summer holidays'),
    ('by the end of next month',
     [(R, "What's your timing?"),
      (C, "We'd need it by the end of next month.")],
     'en', 'by the end of next month'),
    ('early next year',
     [(R, 'When?'),
      (C, 'Probably early next year.')],
     'en', 'early next year'),
    ('once the funding comes through',
     [(R, 'When could you go ahead?'),
      (C, 'Once the funding comes through.')],
     'en', 'once the funding comes through'),
    ("'para el mes que entra'",
     [(R, '¿Para cuándo?'),
      (C, 'Para el mes que entra.')],
     'es', 'para el mes que entra'),
    ("'después de las vacaciones'",
     [(R, '¿Cuándo empezarían?'),
      (C, 'Después de las vacaciones de verano.')],
     'es', 'después de las vacaciones de verano'),
    ("'en dos semanitas'",
     [(R, '¿Para cuándo lo quiere?'),
      (C, 'en unas dos semanas')],
     'es', 'en unas dos semanas'),
    ("corrected 'no, en junio'",
     [(R, '¿Para cuándo?'),
      (C, 'Para mayo. No, mejor dicho, para junio.')],
     'es', 'para junio'),
    ("'antes de fin de año'",
     [(R, '¿Cuándo lo necesitan?'),
      (C, 'antes de fin de año')],
     'es', 'antes de fin de año'),
]


@pytest.mark.parametrize(("shows", "turns", "language", "want"), TIMELINE_PROBES_2,
                         ids=[p[0] for p in TIMELINE_PROBES_2])
def test_timeline_probes_round_2(shows: str, turns: list[tuple[str, str]], language: str,
                                 want: str) -> None:
    got = timeline(_ctx(*turns, language=language))
    assert got is not None and fuzz.token_set_ratio(fold(want), fold(got.value)) >= 80


# Short calls written for these tests in four rounds (none from the quality corpus), each round
# after the rules for the round before (17, 16, 15 and 10 of 20 right before their own fixes):
# (language, turns of the rep R and the customer C, the intent).
CALLS: list[tuple[str, list[tuple[str, str]], str]] = [
    ("en", [
        ("R", "So shall I get the paperwork drawn up?"),
        ("C", "Yes, let's do it. Email it over and I'll sign today."),
    ], "high"),
    ("en", [
        ("R", "Would you like me to reserve the units for you?"),
        ("C", "Please do, we've got the go-ahead from head office."),
    ], "high"),
    ("en", [
        ("R", "What's your budget?"),
        ("C", "About ten thousand pounds."),
        ("R", "Can I pop in on Tuesday at ten to measure up?"),
        ("C", "Tuesday at ten suits me, I'm the owner so I can sign off on it."),
    ], "high"),
    ("en", [
        ("R", "Shall we book the installation for the fourteenth?"),
        ("C", "The fourteenth works. Our finance director has already approved the spend."),
    ], "high"),
    ("en", [
        ("R", "Can I send you a quote?"),
        ("C", "Yes, send a quote over and I'll compare it with the others."),
    ], "medium"),
    ("en", [
        ("R", "How does that sound?"),
        ("C", "Interesting. I'd want to see a demo before anything else."),
    ], "medium"),
    ("en", [
        ("R", "Would you like a demo?"),
        ("C", "Honestly we're a long way off buying. Maybe next year."),
    ], "low"),
    ("en", [
        ("R", "Can I book you in for a call?"),
        ("C", "Let me mull it over and get back to you. No promises."),
    ], "low"),
    ("en", [
        ("R", "Could I tell you about our new plan?"),
        ("C", "No thank you, we're happy with our current supplier. Please take us off your "
               "list."),
    ], "none"),
    ("en", [
        ("R", "Hello, is that Pete?"),
        ("C", "No, there's no Pete here, you've dialled the wrong number."),
    ], "none"),
    ("es", [
        ("R", "¿Le preparo el contrato?"),
        ("C", "Sí, adelante. Mándemelo hoy y lo firmo."),
    ], "high"),
    ("es", [
        ("R", "¿Cuál es su presupuesto?"),
        ("C", "Unos cinco mil euros."),
        ("R", "¿Le va bien que el técnico pase el jueves?"),
        ("C", "El jueves perfecto, la decisión es mía."),
    ], "high"),
    ("es", [
        ("R", "¿Se lo reservo?"),
        ("C", "Sí, resérvemelo, que ya tengo el visto bueno del dueño."),
    ], "high"),
    ("es", [
        ("R", "¿Quiere que le mande una cotización?"),
        ("C", "Sí, mándemela y la reviso con calma."),
    ], "medium"),
    ("es", [
        ("R", "¿Le interesa?"),
        ("C", "Me interesa, pero primero quiero ver una demostración."),
    ], "medium"),
    ("es", [
        ("R", "¿Agendamos una visita?"),
        ("C", "Todavía no, estamos solo mirando. Quizás el año que viene."),
    ], "low"),
    ("es", [
        ("R", "¿Le parece bien?"),
        ("C", "Lo tengo que pensar. Ya le diré algo."),
    ], "low"),
    ("es", [
        ("R", "¿Le puedo contar nuestra oferta?"),
        ("C", "No, gracias, no nos interesa. Ya tenemos proveedor."),
    ], "none"),
    ("es", [
        ("R", "¿Hablo con la señora Gómez?"),
        ("C", "No, aquí no vive ninguna señora Gómez, se ha equivocado de número."),
    ], "none"),
    ("es", [
        ("R", "Entonces, ¿cerramos el pedido?"),
        ("C", "Venga, cerramos. Pásame la factura."),
    ], "high"),
    ("en", [
        ("R", "Can we get the demo in the diary for Thursday?"),
        ("C", "Thursday's no good, I'm away. Maybe the week after, I'll let you know."),
    ], "low"),
    ("en", [
        ("R", "What budget are you working with?"),
        ("C", "Around twenty grand."),
        ("R", "Great. I'll send the proposal tonight."),
        ("C", "Lovely, I'll look out for it."),
    ], "medium"),
    ("en", [
        ("R", "Are you the person who signs off on this?"),
        ("C", "That's me."),
        ("R", "Shall I come by on Monday the third with the samples?"),
        ("C", "Monday the third is good."),
    ], "high"),
    ("en", [
        ("R", "Would it make sense to start with a pilot?"),
        ("C", "Go on then, put us down for the pilot, starting next month."),
    ], "high"),
    ("en", [
        ("R", "Can I help with anything else?"),
        ("C", "No, that's all. Just send me the brochure, I'm only browsing for now."),
    ], "low"),
    ("en", [
        ("R", "Do you have a budget for this?"),
        ("C", "Not really, we're just seeing what's out there."),
    ], "low"),
    ("en", [
        ("R", "Do you want me to go ahead and place the order?"),
        ("C", "Yes please, go ahead."),
    ], "high"),
    ("en", [
        ("R", "Could we talk about your needs?"),
        ("C", "I'm sorry, I'm not the right person and we don't buy this sort of thing. "
               "Goodbye."),
    ], "none"),
    ("en", [
        ("R", "Thanks for calling support, what's the problem?"),
        ("C", "My router keeps dropping the connection."),
        ("R", "I'll book an engineer for Friday."),
        ("C", "Friday's fine."),
    ], "none"),
    ("en", [
        ("R", "I can offer you the annual plan at a discount."),
        ("C", "That sounds good. What would it cost for ten users?"),
    ], "medium"),
    ("es", [
        ("R", "¿Le parece si le hago la demostración el martes?"),
        ("C", "El martes no puedo, mejor lo dejamos para más adelante."),
    ], "low"),
    ("es", [
        ("R", "¿Quién toma la decisión?"),
        ("C", "Yo, soy la gerente."),
        ("R", "¿Nos vemos el viernes a las diez?"),
        ("C", "El viernes a las diez, perfecto."),
    ], "high"),
    ("es", [
        ("R", "¿Tramito el pedido?"),
        ("C", "Sí, tramítelo ya, por favor."),
    ], "high"),
    ("es", [
        ("R", "¿Cuánto quiere invertir?"),
        ("C", "Unos tres mil euros."),
        ("R", "Le mando la propuesta."),
        ("C", "Vale, la espero."),
    ], "medium"),
    ("es", [
        ("R", "¿Tiene un momento?"),
        ("C", "No, lo siento, no me interesa nada. Adiós."),
    ], "none"),
    ("es", [
        ("R", "¿Le envío el catálogo?"),
        ("C", "Bueno, mándelo, pero de momento no vamos a comprar nada."),
    ], "low"),
    ("es", [
        ("R", "¿Empezamos con la prueba gratuita el lunes?"),
        ("C", "Sí, empezamos el lunes. Ya lo hablé con mi socio y está de acuerdo."),
    ], "high"),
    ("es", [
        ("R", "¿Qué le parece el precio?"),
        ("C", "Está bien. ¿Cuánto costaría con la instalación incluida?"),
    ], "medium"),
    ("es", [
        ("R", "Soporte técnico, ¿en qué le ayudo?"),
        ("C", "No me funciona la impresora."),
        ("R", "Le mando un técnico mañana."),
        ("C", "Vale, mañana."),
    ], "none"),
    ("es", [
        ("R", "¿Le apunto para la instalación?"),
        ("C", "Apúntame, pero que sea en septiembre."),
    ], "high"),
    ("en", [
        ("R", "Shall I pencil you in for an install on the twentieth?"),
        ("C", "Yes, pencil us in. The owner's already said yes to it."),
    ], "high"),
    ("en", [
        ("R", "Do you want to go with the premium tier?"),
        ("C", "We'll take it. Send the invoice to accounts."),
    ], "high"),
    ("en", [
        ("R", "I'll email you a quote this afternoon."),
        ("C", "Cheers, I'll have a look."),
    ], "medium"),
    ("en", [
        ("R", "Could I book a call with your IT lead?"),
        ("C", "Not at this stage, we're still working out what we need."),
    ], "low"),
    ("en", [
        ("R", "Is this a good time to talk about your energy contract?"),
        ("C", "Not interested, sorry. We've just renewed."),
    ], "none"),
    ("en", [
        ("R", "What are you hoping to spend?"),
        ("C", "We've got fifteen thousand set aside."),
        ("R", "Can I show you the system on Wednesday at two?"),
        ("C", "Wednesday at two is fine, my business partner will join us, she holds the "
               "budget."),
    ], "high"),
    ("en", [
        ("R", "Would a free trial help?"),
        ("C", "Maybe, but honestly it's not a priority this year."),
    ], "low"),
    ("en", [
        ("R", "How can I help?"),
        ("C", "Can you tell me how much the starter kit costs?"),
    ], "medium"),
    ("en", [
        ("R", "Hi, is that Sandra from Orbit Travel?"),
        ("C", "No, sorry, this is a private number."),
    ], "none"),
    ("en", [
        ("R", "Do you want me to lock in that price for you?"),
        ("C", "Yes, lock it in please."),
    ], "high"),
    ("es", [
        ("R", "¿Le mando la propuesta por correo?"),
        ("C", "Sí, por favor, y la comento con mi jefe."),
    ], "medium"),
    ("es", [
        ("R", "¿Cuándo podemos hacer la instalación?"),
        ("C", "El lunes que viene. Yo soy el dueño, así que adelante."),
    ], "high"),
    ("es", [
        ("R", "¿Le interesaría una demostración?"),
        ("C", "Ahora mismo no, estamos en plena temporada. Llámeme en otoño."),
    ], "low"),
    ("es", [
        ("R", "¿Podemos hablar de su seguro?"),
        ("C", "No me llame más, por favor. No estoy interesado."),
    ], "none"),
    ("es", [
        ("R", "¿Cerramos la compra entonces?"),
        ("C", "Sí, cerramos. Ya tengo el dinero aprobado."),
    ], "high"),
    ("es", [
        ("R", "¿Qué presupuesto tienen?"),
        ("C", "Unos dos mil dólares."),
        ("R", "Le preparo una cotización."),
        ("C", "Perfecto, gracias."),
    ], "medium"),
    ("es", [
        ("R", "¿Quiere que le reserve una cita para el jueves?"),
        ("C", "No sé, lo tengo que pensar. Ya le llamo yo."),
    ], "low"),
    ("es", [
        ("R", "¿Hablo con Transportes Ruiz?"),
        ("C", "No, se ha equivocado, esto es una panadería."),
    ], "none"),
    ("es", [
        ("R", "¿Le apunto para el curso del día quince?"),
        ("C", "Sí, apúntenos a los dos. Lo pago yo con la tarjeta de la empresa."),
    ], "high"),
    ("es", [
        ("R", "¿Le cuento las ventajas del plan anual?"),
        ("C", "Sí, cuénteme, me interesa."),
    ], "medium"),
    ("en", [
        ("R", "Shall I put you down for the six-month contract?"),
        ("C", "Put us down. I've cleared it with my director."),
    ], "high"),
    ("en", [
        ("R", "Would next Thursday work for a site visit?"),
        ("C", "Thursday works, and I've got budget sign-off for up to ten grand."),
    ], "high"),
    ("en", [
        ("R", "Can I send over a few case studies?"),
        ("C", "Go for it, I'll read them at the weekend."),
    ], "medium"),
    ("en", [
        ("R", "Do you have a rough budget?"),
        ("C", "We haven't got that far. It's more of a next year thing."),
    ], "low"),
    ("en", [
        ("R", "Are you interested in switching?"),
        ("C", "No, we're locked into a contract for three more years, so it's a no."),
    ], "none"),
    ("en", [
        ("R", "What would you like to do next?"),
        ("C", "Send me a written quote and we'll take it from there."),
    ], "medium"),
    ("en", [
        ("R", "Shall I book you a slot on Friday?"),
        ("C", "Friday's tricky. Leave it with me and I'll come back to you."),
    ], "low"),
    ("en", [
        ("R", "Would you like to go ahead today?"),
        ("C", "Today, yes. Card or invoice?"),
    ], "high"),
    ("en", [
        ("R", "I'm calling about your car's extended warranty."),
        ("C", "I don't have a car. Bye."),
    ], "none"),
    ("en", [
        ("R", "How much are you looking to spend?"),
        ("C", "No more than five hundred a month."),
        ("R", "I'll put some options together."),
        ("C", "Thanks, that'd be useful."),
    ], "medium"),
    ("es", [
        ("R", "¿Le preparo el pedido?"),
        ("C", "Sí, prepárelo. Le paso los datos de facturación."),
    ], "high"),
    ("es", [
        ("R", "¿Le viene bien el miércoles para la demostración?"),
        ("C", "El miércoles me viene bien, y vendrá también el director, que es quien firma."),
    ], "high"),
    ("es", [
        ("R", "¿Quiere que le mande más información?"),
        ("C", "Sí, mándemela al correo, gracias."),
    ], "medium"),
    ("es", [
        ("R", "¿Lo vemos la semana que viene?"),
        ("C", "Uf, la semana que viene imposible. Ya le llamaré cuando pueda."),
    ], "low"),
    ("es", [
        ("R", "¿Podría contarle nuestra oferta de luz?"),
        ("C", "No, gracias, no estamos interesados."),
    ], "none"),
    ("es", [
        ("R", "¿Tiene presupuesto?"),
        ("C", "Sí, unos diez mil euros."),
        ("R", "¿Le hago una propuesta?"),
        ("C", "Sí, hágamela."),
    ], "medium"),
    ("es", [
        ("R", "¿Le interesa el plan?"),
        ("C", "Puede ser, pero lo veremos el año que viene, ahora no es el momento."),
    ], "low"),
    ("es", [
        ("R", "¿Firmamos el contrato esta semana?"),
        ("C", "Sí, esta semana lo firmamos, ya está aprobado."),
    ], "high"),
    ("es", [
        ("R", "Buenos días, ¿es la farmacia Central?"),
        ("C", "No, se ha confundido de número."),
    ], "none"),
    ("es", [
        ("R", "¿Cuándo quiere que empecemos?"),
        ("C", "Si le parece, el primero de mes. Yo decido aquí, así que por mí perfecto."),
    ], "high"),
]


@pytest.mark.parametrize(("language", "turns", "intent"), CALLS)
def test_the_intent_of_a_short_call(language: str, turns: list[tuple[str, str]],
                                    intent: str) -> None:
    transcript = call(*turns, language=language, roles=True)
    assert extract(transcript, None).buying_intent.value == intent


def test_a_time_taken_back_at_the_end_of_a_sentence_is_replaced_by_the_next() -> None:
    # as the recogniser puts a full stop after 'scratch that'
    ctx = _ctx(("R", "And when would you need it up and running?"),
               ("C", "By the end of March, no wait, scratch that. The end of April, March is "
                     "our submissions month."))
    got = timeline(ctx)
    assert got and got.value == "the end of April"
