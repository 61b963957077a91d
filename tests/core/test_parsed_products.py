"""Products read from a sentence's grammar (`core.parsed_products`), on parses written out by
hand in the shape spaCy gives them, so the logic is tested apart from the parser."""

from core.parsed_products import Parse, Word, requested


def _words(*rows: tuple[str, str, int, str]) -> list[Word]:
    return [Word(text, dep, head, pos, "") for text, dep, head, pos in rows]


def _parsed(words: list[Word]) -> Parse:
    return lambda sentence: words


def _unparsed(sentence: str) -> list[Word]:
    raise AssertionError(f"parsed a sentence that cannot be a request: {sentence!r}")


# 'Could somebody come and service our boiler before winter?'
BOILER = _words(("Could", "aux", 2, "AUX"), ("somebody", "nsubj", 2, "PRON"),
                ("come", "ROOT", 2, "VERB"), ("and", "cc", 2, "CCONJ"),
                ("service", "conj", 2, "VERB"), ("our", "poss", 6, "PRON"),
                ("boiler", "dobj", 4, "NOUN"), ("before", "prep", 4, "ADP"),
                ("winter", "pobj", 7, "NOUN"), ("?", "punct", 2, "PUNCT"))

# 'The team keeps asking for noise-cancelling headsets.'
HEADSETS = _words(("The", "det", 1, "DET"), ("team", "nsubj", 2, "NOUN"),
                  ("keeps", "ROOT", 2, "VERB"), ("asking", "xcomp", 2, "VERB"),
                  ("for", "prep", 3, "ADP"), ("noise", "npadvmod", 7, "NOUN"),
                  ("-", "punct", 7, "PUNCT"), ("cancelling", "amod", 8, "VERB"),
                  ("headsets", "pobj", 4, "NOUN"), (".", "punct", 2, "PUNCT"))

# 'We want to move our accounts onto cloud accounting software.'
MOVED = _words(("We", "nsubj", 1, "PRON"), ("want", "ROOT", 1, "VERB"),
               ("to", "aux", 3, "PART"), ("move", "xcomp", 1, "VERB"),
               ("our", "poss", 5, "PRON"), ("accounts", "dobj", 3, "NOUN"),
               ("onto", "prep", 3, "ADP"), ("cloud", "compound", 8, "ADJ"),
               ("accounting", "compound", 9, "NOUN"), ("software", "pobj", 6, "NOUN"),
               (".", "punct", 1, "PUNCT"))

# 'Just after a quote for some jackets and boots.'
HOLDER = _words(("Just", "advmod", 1, "ADV"), ("after", "ROOT", 1, "ADP"),
                ("a", "det", 3, "DET"), ("quote", "pobj", 1, "NOUN"),
                ("for", "prep", 3, "ADP"), ("some", "det", 6, "DET"),
                ("jackets", "pobj", 4, "NOUN"), ("and", "cc", 6, "CCONJ"),
                ("boots", "conj", 6, "NOUN"), (".", "punct", 1, "PUNCT"))


def test_the_object_of_the_request_with_the_words_that_make_it_the_thing() -> None:
    assert requested("Could somebody come and service our boiler before winter?",
                     _parsed(BOILER)) == ["boiler"]
    assert requested("The team keeps asking for noise-cancelling headsets.",
                     _parsed(HEADSETS)) == ["noise-cancelling headsets"]


def test_what_is_moved_gives_way_to_where_and_a_holder_to_what_it_holds() -> None:
    assert requested("We want to move our accounts onto cloud accounting software.",
                     _parsed(MOVED)) == ["cloud accounting software"]
    assert requested("Just after a quote for some jackets and boots.",
                     _parsed(HOLDER)) == ["jackets", "boots"]


def test_nothing_from_a_sentence_that_asks_for_nothing_or_is_about_a_bill() -> None:
    # these are not parsed at all: no word of a request, or a bill, a cancellation, a 'no'
    assert requested("Winter came early", _unparsed) == []
    assert requested("Could you cancel my boiler service before winter?", _unparsed) == []
    assert requested("No, we don't need the boiler looked at.", _unparsed) == []
    place = [w._replace(ent="GPE") if w.text == "boiler" else w for w in BOILER]
    assert requested("Could somebody come and service our boiler before winter?",
                     _parsed(place)) == []


def test_an_amount_is_not_a_product() -> None:
    money = _words(("Something", "ROOT", 0, "PRON"), ("like", "prep", 0, "ADP"),
                   ("3000", "nummod", 4, "NUM"), ("Australian", "amod", 4, "ADJ"),
                   ("dollars", "pobj", 1, "NOUN"), ("a", "det", 6, "DET"),
                   ("year", "npadvmod", 0, "NOUN"), (".", "punct", 0, "PUNCT"))
    assert requested("Something like 3000 Australian dollars a year.", _parsed(money)) == []
