"""Entities + evidence → ``networkx.MultiDiGraph`` with weighted, evidence-backed edges.

Pattern edges: one per (source, relation, target), weight = number of asserting sentences.
Co-occurrence edges: one per unordered pair seen in a sentence, weighted by NPMI over
sentence counts so that hub entities ("Japan" in every sentence) do not dominate.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from kg.resolve import Resolution
from kg.schema import DocResult

COOCCURRENCE = "co_occurrence"


def edge_key(relation: str, negated: bool = False, hypothetical: bool = False) -> str:
    """Key of an edge in the MultiDiGraph: the relation, marked when not a plain fact."""
    return relation + (":negated" if negated else "") + (":hypothetical" if hypothetical else "")


def build_graph(
    results: Iterable[DocResult], resolution: Resolution, min_weight: float = -1.0, min_count: int = 1
) -> nx.MultiDiGraph:
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

    pattern: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    cooc: dict[tuple[str, str], list[dict]] = defaultdict(list)
    entity_sents: Counter[str] = Counter()
    n_sents = 0
    for r in results:
        ids = resolution.mention_entity.get(r.doc, [])
        by_sent: dict[int, set[str]] = defaultdict(set)
        for ev in r.evidence:
            s, t = ids[ev.source], ids[ev.target]
            if ev.kind == "coreference":  # a pronoun: the entity is present in that sentence too
                if s is not None:
                    by_sent[ev.sent].add(s)
                continue
            if s is None or t is None or s == t:
                continue
            start, end, text = r.sentences[ev.sent]
            row = {"doc": r.doc, "sentence": text, "start": start, "end": end, "rule": ev.rule,
                   "negated": ev.negated, "hypothetical": ev.hypothetical, "date": ev.date,
                   "relation": ev.relation, **ev.attrs}
            pattern[(s, edge_key(ev.relation, ev.negated, ev.hypothetical), t)].append(row)
        for i, m in enumerate(r.mentions):
            if ids[i] is not None:
                by_sent[m.sent].add(ids[i])
        n_sents += len(r.sentences)
        for sent, ents in sorted(by_sent.items()):
            entity_sents.update(ents)
            start, end, text = r.sentences[sent]
            ordered = sorted(ents)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    cooc[(a, b)].append({"doc": r.doc, "sentence": text, "start": start, "end": end,
                                         "rule": "sentence", "relation": COOCCURRENCE})

    for (s, k, t), rows in sorted(pattern.items()):
        first = rows[0]
        g.add_edge(s, t, key=k, relation=first["relation"], kind="pattern", weight=float(len(rows)),
                   count=len(rows), evidence=first["sentence"], evidence_rows=rows,
                   documents=len({x["doc"] for x in rows}), rules=sorted({x["rule"] for x in rows}),
                   negated=first["negated"], hypothetical=first["hypothetical"],
                   date=next((x["date"] for x in rows if x["date"]), ""))
    for (a, b), rows in sorted(cooc.items()):
        weight = npmi(len(rows), entity_sents[a], entity_sents[b], n_sents)
        if len(rows) < min_count or weight < min_weight:
            continue
        g.add_edge(a, b, key=COOCCURRENCE, relation=COOCCURRENCE, kind="cooccurrence",
                   weight=round(weight, 6), count=len(rows), evidence=rows[0]["sentence"],
                   evidence_rows=rows, documents=len({x["doc"] for x in rows}), rules=["sentence"],
                   negated=False, hypothetical=False, date="")
    return g


def npmi(both: int, a: int, b: int, n: int) -> float:
    """Normalised pointwise mutual information of two entities over n sentences, in [-1, 1]."""
    if not both or not n:
        return -1.0
    p_ab, p_a, p_b = both / n, a / n, b / n
    if p_ab >= 1.0:
        return 1.0
    return math.log(p_ab / (p_a * p_b)) / -math.log(p_ab)
