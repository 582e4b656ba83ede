"""Entities + evidence → ``networkx.MultiDiGraph`` with weighted, evidence-backed edges.

Pattern edges: one per (source, relation, target), weight = number of asserting sentences.
Co-occurrence edges: one per unordered pair seen in a sentence, weighted by NPMI over
sentence counts so that hub entities ("Japan" in every sentence) do not dominate.
Same-document edges: a document's subject (its most-mentioned entity) with every other entity
it names, and its main places with its other places, weighted by NPMI over document counts; many facts
in an article span sentences ("Yokosuka ... Japan"), which sentence co-occurrence cannot see.
Both kinds are ``cooccurrence``; the thresholds apply to both. Settings: kg/data/cooccurrence.json.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations, pairwise

import networkx as nx

from kg import lexicon
from kg.resolve import Resolution
from kg.schema import DocResult

COOCCURRENCE = "co_occurrence"
SAME_DOCUMENT = "same_document"


def edge_key(relation: str, negated: bool = False, hypothetical: bool = False) -> str:
    """Key of an edge in the MultiDiGraph: the relation, marked when not a plain fact."""
    return relation + (":negated" if negated else "") + (":hypothetical" if hypothetical else "")


def build_graph(
    results: Iterable[DocResult], resolution: Resolution, min_weight: float = -1.0, min_count: int = 1,
    document_links: bool = True,
) -> nx.MultiDiGraph:
    """The graph of a corpus: one node per entity, pattern edges, sentence and same-document co-occurrence."""
    g = nx.MultiDiGraph()
    for e in resolution.entities:
        g.add_node(
            e.id,
            label=e.label,
            type=e.type,
            aliases=list(e.aliases),
            mentions=e.mentions,
            documents=len(e.documents),
            docs=list(e.documents),
            titles=list(e.titles),
            merges=list(e.merges),
        )
    settings = lexicon.load_json("cooccurrence.json")
    cap, places, main_places = (settings["max_sentence_entities"], frozenset(settings["place_types"]),
                                settings["main_places"])
    types = {e.id: e.type for e in resolution.entities}

    pattern: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    cooc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    codoc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    entity_sents: Counter[str] = Counter()
    entity_docs: Counter[str] = Counter()
    n_sents = n_docs = 0
    for r in results:
        ids = resolution.mention_entity.get(r.doc, [])
        for (s, k, t), row in pattern_rows(r, ids):
            pattern[(s, k, t)].append(row)
        by_sent = sentence_entities(r, ids)
        n_sents += len(r.sentences)
        n_docs += 1
        for sent, ents in sorted(by_sent.items()):
            entity_sents.update(ents)
            start, end, text = r.sentences[sent]
            for a, b in sentence_pairs(ents, cap):
                cooc[(a, b)].append({"doc": r.doc, "sentence": text, "start": start, "end": end,
                                     "rule": "sentence", "relation": COOCCURRENCE})
        if document_links:
            entity_docs.update({i for i in ids if i is not None})
            for (a, b), sent, rule in document_pairs(r, ids, by_sent, types, places, cap, main_places):
                start, end, text = r.sentences[sent]
                codoc[(a, b)].append({"doc": r.doc, "sentence": text, "start": start, "end": end,
                                      "rule": rule, "relation": SAME_DOCUMENT})

    for (s, k, t), rows in sorted(pattern.items()):
        first = rows[0]
        g.add_edge(s, t, key=k, relation=first["relation"], kind="pattern", weight=float(len(rows)),
                   count=len(rows), evidence=first["sentence"], evidence_rows=rows,
                   documents=len({x["doc"] for x in rows}), rules=sorted({x["rule"] for x in rows}),
                   negated=first["negated"], hypothetical=first["hypothetical"],
                   date=next((x["date"] for x in rows if x["date"]), ""))
    for relation, pairs, counts, n in ((COOCCURRENCE, cooc, entity_sents, n_sents),
                                       (SAME_DOCUMENT, codoc, entity_docs, n_docs)):
        for (a, b), rows in sorted(pairs.items()):
            weight = npmi(len(rows), counts[a], counts[b], n)  # one row per sentence / per document
            if len(rows) < min_count or weight < min_weight:
                continue
            g.add_edge(a, b, key=relation, relation=relation, kind="cooccurrence",
                       weight=round(weight, 6), count=len(rows), evidence=rows[0]["sentence"],
                       evidence_rows=rows, documents=len({x["doc"] for x in rows}),
                       rules=sorted({x["rule"] for x in rows}), negated=False, hypothetical=False, date="")
    return g


def pattern_rows(r: DocResult, ids: list[str | None]) -> Iterator[tuple[tuple[str, str, str], dict]]:
    """(source, edge key, target) and its evidence row for every pattern assertion between two entities."""
    for ev in r.evidence:
        if ev.kind == "coreference":
            continue
        s, t = ids[ev.source], ids[ev.target]
        if s is None or t is None or s == t:
            continue
        start, end, text = r.sentences[ev.sent]
        row = {"doc": r.doc, "sentence": text, "start": start, "end": end, "rule": ev.rule,
               "negated": ev.negated, "hypothetical": ev.hypothetical, "date": ev.date,
               "relation": ev.relation, **ev.attrs}
        yield (s, edge_key(ev.relation, ev.negated, ev.hypothetical), t), row


def sentence_entities(r: DocResult, ids: list[str | None]) -> dict[int, list[str]]:
    """The distinct entities of each sentence in order of first mention; a pronoun counts for its antecedent.
    A dateline mention ("TOKYO --", Mention.dateline) goes last: the sentence is not about it."""
    found: dict[int, list[tuple[bool, int, str]]] = defaultdict(list)
    for i, m in enumerate(r.mentions):
        if ids[i] is not None:
            found[m.sent].append((m.dateline, m.start, ids[i]))
    for ev in r.evidence:
        if ev.kind == "coreference" and ids[ev.source] is not None:
            # the pronoun's own offset is not kept: it counts after the sentence's named mentions
            found[ev.sent].append((False, r.sentences[ev.sent][1], ids[ev.source]))
    return {sent: list(dict.fromkeys(e for *_pos, e in sorted(items))) for sent, items in found.items()}


def sentence_pairs(ents: list[str], cap: int) -> Iterator[tuple[str, str]]:
    """Unordered pairs (sorted ids) of one sentence's entities. A sentence naming more than `cap` is a list:
    only its first-named entity (usually the subject) with each other one, and neighbours, are paired."""
    if len(ents) <= cap:
        pairs: Iterable[tuple[str, str]] = combinations(ents, 2)
    else:
        pairs = dict.fromkeys([*((ents[0], e) for e in ents[1:]), *pairwise(ents[1:])])
    for a, b in pairs:
        yield (a, b) if a < b else (b, a)


def document_pairs(
    r: DocResult, ids: list[str | None], by_sent: dict[int, list[str]], types: dict[str, str],
    places: frozenset[str], cap: int, main_places: int = 3,
) -> Iterator[tuple[tuple[str, str], int, str]]:
    """Pairs the document links though no sentence of it pairs them: its subject with every other entity,
    and its `main_places` most-mentioned places with every place it names (linear in its entities, never
    every pair). Each comes with the sentence that names the later of the two."""
    first_sent: dict[str, int] = {}
    for sent in sorted(by_sent):
        for e in by_sent[sent]:
            first_sent.setdefault(e, sent)
    counts = Counter(i for i in ids if i is not None)
    if len(first_sent) < 2 or not counts:
        return
    order = list(first_sent)
    subject = max(order, key=lambda e: counts[e])  # ties: the first named
    named_places = [e for e in order if types.get(e) in places]
    main = sorted(named_places, key=lambda e: -counts[e])[:main_places]  # ties: the first named
    candidates = [(subject, b, "document-subject") for b in order]
    candidates += [(a, b, "document-places") for a in main for b in named_places]
    seen = {p for ents in by_sent.values() for p in sentence_pairs(ents, cap)}
    for a, b, rule in candidates:
        pair = (a, b) if a < b else (b, a)
        if a != b and pair not in seen:
            seen.add(pair)
            yield pair, max(first_sent[a], first_sent[b]), rule


def npmi(both: int, a: int, b: int, n: int) -> float:
    """Normalised pointwise mutual information of two entities over n sentences, in [-1, 1]."""
    if not both or not n:
        return -1.0
    p_ab, p_a, p_b = both / n, a / n, b / n
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
