"""Mentions → entities: one node per real-world thing, within each document and across the corpus.

Works on plain DocResults only (never spaCy), so it is fast, deterministic and testable on
hand-made data. Each mention gets a group key; rules then move mentions between groups, each
move recording why (Entity.merges, and a DEBUG log line on the ``kg.resolve`` logger):

1. name keys: determiners, possessives, titles and hull prefixes are already gone from Mention.name;
   country variants, demonyms and capitals used for their government share the country's key;
   a country's armed service ("U.S. military") keeps its own key, qualified by the country, as does an ORG
   written after a country's possessive ("Russia's Defence Ministry") or before "of" and a country ("Supreme Court
   of Pakistan" = "Pakistani Supreme Court"); a law, event or facility name opening with a country variant keys with
   the country's name ("U.S. Constitution" = "United States Constitution"); a place demonym ("Texan", kg/data/
   places.json) is a hidden mention of its place; an ORG written exactly like a place or
   facility of the corpus joins it (one node per name, majority type); a ship named like a country ('USS Israel')
   keys apart from that country;
2. country qualifiers: "Self-Defense Forces" joins "Japan Self-Defense Forces" when Japan is the only
   country seen with that name written before it in the document (a short form written before every qualified
   form stays apart), else in the corpus, among the countries the document mentions;
3. partial names: a full name without its middle names joins the one longer full name of the document
   ("Christine Razanamahasoa" → "Christine Harijaona Razanamahasoa"), a name with initials the one full name
   spelling them out ("J. H. Dearle" → "John Henry Dearle"); a surname (with its particle: "De Masi")
   or first name joins the one full name containing it in the document (else the corpus), unless written before a
   full name that follows a naming cue ("Brigden is a community … named after William Wharton Brigden"); a surname
   several full names of the document end in goes to the one clearly its subject (named first, before the bare
   surname, at least as often as each other, never by first name alone: "Donald Trump … Melania Trump … Trump");
   "Chiba" joins "Chiba Prefecture", "Pacific" joins "Pacific Ocean";
   a one-word head written with "the" ("the Games", "the Agreement") joins the only event, law or facility name
   of the document ending in it, else the one the document is about;
4. generic law references ("the new legislation") join the law last named in their document; an alias joins the
   name it follows ("Mohamed Hamdan Dagalo, widely known as Hemedti");
5. acronyms: spelt out in the text ("Self-Defense Forces (SDF)"), initials of a name seen in the
   document (else corpus), or kg/data/acronyms.json.
Nothing merges when a rule finds two candidates, but for the subject rules above: two people who share a surname
stay two nodes.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from kg import lexicon
from kg.lexicon import is_acronym
from kg.schema import EXERCISE_AFTER, SAME_NAME, DocResult, Entity, Mention

log = logging.getLogger("kg.resolve")

# The name helpers, memoised: the same names recur across thousands of mentions and each call runs regexes.
key = lru_cache(maxsize=1 << 17)(lexicon.key)
initials = lru_cache(maxsize=1 << 17)(lexicon.initials)
split_country_prefix = lru_cache(maxsize=1 << 17)(lexicon.split_country_prefix)

__all__ = ["Resolution", "country_table", "key", "resolve", "slug"]

# How much a mention's type counts in its entity's type vote: context and rules beat the statistical model.
TYPE_WEIGHT = {"cue": 3, "ruler": 3, "compound": 2, "ner": 1}
SHIP_NOUN_RULER = "ruler:ship-noun-name"  # kg.nlp SHIP_NAME_ID: a ship noun right before the name
CARRIER_CUE = "'carrier' before the name"  # kg.mentions kind_noun_before with types.json kind_nouns ORG 'carrier'


@dataclass
class Resolution:
    entities: list[Entity]
    # mention_entity[doc][i] = entity id of DocResult.mentions[i] (None = not a node)
    mention_entity: dict[str, list[str | None]] = field(default_factory=dict)

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


@dataclass
class Ref:
    """One mention in the corpus and the group it currently belongs to."""

    doc: str
    index: int
    m: Mention
    gid: str = ""  # group key: mentions with equal gid become one entity
    core: str = ""  # the name's key without a leading country ("self defense forces")
    country: bool = False  # the group is a country of the table
    hidden: bool = False  # a demonym or a metonym: a mention of the entity, never an alias
    base: str = ""  # the group key its name alone gave (rule 1): a ref still there has not been moved
    generic: bool = False  # a generic head ('the Games') joined to a longer name: its type is no evidence
    name: str = field(init=False)  # the mention's name (its text when it has none); read millions of times

    def __post_init__(self) -> None:
        self.name = self.m.name or self.m.text


@dataclass
class State:
    """All refs and the reasons recorded for each group."""

    refs: list[Ref]
    why: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _docs: dict[str, list[Ref]] | None = field(default=None, repr=False)

    def move(self, refs: Iterable[Ref], gid: str, reason: str) -> None:
        """Put refs into group gid, recording the reason once."""
        moved = [r for r in refs if r.gid != gid]
        if not moved:
            return
        for r in moved:
            r.gid = gid
        if reason not in self.why[gid]:
            self.why[gid].append(reason)
            log.debug("merge into %s: %s", gid, reason)

    def by_doc(self) -> dict[str, list[Ref]]:
        """The refs of each document, in corpus order; built once (refs change group, never document), never to be
        changed by the caller."""
        if self._docs is None:
            self._docs = defaultdict(list)
            for r in self.refs:
                self._docs[r.doc].append(r)
        return self._docs


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, str], dict[str, str]]:
    """(variant → country name, demonym → country name), keyed both by :func:`key` and by plain lower case."""
    variants: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in lexicon.load_json("countries.json")["countries"]:
        for v in [row["name"], *row.get("variants", [])]:
            variants[key(v)] = variants[v.lower()] = row["name"]
        for d in row.get("demonyms", []):
            demonyms[key(d)] = demonyms[d.lower()] = row["name"]
    return variants, demonyms


def slug(label: str) -> str:
    s = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "entity"


# ---------------------------------------------------------------- 1. name keys


def org_core(name: str) -> str:
    """Key of an organisation name with synonyms and inversions folded: 'Ministry of Defense' → 'defense ministry'."""
    k = key(name)
    forces = lexicon.rules()["armed_forces"]
    if k in forces and k != "comment":
        return forces[k]
    words = k.split()
    if len(words) >= 2 and words[-1] == "forces":  # 'Air Self-Defense Forces' is the 'Air Self-Defense Force'
        words[-1] = "force"
        k = " ".join(words)
    heads = {h.lower() for h in lexicon.rules()["inversion_heads"]}
    if len(words) >= 3 and words[0] in heads and words[1] == "of":
        return " ".join([*words[2:], words[0]])
    return k


def base_key(r: Ref) -> None:
    """Set the ref's first group key from its name alone."""
    m, table = r.m, lexicon.countries()
    if m.demonym or m.metonym:
        k = key(m.name)  # the tables are keyed by lexicon.key; `key` here is its memoised form
        place = table.by_variant.get(k) or table.by_demonym.get(k) or table.by_capital.get(k)
        if place is not None:
            r.gid, r.core, r.country, r.hidden = key(place.name), key(place.name), True, True
            return
        place = lexicon.place_demonym(m.name) if m.demonym else None
        if place is not None:  # 'Texan': a hidden mention of Texas, which is no country
            r.gid, r.core, r.hidden = key(place.name), key(place.name), True
            return
    place = table.by_variant.get(key(r.name)) if m.type in {"GPE", "LOC", "ORG"} else None
    if m.type == "SHIP" and table.any(r.name) is not None:  # 'USS Israel' is no mention of Israel
        r.gid = r.core = f"ship:{key(r.name)}"
        return
    if place is not None:
        r.gid = r.core = key(place.name)
        r.country = True
        return
    if m.type == "ORG" and lexicon.group(r.name):
        r.gid = r.core = key(lexicon.group(r.name))  # 'Shiite', 'Shias' → one group (kg/data/groups.json)
        return
    if m.type == "ORG":
        country, core = split_country_prefix(r.name)
        if country is not None and country.type != "GPE" and table.variant(r.name[: len(r.name) - len(core)].strip()):
            country, core = None, r.name  # 'Arctic Command', 'Pacific Fleet': a region's own name opens the name
        if country is None:
            country, core = split_country_suffix(r.name)
        if country is None and m.qualifier:  # "Russia's Defence Ministry": the country stands outside the name
            country = table.any(m.qualifier)
        r.core = org_core(core)
        r.gid = f"{key(country.name)}|{r.core}" if country else r.core
        return
    us_state = lexicon.place_abbreviations().get(r.name) if m.type in {"GPE", "LOC"} else None
    if us_state is not None:  # 'Ore.' is Oregon
        r.gid = r.core = key(us_state)
        return
    r.gid = r.core = country_spelt_out(r.name) if m.type in {"LAW", "EVENT", "FACILITY"} else key(r.name)


@lru_cache(maxsize=1 << 16)
def country_spelt_out(name: str) -> str:
    """Key of a name opening with a variant of a country, that variant read as the country's table name: 'U.S.
    Constitution', 'US Constitution' and 'United States Constitution' share one key. A demonym is left as written
    ('British Museum')."""
    place, rest = split_country_prefix(name)
    head = re.sub(r"'s?$", "", name[: len(name) - len(rest)].strip().replace("\u2019", "'"))
    if place is None or lexicon.countries().variant(head) is None:
        return key(name)
    return key(f"{place.name} {rest}")


@lru_cache(maxsize=1 << 16)
def split_country_suffix(name: str) -> tuple[lexicon.Place | None, str]:
    """('Supreme Court of Pakistan' → Pakistan, 'Supreme Court'): a country after the last 'of' of an organisation
    name of two words or more before it, so it keys like 'Pakistan's Supreme Court'. A one-word head keeps its
    name ('Bank of America' is no American 'Bank')."""
    words = name.split()
    if "of" not in words[:-1]:
        return None, name
    at = len(words) - 1 - words[::-1].index("of")
    head, tail = words[:at], words[at + 1 :]
    if tail[0].lower() == "the":
        tail = tail[1:]
    place = lexicon.countries().variant(" ".join(tail)) if tail and tail[0][:1].isupper() else None
    if len(head) < 2 or place is None or place.type != "GPE":
        return None, name
    return place, " ".join(head)


def name_keys(state: State) -> None:
    for r in state.refs:
        base_key(r)
        r.base = r.gid
    groups: dict[str, set[str]] = defaultdict(set)
    for r in state.refs:
        if not r.hidden:
            groups[r.gid].add(r.name)
    for gid, names in groups.items():
        if len(names) > 1:
            state.why[gid].append(f"same name once titles, determiners and variants are set aside: {sorted(names)}")


def ships_apart_from_places(state: State, results: list[DocResult]) -> None:
    """A ship named for a place of kg's tables ('HMS Glasgow', 'USS Minnesota') is no mention of that place: when one
    name key holds GPE/LOC mentions and SHIP mentions, one of them written as a ship (a hull prefix, a ship noun
    before it), the ship's go to a key of their own, as 'USS Israel' does in base_key, with the place mentions of
    their documents written after 'the' ("the Minnesota's visit": places take no article). A name no table knows as
    a place stays one node ('the container ship Solong' … "the Solong's crew" read as a GPE)."""
    groups: dict[str, list[Ref]] = defaultdict(list)
    for r in state.refs:
        groups[r.gid].append(r)
    prefixes, by_doc = lexicon.ships()[0], {res.doc: res for res in results}
    for gid, members in groups.items():
        types = {r.m.type for r in members}
        if "SHIP" not in types or not types & {"GPE", "LOC"} or gid.startswith("ship:"):
            continue
        ships = [r for r in members if r.m.type == "SHIP"]
        cued = [r for r in members if r.m.type in {"GPE", "LOC"} and place_pair_before(r, by_doc[r.doc])]
        if not (lexicon.table_place(ships[0].name) or cued) or not any(
                r.m.text.split()[0] in prefixes or r.m.cue.startswith("ship noun") for r in ships):
            continue
        docs = {r.doc for r in ships}
        ships += [r for r in members if r.m.type in {"GPE", "LOC"} and r.doc in docs and after_the(r, by_doc[r.doc])]
        if cued:  # 'Surat and Vaghsheer add firepower' PERSON beside 'the port city of Surat': the ship's
            ships += [r for r in members if r.m.type not in {"SHIP", "GPE", "LOC"} and r.doc in docs]
        state.move(ships, f"ship:{gid}", f"{ships[0].name!r} names a ship and a place of kg's tables: two nodes")
        for r in ships:
            r.core = r.base = r.gid


def same_name_across_types(state: State) -> None:
    """An ORG mention whose name is written exactly like a place or facility of the corpus joins it, whatever key
    its organisation reading gave it ('the English Channel' read as an ORG is not the English 'Channel'), and after
    a country's possessive too when the place is a GPE or LOC ("Syria's Sweida" ORG is the province Sweida): one
    node per name, typed by the majority of its mentions. People, ships and the like never join this way."""
    places: dict[str, set[str]] = defaultdict(set)
    for r in state.refs:
        if r.m.type in {"GPE", "LOC", "FACILITY"} and not r.hidden and not r.country and r.gid == key(r.name):
            places[r.gid].add(r.m.type)
    for r in state.refs:
        plain = key(r.name)
        if r.m.type != "ORG" or r.hidden or r.country or r.gid == plain or plain not in places:
            continue
        if r.m.qualifier and not places[plain] & {"GPE", "LOC"}:
            continue  # "Russia's Defence Ministry" is the ministry, not a building of that name
        r.core = plain
        state.move([r], plain, f"{r.name!r} is written like the {'/'.join(sorted(places[plain]))} of that name: one "
                               f"node, typed by its mentions' majority")


# ---------------------------------------------------------------- 2. country qualifiers


def qualify(state: State) -> None:
    """Unqualified ORG names join the one country-qualified group with the same core in the document, else the
    one in the corpus whose country the document mentions ('National Assembly' in a text that never names
    Madagascar is not the Malagasy National Assembly of another text)."""
    corpus: dict[str, set[str]] = defaultdict(set)
    for r in state.refs:
        if "|" in r.gid:
            corpus[r.core].add(r.gid)
    for refs in state.by_doc().values():
        local: dict[str, set[str]] = defaultdict(set)
        for r in refs:
            if "|" in r.gid:
                local[r.core].add(r.gid)
        named = countries_named(refs)
        first = _first_starts(refs)
        filed: set[str] | None = None  # the document's dateline countries, and those it names by name: read once
        for r in refs:
            if r.m.type != "ORG" or "|" in r.gid or r.country:
                continue
            if local.get(r.core):
                # In news the qualified name comes first and short forms follow: a short form that appears before
                # every qualified form of its document is not that one ("the Ministry of Defence said" in a London
                # report, then "Russia's Defence Ministry").
                options = {g for g in local[r.core] if first[g] < first[r.gid]}
                where = "document, written before it"
            else:
                if filed is None:
                    filed = filed_from(refs)
                    filed |= countries_named(x for x in refs if not x.m.demonym) if filed else set()
                options = {g for g in corpus.get(r.core, ()) if g.split("|")[0] in named
                           and (not filed or g.split("|")[0] in filed)}
                where = "corpus among the countries its document names"
            if len(options) == 1:
                target = next(iter(options))
                state.move([r], target, f"{r.name!r} is the {target.split('|')[0]} one: the only country-qualified "
                                        f"form of this name in the {where}")


def filed_from(refs: list[Ref]) -> set[str]:
    """Keys of the countries of a document's dateline ('LONDON/OSLO'): a body it names bare and never qualifies is
    one of theirs, or of a country it names by name, not the Russian one of another text when it writes only
    'Russian submarines' ('The Ministry of Defence in London said'; 'the State Department' of a Seoul report that
    names the United States stays American)."""
    table = lexicon.countries()
    places = (table.any_or_capital(r.m.name or r.m.text) for r in refs if r.m.dateline)
    return {key(p.name) for p in places if p is not None}


def _first_starts(refs: Iterable[Ref]) -> dict[str, int]:
    """Group key → offset of its first mention in one document."""
    first: dict[str, int] = {}
    for r in refs:
        first[r.gid] = min(first.get(r.gid, r.m.start), r.m.start)
    return first


def countries_named(refs: Iterable[Ref]) -> set[str]:
    """Keys of the countries a document mentions: by name, variant, demonym or capital, or as the qualifier
    of a name ('U.S. Navy')."""
    return {r.gid.split("|")[0] for r in refs if r.country or "|" in r.gid}


# ---------------------------------------------------------------- 3. partial names


def full_names(refs: Iterable[Ref], kind: str, inner: bool = False) -> dict[str, set[str]]:
    """word key → group keys of multi-word names of this type containing that word first or last (with `inner`,
    also any inner word of three letters or more: 'Endara' in 'Guillermo David Endara Galimany'); a surname
    written with a particle counts as one word ('de masi' in 'Francesco De Masi')."""
    out: dict[str, set[str]] = defaultdict(set)
    particles = surname_particles()
    for r in refs:
        if r.m.type != kind or r.hidden or r.country:
            continue
        words = key(r.name).split()
        if len(words) >= 2:
            out[words[-1]].add(r.gid)
            out[words[0]].add(r.gid)
        if len(words) >= 3 and words[-2] in particles:
            out[" ".join(words[-2:])].add(r.gid)
        written = r.name.split()
        if len(written) >= 3 and written[-1] in name_suffixes():  # 'Donald Trump Jr.' is also 'Trump Jr.'
            out[key(" ".join(written[-2:]))].add(r.gid)
        if len(written) >= 2:  # the surname as written: hyphenated or after particles ('von der Leyen')
            k = len(written) - 1
            while k > 1 and written[k - 1].lower() in particles:
                k -= 1
            out[key(" ".join(written[k:]))].add(r.gid)
        if inner and len(words) >= 3:
            for w in words[1:-1]:
                if len(w) >= 3 and w.isalpha():
                    out[w].add(r.gid)
            out[" ".join(words[-2:])].add(r.gid)  # 'lund poulsen' of 'Troels Lund Poulsen': two surnames
    return out


def namesakes(results: list[DocResult], state: State) -> set[tuple[str, str]]:
    """(document, group key) of the person names a document first writes right after a naming cue ('named after
    John Cassin', resolution.json namesake_cues): things named after that person may carry the surname there."""
    cues = tuple(lexicon.rules()["namesake_cues"]["phrases"])
    sentences = {r.doc: r.sentences for r in results}
    out: set[tuple[str, str]] = set()
    for doc, refs in state.by_doc().items():
        firsts: dict[str, Ref] = {}
        for r in sorted(refs, key=lambda r: r.m.start):
            firsts.setdefault(r.gid, r)
        for gid, r in firsts.items():
            if r.m.type == "PERSON" and " " in key(r.name) and r.m.sent < len(sentences[doc]):
                start, _, text = sentences[doc][r.m.sent]
                if text[: max(0, r.m.start - start)].rstrip().lower().endswith(cues):
                    out.add((doc, gid))
    return out


def partial_people(state: State, named_after: set[tuple[str, str]]) -> None:
    """A one-word person name joins the only full name of the document (else corpus) that contains it, unless the
    document wrote it before that full name and then said something is named after the person ('Brigden is a
    community … named after William Wharton Brigden': `named_after`, from :func:`namesakes`)."""
    corpus = full_names(state.refs, "PERSON")
    for doc, refs in state.by_doc().items():
        local = full_names(refs, "PERSON", inner=True)
        groups: dict[str, list[Ref]] = defaultdict(list)
        for r in refs:
            groups[r.gid].append(r)
        for members in groups.values():
            word = key(members[0].name)
            written = members[0].name.split()
            one_surname = (len(written) == 1 or all(w.lower() in surname_particles() for w in written[:-1])
                           or (len(written) == 2 and written[1] in name_suffixes()))  # 'Trump Jr.'
            if one_surname and written[-1] in name_suffixes() and len(written) == 2 and not local.get(word):
                continue  # 'Trump Jr.' names a generation: never guessed from the corpus
            if not one_surname and len(written) == 2 and len(local.get(word, ())) == 1 and members[0].gid not in \
                    local[word] and any(r.m.type == "PERSON" for r in members) and not group_not_surname(members):
                target = next(iter(local[word]))  # 'Lund Poulsen' after 'Troels Lund Poulsen': two surnames
                state.move(members, target, f"{members[0].name!r} are the last two names of the only full name ending "
                                            f"in them in the document ({doc})")
                continue
            if not one_surname or is_acronym(members[0].name):  # 'Nandi-Ndaitwah', 'Von der Leyen' are one surname
                continue
            if any(r.country or r.hidden for r in members):
                continue
            if not (any(r.m.type == "PERSON" for r in members) or hyphened_surname(word, local.get(word), refs)) \
                    or group_not_surname(members):
                continue  # 'Burhan's spokesman' ORG is 'Abdel Fattah al-Burhan'; 'Jordan' GPE is no 'Michael Jordan'
            options = local.get(word) or corpus.get(word, set())
            where = "document" if local.get(word) else "corpus"
            if len(options) == 1:
                target = next(iter(options))
                if (doc, target) in named_after and first_start(members) < first_start(groups.get(target, members)):
                    continue
                state.move(members, target, f"{members[0].name!r} is part of the only full name containing it in "
                                            f"the {where} ({doc if where == 'document' else 'all documents'})")
            elif len(options) > 1 and (target := unsuffixed_namesake(options, refs)) is not None:
                state.move(members, target, f"{members[0].name!r} is the surname of a full name and of the same name "
                                            f"with a generation ('Jr.') in {doc}: it stands for the one without")
            elif len(options) > 1 and (target := surname_subject(word, options, members, refs)) is not None:
                state.move(members, target, f"{members[0].name!r} is the surname of several people in {doc}: it stands "
                                            f"for the one named first, before it, and at least as often as each other")


def hyphened_surname(word: str, options: set[str] | None, refs: list[Ref]) -> bool:
    """The word is the surname, written after a hyphened particle ('al-Burhan', 'el-Sisi'), of the only full person
    name of the document containing it: the model's other type for the bare word ('Burhan' ORG) is its error."""
    if not options or len(options) != 1 or " " in word:
        return False
    gid = next(iter(options))
    particles = surname_particles()
    return any(r.gid == gid and r.m.type == "PERSON" and (last := r.name.split()[-1].partition("-"))[1]
               and last[0].lower() in particles and key(last[2]) == word for r in refs)


def group_not_surname(members: list[Ref]) -> bool:
    """A group of people of kg/data/groups.json written as an organisation too ('the Houthis' ORG beside 'Abdulmalik
    al-Houthi'): the movement, not the leader's surname. A form only ever typed PERSON ('Christian') may be a name."""
    return lexicon.group(members[0].name) is not None and any(r.m.type == "ORG" for r in members)


def first_start(refs: list[Ref]) -> int:
    return min(r.m.start for r in refs)


def surname_subject(word: str, options: set[str], members: list[Ref], refs: list[Ref]) -> str | None:
    """The person a bare surname shared by several full names of the document stands for ('Trump' after 'President
    Donald Trump … his wife Melania Trump'): the subject among them (:func:`subject`), never called by first name
    alone; None when no one is clearly the subject."""
    size = len(word.split())
    if surname_first(word, options, refs):
        return subject(options, members, refs)  # 'Kim' after 'Kim Jong Un' … 'Kim Ju Ae'
    if not all(any(key(r.name).split()[-size:] == word.split() for r in refs if r.gid == g) for g in options):
        return None  # the word is a first or middle name of one of them: no surname
    target = subject(options, members, refs)
    if target is None:
        return None
    given = {key(r.name).split()[0] for r in refs if r.gid == target}
    if any(key(r.name) in given for r in refs if r.m.type == "PERSON"):
        return None  # 'Vineeth … Sreenivasan': the document calls its subject by first name, the surname is another
    return target


def surname_first(word: str, options: set[str], refs: list[Ref]) -> bool:
    """The one word opens every full name of `options` (of three words or more) and the document never writes any of
    them by its last word alone: names written family name first ('Kim Jong Un', 'Kim Ju Ae'), whose shared first
    word is the surname, not a given name ('Donald Trump' … 'Donald Tusk' … 'Tusk')."""
    if " " in word:
        return False
    names = [key(r.name).split() for r in refs if r.gid in options]
    lasts = {words[-1] for words in names}
    if {r.gid for r in refs if r.gid in options} != options:
        return False  # full names of other documents: the corpus gives no subject
    return all(len(words) >= 3 and words[0] == word for words in names) and not any(
        key(r.name) in lasts for r in refs if r.m.type == "PERSON")


def unsuffixed_namesake(options: set[str], refs: list[Ref]) -> str | None:
    """Of a full name and the same name with a generation ('Donald Trump', 'Donald Trump Jr.'), the one without:
    news calls the son 'Trump Jr.', so a bare 'Trump' is the father. None unless these two are the only options."""
    names = {g: {r.name for r in refs if r.gid == g and r.m.type == "PERSON"} for g in options}
    plain = [g for g, ns in names.items() if not any(n.split()[-1] in name_suffixes() for n in ns)]
    if len(options) != 2 or len(plain) != 1:
        return None
    other = next(g for g in options if g != plain[0])
    stems = {key(" ".join(n.split()[:-1])) for n in names[other] if n.split()[-1] in name_suffixes()}
    return plain[0] if stems & {key(n) for n in names[plain[0]]} else None


def subject(options: set[str], members: list[Ref], refs: list[Ref]) -> str | None:
    """Of several groups a short form could stand for, the one the document is about: named first, before the short
    form's first use, and at least as often as each other; None when there is no such one."""
    names: dict[str, list[Ref]] = {g: [r for r in refs if r.gid == g] for g in options}
    first = {g: min(r.m.start for r in rs) for g, rs in names.items()}
    target = min(options, key=lambda g: (first[g], g))
    if first[target] > min(r.m.start for r in members) or any(len(names[g]) > len(names[target]) for g in options):
        return None
    return target


@lru_cache(maxsize=1)
def name_suffixes() -> frozenset[str]:
    return frozenset(lexicon.rules()["name_suffixes"]["words"])


@lru_cache(maxsize=1)
def surname_particles() -> frozenset[str]:
    return frozenset(lexicon.rules()["surname_particles"]["words"])


def same_words_in_order(short: list[str], long: list[str]) -> bool:
    """The short name's words appear in the long name in order, same first and last word; a one-letter word stands
    for a word with that initial ('charles s johnson' in 'charles spurgeon johnson')."""
    if len(short) >= len(long) or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long[1:-1])
    return all(any(w == x or (len(w) == 1 and x.startswith(w)) for x in rest) for w in short[1:-1])


def middle_names(state: State) -> None:
    """'Christine Razanamahasoa' joins 'Christine Harijaona Razanamahasoa': a two-word person name joins the only
    longer full name of the document with the same first and last words. A name with a middle name of its own
    ('George Walker Bush') never joins a longer one ('George Herbert Walker Bush'), nor one first written in a
    later sentence: a person is introduced by the fuller name ('Luis Roche … his son Luis Armando Roche')."""
    for doc, refs in state.by_doc().items():
        people = [r for r in refs if r.m.type == "PERSON" and not r.hidden and len(key(r.name).split()) >= 2]
        longer = {r.gid: key(r.name).split() for r in people}
        ends: dict[tuple[str, str], list[str]] = defaultdict(list)  # (first, last word) → groups: no pair scan
        for gid, long in longer.items():
            ends[long[0], long[-1]].append(gid)
        first: dict[str, tuple[int, int]] = {}
        for r in people:
            first[r.gid] = min(first.get(r.gid, (r.m.start, r.m.sent)), (r.m.start, r.m.sent))
        for r in people:
            words = key(r.name).split()
            if len(words) != 2:
                continue
            options = {gid for gid in ends[words[0], words[-1]]
                       if gid != r.gid and same_words_in_order(words, longer[gid])}
            if len(options) == 1:
                target = next(iter(options))
                if first[r.gid][1] < first[target][1]:
                    continue
                state.move([x for x in refs if x.gid == r.gid], target,
                           f"{r.name!r} is the only longer full name with its words in {doc} without a middle name")


def initials_spelt_out(short: list[str], long: list[str]) -> bool:
    """The long name spells out the short one's initials word for word: 'j h dearle' → 'john henry dearle'."""
    pairs = list(zip(short[:-1], long[:-1], strict=False))
    return (len(short) == len(long) and short[-1] == long[-1] and any(len(w) == 1 < len(x) for w, x in pairs)
            and all(w == x or (len(w) == 1 < len(x) and x.startswith(w)) for w, x in pairs))


def initialled_names(state: State) -> None:
    """'J. H. Dearle' joins 'John Henry Dearle', 'William H. Armstrong' joins 'William Hepburn Armstrong': a person
    name written with initials joins the only full name of the document that spells them out; 'J. Smith' beside
    'John Smith' and 'Jane Smith' joins neither."""
    for doc, refs in state.by_doc().items():
        people = {(r.gid, key(r.name)) for r in refs if r.m.type == "PERSON" and not r.hidden and " " in key(r.name)}
        alike: dict[tuple[int, str, str], list[tuple[str, list[str]]]] = defaultdict(list)  # what can spell it out
        for gid, name in people:
            words = name.split()
            alike[len(words), words[0][0], words[-1]].append((gid, words))
        for gid, name in sorted(people):
            words = name.split()
            options = {g for g, other in alike[len(words), words[0][0], words[-1]]
                       if g != gid and initials_spelt_out(words, other)}
            if len(options) == 1:
                target = next(iter(options))
                state.move([r for r in refs if r.gid == gid], target,
                           f"{name!r} is written with initials of the only full name spelling them out in {doc}")


# Plural place heads whose name has a plural short form: 'the Spratlys', 'the Kurils', 'the Falklands'.
PLURAL_PLACE_HEADS = frozenset({"Islands", "Mountains"})


def partial_places(state: State) -> None:
    """'Chiba' joins 'Chiba Prefecture', 'Pacific' joins 'Pacific Ocean', 'the Spratlys' 'the Spratly Islands' when
    that is the only such name; a short form read as an ORG (or, a plural one, as a person) casts no type vote
    there. A town is not the county, district or region named after it ('Albany' / 'Albany County'): those heads
    never join."""
    heads, admin = lexicon.rules()["place_heads"], set(lexicon.rules()["admin_heads"]["words"])
    for doc, refs in state.by_doc().items():
        longer: dict[str, set[tuple[str, str]]] = defaultdict(set)
        plurals: set[str] = set()  # 'the Spratlys' of 'the Spratly Islands': a plural short form, never a person
        for r in refs:
            words = r.name.split()
            if len(words) >= 2 and words[-1] in heads and words[-1] not in admin and not r.hidden:
                longer[key(" ".join(words[:-1]))].add((r.gid, heads[words[-1]]))
                if words[-1] in PLURAL_PLACE_HEADS:
                    short = key(" ".join(words[:-1]) + "s")
                    longer[short].add((r.gid, heads[words[-1]]))
                    plurals.add(short)
        for r in refs:
            if r.hidden or r.country or r.m.type not in {"GPE", "LOC", "ORG", "PERSON"}:
                continue
            options = longer.get(key(r.name), set())
            if len(options) == 1 and (r.m.type != "PERSON" or key(r.name) in plurals):
                target, kind = next(iter(options))
                if kind == r.m.type or r.m.type in {"ORG", "PERSON"}:
                    r.generic = r.m.type != kind  # its organisation or person reading is no evidence of the type
                    state.move([r], target, f"{r.name!r} is the short form of the only {kind} name "
                                            f"'{r.name} …' in {doc}")


def compass_countries(state: State) -> None:
    """'the North' joins North Korea when that is the document's only country named 'North …'
    (kg/data/resolution.json compass_short_forms)."""
    words = set(lexicon.rules()["compass_short_forms"]["words"])
    for doc, refs in state.by_doc().items():
        short = [r for r in refs if r.name in words and r.m.type in {"GPE", "LOC"} and not r.country]
        if not short:
            continue
        countries = {r.gid for r in refs if r.country}
        for r in short:
            options = [g for g in countries if len(g.split()) == 2 and g.split()[0] == r.name.lower()]
            if len(options) == 1:
                state.move([r], options[0], f"{r.name!r} stands for the only country named '{r.name} …' in {doc}")


def designator_names(state: State) -> None:
    """'B-1 Lancer' and 'F-35A Lightning II' join 'B-1' and 'F-35A': an aircraft or weapon's designator (types.json
    model_numbers designator) with its popular name is the designator (a number after it, 'F-16 Block 70', names a
    variant: apart)."""
    designator = re.compile(lexicon.load_json("types.json")["model_numbers"]["designator"])
    groups = {r.gid for r in state.refs if r.m.type in {"AIRCRAFT", "WEAPON"} and designator.fullmatch(r.name)}
    for r in state.refs:
        words = r.name.split()
        if (r.m.type in {"AIRCRAFT", "WEAPON"} and len(words) >= 2 and designator.fullmatch(words[0])
                and all(w.isalpha() for w in words[1:]) and key(words[0]) in groups):
            state.move([r], key(words[0]), f"{r.name!r} is the designator {words[0]!r} with its popular name")


def of_tails(state: State) -> None:
    """'the Redeemed Christian Church' joins 'Redeemed Christian Church of God', 'Supreme Court' joins 'Supreme Court
    of Pakistan': an ORG name of two words or more that is all of the only longer ORG name of its document before
    ' of '. A bare head ('Bank', 'University') never joins ('Bank of America')."""
    for doc, refs in state.by_doc().items():
        before_of: dict[str, set[str]] = defaultdict(set)
        for r in refs:
            if r.m.type == "ORG" and not r.hidden and not r.country and " of " in r.name:
                head = r.name.split(" of ")[0]
                if " " in head:
                    before_of[key(head)].add(r.gid)
        if not before_of:
            continue
        for r in refs:
            options = before_of.get(key(r.name)) if r.m.type == "ORG" and not r.hidden and not r.country else None
            if options and len(options) == 1 and r.gid not in options and r.gid == r.base:
                state.move([r], next(iter(options)), f"{r.name!r} is all of the only longer name before 'of' in {doc}")


def org_short_forms(state: State) -> None:
    """'Harvard' joins 'Harvard University', 'Toyota' joins 'Toyota Motor Corp.', 'KLA' joins 'KLA Corp': a short
    ORG name equal to the only longer ORG name of the document minus trailing organisation words
    (kg/data/resolution.json)."""
    suffixes = set(lexicon.rules()["org_suffixes"]["words"])
    for doc, refs in state.by_doc().items():
        longer: dict[str, list[Ref]] = defaultdict(list)
        for r in refs:
            if r.m.type != "ORG" or r.hidden or r.country:
                continue
            words = list(company_words(r.name))  # 'Amazon.com Inc.' → amazon com inc: 'Amazon' is its short form
            while len(words) > 1 and words[-1] in suffixes:
                words = words[:-1]
                longer[" ".join(words)].append(r)
        for r in sorted(refs, key=lambda r: -len(key(r.name).split())):  # longer names first:
            if r.hidden or r.country or r.m.type != "ORG":  # a GPE 'Syracuse' is the city
                continue
            # groups as they stand now: every 'US Airways Group' has joined 'US Airways Group Inc.' before 'US Airways'
            # looks
            found = {x.gid for x in longer.get(key(r.name), [])}
            options = found - {r.gid}
            if len(options) == 1 and len(found) == 1:
                target = next(iter(options))
                state.move([r], target, f"{r.name!r} is the short form of the only organisation '{r.name} …' in {doc}")
    companies_across_documents(state)


_CAMEL_HEAD = re.compile(r"[A-Z][a-z]{3,}(?=[A-Z][a-z])")


def camel_short_forms(state: State) -> None:
    """'Exxon' joins 'ExxonMobil': a one-word ORG name (every mention of its group an ORG) equal to the capitalised
    opening of the only one-word ORG name of the document written as two words run together."""
    for doc, refs in state.by_doc().items():
        heads: dict[str, set[str]] = defaultdict(set)
        for r in refs:
            if r.m.type == "ORG" and not r.hidden and " " not in r.name and (m := _CAMEL_HEAD.match(r.name)):
                heads[m.group()].add(r.gid)
        if not heads:
            continue
        for r in refs:
            options = heads.get(r.name, set()) - {r.gid}
            if not options or len(heads[r.name]) != 1 or r.hidden or r.country or r.gid != r.base:
                continue
            members = [x for x in refs if x.gid == r.gid]
            if all(x.m.type == "ORG" for x in members):
                state.move(members, next(iter(options)), f"{r.name!r} opens the only run-together organisation name "
                                                         f"'{r.name}…' of {doc}")


@lru_cache(maxsize=1 << 16)
def company_words(name: str) -> tuple[str, ...]:
    """Key words of a company name, a web address read as words ('Amazon.com Inc.' → amazon com inc)."""
    return tuple(key(re.sub(r"\.(com|net)\b", r" \1", name)).split())


def prefixes(words: tuple[str, ...]) -> list[str]:
    """The shorter names a name's words open with: 'a b c' → 'a', 'a b'."""
    return [" ".join(words[:n]) for n in range(1, len(words))]


def companies_across_documents(state: State) -> None:
    """'Goldman Sachs' joins 'Goldman Sachs Group Inc.' of another document: an ORG name (every mention of its
    group an ORG, none moved yet) that no longer name of its own document extends, equal to the only company name of
    the corpus minus trailing legal-form words (kg/data/resolution.json company_suffixes)."""
    suffixes = set(lexicon.rules()["company_suffixes"]["words"])
    longer: dict[str, set[str]] = defaultdict(set)
    for r in state.refs:
        words = company_words(r.name)
        if r.m.type != "ORG" or r.hidden or r.country or words[-1] not in suffixes:
            continue
        while len(words) > 1 and words[-1] in suffixes:
            words = words[:-1]
            longer[" ".join(words)].add(r.gid)
    groups: dict[str, list[Ref]] = defaultdict(list)
    for r in state.refs:
        groups[r.gid].append(r)
    opened = {(r.doc, w) for r in state.refs if r.m.type == "ORG" for w in prefixes(company_words(r.name))}
    for gid, members in groups.items():
        if not all(r.m.type == "ORG" and r.gid == r.base and not r.hidden and not r.country for r in members):
            continue
        if any((r.doc, " ".join(company_words(r.name))) in opened for r in members):
            continue  # a longer name of its own document opens with it: that one is its candidate
        options = longer.get(" ".join(company_words(members[0].name)), set()) - {gid}
        if len(options) == 1:
            target = next(iter(options))
            state.move(members, target, f"{members[0].name!r} is the short form of the only company "
                                        f"'{members[0].name} …' of the corpus")


@lru_cache(maxsize=1)
def body_names() -> dict[str, str]:
    """Key of an international body's acronym or expansion (kg/data/acronyms.json) → key of its acronym."""
    out: dict[str, str] = {}
    for acronym, expansion in lexicon.acronyms().items():
        out[key(acronym)] = out.setdefault(key(expansion), key(acronym))
    return out


def body_prefix(name: str) -> tuple[str, str] | None:
    """(body, rest) for an ORG name opening with an international body of kg/data/acronyms.json and going on for two
    words or more ('U.N. Security Council' → ('un', 'security council')); a country ('US Supreme Court') is no body."""
    words = name.split()
    for n in range(1, min(3, len(words) - 2) + 1):
        head = key(" ".join(words[:n]))
        if head in body_names() and lexicon.countries().any(" ".join(words[:n])) is None:
            return body_names()[head], key(" ".join(words[n:]))
    return None


def body_short_forms(state: State) -> None:
    """'the Security Council' joins 'the U.N. Security Council': an ORG name of two words or more (none moved yet) that
    ends only one longer ORG name of its document, that one opening with an international body (body_prefix); with no
    such longer name in its document, the only one of the corpus, when the document names that body. A name written
    after a country's possessive ("Georgia's General Assembly") is that country's."""
    ends: dict[str, set[str]] = defaultdict(set)  # 'doc\tkey', '\tkey' → groups of longer names ending in it
    bodies: dict[str, str] = {}
    named: set[tuple[str, str]] = set()
    for r in state.refs:
        if r.m.type != "ORG" or r.hidden or r.country:
            continue
        named.add((r.doc, body_names().get(key(r.name), "")))
        words = key(r.name).split()
        for n in range(1, len(words) - 1):
            tail = " ".join(words[n:])
            ends[f"{r.doc}\t{tail}"].add(r.gid)
            ends[f"\t{tail}"].add(r.gid)
        if (found := body_prefix(r.name)) is not None:
            bodies[r.gid] = found[0]
    for r in state.refs:
        k = key(r.name)
        if r.m.type != "ORG" or r.hidden or r.country or r.gid != r.base or "|" in r.gid or " " not in k:
            continue  # "Georgia's General Assembly" is the country's
        options = ends.get(f"{r.doc}\t{k}", set()) - {r.gid}
        where = "document"
        if not options:
            options, where = ends.get(f"\t{k}", set()) - {r.gid}, "corpus"
        if len(options) != 1 or (target := next(iter(options))) not in bodies:
            continue
        if where == "corpus" and (r.doc, bodies[target]) not in named:
            continue
        state.move([r], target, f"{r.name!r} ends the only longer name, that of an international body, in the {where}")


def names_a_place(words: tuple[str, ...]) -> bool:
    """Some run of up to three of these key words names a country, demonym or capital: 'General Motors New Zealand
    Limited' is the parent's New Zealand company, not 'General Motors'."""
    table = lexicon.countries()
    runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1))
    return any(table.any(run) is not None or run in table.by_capital for run in runs)


def org_leading_words(state: State) -> None:
    """'Nordic' and 'Nordic Semiconductor' join 'Nordic Semiconductor ASA', 'JPMorgan' joins 'JPMorgan Chase & Co.':
    an ORG name (every mention of its group an ORG, none moved yet) whose words open only one longer ORG name of its
    document, a company name ending in a legal-form word (kg/data/resolution.json company_suffixes); never a country
    or group, nor the words before 'of' ('Bank' is no 'Bank of America Corp.') or a place ('General Motors' is no
    'General Motors New Zealand Limited'). Two names opening alike ('Siemens Energy AG', 'Siemens Healthineers AG';
    'Apple Corp.', 'Apple Records') leave the bare name apart."""
    suffixes = set(lexicon.rules()["company_suffixes"]["words"])
    for doc, refs in state.by_doc().items():
        orgs = [(company_words(r.name), r) for r in refs if r.m.type == "ORG" and not r.hidden and not r.country]
        opening: dict[tuple[str, ...], list[tuple[tuple[str, ...], Ref]]] = defaultdict(list)  # words → longer names
        for long, r in orgs:
            for n in range(1, len(long)):
                opening[long[:n]].append((long, r))
        groups: dict[str, list[Ref]] = defaultdict(list)
        for r in refs:
            groups[r.gid].append(r)
        for gid, members in sorted(groups.items(), key=lambda g: -len(company_words(g[1][0].name))):
            if not all(r.m.type == "ORG" and r.gid == r.base and not r.hidden and not r.country for r in members):
                continue
            name = members[0].name
            words = company_words(name)
            if words not in opening or lexicon.group(name) or lexicon.countries().any(name) is not None:
                continue
            longer = [(long, r) for long, r in opening[words] if r.gid != gid]
            options = {r.gid for long, r in longer
                       if long[len(words)] not in {"of", "for"} and not names_a_place(long[len(words) :])}
            if len(options) == 1 and any(long[-1] in suffixes for long, r in orgs if r.gid in options):
                target = next(iter(options))
                state.move(members, target, f"{name!r} opens the only company name '{name} …' of {doc}")


# Types whose one-word name may be the last word of a longer name of the same thing ('the Vikings', 'Apache').
LAST_WORD_KINDS = {"ORG": "organisation", "AIRCRAFT": "aircraft", "WEAPON": "weapon", "SHIP": "ship"}


def org_last_words(state: State) -> None:
    """'the Vikings' joins 'the Minnesota Vikings', 'the Bee' joins 'The Sacramento Bee', 'Apache' joins 'AH-64E
    Apache', 'the Eisenhower' joins 'Dwight D. Eisenhower': a one-word ORG, AIRCRAFT, WEAPON or SHIP name (no
    acronym, country or group; every mention of it that type) equal to the last word of the only longer name of that
    type in its document. A word after 'of' or in a list
    ('University of Tartu', 'Mario & Sonic') is no head of that name."""
    for doc, refs in state.by_doc().items():
        longer: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in refs:
            words = key(r.name).split()
            if r.m.type not in LAST_WORD_KINDS or r.hidden or r.country or len(words) < 2:
                continue
            if key(r.name.split()[-1]) != words[-1]:
                continue  # a word joined by a hyphen is no head: 'Devi-Chandragupta' is no 'Chandragupta'
            if not {"of", "and", "&", "de", "du", "des", "der", "di", "da"} & set(words[:-1]):
                longer[r.m.type, words[-1]].add(r.gid)
        for r in refs:
            word, kind = key(r.name), r.m.type
            if kind not in LAST_WORD_KINDS or r.hidden or r.country or " " in word or is_acronym(r.name):
                continue
            if r.gid != r.base or lexicon.group(r.name) or lexicon.countries().any(r.name) is not None:
                continue
            options = longer.get((kind, word), set()) - {r.gid}
            members = [x for x in refs if x.gid == r.gid]
            if len(options) == 1 and len(longer[kind, word]) == 1 and all(x.m.type == kind for x in members):
                target = next(iter(options))
                state.move(members, target, f"{r.name!r} is the last word of the only longer {LAST_WORD_KINDS[kind]} "
                                            f"name in {doc}")


def place_pair_before(ref: Ref, result: DocResult) -> bool:
    """The mention is written after a place pair of resolution.json place_cues ('city of', 'port of')."""
    s_start, _, s_text = result.sentences[ref.m.sent]
    before = s_text[: ref.m.start - s_start].lower().split()[-2:]
    return before in lexicon.rules()["place_cues"]["pairs"]


def after_the(ref: Ref, result: DocResult) -> bool:
    """The mention is written as a definite description: 'the' just before it or opening it ('the Games')."""
    if ref.m.text.lower().startswith("the "):
        return True
    s_start, _, s_text = result.sentences[ref.m.sent]
    before = s_text[: ref.m.start - s_start].split()
    return bool(before) and before[-1].lower() == "the"


def generic_heads(state: State, results: list[DocResult]) -> None:
    """'the Games' joins 'the Asian Games', 'the Agreement' joins 'the Chile Free Trade Agreement': a one-word name
    written with 'the' (any type but a person or place: the model often mistypes such heads, so its type casts no
    vote) equal to the last word of the only longer event, law or facility name of its document, else of the one
    the document is about (:func:`subject`). A name with 'of' or 'and' before that word has another head ('Treaty
    of Versailles')."""
    kinds, by_name = {"EVENT", "LAW", "FACILITY"}, {r.doc: r for r in results}
    for doc, refs in state.by_doc().items():
        longer: dict[str, set[str]] = defaultdict(set)
        for r in refs:
            words = key(r.name).split()
            if r.m.type not in kinds or r.hidden or r.country or len(words) < 2:
                continue
            if not {"of", "and", "&"} & set(words[:-1]):
                longer[words[-1]].add(r.gid)
        for r in refs:
            if " " in key(r.name) or r.hidden or r.country or r.gid != r.base or is_acronym(r.name):
                continue
            if not after_the(r, by_name[doc]):
                continue
            members = [x for x in refs if x.gid == r.gid]
            options = longer.get(key(r.name), set()) - {r.gid}
            if not options or not all(x.m.type in kinds | {"ORG"} for x in members):
                continue
            if len(options) == 1:
                target, why = next(iter(options)), "the only longer event, law or facility name"
            elif (target := subject(options, members, refs)) is not None:
                why = "the one of several longer event, law or facility names named first, before it, and most often"
            else:
                continue
            for x in members:
                x.generic = True
            state.move(members, target, f"'the {r.name}' is the end of {why} in {doc}")


# ---------------------------------------------------------------- 4. generic law references


def is_generic_law(name: str) -> bool:
    words = key(name).split()
    generic = lexicon.rules()["generic_law"]
    return bool(words) and words[-1] in generic["heads"] and all(w in generic["modifiers"] for w in words[:-1])


def generic_laws(state: State) -> None:
    """'the new legislation' joins the law last named before it in the document (else the only one there). When
    the document names a law with capitals, a law described in lower case ('active cyber defence law' in a
    headline) refers to a named one too; otherwise the most specific description names the law ('the security
    legislation')."""
    for doc, refs in state.by_doc().items():
        laws = sorted((r for r in refs if r.m.type == "LAW"), key=lambda r: r.m.start)
        capitalised = any(not r.name.islower() and not is_generic_law(r.name) for r in laws)
        generic = {id(r) for r in laws if is_generic_law(r.name) or (capitalised and r.name.islower())}
        named = [r for r in laws if id(r) not in generic]
        for r in laws:
            if id(r) not in generic or r.gid != r.base:  # moved already: 'the Act' to the only '… Act'
                continue
            before = [n for n in named if n.m.start < r.m.start]
            target = before[-1] if before else (named[0] if len({n.gid for n in named}) == 1 else None)
            if target is not None:
                state.move([r], target.gid, f"{r.name!r} refers back to {target.name!r}, the law last named in {doc}")


def aliases(state: State, results: list[DocResult]) -> None:
    """'Hemedti' joins 'Mohamed Hamdan Dagalo' when written 'Mohamed Hamdan Dagalo, widely known as Hemedti'
    (lexicon.alias_link): the alias's whole group, in every document, joins the name's. A country or demonym never
    moves this way."""
    by_name = {r.doc: r for r in results}
    for doc, refs in state.by_doc().items():
        ordered = sorted((r for r in refs if not r.hidden), key=lambda r: r.m.start)
        # b right after a, or after a place where it is used ('X, known in the Philippines as Y')
        pairs = [(k, a, b, False) for k, (a, b) in enumerate(itertools.pairwise(ordered))]
        pairs += [(k, a, b, True) for k, (a, place, b) in enumerate(zip(ordered, ordered[1:], ordered[2:],
                                                                          strict=False))
                  if place.m.type in {"GPE", "LOC"}]
        for k, a, b, skipped in pairs:
            if a.m.sent != b.m.sent or not b.name[:1].isupper() or a.m.end > b.m.start:
                continue
            s_start, _, s_text = by_name[doc].sentences[a.m.sent]
            between = s_text[a.m.end - s_start : b.m.start - s_start]
            if lexicon.who_alias_link(between):  # 'X, the commander of the RSF, who is known as Y': the person
                named = next((r for r in reversed(ordered[: k + 1]) if r.m.sent == a.m.sent and r.m.type == "PERSON"),
                             b)
            elif not lexicon.alias_link(between):
                continue
            else:
                named = _placed_ref(ordered[k - 1], a, b, s_start, s_text) if k and not skipped else a
            if named.gid != b.gid and not named.country and not b.country:
                state.move([r for r in state.refs if r.gid == b.gid], named.gid,
                           f"{b.name!r} is another name of {named.name!r} ('known as') in {doc}")
        for named, b in described_aliases(ordered, by_name[doc]):
            if named.gid != b.gid and not named.country and not b.country:
                state.move([r for r in state.refs if r.gid == b.gid], named.gid,
                           f"{b.name!r} is another name of {named.name!r} (a description, then 'known as') in {doc}")


def described_aliases(ordered: list[Ref], result: DocResult) -> list[tuple[Ref, Ref]]:
    """(name, alias) pairs written 'X, the U.S. military's northernmost installation, formerly known as Y'
    (lexicon.described_alias_pairs, as kg.mentions alias_pairs finds them)."""

    def between(sent: int, end: int, start: int) -> str:
        s_start, _, s_text = result.sentences[sent]
        return s_text[end - s_start : start - s_start]

    names = [(r.m.start, r.m.end, r.m.sent, r.name) for r in ordered]
    return [(ordered[i], ordered[k]) for i, k in lexicon.described_alias_pairs(names, between)]


def _placed_ref(before: Ref, place: Ref, alias: Ref, s_start: int, s_text: str) -> Ref:
    """The ref an alias after 'X in <place>, known as' names: X when the place is not of the alias's type and X is
    (see kg.mentions alias_pairs)."""
    if place.m.type not in {"GPE", "LOC"} or place.m.type == alias.m.type or before.m.type != alias.m.type \
            or before.m.sent != place.m.sent:
        return place
    gap = s_text[before.m.end - s_start : place.m.start - s_start]
    return before if lexicon.IN_PLACE_GAP.fullmatch(gap) else place


# ---------------------------------------------------------------- 5. acronyms


def spelt_out(result: DocResult, refs: list[Ref]) -> list[tuple[Ref, Ref]]:
    """(long, acronym) pairs written 'Long Name (ACR)' or 'ACR (Long Name)' in the document."""
    pairs = []
    ordered = sorted(refs, key=lambda r: r.m.start)
    for a, b in itertools.pairwise(ordered):
        if a.m.sent != b.m.sent or a.hidden or b.hidden:
            continue
        s_start, _, s_text = result.sentences[a.m.sent]
        between = s_text[a.m.end - s_start : b.m.start - s_start]
        after = s_text[b.m.end - s_start : b.m.end - s_start + 1]
        if between.strip() != "(" or after != ")":
            continue
        if (is_acronym(b.name) and not is_acronym(a.name) and stands_for(b.name, a)) \
                or numbered_acronym(a.name, b.name):
            pairs.append((a, b))
        elif is_acronym(a.name) and not is_acronym(b.name) and stands_for(a.name, b):
            pairs.append((b, a))
    return pairs


def numbered_acronym(long: str, short: str) -> bool:
    """'III Marine Expeditionary Force (III MEF)', '1st Special Forces Group (1st SFG)': a unit's number, then the
    initials of the rest of its name."""
    number, _, rest = short.partition(" ")
    if not rest or not long.startswith(number + " ") or not is_acronym(rest):
        return False
    return (number.isupper() or number[:1].isdigit()) and initials(long[len(number) + 1:]) == rest.replace(".", "")


def stands_for(acronym: str, long: Ref) -> bool:
    """The acronym written beside a name in brackets can stand for it: its first letter is one of the name's initials,
    a leading 'The' counted ('TMF (The Music Factory)'), and it is not the initials of only the name after an 'of' ('the
    Kansas City Chiefs of the National Football League (NFL)': NFL is the league)."""
    letters = acronym.replace(".", "").upper()
    words = long.name.split()
    if letters == initials(long.name):
        return True
    lower = [w.lower() for w in words]
    after_of = [i + 1 for i, w in enumerate(lower[:-1]) if w == "of"]
    if any(initials(" ".join(words[i:])) == letters for i in after_of):
        return False
    return letters[0] in initials(long.name) or letters[0] == long.m.text[:1].upper()


def initials_index(refs: Iterable[Ref]) -> dict[str, set[str]]:
    """Initials of every non-acronym name (and of its part after a country) → group keys."""
    out: dict[str, set[str]] = defaultdict(set)
    for r in refs:
        if r.hidden or r.country or is_acronym(r.name) or r.m.type not in {"ORG", "FACILITY", "LAW", "EVENT", "GPE"}:
            continue
        if len(r.name.split()) < 2 and "-" not in r.name:
            continue
        out[initials(r.name)].add(r.gid)
        _, core = split_country_prefix(r.name)
        out[initials(core)].add(r.gid)
    return out


def acronyms(state: State, results: list[DocResult]) -> None:
    """Acronym groups join their expansion: spelt out in the text, by initials, or from the data table."""
    by_name = {r.doc: r for r in results}
    docs = state.by_doc()
    learnt: dict[str, set[str]] = defaultdict(set)
    for doc, refs in docs.items():
        for long, short in spelt_out(by_name[doc], refs):
            learnt[key(short.name)].add(long.gid)
            members = [r for r in refs if r.gid == short.gid]
            state.move(members, long.gid, f"{short.name!r} is spelt out as {long.name!r} in {doc}")
    corpus = initials_index(state.refs)
    table = {key(a): key(e) for a, e in lexicon.short_forms().items()}
    gids = {r.gid for r in state.refs}
    for doc, refs in docs.items():
        local = initials_index(refs)
        for r in refs:
            if r.hidden or r.country or r.gid != r.base:
                continue
            if not is_acronym(r.name):  # a short form of the table written in lower case: 'Fed'
                table_expansion(state, r, refs, table.get(key(r.name)), gids)
                continue
            letters = r.name.replace(".", "").upper()
            for options, why in ((learnt.get(key(r.name), set()), "spelt out elsewhere in the corpus"),
                                 (local.get(letters, set()), f"initials of the only such name in {doc}"),
                                 # a table acronym ('AP') is no guess from another document's initials ('AIR POWER')
                                 (corpus.get(letters, set()) if key(r.name) not in table else set(),
                                  "initials of the only such name in the corpus")):
                if len(options) == 1:
                    target = next(iter(options))  # the whole group: its other mentions may have been qualified to it
                    state.move([x for x in refs if x.gid == r.gid], target, f"{r.name!r}: {why}")
                    break
                if len(options) > 1:
                    break
            else:
                table_expansion(state, r, refs, table.get(key(r.name)), gids)


def acronym_openers(state: State) -> None:
    """'AI Act' joins 'Artificial Intelligence Act' (and 'EU Council' 'European Union Council'): a name opened by an
    acronym whose other words end the only longer name of the corpus, of the same type, whose first words have that
    acronym's initials."""
    longer: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (initials, rest, type) → groups
    for r in state.refs:
        words = r.name.split()
        if r.hidden or r.country or len(words) < 3 or is_acronym(words[0]):
            continue
        for k in range(2, len(words)):
            longer[(initials(" ".join(words[:k])), key(" ".join(words[k:])), r.m.type)].add(r.gid)
    groups: dict[str, list[Ref]] = defaultdict(list)
    for r in state.refs:
        groups[r.gid].append(r)
    for r in state.refs:
        words = r.name.split()
        if r.hidden or r.country or len(words) < 2 or not is_acronym(words[0]) or r.gid != r.base:
            continue
        options = longer.get((words[0].replace(".", "").upper(), key(" ".join(words[1:])), r.m.type), set())
        if len(options) == 1 and r.gid not in options:
            target = next(iter(options))
            state.move(groups[r.gid], target, f"{r.name!r} opens with the initials of the only name ending alike "
                                              f"({target})")


def table_expansion(state: State, r: Ref, refs: list[Ref], expansion: str | None, gids: set[str]) -> None:
    """Join the expansion kg's tables give the short form (lexicon.short_forms: acronyms.json, companies.json), as
    written in the corpus or, failing that, the only name of the document that is the expansion after a country
    ('Fed' -> 'U.S. Federal Reserve')."""
    if not expansion:
        return
    if expansion in gids:
        state.move([r], expansion, f"{r.name!r} stands for {expansion!r} (kg's table of short forms)")
        return
    qualified = {x.gid for x in refs if x.core == expansion and "|" in x.gid}
    if len(qualified) == 1:
        target = next(iter(qualified))
        state.move([r], target, f"{r.name!r} stands for {expansion!r} (kg's table of short forms), written {target!r}")


# ---------------------------------------------------------------- entities


def entity_type(refs: list[Ref]) -> str:
    """The weighted majority type of the group's shown mentions (context and rules outweigh the model)."""
    if any(r.country for r in refs):
        place = lexicon.countries().variant(refs[0].core) or lexicon.countries().any(refs[0].name)
        if place is not None:
            return place.type
    votes: Counter[str] = Counter()
    actor = any(r.m.type == "ORG" and not r.hidden and r.name.split()[-1:] and r.name.split()[-1] in actor_heads()
                for r in refs)
    for r in refs:
        if r.hidden or r.generic or (actor and r.m.cue == EXERCISE_AFTER):
            continue  # 'PLA drills' EVENT, 'the People's Liberation Army' ORG: the name's own head word wins
        # a title written before a person's name ('President Ahmed al-Sharaa') is context as strong as a cue: it
        # outvotes the model's ORG on the bare surname later ('Sharaa said')
        # a dateline ('KARLSRUHE, Germany -') names the place the story was filed from: a cue, as strong as a rule
        src = "ner" if r.m.source == SAME_NAME else "cue" if r.m.cue or r.m.dateline or (
            r.m.title and r.m.type == "PERSON") else r.m.source.split(":")[0]
        votes[r.m.type] += TYPE_WEIGHT.get(src, 1)
    if not votes:
        votes.update(r.m.type for r in refs)
    place_read_as_person(refs, votes)
    carrier_read_as_airline(refs, votes)
    return max(votes, key=lambda t: (votes[t], t))


def place_read_as_person(refs: list[Ref], votes: Counter[str]) -> None:
    """A place of kg's tables ('Okinawa', places.json) that the document also writes as a place (a GPE or LOC
    mention, its demonym too) is that place where the model read the bare name as a person ('a court on Okinawa'
    PERSON): the PERSON votes go to the place's type."""
    if "PERSON" not in votes:
        return
    kind = next((r.m.type for r in refs if r.m.type in {"GPE", "LOC"}), None)
    if kind is not None and all(lexicon.table_place(r.name) for r in refs if r.m.type == "PERSON"):
        votes[kind] += votes.pop("PERSON")


def carrier_read_as_airline(refs: list[Ref], votes: Counter[str]) -> None:
    """'French carrier Charles de Gaulle' ORG (the airline's 'carrier') names the ship the document also writes after a
    ship noun ('the aircraft carrier Charles de Gaulle' SHIP): the airline noun's ORG votes go to the ship."""
    if "SHIP" not in votes or not any(r.m.source == SHIP_NOUN_RULER for r in refs):
        return
    for r in refs:
        if r.m.type == "ORG" and r.m.cue == CARRIER_CUE:
            votes["ORG"] -= TYPE_WEIGHT["cue"]
            votes["SHIP"] += TYPE_WEIGHT["cue"]


@lru_cache(maxsize=1)
def actor_heads() -> frozenset[str]:
    """Last words that make a name an organisation's (types.json armed_force_heads, org_only_heads, unit heads)."""
    return (lexicon.words("types.json", "armed_force_heads", "words") | lexicon.words("types.json", "org_only_heads",
            "words") | lexicon.words("types.json", "numbered_units", "heads"))


def entity_label(refs: list[Ref]) -> str:
    """Country groups: the table's name; else the most complete proper name seen (not an acronym or generic)."""
    if any(r.country for r in refs):
        place = lexicon.countries().variant(refs[0].gid)
        if place is not None:
            return place.name
    names = Counter(r.name for r in refs if not r.hidden) or Counter(hidden_name(r) for r in refs)
    # words counted by key: a hyphen joins two words ('Devi-Chandragupta' is more complete than 'Chandragupta');
    # of two spellings, the one written with spaces ('Saint Petersburg', not 'Saint-Petersburg')
    return max(names, key=lambda n: (not is_generic_law(n), not is_acronym(n), len(key(n).split()), len(n.split()),
                                     names[n], len(n), n))


def surface_form(text: str) -> str:
    """A mention's text as an alias: on one line (a name written across a line break) and without a possessive
    ending ('the European Union's' → 'the European Union'; the article stays, as written)."""
    return _POSSESSIVE_END.sub("", " ".join(text.split())) or text


_POSSESSIVE_END = re.compile(r"\s*(?:['’]s|(?<=s)['’])$")


def hidden_name(r: Ref) -> str:
    """The name a hidden mention gives its entity: the place a demonym names ('Venetian' → 'Venice'), else its own."""
    place = lexicon.place_demonym(r.name) if r.m.demonym else None
    return place.name if place is not None else r.name


def kind_of_group(refs: list[Ref]) -> bool:
    """True when the group's mentions are organisations (a group of people of kg/data/groups.json)."""
    return any(r.m.type == "ORG" for r in refs)


def make_entities(state: State, results: list[DocResult]) -> Resolution:
    groups: dict[str, list[Ref]] = defaultdict(list)
    for r in state.refs:
        groups[r.gid].append(r)
    mention_entity: dict[str, list[str | None]] = {r.doc: [None] * len(r.mentions) for r in results}
    entities, used = [], set()
    for gid in sorted(groups):
        refs = groups[gid]
        group = lexicon.groups().get(gid, "")
        label = group if key(group) == gid and kind_of_group(refs) else entity_label(refs)
        kind = entity_type(refs)
        eid = slug(label)
        if eid in used:
            eid = f"{eid}-{kind.lower()}"
        n = 2
        base = eid
        while eid in used:
            eid, n = f"{base}-{n}", n + 1
        used.add(eid)
        shown = [r for r in refs if not r.hidden]
        aliases = sorted({surface_form(r.m.text) for r in shown} | {r.name for r in shown}
                         | ({label} if shown else set()))
        docs = sorted({r.doc for r in refs})
        titles = sorted({r.m.title for r in shown if r.m.title})
        entities.append(Entity(id=eid, label=label, type=kind, aliases=aliases, mentions=len(refs), documents=docs,
                               titles=titles, merges=list(state.why.get(gid, []))))
        for r in refs:
            mention_entity[r.doc][r.index] = eid
    return Resolution(entities=entities, mention_entity=mention_entity)


def resolve(results: list[DocResult]) -> Resolution:
    """Group the corpus's mentions into entities, applying the rules of the module docstring in order."""
    refs = [Ref(r.doc, i, m) for r in results for i, m in enumerate(r.mentions) if (m.name or m.text).strip()]
    state = State(refs)
    name_keys(state)
    ships_apart_from_places(state, results)
    same_name_across_types(state)
    qualify(state)
    middle_names(state)
    initialled_names(state)
    partial_people(state, namesakes(results, state))
    partial_places(state)
    compass_countries(state)
    designator_names(state)
    of_tails(state)
    org_short_forms(state)
    camel_short_forms(state)
    body_short_forms(state)
    org_leading_words(state)
    org_last_words(state)
    generic_heads(state, results)
    generic_laws(state)
    aliases(state, results)
    acronyms(state, results)
    acronym_openers(state)
    return make_entities(state, results)
