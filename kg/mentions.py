"""Entity mentions from a spaCy ``Doc``: kg types, type corrections from context, and a normalised name.

Context rules (all tables in kg/data): a ship noun or a ship apposition beside a name makes it a SHIP;
a title before a name makes it a PERSON (title kept in Mention.title); a place cue before a one-word
ORG makes it a GPE; demonyms become mentions of their country; hyphenated country compounds
("U.S.-Japan") become one mention per country; words that are only part of a title ("Defense" in
"Defense Minister") are dropped; a capital standing for its government ("talks with Washington") is
flagged as a metonym of its country.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IDX, LENGTH, ORTH, POS, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from kg import lexicon
from kg.schema import ENTITY_TYPES, EXERCISE_AFTER, SAME_NAME, USER_PATTERN, Mention

DETERMINERS = {"the", "a", "an"}
PLACE_LABELS = {"GPE", "LOC"}  # model labels whose capital 'The' after a lower-case word is kept ('in The Hague')
# Types the model sometimes gives a bare demonym ("Bangladeshi" PERSON or ORG): still its country's demonym, unless a
# capitalised word follows: then the model cut a longer name ("the English" ORG + "Channel").
DEMONYM_MISREAD = {"GPE", "LOC", "PERSON", "ORG"}
# Verbs whose subject is a place, not an actor ("Seoul lies ...", "Paris is ...").
PLACE_VERBS = {"be", "lie", "locate", "host", "sit", "border", "become", "remain", "have", "include"}
MOTION_VERBS = {"go", "fly", "travel", "return", "move", "arrive", "come", "sail", "head", "visit", "drive", "relocate"}
# Verbs of a road or line going somewhere ("the road continues on to X"): X is a place, not its government.
ROUTE_VERBS = {"continue", "lead", "run", "extend", "connect", "link"}
# Verbs whose 'to' names where a vehicle or a body of people went: never a person ('flew to', not 'wrote to').
DESTINATION_VERBS = {"fly", "travel", "sail", "relocate", "drive", "deploy", "divert", "evacuate", "airlift", "steam"}


@dataclass
class DocWords:
    """A Doc's text and per-token tables, read once: kg's rules look at neighbouring words thousands of times per
    Doc, and each doc[i] builds a new spaCy Token object while doc.text joins every token again."""

    text: str
    starts: list[int]  # each token's first character, then len(text): tokens a..b are text[starts[a]:starts[b]]
    words: list[str]  # each token's text
    sent_end: list[bool]  # the token ends its sentence (Token.is_sent_end)
    proper: list[bool]  # the token is tagged a proper noun (pos_ == "PROPN")


_DOC_WORDS: weakref.WeakKeyDictionary[Doc, DocWords] = weakref.WeakKeyDictionary()


def doc_words(doc: Doc, text: str | None = None) -> DocWords:
    """The Doc's DocWords, built on first use (`text`, when given, is doc.text: spaCy rebuilds that per access)."""
    found = _DOC_WORDS.get(doc)
    if found is None:
        text = doc.text if text is None else text
        table = doc.to_array([IDX, LENGTH, SENT_START, POS]).reshape(len(doc), 4).tolist()
        words = [text[start : start + length] for start, length, _, _ in table]
        sent_end = [row[2] == 1 for row in table[1:]] + [True] if table else []
        found = DocWords(text, [row[0] for row in table] + [len(text)], words, sent_end,
                         [row[3] == PROPN for row in table])
        _DOC_WORDS[doc] = found
    return found


def mention_span(doc: Doc, m: Mention) -> Span:
    """The tokens a mention of this Doc covers (what mention_span(doc, m) gives),
    found by bisection in the Doc's token starts: rules ask for it some 130 times per Doc, and each char_span call
    walks the tokens again."""
    starts = doc_words(doc).starts
    return doc[bisect.bisect_right(starts, m.start, 0, len(starts) - 1) - 1 : bisect.bisect_left(starts, m.end, 0,
                                                                                                len(starts) - 1)]


@lru_cache(maxsize=1)
def type_map() -> dict[str, str | None]:
    return lexicon.load_json("types.json")["map"]


def kg_type(label: str) -> str | None:
    """The node type for a spaCy label, or None when such spans are not nodes."""
    return type_map().get(label)


@lru_cache(maxsize=1)
def _title_last_words() -> frozenset[str]:
    """The last word of every title head phrase ('General' of 'Secretary-General' too): a run of words ending in
    another word is no title."""
    return frozenset(w for h in _title_words()[0] for w in {h.split(" ")[-1], re.split(r"[\s-]+", h)[-1]})


@lru_cache(maxsize=1)
def _title_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(head phrases, modifier words, every word of any title) for title matching."""
    heads, mods = lexicon.titles()
    mod_words = frozenset(w for m in mods for w in m.split())
    all_words = frozenset(w for h in heads for w in re.split(r"[\s-]+", h)) | mod_words
    return heads, mod_words, all_words


# Words that join two portfolio modifiers of one title ('Business and Trade Secretary', 'Culture, Media and Sport').
TITLE_JOINERS = frozenset({"and", "&", ","})


def is_title(words: list[str]) -> bool:
    """True when the words are modifiers followed by a title head ('Defense Minister', 'Prime Minister'); two
    modifiers may be joined by 'and', '&' or a comma ('Business and Trade Secretary')."""
    if len(words) > 1 and words[-1] == ".":  # an abbreviation the tokenizer split at a sentence start ('Cpl', '.')
        words = [*words[:-2], words[-2] + "."]
    if not words or words[-1].split(" ")[-1] not in _title_last_words():
        return False  # the quick test: no head phrase ends in the last word
    heads, mods, _ = _title_words()
    for n in (5, 4, 3, 2, 1):  # a hyphenated head is three words or more: 'Secretary', '-', 'General'
        if len(words) >= n and _joined(words[-n:]) in heads:
            before = words[:-n]
            return (all(w in mods or w in TITLE_JOINERS for w in before)
                    and not (before and (before[0] in TITLE_JOINERS or before[-1] in TITLE_JOINERS)))
    return False


def sentence_case_title(words: list[str]) -> bool:
    """A title written in sentence case, a capitalised modifier and lower-case words after it ('Defence minister',
    'Chief executive'): a title once its words are capitalised, when its last word is a head of titles.json
    sentence_case_heads ('Navy chief', 'Senate president', 'Labor leader' name an organisation's role)."""
    return (len(words) > 1 and words[0][:1].isupper() and all(w.islower() for w in words[1:])
            and words[-1] in lexicon.words("titles.json", "sentence_case_heads")
            and is_title([words[0], *(w.capitalize() for w in words[1:])]))


def street_opening(name: str) -> str:
    """'Place de' of 'Place de la Concertation': a street or square word and a particle opening a name of three words
    or more (feature_names.json street_openers), else ''."""
    words = name.split()
    if len(words) < 3 or words[0] not in lexicon.words("feature_names.json", "street_openers", "words") \
            or words[1] not in lexicon.words("feature_names.json", "street_openers", "particles"):
        return ""
    return f"{words[0]} {words[1]}"


def _joined(words: list[str]) -> str:
    """Words as one phrase, a hyphen between two words closed up ('Secretary - General' → 'Secretary-General')."""
    return " ".join(words).replace(" - ", "-")


def title_before(span: Span) -> str:
    """The title written just before the span ('U.S. President Donald Trump' → 'President')."""
    table = doc_words(span.doc)
    best = ""
    for n in range(1, 5):
        start = span.start - n
        if start < 0 or table.sent_end[start]:
            break
        words = table.words[start : span.start]
        if is_title(words) or sentence_case_title(words):
            best = _joined(words)
    return best or office_before(span)


def office_object(doc: Doc, i: int) -> bool:
    """Token i opens what an office is of: '<Title> of [the]' right before it ('Chancellor of the' + 'Exchequer')."""
    k = i - 1 if i > 0 and doc[i - 1].lower_ == "the" else i
    return k >= 2 and doc[k - 1].lower_ == "of" and is_title([doc[k - 2].text])


def office_between(span: Span) -> bool:
    """A one-word ORG span that is what an office is of, right before a person's name ('Chancellor of the Exchequer
    Rachel Reeves'): part of the title, no organisation of its own."""
    doc = span.doc
    return (len(span) == 1 and span.label_ == "ORG" and office_object(doc, span.start) and span.end < len(doc)
            and doc[span.end].ent_type_ in {"PERSON", "PER"} and doc[span.end].ent_iob_ == "B")


def office_before_name(span: Span) -> bool:
    """An ORG span that opens with a title and 'of' or 'for', then at most two capitalised words outside it, then a
    person's name ('Minister of Economic' + 'Affairs Sakari Tikkanen'): an office the model cut, no organisation."""
    doc = span.doc
    if span.label_ != "ORG" or len(span) < 3 or span[1].lower_ not in {"of", "for"} or not is_title([span[0].text]):
        return False
    end = span.end
    while end < len(doc) and end - span.end < 2 and doc[end].ent_iob_ == "O" and doc[end].is_title:
        end += 1
    return (end < len(doc) and doc[end].ent_type_ in {"PERSON", "PER"} and doc[end].ent_iob_ == "B") or \
        _title_then_person(doc, span.end)


def _title_then_person(doc: Doc, i: int) -> bool:
    """A title of up to four unlabelled tokens from token i, then a person's name ('Lt. Gen.' + 'Rajiv Ghai', which
    the tokenizer may split 'Lt' '.' 'Gen.'): what 'Director General of Military Operations' stands before."""
    for k in range(i + 1, min(i + 5, len(doc))):
        if doc[k].ent_iob_ == "B" and doc[k].ent_type_ in {"PERSON", "PER"}:
            return is_title(doc[i:k].text.split())
        if doc[k].ent_iob_ != "O":
            return False
    return False


def office_before(span: Span) -> str:
    """An office written '<Title> of [the] <Capitalised words>' just before the span ('Chancellor of the Exchequer
    Rachel Reeves' → 'Chancellor of the Exchequer', 'Secretary of State Marco Rubio', 'Minister of Commerce and
    Industry'), else ''."""
    doc, k = span.doc, span.start
    while k > 0 and span.start - k < 5 and not doc[k - 1].is_sent_start and (
            (doc[k - 1].is_title and doc[k - 1].is_alpha) or (doc[k - 1].lower_ in TITLE_JOINERS and k < span.start)):
        k -= 1
    while k < span.start and not doc[k].is_title:
        k += 1  # 'and' opens no office's object
    if k == span.start:
        return ""
    if not office_object(doc, k):
        return ""
    j = k - 1 if doc[k - 1].lower_ == "the" else k
    return doc[j - 2 : span.start].text


def leading_title(tokens: list[Token]) -> int:
    """How many leading tokens of the span are a title, leaving at least one capitalised word."""
    for n in range(min(4, len(tokens) - 1), 0, -1):
        if is_title([t.text for t in tokens[:n]]) and tokens[n].text[:1].isupper():
            return n
    return 0


def _split_abbreviation(tok: Token, words: frozenset[str]) -> bool:
    """'Cpl' before a '.' token: a title abbreviation ('Cpl.') the tokenizer split off its full stop."""
    return tok.i + 1 < len(tok.doc) and tok.nbor().text == "." and tok.text + "." in words


def only_title_part(span: Span) -> bool:
    """'Defense' in 'Defense Minister Tomomi Inada': every word is a title word and the title continues after it."""
    _, _, words = _title_words()
    doc = span.doc
    if not all(t.text in words or _split_abbreviation(t, words)
               or (t.text in TITLE_JOINERS and 0 < t.i - span.start < len(span) - 1) for t in span):
        return False
    following = [t.text for t in doc[span.start : min(len(doc), span.end + 3)]]
    longer = any(is_title(following[:n]) or sentence_case_title(following[:n])
                 for n in range(len(span) + 1, len(following) + 1))
    return longer or is_title(following[: len(span)]) or _title_head_of_before(span)


def country_then_title(span: Span) -> int | None:
    """End of the country in an ORG span that is a country and a title ('the U.S. Consul General in Chennai, Chris
    Hodges', 'the French Defence Minister'): an office, no organisation; the country stays a place. Else None."""
    start = span.start + (span[0].lower_ == "the")
    for cut in range(start + 1, min(start + 4, span.end)):
        if lexicon.countries().any(span.doc[start:cut].text) is not None:
            return cut if is_title([t.text for t in span.doc[cut : span.end]]) else None
    return None


def space_vehicle(span: Span) -> bool:
    """'the Starliner capsule', 'the Chang'e 6 probe': a name before a spacecraft noun (types.json
    space_vehicle_nouns), a number between allowed, names a craft kg has no node type for."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].like_num:
        i += 1
    after = doc_words(doc).words[i : i + 2]
    nouns = lexicon.words("types.json", "space_vehicle_nouns", "words")
    return bool(after) and (after[0].lower() in nouns or " ".join(after).lower() in nouns)


def numbered_spacecraft(span: Span) -> bool:
    """'France's CSO-3 military observation satellite' GPE: a name holding a digit before up to three lower-case
    nouns or adjectives and a noun of types.json space_vehicle_nouns numbered names a craft kg has no node type for."""
    if not any(ch.isdigit() for ch in span.text):
        return False
    nouns = lexicon.words("types.json", "space_vehicle_nouns", "numbered")
    for tok in span.doc[span.end : span.end + 4]:
        if tok.lower_ in nouns:
            return True
        if not (tok.is_lower and tok.is_alpha and tok.pos_ in {"ADJ", "NOUN"}):
            return False  # 'the G-7 ministers discussed satellite imagery'
    return False


def initial_then_title(span: Span) -> bool:
    """'X. Defence' in 'Modi wrote on X. Defence Minister Rajnath Singh': a lone capital and full stop (a sentence's
    last word, read as an initial) before the first words of a title is no name."""
    return len(span) >= 2 and len(span[0].text) == 2 and span[0].text[0].isupper() and span[0].text[1] == "." \
        and only_title_part(span[1:])


def _title_head_of_before(span: Span) -> bool:
    """'State' in 'Secretary of State Antony Blinken': a title head and 'of' (or 'of the') right before the span, and
    a name right after it."""
    doc, start = span.doc, span.start
    k = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    if k < 2 or doc[k - 1].lower_ != "of" or not is_title([doc[k - 2].text]):
        return False
    return span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN"


def near_text(span: Span, before: int = 0, after: int = 0) -> str:
    """Lower-cased document text of up to `before` tokens before or `after` tokens after the span, within its
    paragraph: a headline's last word is no context of the dateline under it ('sends destroyer' / 'DUBAI')."""
    table = doc_words(span.doc)
    if before:
        chunk = table.text[table.starts[max(0, span.start - before)] : table.starts[span.start]]
        return (PARAGRAPH_BREAK.split(chunk)[-1] if "\n" in chunk else chunk).lower().strip()
    end = min(len(span.doc), span.end + after)
    if end <= span.end:
        return ""
    chunk = table.text[table.starts[span.end] : table.starts[end]]
    return (PARAGRAPH_BREAK.split(chunk)[0] if "\n" in chunk else chunk).lower().strip()


PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def text_after(span: Span, chars: int) -> str:
    """The document text right after the span, at most `chars` characters."""
    return doc_words(span.doc).text[span.end_char : span.end_char + chars]


@lru_cache(maxsize=1)
def _ship_noun_patterns() -> tuple[tuple[str, re.Pattern, re.Pattern], ...]:
    """(noun, 'ends the text before', 'starts the text after') for each ship noun, compiled once: a few
    hundred patterns overflow the re module's own cache when built per mention."""
    _, nouns = lexicon.ships()
    return tuple((noun, re.compile(rf"(?:^|\s){re.escape(noun)}$"), re.compile(rf"^{re.escape(noun)}(?:$|[\s,.;:)])"))
                 for noun in nouns)


@lru_cache(maxsize=1)
def _any_ship_noun() -> tuple[re.Pattern, re.Pattern]:
    """One alternation of every ship noun (before, after): a quick test before trying the nouns one by one."""
    words = _ship_noun_alternation()
    return re.compile(rf"(?:^|\s)(?:{words})$"), re.compile(rf"^(?:{words})(?:$|[\s,.;:)])")


@lru_cache(maxsize=1)
def _ship_noun_alternation() -> str:
    """Every ship noun, escaped and joined by '|', for the regular expressions that look for one."""
    _, nouns = lexicon.ships()
    return "|".join(re.escape(n) for n in nouns)


@lru_cache(maxsize=1)
def _ship_apposition() -> re.Pattern:
    words = _ship_noun_alternation()
    return re.compile(rf"^\s*,\s*(?:a|an|the)\s+(?:[^,;:()]{{0,50}}\s)?(?P<noun>{words})(?:$|[\s,.;:)])")


def _ship_noun_heads_apposition(span: Span, noun_end: int) -> bool:
    """False when the ship noun ending `noun_end` characters after the span only modifies or follows another noun
    ('X, the former head of the submarine program', 'X, the commander of the destroyer'): the apposition then
    names a person or a thing, not the ship."""
    end_char = span.end_char + noun_end
    for tok in span.doc[span.end : min(len(span.doc), span.end + 16)]:
        if tok.idx < end_char <= tok.idx + len(tok):
            if tok.dep_ == "compound":
                return False
            return not (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ == "NOUN"
                        and tok.head.head.lemma_.lower() not in _ship_nouns_words())
    return True


@lru_cache(maxsize=1)
def _ship_nouns_words() -> frozenset[str]:
    """Every single word of the ship nouns ('ship', 'carrier', 'vessel'): a head noun that is itself a ship."""
    _, nouns = lexicon.ships()
    return frozenset(word for noun in nouns for word in noun.split())


def ship_cue(span: Span) -> str:
    """Why the span names a ship ('helicopter carrier Izumo', 'the Sazanami destroyer', 'X, a supply ship'), or ''."""
    before = near_text(span, before=4)
    after = near_text(span, after=3)
    if after.split(" ", 1)[0] in lexicon.words("ships.json", "not_ship_after", "words"):
        return ""  # 'the new flagship H3 rocket': the noun after the name says what it is
    any_before, any_after = _any_ship_noun()
    nouns = _ship_noun_patterns() if any_before.search(before) or any_after.match(after) else ()
    for noun, ends_before, starts_after in nouns:
        if ends_before.search(before):
            return f"ship noun before: {noun!r}"
        if starts_after.match(after) and ship_noun_after_names(span, noun):
            return f"ship noun after: {noun!r}"
    apposition = _ship_apposition().match(text_after(span, 80).lower())
    if apposition and not _after_place_word(span) and _ship_noun_heads_apposition(span, apposition.end("noun")):
        return "apposition names a ship"
    if _flagged_before().search(before):
        return "flag state before: '-flagged'"  # 'the Belize-flagged Rubymar'
    if _ships_such_as().search(near_text(span, before=5)):
        return "named in a list of ships"  # 'tankers such as the Eventin'
    if _ships_the_before().search(before) and re.match(r"\s*(?:,|and\b)", text_after(span, 5)):
        return PLURAL_SHIPS_CUE  # 'the frigates Hydra and Kimon'
    if text_after(span, 2).lstrip().startswith(",") and _ship_apposed_before().search(near_text(span, before=8)):
        return "names the ship written just before it"
    if (listed := _ships_apposed_before().search(near_text(span, before=8))) and (
            listed.group("the") or span[0].lower_ == "the") and re.match(r"\s*(?:,|\.|and\b|$)", text_after(span, 5)):
        return "names one of the ships written just before it"
    if part := _ship_part_before().search(before):
        return f"a ship's part before: {part.group('part').lower()!r}"
    return ""


# Prepositions of place that, right before a name with no 'the', make it a place ('In Kaohsiung, a cargo ship, ...');
# ships are written with 'the' ('parallel to the Richard E. Byrd, a supply ship').
PLACE_BEFORE_NAME = frozenset({"in", "at", "near", "outside", "inside"})


def _after_place_word(span: Span) -> bool:
    """'In Kaohsiung, a cargo ship, ...': a name right after a place preposition is where, not the ship."""
    words = doc_words(span.doc).words
    return span.start > 0 and words[span.start - 1].lower() in PLACE_BEFORE_NAME


@lru_cache(maxsize=1)
def _flagged_before() -> re.Pattern:
    """'the Liberian-flagged', 'a Panama-flagged': a flag state written right before a name (a ship's registry)."""
    return re.compile(r"(?:^|\s)(?:the|a|an)\s+[\w.]+\s*-\s*flagged$")


@lru_cache(maxsize=1)
def _ships_such_as() -> re.Pattern:
    """'tankers such as the', 'warships, including': a plural ship noun, then a list of examples begins."""
    words = _ship_noun_alternation()
    return re.compile(rf"(?:^|\s)(?:{words})s,? (?:such as|including|like)(?: the)?$")


PLURAL_SHIPS_CUE = "first of the ships a plural ship noun names"


@lru_cache(maxsize=1)
def _ships_the_before() -> re.Pattern:
    """'the frigates', 'the Greek navy destroyers': 'the', up to two words, a plural ship noun right before a name;
    the caller asks for a list after it ('the frigates Hydra and Kimon')."""
    words = _ship_noun_alternation()
    return re.compile(rf"(?:^|\s)the\s+(?:[\w-]+\s+){{0,2}}(?:{words})(?:s|es)$")


@lru_cache(maxsize=1)
def _ship_apposed_before() -> re.Pattern:
    """'a cargo ship, the Fu Shun, sank', 'its first submarine, the Hai Kun, lags', 'the first ship, the Polar
    Sentinel, slipped': a ship noun phrase opened by 'a', a possessive or 'the' and an ordinal (ships.json
    ordinal_openers), a comma, then the name (with or without 'the'), which a comma closes ('rammed a supply ship,
    Manila said' names no ship)."""
    words = _ship_noun_alternation()
    ordinals = "|".join(sorted(lexicon.words("ships.json", "ordinal_openers", "words")))
    return re.compile(rf"(?:^|\s)(?:a|an|its|their|[\w.-]+['’]s|the\s+(?:{ordinals}))\s+(?:[\w-]+\s+){{0,3}}"
                      rf"(?:{words})\s*,\s*(?:the\s*)?$")


@lru_cache(maxsize=1)
def _ships_apposed_before() -> re.Pattern:
    """'two Type 052D destroyers, the Jinan', 'its indigenous submarines, the Hai Kun': a plural ship noun phrase opened
    by a number, 'its', 'their' or a possessive, a comma, then the name; the caller asks for 'the' before it
    ('two destroyers, Kyodo reported' names no ship)."""
    words = _ship_noun_alternation()
    numbers = "|".join(sorted(lexicon.words("ships.json", "counted_openers", "words")))
    return re.compile(rf"(?:^|\s)(?:{numbers}|\d+|its|their|[\w.-]+['’]s)\s+(?:[\w-]+\s+){{0,3}}(?:{words})(?:s|es)"
                      rf"\s*,\s*(?P<the>the\s*)?$", re.I)


@lru_cache(maxsize=1)
def _ship_part_before() -> re.Pattern:
    """'the ski-jump decks of the': a part of a ship (ships.json ship_parts), 'of the', then the name."""
    words = "|".join(re.escape(w) for w in lexicon.words("ships.json", "ship_parts", "words"))
    return re.compile(rf"(?:^|\s)(?P<part>{words}) of the$", re.I)


def ship_noun_after_names(span: Span, noun: str) -> bool:
    """'the Sazanami destroyer' names a ship; 'a U.S. Navy supply ship' and 'the Navy carrier Izumo' do not:
    the span must follow 'the' (or a hull prefix), must not end in an organisation word, and the ship
    noun must not be followed by a name of its own."""
    doc = span.doc
    first = span[0].lower_ == "the" or (span.start > 0 and doc[span.start - 1].lower_ == "the")
    prefixes, _ = lexicon.ships()
    if not first and span[0].text not in prefixes:
        return False
    heads = {h.lower() for h in lexicon.rules()["org_heads"]}
    if span[-1].lower_ in heads:
        return False
    nxt = span.end + len(noun.replace("-", " - ").split())
    return nxt >= len(doc) or not doc[nxt].text[:1].isupper()


def kind_noun_before(span: Span) -> tuple[str, str] | None:
    """(type, noun) when a lower-case noun that says what the name is stands right before it: a person's role
    ('the actress Rashida Jones') or a kind of company ('German company Ernst Russ'), or before a comma and a name
    the model read as a place in apposition to it ("Brazil's foreign ministry, Itamaraty,"); kg/data/types.json
    kind_nouns. None otherwise, and for a name with a country's name or demonym."""
    if span.start == 0:
        return None
    prev = span.doc[span.start - 1]
    if prev.text == "," and span.label_ == "GPE" and span.start > 1 and span.root.dep_ == "appos" and \
            span.root.head.i == span.start - 2:
        prev = span.doc[span.start - 2]  # "Brazil's foreign ministry, Itamaraty," GPE: the name in apposition
    if not prev.is_lower or prev.pos_ != "NOUN":
        return None
    for kind, nouns in _kind_nouns().items():
        if prev.text in nouns:
            return (kind, prev.text) if lexicon.countries().any(span.text) is None else None
    return None


@lru_cache(maxsize=1)
def _kind_nouns() -> dict[str, frozenset[str]]:
    table = lexicon.load_json("types.json")["kind_nouns"]
    return {kind: frozenset(words) for kind, words in table.items() if kind != "comment"}


def _org_noun_after(span: Span) -> str:
    """The noun of a kind of organisation (types.json org_nouns_after) that a name of two words or more modifies,
    'the' or 'a' opening its phrase ('the center-right Chile Vamos alliance'); '' when the name opens with a given
    name ('the Bernie Sanders movement') or for another noun."""
    noun = span.root.head
    if len(span) < 2 or span.root.dep_ != "compound" or noun.i != span.end or noun.lower_ not in lexicon.words(
            "types.json", "org_nouns_after", "words") or span[0].text in lexicon.words("given_names.json", "names"):
        return ""
    return noun.lower_ if any(c.dep_ == "det" and c.lower_ in {"the", "a", "an"} for c in noun.lefts) else ""


def _after_the(span: Span) -> bool:
    """The span opens with 'the' or follows it ('the Adre crossing'): a thing's name, not a person's."""
    return span[0].lower_ == "the" or (span.start > 0 and span.doc[span.start - 1].lower_ == "the")


def _maker_before(span: Span, name: str) -> str:
    """'made by' or the like right before a GPE name that is no country or capital ('routers made by Ubiquiti'): the
    name is a company's; '' otherwise ('goods made by China' keeps its country)."""
    before = near_text(span, before=2)
    if before not in lexicon.words("types.json", "company_cues", "made_by"):
        return ""
    table = lexicon.countries()
    return "" if table.any_or_capital(name) is not None else before


def _place_apposition(span: Span) -> str:
    """'city' of 'Rawalpindi, the garrison city that houses ...': the kind of settlement or region an apposition right
    after the name calls it (types.json name_edges place_kind_words), else ''."""
    match = _place_apposition_pattern().match(text_after(span, 60))
    return match.group(1) if match else ""


@lru_cache(maxsize=1)
def _place_apposition_pattern() -> re.Pattern:
    words = "|".join(re.escape(w) for w in sorted(lexicon.words("types.json", "name_edges", "place_kind_words")
                                                  | {"capital"}))  # 'Birnin Kebbi, the state capital
    return re.compile(rf"^\s*,\s*(?:the|a|an)\s+(?:[a-z][\w-]*\s+){{0,2}}({words})"
                      r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|where|of|in|on|near|north|south|east|west)\b)")


def _codename_of(span: Span) -> tuple[str, str] | None:
    """(type, noun) for a name right after 'codenamed', 'code-named' or 'dubbed' (types.json codenames), typed by
    the noun before that word ('the test, codenamed X' EVENT, 'a drone dubbed X' AIRCRAFT); else None."""
    doc, i = span.doc, span.start - 1
    if i < 1:
        return None
    if doc[i].lower_ == "named" and i >= 3 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "code":
        i -= 2  # 'code-named' in three tokens
    elif doc[i].lower_ not in lexicon.words("types.json", "codenames", "verbs"):
        return None
    j = i - 1 if doc[i - 1].text != "," else i - 2
    if j < 0 or doc[j].pos_ != "NOUN":
        return None
    noun = doc[j].lower_
    kind = "EVENT" if noun in lexicon.words("types.json", "codenames", "event_nouns") else \
        _context_types()["after"].get(noun, "")
    return (kind, noun) if kind else None


def _weapon_system_after(span: Span) -> str:
    """'air defence system' after 'the Skyranger': lower-case nouns and adjectives, one of them a weapon modifier,
    then 'system(s)' (types.json weapon_systems); else ''. Not across a preposition ('provide Pyongyang with air
    defence systems')."""
    heads, modifiers = (lexicon.words("types.json", "weapon_systems", k) for k in ("heads", "modifiers"))
    tokens = span.doc[span.end : span.end + 6]
    for n in range(1, len(tokens)):
        if tokens[n].lower_ in heads:
            between = tokens[:n]
            if all(t.is_lower and (t.pos_ in {"NOUN", "ADJ"} or t.text == "-") for t in between) and \
                    not modifiers.isdisjoint(t.lower_ for t in between):
                return span.doc[span.end : span.end + n + 1].text.lower()
            return ""
    return ""


def _owned_by_pronoun(span: Span) -> bool:
    """A possessive pronoun right before the name ('its Ababeel missile', 'their Shahed drones')."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in {"its", "their", "his", "her", "our"}


def _owned_arms_kind(span: Span, name: str) -> tuple[str, str] | None:
    """(type, noun) when a name of one or two words the model read as a place stands after a possessive pronoun and
    before a weapons or aircraft noun (types.json context_types after), lower-case nouns between ('its Sea Baby
    surface drones', 'their Magura drones'); not a place of kg's tables nor a name ending in a place head ('its Black
    Sea drones' is where they fly), nor when that noun modifies another ('its Magura drone attack')."""
    if len(span) > 2 or not _owned_by_pronoun(span) or span[-1].text in lexicon.rules()["place_heads"]:
        return None
    head = span.root.head
    while head.dep_ == "compound" and head.is_lower and head.i < head.head.i <= span.end + 2:
        head = head.head  # 'surface' of 'surface drones'
    kind = _context_types()["after"].get(head.lower_, "")
    if kind not in {"WEAPON", "AIRCRAFT"} or head.dep_ == "compound" or lexicon.table_place(name):
        return None
    if span.root.dep_ not in {"compound", "nmod", "amod"} or not all(t.is_lower for t in span.doc[span.end : head.i]):
        return None
    return kind, head.lower_


def _arms_noun_after(span: Span) -> tuple[str, str] | None:
    """(type, noun) when a name is the model name of the weapons or aircraft noun it modifies, up to two
    lower-case words between, hyphens not counted ('Poseidon nuclear torpedoes', 'Javelin anti-tank missiles';
    types.json context_types after); not when that noun itself modifies another ('a Putin missile attack')."""
    head = span.root.head
    between = [t for t in span.doc[span.end : head.i] if t.text != "-"]  # 'anti' '-' 'tank': two words
    if head.i < span.end or len(between) > 2 or head.dep_ == "compound" or head.pos_ != "NOUN" \
            or span.root.dep_ not in {"compound", "nmod", "amod"}:
        return None
    kind = _context_types()["after"].get(head.lower_, "")
    if kind not in {"WEAPON", "AIRCRAFT"} or not all(t.is_lower for t in between):
        return None
    return kind, head.lower_


def _arms_made_by(span: Span) -> tuple[str, str] | None:
    """(type, noun) when a one-word name ('Meteor', 'IRIS-T') stands before a weapons or aircraft noun, lower-case
    words and hyphens between, and a participle with 'by' names that noun's maker right after it ('the Meteor
    beyond-visual-range missile made by MBDA'; types.json arms_made_by): the name is the model, not its maker.
    ('a Raytheon missile made by its engineers' names no other maker: Raytheon stays.)"""
    doc, spec = span.doc, lexicon.load_json("types.json")["arms_made_by"]
    if " " in span.text or span.end >= len(doc) or not (doc[span.end].is_lower or doc[span.end].text == "-"):
        return None
    after = _context_types()["after"]
    for i in range(span.end, min(span.end + spec["max_between"] + 1, len(doc) - 2)):
        word = doc[i]
        if (kind := after.get(word.lower_, "")) in {"WEAPON", "AIRCRAFT"} and word.is_lower:
            made = doc[i + 1].lower_ in spec["words"] and doc[i + 2].lower_ == "by" \
                and any(t.ent_type_ and not t.is_lower for t in doc[i + 3 : i + 7])  # a named maker
            return (kind, word.lower_) if made else None
        if not (word.is_lower or word.text == "-"):
            return None
    return None


def _head_of_person_after(span: Span) -> str:
    """'chief' of 'Shin Bet chief Ronen Bar': a word of whoever heads an organisation (types.json name_edges
    org_head_words) between the name and a person's name, else ''. ('Trump adviser Jane Roe' has no such word.)"""
    doc, k = span.doc, span.end
    if k + 1 >= len(doc) or doc[k].lower_ not in lexicon.words("types.json", "name_edges", "org_head_words"):
        return ""
    nxt = doc[k + 1]
    return doc[k].lower_ if nxt.ent_iob_ == "B" and nxt.ent_type_ in {"PERSON", "PER"} else ""


def line_after(span: Span) -> str:
    """The pipeline or cable word written after a name, up to two modifiers between ('the Balticconnector gas
    pipeline', 'the Estlink 2 power cable'; types.json name_edges line_words), else ''. Not after 'a' or 'an', nor
    after an organisation's name, where the name is the line's owner ('a Pacific Gas and Electric pipeline')."""
    table = lexicon.load_json("types.json")["name_edges"]
    doc, k = span.doc, span.end
    if (span.start > 0 and doc[span.start - 1].lower_ in {"a", "an"}) or (
            span.label_ == "ORG" and any(w.lower_ in _org_words() for w in span)):
        return ""
    while k < len(doc) and k - span.end < 2 and doc[k].lower_ in table["line_modifiers"]:
        k += 1
    return doc[k].lower_ if k < len(doc) and doc[k].lower_ in table["line_words"] else ""


def _destination_of(span: Span) -> str:
    """The lemma of a verb of travel whose destination the span is ('sailed to Kota Kinabalu', 'flew into X'; a
    letter is sent to a person, so 'send' is none), else ''."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"to", "into", "toward", "towards"} or prep.head.pos_ != "VERB":
        return ""
    lemma = prep.head.lemma_
    return lemma if lemma in DESTINATION_VERBS else ""


def _name_before_base(span: Span) -> Span:
    """The name of a match of the lower-case base pattern without its base words ('HMAS Stirling' of 'HMAS Stirling
    naval base'; kg/data/entity_patterns.jsonl base-lowercase)."""
    end = span.end - 1
    if span[-1].lower_ in {"base", "station"} and span[-2].lower_ in {"air", "naval", "army", "military"}:
        end -= 1
    return span.doc[span.start : end]


def _base_owner(span: Span) -> tuple[Span, str, str] | None:
    """(name, type, cue) when a match of the lower-case base pattern is not a base of that name: a name with a hull
    prefix is the base's own ('HMAS Stirling naval base' → the FACILITY 'HMAS Stirling'), a country or capital
    before the base words is a place ('a U.S. air base' → the GPE 'U.S.'); else None."""
    own = _name_before_base(span)
    if own[0].text in lexicon.ships()[0]:
        return own, "FACILITY", "a base word after a name with a hull prefix"
    table = lexicon.countries()
    place = table.any_or_capital(own.text)
    return (own, place.type, "a country or capital before a base word") if place else None


def _base_after(span: Span) -> str:
    """'naval base' of 'HMAS Stirling naval base': navies name shore bases like ships ('HMAS', 'HMS', 'INS'), and a
    base word after the name, or an apposition 'the (navy) base', says which it is; else ''."""
    doc, k = span.doc, span.end
    if k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in {"the", "a"}:  # 'HMAS Stirling, the navy base'
        k += 2 + (doc[k + 2].lower_ in {"navy", "naval", "air", "army", "military", "submarine"})
        return "base" if k < len(doc) and doc[k].lower_ == "base" else ""
    words = [t.lower_ for t in doc[k : k + 2]]
    n = 1 if words[:1] == ["base"] else 2 if words in (["naval", "base"], ["air", "station"]) else 0
    if not n or (k + n < len(doc) and doc[k + n].pos_ in {"NOUN", "PROPN"}):
        return ""  # 'the HMS Richmond base crew': the base word is no head
    return " ".join(words[:n])


def _compound_after(span: Span) -> bool:
    """The word after the span is the first of a hyphenated compound ('Smith field-tested the rifle')."""
    doc, k = span.doc, span.end
    return k + 1 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-"


def _site_after(span: Span) -> str:
    """'fuel depot' of 'the Kilo 17 fuel depot': one word of what a site holds (types.json name_edges
    facility_modifiers), then a site word (facility_kind_words, facility_modified_kinds); '' otherwise."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ not in lexicon.words("types.json", "name_edges",
                                                                             "facility_modifiers"):
        return ""
    site = doc[span.end + 1].lower_
    kinds = lexicon.words("types.json", "name_edges", "facility_kind_words") | lexicon.words(
        "types.json", "name_edges", "facility_modified_kinds")
    return f"{doc[span.end].lower_} {site}" if site in kinds else ""


def _listed_after_site(span: Span) -> str:
    """'temples' of 'ancient temples, including Ta Muen Thom and Preah Vihear': the plural building or site noun
    (types.json name_edges worship_kind_words, facility_kind_words) whose examples, after 'including' or 'such as',
    the name is one of; '' otherwise."""
    if span[-1].text in lexicon.words("types.json", "business_words", "words") or span[-1].text in lexicon.words(
            "types.json", "legal_forms", "words"):
        return ""  # 'shipyards, including Irving Shipbuilding': a company's name, not the yard's
    first = span.root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.lower_ not in {"including", "as", "like"} or prep.dep_ != "prep":
        return ""
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return ""
    edges = ("types.json", "name_edges")
    lemma = noun.lemma_.lower()
    return noun.lower_ if lemma in lexicon.words(*edges, "worship_kind_words") or lemma in lexicon.words(
        *edges, "facility_kind_words") else ""


def _word_after(span: Span) -> str:
    """The text of the token right after the span, '' at the end of the Doc."""
    return span.doc[span.end].text if span.end < len(span.doc) else ""


def office_in_apposition(span: Span, name: str) -> str:
    """The lower-case office written just before the span and a comma ('South Africa's foreign minister, Naledi
    Pandor, ...'), when the span looks like a person's name (two or three capitalised words, no organisation word,
    no country); else ''."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return ""
    if lexicon.countries().any(name) is not None or any(w.lower() in _org_words() for w in words):
        return ""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and not (nxt.is_punct or nxt.pos_ in {"VERB", "AUX"}):
        return ""  # 'the president, Pacific Islands Forum chair': the name goes on as a noun phrase
    table = doc_words(span.doc)
    before = table.text[table.starts[max(0, span.start - 4)] : table.starts[span.start]].strip()
    match = _office_comma().search(before)  # written in lower case: 'Best Director, Best Actress' is no office
    return match.group(1) if match else ""


def office_after_comma(span: Span, name: str) -> str:
    """The lower-case office written after the span's comma and before 'of' or 'at' ('Moussa Faki Mahamat,
    chairperson of the AU Commission'), when the span looks like a person's name (as office_in_apposition); else ''."""
    doc = span.doc
    if span.end + 3 >= len(doc) or doc[span.end].text != "," or not doc[span.end + 1].is_lower:
        return ""  # cheap pre-test: a comma and a lower-case word after the name
    if span[0].lower_ == "the" or (span.start > 0 and doc[span.start - 1].lower_ == "the"):
        return ""  # 'the Sovereign Council, spokesman of ...': a person's name takes no article
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return ""
    if lexicon.countries().any(name) is not None or any(w.lower() in _org_words() for w in words):
        return ""
    table = doc_words(doc)
    after = table.text[table.starts[span.end] : table.starts[min(span.end + 6, len(doc))]]
    match = _comma_office().match(after)
    return match.group(1) if match else ""


@lru_cache(maxsize=1)
def _comma_office() -> re.Pattern:
    heads = sorted({h.lower() for h in lexicon.titles()[0] if h.replace(" ", "").replace("-", "").isalpha()},
                   key=len, reverse=True)
    office = "|".join(map(re.escape, heads))
    return re.compile(rf",\s+(?:the\s+)?((?:[a-z]+\s)?(?:{office}))\s+(?:of|at)\s+(?:the\s+)?[A-Z]")


@lru_cache(maxsize=1)
def _office_comma() -> re.Pattern:
    heads = sorted({h.lower() for h in lexicon.titles()[0] if h.replace(" ", "").replace("-", "").isalpha()},
                   key=len, reverse=True)
    return re.compile(rf"(?:^|\s)((?:(?!the\s|a\s|an\s)[a-z]+\s)?(?:{'|'.join(map(re.escape, heads))}))\s*,$")


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset({w.lower() for w in lexicon.rules()["org_heads"]} | set(lexicon.rules()["org_suffixes"]["words"]))


def place_cue(span: Span) -> bool:
    """'waters off X', 'base in X', 'south of X': words before a one-word name that show it is a place."""
    cues = lexicon.rules()["place_cues"]
    doc = span.doc
    prev = [t.lower_ for t in doc[max(0, span.start - 2) : span.start]]
    if prev and prev[-1] in cues["before"]:
        return True
    return len(prev) == 2 and prev in cues["pairs"]


def _region_name(span: Span, name: str) -> bool:
    """The name ends in a region word of types.json region_heads ('Sagaing Region'; 'State' only after a word of
    state_before: 'in northern Shan State', not 'Ohio State beat Michigan') and opens with no organisation's name."""
    last = span[-1].text
    if last not in _region_heads() or name in _acronym_expansions() or _group_opening(name):
        return False
    before = span.doc[span.start - 1].lower_ if span.start else ""
    return last != "State" or before in lexicon.words("types.json", "region_heads", "state_before")


@lru_cache(maxsize=1)
def _region_heads() -> frozenset[str]:
    """Region words as a name's last word: the title-case forms of types.json name_edges region_words and the few
    heads of region_heads that no lower-case region noun spells ('State', 'Territory')."""
    lower = lexicon.words("types.json", "name_edges", "region_words")
    return frozenset(w.title() for w in lower) | lexicon.words("types.json", "region_heads", "words")


def _expansion_from(span: Span) -> Span | None:
    """The span widened over one or two capitalised words after it to the expansion of a common acronym
    (kg/data/acronyms.json: 'Islamic' + 'State'), or None."""
    doc = span.doc
    for end in (span.end + 2, span.end + 1):
        if end <= len(doc) and doc[end - 1].is_title and doc[span.start : end].text in _acronym_expansions():
            return doc[span.start : end]
    return None


def _group_opening(name: str) -> str:
    """The expansion of a common acronym (kg/data/acronyms.json) that opens a name of a province: an armed group's
    branch named for its region ('Islamic State Sahel Province'), not a province; else ''."""
    words = name.split()
    expansions = _acronym_expansions()
    return next((" ".join(words[:n]) for n in range(len(words) - 2, 0, -1) if " ".join(words[:n]) in expansions), "")


@lru_cache(maxsize=1)
def _acronym_expansions() -> frozenset[str]:
    return frozenset(lexicon.acronyms().values())


def _bracketed_acronym_ends_with_tail(span: Span) -> bool:
    """'the High Mobility Artillery Rocket System (HIMARS)': an acronym in brackets after the name spells its
    capitalised last word too, so that word is part of the name, not a noun saying what the name is."""
    doc, i = span.doc, span.end
    if i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")" or not span[-1].is_title:
        return False
    short, first = doc[i + 1].text, next((t for t in span if t.is_title), span[0])
    return short.isupper() and short.isalpha() and short[0] == first.text[0] and short[-1] == span[-1].text[0]


def _in_named_division(span: Span) -> bool:
    """'Chibok in Borno state', 'Papiri, in neighbouring Niger state': a name right before 'in', an adjective
    allowed, and a place the model labelled that a place word (types.json name_edges place_kind_words) follows."""
    doc, i = span.doc, span.end + (span.end < len(span.doc) and span.doc[span.end].text == ",")
    if i + 1 >= len(doc) or doc[i].lower_ != "in":
        return False
    i += 1 + (doc[i + 1].is_lower and doc[i + 1].pos_ == "ADJ")
    if i >= len(doc) or doc[i].ent_iob_ != "B" or doc[i].ent_type_ not in {"GPE", "LOC"}:
        return False
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j < len(doc) and doc[j].lower_ in lexicon.words("types.json", "name_edges", "place_kind_words")


def _place_preposition_of_noun(span: Span) -> bool:
    """'the border fence near Majdal Shams': a preposition of place_cues before that hangs on a noun; after a verb it
    may place a person ('she stood near Smith')."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.lower_ in lexicon.words("resolution.json", "place_cues", "before") and \
        prev.head.pos_ == "NOUN" and prev.head.i < prev.i


def _known_place_after_preposition(span: Span) -> bool:
    """'a spokeswoman in Copenhagen': a preposition of place before a name kg's tables know as a place (a company
    after 'in' stays one: 'a stake in Tesla')."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in lexicon.words("resolution.json", "place_cues", "before_known") and lexicon.table_place(span.text)


def _one_word(span: Span) -> bool:
    """The span is one written word, hyphens inside allowed ('Kiel', 'Ust-Luga')."""
    return not any(t.whitespace_ for t in span[:-1])


def _place_pair_cue(span: Span) -> bool:
    """'port of X', 'city of X', 'coast of X': the two words before the span are a place pair of place_cues."""
    prev = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    return len(prev) == 2 and prev in lexicon.rules()["place_cues"]["pairs"]


def _plural_place_kind_after(span: Span) -> str:
    """'provinces' of 'Sisaket and Surin provinces': 'and', one or two capitalised words, then a plural kind of place
    (types.json name_edges place_kind_words) after the name; else ''."""
    doc, i = span.doc, span.end
    if i + 2 >= len(doc) or doc[i].lower_ != "and" or not doc[i + 1].is_title:
        return ""
    j = i + 2 if not doc[i + 2].is_title else i + 3
    kind = doc[j].lower_ if j < len(doc) else ""
    return kind if kind.endswith("s") and kind in lexicon.words("types.json", "name_edges", "place_kind_words") else ""


def _place_kind_of_before(span: Span) -> str:
    """'provinces' of 'the provinces of Ubon Ratchathani', 'village' of 'the village of Wyryki': a kind of place
    (types.json name_edges place_kind_words) and 'of' right before the name; else ''."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return ""
    kind = doc[span.start - 2].lower_
    return kind if kind in lexicon.words("types.json", "name_edges", "place_kind_words") else ""


def _word_before(span: Span) -> str:
    """The lower-case word right before the span, 'the' passed over ('near the Senkaku Islands' → 'near')."""
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ == "the":
        i -= 1
    return span.doc[i].lower_ if i >= 0 else ""


def after_facility_in(span: Span) -> bool:
    """'Air Base 201 in Agadez', 'the Rooppur plant in Pabna': a name of capitalised words right after a facility
    the model found and 'in' is where the facility stands, a place."""
    doc = span.doc
    return span.start > 1 and doc[span.start - 1].lower_ == "in" and doc[span.start - 2].ent_type_ in {"FAC",
                                                                                                       "FACILITY"} \
        and all(t.text[:1].isupper() for t in span)


def _battle_name(name: str) -> bool:
    """'Battle of Køge Bay', 'Siege of Leningrad': an event head word, 'of', then a name (not 'Battle of Britain
    Memorial', a structure)."""
    words = name.split()
    events = lexicon.words("types.json", "of_names", "heads", "EVENT")
    return (len(words) >= 3 and words[1] == "of" and words[0] in events
            and words[-1] not in lexicon.words("feature_names.json", "structure_heads", "words"))


def is_metonym(span: Span) -> bool:
    """A capital standing for its government: 'talks with Washington', 'the regime in Pyongyang', 'Tokyo rejected'."""
    doc = span.doc
    root = span.root
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end].text if span.end < len(doc) else ""
    if span.text.isupper() or nxt in {"-", "--", "—", "("}:
        return False  # dateline
    if span.end < len(doc) and doc[span.end].text in {"-", "-based"}:
        return False
    if prev is not None and prev.lower_ in {"in", "at", "from", "near", "outside", "around", "of", "into", "across"}:
        gov = lexicon.rules()["government_nouns"]
        return prev.lower_ == "in" and span.start > 1 and doc[span.start - 2].lower_ in gov
    if root.dep_ in {"nsubj", "nsubjpass"}:
        return root.head.lemma_ not in PLACE_VERBS | MOTION_VERBS
    if root.dep_ == "pobj" and root.head.lower_ in {"with", "to", "against", "between"}:
        head = root.head.head
        if head.pos_ in {"NOUN", "PROPN"}:
            nouns = lexicon.rules()["metonym_nouns"]["nouns"]
            return head.lower_ in nouns or head.lemma_.lower() in nouns
        return head.pos_ in {"VERB", "AUX", "ADJ"} and head.lemma_ not in MOTION_VERBS | ROUTE_VERBS
    return False


def _possessive_name(tokens: list[Token]) -> bool:
    """The words are a name whose possessive 's is part of it ('Moody's'; companies.json possessive_names), not a
    longer name ending in one ('Tom Moody's son')."""
    text = "".join(t.text_with_ws for t in tokens).strip().replace("’", "'")
    return len(tokens) > 1 and text in lexicon.words("companies.json", "possessive_names")


def normalise(span: Span) -> tuple[str, str]:
    """(name, title): the span without determiners, trailing possessive, or leading title."""
    tokens = list(span)
    while tokens and (_article(tokens[0], span) or _lower_modifier(tokens, span)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].text in {"'s", "’s", "'", "’"}) and \
            not _possessive_name(tokens):
        tokens = tokens[:-1]
    place_kinds = lexicon.words("types.json", "name_edges", "place_kind_words")
    if len(tokens) > 1 and span.label_ in PLACE_LABELS and tokens[-1].text in place_kinds:
        tokens = tokens[:-1]  # 'Fujian province': the place is named 'Fujian' (the span keeps the word)
    title = ""
    person = bool(tokens) and (span.label_ in {"PERSON", "PER"} or _honorific_name(tokens) or _rank_name(tokens))
    n = leading_title(tokens) if person else 0
    if n:
        title = _words_text(span.doc, tokens[0].i, tokens[n - 1].i + 1)
        tokens = tokens[n:]
    elif n := _portfolio_opening(tokens, span):
        title = _words_text(span.doc, span.start - 2, tokens[n - 1].i + 1)  # 'Commissioner for Defence'
        tokens = tokens[n:]
    if not tokens:
        return span.text, ""
    name = _words_text(span.doc, tokens[0].i, tokens[-1].i + 1)
    if name.endswith(".") and any(ch.isdigit() for ch in tokens[-1].text):
        name = name[:-1]  # 'Thunder-2025A.': the tokenizer left a sentence's full stop on a code
    return name.rstrip("-\u2013\u2014") or name, title  # 'BiLE- the Birmingham Laptop Ensemble': no dash in the name


def _words_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text (start < end), sliced from the Doc's text instead of joined from its tokens."""
    table = doc_words(doc)
    return table.text[table.starts[start] : table.starts[end - 1] + len(table.words[end - 1])]


def _portfolio_opening(tokens: list[Token], span: Span) -> int:
    """How many leading words of the span are the portfolio of an office written before it, a person's name of two
    or three capitalised words after them ('Commissioner for' + 'Defence Andrius Kubilius' read as one ORG): one or
    two title modifiers of kg/data/titles.json, after '<Title> for/of', and 'for' and one capitalised word after them
    ('Defense for Policy'); else 0."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in {"for", "of"} or tokens[0].i != span.start \
            or doc[span.start - 2].text not in lexicon.words("titles.json", "heads"):
        return 0
    modifiers = lexicon.words("titles.json", "modifiers")
    n = 0
    while n < min(2, len(tokens)) and tokens[n].text in modifiers:
        n += 1
    if n and n + 3 < len(tokens) and tokens[n].lower_ == "for" and tokens[n + 1].is_title:
        n += 2  # 'Under Secretary of' + 'Defense for Policy' + 'Elbridge Colby': one word of the portfolio after 'for'
    rest = tokens[n:]
    return n if n and 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in _org_words()
                                                    for t in rest) else 0


def _honorific_name(tokens: list[Token]) -> bool:
    """'Mufti Noor Wali Mehsud' labelled ORG: an honorific of kg/data/titles.json that opens only people's names, then
    two or three capitalised words, none an organisation word."""
    honorifics = lexicon.words("titles.json", "honorifics")
    n = 2 if len(tokens) > 2 and f"{tokens[0].text} {tokens[1].text}" in honorifics else 1
    rest = tokens[n:]
    return ((n == 2 or tokens[0].text in honorifics) and 2 <= len(rest) <= 3
            and all(t.is_title and t.is_alpha and t.lower_ not in _org_words() for t in rest))


def _rank_name(tokens: list[Token]) -> bool:
    """'Field Marshal Asim Munir' labelled ORG: a military rank of two words or more (kg/data/titles.json ranks),
    then one to three capitalised words, none an organisation word."""
    ranks = lexicon.words("titles.json", "ranks")
    doc = tokens[0].doc
    for n in (3, 2):
        rest = tokens[n:]
        if len(tokens) > n and doc[tokens[0].i : tokens[n - 1].i + 1].text in ranks:
            return len(rest) <= 3 and all(t.is_title and t.is_alpha and t.lower_ not in _org_words() for t in rest)
    return False


def _article(tok: Token, span: Span) -> bool:
    """A determiner before the name proper. A capital 'A' written close to the next word or before '&', '/' or '+'
    is an initial ('A & E Television Networks', 'the A-Teens'); a capital 'The' after a lower-case word is part of a
    place's name."""
    if tok.lower_ not in DETERMINERS:
        return False
    if tok.text == "A" and tok.i + 1 < len(tok.doc) and (not tok.whitespace_ or tok.nbor().text in {"&", "/", "+"}):
        return False
    if span.label_ in PLACE_LABELS and tok.text == "THE" and span.text.isupper():
        return False  # 'THE HAGUE --': in a line of capitals, 'THE' is written as the place writes it
    return not (span.label_ in PLACE_LABELS and _capital_the(tok))


def _lower_modifier(tokens: list[Token], span: Span) -> bool:
    """A lower-case adjective the model took into the name ('the second Academy Awards', 'central United States'):
    not a name's particle ('de la Rocha') nor a prefix written with a hyphen ('pro-Noriega')."""
    tok = tokens[0]
    return (len(tokens) > 1 and tok.pos_ == "ADJ" and tok.is_lower and tok.is_alpha and tok.whitespace_ != ""
            and tokens[1].is_title and span.label_ not in {"PERSON", "PER"}) or _lower_kind_noun(tokens, span)


def _lower_kind_noun(tokens: list[Token], span: Span) -> bool:
    """A lower-case common noun the model took into an organisation's name ('chipmaker NXP Semiconductors NV',
    'lender HSBC'): the kind of company, no part of its name. A name written in lower case before its legal form
    alone ('innogy SE') keeps it."""
    tok, nxt = tokens[0], tokens[1] if len(tokens) > 1 else None
    suffixes = lexicon.rules()["company_suffixes"]["words"]
    return (nxt is not None and span.label_ == "ORG" and tok.tag_ in {"NN", "NNS"} and tok.is_lower and tok.is_alpha
            and tok.whitespace_ != "" and (nxt.is_title or nxt.is_upper) and nxt.is_alpha
            and not all(t.lower_.strip(".") in suffixes for t in tokens[1:]))


def _capital_the(tok: Token) -> bool:
    """'The' written with a capital right after a lower-case word is part of a place's name ('in The Hague', 'to The
    Bronx'); after a dash, quote or dateline it only opens the sentence."""
    if tok.text != "The" or tok.is_sent_start or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return before.is_alpha and before.is_lower and not _title_case_sentence(tok)


def _title_case_sentence(tok: Token) -> bool:
    """The sentence is a headline in title case: every word of four letters or more capitalised."""
    return all(t.is_title or not t.is_alpha or len(t) < 4 for t in tok.sent)


def country_parts(span: Span) -> list[tuple[int, int, str]] | None:
    """'U.S.-Japan' → [(start, end, text), ...] per country part; None unless every part names a country."""
    text = span.text
    if "-" not in text or " " in text.strip():
        return None
    parts, pos = [], 0
    for piece in text.split("-"):
        if not piece or lexicon.countries().any(piece) is None:
            return None
        parts.append((span.start_char + pos, span.start_char + pos + len(piece), piece))
        pos += len(piece) + 1
    return parts if len(parts) > 1 else None


def _letter_at_stop(span: Span) -> bool:
    """The span is one capital letter and a full stop that ends its sentence ('posted on X.'): the tokenizer read the
    stop as an initial's."""
    text = span.text
    return len(text) == 2 and text[0].isupper() and text[1] == "." and len(span) == 1 and (
        span.end == span.sent.end or not span.doc[span.end].is_alpha or _opens_sentence(span.doc[span.end]))


def _opens_sentence(token: Token) -> bool:
    """A capitalised personal pronoun ('She', 'They'): after a full stop it opens a sentence, whatever the parser
    made of the stop."""
    return token.pos_ == "PRON" and token.is_title and token.lower_ in {"he", "she", "they", "it", "we", "i"}


def generic_act(span: Span) -> bool:
    """'an Act of War', 'an act of Parliament': after 'a' or 'an', 'Act of ...' is a kind of deed or law, not a law's
    name."""
    return span[0].lower_ == "act" and len(span) > 2 and span[1].lower_ == "of" and span.start > 0 and \
        span.doc[span.start - 1].lower_ in {"a", "an"}


def pronoun_cut(span: Span) -> Span:
    """'X. She' ORG: the model ran a name that ends in a full stop into the pronoun opening the next sentence; the
    name ends at the stop."""
    return span[:-1] if len(span) > 1 and _opens_sentence(span[-1]) and span[-2].text.endswith(".") else span


def mention(span: Span, kind: str, sent: int) -> Mention:
    """One Mention for a span already typed; context corrections applied."""
    name, title = normalise(span)
    label = span.label_
    source = f"ruler:{span.ent_id_}" if span.ent_id_ else "ner"
    m = Mention(start=span.start_char, end=span.end_char, text=span.text, type=kind, sent=sent, name=name,
                title=title or title_before(span), label=label, source=source)
    if _letter_at_stop(span):  # 'Hegseth wrote on X.': the full stop ends the sentence, not the name
        m.end, m.text, m.name = m.end - 1, m.text[:-1], m.name.rstrip(".")
    if span.ent_id_ == "weapon-designator-noun":  # 'PAC-3 MSE missiles': the noun found it, the name is before it
        own = span[: next(i for i, t in enumerate(span) if t.is_lower)]
        m.end, m.text, m.name = own.end_char, own.text, own.text
    table = lexicon.countries()
    if kind in {"ORG", "PERSON", "GPE", "FACILITY", "LOC"} and table.variant(name) is None and \
            not span.ent_id_.startswith(USER_PATTERN):
        cue = ship_cue(span)
        if cue:
            m.type, m.cue = "SHIP", cue
    if m.type == "AIRCRAFT" and span.ent_id_.startswith("aircraft-designator") and (
            noun := _any_ship_noun()[1].match(near_text(span, after=3))) and noun.group(0).strip(" ,.;:)") not in \
            lexicon.words("ships.json", "also_aircraft", "words"):  # 'a KC-135 tanker' stays an aircraft
        m.type, m.cue = "SHIP", f"ship noun after: {noun.group(0).strip(' ,.;:)')!r}"  # 'its MEKO A-200 frigate'
    if span.ent_id_ == "base-lowercase" and (owner := _base_owner(span)):
        own, m.type, m.cue = owner  # the name of the match, without its base words
        m.end, m.text, m.name = own.end_char, own.text, own.text
        m.demonym = table.variant(own.text) is None and table.demonym(own.text) is not None
    elif m.type == "SHIP" and (base := _base_after(span)):
        m.type, m.cue = "FACILITY", f"{base!r} after a name with a hull prefix"  # 'HMAS Stirling naval base'
    elif m.type == "SHIP":
        m.name = lexicon.strip_hull_prefix(m.name)
    elif span.ent_id_.startswith(USER_PATTERN):
        pass  # the user's own pattern (kg build --patterns): its label stands
    elif m.type == "PERSON" and not m.title and (cue := plural_group(name)):
        m.type, m.cue = "ORG", cue  # 'the Houthis' PERSON
    elif m.type == "PERSON" and not m.title and (cue := group_before_plural(span, name)):
        m.type, m.cue = "ORG", cue  # 'Tuareg separatists' PERSON
    elif m.type in {"ORG", "GPE"} and m.title and name[:1].isupper() and table.any(name) is None:
        m.type, m.cue = "PERSON", f"title before: {m.title!r}"
    elif span.ent_id_ == "admin-division" and (group := _group_opening(name)):
        m.type, m.cue = "ORG", f"opens with the organisation {group!r}"  # 'Islamic State Sahel Province'
    elif m.type == "PERSON" and not m.title and len(span) > 1 and _region_name(span, name):
        m.type, m.cue = "GPE", f"region word: {span[-1].text!r}"  # 'northern Shan State' PERSON
    elif m.type == "ORG" and table.by_capital.get(lexicon.key(name)) and table.variant(name) is None:
        m.type, m.cue = "GPE", "a capital of kg's country table"  # 'Canberra will buy', 'visited Nuuk' ORG
    elif m.type in {"PERSON", "ORG"} and len(span) == 1 and not m.title and _in_named_division(span):
        m.type, m.cue = "GPE", "before 'in' and a place written with a place word"  # 'Chibok in Borno state' PERSON
    elif m.type == "PERSON" and not m.title and len(span) <= 3 and _place_preposition_of_noun(span):
        m.type, m.cue = "GPE", f"{span.doc[span.start - 1].text!r} after a noun before the name"  # 'a hospital near X'
    elif (m.type in {"PERSON", "ORG"} or (m.type == "FACILITY" and len(span) == 1)) \
            and (after := _word_after(span)) in lexicon.words("types.json", "name_edges", "place_kind_words") \
            and (span.doc[span.end].pos_ != "VERB" or _after_the(span)):  # 'Smith crossing the road' is no place
        m.type, m.cue = "GPE", f"place word after: {after!r}"  # "Japan's Kumamoto prefecture", 'Kaliningrad exclave'
    elif m.type in {"LOC", "GPE", "FACILITY", "PERSON"} and len(span) > 1 and span[-1].text in lexicon.words(
            "types.json", "numbered_units", "heads") and table.variant(name) is None:
        m.type, m.cue = "ORG", f"unit word: {span[-1].text!r}"  # "Russia's Northern Fleet" LOC
    elif m.type == "GPE" and (maker := _maker_before(span, name)):
        m.type, m.cue = "ORG", f"maker: {maker!r} before"  # 'routers made by Ubiquiti' GPE
    elif m.type in {"PERSON", "ORG"} and len(span) <= (2 if m.type == "PERSON" else 3) and not m.title and (
            kind := _place_apposition(span)):
        m.type, m.cue = "GPE", f"in apposition to a {kind!r}"  # 'Rawalpindi, the garrison city that ...' PERSON
    elif m.type in {"ORG", "GPE", "LOC", "FACILITY", "PERSON"} and len(name.split()) <= 3 and not m.title and \
            table.any(name) is None and (system := _weapon_system_after(span)):
        m.type, m.cue = "WEAPON", f"{system!r} after the name"  # 'the Skyranger air defence system' LOC
    elif not m.title and ((m.type == "PERSON" and len(name.split()) <= 2) or (m.type == "ORG" and len(span) == 1
                                                                        and _owned_by_pronoun(span))) \
            and (kind := _arms_noun_after(span)):  # 'its Ababeel missile' ORG; 'a Raytheon missile' stays the maker
        m.type, m.cue = kind[0], f"{kind[1]!r} after the name"  # 'Poseidon nuclear torpedoes' PERSON
    elif m.type in {"GPE", "LOC"} and not m.title and (kind := _owned_arms_kind(span, name)):
        m.type, m.cue = kind[0], f"{kind[1]!r} after the name, a pronoun before"  # 'its Sea Baby drones' LOC
    elif m.type in {"PERSON", "ORG"} and not m.title and (kind := _arms_made_by(span)):
        m.type, m.cue = kind[0], f"{kind[1]!r} made by another after the name"  # 'the Meteor missile made by MBDA'
    elif m.type == "PERSON" and not m.title and (head := _head_of_person_after(span)):
        m.type, m.cue = "ORG", f"{head!r} and a person after the name"  # 'Shin Bet chief Ronen Bar'
    elif m.type == "PERSON" and not m.title and _after_the(span) and (after := _word_after(span)) in lexicon.words(
            "types.json", "name_edges", "facility_kind_words"):
        m.type, m.cue = "FACILITY", f"facility word after: {after!r}"  # 'the Afipsky refinery' PERSON
    elif m.type == "PERSON" and not m.title and (after := _word_after(span)) in lexicon.words(
            "types.json", "name_edges", "airport_words"):
        m.type, m.cue = "FACILITY", f"airport word after: {after!r}"  # 'Rzeszow-Jasionka airport' PERSON
    elif m.type == "ORG" and len(span) >= 3 and f"{span[-2].text} {span[-1].text}" in lexicon.words(
            "types.json", "name_edges", "venue_heads"):
        m.type, m.cue = "FACILITY", f"venue words: {span[-2:].text!r}"  # 'Kuala Lumpur Convention Centre' ORG
    elif m.type in {"PERSON", "ORG"} and not m.title and _after_the(span) and (after := _word_after(span)) in \
            lexicon.words("types.json", "name_edges", "worship_kind_words"):
        m.type, m.cue = "FACILITY", f"building word after: {after!r}"  # 'the Preah Vihear temple' ORG
    elif m.type in {"ORG", "PERSON"} and not m.title and len(span) <= 3 and near_text(span, before=2) in {
            "mayor of", "mayors of"}:
        m.type, m.cue = "GPE", "after 'mayor of'"  # 'a former mayor of Providencia' ORG: a mayor's is a town
    elif m.type == "PERSON" and not m.title and (noun := _org_noun_after(span)):
        m.type, m.cue = "ORG", f"{noun!r} after the name"  # 'the center-right Chile Vamos alliance' PERSON
    elif m.type in {"PERSON", "ORG"} and not m.title and (kind := _listed_after_site(span)):
        m.type, m.cue = "FACILITY", f"listed after {kind!r}"  # 'temples, including Ta Muen Thom and Preah Vihear' ORG
    elif m.type in {"PERSON", "LAW"} and not m.title and _after_the(span) and (after := _site_after(span)):
        m.type, m.cue = "FACILITY", f"facility word after: {after!r}"  # 'the Kilo 17 fuel depot' LAW
    elif m.type in {"PERSON", "ORG", "LAW"} and table.variant(name) is None and (line := line_after(span)):
        # a place before the line word is where it runs ('Baltic power cable'), not its name
        m.type, m.cue = "FACILITY", f"line word after: {line!r}"  # 'the Estlink 2 power cable' LAW
    elif m.type in {"PERSON", "ORG", "GPE"} and (after := _word_after(span)) in lexicon.words(
            "types.json", "name_edges", "feature_kind_words") and span.doc[span.end].pos_ != "VERB" \
            and not _compound_after(span):
        m.type, m.cue = "LOC", f"feature word after: {after!r}"  # 'the Taquari valley' ORG
    elif m.type in {"ORG", "GPE", "PERSON", "LOC", "FACILITY"} and not m.title and (kind := _codename_of(span)):
        m.type, m.cue = kind[0], f"the name given to the {kind[1]!r} before it"  # 'an operation code-named Sindoor' ORG
    elif m.type in {"ORG", "GPE", "PERSON"} and (kind := kind_noun_before(span)) and kind[0] != m.type:
        m.type, m.cue = kind[0], f"{kind[1]!r} before the name"  # 'the actress Rashida Jones', 'company Ernst Russ'
    elif m.type in {"ORG", "GPE"} and (office := office_in_apposition(span, name)):
        m.type, m.cue = "PERSON", f"in apposition to {office!r}"
    elif m.type in {"ORG", "GPE"} and (office := office_after_comma(span, name)):
        m.type, m.cue = "PERSON", f"{office!r} of a body after the name"  # 'X Y Z, chairperson of the AU Commission'
    elif m.type in {"ORG", "FACILITY"} and _one_word(span) and not lexicon.is_acronym(name) and place_cue(span):
        m.type, m.cue = "GPE", "place cue before a one-word name"
    elif m.type in {"PERSON", "ORG"} and len(span) <= 2 and not m.title and (kind := _plural_place_kind_after(span)):
        m.type, m.cue = "GPE", f"named with another before {kind!r}"  # 'Sisaket and Surin provinces' ORG
    elif ((m.type == "ORG" and len(span) == 2) or (m.type == "PERSON" and len(span) <= 3)) and not m.title and \
            (kind := _place_kind_of_before(span)):
        m.type, m.cue = "GPE", f"'{kind} of' before the name"  # 'the Thai provinces of Ubon Ratchathani' ORG
    elif m.type in {"ORG", "PERSON"} and not m.title and len(span) <= 2 and after_facility_in(span):
        m.type, m.cue = "GPE", "after a facility and 'in'"  # 'Air Base 201 in Agadez'
    elif m.type in {"ORG", "PERSON"} and len(span) == 1 and not m.title and _known_place_after_preposition(span):
        m.type, m.cue = "GPE", f"a place of kg's tables after {span.doc[span.start - 1].text!r}"  # 'in Copenhagen'
    elif m.type == "LAW" and (after := _law_school(span, name)):
        m.type, m.cue = "ORG", f"law school: {after!r} after 'Law'"  # 'a Harvard Law graduate'
    elif m.type in {"ORG", "FACILITY", "EVENT", "GPE", "LOC"} and (head := _law_head(name, m.type)):
        m.type, m.cue = "LAW", f"law word: {head!r}"  # 'the Ankara Declaration' FAC, 'the NIS2 Directive' ORG
    elif m.type in {"ORG", "PERSON", "GPE", "LOC"} and _storm_name(name):
        m.type, m.cue = "EVENT", "named storm"
    elif m.type in {"ORG", "FACILITY", "GPE", "LOC", "LAW"} and len(name.split()) > 1 and name.split()[-1] in \
            lexicon.words("types.json", "disaster_heads", "words"):
        m.type, m.cue = "EVENT", f"disaster word: {name.split()[-1]!r}"  # 'the Great East Japan Earthquake' FAC
    elif m.type in {"ORG", "FACILITY", "GPE", "LOC", "PERSON"} and YEAR_CODED.search(name):
        m.type, m.cue = "EVENT", "a name coded with its year"  # 'Strait Thunder-2025A' FAC, 'Zapad-2021' ORG
    elif m.type in {"LOC", "GPE", "PERSON"} and len(span) > 1 and span[-1].text in lexicon.words(
            "feature_names.json", "structure_heads", "words"):
        m.type, m.cue = "FACILITY", f"structure word: {span[-1].text!r}"  # 'the Emirates Stadium' LOC
    elif m.type == "PERSON" and len(span) > 1 and not m.title and span[-1].text in lexicon.words(
            "feature_names.json", "street_heads", "words"):
        m.type, m.cue = "FACILITY", f"street word: {span[-1].text!r}"
    elif m.type == "PERSON" and len(span) > 1 and not m.title and span[-1].text in lexicon.words(
            "types.json", "island_heads", "words"):
        m.type, m.cue = "LOC", f"island word: {span[-1].text!r}"  # 'from Ly Son Island' PERSON
    elif m.type in {"ORG", "PERSON", "GPE", "LOC"} and not m.title and (opener := street_opening(name)):
        m.type, m.cue = "FACILITY", f"street or square: {opener!r}"  # 'the Place de la Concertation' ORG
    elif m.type == "PERSON" and " " in name and not m.title and (place := table.variant(name)) is not None:
        m.type, m.cue = place.type, "a country's name of several words"  # 'Papua New Guinea' read as a person
    elif m.type == "FACILITY" and not span.ent_id_ and len(name.split()) > 1 and name.split()[-1] in lexicon.words(
            "types.json", "org_only_heads", "words"):
        m.type, m.cue = "ORG", f"organisation word: {name.split()[-1]!r}"  # 'the ISEAS-Yusof Ishak Institute' FAC
    elif m.type == "PERSON" and not m.title and (verb := _destination_of(span)):
        m.type, m.cue = "GPE", f"destination of {verb!r}"  # 'the ships sailed to Kota Kinabalu' PERSON
    elif m.type == "PERSON" and len(span) == 1 and not m.title and _place_pair_cue(span):
        m.type, m.cue = "GPE", "place cue before a one-word name"  # 'the German port of Kiel'
    elif m.type == "GPE" and len(name.split()) >= 2 and name.split()[-1] in lexicon.words(
            "types.json", "island_groups", "words") and table.any(name) is None and _word_before(span) in \
            lexicon.words("types.json", "island_groups", "before"):
        m.type, m.cue = "LOC", f"islands named as a group: {name.split()[-1]!r}"  # 'the Senkaku Islands'
    elif m.type in {"FACILITY", "LOC", "GPE", "PERSON"} and _battle_name(name):
        m.type, m.cue = "EVENT", "battle or siege of a place"  # 'the Battle of Køge Bay' read as a structure
    elif m.type in {"ORG", "FACILITY", "PERSON"} and len(name.split()) > 1 and name.split()[-1] in lexicon.words(
            "types.json", "area_heads", "words"):
        m.type, m.cue = "LOC", f"area word: {name.split()[-1]!r}"  # 'the Fisheries Protection Zone' ORG
    if m.type == "WEAPON" and span.ent_id_ == "named-missile":
        m.name = re.sub(r"Missiles$", "Missile", m.name)  # 'Naval Strike Missile' is the name, 'Missile' and all
    elif m.type == "WEAPON" and _bracketed_acronym_ends_with_tail(span):
        m.name = re.sub(r"(System|Missile|Launcher|Vehicle)s$", r"\1", m.name)  # the name, in the singular
    elif m.type == "WEAPON":
        m.name = re.sub(r"(?:\s+(?:air|missile|cruise|ballistic|anti-aircraft|anti-ship|defen[cs]e))*"
                        r"\s+(?:missiles?|systems?|interceptors?|batter(?:y|ies)|launchers?)$", "", m.name, flags=re.I)
    if m.type in {"AIRCRAFT", "WEAPON"} and re.search(r"\d[A-Z]{0,3}\d?s$", m.name):
        m.name = m.name[:-1]  # 'F-2s' → 'F-2', 'F-35As' → 'F-35A'
    elif m.type == "AIRCRAFT" and _plural_model_name(m.name):
        m.name = m.name[:-1]  # 'F-22 Raptors' → 'F-22 Raptor', 'Rafales' → 'Rafale'
    if m.type == "GPE" and table.by_capital.get(lexicon.key(name)) and is_metonym(span):
        m.metonym = True
    if m.type in {"GPE", "LOC"} and name in lexicon.place_abbreviations():
        m.name = lexicon.place_abbreviations()[name]  # 'CAPE CANAVERAL, Fla.': the node is Florida
    return m


def _law_head(name: str, kind: str) -> str:
    """The law word closing a name of two words or more that makes it a LAW whatever the model typed it ('Ankara
    Declaration'; context_types law_heads_any_label), or, for an ORG, one of org_law_heads ('NIS2 Directive') unless
    'for' or 'of' stands before it (a body with a remit: 'State Administration for Market Regulation'); else ''."""
    words = name.split()
    if len(words) < 2:
        return ""
    if words[-1] in _context_types()["law_heads_any_label"]:
        return words[-1]
    if kind == "ORG" and words[-1] in lexicon.words("types.json", "org_law_heads", "words") and \
            not {"for", "of"} & set(words[:-1]):
        return words[-1]
    return ""


def _law_school(span: Span, name: str) -> str:
    """The word after a two-word name ending in 'Law' that makes it a law school ('a Harvard Law graduate', 'Stanford
    Law professor X'; kg/data/types.json law_school_words), unless 'the' opens it, as it opens a law ('under the Labour
    Law students may strike'); else ''."""
    after = _word_after(span)
    if len(name.split()) != 2 or span[-1].text != "Law" or after not in lexicon.words("types.json", "law_school_words",
                                                                                        "words"):
        return ""
    first = next(t for t in span if not t.is_punct)
    before = span.doc[first.i - 1] if first.i > 0 else None
    return "" if first.lower_ == "the" or (before is not None and before.lower_ == "the") else after


def plural_group(name: str) -> str:
    """Why a name the model typed PERSON is a group of people: a plural form in kg/data/groups.json ('the Houthis',
    'Sunnis'), or a group's name that is the same in the singular ('Druze', 'Bedouin'); another singular form may be
    a given name ('Christian'), so it is left alone. '' otherwise."""
    group = lexicon.group(name)
    if group is not None and name == group and not name.endswith("s"):
        return f"group of people: {group!r}, the same word for one and many (kg/data/groups.json)"  # 'the Druze'
    if group is None or not name.endswith("s") or lexicon.group(name[:-1]) is None:
        return ""
    return f"group of people: a plural form of {group!r} (kg/data/groups.json)"


def group_before_plural(span: Span, name: str) -> str:
    """Why a one-word name the model typed PERSON is a group of people: a form of kg/data/groups.json right before a
    plural common noun ('Tuareg separatists', 'Christian fighters'), which describes the many, never one person;
    '' otherwise ('Christian said')."""
    if len(span) != 1 or span.end >= len(span.doc) or (group := lexicon.group(name)) is None:
        return ""
    after = span.doc[span.end]
    if after.tag_ != "NNS" or not after.is_lower:
        return ""
    return f"group of people: a form of {group!r} before {after.text!r} (kg/data/groups.json)"


# Aircraft names whose last word ends in an 's' that is no plural ('C-130 Hercules', 'KC-46 Pegasus', 'A400M Atlas').
SINGULAR_S_ENDINGS = ("ss", "us", "is", "as", "Hercules")


def _plural_model_name(name: str) -> bool:
    """An aircraft name written in the plural: its last word capitalised and ending in an 's' that makes a plural
    ('F/A-18 Super Hornets', 'Eurofighter Typhoons', 'Rafales')."""
    last = name.split()[-1]
    return last[:1].isupper() and last.endswith("s") and last[1:].islower() and not last.endswith(SINGULAR_S_ENDINGS)


# A drill's or a games' name coded with its year ('Zapad-2021', 'Joint Sword-2024B', 'Euro-2024').
YEAR_CODED = re.compile(r"[A-Za-z]-(?:19|20)\d\d[A-Z]?$")


def _force_or_body_head(name: str) -> str:
    """The last word of a name of two words or more when it names an armed force or a body, never a place
    (types.json armed_force_heads, org_only_heads: 'Coast Guard', 'Maritime Agency'), else ''."""
    words = name.split()
    return words[-1] if len(words) >= 2 and words[-1] in _force_and_body_heads() else ""


@lru_cache(maxsize=1)
def _force_and_body_heads() -> frozenset[str]:
    """types.json armed_force_heads and org_only_heads, joined once."""
    return lexicon.words("types.json", "armed_force_heads", "words") | lexicon.words("types.json", "org_only_heads",
                                                                                     "words")


def _storm_name(name: str) -> bool:
    """'Hurricane Ian', 'Tropical Storm Alberto': a storm word, then a capitalised name."""
    match = _storm_pattern().match(name)
    return match is not None and match.group(1).isupper()


@lru_cache(maxsize=1)
def _storm_pattern() -> re.Pattern:
    return re.compile(rf"(?:{'|'.join(map(re.escape, _context_types()['storm_first']))}) (\w)")


@lru_cache(maxsize=1)
def _context_types() -> dict:
    return lexicon.load_json("types.json")["context_types"]


def context_type(span: Span) -> tuple[str, str]:
    """(type, cue) for a span of a label that is not a node by itself (PRODUCT, WORK_OF_ART, ...), from the
    span's own head words ('the Winter Olympics' → EVENT) or a type noun right after it ('a Cessna jet');
    else ('', '')."""
    table = _context_types()
    words = [t.text for t in span if t.lower_ not in DETERMINERS]
    if len(words) >= 2 and words[-1] in table["law_heads"]:
        return "LAW", f"law word: {words[-1]!r}"
    if len(words) >= 2 and (words[-1] in table["event_heads"] or words[0] in table["event_first"]):
        return "EVENT", f"event word: {words[-1] if words[-1] in table['event_heads'] else words[0]!r}"
    if len(words) <= 2 and after_facility_in(span):
        return "GPE", "after a facility and 'in'"
    doc = span.doc
    nxt = doc[span.end].lower_ if span.end < len(doc) else ""
    if nxt and not doc[span.end].whitespace_ and span.end + 1 < len(doc) and doc[span.end + 1].text == "-":
        head = span.root.head  # 'the K-4 submarine-launched ballistic missile': the noun it modifies says what it is
        nxt = head.lower_ if span.end < head.i <= span.end + 5 else ""
    kind = table["after"].get(nxt, "") if span.label_ != "NORP" or nxt not in table["people_after_norp"] else ""
    return (kind, f"{kind.lower()} noun after: {nxt!r}") if kind else ("", "")


def named_in_doc(found: list[Mention]) -> tuple[dict[str, str], set[str]]:
    """(name key → the type most mentions of that name have in the document, the first one's on a tie; words that
    begin or end a multi-word person name)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    person_words: set[str] = set()
    for m in found:
        if m.demonym or m.metonym:
            continue
        counts[lexicon.key(m.name)][m.type] += 1
        words = m.name.split()
        if m.type == "PERSON" and len(words) >= 2:
            person_words.update({words[0], words[-1]})
    return {name: kinds.most_common(1)[0][0] for name, kinds in counts.items()}, person_words


def same_name_type(span: Span, types: dict[str, str], person_words: set[str]) -> tuple[str, str]:
    """(type, cue) when the span's name is typed elsewhere in the document ('Morphy' after 'Paul Morphy')."""
    name = normalise(span)[0]
    kind = types.get(lexicon.key(name))
    if kind:
        return kind, f"same name as a mention typed {kind} in the document"
    if len(span) == 1 and name in person_words and name[:1].isupper() and not span[0].is_stop:
        return "PERSON", "first or last word of a person's full name in the document"
    return "", ""


def typed_by_context(doc: Doc, spans: list[Span], found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """Mentions for spans of non-node labels whose context shows a node type (see context_type, same_name_type)."""
    types, person_words = named_in_doc(found)
    out = []
    for span in spans:
        if span.label_ == "NORP" and span.text in _demonym_tails():
            continue  # 'Korean rocket launchers': the people of a country ('South Korean'), never the thing after
        places = listed_places(span)
        if places:
            for part in places:
                m = mention(part, "GPE", sent_index[span.sent.start])
                m.source, m.cue = "context", m.cue or "a list of places read as one name"
                out.append(m)
            continue
        kind, cue = context_type(span)
        source = "context"
        if not kind and ship_cue(span):
            kind = "ORG"  # 'the bulk carrier Tutor' PRODUCT: mention() reads the ship cue
        if not kind:
            kind, cue = same_name_type(span, types, person_words)
            source = SAME_NAME
        if kind:
            m = mention(span, kind, sent_index[span.sent.start])
            m.source, m.cue = source if not m.cue else "context", m.cue or cue
            out.append(m)
    return out


def listed_places(span: Span) -> list[Span]:
    """The names of a span of a non-node label that is a list of places ('strikes on Kyiv and Odesa' WORK_OF_ART):
    two or three capitalised names of at most three words joined by commas or 'and', one of them a place of kg's
    tables and the list after a preposition of place_cues list_label_prepositions, or two of them places."""
    doc = span.doc
    names, start = [], span.start
    for t in span:
        if t.lower_ in {"and", ","}:
            names.append(doc[start : t.i])
            start = t.i + 1
    names.append(doc[start : span.end])
    if not 2 <= len(names) <= 3 or not all(0 < len(n) <= 3 and n[0].text[:1].isupper() and all(
            w.text[:1].isupper() or w.text in {"-", "'"} for w in n) for n in names):
        return []
    known = sum(lexicon.table_place(n.text) for n in names)
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    listed = lexicon.words("resolution.json", "place_cues", "list_label_prepositions")
    return names if known >= 2 or (known and before in listed) else []


@lru_cache(maxsize=1)
def _demonym_tails() -> frozenset[str]:
    """Last words of the demonyms of several words in kg's country table ('Korean' of 'South Korean')."""
    rows = lexicon.load_json("countries.json")["countries"]
    return frozenset(d.split()[-1] for row in rows for d in row.get("demonyms", []) if " " in d)


def surnames_as_people(doc: Doc, found: list[Mention]) -> None:
    """A one-word GPE/ORG/LOC/FACILITY the model typed, equal to the surname of a person named in the document,
    is that person ('Dolly Parton' … 'Parton released'; 'Lai Ching-te' … "Lai's party", family name first), unless a
    place preposition comes just before it."""
    people = [m.name for m in found if m.type == "PERSON" and len(m.name.split()) >= 2]
    surnames = {n.split()[-1] for n in people} | {lexicon.family_name_first(n) for n in people} - {""}
    particled = {lexicon.key(s) for n in people if (s := _particle_surname(n))}  # 'De Vries' of 'Marieke de Vries'
    after = set(lexicon.rules()["surname_not_after"]["words"])
    table = lexicon.countries()
    for m in found:
        if m.type not in {"GPE", "ORG", "LOC", "FACILITY"} or m.source != "ner" or m.cue or m.demonym:
            continue
        if (lexicon.key(m.name) not in particled if " " in m.name else m.name not in surnames) or \
                table.any_or_capital(m.name):
            continue
        span = mention_span(doc, m)
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ in after:
            continue
        m.type, m.cue = "PERSON", "surname of a person named in the document"


def _particle_surname(name: str) -> str:
    """The surname of a full name that opens with particles ('de Vries' of 'Marieke de Vries', 'von der Leyen' of
    'Ursula von der Leyen'; resolution.json surname_particles), else ''."""
    words = name.split()
    particles = lexicon.words("resolution.json", "surname_particles", "words")
    for k in range(1, len(words) - 1):
        if all(w.lower() in particles for w in words[k:-1]):
            return " ".join(words[k:])
    return ""


def full_names_as_people(found: list[Mention]) -> None:
    """A name of two to four capitalised words the model typed ORG is a person's full name when the document uses
    its last word alone for a person, never for anything else, and no person's full name ends in it ('Fyodor
    Davydovich Kulakov' … 'Kulakov was …'); a name holding an organisation word ('Ford Motor') or opening with a
    country or demonym ('British Vauxhalls') stays an ORG."""
    org_words = _org_words()
    alone = Counter(m.name for m in found if m.type == "PERSON" and " " not in m.name)
    ended = {m.name.split()[-1] for m in found if m.type == "PERSON" and " " in m.name}
    typed_else = {m.name for m in found if m.type != "PERSON" and " " not in m.name}  # 'Dortmund' GPE and PERSON
    for m in found:
        words = m.name.split()
        if m.type != "ORG" or m.source != "ner" or m.cue or m.qualifier or not 2 <= len(words) <= 4:
            continue
        if not alone[words[-1]] or words[-1] in ended or words[-1] in typed_else:
            continue
        if any(w.lower().strip(".") in org_words for w in words):
            continue
        if lexicon.countries().any(words[0]) is not None:
            continue  # 'British Vauxhalls': a country or demonym opens no person's name
        if all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            m.type, m.cue = "PERSON", f"full name of the person the document calls {words[-1]!r}"


POSSESSIVES = {"'s", "’s"}


def owner_possessives(doc: Doc, found: list[Mention]) -> list[Mention]:
    """An ORG span "<Owner>'s <Name>" is two mentions, the owner and what it owns ("Alphabet's Google"), when the
    owner is a country of kg's table or a name the document also writes alone as an ORG or GPE, or what it owns is a
    country ("Amnesty International's Nigeria director"); the possessive
    of a name that keeps it ("McDonald's Corp", "Levi's"), names with no such owner ("Convention People's Party")
    and one institution word after a name that is no country ("Queen's University") stay whole. Returns the
    owners; the owned names are cut in place."""
    alone = {lexicon.key(m.name): m.type for m in found if m.type in {"ORG", "GPE"} and not m.demonym
             and not m.text.endswith(tuple(POSSESSIVES)) and not POSSESSIVES & set(m.text.split())}
    alone = {**_person_owners(found), **alone}
    suffixes = set(lexicon.rules()["org_suffixes"]["words"])
    owners: list[Mention] = []
    for m in found:
        if m.type != "ORG" or not any(mark in m.text for mark in POSSESSIVES):
            continue
        span = mention_span(doc, m)
        cut = _owner_cut(span, alone, suffixes) if span is not None else None
        if cut is None:
            continue
        owner, owned, kind = cut
        owners.append(Mention(start=owner.start_char, end=owner.end_char, text=owner.text, type=kind, sent=m.sent,
                              name=normalise(owner)[0], label=m.label if kind == "ORG" else kind, source="context",
                              cue="owner before a possessive inside an organisation's name"))
        m.start, m.end, m.text, m.name = owned.start_char, owned.end_char, owned.text, normalise(owned)[0]
        if (place := lexicon.countries().variant(m.name)) is not None:
            m.type, m.cue = place.type, "a country after an organisation's possessive"
    return owners


def _person_owners(found: list[Mention]) -> dict[str, str]:
    """Keys of the document's person names and of their surnames, as owners a party or other organisation after a
    possessive belongs to ("Bolsonaro's Liberal Party": the document names Jair Bolsonaro)."""
    names = [m.name.split() for m in found if m.type == "PERSON" and m.name]
    return {lexicon.key(k): "PERSON" for words in names for k in (" ".join(words), words[-1])}


def kind_listed_places(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Names in a list right after a plural kind of place and 'of' ('the villages of Ramyeh, Marwahin and Dhayra';
    types.json listed_place_kinds) are places, GPE, whatever the model read but LOC; a span run over the list's comma
    is cut into one mention per name. Returns the new list of mentions."""
    kinds = lexicon.words("types.json", "listed_place_kinds", "words")
    if kinds.isdisjoint(doc_words(doc).words):
        return found  # cheap pre-test: no plural kind of place in the document
    out: list[Mention] = []
    for m in found:
        span = mention_span(doc, m) if m.type in {"ORG", "PERSON", "LOC", "FACILITY", "GPE"} and not m.title and \
            not m.demonym else None
        parts = _list_names(span) if span is not None and _after_listed_kind(span, kinds) else []
        if not parts or (m.type in {"GPE", "LOC"} and len(parts) == 1):  # 'regions of Africa': a continent stays
            out.append(m)
            continue
        for part in parts:
            new = mention(part, "GPE", m.sent)
            new.source, new.cue = "context", f"listed after {doc[_list_start(span) - 2].text!r} 'of'"
            out.append(new)
    return out


LIST_JOINS = {",", "and"}


def _list_start(span: Span) -> int:
    """Index of the first token of the list of capitalised names, commas and 'and' the span ends (at most 12)."""
    doc, i = span.doc, span.start
    while i > 0 and span.start - i < 12 and (doc[i - 1].text in LIST_JOINS or doc[i - 1].is_title
                                             or _name_hyphen(doc[i - 1])):
        i -= 1
    return i


def _name_hyphen(tok: Token) -> bool:
    """A hyphen inside a name, or a lower-case particle joined to the next word by one ('al-' of 'Aita al-Shaab')."""
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return not tok.whitespace_ and (tok.text == "-" or (tok.is_lower and nxt is not None and nxt.text == "-"))


def _after_listed_kind(span: Span, kinds: frozenset[str]) -> bool:
    """The span is in a list of names that opens right after a plural kind of place and 'of'."""
    i = _list_start(span)
    return i >= 2 and span.doc[i - 1].lower_ == "of" and span.doc[i - 2].lower_ in kinds


def _list_names(span: Span) -> list[Span]:
    """The names of the span cut at commas and 'and', when every name opens with a capital; else []."""
    names, start = [], span.start
    for t in [*span, None]:
        if t is None or t.text in LIST_JOINS:
            end = t.i if t is not None else span.end
            if end > start:
                names.append(span.doc[start:end])
            start = end + 1
    return names if names and all(n[0].text[:1].isupper() for n in names) else []


def _owner_cut(span: Span, alone: dict[str, str], suffixes: set[str]) -> tuple[Span, Span, str] | None:
    """(owner, owned, owner's type) at the first possessive of the span whose owner is known (see
    owner_possessives), or None."""
    doc, table = span.doc, lexicon.countries()
    for tok in span[1:-1]:
        if tok.text not in POSSESSIVES:
            continue
        owner, owned = doc[span.start : tok.i], doc[tok.i + 1 : span.end]
        if not owned[0].is_title or owned[0].lower_.strip(".") in suffixes:
            return None
        name = normalise(owner)[0]
        place = table.variant(name)
        if place is None and len(owned) == 1 and owned[0].text in _institution_heads():
            return None  # "Queen's University", "St Mary's Hospital": one name, whatever 'Queen' is elsewhere
        kind = place.type if place is not None else alone.get(lexicon.key(name))
        if not kind and table.variant(normalise(owned)[0]) is not None and table.variant(normalise(span)[0]) is None:
            kind = "ORG"  # "Amnesty International's Nigeria director": an organisation's office for a country
        if kind:
            return owner, owned, kind
    return None


@lru_cache(maxsize=1)
def _institution_heads() -> frozenset[str]:
    """Head words of institutions and buildings (kg/data/types.json of_names and in_place_heads) and 'Party'."""
    table = lexicon.load_json("types.json")
    heads = table["of_names"]["heads"]
    return frozenset([*heads["ORG"], *heads["FAC"], *table["in_place_heads"]["words"], "Party"])


CLUB_RETYPED = {"GPE", "LOC", "FACILITY", "PERSON", "LAW"}  # types the model gives a sports club's name


@lru_cache(maxsize=1)
def _clubs() -> dict:
    """kg/data/types.json sports_clubs: word lists as sets, the score as a compiled pattern."""
    table = lexicon.load_json("types.json")["sports_clubs"]
    out = {name: frozenset(words) for name, words in table.items() if isinstance(words, list)}
    return {**out, "score": re.compile(table["score"])}


def sports_clubs(doc: Doc, found: list[Mention]) -> None:
    """A sports club the model typed a place or a person is an ORG (see club_cue; a club word written before a
    place joins it: 'Real' + 'Madrid'). Countries and national capitals stay: a national team is its country."""
    table = lexicon.countries()
    for m in found:
        if m.type not in CLUB_RETYPED or m.source != "ner" or m.cue or m.demonym:
            continue
        span = mention_span(doc, m)
        if span is None:
            continue
        if m.label in PLACE_LABELS and _club_first_word_before(span):
            first = doc[span.start - 1]
            m.start, m.text, m.name = first.idx, doc_words(doc).text[first.idx : m.end], f"{first.text} {m.name}"
            m.type, m.cue = "ORG", f"club word before the name: {first.text!r}"
            continue
        if table.any_or_capital(m.name) is not None:
            continue
        cue = club_cue(span, m.type)
        if cue:
            m.type, m.cue = "ORG", cue
    club_short_names(found)


def club_short_names(found: list[Mention]) -> None:
    """A one-word name typed a person that is the last word of a club's name in the document ('as United beat
    Chelsea' after 'Manchester United') is that club: an ORG. A place stays ('at Craiova' after 'FC U Craiova')."""
    table = _clubs()
    last = {}
    for m in found:
        words = m.name.split()
        named = words[0] in table["name_first"] or words[-1] in table["name_last"]
        if m.type == "ORG" and len(words) > 1 and (named or m.cue.startswith(("club", "player"))):
            last.setdefault(words[-1], m.name)
    for m in found:
        if m.type == "PERSON" and m.source == "ner" and not m.cue and m.name in last:
            m.type, m.cue = "ORG", f"short name of the club {last[m.name]!r} in the document"


def _club_first_word_before(span: Span) -> bool:
    """A club's first word the model left outside a place's name ('Real' + 'Madrid', 'Inter' + 'Milan')."""
    if span.start == 0 or span[0].is_sent_start:
        return False
    prev = span.doc[span.start - 1]
    return prev.ent_iob_ == "O" and prev.text in _clubs()["name_first"] and bool(prev.whitespace_)


def club_cue(span: Span, kind: str) -> str:
    """Why a name typed a place or a person is a sports club, or '': a club word in the name, a player or staff
    word after it, a club word before it, or (not for a person: players beat each other too) a match verb or
    noun it is the subject or object of in a sentence with a score or a sports word (not for a person or a
    facility: 'drew 1-1 at Stamford Bridge'; kg/data/types.json sports_clubs)."""
    table, doc = _clubs(), span.doc
    words = normalise(span)[0].split()
    if len(words) > 1 and (words[0] in table["name_first"] or words[-1] in table["name_last"]):
        return f"club word in the name: {words[0] if words[0] in table['name_first'] else words[-1]!r}"
    i = span.end + 1 if span.end < len(doc) and doc[span.end].tag_ == "POS" else span.end
    possessive = i > span.end or span[-1].tag_ == "POS"
    nxt = doc[i].lower_ if i < len(doc) else ""
    name_after = i + 1 < len(doc) and doc[i + 1].is_title
    if kind == "PERSON":
        after = not possessive and nxt in table["person_after"]
    else:
        crowd = nxt in table["crowd_after"] and not possessive  # "Liverpool fans", not "Parton's fans"
        after = crowd or nxt in table["after"] or (nxt in table["after_before_name"] and name_after)
    if after:
        return f"player or staff word after the name: {nxt!r}"
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    if prev in table["person_before" if kind == "PERSON" else "before"]:
        return f"club word before the name: {prev!r}"
    return "" if kind in {"PERSON", "FACILITY"} else _match_cue(span)


def _match_cue(span: Span) -> str:
    """The span is the subject or object of a match verb ('beat', 'sign for') or noun ('the match against') in a
    sentence with a score or a sports word; else ''."""
    table, root = _clubs(), span.root
    head = root.head.head if root.dep_ == "pobj" else root.head
    # npadvmod: the parser's reading of 'beat Bournemouth 2-0', where the score takes the object's place
    if root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "npadvmod"} or (root.dep_ == "pobj" and root.head.lower_
                                                                    not in table["prepositions"]):
        return ""
    verb = head.pos_ in {"VERB", "AUX"} and head.lemma_ in table["verbs"]
    if not (verb or (head.pos_ == "NOUN" and head.lemma_ in table["nouns"])):
        return ""
    sent = span.sent
    if table["score"].search(sent.text) or any(t.lower_ in table["sentence_words"] for t in sent):
        return f"subject or object of {head.lemma_!r} in a sentence about a match"
    return ""


def demonym_places(found: list[Mention], text: str) -> list[Mention]:
    """A name and the capitalised word right before it that together name a place of kg's tables, which the model
    split or cut ('French' + 'Guiana', 'French Polynesia' as 'Polynesia'), are one mention of that place; a demonym
    mention of that word goes."""
    gone: set[int] = set()
    starts = {m.end: m for m in found}
    for m in found:
        if m.type not in {"PERSON", "ORG", "GPE", "LOC"}:
            continue
        word = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        if word is None or word.group(1).lower() in DETERMINERS:
            continue
        name = f"{word.group(1)} {m.name or m.text}"
        if lexicon.key(name) == lexicon.key(m.name or m.text) or not lexicon.table_place(name):
            continue
        before = starts.get(word.end(1))
        if before is not None and before is not m and not before.demonym:
            continue  # the word is a name of its own ('Paris Guiana' would be two)
        if before is not None:
            gone.add(id(before))
        m.start, m.text, m.name, m.type, m.label = word.start(1), text[word.start(1) : m.end], name, "GPE", "GPE"
        m.source, m.cue = "context", "a place of kg's tables"
    return [m for m in found if id(m) not in gone] if gone else found


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")  # the capitalised word and one space right before a mention


def mentions_by_root(doc: Doc, found: list[Mention], types: set[str]) -> dict[int, Mention]:
    """The mentions of these types by their span's root token: what the list rules look up a conjunct by."""
    heads: dict[int, Mention] = {}
    for m in found:
        span = mention_span(doc, m) if m.type in types else None
        if span is not None:
            heads[span.root.i] = m
    return heads


def coordinated_places(doc: Doc, found: list[Mention]) -> None:
    """A one-word name the model typed PERSON or ORG, in a list whose other members are all places, is a place too
    ('lifeboats from Bridlington, Skegness and Mablethorpe'): two places or more, or one after a preposition of place
    ('cargo diverted to Bremerhaven and Hamburg'); never a person of the document ('Paris, Rome and Macron' keeps
    Macron). A name typed PERSON that is a word of no person of two words or more counts only after a preposition
    of place_cues person_list_prepositions ('queues in El Alto and Cochabamba')."""
    people = {w for m in found if m.type == "PERSON" for w in m.name.split()}
    full = {w for m in found if m.type == "PERSON" and (" " in m.name or m.title) for w in m.name.split()}
    alone = lexicon.words("resolution.json", "place_cues", "person_list_prepositions")
    if not any(m.type in {"PERSON", "ORG"} and " " not in m.name and m.name not in full for m in found):
        return
    heads = mentions_by_root(doc, found, {"PERSON", "ORG", "GPE"})
    for i, m in heads.items():
        if m.type not in {"PERSON", "ORG"} or m.source != "ner" or m.cue or " " in m.name or m.name in full:
            continue
        conjuncts = doc[i].conjuncts
        others = [heads.get(t.i) for t in conjuncts]
        if not others or not all(o is not None and o.type == "GPE" and not o.demonym for o in others):
            continue
        first = doc[min(i, *(t.i for t in conjuncts))]
        if _between_sides(first) or (m.name in people and not (first.dep_ == "pobj" and first.head.lower_ in alone)):
            continue
        if len(others) >= 2 or (first.dep_ == "pobj" and first.head.lower_ in lexicon.words(
                "resolution.json", "place_cues", "list_prepositions")):
            m.type, m.cue = "GPE", "in a list of places"


def route_ends(doc: Doc, found: list[Mention]) -> None:
    """'the road between Peshawar and Jalalabad', 'flights between Lahore and Karachi': the one-word names a route
    noun (resolution.json place_cues route_nouns) runs between are places, whatever the model read, unless a person
    of the document has the name in a full name or it holds a title."""
    routes = lexicon.words("resolution.json", "place_cues", "route_nouns")
    heads = mentions_by_root(doc, found, {"PERSON", "ORG", "LOC", "GPE"})
    full = {w for m in found if m.type == "PERSON" and (" " in m.name or m.title) for w in m.name.split()}
    for i, m in heads.items():
        tok = doc[i]
        first = tok if tok.dep_ == "pobj" else tok.head if tok.dep_ == "conj" else None
        if first is None or first.dep_ != "pobj":
            continue
        if first.head.lower_ == "between" and first.conjuncts and first.head.head.lemma_.lower() in routes:
            route = first.head.head
        elif (route := _from_to_route(first, routes)) is None:
            continue
        if m.type in {"PERSON", "ORG"} and m.source == "ner" and not m.cue and " " not in m.name \
                and m.name not in full and not m.title and not m.demonym:
            m.type, m.cue = "GPE", f"a place a {route.lower_!r} runs between"


def _from_to_route(end: Token, routes: frozenset[str]) -> Token | None:
    """The route noun of 'the road from Peshawar to Jalalabad' when end is the object of its 'from' or its 'to' and
    the other of the two prepositions has an object too, on the same noun or on the 'from' end; else None."""
    prep = end.head
    other = {"from": "to", "to": "from"}.get(prep.lower_)
    route = prep.head
    if prep.lower_ == "to" and route.dep_ == "pobj" and route.head.lower_ == "from":
        route = route.head.head  # 'from Peshawar to Jalalabad' with 'to' on 'Peshawar'
    elif prep.lower_ == "to" and route.lower_ == "from":
        route = route.head  # 'to' on 'from'
    if other is None or route.pos_ not in {"NOUN", "PROPN"} or route.lemma_.lower() not in routes:
        return None
    froms = [prep] if prep.lower_ == "from" else [t for t in route.children if t.lower_ == "from"]
    holders = [route, *froms, *(p for t in froms for p in t.children)]
    opposite = [t for h in holders for t in h.children if t.lower_ == other]
    return route if any(c.dep_ == "pobj" for t in opposite for c in t.children) else None


def _between_sides(first: Token) -> bool:
    """The list is the sides of a noun of resolution.json place_cues between_parties ('the ceasefire between Israel
    and Hezbollah'), not places ('the road between Kyiv and Lviv')."""
    prep = first.head
    return first.dep_ == "pobj" and prep.lower_ == "between" and prep.head.lemma_.lower() in lexicon.words(
        "resolution.json", "place_cues", "between_parties")


def coordinated_companies(doc: Doc, found: list[Mention]) -> None:
    """A one-word name the model typed a place, that kg's tables know as no place, in a list whose other members are
    all organisations is one too, when the list follows a company noun ('nine telecoms companies, including AT&T and
    Verizon'; types.json kind_nouns ORG). Without that noun a list may be of places the model read as organisations
    ('suburbs of Fremont, Pleasanton, and Livermore')."""
    loose = [m for m in found if m.type in {"GPE", "LOC"} and m.source == "ner" and not m.cue and not m.demonym
             and " " not in m.name and not lexicon.table_place(m.name)]
    if not loose:
        return
    heads = mentions_by_root(doc, found, {"ORG", "GPE", "LOC"})
    kinds = set(lexicon.load_json("types.json")["kind_nouns"]["ORG"])
    for m in loose:
        span = mention_span(doc, m)
        if span is None:
            continue
        conjuncts = span.root.conjuncts
        others = [heads.get(t.i) for t in conjuncts]
        if not others or not all(o is not None and o.type == "ORG" and not lexicon.table_place(o.name) for o in others):
            continue
        first = doc[min(span.root.i, *(t.i for t in conjuncts))]
        listed = first.dep_ == "pobj" and first.head.lower_ in {"including", "like"} and \
            first.head.head.lemma_.lower() in kinds
        if listed:
            m.type, m.cue = "ORG", "in a list of organisations"


def coordinated_arms(doc: Doc, found: list[Mention]) -> None:
    """A one-word name the model typed a person or an organisation, joined by 'and' to a weapon, aircraft or ship
    name that a lower-case noun of both follows, is one of a kind with it ('the Arrow and U.S.-supplied THAAD air
    defence systems', 'the Rafale and F-35 fighters'); up to two unnamed words between 'and' and the second name;
    never a word of a person's full name of the document, nor a titled person."""
    arms = {m.start: m for m in found if m.type in {"WEAPON", "AIRCRAFT", "SHIP"}}
    if not arms:
        return
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    starts = doc_words(doc).starts
    for m in found:
        if m.type not in {"PERSON", "ORG"} or " " in m.name or m.title or m.cue or m.source != "ner" \
                or m.name in people:
            continue
        span = mention_span(doc, m)
        if span.end + 2 >= len(doc) or doc[span.end].lower_ != "and":
            continue
        k = next((k for k in range(span.end + 1, min(span.end + 4, len(doc))) if starts[k] in arms), None)
        if k is None or any(t.ent_type_ or t.text in {"'s", "’s"} for t in doc[span.end + 1 : k]):
            continue  # 'Raytheon and Lockheed's F-35 jets': another name between
        other = arms[starts[k]]
        after = mention_span(doc, other).end
        nouns = list(itertools.takewhile(lambda t: t.is_lower and t.pos_ in {"NOUN", "ADJ"}, doc[after : after + 4]))
        kinds = lexicon.load_json("types.json")["kind_nouns"]
        if nouns and nouns[0].pos_ == "NOUN" and not any(t.lower_ in kinds["ORG"] or t.lower_ in kinds["PERSON"]
                                                        for t in nouns):  # 'Boeing and F-35 maker Lockheed'
            m.type, m.cue = other.type, f"joined by 'and' to the {other.type} {other.name!r}"


def places_by_possession(doc: Doc, found: list[Mention]) -> None:
    """A short name the model typed ORG or PERSON whose possessive owns a part of a place ('Okinawa's Ishigaki and
    Miyako islands', 'Okinawa's main island': types.json place_possessions) is a place, a GPE; never a word of a
    person's full name of the document, a titled person, an owner of a 'home' ('Trump's home state'), or a name
    ending in an armed force's or a body's word ('the Coast Guard's Eighth District')."""
    nouns = frozenset(lexicon.load_json("types.json")["place_possessions"]["nouns"])
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    for m in found:
        if m.type not in {"ORG", "PERSON"} or m.source != "ner" or m.cue or m.title or len(m.name.split()) > 2 \
                or set(m.name.split()) & people or _force_or_body_head(m.name):  # 'the Coast Guard's Eighth District'
            continue
        span = mention_span(doc, m)
        if span is None or span.root.dep_ != "poss":
            continue
        owned = span.root.head
        while owned.pos_ == "PROPN" and owned.dep_ in {"compound", "nmod", "amod"} and owned.head.i > owned.i:
            owned = owned.head  # 'Ishigaki' of 'Ishigaki and Miyako islands'
        if owned.lower_ in nouns and not any(c.lower_ == "home" for c in owned.lefts):
            m.type, m.cue = "GPE", f"its possessive owns a part of a place: {owned.text!r}"


def countries_not_people(found: list[Mention]) -> None:
    """A one-word name the model typed PERSON that is a country or a capital of kg's table ('the border with Chad',
    'near Sanaa') is that place, unless a person's full name of the document holds the word ('Chad Smith') or a
    title stands before it."""
    table = lexicon.countries()
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    for m in found:
        if m.type != "PERSON" or " " in m.name or m.title or m.cue or m.name in people or \
                not re.sub(r"(?<=\w)['’-](?=\w)", "", m.name).isalpha():  # 'N'Djamena', 'Port-au-Prince' are words
            continue
        if table.variant(m.name) is not None or table.by_capital.get(lexicon.key(m.name)):
            m.type, m.cue = "GPE", "a country or capital of kg's table, and no person of the document bears the name"


def places_not_people(found: list[Mention]) -> None:
    """A one-word name the model typed PERSON that names a place of the document written with a place head after it
    ('the Litani' of 'the Litani River', 'off Svalbard' of 'the Svalbard archipelago'; resolution.json place_heads, not
    its administrative heads) is that place, unless a person's full name of the document holds the word or a title
    stands before it."""
    if not any(m.type == "PERSON" and " " not in m.name for m in found):
        return
    heads, admin = lexicon.rules()["place_heads"], set(lexicon.rules()["admin_heads"]["words"])
    places: dict[str, set[str]] = defaultdict(set)
    for m in found:
        words = m.name.split()
        head = words[-1][:1].upper() + words[-1][1:] if len(words) == 2 else ""
        if m.type in {"LOC", "GPE"} and head in heads and head not in admin:
            places[words[0]].add(heads[head])
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    for m in found:
        if m.type == "PERSON" and " " not in m.name and not m.title and not m.cue and m.name not in people \
                and len(places.get(m.name, ())) == 1:
            m.type, m.cue = next(iter(places[m.name])), "name of a place of the document written with its place head"


def facilities_not_people(found: list[Mention]) -> None:
    """A one-word name the model typed a person or an organisation ('centrifuges at Fordow' PERSON, 'the site at
    Natanz' ORG) that the document also names as a facility ('the Fordow and Natanz facilities') is that facility,
    unless a person's full name of the document holds the word or a title or cue stands before it."""
    named = {m.name for m in found if m.type == "FACILITY" and " " not in m.name and not m.demonym}
    if not named:
        return
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    for m in found:
        if m.type in {"PERSON", "ORG"} and m.name in named and not m.title and not m.cue and m.name not in people \
                and m.source == "ner":
            m.type, m.cue = "FACILITY", "named a facility elsewhere in the document"


def name_pairs(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """'the Biden-Harris administration', 'the Rutte-Kaag coalition': two capitalised names joined by a hyphen before
    a noun of types.json name_pairs are two people, whatever the model read (a facility, an organisation); a pair
    with a country or demonym ('Franco-German', 'Sino-US') is no such pair."""
    heads = lexicon.words("types.json", "name_pairs", "heads")
    table = lexicon.countries()
    out = []
    for m in found:
        span = mention_span(doc, m)
        pair = span is not None and span.end < len(doc) and doc[span.end].lower_ in heads and _name_pair(span)
        if not pair or m.type == "PERSON" or any(table.any(t.text) or lexicon.place_demonym(t.text)
                                                 for t in (span[-3], span[-1])):
            out.append(m)
            continue
        for tok in (span[-3], span[-1]):
            person = mention(Span(doc, tok.i, tok.i + 1, label="PERSON"), "PERSON", sent_index[span.sent.start])
            person.source, person.cue = "context", f"one of two names joined before {doc[span.end].text!r}"
            out.append(person)
    return out


def _name_pair(span: Span) -> bool:
    """The span is '<Name>-<Name>', both capitalised words of letters, a determiner at most before them."""
    if len(span) < 3 or span[-2].text != "-" or any(t.lower_ not in DETERMINERS for t in span[:-3]):
        return False
    return all(t.is_title and t.is_alpha and len(t) > 2 for t in (span[-3], span[-1]))


def companies_not_people(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """A name the model read as a person, or left out (alone or beside a demonym: 'Bavarian | Nordic'), that the text
    shows to be a company or organisation is one ORG (types.json company_cues): an apposition naming one ('Gavi, the
    Vaccine Alliance,', 'Bavarian Nordic, the Danish maker of ...'), a possessive of what only companies have
    ('Maersk's shares'), or one word with a capital inside ('SpaceX'; not 'McCain', 'DeSantis'), also when the model
    read it as a place that kg's tables do not know."""
    cues = _company_cues()
    orgs = {(m.start, m.end) for m in found if m.type == "ORG"}
    for m in found:
        if m.type == "PERSON" and not m.title and not m.cue and (span := mention_span(doc, m)):
            cue = (_possessed_by_company(span, cues) or _camel_name(m.name, cues) or _paired_company(span, orgs)
                   or _which_makes(span, cues))
            if cue:
                m.type, m.cue = "ORG", cue
        elif m.type in {"GPE", "LOC"} and not m.cue and not m.demonym and (cue := _camel_name(m.name, cues)) \
                and lexicon.countries().any(m.name) is None and lexicon.place_demonym(m.name) is None:
            m.type, m.cue = "ORG", cue  # 'OpenAI' GPE
    out = list(found)
    for comma in numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[","]).tolist():  # no pass over Tokens
        cue = _company_apposition(doc, comma, cues, orgs)
        start = _name_run_before(doc, comma) if cue else None
        if start is None:
            continue
        span = doc[start:comma]
        if _list_member(doc, start):
            continue
        inside = [m for m in out if m.start < span.end_char and span.start_char < m.end]
        whole = [(m.start, m.end) for m in inside] == [(span.start_char, span.end_char)]
        # a name the model left out: 'Arianespace, the French launch company,'
        unread = not inside and all(t.pos_ in {"PROPN", "NOUN"} and t.is_alpha and not t.is_stop for t in span)
        if unread or (inside and all((m.type == "PERSON" and not m.title) or m.demonym for m in inside) and (
                whole or any(m.demonym for m in inside))) or (whole and _unknown_place(inside[0])):
            out = [m for m in out if m not in inside]
            new = mention(span, "ORG", sent_index[span.sent.start])
            new.source, new.cue = "context", cue
            out.append(new)
    return sorted(out, key=lambda m: m.start)


def _unknown_place(m: Mention) -> bool:
    """A place the model read that kg's tables do not know, no demonym ('the LDP governs with Komeito, a party
    backed by ...' GPE): an apposition naming an organisation outweighs the model's guess."""
    return m.type in {"GPE", "LOC"} and not m.demonym and not m.cue and not lexicon.table_place(m.name) \
        and lexicon.place_demonym(m.name) is None


def _paired_company(span: Span, orgs: set[tuple[int, int]]) -> str:
    """'Germany's Krauss-Maffei Wegmann and France's Nexter': a one-word name after a country's possessive, joined by
    'and' to an organisation after a country's possessive, is an organisation too (not 'Germany's Scholz and
    France's Macron', two people)."""
    doc = span.doc
    if len(span) != 1 or not _country_owned(span.root):
        return ""
    for other in (span.root.head, *span.root.conjuncts):
        ent = next((e for e in doc.ents if e.start <= other.i < e.end), None)
        if other.i != span.root.i and ent is not None and (ent.start_char, ent.end_char) in orgs \
                and _country_owned(ent.root) and span.root in other.conjuncts:
            return f"joined to the organisation {ent.text!r}, each after a country's possessive"
    return ""


def _country_owned(tok: Token) -> bool:
    """A country's possessive hangs on the token ('France's Nexter')."""
    return any(c.dep_ == "poss" and lexicon.countries().any(c.text) is not None for c in tok.children)


def _company_apposition(doc: Doc, comma: int, cues: dict, orgs: set[tuple[int, int]]) -> str:
    """The apposition after a comma names a company: ', the <ORG name>,' or ', the/a <words> <company noun> of/,'."""
    if comma + 2 >= len(doc) or doc[comma + 1].lower_ not in {"the", "a", "an"}:
        return ""
    for end in range(comma + 3, min(comma + 8, len(doc)) + 1):
        after = doc[end].text if end < len(doc) else ""
        ends = {(doc[first].idx, doc[end - 1].idx + len(doc[end - 1])) for first in (comma + 1, comma + 2)}
        if ends & orgs and after in {",", ".", ";", ")", ""}:
            return f"in apposition to the organisation {doc[comma + 2 : end].text!r}"
    for i in range(comma + 2, min(comma + 7, len(doc))):
        tok = doc[i]
        if tok.text in cues["apposition_nouns"]:
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if nxt is None or nxt.lower_ in cues["apposition_after"] or (nxt.is_punct and nxt.text not in {"'", "’"}):
                return f"in apposition to {doc[comma + 1 : i + 1].text!r}"
            return ""
        if (tok.is_punct and tok.text != "-") or tok.pos_ in {"VERB", "AUX", "PRON", "ADP", "CCONJ", "SCONJ", "DET"}:
            return ""  # a hyphen joins a compound modifier ('the centre-right coalition')
    return ""


def _list_member(doc: Doc, start: int) -> bool:
    """The name at start follows a comma or 'and' (a 'the' between allowed): one of a list, not a name and its
    apposition ('Graceland, The Crew, The Hot Chick')."""
    before = start - 1 if start > 0 and doc[start - 1].lower_ == "the" else start
    return before > 0 and doc[before - 1].text in {",", "and", "or", ";"}


def _name_run_before(doc: Doc, comma: int) -> int | None:
    """Start of the capitalised proper-noun run that ends right before the comma (a sentence's first words
    included), None when there is none."""
    start = comma
    while start > 0 and not doc[start].is_sent_start and (doc[start - 1].is_title or doc[start - 1].is_upper
                                                           or doc[start - 1].text in {"-", "."}) \
            and doc[start - 1].pos_ in {"PROPN", "NOUN", "PUNCT", "ADJ"} \
            and doc[start - 1].ent_type_ not in {"DATE", "TIME"}:
        start -= 1
    if start > 0 and doc[start].is_sent_start is False and doc[start - 1].text in {"-", "."}:
        return None
    return start if start < comma and (doc[start].is_title or doc[start].is_upper) else None


def _possessed_by_company(span: Span, cues: dict) -> str:
    """'Maersk's shares', 'Moller-Maersk's systems': the name's possessive, then a thing only a company has."""
    doc = span.doc
    if span[-1].text in {"'s", "’s"}:
        nxt = span.end
    elif span.end < len(doc) and doc[span.end].text in {"'s", "’s"}:
        nxt = span.end + 1
    else:
        return ""
    words = " ".join(t.lower_ for t in doc[nxt : nxt + 2])
    for noun in cues["possessed"]:
        if words == noun or words.startswith(noun + " "):
            return f"possessive before {noun!r}"
    return ""


def _which_makes(span: Span, cues: dict) -> str:
    """'Hensoldt, which makes sensors for the Leopard': a name followed by ', which' and a verb of what a company does
    (types.json company_cues which_verbs) names no person ('who' would)."""
    doc, k = span.doc, span.end
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ != "which":
        return ""
    verb = doc[k + 2]
    return f"', which {verb.text}' after the name" if verb.pos_ == "VERB" and verb.lemma_ in cues["which_verbs"] \
        else ""


def _camel_name(name: str, cues: dict) -> str:
    """'SpaceX', 'OpenAI': one word with a capital after a lower-case letter, no surname prefix ('McCain')."""
    if " " in name or not name.isalpha() or not re.search(r"[a-z][A-Z]", name):
        return ""
    if any(name.startswith(p) and name[len(p) : len(p) + 1].isupper() for p in cues["name_prefixes"]):
        return ""
    return "a capital inside one word: a brand's spelling"


@lru_cache(maxsize=1)
def _company_cues() -> dict:
    return lexicon.load_json("types.json")["company_cues"]


def country_qualifiers(doc: Doc, found: list[Mention]) -> None:
    """An ORG written right after a country's possessive or demonym that the model left outside it ("Russia's
    Defence Ministry", "the Russian | Defence Ministry") is that country's: the country is kept in Mention.qualifier
    so that resolution keys the name by it, as it does for "Japan's Ministry of Defense" written as one span."""
    table = lexicon.countries()
    ordered = sorted(found, key=lambda m: m.start)
    for prev, m in itertools.pairwise(ordered):
        if m.type != "ORG" or m.qualifier or lexicon.split_country_prefix(m.name)[0]:
            continue
        place = table.demonym(prev.name) if prev.demonym else table.variant(prev.name)
        joins = {""} if prev.demonym else {"", "'s", "’s", "'", "’"}
        if _envoy_after(doc, m):
            continue  # 'Britain's U.N. ambassador': Britain's envoy, not a British U.N.
        if place is not None and _between(doc, prev.end, m.start).strip() in joins:
            m.qualifier = place.name


def _envoy_after(doc: Doc, m: Mention) -> bool:
    """The word after the mention is a country's envoy to it ('U.N. ambassador'; resolution.json envoy_nouns)."""
    table = doc_words(doc)
    end = bisect.bisect_left(table.starts, m.end)
    return end < len(table.words) and table.words[end] in lexicon.words("resolution.json", "envoy_nouns", "words")


def _name_goes_on(span: Span) -> bool:
    """A capitalised word follows the span directly: the model may have cut a longer name there (a title word does
    not count: 'Azerbaijani President Ilham Aliyev')."""
    if span.end >= len(span.doc):
        return False
    nxt = span.doc[span.end]
    return nxt.is_title and not nxt.is_sent_start and nxt.text not in _title_words()[2]


def _between(doc: Doc, start: int, end: int) -> str:
    """The document text between two character offsets, read from the tokens there (never the whole doc.text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text_with_ws if span is not None else " " * max(0, end - start)


def unlabelled_ships(doc: Doc) -> list[Span]:
    """Proper-noun runs the model left unlabelled right after a ship noun ('the helicopter carrier Hyuga')."""
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    table = doc_words(doc)
    free = [i not in taken and proper and word[:1].isupper()
            for i, (proper, word) in enumerate(zip(table.proper, table.words, strict=True))]
    out, i = [], 0
    for is_free, run in itertools.groupby(free):
        j = i + len(list(run))
        if is_free and ship_cue(doc[i:j]).startswith(("ship noun before", "flag state before")):
            out.append(Span(doc, i, j, label="SHIP"))
        i = j
    return out


def unlabelled_regions(doc: Doc) -> list[Span]:
    """One to three capitalised proper nouns the model left unlabelled, after 'the' or a possessive and right before a
    lower-case word of an administrative region (types.json name_edges region_words): 'the Kursk region',
    "Cambodia's Oddar Meanchey province" name a place (GPE)."""
    table = doc_words(doc)
    regions = lexicon.words("types.json", "name_edges", "region_words")
    at = [i for i, word in enumerate(table.words) if word in regions and i > 1 and table.proper[i - 1]]
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)} if at else set()
    out: list[Span] = []
    for end in at:
        start = end
        while start > 0 and end - start < 3 and start - 1 not in taken and table.proper[start - 1] \
                and table.words[start - 1].istitle() and table.words[start - 1].isalpha():
            start -= 1
        if start < end and start > 0 and table.words[start - 1] in {"the", "'s", "’s"} \
                and not doc[start].is_sent_start:
            out.append(Span(doc, start, end, label="GPE"))
    return out


def ship_short_names(doc: Doc, found: list[Mention]) -> None:
    """'the Eisenhower' after 'the aircraft carrier USS Dwight D. Eisenhower': a one-word name written after 'the' that
    is the last word of the only ship of the document with a longer name is that ship (people are not written with
    'the'); a capitalised word after it ('the Eisenhower Library') makes a longer name."""
    ships: dict[str, set[str]] = {}
    for m in found:
        words = m.name.split()
        if m.type == "SHIP" and len(words) >= 2:
            ships.setdefault(words[-1], set()).add(m.name)
    if not ships:
        return
    table = doc_words(doc)
    short: dict[str, list[Mention]] = {}
    for m in found:
        if m.name in ships and m.type != "SHIP":
            short.setdefault(m.name, []).append(m)
    for name, mentions in short.items():
        if len(ships[name]) == 1 and all(_after_the_alone(table, m) for m in mentions):
            for m in mentions:  # every mention written so: 'President Eisenhower' keeps the name a person's
                m.type, m.cue = "SHIP", f"short form of the ship {next(iter(ships[name]))!r} named in the document"


def storm_short_names(found: list[Mention]) -> None:
    """'Delphine weakened' after 'Hurricane Delphine', 'since Camille and Katrina' beside 'Hurricane Katrina': a
    one-word name that is the last word of the only storm of the document with that last word is that storm,
    named in full so the two are one, whatever the model typed; never a titled person or a word of a person's
    full name of the document."""
    storms: dict[str, set[str]] = {}
    for m in found:
        if m.type == "EVENT" and " " in m.name and _storm_name(m.name):
            storms.setdefault(m.name.split()[-1], set()).add(m.name)
    if not storms:
        return
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    for m in found:
        full = storms.get(m.name, set())
        if len(full) != 1 or (m.type != "EVENT" and (m.title or m.name in people)):
            continue
        storm = next(iter(full))
        m.type, m.name, m.cue = "EVENT", storm, f"short form of the storm {storm!r}"


def ship_lists(doc: Doc, found: list[Mention]) -> None:
    """'the Jinan and the Guilin' after a ship noun, 'the decks of the Liaoning and the Shandong': a name written with
    'the' right after a ship that a cue found, joined by 'and' or a comma, is a ship too (not a country or a place
    of kg's tables, not a titled person)."""
    if not any(m.type == "SHIP" and m.cue for m in found):
        return
    text = doc_words(doc).text
    ordered = sorted(found, key=lambda m: m.start)
    plural = False  # in a list a plural ship noun opened ('the frigates Hydra and Kimon'): 'the' may go unwritten
    for first, then in itertools.pairwise(ordered):
        plural = first.cue in _PLURAL_LIST_CUES or (plural and first.cue.startswith("in a list after the ship"))
        if first.type != "SHIP" or not first.cue or then.type == "SHIP" or then.source != "ner" or then.cue or \
                then.title or then.demonym or lexicon.table_place(then.name):
            continue
        between = text[first.end : then.start] + ("the " if then.text[:4].lower() == "the " else "")
        if (_LIST_THE.fullmatch(between) or (plural and _LIST.fullmatch(between))) and not _possessive_at(text, then):
            then.type, then.cue = "SHIP", f"in a list after the ship {first.name!r}"


_LIST_THE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)the\s+")
_LIST = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
# Cues of a ship named first in a list a plural ship noun opens: the names after it may go without 'the'.
_PLURAL_LIST_CUES = frozenset({PLURAL_SHIPS_CUE, "named in a list of ships"})


def _possessive_at(text: str, m: Mention) -> bool:
    """The mention is written as an owner ('the Navy's newest carrier'): it describes the noun after it, the phrase is
    an apposition of the ship before it, not another ship of a list."""
    return m.text.endswith(("'s", "’s")) or text[m.end : m.end + 2] in {"'s", "’s"}


def _after_the_alone(table: DocWords, m: Mention) -> bool:
    """The mention is one word of a person, organisation or place type, written right after 'the' and before no
    capitalised word."""
    i, end = bisect.bisect_left(table.starts, m.start), bisect.bisect_left(table.starts, m.end)
    before = table.words[i - 1] if i > 0 else ""
    after = table.words[end] if end < len(table.words) else ""
    return (m.type in {"PERSON", "ORG", "GPE", "LOC", "FACILITY"} and end == i + 1 and before.lower() == "the"
            and not after[:1].isupper())


def group_cue(span: Span) -> str:
    """Why a NORP span that is no country's demonym names a group of people, an actor in the news ('Kurds',
    'Shiite', 'Republicans'): a form in kg/data/groups.json, or a capitalised plural proper noun; else ''."""
    name = normalise(span)[0]
    if not name[:1].isupper():
        return ""
    if lexicon.group(name):
        return f"group of people: a form of {lexicon.group(name)!r} (kg/data/groups.json)"
    last = span[-1]
    if last.tag_ == "NNPS" and last.text.endswith("s") and all(t.text[:1].isupper() for t in span if t.is_alpha):
        return "group of people: a plural proper noun labelled NORP"
    return ""


def norp_company_cue(span: Span) -> str:
    """Why a one-word NORP span that no table claims names a company: it is listed with an organisation the model
    found ('supplies cells to General Motors and Rivian'), and with no name of another kind ('macOS, Windows,
    Solaris' holds a place, so it is no list of companies); else ''."""
    if len(span) != 1 or span[0].tag_ != "NNP" or lexicon.group(span.text):
        return ""
    conjuncts = span[0].conjuncts
    partners = [t for t in conjuncts if t.ent_type_ == "ORG"]
    if not partners or any(t.ent_type_ not in {"", "ORG"} for t in conjuncts):
        return ""
    return f"listed with the organisation {partners[0].text!r}"


def norp_place_cue(span: Span) -> str:
    """Why a one-word NORP span that no table claims is a place the model took for a people ('the town of Urziceni',
    'northern Punjab', 'Punjab province', 'Punjab, Pakistan'): a place cue before it (resolution.json place_cues),
    a direction word before it, a place-kind noun after it or a comma and a country after it; else ''."""
    word = span[0]
    if len(span) != 1 or word.tag_ != "NNP" or not (word.is_alpha and word.is_title):
        return ""
    doc, directions = span.doc, lexicon.words("relation_lexicon.json", "directions")
    prev = doc[span.start - 1].text if span.start > 0 else ""
    after = [t.text for t in doc[span.end : span.end + 2]]
    if (place_cue(span) or prev in directions) and word.dep_ not in {"amod", "compound", "nmod"}:
        return f"place cue before a name labelled NORP: {prev!r}"  # not 'near Sindarin villages': an adjective
    if after and after[0] in lexicon.words("relation_lexicon.json", "place_kinds"):
        return f"place noun after a name labelled NORP: {after[0]!r}"
    if len(after) == 2 and after[0] == "," and lexicon.countries().variant(after[1]):
        return f"a name labelled NORP followed by its country: {after[1]!r}"
    return _route_end_cue(span)


def _route_end_cue(span: Span) -> str:
    """Why a one-word name is one end of a route whose other end is a place the model found ('moved its warships
    from Sevastopol to Novorossiysk', 'flights from Lviv to Warsaw'): 'from' before it and 'to' and a GPE/LOC after,
    or 'to' before it after 'from' and a place (:func:`_route_place`); else ''."""
    doc, i, j = span.doc, span.start, span.end
    if i > 0 and doc[i - 1].lower_ == "from" and j + 1 < len(doc) and doc[j].lower_ == "to" and \
            _route_place(doc[j + 1]):
        return f"route from it to the place {doc[j + 1].text!r}"
    if i < 3 or doc[i - 1].lower_ != "to" or not _route_place(doc[i - 2]):
        return ""
    k = i - 2
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1  # the other end's first word: 'from New York to X'
    return f"route to it from the place {doc[i - 2].text!r}" if k > 0 and doc[k - 1].lower_ == "from" else ""


def _route_place(tok: Token) -> bool:
    """A word of a place the model found (GPE, LOC, FAC), or a place of kg's tables it left unlabelled ('Kyiv')."""
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or (
        tok.ent_iob_ == "O" and tok.is_title and lexicon.table_place(tok.text))


def demonym_place(name: str, kind: str) -> lexicon.Place | None:
    """The country a demonym names, else the place that is no country ('Texan', 'Florentine': places.json); a span
    not labelled NORP that is written like its place ('Caribbean' labelled LOC) is the place itself, no demonym."""
    place = lexicon.countries().demonym(name)
    if place is None and (place := lexicon.place_demonym(name)) is not None and kind != "NORP":
        return None if lexicon.key(place.name) == lexicon.key(name) else place
    return place


def _stands_alone(doc: Doc, start: int, end: int) -> bool:
    """The tokens are not part of a longer capitalised name: no capitalised word right before (unless the
    sentence starts there; 'The' does not count) or right after."""
    prev = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    if prev is not None and prev.text[:1].isupper() and prev.is_alpha and prev.lower_ not in DETERMINERS:
        return False
    return end >= len(doc) or not (doc[end].text[:1].isupper() and doc[end].is_alpha)


def repeated_names(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """Mentions for later (or earlier) occurrences of a name found in the document that the model left
    unlabelled ('Dolly Parton' found once, missed the second time), or the surname of a person's full name
    ('Parton'): same spelling, not inside any entity span, not part of a longer capitalised name; a one-word
    name must be tagged a proper noun there. Each gets the type of the mention it repeats."""
    by_first: dict[str, dict[tuple[str, ...], Mention]] = {}
    for m in found:
        words = tuple(m.name.split())
        if m.demonym or m.metonym or not words or len(m.name) < 3 or not m.name[:1].isupper() or \
                (m.type == "LAW" and len(words) < 2):  # 'Ankara Declaration' again in a headline; not 'Constitution'
            continue
        by_first.setdefault(words[0], {}).setdefault(words, m)
        last = words[-1]
        if m.type == "PERSON" and len(words) >= 2 and len(last) >= 3 and last.isalpha() and last[:1].isupper():
            by_first.setdefault(last, {}).setdefault((last,), m)
    longest_first = {first: sorted(names.items(), key=lambda kv: -len(kv[0])) for first, names in by_first.items()}
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for m in found:
        span = mention_span(doc, m)
        taken.update(range(span.start, span.end) if span is not None else ())
    texts = doc_words(doc).words
    out: list[Mention] = []
    free = 0  # tokens before this one are inside a repeat already found
    for i in [i for i, text in enumerate(texts) if text in longest_first]:  # only a known first word can start one
        if i < free:
            continue
        hit = None
        for words, m in longest_first[texts[i]]:
            end = i + len(words)
            if end <= len(doc) and tuple(texts[i:end]) == words and not taken & set(range(i, end)):
                if _stands_alone(doc, i, end) and (len(words) > 1 or doc[i].pos_ == "PROPN"):
                    hit = (end, m)
                break
        if hit is None:
            continue
        end, m = hit
        span = doc[i:end]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type=m.type,
                           sent=sent_index[span.sent.start], name=span.text, label=m.label, source=SAME_NAME,
                           cue=f"same name as a {m.type} mention found elsewhere in the document"))
        free = end
    return out


@lru_cache(maxsize=1)
def _workplace_at() -> re.Pattern:
    """'<role noun> at <Capital>': the noun of kg/data/types.json workplaces, then 'at' and a capitalised word."""
    nouns = sorted(lexicon.words("types.json", "workplaces", "words"), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, nouns))}) at (?=[A-Z])", re.I)


def _workplace_end(doc: Doc, i: int) -> int:
    """End of the capitalised name opening at token i ('Goldman Sachs', 'Bank of America', 'Morgan Stanley & Co')."""
    words = doc_words(doc).words
    end = i
    while end < len(doc) and words[end][:1].isupper():
        end += 1
        if end + 1 < len(doc) and words[end] in {"&", "of"} and words[end + 1][:1].isupper():
            end += 1
    return end


def workplaces(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """'an analyst at Bernstein in London', 'Analysts at Jefferies said': the name after a worker's noun and 'at' is
    the employer, an ORG. A mention of it the model typed a place or a person is retyped; a name in no mention is
    added; a place of kg's tables stays one. Returns the added mentions."""
    table = doc_words(doc)
    out: list[Mention] = []
    for match in _workplace_at().finditer(table.text):
        first = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        span = doc[first.start : _workplace_end(doc, first.start)]
        if lexicon.table_place(span.text) or lexicon.countries().any(span.text) is not None:
            continue
        inside = [m for m in found if m.start < span.end_char and span.start_char < m.end]
        cue = f"employer of {match.group(0).split()[0].lower()!r} before 'at'"
        if not inside and span.root.pos_ == "PROPN" and not any(t.ent_type_ for t in span):
            out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="ORG",
                               sent=sent_index[span.sent.start], name=span.text, source="context", cue=cue))
        for m in inside:
            if m.type in {"GPE", "LOC", "PERSON"} and (m.start, m.end) == (span.start_char, span.end_char) \
                    and not m.title and not m.demonym:
                m.type, m.cue = "ORG", cue
    return out


def alias_pairs(doc: Doc, found: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, alias) pairs of one sentence written 'Mohamed Hamdan Dagalo, widely known as Hemedti'
    (lexicon.alias_link): the alias is capitalised and neither is a demonym."""
    if not lexicon.alias_cue_words().search(doc_words(doc).text):
        return []  # no cue anywhere in the document: no pair to look for
    ordered = sorted((m for m in found if not m.demonym), key=lambda m: m.start)
    pairs = [(k, a, b) for k, (a, b) in enumerate(itertools.pairwise(ordered))
             if a.sent == b.sent and b.name[:1].isupper() and a.end <= b.start
             and lexicon.alias_link(_between(doc, a.end, b.start))]
    found_pairs = [(_placed_name(doc, ordered, k, b), b) for k, a, b in pairs] + _who_pairs(doc, ordered) + \
        _described_pairs(doc, ordered)
    # 'X, known in the Philippines as Y': the place where Y is used stands between the two names
    return found_pairs + [(a, b) for a, place, b in zip(ordered, ordered[1:], ordered[2:], strict=False)
                          if a.sent == b.sent and place.type in {"GPE", "LOC"} and b.name[:1].isupper()
                          and a.end <= b.start and lexicon.alias_link(_between(doc, a.end, b.start))]


def _who_pairs(doc: Doc, ordered: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(person, alias) pairs written 'Mohamed Hamdan Dagalo, the commander of the RSF, who is widely known as
    Hemedti' (lexicon.who_alias_link): 'who' names the person last named before it in the sentence."""
    if " who " not in doc_words(doc).text:
        return []
    out = []
    for k, (a, b) in enumerate(itertools.pairwise(ordered)):
        if a.sent == b.sent and b.name[:1].isupper() and a.end <= b.start and lexicon.who_alias_link(
                _between(doc, a.end, b.start)):
            person = next((m for m in reversed(ordered[: k + 1]) if m.sent == a.sent and m.type == "PERSON"), None)
            if person is not None and person is not b:
                out.append((person, b))
    return out


def _described_pairs(doc: Doc, ordered: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, alias) pairs written 'Pituffik Space Base, the U.S. military's northernmost installation, formerly
    known as Thule Air Base' (lexicon.described_alias_pairs)."""
    names = [(m.start, m.end, m.sent, m.name) for m in ordered]
    return [(ordered[i], ordered[k]) for i, k in lexicon.described_alias_pairs(
        names, lambda _, end, start: _between(doc, end, start))]


def _placed_name(doc: Doc, ordered: list[Mention], k: int, alias: Mention) -> Mention:
    """The name an alias after 'X in <place>, known as' is another name of: X when the place is not of the alias's
    type and X is ('Pituffik Space Base in northwest Greenland, formerly known as Thule Air Base' names the base)."""
    place = ordered[k]
    if k == 0 or place.type not in {"GPE", "LOC"} or place.type == alias.type:
        return place
    named = ordered[k - 1]
    if named.type == alias.type and named.sent == place.sent and lexicon.IN_PLACE_GAP.fullmatch(
            _between(doc, named.end, place.start)):
        return named
    return place


def known_as(doc: Doc, found: list[Mention]) -> None:
    """Every mention of an alias takes the type of the name it is another name of ('Abdirahman Mohamed Abdullahi,
    known as Irro … Irro's office': both Irro are the person, whatever the model read)."""
    for named, alias in alias_pairs(doc, found):
        if named.type == alias.type:
            continue
        name = lexicon.key(alias.name)
        for m in found:
            if lexicon.key(m.name) == name and not m.demonym and not m.metonym:
                m.type, m.cue = named.type, f"another name of {named.name!r} (known as)"


# A lower-case noun, then 'known as' / 'called' / 'dubbed', ending right before a name ('the group known as ').
KIND_KNOWN_AS = re.compile(
    r"\b([a-z]+),? (?:(?:also|widely|better|commonly|now) )?(?:known as|called|dubbed|named|code-?named) $")
KIND_NAMES = {"ORG": "organisation", "GPE": "place", "EVENT": "event"}


def kind_known_as(doc: Doc, found: list[Mention]) -> None:
    """'the group known as Sandworm', 'a state called Guayana Esequiba', 'the exercise, named Kamandag': a name
    written right after a noun of a kind of organisation, place or event and 'known as', 'called', 'dubbed' or
    'named' (types.json kind_known_as) is of that type, and so is every other mention of it in the document ('which
    both track Sandworm' read as a person)."""
    text = doc_words(doc).text
    if not any(cue in text for cue in (" known as ", " called ", " dubbed ", "named ")):
        return
    table = lexicon.load_json("types.json")["kind_known_as"]
    kinds = {noun: kind for kind in KIND_NAMES for noun in table.get(kind, [])}
    names: dict[str, str] = {}
    for m in found:
        match = KIND_KNOWN_AS.search(text, max(0, m.start - 40), m.start)
        if match is not None and match.group(1) in kinds and not m.demonym:
            names[lexicon.key(m.name)] = kinds[match.group(1)]
    for m in found:
        kind = names.get(lexicon.key(m.name)) if names else None
        if kind and m.type != kind and m.type in {"PERSON", "ORG", "GPE", "LOC", "FACILITY"} and not m.demonym:
            m.type, m.cue = kind, f"named after a kind of {KIND_NAMES[kind]} and 'known as'"


def acronym_bodies(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """ORG mentions for an acronym in no entity written before a noun of a public body, at most two lower-case words
    between ('the GCHQ signals agency': types.json acronym_bodies); a common noun's acronym ('AI') is none."""
    words = doc_words(doc)
    nouns = lexicon.words("types.json", "acronym_bodies", "nouns")
    if nouns.isdisjoint(words.words):
        return []
    common = lexicon.words("types.json", "common_acronyms", "words")
    covered = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    for i in (i for i, w in enumerate(words.words) if w in nouns):
        j = i - 1
        while j > 0 and i - j <= 2 and words.words[j].islower() and words.words[j].isalpha():
            j -= 1
        word = words.words[j]
        if j < 0 or not (word.isupper() and word.isalpha() and 3 <= len(word) <= 6) or word in common or \
                doc[j].ent_type_ or any(a <= words.starts[j] < b for a, b in covered):
            continue
        out.append(Mention(start=words.starts[j], end=words.starts[j] + len(word), text=word, type="ORG",
                           sent=sent_index[doc[j].sent.start], name=word, source="context",
                           cue=f"acronym before {words.words[i]!r}"))
    return out


# Parts of speech after a possessive that say no noun it owns follows ('Guy's and ...', 'St Thomas' to ...').
ENDS_A_NOUN_PHRASE = frozenset({"CCONJ", "PUNCT", "PART", "AUX", "VERB", "ADP", "SCONJ"})


def elliptic_possessives(doc: Doc, found: list[Mention]) -> None:
    """'King's College Hospital and Guy's and St Thomas'': a name the model read as a person, written with a possessive
    ending and no noun after it, joined by 'and' to an organisation or facility, names one of the same kind (a hospital,
    a shop), no person; 'my car and John's' (no name before) stays."""
    text = doc_words(doc).text
    starts = {m.start: m for m in found}
    for m in found:
        after = text[m.end : m.end + 3]
        ending = "'s" if after[:2] == "'s" and not after[2:].isalpha() else ""
        if m.type != "PERSON" or m.title or not (ending or m.text.endswith("'")):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        head, nxt = span.root, span.end + (1 if ending else 0)
        if head.dep_ != "conj" or head.head.ent_iob_ == "" or (
                nxt < len(doc) and doc[nxt].pos_ not in ENDS_A_NOUN_PHRASE):
            continue  # 'Nexon and Respawn's 2015 partnership': a noun follows
        owner = next((starts.get(e.start_char) for e in doc.ents if e.start <= head.head.i < e.end), None)
        if owner is not None and owner.type in {"ORG", "FACILITY"}:
            m.type, m.cue = owner.type, f"possessive name with no noun after, joined to {owner.name!r}"
            m.end += len(ending)
            m.text, m.name = text[m.start : m.end], m.name + ending


def bracket_acronym_types(doc: Doc, found: list[Mention]) -> None:
    """'the Naval Strike Missile (NSM)': an acronym in brackets right after a name it is the initials of takes that
    name's type, whatever the model or another mention of the acronym made of it, when a rule or cue typed the name
    (the model's own type of a long name is no surer than its type of the acronym)."""
    text = doc_words(doc).text
    ordered = sorted(found, key=lambda m: m.start)
    for long, short in itertools.pairwise(ordered):
        typed_by_rule = bool(long.cue) or long.source.startswith("ruler") or _no_place_acronym(long, short)
        if text[long.end : short.start].strip() == "(" and text[short.end : short.end + 1] == ")" and typed_by_rule \
                and short.type != long.type and lexicon.is_acronym(short.name) and not lexicon.is_acronym(long.name) \
                and lexicon.initials(long.name) == short.name.replace(".", ""):
            short.type, short.cue = long.type, f"acronym in brackets after {long.name!r}"


def _no_place_acronym(long: Mention, short: Mention) -> bool:
    """The acronym the model typed a place, of a long name it typed an organisation, is that organisation's when
    kg's tables know neither as a place ('the United Nations Military Observer Group in India and Pakistan (UNMOGIP)'
    GPE): a place's initials in brackets are a country's or a capital's ('United Arab Emirates (UAE)')."""
    return long.type == "ORG" and short.type in {"GPE", "LOC"} and not lexicon.table_place(short.name) \
        and not lexicon.table_place(long.name)


def relatives(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """Person mentions for '<Given name> <Surname>' the model left unlabelled (or labelled as no node type), where
    the surname ends the full names of two or more people of the document and stands alone for a person too
    ('Ivanka Trump' beside 'Donald Trump', 'Eric Trump' and 'Trump said'; 'Lara' PRODUCT + 'Trump'): a family
    written in full. One full name is not enough: the model's 'Partizan Belgrade' PERSON would make a person of
    'League Belgrade'."""
    people: dict[str, set[str]] = {}
    for m in found:
        words = m.name.split()
        if m.type == "PERSON" and len(words) >= 2 and len(words[-1]) >= 3 and words[-1].isalpha():
            people.setdefault(words[-1], set()).add(words[0])
    alone = {m.name for m in found if m.type == "PERSON" and " " not in m.name}
    # a family: two first names with the surname, and the surname alone for one of them ('Hunter Pass' and
    # 'Cottonwood Pass', which the model took for people, make no family)
    surnames = {w for w, given in people.items() if len(given) >= 2 and w[:1].isupper() and w in alone}
    if not surnames:
        return []
    table = doc_words(doc)
    taken = set()
    for m in found:
        a, b = bisect.bisect_left(table.starts, m.start), bisect.bisect_left(table.starts, m.end)
        taken.update(range(a, b))
    titles = _title_words()[2] | lexicon.words("titles.json", "roles")
    out = []
    for i, word in enumerate(table.words):
        if word not in surnames or i == 0 or i in taken or i - 1 in taken or table.sent_end[i - 1]:
            continue
        given = doc[i - 1]
        if not (given.is_title and given.is_alpha and given.pos_ == "PROPN") or given.text in titles:
            continue
        if given.ent_type_ and kg_type(given.ent_type_) is not None:
            continue  # the model gave it a node type of its own ('Eric' of 'Eric Trump' is in a span already)
        if i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha:
            continue  # a longer name goes on ('Trump Organization')
        span = doc[i - 1 : i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, text=span.text, type="PERSON",
                           sent=sent_index[span.sent.start], name=span.text, label="PERSON", source="context",
                           cue=f"given name + the surname of a person named in the document: {word!r}"))
        taken.update((i - 1, i))
    return out


def extract_mentions(doc: Doc, sent_index: dict[int, int], types: tuple[str, ...] = ENTITY_TYPES,
                     text: str | None = None) -> list[Mention]:
    """One Mention per entity span whose label maps to a node type (demonyms as mentions of their country).

    `types` are the node types kept: kg's ten by default; extra spaCy labels (EXTRA_ENTITY_TYPES) the user
    added become types of their own. `text` is doc.text when the caller has it (spaCy rebuilds doc.text
    from every token on each access)."""
    doc_words(doc, text)
    extra = set(types) - set(ENTITY_TYPES)
    found: list[Mention] = []
    untyped: list[Span] = []  # spans of labels that are not nodes by themselves: typed later from context
    table = lexicon.countries()
    hull_symbols = lexicon.words("ships.json", "hull_symbols", "words")
    for ent in doc.ents:
        kind = kg_type(ent.label_)
        if not ent.text.strip() or ent.text in hull_symbols:
            continue  # 'SSN' of 'SSN-AUKUS boats': a ship type
        if kind is None:
            if ent.label_ in extra:
                found.append(mention(ent, ent.label_, sent_index[ent.sent.start]))
            elif ent.label_ in _context_types()["labels"]:
                untyped.append(ent)
            continue
        sent = sent_index[ent.sent.start]
        parts = country_parts(ent)
        if parts:
            for start, end, text in parts:
                place = table.variant(text)
                found.append(Mention(start=start, end=end, text=text, type=(place or table.demonym(text)).type,
                                     sent=sent, name=text, label=ent.label_, demonym=place is None,
                                     source="compound", cue="hyphenated country compound"))
            continue
        if kind == "NORP" and (longer := _expansion_from(ent)) is not None:
            m = mention(longer, "ORG", sent)  # 'Islamic' NORP of 'the Islamic State claimed'
            m.source, m.cue = "context", m.cue or "a common acronym's expansion (kg/data/acronyms.json)"
            found.append(m)
            continue
        if kind == "NORP" or (kind in DEMONYM_MISREAD and demonym_place(ent.text, kind) and not table.variant(ent.text)
                              and not (kind in {"PERSON", "ORG"} and _name_goes_on(ent))):
            place = demonym_place(normalise(ent)[0], kind)
            if place is not None:
                found.append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text, type=place.type,
                                     sent=sent, name=normalise(ent)[0], label=ent.label_, demonym=True,
                                     source=f"ruler:{ent.ent_id_}" if ent.ent_id_ else "ner"))
            elif ship_cue(ent):
                found.append(mention(ent, "ORG", sent))  # an unknown 'NORP' beside a ship noun: the ship's name
            elif kind == "NORP" and group_cue(ent):
                m = mention(ent, "ORG", sent)
                m.cue = m.cue or group_cue(ent)
                found.append(m)
            elif kind == "NORP" and (cue := norp_company_cue(ent)):
                m = mention(ent, "ORG", sent)
                m.source, m.cue = "context", m.cue or cue  # mention() may have retyped it ('Surin provinces')
                found.append(m)
            elif kind == "NORP" and (cue := norp_place_cue(ent)):
                m = mention(ent, "GPE", sent)
                m.source, m.cue = "context", cue
                found.append(m)
            elif "NORP" in extra:
                found.append(mention(ent, "NORP", sent))
            elif ent.label_ in _context_types()["labels"]:
                untyped.append(ent)
            continue
        if kind == "ORG" and (cut := country_then_title(ent)) is not None:
            found.append(mention(Span(doc, ent.start, cut, label="GPE"), "GPE", sent))  # 'the U.S.' of a title
            continue
        if kind in {"ORG", "PERSON", "GPE", "NORP"} and (only_title_part(ent) or office_between(ent)
                                                         or initial_then_title(ent) or space_vehicle(ent)
                                                         or office_before_name(ent)):
            continue
        if kind in {"ORG", "PERSON", "GPE", "LOC"} and numbered_spacecraft(ent):
            continue
        if kind == "LAW" and generic_act(ent):
            continue
        found.append(mention(pronoun_cut(ent), kind, sent))
    for span in unlabelled_ships(doc):
        m = mention(span, "SHIP", sent_index[span.sent.start])
        m.source, m.cue = "context", ship_cue(span)
        found.append(m)
    for span in unlabelled_regions(doc):
        m = mention(span, "GPE", sent_index[span.sent.start])
        m.source, m.cue = "context", f"region word after: {doc[span.end].text!r}"
        found.append(m)
    found = naval_names(doc, found)
    ship_short_names(doc, found)
    storm_short_names(found)
    ship_lists(doc, found)
    found.extend(owner_possessives(doc, found))
    found = kind_listed_places(doc, found)
    sports_clubs(doc, found)
    found = demonym_places(found, doc_words(doc).text)
    coordinated_places(doc, found)
    route_ends(doc, found)
    coordinated_companies(doc, found)
    coordinated_arms(doc, found)
    places_by_possession(doc, found)
    countries_not_people(found)
    places_not_people(found)
    facilities_not_people(found)
    surnames_as_people(doc, found)
    full_names_as_people(found)
    country_qualifiers(doc, found)
    found = companies_not_people(doc, found, sent_index)
    found = name_pairs(doc, found, sent_index)
    found.extend(workplaces(doc, found, sent_index))
    found.extend(typed_by_context(doc, untyped, found, sent_index))
    found.extend(hyphen_given_people(doc, found, sent_index))
    found.extend(repeated_names(doc, found, sent_index))
    hyphen_given_names(doc, found)
    hyphen_given_tails(doc, found)
    bracket_acronym_types(doc, found)
    found.extend(relatives(doc, found, sent_index))
    known_as(doc, found)
    kind_known_as(doc, found)
    elliptic_possessives(doc, found)
    found.extend(acronym_bodies(doc, found, sent_index))
    found = common_word_openers(doc, found)
    spelt: dict[str, bool] = {}
    found = [m for m in found if not common_acronym(m, doc_words(doc).text, spelt) and not type_designation(m)
             and not credit_rating(doc, m)]
    found.extend(legal_form_after(doc, found, sent_index))
    found = legal_form_pairs(found)
    company_tails(doc, found)
    companies_short(found)
    company_openers(found)
    legal_forms(found)
    business_names(found)
    plural_models(found)
    model_tails(found)
    based_places(doc, found)
    kept = sorted((m for m in found if m.type in types and has_name(m.name or m.text, lower_ok=m.type == "LAW")
                   and not lone_letter(m) and not bare_year(m)), key=lambda m: m.start)
    kept = sorted(kept + dateline_places(doc, kept, sent_index), key=lambda m: m.start)
    mark_datelines(doc, kept)
    return caps_headings(doc, kept)


@lru_cache(maxsize=1)
def _naval_table() -> tuple[frozenset[str], re.Pattern, frozenset[str], tuple[tuple[str, ...], ...]]:
    """(class words, hull-number pattern, exercise first words, exercise nouns as word tuples) of ships.json."""
    table = lexicon.load_json("ships.json")["naval_names"]
    return (frozenset(table["class_words"]), re.compile(table["hull_number"]), frozenset(table["exercise_first"]),
            tuple(tuple(n.split()) for n in table["exercise_nouns"]))


def naval_names(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Defence news naming (ships.json naval_names): a ship class's name ('Kolkata' of 'the Kolkata-class
    destroyer') and a ship's hull number in brackets ('FS Normandie (D651)') are no nodes; an exercise's name is
    an EVENT ('Exercise Pitch Black', 'the Malabar naval exercise')."""
    class_words, hull_number, first, nouns = _naval_table()
    text = doc_words(doc).text
    lowered = text.lower()
    written = set(doc_words(doc).words)
    # An exercise cue needs an exercise word or the first word of an exercise noun among the Doc's words.
    cues = not written.isdisjoint(first) or any(not n or n[0] in written for n in nouns)
    if not any(w in lowered for w in class_words) and "(" not in text and not (cues and any(
            _exercise_cue(doc, m) for m in found)):
        return found
    ships = {m.end for m in found if m.type == "SHIP"}
    kept = []
    for m in found:
        span = mention_span(doc, m)
        if span is None or _class_name(span, class_words) or _hull_number(span, m, ships, hull_number):
            continue
        retype = m.type in {"ORG", "GPE", "PERSON"} or (m.type == "LOC" and _exercise_named_as_place(m.name))
        if retype and not m.demonym and cues and not _exercise_holder(m) and (cue := _exercise_cue(doc, m)):
            m.type, m.cue = "EVENT", cue
        elif m.type == "FACILITY" and cues and (cue := _exercise_apposition(span)):
            m.type, m.cue = "EVENT", cue  # 'Ramstein Flag, an air exercise,': no airfield
        if m.type == "EVENT" and m.name.startswith("Exercise "):
            m.name = m.name.removeprefix("Exercise ")  # 'Exercise Pitch Black' is written 'Pitch Black' after
        kept.append(m)
    return kept


def _exercise_named_as_place(name: str) -> bool:
    """A LOC the model read that can be an exercise's name before an exercise noun: one word ('Malabar'), or words
    not closed by a natural feature's head, a compass point or a place of kg's tables ('the Pacific Steller
    exercise'; 'the South China Sea exercise', 'the Western Pacific exercise' stay places)."""
    words = name.split()
    return len(words) == 1 or not any(
        words[-1] in lexicon.words("feature_names.json", "suffix_heads", "words") or words[-1] in _COMPASS_WORDS
        or lexicon.table_place(part) or lexicon.countries().any(part) is not None for part in (name, words[-1]))


_COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"})


def _class_name(span: Span, class_words: frozenset[str]) -> bool:
    """The span ends in 'class' or stands right before '-class' / 'class', or holds a hyphened lower-case 'class'
    ('Arleigh Burke-class destroyer', read as one name by the model)."""
    words = doc_words(span.doc).words
    after = [w.lower() for w in words[span.end : span.end + 2]]
    hyphened = any(words[i] == "class" and words[i - 1] == "-" for i in range(span.start + 1, span.end))
    return words[span.end - 1].lower() in class_words or after[:1] in (["class"], ["-class"]) or \
        after == ["-", "class"] or hyphened


def _hull_number(span: Span, m: Mention, ship_ends: set[int], pattern: re.Pattern) -> bool:
    """A code in brackets written right after a ship's name ('(D651)')."""
    doc = span.doc
    if not pattern.match(m.text) or span.start < 2 or span.end >= len(doc):
        return False
    return doc[span.start - 1].text == "(" and doc[span.end].text == ")" and doc[span.start - 2].idx + len(
        doc[span.start - 2]) in ship_ends


@lru_cache(maxsize=1)
def _armed_service_words() -> frozenset[str]:
    """Lower-case last words of a country's armed services (resolution.json armed_forces: 'navy', 'force', 'guard')."""
    return frozenset(k.split()[-1] for k in lexicon.rules()["armed_forces"] if k != "comment")


def _exercise_holder(m: Mention) -> bool:
    """A name that holds exercises rather than being one: a country ('US-Japan exercises'), a known acronym's body
    ('NATO exercises') or an armed service ('Navy drills', 'the Philippine Navy exercise')."""
    name = m.name or m.text
    return (lexicon.countries().variant(name) is not None or name in lexicon.acronyms()
            or name.split()[-1].lower() in _armed_service_words())


def _exercise_cue(doc: Doc, m: Mention) -> str:
    """'exercise word before' for 'Exercise Pitch Black' / 'Operation Horizon'; 'exercise noun after' for 'the
    Malabar naval exercise'; else ''."""
    _, _, first, nouns = _naval_table()
    span = mention_span(doc, m)
    if span is None:
        return ""
    if (len(span) >= 2 and span[0].text in first) or (span.start > 0 and doc[span.start - 1].text in first):
        return "exercise word before the name"
    i = _past_conjunct(doc, span.end)
    if i < len(doc) and (doc[i].like_num or (doc[i].pos_ == "ADJ" and doc[i].is_lower)):
        i += 1
    words = tuple(t.text for t in doc[i : i + 2])
    return EXERCISE_AFTER if any(words[: len(n)] == n for n in nouns) else _exercise_apposition(span)


def _past_conjunct(doc: Doc, i: int) -> int:
    """The index after a capitalised name joined by 'and'/'or' at i ('the Balikatan and Kamandag exercises': the
    noun after Kamandag is Balikatan's too); i when none follows."""
    if i >= len(doc) or doc[i].lower_ not in ("and", "or"):
        return i
    j = i + 1
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title:
        j += 1
    holder = j > i + 1 and (doc[j - 1].lower_ in _armed_service_words()
                            or lexicon.countries().variant(doc[i + 1 : j].text) is not None)
    return j if j > i + 1 and not holder else i


def _exercise_apposition(span: Span) -> str:
    """'exercise in apposition' when a comma and a phrase headed by an exercise noun follow the name ('Steadfast
    Defender 2024, the alliance's largest exercise since the Cold War,'; 'X, one of the biggest drills'); else ''."""
    doc = span.doc
    end = span.end + 1 if span.end < len(doc) and doc[span.end].like_num else span.end  # a year after it
    if end >= len(doc) or doc[end].text != ",":
        return ""
    nouns = {n[0] for n in _naval_table()[3] if len(n) == 1}
    for tok in doc[span.start : end]:
        for appos in (c for c in tok.children if c.dep_ == "appos" and c.i > end):
            heads = [appos] if appos.lower_ != "one" else [g for c in appos.children if c.lower_ == "of"
                                                            for g in c.children if g.dep_ == "pobj"]
            if any(h.lower_ in nouns for h in heads):
                return "exercise in apposition"
    return ""


def type_designation(m: Mention) -> bool:
    """'Type 212CD' read as an organisation: a ship class or model designation (types.json type_designations), no
    body and no node."""
    return m.type == "ORG" and m.name[:5] == "Type " and _type_designation().fullmatch(m.name) is not None


@lru_cache(maxsize=1)
def _type_designation() -> re.Pattern:
    return re.compile(lexicon.load_json("types.json")["type_designations"]["pattern"])


def common_acronym(m: Mention, text: str, spelt: dict[str, bool] | None = None) -> bool:
    """An acronym the document spells out in lower-case words is a common noun, not a name ('AI' beside 'artificial
    intelligence', 'LNG' beside 'liquefied natural gas'); one spelt out in capitals is a name ('WHO', 'World Health
    Organization'). The words must be content words (no stop word; five letters or more for two-letter acronyms),
    so chance sequences such as 'away from its' do not count. An acronym of types.json common_acronyms ('EV') is
    a common noun wherever it stands. `spelt` keeps the answer per acronym for one text."""
    if m.name in lexicon.words("types.json", "common_acronyms", "words"):
        return True
    if m.source != "ner" or not m.name.isupper() or not m.name.isalpha() or not 2 <= len(m.name) <= 5:
        return False
    if spelt is None:
        spelt = {}
    if m.name not in spelt:
        spelt[m.name] = any(not any(w in STOP_WORDS for w in re.split(r"[\s-]+", match.group()))
                            for match in _spelt_out(m.name).finditer(text)) and not _defined_in_capitals(m.name, text)
    return spelt[m.name]


def credit_rating(doc: Doc, m: Mention) -> bool:
    """A credit rating's grade before a rating noun ('Chile's A2 rating', 'an AA- grade'), no name (types.json
    credit_ratings)."""
    grade, nouns = _credit_ratings()
    if not grade.fullmatch(m.text):
        return False
    span = mention_span(doc, m)
    return span.end < len(doc) and doc[span.end].lower_ in nouns


@lru_cache(maxsize=1)
def _credit_ratings() -> tuple[re.Pattern, frozenset[str]]:
    table = lexicon.load_json("types.json")["credit_ratings"]
    return re.compile(table["grade"]), frozenset(table["nouns"])


def _defined_in_capitals(acronym: str, text: str) -> bool:
    """The text defines the acronym by capitalised words right before it in brackets ('a Joint Operations Command
    (JOC)'): a name, though a sentence-case headline writes the same words in lower case."""
    return f"({acronym})" in text and _capital_definition(acronym).search(text) is not None


@lru_cache(maxsize=4096)
def _capital_definition(acronym: str) -> re.Pattern:
    """Capitalised words whose initials spell the acronym, small joining words allowed, then it in brackets."""
    joint = r"[\s-]+(?:(?:of|and|for|the|on|in)\s+)*"
    words = joint.join(rf"{c}[a-z]+" for c in acronym)
    return re.compile(rf"(?<![\w-]){words}\s*\({acronym}\)")


@lru_cache(maxsize=4096)
def _spelt_out(acronym: str) -> re.Pattern:
    """Lower-case words whose initials spell the acronym (five letters or more each for a two-letter one)."""
    shortest = 5 if len(acronym) == 2 else 3
    words = r"[\s-]+".join(rf"{c.lower()}[a-z]{{{shortest - 1},}}" for c in acronym)
    return re.compile(rf"(?<![\w-]){words}(?![\w-])")


def companies_short(found: list[Mention]) -> None:
    """A one-word place the model typed is the company of the document named by it plus a company suffix ('Nvidia'
    GPE beside 'Nvidia Corp' ORG: kg/data/resolution.json company_suffixes); 'Syracuse' beside 'Syracuse University'
    may be the city, so institution words do not count."""
    suffixes = set(lexicon.rules()["company_suffixes"]["words"])
    short = {m.name.split()[0] for m in found if m.type == "ORG" and len(m.name.split()) == 2
             and m.name.split()[1].lower().strip(".") in suffixes}
    for m in found:
        if m.type in {"GPE", "LOC"} and m.name in short and not m.demonym and m.source == "ner" and not m.cue:
            m.type, m.cue = "ORG", "short form of a company named in the document"


def company_openers(found: list[Mention]) -> None:
    """A one-word name the model typed a person ('Veltro said') or an unknown place ('shares in Brenna') is the
    company of the document whose name it opens, the only one ending in a legal form ('Veltro Semiconductors NV':
    kg/data/resolution.json company_suffixes), when no person's full name of the document holds the word
    ('Bill Ford' … 'Ford Motor Co.' … 'Ford said' stays the person) and it names no place of kg's tables ('Tokyo'
    beside 'Tokyo Electron Ltd.') nor one the document writes with a place word ('Shandong province')."""
    suffixes = set(lexicon.rules()["company_suffixes"]["words"])
    openers: Counter[str] = Counter()
    for m in found:
        words = m.name.split()
        if m.type == "ORG" and len(words) >= 2 and words[-1].lower().strip(".") in suffixes and words[1] != "of":
            openers[words[0]] += 1
    if not openers:
        return
    people = {w for m in found if m.type == "PERSON" and " " in m.name for w in m.name.split()}
    kinds = lexicon.words("types.json", "name_edges", "place_kind_words")
    placed = {m.name for m in found if m.type in {"GPE", "LOC"} and m.text.rsplit(" ", 1)[-1] in kinds}
    for m in found:
        if (m.type not in {"PERSON", "GPE", "LOC"} or " " in m.name or openers[m.name] != 1 or m.name in people
                or m.name in placed  # 'a terminal in Shandong province' … 'Shandong Shouguang Petrochemical Co'

                or m.source != "ner" or m.cue or m.title or m.demonym or lexicon.table_place(m.name)
                or m.name in _country_last_words()):
            continue
        m.type, m.cue = "ORG", "opens the name of a company of the document"


def legal_forms(found: list[Mention]) -> None:
    """A name the model typed a person or place that ends in a company's legal form as companies write it ('Robert
    Bosch GmbH', 'Vaerdalen Invest AS.': kg/data/types.json legal_forms, case kept: 'Maria Sa' is a person) is a
    company."""
    forms = lexicon.words("types.json", "legal_forms", "words")
    for m in found:
        words = m.name.split()
        if (m.type in {"PERSON", "GPE", "LOC", "FACILITY"} and len(words) >= 2 and words[-1] in forms
                and m.source == "ner" and not m.cue):
            m.type, m.cue = "ORG", "ends in a company's legal form"


def plural_models(found: list[Mention]) -> None:
    """'a fleet of 20 Kfirs' ORG: a one-word name the model typed an organisation, person or place that is the plural
    of an aircraft, weapon or ship class named in the document ('Kfir aircraft') is that model, named in the
    singular."""
    models = {m.name: m.type for m in found if m.type in {"AIRCRAFT", "WEAPON"}}
    if not models:
        return
    for m in found:
        if m.type in {"ORG", "PERSON", "GPE"} and " " not in m.name and m.name.endswith("s") and not m.title and \
                (kind := models.get(m.name[:-1])):
            m.type, m.name, m.cue = kind, m.name[:-1], f"plural of the {kind.lower()} {m.name[:-1]!r}"


def model_tails(found: list[Mention]) -> None:
    """'the Super Hornet' FAC after 'an F/A-18F Super Hornet', 'four Typhoons' ORG after 'Eurofighter Typhoons': a
    name the model typed otherwise that is the name part of an aircraft or weapon written with its designator or
    its maker in the document (a plural too) is that model."""
    tails = {" ".join(words[1:]): m.type for m in found if m.type in {"AIRCRAFT", "WEAPON"}
             and len(words := m.name.split()) >= 2 and (any(ch.isdigit() for ch in words[0]) or _maker_model(words))}
    if not tails:
        return
    for m in found:
        if m.type not in {"ORG", "PERSON", "GPE", "LOC", "FACILITY"} or m.title:
            continue
        kind = tails.get(m.name) or (tails.get(m.name[:-1]) if m.name.endswith("s") and " " not in m.name else None)
        if kind:
            m.type, m.name, m.cue = kind, m.name if m.name in tails else m.name[:-1], \
                f"the name of the {kind.lower()} written with its designator or maker"


def _maker_model(words: list[str]) -> bool:
    """'Eurofighter Typhoon': a maker's one word, then the model's one capitalised word of letters."""
    return len(words) == 2 and words[1].isalpha() and words[1].istitle() and words[0][:1].isupper()


def business_names(found: list[Mention]) -> None:
    """A name the model typed a person or place that ends in a capitalised line-of-business word ('Barrick Mining's
    mine', 'Woodside Energy': kg/data/types.json business_words) is a company."""
    words = lexicon.words("types.json", "business_words", "words")
    for m in found:
        parts = m.name.split()
        if m.type in {"PERSON", "GPE", "LOC", "FACILITY"} and len(parts) >= 2 and parts[-1] in words \
                and m.source == "ner" and not m.cue and not m.title:
            m.type, m.cue = "ORG", "ends in a company's line of business"


def legal_form_after(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """'Korvath Energy' + 'Inc.': a name the model (or a repeat) ended right before a company's legal form (types.json
    legal_forms) takes it and is a company; so is every mention of the document by the name without it ('Korvath
    Energy' in the headline, read as a person). Returns the companies found in no mention before their legal form."""
    forms = lexicon.words("types.json", "legal_forms", "words")
    words = doc_words(doc)
    if forms.isdisjoint(words.words):
        return []
    bare: set[str] = set()
    for m in found:
        if m.type not in {"PERSON", "GPE", "LOC", "ORG"} or m.demonym or m.title or m.name.isupper():
            continue
        nxt = words.text[m.end : m.end + 12].split(maxsplit=1)
        if not nxt or words.text[m.end : m.end + 1] != " " or nxt[0].rstrip(",") not in forms:
            continue
        form = nxt[0].rstrip(",")
        bare.add(m.name)
        m.end = m.end + 1 + len(form)
        m.text, m.name, m.type, m.cue = words.text[m.start : m.end], f"{m.name} {form}", "ORG", "legal form after"
    added = _unlabelled_companies(doc, found, forms, sent_index)
    bare.update(m.name.rsplit(" ", 1)[0] for m in added)
    for m in found:
        if m.name in bare and m.type in {"PERSON", "GPE", "LOC"} and not m.title:
            m.type, m.cue = "ORG", "named with a company's legal form in the document"
    return added


def legal_form_pairs(found: list[Mention]) -> list[Mention]:
    """'Vancouver Shipyards and Davie' read as one organisation: a name whose words before 'and' end in a company's
    legal form or trade (types.json legal_forms) and whose words after it are one or two capitalised words names two
    companies, each an ORG mention of its own."""
    forms = lexicon.words("types.json", "legal_forms", "words")
    out: list[Mention] = []
    for m in found:
        left, sep, right = m.text.partition(" and ")
        words = right.split()
        if m.type != "ORG" or not sep or left.split()[-1] not in forms or not 1 <= len(words) <= 2 or not all(
                w[:1].isupper() and w.isalpha() for w in words) or left.lower().startswith("the "):
            out.append(m)
            continue
        cut = m.start + len(left)
        out.append(dataclasses.replace(m, end=cut, text=left, name=left, cue="two companies joined by 'and'"))
        out.append(dataclasses.replace(m, start=cut + len(sep), text=right, name=right, title="", qualifier="",
                                       cue="two companies joined by 'and'"))
    return out


def company_tails(doc: Doc, found: list[Mention]) -> None:
    """'Volvo' + 'Cars': an ORG mention the model ended right before a capitalised word of a company's kind
    (types.json company_tails), in no entity and with no capitalised word after it, takes that word."""
    tails = lexicon.words("types.json", "company_tails", "words")
    words = doc_words(doc)
    if tails.isdisjoint(words.words):
        return
    for m in found:
        if m.type != "ORG" or m.demonym:
            continue
        i = bisect.bisect_left(words.starts, m.end + 1)
        if i >= len(doc) or words.starts[i] != m.end + 1 or words.words[i] not in tails or doc[i].ent_type_ or (
                i + 1 < len(doc) and words.words[i + 1][:1].isupper() and not words.sent_end[i]):
            continue
        m.end += 1 + len(words.words[i])
        m.text, m.name = words.text[m.start : m.end], f"{m.name} {words.words[i]}"


def _unlabelled_companies(doc: Doc, found: list[Mention], forms: frozenset[str],
                          sent_index: dict[int, int]) -> list[Mention]:
    """ORG mentions for capitalised proper nouns in no mention and no entity, then a legal form ('Korvath Energy Inc.'
    after a dateline, which the model left out)."""
    words = doc_words(doc)
    covered = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    for i in (i for i, w in enumerate(words.words) if w in forms and i > 0):
        j = i
        while j > 0 and words.proper[j - 1] and words.words[j - 1][:1].isupper() and not doc[j - 1].ent_type_ \
                and not words.sent_end[j - 1]:
            j -= 1
        start, end = words.starts[j], words.starts[i] + len(words.words[i])
        if j == i or words.words[j].isupper() or any(a < end and start < b for a, b in covered):
            continue
        span = doc[j : i + 1]
        out.append(Mention(start=start, end=end, text=span.text, type="ORG", sent=sent_index[span.sent.start],
                           name=span.text, source="context", cue="legal form after capitalised names"))
    return out


def hyphen_given_names(doc: Doc, found: list[Mention]) -> None:
    """'Min-jun Park': a given name of two parts joined by a hyphen, the second in lower case, right before a person's
    name the model read without it, joins the name when the tokenizer tagged all its parts proper nouns (so never
    'Korean-born Park')."""
    words = doc_words(doc)
    for m in found:
        if m.type != "PERSON" or m.start < 4:
            continue
        match = HYPHEN_GIVEN.search(words.text, max(0, m.start - 24), m.start)
        if match is None:
            continue
        span = doc.char_span(match.start(), match.end() - 1, alignment_mode="strict")
        if span is None or not (all(words.proper[t.i] for t in span) or all(
                KOREAN_SYLLABLE.fullmatch(part.lower()) for part in match.group(1).split("-"))):
            continue
        m.start, m.text = match.start(), words.text[match.start() : m.end]
        m.name = f"{match.group(1)} {m.name}" if not m.title else m.name


def hyphen_given_tails(doc: Doc, found: list[Mention]) -> None:
    """'Han Duck-soo': a person's name of two or more words the model ended at a hyphen written close before a
    lower-case romanised Korean syllable, tagged a proper noun, takes that syllable as the end of the given name
    ('Macron-style reforms', 'Trump-era rules', 'Biden-led talks' stay)."""
    words = doc_words(doc)
    for m in found:
        if m.type != "PERSON" or " " not in m.text or words.text[m.end : m.end + 1] != "-":
            continue
        match = HYPHEN_TAIL.match(words.text, m.end)
        if match is None or not KOREAN_SYLLABLE.fullmatch(match.group(1)):
            continue
        i = bisect.bisect_left(words.starts, match.start(1), 0, len(words.starts) - 1)
        if words.starts[i] != match.start(1) or not words.proper[i]:
            continue
        if m.name.endswith(m.text.rsplit(" ", 1)[-1]):
            m.name += match.group()
        m.end, m.text = match.end(), words.text[m.start : match.end()]


# A lower-case part of a given name after a close hyphen ('-soo' of 'Duck-soo'), the word ending there.
HYPHEN_TAIL = re.compile(r"-([a-z]{2,5})(?![\w-])")
# A given name of two parts, the second in lower case ('Min-jun', 'Ji-hoon'), ending right before a name.
HYPHEN_GIVEN = re.compile(r"(?<![\w-])([A-Z][a-z]+-[a-z]{2,5}) $")
# A hyphenated given name and a one-word surname ('Ji-woo Han'); both given parts must be romanised Korean syllables.
HYPHEN_PERSON = re.compile(r"(?<![\w-])([A-Z][a-z]{0,4})-([a-z]{2,5}) ([A-Z][a-z]{1,9})\b")
KOREAN_SYLLABLE = re.compile(r"(?:kk|tt|pp|ss|jj|ch|[gkndtrlmbpsjhyw])?"
                             r"(?:yae|yeo|wae|eo|ae|ya|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|[aeiou])(?:ng|[nklmp])?")


def hyphen_given_people(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """PERSON mentions for 'Ji-woo Han' names the model missed (it reads 'woo' as a noun and 'Han' as a people): a
    hyphenated given name of two romanised Korean syllables ('Kremlin-run', 'Korean-born' are none) and a capitalised
    surname, in no mention and no entity but a nationality or person."""
    words = doc_words(doc)
    out: list[Mention] = []
    for match in HYPHEN_PERSON.finditer(words.text):
        if not all(KOREAN_SYLLABLE.fullmatch(part.lower()) for part in match.group(1, 2)) or any(
                m.start < match.end() and match.start() < m.end for m in found):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="strict")
        if span is None or any(t.ent_type_ not in {"", "NORP", "PERSON"} for t in span):
            continue
        out.append(Mention(start=match.start(), end=match.end(), text=span.text, type="PERSON",
                           sent=sent_index[span.sent.start], name=span.text, source="context",
                           cue="hyphenated given name and surname"))
    return out + [m for person in out for m in _bare_surnames(doc, found + out, person, sent_index)]


def _bare_surnames(doc: Doc, found: list[Mention], person: Mention, sent_index: dict[int, int]) -> list[Mention]:
    """The surname of a person found by hyphen_given_people written alone ('Han said'), tagged a proper noun, read
    as no entity or a nationality, not followed by a capitalised word ('Han Chinese')."""
    words, surname = doc_words(doc), person.name.rsplit(" ", 1)[-1]
    out: list[Mention] = []
    for i, word in enumerate(words.words):
        if word != surname or not words.proper[i] or doc[i].ent_type_ not in {"", "NORP"} or (
                i + 1 < len(doc) and words.words[i + 1][:1].isupper()) or any(
                m.start <= words.starts[i] < m.end for m in found):
            continue
        out.append(Mention(start=words.starts[i], end=words.starts[i] + len(word), text=word, type="PERSON",
                           sent=sent_index[doc[i].sent.start], name=word, source="context",
                           cue="surname of a hyphenated given name's person"))
    return out


def based_places(doc: Doc, found: list[Mention]) -> None:
    """A one-word name written before '-based' ('the Eindhoven-based company', 'a Luxembourg-based court') is the
    place the thing is based in, whatever the model typed it, unless it names a company of the document."""
    text = doc_words(doc).text
    if "-based" not in text:
        return
    companies = {m.name.split()[0] for m in found if m.type == "ORG" and " " in m.name}
    for m in found:
        if (m.type in {"ORG", "PERSON", "FACILITY"} and " " not in m.name and m.name not in companies
                and text[m.end : m.end + 7].lower() in {"-based ", "-based,"} and m.source == "ner" and not m.cue):
            m.type, m.cue = "GPE", "a place something is based in"


def common_word_openers(doc: Doc, found: list[Mention]) -> list[Mention]:
    """`found` without the one-word names the model found where a sentence or headline begins whose lower-case
    form the document uses as an ordinary word, or that the tagger reads as a plural common noun ('Missiles struck
    ...'), and which it never capitalises elsewhere ('Runoff looms ...' … 'a June runoff'): the capital comes from
    the sentence start, so that is the word, not a name."""
    table = doc_words(doc)
    if not table.words:
        return found
    opens = [True, *table.sent_end[:-1]]
    candidates: dict[str, str] = {}
    for m in found:
        if m.source == "ner" and not m.demonym and m.text == m.name and m.text.istitle() and m.text.isalpha():
            i = bisect.bisect_left(table.starts, m.start)
            if i < len(table.words) and table.words[i] == m.text and opens[i]:
                candidates[m.text.lower()] = m.text
    if not candidates:
        return found
    lower = {w for w in table.words if w in candidates}
    plural = {w for w, name in candidates.items() if _plural_subject(doc, table.words.index(name))}  # 'Missiles hit'
    inside = {w for w, first in zip(table.words, opens, strict=True) if not first and w.lower() in candidates}
    common = {candidates[w] for w in lower | plural} - inside  # capitalised mid-sentence too: a name ('told Congress')
    return [m for m in found if not (m.text in common and m.source == "ner" and m.text == m.name)]


def _plural_subject(doc: Doc, i: int) -> bool:
    """Token i is a plural common noun, by the tagger, right before a verb ('Missiles struck', 'Quokkas are'); a
    name before a noun stays ('Rajanews website is')."""
    return doc[i].tag_ == "NNS" and i + 1 < len(doc) and doc[i + 1].pos_ in {"VERB", "AUX"}


@lru_cache(maxsize=1)
def _dateline_patterns() -> tuple[re.Pattern, re.Pattern]:
    spec = lexicon.load_json("chrome.json")["datelines"]
    return re.compile(spec["after"]), re.compile(spec["line"])


LINE_CAPS = re.compile(r"^[ \t]*(?=[A-Z][A-Z])", re.M)  # a line opening with two capitals
DATELINE_WORDS = re.compile(r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*")


def dateline_places(doc: Doc, found: list[Mention], sent_index: dict[int, int]) -> list[Mention]:
    """GPE mentions for the all-caps place opening a dateline line ('LONDON -- The Royal Navy ...') that the model
    left unlabelled, when its title-case form is a place mention elsewhere in the document or a place of kg's tables
    (countries.json, places.json), or the dateline says more (a date, a country or an agency: 'CAPE CANAVERAL, Fla.,
    July 2 -', 'PORTO ALEGRE, Brazil (AP) -'); each place of a dateline of several ('NEW DELHI/ISLAMABAD'); any other
    word stays unlabelled. A mention of the model inside the place's words ('SAO' of 'SAO PAULO') is widened to them
    all."""
    _, line = _dateline_patterns()
    text = doc_words(doc).text
    places = {lexicon.key(m.name) for m in found if m.type in {"GPE", "LOC"} and not m.demonym}
    out: list[Mention] = []
    for opening in LINE_CAPS.finditer(text):
        line_start = opening.end()
        first = DATELINE_WORDS.match(text, line_start)
        head = line.match(text, line_start) if first is not None else None
        if head is None:
            continue
        parts = [first]
        while text.startswith("/", parts[-1].end()) and (more := DATELINE_WORDS.match(text, parts[-1].end() + 1)):
            parts.append(more)  # 'NEW DELHI/ISLAMABAD': a story filed from two places
        for words in parts:
            out.extend(_dateline_place(doc, found, places, words, words is parts[-1] and _dated(
                head.group(), words.end() - line_start), sent_index))
    return out


def _dateline_place(doc: Doc, found: list[Mention], places: set[str], words: re.Match, dated: bool,
                    sent_index: dict[int, int]) -> list[Mention]:
    """The new mention for one place of a dateline (see dateline_places), if any; `dated`: the dateline says more
    after it. A mention of the model inside the place's words is widened in place instead."""
    start = words.start()
    inside = [m for m in found if m.start < words.end() and m.end > start]
    if len(inside) > 1 or (inside and not (start <= inside[0].start and inside[0].end <= words.end()
                                           and (inside[0].start, inside[0].end) != (start, words.end()))):
        return []  # the model's mentions cover the words, or run past them
    name = words.group().title()
    span = doc.char_span(start, words.end())
    if not (lexicon.key(name) in places or lexicon.table_place(name) or dated) or span is None:
        return []
    if inside:  # widen the model's part of the place to the whole place
        m = inside[0]
        m.start, m.end, m.text, m.name, m.label = start, words.end(), span.text, name, "GPE"
        m.type, m.cue = "GPE", "the place of a dateline"
        return []
    return [Mention(start=start, end=words.end(), text=span.text, type="GPE", name=name, label="GPE",
                    sent=sent_index[span.sent.start], source="context", cue="the place of a dateline")]


def _dated(head: str, place_end: int) -> bool:
    """The dateline head says more after its place: a date ('CAPE CANAVERAL, Fla., July 2 —'), a country ('PORTO
    ALEGRE, Brazil (AP) —') or an agency in brackets ('MOSUL (Reuters) -')."""
    rest = head[place_end:]
    if "(" in rest:
        return True
    months = lexicon.words("types.json", "name_edges", "months")
    parts = [re.sub(r"\s*(?:--|\u2014|\u2013|-)\s*$", "", part).strip() for part in rest.split(",")[1:]]
    return any((part.split()[:1] and part.split()[0] in months) or lexicon.countries().variant(part) is not None
               for part in parts)


@lru_cache(maxsize=1)
def _country_last_words() -> frozenset[str]:
    """Last words of the countries of kg's table named in two words or more ('Korea' of 'South Korea', 'Arabia' of
    'Saudi Arabia'): a place by themselves, never the short form of a company they open ('Korea Aerospace')."""
    names = {place.name for place in lexicon.countries().by_variant.values() if place.type == "GPE"}
    return frozenset(name.split()[-1] for name in names if " " in name)


def caps_headings(doc: Doc, found: list[Mention]) -> list[Mention]:
    """A short line in capitals that is no dateline ('FED IN FOCUS', 'SIEGE OF EL FASHER') is a subheading: its
    words name nothing by their case alone, so a mention there is kept only when the document names it elsewhere
    (and takes that mention's type: 'EL FASHER' after 'El Fasher'; a word of a name: 'BIDEN' after 'Joe Biden') or
    kg's tables know it (a country, capital, place or acronym); types.json caps_headings."""
    text = doc_words(doc).text
    longest = lexicon.load_json("types.json")["caps_headings"]["max_words"]
    heads = {id(m): _caps_line(text, m, longest) for m in found}
    if not any(heads.values()):
        return found
    elsewhere = {m.name.casefold(): m for m in found if not heads[id(m)] and not m.demonym}
    words = {w for name in elsewhere for w in name.split()}  # 'BIDEN' after 'Joe Biden'
    table, known = lexicon.countries(), words | {a.casefold() for a in lexicon.acronyms()}
    kept = []
    for m in found:
        other = elsewhere.get(m.name.casefold())
        if not heads[id(m)] or m.dateline or m.name.casefold() in known or table.any(m.name) is not None \
                or table.by_capital.get(lexicon.key(m.name)) or lexicon.place_demonym(m.name) is not None:
            kept.append(m)
        elif other is not None:
            m.type, m.cue = other.type, f"same name as a {other.type} mention outside a heading in capitals"
            kept.append(m)
    return kept


def _caps_line(text: str, m: Mention, longest: int) -> bool:
    """The mention stands on a line of its own words, all in capitals, of at most `longest` words."""
    line = text[text.rfind("\n", 0, m.start) + 1 : (text.find("\n", m.end) + 1 or len(text) + 1) - 1].strip()
    return any(c.isalpha() for c in line) and line == line.upper() and len(line.split()) <= longest


def mark_datelines(doc: Doc, mentions: list[Mention]) -> None:
    """Flag the mentions of a dateline that opens a sentence or a line (kg/data/chrome.json datelines): the
    place before "--" and an agency in brackets after it, or any mention inside an all-caps line head."""
    after, line = _dateline_patterns()
    text = doc_words(doc).text
    for m in mentions:
        span = mention_span(doc, m)
        if span is None or m.dateline:
            continue
        opens = max(span.sent.start_char, text.rfind("\n", 0, m.start) + 1)
        before = text[opens:m.start]
        if before.strip():  # inside an all-caps head: "MANILA (Reuters) -"
            match = line.match(text, opens + len(before) - len(before.lstrip()))
            m.dateline = bool(match) and m.end <= match.end()
            if m.dateline and m.type == "GPE" and m.text.isupper() and len(m.text) > 3:
                m.name = m.text.title()  # 'UNITED NATIONS/CAIRO': shown as 'Cairo'
            continue
        match = after.match(text, m.end)
        if match:
            dash = m.text.isupper() and re.search("[\u2013\u2014]", match.group())
            # an agency, a date, '--', or a dash after capitals ('MOGADISHU —'): no list of names in prose
            dated = re.search(r"[(\d]|--", match.group()) or dash
            places_end = m.end + len(_MORE_PLACES.match(text, m.end).group())
            agency = re.search(r"\(([^()]+)\)", match.group())
            for o in mentions:
                if o is m or m.end <= o.start < match.end():
                    o.dateline = True
                    if dated and o is not m and o.end <= places_end and o.text.isupper():
                        dateline_place(o)  # 'WASHINGTON/AMSTERDAM, Dec 3 (Reuters) -': both places
                    elif agency and m.end + agency.start(1) <= o.start and o.end <= m.end + agency.end(1) and \
                            o.type in {"GPE", "LOC", "PERSON"}:
                        o.type, o.cue = "ORG", "the agency of a dateline"  # 'PANAMA CITY, Aug 5 (Bloomberg) -' GPE
            if dated:
                dateline_place(m)
            elif m.type == "GPE" and m.text.isupper() and len(m.text) > 3:  # 'TOKYO - ': shown as 'Tokyo'
                m.name = m.text.title()


_MORE_PLACES = re.compile(r"(?:/[A-Z][A-Z.' -]{1,30})*")  # more places after the first one of a dateline


def dateline_place(m: Mention) -> None:
    """The name opening a dateline is the place the story was filed from: a GPE whatever the model read
    ('OTTAWA' ORG), shown in title case when written in capitals ('PORTLAND' -> 'Portland')."""
    if m.type in {"ORG", "PERSON"} and not (m.type == "ORG" and (m.name or m.text).title() in _acronym_expansions()):
        m.type, m.cue = "GPE", "opens a dateline"  # 'UNITED NATIONS (Reuters)' stays the organisation
    name = m.name or m.text
    if name.isupper() and len(name) > 3:
        m.name = name.title()


def lone_letter(m: Mention) -> bool:
    """A person named by one letter is an initial cut from a name or a letter read as one ('a post on X.')."""
    return m.type == "PERSON" and len(re.sub(r"\W", "", m.name or m.text)) == 1


def bare_year(m: Mention) -> bool:
    """A name that is a year alone is a date, no entity: the model labels 'the 1967' EVENT before 'Outer Space
    Treaty', 'the 2014' before 'Enhanced Defense Cooperation Agreement'."""
    return _YEAR.fullmatch(m.name or m.text) is not None


_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


def has_name(text: str, lower_ok: bool = False) -> bool:
    """A letter or digit besides a determiner (the model sometimes labels a stray "the '", a node with no label), and
    a capital or digit where the script has capitals: 'width', 'elk' or 'the university clinic' are no names. With
    `lower_ok` (laws: 'the new legislation' refers back to the law named before it) lower case is kept."""
    words = [w for w in re.findall(r"\w+", text) if w.lower() not in DETERMINERS]
    return bool(words) and (lower_ok or not text.islower() or any(ch.isdigit() for ch in text))
