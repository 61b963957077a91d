"""Products read from a sentence's grammar, for the English sentences the phrase tables of
`core.products` find nothing in: the thing a customer's request is about is the object of its
verb or preposition ("could somebody service our boiler", "sort us out with a couple of standing
desks", "look into payroll software"), not a word after a cue written for it.

Pure logic over a dependency parse (`Word`s, made by the engine's parser: spaCy's small English
pipeline in `adapters.extractors`); the parser itself is not imported here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple


class Word(NamedTuple):
    """One token of a parsed sentence: its text, dependency label, the index of its head in the
    sentence, its coarse part of speech and its entity label ('' when none)."""

    text: str
    dep: str
    head: int
    pos: str
    ent: str


Parse = Callable[[str], list[Word]]  # a sentence -> its words

# the words a buyer's request is made with (of wanting, asking and getting); what it is about
# hangs from one of them in the parse
_REQUEST = {
    "want", "wants", "wanted", "need", "needs", "needed", "like", "love", "looking", "look",
    "ask", "asking", "after", "require", "interested", "keen", "charge", "cost", "quote", "price",
    "supply", "sell", "get", "getting", "buy", "order", "rent", "lease", "hire", "book",
    "install", "fit", "replace", "replacing", "upgrade", "service", "repair", "fix", "sort",
    "redesign", "build", "provide", "outgrown", "thinking", "considering", "chance", "do",
}
# a call about something else: support, billing, a refusal
_NOT_A_REQUEST = re.compile(
    r"\b(?:cancel(?:l?ing)? (?:my|our|the|a|an|this)|complain\w*|refund\w*|return\w*|"
    r"invoice\w*|bill(?:ed|ing)?|wrong|delivery|"
    r"check(?:ing)? (?:on|my|the)|chasing|not|n't|no|never|nothing|already have|signed with|"
    r"happy with)\b", re.I)
_OBJECTS = {"dobj", "pobj", "attr", "nsubjpass", "conj", "appos"}
_NOT_THINGS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "DATE", "TIME", "MONEY", "CARDINAL",
               "QUANTITY", "ORDINAL", "PERCENT", "EVENT"}
# words that are not what is bought, or hold it ('a couple of X', 'a quote for X')
_GENERIC = {
    "something", "anything", "thing", "things", "one", "ones", "lot", "lots", "couple", "bit",
    "few", "number", "pair", "set", "bunch", "kind", "sort", "type", "quote", "quotes",
    "price", "prices", "estimate", "demo", "trial", "chance", "call", "time", "way", "idea",
    "office", "offices", "team", "staff", "room", "rooms", "people", "company", "business",
    "week", "month", "year", "day", "morning", "afternoon", "evening", "night", "winter",
    "summer", "spring", "autumn", "question", "questions", "help", "information", "info",
    "details", "ad", "advert", "back", "front", "end", "moment", "minute", "place", "look",
    "word", "chat", "talk", "dollar", "euro", "pound", "peso", "real", "quid", "buck", "grand",
    "building", "warehouse", "shop", "store", "school", "home", "house", "kitchen", "line",
    "lines", "bulk", "range", "selection", "option", "options", "deal", "budget", "money",
    "accountant", "boss", "manager", "owner", "wife", "husband", "partner", "colleague",
    "couriers", "drivers", "customers", "clients", "guests", "wedding", "event", "legs",
}
_MODIFIERS = {"compound", "amod", "nmod", "npadvmod", "punct", "hmod", "hyph"}


def _children(words: list[Word], i: int) -> list[int]:
    return [j for j, w in enumerate(words) if w.head == i and j != i]


def _phrase(words: list[Word], i: int) -> str:
    """The head noun with the words right before it that make it the thing it is ('noise-
    cancelling headsets', 'cloud accounting software'), without articles, possessives or
    counts."""
    start = i
    while start > 0 and _inside(words, start - 1, i):
        start -= 1
    return re.sub(r"\s*-\s*", "-", " ".join(w.text for w in words[start:i + 1])).strip(" -")


def _inside(words: list[Word], j: int, i: int) -> bool:
    """Word j hangs, through modifiers, from word i."""
    seen = 0
    while j != i and seen < len(words):
        if words[j].dep not in _MODIFIERS:
            return False
        j, seen = words[j].head, seen + 1
    return j == i


def _generic(word: str) -> bool:
    word = word.lower()
    return word in _GENERIC or (word.endswith("s") and word[:-1] in _GENERIC)


def _under(words: list[Word], i: int, top: int) -> bool:
    """Word i hangs from word top ('boiler' from 'service' in 'service our boiler')."""
    for _ in range(len(words)):
        if i == top:
            return True
        if words[i].head == i:
            return False
        i = words[i].head
    return False


def _moved(words: list[Word], i: int) -> bool:
    """Word i is what a verb of moving moves, and the verb says where to."""
    head = words[i].head
    return words[i].dep == "dobj" and words[head].text.lower() in _MOVING and any(
        words[j].dep == "prep" and words[j].text.lower() in ("to", "onto", "into")
        for j in _children(words, head))


_MOVING = {"move", "moving", "switch", "switching", "migrate", "migrating", "change",
           "changing", "swap", "swapping", "convert", "converting", "transfer", "transferring"}


def requested(sentence: str, parse: Parse) -> list[str]:
    """The things a customer's request sentence is about: the first noun that is the object of
    a verb or preposition and is neither a person, a place, a time, an amount nor a word that
    only holds the thing ('a couple of', 'a quote for'); with the nouns joined to it by 'and'.
    Nothing when the sentence asks for nothing or is about something else (a bill, a refusal);
    the sentence is parsed only when its words could make a request."""
    if _NOT_A_REQUEST.search(sentence) or not _REQUEST & set(re.findall(r"[a-z]+",
                                                                          sentence.lower())):
        return []
    words = parse(sentence)
    asks = [i for i, w in enumerate(words) if w.text.lower() in _REQUEST]
    if not asks:
        return []
    for i, w in enumerate(words):
        if _moved(words, i):
            continue  # 'move our accounts onto cloud software': what they move to
        if w.pos not in ("NOUN", "PROPN") or w.dep not in _OBJECTS or w.dep == "conj" or \
                w.ent in _NOT_THINGS or _generic(w.text) or \
                not any(_under(words, i, a) for a in asks):
            continue
        out = [_phrase(words, i)]
        out += [_phrase(words, j) for j in _children(words, i)
                if words[j].dep == "conj" and words[j].pos in ("NOUN", "PROPN") and
                not _generic(words[j].text)]
        return [p for p in out if len(p) > 2]
    return []
