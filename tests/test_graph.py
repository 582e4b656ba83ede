"""The reduce stage on hand-made DocResults: edge aggregation, keys, NPMI co-occurrence, thresholds."""

from __future__ import annotations

import math

from kg.graph import COOCCURRENCE, build_graph, edge_key, npmi
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
