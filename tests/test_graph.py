"""The reduce stage on hand-made DocResults: edge aggregation, keys, NPMI co-occurrence, thresholds."""

from __future__ import annotations

import math
from itertools import pairwise

from kg.graph import COOCCURRENCE, SAME_DOCUMENT, build_graph, edge_key, npmi
from kg.resolve import Resolution
from kg.schema import DocResult, Entity, Evidence, Mention


def mention(text: str, sent: int, kind: str = "GPE") -> Mention:
    return Mention(start=0, end=len(text), text=text, type=kind, sent=sent, name=text)


def doc(name: str, sentences: list[list[str]], evidence: list[Evidence] = ()) -> DocResult:
    """A DocResult whose sentence i holds mentions of the given entity names (mention index = order)."""
    mentions = [mention(e, i) for i, ents in enumerate(sentences) for e in ents]
    sents = [(i * 100, i * 100 + 50, f"sentence {i} of {name}") for i in range(len(sentences))]
    return DocResult(doc=name, sentences=sents, mentions=mentions, evidence=list(evidence))


def resolution(results: list[DocResult]) -> Resolution:
    """Each distinct mention text is one entity whose id is the lower-cased text."""
    ids = sorted({m.text for r in results for m in r.mentions})
    ents = [Entity(id=i.lower(), label=i, type="GPE") for i in ids]
    return Resolution(entities=ents, mention_entity={r.doc: [m.text.lower() for m in r.mentions] for r in results})


def test_pattern_edges_aggregate_evidence_per_source_relation_target():
    a = doc("a.txt", [["X", "Y"]], [Evidence(0, 1, "escort", 0, rule="svo", date="May 1")])
    b = doc("b.txt", [["X", "Y"], ["X", "Y"]], [Evidence(0, 1, "escort", 0, rule="svo"),
                                                Evidence(2, 3, "escort", 1, rule="subject-verb-prep")])
    g = build_graph([a, b], resolution([a, b]))
    d = g.edges["x", "y", "escort"]
    assert d["kind"] == "pattern" and d["count"] == 3 and d["documents"] == 2
    assert d["rules"] == ["subject-verb-prep", "svo"] and d["evidence"] == "sentence 0 of a.txt"
    assert d["date"] == "May 1" and len(d["evidence_rows"]) == 3
    assert not g.has_edge("y", "x", "escort")


def test_negated_and_hypothetical_edges_are_kept_apart():
    r = doc("a.txt", [["X", "Y"], ["X", "Y"]], [Evidence(0, 1, "attack", 0, negated=True),
                                                Evidence(2, 3, "attack", 1, hypothetical=True)])
    g = build_graph([r], resolution([r]))
    assert g.has_edge("x", "y", edge_key("attack", negated=True))
    assert g.has_edge("x", "y", edge_key("attack", hypothetical=True))
    assert not g.has_edge("x", "y", "attack")
    assert g.edges["x", "y", "attack:negated"]["negated"] is True


def test_cooccurrence_edges_carry_npmi_and_count_apart_from_patterns():
    r = doc("a.txt", [["X", "Y"], ["X", "Y"], ["Z"]], [Evidence(0, 1, "meet", 0)])
    g = build_graph([r], resolution([r]))
    d = g.edges["x", "y", COOCCURRENCE]
    assert d["kind"] == "cooccurrence" and d["count"] == 2 and d["relation"] == "co_occurrence"
    assert -1.0 <= d["weight"] <= 1.0
    assert g.edges["x", "y", "meet"]["kind"] == "pattern"


def test_hub_entity_gets_lower_weight_than_a_specific_pair():
    sentences = [["Hub", "A", "B"], ["Hub", "A", "B"], ["Hub", "C"], ["Hub", "D"], ["Hub", "E"], ["Hub", "F"]]
    r = doc("a.txt", sentences)
    g = build_graph([r], resolution([r]))
    specific = g.edges["a", "b", COOCCURRENCE]["weight"]
    hub = g.edges["a", "hub", COOCCURRENCE]["weight"]
    assert specific > hub
    assert all(-1.0 <= d["weight"] <= 1.0 for *_e, d in g.edges(data=True) if d["kind"] == "cooccurrence")


def test_thresholds_drop_weak_or_rare_cooccurrence_only():
    sentences = [["Hub", "A", "B"], ["Hub", "A", "B"], ["Hub", "C"], ["Hub", "D"]]
    r = doc("a.txt", sentences, [Evidence(0, 2, "visit", 0)])
    res = resolution([r])
    assert not build_graph([r], res, min_count=2).has_edge("c", "hub")
    assert build_graph([r], res, min_count=2).has_edge("a", "b", COOCCURRENCE)
    strict = build_graph([r], res, min_weight=0.5)
    assert strict.has_edge("a", "b", COOCCURRENCE) and not strict.has_edge("a", "hub", COOCCURRENCE)
    assert strict.has_edge("hub", "b", "visit")  # pattern edges never thresholded


def test_coreference_evidence_counts_entity_in_pronoun_sentence():
    r = doc("a.txt", [["X"], ["Y"]], [Evidence(0, 0, "coreference", 1, rule="coreference", kind="coreference")])
    g = build_graph([r], resolution([r]))
    assert g.has_edge("x", "y", COOCCURRENCE)
    assert not any(d["kind"] == "pattern" for *_e, d in g.edges(data=True))


def test_npmi_bounds_and_independence():
    assert npmi(5, 5, 5, 5) == 1.0
    assert npmi(0, 3, 3, 10) == -1.0
    assert math.isclose(npmi(1, 2, 5, 10), 0.0, abs_tol=1e-9)  # p(ab) = p(a) p(b)
    assert -1.0 <= npmi(1, 9, 9, 10) <= 1.0


def typed_doc(name: str, sentences: list[list[tuple[str, str]]]) -> tuple[DocResult, Resolution]:
    """A DocResult of (text, type) mentions placed in order through the sentences, and its resolution."""
    mentions, sents = [], []
    for i, ents in enumerate(sentences):
        sents.append((i * 100, i * 100 + 90, f"sentence {i}"))
        mentions += [Mention(start=i * 100 + 10 * j, end=i * 100 + 10 * j + 5, text=t, type=k, sent=i, name=t)
                     for j, (t, k) in enumerate(ents)]
    r = DocResult(doc=name, sentences=sents, mentions=mentions)
    types = {m.text: m.type for m in mentions}
    ents = [Entity(id=t.lower(), label=t, type=k) for t, k in sorted(types.items())]
    return r, Resolution(entities=ents, mention_entity={name: [m.text.lower() for m in mentions]})


def test_a_long_list_sentence_pairs_its_first_entity_and_neighbours_only():
    names = [(c, "GPE") for c in "ABCDEFGH"]  # more entities than max_sentence_entities
    r, res = typed_doc("a.txt", [names])
    g = build_graph([r], res, document_links=False)
    pairs = {tuple(sorted((u, v))) for u, v, k in g.edges(keys=True) if k == COOCCURRENCE}
    ids = [n.lower() for n, _ in names]
    assert pairs == {*pairwise(ids), *(("a", b) for b in ids[1:])}
    assert ("c", "e") not in pairs
    short, res2 = typed_doc("b.txt", [names[:4]])
    assert build_graph([short], res2, document_links=False).number_of_edges() == 6  # every pair of 4


def test_document_subject_links_to_entities_of_other_sentences():
    r, res = typed_doc("a.txt", [[("Ann", "PERSON"), ("Acme", "ORG")], [("Ann", "PERSON")],
                                 [("Bob", "PERSON"), ("Zeta", "ORG")]])
    g = build_graph([r], res)
    assert g.has_edge("ann", "bob", SAME_DOCUMENT) and g.has_edge("ann", "zeta", SAME_DOCUMENT)
    d = g.edges["ann", "bob", SAME_DOCUMENT]
    assert d["kind"] == "cooccurrence" and d["rules"] == ["document-subject"] and d["evidence"] == "sentence 2"
    assert not g.has_edge("acme", "bob", SAME_DOCUMENT)  # neither is the subject nor a place
    assert not g.has_edge("acme", "ann", SAME_DOCUMENT)  # already paired by a sentence
    assert g.has_edge("acme", "ann", COOCCURRENCE)
    assert not any(k == SAME_DOCUMENT for *_e, k in build_graph([r], res, document_links=False).edges(keys=True))


def test_places_of_a_document_are_linked_to_one_another():
    r, res = typed_doc("a.txt", [[("Ann", "PERSON"), ("Ann", "PERSON"), ("Kyoto", "GPE")],
                                 [("Bob", "PERSON"), ("Japan", "GPE")], [("Fuji", "LOC"), ("Acme", "ORG")]])
    g = build_graph([r], res)
    assert g.has_edge("japan", "kyoto", SAME_DOCUMENT) and g.has_edge("fuji", "kyoto", SAME_DOCUMENT)
    assert g.edges["fuji", "japan", SAME_DOCUMENT]["rules"] == ["document-places"]
    assert not g.has_edge("acme", "japan", SAME_DOCUMENT) and not g.has_edge("bob", "fuji", SAME_DOCUMENT)


def test_same_document_weight_is_npmi_over_documents():
    docs = [typed_doc(f"{i}.txt", [[("Hub", "GPE"), ("Hub", "GPE")], [(x, "GPE")]]) for i, x in enumerate("AAB")]
    results = [r for r, _ in docs]
    ents = {e.id: e for _, res in docs for e in res.entities}
    res = Resolution(entities=list(ents.values()),
                     mention_entity={k: v for _, r in docs for k, v in r.mention_entity.items()})
    g = build_graph(results, res)
    assert g.edges["a", "hub", SAME_DOCUMENT]["count"] == 2
    assert math.isclose(g.edges["a", "hub", SAME_DOCUMENT]["weight"], round(npmi(2, 2, 3, 3), 6))


def test_build_option_turns_document_links_off(sample_built):
    from kg.build import BuildReport, Built
    from kg.config import BuildConfig

    assert any(k == SAME_DOCUMENT for *_e, k in sample_built.graph.edges(keys=True))
    off = Built(sample_built.results, sample_built.resolution, BuildConfig(document_links=False), BuildReport())
    assert not any(k == SAME_DOCUMENT for *_e, k in off.graph.edges(keys=True))
    kept = {(u, v, k) for u, v, k in sample_built.graph.edges(keys=True) if k != SAME_DOCUMENT}
    assert set(off.graph.edges(keys=True)) == kept


def test_a_dateline_place_is_not_the_first_named_entity_of_its_sentence():
    text = "TOKYO -- Ann met Bob, Cy, Di, Ed, Flo and Gus in Kobe."
    names = ["TOKYO", "Ann", "Bob", "Cy", "Di", "Ed", "Flo", "Gus", "Kobe"]
    mentions = [Mention(start=text.index(n), end=text.index(n) + len(n), text=n, type="PERSON", sent=0, name=n,
                        dateline=n == "TOKYO") for n in names]  # the map stage flags datelines (kg.mentions)
    r = DocResult(doc="a.txt", sentences=[(0, len(text), text)], mentions=mentions)
    res = Resolution(entities=[Entity(id=n.lower(), label=n, type="PERSON") for n in names],
                     mention_entity={"a.txt": [n.lower() for n in names]})
    g = build_graph([r], res, document_links=False)
    assert g.has_edge("ann", "kobe", COOCCURRENCE) and g.has_edge("ann", "gus", COOCCURRENCE)
    assert not g.has_edge("bob", "tokyo", COOCCURRENCE) and not g.has_edge("ed", "tokyo", COOCCURRENCE)
    assert g.has_edge("ann", "tokyo", COOCCURRENCE) and g.has_edge("kobe", "tokyo", COOCCURRENCE)  # moved last


def test_document_links_grow_linearly_with_the_places_of_a_document():
    places = [(f"P{i:02d}", "GPE") for i in range(40)]
    sentences = [[("Hub", "PERSON"), ("Hub", "PERSON")]] + [[p, p] if i < 3 else [p] for i, p in enumerate(places)]
    r, res = typed_doc("a.txt", sentences)
    g = build_graph([r], res)
    links = [(u, v) for u, v, k in g.edges(keys=True) if k == SAME_DOCUMENT]
    assert len(links) <= 39 + 3 * 40 < 40 * 39 // 2  # subject star + three main places, not every pair
    assert g.has_edge("p00", "p39", SAME_DOCUMENT) and g.has_edge("p02", "p20", SAME_DOCUMENT)
    assert not g.has_edge("p10", "p20", SAME_DOCUMENT)  # neither is a main place
