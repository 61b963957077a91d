"""The customer's place, read by the offline extractor: the location said (a city, a region, a
country, a small town by what stands around it, a city then its region) and the country code it
gives. Places are looked up in the gazetteer (`core.places`) and kept as said ("Sevilla").
"""

from __future__ import annotations

import re
from itertools import chain

from core.call_context import CallContext, Said
from core.introductions import WORD
from core.normalize import fold
from core.places import Gazetteer, Place
from models.analysis import Evidence, Location


def place_in(text: str, gaz: Gazetteer) -> Place | None:
    return gaz.places.get(fold(text).strip(" ,.")) if text else None


_RUN = re.compile(rf"{WORD}(?:\s+(?:(?:y|do|da|de|del|of|la)\s+)?{WORD})*")


def city_tail(words: list[str], gaz: Gazetteer) -> list[str]:
    """The city that ends a capitalised run after a name of two words or more, the 'in' lost by
    the recogniser: 'Hollowbrook Veterinary Spokane' -> ['Spokane']; a one-word head is left
    whole ('Hotel Granada' is a name)."""
    for i in range(2, len(words)):
        place = place_in(" ".join(words[i:]), gaz)
        if place is not None and place.kind == "city" and words[i][:1].isupper():
            return words[i:]
    return []


Hit = tuple[int, str, Place]  # where in the sentence, the place as said, the place


def location_of(ctx: CallContext, names: set[str],
                company: str | None = None) -> Evidence[Location] | None:
    """The customer's place: city, region, country as said, in the customer's words (or in the
    rep's, where the rep speaks of the customer's: "your agents in Phoenix"), from the first
    sentence that names one; a city said right after the customer's `company` counts, its 'in'
    lost ('at Hollowbrook Veterinary Spokane')."""
    yours = [s for s in ctx.rep if re.search(r"\b(?:your|you'?re|you are|usted|su|sus|seu|sua)\b",
                                              fold(s.text))]
    for s in ctx.customer + yours:
        where = s.role == "customer" and bool(_WHERE_QUESTION.search(fold(ctx.previous_rep(s))))
        hits = _places_in(s.text, ctx.gaz, names, company, where)
        if hits:
            hits += _completed_after(s, hits, ctx, names)
            return Evidence[Location](value=_location(hits), quote=s.text)
    return None


def _places_in(text: str, gaz: Gazetteer, names: set[str], company: str | None,
               where: bool) -> list[Hit]:
    """The places one sentence names, in the order said: capitalised runs, places written in
    lower case, a misspelled region said last, a small town where the call says a place is
    given, and a misspelled region or country after a place."""
    hits = [hit for m in _RUN.finditer(text)
            for hit in _run_places(text, m, gaz, names, company, where)]
    hits += _lower_case(text, gaz, names, hits)
    if not hits:  # 'en menosa.': the place the recogniser misspelled, said last
        hits += _misspelled_last(text, gaz, names)
    if not any(place.kind == "city" for _, _, place in hits):
        town = _small_town(text, hits, gaz, names, where)
        if town:
            hits.append(town)
    if not hits:
        return []
    hits.sort(key=lambda h: h[0])
    return hits + _misspelled_after(text, hits, gaz, names)


_BEFORE_PLACE = re.compile(r"(?i:\b(?:in|en|from|de|del|desde|near|based in|at|em|no|na|"
                           r"outside|out of|around|cerca de|,)\s*(?:the\s+)?)$")


def _run_places(text: str, m: re.Match[str], gaz: Gazetteer, names: set[str],
                company: str | None, where: bool) -> list[Hit]:
    """The place a capitalised run names: the run, a place after a connector inside it, the
    city after the customer's company; a city and its region said without the comma."""
    run = m.group(0)
    words = run.split()
    split = _city_then_region(run, gaz) if not place_in(run, gaz) else None
    if split:  # 'calling from Denver Colorado': the comma not written
        if re.search(r"(?i:\b(?:in|en|from|de|del|desde|based in|out of)\s*)$", text[:m.start()]):
            return [(m.start() + offset, said, place) for offset, said, place in split]
        return []
    # the whole run, or a place after a connector inside it ('Mirador de Granada')
    options = [(m.start(), run)]
    if text[:m.start()].endswith(("the ", "The ")) and not place_in(run, gaz):
        options.append((m.start(), "the " + run))  # 'in the UK'
    for i, w in enumerate(words):
        if w.lower() in ("de", "del", "in", "en") and i + 1 < len(words):
            options.append((m.start() + run.find(" " + w + " ") + len(w) + 2,
                            " ".join(words[i + 1:])))
    tail = city_tail(words, gaz)
    if tail and company and fold(" ".join(words[:-len(tail)])) == fold(company):
        options.append((m.start() + run.rfind(" " + tail[0]) + 1, " ".join(tail)))
    for pos, said in options:
        place = place_in(said, gaz)
        if place is None or fold(said) in names or any(fold(said) in n.split() for n in names):
            continue
        if pos == m.start() and pos > 0 and not _BEFORE_PLACE.search(text[:pos]) and not (
                place.kind != "city" and re.search(r"(?i:\bon\s+)$", text[:pos])):
            continue  # a region or a country after 'on' is the recogniser's 'in'
        rest = text[m.end():].strip(" ,.!?")
        if pos == 0 and rest and not place_in(rest, gaz) and not where:
            continue  # 'Nada, adiós': a word, not the place; 'Albuquerque.' is
        return [(pos, said.removeprefix("the ").strip(" ,."), place)]
    return []


def _lower_case(text: str, gaz: Gazetteer, names: set[str], taken: list[Hit]) -> list[Hit]:
    """A place the recogniser wrote in lower case ("de buenos aires"), after a preposition or a
    comma, or with 'en' glued to it ('encali'): only big cities, regions and countries, so
    ordinary words are not read as places."""
    out: list[Hit] = []
    for m in chain(re.finditer(r"(?:\b(?:in|en|de|del|desde|from|em|no|na)\s+|,\s+(?!(?:de|"
                               r"del|en|in|from)\b))((?:[a-zñáéíóú]+\s?){1,3})", text),
                   re.finditer(r"\ben(?=[a-zñáéíóú]{4,}\b)((?:[a-zñáéíóú]+\s?){1,3})", text)):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            said = " ".join(words[:n])
            place = place_in(said, gaz)
            glued = text[m.start(1) + len(said):m.start(1) + len(said) + 1] in ("-", "'")
            if place and (place.kind != "city" or place.population >= 500_000) and \
                    not glued and fold(said) not in names and \
                    all(h[0] != m.start(1) for h in taken + out):  # 'rom-toly' is no Rome
                out.append((m.start(1), said, place))
                break
    return out


def _completed_after(s: Said, hits: list[Hit], ctx: CallContext, names: set[str]) -> list[Hit]:
    """'in Calgary, and we're the...' '...canada.': the recogniser cut the turn before the region
    or the country; a sentence of the same turn that is only that name (or sounds like it:
    'argentía.') completes it."""
    after = [x for x in ctx.said if x.turn == s.turn and ctx.said.index(x) >
             ctx.said.index(s)] if s in ctx.said else []
    out: list[Hit] = []
    for x in after[:2]:
        bare = re.sub(r"^(?:(?:and|y|in|en)\s+)", "", x.text.strip(" .,;!?¡¿…"), flags=re.I)
        place = place_in(bare, ctx.gaz)
        if place is None:  # 'de buenos aires,' 'argentía.'
            heard = _sounds_like_next(bare, hits + out, ctx.gaz, names)
            bare, place = heard if heard else (bare, None)
        if place is None or place.kind == "city":
            break
        out.append((10**6 + len(hits) + len(out), bare, place))
    return out


def _location(hits: list[Hit]) -> Location:
    """The first city (unless a region came first), region and country of the hits."""
    loc = Location()
    for _, text, place in hits:
        if place.kind == "city" and loc.city is None and loc.region is None:
            loc.city = text
        elif place.kind == "region" and loc.region is None:
            loc.region = text
        elif place.kind == "country" and loc.country is None:
            loc.country = text
    return loc


def _sounds_like_next(said: str, hits: list[Hit], gaz: Gazetteer,
                      names: set[str]) -> tuple[str, Place] | None:
    """The region or country a word after a place sounds like ('Espaya', 'argentía'), as the
    gazetteer spells it; only one of the same country as a place already heard, so a name
    ('Francis', 'Marta') is not read as a country."""
    if len(said.split()) > 2 or fold(said) in names:
        return None
    heard = gaz.sounds_like(said)  # a region or a country, never a city
    if heard is None:
        return None
    code = heard[1].country_code
    same = any(place.country_code == code or code in gaz.city_in.get(fold(text), ())
               for _, text, place in hits)  # 'Valencia, Espaya': Valencia is in Spain too
    return heard if same else None


def _misspelled_after(text: str, hits: list[Hit], gaz: Gazetteer,
                      names: set[str]) -> list[Hit]:
    """'en Valencia, Espaya': the region or country after the last place of a sentence, the
    recogniser's misspelling read by its sound (`_sounds_like_next`)."""
    pos, said, _ = hits[-1]
    end = text.find(said, pos) + len(said) if pos < len(text) and said in text else -1
    m = re.match(r"\s*,\s*(\w+(?:\s+\w+)?)\s*(?:[.,;!?]|$)", text[end:])
    if end < 0 or m is None or place_in(m.group(1), gaz):
        return []
    heard = _sounds_like_next(m.group(1), hits, gaz, names)
    return [(end + m.start(1), *heard)] if heard else []


def _misspelled_last(text: str, gaz: Gazetteer, names: set[str]) -> list[Hit]:
    """'estamos en menosa.': a region or country the recogniser misspelled, read by its sound
    (`Gazetteer.sounds_like`) where the sentence ends on it after 'in', 'en' or 'desde'."""
    m = re.search(r"\b(?:in|en|desde)\s+(\w+)\s*[.!?]?\s*$", text, flags=re.I)
    if m is None or fold(m.group(1)) in names or place_in(m.group(1), gaz):
        return []
    heard = gaz.sounds_like(m.group(1))
    return [(m.start(1), *heard)] if heard else []


_WHERE_QUESTION = re.compile(r"\bwhere (?:are you|is your|do you|are they|is the)\b|"
                             r"\bwhereabouts\b|\bde donde\b|"
                             r"\bdonde (?:estan|esta|se encuentra|tienen)\b|\bubicad[oa]s?\b|"
                             r"\bonde (?:fica|ficam|esta)\b")


_TOWN_CONTEXT = re.compile(r"(?i:\b(?:out in|based in|located in|here in|up in|down in|over in|"
                           r"we'?re in|i'?m in|we are in|i am in|estamos en|estoy en|"
                           r"ubicad[oa]s? en|aqui en|desde)\s*)$")


def _small_town(text: str, hits: list[Hit], gaz: Gazetteer, names: set[str],
                where: bool) -> Hit | None:
    """A town under the gazetteer's population bar, only where the call says a place is given:
    'we're out in Napa', 'based in Napa', 'Napa, California' (its own region said after it), or
    first in the answer to 'where are you?'."""
    for m in _RUN.finditer(text):
        said = m.group(0).strip(" ,.")
        town = gaz.small.get(fold(said))
        if town is None or fold(said) in names or any(fold(said) in n.split() for n in names):
            continue
        region_after = any(place.kind != "city" and place.country_code == town.country_code and
                           0 <= pos - m.end() <= 3 for pos, _, place in hits)
        if _TOWN_CONTEXT.search(text[:m.start()]) or region_after or (where and m.start() == 0):
            return m.start(), said, town
    return None


def _city_then_region(run: str, gaz: Gazetteer) -> list[Hit] | None:
    """'Denver Colorado' -> the city and its region (or country), with their offsets in the run:
    the two said with no comma written between them."""
    words = run.split()
    for i in range(1, len(words)):
        head, tail = " ".join(words[:i]), " ".join(words[i:]).strip(" ,.")
        first, second = place_in(head, gaz), place_in(tail, gaz)
        if first and second and first.kind == "city" and second.kind != "city" and \
                first.country_code == second.country_code:
            return [(0, head, first), (len(head) + 1, tail, second)]
    return None


def country_code_of(location: Evidence[Location] | None, gaz: Gazetteer, lang: str) -> str | None:
    if location is not None:
        for part in (location.value.country, location.value.city, location.value.region):
            place = place_in(part or "", gaz)
            if place and place.country_code:
                return place.country_code
    return {"en": "US", "es": None, "pt": "BR"}.get(lang)
