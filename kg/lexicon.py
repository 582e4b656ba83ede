"""kg's name tables (countries, titles, ships, acronyms, resolution rules) and string helpers on names.

Plain Python, no spaCy: both the map stage (kg.mentions) and the reduce stage (kg.resolve) use it.
Every table is a file under kg/data; nothing about particular entities is written here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

# kg/data files read while a document is mapped (typing, cleaning, relations): part of the map fingerprint,
# so editing one invalidates cached DocResults. acronyms.json and colours.json are read only after the map.
MAP_DATA_FILES = ("countries.json", "titles.json", "ships.json", "types.json", "resolution.json", "groups.json",
                  "relation_lexicon.json", "chrome.json", "boilerplate.txt", "feature_names.json", "places.json",
                  "given_names.json", "companies.json")


def map_data_files() -> list[Path]:
    """Paths of the kg/data files the map stage reads (see MAP_DATA_FILES)."""
    folder = resources.files("kg.data")
    return [Path(str(folder.joinpath(name))) for name in MAP_DATA_FILES]


@cache
def load_json(name: str) -> Any:
    """A JSON table from kg/data, read once per process (callers share it and never change it), with a clear error
    naming the file when it is malformed. Rules call this per document or per entity: a file read each time cost
    seconds on 1,000 documents."""
    path = resources.files("kg.data").joinpath(name)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"kg/data/{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None


@cache
def words(name: str, *path: str) -> frozenset[str]:
    """A word list of a kg/data table, read once: words("types.json", "name_edges", "months")."""
    table = load_json(name)
    for part in path:
        table = table[part]
    return frozenset(table)


@lru_cache(maxsize=65_536)  # the same names are keyed again and again, in every document
def key(name: str) -> str:
    """Comparison key: NFKC, lower case, accents folded ('São Paulo' = 'Sao Paulo'), no leading 'the', no possessive,
    no dots, folded spaces and hyphens."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").lower().strip()
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"('s|')$", "", s)
    s = s.replace(".", "")
    return re.sub(r"[\s\-_]+", " ", s).strip()


@dataclass
class Place:
    """One country (or continent/region) of the table."""

    name: str
    type: str = "GPE"
    capital: str = ""


@dataclass
class Countries:
    """Lookups from name variants and demonyms to their country."""

    by_variant: dict[str, Place] = field(default_factory=dict)
    by_demonym: dict[str, Place] = field(default_factory=dict)
    by_capital: dict[str, Place] = field(default_factory=dict)

    def variant(self, name: str) -> Place | None:
        return self.by_variant.get(key(name))

    def demonym(self, name: str) -> Place | None:
        return self.by_demonym.get(key(name))

    def any(self, name: str) -> Place | None:
        """The country named by a variant or a demonym."""
        return self.variant(name) or self.demonym(name)

    def any_or_capital(self, name: str) -> Place | None:
        """The country named by a variant, a demonym or its capital ('Kyiv' → Ukraine)."""
        return self.any(name) or self.by_capital.get(key(name))


@lru_cache(maxsize=1)
def countries() -> Countries:
    table = Countries()
    for row in load_json("countries.json")["countries"]:
        place = Place(row["name"], row.get("type", "GPE"), row.get("capital", ""))
        for v in [row["name"], *row.get("variants", [])]:
            table.by_variant[key(v)] = place
        for d in row.get("demonyms", []):
            table.by_demonym[key(d)] = place
        if place.capital:
            table.by_capital[key(place.capital)] = place
    add_formal_names(table)
    return table


def add_formal_names(table: Countries) -> None:
    """'Kingdom of Thailand' → Thailand: each GPE name after a formal prefix of countries.json, unless a row has it."""
    places = {p.name: p for p in table.by_variant.values() if p.type == "GPE"}
    for prefix in load_json("countries.json")["formal_prefixes"]["words"]:
        for name, place in places.items():
            for form in (f"{prefix} {name}", f"{prefix} the {name}"):
                table.by_variant.setdefault(key(form), place)


@lru_cache(maxsize=1)
def place_demonyms() -> dict[str, Place]:
    """Key of a demonym of a place that is no country ('Texan', 'Venetian': kg/data/places.json) → the place; a form
    that is a country's demonym or variant, or a group of groups.json, is left to those tables."""
    table = countries()
    out: dict[str, Place] = {}
    for row in load_json("places.json")["places"]:
        place = Place(row["name"], row.get("type", "GPE"))
        for d in row["demonyms"]:
            if table.any(d) is None and group(d) is None:
                out[key(d)] = place
    return out


@lru_cache(maxsize=1)
def place_abbreviations() -> dict[str, str]:
    """News-style abbreviation of a US state as written ('Ore.') → the state's name (kg/data/places.json)."""
    return dict(load_json("places.json")["abbreviations"]["forms"])


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Keys of the places of kg/data/places.json (regions, cities and islands that are no country)."""
    return frozenset(key(row["name"]) for row in load_json("places.json")["places"])


def table_place(name: str) -> bool:
    """A country (by any variant), a capital or a place of kg/data/places.json by this name."""
    table, k = countries(), key(name)
    return table.variant(name) is not None or k in table.by_capital or k in place_names()


def place_demonym(name: str) -> Place | None:
    """The place that is no country a demonym names ('Sicilian' → Sicily), or None."""
    return place_demonyms().get(key(name))


@lru_cache(maxsize=1)
def titles() -> tuple[frozenset[str], frozenset[str]]:
    """(title heads, title modifiers), as written (case matters: 'General' the title, not 'general'); the military
    ranks are heads too."""
    data = load_json("titles.json")
    return frozenset(data["heads"]) | frozenset(data.get("ranks", ())), frozenset(data["modifiers"])


@lru_cache(maxsize=1)
def ships() -> tuple[frozenset[str], tuple[str, ...]]:
    """(hull prefixes, ship nouns in lower case, longest first)."""
    data = load_json("ships.json")
    nouns = sorted({n.lower() for n in data["ship_nouns"]}, key=lambda n: (-len(n), n))
    return frozenset(data["hull_prefixes"]), tuple(nouns)


@lru_cache(maxsize=1)
def groups() -> dict[str, str]:
    """Key of each form of a religious, political or ethnic group ('Christian', 'Kurdish') → the group's name."""
    rows = load_json("groups.json")["groups"]
    return {key(form): row["name"] for row in rows for form in [row["name"], *row["forms"]]}


def group(name: str) -> str | None:
    """The group a name is a form of ('Shiite' → 'Shias'), or None."""
    return groups().get(key(name))


@lru_cache(maxsize=1)
def acronyms() -> dict[str, str]:
    """Common acronym (as written) → expansion."""
    return dict(load_json("acronyms.json")["acronyms"])


def short_forms() -> dict[str, str]:
    """Every short form of kg's tables (as written) → its full name: common acronyms and the defence makers' short
    names (kg/data/companies.json)."""
    return {**acronyms(), **load_json("companies.json")["short_forms"]}


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """kg/data/resolution.json: initials stop-words, place heads, armed-forces words, generic law words, cues."""
    return load_json("resolution.json")


@lru_cache(maxsize=1)
def _alias_cue() -> str:
    """'[adverb] <phrase>' of resolution.json alias_cues as a regular expression ('widely known as', 'nicknamed'), with
    'known in <place> as' and 'known by its [Dutch] initials'."""
    table = rules()["alias_cues"]
    adverbs = "|".join(map(re.escape, table["adverbs"]))
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in table["phrases"])
    where = r"known\s+in\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}as"  # 'known in the Philippines as'
    letters = r"known\s+by\s+its\s+(?:[A-Z]\w+\s+)?(?:initials|acronym|abbreviation)"  # 'known by its Dutch initials'
    return rf"(?:(?:{adverbs})\s+)?(?:{phrases}|{where}|{letters})"


@lru_cache(maxsize=1)
def alias_cue_words() -> re.Pattern:
    """The first word of every alias cue ('known', 'nicknamed', 'aka'): a text none of them is in holds no alias."""
    firsts = {p.split()[0] for p in rules()["alias_cues"]["phrases"]} | {"known"}
    return re.compile("|".join(map(re.escape, sorted(firsts))), re.IGNORECASE)


@lru_cache(maxsize=1)
def _alias_link() -> re.Pattern:
    return re.compile(rf"\s*[,(]\s*{_alias_cue()}\s+(?:the\s+)?", re.IGNORECASE)


def who_alias_link(between: str) -> bool:
    """The text between two names says the second is another name of the person named last before 'who' (', who
    is widely known as ': kg/data/resolution.json alias_cues), with words about that person between the two."""
    return _who_alias_link().fullmatch(between) is not None


@lru_cache(maxsize=1)
def _who_alias_link() -> re.Pattern:
    return re.compile(rf"\s*\)?\s*,\s*who\s+(?:is|was)\s+{_alias_cue()}\s+", re.IGNORECASE)


# The words between a name and the place it is in ('Pituffik Space Base' + ' in northwest ' + 'Greenland'): an alias
# after the place ('..., formerly known as Thule Air Base') may name the thing before it (kg.mentions, kg.resolve).
IN_PLACE_GAP = re.compile(r" ?(?:in|near|outside|off) (?:[a-z]+ )?")


def alias_link(between: str) -> bool:
    """The text between two names says the second is another name of the first: ', widely known as ', ' (nicknamed '
    (kg/data/resolution.json alias_cues), ', known in the Philippines as ' (where that name is used)."""
    return _alias_link().fullmatch(between) is not None


def described_alias_link(between: str) -> bool:
    """The text between two names is an apposition describing the first, then an alias cue (', the U.S. military's
    northernmost installation, formerly known as '): the second is another name of the first."""
    return _described_alias_link().fullmatch(between) is not None


@lru_cache(maxsize=1)
def _described_alias_link() -> re.Pattern:
    return re.compile(rf"\s*,\s*(?:the|an?)\s+[^,;()\n]{{1,80}},\s*{_alias_cue()}\s+(?:the\s+)?", re.IGNORECASE)


def described_alias_pairs(names: list[tuple[int, int, int, str]],
                          between: Callable[[int, int, int], str]) -> list[tuple[int, int]]:
    """(name, alias) index pairs among `names` ((start, end, sentence, name) in text order) written 'X, the U.S.
    military's northernmost installation, formerly known as Y' (described_alias_link): the nearest name before the
    description, at most three names back, unless the name right before the cue is the one it follows ('X, a unit
    of Y, known as Z': Z is Y's). `between(sentence, end, start)` is the text between two offsets."""
    out = []
    for k, (start, _, sent, name) in enumerate(names):
        if not name[:1].isupper():
            continue
        near = [i for i in range(max(0, k - 3), k) if names[i][2] == sent and names[i][1] <= start]
        texts = [between(sent, names[i][1], start) for i in near]
        if not near or alias_link(texts[-1]):
            continue
        i = next((i for i, text in zip(reversed(near), reversed(texts), strict=True) if described_alias_link(text)),
                 None)
        if i is not None:
            out.append((i, k))
    return out


# A given name of two syllables joined by a hyphen, the second in lower case: 'Ching-te', 'Jae-myung', 'Jae-in'.
HYPHENED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")


def family_name_first(name: str) -> str:
    """The family name of a person's name of two words written family name first, which its hyphened given name
    shows ('Lai Ching-te' → 'Lai', 'Lee Jae-myung' → 'Lee'); else ''."""
    words = name.split()
    return words[0] if len(words) == 2 and HYPHENED_GIVEN_NAME.fullmatch(words[1]) else ""


def strip_hull_prefix(name: str) -> str:
    """'JS Izumo' → 'Izumo'; names without a hull prefix are returned unchanged."""
    prefixes, _ = ships()
    first, _, rest = name.partition(" ")
    return rest.strip() if first in prefixes and rest.strip() else name


@lru_cache(maxsize=65_536)  # resolution asks again and again for the same names
def is_acronym(name: str) -> bool:
    """'SDF', 'U.N.', 'GRIPS': two to eight capitals (dots allowed), at most one lower-case letter ('DoD')."""
    s = name.replace(".", "").replace("&", "")
    return 2 <= len(s) <= 8 and s.isalpha() and sum(c.isupper() for c in s) >= max(2, len(s) - 1)


def initials(name: str) -> str:
    """Upper-case initials of a name's words, hyphenated parts counted apart ('Self-Defense Forces' → 'SDF'); a
    lower-case izafat particle counts for none ('Tehrik-e-Taliban Pakistan' → 'TTP'); an abbreviation written with
    full stops gives all its letters ('U.S. Navy' → 'USN', never 'UN')."""
    skip, particles = set(rules()["initials_skip"]), izafat_particles()
    words = [(w, w.replace(".", "")) for w in re.split(r"[\s\-/]+", name)]
    return "".join(bare.upper() if DOTTED_ABBREVIATION.fullmatch(w) else bare[0].upper() for w, bare in words
                   if bare and bare.lower() not in skip and bare not in particles and bare[0].isalnum())


DOTTED_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # 'U.S.', 'U.K.': one letter and a full stop, twice or more


@lru_cache(maxsize=1)
def izafat_particles() -> frozenset[str]:
    """The hyphenated particles of Urdu and Persian names, as written in lower case (types.json izafat)."""
    return frozenset(load_json("types.json")["izafat"]["particles"])


def split_country_prefix(name: str) -> tuple[Place | None, str]:
    """('U.S. Navy' → United States, 'Navy'); ('Japan's Ministry of Defense' → Japan, 'Ministry of Defense').

    The longest leading country variant or demonym, with an optional possessive, followed by at least one word.
    """
    words = name.replace("\u2019", "'").split()
    table = countries()
    for n in range(min(4, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        bare = re.sub(r"'s?$", "", head)
        place = table.any(bare)
        if place is not None and bare[:1].isupper():
            return place, " ".join(words[n:])
    return None, name
