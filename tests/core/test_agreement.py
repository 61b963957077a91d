"""What was agreed: the timeline and the scored buying intent, on sentences with roles."""

from core.agreement import buying_intent, timeline
from core.call_context import CallContext, sentences
from core.places import Gazetteer
from tests.core.helpers import call


def _ctx(*turns: tuple[str, str], language: str = "en") -> CallContext:
    transcript = call(*turns, language=language)
    for speaker in transcript.speakers:
        speaker.role = "rep" if speaker.label == "R" else "customer"
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
